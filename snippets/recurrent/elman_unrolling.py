import torch

from neuralnlp.recurrent.rnn import RNN, RNNCell

torch.manual_seed(0)

cell = RNNCell(input_size=2, hidden_size=3)
rnn = RNN(input_size=2, hidden_size=3)
rnn.load_state_dict(cell.state_dict())  # same parameter names, so the same weights

xs = torch.randn(3, 2)  # a 3-step sequence, unbatched: (seq, input_size)
W_ih, W_hh, b_ih, b_hh = cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh
with torch.no_grad():
    h_by_hand = h = torch.zeros(3)
    for t, x_t in enumerate(xs, start=1):
        h = cell(x_t, h)
        # The same four tensors at every step: this is parameter sharing.
        h_by_hand = torch.tanh(W_ih @ x_t + b_ih + W_hh @ h_by_hand + b_hh)
        print(f"t={t}: h_t = {h.numpy().round(4)}, same as by hand: {torch.allclose(h, h_by_hand)}")
    output, h_n = rnn(xs)
print("RNN output, one row per time step:")
print(output.numpy().round(4))

# The parameter count depends on input_size and hidden_size, never on the sequence length.
n_params = sum(p.numel() for p in rnn.parameters())
with torch.no_grad():
    for length in (3, 300):
        output, _ = rnn(torch.randn(length, 2))
        print(f"{length:>3} steps: output {tuple(output.shape)}, parameters {n_params}")
