"""BPE step by step on the example of Sennrich et al. (2016): low ×5, lower ×2, newest ×6, widest ×3."""

from collections import Counter

from neuralnlp.transformer.bpe import merge_pair, train_bpe

corpus = ["low"] * 5 + ["lower"] * 2 + ["newest"] * 6 + ["widest"] * 3
words = {word: tuple(word) for word in Counter(corpus)}  # each word as its characters
counts = Counter(corpus)


def pair_counts():
    pairs = Counter()
    for word, symbols in words.items():
        for pair in zip(symbols, symbols[1:]):
            pairs[pair] += counts[word]
    return pairs


for step, merge in enumerate(train_bpe(corpus, 6), start=1):
    top = pair_counts().most_common(1)[0][1]
    for word in words:
        words[word] = merge_pair(words[word], merge, merge[0] + merge[1])
    shown = "  ".join(" ".join(symbols) for symbols in words.values())
    print(f"merge {step}: {merge[0]!r} + {merge[1]!r} (seen {top} times)  ->  {shown}")
