"""d_model made concrete: where the parameters of MiniLM and BERT-base are."""

import torch

from neuralnlp.transformer.bert import BertConfig, BertModel, bert_parameter_counts

configs = {"MiniLM-L6": BertConfig(), "BERT-base": BertConfig.base()}
for name, c in configs.items():
    print(f"{name}: d_model {c.hidden_size}, {c.num_attention_heads} heads of {c.hidden_size // c.num_attention_heads}, "
          f"feed-forward {c.intermediate_size} = {c.intermediate_size // c.hidden_size}·d_model, {c.num_hidden_layers} layers")
counts = {name: bert_parameter_counts(c) for name, c in configs.items()}
print(f"\n{'':<26}" + "".join(f"{name:>23}" for name in configs))
for part in counts["MiniLM-L6"]:
    cells = "".join(f"{counts[n][part]:>14,} ({counts[n][part] / counts[n]['total']:>6.1%})" for n in configs)
    print(f"{part:<26}{cells}")
with torch.device("meta"):  # shapes only, no memory: count the parameters of the modules themselves
    print("\nour BertModel's parameters:", {n: sum(p.numel() for p in BertModel(c).parameters()) for n, c in configs.items()})
