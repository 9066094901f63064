"""Our TextCNN against our GRU classifier on the same batches: forward+backward time, side by side.

    .venv/bin/python benchmarks/cnn_vs_rnn.py [--repeat N]

Both models are the pipeline's: ``neuralnlp.pipeline.conv.TextCNN`` (kernel widths 2, 3, 4, 64
filters each) and ``neuralnlp.pipeline.models.RecurrentClassifier`` with our GRU (hidden size 64),
both with 64-dimensional embeddings of a 5,000-token vocabulary, two classes, dropout 0.3, in
training mode; and, to see what our convolution costs, the same TextCNN with ``torch.nn.Conv1d``. For each sequence length T (every text of the batch T tokens long, batch 64) and
each torch thread count, one step is timed: logits, cross-entropy, ``backward()``. The two models
alternate (A B C A B C …) after a warm-up; the table shows the median of each and the ratio
GRU / TextCNN measured in the same run.

Writes benchmarks/results/cnn_vs_rnn.json (raw times, machine, command) and
benchmarks/results/cnn_vs_rnn.txt (the table, as ``render`` formats it from the json).
"""

from __future__ import annotations

import argparse
import copy
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe, provenance_lines, save_results  # noqa: E402  (shared by the benchmarks)

ROOT = Path(__file__).resolve().parent.parent
NAME = "cnn_vs_rnn"
SETTINGS = {"batch": 64, "vocab_size": 5000, "embedding_dim": 64, "hidden_size": 64, "n_filters": 64,
            "kernel_sizes": [2, 3, 4], "dropout": 0.3, "seq_lengths": [25, 50, 100, 200], "threads": [1, 2]}
MODELS = ("TextCNN", "TextCNN, torch conv", "GRU")


def machine() -> dict:
    import numpy
    import torch

    return describe(torch=torch.__version__, numpy=numpy.__version__)


def build_models():
    import torch

    from neuralnlp.pipeline.conv import TextCNN
    from neuralnlp.pipeline.models import RecurrentClassifier

    s = SETTINGS
    torch.manual_seed(0)
    cnn = TextCNN(s["vocab_size"], s["embedding_dim"], 2, kernel_sizes=tuple(s["kernel_sizes"]),
                  n_filters=s["n_filters"], dropout=s["dropout"])
    gru = RecurrentClassifier(s["vocab_size"], embedding_dim=s["embedding_dim"], hidden_size=s["hidden_size"],
                              n_classes=2, cell="gru", dropout=s["dropout"])
    # The same TextCNN with torch.nn.Conv1d in place of ours (same weights): what our convolution costs.
    torch_conv = copy.deepcopy(cnn)
    torch_conv.convs = torch.nn.ModuleList(torch.nn.Conv1d(c.in_channels, c.out_channels, c.kernel_size)
                                           for c in cnn.convs)
    for ours, theirs in zip(cnn.convs, torch_conv.convs):
        theirs.load_state_dict(ours.state_dict())
    return {"TextCNN": cnn.train(), "TextCNN, torch conv": torch_conv.train(), "GRU": gru.train()}


def multiply_adds_per_token() -> dict:
    """Multiply-adds per token of the layer after the embedding: Σ_K K·d·F (TextCNN), 3·H·(d + H) (GRU)."""
    s = SETTINGS
    cnn = sum(k * s["embedding_dim"] * s["n_filters"] for k in s["kernel_sizes"])
    return {"TextCNN": cnn, "TextCNN, torch conv": cnn, "GRU": 3 * s["hidden_size"] * (s["embedding_dim"] + s["hidden_size"])}


def one_step(model, ids, lengths, labels) -> float:
    """Seconds for logits, loss and backward (gradients zeroed before, outside the timing)."""
    import torch
    from torch.nn import functional as F

    model.zero_grad(set_to_none=True)
    start = time.perf_counter()
    F.cross_entropy(model(ids, lengths), labels).backward()
    return time.perf_counter() - start


