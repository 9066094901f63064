"""An uncased model cannot tell Apple from apple, nor café from cafe: the ids are the same."""

from neuralnlp.transformer.sentence_encoder import minilm_directory
from neuralnlp.transformer.wordpiece import BertTokenizer

tokenizer = BertTokenizer.from_file(minilm_directory() / "vocab.txt")
for a, b in (("Apple", "apple"), ("café", "cafe"), ("NAÏVE", "naive"), ("Straße", "strasse")):
    print(f"{a}: {tokenizer.encode(a)}  {b}: {tokenizer.encode(b)}  same: {tokenizer.encode(a) == tokenizer.encode(b)}")
