"""The full comparison (benchmarks/encoder_retrieval.py): label agreement@k of each encoder, with the base rate."""

import json
from pathlib import Path

import matplotlib.pyplot as plt

import neuralnlp
from neuralnlp.plotting import save_themed, theme_colours

# The checkout that neuralnlp is installed from holds the committed benchmark results.
RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "encoder_retrieval.json"
data = json.loads(RESULTS.read_text(encoding="utf-8"))
ks, rows, base = data["ks"], data["encoders"], data["base_rate"]
print(f"{data['split']['queries (test)']:,} queries (test split), {data['split']['collection (train)']:,} reviews "
      f"searched (training split)")
print(f"{'encoder':<15}{'dim':>5}" + "".join(f"{'@' + str(k):>8}" for k in ks) + f"{'s/1,000':>9}{'training s':>12}")
for name, r in rows.items():
    print(f"{name:<15}{r['dim']:>5}" + "".join(f"{r['agreement'][str(k)]:>8.3f}" for k in ks)
          + f"{r['seconds_per_1000']:>9.2f}{r['training_seconds']:>12.1f}")
print(f"{'base rate':<15}{'':>5}" + f"{base:>8.3f}" * len(ks))
print(f"gru as a classifier: test accuracy {rows['gru']['test_accuracy']:.3f}")
print(f"minilm: {rows['minilm']['unk_share']:.1%} of its tokens are [UNK]; "
      f"{rows['minilm']['texts_over_half_unk']:.1%} of the test reviews are more than half [UNK]")
print(f"load average (1 min) {data['load_start']:.1f} at the start, {data['load_end']:.1f} at the end")

NAMES = {"zh": {"word2vec-mean": "word2vec 平均", "gru": "GRU（有监督）", "minilm": "MiniLM（英文模型）",
                "random": "随机向量", "base": "基础比率", "y": "标签一致率", "x": "近邻数 k"},
         "en": {"word2vec-mean": "mean word2vec", "gru": "GRU (supervised)", "minilm": "MiniLM (English model)",
                "random": "random vectors", "base": "base rate", "y": "label agreement", "x": "neighbours k"}}


def draw(language):
    words = NAMES[language]
    fig, ax = plt.subplots(figsize=(6, 3.6))
    for (name, r), marker in zip(rows.items(), "osD^"):
        ax.plot(ks, [r["agreement"][str(k)] for k in ks], marker + "-", label=words[name])
    ax.axhline(base, color=theme_colours()["fg"], linestyle="--", linewidth=1, label=words["base"])
    ax.set_xscale("log")
    ax.set_xticks(ks, [str(k) for k in ks])
    ax.minorticks_off()
    ax.set_xlabel(words["x"])
    ax.set_ylabel(words["y"])
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
    fig.tight_layout()
    return fig


save_themed(draw, "search-encoders-agreement", languages=("zh", "en"))
