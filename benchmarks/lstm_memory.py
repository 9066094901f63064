"""LSTM vs GRU on the GRU page's long-memory task ("recall the first token"), several seeds.

    .venv/bin/python benchmarks/lstm_memory.py [--seeds 0 1 2]

The task, the model (``LastStateClassifier``: one recurrent layer, hidden 32, and a linear readout)
and the training (250 Adam steps, batch 64, lr 0.05, 8 symbols) are those of the GRU page's snippet;
each run seeds torch with its seed before building the model, and trains on the batches of that
seed, as the page does with seed 0. Contenders:

- ``GRU``: ``neuralnlp.recurrent.gru.GRU`` with torch's initialisation;
- ``LSTM``: ``neuralnlp.recurrent.lstm.LSTM`` with torch's initialisation (every bias drawn from
  U(-1/√32, 1/√32), so the forget gate starts near σ(0) = 0.5);
- ``LSTM b_f+1``, ``LSTM b_f+3``: the same LSTM with 1 or 3 added to the forget gate's input bias
  (rows hidden … 2·hidden − 1 of ``bias_ih_l0``, gate order i, f, g, o) right after initialisation.
  Keras adds 1 by default (``unit_forget_bias``), as Jozefowicz et al. (2015) recommend.

Accuracy is measured on 1000 new sequences (``recall_accuracy``, test seed 1). Runs on one torch
thread; the snippet on the LSTM page reads the json to print and plot the table.

Writes benchmarks/results/lstm_memory.json (every accuracy, settings, machine, command) and .txt
(the table, as ``render`` formats it from the json).
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
from machine import describe, save_results  # noqa: E402  (shared by the benchmarks)

ROOT = Path(__file__).resolve().parent.parent
NAME = "lstm_memory"
SETTINGS = {"n_symbols": 8, "hidden": 32, "delays": [5, 10, 20, 40], "steps": 250, "batch_size": 64, "lr": 0.05}
CONTENDERS = {"GRU": ("GRU", 0.0), "LSTM": ("LSTM", 0.0), "LSTM b_f+1": ("LSTM", 1.0), "LSTM b_f+3": ("LSTM", 3.0)}


def build(kind: str, forget_bias: float):
    """The recurrent layer of a contender, initialised with the current torch seed."""
    import torch

    from neuralnlp.recurrent.gru import GRU
    from neuralnlp.recurrent.lstm import LSTM

    hidden = SETTINGS["hidden"]
    layer = (GRU if kind == "GRU" else LSTM)(SETTINGS["n_symbols"], hidden)
    if forget_bias:
        with torch.no_grad():
            layer.bias_ih_l0[hidden:2 * hidden] += forget_bias  # rows of f: gate order i, f, g, o
    return layer


def run(seeds: list[int]) -> dict:
    import torch

    from neuralnlp.recurrent.memory_task import LastStateClassifier, recall_accuracy, train_recall

    torch.set_num_threads(1)
    s = SETTINGS
    accuracy = {name: {str(n): [] for n in s["delays"]} for name in CONTENDERS}
    for n_steps in s["delays"]:
        for name, (kind, forget_bias) in CONTENDERS.items():
            for seed in seeds:
                start = time.perf_counter()
                torch.manual_seed(seed)
                model = LastStateClassifier(build(kind, forget_bias), s["hidden"], s["n_symbols"])
                train_recall(model, n_steps, steps=s["steps"], batch_size=s["batch_size"], n_symbols=s["n_symbols"],
                             lr=s["lr"], seed=seed)
                accuracy[name][str(n_steps)].append(recall_accuracy(model, n_steps, n_symbols=s["n_symbols"]))
                print(f"N={n_steps:<3} {name:<11} seed {seed}: {accuracy[name][str(n_steps)][-1]:.3f} "
                      f"({time.perf_counter() - start:.1f} s)", flush=True)
    parameters = {name: sum(p.numel() for p in build(kind, 0.0).parameters()) for name, (kind, _) in CONTENDERS.items()}
    return {"accuracy": accuracy, "parameters": parameters}


def render(data: dict) -> str:
    """The human-readable table, from the json alone (a unit test checks the committed .txt is this)."""
    s, m, seeds = data["settings"], data["machine"], data["seeds"]
    names = list(data["accuracy"])
    lines = [
        "Recall the first token after N more tokens: accuracy on 1000 new sequences (chance = 1/8 = 0.125).",
        f"One recurrent layer (hidden {s['hidden']}) + linear readout; {s['steps']} Adam steps, batch {s['batch_size']}, "
        f"lr {s['lr']}; seeds {', '.join(str(x) for x in seeds)}.",
        "Each cell: mean over the seeds [lowest, highest]. b_f+k: k added to the forget gate's bias at initialisation.",
        "",
        f"{'':<5}" + "".join(f"{name:>22}" for name in names),
        f"{'params':<5}" + "".join(f"{data['parameters'][name]:>22}" for name in names),
    ]
    for n in s["delays"]:
        cells = []
        for name in names:
            values = data["accuracy"][name][str(n)]
            cells.append(f"{statistics.mean(values):.3f} [{min(values):.3f}, {max(values):.3f}]")
        lines.append(f"{'N=' + str(n):<5}" + "".join(f"{cell:>22}" for cell in cells))
    lines += [
        "",
        f"Command: {data['command']}",
        f"Machine: {m['cpu']}, {m['cores']} cores (torch threads: 1); Python {m['python']}, torch {m['torch']}",
        f"Date: {data['date']}; {data['seconds']:.0f} s in all; load average (1 min) at start {data['load_start']:.2f}",
    ]
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    import torch

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2], help="seeds (default 0 1 2)")
    args = parser.parse_args(argv)
    load_start, start = os.getloadavg()[0], time.perf_counter()
    results = run(args.seeds)
    data = {
        "command": " ".join([".venv/bin/python", "benchmarks/lstm_memory.py", *(sys.argv[1:] if argv is None else argv)]),
        "date": datetime.date.today().isoformat(),
        "load_start": load_start,
        "seconds": time.perf_counter() - start,
        "machine": describe(torch=torch.__version__),
        "settings": SETTINGS,
        "seeds": args.seeds,
        **results,
    }
    text = save_results(NAME, data, render)
    print()
    print(text, end="")


if __name__ == "__main__":
    main()
