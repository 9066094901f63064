"""Sub-word tokens, attention and the Transformer encoder, up to a real pre-trained sentence-embedding model.

Modules: ``bpe`` (byte-pair encoding), ``wordpiece`` (BERT's tokeniser), ``attention`` (scaled
dot-product attention), ``multihead``, ``layernorm``, ``encoder_layer`` (these three match
``torch.nn``), ``positional`` (sinusoidal encodings), ``safetensors`` (a reader in NumPy), ``bert``
(the encoder that loads all-MiniLM-L6-v2) and ``sentence_encoder`` (pooling and normalisation).
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["BPETokenizer", "train_bpe"], ".bpe"),
    **dict.fromkeys(["BertTokenizer", "basic_tokenize", "wordpiece_split"], ".wordpiece"),
    **dict.fromkeys(["scaled_dot_product_attention", "attention_weights"], ".attention"),
    "MultiheadAttention": ".multihead",
    **dict.fromkeys(["LayerNorm", "layer_norm"], ".layernorm"),
    "TransformerEncoderLayer": ".encoder_layer",
    "sinusoidal_positional_encoding": ".positional",
    "read_safetensors": ".safetensors",
    **dict.fromkeys(["BertConfig", "BertModel", "bert_parameter_counts"], ".bert"),
    **dict.fromkeys(["SentenceEncoder", "mean_pooling", "minilm_directory"], ".sentence_encoder"),
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
