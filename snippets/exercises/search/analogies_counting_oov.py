import json
from pathlib import Path

import neuralnlp

# The checkout that neuralnlp is installed from holds the committed benchmark results.
RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "word2vec_analogies.json"

results = json.loads(RESULTS.read_text(encoding="utf-8"))
# gensim skips a question with an unknown word; dummy4unknown=True counts it as wrong instead.
for corpus, runs in results["runs"].items():
    for trainer in ("ours", "gensim"):
        for method in ("3cosadd", "3cosmul"):
            overall = [run["methods"][method]["overall"] for run in runs[trainer]]
            skipped = sum(o["correct"] / o["answered"] for o in overall) / len(overall)
            wrong = sum(o["correct"] / o["total"] for o in overall) / len(overall)
            print(f"{corpus:<8} {trainer:<6} {method}: unknown skipped {skipped:6.2%}, counted as wrong {wrong:6.2%}")
