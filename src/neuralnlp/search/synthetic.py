"""Synthetic vectors for experiments at a scale no corpus here reaches (10⁵ to 10⁶ vectors).

Real embeddings are not spread evenly over the sphere: they form clusters (topics, senses). A
uniform cloud would make approximate search look harder than it is in practice, so the vectors are
drawn around random centres:

    c_j ~ N(0, I_d) / ‖·‖,   x = c_{j(x)} + σ ε,  ε ~ N(0, I_d/d),   then x ← x / ‖x‖

with j(x) uniform over ``clusters`` centres and σ = ``spread`` (the noise has norm about σ). Every
page and result that uses them says that they are synthetic.
"""

from __future__ import annotations

import numpy as np

from neuralnlp._checks import as_numpy_generator, check_int, check_positive_int, check_real


# --8<-- [start:synthetic]
def synthetic_vectors(n: int, dim: int, clusters: int = 100, spread: float = 1.0, seed=0,
                      chunk: int = 100_000) -> np.ndarray:
    """``n`` unit vectors of length ``dim`` (float32), clustered around ``clusters`` random centres.

    Args:
        n: how many vectors.
        dim: their length d.
        clusters: how many centres (1 <= clusters <= n).
        spread: noise norm relative to the unit centres; 0 puts every vector on its centre.
        seed: an int or a numpy Generator; the same seed gives the same vectors.
        chunk: rows generated at a time, to bound the float64 working memory.

    Returns:
        (n, dim) float32 array with rows of norm 1.
    """
    n, dim = check_positive_int(n, "n"), check_positive_int(dim, "dim")
    clusters = check_int(clusters, "clusters", 1, n)  # no more centres than vectors
    spread = check_real(spread, "spread", 0)
    chunk = check_positive_int(chunk, "chunk")
    rng = as_numpy_generator(seed, "seed")
    centres = rng.standard_normal((clusters, dim))
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    out = np.empty((n, dim), dtype=np.float32)
    for start in range(0, n, chunk):
        rows = min(chunk, n - start)
        x = centres[rng.integers(clusters, size=rows)] + spread * rng.standard_normal((rows, dim)) / np.sqrt(dim)
        out[start:start + rows] = x / np.linalg.norm(x, axis=1, keepdims=True)
    return out
# --8<-- [end:synthetic]
