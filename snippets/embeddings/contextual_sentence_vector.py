import torch

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.recurrent.gru import GRU
from neuralnlp.embeddings.similarity import cosine_similarity, sentence_vector
from neuralnlp.embeddings.vocab import Vocabulary

torch.manual_seed(0)
vocab = Vocabulary.build("狗 咬 人".split())
embedding = Embedding(len(vocab), 4)
gru = GRU(input_size=4, hidden_size=6)


def encode(text):
    """The sentence vector: the GRU's hidden state after the last word."""
    x = embedding(torch.tensor(vocab.encode(text.split())))  # (seq, 4): one word vector per time step
    states, h_n = gru(x)  # states: (seq, 6), one hidden state per word; h_n: (1, 6)
    assert torch.equal(h_n[0], states[-1])
    return h_n[0]


a, b = encode("狗 咬 人"), encode("人 咬 狗")
print("sentence vector of 狗 咬 人:", [round(v, 4) for v in a.tolist()])
print(f"GRU:  cos(狗 咬 人, 人 咬 狗) = {cosine_similarity(a, b).item():.4f}")

# The mean of the same word vectors cannot tell them apart.
mean = [sentence_vector(embedding(torch.tensor(vocab.encode(t.split())))) for t in ("狗 咬 人", "人 咬 狗")]
print(f"mean: cos(狗 咬 人, 人 咬 狗) = {cosine_similarity(*mean).item():.4f}")
