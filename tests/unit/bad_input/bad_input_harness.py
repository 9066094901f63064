"""Bad input against every public name of neuralnlp: cases, how an outcome is judged, and a counter.

A *case* is one public name, one kind of mistake, the argument that carries it, and a hypothesis
strategy that draws such mistakes (or, for ``kind="valid"``, inputs that must be accepted). Each
drawn input is called once and judged:

- ``clear``: the expected exception type, with a message ``"<arg>: expected <what>, got <what>"``
  that names the argument, says what was expected and shows what was received, and no argument
  changed in place;
- ``vague``: it raised, but another exception type, or a message that does not name the argument,
  the expectation or what was received (torch's and NumPy's own messages land here);
- ``silent``: a bad input returned a result, or changed an argument in place before raising;
- ``hang``: no answer within the time limit, or memory ran away (only the counter sees these;
  pytest stops the test with pytest-timeout);
- ``refused``: a valid input raised;
- ``ok``: a valid input was accepted (and its result passed the case's ``check``).

``python tests/unit/bad_input/bad_input_harness.py`` runs every case in a forked worker (one core,
address space capped, killed past its time limit) and prints the counts by class; with
``PYTHONPATH`` pointing at another checkout's ``src`` it counts that version.
"""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

KINDS = {
    "size": "sizes and counts: integers in a range (NumPy integers accepted)",
    "number": "numbers, probabilities and ranges",
    "finite": "NaN or inf where it would poison the result",
    "ids": "ids: integer dtype and in range, on every path into an embedding or output layer",
    "tokens": "token sequences versus strings versus lists of sequences",
    "shape": "shapes of main and secondary arguments (negatives, contexts, wrapped modules)",
    "empty": "empty batches: an error, never nan",
    "dtype": "dtype mismatches: both dtypes named",
    "device": "device mismatches: both devices named",
    "kind": "the wrong kind of argument: None, a str, a module, a seed where a generator is needed",
    "valid": "valid inputs that must be accepted",
}
CLASSES = ("clear", "vague", "silent", "hang", "refused", "ok")
BAD_CLASSES = ("clear", "vague", "silent", "hang")  # outcomes of a bad input
SETTINGS = dict(deadline=None, derandomize=True, database=None, print_blob=False,
                suppress_health_check=list(HealthCheck))


@dataclass(frozen=True)
class Case:
    """One public name, one kind of mistake (or of valid input), drawn by ``draw``.

    call: value -> (function, args, kwargs), the call to make with the drawn value.
    error: the exception type expected (or value -> type); None for a valid case.
    expected: the text that must follow "expected" in the message (or value -> text).
    got: the text that must follow "got" in the message (or value -> text).
    check: for a valid case, check(result, value) -> bool.
    """

    name: str
    kind: str
    arg: str
    draw: Any
    call: Callable
    error: Any = None
    expected: Any = ""
    got: Any = ""
    check: Callable | None = None
    examples: int = 12
    timeout: float = 60.0
    note: str = field(default="", compare=False)

    def __post_init__(self):
        assert self.kind in KINDS, self.kind
        assert (self.error is None) == (self.kind == "valid"), self

    @property
    def id(self) -> str:
        return f"{self.name}:{self.kind}:{self.arg}{':' + self.note if self.note else ''}"


def resolve(value_or_function, value):
    return value_or_function(value) if callable(value_or_function) and not isinstance(value_or_function, type) \
        else value_or_function


# ---- nothing changed in place ----------------------------------------------------------------------

