"""neuralnlp.basics.activations against torch (values), torch.autograd (derivatives) and hand-worked numbers."""

import math
import warnings

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from neuralnlp.basics import activations as A

RNG = np.random.default_rng(0)
# Covers both tails (saturation), the bend around 0, and 0 itself, where ReLU's derivative is a convention.
X64 = np.concatenate([np.linspace(-12.0, 12.0, 97), RNG.normal(scale=3.0, size=50), [0.0]])
X32 = X64.astype(np.float32)

# (ours, torch reference) for every element-wise function with a torch counterpart.
VALUE_PAIRS = [
    (A.sigmoid, torch.sigmoid),
    (A.tanh, torch.tanh),
    (A.relu, torch.relu),
    (A.gelu, lambda t: F.gelu(t, approximate="none")),
    (A.gelu_tanh, lambda t: F.gelu(t, approximate="tanh")),
    (A.standard_normal_cdf, torch.special.ndtr),
    (A.standard_normal_pdf, lambda t: torch.exp(torch.distributions.Normal(0.0, 1.0).log_prob(t))),
    (A.identity, lambda t: t),
]
GRAD_PAIRS = [
    (A.sigmoid_grad, torch.sigmoid),
    (A.tanh_grad, torch.tanh),
    (A.relu_grad, torch.relu),
    (A.gelu_grad, lambda t: F.gelu(t, approximate="none")),
]
ALL_ELEMENTWISE = [f for f, _ in VALUE_PAIRS] + [f for f, _ in GRAD_PAIRS] + [A.gelu_sigmoid]
ALL_SOFTMAX = [A.softmax, A.naive_softmax, A.log_softmax]


def _name(f):
    return f.__name__


