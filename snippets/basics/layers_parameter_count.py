import torch

from neuralnlp.basics.dense import Dense
from neuralnlp.basics.feedforward import FeedForward, feedforward_parameter_count

# One layer: in·out weights plus out biases.
for n_in, n_out in [(3, 4), (768, 3072)]:
    formula = Dense(n_in, n_out, rng=0).parameter_count
    torch_count = sum(p.numel() for p in torch.nn.Linear(n_in, n_out).parameters())
    print(f"{f'Dense({n_in}, {n_out})':<17} formula: {formula:>9,}   torch sum(p.numel()): {torch_count:>9,}")

# A network adds up its layers; a wide hidden layer is where the parameters go.
for sizes in [(4, 8, 3), (4, 8, 8, 3), (768, 3072, 768)]:
    model = FeedForward(sizes[0], sizes[1:-1], sizes[-1])
    torch_count = sum(p.numel() for p in model.parameters())
    print(f"{str(sizes):<17} formula: {feedforward_parameter_count(sizes):>9,}   torch sum(p.numel()): {torch_count:>9,}")
