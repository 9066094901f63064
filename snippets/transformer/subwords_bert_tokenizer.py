"""BERT's tokeniser from scratch on all-MiniLM-L6-v2's vocabulary: the basic step, WordPiece, ids, a padded batch."""

from neuralnlp.transformer.corpora import chinese_reviews, lee_sentences
from neuralnlp.transformer.sentence_encoder import minilm_directory
from neuralnlp.transformer.wordpiece import BertTokenizer, basic_tokenize, wordpiece_split

tokenizer = BertTokenizer.from_file(minilm_directory() / "vocab.txt")  # the installed package's vocab.txt
print(f"vocabulary: {len(tokenizer):,} tokens, e.g. {tokenizer.tokens[101:104]}, {tokenizer.tokens[2000:2004]}, "
      f"{tokenizer.tokens[29990:29993]}")

text = "Héllo, the UNAFFABLE hitchhiker!"
words = basic_tokenize(text)
print("basic step:", words)
print("WordPiece: ", [wordpiece_split(w, tokenizer.vocab) for w in words])
ids = tokenizer.encode(text)
print("ids:", ids)
print("back to tokens:", tokenizer.convert_ids_to_tokens(ids))

batch = tokenizer.batch_encode(["A short one.", "A slightly longer sentence."])
for key, value in batch.items():
    print(f"{key:>15}: {value.tolist()}")

try:
    tokenizer.encode("word " * 600)
except ValueError as error:
    print("ValueError:", error)

# the tests compare our ids with the reference tokeniser's on every line of these texts (and some edge cases)
print(f"test corpus: {len(lee_sentences('background')) + len(lee_sentences('test')):,} Lee sentences, "
      f"{len(chinese_reviews()):,} Chinese reviews")
