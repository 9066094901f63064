"""Input validation shared by every module: errors name the argument, what was expected and what was received.

Every message has the form ``"<argument>: expected <what>, got <what>"``. One function per kind of
argument, used everywhere that kind of argument is accepted, so the same mistake gets the same
message on every path, and every check runs before anything is computed or changed:

- sizes and counts: ``check_int`` and ``check_positive_int`` (any ``numbers.Integral``, NumPy
  integers included; never ``bool`` or ``3.0``);
- numbers, probabilities and ranges: ``check_real`` (any ``numbers.Real``, or a 0-d array or tensor;
  NaN always refused, inf unless ``finite=False``); ``check_values_in`` and
  ``as_probability_array`` for whole arrays;
- finite values: ``check_finite`` (the first NaN or inf of an array, with its index);
  ``check_nonzero_rows`` (the first all-zero row, which has no cosine);
- choices, flags, callables, random generators, paths: ``check_choice``, ``check_bool``,
  ``check_callable``, ``check_numpy_generator``, ``as_numpy_generator`` (a seed or a Generator),
  ``check_torch_generator``, ``check_path``;
- arrays: ``as_float_array`` (floats only), ``as_real_array`` (integers or floats),
  ``as_count_array`` (word counts), ``check_last_dim``, ``check_shape`` (which also takes named
  axes such as ``(2, "k")``), ``check_same_shape``, ``check_nonempty``, and ``reduce_losses``
  (the mean of an empty batch is an error, never nan);
- ids: ``as_id_array`` (NumPy), ``as_id_tensor`` (torch) and ``check_class_indices``, the same
  checks on every path into an embedding or an output layer: an integer dtype, and every id in
  [0, size - 1], else ``IndexError`` naming the first bad id and its position;
- sequence lengths of a padded batch: ``as_lengths_tensor`` (one integer per row, each in
  [1, seq_len]: a zero length is an error);
- tokens and texts: ``check_tokens`` (one sequence of tokens, not a str, not a list of sentences),
  ``check_documents`` (a list of token lists, not a list of str), ``check_str`` (one text, or one
  character with ``length=1``) and ``check_texts`` (a list of texts, not a single str);
- tensors: ``check_float_tensor`` and ``check_tensor_shape`` (dtype and device of the parameters,
  both named when they differ), ``check_float_dtype``, ``as_bool_mask`` (a 0/1 or bool mask);
- objects: ``check_instance`` (a module, a config, a tokeniser: the class expected and the type received).

``brief`` names a received value: its type and a short repr. Exception types: ``TypeError`` for a
wrong kind of value or dtype, ``ValueError`` for a wrong value or shape, ``IndexError`` for an id
outside its table (``FileNotFoundError`` for a missing file).
"""

from __future__ import annotations

import math
import sys
from numbers import Integral, Real

import numpy as np

REDUCTIONS = ("mean", "sum", "none")


# ---- how a received value is named ---------------------------------------------------------------

def _is_tensor(x) -> bool:
    torch = sys.modules.get("torch")  # never imports torch: if it is not loaded, x is not a tensor
    return torch is not None and isinstance(x, torch.Tensor)


def brief(value, limit: int = 60) -> str:
    """The type of ``value`` and a short repr, as messages show what they received: ``str 'abc'``."""
    if isinstance(value, np.ndarray) or _is_tensor(value):
        return f"{type(value).__name__} of shape {tuple(value.shape)} dtype {value.dtype}"
    text = repr(value)
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return f"{type(value).__name__} {text}"


def _range_text(minimum, maximum, min_open: bool = False, max_open: bool = False) -> str:
    if minimum is not None and maximum is not None:
        return f"in {'(' if min_open else '['}{minimum}, {maximum}{')' if max_open else ']'}"
    if minimum is not None:
        return f"{'>' if min_open else '>='} {minimum}"
    if maximum is not None:
        return f"{'<' if max_open else '<='} {maximum}"
    return ""


def _shape_text(shape) -> str:
    inner = ", ".join(str(s) for s in shape)
    return f"({inner},)" if len(shape) == 1 else f"({inner})"


# ---- sizes and numbers -----------------------------------------------------------------------------

def check_int(value, name: str, minimum: int | None = None, maximum: int | None = None) -> int:
    """Return ``value`` as an ``int`` if it is an integer (any ``numbers.Integral``) in [minimum, maximum].

    Raises:
        TypeError: not an integer (``bool`` and floats such as 3.0 included).
        ValueError: outside the range.
    """
    expected = f"an integer {_range_text(minimum, maximum)}".rstrip()
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Integral):
        raise TypeError(f"{name}: expected {expected}, got {brief(value)}")
    if (minimum is not None and value < minimum) or (maximum is not None and value > maximum):
        raise ValueError(f"{name}: expected {expected}, got {int(value)}")
    return int(value)


