"""Where the misses come from, on real vectors: a Lee test sentence whose nearest neighbour lies in the
next cell, read from the committed results of benchmarks/ivf_lee.py."""

import json
from pathlib import Path

import neuralnlp

RESULTS = Path(neuralnlp.__file__).resolve().parents[2] / "benchmarks" / "results" / "ivf_lee.json"
results = json.loads(RESULTS.read_text())["results"]
case = results["border_case"]
print(f"query:     {case['query_text']}")
print(f"neighbour: {case['neighbour_text']}")
print(f"cosine(query, neighbour) = {case['cosine_query_neighbour']:.3f}")
print(f"cosine to centroid {case['probed_cell']} (the query's cell):      {case['cosine_query_probed_centroid']:.3f}")
print(f"cosine to centroid {case['neighbour_cell']} (the neighbour's cell): {case['cosine_query_neighbour_centroid']:.3f}"
      f"  -> rank {case['rank_of_neighbour_cell']}: found from nprobe = {case['rank_of_neighbour_cell']}")
print(f"\nqueries whose nearest neighbour is outside their first cell: {results['missed_top1_at_nprobe1']} "
      f"of {results['queries']}")
for nprobe, count in results["recovered_at_nprobe"].items():
    print(f"  found again at nprobe <= {nprobe:>2}: {count}")
