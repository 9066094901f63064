"""Word analogies (questions-words.txt) with our word2vec vectors and gensim's, same corpus and settings.

    .venv/bin/python benchmarks/word2vec_analogies.py [--epochs 20] [--seeds 0 1 2] [--quick]

Both trainers run skip-gram with negative sampling with the settings of benchmarks/word2vec_gensim.py
(imported from it: dim 100, window 5, negative 5, min_count 5, sample 1e-3, 2 workers) on two corpora:

- "lee": gensim's lee_background.cor alone (300 news articles, about 58k tokens);
- "lee+wiki": the site's word2vec corpus (neuralnlp.embeddings.word2vec.corpus.load_real_corpus: Lee
  plus gensim's shortened Wikipedia dump, about 515k tokens), the corpus of word2vec_gensim.

For each corpus, trainer and seed, neuralnlp.search.analogy.evaluate_analogies scores the 19,544
questions with 3CosAdd and 3CosMul (ε = 0.001), query words excluded; questions with a word outside
the vocabulary are skipped, as gensim skips them, and counted in the coverage. For gensim's vectors
the script checks that our 3CosAdd counts equal gensim's own evaluate_word_analogies, section by section.

It also records what happens without the exclusion (how often the top answer is b, a*, a or b*), the
king − man + woman example and its Lee-sized stand-in, and the training times.

Writes benchmarks/results/word2vec_analogies.json and .txt (the table, rendered from the .json alone).
--quick: the Lee corpus only, 2 epochs, one seed; prints each run's overall counts and writes nothing (the consistency test runs it).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe, provenance_lines, save_results  # noqa: E402  (shared by the benchmarks)
from word2vec_gensim import SETTINGS  # noqa: E402  (the site's word2vec settings)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
NAME = "word2vec_analogies"
METHODS = ("3cosadd", "3cosmul")
METHOD_NAMES = {"3cosadd": "3CosAdd", "3cosmul": "3CosMul"}
TRAINERS = ("ours", "gensim")
# (a, a*, b): "a is to a* as b is to ?", i.e. b − a + a*. The famous example, and, for the Lee corpus,
# the same offset woman − man applied to a word it has ("queen" is not in Lee's vocabulary).
EXAMPLES = [("man", "woman", "king"), ("man", "woman", "he"), ("paris", "france", "canberra")]
ROLES = ("b", "a_star", "a", "b_star", "other")


def load_1min() -> float:
    return os.getloadavg()[0]


def corpora(names) -> dict:
    from neuralnlp.embeddings.word2vec.corpus import gensim_test_data_dir, load_real_corpus, read_line_corpus

    loaders = {"lee": lambda: read_line_corpus(gensim_test_data_dir() / "lee_background.cor"),
               "lee+wiki": load_real_corpus}
    return {name: loaders[name]() for name in names}


def train(trainer: str, docs, epochs: int, seed: int):
    """(vectors (V, d) float32, words most frequent first, training seconds) with the site's settings."""
    if trainer == "gensim":
        from gensim.models import Word2Vec

        model = Word2Vec(sg=1, hs=0, alpha=0.025, min_alpha=1e-4, seed=seed, epochs=epochs, **SETTINGS)
        model.build_vocab(docs)
        start = time.perf_counter()
        model.train(docs, total_examples=model.corpus_count, epochs=epochs)
        return model.wv.vectors.copy(), list(model.wv.index_to_key), time.perf_counter() - start, model.wv
    from neuralnlp.embeddings.word2vec.training import train_skipgram

    result = train_skipgram(docs, epochs=epochs, seed=seed, **SETTINGS)
    return np.array(result.input_vectors, dtype=np.float32), list(result.vocab), result.seconds, None


def no_exclusion(vectors, words, path, method: str) -> dict:
    """Top answer without excluding the query words, on the answerable questions: whose word is it?"""
    from neuralnlp.search.analogy import read_analogy_questions, solve_analogies

    row_of = {w: i for i, w in enumerate(words)}
    rows = np.array([[row_of[w.lower()] for w in q] for s in read_analogy_questions(path) for q in s.questions
                     if all(w.lower() in row_of for w in q)], dtype=np.int64).reshape(-1, 4)
    _, top = solve_analogies(vectors, rows[:, 0], rows[:, 1], rows[:, 2], method=method, exclude=False)
    top = top[:, 0]
    counts = {"b": int((top == rows[:, 2]).sum()), "a_star": int((top == rows[:, 1]).sum()),
              "a": int((top == rows[:, 0]).sum()), "b_star": int((top == rows[:, 3]).sum())}
    counts["other"] = len(rows) - sum(counts.values())
    return counts