def check_positive_int(value, name: str, minimum: int = 1) -> int:
    """Return ``value`` as an ``int`` if it is an integer (Python or NumPy) of at least ``minimum``.

    Raises:
        TypeError: not an integer (``bool`` and floats such as 3.0 included).
        ValueError: smaller than ``minimum``.
    """
    return check_int(value, name, minimum=minimum)


def check_real(value, name: str, minimum=None, maximum=None, *, min_open: bool = False, max_open: bool = False,
               finite: bool = True, what: str = "a number") -> float:
    """Return ``value`` as a ``float`` if it is a real number in the range given.

    Accepts any ``numbers.Real`` (NumPy scalars included, ``bool`` excluded) and 0-d arrays or
    tensors of a real dtype. NaN is always refused; inf too unless ``finite=False``.

    Raises:
        TypeError: not a real number.
        ValueError: NaN, inf (when ``finite``), or outside the range.
    """
    expected = f"{what} {_range_text(minimum, maximum, min_open, max_open)}".rstrip()
    number = None
    if isinstance(value, Real) and not isinstance(value, (bool, np.bool_)):
        number = float(value)
    elif (isinstance(value, np.ndarray) or _is_tensor(value)) and tuple(value.shape) == () \
            and str(value.dtype).split(".")[-1].startswith(("float", "int", "uint", "bfloat")):
        number = float(value.detach() if _is_tensor(value) else value)  # a loss that still requires grad
    if number is None:
        raise TypeError(f"{name}: expected {expected}, got {brief(value)}")
    if math.isnan(number) or (finite and math.isinf(number)):
        article, _, noun = what.partition(" ")
        qualified = f"{'a' if article in ('a', 'an') else article} {'finite' if finite else 'non-NaN'} {noun}"
        raise ValueError(f"{name}: expected {qualified} {_range_text(minimum, maximum, min_open, max_open)}".rstrip()
                         + f", got {number}")
    too_low = minimum is not None and (number <= minimum if min_open else number < minimum)
    too_high = maximum is not None and (number >= maximum if max_open else number > maximum)
    if too_low or too_high:
        raise ValueError(f"{name}: expected {expected}, got {value if isinstance(value, (int, float)) else number}")
    return number


def _same_choice(value, choice) -> bool:
    if isinstance(value, (bool, np.bool_)) != isinstance(choice, bool) or not isinstance(value, type(choice)):
        return False
    try:
        return bool(value == choice)
    except Exception:  # an array compared with a string
        return False


def check_choice(value, choices, name: str):
    """Return ``value`` if it is one of ``choices`` (same type, equal); ``ValueError`` naming them otherwise."""
    options = list(choices)
    if not any(_same_choice(value, choice) for choice in options):
        expected = f"{options[0]!r} or {options[1]!r}" if len(options) == 2 else f"one of {options}"
        got = repr(value) if isinstance(value, str) else brief(value)
        raise ValueError(f"{name}: expected {expected}, got {got}")
    return value


def check_callable(value, name: str, what: str = "a function"):
    """Return ``value`` if it can be called; ``TypeError`` otherwise."""
    if not callable(value):
        raise TypeError(f"{name}: expected {what}, got {brief(value)}")
    return value


def check_instance(value, cls, name: str, what: str | None = None):
    """Return ``value`` if it is an instance of ``cls`` (a class or a tuple of classes); ``TypeError`` otherwise."""
    if not isinstance(value, cls):
        if what is None:
            classes = cls if isinstance(cls, tuple) else (cls,)
            what = " or ".join(f"a {c.__module__}.{c.__qualname__}" for c in classes)
        raise TypeError(f"{name}: expected {what}, got {brief(value)}")
    return value


def check_bool(value, name: str) -> bool:
    """Return ``value`` if it is a ``bool`` (or NumPy bool); ``TypeError`` otherwise (a flag given as "no" is not False)."""
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name}: expected True or False, got {brief(value)}")
    return bool(value)