def snapshot(obj, depth: int = 0):
    """A copy of everything a call could change in place: arrays, tensors (and their grads), module
    parameters and buffers, containers, random generators' states, and the attributes of objects."""
    import torch

    if isinstance(obj, np.ndarray):
        return ("array", obj.copy())
    if isinstance(obj, torch.Tensor):
        if obj.device.type == "meta":
            return ("meta", tuple(obj.shape), obj.dtype)
        has_grad = (obj.is_leaf or obj.retains_grad) and obj.grad is not None  # a non-leaf's .grad warns
        grad = obj.grad.detach().clone() if has_grad else None
        return ("tensor", obj.detach().clone(), grad)
    if isinstance(obj, torch.nn.Module):
        state = {k: snapshot(v, depth + 1) for k, v in obj.state_dict(keep_vars=True).items()}
        return ("module", state, snapshot({k: v for k, v in vars(obj).items() if not k.startswith("_")}, depth + 1))
    if isinstance(obj, np.random.Generator):
        return ("rng", repr(obj.bit_generator.state))
    if isinstance(obj, torch.Generator):
        return ("torch-rng", obj.get_state().clone())
    if isinstance(obj, dict):
        return ("dict", {k: snapshot(v, depth + 1) for k, v in obj.items()})
    if isinstance(obj, (list, tuple)):
        return (type(obj).__name__, [snapshot(v, depth + 1) for v in obj])
    if obj is None or isinstance(obj, (str, bytes, int, float, complex, np.generic, type)) or callable(obj) \
            and not hasattr(obj, "__dict__"):
        return ("value", obj)
    if hasattr(obj, "__dict__") and depth < 4:
        return ("object", type(obj), {k: snapshot(v, depth + 1) for k, v in vars(obj).items()})
    return ("opaque", id(obj))


def same(a, b) -> bool:
    import torch

    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return a.shape == b.shape and a.dtype == b.dtype and np.array_equal(a, b, equal_nan=a.dtype.kind in "fc")
    if isinstance(a, torch.Tensor):
        return a.shape == b.shape and a.dtype == b.dtype and a.layout == b.layout and (
            torch.equal(a.to_dense(), b.to_dense()) if a.is_sparse else
            bool(((a == b) | (a.isnan() & b.isnan()) if a.is_floating_point() else (a == b)).all()))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, (float, np.floating)) and math.isnan(a):  # NaN is itself, unchanged
        return isinstance(b, (float, np.floating)) and math.isnan(b)
    try:
        return bool(a == b)
    except Exception:  # objects that cannot be compared: as long as they are the same object
        return a is b


# ---- judging one call --------------------------------------------------------------------------------

@dataclass
class Outcome:
    cls: str
    detail: str = ""


def _message(error: BaseException) -> str:
    if isinstance(error, KeyError) and error.args:
        return str(error.args[0])
    return str(error)


def message_problem(case: Case, value, error: BaseException) -> str:
    """What is missing from the message of ``error`` ("" if it is clear)."""
    msg = _message(error)
    head = f"{case.arg}: expected "
    if not msg.startswith(head):
        return f"does not start with {head!r}"
    rest = msg[len(head):]
    expected = resolve(case.expected, value)
    got_at = rest.find("got ")
    if got_at < 0:
        return "does not say what it got"
    if expected and expected not in rest[:got_at]:
        return f"does not say it expected {expected!r}"
    got = resolve(case.got, value)
    if got and got not in rest[got_at:]:
        return f"does not show what it got, {got!r}"
    return ""


def judge(case: Case, value) -> Outcome:
    """Call the case with ``value`` once and classify what happened."""
    try:
        function, args, kwargs = case.call(value)
    except MemoryError:
        raise
    except Exception as error:  # noqa: BLE001 - e.g. a method this version of the library does not have
        cls = "refused" if case.kind == "valid" else "vague"
        return Outcome(cls, f"the call could not be made: {type(error).__name__}: {_message(error)[:300]}")
    watched = (getattr(function, "__self__", None), args, kwargs)
    before = snapshot(watched)
    try:
        result = function(*args, **kwargs)
    except MemoryError:
        raise  # runaway memory: the counter's worker reports it as a hang
    except Exception as error:  # noqa: BLE001 - every exception is judged
        changed = not same(before, snapshot(watched))
        if case.kind == "valid":
            return Outcome("refused", f"{type(error).__name__}: {_message(error)}")
        expected_type = resolve(case.error, value)
        description = f"{type(error).__name__}: {_message(error)[:300]}"
        if changed:
            return Outcome("silent", f"changed an argument in place before raising {description}")
        if type(error) is not expected_type:
            return Outcome("vague", f"expected {expected_type.__name__}, got {description}")
        problem = message_problem(case, value, error)
        return Outcome("vague", f"{problem}: {description}") if problem else Outcome("clear")
    if case.kind != "valid":
        return Outcome("silent", f"returned {_short(result)}")
    if case.check is not None and not case.check(result, value):
        return Outcome("refused", f"accepted but the result fails the case's check: {_short(result)}")
    return Outcome("ok")


