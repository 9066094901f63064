"""The errata on the "Why sequences" page, proved against the source's own SimpleRNN listing.

snippets/recurrent/source_simple_rnn.txt is the listing exactly as the source article prints it. The page
names five defects; each test below shows one of them with the listing itself, so the errata
cannot go stale: if the listing or a fix changes, a test fails.

The listing is illustrative and leaves its sizes undefined (``n_in``, ``n_hidden``, ``n_out``,
``seq``); the tests supply them, and ``inputs`` (one vector per token) where a fix needs it.
"""

import re
import runpy
from pathlib import Path

import pytest
import torch

ROOT = Path(__file__).resolve().parents[3]
SOURCE = (ROOT / "snippets" / "recurrent" / "source_simple_rnn.txt").read_text(encoding="utf-8")
FIXED_SNIPPET = ROOT / "snippets" / "recurrent" / "sequences_simple_rnn_fixed.py"

N_IN, N_HIDDEN, N_OUT, SEQ = 3, 4, 2, 5

# Each textual fix: the defect it repairs, then (text as printed, replacement) pairs.
FIXES = {
    "1-super": [("super(RNN, self)", "super(SimpleRNN, self)")],
    "2-cat": [("torch.cat(x, h_p)", "torch.cat((x, h_p), dim=-1)")],
    "3-import": [("import torch.nn as nn\n", "import torch\nimport torch.nn as nn\n")],
    "5-drops-h": [("model(token, )", "model(token, h)")],
    "5-integers": [("for token in range(seq):", "for token in inputs:")],
}

# What each defect raises when it is the only one left.
ERRORS = {
    "1-super": (NameError, r"name 'RNN' is not defined"),
    "2-cat": (TypeError, r"cat\(\)"),
    "3-import": (NameError, r"name 'torch' is not defined"),
    "5-drops-h": (TypeError, r"missing 1 required positional argument: 'h_p'"),
    "5-integers": (TypeError, r"but got int|not int"),
}

# The order in which running the listing meets the defects, fixing each one as it appears.
ORDER_MET = ["1-super", "3-import", "5-drops-h", "2-cat", "5-integers"]


def patched(*defects: str) -> str:
    text = SOURCE
    for defect in defects:
        for old, new in FIXES[defect]:
            assert text.count(old) == 1, f"fix {defect}: {old!r} should occur once in the listing"
            text = text.replace(old, new)
    return text


def run(text: str, dtype=torch.float32, inputs=None) -> dict:
    """Execute a version of the listing with the sizes it leaves undefined; return its namespace."""
    torch.manual_seed(0)
    if inputs is None:
        inputs = torch.randn(SEQ, 1, N_IN, dtype=dtype)
    namespace = {"n_in": N_IN, "n_hidden": N_HIDDEN, "n_out": N_OUT, "seq": SEQ, "inputs": inputs}
    exec(compile(text, "source_simple_rnn.txt", "exec"), namespace)
    return namespace


def test_the_fixes_are_all_the_defects_we_name():
    assert set(FIXES) == set(ERRORS) == set(ORDER_MET)


def test_listing_as_printed_fails_at_super():
    with pytest.raises(NameError, match=ERRORS["1-super"][1]):
        run(SOURCE)


@pytest.mark.parametrize("step", range(len(ORDER_MET)))
def test_fixing_one_defect_at_a_time_reveals_the_next(step):
    # Fixing everything met so far, the listing stops at the next defect with that defect's error.
    error, message = ERRORS[ORDER_MET[step]]
    with pytest.raises(error, match=message):
        run(patched(*ORDER_MET[:step]))


@pytest.mark.parametrize("defect", sorted(ERRORS))
def test_each_defect_alone_breaks_the_listing(defect):
    # Every other fix applied: this defect by itself is enough to make the listing fail.
    error, message = ERRORS[defect]
    with pytest.raises(error, match=message):
        run(patched(*(d for d in FIXES if d != defect)))


def test_all_textual_fixes_make_it_run():
    namespace = run(patched(*FIXES))
    assert namespace["h"].shape == (1, N_HIDDEN)
    assert namespace["out"].shape == (1, N_OUT)


