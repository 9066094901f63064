"""apple the fruit and apple the company, when the meaning comes only after the word: BERT reads both sides."""

import torch

from neuralnlp.embeddings.similarity import cosine_similarity
from neuralnlp.transformer.sentence_encoder import SentenceEncoder

torch.set_num_threads(1)
encoder = SentenceEncoder.from_directory()
fruit = ["apple tastes sweet and crunchy.", "apple pie needs sugar and butter.", "apple trees need sun and rain.",
         "apple slices turn brown in the air."]
company = ["apple makes phones and laptops.", "apple stock fell after the earnings report.",
           "apple hired a new chief executive.", "apple sued a rival over patents."]
batch = encoder.tokenizer.batch_encode(fruit + company)
assert bool((batch["input_ids"][:, 1] == encoder.tokenizer.vocab["apple"]).all())  # "apple" is token 1 everywhere

with torch.no_grad():  # the vector at "apple" after the embeddings (layer 0) and after each encoder layer
    x = encoder.model.embeddings(batch["input_ids"], batch["token_type_ids"])
    padding = batch["attention_mask"] == 0
    at_apple = [x[:, 1]]
    for layer in encoder.model.layers:
        x = layer(x, src_key_padding_mask=padding)
        at_apple.append(x[:, 1])

n = len(fruit)
sense = torch.arange(2 * n) < n  # True: fruit
print("layer  same sense  different senses  nearest other 'apple' has the same sense")
for depth, vectors in enumerate(at_apple):
    cos = cosine_similarity(vectors[:, None], vectors[None])  # (8, 8)
    same = (cos[:n, :n].sum() + cos[n:, n:].sum() - 2 * n) / (2 * n * (n - 1))  # off-diagonal pairs within a sense
    nearest = (cos - 2 * torch.eye(2 * n)).argmax(1)  # the most similar other sentence
    agree = int((sense[nearest] == sense).sum())
    print(f"{depth:>5}  {same:>10.2f}  {cos[:n, n:].mean():>16.2f}  {agree} of {2 * n}")
