"""Bad-input cases for ``neuralnlp.transformer``: BPE and WordPiece tokenisers, the corpora, attention,
multi-head attention, LayerNorm, the encoder layer, positions, the safetensors reader, BERT and the
sentence encoder. The models are tiny (a 15-token vocabulary, hidden size 8) so that every case is quick;
the packaged all-MiniLM-L6-v2 is never loaded here."""

from __future__ import annotations

import atexit
import json
import math
import shutil
import struct
import tempfile
from pathlib import Path

import numpy as np
import torch
from hypothesis import strategies as st

from bad_input_harness import (
    Case,
    bad_reals,
    id_dtype_case,
    ids_case,
    kind_case,
    number_case,
    real_error,
    real_got,
    size_case,
    valid_case,
)
from neuralnlp.transformer import attention, bert, bpe, corpora, encoder_layer, layernorm, multihead, positional
from neuralnlp.transformer import safetensors as st_file
from neuralnlp.transformer import sentence_encoder as se
from neuralnlp.transformer import wordpiece as wp

CASES: list[Case] = []
TMP = Path(tempfile.mkdtemp(prefix="neuralnlp-bad-input-transformer-"))
atexit.register(shutil.rmtree, TMP, ignore_errors=True)
MISSING = TMP / "missing" / "file.txt"
NOT_PATHS = [None, 3, ["vocab.txt"]]
NOT_TEXTS = [None, b"bytes", ["a", "list"], 3]
BAD_DTYPES = [torch.long, torch.bool, "float32", 32]


def _type_or_number(v):
    return type(v).__name__


# ---- BPE ---------------------------------------------------------------------------------------------------
CORPUS = ["low lower lowest", "newer wider new", "low low low"]
BPE = bpe.BPETokenizer.train(CORPUS, 10)
V_BPE = len(BPE)
CASES += [
    kind_case("transformer.bpe.pre_tokenize", "text", NOT_TEXTS, lambda t: (bpe.pre_tokenize, (t,), {}), expected="a str"),
    kind_case("transformer.bpe.merge_pair", "symbols", [None, "low", 3, {"l", "o"}],
              lambda s: (bpe.merge_pair, (s, ("l", "o"), "lo"), {}), expected="a tuple of symbols"),
    kind_case("transformer.bpe.merge_pair", "pair", ["lo", ("l",), ("l", "o", "w"), None, "l o"],
              lambda p: (bpe.merge_pair, (("l", "o", "w"), p, "lo"), {}), expected="a pair of symbols"),
    kind_case("transformer.bpe.merge_pair", "new", [None, ("l", "o"), 3], lambda n: (bpe.merge_pair, (("l", "o", "w"), ("l", "o"), n), {}),
              expected="a str"),
    valid_case("transformer.bpe.merge_pair", "pair", [["l", "o"], ("l", "o")],
               lambda p: (bpe.merge_pair, (["l", "o", "w", "l", "o"], p, "lo"), {}), check=lambda r, p: r == ("lo", "w", "lo")),
    kind_case("transformer.bpe.train_bpe", "texts", ["low lower lowest", None, 3, b"low"],
              lambda t: (bpe.train_bpe, (t, 5), {}), expected="a list of texts"),
    kind_case("transformer.bpe.train_bpe", "texts[1]", [None, 3, ["low", "er"], b"low"],
              lambda t: (bpe.train_bpe, (["low", t], 5), {}), expected="a str", note="element"),
    Case("transformer.bpe.train_bpe", "empty", "texts", st.sampled_from([[], ()]), lambda t: (bpe.train_bpe, (t, 5), {}),
         error=ValueError, expected="at least one text", got="an empty list"),
    size_case("transformer.bpe.train_bpe", "num_merges", lambda n: (bpe.train_bpe, (CORPUS, n), {})),
    valid_case("transformer.bpe.train_bpe", "num_merges", [np.int64(3), 10**6], lambda n: (bpe.train_bpe, (CORPUS, n), {}),
               check=lambda r, n: 0 < len(r) <= min(int(n), 100)),
    kind_case("transformer.bpe.BPETokenizer", "merges", [None, "lo", 3], lambda m: (bpe.BPETokenizer, (m, "low"), {}),
              expected="a list of pairs"),
    kind_case("transformer.bpe.BPETokenizer", "merges[0]", ["lo", ("l",), ("l", "o", "w"), ("l", 3)],
              lambda m: (bpe.BPETokenizer, ([m], "low"), {}), expected="a pair of str", note="element"),
    Case("transformer.bpe.BPETokenizer", "kind", "merges", st.sampled_from([[("x", "y")], [("l", "o"), ("low", "e")]]),
         lambda m: (bpe.BPETokenizer, (m, "lowe"), {}), error=ValueError, expected="pieces made of earlier tokens",
         got="", note="unknown pieces"),
    kind_case("transformer.bpe.BPETokenizer", "alphabet", [None, 3, b"low"], lambda a: (bpe.BPETokenizer, ([], a), {}),
              expected="characters"),
    Case("transformer.bpe.BPETokenizer", "tokens", "alphabet[0]", st.sampled_from([["lo"], [""], [3]]),
         lambda a: (bpe.BPETokenizer, ([], a), {}), error=lambda a: TypeError if a == [3] else ValueError,
         expected="one character", got=lambda a: type(a[0]).__name__, note="element"),
    valid_case("transformer.bpe.BPETokenizer", "alphabet", ["low", {"l", "o", "w"}, ["w", "o", "l"]],
               lambda a: (bpe.BPETokenizer, ([("l", "o")], a), {}), check=lambda t, a: t.tokenize("low") == ["lo", "w"]),
    kind_case("transformer.bpe.BPETokenizer.train", "texts", ["low lower", None, 3],
              lambda t: (bpe.BPETokenizer.train, (t, 5), {}), expected="a list of texts"),
    kind_case("transformer.bpe.BPETokenizer.train", "texts[0]", [["low"], None, b"low"],
              lambda t: (bpe.BPETokenizer.train, ([t], 5), {}), expected="a str", note="element"),
    size_case("transformer.bpe.BPETokenizer.train", "num_merges", lambda n: (bpe.BPETokenizer.train, (CORPUS, n), {})),
    kind_case("transformer.bpe.BPETokenizer.encode", "text", NOT_TEXTS, lambda t: (BPE.encode, (t,), {}), expected="a str"),
    kind_case("transformer.bpe.BPETokenizer.tokenize", "text", NOT_TEXTS, lambda t: (BPE.tokenize, (t,), {}), expected="a str"),
    valid_case("transformer.bpe.BPETokenizer.encode", "text", ["", "unseen 字 ✓", "low\n\tlow"],
               lambda t: (lambda: BPE.decode(BPE.encode(t)), (), {}), check=lambda r, t: r == t),
    ids_case("transformer.bpe.BPETokenizer.decode", "ids", V_BPE, (4,), lambda ids: (BPE.decode, (ids.tolist(),), {}),
             torch_tensor=False, what="token ids"),
    id_dtype_case("transformer.bpe.BPETokenizer.decode", "ids", (3,), lambda ids: (BPE.decode, (ids,), {})),
    kind_case("transformer.bpe.BPETokenizer.decode", "ids", ["low", None, 3], lambda ids: (BPE.decode, (ids,), {}),
              expected="integer token ids", note="not a sequence"),
    Case("transformer.bpe.BPETokenizer.decode", "ids", "ids", st.sampled_from([[0xE4], [0xE4, 0xB8], [0xFF, 0x41]]),
         lambda ids: (BPE.decode, (ids,), {}), error=ValueError, expected="byte tokens that form valid UTF-8", got="",
         note="broken UTF-8"),
    valid_case("transformer.bpe.BPETokenizer.decode", "ids", [np.array([0x41, 260]), torch.tensor([0x41]), [], (0x41,)],
               lambda ids: (BPE.decode, (ids,), {}), check=lambda r, ids: isinstance(r, str)),
]

