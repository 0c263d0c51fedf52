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


def _expected(model: ModelLike, query: TwoHopQuery, layer: int, source: str) -> str:
    """mechhop's own Patchscopes description at ``layer`` (greedy, the default target prompt)."""
    from mechhop.analyses.patchscopes import PatchscopesConfig, patchscopes
    from mechhop.data.positions import position_name

    config = PatchscopesConfig(
        sources=(position_name(source),), pairs=((layer, layer),), decoding="greedy", seeds=(0,)
    )
    return str(patchscopes(model, [query], config, progress=False).table["generation"].iloc[0])


def _other_layer(
    model: ModelLike, query: TwoHopQuery, layer: int, source: str, expected: str
) -> tuple[int, str]:
    """A second layer whose description differs from ``expected`` (so a hard-coded layer fails),
    and that description; ``(layer, expected)`` when every candidate describes alike."""
    n_layers = as_backend(model).spec.n_layers
    for other in (layer + 2, layer - 2, layer + 1, layer - 1, 0, n_layers - 1):
        if 0 <= other < n_layers and other != layer:
            text = _expected(model, query, other, source)
            if text.strip() != expected.strip():
                return other, text
    return layer, expected


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
    ``.strip()``), at ``layer`` and at a second layer whose description differs (so that a
    hard-coded layer fails); otherwise the check compares it with the likely mistakes.
    """
    from mechhop.core.layers import resolve_layer

    exercise = "Patchscopes by hand"
    layer = resolve_layer(layer, as_backend(model).spec.n_layers, "layer")
    expected = _expected(model, query, layer, source)
    other, expected_other = _other_layer(model, query, layer, source, expected)
    got: dict[int, str] = {}
    for at_layer, want in ((layer, expected), (other, expected_other)):
        try:
            text = describe(model, query, at_layer)
        except Exception as exc:  # the learner's code: any error is a hint to give back
            message = f"describe raised {type(exc).__name__}: {exc}"
            return finish(Check(exercise, False, message), strict)
        if not isinstance(text, str):
            message = (
                f"describe returned a {type(text).__name__}, not a str: return the generated text, e.g. "
                "mechhop.generate(...).texts[0]."
            )
            return finish(Check(exercise, False, message), strict)
        got[at_layer] = text
        if text.strip() == want.strip():
            continue
        if at_layer != layer and text.strip() == got[layer].strip():
            message = (
                f"your description does not change with the layer: at layer {other} mechhop's patchscopes "
                f"says {want.strip()!r} and you {text.strip()!r}, what you said at layer {layer}. Read and "
                "write the state at the layer describe is given."
            )
        else:
            message = f"at layer {at_layer}, " + _diagnosis(model, query, at_layer, source, text, want)
        return finish(Check(exercise, False, message), strict)
    also = f" (and at layer {other})" if other != layer else ""
    return finish(
        Check(exercise, True, f"the same description as mechhop's patchscopes: {expected!r}{also}."), strict
    )


def _diagnosis(model: ModelLike, query: TwoHopQuery, layer: int, source: str, got: str, expected: str) -> str:
    """Which likely mistakes give the learner's description ``got``: one batched generation."""
    import torch

    from mechhop.analyses.patchscopes import PatchscopesConfig
    from mechhop.core.generation import generate, run
    from mechhop.core.interventions import Record, Vector
    from mechhop.data.positions import locate_text

    backend = as_backend(model)
    n_layers = backend.spec.n_layers
    config = PatchscopesConfig()
    target = config.target_text
    target_at = locate_text(model, target, config.placeholder)[1]
    positions = locate(model, query)
    at = positions[source]
    prompt = query.two_hop_prompt

    def patch(read: int, write: int, position: int = at) -> Recipe:
        read_site, write_site = Site("resid_post", read, position), Site("resid_post", write, target_at)
        return Recipe(Patch(write_site, source=read_site, source_prompt=prompt))

    def added() -> Recipe:  # the target prompt's own state plus the source state, where it is written
        write, read = Site("resid_post", layer, target_at), Site("resid_post", layer, at)
        own = run(model, [target], Recipe(Record(write))).records[str(write)][0]
        state = run(model, [prompt], Recipe(Record(read))).records[str(read)][0]
        total = (own.to(torch.float32) + state.to(torch.float32)).detach()
        return Recipe(Patch(write, value=Vector.from_tensor(total)))

    # the likely mistakes, most specific first; one batched generation computes them all
    variants: list[tuple[str, Recipe]] = [
        ("the state was not written: this is the unpatched target prompt's continuation.", Recipe()),
        ("you added the state to the target prompt's own; Patchscopes replaces it.", added()),
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
    mine, theirs = got.strip(), expected.strip()
    if not hints and mine != theirs and (mine.startswith(theirs) or theirs.startswith(mine)):
        longer = "continues past" if mine.startswith(theirs) else "stops before the end of"
        hints.append(
            f"your text {longer} mechhop's: the description is {NEW_TOKENS} greedy tokens "
            f"(max_new_tokens={NEW_TOKENS})."
        )
    hint = " Or: ".join(hints) or "check the layer, the position and the target prompt's placeholder."
    return f"you got {mine!r}, mechhop's patchscopes {theirs!r}: {hint}"
