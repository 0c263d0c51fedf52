"""Composing facts into two-hop queries under the paper's rules."""

from __future__ import annotations

import pandas as pd
import pytest

from mechhop.data.compose import compose
from mechhop.data.schema import DatasetError


def facts(*rows: tuple[str, str, str]) -> pd.DataFrame:
    return pd.DataFrame([{"subject": s, "relation": r, "object": o} for s, r, o in rows])


BASE = [
    ("Imagine", "performer", "John Lennon"),
    ("John Lennon", "country of citizenship", "United Kingdom"),
    ("United Kingdom", "capital", "London"),
    ("Paul McCartney", "spouse", "Linda McCartney"),
    ("Paul McCartney", "spouse", "Nancy Shevell"),  # two objects: ambiguous, dropped
    ("Yesterday", "performer", "Paul McCartney"),
    ("London", "country", "United Kingdom"),  # London -> UK -> London would repeat e1
]


def test_chains_follow_the_paper_rules():
    ds = compose(facts(*BASE))
    got = {(q.e1_label, q.r1_type, q.e2_label, q.r2_type, q.e3_label) for q in ds}
    assert got == {
        ("Imagine", "performer", "John Lennon", "country of citizenship", "United Kingdom"),
        ("John Lennon", "country of citizenship", "United Kingdom", "capital", "London"),
    }
    q = next(q for q in ds if q.e1_label == "Imagine")
    assert q.two_hop_prompt == "the country of citizenship of the performer of Imagine is"
    assert (q.r1, q.r2) == ("P175", "P27")


def test_output_is_deterministic_and_ids_are_stable():
    a = compose(facts(*BASE))
    b = compose(facts(*reversed(BASE)))
    assert [q.id for q in a] == [q.id for q in b]
    bigger = compose(facts(*BASE, ("Hey Jude", "performer", "John Lennon")))
    assert {q.id for q in a} <= {q.id for q in bigger}
    assert bigger.summary().set_index("relation_pair")["queries"].to_dict() == {
        "performer -> country of citizenship": 2,
        "country of citizenship -> capital": 1,
    }


def test_unknown_relation_is_named():
    with pytest.raises(DatasetError, match=r"'Imagine', 'singer'.*unknown relation"):
        compose(facts(("Imagine", "singer", "John Lennon")))


def test_balanced_sample_caps_each_relation_pair_reproducibly():
    rows = [(f"song {i}", "performer", f"singer {i % 3}") for i in range(12)]
    rows += [(f"singer {i}", "country of citizenship", "Canada") for i in range(3)]
    rows += [("Canada", "capital", "Ottawa")]
    ds = compose(facts(*rows))
    sample = ds.balanced(5)
    counts = sample.summary().set_index("relation_pair")["queries"].to_dict()
    assert counts == {"performer -> country of citizenship": 5, "country of citizenship -> capital": 3}
    assert [q.id for q in ds.balanced(5)] == [q.id for q in sample]
    assert [q.id for q in ds.balanced(5, seed=1)] != [q.id for q in sample]
