"""The workshop's checks: a right answer passes, and each common mistake gets its own hint."""

from __future__ import annotations

import re

import numpy as np
import pytest

import mechhop
from mechhop import Patch, Recipe, Site
from mechhop.analyses.evidence import (
    REFERENCE_EFFECT,
    cluster_bootstrap,
    cluster_t_test,
    mean_verdict,
    signed_rank_test,
    verdict,
)
from mechhop.analyses.patchscopes import PatchscopesConfig
from mechhop.data.positions import locate, locate_text
from mechhop.data.schema import TwoHopQuery
from mechhop.errors import MechhopError
from mechhop.workshop import (
    ExerciseFailed,
    check_backpatch_hook,
    check_backpatch_recipe,
    check_decision,
    check_knockout_hook,
    check_patchscopes,
    rescue_shares,
)
from mechhop.workshop.decision import MISTAKES, _decision_cases
from tests.tiny_lm import make_tiny_lm, tiny_queries


@pytest.fixture(scope="module")
def lm():
    return make_tiny_lm()


def right(source, position):
    def hook(act, hook):
        act[:, position] = source
        return act

    return hook


def in_place(source, position):  # returning None is fine when act is changed in place
    def hook(act, hook):
        act[:, position, :] = source

    return hook


def nothing(source, position):
    def hook(act, hook):
        return act

    return hook


def next_position(source, position):
    def hook(act, hook):
        act[:, position + 1] = source
        return act

    return hook


def added(source, position):
    def hook(act, hook):
        act[:, position] += source
        return act

    return hook


def everywhere(source, position):
    def hook(act, hook):
        act[:] = source
        return act

    return hook


def wrong_shape(source, position):
    def hook(act, hook):
        act[position] = source  # the batch axis, not the position axis
        return act

    return hook


def one_argument(source, position):
    def hook(act):  # TransformerLens passes hook= as well
        act[:, position] = source
        return act

    return hook


def returns_the_slice(source, position):
    def hook(act, hook):
        act[:, position] = source
        return act[:, position]

    return hook


@pytest.mark.parametrize(
    ("answer", "passed", "hint"),
    [
        (right, True, "same logits"),
        (one_argument, False, "Give it two parameters: def hook(act, hook)."),
        (returns_the_slice, False, "your hook returned a tensor of shape (1, 32); return the whole"),
        (in_place, True, "same logits"),
        (nothing, False, "changed nothing"),
        (next_position, False, "patched the wrong position"),
        (added, False, "added the source state"),
        (everywhere, False, "every position"),
        (wrong_shape, False, "raised IndexError"),
    ],
)
def test_backpatch_hook_check(lm, answer, passed, hint):
    query = tiny_queries()[0]
    check = check_backpatch_hook(answer, lm, query, src_layer=3, tgt_layer=1, position="e1")
    assert check.passed is passed and bool(check) is passed
    assert hint in check.message, check.message
    if answer is next_position:
        at = locate(lm, query)["e1"]
        assert f"position {at + 1}, expected {at}" in check.message
    if not passed:
        with pytest.raises(ExerciseFailed, match=re.escape(hint)):
            check_backpatch_hook(answer, lm, query, src_layer=3, tgt_layer=1, strict=True)


# -- back-patching as a recipe --------------------------------------------------------------------
def recipe_for(lm, query, src, tgt, shift=0, kind="resid_post", source_kind="resid_post"):
    at = locate(lm, query)["e1"] + shift
    return Recipe(Patch(Site(kind, tgt, at), source=Site(source_kind, src, at)))


