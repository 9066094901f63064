"""Our IVF index on real sentence vectors: recall@10 against nprobe, the FAISS equality, k-means against faiss.Kmeans.

    .venv/bin/python benchmarks/ivf_lee.py [--quick]

Vectors: our MiniLM encoder (neuralnlp.transformer.SentenceEncoder) on the Lee corpus. The
database is the sentences of the 300 background articles; the queries are the 152 sentences of
the 50 test articles (held out: no query is in the database). nlist = min(round(√N), N // 39) cells: about
√N, with at least FAISS's 39 training vectors per cell. ``--quick`` (for the consistency test) takes the first
300 database sentences and 30 queries.

Measured, in one run:
- recall@10 against exact search for nprobe = 1, 2, 4, … nlist, for our IVF trained with three
  seeds (our spherical k-means, k-means++ start) and for FAISS's own IndexIVFFlat trained by FAISS;
- the equality: FAISS's IndexIVFFlat (IndexFlatIP quantiser, METRIC_INNER_PRODUCT) given our seed-0
  centroids, on the same normalised vectors: probed lists, list contents, ids and scores;
- the k-means objective J = Σ (2 − 2 x̂·c) of ours against faiss.Kmeans(spherical=True) with the same
  k and iterations (three seeds each);
- where the misses come from: every query whose true nearest neighbour is not among the candidates
  at nprobe = 1, and for the first one its cosines to the two centroids.

Writes benchmarks/results/ivf_lee.json and benchmarks/results/ivf_lee.txt (rendered from the json).
Times are of a loaded shared machine (the load is recorded); the recall figures do not depend on it.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe, provenance_lines, save_results  # noqa: E402  (shared by the benchmarks)

NAME = "ivf_lee"
K = 10
SEEDS = (0, 1, 2)
ITERATIONS = 20


def nprobes(nlist: int) -> list[int]:
    values, p = [], 1
    while p < nlist:
        values.append(p)
        p *= 2
    return values + [nlist]


def objective(x: np.ndarray, centroids: np.ndarray) -> float:
    return float(np.sum(2.0 - 2.0 * (x @ centroids.T).max(axis=1).astype(np.float64)))


def run(quick: bool) -> dict:
    import faiss

    from neuralnlp.search.ivf import IVFIndex
    from neuralnlp.search.kmeans import spherical_kmeans
    from neuralnlp.search.vectors import unit_rows
    from neuralnlp.search.recall import recall_at_k
    from neuralnlp.transformer.corpora import lee_sentences
    from neuralnlp.transformer.sentence_encoder import SentenceEncoder

    database, queries = lee_sentences("background"), lee_sentences("test")
    if quick:
        database, queries = database[:300], queries[:30]
    encoder = SentenceEncoder.from_directory()
    start = time.perf_counter()
    x, q = unit_rows(encoder.encode(database)), unit_rows(encoder.encode(queries), "queries")
    encode_s = time.perf_counter() - start
    n, d = x.shape
    nlist = min(int(round(np.sqrt(n))), n // 39)  # about √N cells, and FAISS's 39 training vectors per cell
    exact = np.argsort(-(q @ x.T), axis=1, kind="stable")[:, :K]
    probes = nprobes(nlist)

    recall, train_s, indexes = {}, {}, {}
    for seed in SEEDS:
        index = IVFIndex(d, nlist, seed=seed)
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            index.train(x)
        train_s[seed] = time.perf_counter() - start
        index.add(x)
        indexes[seed] = index
        row = []
        for p in probes:
            index.nprobe = p
            row.append(recall_at_k(index.search(q, K)[1], exact))
        recall[f"ours_seed{seed}"] = row

    faiss_own = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
    faiss_own.train(x)
    faiss_own.add(x)
    row = []
    for p in probes:
        faiss_own.nprobe = p
        row.append(recall_at_k(faiss_own.search(q, K)[1], exact))
    recall["faiss_own_training"] = row

    ours = indexes[0]
    quantizer = faiss.IndexFlatIP(d)
    quantizer.add(ours.centroids)
    twin = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
    twin.is_trained = True
    twin.add(x)
    invlists = faiss.extract_index_ivf(twin).invlists
    lists_equal = all(
        np.array_equal(faiss.rev_swig_ptr(invlists.get_ids(cell), invlists.list_size(cell)).copy(), ours.lists[cell][0])
        for cell in range(nlist))
    equality = []
    for p in probes:
        ours.nprobe = twin.nprobe = p
        scores, ids = ours.search(q, K)
        f_scores, f_ids = twin.search(q, K)
        _, f_probe = quantizer.search(q, p)
        filled = ids >= 0
        equality.append({"nprobe": p, "probed_lists_equal": bool(np.array_equal(ours.probe(q), f_probe)),
                         "ids_equal_share": float((ids == f_ids).all(axis=1).mean()),
                         # a position may hold another id only where the two scores tie (duplicate sentences)
                         "ids_equal_ties_aside_share": float(((ids == f_ids) | (np.abs(scores - f_scores) <= 1e-6))
                                                             .all(axis=1).mean()),
                         "padding_equal": bool(np.array_equal(filled, f_ids >= 0)),
                         "max_score_difference": float(np.abs(scores[filled] - f_scores[filled]).max()),
                         "recall_faiss_same_centroids": recall_at_k(f_ids, exact)})

    objectives = []
    for seed in SEEDS:
        ours_c, _, _ = spherical_kmeans(x, nlist, ITERATIONS, seed=seed)
        random_c, _, _ = spherical_kmeans(x, nlist, ITERATIONS, seed=seed, init="random")
        km = faiss.Kmeans(d, nlist, niter=ITERATIONS, spherical=True, seed=seed + 1)
        km.train(x)
        objectives.append({"seed": seed, "ours_kmeans++": objective(x, ours_c), "ours_random": objective(x, random_c),
                           "faiss": objective(x, km.centroids)})

    ours.nprobe = 1
    first_cells = ours.probe(q)[:, 0]
    cell_of = np.empty(n, dtype=np.int64)
    for cell, (ids, _) in enumerate(ours.lists):
        cell_of[ids] = cell
    missed = [i for i in range(len(q)) if cell_of[exact[i, 0]] != first_cells[i]]
    case, ranks = None, []
    for i in missed:  # the rank of the neighbour's cell among the query's cells: the nprobe that recovers it
        order = list(np.argsort(-(q[i] @ ours.centroids.T), kind="stable"))
        ranks.append(int(order.index(cell_of[exact[i, 0]]) + 1))
    if missed:
        i = missed[ranks.index(2)] if 2 in ranks else missed[0]  # the first one that nprobe = 2 recovers
        neighbour = int(exact[i, 0])
        order = list(np.argsort(-(q[i] @ ours.centroids.T), kind="stable"))
        case = {"query": i, "query_text": queries[i], "neighbour": neighbour, "neighbour_text": database[neighbour],
                "cosine_query_neighbour": float(q[i] @ x[neighbour]),
                "probed_cell": int(first_cells[i]), "neighbour_cell": int(cell_of[neighbour]),
                "cosine_query_probed_centroid": float(q[i] @ ours.centroids[first_cells[i]]),
                "cosine_query_neighbour_centroid": float(q[i] @ ours.centroids[cell_of[neighbour]]),
                "rank_of_neighbour_cell": int(order.index(cell_of[neighbour]) + 1)}
    return {"n": n, "d": d, "queries": len(q), "distinct_sentences": len(set(database)), "nlist": nlist, "k": K, "nprobes": probes, "encode_s": encode_s,
            "train_s": {str(s): t for s, t in train_s.items()}, "recall": recall, "lists_equal": lists_equal,
            "equality": equality, "objectives": objectives,
            "missed_top1_at_nprobe1": len(missed),
            "recovered_at_nprobe": {str(p): sum(rank <= p for rank in ranks) for p in probes}, "border_case": case}


def render(data: dict) -> str:
    r = data["results"]
    lines = [f"IVF on real vectors: MiniLM sentence vectors of the Lee corpus, N = {r['n']} database sentences "
             f"(d = {r['d']}), {r['queries']} held-out query sentences, nlist = {r['nlist']}, recall@{r['k']} "
             f"against exact search", "",
             "nprobe  " + "  ".join(f"{name:>18}" for name in r["recall"])]
    for j, p in enumerate(r["nprobes"]):
        lines.append(f"{p:>6}  " + "  ".join(f"{values[j]:>18.3f}" for values in r["recall"].values()))
    lines += ["", "FAISS IndexIVFFlat (IndexFlatIP quantiser, inner product) given our seed-0 centroids:",
              f"  inverted lists identical: {r['lists_equal']}",
              f"  ({r['n'] - r['distinct_sentences']} database sentences are repeats, so some scores tie exactly)",
              "  nprobe  probed lists equal  equal ids  equal ids, ties aside  max |score diff|  recall@10 (FAISS)"]
    for e in r["equality"]:
        lines.append(f"  {e['nprobe']:>6}  {str(e['probed_lists_equal']):>18}  {e['ids_equal_share']:>9.3f}  "
                     f"{e['ids_equal_ties_aside_share']:>21.3f}  {e['max_score_difference']:>16.1e}  "
                     f"{e['recall_faiss_same_centroids']:>17.3f}")
    lines += ["", f"k-means objective J = sum(2 - 2 cos), {ITERATIONS} iterations, k = {r['nlist']}:",
              "  seed  ours (k-means++)  ours (random)      faiss.Kmeans  ours/faiss"]
    for o in r["objectives"]:
        lines.append(f"  {o['seed']:>4}  {o['ours_kmeans++']:>16.2f}  {o['ours_random']:>13.2f}  {o['faiss']:>16.2f}"
                     f"  {o['ours_kmeans++'] / o['faiss']:>10.4f}")
    lines += ["", f"Queries whose nearest neighbour lies outside the probed cell at nprobe = 1: "
                  f"{r['missed_top1_at_nprobe1']} of {r['queries']}",
              "  of these recovered at nprobe: " + ", ".join(f"{p}: {v}" for p, v in r["recovered_at_nprobe"].items())]
    c = r["border_case"]
    if c:
        lines += [f"  query {c['query']}: {c['query_text'][:100]}",
                  f"  neighbour {c['neighbour']} (cosine {c['cosine_query_neighbour']:.3f}): {c['neighbour_text'][:100]}",
                  f"  cosine to the probed centroid {c['probed_cell']}: {c['cosine_query_probed_centroid']:.3f}; "
                  f"to the neighbour's centroid {c['neighbour_cell']}: {c['cosine_query_neighbour_centroid']:.3f} "
                  f"(rank {c['rank_of_neighbour_cell']})"]
    lines += ["", f"Encoding took {r['encode_s']:.1f} s; our k-means training {r['train_s']['0']:.2f} s (seed 0)."]
    m = data["machine"]
    lines += provenance_lines(data, f"{m['cpu']}, {m['cores']} cores; Python {m['python']}, numpy {m['numpy']}, "
                                    f"faiss {m['faiss']}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="300 database sentences and 30 queries (for tests)")
    args = parser.parse_args(argv)
    import faiss

    load_start = os.getloadavg()[0]
    results = run(args.quick)
    arguments = sys.argv[1:] if argv is None else list(argv)
    data = {"command": " ".join([".venv/bin/python", "benchmarks/ivf_lee.py", *arguments]),
            "date": datetime.date.today().isoformat(), "load_start": load_start, "load_end": os.getloadavg()[0],
            "machine": describe(numpy=np.__version__, faiss=faiss.__version__),
            "settings": {"quick": args.quick, "seeds": list(SEEDS), "iterations": ITERATIONS}, "results": results}
    if args.quick:
        print(render(data), end="")
        return
    print()
    print(save_results(NAME, data, render), end="")


if __name__ == "__main__":
    main()
