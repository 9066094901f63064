import numpy as np
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.embedding import Embedding
from neuralnlp.embeddings.similarity import sentence_vector
from neuralnlp.embeddings.vector_search import BruteForceIndex
from neuralnlp.embeddings.vocab import Vocabulary

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
torch.manual_seed(0)
rng = np.random.default_rng(0)
# Training text in which words of one topic keep company: pets, cooking, weather, football.
topics = ["cat dog kitten puppy mouse pet barks chased tail", "bread soup oven bake salt cook kitchen dinner spoon",
          "rain snow wind cloud storm cold sunny umbrella wet", "goal team match ball scored coach player won kick"]
corpus = [list(rng.choice(t.split(), size=5)) for t in topics for _ in range(200)]
vocab = Vocabulary.build(w for s in corpus for w in s)

# Word vectors from skip-gram: each word predicts its neighbours (full softmax).
pairs = [(vocab.token_to_id(s[i]), vocab.token_to_id(s[j])) for s in corpus for i in range(5) for j in range(5) if i != j]
centre, context = torch.tensor(pairs).T
vectors, predict = Embedding(len(vocab), 16), torch.nn.Linear(16, len(vocab))
optimizer = torch.optim.Adam([*vectors.parameters(), *predict.parameters()], lr=0.05)
for step in range(100):
    loss = F.cross_entropy(predict(vectors(centre)), context)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
word_vectors = vectors.weight.detach().double().numpy()


def embed(text):  # mean of the vectors of the words we know ("the", "a", ... are skipped)
    return sentence_vector(word_vectors[vocab.encode([w for w in text.split() if w in vocab])])


documents = ["the dog chased the cat", "a puppy with a long tail", "the kitten barks",  # 狗追猫；长尾巴的小狗；小猫叫
             "bake the bread in the oven", "soup with salt", "cook dinner in the kitchen",  # 烤面包；加盐的汤；在厨房做饭
             "rain and wind", "a cold storm", "take an umbrella",  # 风雨；寒冷的暴风雨；带上伞
             "the team won the match", "he scored a goal", "the coach and the player"]  # 球队赢了；他进了一球；教练和球员
index = BruteForceIndex(dim=16)
index.add(range(len(documents)), np.stack([embed(d) for d in documents]))
for query in ["a pet mouse", "snow and cloud", "kick the ball"]:  # no content word of a query is in any document
    ids, scores = index.search(embed(query), k=2)
    print(f"{query!r:16} ->", ", ".join(f"{documents[i]!r} {s:.2f}" for i, s in zip(ids, scores)))