def check_path(path, name: str = "path", must_exist: str | None = "file"):
    """Return ``path`` if it is a path (``str`` or ``os.PathLike``) to an existing ``must_exist``
    ("file" or "directory"; None: not checked).

    Raises:
        TypeError: not a path.
        FileNotFoundError: nothing of that kind there.
    """
    import os

    if not isinstance(path, (str, os.PathLike)):
        raise TypeError(f"{name}: expected a path (str or pathlib.Path), got {brief(path)}")
    exists = {"file": os.path.isfile, "directory": os.path.isdir, None: lambda _: True}[must_exist]
    if not exists(path):
        raise FileNotFoundError(f"{name}: expected an existing {must_exist}, got {os.fspath(path)!r} (not found)")
    return path


def as_numpy_generator(seed_or_rng, name: str = "rng") -> np.random.Generator:
    """A ``numpy.random.Generator`` from a Generator (returned as is), a seed >= 0, or ``None``."""
    if seed_or_rng is None or isinstance(seed_or_rng, np.random.Generator):
        return np.random.default_rng(seed_or_rng)
    if isinstance(seed_or_rng, (bool, np.bool_)) or not isinstance(seed_or_rng, Integral) or seed_or_rng < 0:
        error = ValueError if isinstance(seed_or_rng, Integral) and not isinstance(seed_or_rng, bool) else TypeError
        raise error(f"{name}: expected a seed (an integer >= 0), a numpy.random.Generator or None, "
                    f"got {brief(seed_or_rng)}")
    return np.random.default_rng(int(seed_or_rng))


def check_numpy_generator(rng, name: str = "rng"):
    """Return ``rng`` if it is a ``numpy.random.Generator``; ``TypeError`` otherwise (an int seed included)."""
    if not isinstance(rng, np.random.Generator):
        raise TypeError(f"{name}: expected a numpy.random.Generator (np.random.default_rng(seed)), got {brief(rng)}")
    return rng


def check_torch_generator(generator, name: str = "generator"):
    """Return ``generator`` if it is ``None`` or a ``torch.Generator``; ``TypeError`` otherwise."""
    import torch

    if generator is not None and not isinstance(generator, torch.Generator):
        raise TypeError(f"{name}: expected a torch.Generator (torch.Generator().manual_seed(seed)) or None, "
                        f"got {brief(generator)}")
    return generator


def reduce_losses(losses: np.ndarray, reduction: str, name: str = "input"):
    """Apply torch's ``reduction``: ``"mean"``, ``"sum"`` or ``"none"`` (the per-sample losses).

    The mean of an empty batch is refused, naming the input ``name``, rather than returned as nan;
    its sum is 0 and its "none" an empty array, as in torch.
    """
    check_choice(reduction, REDUCTIONS, "reduction")
    if reduction == "mean":
        if losses.size == 0:
            raise ValueError(f"{name}: expected at least one sample to average over (reduction='mean'), "
                             f"got an empty batch")
        return losses.mean()
    return losses.sum() if reduction == "sum" else losses


# ---- NumPy arrays ---------------------------------------------------------------------------------

def _as_array(x, name: str) -> np.ndarray:
    if _is_tensor(x) and x.requires_grad:
        raise TypeError(f"{name}: expected a NumPy array, got a tensor that requires grad (call .detach() first)")
    try:
        return np.asarray(x)
    except (ValueError, TypeError) as error:  # ragged nested lists
        raise ValueError(f"{name}: expected a rectangular array (rows of equal length), got a ragged "
                         f"{type(x).__name__} ({str(error).split('.')[0]})") from None


def as_float_array(x, name: str = "x") -> np.ndarray:
    """Return ``x`` as a floating-point NumPy array, or raise ``TypeError`` naming the dtype received.

    Integer and boolean inputs are rejected rather than silently cast: an integer array usually
    means token ids or labels were passed where features were expected.
    """
    arr = _as_array(x, name)
    if not np.issubdtype(arr.dtype, np.floating):
        got = f"dtype {arr.dtype}" if arr.dtype.kind in "biuc" else brief(x)
        raise TypeError(f"{name}: expected a floating-point array (float32 or float64), got {got}")
    return arr


def as_real_array(x, name: str = "x") -> np.ndarray:
    """Return ``x`` as a float64 NumPy array if its values are real numbers (integers or floats, not bools)."""
    arr = _as_array(x, name)
    if arr.size == 0 and not isinstance(x, np.ndarray):
        arr = arr.astype(np.float64)
    if arr.dtype.kind not in "iuf":
        got = f"dtype {arr.dtype}" if arr.dtype.kind in "bc" else brief(x)
        raise TypeError(f"{name}: expected an array of real numbers (integers or floats), got {got}")
    return arr.astype(np.float64, copy=False)


