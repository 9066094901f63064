"""LSTM and LSTMCell against torch.nn.LSTM / nn.LSTMCell with copied weights: outputs, states and gradients
for 1-3 layers, one or two directions, both layouts, with and without initial states and with padded
batches (against torch's packed sequences); the gate order, dropout between layers, and errors."""

import pytest
import torch
from torch import nn
from torch.nn import functional as F
from torch.nn.utils.rnn import pack_padded_sequence

from neuralnlp.recurrent.lstm import LSTM, LSTMCell
from stacked_reference import LENGTHS, TOL, max_differences, run_both


def _close(ours, theirs, dtype):
    torch.testing.assert_close(ours, theirs, rtol=0, atol=TOL[dtype])


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("num_layers", [1, 2, 3])
@pytest.mark.parametrize("bidirectional", [False, True])
@pytest.mark.parametrize("batch_first", [False, True])
@pytest.mark.parametrize("with_state", [False, True])
@pytest.mark.parametrize("lengths", [None, LENGTHS], ids=["full", "lengths"])
def test_lstm_outputs_and_gradients_match_torch(dtype, num_layers, bidirectional, batch_first, with_state, lengths):
    ours, theirs = run_both(LSTM, nn.LSTM, dtype=dtype, num_layers=num_layers, bidirectional=bidirectional,
                            batch_first=batch_first, with_state=with_state, lengths=lengths)
    directions = 2 if bidirectional else 1
    assert [tuple(s.shape) for s in ours["states"]] == [(num_layers * directions, len(LENGTHS), 5)] * 2
    assert ours["output"].shape[-1] == 5 * directions
    # x, (h0, c0) when given, then 4 tensors per layer and direction
    assert len(ours["grads"]) == 1 + (2 if with_state else 0) + 4 * num_layers * directions
    values, grads = max_differences(ours, theirs)
    assert values <= TOL[dtype] and grads <= TOL[dtype], (values, grads)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_lstm_without_bias_matches_torch(dtype):
    ours, theirs = run_both(LSTM, nn.LSTM, dtype=dtype, num_layers=2, bidirectional=True, batch_first=False,
                            with_state=True, lengths=LENGTHS, bias=False)
    assert len(ours["grads"]) == 1 + 2 + 2 * 2 * 2
    values, grads = max_differences(ours, theirs)
    assert values <= TOL[dtype] and grads <= TOL[dtype]


def test_padded_steps_output_zero_and_states_come_from_the_last_real_token():
    # Row 1 has length 2: its forward state must be the one after its 2nd token, whatever follows,
    # and the backward direction must start at that token, so the padding values cannot matter.
    torch.manual_seed(1)
    lstm = LSTM(3, 4, num_layers=2, bidirectional=True, dtype=torch.float64)
    x = torch.randn(6, 4, 3, dtype=torch.float64)
    noisy = x.clone()
    for row, length in enumerate(LENGTHS):
        noisy[length:, row] = 100 * torch.randn(6 - length, 3, dtype=torch.float64)
    out, (h_n, c_n) = lstm(x, lengths=LENGTHS)
    out2, (h_n2, c_n2) = lstm(noisy, lengths=LENGTHS)
    for a, b in ((out, out2), (h_n, h_n2), (c_n, c_n2)):
        torch.testing.assert_close(a, b, rtol=0, atol=0)
    for row, length in enumerate(LENGTHS):
        assert bool((out[length:, row] == 0).all())
        # each sequence alone, unpadded, gives the same output and states
        alone, (h_alone, c_alone) = lstm(x[:length, row])
        _close(out[:length, row], alone, torch.float64)
        _close(h_n[:, row], h_alone, torch.float64)
        _close(c_n[:, row], c_alone, torch.float64)


def test_full_lengths_equal_no_lengths():
    torch.manual_seed(2)
    lstm = LSTM(3, 4, num_layers=2, bidirectional=True, batch_first=True)
    x = torch.randn(3, 5, 3)
    for lengths in ([5, 5, 5], torch.tensor([5, 5, 5]), torch.tensor([5, 5, 5], dtype=torch.int32)):
        out, (h, c) = lstm(x, lengths=lengths)
        ref_out, (ref_h, ref_c) = lstm(x)
        for a, b in ((out, ref_out), (h, ref_h), (c, ref_c)):
            torch.testing.assert_close(a, b, rtol=0, atol=0)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("bidirectional", [False, True])
