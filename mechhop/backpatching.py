"""Back-patching: do later layers lack what they need? (Biran et al., 2024, §5)

The residual stream at the output of a *later* block ``ls`` at position ``p``
of the two-hop prompt replaces the output of an *earlier* block ``lt < ls`` at
the same position; the model then generates 10 greedy tokens and succeeds if
e3 appears (the §1 answer check). If some pair ``(ls, lt)`` turns a wrong
answer into the right one, the model had computed what it needed, but too late
for the layers that had to use it: "hopping too late". The paper's headline is
the *oracle* success among composition-incorrect queries (some pair works): up
to 57% (arXiv v1) / 66% (EMNLP) across LLaMA 2 and 3, for p = t1 and p = t2,
each position on its own (METHOD.md §4).

With hundreds of perturbed generations per query, some name e3 by chance. The
placebo (METHOD.md §9, ``BackpatchingConfig(source="placebo")``) runs the same
grid and position with the source state taken from another query ``q'`` (a
different bridge entity and answer, :func:`placebo_donors`); success is still
q's e3. A rescue rate is a finding only where it stands above its placebo
rate: :func:`rescue_rates` puts them side by side, and :func:`pair_comparison`
compares the number of successful pairs query by query.

Targets generalise it (the paper's activation-patching variants): the source
always comes from the two-hop prompt; the target is the ``"original"`` prompt,
the ``"composition"`` prompt (e1 replaced by "x", patched at "x") or the
``"second_hop"`` prompt ("the spouse of x is", patched at "x").

    >>> result = backpatching(model, queries, BackpatchingConfig(positions=("e1", "last")))
    >>> placebo = backpatching(model, queries, BackpatchingConfig(source="placebo"))
    >>> oracle(result.table)                      # per query: rescued by some pair?
    >>> rescue_rates(result.table, groups, placebo=placebo.table)  # per group and position, 95% CIs
    >>> pair_comparison(result.table, placebo.table, groups)       # successful pairs, query by query
"""

from __future__ import annotations

import hashlib
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
from mechhop.layers import resolve_pairs
from mechhop.matching import DEFAULT_MATCHING, Matching, check_matching, contains_answer
from mechhop.positions import PositionName, locate, mention_chars, position_name, token_span
from mechhop.runs import AnalysisResult, RunStore, run_generation_units, split_by_query
from mechhop.sites import Site
from mechhop.stats import beside_placebo, sign_test, wilson_interval

Target = Literal["original", "composition", "second_hop"]
TARGETS: tuple[Target, ...] = ("original", "composition", "second_hop")
Source = Literal["query", "placebo"]
SOURCES: tuple[Source, ...] = ("query", "placebo")
EITHER = "either"  # the union over positions: an extra row, not the paper's per-position measure


