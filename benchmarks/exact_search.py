"""Our exact search (neuralnlp.search.exact.ExactIndex) against FAISS's IndexFlatIP, in one run.

    PYTHONPATH=src .venv/bin/python benchmarks/exact_search.py [--quick] [--repeat 5] [--threads 1 2]

The vectors are SYNTHETIC (neuralnlp.search.synthetic_vectors: clustered unit float32 rows, seed 0;
the queries are 100 more rows of the same draw), since no corpus here has 10⁶ sentences. One batch = 100 queries, k = 10.

- speed: N = 10⁵ and 10⁶ at d = 384, for each thread count (torch.set_num_threads and
  faiss.omp_set_num_threads set to the same value). Both indexes hold the same vectors. FAISS is
  timed twice: as it comes, and with faiss.cvar.distance_compute_blas_threshold = 1, which makes a
  batch of 100 queries take its matrix-product (BLAS) path, the same algorithm as ours. One warm-up
  search each, then ``repeat`` rounds in rotating order; the table shows medians and
  ratio = median(ours) / median(FAISS). Goal (issue 14): ratio <= 2.
  The same run checks the answers: largest score difference and the share of equal ids.
- cost: time per batch against N (d = 384, prefixes of the same set) and against d (N = 10⁵),
  one thread, ours and both FAISS timings: the page's log-log plot is drawn from these numbers.
- why: at N = 10⁵, one thread, the matrix products alone (torch.mm over the chunks into one buffer)
  against the whole search, and the whole search for several chunk sizes.

Writes benchmarks/results/exact_search.json (raw numbers, machine, load) and .txt (the table).
``--quick`` runs small sizes only (for the consistency test) and writes nothing unless ``--save``.
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
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe, provenance_lines, save_results  # noqa: E402  (shared by the benchmarks)

FULL = dict(speed_n=[100_000, 1_000_000], dim=384, cost_n=[1_000, 10_000, 100_000, 1_000_000],
            cost_dims=[32, 64, 128, 256, 512, 1024], cost_dim_n=100_000, why_n=100_000,
            chunks=[1_024, 4_096, 16_384, 65_536], queries=100, k=10, min_seconds=3.0)
QUICK = dict(speed_n=[5_000], dim=64, cost_n=[1_000, 5_000], cost_dims=[16, 64], cost_dim_n=2_000, why_n=5_000,
             chunks=[512, 4_096], queries=20, k=10, min_seconds=0.0)


def faiss_module():
    import faiss

    return faiss


def machine() -> dict:
    faiss = faiss_module()
    libs = Path(faiss.__file__).resolve().parent.parent / "faiss_cpu.libs"
    blas = sorted(p.name for p in libs.glob("libopenblas*")) if libs.exists() else []
    return describe(torch=torch.__version__, torch_blas="MKL" if torch.backends.mkl.is_available() else "other",
                    faiss=faiss.__version__, faiss_blas=", ".join(blas) or "unknown", numpy=np.__version__)


def set_threads(threads: int) -> None:
    torch.set_num_threads(threads)
    faiss_module().omp_set_num_threads(threads)


def build(vectors: np.ndarray, chunk_rows: int | None = None):
    """Our index and FAISS's, holding the same vectors (already unit rows)."""
    from neuralnlp.search.exact import DEFAULT_CHUNK_ROWS, ExactIndex

    ours = ExactIndex(vectors.shape[1], chunk_rows=chunk_rows or DEFAULT_CHUNK_ROWS)
    ours.add(vectors)
    theirs = faiss_module().IndexFlatIP(vectors.shape[1])
    theirs.add(vectors)  # synthetic_vectors rows have norm 1: normalize_L2 would change nothing
    return ours, theirs


def timed(search, queries, k) -> tuple[float, tuple]:
    start = time.perf_counter()
    out = search(queries, k)
    return time.perf_counter() - start, out


class FaissSearch:
    """``index.search`` with FAISS's query-count threshold for its BLAS path set for the call.

    faiss 1.15 scans the database once per query (SIMD inner products, threads over queries) unless a
    batch has at least ``faiss.cvar.distance_compute_blas_threshold`` queries (128,000 by default here);
    from that size on it multiplies matrices (sgemm) block by block and keeps a heap per query."""

    def __init__(self, index, blas_threshold: int):
        self.index, self.blas_threshold = index, blas_threshold

    def search(self, queries, k):
        faiss = faiss_module()
        default = faiss.cvar.distance_compute_blas_threshold
        faiss.cvar.distance_compute_blas_threshold = self.blas_threshold
        try:
            return self.index.search(queries, k)
        finally:
            faiss.cvar.distance_compute_blas_threshold = default


