"""Exercise: the nlist that minimises the search cost nlist·d + nprobe·(N/nlist)·d, found by trying every nlist."""

import numpy as np

N, d = 1_000_000, 384
for nprobe in (1, 8, 32):
    nlist = np.arange(1, 20_001)
    cost = nlist * d + nprobe * (N / nlist) * d  # multiply-adds per query
    best = int(nlist[np.argmin(cost)])
    print(f"nprobe {nprobe:>2}: best nlist {best:>5} (sqrt(nprobe*N) = {np.sqrt(nprobe * N):.0f}), "
          f"cost {cost.min() / (N * d):.2%} of exact search; training needs >= {39 * best:,} vectors")