# ---- WordPiece ---------------------------------------------------------------------------------------------
VOCAB = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "the", "cat", "sat", "##s", "un", "##aff", "##able", ",", "!", "a"]
TOK = wp.BertTokenizer(VOCAB, max_length=16)
VOCAB_FILE = TMP / "vocab.txt"
VOCAB_FILE.write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
EMPTY_FILE = TMP / "empty.txt"
EMPTY_FILE.write_text("", encoding="utf-8")
DUPLICATES_FILE = TMP / "duplicates.txt"
DUPLICATES_FILE.write_text("\n".join(VOCAB + ["cat"]) + "\n", encoding="utf-8")
CASES += [
    kind_case("transformer.wordpiece.basic_tokenize", "text", NOT_TEXTS, lambda t: (wp.basic_tokenize, (t,), {}), expected="a str"),
    kind_case("transformer.wordpiece.basic_tokenize", "lowercase", ["no", 0, None], lambda v: (wp.basic_tokenize, ("A b", v), {}),
              expected="True or False"),
    kind_case("transformer.wordpiece.wordpiece_split", "word", NOT_TEXTS, lambda w: (wp.wordpiece_split, (w, TOK.vocab), {}),
              expected="a str"),
    kind_case("transformer.wordpiece.wordpiece_split", "vocab", ["the cat sat", None, 3], lambda v: (wp.wordpiece_split, ("cats", v), {}),
              expected="a dict or set of tokens"),
    kind_case("transformer.wordpiece.wordpiece_split", "unk_token", [None, 1, ["[UNK]"]],
              lambda u: (wp.wordpiece_split, ("dog", TOK.vocab, u), {}), expected="a str"),
    size_case("transformer.wordpiece.wordpiece_split", "max_chars", lambda n: (wp.wordpiece_split, ("cats", TOK.vocab), {"max_chars": n})),
    valid_case("transformer.wordpiece.wordpiece_split", "vocab", [set(VOCAB), frozenset(VOCAB), VOCAB, TOK.vocab],
               lambda v: (wp.wordpiece_split, ("unaffable", v), {"max_chars": np.int64(100)}),
               check=lambda r, v: r == ["un", "##aff", "##able"]),
    Case("transformer.wordpiece.read_vocab", "kind", "path", st.sampled_from([MISSING, str(MISSING), TMP]),
         lambda p: (wp.read_vocab, (p,), {}), error=FileNotFoundError, expected="an existing file", got="not found"),
    kind_case("transformer.wordpiece.read_vocab", "path", NOT_PATHS, lambda p: (wp.read_vocab, (p,), {}), expected="a path",
              note="not a path"),
    Case("transformer.wordpiece.read_vocab", "empty", "path", st.just(EMPTY_FILE), lambda p: (wp.read_vocab, (p,), {}),
         error=ValueError, expected="one token per line", got="an empty file"),
    Case("transformer.wordpiece.read_vocab", "tokens", "path", st.just(DUPLICATES_FILE), lambda p: (wp.read_vocab, (p,), {}),
         error=ValueError, expected="each token once", got="'cat' at line 7 and line 16", note="duplicates"),
    kind_case("transformer.wordpiece.BertTokenizer", "vocab", [str(VOCAB_FILE), VOCAB_FILE, None, 3],
              lambda v: (wp.BertTokenizer, (v,), {}),
              expected=lambda v: "a list of tokens" if isinstance(v, (str, Path)) else "a sequence of tokens"),
    Case("transformer.wordpiece.BertTokenizer", "tokens", "vocab", st.sampled_from([VOCAB + [3], VOCAB + [["x"]]]),
         lambda v: (wp.BertTokenizer, (v,), {}), error=TypeError, expected="a sequence of", got="position 15",
         note="element"),
    Case("transformer.wordpiece.BertTokenizer", "tokens", "vocab", st.sampled_from([VOCAB + ["cat"], ["the", "the"] + VOCAB]),
         lambda v: (wp.BertTokenizer, (v,), {}), error=ValueError, expected="each token once", got="'", note="duplicates"),
    Case("transformer.wordpiece.BertTokenizer", "tokens", "vocab", st.sampled_from([VOCAB[1:], ["the", "cat"]]),
         lambda v: (wp.BertTokenizer, (v,), {}), error=ValueError, expected="the special tokens", got="none for",
         note="no specials"),
    kind_case("transformer.wordpiece.BertTokenizer", "lowercase", ["yes", 1, None], lambda v: (wp.BertTokenizer, (VOCAB, v), {}),
              expected="True or False"),
    size_case("transformer.wordpiece.BertTokenizer", "max_length", lambda n: (wp.BertTokenizer, (VOCAB,), {"max_length": n}),
              minimum=2),
    valid_case("transformer.wordpiece.BertTokenizer", "max_length", [np.int64(16), 2, np.int32(512)],
               lambda n: (wp.BertTokenizer, (tuple(VOCAB),), {"max_length": n}), check=lambda t, n: t.max_length == int(n)),
    Case("transformer.wordpiece.BertTokenizer.from_file", "kind", "path", st.sampled_from([MISSING, str(MISSING)]),
         lambda p: (wp.BertTokenizer.from_file, (p,), {}), error=FileNotFoundError, expected="an existing file", got="not found"),
    size_case("transformer.wordpiece.BertTokenizer.from_file", "max_length",
              lambda n: (wp.BertTokenizer.from_file, (VOCAB_FILE,), {"max_length": n}), minimum=2),
    kind_case("transformer.wordpiece.BertTokenizer.tokenize", "text", NOT_TEXTS, lambda t: (TOK.tokenize, (t,), {}), expected="a str"),
    Case("transformer.wordpiece.BertTokenizer.convert_tokens_to_ids", "tokens", "tokens",
         st.sampled_from(["the cat", "cat"]), lambda t: (TOK.convert_tokens_to_ids, (t,), {}), error=TypeError,
         expected="a sequence of tokens", got="str"),
    Case("transformer.wordpiece.BertTokenizer.convert_tokens_to_ids", "tokens", "tokens",
         st.sampled_from([[["the", "cat"]], ["the", 5], [None]]), lambda t: (TOK.convert_tokens_to_ids, (t,), {}),
         error=TypeError, expected="a sequence of", got="position", note="elements"),
    ids_case("transformer.wordpiece.BertTokenizer.convert_ids_to_tokens", "ids", len(VOCAB), (5,),
             lambda ids: (TOK.convert_ids_to_tokens, (ids,), {}), what="token ids"),
    id_dtype_case("transformer.wordpiece.BertTokenizer.convert_ids_to_tokens", "ids", (3,),
                  lambda ids: (TOK.convert_ids_to_tokens, (ids,), {})),
    Case("transformer.wordpiece.BertTokenizer.convert_ids_to_tokens", "shape", "ids", st.sampled_from([(2, 3), (1, 1)]),
         lambda s: (TOK.convert_ids_to_tokens, (np.zeros(s, dtype=np.int64),), {}), error=ValueError,
         expected="one sequence of token ids", got=lambda s: f"shape {s}"),
    ids_case("transformer.wordpiece.BertTokenizer.decode", "ids", len(VOCAB), (4,), lambda ids: (TOK.decode, (ids.tolist(),), {}),
             torch_tensor=False, what="token ids"),
    kind_case("transformer.wordpiece.BertTokenizer.decode", "ids", ["the cat", None, 2.0], lambda ids: (TOK.decode, (ids,), {}),
              expected="integer token ids"),
    valid_case("transformer.wordpiece.BertTokenizer.decode", "ids",
               [torch.tensor([2, 5, 6, 8, 3]), np.array([2, 5, 6, 8, 3], dtype=np.int32), (2, 5, 6, 8, 3)],
               lambda ids: (TOK.decode, (ids,), {}), check=lambda r, ids: r == "the cats"),
    kind_case("transformer.wordpiece.BertTokenizer.encode", "text", NOT_TEXTS, lambda t: (TOK.encode, (t,), {}), expected="a str"),
    kind_case("transformer.wordpiece.BertTokenizer.encode", "truncation", ["yes", 1, None],
              lambda v: (TOK.encode, ("the cat",), {"truncation": v}), expected="True or False"),
    size_case("transformer.wordpiece.BertTokenizer.encode", "max_length", lambda n: (TOK.encode, ("the cat",), {"max_length": n}),
              minimum=2, maximum=16, optional=True),
    Case("transformer.wordpiece.BertTokenizer.encode", "size", "text", st.sampled_from([20, 15]),
         lambda n: (TOK.encode, ("cat " * n,), {}), error=ValueError, expected="at most 16 tokens",
         got=lambda n: f"got {n + 2}", note="too long"),
    valid_case("transformer.wordpiece.BertTokenizer.encode", "max_length", [np.int64(4), 16, None],
               lambda n: (TOK.encode, ("the cat sat a cat",), {"truncation": True, "max_length": n}),
               check=lambda r, n: len(r) == min(7, 16 if n is None else int(n)) and r[-1] == 3),
    kind_case("transformer.wordpiece.BertTokenizer.batch_encode", "texts", ["the cat", None, 3],
              lambda t: (TOK.batch_encode, (t,), {}), expected="a list of texts"),
    kind_case("transformer.wordpiece.BertTokenizer.batch_encode", "texts[1]", [None, 3, ["the", "cat"], b"cat"],
              lambda t: (TOK.batch_encode, (["the cat", t],), {}), expected="a str", note="element"),
    Case("transformer.wordpiece.BertTokenizer.batch_encode", "empty", "texts", st.sampled_from([[], ()]),
         lambda t: (TOK.batch_encode, (t,), {}), error=ValueError, expected="at least one text", got="an empty list"),
    Case("transformer.wordpiece.BertTokenizer.batch_encode", "size", "texts[1]", st.sampled_from([20, 15]),
         lambda n: (TOK.batch_encode, (["the", "cat " * n],), {}), error=ValueError, expected="at most 16 tokens",
         got=lambda n: f"got {n + 2}", note="too long"),
    size_case("transformer.wordpiece.BertTokenizer.batch_encode", "max_length",
              lambda n: (TOK.batch_encode, (["the cat"],), {"max_length": n}), minimum=2, maximum=16, optional=True),
    valid_case("transformer.wordpiece.BertTokenizer.batch_encode", "texts", [("the cat", ""), iter(["a", "the cat sat"])],
               lambda t: (TOK.batch_encode, (t,), {}), check=lambda r, t: r["input_ids"].shape[0] == 2),
    kind_case("transformer.wordpiece.is_cjk_ideograph", "char", [None, 3, b"a"], lambda c: (wp.is_cjk_ideograph, (c,), {}),
              expected="one character"),
    Case("transformer.wordpiece.is_cjk_ideograph", "kind", "char", st.sampled_from(["汉字", "", "ab"]),
         lambda c: (wp.is_cjk_ideograph, (c,), {}), error=ValueError, expected="one character",
         got=lambda c: f"of length {len(c)}", note="length"),
    kind_case("transformer.wordpiece.is_punctuation", "char", [None, 3, b"!"], lambda c: (wp.is_punctuation, (c,), {}),
              expected="one character"),
    Case("transformer.wordpiece.is_punctuation", "kind", "char", st.sampled_from(["!\"", "", "a!"]),
         lambda c: (wp.is_punctuation, (c,), {}), error=ValueError, expected="one character",
         got=lambda c: f"of length {len(c)}", note="length"),
]

