"""Reading a ``.safetensors`` file with NumPy alone: a length, a JSON header, raw little-endian arrays.

The format (Hugging Face's, used to ship most models today) is:

1. 8 bytes: N, the length of the header, an unsigned 64-bit little-endian integer;
2. N bytes: a JSON object mapping each tensor's name to ``{"dtype": "F32", "shape": [30522, 384],
   "data_offsets": [begin, end]}``, and optionally ``"__metadata__"`` to a dict of strings;
3. the data: the bytes of each tensor, C order, little-endian, at [begin, end) counted from the
   end of the header.

Nothing is executed while reading, unlike a pickled PyTorch checkpoint. ``read_safetensors``
returns one NumPy array per tensor (bfloat16, which NumPy lacks, is widened to float32); the tests
compare it with the ``safetensors`` package on the MiniLM file and check every malformed file is
refused with an error that says what is wrong.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from neuralnlp._checks import check_path

# The format's dtype names -> little-endian NumPy dtypes ("BF16" is handled apart: NumPy has none)
DTYPES = {"F64": "<f8", "F32": "<f4", "F16": "<f2", "I64": "<i8", "I32": "<i4", "I16": "<i2", "I8": "i1",
          "U8": "u1", "BOOL": "?"}


def _bfloat16_to_float32(raw: np.ndarray) -> np.ndarray:
    """bfloat16 is the top half of a float32: shift the 16 bits up and read them as float32."""
    return (raw.astype("<u4") << 16).view("<f4")


# --8<-- [start:read]
def read_safetensors(path: str | Path) -> dict[str, np.ndarray]:
    """Every tensor of a ``.safetensors`` file, as NumPy arrays keyed by name (``__metadata__`` left out).

    Raises:
        FileNotFoundError: no file at ``path``.
        ValueError: the file is not a well-formed safetensors file: too short, a header length past
            the end, a header that is not a JSON object, an unknown dtype, or a tensor whose byte
            range does not match its shape or lies outside the data (the message names it).
    """
    check_path(path, "path")
    data = bytearray(Path(path).read_bytes())  # writable, so torch.from_numpy can share the memory
    if len(data) < 8:
        raise ValueError(f"path: expected at least 8 bytes (the header length), got {len(data)} in {path}")
    header_length = int.from_bytes(data[:8], "little")
    if 8 + header_length > len(data):
        raise ValueError(f"path: expected a header of {header_length} bytes after the first 8, "
                         f"got a file of {len(data)} bytes ({path})")
    try:
        header = json.loads(data[8 : 8 + header_length])
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"path: expected a JSON header, got bytes that do not parse ({error}) in {path}") from None
    if not isinstance(header, dict):
        raise ValueError(f"path: expected a JSON object as header, got {type(header).__name__} in {path}")
    buffer = memoryview(data)[8 + header_length :]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        try:
            dtype, shape, (begin, end) = info["dtype"], list(info["shape"]), info["data_offsets"]
        except (TypeError, KeyError, ValueError):
            raise ValueError(f"{name}: expected {{'dtype', 'shape', 'data_offsets': [begin, end]}}, got {info!r}") from None
        if dtype not in DTYPES and dtype != "BF16":
            raise ValueError(f"{name}: expected a dtype among {sorted([*DTYPES, 'BF16'])}, got {dtype!r}")
        itemsize = 2 if dtype == "BF16" else np.dtype(DTYPES[dtype]).itemsize
        expected_bytes = int(np.prod(shape, dtype=np.int64)) * itemsize
        if not 0 <= begin <= end <= len(buffer) or end - begin != expected_bytes:
            raise ValueError(f"{name}: expected {expected_bytes} bytes for {dtype} {shape} within the "
                             f"{len(buffer)} bytes of data, got data_offsets [{begin}, {end}]")
        raw = np.frombuffer(buffer[begin:end], dtype="<u2" if dtype == "BF16" else DTYPES[dtype])
        tensors[name] = (_bfloat16_to_float32(raw) if dtype == "BF16" else raw).reshape(shape)
    return tensors
# --8<-- [end:read]


def read_safetensors_header(path: str | Path) -> dict:
    """The JSON header alone: name → {"dtype", "shape", "data_offsets"} (and ``__metadata__``).

    Raises:
        FileNotFoundError: no file at ``path``.
        ValueError: the first 8 bytes announce a header longer than the file, or the header is not a JSON object.
    """
    check_path(path, "path")
    size = Path(path).stat().st_size
    with open(path, "rb") as f:
        start = f.read(8)
        length = int.from_bytes(start, "little") if len(start) == 8 else 0
        data = start + f.read(min(length, max(size - 8, 0)))
    return _header(data, path, size)[1]


def _header(data: bytes, path, size: int) -> tuple[int, dict]:
    """(N, the header) from the first 8 + N bytes of a file of ``size`` bytes; the checks of ``read_safetensors``."""
    if size < 8:
        raise ValueError(f"path: expected at least 8 bytes (the header length), got {size} in {path}")
    header_length = int.from_bytes(data[:8], "little")
    if 8 + header_length > size:
        raise ValueError(f"path: expected a header of {header_length} bytes after the first 8, "
                         f"got a file of {size} bytes ({path})")
    try:
        header = json.loads(bytes(data[8 : 8 + header_length]))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"path: expected a JSON header, got bytes that do not parse ({error}) in {path}") from None
    if not isinstance(header, dict):
        raise ValueError(f"path: expected a JSON object as header, got {type(header).__name__} in {path}")
    return header_length, header
