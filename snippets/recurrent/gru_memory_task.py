import matplotlib.pyplot as plt
import torch

from neuralnlp.recurrent.gru import GRU
from neuralnlp.recurrent.memory_task import LastStateClassifier, recall_accuracy, train_recall
from neuralnlp.plotting import save_themed
from neuralnlp.recurrent.rnn import RNN

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
symbols, hidden, delays = 8, 32, (5, 10, 20, 40)

accuracy = {"RNN": [], "GRU": []}
for n_steps in delays:
    for name, layer in (("RNN", RNN), ("GRU", GRU)):
        torch.manual_seed(0)
        model = LastStateClassifier(layer(symbols, hidden), hidden, symbols)
        train_recall(model, n_steps, steps=250, batch_size=64, n_symbols=symbols, lr=0.05, seed=0)
        accuracy[name].append(recall_accuracy(model, n_steps, n_symbols=symbols))

print(f"accuracy on 1000 new sequences (chance = 1/{symbols} = {1 / symbols:.3f})")
print(f"{'N':>4}{'RNN':>8}{'GRU':>8}")
for i, n_steps in enumerate(delays):
    print(f"{n_steps:>4}{accuracy['RNN'][i]:>8.3f}{accuracy['GRU'][i]:>8.3f}")


def draw(language):
    words = {"zh": ("随机猜测", "N（第一个词元与作答之间的词元数）", "正确率"),
             "en": ("chance", "N (tokens between the first token and the answer)", "accuracy")}[language]
    fig, ax = plt.subplots(figsize=(6, 3.5))
    for name, values in accuracy.items():
        ax.plot(delays, values, marker="o", label=name)
    ax.axhline(1 / symbols, linestyle=":", color=plt.rcParams["axes.edgecolor"], label=words[0])  # theme's text colour
    ax.set(xlabel=words[1], ylabel=words[2], ylim=(0, 1.05))
    ax.set_xticks(delays)
    ax.legend()
    return fig


save_themed(draw, "gru-memory-task", languages=("zh", "en"))
