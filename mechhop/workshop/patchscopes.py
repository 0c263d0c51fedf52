"""Exercise 4: a Patchscopes description of one source state, by hand."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from mechhop.core.backend import as_backend
from mechhop.core.interventions import Patch
from mechhop.core.recipe import Recipe
from mechhop.core.sites import Site
from mechhop.data.positions import locate
from mechhop.workshop.checks import NEW_TOKENS, Check, finish

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike
    from mechhop.data.schema import TwoHopQuery


Describe = Callable[["ModelLike", "TwoHopQuery", int], str]


def check_patchscopes(
    describe: Describe,
    model: ModelLike,
    query: TwoHopQuery,
    layer: int,
    source: str = "e1",
    *,
    strict: bool = False,
) -> Check:
    """Exercise "Patchscopes by hand": ``describe(model, query, layer)`` returns the greedy 10-token
    continuation of Patchscopes' default target prompt (``PatchscopesConfig().target_text``) with the
    residual stream after block ``layer`` at the last token of ``source`` in the two-hop prompt
    written after block ``layer`` at the target prompt's placeholder (its last ``"x"``, found with
    ``locate_text``). It must equal the ``generation`` of mechhop's own ``patchscopes`` with
    ``sources=(source,)``, ``pairs=((layer, layer),)`` and greedy decoding (compared after
    ``.strip()``); otherwise the check compares it with the likely mistakes.
    """
    from mechhop.analyses.patchscopes import PatchscopesConfig, patchscopes
    from mechhop.core.generation import generate
    from mechhop.core.layers import resolve_layer
    from mechhop.data.positions import locate_text, position_name

    exercise = "Patchscopes by hand"
    backend = as_backend(model)
    n_layers = backend.spec.n_layers
    layer = resolve_layer(layer, n_layers, "layer")
    config = PatchscopesConfig(
        sources=(position_name(source),), pairs=((layer, layer),), decoding="greedy", seeds=(0,)
    )
    expected = str(patchscopes(model, [query], config, progress=False).table["generation"].iloc[0])
    try:
        got = describe(model, query, layer)
    except Exception as exc:  # the learner's code: any error is a hint to give back
        message = f"describe raised {type(exc).__name__}: {exc}"
        return finish(Check(exercise, False, message), strict)
    if not isinstance(got, str):
        message = (
            f"describe returned a {type(got).__name__}, not a str: return the generated text, e.g. "
            "mechhop.generate(...).texts[0]."
        )
        return finish(Check(exercise, False, message), strict)
    if got.strip() == expected.strip():
        return finish(
            Check(exercise, True, f"the same description as mechhop's patchscopes: {expected!r}."), strict
        )

    target = config.target_text
    target_at = locate_text(model, target, config.placeholder)[1]
    positions = locate(model, query)
    at = positions[source]
    prompt = query.two_hop_prompt

    def patch(read: int, write: int, position: int = at) -> Recipe:
        read_site, write_site = Site("resid_post", read, position), Site("resid_post", write, target_at)
        return Recipe(Patch(write_site, source=read_site, source_prompt=prompt))

    # the likely mistakes, most specific first; one batched generation computes them all
    variants: list[tuple[str, Recipe]] = [
        ("the state was not written: this is the unpatched target prompt's continuation.", Recipe())
    ]
    for other in (layer - 1, layer + 1):
        if 0 <= other < n_layers:
            variants += [
                (
                    f"off by one: you read the state after block {other}; read it after block {layer}.",
                    patch(other, layer),
                ),
                (
                    f"off by one: you wrote the state after block {other}; write it after block {layer}.",
                    patch(layer, other),
                ),
                (
                    f"off by one: you read and wrote the state after block {other}, not {layer}"
                    + (
                        f" (resid_pre of block {layer} is resid_post of block {other})."
                        if other < layer
                        else "."
                    ),
                    patch(other, other),
                ),
            ]
    others = [p for p in range(len(positions.tokens)) if p != at]
    recipes = [r for _, r in variants] + [patch(layer, layer, p) for p in others]
    texts = generate(
        model, [target] * len(recipes), recipes, max_new_tokens=NEW_TOKENS, decoding="greedy"
    ).texts
    # on a small vocabulary several mistakes can give one text: name each that does
    same = [text.strip() == got.strip() for text in texts]
    hints = [why for (why, _), hit in zip(variants, same, strict=False) if hit]
    wrong = [p for p, hit in zip(others, same[len(variants) :], strict=True) if hit]
    if wrong:
        names = backend.token_strings(list(positions.tokens))
        listed = ", ".join(f"{p} ({names[p]!r})" for p in wrong)
        where = f"position {listed}" if len(wrong) == 1 else f"one of positions {listed}"
        hints.append(
            f"you read the state at {where} of the two-hop prompt; the last token of {source} is "
            f"position {at} ({names[at]!r})."
        )
    hint = " Or: ".join(hints) or "check the layer, the position and the target prompt's placeholder."
    message = f"you got {got.strip()!r}, mechhop's patchscopes {expected.strip()!r}: {hint}"
    return finish(Check(exercise, False, message), strict)
