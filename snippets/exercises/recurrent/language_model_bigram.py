import math
from collections import Counter

from neuralnlp.recurrent.text_corpus import VOCABULARY, generate

train, test = generate(2000, seed=0), generate(300, seed=1)  # the page's training and held-out texts
pairs = Counter(zip(train, train[1:]))
firsts = Counter(train[:-1])
V = len(VOCABULARY)


def p_next(word, previous):
    """Bigram probability with add-one smoothing, so that no held-out pair has probability 0."""
    return (pairs[previous, word] + 1) / (firsts[previous] + V)


cross_entropy = -sum(math.log(p_next(w, prev)) for prev, w in zip(test, test[1:])) / (len(test) - 1)
print(f"bigram model, held-out perplexity: {math.exp(cross_entropy):.4f}")
# Only the previous word is seen: after "dogs" it cannot know whether the subject was singular.
after_dogs = {w: round(p_next(w, "dogs"), 3) for w in ("sees", "see", "chases", "chase")}
print("bigram P(next | 'dogs'):", after_dogs)
