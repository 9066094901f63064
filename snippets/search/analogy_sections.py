import json
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

import neuralnlp
from neuralnlp.plotting import save_themed

# The checkout that neuralnlp is installed from holds the committed benchmark results.
RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "word2vec_analogies.json"

# Committed results of benchmarks/word2vec_analogies.py (training takes minutes, a snippet seconds).
results = json.loads(RESULTS.read_text(encoding="utf-8"))
runs = results["runs"]["lee+wiki"]
names = [s["name"] for s in runs["ours"][0]["methods"]["3cosadd"]["sections"]]
answered = [s["answered"] for s in runs["ours"][0]["methods"]["3cosadd"]["sections"]]


def accuracy(trainer, method):
    """Per-section accuracy, mean over the seeds (NaN where no question is answerable)."""
    per_seed = [[s["correct"] / s["answered"] if s["answered"] else np.nan for s in run["methods"][method]["sections"]]
                for run in runs[trainer]]
    return np.mean(per_seed, axis=0)


table = {(t, m): accuracy(t, m) for t in ("ours", "gensim") for m in ("3cosadd", "3cosmul")}
print(f"lee+wiki, mean of {len(runs['ours'])} seeds   {'answered':>8}  3CosAdd ours/gensim  3CosMul ours/gensim")
for i, (name, n) in enumerate(zip(names, answered)):
    cells = [f"{table[t, m][i]:6.1%}" for m in ("3cosadd", "3cosmul") for t in ("ours", "gensim")]
    print(f"{name:<28} {n:>8,}  {cells[0]} / {cells[1]}      {cells[2]} / {cells[3]}")

WORDS = {"zh": {"ours": "我们的 word2vec", "gensim": "gensim", "x": "正确率（3CosAdd，Lee + 维基百科，{} 个种子的平均）",
                "n": "{}（{} 题）"},
         "en": {"ours": "our word2vec", "gensim": "gensim", "x": "accuracy (3CosAdd, Lee + Wikipedia, mean of {} seeds)",
                "n": "{} ({} questions)"}}


def draw(language):
    words = WORDS[language]
    fig, ax = plt.subplots(figsize=(9, 5.6))
    y = np.arange(len(names))[::-1]
    for offset, trainer in ((0.2, "ours"), (-0.2, "gensim")):
        ax.barh(y + offset, np.nan_to_num(table[trainer, "3cosadd"]), height=0.38, label=words[trainer])
    ax.set_yticks(y, [words["n"].format(name, f"{n:,}") for name, n in zip(names, answered)])
    ax.set_xlabel(words["x"].format(len(runs["ours"])))
    ax.xaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    ax.legend(loc="lower right")
    fig.tight_layout()
    return fig


save_themed(draw, "analogy-sections", languages=("zh", "en"))
