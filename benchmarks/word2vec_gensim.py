"""Our skip-gram trainer against gensim's Word2Vec on the same real text, side by side.

    .venv/bin/python benchmarks/word2vec_gensim.py [--epochs 5 20] [--repeat 2]

Both train skip-gram with negative sampling (negative 5, dim 100, window 5, min_count 5,
sample 1e-3, 2 workers) on the same token lists (gensim's lee_background.cor and its shortened
Wikipedia dump, read by neuralnlp.embeddings.word2vec.corpus, long articles cut at 10,000 tokens), for each
number of epochs. Runs are interleaved (gensim, ours, ours, gensim, ...); the table shows medians.

- quality: Spearman's ρ on WordSim353 and SimLex-999 (neuralnlp.embeddings.word2vec.evaluation, which the
  tests check against gensim's own evaluate_word_pairs), and the pairs skipped as OOV;
- speed: corpus words × epochs / wall time of training (vocabulary building excluded for both);
  ratio = ours / gensim, per repetition, then the median.

Then "how the speed was won": one epoch on the first 100k words, one worker unless stated, words/s
for each step from a per-word loop with autograd to the trainer as it is.

Writes benchmarks/results/word2vec_gensim.json (raw numbers, machine, command) and .txt (the table).
Goals (issue 4): ρ WordSim353 within 0.03 of gensim's at the same epochs, speed ≥ 0.25× gensim's.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import describe, save_results  # noqa: E402  (shared by the benchmarks)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
SETTINGS = dict(vector_size=100, window=5, negative=5, min_count=5, sample=1e-3, workers=2)
ABLATION_WORDS = 100_000


def machine() -> dict:
    return describe(torch=torch.__version__, numpy=np.__version__, gensim=__import__("gensim").__version__)


def load_1min() -> float:
    return os.getloadavg()[0]


def evaluate(vectors, words) -> dict:
    from neuralnlp.embeddings.word2vec.corpus import gensim_test_data_dir
    from neuralnlp.embeddings.word2vec.evaluation import evaluate_word_pairs

    data = gensim_test_data_dir()
    ws = evaluate_word_pairs(vectors, words, data / "wordsim353.tsv")
    sl = evaluate_word_pairs(vectors, words, data / "simlex999.txt")
    return {"rho_wordsim353": ws.spearman, "oov_wordsim353": ws.oov, "pairs_wordsim353": ws.pairs,
            "rho_simlex999": sl.spearman, "oov_simlex999": sl.oov, "pairs_simlex999": sl.pairs}


def run_gensim(docs, epochs: int, seed: int) -> dict:
    from gensim.models import Word2Vec

    model = Word2Vec(sg=1, hs=0, alpha=0.025, min_alpha=1e-4, seed=seed, epochs=epochs, **SETTINGS)
    model.build_vocab(docs)
    start = time.perf_counter()
    model.train(docs, total_examples=model.corpus_count, epochs=epochs)
    seconds = time.perf_counter() - start
    words = sum(map(len, docs))
    return {"seconds": seconds, "words_per_second": words * epochs / seconds, "vocab": len(model.wv),
            **evaluate(model.wv.vectors, model.wv.index_to_key)}


def run_ours(docs, epochs: int, seed: int) -> dict:
    from neuralnlp.embeddings.word2vec.training import train_skipgram

    result = train_skipgram(docs, epochs=epochs, seed=seed, **SETTINGS)  # defaults: batches of 2,048, damping
    return {"seconds": result.seconds, "words_per_second": result.words_per_second, "vocab": len(result.vocab),
            "timings": result.timings, "pairs": result.pairs, **evaluate(result.input_vectors, result.vocab)}


# ---- how the speed was won: each variant trains one epoch on the same slice of text ----

def _autograd_step(emb_in, emb_out, opt, inputs, targets, lr):
    for group in opt.param_groups:
        group["lr"] = lr
    v = emb_in(inputs)
    u = emb_out(targets)
    scores = torch.bmm(u, v.unsqueeze(2)).squeeze(2)
    logsig = torch.nn.functional.logsigmoid
    loss = -(logsig(scores[:, 0]).sum() + logsig(-scores[:, 1:]).sum())  # plain SGD on the summed loss
    opt.zero_grad()
    loss.backward()
    opt.step()
    return loss.item()


def ablation_variant(docs, variant: str, batch_pairs: int = 2048, workers: int = 1, damping: bool = False) -> dict:
    """Words/s and mean loss per pair of one epoch over the first ABLATION_WORDS words, for one way of training."""
    from neuralnlp.embeddings.word2vec.negative_sampling import NegativeSampler
    from neuralnlp.embeddings.word2vec.subsampling import keep_probability
    from neuralnlp.embeddings.word2vec.training import build_vocabulary, chunk_pairs, encode_corpus, train_skipgram

    sliced, n = [], 0
    for doc in docs:
        sliced.append(doc[: ABLATION_WORDS - n])
        n += len(sliced[-1])
        if n >= ABLATION_WORDS:
            break
    if variant == "trainer":
        result = train_skipgram(sliced, epochs=1, batch_pairs=batch_pairs, damping=damping,
                                **{**SETTINGS, "workers": workers})
        return {"words_per_second": result.words_per_second, "loss": result.epoch_losses[-1]}
    vocab = build_vocabulary(sliced, 5)
    ids, doc_index = encode_corpus(sliced, vocab)
    counts = np.asarray(vocab.counts)
    keep = keep_probability(counts, 1e-3)
    rng = np.random.default_rng(0)
    sampler = NegativeSampler(counts, rng=rng)
    emb_in = torch.nn.Embedding(len(vocab), 100, sparse=True)
    emb_out = torch.nn.Embedding(len(vocab), 100, sparse=True)
    opt = torch.optim.SGD([emb_in.weight, emb_out.weight], lr=0.025)
    previous = torch.get_num_threads()
    torch.set_num_threads(1)
    loss_sum, n_pairs = 0.0, 0
    start = time.perf_counter()
    for begin in range(0, len(ids), 10_000):
        chunk_ids, chunk_docs = ids[begin : begin + 10_000], doc_index[begin : begin + 10_000]
        if variant == "loop+autograd":  # word2vec.c's order, one centre word at a time, in Python
            kept = rng.random(len(chunk_ids)) < keep[chunk_ids]
            kid, kdoc = chunk_ids[kept], chunk_docs[kept]
            pairs = []
            for i in range(len(kid)):
                b = int(rng.integers(1, 6))
                for j in range(max(0, i - b), min(len(kid), i + b + 1)):
                    if j != i and kdoc[j] == kdoc[i]:
                        pairs.append((kid[j], kid[i]))
            inputs, outputs = (np.array(col, dtype=np.int64) for col in zip(*pairs))
        else:  # "vectorised+autograd"
            inputs, outputs = chunk_pairs(chunk_ids, chunk_docs, keep, 5, rng)
        targets = np.concatenate([outputs[:, None], sampler.sample((len(outputs), 5))], axis=1)
        inputs_t, targets_t = torch.from_numpy(inputs), torch.from_numpy(targets)
        for b in range(0, len(inputs), batch_pairs):
            loss_sum += _autograd_step(emb_in, emb_out, opt, inputs_t[b : b + batch_pairs],
                                       targets_t[b : b + batch_pairs], 0.025)
        n_pairs += len(inputs)
    seconds = time.perf_counter() - start
    torch.set_num_threads(previous)
    return {"words_per_second": sum(map(len, sliced)) / seconds, "loss": loss_sum / n_pairs}


ABLATION = [
    ("loop+autograd", "pairs word by word in Python; autograd + torch.optim.SGD (sparse)", dict(variant="loop+autograd")),
    ("vectorised+autograd", "pairs of a chunk with NumPy; autograd + torch.optim.SGD (sparse)",
     dict(variant="vectorised+autograd")),
    ("closed-form, 1 worker", "closed-form gradients, index_add_; batches of 2,048 pairs, no damping",
     dict(variant="trainer")),
    ("closed-form, 2 workers", "the same, two Hogwild worker threads", dict(variant="trainer", workers=2)),
    ("batches of 512", "2 workers, 512 pairs per batch", dict(variant="trainer", workers=2, batch_pairs=512)),
    ("batches of 8,192", "2 workers, 8,192 pairs per batch", dict(variant="trainer", workers=2, batch_pairs=8192)),
    ("batches of 32,768", "2 workers, 32,768 pairs per batch", dict(variant="trainer", workers=2, batch_pairs=32768)),
    ("32,768 + damping", "the same with damped updates of repeated rows",
     dict(variant="trainer", workers=2, batch_pairs=32768, damping=True)),
    ("2,048 + damping", "2 workers, 2,048 pairs per batch, damped: the trainer's defaults, as benchmarked above",
     dict(variant="trainer", workers=2, damping=True)),
]


def render(data: dict) -> str:
    """The human-readable table of a results dict (the .txt file is exactly this)."""
    lines = [
        "Skip-gram with negative sampling, gensim vs ours (neuralnlp.embeddings.word2vec.training), same corpus and settings:",
        f"{data['corpus']['words']:,} words ({data['corpus']['documents']:,} documents), vocabulary "
        f"{data['corpus']['vocab']:,} words (min_count 5); dim 100, window 5, negative 5, sample 1e-3, 2 workers.",
        ("One run each, gensim first" if data["repeat"] == 1 else f"Medians over {data['repeat']} interleaved runs")
        + "; words/s = corpus words x epochs / training time.",
        "",
        f"{'epochs':>6}  {'trainer':<7} {'rho WS353':>9} {'rho SL999':>9} {'OOV WS/SL':>10} "
        f"{'time':>8} {'words/s':>9} {'ratio':>6}",
        "-" * 72,
    ]
    for epochs in data["epochs"]:
        runs = data["runs"][str(epochs)]
        for name in ("gensim", "ours"):
            rs = runs[name]
            med = {k: statistics.median(r[k] for r in rs) for k in ("rho_wordsim353", "rho_simlex999", "seconds",
                                                                     "words_per_second")}
            ratio = statistics.median(o["words_per_second"] / g["words_per_second"]
                                      for o, g in zip(runs["ours"], runs["gensim"]))
            lines.append(
                f"{epochs:>6}  {name:<7} {med['rho_wordsim353']:>9.3f} {med['rho_simlex999']:>9.3f} "
                f"{rs[0]['oov_wordsim353']:>4}/{rs[0]['oov_simlex999']:<5} {med['seconds']:>7.1f}s "
                f"{med['words_per_second']:>9,.0f} {(f'{ratio:.2f}x' if name == 'ours' else '1x'):>6}"
            )
    lines += ["", f"OOV: pairs skipped because a word is not in the vocabulary (of 353 and 999 pairs).",
              "", f"How the speed was won: one epoch on the first {ABLATION_WORDS:,} words, words/s "
              "(1 worker unless stated),",
              "and the mean loss per pair of that epoch (the trainer's variants; same start, same data)", ""]
    lines.append(f"  {'variant':<24} {'words/s':>9} {'loss':>9}")
    for name, description, kwargs in ABLATION:
        a = data["ablation"][name]
        # the autograd variants start from torch's N(0, 1) embeddings, so only the trainer's losses compare
        loss = f"{a['loss']:9.3f}" if kwargs["variant"] == "trainer" else f"{'-':>9}"
        lines.append(f"  {name:<24} {a['words_per_second']:>9,.0f} {loss}  {description}")
    shares = data["ours_time_shares"]
    lines += ["", "Where our time goes (20-epoch runs, summed over workers): "
              + ", ".join(f"{k} {v:.0%}" for k, v in shares.items()), ""]
    m = data["machine"]
    lines += [f"Command: {data['command']}",
              f"Machine: {m['cpu']}, {m['cores']} cores; Python {m['python']}, torch {m['torch']}, "
              f"numpy {m['numpy']}, gensim {m['gensim']}",
              f"Date: {data['date']}; load average (1 min) at start {data['load_start']:.2f}, at end {data['load_end']:.2f}"]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, nargs="+", default=[5, 20])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--render-only", action="store_true", help="rewrite the .txt from the committed .json")
    args = parser.parse_args()
    if args.render_only:
        data = json.loads((RESULTS / "word2vec_gensim.json").read_text())
        (RESULTS / "word2vec_gensim.txt").write_text(render(data))
        print(render(data))
        return
    sys.path.insert(0, str(ROOT / "src"))
    from neuralnlp.embeddings.word2vec.corpus import load_real_corpus
    from neuralnlp.embeddings.word2vec.training import build_vocabulary

    load_start = load_1min()
    docs = load_real_corpus()
    ablation = {}
    for name, _, kwargs in ABLATION:
        ablation[name] = ablation_variant(docs, **kwargs)
        print(name, ablation[name], flush=True)
    runs = {str(e): {"gensim": [], "ours": []} for e in args.epochs}
    for rep in range(args.repeat):
        for epochs in args.epochs:
            order = ("gensim", "ours") if rep % 2 == 0 else ("ours", "gensim")
            for name in order:
                result = (run_gensim if name == "gensim" else run_ours)(docs, epochs, seed=rep)
                runs[str(epochs)][name].append(result)
                print(epochs, name, {k: v for k, v in result.items() if k != "timings"}, flush=True)
    longest = str(max(args.epochs))
    totals = {k: sum(r["timings"][k] for r in runs[longest]["ours"]) for k in ("pairs", "negatives", "step")}
    data = {
        "command": ".venv/bin/python benchmarks/word2vec_gensim.py " + " ".join(sys.argv[1:]),
        "date": datetime.date.today().isoformat(),
        "load_start": load_start,
        "load_end": load_1min(),
        "machine": machine(),
        "settings": SETTINGS,
        "corpus": {"words": sum(map(len, docs)), "documents": len(docs), "vocab": len(build_vocabulary(docs, 5))},
        "epochs": args.epochs,
        "repeat": args.repeat,
        "runs": runs,
        "ablation": ablation,
        "ours_time_shares": {k: v / sum(totals.values()) for k, v in totals.items()},
    }
    print(save_results("word2vec_gensim", data, render))


if __name__ == "__main__":
    main()
