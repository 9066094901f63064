"""What an English model's vocabulary does to Chinese: one token per character, most of them [UNK]."""

from neuralnlp.transformer.corpora import chinese_reviews, lee_sentences
from neuralnlp.transformer.sentence_encoder import minilm_directory
from neuralnlp.transformer.wordpiece import BertTokenizer, is_cjk_ideograph

tokenizer = BertTokenizer.from_file(minilm_directory() / "vocab.txt")
hanzi = [t for t in tokenizer.tokens if len(t) == 1 and is_cjk_ideograph(t)]
print(f"{len(hanzi):,} of the {len(tokenizer):,} tokens are Chinese characters, e.g. {''.join(hanzi[:20])}")

review = next(r for r in chinese_reviews("pos") if 15 <= len(r) <= 25)  # a short one
print(review)
print(tokenizer.tokenize(review))


def unknown_share(texts):
    tokens = [t for text in texts for t in tokenizer.tokenize(text)]
    return tokens.count("[UNK]") / len(tokens), len(tokens)


for name, texts in (("Chinese reviews", chinese_reviews("pos")[:2000]), ("English sentences", lee_sentences("test"))):
    share, n = unknown_share(texts)
    print(f"{name}: {n:,} tokens, {share:.1%} of them [UNK]")
