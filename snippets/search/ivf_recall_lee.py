"""Recall@10 against nprobe on real vectors (MiniLM vectors of the Lee corpus), read from the committed
results of benchmarks/ivf_lee.py (encoding 2 834 sentences takes longer than a snippet may), and plotted."""

import json
from pathlib import Path

import matplotlib.pyplot as plt

from neuralnlp.plotting import save_themed

import neuralnlp

RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "ivf_lee.json"
results = json.loads(RESULTS.read_text())["results"]
print(f"N = {results['n']} sentences, {results['queries']} held-out queries, nlist = {results['nlist']}")
print("nprobe  " + "  ".join(f"{name:>18}" for name in results["recall"]))
for j, nprobe in enumerate(results["nprobes"]):
    print(f"{nprobe:>6}  " + "  ".join(f"{values[j]:>18.3f}" for values in results["recall"].values()))
per_list = results["n"] / results["nlist"]
for nprobe in (8, 16):
    scanned = results["nlist"] + nprobe * per_list  # centroids compared + vectors scanned, per query
    print(f"nprobe {nprobe}: about {scanned:.0f} dot products per query instead of {results['n']} "
          f"({scanned / results['n']:.0%})")

LABELS = {"zh": ("nprobe（扫描的列表数）", "recall@10（相对精确检索）", "我们的 IVF，种子 ", "FAISS 自己训练的 IVF"),
          "en": ("nprobe (lists scanned)", "recall@10 (against exact search)", "our IVF, seed ", "FAISS's IVF, its own training")}


def draw(language):
    xlabel, ylabel, ours, faiss_own = LABELS[language]
    fig, ax = plt.subplots(figsize=(6.4, 3.8))
    for name, values in results["recall"].items():
        label = ours + name.removeprefix("ours_seed") if name.startswith("ours") else faiss_own
        ax.plot(results["nprobes"], values, marker="o", markersize=4, label=label,
                linestyle="--" if name.startswith("faiss") else "-")
    ax.set(xscale="log", xlabel=xlabel, ylabel=ylabel, ylim=(0, 1.02))
    ax.set_xticks(results["nprobes"], [str(p) for p in results["nprobes"]])
    ax.minorticks_off()
    ax.legend(fontsize=9)
    return fig


save_themed(draw, "ivf-recall-lee", languages=("zh", "en"))