def as_count_array(counts, name: str = "counts", min_length: int = 1, positive_total: bool = True) -> np.ndarray:
    """Return word counts as a float64 array (V,): 1-D, at least ``min_length`` long, finite and >= 0.

    Raises:
        TypeError: not numbers (strings, bools, None).
        ValueError: not 1-D, too short, NaN or inf, a negative count, or (``positive_total``) all zero.
    """
    counts = as_real_array(counts, name)
    if counts.ndim != 1 or len(counts) < min_length:
        raise ValueError(f"{name}: expected a 1-D array of at least {min_length} word counts, got shape {counts.shape}")
    check_finite(counts, name)
    if (counts < 0).any():
        where = int(np.argmax(counts < 0))
        raise ValueError(f"{name}: expected counts >= 0, got {counts[where]:g} at index {where}")
    if positive_total and counts.sum() <= 0:
        raise ValueError(f"{name}: expected a positive total count, got all {len(counts)} counts zero")
    return counts


def check_finite(arr, name: str) -> None:
    """Raise ``ValueError`` naming the first NaN or inf of ``arr`` (a NumPy array or a tensor) and its index."""
    if _is_tensor(arr):
        import torch

        bad = ~torch.isfinite(arr.detach())
        if bool(bad.any()):
            where = tuple(int(i) for i in bad.nonzero()[0])
            raise ValueError(f"{name}: expected finite values, got {float(arr[where])} at index {where}")
        return
    arr = np.asarray(arr)
    if arr.dtype.kind in "fc":
        bad = ~np.isfinite(arr)
        if bad.any():
            where = tuple(int(i) for i in np.argwhere(bad)[0])
            raise ValueError(f"{name}: expected finite values, got {arr[where]} at index {where}")


def check_nonzero_rows(arr, name: str) -> None:
    """Raise ``ValueError`` naming the first all-zero row of a 2-D array: it has no direction, so no cosine."""
    zero = ~np.asarray(arr).any(axis=-1)
    if zero.any():
        where = int(np.argmax(zero))
        raise ValueError(f"{name}: expected vectors with at least one non-zero value (a zero vector has no "
                         f"direction, so no cosine), got an all-zero row at index {where}")


def check_values_in(arr: np.ndarray, name: str, low: float, high: float) -> None:
    """Raise ``ValueError`` unless every value of ``arr`` lies in [low, high] (NaN counts as outside)."""
    if arr.size and not ((arr >= low) & (arr <= high)).all():
        raise ValueError(f"{name}: expected values in [{low}, {high}], got values in [{np.min(arr)}, {np.max(arr)}]")


def as_probability_array(x, name: str, ndim: int | None = None) -> np.ndarray:
    """Return ``x`` as a float array of probabilities, every value in [0, 1] (and ``ndim`` axes, if given)."""
    arr = as_float_array(x, name)
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name}: expected a {ndim}-D array of probabilities, got shape {arr.shape}")
    check_values_in(arr, name, 0, 1)
    return arr


def check_last_dim(arr, expected: int, name: str = "x") -> None:
    """Raise ``ValueError`` unless the last axis of ``arr`` has length ``expected``."""
    if arr.ndim == 0 or arr.shape[-1] != expected:
        raise ValueError(
            f"{name}: expected shape (..., {expected}) with {expected} features on the last axis, "
            f"got shape {tuple(arr.shape)}"
        )


def check_shape(arr, expected: tuple, name: str) -> None:
    """Raise ``ValueError`` unless ``arr.shape`` matches ``expected``.

    An entry of ``expected`` is a length, or a name such as ``"k"`` or ``"batch"`` that any length
    matches: ``check_shape(negatives, (2, "k"), "negatives")`` says "expected shape (2, k)".
    """
    shape = tuple(arr.shape)
    if len(shape) != len(expected) or any(isinstance(e, Integral) and e != s for e, s in zip(expected, shape)):
        raise ValueError(f"{name}: expected shape {_shape_text(expected)}, got shape {_shape_text(shape)}")


def check_same_shape(a, b, name_a: str, name_b: str) -> None:
    """Raise ``ValueError`` naming ``name_b`` unless ``b`` has the shape of ``a``."""
    if tuple(a.shape) != tuple(b.shape):
        raise ValueError(f"{name_b}: expected the shape of {name_a}, {tuple(a.shape)}, got shape {tuple(b.shape)}")


def check_nonempty(arr, name: str, axis: int = 0, what: str = "row") -> None:
    """Raise ``ValueError`` if ``arr`` has no entry along ``axis`` (an empty batch gives no mean, only nan)."""
    if arr.ndim == 0 or arr.shape[axis] == 0:
        raise ValueError(f"{name}: expected at least one {what}, got shape {tuple(arr.shape)}")


