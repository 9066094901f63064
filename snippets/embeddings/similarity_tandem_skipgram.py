import numpy as np
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.embeddings.similarity import cosine_similarity
from neuralnlp.embeddings.vocab import Vocabulary

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
torch.manual_seed(0)
rng = np.random.default_rng(0)
# The same kind of character sentences, without labels: 忐 is always followed by 忑.
words = ["忐忑", "紧张", "害怕", "高兴", "开心", "平静"]
sentences = [rng.choice(["我", "他", "她"]) + "心里" + words[rng.integers(len(words))] + rng.choice(["不已", "极了", "地等"])
             for _ in range(600)]
vocab = Vocabulary.build("".join(sentences))

# Skip-gram: each character predicts every character up to 2 positions away (full softmax).
pairs = [(vocab.token_to_id(s[i]), vocab.token_to_id(s[j]))
         for s in sentences for i in range(len(s)) for j in range(len(s)) if 0 < abs(i - j) <= 2]
centre, context = torch.tensor(pairs).T
embedding = Embedding(len(vocab), 8)
with torch.no_grad():
    embedding.weight.mul_(0.1)
predict = torch.nn.Linear(8, len(vocab))
optimizer = torch.optim.Adam([*embedding.parameters(), *predict.parameters()], lr=0.05)
for step in range(150):
    loss = F.cross_entropy(predict(embedding(centre)), context)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()

w = embedding.weight.detach()
for pair in ["忐忑", "紧张", "忐紧", "忑张", "忐心"]:
    x, y = (w[vocab.token_to_id(c)] for c in pair)
    print(f"cos({pair[0]}, {pair[1]}) = {cosine_similarity(x, y).item():+.2f}")
