import json
import statistics
from pathlib import Path

import matplotlib.pyplot as plt

import neuralnlp
from neuralnlp.plotting import save_themed
from neuralnlp.recurrent.gru import GRU
from neuralnlp.recurrent.lstm import LSTM

# Parameters of the recurrent layer, input 8 (one-hot symbols), hidden 32: 3 and 4 blocks of (md + m² + 2m).
for name, layer in (("GRU", GRU(8, 32)), ("LSTM", LSTM(8, 32))):
    print(f"{name:<5} parameters: {sum(p.numel() for p in layer.parameters())}")

# The training runs (4 contenders x 4 gaps x 3 seeds) take minutes: benchmarks/lstm_memory.py made them,
# and the checkout that neuralnlp is installed from holds the committed results.
RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "lstm_memory.json"
data = json.loads(RESULTS.read_text(encoding="utf-8"))
delays, accuracy = data["settings"]["delays"], data["accuracy"]
print(f"accuracy on 1000 new sequences, mean of seeds {data['seeds']} (chance = 0.125)")
print(f"{'N':>4}" + "".join(f"{name:>12}" for name in accuracy))
for n in delays:
    print(f"{n:>4}" + "".join(f"{statistics.mean(accuracy[name][str(n)]):>12.3f}" for name in accuracy))


def draw(language):
    words = {"zh": ("随机猜测", "N（第一个词元与作答之间的词元数）", "正确率（3 个种子的平均）", "竖线：最低到最高"),
             "en": ("chance", "N (tokens between the first token and the answer)", "accuracy (mean of 3 seeds)",
                    "bars: lowest to highest")}[language]
    fig, ax = plt.subplots(figsize=(7.2, 3.6))
    for k, ((name, per_delay), marker) in enumerate(zip(accuracy.items(), "osD^")):
        values = [per_delay[str(n)] for n in delays]
        mean = [statistics.mean(v) for v in values]
        spread = [[m - min(v) for m, v in zip(mean, values)], [max(v) - m for m, v in zip(mean, values)]]
        shifted = [n + 0.5 * (k - 1.5) for n in delays]  # side by side, so that equal values stay visible
        ax.errorbar(shifted, mean, yerr=spread, marker=marker, capsize=3, label=name)
    ax.axhline(0.125, linestyle=":", color=plt.rcParams["axes.edgecolor"], label=words[0])  # theme's text colour
    ax.set(xlabel=words[1], ylabel=words[2], ylim=(0, 1.05))
    ax.set_xticks(delays)
    ax.legend(title=words[3], fontsize=8, title_fontsize=8, loc="center left", bbox_to_anchor=(1.02, 0.5))
    fig.tight_layout()
    return fig


save_themed(draw, "lstm-memory-task", languages=("zh", "en"))
