import math

from neuralnlp.recurrent.text_corpus import VOCABULARY, encode, entropy_rate, generate, next_token_probabilities, split_sentences

tokens = generate(2000, seed=0)  # the training text: 2000 sentences drawn from the grammar
for sentence in split_sentences(tokens)[:4]:
    print(" ".join(sentence))
print(f"{len(tokens)} tokens, vocabulary of {len(VOCABULARY)} words")
print("token ids of the first sentence:", encode(split_sentences(tokens)[0]))

# The verb must agree with "cat", four words back, not with "dogs" right before it.
probs = next_token_probabilities("the cat near the dogs".split())
print("after 'the cat near the dogs':", {word: round(p, 4) for word, p in probs.items()})

H = entropy_rate()
print(f"entropy rate H = {H:.4f} nats per token, best possible perplexity exp(H) = {math.exp(H):.4f}")
