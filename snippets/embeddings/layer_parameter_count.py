import torch

from neuralnlp.embeddings.embedding import Embedding

print(f"{'embedding matrix of':<22}{'V':>11}{'d':>6}{'V × d':>15}{'float32':>11}")
for name, V, d in [("this page's example", 5, 3),
                   ("BERT-base (Chinese)", 21_128, 768),
                   ("GPT-2 small", 50_257, 768),
                   ("Llama 2 7B", 32_000, 4_096),
                   ("word2vec Google News", 3_000_000, 300)]:
    # The "meta" device gives shapes without allocating memory, so even 3 million rows cost nothing here.
    torch_count = sum(p.numel() for p in torch.nn.Embedding(V, d, device="meta").parameters())
    assert torch_count == V * d
    print(f"{name:<22}{V:>11,}{d:>6}{V * d:>15,}{V * d * 4 / 1e6:>8,.1f} MB")

print("ours, Embedding(5, 3):", sum(p.numel() for p in Embedding(5, 3).parameters()), "parameters")
