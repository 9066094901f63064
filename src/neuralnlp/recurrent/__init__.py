"""Recurrent networks: the Elman RNN, the GRU and the LSTM, gradients through time, and language models.

Modules: ``rnn``, ``gru``, ``lstm`` (all match ``torch.nn``; GRU and LSTM with layers, directions and padded batches), ``gradient_flow``, ``memory_task``,
``text_corpus`` (a generated corpus with a known entropy rate) and ``language_model``.
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["RNNCell", "RNN"], ".rnn"),
    **dict.fromkeys(["GRUCell", "GRU"], ".gru"),
    **dict.fromkeys(["LSTMCell", "LSTM"], ".lstm"),
    **dict.fromkeys(["hidden_state_jacobian_norms", "clip_grad_norm"], ".gradient_flow"),
    **dict.fromkeys(["recall_first_token", "LastStateClassifier", "train_recall", "recall_accuracy"], ".memory_task"),
    **dict.fromkeys(["RNNLanguageModel", "train_language_model", "perplexity", "sample"], ".language_model"),
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
