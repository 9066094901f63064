"""Exercise: jieba with and without its HMM, scored against the People's Daily; where does the difference come from?"""

from collections import Counter

from neuralnlp.pipeline import (
    jieba_segment,
    people_daily_sentences,
    people_daily_split,
    segmentation_disagreements,
    segmentation_scores,
    tag_group,
)

_, tagged = people_daily_split(people_daily_sentences(tags=True), held_out=0.1)
tagged = tagged[:1000]  # the first 1,000 held-out sentences keep this example quick
gold = [[word for word, _ in sentence] for sentence in tagged]
texts = ["".join(words) for words in gold]

names = {}  # hmm -> {(sentence, first word): jieba's words} for the person-name disagreements
for hmm in (True, False):
    predicted = jieba_segment(texts, hmm=hmm, ascii_digits=True)
    scores = segmentation_scores(gold, predicted)
    groups, names[hmm] = Counter(), {}
    for piece in segmentation_disagreements(gold, predicted):
        first = piece["first_word"]
        group = tag_group([tag for _, tag in tagged[piece["sentence"]][first:first + len(piece["gold"])]])
        groups[group] += 1
        if group == "person name":
            names[hmm][piece["sentence"], first] = (piece["gold"], piece["predicted"])
    print(f"hmm={hmm!s:<5}  precision {scores['precision']:.3f}  recall {scores['recall']:.3f}  F1 {scores['f1']:.3f}  "
          f"words {scores['predicted_words']:,}  person-name disagreements {groups['person name']}")

only_with_hmm = [key for key in names[True] if key not in names[False]]
print(f"{len(only_with_hmm)} person-name disagreements with the HMM are gone without it, e.g.:")
examples = {" / ".join(names[True][key][0]): " / ".join(names[True][key][1]) for key in only_with_hmm}
for corpus, with_hmm in list(examples.items())[:4]:  # distinct ones, in text order
    print(f"    corpus {corpus}    jieba with HMM {with_hmm}")
