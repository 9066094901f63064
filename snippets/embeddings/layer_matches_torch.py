import torch

from neuralnlp.embeddings.embedding import Embedding

ids = torch.tensor([[3, 0, 7, 3], [9, 9, 1, 2]])  # a batch of 2 sequences of 4 token ids
upstream = torch.linspace(-1, 1, 2 * 4 * 6).reshape(2, 4, 6)

for dtype, bound in [(torch.float32, 1e-6), (torch.float64, 1e-12)]:
    torch.manual_seed(0)
    ours = Embedding(10, 6, dtype=dtype)
    ref = torch.nn.Embedding(10, 6, dtype=dtype)
    with torch.no_grad():
        ref.weight.copy_(ours.weight)

    out, out_ref = ours(ids), ref(ids)
    (out * upstream.to(dtype)).sum().backward()
    (out_ref * upstream.to(dtype)).sum().backward()
    out_err = (out - out_ref).abs().max().item()
    grad_err = (ours.weight.grad - ref.weight.grad).abs().max().item()
    print(f"{dtype}: output {tuple(out.shape)}, max |ours - torch| < {bound:.0e}:", out_err < bound,
          "| gradient:", grad_err < bound)
