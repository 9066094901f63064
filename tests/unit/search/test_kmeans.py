"""Spherical k-means: a hand-worked case, the objective never rising, empty cells re-seeded, separated
clusters recovered, chunking that changes nothing, and an objective comparable with faiss.Kmeans."""

import numpy as np
import pytest

from neuralnlp.search.kmeans import nearest_centroid, spherical_kmeans
from neuralnlp.search.vectors import unit_rows
from neuralnlp.search.synthetic import synthetic_vectors


def test_assign_by_hand():
    # cells by the largest inner product; ties go to the lower index (as argmax)
    x = np.array([[1.0, 0.0], [0.6, 0.8], [-1.0, 0.0], [0.0, -1.0]])
    c = np.array([[1.0, 0.0], [0.0, 1.0]])
    cells, sims = nearest_centroid(x, c, chunk=3)
    # (1,0): 1 and 0; (0.6,0.8): 0.6 and 0.8; (-1,0): -1 and 0; (0,-1): 0 and -1
    assert cells.tolist() == [0, 1, 1, 0]
    assert np.allclose(sims, [1.0, 0.8, 0.0, 0.0])
    cells, _ = nearest_centroid(np.array([[1.0, 1.0]]), c)
    assert cells.tolist() == [0]  # a tie goes to the lower index


def test_kmeans_by_hand():
    # two pairs on the unit circle; the best split puts each pair in one cell, whose centroid is the unit mean:
    # normalise((1, 0) + (0.6, 0.8)) = (1.6, 0.8) / √3.2 = (0.894427, 0.447214); every cosine is 0.894427,
    # so J = 4 · (2 − 2 · 0.894427) = 0.844582
    x = np.array([[1.0, 0.0], [0.6, 0.8], [-1.0, 0.0], [-0.6, -0.8]])
    centroids, cells, objectives = spherical_kmeans(x, 2, seed=0)
    assert cells[0] == cells[1] != cells[2] == cells[3]
    assert np.allclose(sorted(centroids.tolist()), [[-0.894427, -0.447214], [0.894427, 0.447214]], atol=1e-6)
    assert objectives[-1] == pytest.approx(0.844582, abs=1e-5)


def test_objective_never_rises_and_centroids_are_unit():
    x = synthetic_vectors(2000, 16, clusters=40, spread=1.0, seed=3)
    for seed in range(2):
        for init in ("k-means++", "random"):
            centroids, cells, objectives = spherical_kmeans(x, 25, iterations=30, seed=seed, init=init)
            assert len(objectives) >= 3
            assert all(b <= a + 1e-6 * a for a, b in zip(objectives, objectives[1:])), objectives
            assert objectives[-1] < objectives[0]
            assert np.allclose(np.linalg.norm(centroids, axis=1), 1, atol=1e-6)
            assert np.array_equal(cells, nearest_centroid(unit_rows(x), centroids)[0])


def test_empty_cells_are_reseeded_and_the_objective_still_never_rises():
    # 60 copies of two points: a random start almost surely picks the same point twice, leaving a cell empty
    x = np.vstack([np.tile([1.0, 0.0, 0.0], (30, 1)), np.tile([0.0, 1.0, 0.0], (30, 1)),
                   [[0.1, 0.0, 1.0]], [[0.0, 0.1, 1.0]], [[0.0, -0.1, 1.0]]])
    for seed in range(5):
        _, cells, objectives = spherical_kmeans(x, 4, iterations=10, seed=seed, init="random")
        assert np.bincount(cells, minlength=4).min() >= 1
        assert all(b <= a + 1e-9 for a, b in zip(objectives, objectives[1:]))


def test_separated_clusters_are_recovered():
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((6, 32))
    labels = np.repeat(np.arange(6), 100)
    x = centres[labels] / np.linalg.norm(centres[labels], axis=1, keepdims=True) + 0.02 * rng.standard_normal((600, 32))
    _, cells, _ = spherical_kmeans(x, 6, seed=0)
    table = np.zeros((6, 6), int)
    np.add.at(table, (labels, cells), 1)
    assert ((table > 0).sum(axis=0) == 1).all() and ((table > 0).sum(axis=1) == 1).all()  # a one-to-one match


def test_chunking_bounds_memory_without_changing_the_result():
    x = synthetic_vectors(500, 8, clusters=10, seed=1)
    big = spherical_kmeans(x, 7, seed=2)
    small = spherical_kmeans(x, 7, seed=2, chunk=13)
    assert np.array_equal(big[1], small[1])
    assert np.allclose(big[0], small[0], atol=1e-6)


def test_objective_is_comparable_with_faiss_kmeans():
    faiss = pytest.importorskip("faiss")
    x = synthetic_vectors(3000, 32, clusters=100, spread=1.0, seed=0)
    ratios = []
    for seed in range(2):
        ours, _, objectives = spherical_kmeans(x, 30, iterations=20, seed=seed)
        km = faiss.Kmeans(32, 30, niter=20, spherical=True, seed=seed + 1)
        km.train(x)
        theirs = float(np.sum(2 - 2 * (x @ km.centroids.T).max(axis=1).astype(np.float64)))
        ratios.append(objectives[-1] / theirs)
    assert all(0.97 <= r <= 1.03 for r in ratios), ratios
