"""The pandas part of back-patching: labels, rates and summaries from stored tables.

No model and no torch: the report, the plots and ``mechhop report`` read stored runs with it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

import pandas as pd

from mechhop.analyses.backpatching.config import EITHER
from mechhop.analyses.stats import beside_placebo, sign_test, wilson_interval
from mechhop.data.matching import DEFAULT_MATCHING, Matching, contains_answer
from mechhop.data.schema import TwoHopDataset, TwoHopQuery
from mechhop.errors import MechhopError


def placebo_donors(
    queries: TwoHopDataset | Sequence[TwoHopQuery],
    seed: int = 0,
    pool: TwoHopDataset | Sequence[TwoHopQuery] | None = None,
) -> dict[str, str]:
    """For each query, another query (of ``pool``, default ``queries``) to take the placebo state
    from (docs/method/controls.md).

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


def relabel_table(table: pd.DataFrame, queries: TwoHopDataset, matching: Matching) -> pd.DataFrame:
    """The table with ``success`` recomputed under ``matching`` (the registry's relabelling)."""
    return table.assign(success=resucceed(table, queries, matching))


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
