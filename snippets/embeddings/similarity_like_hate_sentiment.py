import numpy as np
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.embeddings.similarity import cosine_similarity, sentence_vector
from neuralnlp.embeddings.vocab import Vocabulary

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
torch.manual_seed(0)
rng = np.random.default_rng(0)
# The same sentences as before, now each with a label: 1 = positive (喜欢), 0 = negative (讨厌).
subjects, verbs = ["我", "他", "她", "大家"], ["喜欢", "讨厌"]
objects = ["这部 电影", "那本 书", "这首 歌", "这家 餐厅"]
sentences = [f"{rng.choice(subjects)} {rng.choice(verbs)} {rng.choice(objects)}".split() for _ in range(400)]
labels = torch.tensor([int("喜欢" in s) for s in sentences])
vocab = Vocabulary.build(w for s in sentences for w in s)
ids = torch.tensor([vocab.encode(s) for s in sentences])  # every sentence has 4 words

# Sentiment classifier: mean of the word vectors -> one linear layer -> 2 logits.
embedding = Embedding(len(vocab), 8)
classify = torch.nn.Linear(8, 2)
optimizer = torch.optim.Adam([*embedding.parameters(), *classify.parameters()], lr=0.05)
for step in range(150):
    loss = F.cross_entropy(classify(sentence_vector(embedding(ids))), labels)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()


def cos(a, b):
    w = embedding.weight.detach()
    return cosine_similarity(w[vocab.token_to_id(a)], w[vocab.token_to_id(b)]).item()


print(f"accuracy: {(classify(sentence_vector(embedding(ids))).argmax(1) == labels).float().mean():.2f}")
print(f"sentiment training: cos(喜欢, 讨厌) = {cos('喜欢', '讨厌'):+.2f}   cos(喜欢, 电影) = {cos('喜欢', '电影'):+.2f}")
