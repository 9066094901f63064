"""GRU and GRUCell against torch.nn.GRU / nn.GRUCell with copied weights: outputs, gates, gradients, errors;
1-3 layers, one or two directions and padded batches against torch's packed sequences."""

import pytest
import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp.recurrent.gru import GRU, GRUCell
from stacked_reference import LENGTHS, TOL, max_differences, run_both


def _close(ours, theirs, dtype):
    torch.testing.assert_close(ours, theirs, rtol=0, atol=TOL[dtype])


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("batch_first", [False, True])
@pytest.mark.parametrize("bias", [True, False])
@pytest.mark.parametrize("with_h0", [False, True])
def test_gru_matches_torch(dtype, batch_first, bias, with_h0):
    torch.manual_seed(0)
    ref = nn.GRU(5, 7, bias=bias, batch_first=batch_first, dtype=dtype)
    ours = GRU.from_torch(ref)
    assert ours.batch_first == batch_first and ours.weight_ih_l0.dtype == dtype
    x = torch.randn((4, 9, 5) if batch_first else (9, 4, 5), dtype=dtype)
    h0 = torch.randn(1, 4, 7, dtype=dtype) if with_h0 else None
    out, h_n = ours(x, h0)
    ref_out, ref_h_n = ref(x, h0)
    assert out.shape == ref_out.shape and h_n.shape == ref_h_n.shape == (1, 4, 7)
    _close(out, ref_out, dtype)
    _close(h_n, ref_h_n, dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_gru_unbatched_matches_torch(dtype):
    torch.manual_seed(1)
    ref = nn.GRU(3, 6, dtype=dtype)
    ours = GRU.from_torch(ref)
    x, h0 = torch.randn(8, 3, dtype=dtype), torch.randn(1, 6, dtype=dtype)
    for args in ((x,), (x, h0)):
        out, h_n = ours(*args)
        ref_out, ref_h_n = ref(*args)
        assert out.shape == (8, 6) and h_n.shape == (1, 6)
        _close(out, ref_out, dtype)
        _close(h_n, ref_h_n, dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("bias", [True, False])
def test_gru_gradients_match_torch(dtype, bias):
    torch.manual_seed(2)
    ref = nn.GRU(4, 5, bias=bias, batch_first=True, dtype=dtype)
    ours = GRU.from_torch(ref)
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


def test_gru_gradcheck_float64():
    torch.manual_seed(3)
    gru = GRU(3, 4, dtype=torch.float64)
    names = [n for n, _ in gru.named_parameters()]

    def f(x, h0, *params):
        return torch.func.functional_call(gru, dict(zip(names, params)), (x, h0))

    inputs = (torch.randn(5, 2, 3, dtype=torch.float64, requires_grad=True),
              torch.randn(1, 2, 4, dtype=torch.float64, requires_grad=True),
              *(p.detach().clone().requires_grad_() for p in gru.parameters()))
    assert torch.autograd.gradcheck(f, inputs)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("bias", [True, False])
def test_cell_matches_torch(dtype, bias):
    torch.manual_seed(4)
    ref = nn.GRUCell(5, 6, bias=bias, dtype=dtype)
    ours = GRUCell.from_torch(ref)
    x, h = torch.randn(3, 5, dtype=dtype), torch.randn(3, 6, dtype=dtype)
    _close(ours(x), ref(x), dtype)
    _close(ours(x, h), ref(x, h), dtype)
    _close(ours(x[0], h[0]), ref(x[0], h[0]), dtype)  # unbatched


def test_gates_follow_torch_order_r_z_n():
    # Rebuild each gate from torch's stacked weights by slicing rows [0:H] = r, [H:2H] = z, [2H:3H] = n;
    # a mix-up of the order or of where r applies (before or after W_hn h) would fail here.
    torch.manual_seed(5)
    H = 4
    ref = nn.GRUCell(3, H, dtype=torch.float64)
    ours = GRUCell.from_torch(ref)
    x, h = torch.randn(2, 3, dtype=torch.float64), torch.randn(2, H, dtype=torch.float64)
    W_ih, W_hh, b_ih, b_hh = ref.weight_ih, ref.weight_hh, ref.bias_ih, ref.bias_hh

    def part(k, W, b, v):
        return F.linear(v, W[k * H:(k + 1) * H], b[k * H:(k + 1) * H])

    r = torch.sigmoid(part(0, W_ih, b_ih, x) + part(0, W_hh, b_hh, h))
    z = torch.sigmoid(part(1, W_ih, b_ih, x) + part(1, W_hh, b_hh, h))
    n = torch.tanh(part(2, W_ih, b_ih, x) + r * part(2, W_hh, b_hh, h))
    for got, want in zip(ours.gates(x, h), (r, z, n)):
        _close(got, want, torch.float64)
    r, z, n = ours.gates(x, h)
    _close((1 - z) * n + z * h, ref(x, h), torch.float64)


def test_update_gate_near_one_keeps_the_state():
    # A large b_hz drives z = σ(·) to 1 (σ(40) = 1 − 4e-18), so h' = (1 − z) n + z h ≈ h.
    cell = GRUCell(3, 4, dtype=torch.float64)
    with torch.no_grad():
        cell.bias_hh[4:8] = 40.0
    h = torch.randn(2, 4, dtype=torch.float64)
    _close(cell(torch.randn(2, 3, dtype=torch.float64), h), h, torch.float64)


def test_cell_gradients_and_gradcheck():
    torch.manual_seed(6)
    ref = nn.GRUCell(3, 4, dtype=torch.float64)
    ours = GRUCell.from_torch(ref)
    x, h = torch.randn(2, 3, dtype=torch.float64), torch.randn(2, 4, dtype=torch.float64)
    grads = []
    for module in (ours, ref):
        module(x, h).pow(2).sum().backward()
        grads.append([p.grad for p in module.parameters()])
    for g_ours, g_ref in zip(*grads):
        _close(g_ours, g_ref, torch.float64)
    names = [n for n, _ in ours.named_parameters()]
    f = lambda x, h, *p: torch.func.functional_call(ours, dict(zip(names, p)), (x, h))  # noqa: E731
    params = (p.detach().clone().requires_grad_() for p in ours.parameters())
    assert torch.autograd.gradcheck(f, (x.requires_grad_(), h.requires_grad_(), *params))


def test_init_like_torch():
    torch.manual_seed(7)
    ours = GRU(10, 25)
    torch.manual_seed(7)
    ref = nn.GRU(10, 25)
    for p, q in zip(ours.parameters(), ref.parameters()):
        torch.testing.assert_close(p, q, rtol=0, atol=0)
    assert [tuple(p.shape) for p in ours.parameters()] == [(75, 10), (75, 25), (75,), (75,)]
    assert [n for n, _ in ours.named_parameters()] == [n for n, _ in ref.named_parameters()]
    assert all(p.abs().max() <= 1 / 25 ** 0.5 for p in ours.parameters())
    assert GRUCell(2, 3, bias=False).bias_ih is None and GRU(2, 3, bias=False).bias_hh_l0 is None
    torch.manual_seed(7)
    stacked = GRU(10, 25, num_layers=3, bidirectional=True)
    torch.manual_seed(7)
    ref = nn.GRU(10, 25, num_layers=3, bidirectional=True)
    assert [n for n, _ in stacked.named_parameters()] == [n for n, _ in ref.named_parameters()]
    for p, q in zip(stacked.parameters(), ref.parameters()):
        torch.testing.assert_close(p, q, rtol=0, atol=0)
    stacked.load_state_dict(ref.state_dict())


def test_errors_name_expected_and_received():
    gru = GRU(5, 7)
    with pytest.raises(TypeError, match=r"x: expected a floating-point tensor.*got dtype torch.int64"):
        gru(torch.zeros(3, 2, 5, dtype=torch.long))
    with pytest.raises(TypeError, match=r"x: expected dtype torch.float32.*got dtype torch.float64"):
        gru(torch.zeros(3, 2, 5, dtype=torch.float64))
    with pytest.raises(ValueError, match=r"x: expected input_size 5 .*got shape \(3, 2, 4\)"):
        gru(torch.zeros(3, 2, 4))
    with pytest.raises(ValueError, match=r"h0: expected shape \(1, 2, 7\), got shape \(1, 2, 8\)"):
        gru(torch.zeros(3, 2, 5), torch.zeros(1, 2, 8))
    cell = GRUCell(5, 7)
    with pytest.raises(TypeError, match=r"x: expected a floating-point tensor.*got dtype torch.bool"):
        cell(torch.zeros(2, 5, dtype=torch.bool))
    with pytest.raises(ValueError, match=r"x: expected shape \(batch, 5\) or \(5,\), got shape \(2, 3\)"):
        cell.gates(torch.zeros(2, 3))
    with pytest.raises(ValueError, match=r"h: expected shape \(2, 7\), got shape \(7,\)"):
        cell(torch.zeros(2, 5), torch.zeros(7))


def test_from_torch_rejects_what_it_cannot_copy():
    with pytest.raises(TypeError, match=r"module: expected a torch.nn.modules.rnn.GRU, got RNN"):
        GRU.from_torch(nn.RNN(3, 4))
    with pytest.raises(TypeError, match=r"cell: expected a torch.nn.modules.rnn.GRUCell, got GRU"):
        GRUCell.from_torch(nn.GRU(3, 4))


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("num_layers", [1, 2, 3])
@pytest.mark.parametrize("bidirectional", [False, True])
@pytest.mark.parametrize("batch_first", [False, True])
@pytest.mark.parametrize("with_state", [False, True])
@pytest.mark.parametrize("lengths", [None, LENGTHS], ids=["full", "lengths"])
def test_stacked_gru_outputs_and_gradients_match_torch(dtype, num_layers, bidirectional, batch_first, with_state,
                                                         lengths):
    ours, theirs = run_both(GRU, nn.GRU, dtype=dtype, num_layers=num_layers, bidirectional=bidirectional,
                            batch_first=batch_first, with_state=with_state, lengths=lengths)
    directions = 2 if bidirectional else 1
    assert tuple(ours["states"][0].shape) == (num_layers * directions, len(LENGTHS), 5)
    assert ours["output"].shape[-1] == 5 * directions
    assert len(ours["grads"]) == 1 + with_state + 4 * num_layers * directions
    values, grads = max_differences(ours, theirs)
    assert values <= TOL[dtype] and grads <= TOL[dtype], (values, grads)


def test_stacked_gru_without_bias_and_dropout_match_torch():
    ours, theirs = run_both(GRU, nn.GRU, dtype=torch.float64, num_layers=2, bidirectional=True, batch_first=True,
                            with_state=True, lengths=LENGTHS, bias=False)
    values, grads = max_differences(ours, theirs)
    assert values <= 1e-12 and grads <= 1e-12
    ref = nn.GRU(3, 4, num_layers=2, dropout=0.3)
    gru = GRU.from_torch(ref)
    x = torch.randn(5, 2, 3)
    torch.manual_seed(11)
    ref_out = ref(x)[0]
    torch.manual_seed(11)
    _close(gru(x)[0], ref_out, torch.float32)  # the same dropout mask from the same seed


def test_gru_padded_rows_equal_each_sequence_alone():
    torch.manual_seed(12)
    gru = GRU(3, 4, num_layers=2, bidirectional=True, batch_first=True, dtype=torch.float64)
    x = torch.randn(len(LENGTHS), max(LENGTHS), 3, dtype=torch.float64)
    out, h_n = gru(x, lengths=torch.tensor(LENGTHS))
    for row, length in enumerate(LENGTHS):
        alone, h_alone = gru(x[row, :length])
        _close(out[row, :length], alone, torch.float64)
        _close(h_n[:, row], h_alone, torch.float64)
        assert bool((out[row, length:] == 0).all())


def test_gru_length_errors():
    gru = GRU(5, 7, num_layers=2, bidirectional=True)
    x = torch.zeros(3, 2, 5)
    with pytest.raises(ValueError, match=r"lengths: expected every length in \[1, 3\].*got 0 at position 0"):
        gru(x, lengths=[0, 3])
    with pytest.raises(TypeError, match=r"lengths: expected integer lengths.*got dtype torch.bool"):
        gru(x, lengths=torch.tensor([True, True]))
    with pytest.raises(ValueError, match=r"h0: expected shape \(4, 2, 7\), got shape \(1, 2, 7\)"):
        gru(x, torch.zeros(1, 2, 7))
