import json
from pathlib import Path

results = json.loads(Path("benchmarks/results/word2vec_analogies.json").read_text())
# gensim skips a question with an unknown word; dummy4unknown=True counts it as wrong instead.
for corpus, runs in results["runs"].items():
    for trainer in ("ours", "gensim"):
        for method in ("3cosadd", "3cosmul"):
            overall = [run["methods"][method]["overall"] for run in runs[trainer]]
            skipped = sum(o["correct"] / o["answered"] for o in overall) / len(overall)
            wrong = sum(o["correct"] / o["total"] for o in overall) / len(overall)
            print(f"{corpus:<8} {trainer:<6} {method}: unknown skipped {skipped:6.2%}, counted as wrong {wrong:6.2%}")
