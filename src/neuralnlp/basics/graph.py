"""A tiny computational graph of scalars with reverse-mode automatic differentiation.

In the spirit of karpathy/micrograd. Every operation creates a new ``Value`` node and records, next
to its forward result, the local gradient ∂out/∂input for each input. ``backward()`` then visits the
nodes from the output back to the leaves and applies the chain rule at each one:

    downstream gradient = upstream gradient × local gradient

where the upstream gradient is ∂L/∂out, already known when the node is reached, and the downstream
gradient ∂L/∂input is added to the input's ``grad`` (added, because an input used twice receives a
contribution from each use). The results match ``torch.autograd`` on scalars.
"""

from __future__ import annotations

import math
from numbers import Real

from neuralnlp._checks import brief

_MAX_EXP = math.log(1.7976931348623157e308)  # e^x overflows a float above this (709.78...)


class Value:
    """A scalar node of a computational graph.

    Attributes:
        data: the number computed by the forward pass.
        grad: ∂L/∂data after ``L.backward()`` has been called on an output L (0.0 before).
        inputs: the nodes this one was computed from (empty for a leaf).
        local_grads: ∂data/∂input for each input, in the same order, computed in the forward pass.
        op: the operation that produced this node ("" for a leaf).
    """

    def __init__(self, data, inputs=(), local_grads=(), op: str = ""):
        if isinstance(data, bool) or not isinstance(data, Real):
            raise TypeError(f"data: expected a real number (int or float), got {brief(data)}")
        self.data = float(data)
        self.grad = 0.0
        self.inputs = tuple(inputs)
        self.local_grads = tuple(local_grads)
        self.op = op

    def __repr__(self) -> str:
        return f"Value({self.data:.4f}, grad={self.grad:.4f}, op={self.op!r})"

    # --8<-- [start:ops]
    # Each operation: forward value, then the local gradient with respect to each input.
    def __add__(self, other):
        other = _as_value(other)
        return Value(self.data + other.data, (self, other), (1.0, 1.0), "+")

    def __mul__(self, other):
        other = _as_value(other)
        return Value(self.data * other.data, (self, other), (other.data, self.data), "*")

    def __pow__(self, exponent):
        _check_power(self.data, exponent)
        return Value(self.data**exponent, (self,), (exponent * self.data ** (exponent - 1),), f"**{exponent}")

    def exp(self):
        """e^x; its local gradient is e^x."""
        _check_domain(self.data <= _MAX_EXP, f"a value <= {_MAX_EXP:.2f} for exp (e^x overflows a float above it)", self)
        e = math.exp(self.data)
        return Value(e, (self,), (e,), "exp")

    def log(self):
        """ln x; its local gradient is 1/x."""
        _check_domain(self.data > 0, "a value > 0 for log", self)
        return Value(math.log(self.data), (self,), (1.0 / self.data,), "log")

    def tanh(self):
        """tanh x; its local gradient is 1 − tanh²x."""
        t = math.tanh(self.data)
        return Value(t, (self,), (1.0 - t * t,), "tanh")

    def sigmoid(self):
        """σ(x); its local gradient is σ(x)(1 − σ(x))."""
        e = math.exp(-abs(self.data))  # never overflows, whatever the sign
        s = 1.0 / (1.0 + e) if self.data >= 0 else e / (1.0 + e)
        return Value(s, (self,), (s * (1.0 - s),), "sigmoid")

    def relu(self):
        """max(x, 0); its local gradient is 1 for x > 0, else 0."""
        return Value(max(self.data, 0.0), (self,), (1.0 if self.data > 0 else 0.0,), "relu")
    # --8<-- [end:ops]

    # Composite operations reuse the ones above, so they need no backward rule of their own.
    def __neg__(self):
        return self * -1.0

    def __sub__(self, other):
        return self + (-_as_value(other))

    def __truediv__(self, other):
        other = _as_value(other)
        if other.data == 0:
            raise ZeroDivisionError(f"other: expected a non-zero divisor, got {other.data}")
        return self * other ** -1

    def __radd__(self, other):
        return self + other

    def __rmul__(self, other):
        return self * other

    def __rsub__(self, other):
        return _as_value(other) - self

    def __rtruediv__(self, other):
        return _as_value(other) / self

    def __rpow__(self, base):
        """base ** x for a constant base > 0: e^(x ln base); its local gradient is base^x · ln base."""
        if isinstance(base, bool) or not isinstance(base, Real) or not base > 0:
            raise (ValueError if isinstance(base, Real) and not isinstance(base, bool) else TypeError)(
                f"base: expected a constant number > 0 for base ** Value, got {brief(base)}")
        out = base**self.data
        return Value(out, (self,), (out * math.log(base),), f"{base}**")

    # --8<-- [start:backward]
    def backward(self) -> None:
        """Set ``grad`` of every node this one depends on to ∂self/∂node (and self.grad to 1).

        Gradients are reset first, so calling it twice gives the same result (torch would add up).
        """
        order, seen = [], set()
        stack = [(self, False)]  # an explicit stack, not recursion: graphs can be deeper than Python's limit
        while stack:  # depth-first: a node is appended after all of its inputs
            node, inputs_done = stack.pop()
            if inputs_done:
                order.append(node)
            elif id(node) not in seen:
                seen.add(id(node))
                stack.append((node, True))
                stack.extend((child, False) for child in reversed(node.inputs))
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):  # every upstream gradient is complete before it is used
            for child, local in zip(node.inputs, node.local_grads):
                child.grad += node.grad * local  # downstream = upstream × local
    # --8<-- [end:backward]


def _as_value(x) -> Value:
    if isinstance(x, Value):
        return x
    if isinstance(x, bool) or not isinstance(x, Real):
        raise TypeError(f"other: expected a Value or a real number (int or float), got {brief(x)}")
    return Value(x)


def _check_domain(ok: bool, expected: str, node: Value) -> None:
    if not ok:
        raise ValueError(f"data: expected {expected}, got {node.data}")


def _check_power(base: float, exponent) -> None:
    if isinstance(exponent, bool) or not isinstance(exponent, Real):
        raise TypeError(f"exponent: expected a constant int or float, got {brief(exponent)}")
    if not math.isfinite(exponent):
        raise ValueError(f"exponent: expected a finite constant, got {exponent}")
    if base == 0 and exponent < 0:
        raise ZeroDivisionError(f"data: expected a non-zero base for the negative exponent {exponent}, got 0.0")
    if base < 0 and exponent != int(exponent):
        raise ValueError(f"data: expected a base >= 0 for the fractional exponent {exponent}, got {base}")