def examples(vectors, words) -> list:
    """Top 5 of b − a + a* (3CosAdd) with and without excluding the query words, for EXAMPLES."""
    from neuralnlp.search.analogy import solve_analogies

    row_of = {w: i for i, w in enumerate(words)}
    out = []
    for a, a_star, b in EXAMPLES:
        entry = {"query": [a, a_star, b], "missing": [w for w in (a, a_star, b) if w not in row_of]}
        if not entry["missing"]:
            for exclude in (True, False):
                scores, ids = solve_analogies(vectors, [row_of[a]], [row_of[a_star]], [row_of[b]], topn=5,
                                              exclude=exclude)
                entry["excluded" if exclude else "not_excluded"] = [[words[i], float(s)]
                                                                     for i, s in zip(ids[0], scores[0])]
        out.append(entry)
    return out


def run(corpus_docs, trainer: str, epochs: int, seed: int, path) -> dict:
    from neuralnlp.search.analogy import evaluate_analogies

    vectors, words, seconds, kv = train(trainer, corpus_docs, epochs, seed)
    result = {"seconds": seconds, "vocab": len(words), "methods": {}}
    for method in METHODS:
        score = evaluate_analogies(vectors, words, path, method=method)
        result["methods"][method] = {
            "sections": [s._asdict() for s in score.sections],
            **{g: getattr(score, g)._asdict() for g in ("semantic", "syntactic", "overall")},
            "no_exclusion": no_exclusion(vectors, words, path, method),
        }
    if kv is not None:  # gensim's own evaluation of its own vectors, section by section
        _, sections = kv.evaluate_word_analogies(str(path))
        ours = result["methods"]["3cosadd"]["sections"]
        result["gensim_evaluate_agrees"] = all(
            g["section"] == o["name"] and len(g["correct"]) == o["correct"]
            and len(g["correct"]) + len(g["incorrect"]) == o["answered"] for g, o in zip(sections, ours))
    result["examples"] = examples(vectors, words)
    return result


def _accuracy(runs, method: str, group: str) -> tuple[float, float, float]:
    values = [r["methods"][method][group]["correct"] / r["methods"][method][group]["answered"]
              if r["methods"][method][group]["answered"] else float("nan") for r in runs]
    return statistics.mean(values), min(values), max(values)


