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


# When a knockout "matters" (docs/method/knockout.md): the paper's rule, or the first generated
# token changes (the same test for both groups).
KnockoutRule = Literal["paper", "symmetric"]


# The window's half-width as set ("fixed", the paper's), or scaled to the model's depth.
WindowScale = Literal["fixed", "depth"]


# The mentions each prompt contains: keys, and the query sets that exist there.
PROMPT_KEYS: dict[str, tuple[KeyName, ...]] = {"two_hop": ("e1", "r1", "r2"), "second_hop": ("e2", "r2")}
PROMPT_QUERY_SETS: dict[str, tuple[QuerySet, ...]] = {
    "two_hop": ("last", "all", "e1", "r1"),
    "second_hop": ("last", "all"),
}
SPAN_MODES: tuple[SpanMode, ...] = ("last_token", "whole")
KNOCKOUT_RULES: tuple[KnockoutRule, ...] = ("paper", "symmetric")
WINDOW_SCALES: tuple[WindowScale, ...] = ("fixed", "depth")
# The depth of the paper's models (LLaMA 2 7B, LLaMA 3 8B), the reference of window_scale="depth".
PAPER_N_LAYERS = 32
TABLE_COLUMNS: tuple[str, ...] = (
    "query_id", "prompt", "query_set", "key", "span", "window", "layer",
    "generation", "first_token", "correct", "baseline_generation", "baseline_first_token",
    "baseline_correct", "matters", "matters_symmetric",
)  # fmt: skip


def scaled_window(window: int, n_layers: int) -> int:
    """``window`` scaled from the paper's 32-layer models to ``n_layers``: ``window * n_layers / 32``
    rounded half up, at least 1 (the paper's 3 is 2 on an 18-layer model, 3 on a 30-layer one)."""
    _check_int(window, "window", 0, owner="scaled_window: ")
    _check_int(n_layers, "n_layers", 1, owner="scaled_window: ")
    # integer arithmetic: floor(window * n_layers / 32 + 1/2)
    return max(1, (2 * window * n_layers + PAPER_N_LAYERS) // (2 * PAPER_N_LAYERS))


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
    ``apply_to="every_step"``. ``window_scale="depth"`` scales ``window`` to the model's depth
    (:func:`scaled_window`; the table's ``window`` column holds the window used). ``batch_size``
    (generated rows per forward) does not change results and is left out of the run key, so a run
    resumes under another batch size.
    """

    keys: tuple[KeyName, ...] = setting(
        ("e1", "r1", "r2"), "mentions attended to: e1,r1,r2 (two_hop prompt) or e2,r2 (second_hop)"
    )
    query_sets: tuple[QuerySet, ...] = setting(("last",), "whose attention is cut: last, all, e1, r1")
    span: SpanMode = setting(
        "last_token", "tokens of a key mention blocked: its last token (paper) or the whole mention"
    )
    window: int = setting(3, "layers on each side of the window centre")
    window_scale: WindowScale = setting(
        "fixed", "window as given (fixed, the paper's) or scaled to depth: round(window * layers / 32), >= 1"
    )
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
        if self.window_scale not in WINDOW_SCALES:
            raise MechhopError(
                f"KnockoutConfig: window_scale must be one of {', '.join(WINDOW_SCALES)}, "
                f"got {self.window_scale!r}."
            )
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

    def effective_window(self, n_layers: int) -> int:
        """The half-width used on a model with ``n_layers`` layers (``window``, or scaled to depth)."""
        return self.window if self.window_scale == "fixed" else scaled_window(self.window, n_layers)
