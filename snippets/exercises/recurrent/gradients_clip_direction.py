import torch

from neuralnlp.recurrent.gradient_flow import clip_grad_norm

original = torch.tensor([100.0, 1.0])
for name, clip in (("by norm (max_norm = 1)", lambda p: clip_grad_norm([p], max_norm=1.0)),
                   ("by value (clip_value = 1)", lambda p: torch.nn.utils.clip_grad_value_([p], clip_value=1.0))):
    p = torch.zeros(2, requires_grad=True)
    p.grad = original.clone()
    clip(p)
    cosine = torch.nn.functional.cosine_similarity(p.grad, original, dim=0)
    print(f"{name:26s} gradient {p.grad.numpy().round(4)}, cosine with the original {cosine:.4f}")
