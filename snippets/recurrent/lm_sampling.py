import torch

from neuralnlp.recurrent.language_model import RNNLanguageModel, sample, train_language_model
from neuralnlp.recurrent.text_corpus import VOCABULARY, decode, encode, generate, is_sentence, split_sentences

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation
torch.manual_seed(0)  # the same model as in the training run above
train_ids = torch.tensor(encode(generate(2000, seed=0)))
model = RNNLanguageModel(len(VOCABULARY), embedding_dim=16, hidden_size=32, cell="rnn")
train_language_model(model, train_ids, steps=500, batch_size=32, seq_len=24, lr=0.02,
                     generator=torch.Generator().manual_seed(0))

prompt = encode(["."])  # right after a full stop: the model starts a new sentence
for temperature in (1.0, 0.5, 0.0):
    ids = sample(model, prompt, 300, temperature, generator=torch.Generator().manual_seed(0))
    sentences = split_sentences(decode(ids))
    print(f"temperature {temperature}:")
    for sentence in sentences[:3]:
        print("   ", " ".join(sentence))
    grammatical = sum(is_sentence(s) for s in sentences)
    distinct = len({tuple(s) for s in sentences})
    print(f"    {grammatical} of {len(sentences)} sentences grammatical, {distinct} different")
