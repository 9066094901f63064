import torch

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.embeddings.similarity import cosine_similarity, sentence_vector
from neuralnlp.embeddings.vocab import Vocabulary

torch.manual_seed(0)
vocab = Vocabulary.build("狗 咬 人".split())
embedding = Embedding(len(vocab), 4)


def embed(text, how="mean"):
    return sentence_vector(embedding(torch.tensor(vocab.encode(text.split()))), how=how)


# "Dog bites man" and "man bites dog": same words, opposite meaning.
a, b = embed("狗 咬 人"), embed("人 咬 狗")
print("狗 咬 人:", [round(v, 4) for v in a.tolist()])
print("人 咬 狗:", [round(v, 4) for v in b.tolist()])
print(f"cos = {cosine_similarity(a, b).item():.4f}")

# Say it twice: the sum doubles, the mean stays put.
for text in ["狗 咬 人", "狗 咬 人 狗 咬 人"]:
    print(f"{text}:  ‖sum‖ = {embed(text, 'sum').norm():.4f}   ‖mean‖ = {embed(text).norm():.4f}")
