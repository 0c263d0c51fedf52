"""Analysed samples: the §9 rules (one per e1, caps, no leak, matched relation mixes), deterministic."""

from __future__ import annotations

import random
from collections import Counter

import pandas as pd
import pytest

from mechhop.data.sampling import (
    EXCLUSION_RULES,
    draw_sample,
    mix_distance,
    pick_groups,
    relation_mix,
    sample_summary,
)
from mechhop.data.schema import TwoHopQuery
from mechhop.errors import MechhopError

RELATIONS = {  # relation type -> template
    "director": "the director of {}",
    "performer": "the performer of {}",
    "spouse": "the spouse of {}",
    "birthplace": "the birthplace of {}",
}


def make(i: int, e1: str, e2: str, e3: str, r1: str = "director", r2: str = "spouse") -> TwoHopQuery:
    return TwoHopQuery(
        id=f"q{i}", e1=e1, r1=r1, e2=e2, r2=r2, e3=e3,
        e1_label=f"Work {e1}", e2_label=f"Bridge {e2}", e3_label=f"Answer {e3}",
        r1_template=RELATIONS[r1], r2_template=RELATIONS[r2], r1_type=r1, r2_type=r2,
    )  # fmt: skip


def table_of(queries, groups, answer_in_prompt=None) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "id": [q.id for q in queries],
            "usable": True,
            "group": groups,
            "relation_pair": [q.relation_pair for q in queries],
            "answer_in_prompt": answer_in_prompt if answer_in_prompt is not None else False,
        }
    )


def pool(n: int = 200, seed: int = 0, n_e1: int = 60, n_bridge: int = 8, n_answer: int = 12):
    rng = random.Random(seed)
    queries = [
        make(i, f"E{rng.randrange(n_e1)}", f"B{rng.randrange(n_bridge)}", f"A{rng.randrange(n_answer)}",
             rng.choice(list(RELATIONS)), rng.choice(list(RELATIONS)))
        for i in range(n)
    ]  # fmt: skip
    groups = [rng.choice(["correct", "incorrect"]) for _ in queries]
    return queries, table_of(queries, groups)


def by_id(queries):
    return {q.id: q for q in queries}


def test_caps_and_one_per_e1_hold_over_the_whole_sample():
    queries, table = pool()
    s = draw_sample(table, 20, 0, queries, max_per_bridge=3, max_per_answer=4)
    q = by_id(queries)
    picked = [q[i] for i in s.groups]
    assert len(picked) > 10
    assert max(Counter(x.bridge for x in picked).values()) <= 3
    assert max(Counter(x.e3 for x in picked).values()) <= 4
    assert max(Counter(x.e1 for x in picked).values()) == 1
    # without the rules the same pool repeats e1s and bridges: the rules are what keeps them apart
    loose = pick_groups(table, 20, 0, queries, one_per_e1=False, match_relations=False)
    assert max(Counter(q[i].e1 for i in loose).values()) > 1
    assert max(Counter(q[i].bridge for i in loose).values()) > 3


def test_one_query_per_e1_even_across_groups():
    queries = [make(i, "E0" if i < 6 else f"E{i}", f"B{i}", f"A{i}") for i in range(12)]
    table = table_of(queries, ["correct", "incorrect"] * 6)
    s = draw_sample(table, 10, 0, queries)
    e1s = [by_id(queries)[i].e1 for i in s.groups]
    assert e1s.count("E0") == 1 and len(s.groups) == 7
    summary = sample_summary(s)
    assert summary.loc["all", "e1_repeat"] == 5 and summary.loc["all", "picked"] == 7
    assert len(pick_groups(table, 10, 0, queries, one_per_e1=False)) == 12