def time_rows(repeat: int) -> list[dict]:
    import torch

    models = build_models()
    parameters = {name: sum(p.numel() for p in m.parameters()) for name, m in models.items()}
    rows = []
    previous = torch.get_num_threads()
    try:
        for threads in SETTINGS["threads"]:
            torch.set_num_threads(threads)
            for seq in SETTINGS["seq_lengths"]:
                g = torch.Generator().manual_seed(seq)
                ids = torch.randint(1, SETTINGS["vocab_size"], (SETTINGS["batch"], seq), generator=g)
                lengths = torch.full((SETTINGS["batch"],), seq)
                labels = torch.randint(0, 2, (SETTINGS["batch"],), generator=g)
                times = {name: [] for name in MODELS}
                for _ in range(2):  # warm-up
                    for name in MODELS:
                        one_step(models[name], ids, lengths, labels)
                for _ in range(repeat):
                    for name in MODELS:
                        times[name].append(one_step(models[name], ids, lengths, labels))
                rows.append({"threads": threads, "seq": seq, "times_s": times,
                             "median_s": {name: statistics.median(t) for name, t in times.items()}})
    finally:
        torch.set_num_threads(previous)
    return [{"parameters": parameters}] + rows


HEADER = f"{'threads':>7}  {'T':>4}  {'TextCNN':>10}  {'torch conv':>10}  {'GRU':>10}  {'GRU / TextCNN':>13}"


def _ms(seconds: float) -> str:
    ms = seconds * 1e3
    return f"{ms:.2f} ms" if ms < 10 else f"{ms:.1f} ms"


def render(data: dict) -> str:
    """The human-readable table, from the json alone (a unit test checks the committed .txt is this)."""
    s, m = data["settings"], data["machine"]
    params = data["parameters"]
    lines = [
        "Our TextCNN vs our GRU classifier: one training step (forward, cross-entropy, backward) on the same batch.",
        f"Batch {s['batch']}, every text T tokens; embeddings {s['embedding_dim']}-d over {s['vocab_size']:,} tokens; "
        f"TextCNN widths {tuple(s['kernel_sizes'])} x {s['n_filters']} filters ({params['TextCNN']:,} parameters); "
        f"GRU hidden {s['hidden_size']} ({params['GRU']:,} parameters).",
        f"Multiply-adds per token after the embedding: TextCNN {data['multiply_adds']['TextCNN']:,}, "
        f"GRU {data['multiply_adds']['GRU']:,}. 'torch conv': our TextCNN with torch.nn.Conv1d in place of ours.",
        f"Median of {s['repeat']} interleaved runs after warm-up.",
        "",
        HEADER,
        "-" * len(HEADER),
    ]
    for row in data["results"]:
        cnn, gru, tc = row["median_s"]["TextCNN"], row["median_s"]["GRU"], row["median_s"]["TextCNN, torch conv"]
        lines.append(f"{row['threads']:>7}  {row['seq']:>4}  {_ms(cnn):>10}  {_ms(tc):>10}  {_ms(gru):>10}  "
                     f"{gru / cnn:>12.2f}x")
    lines += provenance_lines(data, f"{m['cpu']}, {m['cores']} cores; Python {m['python']}, torch {m['torch']}, "
                                    f"numpy {m['numpy']}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per model and row (default 15)")
    args = parser.parse_args(argv)
    load_start = os.getloadavg()[0]
    parameters, *rows = time_rows(args.repeat)
    data = {
        "command": " ".join([".venv/bin/python", "benchmarks/cnn_vs_rnn.py", *(sys.argv[1:] if argv is None else argv)]),
        "date": datetime.date.today().isoformat(),
        "load_start": load_start,
        "load_end": os.getloadavg()[0],
        "machine": machine(),
        "settings": {**SETTINGS, "repeat": args.repeat},
        "parameters": parameters["parameters"],
        "multiply_adds": multiply_adds_per_token(),
        "results": rows,
    }
    print(save_results(NAME, data, render), end="")


if __name__ == "__main__":
    main()