def render(data: dict) -> str:
    """The human-readable table of a results dict (the .txt file is exactly this)."""
    seeds = data["seeds"]
    lines = [
        "Word analogies (gensim's questions-words.txt, 19,544 questions) with skip-gram vectors, ours",
        "(neuralnlp.embeddings.word2vec) and gensim's, trained on the same corpus with the same settings:",
        f"dim 100, window 5, negative 5, min_count 5, sample 1e-3, 2 workers, {data['epochs']} epochs; "
        f"seeds {', '.join(map(str, seeds))}.",
        "Query words excluded; a question with a word outside the vocabulary is skipped (as gensim does).",
        "Accuracy = correct / answered: mean over the seeds, [lowest, highest] in brackets.",
        "Coverage = answered / questions in the file (the same for both trainers: same vocabulary).",
    ]
    for corpus, info in data["corpora"].items():
        runs = data["runs"][corpus]
        first = runs["ours"][0]["methods"]["3cosadd"]
        lines += ["", f"Corpus {corpus}: {info['words']:,} tokens, vocabulary {info['vocab']:,} words", "",
                  f"  {'questions':<11} {'answered':>20} {'method':<8} {'ours':>19} {'gensim':>19}",
                  "  " + "-" * 81]
        for group in ("semantic", "syntactic", "overall"):
            g = first[group]
            cover = f"{g['answered']:,}/{g['total']:,} ({g['answered'] / g['total']:.1%})"
            for method in METHODS:
                cells = []
                for trainer in TRAINERS:
                    mean, low, high = _accuracy(runs[trainer], method, group)
                    cells.append(f"{mean:6.1%} [{low:.1%}, {high:.1%}]" if g["answered"] else f"{'-':>19}")
                lines.append(f"  {group if method == '3cosadd' else '':<11} {cover if method == '3cosadd' else '':>20} "
                             f"{METHOD_NAMES[method]:<8} {cells[0]:>19} {cells[1]:>19}")
        gensim_ok = all(r["gensim_evaluate_agrees"] for r in runs["gensim"])
        lines.append(f"  gensim's evaluate_word_analogies on gensim's vectors gives the same 3CosAdd counts, "
                     f"section by section: {'yes' if gensim_ok else 'NO'}")
        lines += ["", "  Without excluding the query words (answered questions, seed "
                  f"{seeds[0]}): the top answer is", f"  {'trainer':<8} {'method':<8} "
                  + " ".join(f"{r:>7}" for r in ("b", "a*", "a", "b*", "other"))]
        for trainer in TRAINERS:
            for method in METHODS:
                counts = runs[trainer][0]["methods"][method]["no_exclusion"]
                total = sum(counts.values())
                lines.append(f"  {trainer:<8} {METHOD_NAMES[method]:<8} "
                             + " ".join(f"{counts[r] / total:>7.1%}" for r in ROLES))
        lines += ["", f"  b - a + a* (3CosAdd), top 5 with cosines, seed {seeds[0]}:"]
        for trainer in TRAINERS:
            for entry in runs[trainer][0]["examples"]:
                a, a_star, b = entry["query"]
                head = f"  {trainer:<7}{b} - {a} + {a_star}"
                if entry["missing"]:
                    lines.append(f"{head}: not in the vocabulary: {', '.join(entry['missing'])}")
                    continue
                for key, label in (("excluded", "query words excluded"), ("not_excluded", "not excluded")):
                    top = ", ".join(f"{w} {s:.3f}" for w, s in entry[key])
                    lines.append(f"{head} ({label}): {top}")
        lines += ["", "  Training time (s), per seed: " + "; ".join(
            f"{trainer} " + ", ".join(f"{r['seconds']:.1f}" for r in runs[trainer]) for trainer in TRAINERS)]
    m = data["machine"]
    lines += provenance_lines(data, f"{m['cpu']}, {m['cores']} cores; Python {m['python']}, torch {m['torch']}, "
                                    f"numpy {m['numpy']}, gensim {m['gensim']}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    parser.add_argument("--corpora", nargs="+", default=["lee", "lee+wiki"], choices=["lee", "lee+wiki"])
    parser.add_argument("--quick", action="store_true", help="Lee only, 2 epochs, seed 0; writes nothing")
    parser.add_argument("--render-only", action="store_true", help="rewrite the .txt from the committed .json")
    args = parser.parse_args(argv)
    if args.render_only:
        data = json.loads((RESULTS / f"{NAME}.json").read_text())
        (RESULTS / f"{NAME}.txt").write_text(render(data))
        print(render(data))
        return data
    if args.quick:
        args.epochs, args.seeds, args.corpora = 2, [0], ["lee"]
    sys.path.insert(0, str(ROOT / "src"))
    import torch
    from neuralnlp.embeddings.word2vec.corpus import gensim_test_data_dir
    from neuralnlp.embeddings.word2vec.training import build_vocabulary

    path = gensim_test_data_dir() / "questions-words.txt"
    load_start = load_1min()
    docs = corpora(args.corpora)
    runs = {name: {t: [] for t in TRAINERS} for name in docs}
    for name, corpus_docs in docs.items():
        for i, seed in enumerate(args.seeds):
            for trainer in (TRAINERS if i % 2 == 0 else TRAINERS[::-1]):  # interleaved, as word2vec_gensim
                result = run(corpus_docs, trainer, args.epochs, seed, path)
                runs[name][trainer].append(result)
                print(name, trainer, seed, f"{result['seconds']:.1f}s",
                      {m: result["methods"][m]["overall"] for m in METHODS}, flush=True)
    data = {
        "command": " ".join([".venv/bin/python benchmarks/word2vec_analogies.py",
                             *(sys.argv[1:] if argv is None else argv)]),
        "date": datetime.date.today().isoformat(),
        "load_start": load_start,
        "load_end": load_1min(),
        "machine": describe(torch=torch.__version__, numpy=np.__version__, gensim=__import__("gensim").__version__),
        "settings": SETTINGS,
        "epochs": args.epochs,
        "seeds": args.seeds,
        "corpora": {name: {"words": sum(map(len, d)), "documents": len(d),
                           "vocab": len(build_vocabulary(d, SETTINGS["min_count"]))} for name, d in docs.items()},
        "runs": runs,
    }
    if not args.quick:
        print(save_results(NAME, data, render))
    return data


if __name__ == "__main__":
    main()