def final_state(model, xs: torch.Tensor) -> torch.Tensor:
    h = torch.zeros(1, N_HIDDEN, dtype=xs.dtype)
    for x in xs:
        _, h = model(x, h)
    return h


def superposition_gap(model) -> float:
    """max |f(a + b) - f(a) - f(b) + f(0)| for the final hidden state f; exactly 0 for an affine f."""
    gen = torch.Generator().manual_seed(1)
    a, b = torch.randn(2, SEQ, 1, N_IN, dtype=torch.float64, generator=gen)
    f = lambda xs: final_state(model, xs)  # noqa: E731
    with torch.no_grad():
        return (f(a + b) - f(a) - f(b) + f(torch.zeros_like(a))).abs().max().item()


def test_defect_4_after_all_textual_fixes_the_hidden_state_is_linear():
    model = run(patched(*FIXES))["model"].double()
    assert superposition_gap(model) < 1e-12


def test_defect_4_adding_tanh_breaks_superposition():
    # The check above can fail: the same listing with tanh on h is not affine.
    text = patched(*FIXES).replace("h = self.w0(", "h = torch.tanh(self.w0(").replace(
        "dim=-1))\n", "dim=-1)))\n"
    )
    assert "torch.tanh(self.w0(torch.cat((x, h_p), dim=-1)))" in text
    model = run(text)["model"].double()
    assert superposition_gap(model) > 1e-3


@pytest.fixture(scope="module")
def fixed_snippet():
    return runpy.run_path(str(FIXED_SNIPPET))


def test_fixed_snippet_runs_and_threads_h(fixed_snippet):
    assert fixed_snippet["h"].shape == (1, 3)
    assert fixed_snippet["out"].shape == (1, 2)
    # Its last h is what a fresh loop over the same inputs gives, so h really went around the loop.
    model, inputs = fixed_snippet["model"], fixed_snippet["inputs"]
    h = torch.zeros(1, 3)
    with torch.no_grad():
        for x in inputs:
            _, h = model(x, h)
    torch.testing.assert_close(h, fixed_snippet["h"], rtol=0, atol=0)


def test_fixed_snippet_is_not_linear(fixed_snippet):
    SimpleRNN = fixed_snippet["SimpleRNN"]
    torch.manual_seed(0)
    model = SimpleRNN(N_IN, N_HIDDEN, N_OUT).double()
    assert superposition_gap(model) > 1e-3


def test_fixed_snippet_is_an_elman_cell(fixed_snippet):
    # w0 acting on [x; h] is W_ih x + W_hh h with [W_ih W_hh] side by side: torch.nn.RNNCell, bias_hh = 0.
    torch.manual_seed(0)
    model = fixed_snippet["SimpleRNN"](N_IN, N_HIDDEN, N_OUT).double()
    cell = torch.nn.RNNCell(N_IN, N_HIDDEN, dtype=torch.float64)
    with torch.no_grad():
        cell.weight_ih.copy_(model.w0.weight[:, :N_IN])
        cell.weight_hh.copy_(model.w0.weight[:, N_IN:])
        cell.bias_ih.copy_(model.w0.bias)
        cell.bias_hh.zero_()
        xs = torch.randn(SEQ, 2, N_IN, dtype=torch.float64)
        h_ours = h_torch = torch.randn(2, N_HIDDEN, dtype=torch.float64)
        for x in xs:
            _, h_ours = model(x, h_ours)
            h_torch = cell(x, h_torch)
    torch.testing.assert_close(h_ours, h_torch, rtol=0, atol=1e-12)


def test_listing_file_is_the_source_listing():
    # Guard against someone "tidying" the quoted listing: it must keep every defect the page names.
    for defect, pairs in FIXES.items():
        for old, _ in pairs:
            if defect != "3-import":
                assert old in SOURCE, defect
    assert not re.search(r"^import torch$", SOURCE, flags=re.M)
    assert "tanh" not in SOURCE and "relu" not in SOURCE.lower()
