"""neuralnlp.embeddings.word2vec.models: SkipGram and CBOW losses against the NumPy formulas of this package and
neuralnlp.basics.activations with copied vectors, gradients against sgns_grad, start values by hand, errors."""

import math

import numpy as np
import pytest
import torch

from neuralnlp.basics.activations import log_softmax
from neuralnlp.embeddings.word2vec.hierarchical_softmax import hs_log_probability
from neuralnlp.embeddings.word2vec.huffman import build_huffman_tree
from neuralnlp.embeddings.word2vec.models import CBOW, SkipGram
from neuralnlp.embeddings.word2vec.negative_sampling import sgns_grad, sgns_loss

V, D = 7, 4
COUNTS = [30, 12, 9, 5, 3, 2, 1]
rng = np.random.default_rng(0)


def _randomised(model):
    # Output vectors start at zero (word2vec.c); random ones make the comparisons meaningful.
    torch.manual_seed(0)
    with torch.no_grad():
        model.input_vectors.weight.normal_()
        model.output_vectors.weight.normal_()
    return model


def _weights(model):
    return model.input_vectors.weight.detach().numpy(), model.output_vectors.weight.detach().numpy()


TARGET = torch.tensor([0, 3, 6, 3])
CONTEXT = torch.tensor([1, 2, 0, 5])
NEGATIVES = torch.tensor([[4, 5], [1, 1], [2, 3], [0, 6]])


def test_skipgram_softmax_matches_numpy_log_softmax():
    model = _randomised(SkipGram(V, D, "softmax", dtype=torch.float64))
    v, u = _weights(model)
    expected = -log_softmax(v[TARGET] @ u.T)[np.arange(4), CONTEXT].mean()
    assert abs(model(TARGET, CONTEXT).item() - expected) < 1e-12


def test_skipgram_negative_matches_sgns_loss_and_grad():
    model = _randomised(SkipGram(V, D, "negative", dtype=torch.float64))
    v, u = _weights(model)
    loss = model(TARGET, CONTEXT, NEGATIVES)
    assert abs(loss.item() - sgns_loss(v[TARGET], u[CONTEXT], u[NEGATIVES])) < 1e-12
    (loss * len(TARGET)).backward()  # sgns_grad is for the summed loss
    g_center, g_context, g_neg = sgns_grad(v[TARGET], u[CONTEXT], u[NEGATIVES])
    expected_in, expected_out = np.zeros_like(v), np.zeros_like(u)
    np.add.at(expected_in, TARGET.numpy(), g_center)
    np.add.at(expected_out, CONTEXT.numpy(), g_context)
    np.add.at(expected_out, NEGATIVES.numpy(), g_neg)
    np.testing.assert_allclose(model.input_vectors.weight.grad.numpy(), expected_in, rtol=1e-12, atol=1e-14)
    np.testing.assert_allclose(model.output_vectors.weight.grad.numpy(), expected_out, rtol=1e-12, atol=1e-14)


def test_skipgram_hierarchical_matches_hs_log_probability():
    model = _randomised(SkipGram(V, D, "hierarchical", counts=COUNTS, dtype=torch.float64))
    assert model.output_vectors.weight.shape == (V - 1, D)
    v, u = _weights(model)
    codes, points = build_huffman_tree(COUNTS)
    expected = -np.mean([hs_log_probability(v[t], u, codes[o], points[o]) for t, o in zip(TARGET, CONTEXT)])
    assert abs(model(TARGET, CONTEXT).item() - expected) < 1e-12


@pytest.mark.parametrize("loss", ["softmax", "negative", "hierarchical"])
def test_cbow_uses_the_mean_of_present_context_vectors(loss):
    model = _randomised(CBOW(V, D, loss, counts=COUNTS, dtype=torch.float64))
    v, u = _weights(model)
    contexts = torch.tensor([[1, 2, 4, 5], [0, 6, -1, -1]])  # second window is shorter: padded with -1
    target, negatives = torch.tensor([3, 2]), torch.tensor([[0, 1], [5, 5]])
    hidden = np.stack([v[[1, 2, 4, 5]].mean(0), v[[0, 6]].mean(0)])
    if loss == "softmax":
        expected = -log_softmax(hidden @ u.T)[[0, 1], target].mean()
    elif loss == "negative":
        expected = sgns_loss(hidden, u[target], u[negatives])
    else:
        codes, points = build_huffman_tree(COUNTS)
        expected = -np.mean([hs_log_probability(h, u, codes[t], points[t]) for h, t in zip(hidden, target)])
    assert abs(model(contexts, target, negatives).item() - expected) < 1e-12


