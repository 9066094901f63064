import torch

from neuralnlp.recurrent.lstm import LSTM

torch.manual_seed(0)
H = 4
lstm = LSTM(input_size=3, hidden_size=H, num_layers=2, bidirectional=True, dtype=torch.float64)
x = torch.randn(6, 2, 3, dtype=torch.float64)  # (seq, batch, input_size)
output, (h_n, c_n) = lstm(x)
print("output:", tuple(output.shape), "= (seq, batch, 2 * hidden): the top layer, both directions side by side")
print("h_n:   ", tuple(h_n.shape), "= (num_layers * 2, batch, hidden), row = 2 * layer + direction")
print("weight_ih_l0:", tuple(lstm.weight_ih_l0.shape), " weight_ih_l1:", tuple(lstm.weight_ih_l1.shape))

# The top layer's rows of h_n are in output: forward at the last step, backward at the first.
print("h_n[2] == output[-1, :, :H] (layer 1 forward, after t = T):", torch.equal(h_n[2], output[-1, :, :H]))
print("h_n[3] == output[0, :, H:]  (layer 1 backward, after t = 1):", torch.equal(h_n[3], output[0, :, H:]))

# At position t the forward direction has read x_1, ..., x_t and the backward one x_t, ..., x_T.
# Change the last token: in one layer, only the backward half at t = 1 moves; with a second layer on
# top, the forward half moves too, as its input at t = 1 holds the first layer's backward state.
one_layer = LSTM(input_size=3, hidden_size=H, bidirectional=True, dtype=torch.float64)
x2 = x.clone()
x2[-1] += 1.0
for name, layer in (("1 layer: ", one_layer), ("2 layers:", lstm)):
    before, after = layer(x)[0][0], layer(x2)[0][0]  # outputs at t = 1
    print(f"{name} change x_T -> at t = 1, forward half moves: {not torch.equal(after[:, :H], before[:, :H])},"
          f" backward half moves: {not torch.equal(after[:, H:], before[:, H:])}")
