"""LayerNorm against torch.nn.LayerNorm (outputs and gradients), a hand-worked vector, and the errors."""

import pytest
import torch
from torch import nn

from neuralnlp.transformer.layernorm import LayerNorm, layer_norm

TOL = {torch.float32: 1e-6, torch.float64: 1e-12}
pytestmark = pytest.mark.timeout(60)


def test_by_hand():
    # x = (1, 2, 3): mean 2, biased variance 2/3, so (x - 2) / sqrt(2/3) = (-1.2247, 0, 1.2247)
    y = layer_norm(torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64), eps=0.0)
    assert y.tolist() == pytest.approx([-1.5 ** 0.5, 0.0, 1.5 ** 0.5])
    w, b = torch.tensor([2.0, 2.0, 2.0], dtype=torch.float64), torch.tensor([1.0, 0.0, -1.0], dtype=torch.float64)
    assert layer_norm(torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64), w, b, eps=0.0).tolist() == \
        pytest.approx([1 - 2 * 1.5 ** 0.5, 0.0, -1 + 2 * 1.5 ** 0.5])
    assert layer_norm(torch.full((4,), 7.0)).tolist() == [0.0] * 4  # a constant vector: ε avoids 0/0


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("eps, bias", [(1e-5, True), (1e-12, True), (1e-5, False)])
def test_matches_torch(dtype, eps, bias):
    torch.manual_seed(0)
    theirs = nn.LayerNorm(32, eps=eps, bias=bias, dtype=dtype)
    with torch.no_grad():
        theirs.weight.normal_()
        if bias:
            theirs.bias.normal_()
    ours = LayerNorm.from_torch(theirs)
    x = (3 + 5 * torch.randn(4, 7, 32, dtype=dtype))
    grads = []
    for module in (ours, theirs):
        xi = x.clone().requires_grad_()
        y = module(xi)
        (y * torch.linspace(-1, 1, 32, dtype=dtype)).pow(2).sum().backward()
        grads.append((y.detach(), xi.grad, *(p.grad for p in module.parameters())))
    for a, b in zip(*grads):
        assert (a - b).abs().max().item() <= TOL[dtype] * max(1.0, b.abs().max().item())


def test_without_affine_parameters():
    theirs = nn.LayerNorm(5, elementwise_affine=False)
    ours = LayerNorm.from_torch(theirs)
    assert ours.weight is None and ours.bias is None
    x = torch.randn(3, 5)
    torch.testing.assert_close(ours(x), theirs(x), rtol=0, atol=1e-6)


def test_bad_input():
    with pytest.raises(ValueError, match=r"x: expected shape \(..., 8\), got shape \(2, 5\)"):
        LayerNorm(8)(torch.randn(2, 5))
    with pytest.raises(TypeError, match="x: expected a floating-point tensor"):
        LayerNorm(8)(torch.ones(2, 8, dtype=torch.long))
    with pytest.raises(ValueError, match=r"weight: expected shape \(8,\), one per feature of x, got shape \(5,\)"):
        layer_norm(torch.randn(2, 8), torch.ones(5))
    with pytest.raises(ValueError, match="module: expected normalized_shape of one axis"):
        LayerNorm.from_torch(nn.LayerNorm((2, 3)))
    with pytest.raises(TypeError, match="module: expected a torch.nn.LayerNorm, got Linear"):
        LayerNorm.from_torch(nn.Linear(2, 2))
