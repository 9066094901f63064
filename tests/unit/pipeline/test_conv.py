"""conv1d / Conv1d against torch.nn.Conv1d with copied weights (outputs and gradients, over a grid of
padding, stride and dilation), max-over-time pooling that ignores padding, and TextCNN."""

import itertools

import pytest
import torch
from torch import nn

from neuralnlp.pipeline.conv import Conv1d, TextCNN, conv1d, conv1d_output_length, max_over_time

TOL = {torch.float32: 1e-6, torch.float64: 1e-12}


@pytest.fixture(autouse=True)
def _one_torch_thread():
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def _close(ours, theirs, dtype):
    torch.testing.assert_close(ours, theirs, rtol=0, atol=TOL[dtype])


LENGTH = 11
GRID = [(k, s, p, d) for k, s, p, d in itertools.product([1, 2, 3, 5], [1, 2, 3], [0, 1, 2, "valid", "same"], [1, 2, 3])
        if not (p == "same" and s != 1)
        and conv1d_output_length(LENGTH, k, s, p, d) >= 1]


def test_the_grid_covers_every_setting():
    assert len(GRID) > 100
    assert {g[0] for g in GRID} == {1, 2, 3, 5} and {g[1] for g in GRID} == {1, 2, 3}
    assert {g[2] for g in GRID} == {0, 1, 2, "valid", "same"} and {g[3] for g in GRID} == {1, 2, 3}


@pytest.mark.filterwarnings("ignore:Using padding='same'")  # torch's note that it copies the input
@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("bias", [True, False])
def test_conv1d_matches_torch_outputs_and_gradients_over_the_grid(dtype, bias):
    torch.manual_seed(0)
    for kernel_size, stride, padding, dilation in GRID:
        ref = nn.Conv1d(6, 4, kernel_size, stride, padding, dilation, bias=bias, dtype=dtype)
        ours = Conv1d.from_torch(ref)
        x = torch.randn(3, 6, LENGTH, dtype=dtype)
        grads, outs = [], []
        for module in (ours, ref):
            xi = x.clone().requires_grad_()
            y = module(xi)
            # A mean keeps the gradients O(1), so the float32 bound 1e-6 is a few ulps.
            (y * torch.linspace(-1, 1, y.numel(), dtype=dtype).reshape(y.shape)).mean().backward()
            outs.append(y)
            grads.append([xi.grad] + [p.grad for p in module.parameters()])
        assert outs[0].shape == outs[1].shape == (3, 4, conv1d_output_length(LENGTH, kernel_size, stride, padding,
                                                                             dilation))
        _close(outs[0], outs[1], dtype)
        assert len(grads[0]) == len(grads[1]) == (3 if bias else 2)
        for g_ours, g_ref in zip(*grads):
            _close(g_ours, g_ref, dtype)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_functional_conv1d_matches_torch_unbatched_and_with_tensor_bias(dtype):
    torch.manual_seed(1)
    x, w, b = torch.randn(5, 9, dtype=dtype), torch.randn(3, 5, 2, dtype=dtype), torch.randn(3, dtype=dtype)
    _close(conv1d(x, w, b, stride=2, padding=1, dilation=3),
           nn.functional.conv1d(x, w, b, stride=2, padding=1, dilation=3), dtype)
    assert conv1d(x, w).shape == (3, 8)


