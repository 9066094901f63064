"""Save a trained text classifier and load it back, in another process, with everything it needs.

A checkpoint is one file (``torch.save``) holding:

- the model's weights (``state_dict``) and the **config** that builds the model
  (``build_classifier(config)``: which model, its sizes, the tokenisation level and ``max_len``);
- the **vocabulary** (its tokens in id order): the weights of row i mean token i of *this*
  vocabulary and of no other;
- the **optimiser** state (AdamW's moments and step counts) and the **epoch**, to resume training.

It is read back with ``torch.load(weights_only=True)``, which unpickles only tensors and plain
containers, never arbitrary objects. ``load_checkpoint`` refuses, with a message saying what
differs, a missing or unreadable file, a file that is not such a checkpoint, weights that do not
fit the config, and (when you pass the ones you expect) another vocabulary or config.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import torch
from torch import nn

from neuralnlp._checks import brief, check_int, check_path
from neuralnlp.embeddings.vocab import Vocabulary
from neuralnlp.pipeline.models import build_classifier
from neuralnlp.pipeline.tokenise import _check_vocab
from neuralnlp.training.optimisers import AdamW

FORMAT = "neuralnlp text classifier v1"
KEYS = ("format", "model", "optimizer", "epoch", "vocab", "config")


@dataclass
class TextClassifierCheckpoint:
    """What :func:`load_checkpoint` returns.

    Attributes:
        model: the classifier, rebuilt from ``config`` with the saved weights, in evaluation mode.
        vocab: the saved vocabulary.
        config: the saved config dict.
        epoch: the epoch the weights come from.
        optimizer: an AdamW over the model's trainable parameters with the saved state, to resume.
    """

    model: nn.Module
    vocab: Vocabulary
    config: dict
    epoch: int
    optimizer: AdamW


# --8<-- [start:save]
def save_checkpoint(path, model: nn.Module, optimizer: AdamW, epoch: int, vocab: Vocabulary, config: dict) -> None:
    """Write model weights, optimiser state, epoch, vocabulary and config to ``path``.

    Args:
        path: the file to write (str or pathlib.Path).
        model: the trained classifier (built by ``build_classifier(config)``).
        optimizer: its AdamW optimiser.
        epoch: the epoch of the weights, >= 0.
        vocab: the vocabulary the model's ids refer to.
        config: the dict ``build_classifier`` builds the model from.
    """
    check_path(path, "path", must_exist=None)
    if not isinstance(model, nn.Module):
        raise TypeError(f"model: expected a torch.nn.Module, got {brief(model)}")
    if not isinstance(optimizer, AdamW):
        raise TypeError(f"optimizer: expected our AdamW (neuralnlp.training.AdamW), got {brief(optimizer)}")
    vocab = _check_vocab(vocab)
    _check_config(config, vocab)
    torch.save({
        "format": FORMAT,
        "model": model.state_dict(),
        "optimizer": _optimizer_state(optimizer, model),
        "epoch": check_int(epoch, "epoch", minimum=0),
        "vocab": {"tokens": list(vocab.tokens), "counts": list(vocab.counts), "unk": vocab.unk},
        "config": dict(config),
    }, path)
# --8<-- [end:save]


# --8<-- [start:load]
def load_checkpoint(path, expected_vocab: Vocabulary | None = None,
                    expected_config: dict | None = None) -> TextClassifierCheckpoint:
    """Read a checkpoint written by :func:`save_checkpoint` and rebuild the model.

    Args:
        path: the checkpoint file.
        expected_vocab: if given, the checkpoint's vocabulary must be this one (same tokens, same ids).
        expected_config: if given, the checkpoint's config must equal it.

    Raises:
        FileNotFoundError: no file at ``path``.
        ValueError: a file that is not a readable checkpoint (corrupt, truncated, another format),
            weights that do not fit the config, or another vocabulary or config than expected.
    """
    check_path(path, "path")
    try:
        saved = torch.load(path, weights_only=True)
    except Exception as error:  # a truncated zip, random bytes, a pickle of other objects
        raise ValueError(f"path: expected a checkpoint written by save_checkpoint, got {os.fspath(path)!r}, "
                         f"which torch.load cannot read ({type(error).__name__})") from None
    if not isinstance(saved, dict) or saved.get("format") != FORMAT or set(saved) != set(KEYS):
        got = sorted(saved) if isinstance(saved, dict) else type(saved).__name__
        raise ValueError(f"path: expected a checkpoint with keys {list(KEYS)} ({FORMAT!r}), got {got}")
    vocab = Vocabulary(saved["vocab"]["tokens"], saved["vocab"]["counts"], unk=saved["vocab"]["unk"])
    config = saved["config"]
    if expected_vocab is not None and list(_check_vocab(expected_vocab).tokens) != vocab.tokens:
        first = next((i for i, (a, b) in enumerate(zip(vocab.tokens, expected_vocab.tokens)) if a != b),
                     min(len(vocab), len(expected_vocab)))
        raise ValueError(f"expected_vocab: expected the checkpoint's vocabulary ({len(vocab)} tokens), got another "
                         f"one ({len(expected_vocab)} tokens, first difference at id {first})")
    if expected_config is not None and dict(expected_config) != config:
        differ = sorted(k for k in set(config) | set(expected_config) if config.get(k) != expected_config.get(k))
        raise ValueError(f"expected_config: expected the checkpoint's config, got different values for {differ} "
                         f"(saved: { {k: config.get(k) for k in differ} })")
    model = build_classifier(config)
    try:
        model.load_state_dict(saved["model"])
    except RuntimeError as error:
        raise ValueError(f"path: expected weights that fit the saved config {config}, got others "
                         f"({str(error).splitlines()[1].strip() if len(str(error).splitlines()) > 1 else error})") from None
    model.eval()
    optimizer = AdamW([p for p in model.parameters() if p.requires_grad])
    _load_optimizer_state(optimizer, saved["optimizer"], model)
    return TextClassifierCheckpoint(model, vocab, config, saved["epoch"], optimizer)
# --8<-- [end:load]


def _check_config(config, vocab: Vocabulary) -> dict:
    if not isinstance(config, dict):
        raise TypeError(f"config: expected a dict of settings, got {brief(config)}")
    if config.get("vocab_size") != len(vocab):
        raise ValueError(f"config: expected vocab_size = len(vocab) = {len(vocab)}, got {config.get('vocab_size')!r}")
    return config


def _optimizer_state(optimizer: AdamW, model: nn.Module) -> dict:
    """The optimiser's hyper-parameters and per-parameter buffers, keyed by the parameters' names."""
    names = {id(p): name for name, p in model.named_parameters()}
    state = {}
    for p, buffers in optimizer.state.items():
        if id(p) not in names:
            raise ValueError("optimizer: expected an optimiser of this model's parameters, got one of other tensors")
        state[names[id(p)]] = {k: v.clone() if torch.is_tensor(v) else v for k, v in buffers.items()}
    groups = [{k: v for k, v in g.items() if k != "params"} for g in optimizer.param_groups]
    return {"param_groups": groups, "state": state}


def _load_optimizer_state(optimizer: AdamW, saved: dict, model: nn.Module) -> None:
    parameters = dict(model.named_parameters())
    for group, hyper in zip(optimizer.param_groups, saved["param_groups"]):
        group.update(hyper)
    for name, buffers in saved["state"].items():
        optimizer.state[parameters[name]] = dict(buffers)