@dataclass(frozen=True)
class BackpatchingConfig:
    """Settings of :func:`backpatching`; by default every pair with ``src_layer > tgt_layer``."""

    positions: tuple[PositionName, ...] = ("e1", "last")
    targets: tuple[Target, ...] = ("original",)
    src_layers: tuple[int, ...] | None = None
    tgt_layers: tuple[int, ...] | None = None
    pairs: tuple[tuple[int, int], ...] | None = None
    max_new_tokens: int = 10
    source: Source = "query"
    placebo_seed: int = 0
    matching: Matching = DEFAULT_MATCHING
    memory_budget_gb: float = 2.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "positions", tuple(position_name(p) for p in self.positions))
        if self.source not in SOURCES:
            raise MechhopError(f"Unknown back-patching source {self.source!r}; valid: {', '.join(SOURCES)} "
                               "('placebo': the state comes from another query, METHOD.md §9).")  # fmt: skip
        check_matching(self.matching)
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
        text = query.filled(query.r2_template, "x")
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
    donor_pool: TwoHopDataset | Sequence[TwoHopQuery] | None = None,
) -> AnalysisResult:
    """Back-patched greedy generations of ``queries``; one row per (query, position, target, pair).

    Columns: ``query_id, donor_id, position, target, src_layer, tgt_layer, generation, success``
    (``donor_id``: the query whose state was patched in; the query itself unless
    ``source="placebo"``, drawn from ``donor_pool``, by default ``queries`` themselves). With
    ``out``, finished queries are stored as they complete and a rerun resumes;
    ``queries_per_call`` sets how many queries share one engine call (default: ~4k generations).
    """
    config = config or BackpatchingConfig()
    queries = queries if isinstance(queries, TwoHopDataset) else TwoHopDataset(queries)
    if not len(queries):
        raise MechhopError("backpatching needs at least one query.")
    pairs = resolve_pairs(config.pairs, config.src_layers, config.tgt_layers, model.cfg.n_layers, "backward")
    pool = list(queries if donor_pool is None else donor_pool)
    donors = placebo_donors(queries, config.placebo_seed, pool) if config.source == "placebo" else {}
    by_id = {q.id: q for q in [*pool, *queries]}
    store = RunStore(out, "backpatching", asdict(config), model)
    store.save_queries(queries)
    engine = EngineConfig(
        max_new_tokens=config.max_new_tokens, memory_budget_gb=config.memory_budget_gb, progress=False
    )

    def compute(chunk: list[TwoHopQuery], advance: Callable[[int], None]) -> list[pd.DataFrame]:
        variants, keys = [], []
        for q in chunk:
            donor = by_id[donors[q.id]] if donors else q
            pos, source_pos = locate(model, q), locate(model, donor)
            for target in config.targets:
                prompt, at = target_prompt(model, q, target)
                for position in config.positions:
                    for ls, lt in pairs:
                        variants.append(
                            PatchVariant(prompt, Site("resid_post", lt, pos[position] if at is None else at),
                                         Site("resid_post", ls, source_pos[position]), donor.two_hop_prompt)
                        )  # fmt: skip
                        keys.append((q.id, donor.id, position, target, ls, lt))
        result = run_variants(model, variants, replace(engine, on_progress=advance))
        columns = ["query_id", "donor_id", "position", "target", "src_layer", "tgt_layer"]
        rows = pd.DataFrame(keys, columns=columns)
        rows["generation"] = list(result.texts)
        rows["success"] = resucceed(rows, TwoHopDataset(chunk), config.matching)
        return split_by_query(rows, chunk)

    per_query = len(config.targets) * len(config.positions) * len(pairs)
    desc = "back-patching" + (" (placebo)" if donors else "")
    run_generation_units(store, queries, compute, per_query, queries_per_call, progress, desc)
    return store.finish(
        queries,
        ["query_id", "position", "target", "src_layer", "tgt_layer"],
        relabel=lambda table, known: table.assign(success=resucceed(table, known, config.matching)),
    )


def placebo_donors(
    queries: TwoHopDataset | Sequence[TwoHopQuery],
    seed: int = 0,
    pool: TwoHopDataset | Sequence[TwoHopQuery] | None = None,
) -> dict[str, str]:
    """For each query, another query (of ``pool``, default ``queries``) to take the placebo state
    from (METHOD.md §9).

    The donor has a different bridge entity and a different answer, and none of its entity
    labels names the query's e3, so its state carries no legitimate route to the answer. The
    choice is seeded and depends only on the two queries' ids (a stable hash order).
    """
    dataset = list(queries if pool is None else pool)
    out: dict[str, str] = {}
    for q in queries:
        e3 = q.answers("e3")

        def unrelated(c: TwoHopQuery, q: TwoHopQuery = q, e3: tuple[str, ...] = e3) -> bool:
            if c.id == q.id or c.bridge == q.bridge or c.e2_label.lower() == q.e2_label.lower():
                return False
            if c.e3 == q.e3 or c.e3_label.lower() == q.e3_label.lower():
                return False
            labels = (c.e1_label, c.e2_label, c.e3_label)
            return not any(contains_answer(label, e3, "word") for label in labels)

        candidates = [c for c in dataset if unrelated(c)]
        if not candidates:
            raise MechhopError(
                f"Query {q.id} ({q.two_hop_prompt!r}): no other query in the donor pool has a different "
                f"bridge entity than {q.e2_label!r} and a different answer, so it has no placebo donor; "
                "add queries with other bridge entities (or pass a larger donor_pool)."
            )
        out[q.id] = min(candidates, key=lambda c: hashlib.sha1(f"{seed}:{q.id}:{c.id}".encode()).digest()).id
    return out