# ---- corpora --------------------------------------------------------------------------------------------------
CASES += [
    kind_case("transformer.corpora.split_sentences", "text", NOT_TEXTS, lambda t: (corpora.split_sentences, (t,), {}),
              expected="a str"),
    valid_case("transformer.corpora.split_sentences", "text", ["", "No end", "It rained. We left."],
               lambda t: (corpora.split_sentences, (t,), {}), check=lambda r, t: len(r) == t.count(". ") + bool(t)),
]
for fn in ("lee_documents", "lee_sentences"):
    CASES.append(Case(f"transformer.corpora.{fn}", "kind", "which", st.sampled_from(["train", "Test", None, 1]),
                      lambda w, f=getattr(corpora, fn): (f, (w,), {}), error=ValueError, expected="'background' or 'test'",
                      got=lambda w: repr(w) if isinstance(w, str) else type(w).__name__))
CASES.append(Case("transformer.corpora.chinese_reviews", "kind", "polarity", st.sampled_from(["positive", "NEG", None, 0]),
                  lambda p: (corpora.chinese_reviews, (p,), {}), error=ValueError, expected="one of ['neg', 'pos', 'both']",
                  got=lambda p: repr(p) if isinstance(p, str) else type(p).__name__))

# ---- attention ---------------------------------------------------------------------------------------------------
Q, K, V = torch.randn(2, 3, 4), torch.randn(2, 5, 4), torch.randn(2, 5, 6)
SDPA, WEIGHTS = attention.scaled_dot_product_attention, attention.attention_weights
for fn, f, extra in (("scaled_dot_product_attention", SDPA, (V,)), ("attention_weights", WEIGHTS, ())):
    name = f"transformer.attention.{fn}"
    CASES += [
        kind_case(name, "query", [np.zeros((3, 4)), [[0.0] * 4], None], lambda q, f=f, e=extra: (f, (q, K, *e), {}),
                  expected="a floating-point torch.Tensor"),
        Case(name, "dtype", "key", st.sampled_from([torch.float64, torch.float16]),
             lambda t, f=f, e=extra: (f, (Q, K.to(t), *e), {}), error=TypeError, expected="dtype torch.float32",
             got=lambda t: f"dtype {t}"),
        Case(name, "dtype", "query", st.sampled_from([torch.long, torch.bool]),
             lambda t, f=f, e=extra: (f, (Q.to(t), K, *e), {}), error=TypeError, expected="a floating-point tensor",
             got=lambda t: f"dtype {t}"),
        Case(name, "device", "key", st.just("meta"), lambda d, f=f, e=extra: (f, (Q, K.to(d), *e), {}),
             error=ValueError, expected="device cpu", got="device meta"),
        Case(name, "shape", "key", st.sampled_from([(2, 5, 3), (2, 5, 8)]), lambda s, f=f, e=extra: (f, (Q, torch.randn(s), *e), {}),
             error=ValueError, expected="E = 4", got=lambda s: f"shape {s}"),
        Case(name, "shape", "key", st.sampled_from([(3, 5, 4), (4, 3, 5, 4)]),
             lambda s, f=f: (f, (Q, torch.randn(s), *((torch.randn(*s[:-1], 6),) if f is SDPA else ())), {}),
             error=ValueError, expected="leading axes that broadcast", got=lambda s: f"shape {s}", note="batch"),
        Case(name, "shape", "query", st.sampled_from([(4,), ()]), lambda s, f=f, e=extra: (f, (torch.randn(s), K, *e), {}),
             error=ValueError, expected="at least 2 axes", got=lambda s: f"shape {s}" if s else "shape ()"),
        kind_case(name, "attn_mask", [np.ones((3, 5), dtype=bool), [[True] * 5] * 3, 1.0],
                  lambda m, f=f, e=extra: (f, (Q, K, *e), {"attn_mask": m}), expected="a torch.Tensor"),
        Case(name, "dtype", "attn_mask", st.sampled_from([torch.long, torch.float64, torch.uint8]),
             lambda t, f=f, e=extra: (f, (Q, K, *e), {"attn_mask": torch.ones(3, 5, dtype=t)}), error=TypeError,
             expected="dtype torch.bool", got=lambda t: f"dtype {t}"),
        Case(name, "shape", "attn_mask", st.sampled_from([(5, 3), (3, 4), (3, 2, 3, 5)]),
             lambda s, f=f, e=extra: (f, (Q, K, *e), {"attn_mask": torch.ones(s, dtype=torch.bool)}), error=ValueError,
             expected="a shape that broadcasts", got=lambda s: f"shape {s}"),
        Case(name, "kind", "attn_mask", st.just(None),
             lambda _, f=f, e=extra: (f, (Q, K, *e), {"attn_mask": torch.ones(3, 5, dtype=torch.bool), "is_causal": True}),
             error=ValueError, expected="None when is_causal=True", got="a tensor", note="with is_causal"),
        kind_case(name, "is_causal", ["yes", 1, None], lambda v, f=f, e=extra: (f, (Q, K, *e), {"is_causal": v}),
                  expected="True or False"),
        Case(name, "number", "scale", bad_reals().filter(lambda v: v is not None),
             lambda v, f=f, e=extra: (f, (Q, K, *e), {"scale": v}), error=real_error, expected="", got=real_got),
        valid_case(name, "scale", [np.float32(0.5), 1, torch.tensor(0.25), None, 0.0],
                   lambda v, f=f, e=extra: (f, (Q, K, *e), {"scale": v}), check=lambda r, v: bool(torch.isfinite(r).all())),
        valid_case(name, "query", [torch.randn(0, 3, 4), torch.randn(2, 1, 3, 4)],
                   lambda q, f=f, e=extra: (f, (q, torch.randn(q.shape[0], 5, 4), *((torch.randn(q.shape[0], 5, 6),) if e else ())), {}),
                   check=lambda r, q: r.shape[0] == q.shape[0], note="empty batch, heads"),
    ]
