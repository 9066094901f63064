"""MultiheadAttention against torch.nn.MultiheadAttention with copied weights: outputs, weights, gradients, masks, errors."""

import pytest
import torch
from torch import nn

from neuralnlp.transformer.attention import scaled_dot_product_attention
from neuralnlp.transformer.multihead import MultiheadAttention

TOL = {torch.float32: 1e-6, torch.float64: 1e-12}
pytestmark = pytest.mark.timeout(60)


def _pair(dtype=torch.float32, batch_first=True, bias=True, E=16, h=4, seed=0):
    torch.manual_seed(seed)
    theirs = nn.MultiheadAttention(E, h, bias=bias, batch_first=batch_first, dtype=dtype)
    with torch.no_grad():  # torch initialises the biases to 0: make them count
        for p in theirs.parameters():
            if p.dim() == 1:
                p.normal_()
    return MultiheadAttention.from_torch(theirs), theirs


def _close(a, b, dtype):
    # relative to the scale of the values: float32 carries about 7 significant digits
    assert (a - b).abs().max().item() <= TOL[dtype] * max(1.0, b.abs().max().item())


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("batch_first", [True, False])
@pytest.mark.parametrize("masks", ["none", "padding", "attn bool", "attn per head", "both float"])
def test_self_attention_matches_torch(dtype, batch_first, masks):
    ours, theirs = _pair(dtype, batch_first)
    N, L = 3, 6
    x = torch.randn((N, L, 16) if batch_first else (L, N, 16), dtype=dtype)
    padding = torch.zeros(N, L, dtype=torch.bool)
    padding[0, 4:] = True  # True = padding, torch.nn's convention
    causal = torch.ones(L, L, dtype=torch.bool).triu(1)  # True = may not attend
    kwargs = {
        "none": {},
        "padding": {"key_padding_mask": padding},
        "attn bool": {"attn_mask": causal, "key_padding_mask": padding},
        "attn per head": {"attn_mask": torch.rand(N * 4, L, L) > 0.7},
        "both float": {"attn_mask": torch.randn(L, L, dtype=dtype),
                       "key_padding_mask": torch.zeros(N, L, dtype=dtype).masked_fill(padding, float("-inf"))},
    }[masks]
    if masks == "attn per head":
        kwargs["attn_mask"][:, :, 0] = False  # every query sees key 0
    for average in (True, False):
        (out, w), (ref_out, ref_w) = (m(x, x, x, average_attn_weights=average, **kwargs) for m in (ours, theirs))
        assert out.shape == ref_out.shape and w.shape == ref_w.shape == ((N, L, L) if average else (N, 4, L, L))
        _close(out, ref_out, dtype)
        _close(w, ref_w, dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_gradients_match_torch(dtype):
    ours, theirs = _pair(dtype)
    x = torch.randn(2, 5, 16, dtype=dtype)
    padding = torch.tensor([[False] * 5, [False] * 3 + [True] * 2])
    grads = []
    for module in (ours, theirs):
        xi = x.clone().requires_grad_()
        out, _ = module(xi, xi, xi, key_padding_mask=padding)
        out.pow(2).sum().backward()
        grads.append([xi.grad, *(p.grad for p in module.parameters())])
    for a, b in zip(*grads):
        _close(a, b, dtype)


def test_cross_attention_and_unbatched_match_torch():
    ours, theirs = _pair(torch.float64, batch_first=False)
    q, kv = torch.randn(4, 2, 16, dtype=torch.float64), torch.randn(7, 2, 16, dtype=torch.float64)
    for a, b in zip(ours(q, kv, kv), theirs(q, kv, kv)):
        _close(a, b, torch.float64)
    q1, kv1 = q[:, 0], kv[:, 0]  # unbatched (L, E) and (S, E)
    padding = torch.tensor([False] * 5 + [True] * 2)
    for a, b in zip(ours(q1, kv1, kv1, key_padding_mask=padding), theirs(q1, kv1, kv1, key_padding_mask=padding)):
        assert a.shape == b.shape
        _close(a, b, torch.float64)
    assert ours(q, kv, kv, need_weights=False)[1] is None


def test_heads_are_slices_of_the_projections():
    # head i attends with features i·E/h … (i+1)·E/h - 1 of Q, K and V, then W^O mixes the heads
    ours, _ = _pair(torch.float64)
    x = torch.randn(1, 5, 16, dtype=torch.float64)
    q, k, v = torch.nn.functional.linear(x, ours.in_proj_weight, ours.in_proj_bias).chunk(3, -1)
    heads = [scaled_dot_product_attention(q[..., 4 * i : 4 * i + 4], k[..., 4 * i : 4 * i + 4], v[..., 4 * i : 4 * i + 4])
             for i in range(4)]
    expected = ours.out_proj(torch.cat(heads, -1))
    _close(ours(x, x, x)[0], expected, torch.float64)


def test_bad_input():
    with pytest.raises(ValueError, match="num_heads: expected a divisor of embed_dim = 384 .*got 7"):
        MultiheadAttention(384, 7)
    with pytest.raises(ValueError, match=r"dropout: expected 0.0 \(these layers have no dropout"):
        MultiheadAttention(16, 4, dropout=0.1)
    with pytest.raises(TypeError, match="module: expected a torch.nn.MultiheadAttention, got Linear"):
        MultiheadAttention.from_torch(nn.Linear(2, 2))
    with pytest.raises(ValueError, match="module: expected kdim = vdim = embed_dim"):
        MultiheadAttention.from_torch(nn.MultiheadAttention(16, 4, kdim=8, vdim=8))
    ours, _ = _pair()
    x = torch.randn(3, 6, 16)
    with pytest.raises(ValueError, match=r"key_padding_mask: expected shape \(3, 6\), got shape \(6, 3\)"):
        ours(x, x, x, key_padding_mask=torch.zeros(6, 3, dtype=torch.bool))
    with pytest.raises(TypeError, match=r"key_padding_mask: expected a bool tensor \(True = masked\) or torch.float32 "
                                        r"\(added to the scores\), got dtype torch.int64"):
        ours(x, x, x, key_padding_mask=torch.zeros(3, 6, dtype=torch.int64))
    with pytest.raises(ValueError, match=r"attn_mask: expected shape \(6, 6\) or \(12, 6, 6\), got shape \(3, 6, 6\)"):
        ours(x, x, x, attn_mask=torch.zeros(3, 6, 6, dtype=torch.bool))
    with pytest.raises(ValueError, match=r"query: expected a 3-D \(N, L, E\) or 2-D \(L, E\) tensor with E = 16"):
        ours(x[..., :8], x, x)
    with pytest.raises(ValueError, match=r"key: expected the batch size of query, 3, got shape \(2, 6, 16\)"):
        ours(x, x[:2], x[:2])
    with pytest.raises(TypeError, match="query: expected dtype torch.float32"):
        ours(x.double(), x, x)
