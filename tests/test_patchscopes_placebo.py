"""The Patchscopes placebo over every eligible donor (docs/method/patchscopes.md#control), on
hand-made tables: no model."""

from __future__ import annotations

import pandas as pd
import pytest

from mechhop.analyses.controls import eligible_donors, is_eligible, known_facts
from mechhop.analyses.patchscopes import (
    decoding_comparison,
    decoding_rates,
    placebo_shares,
    placebo_table,
    relabel,
)
from mechhop.data.schema import TwoHopDataset, TwoHopQuery
from mechhop.errors import MechhopError


def _query(i: int, e2: str, e3: str, e1: str | None = None) -> TwoHopQuery:
    return TwoHopQuery(
        id=f"q{i}", e1=e1 or f"E{i}", r1="P17", e2=e2, r2="P36", e3=e3, e1_label=e1 or f"E{i}",
        e2_label=e2, e3_label=e3, r1_template="the country of {}", r2_template="the capital of {}",
    )  # fmt: skip


def _queries() -> TwoHopDataset:
    """q0..q3 are mutual donors; q4 shares q0's bridge, so neither may donate to the other."""
    return TwoHopDataset(
        [
            _query(0, "France", "Paris"),
            _query(1, "Japan", "Tokyo"),
            _query(2, "Peru", "Lima"),
            _query(3, "Chile", "Santiago"),
            _query(4, "France", "Lyon"),
        ]
    )


# What each query's own grid generates (source "e1", src layers 0 and 1, one target layer and seed).
GENERATIONS = {
    "q0": [": France is a country", ": Tokyo, a city"],
    "q1": [": Japan is a country", "x: y"],
    "q2": [": Paris is a city", ": Lima, a city"],
    "q3": [": France, a country", ": Peru is a country"],
    "q4": ["nothing", ": Paris."],
}


def _table() -> pd.DataFrame:
    cell = {"source": "e1", "target_prompt": "description", "tgt_layer": 0, "seed": 0, "label": "other"}
    rows = [
        {"query_id": q, "src_layer": layer, "generation": text, **cell}
        for q, texts in GENERATIONS.items()
        for layer, text in enumerate(texts)
    ]
    return pd.DataFrame(rows)


def _hand_donors(queries: TwoHopDataset) -> dict[str, set[str]]:
    facts = known_facts(queries)
    return {q.id: {d.id for d in queries if is_eligible(d, q, facts)} for q in queries}


def test_every_eligible_donor_and_no_other_fills_the_placebo():
    queries = _queries()
    control = placebo_table(_table(), queries)
    donors = control.groupby("query_id")["donor_id"].apply(set).to_dict()
    assert donors == _hand_donors(queries)
    # the rule: a shared bridge (q0 and q4, both through France) never donates, nor the query itself
    assert "q4" not in donors["q0"] and "q0" not in donors["q4"]
    assert all(q not in ds for q, ds in donors.items())
    assert donors["q0"] == {"q1", "q2", "q3"}
    # every row of each donor's grid, once per (query, donor)
    assert len(control) == sum(len(GENERATIONS[d]) for ds in donors.values() for d in ds)
    assert control.groupby(["query_id", "donor_id"]).size().eq(2).all()
    # labelled against the receiving query: q1's ": France is a country" describes q0's e2 (France)
    row = control[(control.query_id == "q0") & (control.donor_id == "q1") & (control.src_layer == 0)]
    assert row["label"].tolist() == ["other"]  # ": Japan is a country" does not describe France
    row = control[(control.query_id == "q0") & (control.donor_id == "q3") & (control.src_layer == 0)]
    assert row["label"].tolist() == ["e2"]


def test_a_donor_that_names_the_answer_is_excluded():
    # q5's e1 label holds q0's answer "Paris": its state could carry it, so it never donates to q0
    queries = TwoHopDataset([*_queries(), _query(5, "Kenya", "Nairobi", e1="Paris Saint-Germain")])
    table = pd.concat([_table(), _table().query("query_id == 'q1'").assign(query_id="q5")])
    control = placebo_table(table, queries)
    assert "q5" not in set(control.loc[control.query_id == "q0", "donor_id"])
    assert "q5" in set(control.loc[control.query_id == "q1", "donor_id"])
    assert set(control.loc[control.query_id == "q0", "donor_id"]) == {
        d.id for d in eligible_donors(queries.by_id("q0"), list(queries), known_facts(queries))
    }


def test_donors_are_drawn_only_from_the_queries_of_the_table():
    queries = _queries()
    table = _table()[_table().query_id.isin(["q0", "q1", "q4"])]
    control = placebo_table(table, queries)
    assert set(control["donor_id"]) <= {"q0", "q1", "q4"}
    assert set(control.loc[control.query_id == "q0", "donor_id"]) == {"q1"}
    # a query of the table with no eligible donor there is an error that names it
    with pytest.raises(MechhopError, match="q0"):
        placebo_table(_table()[_table().query_id.isin(["q0", "q4"])], queries)


