import numpy as np

from neuralnlp.embeddings.word2vec import build_huffman_tree

counts = np.array([40, 12, 8, 7, 3, 2])  # the/cat/sat/on/mat/purred, as on the page
p = counts / counts.sum()
codes, _ = build_huffman_tree(counts)
average = np.sum(p * [len(c) for c in codes])
entropy = -np.sum(p * np.log2(p))
print(f"entropy H = {entropy:.3f} bits <= Huffman average {average:.3f} bits < H + 1")

equal = np.full(8, 5)  # eight equally frequent words
print("8 equal counts, code lengths:", [len(c) for c in build_huffman_tree(equal)[0]])
