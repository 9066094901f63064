"""BPE on Chinese reviews: what does it merge first?"""

from neuralnlp.transformer.bpe import BPETokenizer
from neuralnlp.transformer.corpora import chinese_reviews

bpe = BPETokenizer.train(chinese_reviews("neg")[:3000], num_merges=30)
print(" ".join(a + b for a, b in bpe.merges))
print(bpe.tokenize("这本书的质量不错，但是价格太贵了。"))
