"""How the time of exact search grows with N and with d: the committed results of benchmarks/exact_search.py."""

import json
import statistics
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

import neuralnlp
from neuralnlp.plotting import save_themed

# Measured on SYNTHETIC clustered unit vectors (neuralnlp.search.synthetic_vectors), one thread, 100 queries, k = 10;
# FAISS as it comes, and made to take its matrix-product (BLAS) path (faiss.cvar.distance_compute_blas_threshold = 1)
results = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "exact_search.json"
data = json.loads(results.read_text())


def medians(rows, who):
    return np.array([statistics.median(r[f"{who}_seconds"]) for r in rows])


sweeps = {"n": (data["cost_n"], "n"), "d": (data["cost_d"], "dim")}
for axis, (rows, key) in sweeps.items():
    x = np.array([r[key] for r in rows])
    print(f"against {axis}: " + ", ".join(f"{axis} = {v:,}" for v in x))
    for who in ("ours", "faiss", "faiss_blas"):
        t = medians(rows, who)
        slope = np.polyfit(np.log10(x[-3:]), np.log10(t[-3:]), 1)[0]  # over the three largest sizes
        print(f"  {who:<10} seconds: {', '.join(f'{s:.4f}' for s in t)};  slope over the last three: {slope:.2f}")


def draw(language):
    words = {"zh": {"ours": "我们的 ExactIndex", "faiss": "FAISS IndexFlatIP", "faiss_blas": "FAISS，矩阵乘法路径",
                    "t": "每批 100 个查询的时间（秒）",
                    "n": f"向量数 N（d = {data['settings']['dim']}）",
                    "d": f"维度 d（N = {data['settings']['cost_dim_n']:,}）"},
             "en": {"ours": "our ExactIndex", "faiss": "FAISS IndexFlatIP", "faiss_blas": "FAISS, BLAS path",
                    "t": "seconds per batch of 100 queries",
                    "n": f"vectors N (d = {data['settings']['dim']})",
                    "d": f"dimension d (N = {data['settings']['cost_dim_n']:,})"}}[language]
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.4), sharey=True)
    for ax, (axis, (rows, key)) in zip(axes, sweeps.items()):
        x = [r[key] for r in rows]
        for who, marker in (("ours", "o"), ("faiss", "s"), ("faiss_blas", "^")):
            ax.plot(x, medians(rows, who), marker=marker, label=words[who])
        ax.set(xscale="log", yscale="log", xlabel=words[axis])
    axes[0].set_ylabel(words["t"])
    axes[0].legend(loc="upper left", fontsize=9)
    fig.tight_layout()
    return fig


save_themed(draw, "exact-cost", languages=("zh", "en"))
