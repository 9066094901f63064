"""HNSW from scratch: a layered proximity graph searched greedily (Malkov & Yashunin, TPAMI 2020).

Every stored vector is a node. Node i gets a top level drawn once, when it is added:

    l_i = ⌊ −ln U · m_L ⌋,   U ~ Uniform(0, 1],   m_L = 1 / ln M
    P(l_i ≥ l) = M^(−l)      (so about N / M^l nodes reach layer l; mean level 1 / (M − 1))

and lives on layers 0 … l_i. On every layer it keeps a list of neighbours on that layer: at most
M on the upper layers, at most M0 = 2M on layer 0 (as FAISS's ``IndexHNSWFlat``). The entry point
is a node of the top level.

Search for a query q (similarity s(x, q) = x·q on unit vectors, that is, the cosine):

1. start at the entry point on the top layer;
2. on every layer above 0, walk greedily (``ef = 1``): move to the neighbour most similar to q while
   one improves; the node reached is the entry to the layer below;
3. on layer 0, a best-first search keeps a candidate queue (best first) and a result list of the
   ``ef`` best nodes seen; it expands the best candidate, scores all its unvisited neighbours in
   one matrix product, and stops when the best candidate left is worse than the worst result;
4. the k best results are the answer (``ef = max(ef_search, k)``, as hnswlib: a shorter list cannot hold k).

Adding node q runs the same descent down to its level l_q, then on each layer l_q … 0 a search
with ``ef = ef_construction`` whose results are the candidates for q's neighbours. The neighbours
are chosen with the heuristic of Algorithm 4 in the paper: take candidates from the most similar
down and keep c only if c is more similar to q than to every neighbour already kept (so the links
point in different directions rather than all into one cluster). Links are made in both
directions; a node that then holds more than its limit re-chooses its list with the same rule.

Shapes: ``add(vectors)`` takes (n, d); ``search(queries, k)`` takes (q, d) and returns float32
scores (q, k) and int64 ids (q, k), best first, padded with −inf / −1 as FAISS pads.
"""

from __future__ import annotations

import heapq
import math

import numpy as np

from neuralnlp._checks import (as_float_array, as_numpy_generator, check_choice, check_finite, check_int,
                               check_positive_int)
from neuralnlp.search.recall import MISSING  # the id returned where fewer than k results exist
from neuralnlp.search.vectors import unit_rows



