"""Our RNN and GRU against torch.nn.RNN and torch.nn.GRU: a benchmark that prints figures, not a test.

    .venv/bin/python benchmarks/recurrent.py [--repeat N] [--naive-sizes small|all|none]

For each module (RNN, GRU), size (batch, seq, input, hidden) and pass, ours and torch's (with
copied weights, float32, torch's default thread count) are timed in turn, A B A B …, after a
warm-up; the table shows the median of each and the ratio ours / torch measured in the same run.

- ``forward``: one call under ``torch.no_grad()`` (inference);
- ``forward+backward``: one call with x requiring grad (as if it came from an embedding layer),
  then ``output.backward(upstream)`` with a fixed random upstream gradient.

Extra rows time a naive loop against the same torch module: the input projection computed
inside the loop for each step, and the steps read as ``x[t]``. That is the code the library
avoids; the performance page explains why.

Writes benchmarks/results/recurrent.json (raw times, machine, command) and
benchmarks/results/recurrent.txt (the table, as ``render`` formats it from the json).
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
NAME = "recurrent"
SIZES = {"small": (32, 50, 64, 128), "large": (64, 100, 128, 256)}  # batch, seq, input, hidden
PASSES = ["forward", "forward+backward"]
GOAL = 1.25


def naive_rnn(module, x, h):
    """The loop written the obvious way: per-step input projection, x[t] indexing."""
    import torch
    from torch.nn import functional as F

    outputs = []
    for t in range(x.shape[0]):
        h = torch.tanh(F.linear(x[t], module.weight_ih, module.bias_ih) + F.linear(h, module.weight_hh, module.bias_hh))
        outputs.append(h)
    return torch.stack(outputs)


def naive_gru(module, x, h):
    """The GRU loop written the obvious way: per-step input projection, x[t] indexing."""
    import torch
    from torch.nn import functional as F

    outputs = []
    for t in range(x.shape[0]):
        x_r, x_z, x_n = F.linear(x[t], module.weight_ih, module.bias_ih).chunk(3, dim=-1)
        h_r, h_z, h_n = F.linear(h, module.weight_hh, module.bias_hh).chunk(3, dim=-1)
        r = torch.sigmoid(x_r + h_r)
        z = torch.sigmoid(x_z + h_z)
        n = torch.tanh(x_n + r * h_n)
        h = (1 - z) * n + z * h
        outputs.append(h)
    return torch.stack(outputs)


def make_contenders(kind: str, size: tuple, naive: bool):
    """(label, run) for torch's module and ours (or the naive loop), sharing weights and inputs."""
    import torch
    from torch import nn

    from neuralnlp.recurrent.gru import GRU
    from neuralnlp.recurrent.rnn import RNN

    batch, seq, n_in, hidden = size
    torch.manual_seed(0)
    theirs = (nn.RNN if kind == "RNN" else nn.GRU)(n_in, hidden)
    ours = (RNN if kind == "RNN" else GRU).from_torch(theirs)
    x = torch.randn(seq, batch, n_in)
    upstream = torch.randn(seq, batch, hidden)
    if naive:
        naive_loop = naive_rnn if kind == "RNN" else naive_gru
        label = f"naive {kind}"
        forward_ours = lambda x: naive_loop(ours, x, x.new_zeros(batch, hidden))  # noqa: E731
    else:
        label = f"ours {kind}"
        forward_ours = lambda x: ours(x)[0]  # noqa: E731
    forward_theirs = lambda x: theirs(x)[0]  # noqa: E731

    def runner(module, forward):
        def run(pass_: str):
            if pass_ == "forward":
                with torch.no_grad():
                    forward(x)
                return
            for p in module.parameters():
                p.grad = None
            xg = x.detach().requires_grad_()
            forward(xg).backward(upstream)
        return run

    return [(label, runner(ours, forward_ours)), (f"torch.nn.{kind}", runner(theirs, forward_theirs))]


