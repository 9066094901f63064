"""neuralnlp.embeddings.similarity against torch.nn.functional and hand-worked numbers."""

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from neuralnlp.embeddings.similarity import cosine_similarity, nearest_neighbours, normalize, sentence_vector

RNG = np.random.default_rng(0)


# ---- cosine_similarity ---------------------------------------------------------------------------

@pytest.mark.parametrize("shape_a, shape_b", [((5,), (5,)), ((4, 5), (4, 5)), ((3, 1, 5), (4, 5)), ((5,), (6, 5))])
def test_cosine_matches_torch_float64_with_broadcasting(shape_a, shape_b):
    a, b = RNG.normal(size=shape_a), RNG.normal(size=shape_b)
    expected = F.cosine_similarity(torch.from_numpy(a), torch.from_numpy(b), dim=-1).numpy()
    got = cosine_similarity(a, b)
    assert got.shape == expected.shape
    np.testing.assert_allclose(got, expected, rtol=1e-12, atol=1e-15)


def test_cosine_float32_numpy_and_torch_match_torch():
    a = RNG.normal(size=(6, 8)).astype(np.float32)
    b = RNG.normal(size=(6, 8)).astype(np.float32)
    expected = F.cosine_similarity(torch.from_numpy(a), torch.from_numpy(b), dim=-1).numpy()
    got_np = cosine_similarity(a, b)
    got_t = cosine_similarity(torch.from_numpy(a), torch.from_numpy(b))
    assert got_np.dtype == np.float32 and got_t.dtype == torch.float32
    np.testing.assert_allclose(got_np, expected, rtol=0, atol=1e-6)
    np.testing.assert_allclose(got_t.numpy(), expected, rtol=0, atol=1e-6)


def test_cosine_by_hand():
    # a = (1, 2, 2), b = (2, 1, 2):  a·b = 2 + 2 + 4 = 8,  ‖a‖ = ‖b‖ = √9 = 3,  cos = 8/9
    assert cosine_similarity(np.array([1.0, 2.0, 2.0]), np.array([2.0, 1.0, 2.0])) == pytest.approx(8 / 9, rel=1e-15)
    # (1, 0) and (1, 1): 1 / (1·√2) = 1/√2;  opposite vectors: -1;  orthogonal: 0
    assert cosine_similarity(np.array([1.0, 0.0]), np.array([1.0, 1.0])) == pytest.approx(1 / math.sqrt(2), rel=1e-15)
    assert cosine_similarity(np.array([3.0, -4.0]), np.array([-6.0, 8.0])) == pytest.approx(-1.0, rel=1e-15)
    assert cosine_similarity(np.array([2.0, 0.0]), np.array([0.0, 5.0])) == 0.0


def test_cosine_ignores_length_but_not_direction():
    a, b = RNG.normal(size=4), RNG.normal(size=4)
    np.testing.assert_allclose(cosine_similarity(7.5 * a, 0.1 * b), cosine_similarity(a, b), rtol=1e-13)
    np.testing.assert_allclose(cosine_similarity(-a, b), -cosine_similarity(a, b), rtol=1e-13)


