"""Settings of back-patching.

No torch here: the command line checks its options against these types before loading a model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mechhop.core.decoding import BUDGET_HELP, check_decoding
from mechhop.core.settings import setting
from mechhop.data.matching import Matching, check_matching, matching_setting
from mechhop.data.positions import PositionName, position_name
from mechhop.errors import MechhopError

Target = Literal["original", "composition", "second_hop"]
TARGETS: tuple[Target, ...] = ("original", "composition", "second_hop")
Source = Literal["query", "forward", "placebo", "random"]
SOURCES: tuple[Source, ...] = ("query", "forward", "placebo", "random")
# The runs whose tables stand beside the real one, same grid and same size (docs/method/controls.md;
# "random": Amendment 1's control of the patch's size in the residual stream)
CONTROLS: tuple[Source, ...] = ("forward", "placebo", "random")
EITHER = "either"  # the union over positions: an extra row, not the paper's per-position measure


@dataclass(frozen=True)
class BackpatchingConfig:
    """Settings of :func:`backpatching`; by default every pair with ``src_layer > tgt_layer``."""

    positions: tuple[PositionName, ...] = setting(
        ("e1", "last"), "token positions patched (the paper: e1 = t1, last = t2)"
    )
    targets: tuple[Target, ...] = setting(
        ("original",), "prompt patched into: the two-hop prompt itself or a variant"
    )
    src_layers: tuple[int, ...] | None = setting(
        None, "source layers: 0,5,10, a range 0:30:2 (stop excluded) or all"
    )
    tgt_layers: tuple[int, ...] | None = setting(
        None, "target layers: 0,5,10, a range 0:30:2 (stop excluded) or all"
    )
    pairs: tuple[tuple[int, int], ...] | None = setting(None, "explicit (src, tgt) pairs", cli=False)
    max_new_tokens: int = setting(10, "tokens generated per patched run")
    source: Source = setting(
        "query",
        "state patched in: the query's own (query), its own with every pair mirrored so that src < tgt "
        "(forward control), K other queries' (placebo), or the target's own state moved as far as the "
        "patch would move it in a random direction (random); docs/method/controls.md",
    )
    donors: int = setting(5, "placebo donors per query (K), same relation pair first")
    placebo_seed: int = setting(0, "seed of the placebo donor choice and of the random directions")
    matching: Matching = matching_setting()
    memory_budget_gb: float | None = setting(None, BUDGET_HELP, role="speed")

    def __post_init__(self) -> None:
        object.__setattr__(self, "positions", tuple(position_name(p) for p in self.positions))
        if self.source not in SOURCES:
            raise MechhopError(f"Unknown back-patching source {self.source!r}; valid: "
                               f"{', '.join(SOURCES)} (all but 'query' are controls, "
                               "docs/method/controls.md).")  # fmt: skip
        check_matching(self.matching)
        if isinstance(self.donors, bool) or not isinstance(self.donors, int) or self.donors < 1:
            raise MechhopError(f"BackpatchingConfig: donors must be an int >= 1, got {self.donors!r}.")
        for t in self.targets:
            if t not in TARGETS:
                raise MechhopError(f"Unknown back-patching target {t!r}; valid: {', '.join(TARGETS)}.")
        if not self.positions or not self.targets:
            raise MechhopError("BackpatchingConfig needs at least one position and one target.")
        try:
            check_decoding("greedy", self.max_new_tokens, 1.0)
        except MechhopError as err:
            raise MechhopError(f"BackpatchingConfig: {err}") from None
