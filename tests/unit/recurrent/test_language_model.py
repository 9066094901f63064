"""neuralnlp.recurrent.language_model against torch.nn modules, F.cross_entropy, hand-worked numbers and its error messages."""

import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from neuralnlp.recurrent.language_model import (
    RNNLanguageModel,
    language_model_loss,
    next_token_cross_entropy,
    perplexity,
    sample,
    train_language_model,
)

V, E, H = 7, 5, 6


def make_model(cell="rnn", dtype=torch.float64, seed=0):
    torch.manual_seed(seed)
    return RNNLanguageModel(V, E, H, cell=cell, dtype=dtype)


def random_ids(*shape, seed=1):
    return torch.randint(0, V, shape, generator=torch.Generator().manual_seed(seed))


@pytest.mark.parametrize("cell", ["rnn", "gru"])
def test_forward_shapes_batched_and_unbatched(cell):
    model = make_model(cell)
    logits, h_n = model(random_ids(3, 4))
    assert logits.shape == (3, 4, V) and h_n.shape == (1, 3, H)
    logits, h_n = model(random_ids(4))
    assert logits.shape == (4, V) and h_n.shape == (1, H)


@pytest.mark.parametrize("cell, gates", [("rnn", 1), ("gru", 3)])
def test_parameter_count_by_hand(cell, gates):
    # embedding V·E + recurrent gates·(H·E + H·H + 2H) + head V·H + V; nothing depends on the text length
    expected = V * E + gates * (H * E + H * H + 2 * H) + V * H + V
    assert sum(p.numel() for p in make_model(cell).parameters()) == expected


@pytest.mark.parametrize("cell, reference", [("rnn", nn.RNN), ("gru", nn.GRU)])
def test_forward_equals_torch_modules_with_copied_weights(cell, reference):
    model = make_model(cell)
    torch_rnn = reference(E, H, batch_first=True, dtype=torch.float64)
    with torch.no_grad():
        for name, p in model.recurrent.named_parameters():  # RNN: weight_ih, …; GRU: weight_ih_l0, … like torch
            getattr(torch_rnn, name if name.endswith("_l0") else name + "_l0").copy_(p)
    ids = random_ids(2, 9)
    h0 = torch.randn(1, 2, H, dtype=torch.float64)
    out, expected_h = torch_rnn(F.embedding(ids, model.embedding.weight), h0)
    expected_logits = F.linear(out, model.head.weight, model.head.bias)
    logits, h_n = model(ids, h0)
    assert (logits - expected_logits).abs().max() <= 1e-12
    assert (h_n - expected_h).abs().max() <= 1e-12


@pytest.mark.parametrize("dtype, tol", [(torch.float32, 1e-6), (torch.float64, 1e-12)])
@pytest.mark.parametrize("shape", [(3, 5), (5,)])
def test_next_token_cross_entropy_equals_torch(dtype, tol, shape):
    logits = torch.randn(*shape, V, dtype=dtype, generator=torch.Generator().manual_seed(2)) * 3
    targets = random_ids(*shape)
    expected = F.cross_entropy(logits.reshape(-1, V), targets.reshape(-1))
    assert abs(next_token_cross_entropy(logits, targets) - expected) <= tol


def test_next_token_cross_entropy_gradient_equals_torch():
    logits = torch.randn(2, 4, V, dtype=torch.float64, requires_grad=True)
    targets = random_ids(2, 4)
    next_token_cross_entropy(logits, targets).backward()
    ours = logits.grad.clone()
    logits.grad = None
    F.cross_entropy(logits.reshape(-1, V), targets.reshape(-1)).backward()
    assert (ours - logits.grad).abs().max() <= 1e-15


@pytest.mark.parametrize("cell", ["rnn", "gru"])
def test_loss_is_teacher_forcing_one_step_at_a_time(cell):
    # Feed the true tokens one by one, carrying h, and score each next token: the same mean −log p.
    model = make_model(cell)
    ids = random_ids(10)
    h, total = None, 0.0
    for t in range(len(ids) - 1):
        logits, h = model(ids[t : t + 1], h)
        total -= torch.log_softmax(logits[0], -1)[ids[t + 1]]
    assert abs(language_model_loss(model, ids) - total / (len(ids) - 1)) <= 1e-12


def test_perplexity_is_exp_of_the_loss():
    model, ids = make_model(), random_ids(2, 8)
    assert perplexity(model, ids) == pytest.approx(math.exp(language_model_loss(model, ids).item()), rel=1e-14)


def test_perplexity_of_a_uniform_model_is_the_vocabulary_size():
    # All logits 0 → p = 1/V for every token → cross-entropy ln V → perplexity V.
    model = make_model()
    with torch.no_grad():
        model.head.weight.zero_()
        model.head.bias.zero_()
    assert perplexity(model, random_ids(3, 20)) == pytest.approx(V, rel=1e-14)