def test_conv1d_gradcheck_float64():
    torch.manual_seed(2)
    x = torch.randn(2, 3, 7, dtype=torch.float64, requires_grad=True)
    w = torch.randn(4, 3, 3, dtype=torch.float64, requires_grad=True)
    b = torch.randn(4, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(lambda x, w, b: conv1d(x, w, b, stride=2, padding=2, dilation=2), (x, w, b))


def test_a_hand_worked_convolution():
    # One channel, x = [1, 2, 3, 4], a filter [1, 0, -1] (a difference across two steps), bias 0.5:
    # y[t] = 0.5 + x[t] - x[t + 2] = 0.5 - 2 for both windows.
    x = torch.tensor([[[1.0, 2.0, 3.0, 4.0]]])
    w = torch.tensor([[[1.0, 0.0, -1.0]]])
    assert conv1d(x, w, torch.tensor([0.5])).tolist() == [[[-1.5, -1.5]]]
    # Dilation 2, padding 1: x̃ = [0, 1, 2, 3, 4, 0]; y[t] = x̃[t] + 2·x̃[t + 2]; windows t = 0, 1.
    w2 = torch.tensor([[[1.0, 2.0]]])
    assert conv1d(x, w2, padding=1, dilation=2).tolist() == [[[0 + 2 * 2, 1 + 2 * 3, 2 + 2 * 4, 3 + 2 * 0]]]
    # Stride 2 keeps windows 0 and 2: 0 + 2·2 and 2 + 2·4.
    assert conv1d(x, w2, padding=1, dilation=2, stride=2).tolist() == [[[4.0, 10.0]]]


def test_same_seed_same_weights_as_torch():
    torch.manual_seed(3)
    ref = nn.Conv1d(5, 3, 4)
    torch.manual_seed(3)
    ours = Conv1d(5, 3, 4)
    assert torch.equal(ours.weight, ref.weight) and torch.equal(ours.bias, ref.bias)
    assert Conv1d(5, 3, 4, bias=False).bias is None


def test_output_length_formula_matches_torch():
    for length, (k, s, p, d) in itertools.product([1, 4, 11], GRID):
        expected = (length + 2 * (p if isinstance(p, int) else 0) - d * (k - 1) - 1) // s + 1
        if p == "same":
            expected = length
        assert conv1d_output_length(length, k, s, p, d) == expected
        if expected >= 1:
            assert nn.functional.conv1d(torch.zeros(1, 1, length), torch.zeros(1, 1, k), stride=s, padding=p,
                                        dilation=d).shape[-1] == expected


def test_conv_errors_name_the_argument():
    layer = Conv1d(4, 2, 3)
    with pytest.raises(ValueError, match=r"x: expected shape \(batch, 4, length\) or \(4, length\).*got shape \(2, 5, 7\)"):
        layer(torch.zeros(2, 5, 7))
    with pytest.raises(ValueError, match=r"x: expected a length of at least 3 .*got shape \(1, 4, 2\)"):
        layer(torch.zeros(1, 4, 2))
    with pytest.raises(TypeError, match="x: expected dtype torch.float32.*got dtype torch.float64"):
        layer(torch.zeros(1, 4, 5, dtype=torch.float64))
    with pytest.raises(ValueError, match="padding: expected .*'same' needs stride 1"):
        Conv1d(4, 2, 3, stride=2, padding="same")
    with pytest.raises(ValueError, match="padding: expected 'valid' or 'same', got 'full'"):
        Conv1d(4, 2, 3, padding="full")
    with pytest.raises(ValueError, match=r"bias: expected shape \(2,\), got shape \(3,\)"):
        conv1d(torch.zeros(4, 5), torch.zeros(2, 4, 3), torch.zeros(3))
    with pytest.raises(ValueError, match="module: expected groups=1"):
        Conv1d.from_torch(nn.Conv1d(4, 2, 3, groups=2))
    with pytest.raises(TypeError, match="module: expected a torch.nn.Conv1d, got Conv2d"):
        Conv1d.from_torch(nn.Conv2d(4, 2, 3))


# ---- max over time ---------------------------------------------------------------------------------------

def test_max_over_time_hand_worked_case():
    # Row 0 has 2 valid positions, row 1 has 4. Row 0's padding holds 9 and 5: they must not win;
    # its valid values are both negative, so the answer is -1, not 0 and not 9.
    h = torch.tensor([[[-3.0, -1.0, 9.0, 5.0]],
                      [[0.5, 2.0, 7.0, -4.0]]], requires_grad=True)
    m, where = max_over_time(h, torch.tensor([2, 4]), return_positions=True)
    assert m.tolist() == [[-1.0], [7.0]] and where.tolist() == [[1], [2]]
    (m * torch.tensor([[10.0], [20.0]])).sum().backward()
    # The gradient goes to the winners only: 10 at (0, 0, 1), 20 at (1, 0, 2).
    assert h.grad.tolist() == [[[0.0, 10.0, 0.0, 0.0]], [[0.0, 0.0, 20.0, 0.0]]]


def _reference_max(h, lengths):
    """The obvious loop: each row's valid slice, then its max, differentiated by autograd."""
    return torch.stack([h[b, :, :n].max(dim=1).values for b, n in enumerate(lengths.tolist())])


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_max_over_time_equals_the_loop_and_its_gradients_equal_autograd(dtype):
    torch.manual_seed(4)
    h = torch.randn(5, 3, 8, dtype=dtype)
    lengths = torch.tensor([8, 1, 3, 5, 2])
    h[1, :, 1:] += 100  # large values in the padding, which must be ignored
    grad_out = torch.randn(5, 3, dtype=dtype)
    results = []
    for pool in (lambda x: max_over_time(x, lengths), lambda x: _reference_max(x, lengths),
                 lambda x: max_over_time(x, mask=torch.arange(8)[None, :] < lengths[:, None])):
        hi = h.clone().requires_grad_()
        m = pool(hi)
        m.backward(grad_out)
        results.append((m, hi.grad))
    for m, g in results[1:]:
        torch.testing.assert_close(results[0][0], m, rtol=0, atol=0)
        torch.testing.assert_close(results[0][1], g, rtol=0, atol=0)
    assert (results[0][1][1, :, 1:] == 0).all()


def test_max_over_time_gradcheck_and_no_lengths_is_a_plain_max():
    torch.manual_seed(5)
    h = torch.randn(3, 2, 6, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(lambda x: max_over_time(x, torch.tensor([6, 2, 4])), (h,))
    torch.testing.assert_close(max_over_time(h), h.max(dim=2).values, rtol=0, atol=0)


def test_max_over_time_errors():
    h = torch.zeros(2, 3, 4)
    with pytest.raises(ValueError, match=r"lengths: expected every length in \[1, 4\].*got 0 at position 1 \(an empty text"):
        max_over_time(h, torch.tensor([2, 0]))
    with pytest.raises(ValueError, match=r"lengths: expected every length in \[1, 4\].*got 5 at position 0"):
        max_over_time(h, [5, 1])
    with pytest.raises(TypeError, match="lengths: expected integer lengths.*got dtype torch.float32"):
        max_over_time(h, torch.tensor([2.0, 1.0]))
    with pytest.raises(ValueError, match=r"lengths: expected shape \(2,\).*got shape \(3,\)"):
        max_over_time(h, [1, 2, 3])
    with pytest.raises(ValueError, match="mask: expected at least one True .*got none in row 0"):
        max_over_time(h, mask=torch.tensor([[False] * 4, [True] * 4]))
    with pytest.raises(ValueError, match="mask: expected None when lengths is given"):
        max_over_time(h, [1, 1], mask=torch.ones(2, 4, dtype=torch.bool))
    with pytest.raises(ValueError, match=r"h: expected a 3-D tensor .*got shape \(2, 4\)"):
        max_over_time(torch.zeros(2, 4))


# ---- TextCNN ---------------------------------------------------------------------------------------------

def _model(**kw):
    torch.manual_seed(6)
    args = dict(vocab_size=30, embedding_dim=6, n_classes=3, kernel_sizes=(2, 3, 5), n_filters=4, dropout=0.5)
    args.update(kw)
    return TextCNN(**args)


def test_textcnn_shapes_and_parameters():
    model = _model()
    ids = torch.randint(1, 30, (4, 9))
    assert model(ids, torch.tensor([9, 4, 2, 1])).shape == (4, 3)
    assert [c.kernel_size for c in model.convs] == [2, 3, 5]
    assert model.classifier.in_features == 12
    assert model.features(ids, [9, 9, 9, 9]).shape == (4, 12)


def test_textcnn_equals_the_same_computation_written_with_torch():
    # Embedding lookup, nn.functional.conv1d per width, ReLU, max over the valid windows, linear.
    model = _model(dtype=torch.float64).eval()
    torch.manual_seed(7)
    ids = torch.randint(1, 30, (3, 8))
    lengths = torch.tensor([8, 6, 5])
    expected_rows = []
    for b in range(3):
        e = model.embedding.weight[ids[b, :lengths[b]]].T[None]  # (1, d, n): the text alone, no padding
        pooled = [torch.relu(nn.functional.conv1d(e, c.weight, c.bias)).amax(dim=2) for c in model.convs]
        expected_rows.append(model.classifier(torch.cat(pooled, dim=1))[0])
    torch.testing.assert_close(model(ids, lengths), torch.stack(expected_rows), rtol=0, atol=1e-12)


def test_textcnn_a_text_gives_the_same_logits_alone_or_padded_in_a_batch():
    model = _model().eval()
    torch.manual_seed(8)
    batch = torch.randint(1, 30, (4, 12))
    lengths = torch.tensor([12, 7, 3, 1])  # 3 and 1 are shorter than the widest kernel (5)
    for b, n in enumerate(lengths.tolist()):
        batch[b, n:] = 0
    together = model(batch, lengths)
    for b, n in enumerate(lengths.tolist()):
        alone = model(batch[b:b + 1, :n], [n])
        torch.testing.assert_close(alone[0], together[b], rtol=0, atol=1e-6)
    # The padding id's vector plays no part: change it and nothing changes.
    with torch.no_grad():
        model.embedding.weight[0] = 50.0
    torch.testing.assert_close(model(batch, lengths), together, rtol=0, atol=1e-6)


def test_textcnn_a_text_shorter_than_a_kernel_is_zero_padded_inside():
    # A 2-token text and the width-5 kernel: one window, the 2 tokens then 3 zero vectors.
    model = _model(dtype=torch.float64).eval()
    ids = torch.tensor([[4, 7]])
    (c5, valid5) = model.feature_maps(ids, [2])[2]
    assert c5.shape == (1, 4, 1) and valid5.tolist() == [[True]]
    e = torch.cat([model.embedding.weight[[4, 7]], torch.zeros(3, 6, dtype=torch.float64)]).T
    conv = model.convs[2]
    expected = torch.relu((conv.weight * e).sum(dim=(1, 2)) + conv.bias)
    torch.testing.assert_close(c5[0, :, 0], expected, rtol=0, atol=1e-12)


def test_textcnn_gradients_reach_every_parameter_and_dropout_only_acts_in_training():
    model = _model()
    ids = torch.randint(1, 30, (4, 9))
    lengths = torch.tensor([9, 5, 2, 7])
    model(ids, lengths).sum().backward()
    assert all(p.grad is not None and p.grad.abs().sum() > 0 for p in model.parameters())
    model.eval()
    torch.testing.assert_close(model(ids, lengths), model(ids, lengths), rtol=0, atol=0)
    model.train()
    torch.manual_seed(0)
    a = model(ids, lengths)
    torch.manual_seed(1)
    assert not torch.equal(a, model(ids, lengths))


def test_textcnn_errors():
    model = _model()
    ids = torch.randint(1, 30, (2, 5))
    with pytest.raises(ValueError, match=r"lengths: expected every length in \[1, 5\].*got 0 at position 1"):
        model(ids, torch.tensor([5, 0]))
    with pytest.raises(IndexError, match=r"ids: expected ids in \[0, 29\].*got 30"):
        model(torch.tensor([[1, 30]]), [2])
    with pytest.raises(ValueError, match=r"ids: expected a 2-D tensor \(batch, seq\).*got shape \(5,\)"):
        model(torch.arange(5), [5])
    with pytest.raises(ValueError, match=r"ids: expected a 2-D tensor .*got shape \(0, 5\)"):
        model(torch.zeros(0, 5, dtype=torch.long), torch.zeros(0, dtype=torch.long))
    with pytest.raises(TypeError, match="kernel_sizes: expected a non-empty sequence"):
        TextCNN(30, 6, 2, kernel_sizes=3)
    with pytest.raises(ValueError, match="kernel_sizes: expected an integer >= 1, got 0 at position 1"):
        TextCNN(30, 6, 2, kernel_sizes=(2, 0))