def test_leaking_and_answer_in_prompt_queries_are_left_out_and_counted():
    clean = [make(i, f"E{i}", f"B{i}", f"A{i}") for i in range(8)]
    leak = TwoHopQuery(
        id="leak", e1="irish-stew", r1="P495", e2="Q27", r2="P36", e3="Q1761", e1_label="Irish stew",
        e2_label="Ireland", e3_label="Dublin", r1_template="the country of origin of {}",
        r2_template="the capital of {}", r1_type="country of origin", r2_type="capital",
    )  # fmt: skip
    queries = [*clean, leak]
    flags = [i == 0 for i in range(8)] + [False]
    table = table_of(queries, ["correct"] * 4 + ["incorrect"] * 5, answer_in_prompt=flags)
    s = draw_sample(table, 10, 0, queries)
    assert "leak" not in s.groups and "q0" not in s.groups and len(s.groups) == 7
    status = s.status.set_index("id")["status"]
    assert status["leak"] == "leak" and status["q0"] == "answer_in_prompt"
    summary = sample_summary(s)
    assert summary.loc["incorrect", "leak"] == 1 and summary.loc["correct", "answer_in_prompt"] == 1
    kept = pick_groups(table, 10, 0, queries, exclude_leaks=False, keep_answer_in_prompt=True)
    assert "leak" in kept and "q0" in kept
    # without the queries only the table's flag applies (the earlier pick_groups)
    assert sorted(pick_groups(table, 10, 0)) == sorted(q.id for q in queries[1:])
    assert draw_sample(table, 10, 0).rules["exclude_leaks"] is False


def test_summary_accounts_for_every_usable_query():
    queries, table = pool(300, seed=3)
    s = draw_sample(table, 15, 1, queries, max_per_bridge=2, max_per_answer=3)
    summary = sample_summary(s)
    assert list(summary.columns) == ["usable", *EXCLUSION_RULES, "not_drawn", "picked"]
    rules = summary.drop(columns="usable")
    assert (rules.sum(axis=1) == summary["usable"]).all()
    assert summary.loc["all", "usable"] == len(table)
    assert summary.loc["all", "picked"] == len(s.groups)
    assert summary.loc["all", "bridge_cap"] > 0 and summary.loc["all", "e1_repeat"] > 0
    assert (s.status["status"] == "picked").sum() == len(s.groups)


def test_relation_mixes_are_closer_when_matched():
    """Correct queries are mostly director -> spouse, incorrect ones mostly performer -> birthplace,
    but the incorrect pool has enough director -> spouse to match."""
    queries, groups = [], []
    for i in range(30):
        pair = ("director", "spouse") if i < 24 else ("performer", "birthplace")
        queries.append(make(i, f"E{i}", f"B{i}", f"A{i}", *pair))
        groups.append("correct")
    for i in range(30, 230):
        pair = ("director", "spouse") if i % 5 == 0 else ("performer", "birthplace")
        queries.append(make(i, f"E{i}", f"B{i}", f"A{i}", *pair))
        groups.append("incorrect")
    table = table_of(queries, groups)
    matched = pick_groups(table, 20, 0, queries)
    unmatched = pick_groups(table, 20, 0, queries, match_relations=False)
    d_matched = mix_distance(relation_mix(queries, matched))
    d_unmatched = mix_distance(relation_mix(queries, unmatched))
    assert d_matched < d_unmatched
    assert d_matched == 0.0 and d_unmatched > 0.3
    assert Counter(matched.values()) == {"correct": 20, "incorrect": 20}


def test_matching_fills_from_other_pairs_when_a_stratum_runs_out():
    queries, groups = [], []
    for i in range(20):  # correct: all director -> spouse
        queries.append(make(i, f"E{i}", f"B{i}", f"A{i}", "director", "spouse"))
        groups.append("correct")
    for i in range(20, 80):  # incorrect: only 3 director -> spouse
        pair = ("director", "spouse") if i < 23 else ("performer", "birthplace")
        queries.append(make(i, f"E{i}", f"B{i}", f"A{i}", *pair))
        groups.append("incorrect")
    table = table_of(queries, groups)
    picked = pick_groups(table, 10, 0, queries)
    mix = relation_mix(queries, picked).set_index(["group", "relation_pair"])["count"]
    assert mix[("incorrect", "director -> spouse")] == 3  # all the pool has
    assert Counter(picked.values()) == {"correct": 10, "incorrect": 10}


