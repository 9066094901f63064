"""``predict_sentiment(text, ...)``: a label and its probability for one new review.

The text goes through exactly the steps of training: the same tokenisation level, the same
vocabulary (unknown tokens to ``<unk>``), the same ``max_len``; then the model in evaluation mode
(no dropout) gives logits, and their softmax the probabilities. A batch of one needs no padding,
and a text padded beside longer ones gets the same probability (tested to 1e-6): the models read
only its real tokens.
"""

from __future__ import annotations

import torch
from torch import nn

from neuralnlp._checks import brief
from neuralnlp.pipeline.reviews import LABELS
from neuralnlp.pipeline.tokenise import encode_text


# --8<-- [start:predict]
def predict_sentiment(text: str, model: nn.Module, vocab, config: dict) -> tuple[str, float]:
    """(label, probability of that label) for ``text``: ``"negative"`` or ``"positive"``.

    Args:
        text: one review.
        model: a trained classifier (ids, lengths) -> logits.
        vocab: the vocabulary it was trained with.
        config: its config (``level`` and ``max_len`` are read).

    Raises:
        ValueError: an empty text, or one whose tokens are all unknown (``encode_text``).
    """
    if not isinstance(model, nn.Module):
        raise TypeError(f"model: expected a torch.nn.Module, got {brief(model)}")
    if not isinstance(config, dict):
        raise TypeError(f"config: expected a dict of settings, got {brief(config)}")
    ids = torch.tensor([encode_text(text, vocab, config.get("level", "word"), config.get("max_len", 200))])
    was_training = model.training
    model.eval()
    with torch.no_grad():
        probabilities = model(ids, torch.tensor([ids.shape[1]])).softmax(-1)[0]
    model.train(was_training)
    label = int(probabilities.argmax())
    return LABELS[label], float(probabilities[label])
# --8<-- [end:predict]