def _short(value) -> str:
    text = repr(value)
    return text if len(text) < 200 else text[:197] + "..."


# ---- strategies shared by the chapters ----------------------------------------------------------------

def not_an_integer():
    """Values that are not integers: floats (3.0 too), strings, None, bools, lists, complex numbers."""
    return st.one_of(st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=3), st.none(),
                     st.booleans(), st.just([3]), st.just(3 + 0j), st.just(np.float64(3.0)))


def bad_sizes(minimum: int = 1, maximum: int | None = None):
    """Integers out of [minimum, maximum] (NumPy integers among them) and values that are not integers."""
    out_of_range = st.integers(min_value=-10**6, max_value=minimum - 1)
    if maximum is not None:
        out_of_range = out_of_range | st.integers(min_value=maximum + 1, max_value=maximum + 10**6)
    numpy_out = out_of_range.map(np.int64)
    return st.one_of(out_of_range, numpy_out, not_an_integer())


def size_error(value):
    from numbers import Integral

    return ValueError if isinstance(value, Integral) and not isinstance(value, (bool, np.bool_)) else TypeError


def size_got(value):
    """What the message must show for a bad size: the number, or the type of what is not a number."""
    from numbers import Integral

    if isinstance(value, Integral) and not isinstance(value, (bool, np.bool_)):
        return str(int(value))
    return type(value).__name__


def not_a_number():
    return st.one_of(st.text(max_size=3), st.none(), st.booleans(), st.just([1.0]), st.just(1j), st.just({}))


def bad_reals(minimum=None, maximum=None, min_open=False, max_open=False, finite=True):
    """Real numbers outside the range, NaN (and inf when ``finite``), and values that are not numbers."""
    parts = [st.just(math.nan), not_a_number()]
    if finite:
        parts += [st.just(math.inf), st.just(-math.inf)]
    if minimum is not None:
        parts += [st.floats(max_value=minimum, exclude_max=not min_open, allow_nan=False, allow_infinity=False),
                  st.floats(minimum - 1e6, minimum - 1).map(np.float32), st.just(int(minimum) - 1)]
    if maximum is not None:
        parts += [st.floats(min_value=maximum, exclude_min=not max_open, allow_nan=False, allow_infinity=False),
                  st.floats(maximum + 1, maximum + 1e6).map(np.float64)]
    return st.one_of(*parts)


def real_error(value):
    from numbers import Real

    return ValueError if isinstance(value, Real) and not isinstance(value, (bool, np.bool_)) else TypeError


def real_got(value):
    """What the message must show for a bad number: the number itself, or the type of a non-number."""
    from numbers import Integral, Real

    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Real):
        return type(value).__name__
    if isinstance(value, Integral):
        return str(int(value))
    return repr(float(value))


def poisoned(shape, dtype=np.float64):
    """(array, index, bad value): a float array of ``shape`` with one NaN, inf or -inf at a drawn index."""
    @st.composite
    def draw(pick):
        arr = np.asarray(pick(st.lists(st.floats(-3, 3), min_size=int(np.prod(shape)),
                                            max_size=int(np.prod(shape)))), dtype=dtype).reshape(shape)
        where = tuple(pick(st.integers(0, n - 1)) for n in shape)
        bad = pick(st.sampled_from([math.nan, math.inf, -math.inf]))
        arr[where] = bad
        return arr, where, bad
    return draw()


def finite_got(drawn) -> str:
    _, where, bad = drawn
    return f"got {float(bad)} at index {where}"


def ids_out_of_range(size: int, shape, *, torch_tensor: bool = True, dtype=None):
    """(ids, position, bad id): integer ids of ``shape`` in [0, size) but one, negative or >= size."""
    @st.composite
    def draw(pick):
        flat = pick(st.lists(st.integers(0, size - 1), min_size=int(np.prod(shape)), max_size=int(np.prod(shape))))
        ids = np.asarray(flat, dtype=np.int64).reshape(shape)
        where = tuple(pick(st.integers(0, n - 1)) for n in shape)
        bad = pick(st.one_of(st.integers(-10**6, -1), st.integers(size, size + 10**6), st.sampled_from([-1, -100, size])))
        ids[where] = bad
        if torch_tensor:
            import torch

            ids = torch.as_tensor(ids) if dtype is None else torch.as_tensor(ids, dtype=dtype)
        return ids, where, bad
    return draw()


