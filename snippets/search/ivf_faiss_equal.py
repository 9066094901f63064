"""Given the same centroids, our IVF and faiss.IndexIVFFlat (IndexFlatIP quantiser, inner product) agree:
the same lists, the same probed cells, the same results (on synthetic vectors here; on real ones in the tests)."""

import faiss
import numpy as np

from neuralnlp.search.ivf import IVFIndex
from neuralnlp.search.synthetic import synthetic_vectors

d, nlist = 64, 60
vectors = synthetic_vectors(6200, d, clusters=100, seed=0)
x, queries = vectors[:6000], vectors[6000:]  # 200 held-out queries from the same clusters
ours = IVFIndex(d, nlist, seed=0)
ours.train(x)
ours.add(x)

quantizer = faiss.IndexFlatIP(d)  # FAISS's coarse quantiser, given our centroids instead of training
quantizer.add(ours.centroids)
theirs = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
theirs.is_trained = True
theirs.add(x)  # x is already unit-length (synthetic_vectors), as faiss.normalize_L2 would make it

invlists = faiss.extract_index_ivf(theirs).invlists
same_lists = all(np.array_equal(faiss.rev_swig_ptr(invlists.get_ids(l), invlists.list_size(l)), ours.lists[l][0])
                 for l in range(nlist))
print(f"inverted lists identical: {same_lists}")
exact = np.argsort(-(queries @ x.T), axis=1)[:, :10]
for nprobe in (1, 4, 16, nlist):
    ours.nprobe = theirs.nprobe = nprobe
    scores, ids = ours.search(queries, 10)
    f_scores, f_ids = theirs.search(queries, 10)
    same_probe = np.array_equal(ours.probe(queries), quantizer.search(queries, nprobe)[1])
    print(f"nprobe {nprobe:>3}: probed lists equal {same_probe}, ids equal {np.array_equal(ids, f_ids)}, "
          f"max |score difference| {np.abs(scores - f_scores).max():.1e}, "
          f"equal to exact search {np.array_equal(ids, exact)}")
