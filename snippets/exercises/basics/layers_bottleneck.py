import numpy as np

from neuralnlp.basics.dense import Dense, compose_affine

rng = np.random.default_rng(0)
first, second = Dense(10, 2, rng=rng), Dense(2, 10, rng=rng)  # 10 -> 2 -> 10, no activation
W, b = compose_affine(first.weight, first.bias, second.weight, second.bias)
print("collapsed weight:", W.shape, " rank:", np.linalg.matrix_rank(W))
print("a Dense(10, 10) drawn at random, rank:", np.linalg.matrix_rank(Dense(10, 10, rng=rng).weight))