def time_rows(repeat: int, naive_sizes: list[str]) -> list[dict]:
    rows = []
    plan = [(k, s, False) for k in ("RNN", "GRU") for s in SIZES] + [(k, s, True) for k in ("RNN", "GRU") for s in naive_sizes]
    for kind, size_name, naive in plan:
        contenders = make_contenders(kind, SIZES[size_name], naive)
        for pass_ in PASSES:
            for _, run in contenders:  # warm-up
                run(pass_), run(pass_)
            times = {label: [] for label, _ in contenders}
            for _ in range(repeat):  # interleaved: a change of machine load hits both alike
                for label, run in contenders:
                    start = time.perf_counter()
                    run(pass_)
                    times[label].append(time.perf_counter() - start)
            (ours, o_times), (theirs, t_times) = times.items()
            row = {"module": kind, "size": size_name, "shape": list(SIZES[size_name]), "pass": pass_,
                   "ours": ours, "theirs": theirs, "ours_times_s": o_times, "theirs_times_s": t_times,
                   "ours_median_s": statistics.median(o_times), "theirs_median_s": statistics.median(t_times)}
            rows.append(row)
            print(_row_line(row), flush=True)
    return rows


def machine() -> dict:
    import numpy
    import torch

    return describe(torch_threads=torch.get_num_threads(), torch=torch.__version__, numpy=numpy.__version__)


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms" if seconds >= 0.01 else f"{seconds * 1e3:.2f} ms"


HEADER = f"{'contender':<11} {'(batch, seq, in, hidden)':<25} {'pass':<17} {'contender':>11} {'torch':>11} {'ratio':>7}"


def _row_line(row: dict) -> str:
    ratio = row["ours_median_s"] / row["theirs_median_s"]
    shape = "(" + ", ".join(str(n) for n in row["shape"]) + ")"
    return (f"{row['ours']:<11} {shape:<25} {row['pass']:<17} {_ms(row['ours_median_s']):>11} "
            f"{_ms(row['theirs_median_s']):>11} {ratio:>6.2f}x")


def render(data: dict) -> str:
    """The human-readable table, from the json alone (a unit test checks the committed .txt is this)."""
    s, m = data["settings"], data["machine"]
    lines = [
        "Our RNN / GRU vs torch.nn.RNN / torch.nn.GRU, float32, one layer.",
        f"Median of {s['repeat']} interleaved runs after warm-up; ratio = contender / torch (goal <= {s['goal']}x).",
        "forward: under torch.no_grad(); forward+backward: x requires grad, output.backward(upstream).",
        "naive: input projection inside the loop and x[t] indexing (what the library avoids).",
        "",
        HEADER,
        "-" * len(HEADER),
    ]
    lines += [_row_line(row) for row in data["results"]]
    lines += provenance_lines(data, f"{m['cpu']}, {m['cores']} cores (torch threads: {m['torch_threads']}); "
                                    f"Python {m['python']}, torch {m['torch']}, numpy {m['numpy']}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=21, help="timed runs per contender and row (default 21)")
    parser.add_argument("--naive-sizes", choices=["small", "all", "none"], default="small",
                        help="sizes at which to time the naive loop (default: small)")
    args = parser.parse_args(argv)
    naive_sizes = {"small": ["small"], "all": list(SIZES), "none": []}[args.naive_sizes]
    load_start = os.getloadavg()[0]
    rows = time_rows(args.repeat, naive_sizes)
    data = {
        "command": " ".join([".venv/bin/python", "benchmarks/recurrent.py", *sys.argv[1:]]) if argv is None
        else " ".join([".venv/bin/python", "benchmarks/recurrent.py", *argv]),
        "date": datetime.date.today().isoformat(),
        "load_start": load_start,
        "load_end": os.getloadavg()[0],
        "machine": machine(),
        "settings": {"repeat": args.repeat, "goal": GOAL, "dtype": "float32", "sizes": SIZES},
        "results": rows,
    }
    text = save_results(NAME, data, render)
    print()
    print(text, end="")


if __name__ == "__main__":
    main()
