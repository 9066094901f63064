"""Our HNSW (neuralnlp.search.hnsw) against FAISS's IndexHNSWFlat: build time, recall@10 and query time.

    .venv/bin/python benchmarks/hnsw_faiss.py [--quick]

Both indexes get the same normalised vectors and the same M = 16, efConstruction = 40; each efSearch
is set on both, and recall@10 is measured against exact search (faiss.IndexFlatIP). FAISS runs on one
thread, as ours does. Two collections:

- synthetic: 10,000 clustered unit vectors, d = 128 (neuralnlp.search.synthetic, 100 clusters,
  spread 2), with 500 queries drawn the same way: synthetic, labelled so in the table;
- word2vec: our skip-gram vectors of the Lee corpus (min_count 2, d = 50, 5 epochs), centred and
  normalised, with 300 words held out as queries: real vectors.

``--quick`` runs 2,000 synthetic vectors (d = 32) only and prints the table without saving (the
consistency test runs it). Writes benchmarks/results/hnsw_faiss.json (raw numbers, machine, command)
and .txt (the table rendered from the JSON). Timings on a loaded machine: the load is recorded.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

import faiss
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe, provenance_lines, save_results  # noqa: E402

from neuralnlp.search.hnsw import HNSWIndex  # noqa: E402
from neuralnlp.search.recall import recall_at_k  # noqa: E402
from neuralnlp.search.synthetic import synthetic_vectors  # noqa: E402

M, EF_CONSTRUCTION, K = 16, 40, 10
EF_SEARCH = (10, 16, 32, 64, 128)


def synthetic(n: int, dim: int, queries: int):
    x = synthetic_vectors(n + queries, dim, clusters=100, spread=2.0, seed=0)
    return x[:n], x[n:]


def word2vec(queries: int):
    from neuralnlp.embeddings.word2vec.corpus import LEE_FILE, gensim_test_data_dir, read_line_corpus
    from neuralnlp.embeddings.word2vec.training import train_skipgram

    docs = read_line_corpus(gensim_test_data_dir() / LEE_FILE)
    result = train_skipgram(docs, vector_size=50, epochs=5, min_count=2, workers=1, seed=0)
    v = result.input_vectors - result.input_vectors.mean(axis=0)
    v = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
    order = np.random.default_rng(0).permutation(len(v))
    return v[order[queries:]], v[order[:queries]]


def run(name: str, base: np.ndarray, queries: np.ndarray) -> dict:
    exact = faiss.IndexFlatIP(base.shape[1])
    exact.add(base)
    true_ids = exact.search(queries, K)[1]
    start = time.perf_counter()
    ours = HNSWIndex(base.shape[1], M=M, ef_construction=EF_CONSTRUCTION, seed=0)
    ours.add(base)
    ours_build = time.perf_counter() - start
    start = time.perf_counter()
    theirs = faiss.IndexHNSWFlat(base.shape[1], M, faiss.METRIC_INNER_PRODUCT)
    theirs.hnsw.efConstruction = EF_CONSTRUCTION
    theirs.add(base)
    faiss_build = time.perf_counter() - start
    rows = []
    for ef in EF_SEARCH:
        ours.ef_search = theirs.hnsw.efSearch = ef
        start = time.perf_counter()
        mine = ours.search(queries, K)[1]
        ours_s = time.perf_counter() - start
        start = time.perf_counter()
        reference = theirs.search(queries, K)[1]
        faiss_s = time.perf_counter() - start
        rows.append({"ef_search": ef, "recall_ours": recall_at_k(mine, true_ids),
                     "recall_faiss": recall_at_k(reference, true_ids),
                     "query_ms_ours": 1000 * ours_s / len(queries), "query_ms_faiss": 1000 * faiss_s / len(queries)})
    return {"name": name, "n": len(base), "dim": base.shape[1], "queries": len(queries),
            "build_s_ours": ours_build, "build_s_faiss": faiss_build, "rows": rows}


def render(data: dict) -> str:
    lines = [f"HNSW, ours against faiss.IndexHNSWFlat: M = {data['settings']['M']}, "
             f"efConstruction = {data['settings']['ef_construction']}, recall@{data['settings']['k']} "
             "against exact search, one thread each"]
    for c in data["collections"]:
        lines += ["", f"{c['name']}: {c['n']:,} vectors, d = {c['dim']}, {c['queries']} queries; "
                      f"build ours {c['build_s_ours']:.1f} s, FAISS {c['build_s_faiss']:.2f} s "
                      f"({c['build_s_ours'] / c['build_s_faiss']:.0f}x)",
                  "efSearch  recall ours  recall FAISS  ms/query ours  ms/query FAISS"]
        lines += [f"{r['ef_search']:>8}  {r['recall_ours']:>11.3f}  {r['recall_faiss']:>12.3f}  "
                  f"{r['query_ms_ours']:>13.2f}  {r['query_ms_faiss']:>14.3f}" for r in c["rows"]]
    m = data["machine"]
    lines += provenance_lines(data, f"{m['cpu']}, {m['cores']} cores; faiss {m['faiss']}, numpy {m['numpy']}, "
                                    f"Python {m['python']}")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="2,000 synthetic vectors only; print, do not save")
    args = parser.parse_args()
    faiss.omp_set_num_threads(1)
    load_start = os.getloadavg()[0]
    if args.quick:
        collections = [run("synthetic (quick)", *synthetic(2000, 32, 200))]
    else:
        collections = [run("synthetic", *synthetic(10_000, 128, 500)), run("word2vec (Lee corpus)", *word2vec(300))]
    data = {"command": ".venv/bin/python benchmarks/hnsw_faiss.py" + (" --quick" if args.quick else ""),
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "load_start": load_start, "load_end": os.getloadavg()[0],
            "machine": describe(faiss=faiss.__version__, numpy=np.__version__),
            "settings": {"M": M, "ef_construction": EF_CONSTRUCTION, "k": K, "ef_search": list(EF_SEARCH)},
            "collections": collections}
    print(render(data) if args.quick else save_results("hnsw_faiss", data, render), end="")


if __name__ == "__main__":
    main()
