"""Stages beyond the medians (docs/method/stages.md): the symmetric knockout rule in propagation,
means, the log-rank test with censored queries, second hop vs extraction, onsets vs the placebo."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from mechhop.analyses.censored import censored_layers, chi2_sf_1df, logrank_test, stage_logrank
from mechhop.analyses.stages import (
    onsets_against_placebo,
    placebo_onsets,
    second_hop_extraction_counts,
    second_hop_vs_extraction,
    stage_layers,
    stage_statistics,
)
from mechhop.analyses.stats import sign_test
from mechhop.errors import MechhopError

# -- the log-rank test ------------------------------------------------------------------------
# Group a reaches the stage at layers 1, 2, 3; group b at 2 and 4, and one query never (censored).
# By hand, at each event layer t (n at risk, d events, a's share of them):
#   t=1: n=6 (a 3), d=1 (a 1): E_a = 1/2,  V = 1 * 1/2 * 1/2 * 5/5   = 1/4
#   t=2: n=5 (a 2), d=2 (a 1): E_a = 4/5,  V = 2 * 2/5 * 3/5 * 3/4   = 9/25
#   t=3: n=3 (a 1), d=1 (a 1): E_a = 1/3,  V = 1 * 1/3 * 2/3 * 2/2   = 2/9
#   t=4: n=2 (a 0), d=1 (a 0): E_a = 0,    V = 0
# O_a = 3, E_a = 49/30, O - E = 41/30, V = 749/900, chi2 = (41/30)^2 / (749/900) = 1681/749.
HAND_CHI2 = 1681 / 749


def test_chi2_survival_function_at_known_quantiles():
    assert chi2_sf_1df(3.841459) == pytest.approx(0.05, abs=1e-6)
    assert chi2_sf_1df(6.634897) == pytest.approx(0.01, abs=1e-6)
    assert chi2_sf_1df(1.0) == pytest.approx(0.3173105, abs=1e-6)  # P(|Z| >= 1)
    assert chi2_sf_1df(0.0) == 1.0 and math.isnan(chi2_sf_1df(float("nan")))


def test_logrank_on_a_hand_computed_example():
    result = logrank_test([1, 2, 3], [True, True, True], [2, 4, 5], [True, True, False])
    assert result.observed_a == 3
    assert result.expected_a == pytest.approx(49 / 30)
    assert result.variance == pytest.approx(749 / 900)
    assert result.chi2 == pytest.approx(HAND_CHI2)
    assert result.p_value == pytest.approx(math.erfc(math.sqrt(HAND_CHI2 / 2)))
    assert result.p_value == pytest.approx(0.1341, abs=1e-4)
    # symmetric in the groups
    swapped = logrank_test([2, 4, 5], [True, True, False], [1, 2, 3], [True, True, True])
    assert swapped.chi2 == pytest.approx(HAND_CHI2)


def test_queries_that_never_reach_the_stage_are_censored_after_the_last_layer():
    times, events = censored_layers([2, 4, np.nan], n_layers=5)
    assert times.tolist() == [2, 4, 5] and events.tolist() == [True, True, False]
    # the same example from stage layers; the censoring layer past every event does not matter
    assert stage_logrank([1, 2, 3], [2, 4, np.nan], n_layers=5).chi2 == pytest.approx(HAND_CHI2)
    assert stage_logrank([1, 2, 3], [2, 4, np.nan], n_layers=30).chi2 == pytest.approx(HAND_CHI2)
    assert stage_logrank([1, 2, 3], [2, 4, np.nan]).chi2 == pytest.approx(HAND_CHI2)
    # a group that mostly never gets there differs, though its one found layer equals the other's median
    never = stage_logrank([3, 3, 3, 3, 3, 3], [3, np.nan, np.nan, np.nan, np.nan, np.nan], n_layers=10)
    assert never.p_value < 0.01
    both_never = stage_logrank([np.nan, np.nan], [np.nan], n_layers=10)
    assert math.isnan(both_never.p_value)
    with pytest.raises(MechhopError, match="past the last layer 4"):
        censored_layers([5.0], n_layers=5)
    with pytest.raises(MechhopError, match="must not be NaN"):
        logrank_test([np.nan], [True], [1.0], [True])


def test_stage_statistics_prints_means_and_the_logrank_p():
    stages = pd.DataFrame(
        {
            "query_id": list("abcdefg"),
            "group": ["correct"] * 3 + ["incorrect"] * 4,
            "first_hop": [1, 2, 3, 4, 5, 6, np.nan],
            "propagation": [1.5, 2.5, 2.0, np.nan, np.nan, np.nan, np.nan],
            "second_hop": [1, 2, 3, 2, 4, np.nan, np.nan],
            "extraction": [np.nan] * 7,
        }
    )
    stats = stage_statistics(stages, n_layers=8).set_index(["stage", "group"])
    for column in ("mean", "mean_ci_low", "mean_ci_high", "logrank_p"):
        assert column in stats
    first = stats.loc["first_hop"]
    assert first.loc["correct", "mean"] == 2 and first.loc["incorrect", "mean"] == 5
    assert first.loc["correct", "mean_ci_low"] >= 1 and first.loc["correct", "mean_ci_high"] <= 3
    assert first.loc["correct", "mean_ci_low"] < 2 < first.loc["correct", "mean_ci_high"]
    expected = stage_logrank([1, 2, 3], [4, 5, 6, np.nan], n_layers=8).p_value
    assert first.loc["correct", "logrank_p"] == pytest.approx(expected)
    assert first.loc["incorrect", "logrank_p"] == pytest.approx(expected)
    # no incorrect query reaches propagation: no median difference, but the log-rank test compares
    prop = stats.loc["propagation"]
    assert np.isnan(prop.loc["correct", "p_value"]) and np.isnan(prop.loc["incorrect", "mean"])
    assert prop.loc["correct", "logrank_p"] < 0.05
    # the hand-computed example as a stage
    second = stats.loc[("second_hop", "correct")]
    assert second["logrank_p"] == pytest.approx(stage_logrank([1, 2, 3], [2, 4, np.nan, np.nan]).p_value)
    assert np.isnan(stats.loc[("extraction", "correct"), "logrank_p"])


# -- the knockout rule of propagation, and second hop vs extraction ------------------------------
PS = pd.DataFrame(
    [("a", "e1", 2, 0, "e2"), ("a", "last", 9, 0, "e3"), ("b", "e1", 1, 0, "e2"), ("b", "last", 3, 0, "e3")],
    columns=["query_id", "source", "src_layer", "tgt_layer", "label"],
)  # fmt: skip


def _knockout(with_ids: bool = True) -> pd.DataFrame:
    # a (correct): at layer 2 the answer stays correct but the first token changes; at 6 it is lost.
    # b (incorrect): at layer 1 the text changes after its first token; at 4 the first token changes.
    rows = [
        ("a", 2, " Yoko Ono", 11, True, " Ono", 12, True),
        ("a", 6, " Paul", 7, False, " Ono", 12, True),
        ("b", 1, " Paul.", 7, False, " Paul", 7, False),
        ("b", 4, " Ringo", 9, False, " Paul", 7, False),
    ]
    frame = pd.DataFrame(
        rows,
        columns=["query_id", "layer", "generation", "first_token", "correct", "baseline_generation",
                 "baseline_first_token", "baseline_correct"],
    ).assign(query_set="last", key="e1")  # fmt: skip
    return frame if with_ids else frame.drop(columns=["first_token", "baseline_first_token"])


def test_propagation_uses_the_symmetric_knockout_rule_by_default():
    groups = {"a": "correct", "b": "incorrect"}
    symmetric = stage_layers(PS, _knockout(), groups=groups).set_index("query_id")
    paper = stage_layers(PS, _knockout(), groups=groups, knockout_rule="paper").set_index("query_id")
    # propagation = mean(knockout part, e2 from t2); no e2 from t2 here, so the knockout part alone
    assert symmetric.loc["a", "propagation"] == 2 and paper.loc["a", "propagation"] == 6
    assert symmetric.loc["b", "propagation"] == 4 and paper.loc["b", "propagation"] == 1
    assert symmetric.attrs["knockout_rule"] == "symmetric" and paper.attrs["knockout_rule"] == "paper"
    old = _knockout(with_ids=False)
    assert stage_layers(PS, old, knockout_rule="paper").set_index("query_id").loc["a", "propagation"] == 6
    with pytest.raises(MechhopError, match="first_token and baseline_first_token"):
        stage_layers(PS, old)
    with pytest.raises(MechhopError, match="knockout_rule must be one of paper, symmetric"):
        stage_layers(PS, _knockout(), knockout_rule="loose")


def test_second_hop_before_or_after_extraction():
    stages = pd.DataFrame(
        {
            "query_id": list("abcdef"),
            "group": ["correct"] * 3 + ["incorrect"] * 3,
            "second_hop": [5, 3, 4, np.nan, 2, 7],
            "extraction": [3, 3, 6, 1, np.nan, 8.0],
        }
    )
    order = second_hop_vs_extraction(stages)
    assert order.iloc[:3].tolist() == ["after", "same", "before"]
    assert order.iloc[3:5].isna().all() and order.iloc[5] == "before"
    counts = second_hop_extraction_counts(stages).set_index("group")
    assert counts.loc["correct"].tolist() == [3, 3, 1, 1, 1]  # queries, both_found, before, same, after
    assert counts.loc["incorrect"].tolist() == [3, 1, 1, 0, 0]
    proj = pd.DataFrame(
        [("a", 9, "mlp", 0, 0), ("b", 1, "mlp", 0, 0)],
        columns=["query_id", "layer", "sublayer", "e2_rank", "predicted_rank"],
    )  # fmt: skip
    table = stage_layers(PS, projection=proj).set_index("query_id")
    assert table.loc["a", "second_hop_vs_extraction"] == "same"  # e3 at 9, extraction at 9
    assert table.loc["b", "second_hop_vs_extraction"] == "after"  # e3 at 3, extraction at 1
    with pytest.raises(MechhopError, match="extraction"):
        second_hop_vs_extraction(stages.drop(columns="extraction"))


# -- onsets against the Patchscopes placebo --------------------------------------------------------
def _placebo() -> pd.DataFrame:
    rows = [
        # query a: donor d1 gives e2 from t1 at 3 and 5 and e3 from t2 at 7; d2 e2 from t1 at 1;
        # d3 nothing; e2 from t2 ("last") is not the first hop
        ("a", "d1", "e1", 5, "e2"), ("a", "d1", "e1", 3, "e2"), ("a", "d1", "last", 7, "e3"),
        ("a", "d2", "e1", 1, "e2"), ("a", "d2", "last", 0, "e2"), ("a", "d3", "e1", 0, "other"),
        # query b: its one donor gives e2 from t1 at 4 and e3 from t2 at 2
        ("b", "d4", "e1", 4, "e2"), ("b", "d4", "last", 2, "e3"),
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["query_id", "donor_id", "source", "src_layer", "label"])
    return frame.assign(tgt_layer=0, seed=0, generation="x")


def test_placebo_onsets_per_donor_then_per_query():
    onsets = placebo_onsets(_placebo()).set_index("query_id")
    a = onsets.loc["a"]
    assert a["donors"] == 3
    assert a["first_hop_share"] == pytest.approx(2 / 3) and a["first_hop_median"] == 2  # donors at 3 and 1
    assert a["first_hop_onset"] == 3  # lower median of (1, 3, never)
    assert a["second_hop_share"] == pytest.approx(1 / 3) and a["second_hop_median"] == 7
    assert a["second_hop_onset"] == np.inf  # two of three donors never decode e3
    b = onsets.loc["b"]
    assert (b["first_hop_onset"], b["second_hop_onset"], b["second_hop_median"]) == (4, 2, 2)
    with pytest.raises(MechhopError, match="donor_id"):
        placebo_onsets(_placebo().drop(columns="donor_id"))


def test_real_onsets_against_the_placebo_with_a_sign_test():
    stages = pd.DataFrame(
        {
            "query_id": ["a", "b", "c"],
            "group": ["correct", "incorrect", "correct"],  # c has no placebo: left out
            "first_hop": [2.0, 4.0, 0.0],
            "second_hop": [9.0, np.nan, 1.0],
        }
    )
    table = onsets_against_placebo(stages, _placebo()).set_index(["stage", "group"])
    first = table.loc[("first_hop", "all")]
    assert (first["queries"], first["earlier"], first["same"], first["later"]) == (2, 1, 1, 0)
    second = table.loc[("second_hop", "all")]
    # a: 9 before a placebo that mostly never decodes e3; b: never, its placebo at 2
    assert (second["earlier"], second["same"], second["later"]) == (1, 0, 1)
    assert second["p_value"] == sign_test(1, 1)
    assert table.loc[("first_hop", "correct"), "earlier"] == 1
    assert table.loc[("first_hop", "incorrect"), "same"] == 1
    # the placebo table itself is summarised first
    pd.testing.assert_frame_equal(
        onsets_against_placebo(stages, placebo_onsets(_placebo())), onsets_against_placebo(stages, _placebo())
    )
    many = pd.DataFrame({"query_id": [f"q{i}" for i in range(8)], "first_hop": [1.0] * 8, "second_hop": 2.0})
    placebo = pd.DataFrame({"query_id": many["query_id"], "first_hop_onset": 5.0, "second_hop_onset": np.inf})
    result = onsets_against_placebo(many, placebo).set_index("stage")
    assert result.loc["first_hop", "earlier"] == 8 and result.loc["first_hop", "p_value"] == sign_test(8, 0)
