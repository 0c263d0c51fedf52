"""Exercises 1 and 2: back-patching as a TransformerLens hook, then as a mechhop recipe."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import torch

from mechhop.core.backend import as_backend
from mechhop.core.generation import run
from mechhop.core.interventions import Patch, Record
from mechhop.core.recipe import Recipe
from mechhop.core.sites import Site
from mechhop.core.tokens import encode
from mechhop.data.positions import locate
from mechhop.workshop.checks import (
    TOLERANCE,
    Check,
    HookFn,
    finish,
    greedy,
    greedy_with_hook,
    hook_error,
    logits_with_hook,
)

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike
    from mechhop.data.schema import TwoHopQuery

MakeBackpatchHook = Callable[[torch.Tensor, int], HookFn]
RESID_SHAPE = "The activation has shape (batch, position, d_model); write act[:, position, :] and return act."


def _source_state(model: ModelLike, batch: Any, site: Site) -> torch.Tensor:
    """The clean run's activation at ``site``, shape ``(d_model,)``: what the learner's hook writes."""
    return run(model, batch, Recipe(Record(site))).records[str(site)][0].detach().clone()


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
    src = _source_state(model, batch, source)
    name = backend.hook_name("resid_post", tgt_layer)
    try:
        hook = make_hook(src.clone(), at)
        got = logits_with_hook(model, tokens, name, hook)
    except Exception as exc:  # the learner's code: any error is a hint to give back
        return finish(Check(exercise, False, hook_error(exc, RESID_SHAPE)), strict)
    if torch.allclose(got, expected, atol=TOLERANCE):
        return finish(
            Check(exercise, True, f"same logits as mechhop's Patch ({name}, position {at})."), strict
        )
    clean = run(model, batch).logits[0].float()
    if torch.allclose(got, clean, atol=TOLERANCE):
        message = ("the logits are the clean run's: the hook changed nothing. Write into act "
                   "(act[:, position] = source) and return act.")  # fmt: skip
        return finish(Check(exercise, False, message), strict)

    def patched(edit: Callable[[torch.Tensor], None]) -> torch.Tensor:
        def hook(act: torch.Tensor, hook: Any) -> torch.Tensor:  # TransformerLens passes hook= by name
            edit(act)
            return act

        return logits_with_hook(model, tokens, name, hook)

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
    return finish(Check(exercise, False, message), strict)


def _backpatch(
    tgt: int, src: int, at: int, kind: str = "resid_post", source_kind: str = "resid_post"
) -> Recipe:
    return Recipe(Patch(Site(kind, tgt, at), source=Site(source_kind, src, at)))  # type: ignore[arg-type]


def _diagnose_recipe(
    model: ModelLike,
    batch: Any,
    got: torch.Tensor,
    src_layer: int,
    tgt_layer: int,
    at: int,
    position: str,
    prompt: str,
) -> str:
    """Which likely mistake gives the learner's logits ``got``: every variant runs in one batch."""
    backend = as_backend(model)
    n = batch.tokens.shape[1]
    n_layers = backend.spec.n_layers
    variants: list[tuple[str, Recipe]] = [
        ("clean", Recipe()),
        ("swapped", _backpatch(src_layer, tgt_layer, at)),
    ]
    # one block off, before the other site kinds: resid_post of block l is resid_pre of block l + 1
    variants += [(f"write {t}", _backpatch(t, src_layer, at)) for t in (tgt_layer - 1, tgt_layer + 1)
                 if 0 <= t < n_layers and t != src_layer]  # fmt: skip
    variants += [(f"read {s}", _backpatch(tgt_layer, s, at)) for s in (src_layer - 1, src_layer + 1)
                 if 0 <= s < n_layers and s != tgt_layer]  # fmt: skip
    variants += [(f"position {p}", _backpatch(tgt_layer, src_layer, p)) for p in range(n) if p != at]
    kinds = [k for k in backend.spec.kinds if k != "resid_post" and k not in ("attn_scores", "pattern")]
    for kind in kinds:
        for site_kind, source_kind in ((kind, kind), (kind, "resid_post"), ("resid_post", kind)):
            variants.append(
                (
                    f"kinds {site_kind} {source_kind}",
                    _backpatch(tgt_layer, src_layer, at, site_kind, source_kind),
                )
            )
    logits = run(model, [batch.prompts[0]] * len(variants), [r for _, r in variants]).logits.float()
    match = next(
        (v for (v, _), row in zip(variants, logits, strict=True) if torch.allclose(got, row, atol=TOLERANCE)),
        None,
    )
    if match == "clean":
        return "your recipe changed nothing: the logits are the clean run's. Give it a Patch step."
    if match == "swapped":
        return (
            f"source and target layers are swapped: Patch's site is where the state is written (layer "
            f"{tgt_layer}, the earlier one) and source= where it is read (layer {src_layer})."
        )
    if match is not None and match.split()[0] in ("write", "read"):
        verb, block = match.split()[0], int(match.split()[1])
        want = tgt_layer if verb == "write" else src_layer
        return (
            f"off by one: your patch {'writes' if verb == 'write' else 'reads'} the residual stream after "
            f"block {block} (resid_post of block {block} = resid_pre of block {block + 1}); back-patching "
            f"{'writes' if verb == 'write' else 'reads'} it after block {want} (Site('resid_post', {want}, "
            f"{at}))."
        )
    if match is not None and match.startswith("position "):
        wrong = int(match.split()[1])
        return (
            f"patched the wrong position: position {wrong}, expected {at} (the last token of {position} "
            f"in {prompt!r})."
        )
    if match is not None:
        _, site_kind, source_kind = match.split()
        return (
            f"your patch writes {site_kind!r} and reads {source_kind!r}: back-patching reads and writes "
            "'resid_post', the residual stream after the block, at both sites."
        )
    biggest = float((got - logits[0]).abs().max())
    return (
        f"the logits differ from mechhop's back-patching by up to {biggest:.3g}. Expected "
        f"Recipe(Patch(Site('resid_post', {tgt_layer}, {at}), source=Site('resid_post', {src_layer}, "
        f"{at})))."
    )