# ---- ids: token ids, class indices, rows ------------------------------------------------------------

def _id_range_error(ids, bad, size: int, name: str, what: str, size_name: str | None) -> IndexError:
    where = tuple(int(i) for i in (bad.nonzero()[0] if _is_tensor(bad) else np.argwhere(bad)[0]))
    table = f" ({size_name}={size})" if size_name else ""
    return IndexError(f"{name}: expected {what} in [0, {size - 1}]{table}, got {int(ids[where])} at position {where}")


def _integer_dtype_error(x, dtype, name: str, what: str, torch_names: bool) -> TypeError:
    if isinstance(dtype, np.dtype) and dtype.kind in "OUS":  # None, strings, mixed objects
        flat = np.asarray(x, dtype=object).reshape(-1)
        hint = " (encode tokens to ids first, e.g. with a Vocabulary)" if flat.size and isinstance(flat[0], str) else ""
        return TypeError(f"{name}: expected integer {what}, got {brief(x)}{hint}")
    kinds = " (torch.long or torch.int32)" if torch_names else ""
    return TypeError(f"{name}: expected integer {what}{kinds}, got dtype {dtype}")


def as_id_array(ids, size: int, name: str = "ids", what: str = "ids", size_name: str | None = None) -> np.ndarray:
    """Return ``ids`` as an int64 NumPy array after checking the dtype and that every id is in [0, size).

    An empty Python list counts as integer (``np.asarray([])`` would be float64).

    Raises:
        TypeError: a non-integer dtype (floats, bools, strings, None).
        IndexError: an id outside [0, size - 1], naming the first one and its position.
    """
    if _is_tensor(ids):
        if ids.is_floating_point() or ids.is_complex() or str(ids.dtype) == "torch.bool":
            raise _integer_dtype_error(ids, ids.dtype, name, what, torch_names=False)
        ids = ids.detach().cpu().numpy()
    arr = _as_array(ids, name)
    if arr.size == 0 and not isinstance(ids, np.ndarray):
        arr = arr.astype(np.int64)
    if arr.dtype.kind not in "iu":
        raise _integer_dtype_error(ids, arr.dtype, name, what, torch_names=False)
    bad = (arr < 0) | (arr >= size)
    if bad.any():
        raise _id_range_error(arr, bad, size, name, what, size_name)
    return arr.astype(np.int64, copy=False)


def as_id_tensor(ids, size: int, name: str = "ids", what: str = "ids", size_name: str | None = None,
                 padding: int | None = None, device=None):
    """Return ``ids`` as a ``torch.long`` tensor after checking the dtype and that every id is in [0, size).

    ``ids`` may be a tensor, a NumPy array or a (nested) list of ints; an empty list counts as
    integer. ``padding``: one more allowed value (such as -1) that marks "no id here".
    ``device``: the device the ids must be on (that of the table they index).

    Raises:
        TypeError: a non-integer dtype (floats, bools, strings, None).
        ValueError: a tensor on another device than ``device`` (both named).
        IndexError: an id outside [0, size - 1], naming the first one and its position.
    """
    import torch

    if not torch.is_tensor(ids):
        arr = _as_array(ids, name)
        if arr.size == 0 and not isinstance(ids, np.ndarray):
            arr = arr.astype(np.int64)
        if arr.dtype.kind not in "iu":
            raise _integer_dtype_error(ids, arr.dtype, name, what, torch_names=True)
        ids = torch.as_tensor(arr)
    if ids.is_floating_point() or ids.is_complex() or ids.dtype == torch.bool:
        raise _integer_dtype_error(ids, ids.dtype, name, what, torch_names=True)
    if device is not None and ids.device != torch.device(device):
        raise ValueError(f"{name}: expected a tensor on device {device} (the device of the table), got device {ids.device}")
    if ids.numel():
        low, high = torch.aminmax(ids)  # one pass; the mask of bad ids is built only for the message
        if int(high) >= size or int(low) < (0 if padding is None or padding >= 0 else padding):
            bad = (ids < 0) | (ids >= size)
            if padding is not None:
                bad &= ids != padding
            if bool(bad.any()):
                error = _id_range_error(ids, bad, size, name, what, size_name)
                if padding is not None:
                    error = IndexError(str(error).replace(f"[0, {size - 1}]", f"[0, {size - 1}] or {padding} for padding", 1))
                raise error
    return ids.long()


