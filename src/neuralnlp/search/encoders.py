r"""Sentence vectors from the pipeline chapter's models: the representation a classifier reads before its last layer.

Every classifier of the pipeline chapter (``neuralnlp.pipeline.models``) ends in one linear layer,
``model.output``, that turns a sentence vector h into logits: logits = W dropout(h) + b. That h is
the model's sentence representation, and it is what we search with:

- ``MeanEmbeddingClassifier``: h is the masked mean of the token embeddings,

    $$\mathbf{h} = \frac{1}{L} \sum_{t=1}^{L} E[x_t]$$

    (padding left out); with the word2vec table as E (``mean_word2vec_model``) it is the mean
    word2vec vector of the text, and the model's output layer is never used;
- ``RecurrentClassifier``: h is the GRU's (or LSTM's) state at each text's own last token,
  h = h_L (both directions' final states, concatenated, for a bidirectional model).

``classifier_sentence_vectors`` reads h without touching the models' code: a forward pre-hook on
``model.output`` records the input of that layer, in evaluation mode (dropout is then the
identity, so the recorded input is h itself).

Shapes: h (n, d) float32 for n texts, d the embedding size (mean) or the hidden size per
direction times the directions (recurrent).
"""

from __future__ import annotations

import numpy as np
import torch
from torch import nn

from neuralnlp._checks import brief, check_int, check_positive_int


# --8<-- [start:vectors]
def classifier_sentence_vectors(model: nn.Module, dataset, batch_size: int = 256) -> np.ndarray:
    """The sentence vector h of each text of ``dataset``: the input of ``model.output``, dropout off.

    Args:
        model: a pipeline classifier, (ids, lengths) -> logits, whose last layer is the
            ``nn.Linear`` ``model.output`` (``MeanEmbeddingClassifier``, ``RecurrentClassifier``).
        dataset: a ``neuralnlp.pipeline.ReviewDataset`` (texts already encoded with the model's vocabulary).
        batch_size: texts per forward pass, >= 1.

    Returns:
        (len(dataset), d) float32, in the dataset's order. The model's training mode is restored.

    Raises:
        TypeError: a model without an ``nn.Linear`` named ``output``, or a dataset that is not a ReviewDataset.
        ValueError: batch_size < 1.
    """
    from neuralnlp.pipeline.dataset import ReviewDataset, review_loader

    if not isinstance(model, nn.Module) or not isinstance(getattr(model, "output", None), nn.Linear):
        raise TypeError(f"model: expected a pipeline classifier whose last layer is an nn.Linear named output, "
                        f"got {brief(model)}")
    if not isinstance(dataset, ReviewDataset):
        raise TypeError(f"dataset: expected a ReviewDataset, got {brief(dataset)}")
    batch_size = check_positive_int(batch_size, "batch_size")
    recorded = []
    hook = model.output.register_forward_pre_hook(lambda layer, inputs: recorded.append(inputs[0].detach()))
    was_training = model.training
    model.eval()  # dropout off: the output layer's input is h itself
    try:
        with torch.no_grad():
            for ids, lengths, _ in review_loader(dataset, batch_size, shuffle=False):
                model(ids, lengths)
    finally:
        hook.remove()
        model.train(was_training)
    return torch.cat(recorded).float().numpy()
# --8<-- [end:vectors]


# --8<-- [start:word2vec]
def mean_word2vec_model(vocab, word_vectors, word_vocab, seed: int = 0) -> nn.Module:
    """A ``MeanEmbeddingClassifier`` whose embedding table is our word2vec's (frozen): h = mean word vector.

    Its output layer is left untrained: only h (``classifier_sentence_vectors``) is used. Tokens of
    ``vocab`` without a word2vec vector (``<unk>``) get a random row (``embedding_from_word2vec``).

    Args:
        vocab: the texts' vocabulary (``neuralnlp.pipeline.build_text_vocabulary``).
        word_vectors: (V_w2v, d) word2vec input vectors (``train_skipgram(...).input_vectors``).
        word_vocab: their vocabulary (``train_skipgram(...).vocab``).
        seed: for the rows without a vector, >= 0.

    Raises:
        TypeError: a vocabulary that is not a neuralnlp Vocabulary, or vectors that are not floats.
        ValueError: vectors that do not have one row per word of ``word_vocab``.
    """
    from neuralnlp.pipeline.models import MeanEmbeddingClassifier, embedding_from_word2vec

    seed = check_int(seed, "seed", minimum=0)
    embedding = embedding_from_word2vec(vocab, word_vectors, word_vocab, freeze=True, seed=seed)
    model = MeanEmbeddingClassifier(len(vocab), embedding.embedding_dim)
    model.embedding = embedding
    return model
# --8<-- [end:word2vec]
