"""Our LSTM against torch.nn.LSTM: a benchmark that prints figures, not a test.

    .venv/bin/python benchmarks/lstm_speed.py [--repeat N] [--threads N]

At the two sizes of the RNN page's benchmark (benchmarks/recurrent.py), and for a two-layer
bidirectional LSTM at the small size, ours and torch's (copied weights, float32, one torch thread
unless --threads says otherwise) are timed in turn, A B C A B C …, after a warm-up; the table shows the median of each
and the ratios measured in the same run. On a CPU, ``torch.nn.LSTM`` runs the whole sequence in one
fused oneDNN (mkldnn) kernel when it can; the third contender is the same module with oneDNN turned
off (``torch.backends.mkldnn.flags(enabled=False)``), which runs ATen's loop of per-step operations,
the same kind of loop as ours.

- ``forward``: one call under ``torch.no_grad()`` (inference);
- ``forward+backward``: one call with x requiring grad, then ``output.backward(upstream)``.

Writes benchmarks/results/lstm_speed.json (raw times, machine, command) and .txt (the table, as
``render`` formats it from the json). Goal (issue 12): forward+backward <= 1.25x torch's.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe, provenance_lines, save_results  # noqa: E402  (shared by the benchmarks)

ROOT = Path(__file__).resolve().parent.parent
NAME = "lstm_speed"
# name: (batch, seq, input, hidden, num_layers, bidirectional); the first two are benchmarks/recurrent.py's sizes
SIZES = {"small": (32, 50, 64, 128, 1, False), "large": (64, 100, 128, 256, 1, False),
         "small, 2 layers, bidirectional": (32, 50, 64, 128, 2, True)}
PASSES = ["forward", "forward+backward"]
GOAL = 1.25


def make_contenders(size: tuple):
    """(label, run) for ours and torch's, sharing weights, input and upstream gradient."""
    import torch

    from neuralnlp.recurrent.lstm import LSTM

    batch, seq, n_in, hidden, layers, bidirectional = size
    torch.manual_seed(0)
    theirs = torch.nn.LSTM(n_in, hidden, num_layers=layers, bidirectional=bidirectional)
    ours = LSTM.from_torch(theirs)
    x = torch.randn(seq, batch, n_in)
    upstream = torch.randn(seq, batch, hidden * (2 if bidirectional else 1))

    def runner(module):
        def run(pass_: str):
            if pass_ == "forward":
                with torch.no_grad():
                    module(x)
                return
            for p in module.parameters():
                p.grad = None
            module(x.detach().requires_grad_())[0].backward(upstream)
        return run

    def without_onednn(pass_: str):
        with torch.backends.mkldnn.flags(enabled=False):
            runner(theirs)(pass_)

    return [("ours LSTM", runner(ours)), ("torch.nn.LSTM", runner(theirs)), ("torch, no oneDNN", without_onednn)]


def time_rows(repeat: int) -> list[dict]:
    rows = []
    for size_name, size in SIZES.items():
        contenders = make_contenders(size)
        for pass_ in PASSES:
            for _, run in contenders:  # warm-up
                run(pass_), run(pass_)
            times = {label: [] for label, _ in contenders}
            for _ in range(repeat):  # interleaved: a change of machine load hits both alike
                for label, run in contenders:
                    start = time.perf_counter()
                    run(pass_)
                    times[label].append(time.perf_counter() - start)
            (_, o_times), (_, t_times), (_, n_times) = times.items()
            row = {"size": size_name, "shape": list(size), "pass": pass_, "ours_times_s": o_times,
                   "theirs_times_s": t_times, "no_onednn_times_s": n_times, "ours_median_s": statistics.median(o_times),
                   "theirs_median_s": statistics.median(t_times), "no_onednn_median_s": statistics.median(n_times)}
            rows.append(row)
            print(_row_line(row), flush=True)
    return rows


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms" if seconds >= 0.01 else f"{seconds * 1e3:.2f} ms"


HEADER = (f"{'(batch, seq, in, hidden), layers':<36} {'pass':<17} {'ours':>10} {'torch':>10} {'ratio':>6}"
          f" {'no oneDNN':>10} {'ratio':>6}")


def _row_line(row: dict) -> str:
    batch, seq, n_in, hidden, layers, bidirectional = row["shape"]
    shape = f"({batch}, {seq}, {n_in}, {hidden}), {layers}{' x 2 directions' if bidirectional else ''}"
    ratio = row["ours_median_s"] / row["theirs_median_s"]
    plain = row["ours_median_s"] / row["no_onednn_median_s"]
    return (f"{shape:<36} {row['pass']:<17} {_ms(row['ours_median_s']):>10} {_ms(row['theirs_median_s']):>10} "
            f"{ratio:>5.2f}x {_ms(row['no_onednn_median_s']):>10} {plain:>5.2f}x")


def render(data: dict) -> str:
    """The human-readable table, from the json alone (a unit test checks the committed .txt is this)."""
    s, m = data["settings"], data["machine"]
    lines = [
        "Our LSTM vs torch.nn.LSTM, float32.",
        f"Median of {s['repeat']} interleaved runs after warm-up; ratio = ours / that contender (goal <= {s['goal']}x "
        "against torch).",
        "torch: torch.nn.LSTM as it runs by default (one fused oneDNN kernel on this CPU); no oneDNN: the same module",
        "under torch.backends.mkldnn.flags(enabled=False), ATen's loop of per-step operations.",
        "forward: under torch.no_grad(); forward+backward: x requires grad, output.backward(upstream).",
        "",
        HEADER,
        "-" * len(HEADER),
    ]
    lines += [_row_line(row) for row in data["results"]]
    lines += provenance_lines(data, f"{m['cpu']}, {m['cores']} cores (torch threads: {m['torch_threads']}); "
                                    f"Python {m['python']}, torch {m['torch']}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    import torch

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per contender and row (default 15)")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (default 1)")
    args = parser.parse_args(argv)
    torch.set_num_threads(args.threads)
    load_start = os.getloadavg()[0]
    rows = time_rows(args.repeat)
    data = {
        "command": " ".join([".venv/bin/python", "benchmarks/lstm_speed.py", *(sys.argv[1:] if argv is None else argv)]),
        "date": datetime.date.today().isoformat(),
        "load_start": load_start,
        "load_end": os.getloadavg()[0],
        "machine": describe(torch_threads=torch.get_num_threads(), torch=torch.__version__),
        "settings": {"repeat": args.repeat, "goal": GOAL, "dtype": "float32", "sizes": SIZES},
        "results": rows,
    }
    text = save_results(NAME, data, render)
    print()
    print(text, end="")


if __name__ == "__main__":
    main()
