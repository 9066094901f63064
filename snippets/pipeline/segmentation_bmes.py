"""Words to one tag per character, and back: B(egin), M(iddle), E(nd), S(ingle)."""

from neuralnlp.pipeline import bmes_to_words, people_daily_sentences, words_to_bmes

words = people_daily_sentences(5)[4][:10]
tags = words_to_bmes(words)
chars = "".join(words)
print(" / ".join(words))
print(" ".join(chars))
print(" ".join(tags))
print("back to words:", bmes_to_words(chars, tags) == words)

try:
    bmes_to_words("中国人", ["B", "S", "S"])  # a word begun and never ended
except ValueError as error:
    print(error)
