import json
from pathlib import Path

import neuralnlp
from neuralnlp.embeddings.word2vec.corpus import gensim_test_data_dir, read_line_corpus
from neuralnlp.embeddings.word2vec.training import build_vocabulary
from neuralnlp.search.analogy import read_analogy_questions

# The checkout that neuralnlp is installed from holds the committed benchmark results.
RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "word2vec_analogies.json"

data = gensim_test_data_dir()
sections = read_analogy_questions(data / "questions-words.txt")
# The vocabulary our word2vec learns on the Lee corpus (min_count 5, as on the word2vec pages).
lee = set(build_vocabulary(read_line_corpus(data / "lee_background.cor"), 5))
# Lee + Wikipedia takes longer to read: its counts come from the committed benchmark results.
results = json.loads(RESULTS.read_text(encoding="utf-8"))
wiki_run = results["runs"]["lee+wiki"]["ours"][0]["methods"]["3cosadd"]
wiki = {s["name"]: s["answered"] for s in wiki_run["sections"]}

print(f"{'section':<28} {'kind':<10} {'questions':>9} {'answerable: lee':>15} {'lee+wiki':>8}")
for section in sections:
    answerable = sum(all(w.lower() in lee for w in q) for q in section.questions)
    print(f"{section.name:<28} {section.kind:<10} {len(section.questions):>9,} {answerable:>15,} "
          f"{wiki[section.name]:>8,}")
print(f"Lee vocabulary: {len(lee):,} words;",
      ", ".join(f"{w} {'yes' if w in lee else 'no'}" for w in ("king", "queen", "man", "woman")))
