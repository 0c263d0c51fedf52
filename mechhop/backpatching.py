"""Back-patching: do later layers lack what they need? (Biran et al., 2024, §5)

The residual stream at the output of a *later* block ``ls`` at position ``p``
of the two-hop prompt replaces the output of an *earlier* block ``lt < ls`` at
the same position; the model then generates 10 greedy tokens and succeeds if
e3 appears (the §1 answer check). If some pair ``(ls, lt)`` turns a wrong
answer into the right one, the model had computed what it needed, but too late
for the layers that had to use it: "hopping too late". The paper's headline is
the *oracle* success among composition-incorrect queries (some pair works): up
to 57% (arXiv v1) / 66% (EMNLP) across LLaMA 2 and 3, for p = t1 and p = t2.

Targets generalise it (the paper's activation-patching variants): the source
always comes from the two-hop prompt; the target is the ``"original"`` prompt,
the ``"composition"`` prompt (e1 replaced by "x", patched at "x") or the
``"second_hop"`` prompt ("the spouse of x is", patched at "x").

    >>> result = backpatching(model, queries, BackpatchingConfig(positions=("e1", "last")))
    >>> oracle(result.table)                      # per query: rescued by some pair?
    >>> rescue_rates(result.table, groups)        # share rescued per group, with a 95% CI
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Literal

import pandas as pd
from transformer_lens import HookedTransformer

from mechhop.backend import as_backend
from mechhop.data.schema import PAPER_STYLE, TwoHopDataset, TwoHopQuery
from mechhop.engine import EngineConfig, PatchVariant, run_variants
from mechhop.errors import MechhopError
from mechhop.generation import check_decoding
from mechhop.knowledge import answer_matches
from mechhop.layers import resolve_pairs
from mechhop.positions import PositionName, locate, mention_chars, position_name, token_span
from mechhop.runs import AnalysisResult, RunStore, run_generation_units, split_by_query
from mechhop.sites import Site

Target = Literal["original", "composition", "second_hop"]
TARGETS: tuple[Target, ...] = ("original", "composition", "second_hop")


@dataclass(frozen=True)
class BackpatchingConfig:
    """Settings of :func:`backpatching`; by default every pair with ``src_layer > tgt_layer``."""

    positions: tuple[PositionName, ...] = ("e1", "last")
    targets: tuple[Target, ...] = ("original",)
    src_layers: tuple[int, ...] | None = None
    tgt_layers: tuple[int, ...] | None = None
    pairs: tuple[tuple[int, int], ...] | None = None
    max_new_tokens: int = 10
    memory_budget_gb: float = 2.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "positions", tuple(position_name(p) for p in self.positions))
        for t in self.targets:
            if t not in TARGETS:
                raise MechhopError(f"Unknown back-patching target {t!r}; valid: {', '.join(TARGETS)}.")
        if not self.positions or not self.targets:
            raise MechhopError("BackpatchingConfig needs at least one position and one target.")
        try:
            check_decoding("greedy", self.max_new_tokens, 1.0)
        except MechhopError as err:
            raise MechhopError(f"BackpatchingConfig: {err}") from None


def target_prompt(model: HookedTransformer, query: TwoHopQuery, target: Target) -> tuple[str, int | None]:
    """The prompt a target names and the token to patch there (None: the source position itself)."""
    if target == "original":
        return query.two_hop_prompt, None
    if target == "composition":
        prompt, chars = mention_chars(query)
        start, stop = chars["e1"]
        text = prompt[:start] + "x" + prompt[stop:]
    else:
        text = PAPER_STYLE.apply(query.r2_template.format("x"))
        start = len(PAPER_STYLE.prefix) + query.r2_template.index("{}")
    offsets = as_backend(model).char_spans(text, None)
    return text, token_span(offsets, start, start + 1, "x", text, query.id)[1]


def backpatching(
    model: HookedTransformer,
    queries: TwoHopDataset | Sequence[TwoHopQuery],
    config: BackpatchingConfig | None = None,
    out: str | Path | None = None,
    progress: bool = True,
    queries_per_call: int | None = None,
) -> AnalysisResult:
    """Back-patched greedy generations of ``queries``; one row per (query, position, target, pair).

    Columns: ``query_id, position, target, src_layer, tgt_layer, generation, success``.
    With ``out``, finished queries are stored as they complete and a rerun resumes;
    ``queries_per_call`` sets how many queries share one engine call (default: ~4k generations).
    """
    config = config or BackpatchingConfig()
    queries = queries if isinstance(queries, TwoHopDataset) else TwoHopDataset(queries)
    pairs = resolve_pairs(config.pairs, config.src_layers, config.tgt_layers, model.cfg.n_layers, "backward")
    store = RunStore(out, "backpatching", asdict(config), model)
    store.save_queries(queries)
    engine = EngineConfig(
        max_new_tokens=config.max_new_tokens, memory_budget_gb=config.memory_budget_gb, progress=False
    )

    def compute(chunk: list[TwoHopQuery], advance: Callable[[int], None]) -> list[pd.DataFrame]:
        variants, keys = [], []
        for q in chunk:
            pos = locate(model, q)
            for target in config.targets:
                prompt, at = target_prompt(model, q, target)
                for position in config.positions:
                    for ls, lt in pairs:
                        variants.append(
                            PatchVariant(prompt, Site("resid_post", lt, pos[position] if at is None else at),
                                         Site("resid_post", ls, pos[position]), q.two_hop_prompt)
                        )  # fmt: skip
                        keys.append((q.id, position, target, ls, lt))
        result = run_variants(model, variants, replace(engine, on_progress=advance))
        rows = pd.DataFrame(keys, columns=["query_id", "position", "target", "src_layer", "tgt_layer"])
        rows["generation"] = list(result.texts)
        rows["success"] = resucceed(rows, TwoHopDataset(chunk))
        return split_by_query(rows, chunk)

    per_query = len(config.targets) * len(config.positions) * len(pairs)
    run_generation_units(store, queries, compute, per_query, queries_per_call, progress, "back-patching")
    return store.finish(queries, ["query_id", "position", "target", "src_layer", "tgt_layer"])


def resucceed(table: pd.DataFrame, queries: TwoHopDataset) -> pd.Series:
    """``success`` recomputed from stored generations (no model needed)."""
    by_id = {q.id: q for q in queries}
    values = [
        answer_matches(g, by_id[i].answers("e3"))
        for i, g in zip(table["query_id"], table["generation"], strict=True)
    ]
    return pd.Series(values, index=table.index, name="success")


def oracle(table: pd.DataFrame) -> pd.DataFrame:
    """Per (query, position, target): whether some pair succeeds, how many do, and the lowest such pair."""
    keys = ["query_id", "position", "target"]
    grouped = table.groupby(keys)
    out = grouped["success"].agg(rescued="any", successful_pairs="sum", pairs="size").reset_index()
    first = table[table["success"]].sort_values(["src_layer", "tgt_layer"]).groupby(keys).head(1)
    first = first.set_index(keys)[["src_layer", "tgt_layer"]].rename(
        columns={"src_layer": "first_src_layer", "tgt_layer": "first_tgt_layer"}
    )
    return out.join(first, on=keys)


def wilson_interval(successes: int, n: int, z: float = 1.959964) -> tuple[float, float]:
    """95% Wilson score interval of a proportion (sensible at 0 and n, unlike the normal one)."""
    if n == 0:
        return (float("nan"), float("nan"))
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return (max(0.0, centre - half), min(1.0, centre + half))


def rescue_rates(table: pd.DataFrame, groups: Mapping[str, str]) -> pd.DataFrame:
    """Share of queries rescued by some back-patch, per (group, position, target), with a 95% CI.

    ``groups`` maps query id to ``"correct"`` / ``"incorrect"`` (composition outcome); rows for
    both positions together ("any") are added, as the paper counts a query rescued by either.
    """
    per_query = oracle(table)
    missing = set(per_query["query_id"]) - set(groups)
    if missing:
        raise MechhopError(
            f"No group for {len(missing)} queries (e.g. {sorted(missing)[:3]}); pass every id."
        )
    per_query["group"] = per_query["query_id"].map(groups)
    either = per_query.groupby(["query_id", "target", "group"], as_index=False)["rescued"].any()
    either["position"] = "any"
    rows = []
    for frame in (per_query, either):
        for (group, position, target), sub in frame.groupby(["group", "position", "target"]):
            n, k = len(sub), int(sub["rescued"].sum())
            low, high = wilson_interval(k, n)
            rows.append({"group": group, "position": position, "target": target, "queries": n,
                         "rescued": k, "rate": k / n, "ci_low": low, "ci_high": high})  # fmt: skip
    return pd.DataFrame(rows)