def test_perplexity_by_hand():
    # The head ignores h and always predicts p = (1/2, 1/4, 1/4). For ids 0 1 2 0 the targets are 1, 2, 0 with
    # p = 1/4, 1/4, 1/2: cross-entropy (ln 4 + ln 4 + ln 2) / 3 = ln 32 / 3, perplexity 32^(1/3) ≈ 3.1748.
    torch.manual_seed(0)
    model = RNNLanguageModel(3, 2, 2, dtype=torch.float64)
    with torch.no_grad():
        model.head.weight.zero_()
        model.head.bias.copy_(torch.tensor([0.5, 0.25, 0.25], dtype=torch.float64).log())
    assert perplexity(model, torch.tensor([0, 1, 2, 0])) == pytest.approx(32 ** (1 / 3), rel=1e-14)


def test_sampling_with_the_same_seed_repeats():
    model = make_model()
    draw = lambda seed: sample(model, [1, 2], 30, 1.0, torch.Generator().manual_seed(seed))  # noqa: E731
    first = draw(0)
    assert first.dtype == torch.long and first.shape == (30,)
    assert torch.equal(first, draw(0))
    assert not torch.equal(first, draw(1))


def greedy_by_hand(model, prompt, length):
    logits, h = model(torch.tensor(prompt))
    out = []
    for _ in range(length):
        token = int(logits[-1].argmax())
        out.append(token)
        logits, h = model(torch.tensor([token]), h)
    return out


@pytest.mark.parametrize("cell", ["rnn", "gru"])
def test_temperature_zero_and_near_zero_take_the_argmax(cell):
    model = make_model(cell)
    with torch.no_grad():
        model.head.weight.mul_(20)  # well-separated logits, so the argmax is unambiguous
        expected = greedy_by_hand(model, [3], 25)
    assert sample(model, [3], 25, temperature=0).tolist() == expected
    near_zero = sample(model, [3], 25, temperature=1e-3, generator=torch.Generator().manual_seed(0))
    assert near_zero.tolist() == expected


def test_high_temperature_flattens_the_distribution():
    # At temperature 100 every token is nearly equally likely: each of V appears in 700 draws.
    model = make_model()
    drawn = sample(model, [0], 700, temperature=100.0, generator=torch.Generator().manual_seed(0))
    assert set(drawn.tolist()) == set(range(V))


def test_sample_of_length_zero_is_empty():
    assert sample(make_model(), [0], 0).shape == (0,)


def test_training_reduces_the_loss_on_a_tiny_corpus():
    # "0 1 2 3 4 5 6" repeated: after training, each next token is almost certain.
    torch.manual_seed(0)
    model = RNNLanguageModel(V, 8, 16)
    ids = torch.arange(V).repeat(20)
    before = perplexity(model, ids)
    losses = train_language_model(model, ids, steps=40, batch_size=4, seq_len=8, lr=0.05,
                                  generator=torch.Generator().manual_seed(0))
    assert len(losses) == 40 and losses[-1] < 0.1 * losses[0]
    assert before > 4 and perplexity(model, ids) < 1.1


def test_one_training_step_is_clipped_adam_on_random_windows():
    model, copy = make_model(), make_model()
    ids = random_ids(40)
    train_language_model(model, ids, steps=1, batch_size=3, seq_len=5, lr=0.1, max_grad_norm=0.01,
                         generator=torch.Generator().manual_seed(4))
    starts = torch.randint(0, 40 - 5, (3, 1), generator=torch.Generator().manual_seed(4))
    windows = ids[starts + torch.arange(6)]
    logits, _ = copy(windows[:, :-1])
    F.cross_entropy(logits.reshape(-1, V), windows[:, 1:].reshape(-1)).backward()
    norm = torch.sqrt(sum((p.grad**2).sum() for p in copy.parameters()))
    assert norm > 0.01  # so clipping changes the step
    for p in copy.parameters():
        p.grad *= 0.01 / (norm + 1e-6)  # clip_grad_norm_'s rescaling
    torch.optim.Adam(copy.parameters(), lr=0.1).step()
    for ours, theirs in zip(model.parameters(), copy.parameters()):
        assert (ours - theirs).abs().max() <= 1e-12


def test_constant_learning_rate_without_decay():
    model, copy = make_model(), make_model()
    ids = random_ids(40)
    args = dict(steps=2, batch_size=3, seq_len=5, lr=0.1)
    train_language_model(model, ids, **args, generator=torch.Generator().manual_seed(0))
    train_language_model(copy, ids, **args, linear_decay=False, generator=torch.Generator().manual_seed(0))
    # the first step uses lr either way; the second uses lr/2 with decay and lr without: different weights
    assert not torch.allclose(model.head.weight, copy.head.weight)


