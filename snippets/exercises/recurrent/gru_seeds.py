import torch

from neuralnlp.recurrent.gru import GRU
from neuralnlp.recurrent.memory_task import LastStateClassifier, recall_accuracy, train_recall
from neuralnlp.recurrent.rnn import RNN

torch.set_num_threads(1)
symbols, hidden, n_steps = 8, 32, 10  # the page's settings, at N = 10

print(f"N = {n_steps}: accuracy on 1000 new sequences")
for seed in (0, 1, 2):
    results = []
    for name, layer in (("RNN", RNN), ("GRU", GRU)):
        torch.manual_seed(seed)  # the initial weights ...
        model = LastStateClassifier(layer(symbols, hidden), hidden, symbols)
        train_recall(model, n_steps, steps=250, batch_size=64, n_symbols=symbols, lr=0.05, seed=seed)  # ... and the batches
        results.append(f"{name} {recall_accuracy(model, n_steps, n_symbols=symbols):.3f}")
    print(f"seed {seed}: " + ", ".join(results))
