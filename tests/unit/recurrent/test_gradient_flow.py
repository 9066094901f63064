"""neuralnlp.recurrent.gradient_flow against torch.autograd, torch.nn.utils.clip_grad_norm_, and by hand."""

import math

import numpy as np
import pytest
import torch

from neuralnlp.recurrent.gradient_flow import clip_grad_norm, hidden_state_jacobian_norms
from neuralnlp.recurrent.rnn import RNN


def _torch_and_ours(input_size=3, hidden_size=5, nonlinearity="tanh", seed=0):
    torch.manual_seed(seed)
    reference = torch.nn.RNN(input_size, hidden_size, nonlinearity=nonlinearity, dtype=torch.float64)
    return reference, RNN.from_torch(reference)


def test_jacobian_norms_match_autograd():
    reference, ours = _torch_and_ours()
    with torch.no_grad():  # larger recurrent weights so the norms spread over orders of magnitude
        reference.weight_hh_l0.mul_(3.0)
        ours.weight_hh.copy_(reference.weight_hh_l0)
    x = torch.randn(7, 3, dtype=torch.float64)
    h0 = torch.randn(5, dtype=torch.float64)
    norms = hidden_state_jacobian_norms(ours, x, h0)

    states, _ = reference(x, h0.unsqueeze(0))
    states = torch.cat([h0.unsqueeze(0), states.detach()])  # h_0 .. h_T from torch's own RNN
    assert norms.shape == (8,)
    for t in range(8):
        def last_state_from(h_t, t=t):
            if t == 7:
                return h_t
            return reference(x[t:], h_t.unsqueeze(0))[1][0]

        jacobian = torch.autograd.functional.jacobian(last_state_from, states[t])
        expected = torch.linalg.matrix_norm(jacobian, ord=2)
        assert abs(norms[t].item() - expected.item()) <= 1e-12 * max(1.0, expected.item()), t


def test_jacobian_norms_are_powers_of_the_scale_for_orthogonal_weights_at_rest():
    # Zero input, zero biases and h0 = 0 keep every h_k = 0, so tanh' = 1 at every step and
    # ∂h_T/∂h_t = W_hh^(T-t). For W_hh = s·Q with Q orthogonal, every singular value of that
    # power is s^(T-t): the norms are exactly 1, s, s², ... read from t = T backwards.
    _, ours = _torch_and_ours(hidden_size=4)
    q, _ = torch.linalg.qr(torch.randn(4, 4, dtype=torch.float64))
    with torch.no_grad():
        ours.weight_hh.copy_(1.5 * q)
        ours.bias_ih.zero_()
        ours.bias_hh.zero_()
    norms = hidden_state_jacobian_norms(ours, torch.zeros(6, 3, dtype=torch.float64))
    expected = torch.tensor([1.5**k for k in range(6, -1, -1)], dtype=torch.float64)
    torch.testing.assert_close(norms, expected, rtol=1e-12, atol=0)


def test_jacobian_norm_of_one_step_by_hand():
    # hidden = input = 1, w_ih = 0, biases 0, w_hh = 2, h0 = 0.5:
    # h_1 = tanh(2 · 0.5) = tanh(1), ∂h_1/∂h_0 = (1 − tanh(1)²) · 2 = 2 / cosh(1)²
    _, ours = _torch_and_ours(input_size=1, hidden_size=1)
    with torch.no_grad():
        ours.weight_ih.zero_()
        ours.weight_hh.fill_(2.0)
        ours.bias_ih.zero_()
        ours.bias_hh.zero_()
    norms = hidden_state_jacobian_norms(ours, torch.zeros(1, 1, dtype=torch.float64), torch.tensor([0.5], dtype=torch.float64))
    assert abs(norms[0].item() - 2 / math.cosh(1.0) ** 2) < 1e-15
    assert norms[1].item() == 1.0


def test_jacobian_norms_errors():
    _, ours = _torch_and_ours()
    with pytest.raises(TypeError, match=r"^x: expected a floating-point tensor \(float32 or float64\), got dtype torch.int64$"):
        hidden_state_jacobian_norms(ours, torch.zeros(4, 3, dtype=torch.long))
    with pytest.raises(ValueError, match=r"x: expected one unbatched sequence of shape \(seq, 3\), got shape \(4, 2, 3\)"):
        hidden_state_jacobian_norms(ours, torch.zeros(4, 2, 3, dtype=torch.float64))
    with pytest.raises(ValueError, match=r"h0: expected shape \(5,\), got shape \(1, 5\)"):
        hidden_state_jacobian_norms(ours, torch.zeros(4, 3, dtype=torch.float64), torch.zeros(1, 5, dtype=torch.float64))
    _, relu_rnn = _torch_and_ours(nonlinearity="relu")
    with pytest.raises(ValueError, match=r"rnn: expected nonlinearity 'tanh', got 'relu'"):
        hidden_state_jacobian_norms(relu_rnn, torch.zeros(4, 3, dtype=torch.float64))
    theirs, _ = _torch_and_ours()
    with pytest.raises(TypeError, match=r"^rnn: expected a neuralnlp.recurrent.rnn.RNN \(copy a torch.nn.RNN with RNN.from_torch\)"):
        hidden_state_jacobian_norms(theirs, torch.zeros(4, 3, dtype=torch.float64))
    with pytest.raises(TypeError, match=r"^h0: expected a floating-point torch.Tensor, got type ndarray$"):
        hidden_state_jacobian_norms(ours, torch.zeros(4, 3, dtype=torch.float64), np.zeros(5))