def test_given_donors_one_or_many_per_query():
    queries = _queries()
    one = placebo_table(_table(), queries, donors={"q0": "q1"})
    many = placebo_table(_table(), queries, donors={"q0": ["q1"]})
    pd.testing.assert_frame_equal(one, many)
    assert set(one["query_id"]) == {"q0"} and set(one["donor_id"]) == {"q1"}
    two = placebo_table(_table(), queries, donors={"q0": ("q2", "q3"), "q1": ("q0",)})
    assert two.groupby("query_id")["donor_id"].apply(set).to_dict() == {"q0": {"q2", "q3"}, "q1": {"q0"}}
    with pytest.raises(MechhopError, match="lacks the placebo donors"):
        placebo_table(_table(), queries, donors={"q0": ("q1", "q9")})


def _hand_shares(queries: TwoHopDataset, entity: str) -> dict[str, float]:
    """Per query: the share of its eligible donors with some generation describing ``entity``."""
    out = {}
    for q in queries:
        donors = _hand_donors(queries)[q.id]
        answer = getattr(q, f"{entity}_label").lower()
        hits = [
            any(f": {answer}" in g.lower() or f"{answer}: " in g.lower() for g in GENERATIONS[d])
            for d in donors
        ]
        out[q.id] = sum(hits) / len(hits)
    return out


def test_many_donor_placebo_rates_equal_a_hand_computation():
    queries = _queries()
    groups = {"q0": "correct", "q1": "correct", "q2": "incorrect", "q3": "incorrect", "q4": "incorrect"}
    control = placebo_table(_table(), queries)
    e2, e3 = _hand_shares(queries, "e2"), _hand_shares(queries, "e3")
    # by hand: q0 <- {q1, q2, q3}: only q3 says ": France" -> 1/3; e3 Paris: q2 -> 1/3
    assert e2["q0"] == pytest.approx(1 / 3) and e3["q0"] == pytest.approx(1 / 3)
    # q4 (France, Lyon) <- {q1, q2, q3}: q3 says France -> 1/3; nobody says Lyon -> 0
    assert e2["q4"] == pytest.approx(1 / 3) and e3["q4"] == 0
    shares = placebo_shares(control, "e2", "e1").set_index("query_id")
    assert shares["share"].to_dict() == pytest.approx(e2)
    assert shares.loc["q0", "donors"] == 3 and shares.loc["q0", "decoded_donors"] == 1

    rates = decoding_rates(_table(), groups, placebo=control).set_index(["group", "label"])
    for (group, label), row in rates.iterrows():
        hand = e2 if label == "e2" else e3
        members = [q for q, g in groups.items() if g == group]
        expected = sum(hand[q] for q in members)
        assert row.placebo_queries == len(members)
        assert row.placebo_decoded == pytest.approx(expected)  # the expected count, not "any donor"
        assert row.placebo_rate == pytest.approx(expected / len(members))
        assert row.placebo_ci_low <= row.placebo_rate <= row.placebo_ci_high
        assert row.placebo_donors == pytest.approx(
            sum(len(_hand_donors(queries)[q]) for q in members) / len(members)
        )
    # "some donor decodes" would count q0 as one whole query decoded; its share counts a third
    assert rates.loc[("correct", "e2"), "placebo_decoded"] == pytest.approx(1 / 3)


def test_decoding_comparison_pairs_real_decoding_with_the_placebo_share():
    queries = _queries()
    # the real grids: q0's ": France is a country" and q1's ": Japan is a country" describe their e2
    table = _table()
    table["label"] = relabel(table, queries)
    control = placebo_table(table, queries)
    per_query, summary = decoding_comparison(table, control, {q.id: "all" for q in queries}, labels=("e2",))
    e2 = _hand_shares(queries, "e2")
    per = per_query.set_index("query_id")
    assert per["real"].to_dict() == {"q0": 1, "q1": 1, "q2": 0, "q3": 0, "q4": 0}
    assert per["placebo"].to_dict() == pytest.approx(e2)
    assert per["difference"].to_dict() == pytest.approx({q: per.loc[q, "real"] - e2[q] for q in e2})
    row = summary.iloc[0]
    assert row.queries == 5
    assert row.mean_difference == pytest.approx(sum(per["difference"]) / 5)
    assert row.mean_real - row.mean_placebo == pytest.approx(row.mean_difference)
    assert row.ci_low <= row.mean_difference <= row.ci_high
    # differences: q0 1 - 1/3, q1 1 - 0, q2 0 - 1/4, q3 0 - 0, q4 0 - 1/3
    assert (row.real_more, row.placebo_more, row.ties) == (2, 2, 1)
    # a query without a group is left out; without groups every query is in group "all"
    _, alone = decoding_comparison(table, control, {"q0": "g"}, labels=("e2",))
    assert alone["queries"].tolist() == [1] and alone["group"].tolist() == ["g"]
    _, everyone = decoding_comparison(table, control, labels=("e2", "e3"))
    assert everyone["group"].tolist() == ["all", "all"] and everyone["queries"].tolist() == [5, 5]


def test_a_placebo_without_donor_ids_counts_one_donor_per_query():
    control = placebo_table(_table(), _queries(), donors={"q0": "q3"}).drop(columns="donor_id")
    shares = placebo_shares(control, "e2", "e1")
    assert shares.to_dict("records") == [{"query_id": "q0", "donors": 1, "decoded_donors": 1, "share": 1.0}]


def test_placebo_rows_are_ordered_by_query_donor_and_cell():
    control = placebo_table(_table(), _queries())
    keys = ["query_id", "donor_id", "source", "src_layer", "tgt_layer", "seed"]
    assert control[keys].equals(control[keys].sort_values(keys).reset_index(drop=True))