@pytest.mark.parametrize(
    ("build", "hook", "passed", "hint"),
    [
        (lambda lm, q: recipe_for(lm, q, 3, 1), right, True, "both generate"),
        (lambda lm, q: recipe_for(lm, q, 3, 1).steps[0], right, False, "a mechhop Recipe, got Patch"),
        (lambda lm, q: Recipe(Patch(Site("resid_pre", 2, locate(lm, q)["e1"]),
                                    source=Site("resid_post", 3, locate(lm, q)["e1"]))),
         right, True, "both generate"),  # resid_pre of the next block is the same state
        (lambda lm, q: recipe_for(lm, q, 3, 0), right, False,
         "off by one: your patch writes the residual stream after block 0 (resid_post of block 0 = "
         "resid_pre of block 1); back-patching writes it after block 1"),
        (lambda lm, q: recipe_for(lm, q, 2, 1), right, False,
         "off by one: your patch reads the residual stream after block 2"),
        (lambda lm, q: recipe_for(lm, q, 3, 1), returns_the_slice, False, "your hook returned a tensor"),
        (lambda lm, q: recipe_for(lm, q, 1, 3), right, False, "source and target layers are swapped"),
        (lambda lm, q: recipe_for(lm, q, 3, 1, shift=-1), right, False, "patched the wrong position"),
        (lambda lm, q: recipe_for(lm, q, 3, 1, kind="resid_pre", source_kind="resid_pre"), right, False,
         "writes 'resid_pre' and reads 'resid_pre'"),
        (lambda lm, q: recipe_for(lm, q, 9, 1), right, False, "your recipe raised RecipeError"),
        (lambda lm, q: recipe_for(lm, q, 3, 1), next_position, False, "the recipe matches mechhop"),
        (lambda lm, q: Recipe(), nothing, False, "your recipe changed nothing"),
    ],
)  # fmt: skip
def test_backpatch_recipe_check(lm, build, hook, passed, hint):
    query = tiny_queries()[1]
    check = check_backpatch_recipe(build(lm, query), hook, lm, query, src_layer=3, tgt_layer=1)
    assert check.passed is passed, check.message
    assert hint in check.message, check.message
    if "swapped" in hint:
        assert "the hook matches mechhop" in check.message  # the two disagree: say which one is right
    if "wrong position" in hint:
        at = locate(lm, query)["e1"]
        assert f"position {at - 1}, expected {at}" in check.message
    if hint.startswith("your recipe changed"):
        assert "Your hook does not match mechhop either" in check.message


def test_backpatch_recipe_check_strict(lm):
    query = tiny_queries()[1]
    with pytest.raises(ExerciseFailed, match="swapped"):
        check_backpatch_recipe(recipe_for(lm, query, 1, 3), right, lm, query, 3, 1, strict=True)


# -- attention knockout by hand -------------------------------------------------------------------
def two_token_e1() -> TwoHopQuery:  # e1 of two tokens, so that blocking only one of them shows
    return TwoHopQuery(
        id="q-two", e1="Q1", r1="P175", e2="Q2", r2="P26", e3="Q3", e1_label="Leonardo DiCaprio",
        e2_label="John Lennon", e3_label="Yoko Ono", r1_template="the performer of {}",
        r2_template="the spouse of {}",
    )  # fmt: skip


def knockout_hook(edit):
    def make(query_position, key_positions):
        def hook(act, hook):
            return edit(act, query_position, key_positions)

        return hook

    return make


def _set(act, index, value, keep=True):
    act[index] = value
    return act if keep else None


MINUS_INF = float("-inf")
KNOCKOUTS = {
    "right": (lambda a, q, k: _set(a, (slice(None), slice(None), q, k), MINUS_INF), True, "same logits"),
    "in place": (lambda a, q, k: _set(a, (slice(None), slice(None), q, k), MINUS_INF, keep=False), True,
                 "same logits"),  # returns None: TransformerLens keeps the changed act
    "nothing": (lambda a, q, k: a, False, "changed nothing"),
    "zero": (lambda a, q, k: _set(a, (slice(None), slice(None), q, k), 0.0), False,
             "a score of 0 still lets attention through after the softmax; use float('-inf')"),
    "swapped": (lambda a, q, k: _set(a, (slice(None), slice(None), k, q), MINUS_INF), False,
                "swapped the query and key axes"),
    "every row": (lambda a, q, k: _set(a, (Ellipsis, k), MINUS_INF), False, "blocked every query row"),
    "some keys": (lambda a, q, k: _set(a, (slice(None), slice(None), q, k[-1]), MINUS_INF), False,
                  "blocked only some of the key positions"),
    "raises": (lambda a, q, k: _set(a, (0, q, k, 0, 0), MINUS_INF), False, "your hook raised IndexError"),
}  # fmt: skip


@pytest.mark.parametrize("mistake", list(KNOCKOUTS))
def test_knockout_hook_check(lm, mistake):
    edit, passed, hint = KNOCKOUTS[mistake]
    query = two_token_e1()
    check = check_knockout_hook(knockout_hook(edit), lm, query, layers=[1, 2])
    assert check.passed is passed, check.message
    assert hint in check.message, check.message
    first, last = locate(lm, query).spans["e1"]
    assert last == first + 1
    if mistake == "some keys":
        assert f"[{last}], but not [{first}]" in check.message
    if mistake == "raises":
        assert f"(1, 4, {last + 2}, {last + 2})" in check.message  # the scores' shape
    if not passed and mistake == "zero":
        with pytest.raises(ExerciseFailed, match="use float"):
            check_knockout_hook(knockout_hook(edit), lm, query, layers=[1, 2], strict=True)


