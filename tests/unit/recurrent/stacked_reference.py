"""Shared by test_gru.py and test_lstm.py: run our stacked layer and torch's on the same input, with
packed sequences on torch's side when lengths are given, and return the largest differences."""

from __future__ import annotations

import torch
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

TOL = {torch.float32: 1e-6, torch.float64: 1e-12}
LENGTHS = [6, 2, 5, 1]  # unsorted, one of them full length and one a single token


def as_states(state):
    """h_n -> (h_n,); (h_n, c_n) stays a pair."""
    return tuple(state) if isinstance(state, tuple) else (state,)


def run_both(ours_cls, torch_cls, *, dtype, num_layers, bidirectional, batch_first, with_state, lengths,
             bias=True, input_size=3, hidden_size=5, seed=0):
    """Outputs, final states and the gradients of x, the initial states and every parameter, ours and torch's.

    Returns (ours, theirs), each a dict: "output", "states" (tuple), "grads" (list in the same order).
    The loss mixes every output and final state with means, so that gradients stay O(1) and 1e-6 in
    float32 is a few ulps.
    """
    torch.manual_seed(seed)
    reference = torch_cls(input_size, hidden_size, num_layers, bias=bias, batch_first=batch_first,
                          bidirectional=bidirectional, dtype=dtype)
    ours = ours_cls.from_torch(reference)
    batch, seq = len(LENGTHS), max(LENGTHS)
    rows = num_layers * (2 if bidirectional else 1)
    x = torch.randn((batch, seq, input_size) if batch_first else (seq, batch, input_size), dtype=dtype)
    n_states = 2 if torch_cls is torch.nn.LSTM else 1
    states = [torch.randn(rows, batch, hidden_size, dtype=dtype) for _ in range(n_states)] if with_state else []
    output_target = torch.randn((batch, seq, hidden_size * rows // num_layers) if batch_first
                                else (seq, batch, hidden_size * rows // num_layers), dtype=dtype)
    results = []
    for module in (ours, reference):
        xi = x.clone().requires_grad_()
        si = [s.clone().requires_grad_() for s in states]
        hx = None if not si else (tuple(si) if n_states == 2 else si[0])
        if module is ours:
            output, final = module(xi, hx, lengths=lengths)
        elif lengths is None:
            output, final = module(xi, hx)
        else:
            packed = pack_padded_sequence(xi, torch.tensor(lengths), batch_first=batch_first, enforce_sorted=False)
            output, final = module(packed, hx)
            output, _ = pad_packed_sequence(output, batch_first=batch_first, total_length=seq)
        final = as_states(final)
        loss = ((output - output_target) ** 2).mean() + sum((s ** 2).mean() + s.mean() for s in final)
        loss.backward()
        grads = [xi.grad] + [s.grad for s in si] + [p.grad for _, p in module.named_parameters()]
        results.append({"output": output.detach(), "states": tuple(s.detach() for s in final), "grads": grads,
                        "names": [n for n, _ in module.named_parameters()]})
    return results


def max_differences(ours, theirs):
    """(largest |difference| of output and states, largest |difference| of the gradients)."""
    assert ours["names"] == theirs["names"]
    assert ours["output"].shape == theirs["output"].shape
    assert [s.shape for s in ours["states"]] == [s.shape for s in theirs["states"]]
    values = max((a - b).abs().max().item() for a, b in zip((ours["output"], *ours["states"]),
                                                             (theirs["output"], *theirs["states"])))
    assert len(ours["grads"]) == len(theirs["grads"])
    grads = max((a - b).abs().max().item() for a, b in zip(ours["grads"], theirs["grads"]))
    return values, grads
