import torch

BATCH, FEATURES = 4, 8


def by_index(x):
    return [x[t] for t in range(x.shape[0])]


def by_unbind(x):
    return x.unbind(0)


def gradient_elements(seq, read_steps):
    """Elements in the gradients written by the backward of the per-step reads of x."""
    x = torch.randn(seq, BATCH, FEATURES, requires_grad=True)
    loss = torch.stack([torch.tanh(x_t) for x_t in read_steps(x)]).sum()
    written = 0

    def count(grad_inputs, grad_outputs):  # grad_inputs: the gradients this node writes
        nonlocal written
        written += sum(g.numel() for g in grad_inputs if g is not None)

    nodes, stack = set(), [loss.grad_fn]
    while stack:  # walk the autograd graph back from the loss
        node = stack.pop()
        if node is not None and node not in nodes:
            nodes.add(node)
            stack.extend(next_node for next_node, _ in node.next_functions)
    for node in nodes:
        if type(node).__name__ in ("SelectBackward0", "UnbindBackward0"):
            node.register_hook(count)
    loss.backward()
    return written


print(f"x: (seq, {BATCH}, {FEATURES}); gradient elements written when reading the steps of x")
print(f"{'seq':>5} {'x[t]':>12} {'x.unbind(0)':>12} {'elements of x':>14}")
for seq in (100, 400):
    print(f"{seq:>5} {gradient_elements(seq, by_index):>12,} {gradient_elements(seq, by_unbind):>12,} "
          f"{seq * BATCH * FEATURES:>14,}")
for name, read_steps in (("x[t]", by_index), ("x.unbind(0)", by_unbind)):
    growth = gradient_elements(400, read_steps) / gradient_elements(100, read_steps)
    print(f"{name}: 4 times longer sequence -> {growth:.0f} times the gradient elements")
