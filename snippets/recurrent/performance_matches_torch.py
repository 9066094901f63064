import torch

from neuralnlp.recurrent.gru import GRU
from neuralnlp.recurrent.rnn import RNN

BOUND = {torch.float32: 1e-6, torch.float64: 1e-14}


def compare(ours, reference, dtype):
    """max |ours - torch| of the outputs, and of all gradients relative to their largest value."""
    x = torch.randn(20, 8, 16, dtype=dtype)  # (seq, batch, input)
    upstream = torch.randn(20, 8, 32, dtype=dtype)
    results = []
    for module in (ours, reference):
        x_leaf = x.clone().requires_grad_()
        output, _ = module(x_leaf)
        output.backward(upstream)
        results.append((output.detach(), [x_leaf.grad] + [p.grad for p in module.parameters()]))
    (out, grads), (ref_out, ref_grads) = results
    output_error = (out - ref_out).abs().max().item()
    gradient_error = max((g - r).abs().max().item() for g, r in zip(grads, ref_grads))
    gradient_scale = max(r.abs().max().item() for r in ref_grads)
    return output_error, gradient_error / gradient_scale


def verdict(error, bound):
    return f"< {bound:.0e}" if error < bound else f"= {error:.1e}, above {bound:.0e}!"


torch.manual_seed(0)
print("module  dtype    outputs: max|ours - torch|  gradients: max|ours - torch| / max|torch|")
for ours_class, torch_class in ((RNN, torch.nn.RNN), (GRU, torch.nn.GRU)):
    for dtype in (torch.float32, torch.float64):
        reference = torch_class(16, 32, dtype=dtype)
        output_error, gradient_error = compare(ours_class.from_torch(reference), reference, dtype)
        print(f"{ours_class.__name__:<7} {str(dtype)[6:]:<8} {verdict(output_error, BOUND[dtype]):<27} "
              f"{verdict(gradient_error, BOUND[dtype])}")
