r"""Where a token is: the sinusoidal positional encoding of the original Transformer.

Attention by itself ignores order: permuting the input positions permutes the outputs the same
way. So a vector that depends on the position is added to each token's embedding. Vaswani et
al. (2017) use fixed sinusoids of geometrically spaced wavelengths, 2π to 10000·2π:

$$PE_{(pos, 2i)} = \sin\big(pos / 10000^{2i/d}\big), \qquad PE_{(pos, 2i+1)} = \cos\big(pos / 10000^{2i/d}\big)$$

for feature pairs i = 0 … d/2 − 1. For any offset k, PE_{pos+k} is a fixed linear function
(a rotation of each (sin, cos) pair) of PE_{pos}, which the paper hoped would make relative
positions easy to use. BERT instead learns one vector per position (``position_embeddings``,
512 rows), so it cannot read past position 511.
"""

from __future__ import annotations

import torch

from neuralnlp._checks import check_float_dtype, check_positive_int


# --8<-- [start:sinusoidal]
def sinusoidal_positional_encoding(num_positions: int, d_model: int, dtype: torch.dtype = torch.float32) -> torch.Tensor:
    """The (num_positions, d_model) table of the original Transformer: row pos is added to token pos.

    Columns 2i and 2i + 1 hold sin and cos of pos / 10000^(2i/d_model).

    Raises:
        TypeError: a size that is not an integer, or a dtype that is not floating point.
        ValueError: a size below 1, or an odd d_model (the features come in sin/cos pairs).
    """
    num_positions = check_positive_int(num_positions, "num_positions")
    d_model = check_positive_int(d_model, "d_model")
    check_float_dtype(dtype)
    if d_model % 2:
        raise ValueError(f"d_model: expected an even number (sin/cos pairs), got {d_model}")
    position = torch.arange(num_positions, dtype=torch.float64)[:, None]  # (P, 1)
    frequency = 10000.0 ** (-torch.arange(0, d_model, 2, dtype=torch.float64) / d_model)  # (d/2,)
    angle = position * frequency  # (P, d/2)
    table = torch.stack([angle.sin(), angle.cos()], dim=-1).flatten(1)  # interleave: sin, cos, sin, cos, …
    return table.to(torch.float32 if dtype is None else dtype)
# --8<-- [end:sinusoidal]
