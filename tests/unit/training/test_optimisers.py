"""SGD, RMSprop, Adam and AdamW against torch.optim, step by step on a real model; the interface; bad input.

Two copies of the same network (same initial weights) train side by side on the spiral data, one with
our optimiser and one with torch's, each computing its own gradients on the same mini-batches: any
difference in an update shows up in the weights, and in every later gradient. Tolerance after every
one of 120 steps: 1e-6 in float32, 1e-12 in float64, with every option each class implements.
"""

import math

import pytest
import torch
from torch import nn
from torch.nn import functional as F

from neuralnlp.basics.datasets import spiral
from neuralnlp.training.optimisers import SGD, Adam, AdamW, Optimizer, RMSprop

TOL = {torch.float32: 1e-6, torch.float64: 1e-12}
STEPS = 120

# (ours, torch's, hyper-parameters): every option of every class, alone and together
CASES = [
    (SGD, torch.optim.SGD, {"lr": 0.1}),
    (SGD, torch.optim.SGD, {"lr": 0.1, "weight_decay": 1e-2}),
    (SGD, torch.optim.SGD, {"lr": 0.05, "momentum": 0.9}),
    (SGD, torch.optim.SGD, {"lr": 0.05, "momentum": 0.9, "weight_decay": 1e-2}),
    (SGD, torch.optim.SGD, {"lr": 0.05, "momentum": 0.9, "nesterov": True}),
    (SGD, torch.optim.SGD, {"lr": 0.05, "momentum": 0.8, "nesterov": True, "weight_decay": 1e-2}),
    (RMSprop, torch.optim.RMSprop, {"lr": 1e-3}),
    (RMSprop, torch.optim.RMSprop, {"lr": 2e-3, "alpha": 0.9, "eps": 1e-6}),
    (RMSprop, torch.optim.RMSprop, {"lr": 1e-3, "weight_decay": 1e-2}),
    (RMSprop, torch.optim.RMSprop, {"lr": 1e-3, "momentum": 0.5, "weight_decay": 1e-2}),
    (Adam, torch.optim.Adam, {"lr": 1e-3}),
    (Adam, torch.optim.Adam, {"lr": 3e-3, "betas": (0.8, 0.99), "eps": 1e-6}),
    (Adam, torch.optim.Adam, {"lr": 3e-3, "weight_decay": 1e-2}),
    (AdamW, torch.optim.AdamW, {"lr": 1e-3}),
    (AdamW, torch.optim.AdamW, {"lr": 3e-3, "weight_decay": 0.1}),
    (AdamW, torch.optim.AdamW, {"lr": 3e-3, "betas": (0.8, 0.99), "eps": 1e-6, "weight_decay": 0.0}),
]


IDS = [f"{ours.__name__}-" + "-".join(f"{k}={v}" for k, v in hp.items()) for ours, _, hp in CASES]


