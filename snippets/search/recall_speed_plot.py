"""Figure: recall@10 against queries per second, our IVF and HNSW beside FAISS's, from the committed results.

benchmarks/ann_recall_speed.py measures and writes benchmarks/results/ann_recall_speed.json; this
script only reads that file, so the plot always shows the committed numbers (those of the table).
"""

import json
from pathlib import Path

import matplotlib.pyplot as plt

import neuralnlp
from neuralnlp.plotting import save_themed

# The checkout that neuralnlp is installed from holds the committed benchmark results.
RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "ann_recall_speed.json"
data = json.loads(RESULTS.read_text(encoding="utf-8"))
k = data["settings"]["k"]

LABELS = {
    "zh": {"ours": "本站", "faiss": "FAISS", "exact": "精确检索", "ivf": "IVF", "hnsw": "HNSW",
           "x": "每秒查询数（单线程，对数刻度）", "y": f"recall@{k}",
           "lee": "Lee 语料的句子（真实）", "reviews": "评论（真实）", "synthetic": "合成向量"},
    "en": {"ours": "ours", "faiss": "FAISS", "exact": "exact", "ivf": "IVF", "hnsw": "HNSW",
           "x": "queries per second (one thread, log scale)", "y": f"recall@{k}",
           "lee": "Lee corpus sentences (real)", "reviews": "reviews (real)", "synthetic": "synthetic vectors"},
}
STYLE = {("ivf", "ours"): "o-", ("ivf", "faiss"): "o--", ("hnsw", "ours"): "s-", ("hnsw", "faiss"): "s--",
         ("exact", "ours"): "*", ("exact", "faiss"): "X"}


def draw(language):
    text = LABELS[language]
    names = list(data["collections"])
    # a 2 x 2 grid: one panel per collection, the legend in the last one (readable at the page's width)
    fig, axes = plt.subplots(2, 2, figsize=(9, 7.2))
    for ax, name in zip(axes.flat, names):
        rows = data["collections"][name]["rows"]
        for (kind, impl), style in STYLE.items():
            line = [r for r in rows if r["index"] == kind and r["impl"] == impl]
            ax.plot([r["qps"] for r in line], [r["recall"] for r in line], style, markersize=6 if kind != "exact" else 10,
                    label=f"{text[kind]}（{text[impl]}）" if language == "zh" else f"{text[kind]} ({text[impl]})")
        ax.set(xscale="log", xlabel=text["x"], ylabel=text["y"], title=text.get(name, name))
        ax.set_ylim(top=1.02)
    legend = axes.flat[len(names)]
    legend.axis("off")
    legend.legend(*axes.flat[0].get_legend_handles_labels(), loc="center", fontsize=10)
    fig.tight_layout()
    return fig


save_themed(draw, "search-recall-speed", languages=("zh", "en"))
