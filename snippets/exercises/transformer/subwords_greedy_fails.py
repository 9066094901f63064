"""Greedy longest match is not always best: a word it cannot split, although a split exists."""

from neuralnlp.transformer.wordpiece import wordpiece_split

vocab = {"ab", "a", "##bc"}
print("greedy:", wordpiece_split("abc", vocab))  # takes "ab", then finds no "##c"
print("a + ##bc in the vocabulary:", {"a", "##bc"} <= vocab)
