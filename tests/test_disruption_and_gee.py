"""Amendment 1's measures beside the primary test: disruption per arm, the fixed pair chosen out of
sample, and the GEE of pair success on the arm (small hand-made tables)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from mechhop.analyses.backpatching.disruption import disruption, first_words, fixed_pair_rescue
from mechhop.analyses.gee import arm_gee

BRIDGES = {"q0": "A", "q1": "A", "q2": "B", "q3": "B", "q4": "C", "q5": "C"}


def pairs(successes: dict[str, int], n: int = 20, donor: str | None = None) -> pd.DataFrame:
    """``n`` pair rows per query, the first ``successes[q]`` of them succeeding."""
    rows = [{"query_id": q, "donor_id": donor or q, "position": "e1", "target": "original",
             "src_layer": i + 1, "tgt_layer": 0, "generation": "x", "success": i < k}
            for q, k in successes.items() for i in range(n)]  # fmt: skip
    return pd.DataFrame(rows)


def test_the_gee_sees_a_difference_and_its_absence():
    real = pairs({"q0": 8, "q1": 6, "q2": 9, "q3": 7, "q4": 8, "q5": 6})
    control = pairs({"q0": 1, "q1": 2, "q2": 1, "q3": 0, "q4": 2, "q5": 1})
    ratio, p = arm_gee(real, control, BRIDGES)
    assert ratio > 5 and p < 0.01
    similar = pairs({"q0": 8, "q1": 7, "q2": 8, "q3": 7, "q4": 6, "q5": 7})  # about as often
    ratio, p = arm_gee(real, similar, BRIDGES)
    assert ratio == pytest.approx(1.0, abs=0.1) and p > 0.3
    never = pairs(dict.fromkeys(BRIDGES, 0))
    assert all(math.isnan(v) for v in arm_gee(real, never, BRIDGES))  # unbounded odds ratio: no number


def test_placebo_donors_weigh_one_query_in_all():
    real = pairs({"q0": 8, "q1": 6, "q2": 9, "q3": 3, "q4": 8, "q5": 6})
    one = pairs({"q0": 2, "q1": 2, "q2": 1, "q3": 4, "q4": 2, "q5": 1}, donor="d1")
    two = pd.concat([one, one.assign(donor_id="d2")])  # the same shares from two donors
    assert arm_gee(real, two, BRIDGES) == pytest.approx(arm_gee(real, one, BRIDGES))


def test_disruption_compares_with_the_unpatched_text():
    table = pd.DataFrame({
        "query_id": ["q0", "q0", "q0", "q1"], "position": "e1", "target": "original",
        "generation": [" the city of\n\nLondon", " The city of Paris", " Paris, the capital", " Rome"],
        "success": [False, False, True, True],
    })  # fmt: skip
    unpatched = {"q0": "the city of London", "q1": "Rome"}
    out = disruption(table, unpatched, {"q0": "incorrect", "q1": "correct"}).set_index("group")
    # whitespace is not a change; "The city of Paris" changes the text but not its first three words
    assert out.loc["incorrect", ["generations", "changed", "changed_words"]].tolist() == [3, 2 / 3, 1 / 3]
    assert out.loc["incorrect", "success_if_changed"] == 0.5 and out.loc["correct", "changed"] == 0
    assert first_words(None) == () and first_words("The  city, of x") == ("the", "city", "of")


def test_a_pair_that_always_works_is_found_out_of_sample():
    rows = []
    for q in BRIDGES:
        for src in (2, 4, 6):
            rows.append({"query_id": q, "src_layer": src, "tgt_layer": 0, "success": src == 4})
    result = fixed_pair_rescue(pd.DataFrame(rows), BRIDGES, splits=20)
    assert result == {"rate": 1.0, "low": 1.0, "high": 1.0, "stable": 1.0}
    # a pair that works for one bridge only cannot be learnt from the other half
    lone = pd.DataFrame(
        [{**r, "success": r["src_layer"] == 4 and BRIDGES[r["query_id"]] == "A"} for r in rows]
    )
    assert fixed_pair_rescue(lone, BRIDGES, splits=50)["rate"] < 0.34
