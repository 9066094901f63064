"""Exercise: precision, recall and F1 of one segmentation, by hand and by the library."""

from neuralnlp.pipeline import segmentation_scores, word_spans

gold = ["中共中央", "总书记", "、", "国家", "主席", "江", "泽民"]
predicted = ["中共中央", "总", "书记", "、", "国家主席", "江泽民"]
print("gold spans:     ", sorted(word_spans(gold)))
print("predicted spans:", sorted(word_spans(predicted)))
scores = segmentation_scores([gold], [predicted])
print({k: round(v, 3) for k, v in scores.items()})
