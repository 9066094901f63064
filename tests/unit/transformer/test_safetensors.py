"""Our NumPy safetensors reader against the safetensors package, and every malformed file refused."""

import json
import struct

import numpy as np
import pytest
import torch
from safetensors.numpy import load_file
from safetensors.torch import save_file

from neuralnlp.transformer.safetensors import read_safetensors, read_safetensors_header
from neuralnlp.transformer.sentence_encoder import minilm_directory

pytestmark = pytest.mark.timeout(60)


def test_the_minilm_file_reads_exactly_as_the_safetensors_package_reads_it():
    path = minilm_directory() / "model.safetensors"
    ours, theirs = read_safetensors(path), load_file(str(path))
    assert ours.keys() == theirs.keys() and len(ours) == 104
    for name in theirs:
        assert ours[name].dtype == theirs[name].dtype and np.array_equal(ours[name], theirs[name]), name
    assert ours["embeddings.word_embeddings.weight"].shape == (30522, 384)
    assert read_safetensors_header(path)["__metadata__"] == {"format": "pt"}


def test_every_dtype_including_bfloat16(tmp_path):
    tensors = {"f64": torch.randn(2, 3, dtype=torch.float64), "f16": torch.randn(4, dtype=torch.float16),
               "bf16": torch.randn(3, 2).to(torch.bfloat16), "i64": torch.arange(5), "i8": torch.arange(-3, 3, dtype=torch.int8),
               "u8": torch.arange(4, dtype=torch.uint8), "bool": torch.tensor([True, False]), "scalar": torch.tensor(2.5)}
    save_file(tensors, tmp_path / "all.safetensors")
    ours = read_safetensors(tmp_path / "all.safetensors")
    for name, t in tensors.items():
        expected = t.float().numpy() if t.dtype == torch.bfloat16 else t.numpy()
        assert ours[name].shape == expected.shape and np.array_equal(ours[name], expected), name
    assert ours["bf16"].dtype == np.float32  # NumPy has no bfloat16: widened exactly


def _file(tmp_path, header, data=b"", length=None):
    raw = json.dumps(header).encode() if not isinstance(header, bytes) else header
    path = tmp_path / "bad.safetensors"
    path.write_bytes(struct.pack("<Q", len(raw) if length is None else length) + raw + data)
    return path


def test_malformed_files_are_refused(tmp_path):
    with pytest.raises(ValueError, match="expected at least 8 bytes"):
        read_safetensors(_write(tmp_path, b"abc"))
    with pytest.raises(ValueError, match="expected a header of 1000 bytes after the first 8, got a file of 10 bytes"):
        read_safetensors(_file(tmp_path, b"{}", length=1000))
    with pytest.raises(ValueError, match="expected a JSON header"):
        read_safetensors(_file(tmp_path, b"not json"))
    with pytest.raises(ValueError, match="expected a JSON object as header, got list"):
        read_safetensors(_file(tmp_path, [1, 2]))
    with pytest.raises(ValueError, match=r"w: expected a dtype among .*got 'F8'"):
        read_safetensors(_file(tmp_path, {"w": {"dtype": "F8", "shape": [1], "data_offsets": [0, 1]}}, b"\0"))
    with pytest.raises(ValueError, match=r"w: expected 16 bytes for F32 \[2, 2\] within the 12 bytes of data, "
                                         r"got data_offsets \[0, 12\]"):
        read_safetensors(_file(tmp_path, {"w": {"dtype": "F32", "shape": [2, 2], "data_offsets": [0, 12]}}, b"\0" * 12))
    with pytest.raises(ValueError, match=r"w: expected 8 bytes .* within the 4 bytes of data, got data_offsets \[0, 8\]"):
        read_safetensors(_file(tmp_path, {"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]}}, b"\0" * 4))
    with pytest.raises(ValueError, match=r"w: expected \{'dtype', 'shape', 'data_offsets'"):
        read_safetensors(_file(tmp_path, {"w": {"dtype": "F32"}}))


def _write(tmp_path, raw):
    path = tmp_path / "short.safetensors"
    path.write_bytes(raw)
    return path
