"""Embedding, one_hot and one_hot_embedding: against torch.nn.Embedding / F.one_hot with copied weights, and by hand."""

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.embedding import Embedding, check_ids, one_hot, one_hot_embedding


def _torch_copy(layer: Embedding) -> torch.nn.Embedding:
    ref = torch.nn.Embedding(layer.num_embeddings, layer.embedding_dim, padding_idx=layer.padding_idx,
                             dtype=layer.weight.dtype)
    with torch.no_grad():
        ref.weight.copy_(layer.weight)
    return ref


def _loss_weights(shape, dtype):
    # A fixed, non-uniform upstream gradient, so every position's contribution is distinguishable.
    return torch.linspace(-1.0, 2.0, int(torch.tensor(shape).prod()), dtype=dtype).reshape(shape)


@pytest.mark.parametrize("dtype,tol", [(torch.float64, 1e-12), (torch.float32, 1e-6)])
@pytest.mark.parametrize("ids_shape", [(), (5,), (3, 4), (2, 3, 4)])
@pytest.mark.parametrize("padding_idx", [None, 2])
def test_forward_and_grad_match_torch_embedding(dtype, tol, ids_shape, padding_idx):
    torch.manual_seed(0)
    layer = Embedding(7, 3, padding_idx=padding_idx, dtype=dtype)
    ref = _torch_copy(layer)
    ids = torch.randint(0, 7, ids_shape)
    ids.view(-1)[:2] = 2  # make sure the padding id and a repeated id both appear when there is room
    out, expected = layer(ids), ref(ids)
    assert out.shape == ids_shape + (3,) and out.dtype == dtype
    torch.testing.assert_close(out, expected, rtol=0, atol=tol)
    g = _loss_weights(out.shape, dtype)
    (out * g).sum().backward()
    (expected * g).sum().backward()
    torch.testing.assert_close(layer.weight.grad, ref.weight.grad, rtol=0, atol=tol)


def test_init_like_torch_same_seed_same_weights():
    torch.manual_seed(3)
    ours = Embedding(10, 4, padding_idx=1)
    torch.manual_seed(3)
    ref = torch.nn.Embedding(10, 4, padding_idx=1)
    torch.testing.assert_close(ours.weight, ref.weight, rtol=0, atol=0)
    assert torch.all(ours.weight[1] == 0)
    assert ours.weight.dtype == torch.get_default_dtype()


def test_init_is_standard_normal():
    torch.manual_seed(0)
    w = Embedding(2000, 50).weight.detach()
    # 100 000 draws: mean within ~4 standard errors (4/√1e5 ≈ 0.013) of 0, std within 0.01 of 1.
    assert abs(w.mean().item()) < 0.013 and abs(w.std().item() - 1) < 0.01


