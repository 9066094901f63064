"""neuralnlp: small, tested implementations that follow the course "From Neurons to Embeddings".

One subpackage per chapter of the course, one concept per module:

- ``neuralnlp.basics``: activations, a neuron, dense and feed-forward layers, losses, a scalar
  computational graph, backpropagation by hand, small generated data sets;
- ``neuralnlp.recurrent``: the Elman RNN and the GRU (matching ``torch.nn.RNN``/``GRU``), gradients
  through time and clipping, a long-memory task, a generated corpus with a known entropy rate, and
  an RNN/GRU language model;
- ``neuralnlp.embeddings``: token ids, the embedding layer (lookup = one-hot × W), ``word2vec``,
  similarity, and a brute-force vector index;
- ``neuralnlp.training``: optimisers (SGD, RMSprop, Adam, AdamW, matching ``torch.optim``),
  learning-rate schedules, weight decay, dropout, Xavier and He initialisation, early stopping, and
  the training loop the later chapters use;
- ``neuralnlp.transformer``: sub-word tokenisers (BPE, BERT's WordPiece), attention, multi-head
  attention, LayerNorm and the encoder layer (matching ``torch.nn``), and a BERT encoder that runs
  the pre-trained sentence-embedding model all-MiniLM-L6-v2;
- ``neuralnlp.pipeline``: the complete pipeline on real Chinese reviews (cleaning and splitting,
  tokenisation and vocabulary, padded batches, text classifiers, training, checkpoints, evaluation
  and baselines), and convolutional networks for text (a 1-D convolution matching
  ``torch.nn.Conv1d``, max-over-time pooling, TextCNN), and Chinese word segmentation as character
  tagging on the People's Daily corpus;
- ``neuralnlp.plotting``: figures that read well on light and dark pages.

The names a reader uses most are importable from here too (``from neuralnlp import GRU``). Nothing
is imported until it is used: ``import neuralnlp`` does not import torch.
"""

import importlib

__version__ = "0.1.0"

CHAPTERS = ("basics", "recurrent", "embeddings", "training", "transformer", "pipeline", "search")


def _chapter_exports() -> dict[str, str]:
    """Each exported name -> its chapter package (imports the chapters' cheap ``__init__`` files)."""
    return {name: f"{__name__}.{chapter}"
            for chapter in CHAPTERS for name in importlib.import_module(f"{__name__}.{chapter}").EXPORTS}


def __getattr__(name: str):
    chapter = _chapter_exports().get(name)
    if chapter is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(chapter), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_chapter_exports()))
