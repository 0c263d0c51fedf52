"""The pandas part of Patchscopes: labels, rates and summaries from stored tables.

No model and no torch: the report, the plots and ``mechhop report`` read stored runs with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from mechhop.analyses.backpatching import placebo_donors  # one donor rule for both controls
from mechhop.analyses.patchscopes.config import KEYS, Label
from mechhop.analyses.stats import beside_placebo, wilson_interval
from mechhop.data.matching import DEFAULT_MATCHING, Matching
from mechhop.data.matching import describes as matching_describes
from mechhop.data.positions import PositionName, position_name
from mechhop.data.schema import TwoHopDataset, TwoHopQuery
from mechhop.errors import MechhopError


def describes(text: str, answers: Sequence[str], matching: Matching = DEFAULT_MATCHING) -> bool:
    """The rule of docs/method/patchscopes.md: ``": a "``, ``": a,"``, ``": a."``, ``": a:"`` or
    ``"a: "`` occurs in ``text``, any case."""
    return matching_describes(text, answers, matching)


def classify_description(text: str, query: TwoHopQuery, matching: Matching = DEFAULT_MATCHING) -> Label:
    """e1, e2 or e3 (in that order) if ``text`` describes it, else "other"."""
    for entity in ("e1", "e2", "e3"):
        if matching_describes(text, query.answers(entity), matching):  # type: ignore[arg-type]
            return entity  # type: ignore[return-value]
    return "other"


def relabel_table(table: pd.DataFrame, queries: TwoHopDataset, matching: Matching) -> pd.DataFrame:
    """The table with ``label`` recomputed under ``matching`` (the registry's relabelling)."""
    return table.assign(label=relabel(table, queries, matching))


def relabel(table: pd.DataFrame, queries: TwoHopDataset, matching: Matching = DEFAULT_MATCHING) -> pd.Series:
    """Labels recomputed from stored generations under a matching mode (no model needed)."""
    by_id = {q.id: q for q in queries}
    return pd.Series(
        [
            classify_description(g, by_id[i], matching)
            for i, g in zip(table["query_id"], table["generation"], strict=True)
        ],
        index=table.index,
        name="label",
    )


def placebo_table(
    table: pd.DataFrame,
    queries: TwoHopDataset,
    donors: Mapping[str, str] | None = None,
    matching: Matching = DEFAULT_MATCHING,
) -> pd.DataFrame:
    """Each query's grid filled with an unrelated query's generations, labelled against the query.

    ``donors`` maps query id -> donor id (default :func:`mechhop.analyses.backpatching.placebo_donors` over
    ``queries``: another bridge entity and answer). Every (source, src_layer, tgt_layer, seed)
    row of the donor becomes a row of the query with ``donor_id`` set; ``label`` says whether that
    generation "describes" the query's e1 / e2 / e3, i.e. the description prompt's bias.
    """
    donors = dict(donors) if donors is not None else placebo_donors(queries)
    present = set(table["query_id"])
    missing = sorted({d for q, d in donors.items() if q in present and d not in present})
    if missing:
        raise MechhopError(
            f"The Patchscopes table lacks the placebo donors {missing[:3]}; run patchscopes on them too "
            "(the placebo reuses their generations)."
        )
    cells = ["source", "src_layer", "tgt_layer", "seed"]
    pieces = []
    for query_id, donor_id in donors.items():
        if query_id not in present:
            continue
        rows = table.loc[table["query_id"] == donor_id, [*cells, "target_prompt", "generation"]].copy()
        rows.insert(0, "query_id", query_id)
        rows.insert(1, "donor_id", donor_id)
        pieces.append(rows)
    if not pieces:
        raise MechhopError("No query of the table has a placebo donor; pass donors for its query ids.")
    out = pd.concat(pieces, ignore_index=True)
    out["label"] = relabel(out, queries, matching)
    return out.sort_values(KEYS, kind="stable").reset_index(drop=True)


def decoding_rates(
    table: pd.DataFrame,
    groups: Mapping[str, str] | None = None,
    placebo: pd.DataFrame | None = None,
    labels: Sequence[Label] = ("e2", "e3"),
) -> pd.DataFrame:
    """Share of queries whose ``label`` is decoded from a source at some layer, with a 95% CI.

    One row per ([group,] source, label): ``queries, decoded, rate, ci_low, ci_high``, and with
    ``placebo`` (see :func:`placebo_table`) the same for the placebo beside it.
    """

    def rates(frame: pd.DataFrame) -> pd.DataFrame:
        rows = []
        for source in sorted(frame["source"].unique()):
            for label in labels:
                found = decoded_layers(frame, label, source)
                found["group"] = found["query_id"].map(groups) if groups is not None else "all"
                for group, sub in found.dropna(subset=["group"]).groupby("group"):
                    n, k = len(sub), int(sub["lowest"].notna().sum())
                    low, high = wilson_interval(k, n)
                    rows.append({"group": group, "source": source, "label": label, "queries": n,
                                 "decoded": k, "rate": k / n, "ci_low": low, "ci_high": high})  # fmt: skip
        return pd.DataFrame(rows)

    out = rates(table)
    if placebo is not None:
        out = beside_placebo(out, rates(placebo), ["group", "source", "label"], "decoded")
    return out


def decoded_layers(table: pd.DataFrame, label: Label, source: PositionName) -> pd.DataFrame:
    """Per query, the source layers at which ``label`` is decoded from ``source`` (any target layer, seed).

    Columns: ``query_id, layers (sorted list), lowest`` (NaN when never decoded).
    """
    sub = table[table["source"] == position_name(source)]
    hits = sub[sub["label"] == label].groupby("query_id")["src_layer"].apply(lambda s: sorted(set(s)))
    out = pd.DataFrame({"query_id": sorted(sub["query_id"].unique())})
    out["layers"] = [hits.get(q, []) for q in out["query_id"]]
    out["lowest"] = [min(ls) if ls else float("nan") for ls in out["layers"]]
    return out


def grid(table: pd.DataFrame, label: Label, source: PositionName) -> pd.DataFrame:
    """Share of generations labelled ``label``: rows ``src_layer``, columns ``tgt_layer``."""
    sub = table[table["source"] == position_name(source)]
    share = (sub["label"] == label).groupby([sub["src_layer"], sub["tgt_layer"]]).mean()
    return share.unstack("tgt_layer")
