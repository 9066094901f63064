"""RNN and RNNCell against torch.nn.RNN / nn.RNNCell with copied weights: outputs, gradients, errors."""

import pytest
import torch
from torch import nn

from neuralnlp.recurrent.rnn import RNN, RNNCell

TOL = {torch.float32: 1e-6, torch.float64: 1e-12}


def _close(ours, theirs, dtype):
    torch.testing.assert_close(ours, theirs, rtol=0, atol=TOL[dtype])


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("batch_first", [False, True])
@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
@pytest.mark.parametrize("with_h0", [False, True])
def test_rnn_matches_torch(dtype, batch_first, bias, nonlinearity, with_h0):
    torch.manual_seed(0)
    ref = nn.RNN(5, 7, bias=bias, nonlinearity=nonlinearity, batch_first=batch_first, dtype=dtype)
    ours = RNN.from_torch(ref)
    assert ours.batch_first == batch_first and ours.weight_ih.dtype == dtype
    x = torch.randn((4, 9, 5) if batch_first else (9, 4, 5), dtype=dtype)
    h0 = torch.randn(1, 4, 7, dtype=dtype) if with_h0 else None
    out, h_n = ours(x, h0)
    ref_out, ref_h_n = ref(x, h0)
    assert out.shape == ref_out.shape and h_n.shape == ref_h_n.shape == (1, 4, 7)
    _close(out, ref_out, dtype)
    _close(h_n, ref_h_n, dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_rnn_unbatched_matches_torch(dtype):
    torch.manual_seed(1)
    ref = nn.RNN(3, 6, dtype=dtype)
    ours = RNN.from_torch(ref)
    x, h0 = torch.randn(8, 3, dtype=dtype), torch.randn(1, 6, dtype=dtype)
    for args in ((x,), (x, h0)):
        out, h_n = ours(*args)
        ref_out, ref_h_n = ref(*args)
        assert out.shape == (8, 6) and h_n.shape == (1, 6)
        _close(out, ref_out, dtype)
        _close(h_n, ref_h_n, dtype)


def test_output_is_every_hidden_state_and_h_n_the_last():
    # The recurrence by hand on a 1-unit RNN: w_ih = 0.5, w_hh = -1, b_ih = 0.1, b_hh = 0.2, h0 = 0.3
    #   h1 = tanh(0.5·1 + 0.1 − 1·0.3 + 0.2)  = tanh(0.5)
    #   h2 = tanh(0.5·2 + 0.1 − h1 + 0.2)     = tanh(1.3 − tanh(0.5))
    rnn = RNN(1, 1, dtype=torch.float64)
    with torch.no_grad():
        rnn.weight_ih.fill_(0.5), rnn.weight_hh.fill_(-1.0), rnn.bias_ih.fill_(0.1), rnn.bias_hh.fill_(0.2)
    out, h_n = rnn(torch.tensor([[1.0], [2.0]], dtype=torch.float64), torch.tensor([[0.3]], dtype=torch.float64))
    h1 = torch.tanh(torch.tensor(0.5, dtype=torch.float64))
    h2 = torch.tanh(1.3 - h1)
    _close(out[:, 0], torch.stack([h1, h2]), torch.float64)
    _close(h_n[0, 0], h2, torch.float64)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("bias", [True, False])
def test_rnn_gradients_match_torch(dtype, bias):
    torch.manual_seed(2)
    ref = nn.RNN(4, 5, bias=bias, batch_first=True, dtype=dtype)
    ours = RNN.from_torch(ref)
    x = torch.randn(3, 12, 4, dtype=dtype)
    h0 = torch.randn(1, 3, 5, dtype=dtype)
    target = torch.randn(3, 12, 5, dtype=dtype)
    grads = []
    for module in (ours, ref):
        xi, hi = x.clone().requires_grad_(), h0.clone().requires_grad_()
        out, h_n = module(xi, hi)
        # Means keep the gradients O(1), so the float32 bound 1e-6 is a few ulps, not a fraction of one.
        ((out - target) ** 2).mean().add(h_n.mean()).backward()
        grads.append([xi.grad, hi.grad] + [p.grad for p in module.parameters()])
    assert len(grads[0]) == len(grads[1]) == (6 if bias else 4)
    for g_ours, g_ref in zip(*grads):  # parameters() order: weight_ih, weight_hh, bias_ih, bias_hh in both
        _close(g_ours, g_ref, dtype)


def _functional(module, names):
    def f(x, h0, *params):
        out, h_n = torch.func.functional_call(module, dict(zip(names, params)), (x, h0))
        return out, h_n
    return f


def test_rnn_gradcheck_float64():
    torch.manual_seed(3)
    rnn = RNN(3, 4, dtype=torch.float64)
    names = [n for n, _ in rnn.named_parameters()]
    inputs = (torch.randn(5, 2, 3, dtype=torch.float64, requires_grad=True),
              torch.randn(1, 2, 4, dtype=torch.float64, requires_grad=True),
              *(p.detach().clone().requires_grad_() for p in rnn.parameters()))
    assert torch.autograd.gradcheck(_functional(rnn, names), inputs)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
def test_cell_matches_torch(dtype, bias, nonlinearity):
    torch.manual_seed(4)
    ref = nn.RNNCell(5, 6, bias=bias, nonlinearity=nonlinearity, dtype=dtype)
    ours = RNNCell.from_torch(ref)
    x, h = torch.randn(3, 5, dtype=dtype), torch.randn(3, 6, dtype=dtype)
    _close(ours(x), ref(x), dtype)
    _close(ours(x, h), ref(x, h), dtype)
    _close(ours(x[0], h[0]), ref(x[0], h[0]), dtype)  # unbatched


def test_cell_gradients_and_gradcheck():
    torch.manual_seed(5)
    ref = nn.RNNCell(3, 4, dtype=torch.float64)
    ours = RNNCell.from_torch(ref)
    x, h = torch.randn(2, 3, dtype=torch.float64), torch.randn(2, 4, dtype=torch.float64)
    grads = []
    for module in (ours, ref):
        module(x, h).pow(2).sum().backward()
        grads.append([p.grad for p in module.parameters()])
    assert len(grads[0]) == len(grads[1]) == 4 and all(g is not None for g in grads[0] + grads[1])
    for g_ours, g_ref in zip(*grads):
        _close(g_ours, g_ref, torch.float64)
    names = [n for n, _ in ours.named_parameters()]
    f = lambda x, h, *p: torch.func.functional_call(ours, dict(zip(names, p)), (x, h))  # noqa: E731
    params = (p.detach().clone().requires_grad_() for p in ours.parameters())
    assert torch.autograd.gradcheck(f, (x.requires_grad_(), h.requires_grad_(), *params))


def test_init_like_torch():
    # Same seed, same draws in the same order (weight_ih, weight_hh, bias_ih, bias_hh) as torch.nn.RNN.
    torch.manual_seed(6)
    ours = RNN(10, 25)
    torch.manual_seed(6)
    ref = nn.RNN(10, 25)
    for p, q in zip(ours.parameters(), ref.parameters()):
        torch.testing.assert_close(p, q, rtol=0, atol=0)
    bound = 1 / 25 ** 0.5
    assert all(p.abs().max() <= bound for p in ours.parameters())
    assert [tuple(p.shape) for p in ours.parameters()] == [(25, 10), (25, 25), (25,), (25,)]
    assert RNN(2, 3, bias=False).bias_ih is None and RNNCell(2, 3, bias=False).bias_hh is None
    assert RNN(2, 3, dtype=torch.float64).weight_hh.dtype == torch.float64


def test_errors_name_expected_and_received():
    rnn = RNN(5, 7)
    with pytest.raises(TypeError, match=r"x: expected a floating-point tensor.*got dtype torch.int64"):
        rnn(torch.zeros(3, 2, 5, dtype=torch.long))
    with pytest.raises(TypeError, match=r"x: expected dtype torch.float32.*got dtype torch.float64"):
        rnn(torch.zeros(3, 2, 5, dtype=torch.float64))
    with pytest.raises(TypeError, match=r"x: expected a floating-point torch.Tensor, got type list"):
        rnn([[0.0] * 5])
    with pytest.raises(ValueError, match=r"x: expected input_size 5 .*got shape \(3, 2, 4\)"):
        rnn(torch.zeros(3, 2, 4))
    with pytest.raises(ValueError, match=r"x: expected a 3-D tensor \(seq, batch, input_size\).*got shape \(5,\)"):
        rnn(torch.zeros(5))
    with pytest.raises(ValueError, match=r"x: expected at least one time step, got shape \(0, 2, 5\)"):
        rnn(torch.zeros(0, 2, 5))
    with pytest.raises(ValueError, match=r"h0: expected shape \(1, 2, 7\), got shape \(2, 7\)"):
        rnn(torch.zeros(3, 2, 5), torch.zeros(2, 7))
    with pytest.raises(ValueError, match=r"h0: expected shape \(1, 7\), got shape \(1, 1, 7\)"):
        rnn(torch.zeros(3, 5), torch.zeros(1, 1, 7))
    with pytest.raises(TypeError, match=r"h0: expected a floating-point tensor.*got dtype torch.int64"):
        rnn(torch.zeros(3, 2, 5), torch.zeros(1, 2, 7, dtype=torch.long))
    with pytest.raises(ValueError, match=r"x: expected a 3-D tensor \(batch, seq, input_size\)"):
        RNN(5, 7, batch_first=True)(torch.zeros(1, 1, 1, 5))
    with pytest.raises(ValueError, match=r"nonlinearity: expected 'tanh' or 'relu', got 'sigmoid'"):
        RNN(5, 7, nonlinearity="sigmoid")


def test_cell_errors_name_expected_and_received():
    cell = RNNCell(5, 7)
    with pytest.raises(TypeError, match=r"x: expected a floating-point tensor.*got dtype torch.int32"):
        cell(torch.zeros(2, 5, dtype=torch.int32))
    with pytest.raises(ValueError, match=r"x: expected shape \(batch, 5\) or \(5,\), got shape \(2, 6\)"):
        cell(torch.zeros(2, 6))
    with pytest.raises(ValueError, match=r"h: expected shape \(2, 7\), got shape \(3, 7\)"):
        cell(torch.zeros(2, 5), torch.zeros(3, 7))
    with pytest.raises(ValueError, match=r"h: expected shape \(7,\), got shape \(1, 7\)"):
        cell(torch.zeros(5), torch.zeros(1, 7))


def test_from_torch_rejects_what_it_cannot_copy():
    with pytest.raises(ValueError, match=r"expected a single-layer.*got num_layers=2, bidirectional=False"):
        RNN.from_torch(nn.RNN(3, 4, num_layers=2))
    with pytest.raises(ValueError, match=r"got num_layers=1, bidirectional=True"):
        RNN.from_torch(nn.RNN(3, 4, bidirectional=True))
    with pytest.raises(TypeError, match=r"module: expected a torch.nn.modules.rnn.RNN, got GRU"):
        RNN.from_torch(nn.GRU(3, 4))
    with pytest.raises(TypeError, match=r"cell: expected a torch.nn.modules.rnn.RNNCell, got RNN"):
        RNNCell.from_torch(nn.RNN(3, 4))


def test_from_torch_copies_rather_than_shares():
    ref = nn.RNN(3, 4)
    ours = RNN.from_torch(ref)
    with torch.no_grad():
        ref.weight_hh_l0.add_(1.0)
    assert not torch.equal(ours.weight_hh, ref.weight_hh_l0)


@pytest.mark.parametrize("batch_first, shape", [(False, (0, 2, 5)), (True, (2, 0, 5)), (False, (0, 5)), (True, (0, 5))])
def test_no_time_step_is_refused_on_the_time_axis_of_either_layout(batch_first, shape):
    """The time axis is 0 for (seq, batch, input), 1 for batch_first (batch, seq, input), and 0 for an unbatched
    (seq, input): a sequence of length 0 on that axis gets the documented ValueError, never torch's own error."""
    layer = RNN(5, 7, batch_first=batch_first)
    with pytest.raises(ValueError, match=rf"^x: expected at least one time step, got shape \({shape[0]}, {shape[1]}"):
        layer(torch.zeros(shape))
    assert layer(torch.zeros((1, 5) if len(shape) == 2 else (1, 1, 5)))[0].shape[-1] == 7  # one step is enough
