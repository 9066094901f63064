import torch

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.embeddings.similarity import cosine_similarity
from neuralnlp.embeddings.vocab import Vocabulary
from neuralnlp.recurrent.gru import GRU

torch.manual_seed(0)
fruit, company = "苹果 很 甜 。".split(), "苹果 发布 了 新 手机 。".split()  # the meaning shows only on the right
vocab = Vocabulary.build(fruit + company)
embedding, gru = Embedding(len(vocab), 4), GRU(input_size=4, hidden_size=6)

with torch.no_grad():
    states = [gru(embedding(torch.tensor(vocab.encode(s))))[0] for s in (fruit, company)]
print(f"at 苹果:         cos = {cosine_similarity(states[0][0], states[1][0]).item():.4f}, "
      f"identical: {torch.equal(states[0][0], states[1][0])}")
print(f"at the last word: cos = {cosine_similarity(states[0][-1], states[1][-1]).item():.4f}")
