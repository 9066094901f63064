"""Real text for word2vec: gensim's test corpora, tokenised exactly like gensim's simple_preprocess."""

from collections import Counter

from neuralnlp.embeddings.word2vec.corpus import load_real_corpus, strip_wiki_markup, tokenize
from neuralnlp.embeddings.word2vec.subsampling import keep_probability

print(tokenize("Word2Vec's 3-D vectors, trained in 2013!"))  # digits and punctuation split tokens
wikitext = "'''Paris''' is the [[capital city|capital]] of [[France]].<ref>Atlas, p. 3</ref> {{Infobox city}}"
print(tokenize(strip_wiki_markup(wikitext)))

docs = load_real_corpus()  # lee_background.cor + the shortened Wikipedia dump
counts = Counter(word for doc in docs for word in doc)
total = sum(counts.values())
kept = {word: n for word, n in counts.items() if n >= 5}
print(f"documents: {len(docs)}, tokens: {total:,}, distinct words: {len(counts):,}")
print(f"min_count 5 keeps {len(kept):,} words, {sum(kept.values()) / total:.1%} of the tokens")

# the most frequent words, and the share of their occurrences sub-sampling keeps (sample = 1e-3)
ordered = sorted(kept, key=lambda w: -kept[w])
p_keep = keep_probability([kept[w] for w in ordered], sample=1e-3)
for word, p in zip(ordered[:6], p_keep[:6]):
    print(f"{word:>5}: {kept[word] / total:6.2%} of tokens, kept with p = {p:.2f}")