def resucceed(
    table: pd.DataFrame, queries: TwoHopDataset, matching: Matching = DEFAULT_MATCHING
) -> pd.Series:
    """``success`` recomputed from stored generations under a matching mode (no model needed)."""
    by_id = {q.id: q for q in queries}
    values = [
        contains_answer(g, by_id[i].answers("e3"), matching)
        for i, g in zip(table["query_id"], table["generation"], strict=True)
    ]
    return pd.Series(values, index=table.index, name="success", dtype=bool)


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


def _group_of(per_query: pd.DataFrame, groups: Mapping[str, str]) -> pd.Series:
    missing = set(per_query["query_id"]) - set(groups)
    if missing:
        raise MechhopError(
            f"No group for {len(missing)} queries (e.g. {sorted(missing)[:3]}); pass every id."
        )
    return per_query["query_id"].map(groups)


def _rates(table: pd.DataFrame, groups: Mapping[str, str]) -> pd.DataFrame:
    per_query = oracle(table)
    per_query["group"] = _group_of(per_query, groups)
    either = per_query.groupby(["query_id", "target", "group"], as_index=False)["rescued"].any()
    either["position"] = EITHER
    rows = []
    for frame in (per_query, either):
        for (group, position, target), sub in frame.groupby(["group", "position", "target"]):
            n, k = len(sub), int(sub["rescued"].sum())
            low, high = wilson_interval(k, n)
            rows.append({"group": group, "position": position, "target": target, "queries": n,
                         "rescued": k, "rate": k / n, "ci_low": low, "ci_high": high})  # fmt: skip
    return pd.DataFrame(rows)


def rescue_rates(
    table: pd.DataFrame, groups: Mapping[str, str], placebo: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Share of queries rescued by some back-patch, per (group, position, target), with a 95% CI.

    ``groups`` maps query id to ``"correct"`` / ``"incorrect"`` (composition outcome). Each
    position is its own row, as the paper reports them; a row ``position="either"`` (rescued at
    some position) is added, but it is not the paper's measure. With ``placebo`` (a
    ``source="placebo"`` run over the same queries), ``placebo_rescued``, ``placebo_rate`` and its
    interval stand beside each rate.
    """
    rates = _rates(table, groups)
    if placebo is None:
        return rates
    return beside_placebo(rates, _rates(placebo, groups), ["group", "position", "target"], "rescued")


def pair_comparison(
    table: pd.DataFrame, placebo: pd.DataFrame, groups: Mapping[str, str] | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Successful pairs per query, real back-patching vs its placebo, and a summary.

    Returns ``(per_query, summary)``. ``per_query``: ``query_id, [group,] position, target,
    pairs, real, placebo, difference``. ``summary`` per (group, position, target): queries,
    median successful pairs real and placebo, how many queries have more real than placebo
    successes (``real_more``), fewer (``placebo_more``), or as many (``ties``), and the two-sided
    sign test's p-value.
    """
    keys = ["query_id", "position", "target"]
    real = oracle(table).set_index(keys)
    control = oracle(placebo).set_index(keys)
    common = real.index.intersection(control.index)
    if not len(common):
        raise MechhopError("The back-patching table and its placebo share no (query, position, target).")
    per_query = pd.DataFrame(
        {
            "pairs": real.loc[common, "pairs"],
            "real": real.loc[common, "successful_pairs"].astype(int),
            "placebo": control.loc[common, "successful_pairs"].astype(int),
        }
    ).reset_index()
    per_query["difference"] = per_query["real"] - per_query["placebo"]
    by = ["position", "target"]
    if groups is not None:
        per_query.insert(1, "group", _group_of(per_query, groups))
        by = ["group", *by]
    rows = []
    for key, sub in per_query.groupby(by):
        more, fewer = int((sub["difference"] > 0).sum()), int((sub["difference"] < 0).sum())
        rows.append({**dict(zip(by, key if isinstance(key, tuple) else (key,), strict=True)),
                     "queries": len(sub), "median_real": float(sub["real"].median()),
                     "median_placebo": float(sub["placebo"].median()), "real_more": more,
                     "placebo_more": fewer, "ties": len(sub) - more - fewer,
                     "sign_test_p": sign_test(more, fewer)})  # fmt: skip
    return per_query, pd.DataFrame(rows)
