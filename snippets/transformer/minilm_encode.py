"""all-MiniLM-L6-v2 run by our code: tokeniser, BERT encoder, masked mean pooling, normalisation."""

import torch

from neuralnlp.embeddings.similarity import normalize
from neuralnlp.transformer.sentence_encoder import SentenceEncoder, mean_pooling

torch.set_num_threads(1)  # small batches: a second thread only adds synchronisation
encoder = SentenceEncoder.from_directory()  # BertTokenizer + BertModel.from_safetensors + the settings
texts = ["A sentence embedding.", "Two sentences, one padded batch."]
batch = encoder.tokenizer.batch_encode(texts)
print("input_ids:", tuple(batch["input_ids"].shape), " attention_mask:", batch["attention_mask"].tolist())
with torch.no_grad():
    tokens = encoder.model(batch["input_ids"], batch["attention_mask"], batch["token_type_ids"])
print("token vectors:", tuple(tokens.shape))
sentences = normalize(mean_pooling(tokens, batch["attention_mask"]))
print("sentence vectors:", tuple(sentences.shape), " norms:", [round(n, 4) for n in sentences.norm(dim=1).tolist()])
print("same as encoder.encode:", torch.allclose(sentences, torch.from_numpy(encoder.encode(texts)), atol=1e-6))
print("first 5 numbers:", [round(x, 4) for x in sentences[0, :5].tolist()])
