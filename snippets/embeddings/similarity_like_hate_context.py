import numpy as np
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.embeddings.similarity import cosine_similarity, nearest_neighbours
from neuralnlp.embeddings.vocab import Vocabulary

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
torch.manual_seed(0)
rng = np.random.default_rng(0)
# "I like/hate this film" and friends: 喜欢 and 讨厌 fill the same slot in the same sentences.
subjects, verbs = ["我", "他", "她", "大家"], ["喜欢", "讨厌"]
objects = ["这部 电影", "那本 书", "这首 歌", "这家 餐厅"]
sentences = [f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}".split() for _ in range(400)]
vocab = Vocabulary.build(w for s in sentences for w in s)

# Context prediction (skip-gram): every word predicts each of its neighbours within 2 positions.
pairs = [(vocab.token_to_id(s[i]), vocab.token_to_id(s[j]))
         for s in sentences for i in range(len(s)) for j in range(len(s)) if 0 < abs(i - j) <= 2]
centre, context = torch.tensor(pairs).T
embedding = Embedding(len(vocab), 8)
predict = torch.nn.Linear(8, len(vocab))
optimizer = torch.optim.Adam([*embedding.parameters(), *predict.parameters()], lr=0.05)


def cos(a, b):
    w = embedding.weight.detach()
    return cosine_similarity(w[vocab.token_to_id(a)], w[vocab.token_to_id(b)]).item()


print(f"before training:  cos(喜欢, 讨厌) = {cos('喜欢', '讨厌'):+.2f}   cos(喜欢, 电影) = {cos('喜欢', '电影'):+.2f}")
for step in range(150):
    loss = F.cross_entropy(predict(embedding(centre)), context)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
print(f"context training: cos(喜欢, 讨厌) = {cos('喜欢', '讨厌'):+.2f}   cos(喜欢, 电影) = {cos('喜欢', '电影'):+.2f}")

# The words nearest to 喜欢, by cosine similarity (its own row excluded).
like = vocab.token_to_id("喜欢")
rows, scores = nearest_neighbours(embedding.weight.detach()[like], embedding.weight.detach(), k=3, exclude=[like])
print("nearest to 喜欢:", ", ".join(f"{vocab.id_to_token(r)} {s:+.2f}" for r, s in zip(rows.tolist(), scores.tolist())))
