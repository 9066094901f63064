"""Sinusoidal positional encodings: values worked by hand, the rotation property, and the errors."""

import math

import pytest
import torch

from neuralnlp.transformer.positional import sinusoidal_positional_encoding


def test_by_hand():
    pe = sinusoidal_positional_encoding(3, 4, dtype=torch.float64)
    # pos 1: pair 0 has frequency 1, pair 1 has frequency 10000^(-2/4) = 1/100
    assert pe[1].tolist() == pytest.approx([math.sin(1), math.cos(1), math.sin(0.01), math.cos(0.01)])
    assert pe[0].tolist() == [0.0, 1.0, 0.0, 1.0]
    assert pe.shape == (3, 4) and sinusoidal_positional_encoding(2, 6).dtype == torch.float32


def test_an_offset_is_a_rotation_of_each_pair():
    # (sin(a + b), cos(a + b)) = R(b) (sin a, cos a): PE[pos + k] is a fixed linear map of PE[pos]
    pe = sinusoidal_positional_encoding(60, 16, dtype=torch.float64)
    k = 7
    frequency = 10000.0 ** (-torch.arange(0, 16, 2, dtype=torch.float64) / 16)
    s, c = torch.sin(k * frequency), torch.cos(k * frequency)
    sin, cos = pe[:-k, 0::2], pe[:-k, 1::2]
    torch.testing.assert_close(pe[k:, 0::2], sin * c + cos * s, rtol=0, atol=1e-12)
    torch.testing.assert_close(pe[k:, 1::2], cos * c - sin * s, rtol=0, atol=1e-12)


def test_bad_input():
    with pytest.raises(ValueError, match="d_model: expected an even number"):
        sinusoidal_positional_encoding(10, 7)
    with pytest.raises(ValueError, match="num_positions: expected an integer >= 1, got 0"):
        sinusoidal_positional_encoding(0, 8)