def test_start_losses_by_hand():
    # Output vectors start at zero, so every score is 0 and every sigmoid 1/2:
    # softmax: -log(1/V) = log 7; negative with k = 2: 3·log 2; hierarchical: len(code)·log 2.
    torch.manual_seed(0)
    assert abs(SkipGram(V, D, "softmax")(TARGET, CONTEXT).item() - math.log(7)) < 1e-6
    assert abs(CBOW(V, D, "negative")(TARGET[:, None], CONTEXT, NEGATIVES).item() - 3 * math.log(2)) < 1e-6
    codes, _ = build_huffman_tree(COUNTS)
    mean_length = np.mean([len(codes[o]) for o in CONTEXT])
    hs = SkipGram(V, D, "hierarchical", counts=COUNTS)(TARGET, CONTEXT).item()
    assert abs(hs - mean_length * math.log(2)) < 1e-6


def test_word2vec_c_initialisation():
    model = SkipGram(50, 10)
    w = model.word_vectors
    assert w.abs().max() <= 0.05 and w.std() > 0.01  # uniform in [-0.5/d, 0.5/d]
    assert torch.count_nonzero(model.output_vectors.weight) == 0


def test_errors():
    with pytest.raises(ValueError, match="loss: expected one of .*got 'nce'"):
        SkipGram(V, D, "nce")
    with pytest.raises(ValueError, match="counts: expected 7 word counts to build the Huffman tree, got None"):
        CBOW(V, D, "hierarchical")
    with pytest.raises(ValueError, match="counts: expected 7 word counts to build the Huffman tree, got 3 counts"):
        CBOW(V, D, "hierarchical", counts=[1, 2, 3])
    with pytest.raises(ValueError, match=r"negatives: expected a \(batch, k\) tensor of noise word ids"):
        SkipGram(V, D, "negative")(TARGET, CONTEXT)
    with pytest.raises(ValueError, match="contexts: expected at least one context word"):
        CBOW(V, D, "softmax")(torch.tensor([[-1, -1]]), torch.tensor([0]))
    with pytest.raises(IndexError, match=r"^target: expected word ids in \[0, 6\] \(vocab_size=7\), got 9 at position \(0,\)$"):
        SkipGram(V, D, "softmax")(torch.tensor([9]), torch.tensor([0]))
    with pytest.raises(TypeError, match=r"^target: expected integer word ids \(torch.long or torch.int32\), got dtype torch.float32$"):
        SkipGram(V, D, "softmax")(torch.tensor([0.0]), torch.tensor([0]))


@pytest.mark.parametrize("loss", ["softmax", "negative", "hierarchical"])
def test_every_output_layer_checks_the_ids_it_reads(loss):
    # -100 is F.cross_entropy's ignore_index and -1 would wrap to the last Huffman path: both are errors
    counts = list(range(1, V + 1))
    model = SkipGram(V, D, loss, counts=counts)
    negatives = torch.zeros(2, 3, dtype=torch.long)
    for bad in (-100, -1, V):
        with pytest.raises(IndexError, match=rf"^context: expected word ids in \[0, 6\] \(vocab_size=7\), got {bad} at position \(1,\)$"):
            model(torch.tensor([1, 2]), torch.tensor([3, bad]), negatives)
    with pytest.raises(TypeError, match=r"^context: expected integer word ids"):
        model(torch.tensor([1, 2]), torch.tensor([3.0, 1.0]), negatives)
    with pytest.raises(ValueError, match=r"^context: expected shape \(2,\), got shape \(3,\)$"):
        model(torch.tensor([1, 2]), torch.tensor([3, 1, 0]), negatives)
    with pytest.raises(IndexError, match=r"^contexts: expected word ids in \[0, 6\] or -1 for padding"):
        CBOW(V, D, loss, counts=counts)(torch.tensor([[1, -2]]), torch.tensor([1]), negatives[:1])


def test_negatives_must_have_one_row_per_example():
    with pytest.raises(ValueError, match=r"^negatives: expected shape \(2, k\), got shape \(2,\)$"):
        SkipGram(V, D)(torch.tensor([1, 2]), torch.tensor([3, 4]), torch.tensor([5, 6]))
    with pytest.raises(IndexError, match=r"^negatives: expected word ids in \[0, 6\]"):
        SkipGram(V, D)(torch.tensor([1, 2]), torch.tensor([3, 4]), torch.tensor([[5], [7]]))
