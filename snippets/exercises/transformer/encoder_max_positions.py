"""BERT has 512 learned positions: a longer input is refused, not silently wrapped."""

import torch

from neuralnlp.transformer.bert import BertModel
from neuralnlp.transformer.sentence_encoder import minilm_directory

model = BertModel.from_safetensors(minilm_directory() / "model.safetensors")
print("position_embeddings:", tuple(model.embeddings.position_embeddings.weight.shape))
try:
    model(torch.full((1, 600), 1000))
except ValueError as error:
    print("ValueError:", error)
