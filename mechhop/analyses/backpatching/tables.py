"""The pandas part of back-patching: labels, rates and summaries from stored tables.

No model and no torch: the report, the plots and ``mechhop report`` read stored runs with it.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from mechhop.analyses.backpatching.config import EITHER
from mechhop.analyses.controls import placebo_donors  # noqa: F401  (re-exported)
from mechhop.analyses.evidence import (
    BOOTSTRAPS,
    REFERENCE_EFFECT,
    VERDICTS,
    claim,
    cluster_bootstrap,
    cluster_mean_interval,
    cluster_t_test,
    detectable_difference,
    mcnemar_detectable,
    mcnemar_test,
    mean_detectable,
    mean_verdict,
    required_n,
    signed_rank_test,
    verdict,
)
from mechhop.analyses.stats import beside_placebo, sign_test, wilson_interval
from mechhop.data.matching import DEFAULT_MATCHING, Matching, contains_answer
from mechhop.data.schema import TwoHopDataset
from mechhop.errors import MechhopError


def relabel_table(table: pd.DataFrame, queries: TwoHopDataset, matching: Matching) -> pd.DataFrame:
    """The table with ``success`` recomputed under ``matching`` (the registry's relabelling)."""
    return table.assign(success=resucceed(table, queries, matching))


def resucceed(
    table: pd.DataFrame,
    queries: TwoHopDataset,
    matching: Matching = DEFAULT_MATCHING,
    shared: frozenset[str] = frozenset(),
) -> pd.Series:
    """``success`` recomputed from stored generations under a matching mode (no model needed);
    ``shared`` names (:meth:`~mechhop.data.schema.TwoHopDataset.shared_names`) left out of the answers."""
    by_id = {q.id: q for q in queries}
    values = [
        contains_answer(g, by_id[i].answers("e3", shared), matching)
        for i, g in zip(table["query_id"], table["generation"], strict=True)
    ]
    return pd.Series(values, index=table.index, name="success", dtype=bool)


def oracle(table: pd.DataFrame) -> pd.DataFrame:
    """Per (query, position, target): whether some pair succeeds, how many do, and the lowest such pair.

    A placebo run with K donors per query is reduced donor by donor first: ``rescued`` is then the
    typical donor's (at least half of the donors rescue), ``successful_pairs`` the mean over
    donors, and the lowest pair is left empty; ``donors`` says how many there were.
    """
    keys = ["query_id", "position", "target"]
    if "donor_id" in table and table.groupby(keys)["donor_id"].nunique().gt(1).any():
        # each (query, donor) as one pseudo-query, by number: joining the ids into one string is not
        # safe (pandas 2.2 drops a NUL separator from object strings)
        pairs = table[["query_id", "donor_id"]].drop_duplicates().reset_index(drop=True)
        code = pd.MultiIndex.from_frame(pairs).get_indexer(pd.MultiIndex.from_frame(table[pairs.columns]))
        per_donor = oracle(table.drop(columns="donor_id").assign(query_id=code.astype(str)))
        at = per_donor["query_id"].astype(int).to_numpy()
        per_donor["donor_id"] = pairs["donor_id"].to_numpy()[at]
        per_donor["query_id"] = pairs["query_id"].to_numpy()[at]
        out = per_donor.groupby(keys).agg(
            rescued=("rescued", "mean"), successful_pairs=("successful_pairs", "mean"),
            pairs=("pairs", "first"), donors=("donor_id", "nunique"),
        ).reset_index()  # fmt: skip
        out["rescued"] = out["rescued"] >= 0.5
        return out.assign(first_src_layer=np.nan, first_tgt_layer=np.nan)
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
    pairs, real, placebo, difference`` (``placebo``: the mean over its donors). ``summary`` per
    (group, position, target): queries, median successful pairs real and placebo, how many
    queries have more real than placebo successes (``real_more``), fewer (``placebo_more``), or
    as many (``ties``), and the two-sided sign test's p-value.
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
            "placebo": control.loc[common, "successful_pairs"],  # the mean over K donors
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


def pair_shares(table: pd.DataFrame) -> pd.DataFrame:
    """Per (query, donor, position, target): ``pairs``, ``successes``, their ``share`` and
    ``rescued`` (some pair succeeds): the per-query quantities of the primary test."""
    keys = ["query_id", "donor_id", "position", "target"]
    out = table.groupby(keys)["success"].agg(pairs="size", successes="sum", rescued="any").reset_index()
    out["successes"] = out["successes"].astype(int)
    out["share"] = out["successes"] / out["pairs"]
    return out


def _per_query_control(control: pd.DataFrame) -> pd.DataFrame:
    # K placebo donors: their mean share; their oracle is the typical donor's (at least half rescue).
    keys = ["query_id", "position", "target"]
    shares = pair_shares(control)
    out = shares.groupby(keys).agg(
        control_pairs=("pairs", "min"), most_pairs=("pairs", "max"), donors=("donor_id", "nunique"),
        control_share=("share", "mean"), control_rescued=("rescued", "mean"),
    )  # fmt: skip
    out["control_rescued"] = out["control_rescued"] >= 0.5
    return out


def donor_permutation_p(
    real: pd.DataFrame, placebo: pd.DataFrame, n_perm: int = 10_000, seed: int = 0
) -> float:
    """Two-sided p that the real share exceeds the placebo donors' by chance: per query the real run
    is exchangeable with its K donors under the null, so each permutation picks, per query, which
    of the K + 1 shares is called real. Statistic: the mean over queries of real minus the mean
    of the others. ``real`` and ``placebo`` are :func:`pair_shares` rows of one position and target;
    the observed split is counted once, so p is never 0."""
    by_query = placebo.groupby("query_id")["share"].apply(list)
    real_share = real.set_index("query_id")["share"]
    rows = [[real_share[q], *by_query[q]] for q in real_share.index if q in by_query.index]
    if not rows:
        return float("nan")
    width = max(map(len, rows))
    values = np.full((len(rows), width), np.nan)
    for i, row in enumerate(rows):
        values[i, : len(row)] = row
    counts = np.array([len(r) for r in rows])
    totals = np.nansum(values, axis=1)

    def stat(picks: np.ndarray) -> np.ndarray:  # picks: (permutations, queries) column indices
        chosen = values[np.arange(len(rows)), picks]
        return (chosen - (totals - chosen) / (counts - 1)).mean(axis=-1)

    observed = abs(float(stat(np.zeros(len(rows), dtype=int))))
    rng = np.random.default_rng(seed)
    picks = (rng.random((n_perm, len(rows))) * counts).astype(int)
    hits = int((np.abs(stat(picks)) >= observed - 1e-12).sum())
    return (hits + 1) / (n_perm + 1)


def _mean_scale(sub: pd.DataFrame, reference: float, n_boot: int, seed: int) -> dict[str, object]:
    """Amendment 1's primary comparison of one group's per-query differences (the mean scale)."""
    diffs, clusters = sub["difference"].to_numpy(), sub["bridge"].tolist()
    test = cluster_t_test(diffs, clusters)
    boot_low, boot_high, _ = cluster_mean_interval(diffs, clusters, n_boot=n_boot, seed=seed)
    return {
        "both_zero": int(((sub["real_share"] == 0) & (sub["control_share"] == 0)).sum()),
        "mean_ci_low": test.ci_low, "mean_ci_high": test.ci_high, "mean_p": test.p,
        "boot_ci_low": boot_low, "boot_ci_high": boot_high,
        "mean_detectable": mean_detectable(test.se), "needed_n": required_n(len(sub), test.se, reference),
        "amended_verdict": mean_verdict(test.ci_low, test.ci_high, reference),
    }  # fmt: skip


def control_comparison(
    table: pd.DataFrame,
    control: pd.DataFrame,
    groups: Mapping[str, str] | None = None,
    bridges: Mapping[str, str] | None = None,
    *,
    reference: float = REFERENCE_EFFECT,
    n_boot: int = BOOTSTRAPS,
    seed: int = 0,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The primary test of docs/method/controls.md: real back-patching against one control run.

    ``control`` is a ``source="forward"`` or ``source="placebo"`` run of the same queries on the
    same grid. Per query: the share of pairs that succeed, real minus control (the placebo's
    K donors averaged). Returns ``(per_query, summary)``; ``summary`` per ([group,] position,
    target): ``queries``, the median real and control shares, the ``median_difference`` with its
    95% bootstrap interval (resampling ``bridges``, query id -> bridge entity, when given),
    the signed-rank ``p`` (and ``p_bridges``, the same test on per-bridge means), the
    ``detectable`` difference at 80% power, the ``verdict`` of the wording rule; and the
    secondary oracle: ``real_rescued``, ``control_rescued``, ``real_only``, ``control_only``,
    ``mcnemar_p``, ``oracle_detectable``; for a placebo, ``donor_p`` (:func:`donor_permutation_p`).
    """
    keys = ["query_id", "position", "target"]
    real = pair_shares(table).set_index(keys)
    ctrl = _per_query_control(control)
    common = real.index.intersection(ctrl.index)
    if not len(common):
        raise MechhopError("The back-patching table and its control share no (query, position, target).")
    pairs = real.loc[common, "pairs"]
    uneven = (
        (pairs != ctrl.loc[common, "control_pairs"]) | (pairs != ctrl.loc[common, "most_pairs"])
    ).to_numpy()
    if uneven.any():
        raise MechhopError(
            "The control covers another number of layer pairs than the real run (e.g. query "
            f"{common[np.argmax(uneven)][0]}); run both on the same grid (same src/tgt layers)."
        )
    per_query = pd.DataFrame({
        "pairs": real.loc[common, "pairs"], "real_share": real.loc[common, "share"],
        "control_share": ctrl.loc[common, "control_share"], "donors": ctrl.loc[common, "donors"],
        "real_rescued": real.loc[common, "rescued"].astype(bool),
        "control_rescued": ctrl.loc[common, "control_rescued"].astype(bool),
    }).reset_index()  # fmt: skip
    per_query["difference"] = per_query["real_share"] - per_query["control_share"]
    by = ["position", "target"]
    if groups is not None:
        per_query.insert(1, "group", _group_of(per_query, groups))
        by = ["group", *by]
    per_query["bridge"] = (
        per_query["query_id"].map(dict(bridges)) if bridges is not None else per_query["query_id"]
    )
    placebo = control["donor_id"].ne(control["query_id"]).any()
    donor_rows = pair_shares(control) if placebo else None
    rows = []
    for key, sub in per_query.groupby(by):
        diffs = sub["difference"].to_numpy()
        low, high, se = cluster_bootstrap(diffs, sub["bridge"].tolist(), n_boot=n_boot, seed=seed)
        p = signed_rank_test(diffs)
        median = float(np.median(diffs))
        real_only = int((sub["real_rescued"] & ~sub["control_rescued"]).sum())
        control_only = int((~sub["real_rescued"] & sub["control_rescued"]).sum())
        row = {**dict(zip(by, key if isinstance(key, tuple) else (key,), strict=True)),
               "queries": len(sub), "bridges": sub["bridge"].nunique(),
               "median_real": float(sub["real_share"].median()),
               "median_control": float(sub["control_share"].median()),
               "median_difference": median, "ci_low": low, "ci_high": high,
               "real_share_mean": float(sub["real_share"].mean()),
               "control_share_mean": float(sub["control_share"].mean()),
               "mean_difference": float(diffs.mean()), "p": p,
               "p_bridges": signed_rank_test(sub.groupby("bridge")["difference"].mean().to_numpy()),
               "detectable": detectable_difference(se),
               "verdict": verdict(p, median if median else float(diffs.mean()), high, reference),
               "real_rescued": int(sub["real_rescued"].sum()),
               "control_rescued": int(sub["control_rescued"].sum()),
               "real_only": real_only, "control_only": control_only,
               "mcnemar_p": mcnemar_test(real_only, control_only),
               "oracle_detectable": mcnemar_detectable(len(sub), (real_only + control_only) / len(sub)),
               **_mean_scale(sub, reference, n_boot, seed),
        }  # fmt: skip
        if donor_rows is not None:
            position, target = row["position"], row["target"]
            ids = set(sub["query_id"])
            pick = donor_rows[(donor_rows["position"] == position) & (donor_rows["target"] == target)
                              & donor_rows["query_id"].isin(ids)]  # fmt: skip
            mine = real.reset_index()
            mine = mine[
                (mine["position"] == position) & (mine["target"] == target) & mine["query_id"].isin(ids)
            ]
            row["donor_p"] = donor_permutation_p(mine, pick, seed=seed)
        rows.append(row)
    return per_query, pd.DataFrame(rows)


def control_claims(summaries: Mapping[str, pd.DataFrame], column: str = "verdict") -> pd.DataFrame:
    """The claim per ([group,] position, target) from :func:`control_comparison` summaries, one per
    control (``{"forward": ..., "placebo": ...}``): each control's verdict side by side and the
    ``claim`` (:func:`mechhop.analyses.evidence.claim`): "above both controls" only when the real
    run is above every one of them. ``column="amended_verdict"`` reads Amendment 1's verdicts."""
    if not summaries:
        raise MechhopError("control_claims needs at least one control_comparison summary.")
    by = [c for c in ("group", "position", "target") if c in next(iter(summaries.values()))]
    merged: pd.DataFrame | None = None
    for name, summary in summaries.items():
        part = summary[[*by, column]].rename(columns={column: f"{name}_verdict"})
        merged = part if merged is None else merged.merge(part, on=by, how="outer")
    assert merged is not None  # summaries is not empty
    columns = [f"{name}_verdict" for name in summaries]
    known = set(VERDICTS)
    merged["claim"] = [
        claim([v for v in row if v in known]) for row in merged[columns].itertuples(index=False)
    ]
    return merged