def check_backpatch_recipe(
    recipe: Recipe,
    make_hook: MakeBackpatchHook,
    model: ModelLike,
    query: TwoHopQuery,
    src_layer: int,
    tgt_layer: int,
    position: str = "e1",
    *,
    strict: bool = False,
) -> Check:
    """Exercise "back-patching as a recipe": ``recipe`` is a mechhop :class:`~mechhop.Recipe` that
    writes the residual stream after block ``src_layer`` into the one after block ``tgt_layer`` at
    token ``position`` of the two-hop prompt, and ``make_hook`` the hook of :func:`check_backpatch_hook`.
    Both must give mechhop's back-patching: the same 10 greedy tokens and the same prompt logits
    (so a wrong patch that happens to leave the text unchanged does not pass). The recipe runs
    through ``mechhop.generate``; the hook sits on ``blocks.{tgt_layer}.hook_resid_post`` while a
    plain greedy loop re-runs the whole sequence at each step.
    """
    exercise = "back-patching recipe"
    if not isinstance(recipe, Recipe):
        wrap = " (a single step: wrap it as Recipe(step))" if isinstance(recipe, Patch) else ""
        message = (
            f"expected a mechhop Recipe, got {type(recipe).__name__}{wrap}. Build one as "
            "Recipe(Patch(Site('resid_post', tgt_layer, at), source=Site('resid_post', src_layer, at)))"
            " with at = locate(model, query)[position]."
        )
        return finish(Check(exercise, False, message), strict)
    backend = as_backend(model)
    at = locate(model, query)[position]
    batch = encode(backend, [query.two_hop_prompt])
    reference = _backpatch(tgt_layer, src_layer, at)
    expected = run(model, batch, reference).logits[0].float()
    expected_ids, expected_text = greedy(model, batch, reference)
    try:
        got = run(model, batch, recipe).logits[0].float()
        got_ids, got_text = greedy(model, batch, recipe)
    except Exception as exc:  # a recipe that cannot run on this model: its error says why
        return finish(Check(exercise, False, f"your recipe raised {type(exc).__name__}: {exc}"), strict)
    recipe_ok = got_ids == expected_ids and torch.allclose(got, expected, atol=TOLERANCE)

    name = backend.hook_name("resid_post", tgt_layer)
    try:
        hook = make_hook(_source_state(model, batch, Site("resid_post", src_layer, at)), at)
        hook_logits = logits_with_hook(model, batch.tokens, name, hook)
        hook_ok = torch.allclose(hook_logits, expected, atol=TOLERANCE)
        hook_ids = greedy_with_hook(model, batch.tokens, name, hook) if hook_ok or recipe_ok else []
    except Exception as exc:  # the learner's code: any error is a hint to give back
        return finish(Check(exercise, False, hook_error(exc, RESID_SHAPE)), strict)
    hook_ok = hook_ok and hook_ids == expected_ids

    def generates(ids: list[int], text: str) -> str:  # the logits can differ where the text does not
        return "the same text, but other logits" if ids == expected_ids else repr(text)

    if recipe_ok and hook_ok:
        message = (
            f"your recipe and your hook both generate {expected_text!r}, as mechhop's back-patching "
            f"(layer {src_layer} -> {tgt_layer}, position {at})."
        )
        return finish(Check(exercise, True, message), strict)
    if recipe_ok:
        hook_text = backend.decode([t for t in hook_ids if t != backend.eos_token_id])
        message = (
            f"your hook and your recipe disagree: the recipe matches mechhop (it generates "
            f"{expected_text!r}), the hook does not (it generates {generates(hook_ids, hook_text)}). "
            "check_backpatch_hook gives a hint for the hook."
        )
        return finish(Check(exercise, False, message), strict)
    diagnosis = _diagnose_recipe(model, batch, got, src_layer, tgt_layer, at, position, query.two_hop_prompt)
    if hook_ok:
        message = (
            f"your hook and your recipe disagree: the hook matches mechhop (it generates {expected_text!r}), "
            f"the recipe does not (it generates {generates(got_ids, got_text)}): {diagnosis}"
        )
    else:
        message = (
            f"your recipe does not match mechhop's back-patching (it generates "
            f"{generates(got_ids, got_text)}, mechhop {expected_text!r}): {diagnosis} Your hook does not "
            "match mechhop either."
        )
    return finish(Check(exercise, False, message), strict)