def as_lengths_tensor(lengths, batch_size: int, max_length: int, name: str = "lengths", device=None):
    """Return the true lengths of a padded batch as a ``torch.long`` tensor of shape (batch_size,).

    ``lengths`` may be a tensor, a NumPy array or a list of ints: one length per row of the batch,
    each in [1, max_length] (max_length is the padded sequence length); positions t >= lengths[b]
    are padding. A zero length is refused: an empty sequence has no last step to read a state
    from, and nothing to pool, average or classify.

    ``device=None``: any device is accepted and the result is on the CPU (where the recurrent
    layers index with it). Given a ``device`` (that of the batch), the lengths must be on it and
    stay there.

    Raises:
        TypeError: not integers (floats, bools, strings, None).
        ValueError: not one length per row, on another device than ``device``, or a length outside
            [1, max_length] (the first one and its position).
    """
    import torch

    if not torch.is_tensor(lengths):
        arr = _as_array(lengths, name)
        if arr.dtype.kind not in "iu":
            raise _integer_dtype_error(lengths, arr.dtype, name, "lengths", torch_names=True)
        lengths = torch.as_tensor(arr)
    if lengths.is_floating_point() or lengths.is_complex() or lengths.dtype == torch.bool:
        raise _integer_dtype_error(lengths, lengths.dtype, name, "lengths", torch_names=True)
    if tuple(lengths.shape) != (batch_size,):
        raise ValueError(f"{name}: expected shape ({batch_size},), one length per sequence of the batch, "
                         f"got shape {tuple(lengths.shape)}")
    if device is not None and lengths.device != torch.device(device):
        raise ValueError(f"{name}: expected a tensor on device {device} (the device of the batch), "
                         f"got device {lengths.device}")
    lengths = lengths.detach().long() if device is not None else lengths.detach().to("cpu", torch.long)
    bad = (lengths < 1) | (lengths > max_length)
    if bool(bad.any()):
        position = int(bad.nonzero()[0, 0])
        hint = " (an empty text: drop it before batching)" if int(lengths[position]) == 0 else ""
        raise ValueError(f"{name}: expected every length in [1, {max_length}] (the padded sequence length), "
                         f"got {int(lengths[position])} at position {position}{hint}")
    return lengths


def check_class_indices(target, n_classes: int, n_samples: int | None = None, name: str = "target") -> np.ndarray:
    """Return ``target`` as an int64 array of class indices in [0, n_classes), one per sample.

    Raises:
        TypeError: the indices are not integers.
        ValueError: not 1-D (or not ``n_samples`` long).
        IndexError: an index is out of range (the first one and its position are named).
    """
    arr = _as_array(target, name)
    if arr.size == 0 and not isinstance(target, np.ndarray):
        arr = arr.astype(np.int64)
    if arr.dtype.kind not in "iu":
        raise _integer_dtype_error(target, arr.dtype, name, "class indices", torch_names=False)
    if arr.ndim != 1 or (n_samples is not None and len(arr) != n_samples):
        expected = "(batch,)" if n_samples is None else f"({n_samples},)"
        raise ValueError(f"{name}: expected shape {expected}, one class index per sample, got shape {arr.shape}")
    return as_id_array(arr, n_classes, name, what="class indices")


# ---- tokens ------------------------------------------------------------------------------------------

def _not_a_token(token) -> bool:
    if isinstance(token, (list, tuple, set, dict, np.ndarray)) or _is_tensor(token):
        return True
    try:
        hash(token)
    except TypeError:
        return True
    return False


def check_tokens(tokens, name: str = "tokens", allow_str: bool = False, of: type | None = None) -> list:
    """Return ``tokens`` as a list if it is one sequence of tokens (strings or integer ids).

    A ``str`` is refused (iterating it would give characters) unless ``allow_str``; so is a list of
    lists (a batch of sentences where one sentence was expected). ``of=str`` also requires every
    token to be a string (words, not ids).

    Raises:
        TypeError: a str, something that is not iterable, or an element that is a sequence itself
            (or not of type ``of``).
    """
    if isinstance(tokens, (str, bytes)) and not allow_str:
        raise TypeError(f"{name}: expected a sequence of tokens such as ['the', 'cat'], got {brief(tokens)} "
                        f"(split it into tokens first, or pass list(text) for characters)")
    if (isinstance(tokens, np.ndarray) or _is_tensor(tokens)) and tokens.ndim != 1:
        raise ValueError(f"{name}: expected one sequence of tokens, shape (n,), got shape {tuple(tokens.shape)}")
    if tokens is None or not hasattr(tokens, "__iter__"):
        raise TypeError(f"{name}: expected a sequence of tokens such as ['the', 'cat'], got {brief(tokens)}")
    tokens = tokens.tolist() if isinstance(tokens, np.ndarray) or _is_tensor(tokens) else list(tokens)
    for position, token in enumerate(tokens):
        if _not_a_token(token):
            raise TypeError(f"{name}: expected a sequence of tokens (str or int), got {brief(token)} at position "
                            f"{position} (a list of sentences? pass one sentence at a time)")
        if of is not None and not isinstance(token, of):
            raise TypeError(f"{name}: expected a sequence of {of.__name__} tokens, got {brief(token)} at position "
                            f"{position}" + (" (decode ids to words first)" if isinstance(token, Integral) else ""))
    return tokens


