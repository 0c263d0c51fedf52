"""Placebo controls (docs/method/controls.md) on a tiny model, and the statistics on hand-made tables
(docs/method/stages.md)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import mechhop
from mechhop import Patch, Recipe, Site
from mechhop.analyses.backpatching import (
    BackpatchingConfig,
    backpatching,
    pair_comparison,
    placebo_donors,
    rescue_rates,
)
from mechhop.analyses.controls import eligible_donors, known_facts
from mechhop.analyses.patchscopes import (
    PatchscopesConfig,
    decoding_comparison,
    decoding_rates,
    patchscopes,
    placebo_table,
    relabel,
)
from mechhop.analyses.stages import inversion_counts, stage_statistics
from mechhop.analyses.stats import (
    bootstrap_median_interval,
    permutation_test_medians,
    sign_test,
    wilson_interval,
)
from mechhop.data.positions import locate
from mechhop.errors import MechhopError
from tests.tiny_lm import make_tiny_lm, tiny_queries


@pytest.fixture(scope="module")
def lm():
    return make_tiny_lm()


# -- donors and back-patching placebo ------------------------------------------------------


def test_donors_have_another_bridge_and_answer():
    queries = tiny_queries()
    donors = placebo_donors(queries)
    assert set(donors) == {q.id for q in queries}
    for q in queries:
        for d in map(queries.by_id, donors[q.id]):
            assert d.id != q.id and d.e2 != q.e2 and d.e3 != q.e3
    assert placebo_donors(queries, seed=0) == donors  # seeded, reproducible
    with pytest.raises(MechhopError, match="no placebo donor"):
        placebo_donors(queries[:1])


def test_placebo_rows_equal_the_plain_method(lm):
    queries = tiny_queries()
    config = BackpatchingConfig(positions=("e1", "last"), src_layers=(3,), source="placebo", donors=1)
    table = backpatching(lm, queries, config, progress=False).table
    donors = {q: d[0] for q, d in placebo_donors(queries, k=1).items()}
    assert (table["donor_id"] == table["query_id"].map(donors)).all()
    assert len(table) == 3 * 2 * 3
    for _, row in table.iterrows():
        q, d = queries.by_id(row.query_id), queries.by_id(row.donor_id)
        recipe = Recipe(
            Patch(Site("resid_post", row.tgt_layer, locate(lm, q)[row.position]),
                  source=Site("resid_post", row.src_layer, locate(lm, d)[row.position]),
                  source_prompt=d.two_hop_prompt)
        )  # fmt: skip
        assert mechhop.generate(lm, [q.two_hop_prompt], recipe).texts[0] == row.generation
    real = backpatching(lm, queries, BackpatchingConfig(positions=("e1", "last"), src_layers=(3,)),
                        progress=False).table  # fmt: skip
    assert (real["donor_id"] == real["query_id"]).all()


def _bp(rows):
    columns = ["query_id", "position", "target", "src_layer", "tgt_layer", "success"]
    return pd.DataFrame(rows, columns=columns)


def test_rescue_rates_stand_beside_their_placebo_and_pairs_compare_per_query():
    real = _bp([("a", "last", "original", 3, 1, True), ("a", "last", "original", 3, 2, True),
                ("b", "last", "original", 3, 1, True), ("b", "last", "original", 3, 2, False),
                ("c", "last", "original", 3, 1, False), ("c", "last", "original", 3, 2, False)])  # fmt: skip
    placebo = _bp([("a", "last", "original", 3, 1, False), ("a", "last", "original", 3, 2, False),
                   ("b", "last", "original", 3, 1, True), ("b", "last", "original", 3, 2, False),
                   ("c", "last", "original", 3, 1, True),
                   ("c", "last", "original", 3, 2, False)])  # fmt: skip
    groups = {"a": "incorrect", "b": "incorrect", "c": "incorrect"}
    rates = rescue_rates(real, groups, placebo=placebo).set_index("position")
    assert (rates.loc["last", "rescued"], rates.loc["last", "placebo_rescued"]) == (2, 2)
    assert rates.loc["last", "placebo_ci_low"] == pytest.approx(wilson_interval(2, 3)[0])
    per_query, summary = pair_comparison(real, placebo, groups)
    assert per_query.set_index("query_id")["difference"].to_dict() == {"a": 2, "b": 0, "c": -1}
    row = summary.iloc[0]
    assert (row.real_more, row.placebo_more, row.ties) == (1, 1, 1)
    assert (row.median_real, row.median_placebo) == (1.0, 1.0)
    assert row.sign_test_p == 1.0


# -- Patchscopes placebo -------------------------------------------------------------------


def test_patchscopes_placebo_reuses_the_donor_generations_labelled_against_the_query(lm):
    queries = tiny_queries()
    config = PatchscopesConfig(decoding="greedy", seeds=(0,), src_layers=(1, 3), tgt_layers=(0, 2))
    result = patchscopes(lm, queries, config, progress=False)
    control = placebo_table(result.table, queries)
    # every eligible donor (here every other query: three bridges, three answers), none chosen by chance
    donors = {q.id: {d.id for d in eligible_donors(q, list(queries), known_facts(queries))} for q in queries}
    assert control.groupby("query_id")["donor_id"].apply(set).to_dict() == donors
    assert all(len(d) == 2 for d in donors.values())
    assert len(control) == 2 * len(result.table)
    keys = ["source", "src_layer", "tgt_layer", "seed"]
    real = result.table.set_index(["query_id", *keys])["generation"]
    for _, row in control.iterrows():
        assert row.generation == real[(row.donor_id, row.source, row.src_layer, row.tgt_layer, row.seed)]
    assert control["label"].tolist() == relabel(control, queries).tolist()
    # one donor per query as before, given as a plain id
    first = {q: placebo_donors(queries, k=1)[q][0] for q in donors}
    single = placebo_table(result.table, queries, donors=first)
    assert len(single) == len(result.table) and (single["donor_id"] == single["query_id"].map(first)).all()
    # the same generation as patching the donor's state by hand
    row = control.iloc[5]
    donor = queries.by_id(row.donor_id)
    target = config.target_text
    at = len(lm.to_tokens(target, prepend_bos=False)[0]) - 1
    recipe = Recipe(Patch(Site("resid_post", int(row.tgt_layer), at),
                          source=Site("resid_post", int(row.src_layer), locate(lm, donor)[row.source]),
                          source_prompt=donor.two_hop_prompt))  # fmt: skip
    assert mechhop.generate(lm, [target], recipe).texts[0] == row.generation
    groups = {q.id: "incorrect" for q in queries}
    rates = decoding_rates(result.table, groups, placebo=control)
    placebo_columns = {"placebo_rate", "placebo_decoded", "placebo_ci_high", "placebo_donors"}
    assert {"rate", *placebo_columns} <= set(rates.columns)
    assert len(rates) == 2 * 2  # (e1, last) x (e2, e3)
    assert (rates["placebo_donors"] == 2).all()
    per_query, summary = decoding_comparison(result.table, control, groups)
    assert len(per_query) == 3 * 2 * 2 and len(summary) == 2 * 2
    merged = summary.merge(rates, on=["group", "source", "label"])
    assert (merged["mean_placebo"] - merged["placebo_rate"]).abs().max() < 1e-12
    assert (merged["mean_real"] - merged["rate"]).abs().max() < 1e-12


# -- statistics ----------------------------------------------------------------------------


def test_statistics_known_values():
    # exact over the 20 splits of 1..6: medians 2 vs 5 for x = {1,2,3} or {1,2,4}, and mirrored
    assert permutation_test_medians([1, 2, 3], [4, 5, 6]) == pytest.approx(4 / 20)
    assert permutation_test_medians([1, 2, 3], [1, 2, 3]) == 1.0
    assert np.isnan(permutation_test_medians([], [1.0]))
    assert sign_test(8, 0) == pytest.approx(2 / 256)
    assert sign_test(5, 5) == 1.0 and np.isnan(sign_test(0, 0))
    assert bootstrap_median_interval([4, 4, 4]) == (4.0, 4.0)
    low, high = bootstrap_median_interval(list(range(100)))
    assert 40 < low < 49.5 < high < 59
    big = permutation_test_medians(list(range(20)), list(range(10, 30)), n_perm=2000)
    assert 0 < big < 0.05  # Monte Carlo branch: C(40, 20) splits


def test_stage_statistics_and_inversions_on_a_hand_made_table():
    stages = pd.DataFrame(
        {
            "query_id": list("abcdefg"),
            "group": ["correct"] * 3 + ["incorrect"] * 4,
            "first_hop": [1, 2, 3, 4, 5, 6, np.nan],
            "propagation": [np.nan] * 7,
            "second_hop": [5, 1, np.nan, 8, 2, np.nan, 3],
            "extraction": [np.nan] * 7,
        }
    )
    stages["inverted"] = stages["second_hop"] < stages["first_hop"]
    stats = stage_statistics(stages).set_index(["stage", "group"])
    first = stats.loc["first_hop"]
    assert first.loc["correct", "median"] == 2 and first.loc["incorrect", "median"] == 5
    assert first.loc["incorrect", "never"] == 1 and first.loc["correct", "never"] == 0
    assert first.loc["correct", "p_value"] == pytest.approx(4 / 20)
    assert first.loc["correct", "difference"] == -3
    assert stats.loc[("propagation", "correct"), "found"] == 0
    assert np.isnan(stats.loc[("propagation", "correct"), "p_value"])
    inv = inversion_counts(stages).set_index("group")
    assert (inv.loc["correct", "both_decoded"], inv.loc["correct", "inverted"]) == (2, 1)
    assert (inv.loc["incorrect", "both_decoded"], inv.loc["incorrect", "inverted"]) == (2, 1)
