import torch

torch.manual_seed(0)

# One fixed random vector per token; the embeddings chapter shows how such vectors are learned.
vectors = {token: torch.randn(4) for token in ["dog", "bites", "man"]}


def encode(sentence: str) -> torch.Tensor:
    """The token vectors of a sentence, in order: (seq, 4)."""
    return torch.stack([vectors[token] for token in sentence.split()])


a, b = encode("dog bites man"), encode("man bites dog")

# A bag of tokens: whatever network reads the mean vector, it sees the same input for both.
feed_forward = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Tanh(), torch.nn.Linear(8, 2))
with torch.no_grad():
    print("same mean vector:", torch.allclose(a.mean(dim=0), b.mean(dim=0)))
    print("same feed-forward output:", torch.allclose(feed_forward(a.mean(dim=0)), feed_forward(b.mean(dim=0))))

    # An RNN reads the tokens one at a time, so the order reaches its final hidden state.
    rnn = torch.nn.RNN(input_size=4, hidden_size=3)
    for name, x in [("dog bites man", a), ("man bites dog", b)]:
        _, h_n = rnn(x)
        print(f"{name}: final hidden state {h_n.squeeze().numpy().round(4)}")
