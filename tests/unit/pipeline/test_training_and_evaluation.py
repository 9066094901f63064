"""Training, the checkpoint reloaded in a fresh process, scores and intervals, baselines, predict."""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch

from neuralnlp.pipeline.baselines import NaiveBayesText, majority_baseline, snownlp_sentiment_baseline
from neuralnlp.pipeline.checkpoint import load_checkpoint, save_checkpoint
from neuralnlp.pipeline.dataset import ReviewDataset, review_loader
from neuralnlp.pipeline.metrics import accuracy, bootstrap_interval, confusion_matrix, macro_f1
from neuralnlp.pipeline.models import build_classifier
from neuralnlp.pipeline.predict import predict_sentiment
from neuralnlp.pipeline.text_training import evaluate_text_classifier, train_text_classifier
from neuralnlp.pipeline.tokenise import build_text_vocabulary, tokenise_text

POSITIVE = ["很好", "非常好", "好看", "喜欢", "很喜欢", "好用", "不错", "很不错"]
NEGATIVE = ["很差", "太差", "难看", "失望", "很失望", "难用", "不好", "很不好"]
TEXTS = POSITIVE + NEGATIVE
LABELS = [1] * 8 + [0] * 8


@pytest.fixture(scope="module")
def trained():
    torch.manual_seed(0)
    vocab = build_text_vocabulary([tokenise_text(t, "char") for t in TEXTS], min_count=1)
    config = dict(model="gru", vocab_size=len(vocab), embedding_dim=8, hidden_size=8, n_classes=2, dropout=0.1,
                  level="char", max_len=20)
    data = ReviewDataset(TEXTS, LABELS, vocab, "char", 20)
    model = build_classifier(config)
    result = train_text_classifier(model, review_loader(data, 4, seed=0), review_loader(data, 16, shuffle=False),
                                   epochs=12, lr=0.05, patience=3)
    return model, vocab, config, data, result


def test_training_lowers_the_loss_and_restores_the_best_epoch(trained):
    model, _, _, data, result = trained
    history = result.history
    assert history["train_loss"][-1] < 0.5 * history["train_loss"][0]
    assert result.best_epoch == 1 + int(np.argmin(history["val_loss"]))
    loss, _, _ = evaluate_text_classifier(model, review_loader(data, 16, shuffle=False))
    assert loss == pytest.approx(min(history["val_loss"]), abs=1e-6)  # the weights of the best epoch


def test_evaluation_weights_every_sample_equally(trained):
    model, _, _, data, _ = trained
    by_one = evaluate_text_classifier(model, review_loader(data, 1, shuffle=False))
    by_five = evaluate_text_classifier(model, review_loader(data, 5, shuffle=False))  # last batch has 1 text
    assert by_one[0] == pytest.approx(by_five[0], abs=1e-6)


def test_checkpoint_reloaded_in_a_fresh_process_gives_the_same_probabilities(trained, tmp_path):
    model, vocab, config, data, result = trained
    path = tmp_path / "model.pt"
    save_checkpoint(path, model, result.optimizer, result.best_epoch, vocab, config)
    _, here, _ = evaluate_text_classifier(model, review_loader(data, 16, shuffle=False))
    code = ("import json, sys\nfrom neuralnlp.pipeline.checkpoint import load_checkpoint\n"
            "from neuralnlp.pipeline.dataset import ReviewDataset, review_loader\n"
            "from neuralnlp.pipeline.text_training import evaluate_text_classifier\n"
            "c = load_checkpoint(sys.argv[1])\n"
            f"data = ReviewDataset({TEXTS!r}, {LABELS!r}, c.vocab, c.config['level'], c.config['max_len'])\n"
            "_, p, _ = evaluate_text_classifier(c.model, review_loader(data, 16, shuffle=False))\n"
            "print(json.dumps({'p': p.tolist(), 'epoch': c.epoch, 'steps': len(c.optimizer.state)}))")
    src = str(Path(__import__("neuralnlp").__file__).resolve().parent.parent)
    out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": src}, timeout=60)
    fresh = json.loads(out.stdout)
    assert np.abs(np.array(fresh["p"]) - here.numpy()).max() <= 1e-6
    assert fresh["epoch"] == result.best_epoch
    assert fresh["steps"] == sum(p.requires_grad for p in model.parameters())  # optimiser state came back


