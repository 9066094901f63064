"""Train the BiGRU tagger on part of the People's Daily text, then score it and jieba the same way."""

import torch

from neuralnlp.embeddings import Vocabulary
from neuralnlp.pipeline import (
    CharTagger,
    jieba_segment,
    people_daily_sentences,
    people_daily_split,
    segment,
    segmentation_scores,
    train_char_tagger,
)

torch.manual_seed(0)
torch.set_num_threads(1)
train, held_out = people_daily_split(people_daily_sentences(), held_out=0.1)
train = [words for words in train if len("".join(words)) <= 40][:2000]  # short sentences: a quick run
held_out = held_out[:500]

# Characters seen only once map to <unk>, so the model also learns what to do with a character it has never seen.
vocabulary = Vocabulary.build("".join("".join(words) for words in train), min_count=2, specials=["<pad>"],
                              unk="<unk>")
model = CharTagger(len(vocabulary), embedding_dim=32, hidden_size=32, bidirectional=True)
history = train_char_tagger(model, vocabulary, train, epochs=3, batch_size=32, lr=0.005)
print(f"{len(train):,} training sentences, {len(vocabulary):,} characters, "
      f"{sum(p.numel() for p in model.parameters()):,} parameters")
print("loss per character by epoch:", [round(loss, 3) for loss in history["loss"]])

texts = ["".join(words) for words in held_out]
systems = {"ours": segment(model, vocabulary, texts), "jieba": jieba_segment(texts, ascii_digits=True)}
for name, predicted in systems.items():
    scores = segmentation_scores(held_out, predicted)
    print(f"{name:<6} precision {scores['precision']:.3f}  recall {scores['recall']:.3f}  F1 {scores['f1']:.3f}")

sentence = texts[200]
print("corpus:", " / ".join(held_out[200]))
print("ours:  ", " / ".join(segment(model, vocabulary, [sentence])[0]))
