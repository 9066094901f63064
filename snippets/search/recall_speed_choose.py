"""Read the committed sweep: per collection, the fastest setting of each index that reaches recall@10 >= 0.95,
its speed against exact search of the same implementation, and what building it costs."""

import json
from pathlib import Path

import neuralnlp

RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "ann_recall_speed.json"
data = json.loads(RESULTS.read_text(encoding="utf-8"))
TARGET = 0.95

for name, c in data["collections"].items():
    rows, builds = c["rows"], {(b["index"], b["impl"]): b for b in c["builds"]}
    exact = {r["impl"]: r for r in rows if r["index"] == "exact"}
    print(f"{name} (N = {c['n']:,}): the fastest setting with recall@10 >= {TARGET}")
    print(f"  {'index':6} {'impl':6} {'setting':13} {'recall':>6} {'queries/s':>10} {'vs exact':>8} {'build':>8}"
          f" {'memory vs flat':>14}")
    for kind in ("ivf", "hnsw"):
        for impl in ("ours", "faiss"):
            curve = [r for r in rows if r["index"] == kind and r["impl"] == impl]
            good = [r for r in curve if r["recall"] >= TARGET]
            build = builds[kind, impl]
            if not good:  # the sweep's largest setting falls short: say how far it got
                top = max(curve, key=lambda r: r["recall"])
                print(f"  {kind:6} {impl:6} none: the best is {top['recall']:.3f} at {top['parameter']}={top['value']}")
                continue
            best = max(good, key=lambda r: r["qps"])
            memory = build["bytes"] / builds["exact", impl]["bytes"]
            print(f"  {kind:6} {impl:6} {best['parameter'] + '=' + str(best['value']):13} {best['recall']:6.3f} "
                  f"{best['qps']:10,.0f} {best['qps'] / exact[impl]['qps']:7.1f}x {build['build_s']:7.1f}s"
                  f" {memory:13.2f}x")
    print()