def test_cosine_gradient_matches_torch_autograd():
    a = torch.tensor(RNG.normal(size=(3, 5)), requires_grad=True)
    b = torch.tensor(RNG.normal(size=(3, 5)), requires_grad=True)
    cosine_similarity(a, b).sum().backward()
    a_ref, b_ref = a.detach().clone().requires_grad_(True), b.detach().clone().requires_grad_(True)
    F.cosine_similarity(a_ref, b_ref, dim=-1).sum().backward()
    np.testing.assert_allclose(a.grad.numpy(), a_ref.grad.numpy(), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(b.grad.numpy(), b_ref.grad.numpy(), rtol=1e-12, atol=1e-15)


def test_cosine_zero_vector_raises_naming_position():
    a = np.array([[1.0, 2.0], [0.0, 0.0]])
    with pytest.raises(ValueError, match=r"b: expected non-zero vectors.*index \(1,\)"):
        cosine_similarity(np.ones((2, 2)), a)
    with pytest.raises(ValueError, match="a: expected non-zero vectors"):
        cosine_similarity(torch.zeros(3), torch.ones(3))


def test_cosine_shape_errors_name_expected_and_received():
    with pytest.raises(ValueError, match=r"b: expected shape \(\.\.\., 3\).*got shape \(4,\)"):
        cosine_similarity(np.ones(3), np.ones(4))
    with pytest.raises(ValueError, match=r"expected leading axes that broadcast, got shapes \(2, 3\) and \(4, 3\)"):
        cosine_similarity(np.ones((2, 3)), np.ones((4, 3)))
    with pytest.raises(ValueError, match=r"a: expected shape \(\.\.\., d\).*shape \(\)"):
        cosine_similarity(np.float64(1.0), np.ones(1))


def test_cosine_dtype_errors():
    with pytest.raises(TypeError, match="a: expected a floating-point array.*got dtype int64"):
        cosine_similarity(np.array([1, 2], dtype=np.int64), np.ones(2))
    with pytest.raises(TypeError, match="b: expected a floating-point tensor.*got dtype torch.int64"):
        cosine_similarity(torch.ones(2), torch.tensor([1, 2]))
    with pytest.raises(TypeError, match="expected both NumPy arrays or both torch tensors, got ndarray and Tensor"):
        cosine_similarity(np.ones(2), torch.ones(2))


# ---- normalize ---------------------------------------------------------------------------------

def test_normalize_matches_torch_and_makes_unit_vectors():
    x = RNG.normal(size=(7, 3)) * RNG.uniform(0.1, 10, size=(7, 1))
    got = normalize(x)
    np.testing.assert_allclose(got, F.normalize(torch.from_numpy(x), dim=-1).numpy(), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(np.linalg.norm(got, axis=-1), 1.0, rtol=1e-14)


def test_normalize_by_hand_and_errors():
    # (3, 4) has length 5 -> (0.6, 0.8)
    np.testing.assert_allclose(normalize(np.array([3.0, 4.0])), [0.6, 0.8], rtol=1e-15)
    with pytest.raises(ValueError, match=r"x: expected non-zero vectors.*index \(0,\)"):
        normalize(np.zeros((1, 3)))
    with pytest.raises(TypeError, match="x: expected a floating-point array"):
        normalize(np.array([1, 2]))


def test_unit_vectors_make_dot_euclid_and_cosine_one_ranking():
    # ‖â - b̂‖² = ‖â‖² + ‖b̂‖² - 2 â·b̂ = 2 - 2 cos(a, b)
    q, m = RNG.normal(size=4), RNG.normal(size=(10, 4)) * RNG.uniform(0.1, 10, size=(10, 1))
    qh, mh = normalize(q), normalize(m)
    cos = cosine_similarity(q, m)
    np.testing.assert_allclose(mh @ qh, cos, rtol=1e-13)
    np.testing.assert_allclose(np.sum((mh - qh) ** 2, axis=-1), 2 - 2 * cos, rtol=1e-12, atol=1e-14)


# ---- nearest_neighbours ------------------------------------------------------------------------

def test_nearest_by_hand():
    # query (1, 0); rows: (1, 1) cos 1/√2 ≈ 0.707, (0, 2) cos 0, (-1, 0) cos -1, (3, 0.3) cos 3/√9.09 ≈ 0.995
    m = np.array([[1.0, 1.0], [0.0, 2.0], [-1.0, 0.0], [3.0, 0.3]])
    idx, scores = nearest_neighbours(np.array([1.0, 0.0]), m, k=3)
    np.testing.assert_array_equal(idx, [3, 0, 1])
    np.testing.assert_allclose(scores, [3 / math.sqrt(9.09), 1 / math.sqrt(2), 0.0], rtol=1e-14, atol=1e-15)
    idx, _ = nearest_neighbours(np.array([1.0, 0.0]), m, k=2, exclude=[3])
    np.testing.assert_array_equal(idx, [0, 1])


def test_nearest_matches_torch_topk_batched():
    m = RNG.normal(size=(50, 6))
    q = RNG.normal(size=(4, 6))
    idx, scores = nearest_neighbours(q, m, k=5)
    all_cos = F.cosine_similarity(torch.from_numpy(q)[:, None, :], torch.from_numpy(m)[None], dim=-1)
    ref_scores, ref_idx = torch.topk(all_cos, k=5, dim=-1)
    assert idx.shape == scores.shape == (4, 5)
    np.testing.assert_array_equal(idx, ref_idx.numpy())
    np.testing.assert_allclose(scores, ref_scores.numpy(), rtol=1e-12, atol=1e-15)


def test_nearest_exclude_own_row_and_ties_keep_lower_index():
    m = np.array([[1.0, 0.0], [2.0, 0.0], [0.0, 1.0], [5.0, 0.0]])
    idx, scores = nearest_neighbours(m[1], m, k=2, exclude=[1])
    np.testing.assert_array_equal(idx, [0, 3])  # rows 0 and 3 tie at cos 1: lower index first
    np.testing.assert_allclose(scores, [1.0, 1.0], rtol=1e-15)


def test_nearest_accepts_torch_tensors():
    m = torch.randn(8, 3, dtype=torch.float64, requires_grad=True)
    idx, _ = nearest_neighbours(m[2], m, k=1)
    assert idx.tolist() == [2]


def test_nearest_excludes_a_single_row_given_as_an_int_even_row_0():
    m = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]])
    assert nearest_neighbours(m[0], m, k=2, exclude=0)[0].tolist() == [1, 2]
    assert nearest_neighbours(m[0], m, k=2, exclude=np.int64(0))[0].tolist() == [1, 2]
    assert nearest_neighbours(m[0], m, k=1, exclude=[0, 0])[0].tolist() == [1]


def test_nearest_accepts_an_excluded_zero_row():
    m = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0]])  # row 0 as an embedding's padding row
    idx, scores = nearest_neighbours(np.array([1.0, 0.1]), m, k=2, exclude=[0])
    assert idx.tolist() == [1, 2] and np.isfinite(scores).all()
    with pytest.raises(ValueError, match=r"matrix: expected non-zero vectors.*index \(0,\)"):
        nearest_neighbours(np.array([1.0, 0.1]), m, k=2)


