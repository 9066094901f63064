from neuralnlp.embeddings.word2vec import cbow_examples, skipgram_pairs

sentence = "never too late to learn".split()

# A window spanning 3 words is one word on each side of the target: window=1.
print("CBOW: context -> target")
for contexts, target in cbow_examples(sentence, window=1):
    print(f"  {', '.join(contexts):<12} -> {target}")

print("skip-gram: (target, context)")
for target, context in skipgram_pairs(sentence, window=1):
    print(f"  ({target}, {context})")

print("pairs with window=2:", len(skipgram_pairs(sentence, window=2)))