@pytest.fixture(autouse=True)
def one_thread():
    """Tiny matrices: a second thread only adds synchronisation (and a shared machine makes it slow)."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


def two_copies(dtype, seed=0):
    torch.manual_seed(seed)
    ours = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 3)).to(dtype)
    theirs = nn.Sequential(nn.Linear(2, 32), nn.Tanh(), nn.Linear(32, 32), nn.Tanh(), nn.Linear(32, 3)).to(dtype)
    theirs.load_state_dict(ours.state_dict())
    return ours, theirs


def spiral_tensors(dtype):
    x, y = spiral(n_per_class=100, n_classes=3, noise=0.2, seed=0)
    return torch.tensor(x, dtype=dtype), torch.tensor(y)


def train_side_by_side(ours, theirs, our_optimizer, their_optimizer, dtype, steps=STEPS):
    """Train both models on the same mini-batches; return the largest weight difference after each step."""
    x, y = spiral_tensors(dtype)
    batches = torch.Generator().manual_seed(0)
    differences = []
    for _ in range(steps):
        idx = torch.randperm(len(x), generator=batches)[:32]
        for model, optimizer in ((ours, our_optimizer), (theirs, their_optimizer)):
            optimizer.zero_grad()
            F.cross_entropy(model(x[idx]), y[idx]).backward()
            optimizer.step()
        differences.append(max((p - q).abs().max().item() for p, q in zip(ours.parameters(), theirs.parameters())))
    return differences


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
@pytest.mark.parametrize("ours_class, torch_class, hyper", CASES, ids=IDS)
def test_matches_torch_optim_step_by_step(ours_class, torch_class, hyper, dtype):
    ours, theirs = two_copies(dtype)
    our_optimizer, their_optimizer = ours_class(ours.parameters(), **hyper), torch_class(theirs.parameters(), **hyper)
    differences = train_side_by_side(ours, theirs, our_optimizer, their_optimizer, dtype)
    assert max(differences) <= TOL[dtype], f"largest difference {max(differences):.3g} at step {differences.index(max(differences)) + 1}"
    # the weights really moved: the comparison is not between two untouched models
    start, _ = two_copies(dtype)
    moved = max((p - q).abs().max().item() for p, q in zip(ours.parameters(), start.parameters()))
    assert moved > 1e-3


@pytest.mark.parametrize("ours_class, torch_class, hyper", [c for c in CASES if c[0] is not SGD or "momentum" in c[2]],
                         ids=[i for c, i in zip(CASES, IDS) if c[0] is not SGD or "momentum" in c[2]])
def test_the_state_buffers_match_torch(ours_class, torch_class, hyper):
    ours, theirs = two_copies(torch.float64)
    our_optimizer, their_optimizer = ours_class(ours.parameters(), **hyper), torch_class(theirs.parameters(), **hyper)
    train_side_by_side(ours, theirs, our_optimizer, their_optimizer, torch.float64, steps=30)
    for p, q in zip(ours.parameters(), theirs.parameters()):
        mine, torch_state = our_optimizer.state[p], their_optimizer.state[q]
        assert set(mine) == set(torch_state)
        for key, value in torch_state.items():
            if key == "step":
                assert mine[key] == value.item() == 30
            else:
                torch.testing.assert_close(mine[key], value, rtol=0, atol=1e-12)


@pytest.mark.parametrize("dtype", [torch.float32, torch.float64])
def test_parameter_groups_with_their_own_hyperparameters_match_torch(dtype):
    ours, theirs = two_copies(dtype)

    def groups(model):  # the output layer learns faster and is not decayed
        return [{"params": [*model[0].parameters(), *model[2].parameters()]},
                {"params": model[4].parameters(), "lr": 1e-2, "weight_decay": 0.0}]

    for ours_class, torch_class in ((SGD, torch.optim.SGD), (Adam, torch.optim.Adam), (AdamW, torch.optim.AdamW)):
        a, b = two_copies(dtype)
        extra = {"momentum": 0.9} if ours_class is SGD else {}
        mine = ours_class(groups(a), lr=3e-3, weight_decay=0.05, **extra)
        assert [g["lr"] for g in mine.param_groups] == [3e-3, 1e-2] and mine.param_groups[1]["weight_decay"] == 0.0
        differences = train_side_by_side(a, b, mine, torch_class(groups(b), lr=3e-3, weight_decay=0.05, **extra), dtype)
        assert max(differences) <= TOL[dtype]


def test_a_changed_learning_rate_is_used_at_the_next_step():
    ours, theirs = two_copies(torch.float64)
    mine, reference = Adam(ours.parameters(), lr=1e-2), torch.optim.Adam(theirs.parameters(), lr=1e-2)
    train_side_by_side(ours, theirs, mine, reference, torch.float64, steps=10)
    for optimizer in (mine, reference):
        optimizer.param_groups[0]["lr"] = 1e-4  # what a schedule does
    assert max(train_side_by_side(ours, theirs, mine, reference, torch.float64, steps=10)) <= 1e-12


def test_step_with_a_closure_returns_its_loss_and_updates():
    w = torch.tensor([1.0, -2.0], requires_grad=True)
    optimizer = SGD([w], lr=0.1)

    def closure():
        optimizer.zero_grad()
        loss = (w**2).sum()
        loss.backward()
        return loss

    loss = optimizer.step(closure)
    assert loss.item() == 5.0
    torch.testing.assert_close(w.detach(), torch.tensor([0.8, -1.6]))  # w − 0.1 · 2w


def test_plain_sgd_is_theta_minus_lr_times_gradient_by_hand():
    w = torch.tensor([3.0], requires_grad=True, dtype=torch.float64)
    optimizer = SGD([w], lr=0.25, momentum=0.5)
    for expected in (3.0 - 0.25 * 6.0, None):  # v₁ = g₁ = 6
        optimizer.zero_grad()
        (w**2).sum().backward()
        optimizer.step()
        if expected is not None:
            assert w.item() == expected
    # step 2: g₂ = 2 · 1.5 = 3, v₂ = 0.5 · 6 + 3 = 6, w = 1.5 − 0.25 · 6 = 0
    assert w.item() == 0.0


def test_adam_first_step_moves_each_coordinate_by_lr_whatever_the_gradient():
    # bias correction: m̂₁ = g₁ and v̂₁ = g₁², so the first step is η·g/|g| (ε aside)
    w = torch.tensor([1.0, 1.0, 1.0], dtype=torch.float64, requires_grad=True)
    optimizer = Adam([w], lr=0.01, eps=0.0)
    (w * torch.tensor([1e-4, 1.0, 1e4], dtype=torch.float64)).sum().backward()
    optimizer.step()
    torch.testing.assert_close(w.detach(), torch.full((3,), 0.99, dtype=torch.float64), rtol=0, atol=1e-15)


def test_adamw_decays_a_weight_without_gradient_and_adam_does_not():
    for cls, expected in ((AdamW, 1.0 * (1 - 0.1 * 0.5)), (Adam, 1.0)):
        w = torch.tensor([1.0], dtype=torch.float64, requires_grad=True)
        optimizer = cls([w], lr=0.1, weight_decay=0.5 if cls is AdamW else 0.0)
        w.grad = torch.zeros_like(w)
        optimizer.step()
        assert w.item() == pytest.approx(expected, abs=1e-15)


def test_zero_grad_sets_to_none_or_to_zeros_and_skips_parameters_without_gradients():
    a, b = torch.ones(2, requires_grad=True), torch.ones(3, requires_grad=True)
    optimizer = SGD([a, b], lr=0.1)
    a.sum().backward()
    optimizer.step()  # b has no gradient: left alone, no state
    assert b.detach().tolist() == [1.0, 1.0, 1.0] and b not in optimizer.state
    optimizer.zero_grad(set_to_none=False)
    assert a.grad.tolist() == [0.0, 0.0]
    optimizer.zero_grad()
    assert a.grad is None


def test_a_single_tensor_and_the_defaults_of_torch():
    w = torch.zeros(2, requires_grad=True)
    assert SGD(w).param_groups[0]["lr"] == torch.optim.SGD([w]).defaults["lr"]
    for ours, theirs in ((SGD, torch.optim.SGD), (RMSprop, torch.optim.RMSprop), (Adam, torch.optim.Adam), (AdamW, torch.optim.AdamW)):
        mine, reference = ours([w]).defaults, theirs([w]).defaults
        assert {k: reference[k] for k in mine} == mine, ours.__name__


def test_the_base_class_leaves_the_update_to_subclasses():
    optimizer = Optimizer([torch.zeros(1, requires_grad=True)], {"lr": 0.1})
    optimizer.param_groups[0]["params"][0].grad = torch.ones(1)
    with pytest.raises(NotImplementedError):
        optimizer.step()


# ---- bad input -----------------------------------------------------------------------------------

@pytest.mark.parametrize("cls", [SGD, RMSprop, Adam, AdamW])
def test_a_negative_learning_rate_is_refused(cls):
    with pytest.raises(ValueError, match=r"lr: expected a learning rate >= 0, got -0.1"):
        cls([torch.zeros(1, requires_grad=True)], lr=-0.1)
    with pytest.raises(ValueError, match=r"lr: expected a finite learning rate >= 0, got nan"):
        cls([torch.zeros(1, requires_grad=True)], lr=math.nan)
    with pytest.raises(TypeError, match=r"lr: expected a learning rate >= 0, got str '0.1'"):
        cls([torch.zeros(1, requires_grad=True)], lr="0.1")


@pytest.mark.parametrize("cls", [Adam, AdamW])
@pytest.mark.parametrize("betas, where, got", [((1.0, 0.999), "betas\\[0\\]", "1.0"), ((0.9, 1.0), "betas\\[1\\]", "1.0"),
                                               ((-0.1, 0.999), "betas\\[0\\]", "-0.1"), ((0.9, 1.5), "betas\\[1\\]", "1.5")])
def test_betas_outside_zero_one_are_refused(cls, betas, where, got):
    with pytest.raises(ValueError, match=rf"{where}: expected a decay rate beta[12] in \[0, 1\), got {got}"):
        cls([torch.zeros(1, requires_grad=True)], betas=betas)


def test_betas_must_be_a_pair():
    with pytest.raises(TypeError, match=r"betas: expected a pair \(beta1, beta2\), got float 0.9"):
        Adam([torch.zeros(1, requires_grad=True)], betas=0.9)


@pytest.mark.parametrize("cls", [SGD, RMSprop, Adam, AdamW])
def test_an_empty_parameter_list_is_refused(cls):
    with pytest.raises(ValueError, match=r"params: expected a non-empty iterable of tensors or of parameter groups"):
        cls([], lr=0.1)
    model = nn.Linear(2, 2)
    parameters = model.parameters()
    cls(parameters, lr=0.1)
    with pytest.raises(ValueError, match=r"got an empty one \(model.parameters\(\) is a generator: it is empty when used twice\)"):
        cls(parameters, lr=0.1)
    with pytest.raises(ValueError, match=r"params\[0\]\['params'\]: expected a parameter group with at least one tensor, got an empty 'params' list"):
        cls([{"params": []}], lr=0.1)


@pytest.mark.parametrize("cls", [SGD, RMSprop, Adam, AdamW])
def test_non_leaf_tensors_are_refused(cls):
    w = torch.ones(2, requires_grad=True)
    with pytest.raises(ValueError, match=r"params\[1\]: expected a leaf tensor \(a model's parameter, or a tensor created with "
                                         r"requires_grad=True\), got a non-leaf tensor computed by MulBackward0"):
        cls([w, w * 2], lr=0.1)
    with pytest.raises(ValueError, match=r"params\[0\]: expected a leaf tensor .* computed by ToCopyBackward0"):
        cls([w.double()], lr=0.1)


def test_other_bad_parameters_are_refused():
    w = torch.ones(2, requires_grad=True)
    with pytest.raises(TypeError, match=r"params\[0\]: expected a parameter \(a torch.Tensor\), got list"):
        SGD([[1.0, 2.0]], lr=0.1)
    with pytest.raises(TypeError, match=r"params\[0\]: expected a floating-point tensor \(float32 or float64\), got dtype torch.int64"):
        SGD([torch.ones(2, dtype=torch.long)], lr=0.1)
    with pytest.raises(ValueError, match=r"params\[1\]\['params'\]\[0\]: expected each tensor in one parameter group only, got it twice"):
        SGD([{"params": [w]}, {"params": [w]}], lr=0.1)
    with pytest.raises(TypeError, match=r"params\[0\]: expected a parameter group with keys from \['lr', 'momentum', 'nesterov', 'weight_decay'\], got \['betas'\]"):
        SGD([{"params": [w], "betas": (0.9, 0.99)}], lr=0.1)
    with pytest.raises(TypeError, match=r"params\[1\]: expected a parameter group, a dict with a 'params' key, got dict \{'lr': 0.1\}"):
        SGD([{"params": [w]}, {"lr": 0.1}], lr=0.1)


@pytest.mark.parametrize("cls, kwargs, message", [
    (SGD, {"momentum": 1.0}, r"momentum: expected a momentum in \[0, 1\), got 1.0"),
    (SGD, {"momentum": -0.5}, r"momentum: expected a momentum in \[0, 1\), got -0.5"),
    (SGD, {"weight_decay": -1e-4}, r"weight_decay: expected a weight decay >= 0, got -0.0001"),
    (SGD, {"nesterov": True}, r"nesterov: expected a momentum > 0 with nesterov=True, got momentum=0.0"),
    (RMSprop, {"alpha": 1.0}, r"alpha: expected a smoothing constant in \[0, 1\), got 1.0"),
    (RMSprop, {"eps": -1e-8}, r"eps: expected an epsilon >= 0, got -1e-08"),
    (RMSprop, {"momentum": 1.2}, r"momentum: expected a momentum in \[0, 1\), got 1.2"),
    (RMSprop, {"weight_decay": -1.0}, r"weight_decay: expected a weight decay >= 0, got -1.0"),
    (Adam, {"eps": -1.0}, r"eps: expected an epsilon >= 0, got -1.0"),
    (Adam, {"weight_decay": -0.1}, r"weight_decay: expected a weight decay >= 0, got -0.1"),
    (AdamW, {"weight_decay": -0.1}, r"weight_decay: expected a weight decay >= 0, got -0.1"),
])
def test_other_hyperparameters_out_of_range_are_refused(cls, kwargs, message):
    with pytest.raises(ValueError, match=message):
        cls([torch.zeros(1, requires_grad=True)], lr=0.1, **kwargs)


def test_a_bad_group_hyperparameter_is_refused_too():
    with pytest.raises(ValueError, match=r"lr: expected a learning rate >= 0, got -1"):
        Adam([{"params": [torch.zeros(1, requires_grad=True)], "lr": -1}])
