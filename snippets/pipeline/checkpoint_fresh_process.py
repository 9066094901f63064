"""Save a checkpoint, reload it in a fresh Python process, evaluate on the test split once; and what load refuses."""

import subprocess
import sys
import tempfile
from pathlib import Path

import torch

from neuralnlp.pipeline.checkpoint import load_checkpoint, save_checkpoint
from neuralnlp.pipeline.dataset import ReviewDataset, review_loader
from neuralnlp.pipeline.models import build_classifier
from neuralnlp.pipeline.reviews import load_reviews
from neuralnlp.pipeline.text_training import train_text_classifier
from neuralnlp.pipeline.tokenise import build_text_vocabulary, tokenise_text

torch.set_num_threads(1)  # many small operations: on a busy machine a second thread only waits
torch.manual_seed(0)
splits = load_reviews()
texts, labels = splits.train_texts[::8], splits.train_labels[::8]  # a small, quick model: the point is the file
vocab = build_text_vocabulary([tokenise_text(t, "char") for t in texts], min_count=2)
config = dict(model="mean", vocab_size=len(vocab), embedding_dim=32, n_classes=2, dropout=0.3, level="char", max_len=150)
model = build_classifier(config)
data = lambda t, y: review_loader(ReviewDataset(t, y, vocab, "char", 150), 64, seed=0)  # noqa: E731
result = train_text_classifier(model, data(texts, labels), data(splits.validation_texts, splits.validation_labels),
                               epochs=2, lr=1e-2)

# --8<-- [start:fresh]
EVALUATE = """
import sys
import torch
torch.set_num_threads(1)
from neuralnlp.pipeline.checkpoint import load_checkpoint
from neuralnlp.pipeline.dataset import ReviewDataset, review_loader
from neuralnlp.pipeline.metrics import accuracy, macro_f1
from neuralnlp.pipeline.reviews import load_reviews
from neuralnlp.pipeline.text_training import evaluate_text_classifier
saved = load_checkpoint(sys.argv[1])
splits = load_reviews()
test = ReviewDataset(splits.test_texts, splits.test_labels, saved.vocab, saved.config["level"], saved.config["max_len"])
_, probabilities, y = evaluate_text_classifier(saved.model, review_loader(test, 256, shuffle=False))
y_pred = probabilities.argmax(1)
print(f"fresh process: weights of epoch {saved.epoch}, {len(saved.vocab):,} tokens; test accuracy "
      f"{accuracy(y, y_pred):.3f}, macro-F1 {macro_f1(y, y_pred):.3f} on {len(y):,} test texts")
"""
with tempfile.TemporaryDirectory() as folder:
    path = Path(folder) / "mean-chars.pt"
    save_checkpoint(path, model, result.optimizer, result.best_epoch, vocab, config)
    print(f"saved {path.name}: {path.stat().st_size / 1e3:.0f} kB")
    fresh = subprocess.run([sys.executable, "-c", EVALUATE, str(path)], capture_output=True, text=True, check=True)
    print(fresh.stdout, end="")
# --8<-- [end:fresh]

    # What a checkpoint refuses, each with a message that says what differs.
    other_vocab = build_text_vocabulary([tokenise_text(t, "char") for t in splits.train_texts[1::8]], min_count=2)
    (Path(folder) / "broken.pt").write_bytes(path.read_bytes()[:1000])  # a copy cut short
    for what, call in [("another vocabulary", lambda: load_checkpoint(path, expected_vocab=other_vocab)),
                       ("another config", lambda: load_checkpoint(path, expected_config={**config, "embedding_dim": 64})),
                       ("a missing file", lambda: load_checkpoint(Path(folder) / "missing.pt")),
                       ("a corrupt file", lambda: load_checkpoint(Path(folder) / "broken.pt"))]:
        try:
            call()
        except (ValueError, FileNotFoundError) as error:
            print(f"{what}: {type(error).__name__}: {str(error).replace(folder, '…')}")
