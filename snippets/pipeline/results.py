"""The full-size results (benchmarks/pipeline_sentiment.py): every model and baseline on the same test split."""

import json
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np

import neuralnlp
from neuralnlp.plotting import save_themed

# The checkout that neuralnlp is installed from holds the committed benchmark results.
RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "pipeline_sentiment.json"
data = json.loads(RESULTS.read_text(encoding="utf-8"))
print(f"{'system':<17}{'accuracy':>9}{'95% interval':>15}{'macro-F1':>10}{'95% interval':>15}{'s/epoch':>9}{'epochs':>7}")
rows = {**data["networks"], **data["baselines"]}
for name, r in rows.items():
    timing = f"{r['seconds_per_epoch']:>9.1f}{r['epochs_run']:>7}" if "seconds_per_epoch" in r else f"{'':>16}"
    print(f"{name:<17}{r['accuracy']:>9.3f}{'{:.3f}-{:.3f}'.format(*r['accuracy_95']):>15}"
          f"{r['macro_f1']:>10.3f}{'{:.3f}-{:.3f}'.format(*r['macro_f1_95']):>15}{timing}")
print(f"{data['split']['test']:,} test texts; 1-minute load {data['load_1min']['min']:.1f} to "
      f"{data['load_1min']['max']:.1f} on {data['machine']['cores']} cores during the runs")

best = max(data["networks"], key=lambda n: data["networks"][n]["macro_f1"])
WORDS = {"zh": {"title": f"{best}：测试集上的混淆矩阵", "true": "真实类别", "pred": "预测类别", "labels": ["负面", "正面"]},
         "en": {"title": f"{best}: confusion matrix on the test split", "true": "true class", "pred": "predicted class",
                "labels": ["negative", "positive"]}}


def draw(language):
    w, m = WORDS[language], np.array(data["networks"][best]["confusion"])
    fig, ax = plt.subplots(figsize=(4.2, 3.6))
    ax.imshow(m, cmap="Blues", alpha=0.6)
    ax.grid(False)
    for i in range(2):
        for j in range(2):
            ax.text(j, i, f"{m[i, j]:,}", ha="center", va="center", fontsize=13)
    ax.set_xticks([0, 1], w["labels"])
    ax.set_yticks([0, 1], w["labels"])
    ax.set_xlabel(w["pred"])
    ax.set_ylabel(w["true"])
    ax.set_title(w["title"], fontsize=10)
    fig.tight_layout()
    return fig


save_themed(draw, "pipeline-confusion", languages=("zh", "en"))
print(f"confusion matrix of {best} (rows: true negative, positive; columns: predicted):", data["networks"][best]["confusion"])