def test_checkpoint_bad_input(trained, tmp_path):
    model, vocab, config, _, result = trained
    path = tmp_path / "model.pt"
    save_checkpoint(path, model, result.optimizer, 3, vocab, config)
    other = build_text_vocabulary([list("好差")], min_count=1)
    with pytest.raises(ValueError, match="expected_vocab: expected the checkpoint's vocabulary"):
        load_checkpoint(path, expected_vocab=other)
    with pytest.raises(ValueError, match=r"expected_config: expected the checkpoint's config, got different values for \['hidden_size'\]"):
        load_checkpoint(path, expected_config={**config, "hidden_size": 16})
    with pytest.raises(FileNotFoundError, match="path: expected an existing file"):
        load_checkpoint(tmp_path / "missing.pt")
    broken = tmp_path / "broken.pt"
    broken.write_bytes(path.read_bytes()[:200])
    with pytest.raises(ValueError, match="path: expected a checkpoint written by save_checkpoint"):
        load_checkpoint(broken)
    torch.save({"weights": torch.zeros(2)}, tmp_path / "other.pt")
    with pytest.raises(ValueError, match="path: expected a checkpoint with keys"):
        load_checkpoint(tmp_path / "other.pt")
    saved = torch.load(path, weights_only=True)
    saved["config"]["hidden_size"] = 16  # weights of one config, settings of another
    torch.save(saved, tmp_path / "mixed.pt")
    with pytest.raises(ValueError, match="path: expected weights that fit the saved config"):
        load_checkpoint(tmp_path / "mixed.pt")


def test_predict_returns_a_label_and_its_probability_and_refuses_empty_or_unknown_text(trained):
    model, vocab, config, _, _ = trained
    label, p = predict_sentiment("很喜欢", model, vocab, config)
    assert label == "positive" and 0.5 < p <= 1
    with pytest.raises(ValueError, match="text: expected at least one token"):
        predict_sentiment("", model, vocab, config)
    with pytest.raises(ValueError, match="all 3 tokens are <unk>"):
        predict_sentiment("垃圾货", model, vocab, config)


def test_predict_alone_equals_the_probability_padded_in_a_batch(trained):
    model, vocab, config, _, _ = trained
    texts = ["好", "很不错很不错很不错", "很失望"]
    data = ReviewDataset(texts, [1, 1, 0], vocab, "char", 20)
    _, batch_p, _ = evaluate_text_classifier(model, review_loader(data, 3, shuffle=False))
    for text, p in zip(texts, batch_p):
        label, q = predict_sentiment(text, model, vocab, config)
        assert abs(q - float(p.max())) <= 1e-6


def test_scores_by_hand():
    y_true, y_pred = [0, 0, 0, 1, 1], [0, 0, 1, 1, 0]
    assert confusion_matrix(y_true, y_pred).tolist() == [[2, 1], [1, 1]]
    assert accuracy(y_true, y_pred) == 0.6
    # F1_0 = 2·2/(2·2+1+1) = 2/3, F1_1 = 2·1/(2·1+1+1) = 1/2
    assert macro_f1(y_true, y_pred) == pytest.approx((2 / 3 + 1 / 2) / 2)
    assert macro_f1([0, 0], [0, 0]) == 0.5  # class 1 absent and never predicted: F1_1 = 0


def test_bootstrap_interval_is_seeded_and_brackets_the_score():
    rng = np.random.default_rng(0)
    y_true = rng.integers(0, 2, 400)
    y_pred = np.where(rng.random(400) < 0.8, y_true, 1 - y_true)
    low, high = bootstrap_interval(y_true, y_pred, accuracy, 500, seed=1)
    assert low < accuracy(y_true, y_pred) < high and 0.03 < high - low < 0.12  # about ±1.96·√(0.8·0.2/400)
    assert (low, high) == bootstrap_interval(y_true, y_pred, accuracy, 500, seed=1)


def test_baselines():
    assert majority_baseline([0, 1, 1], 4).tolist() == [1, 1, 1, 1]
    nb = NaiveBayesText(alpha=1).fit([["好"], ["好", "好"], ["差"]], [1, 1, 0])
    # P(好|1) = (3+1)/(3+2), P(好|0) = (0+1)/(1+2); prior 2/3, 1/3
    p1, p0 = 2 / 3 * 4 / 5, 1 / 3 * 1 / 3
    assert nb.predict_proba([["好", "新词"]])[0, 1] == pytest.approx(p1 / (p1 + p0))
    p = snownlp_sentiment_baseline(POSITIVE + NEGATIVE, LABELS, ["很喜欢", "很失望"])
    assert p[0] > 0.5 > p[1]
