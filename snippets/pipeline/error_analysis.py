"""Which test reviews does the best network get wrong? Negation among them, counted honestly."""

import json
from pathlib import Path

import neuralnlp
from neuralnlp.pipeline.reviews import LABELS, load_reviews

# The checkout that neuralnlp is installed from holds the committed benchmark results.
RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "pipeline_sentiment.json"
data = json.loads(RESULTS.read_text(encoding="utf-8"))
best = max(data["networks"], key=lambda n: data["networks"][n]["macro_f1"])
wrong = data["networks"][best]["misclassified"]
splits = load_reviews()  # the same seeded split as the benchmark: the indices point at the same texts
NEGATION = ("不", "没", "无", "别", "未")
share_all = sum(any(w in t for w in NEGATION) for t in splits.test_texts) / len(splits.test_texts)
share_wrong = sum(e["negation"] for e in wrong) / len(wrong)
print(f"{best}: {len(wrong)} of {len(splits.test_texts):,} test reviews misclassified")
print(f"reviews with a negation word ({'/'.join(NEGATION)}): {share_all:.0%} of all test reviews, "
      f"{share_wrong:.0%} of the misclassified ones")
confident = sorted(wrong, key=lambda e: -abs(e["p_positive"] - 0.5))  # the most confident mistakes first
for negation in (True, False):
    print("\nwith negation:" if negation else "\nwithout negation:")
    for e in [e for e in confident if e["negation"] == negation][:4]:
        text = splits.test_texts[e["index"]]
        print(f"  true {LABELS[e['label']]:<8} P(positive) = {e['p_positive']:.2f}  {text[:34]}{'…' if len(text) > 34 else ''}")
