import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from neuralnlp.recurrent.lstm import LSTM

torch.manual_seed(0)
H = 4
reference = torch.nn.LSTM(3, H, num_layers=2, bidirectional=True, batch_first=True, dtype=torch.float64)
ours = LSTM.from_torch(reference)

lengths = [5, 2, 4]  # three sequences, padded to 5 steps; the order does not matter
x = torch.randn(3, 5, 3, dtype=torch.float64)
for row, n in enumerate(lengths):
    x[row, n:] = 0.0  # padding

output, (h_n, c_n) = ours(x, lengths=lengths)
packed = pack_padded_sequence(x, torch.tensor(lengths), batch_first=True, enforce_sorted=False)
expected, (expected_h_n, expected_c_n) = reference(packed)
expected, _ = pad_packed_sequence(expected, batch_first=True)
err = max((a - b).abs().max().item() for a, b in ((output, expected), (h_n, expected_h_n), (c_n, expected_c_n)))
print("lengths= equals torch on a packed sequence, max |difference| < 1e-12:", err < 1e-12)
print("output at padded steps is 0:", all(bool((output[row, n:] == 0).all()) for row, n in enumerate(lengths)))

# Each sequence in the batch gets what it gets alone, unpadded.
alone, (h_alone, _) = ours(x[1, :2])
print("row 1 (length 2) equals running it alone:", torch.allclose(output[1, :2], alone), torch.allclose(h_n[:, 1], h_alone))

# Without lengths, the forward direction reads the padding and the backward one starts on it.
unmasked, (h_unmasked, _) = ours(x)
print("without lengths, row 1's h_n differs from its own:", not torch.allclose(h_unmasked[:, 1], h_alone))

try:
    ours(x, lengths=[5, 0, 4])
except ValueError as error:
    print("ValueError:", error)