class HNSWIndex:
    """Hierarchical navigable small world graph over unit vectors, searched by cosine similarity.

    Args:
        dim: vector length d.
        M: links per node on the upper layers; layer 0 allows 2M (as FAISS's ``IndexHNSWFlat``).
        ef_construction: size of the result list while adding (how hard each node looks for neighbours).
        ef_search: size of the result list at search time (raised to k if smaller); changeable.
        seed: an int or a numpy Generator for the levels; the same seed gives the same graph.
        selection: ``"heuristic"`` (Algorithm 4 of the paper, as FAISS and hnswlib) or ``"simple"``
            (the M most similar candidates, Algorithm 3), kept to measure the difference.

    Attributes:
        levels: each node's top level, in the order added.
        layers: ``layers[l][i]`` is node i's list of neighbour ids on layer l (a dict per layer).
        entry_point: the id of a node of the top level (-1 while empty).
    """

    def __init__(self, dim: int, M: int = 16, ef_construction: int = 40, ef_search: int = 16, seed=0,
                 selection: str = "heuristic"):
        self.dim = check_positive_int(dim, "dim")
        self.M = check_positive_int(M, "M", 2)  # m_L = 1 / ln M needs M >= 2
        self.M0 = 2 * self.M
        self.ef_construction = check_positive_int(ef_construction, "ef_construction")
        self.ef_search = check_positive_int(ef_search, "ef_search")
        self.selection = check_choice(selection, ("heuristic", "simple"), "selection")
        self.mL = 1.0 / math.log(self.M)
        self._rng = as_numpy_generator(seed, "seed")
        self._vectors = np.empty((0, self.dim), dtype=np.float32)
        self.levels: list[int] = []
        self.layers: list[dict[int, list[int]]] = []
        self.entry_point = MISSING

    def __len__(self) -> int:
        return len(self.levels)

    # --8<-- [start:level]
    def _draw_level(self) -> int:
        u = 1.0 - self._rng.random()  # in (0, 1]: ln U is finite
        return int(math.floor(-math.log(u) * self.mL))
    # --8<-- [end:level]

    # --8<-- [start:search-layer]
    def _search_layer(self, q: np.ndarray, entry_points: list[int], ef: int, layer: int,
                      expanded: list | None = None) -> list[tuple[float, int]]:
        """Best-first search on one layer: the ef nodes most similar to q found from entry_points."""
        links = self.layers[layer]
        visited = set(entry_points)
        sims = self._vectors[entry_points] @ q
        candidates = [(-s, e) for s, e in zip(sims.tolist(), entry_points)]  # min-heap on -s: best first
        results = [(s, e) for s, e in zip(sims.tolist(), entry_points)]      # min-heap on s: worst on top
        heapq.heapify(candidates)
        heapq.heapify(results)
        while len(results) > ef:
            heapq.heappop(results)
        while candidates:
            neg_s, c = heapq.heappop(candidates)
            if -neg_s < results[0][0]:  # the best candidate is worse than the worst result: stop
                break
            if expanded is not None:
                expanded.append(c)
            new = [n for n in links[c] if n not in visited]
            if not new:
                continue
            visited.update(new)
            sims = self._vectors[new] @ q  # one product per neighbour list
            bound = results[0][0] if len(results) >= ef else -np.inf
            for s, n in zip(sims.tolist(), new):
                if s > bound:  # better than the worst result, or the result list is not yet full
                    heapq.heappush(candidates, (-s, n))
                    heapq.heappush(results, (s, n))
                    if len(results) > ef:
                        heapq.heappop(results)
                    bound = results[0][0] if len(results) >= ef else -np.inf
        return sorted(results, reverse=True)  # most similar first
    # --8<-- [end:search-layer]

    # --8<-- [start:select]
    def _select_neighbours(self, base: np.ndarray, candidates: list[tuple[float, int]], m: int) -> list[int]:
        """Up to m ids out of candidates (similarity to base, id), most similar first."""
        ordered = sorted(candidates, reverse=True)
        if self.selection == "simple":
            return [i for _, i in ordered[:m]]
        ids = [i for _, i in ordered]
        to_base = np.array([s for s, _ in ordered], dtype=np.float32)
        pairwise = self._vectors[ids] @ self._vectors[ids].T  # similarities among the candidates
        kept: list[int] = []  # positions in ids
        for j in range(len(ids)):
            # keep c only if it is more similar to the base than to every neighbour already kept
            if not kept or pairwise[j, kept].max() <= to_base[j]:
                kept.append(j)
                if len(kept) == m:
                    break
        return [ids[j] for j in kept]
    # --8<-- [end:select]

    # --8<-- [start:insert]
    def _insert(self, node: int) -> None:
        q = self._vectors[node]
        level = self._draw_level()
        self.levels.append(level)
        while len(self.layers) <= level:
            self.layers.append({})
        for layer in range(level + 1):
            self.layers[layer][node] = []
        if self.entry_point == MISSING:
            self.entry_point = node
            return
        top = self.levels[self.entry_point]
        entry = [self.entry_point]
        for layer in range(top, level, -1):  # greedy descent (ef = 1) above the new node's level
            entry = [self._search_layer(q, entry, 1, layer)[0][1]]
        for layer in range(min(top, level), -1, -1):
            found = self._search_layer(q, entry, self.ef_construction, layer)
            limit = self.M0 if layer == 0 else self.M
            neighbours = self._select_neighbours(q, found, limit)
            self.layers[layer][node] = neighbours
            for n in neighbours:  # reverse links, re-chosen when a list overflows
                links = self.layers[layer][n]
                links.append(node)
                if len(links) > limit:
                    sims = self._vectors[links] @ self._vectors[n]
                    links[:] = self._select_neighbours(self._vectors[n], list(zip(sims.tolist(), links)), limit)
            entry = [i for _, i in found]
        if level > top:
            self.entry_point = node
    # --8<-- [end:insert]

    def add(self, vectors) -> None:
        """Normalise the rows of ``vectors`` (n, d) and insert them one by one; ids continue from ``len(self)``.

        Args:
            vectors: (n, d) finite floats with no zero row.
        """
        unit = unit_rows(vectors, "vectors", self.dim)
        start = len(self)
        self._vectors = np.concatenate([self._vectors, unit])
        for node in range(start, start + len(unit)):
            self._insert(node)

    # --8<-- [start:descend]
    def _descend(self, q: np.ndarray) -> int:
        """Greedy walk (ef = 1) from the entry point down to layer 1; returns the entry to layer 0."""
        entry = [self.entry_point]
        for layer in range(self.levels[self.entry_point], 0, -1):
            entry = [self._search_layer(q, entry, 1, layer)[0][1]]
        return entry[0]
    # --8<-- [end:descend]

    def _check_search(self, queries, k, name: str = "queries") -> tuple[np.ndarray, int, int]:
        if len(self) == 0:
            raise ValueError("index: expected at least one stored vector before search, got an empty index")
        unit = unit_rows(queries, name, self.dim)
        k = check_positive_int(k, "k")
        ef = max(check_positive_int(self.ef_search, "ef_search"), k)  # as hnswlib: a list of ef must hold k
        return unit, k, ef

    # --8<-- [start:search]
    def search(self, queries, k: int):
        """The k stored vectors most similar (cosine) to each query, best first.

        Args:
            queries: (q, d) finite floats with no zero row.
            k: how many neighbours per query (k > len(self) pads with -1 / -inf).

        Returns:
            scores: (q, k) float32 cosine similarities.
            ids: (q, k) int64 ids.
        """
        unit, k, ef = self._check_search(queries, k)
        scores = np.full((len(unit), k), -np.inf, dtype=np.float32)
        ids = np.full((len(unit), k), MISSING, dtype=np.int64)
        for row, q in enumerate(unit):
            found = self._search_layer(q, [self._descend(q)], ef, 0)[:k]
            scores[row, :len(found)] = [s for s, _ in found]
            ids[row, :len(found)] = [i for _, i in found]
        return scores, ids
    # --8<-- [end:search]

    def search_trace(self, query, k: int):
        """Search one query and record the route: the nodes expanded on each layer, top layer first.

        Args:
            query: (d,) or (1, d) finite floats, not zero.
            k: how many neighbours.

        Returns:
            route: a list of (layer, [expanded node ids in order]) from the top layer down to 0.
            ids: (k,) int64 ids found, best first (-1 padded).
        """
        arr = as_float_array(query, "query")
        check_finite(arr, "query")  # before the reshape, so that the index shown is the caller's
        unit, k, ef = self._check_search(arr.reshape(1, -1) if arr.ndim == 1 else arr, k, "query")
        if len(unit) != 1:
            raise ValueError(f"query: expected one vector, got {len(unit)}")
        q = unit[0]
        route, entry = [], self.entry_point
        for layer in range(self.levels[self.entry_point], 0, -1):
            expanded: list[int] = []
            entry = self._search_layer(q, [entry], 1, layer, expanded)[0][1]
            route.append((layer, expanded))
        expanded = []
        found = self._search_layer(q, [entry], ef, 0, expanded)[:k]
        route.append((0, expanded))
        ids = np.full(k, MISSING, dtype=np.int64)
        ids[:len(found)] = [i for _, i in found]
        return route, ids

    def neighbours(self, node: int, layer: int = 0) -> np.ndarray:
        """Node ``node``'s neighbour ids on ``layer`` (int64; empty above the node's level).

        Args:
            node: a stored id, 0 <= node < len(self).
            layer: a layer, 0 <= layer.
        """
        node = check_int(node, "node", 0, len(self) - 1)
        layer = check_int(layer, "layer", 0)
        if layer > self.levels[node]:
            return np.empty(0, dtype=np.int64)
        return np.asarray(self.layers[layer][node], dtype=np.int64)
