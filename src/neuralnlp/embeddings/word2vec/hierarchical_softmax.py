"""Hierarchical softmax: p(w | c) as a walk down the Huffman tree, one sigmoid per inner node.

Each inner node n has an output vector u_n (V - 1 of them, in place of V output word vectors). At
node n the walk goes to branch 0 with probability σ(u_n·v_c) and to branch 1 with σ(-u_n·v_c) (the
sign convention of word2vec.c). The probability of word w is the product along its path:

    p(w | c) = Π_j σ((1 - 2·code_j) · u_{point_j} · v_c)

Because σ(x) + σ(-x) = 1 at every node, these probabilities sum to 1 over the vocabulary without a
normalising sum over V words: a prediction costs len(code) ≈ log2 V dot products instead of V.
"""

from __future__ import annotations

import numpy as np

from neuralnlp._checks import as_float_array, as_id_array, brief, check_last_dim


def _log_sigmoid(x):
    return -np.logaddexp(0.0, -x)


def _check_inputs(center, inner_vectors):
    center = as_float_array(center, "center")
    inner_vectors = as_float_array(inner_vectors, "inner_vectors")
    if center.ndim != 1:
        raise ValueError(f"center: expected shape (dim,), got shape {center.shape}")
    if inner_vectors.ndim != 2:
        raise ValueError(f"inner_vectors: expected shape (V - 1, {center.shape[0]}), got shape {inner_vectors.shape}")
    check_last_dim(inner_vectors, center.shape[0], "inner_vectors")
    return center, inner_vectors


def _check_path(code, point, n_inner):
    code = as_id_array(code, 2, "code", what="branches (0 or 1)")
    point = as_id_array(point, n_inner, "point", what="inner-node indices", size_name="V - 1")
    if code.shape != point.shape or code.ndim != 1:
        raise ValueError(f"code, point: expected two 1-D arrays of equal length, got shapes {code.shape} and {point.shape}")
    return code, point


def _check_paths(codes, points, n_words: int | None = None):
    """The V codes and V paths of ``build_huffman_tree``: two sequences of the same length (V, if given)."""
    for name, value in (("codes", codes), ("points", points)):
        if isinstance(value, (str, bytes, np.ndarray)) or not hasattr(value, "__len__"):
            raise TypeError(f"{name}: expected a list of 1-D arrays, one per word (from build_huffman_tree), "
                            f"got {brief(value)}")
    expected = len(codes) if n_words is None else n_words
    for name, value in (("codes", codes), ("points", points)):
        if len(value) != expected or expected == 0:
            what = f"{expected}" if n_words is None else f"{n_words} (V = len(inner_vectors) + 1)"
            raise ValueError(f"{name}: expected {what} paths, one per word, and at least one, got {len(value)}")


# --8<-- [start:log-probability]
def hs_log_probability(center, inner_vectors, code, point) -> float:
    """log p(w | c) = Σ_j log σ((1 - 2·code_j) · u_{point_j}·v_c) for one word and one context vector.

    Args:
        center: (dim,) the input vector v_c (CBOW: the mean of the context vectors).
        inner_vectors: (V - 1, dim) output vectors u_n of the inner nodes.
        code: the word's Huffman code, (L,) branches 0 or 1, from ``build_huffman_tree``.
        point: the inner nodes on the word's path, (L,) indices in [0, V - 2], root first.

    Raises:
        TypeError: non-float vectors.
        ValueError: wrong shapes or a node index out of range.
    """
    center, inner_vectors = _check_inputs(center, inner_vectors)
    code, point = _check_path(code, point, len(inner_vectors))
    signs = 1.0 - 2.0 * code
    return float(_log_sigmoid(signs * (inner_vectors[point] @ center)).sum())
# --8<-- [end:log-probability]


def hs_probabilities(center, inner_vectors, codes, points) -> np.ndarray:
    """p(w | c) for every word w of the vocabulary: (V,), summing to 1.

    Args:
        center: (dim,) the input vector v_c.
        inner_vectors: (V - 1, dim) output vectors of the inner nodes.
        codes: the V Huffman codes from ``build_huffman_tree``.
        points: the V inner-node paths from ``build_huffman_tree``.

    Raises:
        TypeError: non-float vectors, or codes and points that are not lists of paths.
        ValueError: wrong shapes, or not V = len(inner_vectors) + 1 codes and paths.
        IndexError: a node index or branch out of range.
    """
    center, inner_vectors = _check_inputs(center, inner_vectors)
    _check_paths(codes, points, len(inner_vectors) + 1)
    return np.exp([hs_log_probability(center, inner_vectors, c, p) for c, p in zip(codes, points)])


def hs_grad(center, inner_vectors, code, point) -> tuple[np.ndarray, np.ndarray]:
    """Gradients of the loss -log p(w | c) with respect to v_c and to all inner vectors.

    With x_j = u_{point_j}·v_c and label t_j = 1 - code_j, dL/dx_j = σ(x_j) - t_j, so
    dL/dv_c = Σ_j (σ(x_j) - t_j) u_{point_j} and dL/du_{point_j} = (σ(x_j) - t_j) v_c (zero for
    nodes off the path). word2vec.c uses g = (1 - code - σ(x)) · learning rate, the negative of this.

    Arguments and errors are those of :func:`hs_log_probability`.

    Returns:
        (grad_center (dim,), grad_inner (V - 1, dim)).
    """
    center, inner_vectors = _check_inputs(center, inner_vectors)
    code, point = _check_path(code, point, len(inner_vectors))
    g = np.exp(_log_sigmoid(inner_vectors[point] @ center)) - (1.0 - code)  # (len,)
    grad_inner = np.zeros_like(inner_vectors)
    np.add.at(grad_inner, point, g[:, None] * center)
    return g @ inner_vectors[point], grad_inner


def padded_paths(codes, points) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stack the V paths into (V, L) arrays for batched use, L the longest code.

    Args:
        codes: the V Huffman codes from ``build_huffman_tree``.
        points: the V inner-node paths from ``build_huffman_tree``.

    Returns:
        (codes (V, L) int64, points (V, L) int64, mask (V, L) bool); padded slots have code 0,
        point 0 and mask False.

    Raises:
        TypeError, ValueError, IndexError: not V codes and V paths, or a code and its path that
            are not 1-D integer arrays of the same length with branches 0 or 1.
    """
    _check_paths(codes, points)
    codes, points = zip(*(_check_path(c, p, len(points) - 1) for c, p in zip(codes, points)))
    length = max(len(c) for c in codes)
    V = len(codes)
    code_table = np.zeros((V, length), dtype=np.int64)
    point_table = np.zeros((V, length), dtype=np.int64)
    mask = np.zeros((V, length), dtype=bool)
    for w, (c, p) in enumerate(zip(codes, points)):
        code_table[w, : len(c)], point_table[w, : len(p)], mask[w, : len(c)] = c, p, True
    return code_table, point_table, mask
