import json
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

import neuralnlp
from neuralnlp.plotting import save_themed

# The committed results of benchmarks/recurrent.py: every timed run, not only the medians.
results = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "recurrent.json"
rows = json.loads(results.read_text())["results"]

print(f"{'row':<32} {'torch, ms: median [IQR]':>24}   ours / torch, run by run")
spreads = []
for row in rows:
    ours, torch_ = np.array(row["ours_times_s"]) * 1e3, np.array(row["theirs_times_s"]) * 1e3
    paired = ours / torch_  # each run of ours against the torch run right after it
    q1, q2, q3 = np.percentile(paired, [25, 50, 75])
    t1, t2, t3 = np.percentile(torch_, [25, 50, 75])
    spreads.append((row, q1, q2, q3))
    label = f"{row['ours']} {row['size']} {row['pass']}"
    print(f"{label:<32} {t2:>7.2f} [{t1:6.2f}, {t3:6.2f}]   {q2:.2f}x [{q1:.2f}, {q3:.2f}]")

ZH = {"ours": "我们的", "naive": "朴素", "small": "小", "large": "大", "forward": "前向", "forward+backward": "前向+反向"}


def row_label(row, language):
    who, module = row["ours"].split()
    parts = [who, module, row["size"], row["pass"]]
    return " ".join(ZH.get(p, p) for p in parts) if language == "zh" else " ".join(parts)


def draw(language):
    words = {"zh": ("我们的实现 / torch（逐次配对，中位数与四分位距）", "目标 1.25 倍"),
             "en": ("ours / torch (run by run: median and interquartile range)", "goal: 1.25x")}[language]
    fig, ax = plt.subplots(figsize=(6.4, 4.2))
    y = np.arange(len(spreads))[::-1]
    medians = [s[2] for s in spreads]
    errors = [[s[2] - s[1] for s in spreads], [s[3] - s[2] for s in spreads]]
    ax.errorbar(medians, y, xerr=errors, fmt="o", capsize=3)
    ax.axvline(1.0, color=plt.rcParams["axes.edgecolor"], linewidth=0.8)
    ax.axvline(1.25, linestyle="--", color=plt.rcParams["axes.edgecolor"], label=words[1])
    ax.set_yticks(y, [row_label(s[0], language) for s in spreads], fontsize=8)
    ax.set_xlabel(words[0])
    ax.legend(loc="lower right", fontsize=9)
    return fig


save_themed(draw, "rnn-benchmark-spread", languages=("zh", "en"))
