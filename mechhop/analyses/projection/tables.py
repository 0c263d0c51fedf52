"""The pandas part of sublayer projection: labels, rates and summaries from stored tables.

No model and no torch: the report, the plots and ``mechhop report`` read stored runs with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import get_args

import pandas as pd

from mechhop.analyses.projection.config import SUBLAYERS, Sublayer, Target
from mechhop.engine.runs import AnalysisResult
from mechhop.errors import MechhopError


def candidate_strings(answers: Iterable[str]) -> tuple[str, ...]:
    """Each answer string and its lower-case form, each with and without a leading space."""
    out: list[str] = []
    for answer in answers:
        for form in (answer, answer.lower()):
            out += [" " + form, form]  # the leading-space form first: how the answer follows " is"
    return tuple(dict.fromkeys(out))


# -- reading the table (no model needed) ------------------------------------------------------
def _table_of(table: pd.DataFrame | AnalysisResult, needed: Iterable[str]) -> pd.DataFrame:
    frame = table.table if isinstance(table, AnalysisResult) else table
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise MechhopError(
            f"Not a sublayer projection table: missing column(s) {missing}; pass "
            "sublayer_projection(...).table or load_result(directory).table."
        )
    return frame


def summarize_projection(
    table: pd.DataFrame | AnalysisResult, groups: Mapping[str, str] | None = None
) -> pd.DataFrame:
    """Per (sublayer, layer): the share of queries whose e2 / e3 / predicted token ranks first.

    With ``groups`` (query id -> group, e.g. ``"correct"`` / ``"incorrect"``) the rates are
    per group, and only queries in the mapping are counted.
    """
    frame = _table_of(table, ("query_id", "layer", "sublayer", "e2_rank", "e3_rank", "predicted_rank"))
    keys = ["sublayer", "layer"]
    if groups is not None:
        frame = frame.assign(group=frame["query_id"].map(dict(groups)))
        frame = frame[frame["group"].notna()]
        if frame.empty:
            raise MechhopError("No query of the table is in `groups`; pass a mapping query_id -> group.")
        keys = ["group", *keys]
    top = frame.assign(
        e2_top1_rate=frame["e2_rank"].eq(0),
        e3_top1_rate=frame["e3_rank"].eq(0),
        predicted_top1_rate=frame["predicted_rank"].eq(0),
    )
    rates = top.groupby(keys, sort=True).agg(
        queries=("query_id", "nunique"),
        e2_top1_rate=("e2_top1_rate", "mean"),
        e3_top1_rate=("e3_top1_rate", "mean"),
        predicted_top1_rate=("predicted_top1_rate", "mean"),
    )
    return rates.reset_index()


def lowest_layer_ranked_first(
    table: pd.DataFrame | AnalysisResult, sublayer: Sublayer, target: Target
) -> pd.Series:
    """Per query, the lowest layer whose ``sublayer`` output ranks ``target`` first (<NA> if none).

    docs/method/stages.md uses ``("attn", "e2")`` (information propagation) and ``("mlp", "predicted")``
    (prediction extracted).
    """
    if sublayer not in SUBLAYERS:
        raise MechhopError(f"sublayer must be one of {SUBLAYERS}, got {sublayer!r}.")
    if target not in get_args(Target):
        raise MechhopError(f"target must be one of {get_args(Target)}, got {target!r}.")
    column = f"{target}_rank"
    frame = _table_of(table, ("query_id", "layer", "sublayer", column))
    rows = frame[frame["sublayer"] == sublayer]
    if rows.empty:
        raise MechhopError(
            f"The table has no {sublayer!r} rows (its sublayers: {sorted(frame['sublayer'].unique())})."
        )
    first = rows[rows[column] == 0].groupby("query_id")["layer"].min()
    queries = pd.Index(sorted(rows["query_id"].unique()), name="query_id")
    return first.reindex(queries).astype("Int64").rename(f"lowest_{sublayer}_layer_{target}_first")
