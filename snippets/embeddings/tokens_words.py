import torch

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.embeddings.vocab import Vocabulary

corpus = ["the cat sat on the mat", "the dog sat on the log", "a cat saw a dog"]

# Word-level tokens; <pad> fills short sentences, <unk> stands for words the corpus never had.
tokens = [word for sentence in corpus for word in sentence.split()]
vocab = Vocabulary.build(tokens, specials=["<pad>"], unk="<unk>", by_frequency=True)
print(len(vocab), "tokens:", vocab.tokens)
print("counts:", vocab.counts)

batch = ["the cat sat", "a dog saw the bird"]
longest = max(len(s.split()) for s in batch)
ids = torch.tensor([vocab.encode(s.split() + ["<pad>"] * (longest - len(s.split()))) for s in batch])
print("ids:")
print(ids)
print("back to tokens:", [vocab.decode(row) for row in ids])

torch.manual_seed(0)
embedding = Embedding(len(vocab), embedding_dim=4, padding_idx=vocab.token_to_id("<pad>"))
vectors = embedding(ids)
print("ids", tuple(ids.shape), "-> vectors", tuple(vectors.shape))
print("vector of the padding in sentence 0:", vectors[0, 3].tolist())
