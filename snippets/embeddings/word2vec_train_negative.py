import numpy as np
import torch

from neuralnlp.embeddings.vocab import Vocabulary
from neuralnlp.embeddings.word2vec import CBOW, NegativeSampler, SkipGram, cbow_examples, skipgram_pairs

rng = np.random.default_rng(0)
torch.manual_seed(0)
torch.set_num_threads(1)  # tensors this small lose more to thread hand-offs than they gain
groups = {"animal": "cat dog horse cow", "food": "rice bread apple soup",
          "vehicle": "car bus train bike", "city": "paris london tokyo rome"}
groups = {g: words.split() for g, words in groups.items()}
templates = ["the animal eats the food", "a hungry animal wants food",
             "the vehicle goes to city", "we took the vehicle from city"]
sentences = [[rng.choice(groups[w]) if w in groups else w for w in rng.choice(templates).split()]
             for _ in range(1000)]
vocab = Vocabulary.build((w for s in sentences for w in s), by_frequency=True)
ids = [vocab.encode(s) for s in sentences]
sampler = NegativeSampler(vocab.counts, rng=rng)


def train(model, inputs, targets, epochs=3, batch=128):
    optimizer = torch.optim.Adam(model.parameters(), lr=0.02)
    for _ in range(epochs):
        for rows in torch.randperm(len(targets)).split(batch):
            loss = model(inputs[rows], targets[rows], torch.from_numpy(sampler.sample((len(rows), 5))))
            optimizer.zero_grad(); loss.backward(); optimizer.step()
    vectors = torch.nn.functional.normalize(model.word_vectors, dim=1)
    for word in ("cat", "bread", "bus", "tokyo"):
        scores = vectors @ vectors[vocab.token_to_id(word)]
        print(f"  {word:<6} -> {', '.join(vocab.decode(scores.argsort(descending=True)[1:4].tolist()))}")


pairs = torch.tensor([p for s in ids for p in skipgram_pairs(s, window=2)])
print(f"{len(vocab)} words; skip-gram, {len(pairs)} pairs; nearest neighbours by cosine:")
train(SkipGram(len(vocab), 16, "negative"), pairs[:, 0], pairs[:, 1])

examples = [(c + [-1] * (4 - len(c)), t) for s in ids for c, t in cbow_examples(s, window=2)]
contexts, targets = torch.tensor([c for c, _ in examples]), torch.tensor([t for _, t in examples])
print(f"CBOW, {len(targets)} windows:")
train(CBOW(len(vocab), 16, "negative"), contexts, targets)
