"""The complete pipeline on real Chinese text, and convolutional networks for text.

Modules: ``conv`` (a 1-D convolution equal to ``torch.nn.Conv1d``, max-over-time pooling that
ignores padding, TextCNN) and ``filters`` (the n-grams that most activate a filter).
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["conv1d", "conv1d_output_length", "Conv1d", "max_over_time", "TextCNN"], ".conv"),
    **dict.fromkeys(["FilterNgram", "top_ngrams", "class_filters"], ".filters"),
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