@pytest.mark.parametrize("ours, ref", VALUE_PAIRS, ids=[_name(f) for f, _ in VALUE_PAIRS])
def test_values_match_torch_float64(ours, ref):
    expected = ref(torch.from_numpy(X64)).numpy()
    np.testing.assert_allclose(ours(X64), expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("ours, ref", VALUE_PAIRS, ids=[_name(f) for f, _ in VALUE_PAIRS])
def test_values_match_torch_float32_and_keep_dtype(ours, ref):
    got = ours(X32)
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, ref(torch.from_numpy(X32)).numpy(), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("grad, f", GRAD_PAIRS, ids=[_name(g) for g, _ in GRAD_PAIRS])
def test_derivatives_match_autograd(grad, f):
    t = torch.from_numpy(X64.copy()).requires_grad_(True)
    f(t).sum().backward()  # d/dx_i of sum_j f(x_j) is f'(x_i)
    np.testing.assert_allclose(grad(X64), t.grad.numpy(), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("grad, f", GRAD_PAIRS, ids=[_name(g) for g, _ in GRAD_PAIRS])
def test_derivatives_float32_keep_dtype(grad, f):
    t = torch.from_numpy(X32.copy()).requires_grad_(True)
    f(t).sum().backward()
    got = grad(X32)
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, t.grad.numpy(), rtol=1e-6, atol=1e-6)


def test_relu_derivative_at_zero_is_zero_like_torch():
    t = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    torch.relu(t).sum().backward()
    assert t.grad.item() == 0.0
    assert A.relu_grad(np.array([0.0]))[0] == 0.0


def test_hand_worked_values():
    # sigmoid(0) = 1/(1+1) = 0.5; sigmoid'(0) = 0.5·0.5 = 0.25, the largest slope sigmoid has.
    assert A.sigmoid(np.array(0.0)) == 0.5
    assert A.sigmoid_grad(np.array(0.0)) == 0.25
    # tanh'(0) = 1 − 0² = 1; tanh(x) = 2σ(2x) − 1 at x = 0.7: 2/(1+e^(−1.4)) − 1.
    assert A.tanh_grad(np.array(0.0)) == 1.0
    assert abs(A.tanh(np.array(0.7)) - (2.0 / (1.0 + math.exp(-1.4)) - 1.0)) < 1e-15
    # ReLU keeps positives, zeroes negatives: [-2, 0, 3] -> [0, 0, 3], slopes [0, 0, 1].
    np.testing.assert_array_equal(A.relu(np.array([-2.0, 0.0, 3.0])), [0.0, 0.0, 3.0])
    np.testing.assert_array_equal(A.relu_grad(np.array([-2.0, 0.0, 3.0])), [0.0, 0.0, 1.0])
    # GELU(1) = 1·Φ(1) = ½(1 + erf(1/√2)); GELU'(0) = Φ(0) + 0 = 0.5.
    assert abs(A.gelu(np.array(1.0)) - 0.5 * (1.0 + math.erf(1.0 / math.sqrt(2.0)))) < 1e-15
    assert A.gelu_grad(np.array(0.0)) == 0.5


def test_gelu_sigmoid_hand_worked():
    # x·σ(1.702x) = x / (1 + e^(−1.702x)):
    #   x = 0  -> 0 / 2 = 0
    #   x = 1  -> 1 / (1 + e^(−1.702))
    #   x = −2 -> −2 / (1 + e^(3.404))
    x = np.array([0.0, 1.0, -2.0])
    expected = [0.0, 1.0 / (1.0 + math.exp(-1.702)), -2.0 / (1.0 + math.exp(3.404))]
    np.testing.assert_allclose(A.gelu_sigmoid(x), expected, rtol=1e-14, atol=0)
    # 1/(1 + e^(−1.702)) = 1/1.18232... ≈ 0.8458, a little above Φ(1) ≈ 0.8413: close, not equal.
    assert abs(A.gelu_sigmoid(np.array(1.0)) - 0.8458) < 1e-4
    assert abs(A.gelu_sigmoid(np.array(1.0)) - A.gelu(np.array(1.0))) > 1e-3


def test_gelu_sigmoid_float32_keeps_dtype():
    x = np.array([1.0, -2.0], dtype=np.float32)
    got = A.gelu_sigmoid(x)
    assert got.dtype == np.float32
    np.testing.assert_allclose(got, [1.0 / (1.0 + math.exp(-1.702)), -2.0 / (1.0 + math.exp(3.404))], rtol=1e-6)


def test_gelu_approximations_are_close_but_not_exact():
    # Known sizes: the tanh form is off by < 5e-4 on [−6, 6], the sigmoid form by about 0.02.
    tanh_err = A.max_abs_error(A.gelu_tanh, A.gelu).max_abs_error
    sigmoid_err = A.max_abs_error(A.gelu_sigmoid, A.gelu).max_abs_error
    assert 1e-4 < tanh_err < 5e-4
    assert 0.015 < sigmoid_err < 0.025


def test_normal_cdf_keeps_relative_accuracy_in_the_left_tail():
    # 1 + erf(x/√2) rounds to 0 below x ≈ −8 (torch.special.ndtr on CPU returns 0.0 at −10), so the
    # reference here is published values of Φ (e.g. R's pnorm(-5), pnorm(-10), 17 digits).
    x = np.array([-5.0, -10.0])
    np.testing.assert_allclose(A.standard_normal_cdf(x), [2.866515718791939e-07, 7.619853024160527e-24], rtol=1e-12, atol=0)
    # Cross-check by hand with the asymptotic series Φ(−x) ≈ φ(x)/x·(1 − 1/x² + 3/x⁴ − 15/x⁶):
    # at x = 10: e^(−50)/√(2π)/10 · 0.990285 ≈ 7.61985e-24.
    assert abs(A.standard_normal_cdf(np.array(-10.0)) / 7.61985e-24 - 1.0) < 1e-5


def test_sigmoid_does_not_overflow():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow in np.exp would be a RuntimeWarning
        np.testing.assert_array_equal(A.sigmoid(np.array([-1000.0, 1000.0])), [0.0, 1.0])


def test_scalars_work():
    assert float(A.standard_normal_cdf(0.0)) == 0.5
    assert float(A.gelu(0.0)) == 0.0


# ---- max_abs_error --------------------------------------------------------------------------


def test_max_abs_error_hand_worked():
    # grid [−1, 0, 1, 2]; |x − 0| = [1, 0, 1, 2]: max 2 at x = 2.
    assert A.max_abs_error(lambda x: x, np.zeros_like, start=-1.0, stop=2.0, num=4) == (2.0, 2.0)
    # grid [−3, −2, −1, 0, 1]; |x² − 1| = [8, 3, 0, 1, 0]: max 8 at x = −3.
    assert A.max_abs_error(lambda x: x**2, np.ones_like, start=-3.0, stop=1.0, num=5) == (8.0, -3.0)
    # grid [−2, −1, 0, 1, 2]; |x| = [2, 1, 0, 1, 2]: a tie, the smallest x (−2) is reported.
    assert A.max_abs_error(np.abs, np.zeros_like, start=-2.0, stop=2.0, num=5) == (2.0, -2.0)


def test_max_abs_error_fields():
    result = A.max_abs_error(lambda x: 3 * x, lambda x: x, start=0.0, stop=1.0, num=3)
    # grid [0, 0.5, 1]; |3x − x| = [0, 1, 2]
    assert result.max_abs_error == 2.0 and result.at == 1.0


@pytest.mark.parametrize("kwargs, error, message", [
    ({"num": 1}, ValueError, "num: expected an integer >= 2, got 1"),
    ({"num": 2.5}, TypeError, "num: expected an integer >= 2, got float 2.5"),
    ({"start": 1.0, "stop": 1.0}, ValueError, "stop: expected a number > 1.0, got 1.0"),
])
def test_max_abs_error_rejects_bad_grid(kwargs, error, message):
    with pytest.raises(error) as e:
        A.max_abs_error(A.gelu_tanh, A.gelu, **kwargs)
    assert str(e.value) == message


def test_max_abs_error_rejects_output_of_wrong_shape():
    with pytest.raises(ValueError, match=r"approx: expected an output of shape \(5,\), like its input, got shape \(\)"):
        A.max_abs_error(lambda x: 0.0, A.gelu, num=5)
    with pytest.raises(ValueError, match=r"reference: expected an output of shape \(5,\).*got shape \(5, 1\)"):
        A.max_abs_error(A.gelu, lambda x: x[:, None], num=5)


# ---- softmax ---------------------------------------------------------------------------------


def test_softmax_and_log_softmax_match_torch_last_axis():
    x = RNG.normal(size=(4, 7))
    t = torch.from_numpy(x)
    np.testing.assert_allclose(A.softmax(x), torch.softmax(t, dim=-1).numpy(), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(A.log_softmax(x), torch.log_softmax(t, dim=-1).numpy(), rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("axis", [0, 1, -3])
def test_softmax_and_log_softmax_match_torch_other_axes(axis):
    x = RNG.normal(scale=5.0, size=(3, 4, 5))
    t = torch.from_numpy(x)
    np.testing.assert_allclose(A.softmax(x, axis=axis), torch.softmax(t, dim=axis).numpy(), rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(
        A.log_softmax(x, axis=axis), torch.log_softmax(t, dim=axis).numpy(), rtol=1e-12, atol=1e-15
    )
    np.testing.assert_allclose(A.softmax(x, axis=axis).sum(axis=axis), 1.0, rtol=1e-14)


def test_softmax_large_inputs_match_torch():
    x = np.array([[1000.0, 1001.0, 1002.0], [-1000.0, 0.0, 1000.0]])
    t = torch.from_numpy(x)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        np.testing.assert_allclose(A.softmax(x), torch.softmax(t, dim=-1).numpy(), rtol=1e-12, atol=1e-300)
        np.testing.assert_allclose(A.log_softmax(x), torch.log_softmax(t, dim=-1).numpy(), rtol=1e-12, atol=0)
    # log_softmax stays finite where log(softmax) would give log(0) = −inf: −1000 − 1000 = −2000.
    assert A.log_softmax(x)[1, 0] == -2000.0


def test_softmax_float32_matches_torch_and_keeps_dtype():
    x = RNG.normal(scale=10.0, size=(5, 6)).astype(np.float32)
    t = torch.from_numpy(x)
    assert A.softmax(x).dtype == np.float32 and A.log_softmax(x).dtype == np.float32
    np.testing.assert_allclose(A.softmax(x), torch.softmax(t, dim=-1).numpy(), rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(A.log_softmax(x), torch.log_softmax(t, dim=-1).numpy(), rtol=1e-6, atol=1e-6)


def test_softmax_hand_worked_and_shift_invariant():
    # softmax([0, ln 3]) = [1, 3] / 4 = [0.25, 0.75]; adding 1000 to both logits changes nothing.
    x = np.array([0.0, math.log(3.0)])
    np.testing.assert_allclose(A.softmax(x), [0.25, 0.75], rtol=1e-15)
    np.testing.assert_allclose(A.softmax(x + 1000.0), [0.25, 0.75], rtol=1e-12)


def test_naive_softmax_matches_on_small_inputs_and_overflows_on_large():
    x = RNG.normal(size=(3, 4))
    np.testing.assert_allclose(A.naive_softmax(x), torch.softmax(torch.from_numpy(x), dim=-1).numpy(), rtol=1e-12)
    np.testing.assert_allclose(A.naive_softmax(x, axis=0), torch.softmax(torch.from_numpy(x), dim=0).numpy(), rtol=1e-12)
    # e^1000 overflows to inf, and inf / inf is nan.
    assert np.isnan(A.naive_softmax(np.array([1000.0, 1001.0, 1002.0]))).all()


# ---- errors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("f", ALL_ELEMENTWISE + ALL_SOFTMAX, ids=_name)
@pytest.mark.parametrize("dtype", [np.int64, np.int32, np.bool_])
def test_integer_and_bool_inputs_raise_type_error_naming_dtype(f, dtype):
    x = np.array([1, 0, 1], dtype=dtype)
    with pytest.raises(TypeError) as e:
        f(x)
    message = str(e.value)
    assert message.startswith("x: expected a floating-point array")
    assert f"got dtype {np.dtype(dtype)}" in message


def test_python_int_list_raises_type_error():
    with pytest.raises(TypeError, match="got dtype int64"):
        A.sigmoid([1, 2, 3])
