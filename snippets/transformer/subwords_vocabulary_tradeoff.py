"""How big a vocabulary, and how many unknown words? Words, characters and BPE sub-words on our corpora."""

import re
from collections import Counter

import jieba

from neuralnlp.transformer.bpe import BPETokenizer
from neuralnlp.transformer.corpora import chinese_reviews, lee_documents

jieba.setLogLevel(60)  # silence its start-up messages


def words(texts):
    return [w for text in texts for w in re.findall(r"\w+", text.lower())]


# English: vocabularies built from the 300 background articles, tested on the 50 other Lee articles.
train, test = lee_documents("background"), lee_documents("test")
train_words, test_words = words(train), words(test)
counts = Counter(train_words)
print(f"English: {len(train_words):,} training words ({len(counts):,} different), {len(test_words):,} test words")
print(f"{'tokens':<24}{'vocabulary':>11}{'unknown in test':>17}{'tokens per word':>17}")
for size in (1_000, 5_000, len(counts)):
    known = {w for w, _ in counts.most_common(size)}  # the most frequent words
    unknown = sum(w not in known for w in test_words) / len(test_words)
    tokens = sum(w in known for w in test_words) + sum(w not in known for w in test_words)  # one each, <unk> or not
    print(f"{'words':<24}{size:>11,}{unknown:>17.1%}{tokens / len(test_words):>17.2f}")
alphabet = {c for text in train for c in text}
for size in (1_000, 5_000):
    bpe = BPETokenizer.train(train, num_merges=size - 256 - len(alphabet))  # 256 byte tokens + characters + merges
    tokens = sum(len(bpe.encode(text)) for text in test)  # spaces and punctuation included
    unknown = sum(any(c not in alphabet for c in w) for w in test_words) / len(test_words)  # spelt in bytes
    print(f"{'BPE sub-words':<24}{len(bpe):>11,}{unknown:>17.1%}{tokens / len(test_words):>17.2f}")

# Chinese: 5,000 negative reviews for the vocabulary, 2,000 positive ones to test it.
train, test = chinese_reviews("neg")[:5000], chinese_reviews("pos")[:2000]
train_words = {w for review in train for w in jieba.lcut(review)}
test_words = [w for review in test for w in jieba.lcut(review)]
train_chars = {c for review in train for c in review}
test_chars = [c for review in test for c in review]
print(f"\nChinese reviews: {len(test_words):,} test words (jieba), {len(test_chars):,} test characters")
print(f"{'words (jieba)':<24}{len(train_words):>11,}{sum(w not in train_words for w in test_words) / len(test_words):>17.1%}")
print(f"{'characters':<24}{len(train_chars):>11,}{sum(c not in train_chars for c in test_chars) / len(test_chars):>17.1%}")