def ids_got(drawn) -> str:
    _, where, bad = drawn
    return f"got {bad} at position {where}"


def non_integer_ids(shape, torch_tensor: bool = True):
    """Ids of a float or bool dtype, and token strings where ids were expected."""
    import torch

    n = int(np.prod(shape))
    floats = st.lists(st.floats(0, 3, allow_nan=False), min_size=n, max_size=n).map(lambda v: np.asarray(v).reshape(shape))
    bools = st.lists(st.booleans(), min_size=n, max_size=n).map(lambda v: np.asarray(v).reshape(shape))
    arrays = st.one_of(floats, bools, floats.map(lambda a: a.astype(np.float32)))
    if torch_tensor:
        arrays = st.one_of(arrays.map(torch.as_tensor), arrays)
    words = st.lists(st.sampled_from(["the", "cat", "sat"]), min_size=n, max_size=n).map(
        lambda v: np.asarray(v, dtype=object).reshape(shape).tolist())
    return st.one_of(arrays, words)


def dtype_got(value) -> str:
    if isinstance(value, list):
        return "list"
    return f"dtype {value.dtype}"


# ---- case constructors ---------------------------------------------------------------------------------

def range_text(minimum=None, maximum=None, min_open=False, max_open=False) -> str:
    if minimum is None and maximum is None:
        return ""
    if minimum is not None and maximum is not None:
        return f"in {'(' if min_open else '['}{minimum}, {maximum}{')' if max_open else ']'}"
    if minimum is not None:
        return f"{'>' if min_open else '>='} {minimum}"
    return f"{'<' if max_open else '<='} {maximum}"


def size_case(name, arg, call, minimum=1, maximum=None, optional=False, **kw) -> Case:
    """A size or count: integers out of range and values that are not integers (None too, unless ``optional``)."""
    draw = bad_sizes(minimum, maximum)
    if optional:
        draw = draw.filter(lambda v: v is not None)
    return Case(name, "size", arg, draw, call, error=size_error,
                expected=f"an integer {range_text(minimum, maximum)}", got=size_got, **kw)


def number_case(name, arg, call, minimum=None, maximum=None, min_open=False, max_open=False, finite=True,
                kind="number", **kw) -> Case:
    """A real number in a range: numbers out of it, NaN (and inf), and values that are not numbers."""
    return Case(name, kind, arg, bad_reals(minimum, maximum, min_open, max_open, finite), call, error=real_error,
                expected=range_text(minimum, maximum, min_open, max_open), got=real_got, **kw)


def finite_case(name, arg, shape, call, dtype=np.float64, **kw) -> Case:
    """An array with one NaN, inf or -inf; ``call`` receives the array."""
    return Case(name, "finite", arg, poisoned(shape, dtype), lambda d: call(d[0]), error=ValueError,
                expected="finite values", got=finite_got, **kw)


def ids_case(name, arg, size, shape, call, torch_tensor=True, what="", **kw) -> Case:
    """Ids with one out of [0, size): ``call`` receives the ids."""
    return Case(name, "ids", arg, ids_out_of_range(size, shape, torch_tensor=torch_tensor), lambda d: call(d[0]),
                error=IndexError, expected=f"{what + ' ' if what else ''}in [0, {size - 1}]", got=ids_got, **kw)


def id_dtype_case(name, arg, shape, call, torch_tensor=True, **kw) -> Case:
    """Ids of a float or bool dtype, or words where ids were expected."""
    return Case(name, "ids", arg, non_integer_ids(shape, torch_tensor), call, error=TypeError, expected="integer",
                got=dtype_got, note=kw.pop("note", "dtype"), **kw)


def float_dtype_case(name, arg, shape, call, **kw) -> Case:
    """Integer or bool arrays where floats were expected (``call`` receives the array)."""
    arrays = st.sampled_from([np.int64, np.int32, np.bool_, np.uint8]).map(lambda t: np.zeros(shape, dtype=t))
    return Case(name, "dtype", arg, arrays, call, error=TypeError, expected="a floating-point array",
                got=lambda a: f"dtype {a.dtype}", **kw)