def test_nearest_refuses_non_finite_values():
    m = np.eye(3)
    with pytest.raises(ValueError, match=r"^query: expected finite values, got nan at index \(0,\)$"):
        nearest_neighbours(np.array([np.nan, 1.0, 0.0]), m, k=2)
    with pytest.raises(ValueError, match=r"^matrix: expected finite values, got inf at index \(1, 2\)$"):
        nearest_neighbours(np.ones(3), np.array([[1.0, 0, 0], [0, 1.0, np.inf]]), k=1)


@pytest.mark.parametrize("exclude", [[-1], [0, -4], -1])
def test_a_negative_exclude_index_is_refused_not_counted_from_the_end(exclude):
    """exclude holds row indices in [0, n - 1]: a negative index is an IndexError naming it, never a row counted
    from the end (which would silently drop a real neighbour)."""
    m = np.array([[1.0, 0.0], [0.9, 0.1], [0.0, 1.0], [0.5, 0.5]])
    with pytest.raises(IndexError, match=r"^exclude: expected row indices in \[0, 3\], got -\d at position"):
        nearest_neighbours(m[0], m, k=1, exclude=exclude)


def test_nearest_errors():
    m = np.ones((4, 3))
    with pytest.raises(ValueError, match=r"k: expected an integer in \[1, 3\].*got 4"):
        nearest_neighbours(np.ones(3), m, k=4, exclude=[0])
    with pytest.raises(ValueError, match=r"k: expected an integer in \[1, 4\].*got 0"):
        nearest_neighbours(np.ones(3), m, k=0)
    with pytest.raises(ValueError, match=r"query: expected shape \(\.\.\., 3\).*got shape \(2,\)"):
        nearest_neighbours(np.ones(2), m, k=1)
    with pytest.raises(ValueError, match=r"matrix: expected shape \(n, d\) with n >= 1 rows, got shape \(3,\)"):
        nearest_neighbours(np.ones(3), np.ones(3), k=1)
    with pytest.raises(ValueError, match=r"query: expected shape \(d,\) or \(q, d\), got shape \(1, 1, 3\)"):
        nearest_neighbours(np.ones((1, 1, 3)), m, k=1)
    with pytest.raises(IndexError, match=r"^exclude: expected row indices in \[0, 3\], got 7 at position \(1,\)$"):
        nearest_neighbours(np.ones(3), m, k=1, exclude=[0, 7])
    with pytest.raises(ValueError, match=r"^exclude: expected at least one row of matrix left to return, got all 4 rows excluded$"):
        nearest_neighbours(np.ones(3), m, k=1, exclude=range(4))
    with pytest.raises(ValueError, match=r"matrix: expected non-zero vectors.*index \(2,\)"):
        nearest_neighbours(np.ones(3), np.array([[1.0, 0, 0], [0, 1.0, 0], [0, 0, 0]]), k=1)
    with pytest.raises(TypeError, match="matrix: expected a floating-point array.*int64"):
        nearest_neighbours(np.ones(3), np.ones((4, 3), dtype=np.int64), k=1)


# ---- sentence_vector ---------------------------------------------------------------------------

def test_sentence_vector_by_hand():
    # rows (1, 2), (3, 4), (5, 0): sum (9, 6), mean (3, 2)
    x = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 0.0]])
    np.testing.assert_array_equal(sentence_vector(x, how="sum"), [9.0, 6.0])
    np.testing.assert_array_equal(sentence_vector(x), [3.0, 2.0])


def test_sentence_vector_batched_torch_matches_torch_mean_and_keeps_grad():
    x = torch.randn(2, 5, 3, dtype=torch.float64, requires_grad=True)
    s = sentence_vector(x)
    assert s.shape == (2, 3)
    torch.testing.assert_close(s, x.mean(dim=1), rtol=1e-15, atol=1e-15)
    s.sum().backward()
    torch.testing.assert_close(x.grad, torch.full_like(x, 1 / 5))  # d mean / d x_t = 1/T


def test_sentence_vector_is_order_blind():
    x = RNG.normal(size=(6, 4))
    perm = RNG.permutation(6)
    assert not np.array_equal(x, x[perm])
    np.testing.assert_allclose(sentence_vector(x[perm]), sentence_vector(x), rtol=1e-13)


def test_sentence_vector_errors():
    with pytest.raises(ValueError, match=r"how: expected 'mean' or 'sum', got 'max'"):
        sentence_vector(np.ones((2, 3)), how="max")
    with pytest.raises(ValueError, match=r"expected shape \(\.\.\., T, d\) with T >= 1 tokens, got shape \(0, 3\)"):
        sentence_vector(np.ones((0, 3)))
    with pytest.raises(ValueError, match=r"got shape \(3,\)"):
        sentence_vector(np.ones(3))
    with pytest.raises(TypeError, match="token_vectors: expected a floating-point array"):
        sentence_vector(np.ones((2, 3), dtype=np.int32))
