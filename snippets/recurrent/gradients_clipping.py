import torch

from neuralnlp.recurrent.gradient_flow import clip_grad_norm
from neuralnlp.recurrent.rnn import RNN

torch.set_num_threads(1)  # tiny matrices: a second thread only adds synchronisation

# Task: read 40 random numbers, output the sum of the last five.
generator = torch.Generator().manual_seed(0)
x = torch.randn(40, 64, 1, generator=generator)  # (seq, batch, input)
y = x[-5:].sum(dim=0)


def train(clip: bool):
    torch.manual_seed(0)
    rnn, readout = RNN(1, 16), torch.nn.Linear(16, 1)
    with torch.no_grad():  # spectral radius 2: an RNN whose gradients explode
        q, _ = torch.linalg.qr(torch.randn(16, 16))
        rnn.weight_hh.copy_(2.0 * q)
    params = [*rnn.parameters(), *readout.parameters()]
    optimizer = torch.optim.SGD(params, lr=0.3)
    for step in range(101):
        loss = torch.nn.functional.mse_loss(readout(rnn(x)[1][0]), y)
        optimizer.zero_grad()
        loss.backward()
        norm = clip_grad_norm(params, max_norm=1.0) if clip else None
        if clip and step == 0:
            after = torch.linalg.vector_norm(torch.stack([p.grad.norm() for p in params]))
            print(f"step 0 gradient norm: {norm:.1f} before clipping, {after:.4f} after")
        optimizer.step()
        if step % 20 == 0:
            value = loss.item()  # print huge values coarsely: their digits depend on the CPU
            shown = f"{value:.4f}" if value < 1e3 else ("nan" if value != value else "> 1000")
            print(f"{'with' if clip else 'without'} clipping  step {step:3d}  loss {shown}")


train(clip=False)
train(clip=True)
