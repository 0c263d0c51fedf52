"""Back-patching's same-size controls and the primary test (docs/method/controls.md).

Tiny random models for the runs; hand-made tables and textbook values for the statistics.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

import mechhop
from mechhop import Patch, Recipe, Vector
from mechhop.analyses.backpatching import (
    BackpatchingConfig,
    backpatching,
    control_claims,
    control_comparison,
    oracle,
    pair_shares,
    rescue_rates,
)
from mechhop.analyses.controls import eligible_donors, is_eligible, known_facts, placebo_donors
from mechhop.analyses.evidence import (
    claim,
    cluster_bootstrap,
    detectable_difference,
    mcnemar_detectable,
    mcnemar_test,
    signed_rank_test,
    verdict,
)
from mechhop.data.schema import TwoHopQuery
from mechhop.errors import MechhopError
from tests.tiny_lm import make_tiny_lm, tiny_queries


@pytest.fixture(scope="module")
def lm():
    return make_tiny_lm()


def _q(i, e1, r1, e2, r2, e3):
    templates = {"r1_template": f"the {r1} of {{}}", "r2_template": f"the {r2} of {{}}"}
    labels = {"e1_label": e1, "e2_label": e2, "e3_label": e3}
    return TwoHopQuery(id=f"q{i}", e1=e1, r1=r1, e2=e2, r2=r2, e3=e3, **labels, **templates)


# -- donors ---------------------------------------------------------------------------------


def test_donors_share_the_relation_pair_first_and_never_lead_to_the_answer():
    query = _q(0, "Imagine", "performer", "John Lennon", "spouse", "Yoko Ono")
    same_pair = _q(1, "Help", "performer", "Paul McCartney", "spouse", "Linda McCartney")
    other_pair = _q(2, "Hamlet", "author", "William Shakespeare", "spouse", "Anne Hathaway")
    same_bridge = _q(3, "Mother", "performer", "John Lennon", "spouse", "Yoko Ono")
    same_answer = _q(4, "Cry Baby", "performer", "Someone", "spouse", "Yoko Ono")
    names_answer = _q(5, "Ono Tribute", "performer", "Yoko Ono Band", "spouse", "Nobody")
    # q7's bridge leads to q0's answer under q0's r2 (a fact known from q6)
    leads_there = _q(7, "Song", "composer", "Lennon Twin", "country", "Liverpool")
    fact = _q(6, "Other", "performer", "Lennon Twin", "spouse", "Yoko Ono")
    pool = [query, same_pair, other_pair, same_bridge, same_answer, names_answer, leads_there, fact]
    facts = known_facts(pool)
    assert not is_eligible(leads_there, query, facts) and is_eligible(leads_there, query, None)
    donors = [d.id for d in eligible_donors(query, pool, facts)]
    assert donors == ["q1", "q2"]  # same relation pair first; the rest excluded
    assert placebo_donors([query], pool=pool, k=5)[query.id] == ("q1", "q2")
    assert placebo_donors([query], pool=pool, k=1)[query.id] == ("q1",)
    with pytest.raises(MechhopError, match="at least 1"):
        placebo_donors([query], pool=pool, k=0)


def test_donor_choice_depends_only_on_the_two_ids():
    queries = list(tiny_queries())
    first = placebo_donors(queries, k=2)
    extra = _q(99, "Zed", "unrelated", "Nowhere Entity", "other", "Elsewhere")
    again = placebo_donors(queries, pool=[*queries, extra], k=2)
    for q in queries:  # a new pool member only enters where it ranks; the others keep their order
        kept = [d for d in again[q.id] if d != extra.id]
        assert kept == list(first[q.id])[: len(kept)]


# -- runs -------------------------------------------------------------------------------------


def test_forward_control_mirrors_the_grid_and_placebo_uses_k_donors(lm):
    queries = tiny_queries()
    grid = {"positions": ("last",), "src_layers": (0, 2, 3), "tgt_layers": (0, 2, 3)}
    real = backpatching(lm, queries, BackpatchingConfig(**grid), progress=False).table
    forward = backpatching(lm, queries, BackpatchingConfig(**grid, source="forward"), progress=False).table
    placebo = backpatching(
        lm, queries, BackpatchingConfig(**grid, source="placebo", donors=2), progress=False
    )
    assert (real["src_layer"] > real["tgt_layer"]).all() and (
        forward["src_layer"] < forward["tgt_layer"]
    ).all()
    mirrored = set(zip(forward["tgt_layer"], forward["src_layer"], strict=True))
    assert mirrored == set(zip(real["src_layer"], real["tgt_layer"], strict=True))
    assert len(forward) == len(real) and (forward["donor_id"] == forward["query_id"]).all()
    table = placebo.table
    assert len(table) == 2 * len(real)
    assert table.groupby("query_id")["donor_id"].nunique().eq(2).all()
    assert (table["donor_id"] != table["query_id"]).all()
    shares = pair_shares(table)
    assert shares["pairs"].eq(3).all()  # each donor on the real run's 3 pairs


def test_random_control_keeps_the_grid_and_moves_each_state_as_far_as_the_patch(lm):
    from mechhop.analyses.backpatching.run import direction_seed
    from mechhop.core.apply import capture
    from mechhop.core.backend import as_backend
    from mechhop.core.sites import Site
    from mechhop.core.tokens import encode
    from mechhop.data.positions import locate
    from mechhop.engine.measures import displaced

    queries = tiny_queries()
    grid = {"positions": ("last",), "src_layers": (0, 2, 3), "tgt_layers": (0, 2, 3)}
    real = backpatching(lm, queries, BackpatchingConfig(**grid), progress=False).table
    random = backpatching(lm, queries, BackpatchingConfig(**grid, source="random"), progress=False).table
    keys = ["query_id", "donor_id", "position", "target", "src_layer", "tgt_layer"]
    assert random[keys].values.tolist() == real[keys].values.tolist()  # the real grid, the query itself
    assert (random["kl"] >= 0).all() and (real["kl"] >= 0).all()
    assert random["generation"].tolist() != real["generation"].tolist()
    # one row by hand: the target state moved by ||h_ls - h_lt|| along the row's seeded direction
    q, row = queries[0], random.iloc[0]
    backend = as_backend(lm)
    batch = encode(backend, [q.two_hop_prompt])
    at = batch.absolute(0, locate(lm, q)["last"])
    states = capture(
        backend, batch, [Site("resid_post", int(row.tgt_layer)), Site("resid_post", int(row.src_layer))]
    )
    here = states[Site("resid_post", int(row.tgt_layer))][0, at]
    there = states[Site("resid_post", int(row.src_layer))][0, at]
    moved = displaced(here, there, direction_seed(q.id, "last", "original", row.src_layer, row.tgt_layer))
    recipe = Recipe(
        Patch(Site("resid_post", int(row.tgt_layer), locate(lm, q)["last"]), value=Vector.from_tensor(moved))
    )
    assert mechhop.generate(lm, [q.two_hop_prompt], recipe).texts[0] == row.generation


def test_forward_control_refuses_pairs_it_cannot_mirror(lm):
    config = BackpatchingConfig(positions=("last",), pairs=((1, 3),), source="forward")
    with pytest.raises(MechhopError, match="src >= tgt"):
        backpatching(lm, tiny_queries(), config, progress=False)


def test_a_control_identical_to_the_intervention_comes_out_equal(lm):
    # The synthetic null: each query patched with its own state at ls = lt changes nothing, and the
    # forward control of the same pairs is the same run; the primary test must find no difference.
    queries = tiny_queries()
    same = BackpatchingConfig(positions=("e1", "last"), pairs=((1, 1), (2, 2), (3, 3)))
    real = backpatching(lm, queries, same, progress=False).table
    control = backpatching(lm, queries, BackpatchingConfig(**{**same.__dict__, "source": "forward"}),
                           progress=False).table  # fmt: skip
    assert real["generation"].tolist() == control["generation"].tolist()
    groups = {q.id: "incorrect" for q in queries}
    per_query, summary = control_comparison(real, control, groups, n_boot=200)
    assert (per_query["difference"] == 0).all()
    assert summary["median_difference"].eq(0).all() and summary["p"].isna().all()
    assert summary["verdict"].eq("not above control").all()
    assert summary["real_only"].eq(0).all() and summary["control_only"].eq(0).all()


def _rows(query, donor, successes, pairs=10, position="last"):
    return [(query, donor, position, "original", 20 + i, i, i < successes) for i in range(pairs)]


def _table(rows):
    return pd.DataFrame(rows, columns=["query_id", "donor_id", "position", "target", "src_layer", "tgt_layer",
                                       "success"])  # fmt: skip


def test_control_comparison_by_hand():
    real = _table([r for i, k in enumerate([5, 4, 6, 0]) for r in _rows(f"q{i}", f"q{i}", k)])
    # two donors per query: shares averaged per query
    counts = [(1, 1), (0, 2), (2, 2), (1, 1)]
    placebo = _table([r for i, (a, b) in enumerate(counts)
                      for d, k in ((f"d{i}a", a), (f"d{i}b", b)) for r in _rows(f"q{i}", d, k)])  # fmt: skip
    groups = dict.fromkeys(["q0", "q1", "q2", "q3"], "incorrect")
    bridges = {"q0": "A", "q1": "A", "q2": "B", "q3": "C"}
    per_query, summary = control_comparison(real, placebo, groups, bridges, n_boot=500)
    diffs = per_query.set_index("query_id")["difference"].round(6).to_dict()
    assert diffs == {"q0": 0.4, "q1": 0.3, "q2": 0.4, "q3": -0.1}
    row = summary.iloc[0]
    assert row.queries == 4 and row.bridges == 3
    assert row.median_difference == pytest.approx(0.35)
    assert row.p == pytest.approx(signed_rank_test([0.4, 0.3, 0.4, -0.1]))
    # per-bridge means: A = 0.35, B = 0.4, C = -0.1
    assert row.p_bridges == pytest.approx(signed_rank_test([0.35, 0.4, -0.1]))
    # oracle: real rescues q0..q2; the typical donor (at least half rescue) rescues all four
    assert (row.real_rescued, row.control_rescued, row.real_only, row.control_only) == (3, 4, 0, 1)
    assert row.mcnemar_p == 1.0
    assert 0 <= row.donor_p <= 1
    assert row.verdict == "inconclusive at this n"  # 4 queries: p = 0.25, interval reaches 0.02
    with pytest.raises(MechhopError, match="same grid"):
        control_comparison(real, _table(_rows("q0", "x", 1, pairs=7)), groups)
    # one donor short of the grid is caught too, not only the first donor's
    short = _table([*_rows("q0", "d0a", 1), *_rows("q0", "d0b", 1, pairs=9)])
    with pytest.raises(MechhopError, match="same grid"):
        control_comparison(real, short, groups)
    # the oracle of a K-donor placebo is the typical donor's, not "any of K x pairs"
    per = oracle(placebo).set_index("query_id")
    assert per["rescued"].all()  # q1: 1 of 2 donors rescue, which is half
    assert per.loc["q1", "successful_pairs"] == 1.0 and (per["donors"] == 2).all()
    one_of_three = _table([r for d, k in (("a", 1), ("b", 0), ("c", 0)) for r in _rows("q0", d, k)])
    assert not oracle(one_of_three)["rescued"].iloc[0]  # "any of 3 x 10 pairs" would say rescued
    rates = rescue_rates(real, groups, placebo=placebo).set_index("position")
    assert rates.loc["last", "placebo_rescued"] == 4
    claims = control_claims({"forward": summary, "placebo": summary})
    assert claims["claim"].tolist() == ["inconclusive at this n"]


# -- statistics -------------------------------------------------------------------------------


def test_signed_rank_exact_and_normal_values():
    assert signed_rank_test([1, 2, 3, 4, 5]) == pytest.approx(2 / 32)  # all positive: 1 of 32 each tail
    assert signed_rank_test([1, -2, 3, 4, 5, 6, 7, 8]) == pytest.approx(6 / 256)
    assert math.isnan(signed_rank_test([0, 0, 0]))
    rng = np.random.default_rng(1)
    d = rng.normal(0.2, 1.0, 60)
    exact, normal = signed_rank_test(d), signed_rank_test(d, exact_up_to=0)
    assert abs(exact - normal) < 0.01
    # ties share their mean rank: [1, 1, -1, 2] has ranks 2, 2, 2, 4 -> W+ = 8 of 10
    assert signed_rank_test([1, 1, -1, 2]) == pytest.approx(signed_rank_test([1.0, 1.0, -1.0, 2.0]))


def test_cluster_bootstrap_moves_whole_clusters():
    values = [1.0, 1.0, 1.0, 0.0, 0.0, 0.0]
    low, high, se = cluster_bootstrap(values, ["a", "a", "a", "b", "b", "b"], statistic=np.mean, n_boot=500)
    assert {low, high} <= {0.0, 0.5, 1.0}  # only whole clusters: means 0, 1/2 or 1
    _, _, se_iid = cluster_bootstrap(values, None, statistic=np.mean, n_boot=500)
    assert se > se_iid  # clustering widens the interval
    assert all(math.isnan(x) for x in cluster_bootstrap(values, ["a"] * 6))  # one cluster: no interval


def test_power_and_wording():
    assert detectable_difference(0.01) == pytest.approx((1.959964 + 0.841621) * 0.01 / math.sqrt(3 / math.pi),
                                                        rel=1e-4)  # fmt: skip
    assert mcnemar_test(10, 0) == pytest.approx(2 / 1024)
    assert mcnemar_test(3, 3) == 1.0
    small, large = mcnemar_detectable(25, 0.3), mcnemar_detectable(100, 0.3)
    assert 0 < large < small < 0.3 + 1e-9
    # a difference d needs a discordant share of at least d: with few discordant queries the
    # detectable difference is about z^2 / n (7.85 / 100), not the observed share
    assert mcnemar_detectable(100, 0.02) == pytest.approx(mcnemar_detectable(100, 0.0))
    assert 0.07 < mcnemar_detectable(100, 0.0) < 0.085
    assert math.isnan(mcnemar_detectable(3, 0.0))  # 3 queries cannot detect anything
    assert verdict(0.01, 0.05, 0.1) == "above control"
    assert verdict(0.01, -0.05, -0.01) == "below control"
    assert verdict(0.4, 0.0, 0.01) == "not above control"
    assert verdict(0.4, 0.0, 0.03) == "inconclusive at this n"
    assert claim(["above control", "above control"]) == "above both controls"
    assert claim(["above control", "inconclusive at this n"]) == "inconclusive at this n"
    assert claim(["above control", "not above control"]) == "not above control"
    assert claim(["below control", "inconclusive at this n"]) == "not above control"
