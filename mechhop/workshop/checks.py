"""Checks of the workshop's exercises: each takes the learner's function, runs it beside mechhop's
own implementation, and says what differs in words a learner can act on.

A check returns a :class:`Check` (printable; ``passed`` says whether it holds) and, with
``strict=True``, raises :class:`ExerciseFailed` with the same message, so a notebook cell stops
at a wrong answer. Every check reaches the model through the backend seam only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import torch

from mechhop.core.backend import as_backend
from mechhop.core.generation import run
from mechhop.core.interventions import Patch
from mechhop.core.recipe import Recipe
from mechhop.core.sites import Site
from mechhop.core.tokens import encode
from mechhop.data.positions import locate

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike
    from mechhop.data.schema import TwoHopQuery

HookFn = Callable[[torch.Tensor, Any], "torch.Tensor | None"]
MakeBackpatchHook = Callable[[torch.Tensor, int], HookFn]
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


def _finish(check: Check, strict: bool) -> Check:
    if strict and not check.passed:
        raise ExerciseFailed(str(check))
    return check


def _logits_with_hook(model: ModelLike, tokens: torch.Tensor, name: str, hook: HookFn) -> torch.Tensor:
    backend = as_backend(model)
    mask = torch.ones_like(tokens)
    with backend.hooks([(name, hook)]):
        return backend.forward(tokens, mask)[0].float()


def check_backpatch_hook(
    make_hook: MakeBackpatchHook,
    model: ModelLike,
    query: TwoHopQuery,
    src_layer: int,
    tgt_layer: int,
    position: str = "e1",
    *,
    strict: bool = False,
) -> Check:
    """Exercise "back-patching by hand": ``make_hook(source_state, position)`` returns a hook for
    ``blocks.{tgt_layer}.hook_resid_post`` that writes ``source_state`` (the residual stream after
    block ``src_layer`` at that position, shape ``(d_model,)``) at token ``position`` of the
    two-hop prompt. Its logits must equal mechhop's ``Patch`` of the same sites
    (docs/method/backpatching.md); when they do not, the check names the likely mistake.
    """
    exercise = "back-patching hook"
    backend = as_backend(model)
    positions = locate(model, query)
    at = positions[position]
    batch = encode(backend, [query.two_hop_prompt])
    tokens = batch.tokens
    target = Site("resid_post", tgt_layer, at)
    source = Site("resid_post", src_layer, at)
    expected = run(model, batch, Recipe(Patch(target, source=source))).logits[0].float()
    states: dict[str, torch.Tensor] = {}

    def keep(act: torch.Tensor, hook: Any) -> None:
        states["source"] = act[0, at].detach().clone()

    _logits_with_hook(model, tokens, backend.hook_name("resid_post", src_layer), keep)
    name = backend.hook_name("resid_post", tgt_layer)
    try:
        hook = make_hook(states["source"].clone(), at)
        got = _logits_with_hook(model, tokens, name, hook)
    except Exception as exc:  # the learner's code: any error is a hint to give back
        hint = (f"your hook raised {type(exc).__name__}: {exc}. The activation has shape (batch, position, "
                "d_model); write act[:, position, :] and return act.")  # fmt: skip
        return _finish(Check(exercise, False, hint), strict)
    if torch.allclose(got, expected, atol=TOLERANCE):
        return _finish(
            Check(exercise, True, f"same logits as mechhop's Patch ({name}, position {at})."), strict
        )
    clean = run(model, batch).logits[0].float()
    if torch.allclose(got, clean, atol=TOLERANCE):
        message = ("the logits are the clean run's: the hook changed nothing. Write into act "
                   "(act[:, position] = source) and return act.")  # fmt: skip
        return _finish(Check(exercise, False, message), strict)
    src = states["source"]

    def patched(edit: Callable[[torch.Tensor], None]) -> torch.Tensor:
        def hook(act: torch.Tensor, hook: Any) -> torch.Tensor:  # TransformerLens passes hook= by name
            edit(act)
            return act

        return _logits_with_hook(model, tokens, name, hook)

    def write_at(p: int) -> Callable[[torch.Tensor], None]:
        def edit(act: torch.Tensor) -> None:
            act[:, p] = src

        return edit

    def add_at(act: torch.Tensor) -> None:
        act[:, at] = act[:, at] + src

    def write_all(act: torch.Tensor) -> None:
        act[:, :] = src

    if torch.allclose(got, patched(write_all), atol=TOLERANCE):
        message = f"you wrote the state at every position; write it at position {at} only."
    elif torch.allclose(got, patched(add_at), atol=TOLERANCE):
        message = "you added the source state to the activation; back-patching replaces it."
    else:
        others = [p for p in range(tokens.shape[1]) if p != at]
        wrong = [p for p in others if torch.allclose(got, patched(write_at(p)), atol=TOLERANCE)]
        if wrong:
            message = (f"patched the wrong position: position {wrong[0]}, expected {at} (the last token of "
                       f"{position} in {query.two_hop_prompt!r}).")  # fmt: skip
        else:
            biggest = float((got - expected).abs().max())
            message = (
                f"the logits differ from mechhop's Patch by up to {biggest:.3g}. Check that the hook "
                "replaces act[:, position] with the source state and returns act."
            )
    return _finish(Check(exercise, False, message), strict)
