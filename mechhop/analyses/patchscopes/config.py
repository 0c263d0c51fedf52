"""Settings of Patchscopes.

No torch here: the command line checks its options against these types before loading a model.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mechhop.core.decoding import BUDGET_HELP, Decoding, check_decoding
from mechhop.core.settings import setting
from mechhop.data.matching import Matching, check_matching, matching_setting
from mechhop.data.positions import PositionName, position_name
from mechhop.errors import MechhopError

Label = Literal["e1", "e2", "e3", "other"]
LABELS: tuple[Label, ...] = ("e1", "e2", "e3", "other")
KEYS = ["query_id", "source", "src_layer", "tgt_layer", "seed"]  # one row per key of a run's table
TARGET_PROMPTS: dict[str, str] = {
    "description": (
        "Syria: Syria is a country in the Middle East, Leonardo DiCaprio: Leonardo DiCaprio is an American "
        "actor, Samsung: Samsung is a South Korean multinational corporation, x"
    ),
    "repeat": "Syria: Syria, Leonardo DiCaprio: Leonardo DiCaprio, Samsung: Samsung, x",
}


@dataclass(frozen=True)
class PatchscopesConfig:
    """Settings of :func:`patchscopes`; the defaults are the paper's.

    ``target_prompt`` is ``"description"``, ``"repeat"`` or any text whose last
    ``placeholder`` is where the state goes. ``pairs`` picks ``(src_layer,
    tgt_layer)`` pairs; by default every pair of ``src_layers`` x ``tgt_layers``
    (all layers when None). ``top_k`` (sampling only) draws among the ``top_k`` most likely
    tokens: None samples from the whole vocabulary at ``temperature``; 50 is the authors' setting
    (Hugging Face ``generate(do_sample=True)``, i.e. top-k 50 at temperature 1). A source
    ``"first_is"`` reads the first " is" of the prompt, the authors' t2 (docs/method/patchscopes.md).
    """

    sources: tuple[PositionName, ...] = setting(
        ("e1", "last"),
        "positions read (the paper: e1 = t1, last = t2; first_is = the authors' t2)",
        option="positions",
    )
    target_prompt: str = setting(
        "description", "description, repeat, or your own text ending in the placeholder x"
    )
    placeholder: str = setting("x", "where the state goes in the target prompt (its last occurrence)")
    src_layers: tuple[int, ...] | None = setting(
        None, "source layers: 0,5,10, a range 0:30:2 (stop excluded) or all"
    )
    tgt_layers: tuple[int, ...] | None = setting(
        None, "target layers: 0,5,10, a range 0:30:2 (stop excluded) or all"
    )
    pairs: tuple[tuple[int, int], ...] | None = setting(None, "explicit (src, tgt) pairs", cli=False)
    decoding: Decoding = setting("sample", "greedy, or sample (the paper, with 3 seeds)")
    seeds: tuple[int, ...] = setting((0, 1, 2), "sampling seeds, e.g. 0,1,2 (greedy: one seed)")
    temperature: float = setting(1.0, "sampling temperature")
    top_k: int | None = setting(
        None, "sampling: draw among the top-k tokens (the authors' Hugging Face sampling: 50; default: all)"
    )
    max_new_tokens: int = setting(10, "tokens generated per patched run")
    matching: Matching = matching_setting()
    memory_budget_gb: float | None = setting(None, BUDGET_HELP, role="speed")

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", tuple(position_name(s) for s in self.sources))
        check_matching(self.matching)
        if not self.sources:
            raise MechhopError("PatchscopesConfig.sources is empty; give e.g. ('e1', 'last').")
        if not self.placeholder or self.placeholder not in self.target_text:
            raise MechhopError(
                f"PatchscopesConfig.target_prompt {self.target_text!r} does not contain the placeholder "
                f"{self.placeholder!r} where the state goes; end your prompt with it, e.g. "
                f"'..., {self.placeholder or 'x'}' (or use 'description' or 'repeat')."
            )
        if not self.seeds:
            raise MechhopError("PatchscopesConfig.seeds is empty; give at least one seed, e.g. (0,).")
        try:
            check_decoding(self.decoding, self.max_new_tokens, self.temperature, self.top_k)
        except MechhopError as err:
            raise MechhopError(f"PatchscopesConfig: {err}") from None
        if self.decoding == "greedy" and self.top_k is not None:
            raise MechhopError(
                "PatchscopesConfig.top_k applies to sampling only; use decoding='sample' or leave top_k None."
            )
        if self.decoding == "greedy" and len(self.seeds) > 1:
            raise MechhopError(
                "Greedy decoding gives the same text for every seed; use seeds=(0,) with decoding='greedy'."
            )

    @property
    def target_text(self) -> str:
        return TARGET_PROMPTS.get(self.target_prompt, self.target_prompt)
