"""TransformerEncoderLayer against torch.nn.TransformerEncoderLayer, post-norm and pre-norm: outputs and gradients."""

import pytest
import torch
from torch import nn

from neuralnlp.transformer.encoder_layer import TransformerEncoderLayer

TOL = {torch.float32: 1e-6, torch.float64: 1e-12}
pytestmark = pytest.mark.timeout(60)


def _pair(dtype, norm_first, activation="gelu", batch_first=True, seed=0):
    torch.manual_seed(seed)
    theirs = nn.TransformerEncoderLayer(32, 4, 128, dropout=0.0, activation=activation, batch_first=batch_first,
                                        norm_first=norm_first, dtype=dtype)
    with torch.no_grad():
        for p in theirs.parameters():
            if p.dim() == 1:
                p.normal_(0, 0.5)  # biases 0 and LayerNorm γ = 1, β = 0 would hide mistakes
    return TransformerEncoderLayer.from_torch(theirs), theirs


def max_relative_difference(a, b):
    """max |a − b| / max(1, max |b|): float32 keeps about 7 significant digits of values of any size."""
    return (a - b).abs().max().item() / max(1.0, b.abs().max().item())


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("norm_first", [False, True], ids=["post-norm", "pre-norm"])
@pytest.mark.parametrize("activation", ["gelu", "relu"])
def test_outputs_and_gradients_match_torch(dtype, norm_first, activation):
    ours, theirs = _pair(dtype, norm_first, activation)
    x = torch.randn(3, 10, 32, dtype=dtype)
    padding = torch.zeros(3, 10, dtype=torch.bool)
    padding[1, 7:] = True
    upstream = torch.randn(3, 10, 32, dtype=dtype)
    results = []
    for module in (ours, theirs):
        xi = x.clone().requires_grad_()
        y = module(xi, src_key_padding_mask=padding)
        y.backward(upstream)
        results.append([y.detach(), xi.grad, *(p.grad for p in module.parameters())])
    names = ["output", "x.grad", *(n for n, _ in theirs.named_parameters())]
    assert names[2:] == [n for n, _ in ours.named_parameters()]  # torch's names, in torch's order
    for name, a, b in zip(names, *results):
        assert max_relative_difference(a, b) <= TOL[dtype], name


@pytest.mark.parametrize("norm_first", [False, True])
def test_eval_mode_and_sequence_first_match_torch(norm_first):
    ours, theirs = _pair(torch.float32, norm_first, batch_first=False)
    theirs.eval()  # torch's fast path
    x = torch.randn(9, 2, 32)
    mask = torch.ones(9, 9, dtype=torch.bool).triu(1)
    with torch.no_grad():
        assert max_relative_difference(ours(x, src_mask=mask), theirs(x, src_mask=mask)) <= 1e-6
        assert max_relative_difference(ours(x[:, 0]), theirs(x[:, 0])) <= 1e-6  # unbatched


def test_post_norm_output_is_normalised_and_pre_norm_is_not():
    ours, _ = _pair(torch.float64, norm_first=False)
    with torch.no_grad():
        ours.norm2.weight.fill_(1.0)
        ours.norm2.bias.zero_()
        y = ours(10 * torch.randn(2, 5, 32, dtype=torch.float64))
    torch.testing.assert_close(y.mean(-1), torch.zeros(2, 5, dtype=torch.float64), rtol=0, atol=1e-12)
    ours.norm_first = True  # the same weights, pre-norm: the input's scale goes straight through the residual stream
    with torch.no_grad():
        assert ours(10 * torch.randn(2, 5, 32, dtype=torch.float64)).std() > 5


def test_bad_input():
    with pytest.raises(ValueError, match="nhead: expected a divisor of d_model = 32"):
        TransformerEncoderLayer(32, 5)
    with pytest.raises(ValueError, match="activation: expected 'relu' or 'gelu', got 'tanh'"):
        TransformerEncoderLayer(32, 4, activation="tanh")
    with pytest.raises(ValueError, match="dropout: expected 0.0"):
        TransformerEncoderLayer(32, 4, dropout=0.1)
    with pytest.raises(TypeError, match="module: expected a torch.nn.TransformerEncoderLayer"):
        TransformerEncoderLayer.from_torch(nn.Linear(2, 2))
    with pytest.raises(ValueError, match="module: expected the activation relu or gelu"):
        TransformerEncoderLayer.from_torch(nn.TransformerEncoderLayer(8, 2, activation=nn.Tanh()))
    ours, _ = _pair(torch.float32, False)
    with pytest.raises(ValueError, match=r"key_padding_mask: expected shape \(2, 4\), got shape \(2, 5\)"):
        ours(torch.randn(2, 4, 32), src_key_padding_mask=torch.zeros(2, 5, dtype=torch.bool))
