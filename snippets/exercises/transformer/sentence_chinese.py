"""An English model on Chinese: unrelated reviews look alike, because most of their tokens are [UNK]."""

import torch

from neuralnlp.transformer.sentence_encoder import SentenceEncoder

torch.set_num_threads(1)
encoder = SentenceEncoder.from_directory()
for a, b in (("房间很干净，服务也很好。", "这本书的印刷质量太差了。"), ("The room was clean and the service good.",
                                                   "The printing of this book is terrible.")):
    u, v = encoder.encode([a, b])
    print(f"{u @ v:.2f}  {a} | {b}")
    print("      ", encoder.tokenizer.tokenize(a))
