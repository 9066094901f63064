"""The model reads 256 tokens: what comes after them does not change the embedding."""

import numpy as np
import torch

from neuralnlp.transformer.sentence_encoder import SentenceEncoder

torch.set_num_threads(1)
encoder = SentenceEncoder.from_directory()
long_text = "The river rose overnight and flooded the old town. " * 40  # 10 tokens a sentence
print("tokens:", len(encoder.tokenizer.tokenize(long_text)), " kept:", encoder.max_seq_length, "with [CLS] and [SEP]")
base, late, early = encoder.encode([long_text, long_text + " Cricket scores were announced.",
                                    "Cricket scores were announced. " + long_text])
print("words added at the end, change:", float(np.abs(late - base).max()))
print("words added at the start, change:", round(float(np.abs(early - base).max()), 3))
