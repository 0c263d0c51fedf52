"""The pandas part of Patchscopes: labels, rates and summaries from stored tables.

No model and no torch: the report, the plots and ``mechhop report`` read stored runs with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd

from mechhop.analyses.controls import eligible_donors, known_facts  # one donor rule for both controls
from mechhop.analyses.patchscopes.config import Label
from mechhop.analyses.stats import beside_placebo, bootstrap_mean_interval, wilson_interval
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
    queries: TwoHopDataset | Sequence[TwoHopQuery],
    donors: Mapping[str, Sequence[str]] | Mapping[str, str] | None = None,
    matching: Matching = DEFAULT_MATCHING,
) -> pd.DataFrame:
    """Each query's grid filled with unrelated queries' generations, labelled against the query.

    ``donors`` maps query id -> donor ids (or one donor id). By default every *eligible* donor
    (:func:`mechhop.analyses.controls.eligible_donors`: another bridge entity and answer, no label
    naming the answer, no bridge leading to it) among the queries **present in the table**: the
    placebo reuses stored generations, so a query that was not run cannot donate; facts for the
    donor rule come from all of ``queries`` (:func:`mechhop.analyses.controls.known_facts`). A query
    of the table without any eligible donor is an error. Every (source, src_layer, tgt_layer,
    seed) row of each donor becomes a row of the query with ``donor_id`` set; ``label`` says
    whether that generation "describes" the query's e1 / e2 / e3, i.e. the description prompt's
    bias. No model call. Rows are ordered by query, donor, then the grid's keys.
    """
    dataset = queries if isinstance(queries, TwoHopDataset) else TwoHopDataset(list(queries))
    present = set(table["query_id"])
    chosen = _all_eligible(dataset, present) if donors is None else _donor_lists(donors)
    missing = sorted({d for q, ds in chosen.items() if q in present for d in ds if d not in present})
    if missing:
        raise MechhopError(
            f"The Patchscopes table lacks the placebo donors {missing[:3]}; run patchscopes on them too "
            "(the placebo reuses their generations)."
        )
    cells = ["source", "src_layer", "tgt_layer", "seed"]
    grids = {
        str(d): rows[[*cells, "target_prompt", "generation"]]
        for d, rows in table.groupby("query_id", sort=False)
    }
    pieces = []
    for query_id, donor_ids in chosen.items():
        if query_id not in present:
            continue
        for donor_id in donor_ids:
            rows = grids[donor_id].copy()
            rows.insert(0, "query_id", query_id)
            rows.insert(1, "donor_id", donor_id)
            pieces.append(rows)
    if not pieces:
        raise MechhopError("No query of the table has a placebo donor; pass donors for its query ids.")
    out = pd.concat(pieces, ignore_index=True)
    out["label"] = _labels(out, dataset, matching)
    order = ["query_id", "donor_id", *cells]
    return out.sort_values(order, kind="stable").reset_index(drop=True)


def _donor_lists(donors: Mapping[str, Sequence[str]] | Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """``donors`` as query id -> tuple of donor ids (a plain string is one donor)."""
    out: dict[str, tuple[str, ...]] = {}
    for query_id, given in donors.items():
        ids = (given,) if isinstance(given, str) else tuple(given)
        if not ids:
            raise MechhopError(f"Query {query_id}: an empty list of placebo donors; give at least one.")
        out[query_id] = tuple(dict.fromkeys(ids))
    return out


def _all_eligible(queries: TwoHopDataset, present: set[str]) -> dict[str, tuple[str, ...]]:
    """Every eligible donor of each query of the table, drawn from the queries of the table."""
    pool = [q for q in queries if q.id in present]
    facts = known_facts(queries)
    out: dict[str, tuple[str, ...]] = {}
    for q in pool:
        found = eligible_donors(q, pool, facts)
        if not found:
            raise MechhopError(
                f"Query {q.id} ({q.two_hop_prompt!r}): no other query of the Patchscopes table is an "
                "eligible placebo donor (another bridge entity and answer, docs/method/controls.md); "
                "run patchscopes on more queries with other bridge entities, or pass donors."
            )
        out[q.id] = tuple(d.id for d in found)
    return out


def _labels(table: pd.DataFrame, queries: TwoHopDataset, matching: Matching) -> pd.Series:
    """:func:`relabel`, classifying each distinct (query, generation) once (a placebo repeats them)."""
    by_id = {q.id: q for q in queries}
    seen: dict[tuple[str, str], Label] = {}
    labels = []
    for query_id, text in zip(table["query_id"], table["generation"], strict=True):
        key = (query_id, text)
        if key not in seen:
            seen[key] = classify_description(text, by_id[query_id], matching)
        labels.append(seen[key])
    return pd.Series(labels, index=table.index, name="label", dtype=object)


def placebo_shares(placebo: pd.DataFrame, label: Label, source: PositionName) -> pd.DataFrame:
    """Per query, the share of its placebo donors whose grid decodes ``label`` at some layer.

    Columns: ``query_id, donors, decoded_donors, share``. A table without ``donor_id`` counts as
    one donor per query. This share is the query's chance of a placebo "decoding": with many
    donors, counting a query as decoded when *any* donor decodes would inflate it.
    """
    sub = placebo[placebo["source"] == position_name(source)]
    donor = sub["donor_id"] if "donor_id" in sub.columns else sub["query_id"]
    hit = (sub["label"] == label).groupby([sub["query_id"].to_numpy(), donor.to_numpy()]).any()
    per_query = hit.groupby(level=0).agg(["size", "sum"])
    out = pd.DataFrame(
        {
            "query_id": per_query.index.astype(str),
            "donors": per_query["size"].to_numpy(dtype=int),
            "decoded_donors": per_query["sum"].to_numpy(dtype=int),
        }
    )
    out["share"] = out["decoded_donors"] / out["donors"]
    return out.sort_values("query_id", kind="stable").reset_index(drop=True)


def _group_column(frame: pd.DataFrame, groups: Mapping[str, str] | None) -> pd.Series:
    return frame["query_id"].map(groups) if groups is not None else pd.Series("all", index=frame.index)


def decoding_rates(
    table: pd.DataFrame,
    groups: Mapping[str, str] | None = None,
    placebo: pd.DataFrame | None = None,
    labels: Sequence[Label] = ("e2", "e3"),
) -> pd.DataFrame:
    """Share of queries whose ``label`` is decoded from a source at some layer, with a 95% CI.

    One row per ([group,] source, label): ``queries, decoded, rate, ci_low, ci_high`` (Wilson
    interval). With ``placebo`` (see :func:`placebo_table`), beside it: ``placebo_queries``,
    ``placebo_rate`` (the mean over queries of :func:`placebo_shares`' share, i.e. each query's
    chance of a placebo decoding, however many donors it has), ``placebo_decoded`` (the expected
    count, the sum of the shares; not an integer), ``placebo_ci_low, placebo_ci_high`` (95%
    percentile bootstrap over queries) and ``placebo_donors`` (mean donors per query).
    """
    rows = []
    for source in sorted(table["source"].unique()):
        for label in labels:
            found = decoded_layers(table, label, source)
            found["group"] = _group_column(found, groups)
            for group, sub in found.dropna(subset=["group"]).groupby("group"):
                n, k = len(sub), int(sub["lowest"].notna().sum())
                low, high = wilson_interval(k, n)
                rows.append({"group": group, "source": source, "label": label, "queries": n,
                             "decoded": k, "rate": k / n, "ci_low": low, "ci_high": high})  # fmt: skip
    out = pd.DataFrame(rows)
    if placebo is None:
        return out
    control = []
    for source in sorted(placebo["source"].unique()):
        for label in labels:
            shares = placebo_shares(placebo, label, source)
            shares["group"] = _group_column(shares, groups)
            for group, sub in shares.dropna(subset=["group"]).groupby("group"):
                values = sub["share"].to_numpy(dtype=float)
                low, high = bootstrap_mean_interval(values)
                control.append({"group": group, "source": source, "label": label, "queries": len(sub),
                                "decoded": float(values.sum()), "rate": float(values.mean()),
                                "ci_low": low, "ci_high": high,
                                "donors": float(sub["donors"].mean())})  # fmt: skip
    merged = beside_placebo(out, pd.DataFrame(control).drop(columns="donors"), ["group", "source", "label"],
                            "decoded")  # fmt: skip
    donors = pd.DataFrame(control)[["group", "source", "label", "donors"]].rename(
        columns={"donors": "placebo_donors"}
    )
    return merged.merge(donors, on=["group", "source", "label"], how="left")


def decoding_comparison(
    table: pd.DataFrame,
    placebo: pd.DataFrame,
    groups: Mapping[str, str] | None = None,
    labels: Sequence[Label] = ("e2", "e3"),
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per query, real decoding (0/1) against its placebo share; per group the mean difference.

    Returns ``(per_query, summary)``. ``per_query``: ``query_id, group, source, label, real``
    (1 when ``label`` is decoded from ``source`` at some layer), ``placebo`` (the share of the
    query's donors that decode it, :func:`placebo_shares`), ``donors`` and ``difference`` (real
    minus placebo): paired by query, ready for a paired test. ``summary`` per (group, source,
    label): ``queries, mean_real, mean_placebo, mean_difference, ci_low, ci_high`` (95% bootstrap
    interval of the mean difference over queries) and how many queries have a positive, negative
    or zero difference (``real_more, placebo_more, ties``). Only queries in both tables count;
    ``group`` is "all" without ``groups``, and queries without a group are left out.
    """
    pieces = []
    sources = sorted(set(table["source"]) & set(placebo["source"]))
    for source in sources:
        for label in labels:
            real = decoded_layers(table, label, source)
            real["real"] = real["lowest"].notna().astype(int)
            shares = placebo_shares(placebo, label, source).rename(columns={"share": "placebo"})
            both = real[["query_id", "real"]].merge(shares[["query_id", "placebo", "donors"]], on="query_id")
            both.insert(1, "source", source)
            both.insert(2, "label", label)
            pieces.append(both)
    per_query = pd.concat(pieces, ignore_index=True) if pieces else pd.DataFrame()
    if per_query.empty:
        raise MechhopError("The Patchscopes table and its placebo share no (query, source).")
    per_query.insert(1, "group", _group_column(per_query, groups))
    per_query = per_query.dropna(subset=["group"]).reset_index(drop=True)
    per_query["difference"] = per_query["real"] - per_query["placebo"]
    rows = []
    for (group, source, label), sub in per_query.groupby(["group", "source", "label"], sort=True):
        diff = sub["difference"].to_numpy(dtype=float)
        low, high = bootstrap_mean_interval(diff)
        more, fewer = int((diff > 0).sum()), int((diff < 0).sum())
        rows.append({"group": group, "source": source, "label": label, "queries": len(sub),
                     "mean_real": float(sub["real"].mean()), "mean_placebo": float(sub["placebo"].mean()),
                     "mean_difference": float(diff.mean()), "ci_low": low, "ci_high": high,
                     "real_more": more, "placebo_more": fewer, "ties": len(sub) - more - fewer})  # fmt: skip
    return per_query, pd.DataFrame(rows)


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
