"""Scaled dot-product attention against torch.nn.functional.scaled_dot_product_attention: outputs and gradients,
every kind of mask, a hand-worked example, and the errors."""

import math

import pytest
import torch
from torch.nn import functional as F

from neuralnlp.transformer.attention import attention_weights, causal_mask, scaled_dot_product_attention

TOL = {torch.float32: 1e-6, torch.float64: 1e-12}
pytestmark = pytest.mark.timeout(60)


def _inputs(dtype, L=5, S=7, E=8, Ev=6, seed=0):
    g = torch.Generator().manual_seed(seed)
    return [torch.randn(2, 3, n, e, dtype=dtype, generator=g, requires_grad=True)
            for n, e in ((L, E), (S, E), (S, Ev))]


def _masks(dtype, L=5, S=7):
    g = torch.Generator().manual_seed(1)
    bool_mask = torch.rand(L, S, generator=g) > 0.4
    bool_mask[:, 0] = True  # every query sees at least one key
    padding = torch.ones(2, 1, 1, S, dtype=torch.bool)
    padding[0, ..., 4:] = False  # the first sequence has 4 real keys, then padding
    return {
        "none": {},
        "bool (L, S)": {"attn_mask": bool_mask},
        "bool padding (N, 1, 1, S)": {"attn_mask": padding},
        "float (N, 1, L, S)": {"attn_mask": torch.randn(2, 1, L, S, dtype=dtype, generator=g)},
        "float -inf": {"attn_mask": torch.zeros(L, S, dtype=dtype).masked_fill(~bool_mask, float("-inf"))},
        "causal": {"is_causal": True},
    }


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("mask", list(_masks(torch.float32)))
@pytest.mark.parametrize("L, S", [(5, 7), (7, 5), (6, 6)])
def test_matches_torch_outputs_and_gradients(dtype, mask, L, S):
    q, k, v = _inputs(dtype, L, S)
    kwargs = _masks(dtype, L, S)[mask]
    ours = scaled_dot_product_attention(q, k, v, **kwargs)
    theirs = F.scaled_dot_product_attention(q, k, v, **kwargs)
    assert ours.shape == theirs.shape == (2, 3, L, 6)
    torch.testing.assert_close(ours, theirs, rtol=0, atol=TOL[dtype])
    upstream = torch.randn_like(ours)
    for a, b in zip(torch.autograd.grad(ours, (q, k, v), upstream), torch.autograd.grad(theirs, (q, k, v), upstream)):
        torch.testing.assert_close(a, b, rtol=0, atol=TOL[dtype])


def test_by_hand():
    # one query, two keys: scores (1·1 + 1·1, 0)/√2, weights their softmax, output the weighted mean of the values
    q, k, v = torch.tensor([[1.0, 1.0]]), torch.tensor([[1.0, 1.0], [0.0, 0.0]]), torch.tensor([[10.0], [20.0]])
    w = math.exp(2 / math.sqrt(2)) / (math.exp(2 / math.sqrt(2)) + 1)
    assert attention_weights(q, k)[0].tolist() == pytest.approx([w, 1 - w])
    assert scaled_dot_product_attention(q, k, v).item() == pytest.approx(10 * w + 20 * (1 - w))
    # masking the first key leaves all the weight on the second
    assert scaled_dot_product_attention(q, k, v, attn_mask=torch.tensor([[False, True]])).item() == 20.0


def test_weights_rows_sum_to_one_and_causal_is_lower_triangular():
    q, k, _ = _inputs(torch.float64, 4, 4)
    w = attention_weights(q, k, is_causal=True)
    torch.testing.assert_close(w.sum(-1), torch.ones(2, 3, 4, dtype=torch.float64))
    assert bool((w.triu(1) == 0).all())
    assert causal_mask(2, 3).tolist() == [[True, False, False], [True, True, False]]


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_a_query_with_every_key_masked_gets_zeros_like_torch(dtype):
    q, k, v = _inputs(dtype)
    mask = torch.ones(5, 7, dtype=torch.bool)
    mask[2] = False  # query 2 may see nothing
    ours = scaled_dot_product_attention(q, k, v, attn_mask=mask)
    theirs = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
    assert bool((ours[..., 2, :] == 0).all())
    torch.testing.assert_close(ours, theirs, rtol=0, atol=TOL[dtype])
    ours.sum().backward()
    assert torch.isfinite(q.grad).all() and bool((q.grad[..., 2, :] == 0).all())


def test_bad_input():
    q, k, v = _inputs(torch.float32)
    with pytest.raises(TypeError, match=r"attn_mask: expected dtype torch.bool \(True = may attend\) or torch.float32 "
                                        r"\(added to the scores\), got dtype torch.int64"):
        scaled_dot_product_attention(q, k, v, attn_mask=torch.ones(5, 7, dtype=torch.int64))
    with pytest.raises(ValueError, match=r"attn_mask: expected a shape that broadcasts to the scores' \(2, 3, 5, 7\) "
                                         r"\(..., L, S\), got shape \(5, 5\)"):
        scaled_dot_product_attention(q, k, v, attn_mask=torch.ones(5, 5, dtype=torch.bool))
    with pytest.raises(ValueError, match=r"attn_mask: expected a shape that broadcasts .* got shape \(3, 1, 5, 7\)"):
        scaled_dot_product_attention(q, k, v, attn_mask=torch.ones(3, 1, 5, 7, dtype=torch.bool))
    with pytest.raises(TypeError, match="attn_mask: expected a torch.Tensor"):
        scaled_dot_product_attention(q, k, v, attn_mask=[[True] * 7] * 5)
    with pytest.raises(ValueError, match="attn_mask: expected None when is_causal=True"):
        scaled_dot_product_attention(q, k, v, attn_mask=torch.ones(5, 7, dtype=torch.bool), is_causal=True)
    with pytest.raises(ValueError, match=r"key: expected E = 8 on the last axis \(the query's\), got shape \(2, 3, 7, 4\)"):
        scaled_dot_product_attention(q, k[..., :4], v)
    with pytest.raises(ValueError, match=r"value: expected S = 7 on the second-to-last axis"):
        scaled_dot_product_attention(q, k, v[..., :6, :])
    with pytest.raises(TypeError, match="key: expected dtype torch.float32"):
        scaled_dot_product_attention(q, k.double(), v)
    with pytest.raises(TypeError, match="query: expected a floating-point tensor"):
        scaled_dot_product_attention(torch.ones(5, 8, dtype=torch.long), k, v)
    with pytest.raises(ValueError, match=r"query: expected a tensor of at least 2 axes \(..., L, E\), got shape \(8,\)"):
        scaled_dot_product_attention(q[0, 0, 0], k, v)
