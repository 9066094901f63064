"""Figure: time and memory of lookup vs one-hot matmul against V, drawn from the committed results.

benchmarks/embedding_lookup.py measures and writes benchmarks/results/embedding_lookup.json; this
script only reads that file, so the plot is redrawn with every build and always shows the committed
numbers (the same numbers as the table on the page).
"""

import json
from pathlib import Path

import matplotlib.pyplot as plt

import neuralnlp
from neuralnlp.plotting import save_themed, theme_colours

# The checkout that neuralnlp is installed from holds the committed benchmark results.
RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "embedding_lookup.json"
data = json.loads(RESULTS.read_text(encoding="utf-8"))
n_ids = data["settings"]["n_ids"]
sizes = sorted({r["V"] for r in data["results"]})
row = {(r["V"], r["route"], r["pass"]): r for r in data["results"]}
ROUTES = ["lookup (ours)", "nn.Embedding", "one-hot @ W", "F.one_hot @ W"]
assert {r for _, r, _ in row} == set(ROUTES)

LABELS = {
    "zh": {"lookup (ours)": "查表：本站的 Embedding", "time": "前向 + 反向耗时 / 毫秒",
           "memory": "常驻内存峰值的增量 / MB", "V": "词表大小 V", "matrix": f"独热矩阵本身：{n_ids}·V·4 字节"},
    "en": {"lookup (ours)": "lookup (our Embedding)", "time": "forward + backward time (ms)",
           "memory": "rise of peak resident memory (MB)", "V": "vocabulary size V",
           "matrix": f"the one-hot matrix itself: {n_ids}·V·4 bytes"},
}


def draw(language):
    text = LABELS[language]
    fig, (ax_t, ax_m) = plt.subplots(1, 2, figsize=(9, 3.6))
    for route, style in zip(ROUTES, ["o-", "s--", "^-", "v--"]):
        label = text.get(route, route)
        ax_t.plot(sizes, [row[V, route, "forward+backward"]["median_s"] * 1e3 for V in sizes], style, label=label)
        ax_m.plot(sizes, [max(row[V, route, "forward+backward"]["peak_rss_increase_bytes"], 1) / 1e6 for V in sizes],
                  style, label=label)
    ax_m.plot(sizes, [n_ids * V * 4 / 1e6 for V in sizes], ":", color=theme_colours()["fg"], label=text["matrix"])
    for ax, ylabel in ((ax_t, text["time"]), (ax_m, text["memory"])):
        ax.set(xscale="log", yscale="log", xlabel=text["V"], ylabel=ylabel)
        ax.legend(fontsize=8)
    fig.tight_layout()
    return fig


save_themed(draw, "embeddings-lookup-benchmark", languages=("zh", "en"))