CASES += [
    kind_case("transformer.attention.scaled_dot_product_attention", "value", [np.zeros((2, 5, 6)), None],
              lambda v: (SDPA, (Q, K, v), {}), expected="a floating-point torch.Tensor"),
    Case("transformer.attention.scaled_dot_product_attention", "shape", "value", st.sampled_from([(2, 4, 6), (2, 6), (6,)]),
         lambda s: (SDPA, (Q, K, torch.randn(s)), {}), error=ValueError, expected="S = 5",
         got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case("transformer.attention.scaled_dot_product_attention", "dtype", "value", st.sampled_from([torch.float64, torch.long]),
         lambda t: (SDPA, (Q, K, V.to(t)), {}), error=TypeError, expected="", got=lambda t: f"dtype {t}"),
    Case("transformer.attention.scaled_dot_product_attention", "device", "value", st.just("meta"),
         lambda d: (SDPA, (Q, K, V.to(d)), {}), error=ValueError, expected="device cpu", got="device meta"),
    size_case("transformer.attention.causal_mask", "L", lambda n: (attention.causal_mask, (n, 4), {})),
    size_case("transformer.attention.causal_mask", "S", lambda n: (attention.causal_mask, (4, n), {})),
    valid_case("transformer.attention.causal_mask", "L", [np.int64(3), np.uint8(1)], lambda n: (attention.causal_mask, (n, np.int32(4)), {}),
               check=lambda m, n: m.shape == (int(n), 4) and m.dtype == torch.bool),
    kind_case("transformer.attention.check_attn_mask", "attn_mask", [np.ones((3, 5), dtype=bool), None, 0.0],
              lambda m: (attention.check_attn_mask, (m, (2, 3, 5), torch.float32), {}), expected="a torch.Tensor"),
    Case("transformer.attention.check_attn_mask", "dtype", "attn_mask", st.sampled_from([torch.long, torch.float64]),
         lambda t: (attention.check_attn_mask, (torch.ones(3, 5, dtype=t), (2, 3, 5), torch.float32), {}), error=TypeError,
         expected="dtype torch.bool", got=lambda t: f"dtype {t}"),
    Case("transformer.attention.check_attn_mask", "shape", "attn_mask", st.sampled_from([(5, 3), (2, 2, 3, 5), (4,)]),
         lambda s: (attention.check_attn_mask, (torch.ones(s, dtype=torch.bool), (2, 3, 5), torch.float32), {}),
         error=ValueError, expected="broadcasts to the scores' (2, 3, 5)",
         got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
]

# ---- multi-head attention ----------------------------------------------------------------------------------------
MHA = multihead.MultiheadAttention
XQ = torch.randn(3, 2, 8)  # (L, N, E)
CASES += [
    Case("transformer.multihead.check_no_dropout", "number", "dropout", st.sampled_from([0.1, 1, -0.5, np.float32(0.1), 1e-9]),
         lambda d: (multihead.check_no_dropout, (d,), {}), error=ValueError, expected="0.0", got=lambda d: "got"),
    kind_case("transformer.multihead.check_no_dropout", "dropout", ["0", None, [0.0]],
              lambda d: (multihead.check_no_dropout, (d,), {}), expected="a dropout probability"),
    Case("transformer.multihead.check_no_dropout", "number", "dropout", st.sampled_from([math.nan, math.inf]),
         lambda d: (multihead.check_no_dropout, (d,), {}), error=ValueError, expected="a finite dropout probability",
         got=lambda d: str(d), note="nan"),
    size_case("transformer.multihead.MultiheadAttention", "embed_dim", lambda n: (MHA, (n, 1), {})),
    size_case("transformer.multihead.MultiheadAttention", "num_heads", lambda n: (MHA, (8, n), {})),
    Case("transformer.multihead.MultiheadAttention", "size", "num_heads", st.sampled_from([3, 5, 16]),
         lambda h: (MHA, (8, h), {}), error=ValueError, expected="a divisor of embed_dim = 8", got=lambda h: f"got {h}",
         note="divisor"),
    Case("transformer.multihead.MultiheadAttention", "number", "dropout", bad_reals(0, 0), lambda d: (MHA, (8, 2, d), {}),
         error=real_error, expected="", got=real_got),
    kind_case("transformer.multihead.MultiheadAttention", "bias", ["no", 0, None], lambda b: (MHA, (8, 2), {"bias": b}),
              expected="True or False"),
    kind_case("transformer.multihead.MultiheadAttention", "batch_first", ["no", 1, None],
              lambda b: (MHA, (8, 2), {"batch_first": b}), expected="True or False"),
    kind_case("transformer.multihead.MultiheadAttention", "dtype", BAD_DTYPES, lambda d: (MHA, (8, 2), {"dtype": d}),
              expected="a floating-point torch.dtype"),
    valid_case("transformer.multihead.MultiheadAttention", "embed_dim", [np.int64(8), np.int32(8)],
               lambda n: (lambda: MHA(n, np.int64(2))(XQ, XQ, XQ)[0], (), {}), check=lambda out, n: out.shape == (3, 2, 8)),
    kind_case("transformer.multihead.MultiheadAttention.from_torch", "module",
              [None, torch.nn.Linear(8, 8), MHA(8, 2)], lambda m: (MHA.from_torch, (m,), {}),
              expected="a torch.nn.MultiheadAttention"),
    Case("transformer.multihead.MultiheadAttention.from_torch", "shape", "module",
         st.sampled_from([{"kdim": 4}, {"vdim": 6}, {"add_bias_kv": True}]),
         lambda kw: (MHA.from_torch, (torch.nn.MultiheadAttention(8, 2, **kw),), {}), error=ValueError,
         expected="kdim = vdim = embed_dim", got="a module with"),
]
FWD = "transformer.multihead.MultiheadAttention.forward"
CASES += [
    Case(FWD, "dtype", "query", st.sampled_from([torch.float64, torch.float16]),
         lambda t: (MHA(8, 2), (XQ.to(t), XQ, XQ), {}), error=TypeError, expected="dtype torch.float32", got=lambda t: f"dtype {t}"),
    Case(FWD, "dtype", "value", st.sampled_from([torch.float64, torch.long]),
         lambda t: (MHA(8, 2), (XQ, XQ, XQ.to(t)), {}), error=TypeError, expected="", got=lambda t: f"dtype {t}"),
    Case(FWD, "device", "key", st.just("meta"), lambda d: (MHA(8, 2), (XQ, XQ.to(d), XQ), {}), error=ValueError,
         expected="device cpu", got="device meta"),
    kind_case(FWD, "query", [np.zeros((3, 2, 8)), None], lambda q: (MHA(8, 2), (q, XQ, XQ), {}),
              expected="a floating-point torch.Tensor"),
    Case(FWD, "shape", "query", st.sampled_from([(3, 2, 6), (8,), (1, 3, 2, 8)]),
         lambda s: (MHA(8, 2), (torch.randn(s), torch.randn(s), torch.randn(s)), {}), error=ValueError,
         expected="E = 8", got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case(FWD, "shape", "key", st.sampled_from([(4, 3, 8), (4, 1, 8)]),
         lambda s: (MHA(8, 2), (XQ, torch.randn(s), torch.randn(s)), {}), error=ValueError,
         expected="the batch size of query, 2", got=lambda s: f"shape {s}", note="batch"),
    Case(FWD, "shape", "value", st.sampled_from([(4, 2, 8), (3, 1, 8)]),
         lambda s: (MHA(8, 2), (XQ, XQ, torch.randn(s)), {}), error=ValueError, expected="the shape of key (3, 2, 8)",
         got=lambda s: f"shape {s}"),
    kind_case(FWD, "key_padding_mask", [np.zeros((2, 3), dtype=bool), [[False] * 3] * 2],
              lambda m: (MHA(8, 2), (XQ, XQ, XQ), {"key_padding_mask": m}), expected="a bool tensor (True = masked)"),
    Case(FWD, "dtype", "key_padding_mask", st.sampled_from([torch.long, torch.float64, torch.int32]),
         lambda t: (MHA(8, 2), (XQ, XQ, XQ), {"key_padding_mask": torch.zeros(2, 3, dtype=t)}), error=TypeError,
         expected="a bool tensor (True = masked)", got=lambda t: f"dtype {t}"),
    Case(FWD, "shape", "key_padding_mask", st.sampled_from([(3, 2), (2,), (1, 3)]),
         lambda s: (MHA(8, 2), (XQ, XQ, XQ), {"key_padding_mask": torch.zeros(s, dtype=torch.bool)}), error=ValueError,
         expected="shape (2, 3)", got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case(FWD, "shape", "attn_mask", st.sampled_from([(3, 4), (2, 3, 3), (4, 3, 3, 1)]),
         lambda s: (MHA(8, 2), (XQ, XQ, XQ), {"attn_mask": torch.zeros(s, dtype=torch.bool)}), error=ValueError,
         expected="shape (3, 3) or (4, 3, 3)", got=lambda s: f"shape {s}"),
    kind_case(FWD, "need_weights", ["no", 0, None], lambda v: (MHA(8, 2), (XQ, XQ, XQ), {"need_weights": v}),
              expected="True or False"),
    kind_case(FWD, "average_attn_weights", ["no", 1], lambda v: (MHA(8, 2), (XQ, XQ, XQ), {"average_attn_weights": v}),
              expected="True or False"),
    valid_case(FWD, "query", [torch.randn(3, 8), torch.randn(3, 0, 8)], lambda q: (MHA(8, 2), (q, q, q), {}),
               check=lambda r, q: r[0].shape == q.shape, note="unbatched, empty batch"),
]

# ---- LayerNorm ---------------------------------------------------------------------------------------------------
LN, LNF = layernorm.LayerNorm, layernorm.layer_norm
X8 = torch.randn(2, 3, 8)
CASES += [
    kind_case("transformer.layernorm.layer_norm", "x", [np.zeros((2, 8)), None, [[1.0, 2.0]]], lambda x: (LNF, (x,), {}),
              expected="a floating-point torch.Tensor"),
    Case("transformer.layernorm.layer_norm", "dtype", "x", st.sampled_from([torch.long, torch.bool]),
         lambda t: (LNF, (X8.to(t),), {}), error=TypeError, expected="a floating-point tensor", got=lambda t: f"dtype {t}"),
    Case("transformer.layernorm.layer_norm", "empty", "x", st.sampled_from([(2, 0), (0,), ()]),
         lambda s: (LNF, (torch.zeros(s),), {}), error=ValueError, expected="d >= 1 features",
         got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case("transformer.layernorm.layer_norm", "shape", "weight", st.sampled_from([(5,), (8, 1), ()]),
         lambda s: (LNF, (X8, torch.ones(s)), {}), error=ValueError, expected="shape (8,)",
         got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case("transformer.layernorm.layer_norm", "dtype", "bias", st.sampled_from([torch.float64, torch.float16]),
         lambda t: (LNF, (X8, None, torch.zeros(8, dtype=t)), {}), error=TypeError, expected="dtype torch.float32",
         got=lambda t: f"dtype {t}"),
    kind_case("transformer.layernorm.layer_norm", "weight", [np.ones(8), [1.0] * 8, 1.0], lambda w: (LNF, (X8, w), {}),
              expected="a floating-point torch.Tensor"),
    number_case("transformer.layernorm.layer_norm", "eps", lambda e: (LNF, (X8,), {"eps": e}), minimum=0),
    valid_case("transformer.layernorm.layer_norm", "x", [torch.zeros(0, 8), torch.ones(2, 8, dtype=torch.float64)],
               lambda x: (LNF, (x,), {"eps": np.float32(1e-5)}), check=lambda y, x: y.shape == x.shape and bool(torch.isfinite(y).all()),
               note="empty batch, constant rows"),
    size_case("transformer.layernorm.LayerNorm", "normalized_shape", lambda n: (LN, (n,), {})),
    number_case("transformer.layernorm.LayerNorm", "eps", lambda e: (LN, (8, e), {}), minimum=0),
    kind_case("transformer.layernorm.LayerNorm", "elementwise_affine", ["no", 0, None],
              lambda v: (LN, (8,), {"elementwise_affine": v}), expected="True or False"),
    kind_case("transformer.layernorm.LayerNorm", "bias", ["no", 1], lambda v: (LN, (8,), {"bias": v}), expected="True or False"),
    kind_case("transformer.layernorm.LayerNorm", "dtype", BAD_DTYPES, lambda d: (LN, (8,), {"dtype": d}),
              expected="a floating-point torch.dtype"),
    valid_case("transformer.layernorm.LayerNorm", "normalized_shape", [np.int64(8), np.uint16(8)],
               lambda n: (lambda: LN(n)(X8), (), {}), check=lambda y, n: y.shape == X8.shape),
    Case("transformer.layernorm.LayerNorm.forward", "shape", "x", st.sampled_from([(2, 5), (8, 3), ()]),
         lambda s: (LN(8), (torch.randn(s),), {}), error=ValueError, expected="shape (..., 8)",
         got=lambda s: f"shape {s}" if s else "shape ()"),
    Case("transformer.layernorm.LayerNorm.forward", "dtype", "x", st.sampled_from([torch.float64, torch.float16]),
         lambda t: (LN(8), (X8.to(t),), {}), error=TypeError, expected="dtype torch.float32", got=lambda t: f"dtype {t}"),
    Case("transformer.layernorm.LayerNorm.forward", "device", "x", st.just("meta"), lambda d: (LN(8), (X8.to(d),), {}),
         error=ValueError, expected="device cpu", got="device meta"),
    kind_case("transformer.layernorm.LayerNorm.forward", "x", [np.zeros((2, 8)), None], lambda x: (LN(8), (x,), {}),
              expected="a floating-point torch.Tensor"),
    kind_case("transformer.layernorm.LayerNorm.from_torch", "module", [None, torch.nn.Linear(8, 8), LN(8), torch.nn.BatchNorm1d(8)],
              lambda m: (LN.from_torch, (m,), {}), expected="a torch.nn.LayerNorm"),
    Case("transformer.layernorm.LayerNorm.from_torch", "shape", "module", st.sampled_from([(2, 8), (3, 4, 2)]),
         lambda s: (LN.from_torch, (torch.nn.LayerNorm(s),), {}), error=ValueError, expected="normalized_shape of one axis",
         got=lambda s: str(s)),
]

# ---- the encoder layer ------------------------------------------------------------------------------------------
TEL = encoder_layer.TransformerEncoderLayer
SRC = torch.randn(3, 2, 8)  # (L, N, d_model)
CASES += [
    size_case("transformer.encoder_layer.TransformerEncoderLayer", "d_model", lambda n: (TEL, (n, 1, 16), {})),
    size_case("transformer.encoder_layer.TransformerEncoderLayer", "nhead", lambda n: (TEL, (8, n, 16), {})),
    Case("transformer.encoder_layer.TransformerEncoderLayer", "size", "nhead", st.sampled_from([3, 5, 16]),
         lambda h: (TEL, (8, h, 16), {}), error=ValueError, expected="a divisor of d_model = 8", got=lambda h: f"got {h}",
         note="divisor"),
    size_case("transformer.encoder_layer.TransformerEncoderLayer", "dim_feedforward", lambda n: (TEL, (8, 2, n), {})),
    Case("transformer.encoder_layer.TransformerEncoderLayer", "number", "dropout", bad_reals(0, 0),
         lambda d: (TEL, (8, 2, 16, d), {}), error=real_error, expected="", got=real_got),
    Case("transformer.encoder_layer.TransformerEncoderLayer", "kind", "activation",
         st.sampled_from(["GELU", "tanh", None, ["relu"]]), lambda a: (TEL, (8, 2, 16), {"activation": a}), error=ValueError,
         expected="'relu' or 'gelu'", got=lambda a: repr(a) if isinstance(a, str) else type(a).__name__),
    number_case("transformer.encoder_layer.TransformerEncoderLayer", "layer_norm_eps",
                lambda e: (TEL, (8, 2, 16), {"layer_norm_eps": e}), minimum=0),
    kind_case("transformer.encoder_layer.TransformerEncoderLayer", "norm_first", ["yes", 1, None],
              lambda v: (TEL, (8, 2, 16), {"norm_first": v}), expected="True or False"),
    kind_case("transformer.encoder_layer.TransformerEncoderLayer", "batch_first", ["yes", 0],
              lambda v: (TEL, (8, 2, 16), {"batch_first": v}), expected="True or False"),
    kind_case("transformer.encoder_layer.TransformerEncoderLayer", "dtype", BAD_DTYPES,
              lambda d: (TEL, (8, 2, 16), {"dtype": d}), expected="a floating-point torch.dtype"),
    valid_case("transformer.encoder_layer.TransformerEncoderLayer", "d_model", [np.int64(8)],
               lambda n: (lambda: TEL(n, np.int64(2), np.int64(16))(SRC), (), {}), check=lambda y, n: y.shape == SRC.shape),
    kind_case("transformer.encoder_layer.TransformerEncoderLayer.forward", "src", [np.zeros((3, 2, 8)), None],
              lambda x: (TEL(8, 2, 16), (x,), {}), expected="a floating-point torch.Tensor"),
    Case("transformer.encoder_layer.TransformerEncoderLayer.forward", "dtype", "src",
         st.sampled_from([torch.float64, torch.long]), lambda t: (TEL(8, 2, 16), (SRC.to(t),), {}), error=TypeError,
         expected="", got=lambda t: f"dtype {t}"),
    Case("transformer.encoder_layer.TransformerEncoderLayer.forward", "device", "src", st.just("meta"),
         lambda d: (TEL(8, 2, 16), (SRC.to(d),), {}), error=ValueError, expected="device cpu", got="device meta"),
    Case("transformer.encoder_layer.TransformerEncoderLayer.forward", "shape", "src", st.sampled_from([(3, 2, 6), (8,), (1, 3, 2, 8)]),
         lambda s: (TEL(8, 2, 16), (torch.randn(s),), {}), error=ValueError, expected="d_model = 8",
         got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case("transformer.encoder_layer.TransformerEncoderLayer.forward", "shape", "src_mask", st.sampled_from([(3, 4), (2, 3, 3)]),
         lambda s: (TEL(8, 2, 16), (SRC, torch.zeros(s, dtype=torch.bool)), {}), error=ValueError,
         expected="shape (3, 3) or (4, 3, 3)", got=lambda s: f"shape {s}"),
    Case("transformer.encoder_layer.TransformerEncoderLayer.forward", "dtype", "src_mask", st.sampled_from([torch.long, torch.float64]),
         lambda t: (TEL(8, 2, 16), (SRC, torch.zeros(3, 3, dtype=t)), {}), error=TypeError,
         expected="a bool tensor (True = masked)", got=lambda t: f"dtype {t}"),
    Case("transformer.encoder_layer.TransformerEncoderLayer.forward", "shape", "src_key_padding_mask",
         st.sampled_from([(3, 2), (2,), (2, 4)]),
         lambda s: (TEL(8, 2, 16), (SRC,), {"src_key_padding_mask": torch.zeros(s, dtype=torch.bool)}), error=ValueError,
         expected="shape (2, 3)", got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case("transformer.encoder_layer.TransformerEncoderLayer.forward", "dtype", "src_key_padding_mask",
         st.sampled_from([torch.long, torch.int32]),
         lambda t: (TEL(8, 2, 16), (SRC,), {"src_key_padding_mask": torch.zeros(2, 3, dtype=t)}), error=TypeError,
         expected="a bool tensor (True = masked)", got=lambda t: f"dtype {t}"),
    valid_case("transformer.encoder_layer.TransformerEncoderLayer.forward", "src", [torch.randn(3, 8), torch.randn(1, 1, 8)],
               lambda x: (TEL(8, 2, 16), (x,), {}), check=lambda y, x: y.shape == x.shape, note="unbatched, one token"),
    kind_case("transformer.encoder_layer.TransformerEncoderLayer.from_torch", "module",
              [None, torch.nn.Linear(8, 8), TEL(8, 2, 16), torch.nn.TransformerEncoder], lambda m: (TEL.from_torch, (m,), {}),
              expected="a torch.nn.TransformerEncoderLayer"),
    Case("transformer.encoder_layer.TransformerEncoderLayer.from_torch", "kind", "module",
         st.sampled_from([torch.nn.GELU(approximate="tanh"), torch.nn.Tanh(), torch.sigmoid]),
         lambda act: (TEL.from_torch, (torch.nn.TransformerEncoderLayer(8, 2, 16, activation=act),), {}), error=ValueError,
         expected="the activation relu or gelu", got="", note="activation"),
]

# ---- positions ----------------------------------------------------------------------------------------------------
PE = positional.sinusoidal_positional_encoding
CASES += [
    size_case("transformer.positional.sinusoidal_positional_encoding", "num_positions", lambda n: (PE, (n, 8), {})),
    size_case("transformer.positional.sinusoidal_positional_encoding", "d_model", lambda n: (PE, (4, n), {})),
    Case("transformer.positional.sinusoidal_positional_encoding", "size", "d_model", st.sampled_from([1, 3, 7, 513]),
         lambda d: (PE, (4, d), {}), error=ValueError, expected="an even number", got=lambda d: f"got {d}", note="odd"),
    kind_case("transformer.positional.sinusoidal_positional_encoding", "dtype", BAD_DTYPES, lambda d: (PE, (4, 8), {"dtype": d}),
              expected="a floating-point torch.dtype"),
    valid_case("transformer.positional.sinusoidal_positional_encoding", "num_positions", [np.int64(4), 10**5],
               lambda n: (PE, (n, np.int64(8)), {"dtype": torch.float64}),
               check=lambda t, n: t.shape == (int(n), 8) and t.dtype == torch.float64),
]

# ---- safetensors --------------------------------------------------------------------------------------------------


def _safetensors_file(name: str, header, data: bytes = b"", length: int | None = None) -> Path:
    raw = header if isinstance(header, bytes) else json.dumps(header).encode()
    path = TMP / name
    path.write_bytes(struct.pack("<Q", len(raw) if length is None else length) + raw + data)
    return path


TOO_SHORT = TMP / "short.safetensors"
TOO_SHORT.write_bytes(b"abc")
BAD_FILES = {  # file -> (exception, argument named, expected, got)
    "short": (TOO_SHORT, "path", "at least 8 bytes", "got 3"),
    "length": (_safetensors_file("length.safetensors", b"{}", length=1000), "path", "a header of 1000 bytes", "got a file of 10"),
    "json": (_safetensors_file("json.safetensors", b"not json"), "path", "a JSON header", "do not parse"),
    "list": (_safetensors_file("list.safetensors", [1, 2]), "path", "a JSON object as header", "got list"),
}
TENSOR_FILES = {
    "dtype": (_safetensors_file("dtype.safetensors", {"w": {"dtype": "F8", "shape": [1], "data_offsets": [0, 1]}}, b"\0"),
              "w", "a dtype among", "'F8'"),
    "offsets": (_safetensors_file("offsets.safetensors", {"w": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 12]}},
                                  b"\0" * 12), "w", "16 bytes for F32 [2, 2]", "data_offsets [0, 12]"),
    "fields": (_safetensors_file("fields.safetensors", {"w": {"dtype": "F32"}}), "w", "{'dtype', 'shape'", "got {"),
}
for fn, f in (("read_safetensors", st_file.read_safetensors), ("read_safetensors_header", st_file.read_safetensors_header)):
    name = f"transformer.safetensors.{fn}"
    CASES += [
        Case(name, "kind", "path", st.sampled_from([MISSING, str(MISSING), TMP]), lambda p, f=f: (f, (p,), {}),
             error=FileNotFoundError, expected="an existing file", got="not found", note="missing"),
        kind_case(name, "path", NOT_PATHS, lambda p, f=f: (f, (p,), {}), expected="a path"),
    ]
    for note, (path, arg, expected, got) in BAD_FILES.items():
        CASES.append(Case(name, "shape", arg, st.just(path), lambda p, f=f: (f, (p,), {}), error=ValueError,
                          expected=expected, got=got, note=note))
for note, (path, arg, expected, got) in TENSOR_FILES.items():
    CASES.append(Case("transformer.safetensors.read_safetensors", "shape", arg, st.just(path),
                      lambda p: (st_file.read_safetensors, (p,), {}), error=ValueError, expected=expected, got=got, note=note))

# ---- BERT ---------------------------------------------------------------------------------------------------------
CONFIG = bert.BertConfig(vocab_size=len(VOCAB), hidden_size=8, num_hidden_layers=1, num_attention_heads=2,
                         intermediate_size=16, max_position_embeddings=16, type_vocab_size=2)
MODEL = bert.BertModel(CONFIG).eval()
IDS = torch.tensor([[2, 5, 6, 3], [2, 7, 3, 0]])
MASK = torch.tensor([[1, 1, 1, 1], [1, 1, 1, 0]])


def _hf_tensors(model=MODEL) -> dict:
    """Our weights under Hugging Face's names (the query, key and value split apart again)."""
    ours, out = model.state_dict(), {}
    for name, theirs in bert.hf_tensor_names(model.config).items():
        for part, n in zip(ours[name].chunk(len(theirs)), theirs):
            out[n] = part.detach().numpy().copy()
    return out


def _write_safetensors(path: Path, tensors: dict) -> Path:
    header, data = {}, b""
    for name, array in tensors.items():
        raw = np.ascontiguousarray(array, dtype="<f4").tobytes()
        header[name] = {"dtype": "F32", "shape": list(array.shape), "data_offsets": [len(data), len(data) + len(raw)]}
        data += raw
    return _safetensors_file(path.name, header, data) if path.parent == TMP else path


HF = _hf_tensors()
WEIGHTS = _write_safetensors(TMP / "model.safetensors", HF)
MISSING_TENSOR = _write_safetensors(TMP / "missing.safetensors", {k: v for k, v in HF.items() if "intermediate" not in k})
CONFIG_JSON = TMP / "config.json"
CONFIG_JSON.write_text(json.dumps({"model_type": "bert", "hidden_act": "gelu", **{
    k: getattr(CONFIG, k) for k in ("vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads",
                                    "intermediate_size", "max_position_embeddings", "type_vocab_size")}}), encoding="utf-8")
GPT2_JSON = TMP / "gpt2.json"
GPT2_JSON.write_text(json.dumps({"model_type": "gpt2"}), encoding="utf-8")
NOT_JSON = TMP / "not.json"
NOT_JSON.write_text("{model_type: bert", encoding="utf-8")
BAD_SIZES_JSON = TMP / "bad-sizes.json"
BAD_SIZES_JSON.write_text(json.dumps({"model_type": "bert", "hidden_size": 0}), encoding="utf-8")

SIZES = ("vocab_size", "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size",
         "max_position_embeddings", "type_vocab_size")
for size in SIZES:
    CASES.append(size_case("transformer.bert.BertConfig", size, lambda n, s=size: (bert.BertConfig, (), {s: n}),
                           examples=6))
CASES += [
    Case("transformer.bert.BertConfig", "size", "num_attention_heads", st.sampled_from([5, 7, 1000]),
         lambda h: (bert.BertConfig, (), {"num_attention_heads": h}), error=ValueError,
         expected="a divisor of hidden_size = 384", got=lambda h: f"got {h}", note="divisor"),
    number_case("transformer.bert.BertConfig", "layer_norm_eps", lambda e: (bert.BertConfig, (), {"layer_norm_eps": e}), minimum=0),
    size_case("transformer.bert.BertConfig", "pad_token_id", lambda i: (bert.BertConfig, (), {"vocab_size": 10, "pad_token_id": i}),
              minimum=0, maximum=9),
    valid_case("transformer.bert.BertConfig", "hidden_size", [np.int64(384), 768],
               lambda d: (bert.BertConfig, (), {"hidden_size": d, "vocab_size": np.int32(100)}),
               check=lambda c, d: type(c.hidden_size) is int and c == bert.BertConfig(hidden_size=int(d), vocab_size=100)),
    Case("transformer.bert.BertConfig.from_json", "kind", "path", st.sampled_from([MISSING, str(MISSING)]),
         lambda p: (bert.BertConfig.from_json, (p,), {}), error=FileNotFoundError, expected="an existing file", got="not found"),
    kind_case("transformer.bert.BertConfig.from_json", "path", NOT_PATHS, lambda p: (bert.BertConfig.from_json, (p,), {}),
              expected="a path", note="not a path"),
    Case("transformer.bert.BertConfig.from_json", "kind", "path", st.sampled_from([NOT_JSON, GPT2_JSON]),
         lambda p: (bert.BertConfig.from_json, (p,), {}), error=ValueError, expected="",
         got=lambda p: "'gpt2'" if p == GPT2_JSON else "does not parse", note="not a BERT config"),
    Case("transformer.bert.BertConfig.from_json", "size", "hidden_size", st.just(BAD_SIZES_JSON),
         lambda p: (bert.BertConfig.from_json, (p,), {}), error=ValueError, expected="an integer >= 1", got="got 0"),
    valid_case("transformer.bert.BertConfig.from_json", "path", [CONFIG_JSON, str(CONFIG_JSON)],
               lambda p: (bert.BertConfig.from_json, (p,), {}), check=lambda c, p: c == CONFIG),
    kind_case("transformer.bert.BertEmbeddings", "config", [None, {"hidden_size": 8}, "minilm"],
              lambda c: (bert.BertEmbeddings, (c,), {}), expected="a BertConfig"),
    ids_case("transformer.bert.BertEmbeddings.forward", "input_ids", len(VOCAB), (2, 4),
             lambda ids: (MODEL.embeddings, (ids, torch.zeros(2, 4, dtype=torch.long)), {}), what="token ids"),
    ids_case("transformer.bert.BertEmbeddings.forward", "token_type_ids", 2, (2, 4),
             lambda t: (MODEL.embeddings, (IDS, t), {}), what="segment ids"),
    Case("transformer.bert.BertEmbeddings.forward", "kind", "token_type_ids", st.just(None),
         lambda t: (MODEL.embeddings, (IDS, t), {}), error=TypeError, expected="an integer tensor of segment ids",
         got="NoneType"),
    Case("transformer.bert.BertEmbeddings.forward", "size", "input_ids", st.sampled_from([17, 40]),
         lambda n: (MODEL.embeddings, (torch.full((1, n), 5), torch.zeros(1, n, dtype=torch.long)), {}), error=ValueError,
         expected="1 to 16 tokens per text", got=lambda n: f"got {n}"),
    kind_case("transformer.bert.BertModel", "config", [None, {"hidden_size": 8}, 384], lambda c: (bert.BertModel, (c,), {}),
              expected="a BertConfig"),
]
BF = "transformer.bert.BertModel.forward"
CASES += [
    ids_case(BF, "input_ids", len(VOCAB), (2, 4), lambda ids: (MODEL, (ids,), {}), what="token ids"),
    Case(BF, "ids", "input_ids", st.sampled_from([torch.float32, torch.float64, torch.bool]),
         lambda t: (MODEL, (IDS.to(t),), {}), error=TypeError, expected="an integer tensor of token ids",
         got=lambda t: f"dtype {t}", note="dtype"),
    kind_case(BF, "input_ids", [IDS.tolist(), IDS.numpy(), [["the", "cat"]], None], lambda ids: (MODEL, (ids,), {}),
              expected="an integer tensor of token ids"),
    Case(BF, "shape", "input_ids", st.sampled_from([(4,), (1, 2, 3)]), lambda s: (MODEL, (torch.full(s, 5),), {}),
         error=ValueError, expected="shape (batch, seq)", got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case(BF, "empty", "input_ids", st.sampled_from([(0, 4), (0, 1)]), lambda s: (MODEL, (torch.zeros(s, dtype=torch.long),), {}),
         error=ValueError, expected="a batch of at least one text", got="an empty batch"),
    Case(BF, "size", "input_ids", st.sampled_from([0, 17, 100]), lambda n: (MODEL, (torch.full((1, n), 5),), {}),
         error=ValueError, expected="1 to 16 tokens per text", got=lambda n: f"got {n}"),
    Case(BF, "device", "input_ids", st.just("meta"), lambda d: (MODEL, (IDS.to(d),), {}), error=ValueError,
         expected="device cpu", got="device meta"),
    Case(BF, "dtype", "attention_mask", st.sampled_from([torch.float32, torch.float64]), lambda t: (MODEL, (IDS, MASK.to(t)), {}),
         error=TypeError, expected="a bool or integer tensor", got=lambda t: f"dtype {t}"),
    Case(BF, "shape", "attention_mask", st.sampled_from([(2, 3), (4, 2), (4,)]), lambda s: (MODEL, (IDS, torch.ones(s, dtype=torch.long)), {}),
         error=ValueError, expected="shape (2, 4)", got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case(BF, "number", "attention_mask", st.sampled_from([2, -1, 5]),
         lambda v: (MODEL, (IDS, MASK.clone().index_put_((torch.tensor([1]), torch.tensor([2])), torch.tensor(v))), {}),
         error=ValueError, expected="0 (masked) or 1", got=lambda v: f"got {v} at index (1, 2)", note="values"),
    Case(BF, "empty", "attention_mask", st.sampled_from([0, 1]),
         lambda row: (MODEL, (IDS, MASK.clone().index_fill_(0, torch.tensor([row]), 0)), {}), error=ValueError,
         expected="at least one token (1) per text", got=lambda row: f"a row of zeros at row {row}"),
    kind_case(BF, "attention_mask", [[[1, 1, 1, 1], [1, 1, 1, 0]], np.ones((2, 4), dtype=np.int64)],
              lambda m: (MODEL, (IDS, m), {}), expected="a bool or integer tensor"),
    ids_case(BF, "token_type_ids", 2, (2, 4), lambda t: (MODEL, (IDS, None, t), {}), what="segment ids"),
    Case(BF, "shape", "token_type_ids", st.sampled_from([(2, 3), (1, 4)]), lambda s: (MODEL, (IDS, None, torch.zeros(s, dtype=torch.long)), {}),
         error=ValueError, expected="shape (2, 4)", got=lambda s: f"shape {s}"),
    kind_case(BF, "output_attentions", ["yes", 1, None], lambda v: (MODEL, (IDS,), {"output_attentions": v}),
              expected="True or False"),
    valid_case(BF, "attention_mask", [MASK.bool(), MASK.to(torch.int32), None, MASK.to(torch.uint8)],
               lambda m: (MODEL, (IDS, m), {}), check=lambda y, m: y.shape == (2, 4, 8) and bool(torch.isfinite(y).all())),
    valid_case(BF, "input_ids", [IDS.to(torch.int32), IDS[:, :1], torch.full((1, 16), 5)],
               lambda ids: (MODEL, (ids,), {}), check=lambda y, ids: y.shape == (*ids.shape, 8), note="int32, 1 and 16 tokens"),
]
CASES += [
    Case("transformer.bert.BertModel.from_safetensors", "kind", "path", st.sampled_from([MISSING, str(MISSING)]),
         lambda p: (bert.BertModel.from_safetensors, (p, CONFIG), {}), error=FileNotFoundError, expected="an existing file",
         got="not found"),
    Case("transformer.bert.BertModel.from_safetensors", "kind", "path", st.just(MISSING_TENSOR),
         lambda p: (bert.BertModel.from_safetensors, (p, CONFIG), {}), error=ValueError,
         expected="a tensor 'encoder.layer.0.intermediate.dense.weight'", got="none by that name", note="missing tensor"),
    Case("transformer.bert.BertModel.from_safetensors", "shape", "path['embeddings.word_embeddings.weight']", st.just(WEIGHTS),
         lambda p: (bert.BertModel.from_safetensors, (p, bert.BertConfig(vocab_size=16, hidden_size=8, num_hidden_layers=1,
                                                                        num_attention_heads=2, intermediate_size=16,
                                                                        max_position_embeddings=16)), {}),
         error=ValueError, expected="shape (16, 8)", got="shape (15, 8)", note="another config"),
    kind_case("transformer.bert.BertModel.from_safetensors", "config", [None, {"hidden_size": 8}],
              lambda c: (bert.BertModel.from_safetensors, (WEIGHTS, c), {}), expected="a BertConfig"),
    valid_case("transformer.bert.BertModel.from_safetensors", "path", [WEIGHTS, str(WEIGHTS)],
               lambda p: (bert.BertModel.from_safetensors, (p, CONFIG), {}),
               check=lambda m, p: torch.allclose(m.eval()(IDS), MODEL(IDS))),
    kind_case("transformer.bert.BertModel.load_hf_state_dict", "tensors", [None, list(HF.values()), "weights"],
              lambda t: (bert.BertModel(CONFIG).load_hf_state_dict, (t,), {}), expected="a dict of tensors"),
    Case("transformer.bert.BertModel.load_hf_state_dict", "kind", "tensors", st.sampled_from(["intermediate", "word_embeddings"]),
         lambda drop: (bert.BertModel(CONFIG).load_hf_state_dict, ({k: v for k, v in HF.items() if drop not in k},), {}),
         error=ValueError, expected="a tensor", got="none by that name", note="missing"),
    Case("transformer.bert.BertModel.load_hf_state_dict", "shape", "tensors['embeddings.word_embeddings.weight']",
         st.sampled_from([(15, 9), (14, 8), (15,)]),
         lambda s: (bert.BertModel(CONFIG).load_hf_state_dict, (dict(HF, **{"embeddings.word_embeddings.weight": np.zeros(s, np.float32)}),), {}),
         error=ValueError, expected="shape (15, 8)", got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case("transformer.bert.BertModel.load_hf_state_dict", "finite", "tensors['encoder.layer.0.output.dense.bias']",
         st.sampled_from([math.nan, math.inf]),
         lambda bad: (bert.BertModel(CONFIG).load_hf_state_dict,
                      (dict(HF, **{"encoder.layer.0.output.dense.bias": np.full(8, bad, np.float32)}),), {}),
         error=ValueError, expected="finite values", got=lambda bad: f"got {bad}"),
    kind_case("transformer.bert.BertModel.load_hf_state_dict", "tensors['embeddings.LayerNorm.bias']",
              [[0.0] * 8, "zeros", None], lambda v: (bert.BertModel(CONFIG).load_hf_state_dict, (dict(HF, **{"embeddings.LayerNorm.bias": v}),), {}),
              expected="a NumPy array or a tensor", note="value"),
    valid_case("transformer.bert.BertModel.load_hf_state_dict", "tensors",
               [{k: torch.from_numpy(v) for k, v in HF.items()}, {k: v.astype(np.float64) for k, v in HF.items()},
                dict(HF, **{"pooler.dense.weight": np.zeros((8, 8), np.float32)})],
               lambda t: (lambda: (m := bert.BertModel(CONFIG).eval(), m.load_hf_state_dict(t), m(IDS))[2], (), {}),
               check=lambda y, t: torch.allclose(y, MODEL(IDS), atol=1e-6)),
    kind_case("transformer.bert.bert_parameter_counts", "config", [None, {"hidden_size": 384}, "base"],
              lambda c: (bert.bert_parameter_counts, (c,), {}), expected="a BertConfig"),
    kind_case("transformer.bert.bert_parameter_counts", "pooler", ["yes", 1, None],
              lambda p: (bert.bert_parameter_counts, (CONFIG, p), {}), expected="True or False"),
    valid_case("transformer.bert.bert_parameter_counts", "pooler", [True, False],
               lambda p: (bert.bert_parameter_counts, (CONFIG, p), {}),
               check=lambda c, p: c["total"] == sum(t.numel() for t in MODEL.parameters()) + (72 if p else 0)),
    kind_case("transformer.bert.hf_tensor_names", "config", [None, {"num_hidden_layers": 1}, 6],
              lambda c: (bert.hf_tensor_names, (c,), {}), expected="a BertConfig"),
]

# ---- the sentence encoder -------------------------------------------------------------------------------------------
ENCODER = se.SentenceEncoder(TOK, MODEL, max_seq_length=8)
MODEL_DIR = TMP / "minilm"
(MODEL_DIR / "1_Pooling").mkdir(parents=True)
(MODEL_DIR / "1_Pooling" / "config.json").write_text(json.dumps({"pooling_mode_mean_tokens": True}), encoding="utf-8")
(MODEL_DIR / "sentence_bert_config.json").write_text(json.dumps({"max_seq_length": 8}), encoding="utf-8")
shutil.copy(CONFIG_JSON, MODEL_DIR / "config.json")
shutil.copy(WEIGHTS, MODEL_DIR / "model.safetensors")
(MODEL_DIR / "vocab.txt").write_text("\n".join(VOCAB) + "\n", encoding="utf-8")
NO_VOCAB_DIR = TMP / "no-vocab"
shutil.copytree(MODEL_DIR, NO_VOCAB_DIR)
(NO_VOCAB_DIR / "vocab.txt").unlink()
TOKENS = torch.randn(2, 4, 8)
POOL = se.mean_pooling
CASES += [
    kind_case("transformer.sentence_encoder.mean_pooling", "token_embeddings", [np.zeros((2, 4, 8)), None],
              lambda t: (POOL, (t, MASK), {}), expected="a floating-point torch.Tensor"),
    Case("transformer.sentence_encoder.mean_pooling", "shape", "token_embeddings", st.sampled_from([(2, 8), (8,)]),
         lambda s: (POOL, (torch.randn(s), MASK), {}), error=ValueError, expected="shape (batch, seq, d)",
         got=lambda s: f"shape {s}" if len(s) != 1 else f"shape ({s[0]},)"),
    Case("transformer.sentence_encoder.mean_pooling", "shape", "attention_mask", st.sampled_from([(2, 3), (4, 2), (2, 4, 1)]),
         lambda s: (POOL, (TOKENS, torch.ones(s)), {}), error=ValueError, expected="shape (2, 4)", got=lambda s: f"shape {s}"),
    Case("transformer.sentence_encoder.mean_pooling", "number", "attention_mask", st.sampled_from([0.5, 2.0, -1.0]),
         lambda v: (POOL, (TOKENS, torch.full((2, 4), v)), {}), error=ValueError, expected="0 (masked) or 1",
         got=lambda v: f"got {v}", note="values"),
    Case("transformer.sentence_encoder.mean_pooling", "empty", "attention_mask", st.sampled_from([0, 1]),
         lambda row: (POOL, (TOKENS, MASK.clone().index_fill_(0, torch.tensor([row]), 0)), {}), error=ValueError,
         expected="at least one token per text", got="a row of zeros"),
    kind_case("transformer.sentence_encoder.mean_pooling", "attention_mask", [[[1, 1, 1, 1]] * 2, np.ones((2, 4)), None],
              lambda m: (POOL, (TOKENS, m), {}), expected="a bool tensor or a tensor of 0s and 1s"),
    valid_case("transformer.sentence_encoder.mean_pooling", "attention_mask", [MASK.bool(), MASK.double(), MASK],
               lambda m: (POOL, (TOKENS, m), {}), check=lambda r, m: torch.allclose(r[1], TOKENS[1, :3].mean(0))),
    kind_case("transformer.sentence_encoder.SentenceEncoder", "tokenizer", [None, BPE, VOCAB],
              lambda t: (se.SentenceEncoder, (t, MODEL), {}), expected="a BertTokenizer"),
    kind_case("transformer.sentence_encoder.SentenceEncoder", "model", [None, torch.nn.Linear(8, 8), CONFIG],
              lambda m: (se.SentenceEncoder, (TOK, m), {}), expected="a BertModel"),
    size_case("transformer.sentence_encoder.SentenceEncoder", "max_seq_length", lambda n: (se.SentenceEncoder, (TOK, MODEL, n), {}),
              minimum=2, maximum=16),
    kind_case("transformer.sentence_encoder.SentenceEncoder.encode", "sentences", ["the cat", None, 3],
              lambda s: (ENCODER.encode, (s,), {}), expected="a list of texts"),
    kind_case("transformer.sentence_encoder.SentenceEncoder.encode", "sentences[1]", [None, 3, ["the", "cat"]],
              lambda s: (ENCODER.encode, (["the cat", s],), {}), expected="a str", note="element"),
    Case("transformer.sentence_encoder.SentenceEncoder.encode", "empty", "sentences", st.sampled_from([[], ()]),
         lambda s: (ENCODER.encode, (s,), {}), error=ValueError, expected="at least one text", got="an empty list"),
    size_case("transformer.sentence_encoder.SentenceEncoder.encode", "batch_size", lambda n: (ENCODER.encode, (["the cat"],), {"batch_size": n})),
    valid_case("transformer.sentence_encoder.SentenceEncoder.encode", "sentences",
               [["the cat sat " * 10, "", "a"], ("the cat",), iter(["cat", "sat"])],
               lambda s: (ENCODER.encode, (s,), {"batch_size": np.int64(2)}),
               check=lambda r, s: r.shape[1] == 8 and np.allclose(np.linalg.norm(r, axis=1), 1, atol=1e-5)),
    Case("transformer.sentence_encoder.SentenceEncoder.from_directory", "kind", "path",
         st.sampled_from([TMP / "nowhere", str(TMP / "nowhere"), VOCAB_FILE]), lambda p: (se.SentenceEncoder.from_directory, (p,), {}),
         error=FileNotFoundError, expected="an existing directory", got="not found"),
    Case("transformer.sentence_encoder.SentenceEncoder.from_directory", "kind", "path", st.just(NO_VOCAB_DIR),
         lambda p: (se.SentenceEncoder.from_directory, (p,), {}), error=FileNotFoundError, expected="an existing file",
         got="vocab.txt", note="a file missing"),
    kind_case("transformer.sentence_encoder.SentenceEncoder.from_directory", "path", [3, ["dir"]],
              lambda p: (se.SentenceEncoder.from_directory, (p,), {}), expected="a path", note="not a path"),
    valid_case("transformer.sentence_encoder.SentenceEncoder.from_directory", "path", [MODEL_DIR, str(MODEL_DIR)],
               lambda p: (lambda: se.SentenceEncoder.from_directory(p).encode(["the cat"]), (), {}),
               check=lambda r, p: np.allclose(r, ENCODER.encode(["the cat"]), atol=1e-6)),
]
