"""The Huffman tree of hierarchical softmax, built from word counts as word2vec.c builds it.

The V words are the leaves of a binary tree with V - 1 inner nodes. Repeatedly merging the two least
frequent nodes gives frequent words short paths from the root, so the expected path length is
minimal (about log2 V, much less for a skewed vocabulary).

For each word, ``codes[w]`` lists the branch taken at each inner node on the way from the root
(0 or 1) and ``points[w]`` the indices of those inner nodes, root first; both have the length of
the word's code. Inner nodes are numbered 0..V-2 in the order they are created, so the root is
V - 2, as in word2vec.c (where ``point`` holds the node index minus the vocabulary size).
"""

from __future__ import annotations

import numpy as np

from neuralnlp._checks import as_count_array


def build_huffman_tree(counts) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Huffman codes and inner-node paths for every word, following word2vec.c's ``CreateBinaryTree``.

    Words are sorted by decreasing count (ties keep id order); then the two smallest of the
    not-yet-merged leaves and inner nodes are merged into a new inner node, the first-picked child
    getting bit 0 and the second bit 1; on equal counts an inner node is picked before a leaf.

    Args:
        counts: (V,) word counts, indexed by word id, V >= 2.

    Returns:
        (codes, points): two lists of V int64 arrays, indexed by word id. ``codes[w][j]`` is the
        branch (0 or 1) taken at inner node ``points[w][j]``; ``points[w][0]`` is the root, V - 2.

    Raises:
        TypeError: counts that are not numbers.
        ValueError: counts not 1-D, fewer than two words, negative counts, or NaN or inf (an
            infinite count would never be merged).
    """
    counts = as_count_array(counts, "counts", min_length=2, positive_total=False)
    V = len(counts)
    order = np.argsort(-counts, kind="stable")  # sorted position -> word id
    # Leaves 0..V-1 (most frequent first), then inner nodes V..2V-2 as they are created.
    weight = np.concatenate([counts[order], np.full(V - 1, np.inf)])
    parent = np.zeros(2 * V - 1, dtype=np.int64)
    branch = np.zeros(2 * V - 1, dtype=np.int64)
    leaf, inner = V - 1, V  # next unmerged leaf (scanning toward frequent ones), next unmerged inner node

    # --8<-- [start:merge]
    # Leaves come sorted by decreasing count and merged nodes are made in increasing weight, so the
    # smallest unmerged node is either the last unmerged leaf or the first unmerged inner node.
    def pick_smallest() -> int:
        nonlocal leaf, inner
        if leaf >= 0 and weight[leaf] < weight[inner]:
            leaf -= 1
            return leaf + 1
        inner += 1
        return inner - 1

    for new in range(V, 2 * V - 1):
        first, second = pick_smallest(), pick_smallest()
        weight[new] = weight[first] + weight[second]
        parent[first] = parent[second] = new
        branch[second] = 1
    # --8<-- [end:merge]

    codes, points = [None] * V, [None] * V
    root = 2 * V - 2
    # --8<-- [start:paths]
    for position, word in enumerate(order):
        path, bits, node = [], [], position
        while node != root:
            bits.append(branch[node])
            node = parent[node]
            path.append(node - V)
        codes[word] = np.array(bits[::-1], dtype=np.int64)
        points[word] = np.array(path[::-1], dtype=np.int64)
    # --8<-- [end:paths]
    return codes, points