def test_lookup_by_hand():
    W = torch.tensor([[0.0, 0.0], [1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    layer = Embedding.from_pretrained(W)
    # ids [[3, 1], [1, 0]] pick rows 3, 1, 1, 0 of W
    assert layer(torch.tensor([[3, 1], [1, 0]])).tolist() == [[[5.0, 6.0], [1.0, 2.0]], [[1.0, 2.0], [0.0, 0.0]]]


def test_gradient_by_hand_only_looked_up_rows_accumulate():
    # loss = sum of all looked-up entries; ids = [2, 0, 2]: dL/dW[2] = 2·(1, 1), dL/dW[0] = (1, 1), rows 1, 3 get 0.
    layer = Embedding(4, 2)
    layer(torch.tensor([2, 0, 2])).sum().backward()
    assert layer.weight.grad.tolist() == [[1.0, 1.0], [0.0, 0.0], [2.0, 2.0], [0.0, 0.0]]


def test_padding_row_gets_no_gradient_but_others_do():
    layer = Embedding(5, 3, padding_idx=0)
    layer(torch.tensor([[0, 1, 0], [4, 0, 1]])).pow(2).sum().backward()
    assert torch.all(layer.weight.grad[0] == 0)
    assert torch.all(layer.weight.grad[[1, 4]] != 0)
    assert torch.all(layer.weight.grad[[2, 3]] == 0)


def test_negative_padding_idx_counts_from_the_end_like_torch():
    torch.manual_seed(0)
    layer = Embedding(6, 2, padding_idx=-1)
    assert layer.padding_idx == torch.nn.Embedding(6, 2, padding_idx=-1).padding_idx == 5
    assert torch.all(layer.weight[5] == 0)


def test_padding_idx_out_of_range_raises():
    with pytest.raises(ValueError, match=r"^padding_idx: expected an integer in \[-4, 3\], got 4$"):
        Embedding(4, 2, padding_idx=4)


@pytest.mark.parametrize("padding_idx", [-4, -5, 3, 4])
def test_padding_idx_range_is_torchs_minus_v_to_v_minus_1(padding_idx):
    """padding_idx is accepted exactly where torch.nn.Embedding accepts it, [-V, V - 1] (both ends included,
    -V meaning row 0), and refused outside with a ValueError naming that range."""
    try:
        expected = torch.nn.Embedding(4, 2, padding_idx=padding_idx).padding_idx
    except AssertionError:  # torch's own check
        with pytest.raises(ValueError, match=rf"^padding_idx: expected an integer in \[-4, 3\], got {padding_idx}$"):
            Embedding(4, 2, padding_idx=padding_idx)
        assert padding_idx in (-5, 4)
    else:
        assert Embedding(4, 2, padding_idx=padding_idx).padding_idx == expected == padding_idx % 4


@pytest.mark.parametrize("value, error", [(0, ValueError), (-3, ValueError), (2.5, TypeError), (True, TypeError)])
def test_bad_sizes_raise(value, error):
    with pytest.raises(error, match=rf"^num_embeddings: expected an integer >= 1, got .*{value!r}$"):
        Embedding(value, 2)
    with pytest.raises(error, match=rf"^embedding_dim: expected an integer >= 1, got .*{value!r}$"):
        Embedding(3, value)


def test_numpy_integer_sizes_are_accepted():
    layer = Embedding(np.int64(4), np.int32(2), padding_idx=np.int64(1))
    assert (layer.num_embeddings, layer.embedding_dim, layer.padding_idx) == (4, 2, 1)
    assert type(layer.num_embeddings) is int


def test_sparse_gradient_holds_only_looked_up_rows_and_matches_torch():
    torch.manual_seed(0)
    layer = Embedding(100, 4, sparse=True, dtype=torch.float64)
    ref = torch.nn.Embedding(100, 4, sparse=True, dtype=torch.float64)
    with torch.no_grad():
        ref.weight.copy_(layer.weight)
    ids = torch.tensor([[7, 42, 7], [3, 99, 42]])
    g = _loss_weights((2, 3, 4), torch.float64)
    (layer(ids) * g).sum().backward()
    (ref(ids) * g).sum().backward()
    grad = layer.weight.grad
    assert grad.is_sparse
    assert sorted(set(grad.coalesce().indices()[0].tolist())) == [3, 7, 42, 99]
    torch.testing.assert_close(grad.to_dense(), ref.weight.grad.to_dense(), rtol=0, atol=1e-12)


def test_int32_ids_accepted_and_equal_to_long():
    torch.manual_seed(0)
    layer = Embedding(6, 2)
    ids = torch.tensor([5, 0, 3])
    torch.testing.assert_close(layer(ids.int()), layer(ids), rtol=0, atol=0)


@pytest.mark.parametrize("ids", [torch.tensor([1.0, 2.0]), torch.tensor([True, False]), torch.tensor([1.0], dtype=torch.float64)])
def test_non_integer_ids_raise_type_error_naming_dtype(ids):
    with pytest.raises(TypeError, match=rf"^ids: expected integer ids \(torch.long or torch.int32\), got dtype {ids.dtype}$"):
        Embedding(4, 2)(ids)


def test_out_of_range_id_names_id_position_and_range():
    layer = Embedding(5, 2)
    with pytest.raises(IndexError, match=r"^ids: expected ids in \[0, 4\] \(num_embeddings=5\), got 7 at position \(1, 2\)$"):
        layer(torch.tensor([[0, 1, 2], [3, 4, 7]]))
    with pytest.raises(IndexError, match=r"got -1 at position \(0,\)$"):
        layer(torch.tensor([-1, 2]))
    # torch also refuses both (its message just does not say where)
    with pytest.raises(IndexError):
        torch.nn.Embedding(5, 2)(torch.tensor([[0, 1, 2], [3, 4, 7]]))


def test_check_ids_returns_long_and_accepts_lists():
    ids = check_ids([[1, 2], [0, 3]], 4)
    assert ids.dtype == torch.long and ids.tolist() == [[1, 2], [0, 3]]


@pytest.mark.parametrize("freeze", [True, False])
def test_from_pretrained_like_torch(freeze):
    W = torch.arange(12, dtype=torch.float64).reshape(4, 3)
    ours = Embedding.from_pretrained(W, freeze=freeze, padding_idx=1)
    ref = torch.nn.Embedding.from_pretrained(W, freeze=freeze, padding_idx=1)
    assert ours.weight.requires_grad == ref.weight.requires_grad == (not freeze)
    assert ours.weight.dtype == torch.float64
    # torch keeps the pretrained padding row as given (it is not zeroed), and so do we
    torch.testing.assert_close(ours.weight, ref.weight, rtol=0, atol=0)
    assert ours.weight[1].tolist() == [3.0, 4.0, 5.0]
    # a copy: changing the source afterwards does not change the layer
    W[0, 0] = 100.0
    assert ours.weight[0, 0].item() == 0.0
    ids = torch.tensor([1, 2, 1])
    if not freeze:
        ours(ids).sum().backward()
        ref(ids).sum().backward()
        torch.testing.assert_close(ours.weight.grad, ref.weight.grad, rtol=0, atol=0)
        assert torch.all(ours.weight.grad[1] == 0) and torch.all(ours.weight.grad[2] == 1)


def test_from_pretrained_frozen_weights_unchanged_by_optimizer():
    W = torch.randn(5, 2, generator=torch.Generator().manual_seed(0))
    layer = Embedding.from_pretrained(W)  # freeze=True
    assert list(p for p in layer.parameters() if p.requires_grad) == []
    out = layer(torch.tensor([0, 3]))
    assert not out.requires_grad
    torch.testing.assert_close(layer.weight.detach(), W, rtol=0, atol=0)


def test_from_pretrained_does_not_consume_random_numbers():
    torch.manual_seed(0)
    Embedding.from_pretrained(torch.zeros(3, 2))
    after = torch.rand(1)
    torch.manual_seed(0)
    assert torch.equal(after, torch.rand(1))


def test_from_pretrained_errors():
    with pytest.raises(ValueError, match=r"embeddings: expected a 2-D tensor .*got shape \(3,\)"):
        Embedding.from_pretrained(torch.zeros(3))
    with pytest.raises(TypeError, match=r"embeddings: expected a floating-point tensor \(float32 or float64\), got dtype torch.int64"):
        Embedding.from_pretrained(torch.zeros(3, 2, dtype=torch.long))


def test_one_hot_matches_torch_and_is_sparse():
    ids = torch.tensor([[4, 0], [2, 2]])
    oh = one_hot(ids, 6)
    assert oh.shape == (2, 2, 6) and oh.dtype == torch.float32
    torch.testing.assert_close(oh, F.one_hot(ids, 6).float(), rtol=0, atol=0)
    # exactly one non-zero, equal to 1, per vector
    assert (oh != 0).sum(-1).tolist() == [[1, 1], [1, 1]] and oh.sum().item() == 4


def test_one_hot_errors():
    with pytest.raises(IndexError, match=r"got 6 at position \(1,\)"):
        one_hot(torch.tensor([0, 6]), 6)
    with pytest.raises(TypeError, match="got dtype torch.float32"):
        one_hot(torch.tensor([0.0]), 6)


@pytest.mark.parametrize("dtype,tol", [(torch.float64, 1e-12), (torch.float32, 1e-6)])
def test_lookup_equals_one_hot_matmul_and_linear_without_bias(dtype, tol):
    torch.manual_seed(0)
    layer = Embedding(9, 4, dtype=dtype)
    ids = torch.tensor([[8, 1, 1], [0, 5, 8]])
    W = layer.weight.detach().clone().requires_grad_(True)
    linear = torch.nn.Linear(9, 4, bias=False, dtype=dtype)
    with torch.no_grad():
        linear.weight.copy_(layer.weight.T)  # Linear stores (out, in) = (d, V): the transpose of W
    g = _loss_weights((2, 3, 4), dtype)

    lookup = layer(ids)
    matmul = one_hot_embedding(ids, W)
    through_linear = linear(one_hot(ids, 9, dtype=dtype))
    torch.testing.assert_close(matmul, lookup, rtol=0, atol=tol)
    torch.testing.assert_close(through_linear, lookup, rtol=0, atol=tol)

    (lookup * g).sum().backward()
    (matmul * g).sum().backward()
    (through_linear * g).sum().backward()
    torch.testing.assert_close(W.grad, layer.weight.grad, rtol=0, atol=tol)
    torch.testing.assert_close(linear.weight.grad.T, layer.weight.grad, rtol=0, atol=tol)


def test_repr():
    assert repr(Embedding(5, 3, padding_idx=0)) == "Embedding(5, 3, padding_idx=0)"
