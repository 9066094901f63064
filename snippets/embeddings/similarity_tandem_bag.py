import numpy as np
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.embeddings.similarity import cosine_similarity, sentence_vector
from neuralnlp.embeddings.vocab import Vocabulary

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
torch.manual_seed(0)
rng = np.random.default_rng(0)
# Character sentences such as 他心里忐忑不已; 忐 is always followed by 忑 and appears nowhere else.
moods = {"忐忑": 1, "紧张": 1, "害怕": 1, "高兴": 0, "开心": 0, "平静": 0}  # 1 = uneasy, 0 = at ease
words = list(moods)
sentences, labels = [], []
for _ in range(600):
    word = words[rng.integers(len(words))]
    sentences.append(rng.choice(["我", "他", "她"]) + "心里" + word + rng.choice(["不已", "极了", "地等"]))
    labels.append(moods[word])
vocab = Vocabulary.build("".join(sentences))
ids = torch.tensor([vocab.encode(s) for s in sentences])  # every sentence has 7 characters
a, b = vocab.token_to_id("忐"), vocab.token_to_id("忑")

# A model that reads the characters as a bag (their mean) and predicts the mood.
embedding = Embedding(len(vocab), 8)
with torch.no_grad():
    embedding.weight.mul_(0.1)  # start small, as word2vec does: what training adds then dominates
classify = torch.nn.Linear(8, 2)
start = embedding.weight.detach().clone()
optimizer = torch.optim.Adam([*embedding.parameters(), *classify.parameters()], lr=0.1)
for step in range(150):
    loss = F.cross_entropy(classify(sentence_vector(embedding(ids))), torch.tensor(labels))
    optimizer.zero_grad()
    loss.backward()
    # 忐 and 忑 sit in the same sentences, so the mean hands them the same gradient every time.
    assert torch.equal(embedding.weight.grad[a], embedding.weight.grad[b])
    optimizer.step()

end = embedding.weight.detach()
print("difference 忐 - 忑 unchanged by training:", torch.allclose(end[a] - end[b], start[a] - start[b], atol=1e-6))
print(f"cos(忐, 忑): {cosine_similarity(start[a], start[b]).item():+.2f} at the start, "
      f"{cosine_similarity(end[a], end[b]).item():+.2f} after training")