def test_lstm_unbatched_matches_torch(dtype, bidirectional):
    torch.manual_seed(3)
    ref = nn.LSTM(3, 6, num_layers=2, bidirectional=bidirectional, dtype=dtype)
    ours = LSTM.from_torch(ref)
    rows = 4 if bidirectional else 2
    x = torch.randn(8, 3, dtype=dtype)
    hx = (torch.randn(rows, 6, dtype=dtype), torch.randn(rows, 6, dtype=dtype))
    for args in ((x,), (x, hx)):
        out, (h_n, c_n) = ours(*args)
        ref_out, (ref_h, ref_c) = ref(*args)
        assert out.shape == ref_out.shape == (8, 6 * rows // 2) and h_n.shape == (rows, 6)
        for a, b in ((out, ref_out), (h_n, ref_h), (c_n, ref_c)):
            _close(a, b, dtype)


def test_dropout_between_layers_like_torch():
    # torch drops the outputs of every layer but the last, in training mode only, with the global
    # generator; we call the same dropout at the same point, so the same seed gives the same mask.
    ref = nn.LSTM(3, 4, num_layers=3, dropout=0.5, bidirectional=True)
    ours = LSTM.from_torch(ref)
    assert ours.dropout == 0.5 and ours.training
    x = torch.randn(5, 2, 3)
    torch.manual_seed(4)
    ref_out = ref(x)[0]
    torch.manual_seed(4)
    out = ours(x)[0]
    _close(out, ref_out, torch.float32)
    ours.eval(), ref.eval()
    _close(ours(x)[0], ref(x)[0], torch.float32)
    assert not torch.allclose(out, ours(x)[0])  # dropout did something in training mode


def test_lstm_gradcheck_float64_with_lengths():
    torch.manual_seed(5)
    lstm = LSTM(2, 3, num_layers=2, bidirectional=True, dtype=torch.float64)
    names = [n for n, _ in lstm.named_parameters()]

    def f(x, h0, c0, *params):
        out, (h, c) = torch.func.functional_call(lstm, dict(zip(names, params)), (x, (h0, c0)), {"lengths": [4, 2]})
        return out, h, c

    inputs = (torch.randn(4, 2, 2, dtype=torch.float64, requires_grad=True),
              torch.randn(4, 2, 3, dtype=torch.float64, requires_grad=True),
              torch.randn(4, 2, 3, dtype=torch.float64, requires_grad=True),
              *(p.detach().clone().requires_grad_() for p in lstm.parameters()))
    assert torch.autograd.gradcheck(f, inputs)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("bias", [True, False])
def test_cell_matches_torch(dtype, bias):
    torch.manual_seed(6)
    ref = nn.LSTMCell(5, 6, bias=bias, dtype=dtype)
    ours = LSTMCell.from_torch(ref)
    x, h, c = (torch.randn(3, n, dtype=dtype) for n in (5, 6, 6))
    for args in ((x,), (x, (h, c)), (x[0], (h[0], c[0]))):
        for a, b in zip(ours(*args), ref(*args)):
            _close(a, b, dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_cell_gradients_match_torch(dtype):
    torch.manual_seed(7)
    ref = nn.LSTMCell(3, 4, dtype=dtype)
    ours = LSTMCell.from_torch(ref)
    x, h, c = (torch.randn(2, n, dtype=dtype) for n in (3, 4, 4))
    grads = []
    for module in (ours, ref):
        xi, hi, ci = (t.clone().requires_grad_() for t in (x, h, c))
        h1, c1 = module(xi, (hi, ci))
        (h1.pow(2).mean() + c1.mean()).backward()
        grads.append([xi.grad, hi.grad, ci.grad] + [p.grad for p in module.parameters()])
    assert len(grads[0]) == 7
    for a, b in zip(*grads):
        _close(a, b, dtype)


def test_gates_follow_torch_order_i_f_g_o():
    # Rebuild each gate from torch's stacked weights by slicing rows [0:H] = i, [H:2H] = f,
    # [2H:3H] = g, [3H:4H] = o; a mix-up of the order or of an activation would fail here.
    torch.manual_seed(8)
    H = 4
    ref = nn.LSTMCell(3, H, dtype=torch.float64)
    ours = LSTMCell.from_torch(ref)
    x, h, c = (torch.randn(2, n, dtype=torch.float64) for n in (3, H, H))

    def part(k):
        rows = slice(k * H, (k + 1) * H)
        return F.linear(x, ref.weight_ih[rows], ref.bias_ih[rows]) + F.linear(h, ref.weight_hh[rows], ref.bias_hh[rows])

    i, f, g, o = torch.sigmoid(part(0)), torch.sigmoid(part(1)), torch.tanh(part(2)), torch.sigmoid(part(3))
    c_new = f * c + i * g
    for got, want in zip(ours.gates(x, (h, c)), (i, f, g, o, c_new)):
        _close(got, want, torch.float64)
    ref_h, ref_c = ref(x, (h, c))
    _close(o * torch.tanh(c_new), ref_h, torch.float64)
    _close(c_new, ref_c, torch.float64)


def test_open_forget_gate_and_closed_input_gate_keep_the_cell_state():
    # b_if = 60 drives f = σ(·) to 1, b_ii = −60 drives i to 0 (the weighted inputs are a few units at
    # most): c' = f ⊙ c + i ⊙ g ≈ c, whatever x is.
    torch.manual_seed(10)
    cell = LSTMCell(3, 4, dtype=torch.float64)
    with torch.no_grad():
        cell.bias_ih[:4] = -60.0
        cell.bias_ih[4:8] = 60.0
    c = torch.randn(2, 4, dtype=torch.float64)
    _, c_new = cell(torch.randn(2, 3, dtype=torch.float64), (torch.randn(2, 4, dtype=torch.float64), c))
    _close(c_new, c, torch.float64)


def test_init_and_names_like_torch():
    torch.manual_seed(9)
    ours = LSTM(10, 25, num_layers=2, bidirectional=True)
    torch.manual_seed(9)
    ref = nn.LSTM(10, 25, num_layers=2, bidirectional=True)
    assert [n for n, _ in ours.named_parameters()] == [n for n, _ in ref.named_parameters()]
    for p, q in zip(ours.parameters(), ref.parameters()):
        torch.testing.assert_close(p, q, rtol=0, atol=0)
    assert ours.weight_ih_l0.shape == (100, 10) and ours.weight_ih_l1_reverse.shape == (100, 50)
    assert sum(p.numel() for p in ours.parameters()) == sum(p.numel() for p in ref.parameters())
    assert all(p.abs().max() <= 1 / 25 ** 0.5 for p in ours.parameters())
    assert LSTMCell(2, 3, bias=False).bias_ih is None and LSTM(2, 3, bias=False).bias_hh_l0 is None
    ours.load_state_dict(ref.state_dict())  # the same keys: torch's checkpoints load as they are


def test_lstm_errors_name_expected_and_received():
    lstm = LSTM(5, 7, num_layers=2)
    x = torch.zeros(3, 2, 5)
    with pytest.raises(TypeError, match=r"hx: expected a pair \(h, c\) of tensors or None, got Tensor"):
        lstm(x, torch.zeros(2, 2, 7))
    with pytest.raises(ValueError, match=r"h0: expected shape \(2, 2, 7\), got shape \(1, 2, 7\)"):
        lstm(x, (torch.zeros(1, 2, 7), torch.zeros(2, 2, 7)))
    with pytest.raises(ValueError, match=r"c0: expected shape \(2, 2, 7\), got shape \(2, 2, 6\)"):
        lstm(x, (torch.zeros(2, 2, 7), torch.zeros(2, 2, 6)))
    with pytest.raises(ValueError, match=r"lengths: expected every length in \[1, 3\].*got 0 at position 1"):
        lstm(x, lengths=[3, 0])
    with pytest.raises(ValueError, match=r"lengths: expected every length in \[1, 3\].*got 4 at position 0"):
        lstm(x, lengths=torch.tensor([4, 1]))
    with pytest.raises(ValueError, match=r"lengths: expected shape \(2,\), one length per sequence.*got shape \(3,\)"):
        lstm(x, lengths=[3, 2, 1])
    with pytest.raises(TypeError, match=r"lengths: expected integer lengths.*got dtype torch.float32"):
        lstm(x, lengths=torch.tensor([3.0, 2.0]))
    with pytest.raises(ValueError, match=r"lengths: expected None for an unbatched x"):
        lstm(torch.zeros(3, 5), lengths=[3])
    cell = LSTMCell(5, 7)
    with pytest.raises(ValueError, match=r"c: expected shape \(2, 7\), got shape \(7,\)"):
        cell(torch.zeros(2, 5), (torch.zeros(2, 7), torch.zeros(7)))
    with pytest.raises(TypeError, match=r"hx: expected a pair"):
        cell(torch.zeros(2, 5), torch.zeros(2, 7))
    with pytest.raises(ValueError, match=r"num_layers: expected an integer >= 1, got 0"):
        LSTM(5, 7, num_layers=0)
    with pytest.raises(ValueError, match=r"dropout: expected a probability in \[0, 1\], got 1.5"):
        LSTM(5, 7, dropout=1.5)
    with pytest.raises(TypeError, match=r"bidirectional: expected True or False"):
        LSTM(5, 7, bidirectional="yes")


def test_from_torch_rejects_what_it_cannot_copy():
    with pytest.raises(ValueError, match=r"module: expected an LSTM without projection \(proj_size=0\), got proj_size=2"):
        LSTM.from_torch(nn.LSTM(3, 4, proj_size=2))
    with pytest.raises(TypeError, match=r"module: expected a torch.nn.modules.rnn.LSTM, got GRU"):
        LSTM.from_torch(nn.GRU(3, 4))
    with pytest.raises(TypeError, match=r"cell: expected a torch.nn.modules.rnn.LSTMCell, got LSTM"):
        LSTMCell.from_torch(nn.LSTM(3, 4))


def test_packed_sequence_is_not_accepted_silently():
    packed = pack_padded_sequence(torch.zeros(3, 2, 5), [3, 2])
    with pytest.raises(TypeError, match=r"x: expected a floating-point torch.Tensor, got type PackedSequence"):
        LSTM(5, 7)(packed)
