"""Sites: named places in a transformer's forward pass.

A :class:`Site` is a hook kind, a layer and a token position. It is a plain
frozen value: it says *where*, and a model only gives it meaning when a recipe
is compiled against it (see :mod:`mechhop.core.recipe`).

Positions count tokens of the prompt as the model sees it (a prepended BOS is
token 0). Negative positions count from the prompt's end (-1 is the last
prompt token). ``None`` means every prompt position. Padding never shifts a
position: batches are left-padded and mechhop translates positions per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

from mechhop.errors import RecipeError, did_you_mean

SiteKind = Literal[
    "resid_pre",
    "resid_mid",
    "resid_post",
    "attn_out",
    "mlp_out",
    "attn_scores",
    "pattern",
]
SITE_KINDS: tuple[str, ...] = get_args(SiteKind)

# Attention kinds have shape [batch, head, query_pos, key_pos]; their position
# selects query rows. The others have shape [batch, pos, d_model].
ATTENTION_KINDS: frozenset[str] = frozenset({"attn_scores", "pattern"})


@dataclass(frozen=True)
class Site:
    """Where in the forward pass: ``Site("resid_post", layer=12, position=-1)``.

    Attributes:
        kind: hook kind; ``resid_post`` of block ``l`` is the residual stream after
            block ``l`` (``resid_pre`` of block ``l + 1``).
        layer: block index (negative counts from the last block).
        position: prompt token index, negative from the prompt's end; ``None`` for
            every prompt position.
    """

    kind: SiteKind
    layer: int
    position: int | None = None

    def __post_init__(self) -> None:
        if self.kind not in SITE_KINDS:
            raise RecipeError(
                f"Unknown site kind {self.kind!r}; valid kinds: {', '.join(SITE_KINDS)}."
                + did_you_mean(str(self.kind), SITE_KINDS)
            )
        if isinstance(self.layer, bool) or not isinstance(self.layer, int):
            raise RecipeError(f"Site layer must be an int, got {self.layer!r} in {self!s}.")
        if self.position is not None and (
            isinstance(self.position, bool) or not isinstance(self.position, int)
        ):
            raise RecipeError(
                f"Site position must be an int or None (every position), got {self.position!r}."
            )

    @property
    def is_attention(self) -> bool:
        return self.kind in ATTENTION_KINDS

    def __str__(self) -> str:
        pos = "*" if self.position is None else str(self.position)
        return f"{self.kind}[L{self.layer}, pos {pos}]"

    def to_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "layer": self.layer, "position": self.position}

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Site:
        if not isinstance(data, dict):
            raise RecipeError(f"A site must be a JSON object with kind, layer, position; got {data!r}.")
        unknown = sorted(set(data) - {"kind", "layer", "position"})
        if unknown:
            raise RecipeError(f"Site {data!r} has unknown field(s) {unknown}; valid: kind, layer, position.")
        try:
            return cls(kind=data["kind"], layer=data["layer"], position=data.get("position"))  # type: ignore[arg-type]
        except KeyError as exc:
            raise RecipeError(f"Site {data!r} is missing the field {exc.args[0]!r}.") from None