def kind_case(name, arg, values, call, error=TypeError, expected="", got=lambda v: type(v).__name__, **kw) -> Case:
    """Values of the wrong kind (``values``: a list or a strategy)."""
    draw = values if isinstance(values, st.SearchStrategy) else st.sampled_from(values)
    return Case(name, "kind", arg, draw, call, error=error, expected=expected, got=got, **kw)


def valid_case(name, arg, values, call, check=None, **kw) -> Case:
    draw = values if isinstance(values, st.SearchStrategy) else st.sampled_from(values)
    return Case(name, "valid", arg, draw, call, check=check, **kw)


# ---- running every case ----------------------------------------------------------------------------

def run_case(case: Case) -> list[Outcome]:
    """Every example hypothesis draws for ``case``, judged (never fails)."""
    outcomes = []

    @settings(max_examples=case.examples, **SETTINGS)
    @given(st.data())
    def explore(data):
        value = data.draw(case.draw)
        outcomes.append(judge(case, value))

    explore()
    return outcomes


WORST_FIRST = ("hang", "silent", "refused", "vague", "clear", "ok")


def worst(outcomes: list[Outcome]) -> Outcome:
    return min(outcomes, key=lambda o: WORST_FIRST.index(o.cls))


def _child(case_index: int, connection, memory_limit: int) -> None:
    import resource

    import torch

    torch.set_num_threads(1)
    resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    try:
        outcome = worst(run_case(all_cases()[case_index]))
    except MemoryError:
        outcome = Outcome("hang", "memory ran away (MemoryError under the address-space cap)")
    except Exception as error:  # noqa: BLE001 - a case that cannot even be built counts as its failure
        outcome = Outcome("vague", f"the case could not run: {type(error).__name__}: {error}")
    connection.send((outcome.cls, outcome.detail))
    connection.close()


def all_cases() -> list[Case]:
    """Every ``CASES`` list of the ``bad_input_cases_*.py`` files next to this one, in file-name order."""
    import importlib

    files = sorted(Path(__file__).parent.glob("bad_input_cases_*.py"))
    return [case for file in files for case in importlib.import_module(file.stem).CASES]


def count(memory_limit: int = 6 * 2**30, verbose: bool = False) -> dict:
    """Run every case in its own forked worker; return {class: number of cases} and print the non-clear ones."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    counts = dict.fromkeys(CLASSES, 0)
    by_kind: dict = {}
    for i, case in enumerate(all_cases()):
        receive, send = context.Pipe(duplex=False)
        worker = context.Process(target=_child, args=(i, send, memory_limit))
        worker.start()
        send.close()
        if receive.poll(case.timeout):
            try:
                cls, detail = receive.recv()
            except EOFError:
                cls, detail = "hang", "the worker died without an answer (memory ran away or it crashed)"
        else:
            cls, detail = "hang", f"no answer within {case.timeout:g} s"
        if worker.is_alive():
            worker.kill()  # the worker this loop started, by its own handle
        worker.join()
        counts[cls] += 1
        by_kind.setdefault(case.kind, dict.fromkeys(CLASSES, 0))[cls] += 1
        if verbose or cls not in ("clear", "ok"):
            print(f"{cls:8s} {case.id}  {detail[:240]}", flush=True)
    return {"total": counts, "by_kind": by_kind}


if __name__ == "__main__":
    sys.path.insert(0, __file__.rsplit("/", 1)[0])
    result = count(verbose="-v" in sys.argv)
    total, by_kind = result["total"], result["by_kind"]
    valid = by_kind.get("valid", dict.fromkeys(CLASSES, 0))
    bad = {cls: total[cls] - valid[cls] for cls in CLASSES}
    print(f"\n{len(all_cases())} cases: {sum(bad.values())} of bad input, {sum(valid.values())} of valid input")
    print(f"{'class':8s} {'bad input':>9s} {'valid input':>11s}")
    for cls in CLASSES:
        print(f"{cls:8s} {bad[cls]:9d} {valid[cls]:11d}")
    print("\nby kind:", *(f"{k:7s} " + " ".join(f"{c}={n}" for c, n in v.items() if n) for k, v in sorted(result["by_kind"].items())), sep="\n")
