"""Exercise: tag 中华人民共和国/成立/了 by hand, then check."""

from neuralnlp.pipeline import words_to_bmes

words = ["中华人民共和国", "成立", "了"]
print(" ".join("".join(words)))
print(" ".join(words_to_bmes(words)))