# -- Patchscopes by hand --------------------------------------------------------------------------
def describer(read=0, write=0, shift=0, patch=True, returns=None):
    def describe(model, query, layer):
        target = PatchscopesConfig().target_text
        at = locate_text(model, target, PatchscopesConfig().placeholder)[1]
        source = Site("resid_post", layer + read, locate(model, query)["e1"] + shift)
        recipe = Recipe(Patch(Site("resid_post", layer + write, at), source=source,
                              source_prompt=query.two_hop_prompt))  # fmt: skip
        text = mechhop.generate(model, [target], recipe if patch else None, max_new_tokens=10).texts[0]
        return text if returns is None else returns(text)

    return describe


def _raise(text):
    raise KeyError("x")


def hard_coded(model, query, layer):
    return describer()(model, query, 1)  # ignores the layer it is given


def twenty_tokens(model, query, layer):
    target = PatchscopesConfig().target_text
    at = locate_text(model, target, PatchscopesConfig().placeholder)[1]
    source = Site("resid_post", layer, locate(model, query)["e1"])
    recipe = Recipe(Patch(Site("resid_post", layer, at), source=source, source_prompt=query.two_hop_prompt))
    return mechhop.generate(model, [target], recipe, max_new_tokens=20).texts[0]


def adding(model, query, layer):
    """Adds the source state to the target prompt's own, as a hook with += would."""
    from mechhop.core.interventions import Record, Vector

    target = PatchscopesConfig().target_text
    write = Site("resid_post", layer, locate_text(model, target, PatchscopesConfig().placeholder)[1])
    read = Site("resid_post", layer, locate(model, query)["e1"])
    own = mechhop.run(model, [target], Recipe(Record(write))).records[str(write)][0]
    state = mechhop.run(model, [query.two_hop_prompt], Recipe(Record(read))).records[str(read)][0]
    recipe = Recipe(Patch(write, value=Vector.from_tensor(own + state)))
    return mechhop.generate(model, [target], recipe, max_new_tokens=10).texts[0]


@pytest.mark.parametrize(
    ("describe", "passed", "hint"),
    [
        (describer(), True, "the same description"),
        (describer(returns=lambda t: f"  {t}\n"), True, "the same description"),
        (describer(patch=False), False, "the state was not written"),
        (describer(read=-1), False, "off by one: you read the state after block 0; read it after block 1."),
        (describer(write=1), False, "off by one: you wrote the state after block 2; write it after block 1."),
        (
            describer(read=-1, write=-1),
            False,
            "off by one: you read and wrote the state after block 0, not 1",
        ),
        (describer(shift=-1), False, "you read the state at position 7 ('of') of the two-hop prompt"),
        (describer(returns=lambda t: [t]), False, "describe returned a list, not a str"),
        (describer(returns=_raise), False, "describe raised KeyError"),
        (hard_coded, False, "your description does not change with the layer: at layer 3"),
        (twenty_tokens, False, "your text continues past mechhop's: the description is 10 greedy tokens"),
        (adding, False, "you added the state to the target prompt's own; Patchscopes replaces it."),
    ],
)
def test_patchscopes_check(lm, describe, passed, hint):
    query = tiny_queries()[1]
    check = check_patchscopes(describe, lm, query, layer=1)
    assert check.passed is passed, check.message
    assert hint in check.message, check.message
    if not passed and "not written" in hint:
        with pytest.raises(ExerciseFailed, match="not written"):
            check_patchscopes(describe, lm, query, layer=1, strict=True)


# -- the decision: is a rescue a finding? ---------------------------------------------------------
def deciding(mistake=None):
    """Amendment 1's rule, or the rule with one usual mistake (mechhop.workshop.decision.MISTAKES)."""

    def decide(real, control, bridges):
        differences = np.asarray(real) - np.asarray(control)
        if mistake == "median":  # the registered rule: the median, signed ranks, bridge bootstrap
            p = signed_rank_test(differences)
            _, high, _ = cluster_bootstrap(differences, bridges, n_boot=2000)
            median = float(np.median(differences))
            return verdict(p, median if median else float(differences.mean()), high)
        test = cluster_t_test(differences, None if mistake == "queries" else bridges,
                              level=0.90 if mistake == "one-sided" else 0.95)  # fmt: skip
        low, high = test.ci_low, test.ci_high
        if mistake == "normal":
            low, high = test.mean - 1.96 * test.se, test.mean + 1.96 * test.se
        return mean_verdict(low, high, reference=0.05 if mistake == "reference" else REFERENCE_EFFECT)

    return decide


def _fails(real, control, bridges):
    raise ValueError("no bridges")


