"""The pandas part of attention knockout: labels, rates and summaries from stored tables.

No model and no torch: the report, the plots and ``mechhop report`` read stored runs with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from mechhop.data.matching import DEFAULT_MATCHING, Matching, contains_answer
from mechhop.data.schema import TwoHopDataset
from mechhop.errors import MechhopError


def recorrect(
    table: pd.DataFrame, queries: TwoHopDataset, matching: Matching = DEFAULT_MATCHING
) -> pd.DataFrame:
    """``correct``, ``baseline_correct`` and ``matters`` recomputed under a matching mode (no model)."""
    answers = {q.id: q.answers("e3") for q in queries}

    def check(column: str) -> list[bool]:
        pairs = zip(table["query_id"], table[column], strict=True)
        return [contains_answer(g, answers[i], matching) for i, g in pairs]

    out = table.assign(correct=check("generation"), baseline_correct=check("baseline_generation"))
    return out.assign(matters=knockout_matters(out))


# -- classification without the model ----------------------------------------------------
def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise MechhopError(
            f"{what} needs the knockout table's columns {missing}; it has {list(table.columns)}."
        )


def knockout_matters(table: pd.DataFrame) -> pd.Series:
    """The rule of docs/method/knockout.md from stored columns: the knockout matters unless (the
    baseline was correct and the
    knocked-out answer is correct) or the knocked-out generation equals the baseline's."""
    _require(table, ("generation", "correct", "baseline_generation", "baseline_correct"), "knockout_matters")
    stays_correct = table["baseline_correct"].astype(bool) & table["correct"].astype(bool)
    unchanged = table["generation"] == table["baseline_generation"]
    return (~(stays_correct | unchanged)).rename("matters")


def summarize_knockout(table: pd.DataFrame, groups: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Share of queries for which the knockout matters, per (query_set, key, layer).

    ``matters`` is recomputed with :func:`knockout_matters`. With ``groups`` (query id ->
    ``"correct"`` / ``"incorrect"``), per group too; queries without a group are left out.
    Columns: ``[group,] query_set, key, layer, queries, matters, share``.
    """
    by = ["query_set", "key", "layer"]
    _require(table, ["query_id", *by], "summarize_knockout")
    for column in ("prompt", "span", "window"):
        if column in table and table[column].nunique() > 1:
            raise MechhopError(
                f"The table mixes runs with different {column} values {sorted(table[column].unique())}; "
                "summarise each run separately."
            )
    if table.duplicated(["query_id", *by]).any():
        raise MechhopError(
            "The table has repeated (query_id, query_set, key, layer) rows; concatenated twice?"
        )
    frame = table.assign(matters=knockout_matters(table))
    if groups is not None:
        frame = frame.assign(group=frame["query_id"].map(dict(groups)))
        if frame["group"].isna().all():
            raise MechhopError("None of the table's query ids has a group; groups maps query id -> group.")
        frame = frame[frame["group"].notna()]
        by = ["group", *by]
    out = frame.groupby(by, sort=True).agg(queries=("query_id", "nunique"), matters=("matters", "sum"))
    out["matters"] = out["matters"].astype(int)
    out["share"] = out["matters"] / out["queries"]
    return out.reset_index()
