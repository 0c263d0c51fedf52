"""Settings of attention knockout.

No torch here: the command line checks its options against these types before loading a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from mechhop.core.decoding import ApplyTo
from mechhop.core.settings import setting
from mechhop.data.matching import Matching, check_matching, matching_setting
from mechhop.errors import MechhopError

KeyName = Literal["e1", "e2", "r1", "r2"]


QuerySet = Literal["last", "all", "e1", "r1"]


SpanMode = Literal["last_token", "whole"]


KnockoutPrompt = Literal["two_hop", "second_hop"]


# The mentions each prompt contains: keys, and the query sets that exist there.
PROMPT_KEYS: dict[str, tuple[KeyName, ...]] = {"two_hop": ("e1", "r1", "r2"), "second_hop": ("e2", "r2")}
PROMPT_QUERY_SETS: dict[str, tuple[QuerySet, ...]] = {
    "two_hop": ("last", "all", "e1", "r1"),
    "second_hop": ("last", "all"),
}
SPAN_MODES: tuple[SpanMode, ...] = ("last_token", "whole")
TABLE_COLUMNS: tuple[str, ...] = (
    "query_id", "prompt", "query_set", "key", "span", "window", "layer",
    "generation", "correct", "baseline_generation", "baseline_correct", "matters",
)  # fmt: skip


def _names(values: Sequence[str] | str) -> tuple[str, ...]:
    # a lone string is one name, not a sequence of characters
    return (values,) if isinstance(values, str) else tuple(values)


def _check_names(values: tuple[str, ...], valid: tuple[str, ...], what: str, prompt: str) -> None:
    if not values:
        raise MechhopError(f"KnockoutConfig needs at least one {what}; valid for the {prompt} prompt: "
                           f"{', '.join(valid)}.")  # fmt: skip
    for v in values:
        if v not in valid:
            raise MechhopError(
                f"KnockoutConfig: {what} {v!r} does not exist in the {prompt} prompt; available there: "
                f"{', '.join(valid)} (e2 is only in the second-hop prompt, e1 and r1 only in the "
                "two-hop one)."
            )
    if len(set(values)) != len(values):
        raise MechhopError(f"KnockoutConfig: repeated {what}s in {values!r}.")


def _check_int(value: object, what: str, minimum: int, owner: str = "KnockoutConfig: ") -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise MechhopError(f"{owner}{what} must be an int >= {minimum}, got {value!r}.")


@dataclass(frozen=True)
class KnockoutConfig:
    """Settings of :func:`knockout` (paper setting by default: last -> e1, r1, r2, window 3).

    ``layers`` are the window centres (None: every layer); ``span`` blocks the key mention's
    last token (paper) or all its tokens. Query sets ``"last"``, ``"e1"``, ``"r1"`` are one
    prompt position each, so ``apply_to`` cannot change them (decoding reads the prompt from the
    KV cache); ``"all"`` is every prompt position, plus each generated one with
    ``apply_to="every_step"``. ``batch_size`` (generated rows per forward) does not change
    results and is left out of the run key, so a run resumes under another batch size.
    """

    keys: tuple[KeyName, ...] = setting(
        ("e1", "r1", "r2"), "mentions attended to: e1,r1,r2 (two_hop prompt) or e2,r2 (second_hop)"
    )
    query_sets: tuple[QuerySet, ...] = setting(("last",), "whose attention is cut: last, all, e1, r1")
    span: SpanMode = setting(
        "last_token", "tokens of a key mention blocked: its last token (paper) or the whole mention"
    )
    window: int = setting(3, "layers on each side of the window centre")
    layers: tuple[int, ...] | None = setting(
        None, "window centres, layers: 0,5,10, a range 0:30:2 (stop excluded) or all"
    )
    prompt: KnockoutPrompt = setting("two_hop", "prompt: two_hop, or second_hop ('the spouse of e2 is')")
    max_new_tokens: int = setting(10, "tokens generated per run")
    batch_size: int = setting(64, "generated rows per forward", role="speed")
    apply_to: ApplyTo = setting("prompt", "knockout on the prompt only, or on every decoding step too")
    matching: Matching = matching_setting()

    def __post_init__(self) -> None:
        check_matching(self.matching)
        if self.prompt not in PROMPT_KEYS:
            raise MechhopError(
                f"KnockoutConfig: prompt must be one of {', '.join(PROMPT_KEYS)}, got {self.prompt!r}."
            )
        object.__setattr__(self, "keys", _names(self.keys))
        object.__setattr__(self, "query_sets", _names(self.query_sets))
        _check_names(self.keys, PROMPT_KEYS[self.prompt], "key", self.prompt)
        _check_names(self.query_sets, PROMPT_QUERY_SETS[self.prompt], "query set", self.prompt)
        if self.span not in SPAN_MODES:
            raise MechhopError(
                f"KnockoutConfig: span must be one of {', '.join(SPAN_MODES)}, got {self.span!r}."
            )
        _check_int(self.window, "window", 0)
        _check_int(self.max_new_tokens, "max_new_tokens", 1)
        _check_int(self.batch_size, "batch_size", 1)
        if self.apply_to not in ("prompt", "every_step"):
            raise MechhopError(
                f"KnockoutConfig: apply_to must be 'prompt' or 'every_step', got {self.apply_to!r}."
            )
        if self.layers is not None:
            layers = (self.layers,) if isinstance(self.layers, int) else tuple(self.layers)
            for layer in layers:
                if isinstance(layer, bool) or not isinstance(layer, int):
                    raise MechhopError(f"KnockoutConfig: layers must be ints, got {layer!r} in {layers!r}.")
            if not layers:
                raise MechhopError("KnockoutConfig: layers is empty; pass None for every layer.")
            object.__setattr__(self, "layers", layers)
