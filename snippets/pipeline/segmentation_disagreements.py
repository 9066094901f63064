"""Where jieba and the People's Daily disagree, on held-out text: grouped by the corpus's own tags."""

from collections import Counter

from neuralnlp.pipeline import (
    jieba_segment,
    people_daily_sentences,
    people_daily_split,
    segmentation_disagreements,
    tag_group,
)
from neuralnlp.pipeline.people_daily import TAG_GROUPS

_, tagged = people_daily_split(people_daily_sentences(tags=True), held_out=0.1)
tagged = tagged[:1000]  # the first 1,000 held-out sentences keep this example quick
gold = [[word for word, _ in sentence] for sentence in tagged]
jieba_words = jieba_segment(["".join(words) for words in gold], ascii_digits=True)

counts, examples = Counter(), {}
for piece in segmentation_disagreements(gold, jieba_words):
    first = piece["first_word"]
    pairs = tagged[piece["sentence"]][first:first + len(piece["gold"])]
    group = tag_group([tag for _, tag in pairs])
    counts[group] += 1
    shown = examples.setdefault(group, [])
    corpus = " ".join(f"{word}/{tag}" for word, tag in pairs)
    if len(shown) < 3 and corpus not in [c for c, _ in shown]:
        shown.append((corpus, " / ".join(piece["predicted"])))

print(f"{sum(counts.values()):,} disagreements in {len(gold):,} sentences")
for group in [*TAG_GROUPS, "other"]:
    print(f"{group} ({counts[group]:,}):")
    for corpus, jieba in examples.get(group, []):
        print(f"    {corpus}  ->  jieba: {jieba}")