def test_relation_mix_counts_and_shares():
    queries = [
        make(0, "a", "b", "c"),
        make(1, "d", "e", "f"),
        make(2, "g", "h", "i", "performer", "birthplace"),
    ]
    mix = relation_mix(queries, {"q0": "correct", "q1": "correct", "q2": "incorrect"})
    assert mix.to_dict("records") == [
        {"group": "correct", "relation_pair": "director -> spouse", "count": 2, "share": 1.0},
        {"group": "incorrect", "relation_pair": "performer -> birthplace", "count": 1, "share": 1.0},
    ]
    assert mix_distance(mix) == 1.0
    with pytest.raises(MechhopError, match="not among the queries"):
        relation_mix(queries, {"q9": "correct"})


def test_draws_are_deterministic_given_the_seed():
    queries, table = pool(250, seed=5)
    settings = dict(max_per_bridge=3, max_per_answer=5)
    first = draw_sample(table, 12, 7, queries, **settings)
    again = draw_sample(table, 12, 7, list(reversed(queries)), **settings)
    assert first.groups == again.groups
    assert first.status.equals(again.status)
    assert pick_groups(table, 12, 8, queries, **settings) != first.groups


def _old_pick_groups(table, per_group, seed, queries=None, max_per_bridge=None):
    """pick_groups as it was before the §9 rules (mechhop.apps.pipeline), the reference below."""
    usable = table[table["usable"] & ~table["answer_in_prompt"]]
    if queries is None or max_per_bridge is None:
        picked = [g.sample(min(per_group, len(g)), random_state=seed) for _, g in usable.groupby("group")]
        chosen = pd.concat(picked)
        return dict(zip(chosen["id"], chosen["group"], strict=True))
    bridge = {q.id: q.bridge for q in queries}
    queues = {
        str(g): list(rows["id"].sample(frac=1.0, random_state=seed)) for g, rows in usable.groupby("group")
    }
    picked_per = dict.fromkeys(queues, 0)
    through: dict[str, int] = {}
    out = {}
    while any(queues.values()):
        for group, queue in queues.items():
            while queue and picked_per[group] < per_group:
                query_id = queue.pop(0)
                b = bridge.get(query_id, query_id)
                if through.get(b, 0) < max_per_bridge:
                    through[b] = through.get(b, 0) + 1
                    picked_per[group] += 1
                    out[query_id] = group
                    break
            if picked_per[group] >= per_group:
                queue.clear()
    return out


@pytest.mark.parametrize("seed", [0, 1, 2])
@pytest.mark.parametrize("max_per_bridge", [None, 1, 3])
def test_with_the_new_rules_off_the_pick_is_the_earlier_one(seed, max_per_bridge):
    queries, table = pool(150, seed=seed)
    off = dict(one_per_e1=False, exclude_leaks=False, match_relations=False)
    assert pick_groups(table, 10, seed, queries, max_per_bridge, **off) == _old_pick_groups(
        table, 10, seed, queries, max_per_bridge
    )
    assert pick_groups(table, 10, seed) == _old_pick_groups(table, 10, seed)


def test_bad_settings_and_empty_pools_are_errors():
    queries, table = pool(20)
    with pytest.raises(MechhopError, match="max_per_bridge must be at least 1"):
        pick_groups(table, 5, 0, queries, max_per_bridge=0)
    with pytest.raises(MechhopError, match="max_per_answer must be at least 1"):
        pick_groups(table, 5, 0, queries, max_per_answer=0)
    with pytest.raises(MechhopError, match="No usable query"):
        pick_groups(table.assign(usable=False), 5, 0, queries)
    with pytest.raises(MechhopError, match="No usable query"):
        pick_groups(table.assign(answer_in_prompt=True), 5, 0, queries)


def test_the_pipeline_still_offers_pick_groups():
    pytest.importorskip("torch")
    pytest.importorskip("transformer_lens")
    from mechhop.apps import pipeline
    from mechhop.data import sampling

    assert pipeline.pick_groups is sampling.pick_groups
