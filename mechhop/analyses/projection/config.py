"""Settings of sublayer projection.

No torch here: the command line checks its options against these types before loading a model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal, get_args

from mechhop.core.settings import setting
from mechhop.errors import MechhopError, did_you_mean

Sublayer = Literal["attn", "mlp"]
SUBLAYERS: tuple[Sublayer, ...] = get_args(Sublayer)
Target = Literal["e2", "e3", "predicted"]
ANALYSIS = "projection"
TABLE_COLUMNS: tuple[str, ...] = (
    "query_id", "layer", "sublayer", "top_tokens", "top_ids", "top_probs",
    "e2_rank", "e2_best_string", "e3_rank", "e3_best_string",
    "predicted_token", "predicted_id", "predicted_rank",
)  # fmt: skip


@dataclass(frozen=True)
class ProjectionConfig:
    """Settings of :func:`sublayer_projection`.

    Attributes:
        top_k: how many top tokens (with probabilities) to keep per sublayer output.
        sublayers: which sublayer outputs to project, ``"attn"`` and/or ``"mlp"``.
        batch_size: queries per forward pass (not part of the run key: it does not change
            the analysis, so a run may resume with another batch size).
    """

    top_k: int = setting(10, "top tokens kept per sublayer output")
    sublayers: tuple[Sublayer, ...] = setting(("attn", "mlp"), "sublayer outputs projected: attn, mlp")
    batch_size: int = setting(32, "queries per forward pass", role="speed")

    def __post_init__(self) -> None:
        for name in ("top_k", "batch_size"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise MechhopError(f"ProjectionConfig.{name} must be a positive int, got {value!r}.")
        # a list given by a user becomes a tuple (hashable, like the rest of the config)
        object.__setattr__(self, "sublayers", _check_sublayers(self.sublayers, "ProjectionConfig.sublayers"))


def _check_sublayers(sublayers: Any, where: str) -> tuple[Sublayer, ...]:
    out = (sublayers,) if isinstance(sublayers, str) else tuple(sublayers)
    if not out:
        raise MechhopError(f"{where} is empty; choose from {SUBLAYERS}.")
    for s in out:
        if s not in SUBLAYERS:
            raise MechhopError(
                f"Unknown sublayer {s!r} in {where}; valid: {', '.join(SUBLAYERS)}."
                + did_you_mean(str(s), SUBLAYERS)
            )
    if len(set(out)) != len(out):
        raise MechhopError(f"{where} repeats a sublayer: {out}.")
    return out
