"""Exercise: a vocabulary built on every split makes the test look easier than it is."""

from neuralnlp.pipeline.reviews import load_reviews
from neuralnlp.pipeline.tokenise import build_text_vocabulary, tokenise_text, unknown_rate

splits = load_reviews()
train = [tokenise_text(t, "char") for t in splits.train_texts]
test = [tokenise_text(t, "char") for t in splits.test_texts]
honest = build_text_vocabulary(train, min_count=2)
leaky = build_text_vocabulary(train + test, min_count=2)
print(f"training only: {len(honest):,} tokens, unknown in test {unknown_rate(test, honest):.3%}")
print(f"training + test: {len(leaky):,} tokens, unknown in test {unknown_rate(test, leaky):.3%}")
print(f"tokens the leaky vocabulary knows only from the test texts: {len(leaky) - len(honest)}")
