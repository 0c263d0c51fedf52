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

With a few dozen queries per group those claims need statistics
(:func:`stage_statistics`): per stage and group, how many queries never reach
the stage, the median layer with a bootstrap 95% interval (resampling
queries), and a two-sided permutation test of the difference of medians
between correct and incorrect. A query shows *layer-order inversion* when e3
is decoded from t2 at a lower layer than the lowest at which e2 is decoded
from t1 (the ``inverted`` column; :func:`inversion_counts`).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from mechhop.analyses.knockout import knockout_matters
from mechhop.analyses.patchscopes import decoded_layers
from mechhop.analyses.stats import bootstrap_median_interval, permutation_test_medians, wilson_interval
from mechhop.errors import MechhopError

STAGES: tuple[str, ...] = ("first_hop", "propagation", "second_hop", "extraction")


def _lowest(frame: pd.DataFrame, mask: pd.Series) -> pd.Series:
    return frame[mask].groupby("query_id")["layer"].min()


def stage_layers(
    patchscopes: pd.DataFrame,
    knockout: pd.DataFrame | None = None,
    projection: pd.DataFrame | None = None,
    groups: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per query: the layer of each stage (NaN where the evidence never appears).

    ``patchscopes`` must hold both sources (``"e1"`` and ``"last"``); ``knockout`` rows with
    query set ``"last"`` and key ``"e1"``, and ``projection`` rows, are used when given. The
    ``propagation_parts`` column says how many of its three parts were found.
    """
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
        # the rule re-applied to the stored generations, so a changed rule carries through
        parts["knockout_last_e1"] = _lowest(ko, knockout_matters(ko))
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
    out = out.reset_index()
    if groups is not None:
        out.insert(1, "group", out["query_id"].map(groups))
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
    stages: pd.DataFrame, n_boot: int = 2000, n_perm: int = 10000, seed: int = 0
) -> pd.DataFrame:
    """Per stage and group: queries, ``never`` (queries that do not reach it), the median layer
    with its bootstrap 95% interval, and (on the rows of every group) the two-sided permutation
    p-value of median(correct) - median(incorrect) and that difference. Columns: ``stage, group,
    queries, found, never, median, ci_low, ci_high, difference, p_value``."""
    if "group" not in stages:
        stages = stages.assign(group="all")
    rows = []
    for stage in STAGES:
        values = {g: sub[stage].dropna().to_numpy(float) for g, sub in stages.groupby("group")}
        sizes = stages.groupby("group").size()
        p_value = difference = np.nan
        correct, incorrect = values.get("correct", np.array([])), values.get("incorrect", np.array([]))
        if len(correct) and len(incorrect):
            difference = float(np.median(correct) - np.median(incorrect))
            p_value = permutation_test_medians(correct, incorrect, n_perm, seed)
        for group, found in values.items():
            low, high = bootstrap_median_interval(found, n_boot, seed)
            rows.append({"stage": stage, "group": group, "queries": int(sizes[group]), "found": len(found),
                         "never": int(sizes[group]) - len(found),
                         "median": float(np.median(found)) if len(found) else np.nan,
                         "ci_low": low, "ci_high": high, "difference": difference,
                         "p_value": p_value})  # fmt: skip
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
