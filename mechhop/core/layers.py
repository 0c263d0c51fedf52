"""Layer arguments shared by the analyses: validated, negative indices resolved."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

from mechhop.errors import RecipeError


def resolve_layer(layer: int, n_layers: int, what: str = "layer") -> int:
    resolved = layer + n_layers if layer < 0 else layer
    if not 0 <= resolved < n_layers:
        raise RecipeError(f"{what} {layer} is out of range for this model (valid: 0..{n_layers - 1}).")
    return resolved


def resolve_layers(layers: Iterable[int] | None, n_layers: int, what: str = "layer") -> tuple[int, ...]:
    if layers is None:
        return tuple(range(n_layers))
    out = tuple(dict.fromkeys(resolve_layer(int(x), n_layers, what) for x in layers))
    if not out:
        raise RecipeError(f"No {what}s given; pass None for all layers.")
    return out


def resolve_pairs(
    pairs: Iterable[tuple[int, int]] | None,
    src_layers: Iterable[int] | None,
    tgt_layers: Iterable[int] | None,
    n_layers: int,
    grid: Literal["full", "backward"],
) -> tuple[tuple[int, int], ...]:
    """``(src_layer, tgt_layer)`` pairs: the given ones, or the grid of ``src_layers`` x ``tgt_layers``
    (``"backward"`` keeps only src > tgt, as back-patching needs)."""
    if pairs is not None:
        out = tuple(
            (resolve_layer(s, n_layers, "source layer"), resolve_layer(t, n_layers, "target layer"))
            for s, t in pairs
        )
        if not out:
            raise RecipeError("pairs is empty; pass None for the whole grid.")
        return tuple(dict.fromkeys(out))
    sources = resolve_layers(src_layers, n_layers, "source layer")
    targets = resolve_layers(tgt_layers, n_layers, "target layer")
    out = tuple((s, t) for s in sources for t in targets if grid == "full" or s > t)
    if not out:
        raise RecipeError(
            f"No (source, target) layer pairs with source > target among {sources} x {targets}."
        )
    return out
