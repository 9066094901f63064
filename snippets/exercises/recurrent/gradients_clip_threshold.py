import torch

from neuralnlp.recurrent.gradient_flow import clip_grad_norm
from neuralnlp.recurrent.rnn import RNN

torch.set_num_threads(1)
generator = torch.Generator().manual_seed(0)
x = torch.randn(40, 64, 1, generator=generator)  # the page's task: sum of the last 5 of 40 numbers
y = x[-5:].sum(dim=0)


def final_loss(max_norm: float) -> str:
    torch.manual_seed(0)  # the page's initial weights: spectral radius 2
    rnn, readout = RNN(1, 16), torch.nn.Linear(16, 1)
    with torch.no_grad():
        q, _ = torch.linalg.qr(torch.randn(16, 16))
        rnn.weight_hh.copy_(2.0 * q)
    params = [*rnn.parameters(), *readout.parameters()]
    optimizer = torch.optim.SGD(params, lr=0.3)
    for _ in range(101):
        loss = torch.nn.functional.mse_loss(readout(rnn(x)[1][0]), y)
        optimizer.zero_grad()
        loss.backward()
        clip_grad_norm(params, max_norm=max_norm)
        optimizer.step()
    value = loss.item()
    return f"{value:.4f}" if value < 1e3 else ("nan" if value != value else "> 1000")


for c in (0.1, 1.0, 10.0):
    print(f"max_norm = {c:>4}: loss at step 100 = {final_loss(c)}")
