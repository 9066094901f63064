"""Exercise: is a network really better than Naive Bayes on 1,736 test texts?"""

import json
from pathlib import Path

import neuralnlp

# The checkout that neuralnlp is installed from holds the committed benchmark results.
RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "pipeline_sentiment.json"
data = json.loads(RESULTS.read_text(encoding="utf-8"))
n = data["split"]["test"]
nb = data["baselines"]["naive-bayes"]
print(f"naive-bayes: accuracy {nb['accuracy']:.3f}, 95% interval {nb['accuracy_95'][0]:.3f}-{nb['accuracy_95'][1]:.3f}")
for name, r in data["networks"].items():
    difference = r["accuracy"] - nb["accuracy"]
    overlap = r["accuracy_95"][0] <= nb["accuracy_95"][1] and nb["accuracy_95"][0] <= r["accuracy_95"][1]
    print(f"{name:<17} {difference:+.3f} = {round(difference * n):+4d} texts; intervals "
          f"{'overlap' if overlap else 'apart'}")
