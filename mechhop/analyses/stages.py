"""Stages of latent two-hop reasoning, per query (the paper's main figure; docs/method/stages.md).

From stored analysis tables (no model needed), each usable query gets four
layers:

1. ``first_hop``: the lowest source layer at which e2 is decoded from t1
   (Patchscopes, source ``"e1"``);
2. ``propagation``: the mean of the lowest layer where knocking out
   last -> e1 attention matters, the lowest layer whose attention output ranks
   e2 first (sublayer projection), and the lowest layer at which e2 is decoded
   from t2 (Patchscopes, source ``"last"``) — over those that exist;
3. ``second_hop``: the lowest layer at which e3 is decoded from t2;
4. ``extraction``: the lowest layer whose MLP output ranks the predicted token
   first.

The paper finds the first hop resolved early and the second only after it, and
all stages later for composition-incorrect queries: the model "hops too late".

The knockout part of propagation uses the symmetric rule by default (the first
generated token changes; ``knockout_rule="paper"`` for the paper's rule, which
treats the groups differently: docs/method/knockout.md).

With a few dozen queries per group those claims need statistics
(:func:`stage_statistics`): per stage and group, how many queries never reach
the stage, the median and the mean layer, each with a bootstrap 95% interval
(resampling queries), a two-sided permutation test of the difference of
medians between correct and incorrect, and a log-rank test that counts the
queries that never reach the stage (:mod:`mechhop.analyses.censored`). A query
shows *layer-order inversion* when e3 is decoded from t2 at a lower layer than
the lowest at which e2 is decoded from t1 (the ``inverted`` column;
:func:`inversion_counts`); ``second_hop_vs_extraction`` says whether e3 is
decoded from t2 before, at or after the extraction layer
(:func:`second_hop_extraction_counts`). :func:`placebo_onsets` and
:func:`onsets_against_placebo` set the two hops' onsets against those of the
Patchscopes placebo for the same query.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from mechhop.analyses.censored import stage_logrank
from mechhop.analyses.knockout import KNOCKOUT_RULES, KnockoutRule, has_first_tokens, knockout_matters
from mechhop.analyses.patchscopes import decoded_layers
from mechhop.analyses.stats import (
    bootstrap_mean_interval,
    bootstrap_median_interval,
    permutation_test_medians,
    sign_test,
    wilson_interval,
)
from mechhop.errors import MechhopError

STAGES: tuple[str, ...] = ("first_hop", "propagation", "second_hop", "extraction")
# The stages a Patchscopes placebo can give: (stage, label decoded, source position).
PLACEBO_STAGES: dict[str, tuple[str, str]] = {"first_hop": ("e2", "e1"), "second_hop": ("e3", "last")}
ORDER_VALUES: tuple[str, ...] = ("before", "same", "after")


def _lowest(frame: pd.DataFrame, mask: pd.Series) -> pd.Series:
    return frame[mask].groupby("query_id")["layer"].min()


def stage_layers(
    patchscopes: pd.DataFrame,
    knockout: pd.DataFrame | None = None,
    projection: pd.DataFrame | None = None,
    groups: Mapping[str, str] | None = None,
    knockout_rule: KnockoutRule = "symmetric",
) -> pd.DataFrame:
    """One row per query: the layer of each stage (NaN where the evidence never appears).

    ``patchscopes`` must hold both sources (``"e1"`` and ``"last"``); ``knockout`` rows with
    query set ``"last"`` and key ``"e1"``, and ``projection`` rows, are used when given. The
    ``propagation_parts`` column says how many of its three parts were found. The knockout part
    is the lowest window centre where the knockout matters under ``knockout_rule``: by default
    the symmetric rule (the first generated token changes, for both groups alike), which needs a
    knockout table that recorded first-token ids; ``"paper"`` for the paper's rule.
    ``second_hop_vs_extraction`` is ``"before"``, ``"same"`` or ``"after"`` (e3 decoded from t2
    at a lower, the same or a higher layer than the extraction layer), NaN unless both are found.
    """
    if knockout_rule not in KNOCKOUT_RULES:
        raise MechhopError(
            f"stage_layers: knockout_rule must be one of {', '.join(KNOCKOUT_RULES)}, got {knockout_rule!r}."
        )
    sources = set(patchscopes["source"])
    if not {"e1", "last"} <= sources:
        raise MechhopError(
            f"Stages need Patchscopes from both t1 and t2 (sources 'e1' and 'last'); the table has "
            f"{sorted(sources)}. Run patchscopes with PatchscopesConfig(sources=('e1', 'last'))."
        )
    ids = sorted(patchscopes["query_id"].unique())
    out = pd.DataFrame({"query_id": ids}).set_index("query_id")
    out["first_hop"] = decoded_layers(patchscopes, "e2", "e1").set_index("query_id")["lowest"]
    parts = pd.DataFrame(index=out.index)
    parts["e2_from_t2"] = decoded_layers(patchscopes, "e2", "last").set_index("query_id")["lowest"]
    if knockout is not None:
        ko = knockout[(knockout["query_set"] == "last") & (knockout["key"] == "e1")]
        if knockout_rule == "symmetric" and not has_first_tokens(ko):
            raise MechhopError(
                "stage_layers: the symmetric knockout rule (the default) needs the first generated token "
                "ids (columns first_token and baseline_first_token), which this knockout table was stored "
                "without. Rerun the knockout, or pass knockout_rule='paper' for the paper's rule."
            )
        # the rule re-applied to the stored generations, so a changed rule carries through
        parts["knockout_last_e1"] = _lowest(ko, knockout_matters(ko, knockout_rule))
    if projection is not None:
        attn = projection[projection["sublayer"] == "attn"]
        parts["attn_ranks_e2"] = _lowest(attn, attn["e2_rank"] == 0)
    out["propagation"] = parts.mean(axis=1, skipna=True)
    out["propagation_parts"] = parts.notna().sum(axis=1)
    out["second_hop"] = decoded_layers(patchscopes, "e3", "last").set_index("query_id")["lowest"]
    if projection is not None:
        mlp = projection[projection["sublayer"] == "mlp"]
        out["extraction"] = _lowest(mlp, mlp["predicted_rank"] == 0)
    else:
        out["extraction"] = np.nan
    out["inverted"] = out["second_hop"] < out["first_hop"]  # NaN compares False: both must be found
    out["second_hop_vs_extraction"] = second_hop_vs_extraction(out)
    out = out.reset_index()
    if groups is not None:
        out.insert(1, "group", out["query_id"].map(groups))
    # which rule gave the knockout part (the report says so); None without a knockout table
    out.attrs["knockout_rule"] = knockout_rule if knockout is not None else None
    return out


def stage_summary(stages: pd.DataFrame) -> pd.DataFrame:
    """Per stage and group: how many queries reach it, and the mean / median / quartiles of its layer."""
    if "group" not in stages:
        stages = stages.assign(group="all")
    rows = []
    for stage in STAGES:
        for group, sub in stages.groupby("group"):
            values = sub[stage].dropna()
            rows.append(
                {
                    "stage": stage,
                    "group": group,
                    "queries": len(sub),
                    "found": len(values),
                    "mean": values.mean() if len(values) else np.nan,
                    "median": values.median() if len(values) else np.nan,
                    "q1": values.quantile(0.25) if len(values) else np.nan,
                    "q3": values.quantile(0.75) if len(values) else np.nan,
                }
            )
    return pd.DataFrame(rows)


def stage_statistics(
    stages: pd.DataFrame, n_boot: int = 2000, n_perm: int = 10000, seed: int = 0, n_layers: int | None = None
) -> pd.DataFrame:
    """Per stage and group: queries, ``never`` (queries that do not reach it), the median layer
    with its bootstrap 95% interval, the mean layer with its bootstrap 95% interval (the authors
    summarise stages with means), and (on the rows of every group) the two-sided permutation
    p-value of median(correct) - median(incorrect), that difference, and the log-rank p-value of
    correct vs incorrect, in which a query that never reaches the stage is censored at the
    model's last layer + 1 (``n_layers``; without it, one past the largest layer found, the same
    test). Columns: ``stage, group, queries, found, never, median, ci_low, ci_high, mean,
    mean_ci_low, mean_ci_high, difference, p_value, logrank_p``."""
    if "group" not in stages:
        stages = stages.assign(group="all")
    rows = []
    for stage in STAGES:
        every = {g: sub[stage].to_numpy(float) for g, sub in stages.groupby("group")}
        values = {g: v[~np.isnan(v)] for g, v in every.items()}
        sizes = stages.groupby("group").size()
        p_value = difference = logrank_p = np.nan
        correct, incorrect = values.get("correct", np.array([])), values.get("incorrect", np.array([]))
        if len(correct) and len(incorrect):
            difference = float(np.median(correct) - np.median(incorrect))
            p_value = permutation_test_medians(correct, incorrect, n_perm, seed)
        if "correct" in every and "incorrect" in every:
            logrank_p = stage_logrank(every["correct"], every["incorrect"], n_layers).p_value
        for group, found in values.items():
            low, high = bootstrap_median_interval(found, n_boot, seed)
            mean_low, mean_high = bootstrap_mean_interval(found, n_boot, seed)
            rows.append({"stage": stage, "group": group, "queries": int(sizes[group]), "found": len(found),
                         "never": int(sizes[group]) - len(found),
                         "median": float(np.median(found)) if len(found) else np.nan,
                         "ci_low": low, "ci_high": high,
                         "mean": float(np.mean(found)) if len(found) else np.nan,
                         "mean_ci_low": mean_low, "mean_ci_high": mean_high, "difference": difference,
                         "p_value": p_value, "logrank_p": logrank_p})  # fmt: skip
    return pd.DataFrame(rows)


def second_hop_vs_extraction(stages: pd.DataFrame) -> pd.Series:
    """Per query: ``"before"``, ``"same"`` or ``"after"``: e3 decoded from t2 (``second_hop``) at a
    lower, the same or a higher layer than the extraction layer; NaN unless both are found."""
    missing = [c for c in ("second_hop", "extraction") if c not in stages]
    if missing:
        raise MechhopError(
            f"second_hop_vs_extraction needs the stage columns {missing}; pass stage_layers(...)."
        )
    second, extraction = stages["second_hop"].astype(float), stages["extraction"].astype(float)
    out = pd.Series(np.nan, index=stages.index, dtype=object, name="second_hop_vs_extraction")
    out[second < extraction] = "before"
    out[second == extraction] = "same"
    out[second > extraction] = "after"
    return out


def second_hop_extraction_counts(stages: pd.DataFrame) -> pd.DataFrame:
    """Per group: queries, how many have both the second hop and the extraction layer, and how many
    of those decode e3 from t2 before, at, or after the extraction layer. Columns: ``group,
    queries, both_found, before, same, after``."""
    if "group" not in stages:
        stages = stages.assign(group="all")
    order = second_hop_vs_extraction(stages)  # derived: older tables lack the column
    rows = []
    for group, sub in order.groupby(stages["group"]):
        counts = {v: int((sub == v).sum()) for v in ORDER_VALUES}
        rows.append({"group": group, "queries": len(sub), "both_found": sum(counts.values()), **counts})
    return pd.DataFrame(rows, columns=["group", "queries", "both_found", *ORDER_VALUES])


# -- onsets against the Patchscopes placebo -------------------------------------------------
def _lower_median(values: Sequence[float]) -> float:
    """The lower median (the smaller middle value for an even count); inf counts as a value."""
    ordered = sorted(values)
    return float(ordered[(len(ordered) - 1) // 2])


def placebo_onsets(placebo: pd.DataFrame) -> pd.DataFrame:
    """Per query, the onsets of the two hops in its Patchscopes placebo (docs/method/stages.md).

    ``placebo`` is :func:`mechhop.analyses.patchscopes.placebo_table` (columns ``query_id,
    donor_id, source, src_layer, ..., label``; labels against the *query's* entities), one or
    several donors per query. Per donor, the onset of a stage is the lowest source layer at which
    the donor's states are described as the query's e2 from t1 (``first_hop``) or its e3 from t2
    (``second_hop``). Per query and stage: ``{stage}_share`` (the share of donors that reach it),
    ``{stage}_median`` (the median onset of those that do; NaN if none) and ``{stage}_onset``,
    the onset :func:`onsets_against_placebo` compares with: the lower median over *all* donors,
    a donor that never reaches the stage counted as never (inf), so it is inf when at least half
    of the donors never reach it. Columns: ``query_id, donors``, then those three per stage.
    """
    needed = ["query_id", "donor_id", "source", "src_layer", "label"]
    missing = [c for c in needed if c not in placebo]
    if missing:
        raise MechhopError(
            f"placebo_onsets needs the placebo table's columns {missing} (from "
            "mechhop.analyses.patchscopes.placebo_table); it has "
            f"{list(placebo.columns)}."
        )
    if placebo.empty:
        raise MechhopError("placebo_onsets: the placebo table is empty.")
    rows = []
    for query_id, sub in placebo.groupby("query_id", sort=True):
        donors = sorted(sub["donor_id"].unique())
        row: dict[str, object] = {"query_id": query_id, "donors": len(donors)}
        for stage, (label, source) in PLACEBO_STAGES.items():
            hits = sub[(sub["source"] == source) & (sub["label"] == label)]
            first = hits.groupby("donor_id")["src_layer"].min()
            onsets = [float(first[d]) if d in first.index else float("inf") for d in donors]
            reached = [o for o in onsets if np.isfinite(o)]
            row[f"{stage}_share"] = len(reached) / len(donors)
            row[f"{stage}_median"] = float(np.median(reached)) if reached else np.nan
            row[f"{stage}_onset"] = _lower_median(onsets)
        rows.append(row)
    return pd.DataFrame(rows)


def onsets_against_placebo(stages: pd.DataFrame, placebo: pd.DataFrame) -> pd.DataFrame:
    """Per stage (``first_hop``, ``second_hop``; and per group when ``stages`` has one): how many
    queries' real onsets come earlier than, at, or later than their placebo's onset, with a
    two-sided sign test (ties dropped).

    ``stages`` is :func:`stage_layers`; ``placebo`` is :func:`placebo_onsets` (or the placebo
    table itself, which is summarised first). Only queries in both count. A query that never
    reaches the stage counts as never (inf) on either side: a real onset beside a placebo that
    mostly never gets there is earlier; neither ever reaching it is a tie. Columns: ``stage,
    group, queries, earlier, same, later, p_value``.
    """
    if "donor_id" in placebo:
        placebo = placebo_onsets(placebo)
    needed = [f"{stage}_onset" for stage in PLACEBO_STAGES]
    missing = [c for c in ["query_id", *needed] if c not in placebo]
    if missing:
        raise MechhopError(f"onsets_against_placebo needs placebo_onsets(...) columns {missing}.")
    merged = stages.merge(placebo, on="query_id", how="inner")
    if merged.empty:
        raise MechhopError("onsets_against_placebo: no query of the stages table has placebo onsets.")
    if "group" not in merged:
        merged = merged.assign(group="all")
    parts = [("all", merged)]
    if set(merged["group"].dropna()) != {"all"}:
        parts += [(str(g), sub) for g, sub in merged.groupby("group", sort=True)]
    rows = []
    for stage in PLACEBO_STAGES:
        for group, sub in parts:
            real = sub[stage].astype(float).fillna(np.inf).to_numpy()
            onset = sub[f"{stage}_onset"].astype(float).to_numpy()
            earlier, later = int((real < onset).sum()), int((real > onset).sum())
            rows.append({"stage": stage, "group": group, "queries": len(sub), "earlier": earlier,
                         "same": len(sub) - earlier - later, "later": later,
                         "p_value": sign_test(earlier, later)})  # fmt: skip
    return pd.DataFrame(rows)


def inversion_counts(stages: pd.DataFrame) -> pd.DataFrame:
    """Per group: queries, how many have both hops decoded, and how many of those invert (e3 from t2
    at a lower layer than e2 from t1), with a 95% interval of the share among both-decoded ones."""
    if "group" not in stages:
        stages = stages.assign(group="all")
    rows = []
    for group, sub in stages.groupby("group"):
        both = int((sub["first_hop"].notna() & sub["second_hop"].notna()).sum())
        inverted = int((sub["second_hop"] < sub["first_hop"]).sum())  # derived: older tables lack the column
        low, high = wilson_interval(inverted, both)
        rows.append({"group": group, "queries": len(sub), "both_decoded": both, "inverted": inverted,
                     "share": inverted / both if both else np.nan, "ci_low": low,
                     "ci_high": high})  # fmt: skip
    return pd.DataFrame(rows)
