import torch

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.embeddings.similarity import cosine_similarity
from neuralnlp.embeddings.vocab import Vocabulary
from neuralnlp.recurrent.gru import GRU

torch.manual_seed(0)
fruit, company = "苹果 很 甜 。".split(), "苹果 发布 了 新 手机 。".split()
vocab = Vocabulary.build(fruit + company)
embedding = Embedding(len(vocab), 4)
forward, backward = GRU(input_size=4, hidden_size=6), GRU(input_size=4, hidden_size=6)


def bidirectional_states(sentence):
    """(seq, 12): at each position, the left-to-right state next to the right-to-left one."""
    x = embedding(torch.tensor(vocab.encode(sentence)))
    left_to_right = forward(x)[0]
    right_to_left = backward(x.flip(0))[0].flip(0)  # read the reversed sentence, then put the states back in order
    return torch.cat([left_to_right, right_to_left], dim=-1)


with torch.no_grad():
    a, b = bidirectional_states(fruit), bidirectional_states(company)
print(f"at 苹果, left-to-right half: cos = {cosine_similarity(a[0, :6], b[0, :6]).item():.4f}")
print(f"at 苹果, right-to-left half: cos = {cosine_similarity(a[0, 6:], b[0, 6:]).item():.4f}")
print(f"at 苹果, both halves:        cos = {cosine_similarity(a[0], b[0]).item():.4f}")