def _hand_written(real, control, bridges):
    """The rule written out with pandas and scipy: another correct answer."""
    import pandas as pd
    from scipy import stats

    frame = pd.DataFrame({"d": np.asarray(real) - np.asarray(control), "b": bridges})
    mean, g = frame["d"].mean(), frame["b"].nunique()
    residual = frame.groupby("b")["d"].apply(lambda d: (d - mean).sum())
    se = np.sqrt(g / (g - 1) * (residual**2).sum()) / len(frame)
    half = stats.t.ppf(0.975, g - 1) * se
    low, high = mean - half, mean + half
    if low > 0:
        return "above control"
    if high < 0:
        return "below control"
    return "not above control" if high < 0.02 else "inconclusive at this n"


@pytest.mark.parametrize(
    ("decide", "passed", "hint"),
    [
        (deciding(), True, "every case gets the rule's verdict"),
        (_hand_written, True, "every case gets the rule's verdict"),
        (deciding("median"), False, "so the median is 0 with interval [0, 0] whatever the effect"),
        (deciding("queries"), False, "your interval treats every query as independent"),
        (deciding("one-sided"), False, "your interval is a one-sided (90% two-sided) one"),
        (deciding("normal"), False, "your interval uses the normal quantile 1.96"),
        (deciding("reference"), False, "needs the interval's upper end below the reference effect 0.02"),
        (lambda r, c, b: "yes", False, "you returned 'yes', which is not one of"),
        (_fails, False, "your function raised ValueError: no bridges"),
    ],
)  # fmt: skip
def test_decision_check(decide, passed, hint):
    check = check_decision(decide)
    assert check.passed is passed, check.message
    assert hint in check.message, check.message
    if not passed:
        assert "the rule says" in check.message or "raised" in check.message or "not one of" in check.message
    if decide is _fails:
        assert check.message.startswith(
            "case 'a clear positive effect' (n = 60, 20 bridges"
        )  # the first only
        with pytest.raises(ExerciseFailed, match="no bridges"):
            check_decision(decide, strict=True)


def test_decision_message_names_case_n_bridges_zeros_and_interval():
    message = check_decision(deciding("queries")).message
    assert message.startswith("3 of 10 cases differ")
    assert (
        "case 'bridges that disagree' (n = 64, 8 bridges, 7 differences exactly 0): mean difference +0.0235"
        in message
    )
    assert "95% CI [-0.0231, +0.0702]" in message
    assert "the rule says 'inconclusive at this n', you returned 'above control'" in message


def test_every_usual_mistake_is_caught_by_some_case_with_margin():
    cases = _decision_cases()
    expected = {
        "a clear positive effect": "above control",
        "no effect, tight interval": "not above control",
        "no effect at small n": "inconclusive at this n",
        "a negative effect": "below control",
        "a few large rescues among many zeros": "above control",
        "bridges that disagree": "inconclusive at this n",
        "a handful of bridges": "inconclusive at this n",
        "an effect near the edge": "inconclusive at this n",
        "SmolLM2-135M re-run: incorrect queries at e1, forward control": "inconclusive at this n",
        "SmolLM2-135M re-run: incorrect queries at the last token, forward control": "above control",
    }
    assert {c.name: c.verdict for c in cases} == expected
    assert {m for case in cases for m, _ in case.mistakes} == set(MISTAKES)
    for case in cases:
        assert len(case.real) == len(case.control) == len(case.bridges)
        assert all(0 <= x <= 1 for x in case.real + case.control)
        # the interval's ends lie clear of the rule's edges (0 and the reference), so no CPU's
        # rounding can move a verdict
        for end in (case.low, case.high):
            assert min(abs(end), abs(end - REFERENCE_EFFECT)) > 5e-4, (case.name, end)
    # the re-run's committed numbers (benchmarks/results/rerun-smollm2-135m/summary.json, amendment_1)
    assert (cases[8].mean, cases[8].low, cases[8].high) == pytest.approx((0.0106, -0.0041, 0.0252), abs=1e-4)
    assert (cases[9].mean, cases[9].low, cases[9].high) == pytest.approx((0.0146, 0.0032, 0.0260), abs=1e-4)
    assert cases[8].zeros == 58 and cases[9].zeros == 54


def test_rescue_shares_loads_one_slice():
    shares = rescue_shares()
    assert len(shares) == 100 and set(shares["group"]) == {"incorrect"} and set(shares["position"]) == {"e1"}
    assert list(shares.columns[-4:]) == ["query_id", "bridge", "real_share", "control_share"]
    assert (shares["real_share"] * 105).sub((shares["real_share"] * 105).round()).abs().max() < 1e-9
    assert len(rescue_shares("placebo", "correct", "last")) == 51
    with pytest.raises(MechhopError, match="position must be one of e1, last"):
        rescue_shares(position="t1")


# The correct answers on SmolLM2: tests/test_notebooks.py runs the solutions notebook, every check.
