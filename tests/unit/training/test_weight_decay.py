"""The L2 penalty: its value and gradient by hand, and the claim of the page: L2 in the loss and weight decay
are the same update for SGD and for torch's Adam, but not for AdamW."""

import pytest
import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp.training.optimisers import SGD, Adam, AdamW
from neuralnlp.training.weight_decay import l2_penalty, parameter_norm


def test_value_and_gradient_by_hand():
    a = torch.tensor([1.0, 2.0], requires_grad=True, dtype=torch.float64)
    b = torch.tensor([[3.0]], requires_grad=True, dtype=torch.float64)
    penalty = l2_penalty([a, b], weight_decay=0.1)
    assert penalty.item() == pytest.approx(0.05 * 14, abs=1e-15)
    penalty.backward()
    assert a.grad.tolist() == pytest.approx([0.1, 0.2]) and b.grad.item() == pytest.approx(0.3)
    assert parameter_norm([a, b]) == pytest.approx(14**0.5)
    assert parameter_norm(a) == pytest.approx(5**0.5)


def train(optimizer_class, weight_decay, penalty_weight):
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(4, 16), nn.Tanh(), nn.Linear(16, 3)).double()
    optimizer = optimizer_class(model.parameters(), lr=1e-2, weight_decay=weight_decay)
    x, y = torch.randn(64, 4, dtype=torch.float64), torch.randint(0, 3, (64,))
    for _ in range(100):
        loss = F.cross_entropy(model(x), y) + l2_penalty(model.parameters(), penalty_weight)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return torch.cat([p.detach().flatten() for p in model.parameters()])


@pytest.mark.parametrize("optimizer_class", [SGD, Adam])
def test_l2_in_the_loss_is_the_weight_decay_of_sgd_and_adam(optimizer_class):
    torch.testing.assert_close(train(optimizer_class, 0.1, 0.0), train(optimizer_class, 0.0, 0.1), rtol=0, atol=1e-12)


def test_decoupled_weight_decay_is_not_l2_in_the_loss():
    adamw, adam_l2 = train(AdamW, 0.1, 0.0), train(Adam, 0.0, 0.1)
    assert (adamw - adam_l2).abs().max().item() > 1e-3


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match=r"weight_decay: expected a weight decay >= 0, got -0.1"):
        l2_penalty([torch.ones(2)], -0.1)
    with pytest.raises(ValueError, match=r"parameters: expected at least one tensor, got none"):
        l2_penalty([], 0.1)
    with pytest.raises(TypeError, match=r"parameters\[1\]: expected a floating-point torch.Tensor, got float 3.0"):
        parameter_norm([torch.ones(2), 3.0])
