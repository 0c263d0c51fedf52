"""Exercise 3: attention knockout as a hook on the attention scores."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

import torch

from mechhop.core.backend import as_backend
from mechhop.core.generation import run
from mechhop.core.recipe import Recipe
from mechhop.core.tokens import encode
from mechhop.data.positions import locate
from mechhop.workshop.checks import TOLERANCE, Check, HookFn, finish, guarded, hook_error

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike
    from mechhop.data.schema import TwoHopQuery


MakeKnockoutHook = Callable[[int, list[int]], HookFn]


def _knockout_diagnosis(
    written: torch.Tensor, values: torch.Tensor, q: int, keys: tuple[int, ...], span: str
) -> str | None:
    """Name the mistake from where the hook wrote into a probe of the scores (``written``, bool
    ``[batch, head, query, key]``) and what it wrote there; None when it is none of the known ones."""
    target = torch.zeros_like(written)
    target[:, :, q, list(keys)] = True
    swapped = torch.zeros_like(written)
    swapped[:, :, list(keys), q] = True
    every_row = torch.zeros_like(written)
    every_row[:, :, :, list(keys)] = True
    if not written.any():
        return (
            "your hook changed nothing (the logits are the clean run's). Set act[:, :, query_position, "
            "key_positions] = float('-inf') and return act."
        )
    if torch.equal(written, swapped):
        return (
            "you swapped the query and key axes: the scores are (batch, head, query_pos, key_pos), so "
            "block act[:, :, query_position, key_positions], not act[:, :, key_positions, query_position] "
            "(those edges, from e1 to a later token, are causally masked already)."
        )
    if torch.equal(written, every_row):
        return (
            f"you blocked every query row: only the last token ({q}) must stop attending to e1; index the "
            f"query axis: act[:, :, {q}, key_positions]."
        )
    if not (written & ~target).any():
        blocked = sorted({int(k) for k in written.nonzero()[:, 3].tolist()})
        if blocked != sorted(keys):
            missed = [k for k in keys if k not in blocked]
            return (
                f"you blocked only some of the key positions: {blocked}, but not {missed}; e1 is tokens "
                f"{span}, and every one of them is a key to block."
            )
        finite = values[written & torch.isfinite(values)]
        if finite.numel():
            shown = f"{float(finite[0]):g}"
            return (
                f"you set the scores to {shown} instead of -inf: a score of {shown} still lets attention "
                "through after the softmax; use float('-inf')."
            )
    return None


def check_knockout_hook(
    make_hook: MakeKnockoutHook,
    model: ModelLike,
    query: TwoHopQuery,
    layers: Sequence[int],
    *,
    strict: bool = False,
) -> Check:
    """Exercise "attention knockout by hand": ``make_hook(query_position, key_positions)`` returns a
    hook for ``blocks.{L}.attn.hook_attn_scores`` (pre-softmax scores, shape ``(batch, head,
    query_pos, key_pos)``) that blocks attention from the query position to the key positions, in
    every head, by setting those scores to ``-inf``. The check installs it at every layer of
    ``layers`` with the query position the last token of the two-hop prompt and the key positions
    every token of e1 (the knockout analysis's key span ``"whole"``, ``key_positions``), and
    compares the last position's logits with mechhop's ``KnockOut`` of the same edges
    (docs/method/knockout.md).
    """
    from mechhop.analyses.knockout.run import key_positions
    from mechhop.core.interventions import KnockOut
    from mechhop.core.layers import resolve_layers

    exercise = "attention knockout hook"
    backend = as_backend(model)
    layers = resolve_layers(layers, backend.spec.n_layers, "knockout layer")
    positions = locate(model, query)
    keys = key_positions(positions, "e1", "whole")
    q = positions.last
    batch = encode(backend, [query.two_hop_prompt])
    tokens = batch.tokens
    n = tokens.shape[1]
    shape = (1, backend.spec.n_heads, n, n)
    expected = run(model, batch, Recipe(KnockOut(layers, keys, queries=(q,)))).logits[0, -1].float()
    seen: dict[str, Any] = {}
    try:
        fn: Any = make_hook(q, list(keys))  # called as TransformerLens calls a hook: act, hook=point

        def spy(act: torch.Tensor, hook: Any) -> torch.Tensor | None:  # keeps a hook point for the probe
            seen.setdefault("point", hook)
            return fn(act, hook=hook)

        with backend.hooks([(backend.hook_name("attn_scores", layer), guarded(spy)) for layer in layers]):
            got = backend.forward(tokens, torch.ones_like(tokens))[0, -1].float()
    except Exception as exc:  # the learner's code: any error is a hint to give back
        scores = (
            f"The scores have shape (batch, head, query_pos, key_pos) = {shape}; set "
            "act[:, :, query_position, key_positions] = float('-inf') and return act."
        )
        return finish(Check(exercise, False, hook_error(exc, scores)), strict)
    where = f"layers {list(layers)}, query {q} -> keys {list(keys)}"
    if torch.allclose(got, expected, atol=TOLERANCE):
        return finish(Check(exercise, True, f"same logits as mechhop's KnockOut ({where})."), strict)
    # What did the hook write? Run it on random finite scores: unlike the real ones, the probe has no
    # causal mask, so writes above the diagonal (e.g. swapped axes) show too.
    probe = torch.randn(shape, generator=torch.Generator().manual_seed(0)).to(backend.device, backend.dtype)
    act = probe.clone()
    try:
        out = fn(act, hook=seen.get("point"))
        result = act if out is None else out
        found = None
        if tuple(result.shape) == shape:
            written = ~(result == probe)
            first, last = positions.span("e1")
            names = backend.token_strings(list(positions.tokens[first : last + 1]))
            span = f"{first}..{last} ({', '.join(map(repr, names))})"
            found = _knockout_diagnosis(written.cpu(), result.detach().float().cpu(), q, keys, span)
    except Exception:  # the probe is only a hint; the real run above worked
        found = None
    if found is None:
        biggest = float((got - expected).abs().max())
        found = (
            f"the last position's logits differ from mechhop's KnockOut ({where}) by up to {biggest:.3g}. "
            "Set act[:, :, query_position, key_positions] = float('-inf') and return act."
        )
    return finish(Check(exercise, False, found), strict)