def _two_copies_with_grads(scale, dtype):
    torch.manual_seed(0)
    shapes = [(4, 3), (4,), (2, 4)]
    ours = [torch.randn(s, dtype=dtype, requires_grad=True) for s in shapes]
    theirs = [p.detach().clone().requires_grad_() for p in ours]
    for a, b in zip(ours, theirs):
        g = scale * torch.randn(a.shape, dtype=dtype)
        a.grad, b.grad = g.clone(), g.clone()
    return ours, theirs


@pytest.mark.parametrize("scale", [10.0, 0.01])  # clipped, and left alone
def test_clip_grad_norm_matches_torch(scale):
    ours, theirs = _two_copies_with_grads(scale, torch.float64)
    total = clip_grad_norm(ours, max_norm=1.0)
    expected = torch.nn.utils.clip_grad_norm_(theirs, max_norm=1.0)
    assert abs(total.item() - expected.item()) <= 1e-12 * expected.item()
    for a, b in zip(ours, theirs):
        torch.testing.assert_close(a.grad, b.grad, rtol=1e-12, atol=1e-15)
    assert (total > 1.0) == (scale == 10.0)


def test_clip_grad_norm_float32_matches_torch():
    ours, theirs = _two_copies_with_grads(10.0, torch.float32)
    total = clip_grad_norm(ours, max_norm=2.0)
    expected = torch.nn.utils.clip_grad_norm_(theirs, max_norm=2.0)
    assert abs(total.item() - expected.item()) <= 1e-6 * expected.item()
    for a, b in zip(ours, theirs):
        torch.testing.assert_close(a.grad, b.grad, rtol=1e-6, atol=1e-7)


def test_clip_grad_norm_by_hand():
    # grads (3) and (4): global norm sqrt(9 + 16) = 5; max_norm 1 scales both by 1 / (5 + 1e-6)
    a = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    b = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    c = torch.zeros(1, dtype=torch.float64, requires_grad=True)  # no grad: skipped
    a.grad = torch.tensor([3.0], dtype=torch.float64)
    b.grad = torch.tensor([4.0], dtype=torch.float64)
    total = clip_grad_norm([a, b, c], max_norm=1.0)
    assert total.item() == 5.0
    assert abs(a.grad.item() - 3 / (5 + 1e-6)) < 1e-15
    assert abs(b.grad.item() - 4 / (5 + 1e-6)) < 1e-15
    assert c.grad is None


def test_clip_grad_norm_accepts_a_single_tensor():
    p = torch.zeros(2, dtype=torch.float64, requires_grad=True)
    p.grad = torch.tensor([6.0, 8.0], dtype=torch.float64)
    assert clip_grad_norm(p, max_norm=20.0).item() == 10.0
    assert p.grad.tolist() == [6.0, 8.0]  # norm 10 < 20: unchanged


@pytest.mark.parametrize("bad, error", [(0.0, ValueError), (-1.0, ValueError), (float("nan"), ValueError),
                                        ("1", TypeError), (True, TypeError)])
def test_clip_grad_norm_rejects_a_bad_max_norm(bad, error):
    p = torch.zeros(2, requires_grad=True)
    p.grad = torch.ones(2)
    with pytest.raises(error, match=r"^max_norm: expected a (non-NaN )?number > 0, got"):
        clip_grad_norm([p], bad)
    assert p.grad.tolist() == [1.0, 1.0]


@pytest.mark.parametrize("max_norm", [1, np.float32(1.0), np.int64(1), torch.tensor(1.0)])
def test_clip_grad_norm_accepts_any_real_max_norm(max_norm):
    p = torch.zeros(2, requires_grad=True)
    p.grad = torch.tensor([3.0, 4.0])
    assert clip_grad_norm([p], max_norm).item() == 5.0
    torch.testing.assert_close(p.grad, torch.tensor([0.6, 0.8]))


def test_clip_grad_norm_handles_our_sparse_embedding_gradients():
    from neuralnlp.embeddings.embedding import Embedding

    ours, dense = Embedding(5, 3, sparse=True), Embedding(5, 3)
    with torch.no_grad():
        dense.weight.copy_(ours.weight)
    ids = torch.tensor([1, 1, 2])  # row 1 twice: its two sparse entries must be summed before the norm
    for layer in (ours, dense):
        layer(ids).pow(2).sum().backward()
    norm_sparse, norm_dense = clip_grad_norm(ours.parameters(), 1.0), clip_grad_norm(dense.parameters(), 1.0)
    torch.testing.assert_close(norm_sparse, norm_dense)
    torch.testing.assert_close(ours.weight.grad.to_dense(), dense.weight.grad)


def test_clip_grad_norm_refuses_a_module_and_non_finite_gradients():
    model = torch.nn.Linear(2, 1)
    with pytest.raises(TypeError, match=r"^parameters: expected a tensor or an iterable of tensors such as model.parameters\(\), got Linear"):
        clip_grad_norm(model, 1.0)
    p = torch.zeros(2, requires_grad=True)
    p.grad = torch.tensor([1.0, float("nan")])
    with pytest.raises(ValueError, match=r"^parameters: expected finite gradients, got a global gradient norm of nan$"):
        clip_grad_norm([p], 1.0)
    assert torch.isnan(p.grad[1]) and p.grad[0] == 1.0  # left as they were
