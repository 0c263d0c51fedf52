"""The workshop's checks: what every exercise check returns, and the helpers they share.

A check takes the learner's function, runs it beside mechhop's own implementation, and says what
differs in words a learner can act on. It returns a :class:`Check` (printable; ``passed`` says
whether it holds) and, with ``strict=True``, raises :class:`ExerciseFailed` with the same
message, so a notebook cell stops at a wrong answer. Every check reaches the model through the
backend seam only. The checks, one module per exercise: :mod:`mechhop.workshop.backpatching`
(exercises 1 and 2), :mod:`~mechhop.workshop.knockout` (3), :mod:`~mechhop.workshop.patchscopes`
(4), :mod:`~mechhop.workshop.decision` (5).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import torch

from mechhop.core.backend import as_backend
from mechhop.core.recipe import Recipe

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike

HookFn = Callable[[torch.Tensor, Any], "torch.Tensor | None"]
TOLERANCE = 1e-4  # logits: the learner's hook and mechhop's patch compute the same sums


class ExerciseFailed(AssertionError):
    """A check that did not pass; the message says what differs and what to try."""


@dataclass(frozen=True)
class Check:
    """The outcome of one check: which exercise, whether it passed, and what to do."""

    exercise: str
    passed: bool
    message: str

    def __str__(self) -> str:
        return f"{'PASS' if self.passed else 'FAIL'} {self.exercise}: {self.message}"

    def __bool__(self) -> bool:
        return self.passed


def finish(check: Check, strict: bool) -> Check:
    if strict and not check.passed:
        raise ExerciseFailed(str(check))
    return check


class HookMistake(Exception):
    """The learner's hook broke TransformerLens's contract; the message says how to keep it."""


def guarded(hook: HookFn) -> HookFn:
    """``hook`` as TransformerLens calls it, checking what it returns: ``None`` (an in-place edit)
    or a tensor of the activation's shape; anything else is named before TransformerLens fails on
    it with a reshape error."""

    learner: Any = hook

    def checked(act: torch.Tensor, hook: Any) -> torch.Tensor | None:
        out = learner(act, hook=hook)  # as TransformerLens calls it: hook= by name
        if out is None or (isinstance(out, torch.Tensor) and out.shape == act.shape):
            return out
        got = f"a {type(out).__name__}"
        if isinstance(out, torch.Tensor):
            got = f"a tensor of shape {tuple(out.shape)}"
        raise HookMistake(
            f"your hook returned {got}; return the whole activation, shape {tuple(act.shape)} "
            "(batch, position, ...), after writing into it (or return None after an in-place write)."
        )

    return checked


def hook_error(exc: Exception, shape: str) -> str:
    """What to tell a learner whose hook raised ``exc``; ``shape`` describes the activation."""
    if isinstance(exc, HookMistake):
        return str(exc)
    text = str(exc)
    if isinstance(exc, TypeError) and ("'hook'" in text or "positional argument" in text):
        return (
            f"your hook cannot be called as TransformerLens calls it ({text}): hook(activation, "
            "hook=hook_point). Give it two parameters: def hook(act, hook)."
        )
    return f"your hook raised {type(exc).__name__}: {exc}. {shape}"


def logits_with_hook(model: ModelLike, tokens: torch.Tensor, name: str, hook: HookFn) -> torch.Tensor:
    backend = as_backend(model)
    mask = torch.ones_like(tokens)
    with backend.hooks([(name, guarded(hook))]):
        return backend.forward(tokens, mask)[0].float()


NEW_TOKENS = 10  # every generation the checks compare: 10 greedy tokens, as the analyses generate


def cut_at_eos(ids: list[int], eos: int | None) -> list[int]:
    return ids[: ids.index(eos) + 1] if eos is not None and eos in ids else ids


def greedy_with_hook(model: ModelLike, tokens: torch.Tensor, name: str, hook: HookFn) -> list[int]:
    """Greedy tokens with ``hook`` on every step, re-running the whole sequence each time: a hook
    that patches a prompt position then acts exactly as a patch of the prompt pass kept in the cache."""
    backend = as_backend(model)
    eos = backend.eos_token_id
    ids: list[int] = []
    for _ in range(NEW_TOKENS):
        token = int(logits_with_hook(model, tokens, name, hook)[-1].argmax())
        ids.append(token)
        if token == eos:
            break
        tokens = torch.cat([tokens, torch.tensor([[token]], device=tokens.device)], dim=1)
    return ids


def greedy(model: ModelLike, batch: Any, recipe: Recipe) -> tuple[list[int], str]:
    from mechhop.core.generation import generate

    out = generate(model, batch, recipe, max_new_tokens=NEW_TOKENS, decoding="greedy")
    return cut_at_eos(out.new_tokens[0].tolist(), as_backend(model).eos_token_id), out.texts[0]
