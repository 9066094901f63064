"""One real query and its top 3 neighbours under each encoder, as the benchmark saved them (texts and labels)."""

import json
from pathlib import Path

import neuralnlp
from neuralnlp.pipeline.reviews import LABELS

RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "encoder_retrieval.json"
data = json.loads(RESULTS.read_text(encoding="utf-8"))
for q, query in enumerate(data["queries"][:2]):  # the first test reviews of 12 to 30 characters
    print(f"query: {query['text']}  [{LABELS[query['label']]}]")
    for name, r in data["encoders"].items():
        print(f"  {name}")
        for n in r["examples"][q]:
            print(f"    {n['score']:.2f} [{LABELS[n['label']]}] {n['text'][:40]}")
    print()
