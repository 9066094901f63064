"""BPE trained on the Lee corpus: the first merges, rare words in pieces, and an exact round trip."""

from neuralnlp.transformer.bpe import BPETokenizer
from neuralnlp.transformer.corpora import lee_documents

bpe = BPETokenizer.train(lee_documents("background"), num_merges=2000)
print(f"vocabulary: {len(bpe):,} tokens = 256 bytes + {len(bpe.alphabet)} characters + {len(bpe.merges):,} merges")
print("first merges:", ", ".join(repr(a + b) for a, b in bpe.merges[:12]))

sentence = "The unaffable bushfire commissioner hitchhiked to Kirribilli."
tokens = bpe.tokenize(sentence)
print(f"{len(tokens)} tokens:", " | ".join(t.replace(" ", "▁") for t in tokens))  # ▁ shows a space

tests = lee_documents("test")
print("decode(encode(text)) == text for all", len(tests), "test articles:",
      all(bpe.decode(bpe.encode(text)) == text for text in tests))
print("never-seen characters become bytes:", bpe.tokenize("苹果 £3"))