def check_str(value, name: str = "text", length: int | None = None) -> str:
    """Return ``value`` if it is a ``str`` (of ``length`` characters, when given: ``length=1`` for one character).

    Raises:
        TypeError: not a str (bytes, None, a list of str included).
        ValueError: a str of another length.
    """
    what = "a str" if length is None else ("one character (a str of length 1)" if length == 1 else f"a str of length {length}")
    if not isinstance(value, str):
        hint = " (decode bytes first: data.decode('utf-8'))" if isinstance(value, (bytes, bytearray)) else ""
        raise TypeError(f"{name}: expected {what}, got {brief(value)}{hint}")
    if length is not None and len(value) != length:
        raise ValueError(f"{name}: expected {what}, got {brief(value)} of length {len(value)}")
    return value


def check_texts(texts, name: str = "texts", allow_empty: bool = False) -> list:
    """Return ``texts`` as a list of str: a single str is refused (iterating it would give characters).

    Raises:
        TypeError: ``texts`` is a str, not iterable, or holds something other than a str (named by its index).
        ValueError: no text at all (unless ``allow_empty``).
    """
    if isinstance(texts, (str, bytes)) or texts is None or not hasattr(texts, "__iter__") \
            or isinstance(texts, np.ndarray) and texts.ndim != 1 or _is_tensor(texts):
        hint = " (wrap one text in a list: [text])" if isinstance(texts, str) else ""
        raise TypeError(f"{name}: expected a list of texts (str), got {brief(texts)}{hint}")
    texts = list(texts)
    if not texts and not allow_empty:
        raise ValueError(f"{name}: expected at least one text, got an empty list")
    for position, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(f"{name}[{position}]: expected a str, got {brief(text)}"
                            + (" (a list of token lists? join the tokens first)" if isinstance(text, (list, tuple)) else ""))
    return texts


def check_documents(docs, name: str = "docs") -> list:
    """Return ``docs`` as a list of token lists, refusing a str, a list of str and a flat token list.

    Raises:
        TypeError: ``docs`` is a str or a list of str (untokenised text, or one document not wrapped
            in a list), or a document holds something other than tokens.
    """
    if isinstance(docs, (str, bytes)) or docs is None or not hasattr(docs, "__iter__"):
        raise TypeError(f"{name}: expected a list of token lists such as [['the', 'cat'], ['a', 'dog']], "
                        f"got {brief(docs)}")
    docs = list(docs)
    for position, doc in enumerate(docs):
        if isinstance(doc, (str, bytes)):
            raise TypeError(f"{name}: expected a list of token lists, got a list of str ({brief(doc)} at position "
                            f"{position}); tokenize each document first, or wrap one token list: [tokens]")
        if not all(isinstance(token, str) for token in doc):  # fast path: words
            check_tokens(doc, f"{name}[{position}]")
    return docs


# ---- torch tensors --------------------------------------------------------------------------------

def as_tensor_list(tensors, name: str = "parameters", element: str = "a torch.Tensor") -> list:
    """Return ``tensors`` (one tensor, or an iterable of tensors such as ``model.parameters()``) as a list.

    A module is refused (its ``parameters()`` was meant), and so are a str, a dict and a number.
    Every element must be a tensor; ``element`` says what kind (e.g. "a floating-point torch.Tensor").

    Raises:
        TypeError: not a tensor or an iterable of tensors, or an element that is not a tensor.
    """
    import torch

    if torch.is_tensor(tensors):
        return [tensors]
    if isinstance(tensors, (str, bytes, dict, torch.nn.Module)) or not hasattr(tensors, "__iter__"):
        hint = " (pass model.parameters())" if isinstance(tensors, torch.nn.Module) else ""
        raise TypeError(f"{name}: expected a tensor or an iterable of tensors such as model.parameters(), "
                        f"got {brief(tensors)}{hint}")
    tensors = list(tensors)
    for i, t in enumerate(tensors):
        if not torch.is_tensor(t):
            raise TypeError(f"{name}[{i}]: expected {element}, got {brief(t)}")
    return tensors


