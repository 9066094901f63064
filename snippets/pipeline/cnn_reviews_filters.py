"""A small TextCNN on the reviews (characters), then the n-grams that most activate a few of its filters."""

import torch

from neuralnlp.pipeline.conv import TextCNN
from neuralnlp.pipeline.dataset import ReviewDataset, review_loader
from neuralnlp.pipeline.filters import class_filters, top_ngrams
from neuralnlp.pipeline.reviews import load_reviews
from neuralnlp.pipeline.text_training import train_text_classifier
from neuralnlp.pipeline.tokenise import build_text_vocabulary, tokenise_text

torch.set_num_threads(1)
torch.manual_seed(0)
splits = load_reviews()  # deduplicated, both-label texts dropped, stratified split (seed 0)
vocab = build_text_vocabulary([tokenise_text(t, "char") for t in splits.train_texts], min_count=2)
# The first 60 characters of each review and one epoch: small enough for the build's 15-second budget.
train = ReviewDataset(splits.train_texts, splits.train_labels, vocab, "char", max_len=60)
validation = ReviewDataset(splits.validation_texts, splits.validation_labels, vocab, "char", max_len=60)

model = TextCNN(len(vocab), embedding_dim=32, n_classes=2, kernel_sizes=(2, 3, 4), n_filters=16, dropout=0.5)
result = train_text_classifier(model, review_loader(train, 64, seed=0, bucket=True),
                               review_loader(validation, 256, shuffle=False), epochs=1, lr=1e-2)
print(f"vocabulary: {len(vocab):,} characters; parameters: {sum(p.numel() for p in model.parameters()):,}")
print(f"validation accuracy after 1 epoch: {result.history['val_accuracy'][-1]:.3f}")

# The three filters that push hardest towards each class, and their top 5 windows in the validation texts.
for label, name in ((0, "negative"), (1, "positive")):
    for (k, j), ngrams in top_ngrams(model, validation.ids, vocab.tokens, class_filters(model, label, 3)).items():
        print(f"{name:>8} K={k} filter {j:>2}: " + "  ".join(f"{''.join(g.ngram)} {g.score:.1f}" for g in ngrams))
