"""The training loop: it is the loop written out by hand, it records its history, it stops early, and it
refuses bad input."""

import pytest
import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp.basics.datasets import spiral
from neuralnlp.training.classifier_training import evaluate_classifier, train_classifier
from neuralnlp.training.early_stopping import EarlyStopping
from neuralnlp.training.optimisers import SGD, Adam
from neuralnlp.training.schedules import StepDecay
from neuralnlp.training.weight_decay import l2_penalty


def data():
    x, y = spiral(n_per_class=40, n_classes=3, noise=0.2, seed=0)
    return torch.tensor(x, dtype=torch.float64), torch.tensor(y)


def model(seed=0):
    torch.manual_seed(seed)
    return nn.Sequential(nn.Linear(2, 16), nn.Tanh(), nn.Linear(16, 3)).double()


def test_is_the_loop_written_out_by_hand():
    x, y = data()
    a, b = model(), model()
    opt_a, opt_b = SGD(a.parameters(), lr=0.1), SGD(b.parameters(), lr=0.1)
    schedule = StepDecay(opt_a, step_size=5, gamma=0.5)
    history = train_classifier(a, opt_a, x, y, epochs=3, batch_size=50, schedule=schedule,
                               penalty=lambda: l2_penalty(a.parameters(), 1e-3), seed=4)
    generator, hand_schedule, losses = torch.Generator().manual_seed(4), StepDecay(opt_b, step_size=5, gamma=0.5), []
    for _ in range(3):
        batch_losses = []
        for idx in torch.randperm(len(x), generator=generator).split(50):
            loss = F.cross_entropy(b(x[idx]), y[idx])
            batch_losses.append(loss.item())
            opt_b.zero_grad()
            (loss + l2_penalty(b.parameters(), 1e-3)).backward()
            opt_b.step()
            hand_schedule.step()
        losses.append(sum(batch_losses) / len(batch_losses))
    for p, q in zip(a.parameters(), b.parameters()):
        assert torch.equal(p, q)
    assert history["train_loss"] == losses
    assert history["lr"] == [0.1 * 0.5 ** (3 // 5), 0.1 * 0.5 ** (6 // 5), 0.1 * 0.5 ** (9 // 5)]
    assert set(history) == {"train_loss", "lr"}


def test_records_validation_in_evaluation_mode_and_stops_early():
    x, y = data()
    net = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Dropout(0.5), nn.Linear(32, 3)).double()
    stopper = EarlyStopping(patience=2)
    history = train_classifier(net, Adam(net.parameters(), lr=0.5), x, y, epochs=200, x_val=x[::2], y_val=y[::2],
                               early_stopping=stopper)
    assert len(history["val_loss"]) == stopper.epoch < 200  # a learning rate this large stops improving soon
    assert history["val_loss"][stopper.best_epoch - 1] == stopper.best_loss
    net.train()
    loss, accuracy = evaluate_classifier(net, x[::2], y[::2])
    assert net.training  # the mode is restored
    net.eval()
    with torch.no_grad():
        assert loss == F.cross_entropy(net(x[::2]), y[::2]).item()
        assert accuracy == (net(x[::2]).argmax(1) == y[::2]).double().mean().item()


def test_bad_input_is_refused():
    x, y = data()
    net = model()
    opt = SGD(net.parameters(), lr=0.1)
    with pytest.raises(ValueError, match=r"epochs: expected an integer >= 1, got 0"):
        train_classifier(net, opt, x, y, epochs=0)
    with pytest.raises(ValueError, match=r"early_stopping: expected a validation set \(x_val, y_val\) to watch, got none"):
        train_classifier(net, opt, x, y, epochs=1, early_stopping=EarlyStopping())
    with pytest.raises(ValueError, match=r"y_val: expected x_val and y_val together, got only x_val"):
        train_classifier(net, opt, x, y, epochs=1, x_val=x)
    with pytest.raises(ValueError, match=r"y_train: expected shape \(120,\), one class index per sample, got shape \(119,\)"):
        train_classifier(net, opt, x, y[1:], epochs=1)
    with pytest.raises(ValueError, match=r"x_train: expected shape \(n, features\), got shape \(120,\)"):
        train_classifier(net, opt, x[:, 0], y, epochs=1)
    with pytest.raises(TypeError, match=r"y_train: expected a torch.Tensor of class indices, got list"):
        train_classifier(net, opt, x, y.tolist(), epochs=1)
