"""Embedding lookup vs one-hot matmul as the vocabulary grows: a benchmark that prints figures, not a test.

    .venv/bin/python benchmarks/embedding_lookup.py [--sizes 100 1000 10000 100000] [--repeat N] [--threads T]

For 4,096 token ids and d_model = 128 (float32), and each vocabulary size V, four routes to the
same (4096, 128) output are timed, interleaved, forward and forward+backward:

- ``lookup (ours)``: ``neuralnlp.embeddings.embedding.Embedding``, a row lookup with a hand-written backward;
- ``nn.Embedding``: ``torch.nn.Embedding``, the same lookup in torch's C++;
- ``one-hot @ W``: ``neuralnlp.embeddings.embedding.one_hot_embedding``, a (4096, V) float32 one-hot times W;
- ``F.one_hot @ W``: ``F.one_hot(ids, V).float() @ W``, the usual one-liner, which first builds
  the one-hot in int64 and then a float32 copy.

Memory: each (route, V, pass) runs once more in a fresh child process, which reports how far its
peak resident set size (VmHWM in /proc/self/status) rose above its resident size just before the
call (after a warm-up call at V = 10 that loads code and starts autograd). That counts every byte the call touched, whoever allocated it, and nothing left from
earlier calls. The one-hot matrix alone is 4096 · V · 4 bytes.

Writes benchmarks/results/embedding_lookup.json (raw numbers, machine, command) and
benchmarks/results/embedding_lookup.txt (the tables, as ``render`` formats them from the json).
The plot on the page is not made here: snippets/embeddings/diagram_lookup_benchmark.py draws it
from the committed json at every build, in each page's language.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe  # noqa: E402  (shared by the benchmarks)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
NAME = "embedding_lookup"
N_IDS, DIM = 4096, 128
ROUTES = ["lookup (ours)", "nn.Embedding", "one-hot @ W", "F.one_hot @ W"]
PASSES = ["forward", "forward+backward"]


def make_route(route: str, vocab_size: int):
    """Set up one route: returns a function running one pass (forward, or forward+backward)."""
    import torch
    import torch.nn.functional as F

    from neuralnlp.embeddings.embedding import Embedding, one_hot_embedding

    torch.manual_seed(0)
    ids = torch.randint(0, vocab_size, (N_IDS,))
    upstream = torch.randn(N_IDS, DIM)
    if route == "lookup (ours)":
        layer = Embedding(vocab_size, DIM)
        forward, weight = (lambda: layer(ids)), layer.weight
    elif route == "nn.Embedding":
        layer = torch.nn.Embedding(vocab_size, DIM)
        forward, weight = (lambda: layer(ids)), layer.weight
    elif route == "one-hot @ W":
        weight = torch.randn(vocab_size, DIM, requires_grad=True)
        forward = lambda: one_hot_embedding(ids, weight)  # noqa: E731
    elif route == "F.one_hot @ W":
        weight = torch.randn(vocab_size, DIM, requires_grad=True)
        forward = lambda: F.one_hot(ids, vocab_size).float() @ weight  # noqa: E731
    else:
        raise ValueError(f"route: expected one of {ROUTES}, got {route!r}")

    def run(pass_: str):
        weight.grad = None
        if pass_ == "forward":
            with torch.no_grad():
                forward()
        else:
            forward().backward(upstream)

    return run


def _status_kib(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/self/status")


def measure_memory_here(route: str, vocab_size: int, pass_: str) -> int:
    """Bytes the peak RSS rose during one call, in this (fresh) process."""
    # A first call at a tiny V loads code and starts autograd's worker, which would be counted otherwise.
    make_route(route, 10)(pass_)
    run = make_route(route, vocab_size)
    before = _status_kib("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # reset VmHWM to the current RSS
    run(pass_)
    return (_status_kib("VmHWM") - before) * 1024


def measure_memory(route: str, vocab_size: int, pass_: str) -> int:
    out = subprocess.run([sys.executable, __file__, "--memory-child", route, str(vocab_size), pass_],
                         check=True, capture_output=True, text=True).stdout
    return int(out.strip())


def time_sizes(sizes: list[int], repeat: dict[int, int]) -> list[dict]:
    rows = []
    for V in sizes:
        runs = {r: make_route(r, V) for r in ROUTES}
        for pass_ in PASSES:
            for r in ROUTES:
                runs[r](pass_)  # warm-up
            times = {r: [] for r in ROUTES}
            for _ in range(repeat[V]):  # interleaved: a change of machine load hits all routes alike
                for r in ROUTES:
                    start = time.perf_counter()
                    runs[r](pass_)
                    times[r].append(time.perf_counter() - start)
            for r in ROUTES:
                rows.append({"V": V, "route": r, "pass": pass_, "times_s": times[r],
                             "median_s": statistics.median(times[r])})
            print(f"V={V:>6} {pass_:<17} " + "  ".join(f"{r}: {statistics.median(times[r]) * 1e3:.3g} ms" for r in ROUTES),
                  flush=True)
        del runs
        for row in rows:
            if row["V"] == V:
                row["peak_rss_increase_bytes"] = measure_memory(row["route"], V, row["pass"])
    return rows


def machine() -> dict:
    import numpy
    import torch

    return describe(torch_threads=torch.get_num_threads(), torch=torch.__version__, numpy=numpy.__version__)


def _ms(seconds: float) -> str:
    ms = seconds * 1e3
    return f"{ms:,.1f} ms" if ms >= 10 else f"{ms:.3f} ms"


def _mb(n_bytes: int) -> str:
    return f"{n_bytes / 1e6:,.1f} MB"


def render(data: dict) -> str:
    """The human-readable tables, from the json alone (a unit test checks the committed .txt is this)."""
    s = data["settings"]
    rows = {(r["V"], r["route"], r["pass"]): r for r in data["results"]}
    sizes = sorted({r["V"] for r in data["results"]})
    lines = [
        f"Embedding lookup vs one-hot matmul: {s['n_ids']:,} ids, d_model = {s['dim']}, float32.",
        "Time: median of interleaved runs (runs per V: "
        + ", ".join(f"{V:,}: {n}" for V, n in sorted((int(k), v) for k, v in s["repeat"].items())) + ").",
        "",
    ]
    header = f"{'V':>8}  {'pass':<17}" + "".join(f"{r:>15}" for r in ROUTES) + f"{'one-hot/lookup':>16}"
    lines += [header, "-" * len(header)]
    for V in sizes:
        for p in PASSES:
            med = {r: rows[V, r, p]["median_s"] for r in ROUTES}
            lines.append(f"{V:>8,}  {p:<17}" + "".join(f"{_ms(med[r]):>15}" for r in ROUTES)
                         + f"{med['one-hot @ W'] / med['lookup (ours)']:>15,.0f}x")
    lines += ["", "Memory: rise of peak RSS during one call (fresh process each); one-hot matrix = n_ids · V · 4 bytes.", ""]
    header = f"{'V':>8}  {'pass':<17}{'one-hot matrix':>15}" + "".join(f"{r:>15}" for r in ROUTES)
    lines += [header, "-" * len(header)]
    for V in sizes:
        for p in PASSES:
            lines.append(f"{V:>8,}  {p:<17}{_mb(s['n_ids'] * V * 4):>15}"
                         + "".join(f"{_mb(rows[V, r, p]['peak_rss_increase_bytes']):>15}" for r in ROUTES))
    m = data["machine"]
    lines += [
        "",
        f"Command: {data['command']}",
        f"Machine: {m['cpu']}, {m['cores']} cores (torch threads: {m['torch_threads']}); "
        f"Python {m['python']}, torch {m['torch']}, numpy {m['numpy']}",
        f"Date: {data['date']}; load average (1 min) at start {data['load_start']:.2f}, at end {data['load_end']:.2f}",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    if len(sys.argv) == 5 and sys.argv[1] == "--memory-child":
        print(measure_memory_here(sys.argv[2], int(sys.argv[3]), sys.argv[4]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=21, help="runs per V below 1e5 (V = 1e5 gets 5)")
    parser.add_argument("--threads", type=int, default=None,
                        help="torch threads (default: torch's own choice); 1 is steadier on a busy machine")
    parser.add_argument("--rerender", action="store_true", help="only re-render the .txt from the committed json")
    args = parser.parse_args()
    if args.threads is not None:
        import torch

        torch.set_num_threads(args.threads)
    if args.rerender:
        data = json.loads((RESULTS / f"{NAME}.json").read_text())
    else:
        repeat = {V: (args.repeat if V < 100_000 else 5) for V in args.sizes}
        load_start = os.getloadavg()[0]
        rows = time_sizes(args.sizes, repeat)
        data = {
            "command": ".venv/bin/python benchmarks/embedding_lookup.py" + "".join(f" {a}" for a in sys.argv[1:]),
            "date": datetime.date.today().isoformat(),
            "load_start": load_start,
            "load_end": os.getloadavg()[0],
            "machine": machine(),
            "settings": {"n_ids": N_IDS, "dim": DIM, "dtype": "float32", "repeat": {str(V): n for V, n in repeat.items()}},
            "results": rows,
        }
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / f"{NAME}.json").write_text(json.dumps(data, indent=1) + "\n")
    text = render(data)
    (RESULTS / f"{NAME}.txt").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