def check_float_tensor(x, name: str, dtype=None, device=None) -> None:
    """Raise unless ``x`` is a floating-point tensor (of ``dtype`` and on ``device``, when given).

    Raises:
        TypeError: not a tensor, not floating point, or another dtype (both dtypes are named).
        ValueError: on another device (both devices are named).
    """
    if not _is_tensor(x):
        raise TypeError(f"{name}: expected a floating-point torch.Tensor, got type {type(x).__name__}")
    if not x.is_floating_point():
        raise TypeError(f"{name}: expected a floating-point tensor (float32 or float64), got dtype {x.dtype}")
    if dtype is not None and x.dtype != dtype:
        raise TypeError(f"{name}: expected dtype {dtype} (the dtype of the parameters), got dtype {x.dtype}")
    if device is not None and x.device != device:
        raise ValueError(f"{name}: expected a tensor on device {device} (the device of the parameters), "
                         f"got device {x.device}")


def as_bool_mask(mask, name: str, shape: tuple | None = None):
    """Return a mask as a bool tensor: a bool tensor, or an integer or float tensor of 0s and 1s (True where 1).

    ``shape``: the shape it must have (entries may be names, as in ``check_shape``).

    Raises:
        TypeError: not a tensor, or a complex one.
        ValueError: another shape, or values other than 0 and 1 (the first one and its index named).
    """
    import torch

    if not torch.is_tensor(mask) or mask.is_complex():
        raise TypeError(f"{name}: expected a bool tensor or a tensor of 0s and 1s, got {brief(mask)}")
    if shape is not None:
        check_shape(mask, shape, name)
    if mask.dtype == torch.bool:
        return mask
    bad = (mask != 0) & (mask != 1)
    if bool(bad.any()):
        where = tuple(int(i) for i in bad.nonzero()[0])
        value = mask[where].item()
        raise ValueError(f"{name}: expected 0 (masked) or 1 (kept) everywhere, got {value} at index {where}")
    return mask != 0


def check_float_dtype(dtype, name: str = "dtype") -> None:
    """Raise ``TypeError`` unless ``dtype`` is ``None`` or a floating-point ``torch.dtype``."""
    import torch

    if dtype is not None and not (isinstance(dtype, torch.dtype) and dtype.is_floating_point):
        raise TypeError(f"{name}: expected a floating-point torch.dtype (torch.float32 or torch.float64) or None, "
                        f"got {brief(dtype)}")


def check_tensor_shape(x, expected: tuple, dtype, name: str, device=None) -> None:
    """TypeError / ValueError unless ``x`` is a float tensor of ``dtype`` and exactly the ``expected`` shape."""
    check_float_tensor(x, name, dtype, device)
    check_shape(x, expected, name)


# ---- hyper-parameters -----------------------------------------------------------------------------

def check_non_negative(value, name: str, what: str = "a number") -> float:
    """``check_real`` for a finite number >= 0 (a learning rate, a decay)."""
    return check_real(value, name, minimum=0, what=what)


def check_fraction(value, name: str, what: str = "a number") -> float:
    """``check_real`` for a number in [0, 1) (a beta, a dropout probability)."""
    return check_real(value, name, minimum=0, maximum=1, max_open=True, what=what)


def check_leaf_parameter(tensor, name: str) -> None:
    """Raise unless ``tensor`` is a floating-point leaf tensor, the kind an optimiser may update in place.

    A non-leaf tensor is the result of an operation (``w * 2``, ``w.double()``): updating it would
    not change the parameter it came from, and its ``.grad`` is never filled in.

    Raises:
        TypeError: not a tensor, or not floating-point.
        ValueError: not a leaf.
    """
    import torch

    if not torch.is_tensor(tensor):
        raise TypeError(f"{name}: expected a parameter (a torch.Tensor), got type {type(tensor).__name__}")
    if not tensor.is_floating_point():
        raise TypeError(f"{name}: expected a floating-point tensor (float32 or float64), got dtype {tensor.dtype}")
    if not tensor.is_leaf:
        raise ValueError(
            f"{name}: expected a leaf tensor (a model's parameter, or a tensor created with requires_grad=True), "
            f"got a non-leaf tensor computed by {type(tensor.grad_fn).__name__}"
        )
