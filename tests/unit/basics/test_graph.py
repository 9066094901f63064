"""neuralnlp.basics.graph: gradients against torch.autograd and against a hand-worked example."""

import math

import pytest
import torch

from neuralnlp.basics.graph import Value


def _torch_leaves(*numbers):
    return [torch.tensor(n, dtype=torch.float64, requires_grad=True) for n in numbers]


def test_neuron_matches_autograd():
    numbers = (2.0, -1.0, 0.5, -3.0, 0.25)  # x1, x2, w1, w2, b
    x1, x2, w1, w2, b = (Value(n) for n in numbers)
    y = (w1 * x1 + w2 * x2 + b).sigmoid()
    y.backward()

    tx1, tx2, tw1, tw2, tb = _torch_leaves(*numbers)
    ty = torch.sigmoid(tw1 * tx1 + tw2 * tx2 + tb)
    ty.backward()

    assert abs(y.data - ty.item()) < 1e-15
    for ours, ref in zip((x1, x2, w1, w2, b), (tx1, tx2, tw1, tw2, tb)):
        assert abs(ours.grad - ref.grad.item()) < 1e-15


def test_hand_worked_example():
    # f = (a*b + c) * d with a=2, b=-3, c=10, d=-2:
    # e = a*b = -6, g = e + c = 4, f = g*d = -8.
    # df/dg = d = -2; df/dc = df/dg * 1 = -2; df/de = -2;
    # df/da = df/de * b = -2 * -3 = 6; df/db = df/de * a = -2 * 2 = -4; df/dd = g = 4.
    a, b, c, d = Value(2.0), Value(-3.0), Value(10.0), Value(-2.0)
    f = (a * b + c) * d
    f.backward()
    assert f.data == -8.0
    assert (a.grad, b.grad, c.grad, d.grad) == (6.0, -4.0, -2.0, 4.0)


def test_a_new_node_has_no_gradient_yet():
    """The documented start: grad is 0.0 until backward() is called on an output, for leaves and computed nodes."""
    a = Value(2.0)
    assert a.grad == 0.0 and (a * 3.0).grad == 0.0 and a.inputs == () and a.local_grads == ()


def test_local_gradients_are_recorded_per_input():
    # d(a*b)/da = b = -3 and d(a*b)/db = a = 2
    a, b = Value(2.0), Value(-3.0)
    assert (a * b).local_grads == (-3.0, 2.0)


def test_reused_node_accumulates_gradient():
    # f = a*a + a, df/da = 2a + 1 = 7 at a = 3
    a = Value(3.0)
    f = a * a + a
    f.backward()
    assert a.grad == 7.0


def test_backward_twice_gives_same_gradients():
    a = Value(3.0)
    f = a * a
    f.backward()
    f.backward()
    assert a.grad == 6.0


def _every_op(a, b):
    """One expression using every operation of Value; works on Values and on torch tensors alike.

    The reflected operations need a plain number on the left: ``(1.0 - b)`` calls ``__rsub__``, while
    ``... + 1.0 - b`` would be ``(... + 1.0) - b`` and call ``__sub__`` twice.
    ``test_every_op_calls_every_operation`` checks that nothing is left out.
    """
    return (
        (a - b) / (a * 2.0 + 1.0)
        + (a**3) * b.exp()
        + (a.log() - b.tanh()) * (b.relu() + a.relu())
        + (-a).sigmoid()
        + 3.0 / (b - 2.0)
        + (1.0 - b) * (2.0 + a)
        + (a ** -0.5) * (2.0 * b)
        + 2.0 ** b
    )


# Every operation a Value defines; the dunder names include the reflected ones (2.0 + v, 1.0 - v, ...). Only
# ASCII names: mutation testing (make mutation) adds helper copies of each method under names like "xǁValueǁ...".
OPERATIONS = {name for name, member in vars(Value).items()
              if callable(member) and name.isascii() and name not in ("__init__", "__repr__", "backward")}


