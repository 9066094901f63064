import torch

seq, batch, features = 200, 4, 8
print(f"predicted: x[t] writes {seq * seq * batch * features:,}, unbind(0) writes {seq * batch * features:,}")


def gradient_elements(read_steps) -> int:
    """Elements of the gradients written by the backward of the nodes that read the steps of x."""
    x = torch.randn(seq, batch, features, requires_grad=True)
    loss = torch.stack([torch.tanh(x_t) for x_t in read_steps(x)]).sum()
    written = []
    readers = {step.next_functions[0][0] for step, _ in loss.grad_fn.next_functions[0][0].next_functions}
    for reader in readers:  # one SelectBackward0 per step, or a single UnbindBackward0
        reader.register_hook(lambda grad_inputs, _: written.append(sum(g.numel() for g in grad_inputs)))
    loss.backward()
    return sum(written)


print(f"measured:  x[t] writes {gradient_elements(lambda x: [x[t] for t in range(seq)]):,}, "
      f"unbind(0) writes {gradient_elements(lambda x: x.unbind(0)):,}")
