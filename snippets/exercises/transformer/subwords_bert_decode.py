"""BERT's tokeniser does not round-trip: what the basic step throws away."""

from neuralnlp.transformer.sentence_encoder import minilm_directory
from neuralnlp.transformer.wordpiece import BertTokenizer

tokenizer = BertTokenizer.from_file(minilm_directory() / "vocab.txt")
for text in ("Héllo,  WORLD!", "Café au lait ≠ cafe", "苹果很甜"):
    print(f"{text!r} -> {tokenizer.decode(tokenizer.encode(text))!r}")