def test_every_op_calls_every_operation(monkeypatch):
    """The contract of ``_every_op``: it calls each operation of Value at least once, so the comparison with
    autograd below covers every forward and backward rule (a new operation joins OPERATIONS by itself)."""
    called = set()
    for name in OPERATIONS:
        def spy(self, *args, _name=name, _original=getattr(Value, name)):
            called.add(_name)
            return _original(self, *args)
        monkeypatch.setattr(Value, name, spy)
    _every_op(Value(1.3), Value(-0.7))
    assert called == OPERATIONS
    assert {"__radd__", "__rsub__", "__rmul__", "__rtruediv__", "__rpow__"} <= OPERATIONS


def test_every_op_matches_autograd():
    a0, b0 = 1.3, -0.7
    a, b = Value(a0), Value(b0)
    out = _every_op(a, b)
    out.backward()

    ta, tb = _torch_leaves(a0, b0)
    tout = _every_op(ta, tb)
    tout.backward()

    assert abs(out.data - tout.item()) < 1e-14
    assert abs(a.grad - ta.grad.item()) < 1e-13
    assert abs(b.grad - tb.grad.item()) < 1e-13


def test_each_node_records_the_operation_that_made_it():
    """The documented ``op`` of a node: "" for a leaf, else the operation that produced it (composite operations
    record the primitive ones they are built from: a - b is a + (b * -1.0))."""
    a, b = Value(2.0), Value(3.0)
    assert a.op == ""
    assert [(a + b).op, (a * b).op, (a ** 3).op, (a ** -0.5).op] == ["+", "*", "**3", "**-0.5"]
    assert [a.exp().op, a.log().op, a.tanh().op, a.sigmoid().op, a.relu().op] == ["exp", "log", "tanh", "sigmoid", "relu"]
    assert [(2.0 ** a).op, (-a).op, (a - b).op, (a / b).op, (1.0 - a).op] == ["2.0**", "*", "+", "*", "+"]


def test_a_node_used_twice_passes_its_gradient_on_once():
    """backward visits every node once however many paths lead to it: t = a·b used twice in f = t·t + t gives
    ∂f/∂t = 2t + 1 = 13 at a = 2, b = 3, so ∂f/∂a = 13·b = 39 and ∂f/∂b = 13·a = 26 (a repeated visit would add
    t's gradient to a and b again)."""
    a, b = Value(2.0), Value(3.0)
    t = a * b
    f = t * t + t
    f.backward()
    assert (f.data, t.grad, a.grad, b.grad) == (42.0, 13.0, 39.0, 26.0)


@pytest.mark.parametrize("x, value, derivative", [
    (0.5, -math.log(2.0), 2.0),         # log on (0, 1): negative, and allowed
    (0.0, 0.0, 0.0),                     # 0 ** 1.5 (below): allowed, derivative 1.5 · 0 ** 0.5 = 0
    (0.25, 0.125, 0.75),                 # 0.25 ** 1.5 = 0.125, derivative 1.5 · 0.5
])
def test_domain_boundaries_of_log_and_fractional_powers(x, value, derivative):
    """log accepts every x > 0; a fractional power accepts every base >= 0, 0 and bases below 1 included."""
    v = Value(x)
    out = v.log() if x == 0.5 else v ** 1.5
    out.backward()
    assert out.data == pytest.approx(value, abs=1e-15) and v.grad == pytest.approx(derivative, abs=1e-15)


def test_exp_accepts_the_largest_argument_that_does_not_overflow():
    """exp is refused only above ln(max float) = 709.78...: at that value itself e^x is still a finite float."""
    from neuralnlp.basics.graph import _MAX_EXP
    assert math.isfinite(Value(_MAX_EXP).exp().data)
    with pytest.raises(ValueError, match="for exp"):
        Value(math.nextafter(_MAX_EXP, math.inf)).exp()


@pytest.mark.parametrize("base, error", [(0, ValueError), (-2.0, ValueError), (True, TypeError), ("2", TypeError)])
def test_a_constant_base_must_be_a_number_above_zero(base, error):
    """base ** Value: a ValueError for a number <= 0 (0 included), a TypeError for anything that is not a number
    (a bool or a str), each naming the base."""
    with pytest.raises(error, match=r"^base: expected a constant number > 0 for base \*\* Value, got "):
        base ** Value(1.5)


