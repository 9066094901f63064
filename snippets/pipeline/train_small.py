"""Train a small model on characters: AdamW, dropout, weight decay, gradient clipping, early stopping; then predict."""

import torch

from neuralnlp.pipeline.dataset import ReviewDataset, review_loader
from neuralnlp.pipeline.models import build_classifier
from neuralnlp.pipeline.predict import predict_sentiment
from neuralnlp.pipeline.reviews import load_reviews
from neuralnlp.pipeline.text_training import train_text_classifier
from neuralnlp.pipeline.tokenise import build_text_vocabulary, tokenise_text

torch.set_num_threads(1)  # many small operations: on a busy machine a second thread only waits
torch.manual_seed(0)
splits = load_reviews()
texts, labels = splits.train_texts[::4], splits.train_labels[::4]  # a quarter of the training split: a quick run
vocab = build_text_vocabulary([tokenise_text(t, "char") for t in texts], min_count=2)
config = dict(model="mean", vocab_size=len(vocab), embedding_dim=32, n_classes=2, dropout=0.3,
              level="char", max_len=150)
# --8<-- [start:train]
model = build_classifier(config)
train = ReviewDataset(texts, labels, vocab, config["level"], config["max_len"])
validation = ReviewDataset(splits.validation_texts, splits.validation_labels, vocab, config["level"], config["max_len"])
result = train_text_classifier(model, review_loader(train, 64, seed=0), review_loader(validation, 256, shuffle=False),
                               epochs=4, lr=1e-2, weight_decay=1e-2, max_grad_norm=1.0, patience=2)
# --8<-- [end:train]
for epoch, (tl, vl, va) in enumerate(zip(*(result.history[k] for k in ("train_loss", "val_loss", "val_accuracy"))), 1):
    print(f"epoch {epoch}: training loss {tl:.3f}, validation loss {vl:.3f}, validation accuracy {va:.3f}")
print(f"kept the weights of epoch {result.best_epoch} (of {result.epochs_run} run)")

for text in ["质量很好，物流也快", "质量不好，很失望", "不是很好用", "还行吧"]:
    label, p = predict_sentiment(text, model, vocab, config)
    print(f"{text:<12} {label:<9} {p:.2f}")
