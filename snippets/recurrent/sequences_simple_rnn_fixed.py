import torch
from torch import nn

torch.manual_seed(0)


class SimpleRNN(nn.Module):
    """The source's SimpleRNN, repaired: h_t = tanh(w0([x_t; h_{t-1}])), y_t = w1(h_t).

    x: (batch, in_dims), h_p: (batch, hidden_dims); returns y: (batch, out_dims) and h: (batch, hidden_dims).
    """

    def __init__(self, in_dims: int, hidden_dims: int, out_dims: int):
        super().__init__()
        self.w0 = nn.Linear(in_dims + hidden_dims, hidden_dims)
        self.w1 = nn.Linear(hidden_dims, out_dims)

    def forward(self, x: torch.Tensor, h_p: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        h = torch.tanh(self.w0(torch.cat((x, h_p), dim=-1)))  # tanh is what makes it non-linear
        return self.w1(h), h


sentence = ["let's", "eat", ",", "Charles"]
vocab = sorted(set(sentence))
ids = torch.tensor([vocab.index(token) for token in sentence])
inputs = torch.eye(len(vocab))[ids].unsqueeze(1)  # one one-hot row per token: (seq, batch=1, vocab)

model = SimpleRNN(in_dims=len(vocab), hidden_dims=3, out_dims=2)
h = torch.zeros(1, 3)  # nothing seen yet
with torch.no_grad():
    for token, x in zip(sentence, inputs):
        out, h = model(x, h)  # the new h goes back in with the next token
        print(f"after {token:>7}: h = {h.squeeze().numpy().round(4)}")
    print("output after the last token:", out.squeeze().numpy().round(4))