def test_bad_cell_is_named():
    with pytest.raises(ValueError, match=r"cell: expected 'rnn' or 'gru', got 'lstm'"):
        RNNLanguageModel(V, E, H, cell="lstm")


def test_float_ids_are_rejected():
    with pytest.raises(TypeError, match=r"^ids: expected integer token ids \(torch.long or torch.int32\), got dtype torch.float32$"):
        make_model()(torch.zeros(3))
    with pytest.raises(TypeError, match=r"^ids: expected integer token ids, got list \['the', 'cat'\] \(encode tokens to ids first"):
        make_model()(["the", "cat"])


def test_out_of_range_id_is_named_with_position():
    ids = torch.tensor([[0, 1, 2], [3, 7, 4]])
    with pytest.raises(IndexError, match=r"^ids: expected token ids in \[0, 6\] \(vocab_size=7\), got 7 at position \(1, 1\)$"):
        make_model()(ids)
    with pytest.raises(IndexError, match=r"got -1 at position \(0,\)"):
        make_model()(torch.tensor([-1, 0]))


def test_three_dimensional_ids_are_rejected():
    with pytest.raises(ValueError, match=r"ids: expected shape \(seq,\) or \(batch, seq\), got shape \(1, 2, 3\)"):
        make_model()(torch.zeros(1, 2, 3, dtype=torch.long))


def test_loss_needs_two_tokens():
    with pytest.raises(ValueError, match=r"ids: expected at least 2 tokens per sequence, got shape \(1,\)"):
        perplexity(make_model(), [4])


def test_targets_must_match_logits():
    with pytest.raises(ValueError, match=r"targets: expected shape \(2, 3\) .*, got shape \(2, 4\)"):
        next_token_cross_entropy(torch.zeros(2, 3, V), torch.zeros(2, 4, dtype=torch.long))
    with pytest.raises(IndexError, match=r"targets: expected token ids in \[0, 6\] \(V=7\), got 9"):
        next_token_cross_entropy(torch.zeros(3, V), torch.tensor([0, 9, 1]))
    with pytest.raises(ValueError, match=r"^logits: expected shape \(seq, V\) or \(batch, seq, V\) .*got shape \(7,\)$"):
        next_token_cross_entropy(torch.zeros(V), torch.tensor(3))
    with pytest.raises(TypeError, match=r"^logits: expected a floating-point tensor \(float32 or float64\), got dtype torch.int64$"):
        next_token_cross_entropy(torch.zeros(3, V, dtype=torch.long), torch.tensor([0, 1, 1]))


def test_sample_rejects_bad_arguments():
    model = make_model()
    with pytest.raises(ValueError, match=r"temperature: expected a number >= 0, got -0.5"):
        sample(model, [0], 3, temperature=-0.5)
    with pytest.raises(ValueError, match=r"prompt_ids: expected shape \(P,\), got shape \(1, 2\)"):
        sample(model, [[0, 1]], 3)
    with pytest.raises(ValueError, match=r"prompt_ids: expected at least 1 tokens per sequence, got shape \(0,\)"):
        sample(model, torch.zeros(0, dtype=torch.long), 3)
    with pytest.raises(ValueError, match=r"^length: expected an integer >= 0, got -1$"):
        sample(model, [0], -1)
    with pytest.raises(TypeError, match=r"^generator: expected a torch.Generator \(torch.Generator\(\).manual_seed\(seed\)\) or None, got int 0$"):
        sample(model, [0], 2, generator=0)


def test_a_tiny_temperature_is_the_argmax_not_an_error():
    model = make_model()
    assert torch.equal(sample(model, [0, 1], 4, temperature=1e-45), sample(model, [0, 1], 4, temperature=0))


def test_train_rejects_bad_arguments():
    model = make_model()
    with pytest.raises(ValueError, match=r"ids: expected one token stream of shape \(N,\), got shape \(2, 20\)"):
        train_language_model(model, random_ids(2, 20), steps=1, seq_len=5)
    with pytest.raises(ValueError, match=r"ids: expected at least 33 tokens per sequence, got shape \(20,\)"):
        train_language_model(model, random_ids(20), steps=1, seq_len=32)
    with pytest.raises(ValueError, match=r"^steps: expected an integer >= 1, got 0$"):
        train_language_model(model, random_ids(20), steps=0, seq_len=5)
    before = [p.detach().clone() for p in model.parameters()]
    with pytest.raises(ValueError, match=r"^max_grad_norm: expected a number > 0, got -1.0$"):
        train_language_model(model, random_ids(20), steps=1, seq_len=5, max_grad_norm=-1.0)
    with pytest.raises(ValueError, match=r"^batch_size: expected an integer >= 1, got 0$"):
        train_language_model(model, random_ids(20), steps=1, seq_len=5, batch_size=0)
    assert all(torch.equal(a, b) for a, b in zip(before, model.parameters()))