def side_by_side(ours, theirs, queries, k, repeat: int, min_seconds: float = 0.0) -> dict:
    """Interleaved timings of ours, FAISS as it comes and FAISS made to use BLAS, and the answers compared.

    One warm-up each, then rounds in a rotating order; at least ``repeat`` rounds, and more (up to 60)
    until each has run ``min_seconds`` in all: short timings on a shared machine need more runs."""
    default = faiss_module().cvar.distance_compute_blas_threshold
    searchers = {"ours": ours, "faiss": FaissSearch(theirs, default), "faiss_blas": FaissSearch(theirs, 1)}
    answers = {name: timed(searcher.search, queries, k)[1] for name, searcher in searchers.items()}
    times = {name: [] for name in searchers}
    names = list(searchers)
    r = 0
    while r < repeat or (min(map(sum, times.values())) < min_seconds and r < 60):
        for name in names[r % 3:] + names[:r % 3]:
            times[name].append(timed(searchers[name].search, queries, k)[0])
        r += 1
    (s, i) = answers["ours"]
    out = {"faiss_blas_threshold": default, **{f"{name}_seconds": t for name, t in times.items()}}
    for name in ("faiss", "faiss_blas"):
        fs, fi = answers[name]
        suffix = "" if name == "faiss" else "_blas"
        out[f"max_score_difference{suffix}"] = float(np.abs(s - fs).max())
        out[f"same_ids{suffix}"] = float((i == fi).mean())
    return out


def matrix_products_only(index, queries: np.ndarray):
    """The chunked torch.mm into one buffer, without top-k: what the matrix library alone costs."""
    stored = index._vectors()
    q = torch.from_numpy(queries)
    chunk = index.chunk_rows
    buffer = torch.empty(len(q) * min(chunk, len(stored)))
    for row in range(0, len(stored), chunk):
        block = stored[row:row + chunk]
        torch.mm(q, block.T, out=buffer[: len(q) * len(block)].view(len(q), len(block)))


def where_the_time_goes(index, queries, k, chunks, repeat: int) -> dict:
    """Matrix products alone and the whole search at several chunk sizes, interleaved round by round."""
    default = index.chunk_rows
    variants = ["matrix_products"] + [f"chunk_{c}" for c in chunks]
    times = {v: [] for v in variants}
    for r in range(repeat + 1):  # round 0 is a warm-up
        for v in (variants if r % 2 == 0 else variants[::-1]):
            start = time.perf_counter()
            if v == "matrix_products":
                matrix_products_only(index, queries)  # at the default chunk size
            else:
                index.chunk_rows = int(v.split("_")[1])
                index.search(queries, k)
            if r:
                times[v].append(time.perf_counter() - start)
            index.chunk_rows = default
    return {"matrix_products_seconds": times["matrix_products"],
            "chunks": [{"chunk_rows": c, "seconds": times[f"chunk_{c}"]} for c in chunks]}


def run(settings: dict, threads: list[int], repeat: int) -> dict:
    from neuralnlp.search.synthetic import synthetic_vectors

    k, nq = settings["k"], settings["queries"]
    # one draw: the last nq rows are the queries, from the same clusters as the stored rows
    biggest = synthetic_vectors(max(settings["speed_n"] + settings["cost_n"]) + nq, settings["dim"], seed=0)
    queries = biggest[-nq:].copy()
    speed, cost_n = [], []
    for n in sorted(set(settings["speed_n"]) | set(settings["cost_n"])):
        ours, theirs = build(biggest[:n])
        for t in threads if n in settings["speed_n"] else [1]:
            set_threads(t)
            row = {"n": n, "dim": settings["dim"], "threads": t, "load": os.getloadavg()[0],
                   **side_by_side(ours, theirs, queries, k, repeat, settings["min_seconds"])}
            if n in settings["speed_n"]:
                speed.append(row)
            if n in settings["cost_n"] and t == 1:
                cost_n.append(row)
        if n == settings["why_n"]:
            set_threads(1)
            why = {"n": n, "dim": settings["dim"], "threads": 1, "load": os.getloadavg()[0],
                   **where_the_time_goes(ours, queries, k, settings["chunks"], repeat)}
        del ours, theirs
    del biggest
    set_threads(1)
    cost_d = []
    for dim in settings["cost_dims"]:
        vectors = synthetic_vectors(settings["cost_dim_n"] + nq, dim, seed=0)
        ours, theirs = build(vectors[:-nq])
        cost_d.append({"n": settings["cost_dim_n"], "dim": dim, "threads": 1, "load": os.getloadavg()[0],
                       **side_by_side(ours, theirs, vectors[-nq:].copy(), k, repeat, settings["min_seconds"])})
    return {"speed": speed, "cost_n": cost_n, "cost_d": cost_d, "why": why}


def median(xs) -> float:
    return statistics.median(xs)


