import torch

from neuralnlp.recurrent.lstm import LSTM

torch.manual_seed(0)
H = 4
lstm = LSTM(3, H, bidirectional=True, batch_first=True, dtype=torch.float64)
lengths = [5, 2]
x = torch.randn(2, 5, 3, dtype=torch.float64)
x[1, 2:] = 0.0  # the second sentence has 2 tokens and 3 padding steps

output, (h_n, _) = lstm(x, lengths=lengths)
sentence = torch.cat([h_n[0], h_n[1]], dim=-1)  # forward state after its last token, backward after its first
print("output[:, -1] of the short row is padding:", output[1, -1].tolist())
last_real = torch.stack([output[row, n - 1] for row, n in enumerate(lengths)])
print("forward half of h_n == output at each row's last real token:", torch.equal(sentence[:, :H], last_real[:, :H]))
print("backward half of h_n == output at t = 1:", torch.equal(sentence[:, H:], output[:, 0, H:]))
