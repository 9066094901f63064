"""One real query and its top 3 neighbours under each encoder, as the benchmark saved them (texts and labels)."""

import json
from pathlib import Path

import neuralnlp
from neuralnlp.pipeline.reviews import LABELS
from neuralnlp.transformer.sentence_encoder import minilm_directory
from neuralnlp.transformer.wordpiece import BertTokenizer

RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "encoder_retrieval.json"
data = json.loads(RESULTS.read_text(encoding="utf-8"))
tokenizer = BertTokenizer.from_file(minilm_directory() / "vocab.txt")  # what MiniLM reads of the query
for q, query in enumerate(data["queries"][:2]):  # the first test reviews of 12 to 30 characters
    print(f"query: {query['text']}  [{LABELS[query['label']]}]")
    print(f"  MiniLM reads: {' '.join(tokenizer.tokenize(query['text']))}")
    for name, r in data["encoders"].items():
        print(f"  {name}")
        for n in r["examples"][q]:
            print(f"    {n['score']:.2f} [{LABELS[n['label']]}] {n['text'][:40]}")
    print()