def render(data: dict) -> str:
    s = data["settings"]
    lines = [f"Exact search, ours (neuralnlp.search.ExactIndex) against FAISS IndexFlatIP, on SYNTHETIC clustered unit "
             f"vectors; one batch = {s['queries']} queries, k = {s['k']}; medians of at least {data['repeat']} interleaved "
             f"runs (of more where a run is short)",
             f"FAISS = IndexFlatIP.search as it comes (a scan per query below "
             f"{data['speed'][0]['faiss_blas_threshold']:,} queries); FAISS-BLAS = the same with "
             f"faiss.cvar.distance_compute_blas_threshold = 1 (matrix products)",
             "", "Speed (goal: ours <= 2x FAISS; ratio = ours / FAISS, ours / FAISS-BLAS)",
             f"{'N':>9} {'d':>4} {'threads':>7} {'ours s':>7} {'FAISS s':>8} {'BLAS s':>7} {'ratio':>6} "
             f"{'ratio BLAS':>10} {'max |Δscore|':>12} {'same ids':>8} {'load':>5}"]
    for r in data["speed"]:
        ours, theirs, blas = (median(r[f"{w}_seconds"]) for w in ("ours", "faiss", "faiss_blas"))
        lines.append(f"{r['n']:>9,} {r['dim']:>4} {r['threads']:>7} {ours:>7.3f} {theirs:>8.3f} {blas:>7.3f} "
                     f"{ours / theirs:>6.2f} {ours / blas:>10.2f} "
                     f"{max(r['max_score_difference'], r['max_score_difference_blas']):>12.1e} "
                     f"{min(r['same_ids'], r['same_ids_blas']):>8.4f} {r['load']:>5.2f}")
    for title, rows in (("Cost against N (d = %d, 1 thread)" % s["dim"], data["cost_n"]),
                        ("Cost against d (N = %s, 1 thread)" % f"{s['cost_dim_n']:,}", data["cost_d"])):
        lines += ["", title, f"{'N':>9} {'d':>5} {'ours s':>8} {'FAISS s':>8} {'BLAS s':>8} {'runs':>5}"]
        for r in rows:
            ours, theirs, blas = (median(r[f"{w}_seconds"]) for w in ("ours", "faiss", "faiss_blas"))
            lines.append(f"{r['n']:>9,} {r['dim']:>5} {ours:>8.4f} {theirs:>8.4f} {blas:>8.4f} "
                         f"{len(r['ours_seconds']):>5}")
    w = data["why"]
    total = next(median(c["seconds"]) for c in w["chunks"] if c["chunk_rows"] == s["default_chunk_rows"]) \
        if any(c["chunk_rows"] == s["default_chunk_rows"] for c in w["chunks"]) else None
    lines += ["", f"Where the time goes (N = {w['n']:,}, d = {w['dim']}, 1 thread, runs interleaved)",
              f"  matrix products alone (torch.mm, chunk_rows = {s['default_chunk_rows']:,}): "
              f"{median(w['matrix_products_seconds']):.4f} s"
              + (f", {median(w['matrix_products_seconds']) / total:.0%} of the search" if total else "")]
    for c in w["chunks"]:
        lines.append(f"  whole search, chunk_rows = {c['chunk_rows']:>6,}: {median(c['seconds']):.4f} s")
    m = data["machine"]
    return "\n".join(lines + provenance_lines(
        data, f"{m['cpu']}, {m['cores']} cores; torch {m['torch']} ({m['torch_blas']}), faiss {m['faiss']} "
              f"({m['faiss_blas']}), numpy {m['numpy']}")) + "\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for the consistency test")
    parser.add_argument("--save", action="store_true", help="with --quick: write the results files anyway")
    parser.add_argument("--repeat", type=int, default=None)
    parser.add_argument("--threads", type=int, nargs="+", default=None)
    args = parser.parse_args(argv)
    from neuralnlp.search.exact import DEFAULT_CHUNK_ROWS

    settings = dict(QUICK if args.quick else FULL, default_chunk_rows=DEFAULT_CHUNK_ROWS)
    repeat = args.repeat or (2 if args.quick else 5)
    threads = args.threads or ([1] if args.quick else [1, 2])
    load_start = os.getloadavg()[0]
    started = datetime.datetime.now(datetime.timezone.utc)
    results = run(settings, threads, repeat)
    command = "PYTHONPATH=src .venv/bin/python benchmarks/exact_search.py" + (" --quick" if args.quick else "") + \
        (f" --repeat {args.repeat}" if args.repeat else "") + \
        (" --threads " + " ".join(map(str, args.threads)) if args.threads else "")
    data = {"command": command, "date": started.strftime("%Y-%m-%d %H:%M UTC"), "load_start": load_start,
            "load_end": os.getloadavg()[0], "machine": machine(), "settings": settings, "repeat": repeat,
            "threads": threads, **results}
    if args.quick and not args.save:
        print(render(data), end="")
        return
    print(save_results("exact_search", data, render), end="")


if __name__ == "__main__":
    main()
