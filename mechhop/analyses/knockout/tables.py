"""The pandas part of attention knockout: labels, rates and summaries from stored tables.

No model and no torch: the report, the plots and ``mechhop report`` read stored runs with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from mechhop.analyses.knockout.config import KNOCKOUT_RULES, KnockoutRule
from mechhop.data.matching import DEFAULT_MATCHING, Matching, contains_answer
from mechhop.data.schema import TwoHopDataset
from mechhop.errors import MechhopError


def recorrect(
    table: pd.DataFrame, queries: TwoHopDataset, matching: Matching = DEFAULT_MATCHING
) -> pd.DataFrame:
    """``correct``, ``baseline_correct`` and ``matters`` recomputed under a matching mode (no model).

    ``matters_symmetric`` does not depend on matching; it is kept, and recomputed from the token ids
    where the table has them (tables stored before they were recorded keep neither)."""
    answers = {q.id: q.answers("e3") for q in queries}

    def check(column: str) -> list[bool]:
        pairs = zip(table["query_id"], table[column], strict=True)
        return [contains_answer(g, answers[i], matching) for i, g in pairs]

    out = table.assign(correct=check("generation"), baseline_correct=check("baseline_generation"))
    out = out.assign(matters=knockout_matters(out))
    if has_first_tokens(out):
        out = out.assign(matters_symmetric=knockout_matters(out, "symmetric"))
    return out


# -- classification without the model ----------------------------------------------------
def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise MechhopError(
            f"{what} needs the knockout table's columns {missing}; it has {list(table.columns)}."
        )


FIRST_TOKEN_COLUMNS: tuple[str, ...] = ("first_token", "baseline_first_token")


def has_first_tokens(table: pd.DataFrame) -> bool:
    """Whether the table recorded the first generated token ids (runs since the symmetric rule)."""
    return all(c in table.columns for c in FIRST_TOKEN_COLUMNS)


def _check_rule(rule: object, owner: str) -> None:
    if rule not in KNOCKOUT_RULES:
        raise MechhopError(f"{owner}: rule must be one of {', '.join(KNOCKOUT_RULES)}, got {rule!r}.")


def knockout_matters(table: pd.DataFrame, rule: KnockoutRule = "paper") -> pd.Series:
    """Whether the knockout matters, per row, from stored columns (docs/method/knockout.md).

    ``rule="paper"`` (Series ``matters``): it matters unless (the baseline was correct and the
    knocked-out answer is correct) or the knocked-out generation equals the baseline's: any change
    counts for an incorrect query, only a lost answer for a correct one.
    ``rule="symmetric"`` (Series ``matters_symmetric``): the first generated token differs from
    the baseline's, the same test for both groups (:func:`knockout_matters_symmetric`).
    """
    _check_rule(rule, "knockout_matters")
    if rule == "symmetric":
        return knockout_matters_symmetric(table)
    _require(table, ("generation", "correct", "baseline_generation", "baseline_correct"), "knockout_matters")
    stays_correct = table["baseline_correct"].astype(bool) & table["correct"].astype(bool)
    unchanged = table["generation"] == table["baseline_generation"]
    return (~(stays_correct | unchanged)).rename("matters")


def knockout_matters_symmetric(table: pd.DataFrame) -> pd.Series:
    """The symmetric rule: the knockout matters when the first generated token id differs from the
    unpatched run's (columns ``first_token``, ``baseline_first_token``), for correct and incorrect
    queries alike. Tables stored before those ids were recorded cannot give it."""
    if not has_first_tokens(table):
        raise MechhopError(
            "The symmetric knockout rule needs the first generated token ids (columns first_token and "
            "baseline_first_token), which this knockout table does not have: it was stored before they "
            "were recorded. Rerun the knockout, or use rule='paper'."
        )
    changed = table["first_token"].astype("int64") != table["baseline_first_token"].astype("int64")
    return changed.rename("matters_symmetric")


def summarize_knockout(
    table: pd.DataFrame, groups: Mapping[str, str] | None = None, rule: KnockoutRule = "paper"
) -> pd.DataFrame:
    """Share of queries for which the knockout matters, per (query_set, key, layer).

    ``matters`` is recomputed with :func:`knockout_matters` under ``rule`` (``"paper"``, or
    ``"symmetric"``: the first generated token changes). With ``groups`` (query id ->
    ``"correct"`` / ``"incorrect"``), per group too; queries without a group are left out.
    Columns: ``[group,] query_set, key, layer, queries, matters, share``.
    """
    _check_rule(rule, "summarize_knockout")
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
    frame = table.assign(matters=knockout_matters(table, rule))
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