def test_a_number_on_the_left_by_hand():
    """Reflected operations keep the operand order: c - v is c minus v (∂/∂v = −1), c / v is c over v
    (∂/∂v = −c/v²), and c + v, c * v are what v + c, v * c are."""
    cases = [  # (function of v, value at v = 4, derivative at v = 4)
        (lambda v: 1.0 - v, -3.0, -1.0),
        (lambda v: 2.0 + v, 6.0, 1.0),
        (lambda v: 3.0 * v, 12.0, 3.0),
        (lambda v: 2.0 / v, 0.5, -0.125),
        (lambda v: 2.0 ** v, 16.0, 16.0 * math.log(2.0)),
    ]
    for f, value, derivative in cases:
        v = Value(4.0)
        out = f(v)
        out.backward()
        assert out.data == value
        assert v.grad == pytest.approx(derivative, rel=1e-15)


@pytest.mark.parametrize("x", [-800.0, -30.0, -2.0, -0.5, 0.0, 0.5, 2.0, 800.0])
def test_sigmoid_and_tanh_for_large_inputs(x):
    for ours, ref in ((Value(x).sigmoid(), torch.sigmoid), (Value(x).tanh(), torch.tanh)):
        t = _torch_leaves(x)[0]
        ref(t).backward()
        ours.backward()
        assert math.isfinite(ours.data)
        assert math.isclose(ours.data, ref(t).item(), rel_tol=1e-14, abs_tol=1e-300)
        assert math.isclose(ours.inputs[0].grad, t.grad.item(), rel_tol=1e-14, abs_tol=1e-300)


@pytest.mark.parametrize("x", [1e-3, 0.5, 3.0])
def test_relu_gradient_is_one_for_every_positive_input(x):
    """relu's local gradient is 1 for every x > 0, small ones included (0 only at x <= 0, tested below)."""
    a = Value(x)
    a.relu().backward()
    assert a.grad == 1.0


def test_relu_gradient_at_zero_is_zero_like_torch():
    a = Value(0.0)
    a.relu().backward()
    t = _torch_leaves(0.0)[0]
    torch.relu(t).backward()
    assert a.grad == t.grad.item() == 0.0


def test_non_number_data_rejected():
    with pytest.raises(TypeError, match="data: expected a real number \\(int or float\\), got str"):
        Value("1.0")
    with pytest.raises(TypeError, match="got bool"):
        Value(True)
    with pytest.raises(TypeError, match="got list"):
        Value(1.0) + [2.0]


def test_value_exponent_rejected():
    with pytest.raises(TypeError, match="exponent: expected a constant int or float, got Value"):
        Value(2.0) ** Value(3.0)


def test_backward_walks_a_graph_far_deeper_than_the_recursion_limit():
    xs = [Value(float(i % 7)) for i in range(100_000)]
    total = Value(0.0)
    for x in xs:
        total = total + x * x  # a chain of 200,000 operations: a recursive walk fails near 1,000
    total.backward()
    assert all(x.grad == 2 * x.data for x in xs)


def test_a_constant_raised_to_a_value_matches_torch():
    a = Value(1.5)
    (2.0 ** a).backward()
    t = _torch_leaves(1.5)[0]
    (2.0 ** t).backward()
    assert math.isclose(a.grad, t.grad.item(), rel_tol=1e-14)


@pytest.mark.parametrize("make, error, message", [
    (lambda: Value(-1.0).log(), ValueError, "data: expected a value > 0 for log, got -1.0"),
    (lambda: Value(1000.0).exp(), ValueError, "data: expected a value <= 709.78 for exp"),
    (lambda: Value(0.0) ** -1, ZeroDivisionError, "data: expected a non-zero base for the negative exponent -1, got 0.0"),
    (lambda: Value(1.0) / 0, ZeroDivisionError, "other: expected a non-zero divisor, got 0.0"),
    (lambda: Value(-8.0) ** 0.5, ValueError, "data: expected a base >= 0 for the fractional exponent 0.5, got -8.0"),
    (lambda: (-2) ** Value(1.0), ValueError, "base: expected a constant number > 0 for base ** Value, got int -2"),
])
def test_math_errors_name_what_they_expected(make, error, message):
    with pytest.raises(error) as e:
        make()
    assert str(e.value).startswith(message)
