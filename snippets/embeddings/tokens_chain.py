import torch

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.embeddings.vocab import Vocabulary

tokens = list("北京欢迎你")               # 1. tokenization: one token per character
vocab = Vocabulary.build(tokens)         # 2. vocabulary: number tokens by first appearance

torch.manual_seed(0)
embedding = Embedding(num_embeddings=len(vocab), embedding_dim=3)  # 3. a V × d matrix

sentence = list("欢迎你")
ids = torch.tensor(vocab.encode(sentence))  # token ids
vectors = embedding(ids)                    # 4. lookup: row ids[i] for every token

print("vocabulary:", {t: vocab.token_to_id(t) for t in vocab.tokens})
print("embedding matrix W", tuple(embedding.weight.shape), "(row i belongs to token id i):")
print(torch.round(embedding.weight.detach(), decimals=4))
print("sentence:", sentence, "-> ids:", ids.tolist())
print(f"vectors {tuple(vectors.shape)}:")
print(torch.round(vectors.detach(), decimals=4))
print("vectors == W[[2, 3, 4]]:", torch.equal(vectors, embedding.weight[[2, 3, 4]]))
