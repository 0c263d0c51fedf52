"""Attention knockout (docs/method/knockout.md): recipes, the "matters" rule, stored runs, positions."""

from __future__ import annotations

import dataclasses
import importlib
import json

import pandas as pd
import pytest
import torch
from transformer_lens import HookedTransformer, HookedTransformerConfig

import mechhop
from mechhop import KnockOut, MechhopError, Recipe, Record, Site
from mechhop.analyses.knockout import (
    TABLE_COLUMNS,
    KnockoutConfig,
    blocks_an_edge,
    knockout,
    knockout_matters,
    knockout_matters_symmetric,
    knockout_positions,
    knockout_recipe,
    recorrect,
    scaled_window,
    summarize_knockout,
    window_layers,
)
from mechhop.data.knowledge import answer_matches
from mechhop.data.schema import TwoHopDataset, TwoHopQuery
from tests.conftest import TINY_CONFIGS

# `mechhop.analyses.knockout` may be re-exported as the function; the module itself, for monkeypatching.
KO = importlib.import_module("mechhop.analyses.knockout.run")
PROMPT = [5, 9, 11, 3, 7, 2]

QUERIES = TwoHopDataset(
    [
        TwoHopQuery(
            id="lennon", e1="Imagine", r1="P175", e2="John Lennon", r2="P26", e3="Yoko Ono",
            e1_label="Imagine", e2_label="John Lennon", e3_label="Yoko Ono",
            r1_template="the performer of {}", r2_template="the spouse of {}", e3_aliases=("Ono",),
        ),
        TwoHopQuery(  # a multi-token e1, and "of the" inside it
            id="congo", e1="DRC", r1="capital", e2="Kinshasa", r2="governor", e3="Daniel Bumba",
            e1_label="Democratic Republic of the Congo", e2_label="Kinshasa", e3_label="Daniel Bumba",
            r1_template="the capital of {}", r2_template="the governor of {}",
        ),
    ]
)  # fmt: skip


@pytest.fixture(scope="module", params=[("ln-absolute-mha", True), ("rms-rotary-gqa", False)], ids=str)
def tiny_tok(request) -> HookedTransformer:
    """A tiny random model with SmolLM2's tokenizer (with / without a prepended BOS)."""
    from transformers import AutoTokenizer

    from mechhop.models.loading import embedded_hf_folder

    try:
        folder = embedded_hf_folder("smollm2-135m")
    except mechhop.WeightsPackageMissingError:
        pytest.skip("the SmolLM2 weights package (for its tokenizer) is not installed")
    tokenizer = AutoTokenizer.from_pretrained(folder)
    kind, bos = request.param
    torch.manual_seed(0)
    cfg = HookedTransformerConfig(
        n_layers=4, d_model=32, d_head=8, n_heads=4, d_mlp=64, d_vocab=len(tokenizer), n_ctx=64,
        init_weights=True, seed=0, default_prepend_bos=bos, device="cpu", **TINY_CONFIGS[kind],
    )  # fmt: skip
    return HookedTransformer(cfg, tokenizer, default_padding_side="left").eval()


# -- windows and recipes (tiny models, token-id prompts) ---------------------------------
def test_window_layers_clip_at_the_edges():
    assert window_layers(4, 0, 3) == (0, 1, 2, 3)
    assert window_layers(8, 0, 3) == (0, 1, 2, 3)
    assert window_layers(8, 7, 3) == (4, 5, 6, 7)
    assert window_layers(8, -1, 3) == (4, 5, 6, 7)
    assert window_layers(8, 4, 1) == (3, 4, 5)
    assert window_layers(8, 4, 0) == (4,)
    with pytest.raises(MechhopError, match=r"layer 8 is out of range .*valid: 0\.\.7"):
        window_layers(8, 8, 3)
    with pytest.raises(MechhopError, match="window must be an int >= 0"):
        window_layers(8, 2, -1)


def test_knockout_recipe_blocks_last_to_key_in_the_window_only(tiny):
    last, key = len(PROMPT) - 1, 2
    recipe = knockout_recipe(tiny.cfg.n_layers, 1, 1, (last,), (key,))
    assert recipe.steps == (KnockOut(layers=(0, 1, 2), keys=(key,), queries=(last,)),)
    records = [Record(Site("pattern", layer, None), name=f"p{layer}") for layer in range(4)]
    res = mechhop.run(tiny, [PROMPT], recipe + Recipe(*records)).records
    clean = mechhop.run(tiny, [PROMPT], Recipe(*records)).records
    for layer in (0, 1, 2):
        pattern = res[f"p{layer}"][0]  # [head, query, key]
        assert torch.all(pattern[:, last, key] == 0)
        torch.testing.assert_close(pattern[:, last].sum(-1), torch.ones(tiny.cfg.n_heads))
        assert torch.all(pattern[:, last - 1, key] > 0)  # other queries still read the key
    assert torch.all(res["p3"][0][:, last, key] > 0)  # outside the window
    # the first blocked layer sees the clean input, so only the blocked row changes there
    torch.testing.assert_close(res["p0"][0][:, :last], clean["p0"][0][:, :last])
    assert not torch.allclose(res["p0"][0][:, last], clean["p0"][0][:, last])


def test_whole_span_and_all_queries(tiny):
    recipe = knockout_recipe(tiny.cfg.n_layers, 3, 0, None, (1, 2, 3))
    res = mechhop.run(tiny, [PROMPT], recipe + Record(Site("pattern", 3, None), name="p")).records["p"][0]
    assert torch.all(res[:, 1:, 1:4] == 0)
    assert torch.all(res[:, 4:, 0] > 0) and torch.all(res[:, 4:, 4] > 0)


def test_empty_knockout_gives_exactly_the_baseline(tiny):
    baseline = mechhop.generate(tiny, [PROMPT], max_new_tokens=5)
    last = len(PROMPT) - 1
    # no key, or only keys after their query (already causally masked): nothing is blocked
    for queries, keys in [((last,), ()), (None, ()), ((1,), (2, 3)), ((0,), (last,))]:
        assert not blocks_an_edge(queries, keys)
        recipe = knockout_recipe(tiny.cfg.n_layers, 2, 3, queries, keys)
        for apply_to in ("prompt", "every_step"):
            out = mechhop.generate(tiny, [PROMPT], recipe, max_new_tokens=5, apply_to=apply_to)
            assert torch.equal(out.new_tokens, baseline.new_tokens)
            assert torch.equal(out.first_logits, baseline.first_logits)
    assert blocks_an_edge((last,), (2,)) and blocks_an_edge((2,), (2,)) and blocks_an_edge(None, (0,))
    blocked = mechhop.generate(tiny, [PROMPT], knockout_recipe(4, 2, 3, (last,), (0, 1, 2)), max_new_tokens=5)
    assert not torch.equal(blocked.first_logits, baseline.first_logits)


# -- configuration ------------------------------------------------------------------------
def test_config_validation():
    assert KnockoutConfig(keys="e1").keys == ("e1",)
    assert KnockoutConfig(layers=[1, 2]).layers == (1, 2)
    with pytest.raises(MechhopError, match=r"'e2' does not exist in the two_hop prompt; .*: e1, r1, r2"):
        KnockoutConfig(keys=("e1", "e2"))
    with pytest.raises(MechhopError, match=r"'e1' does not exist in the second_hop prompt.*e2, r2"):
        KnockoutConfig(prompt="second_hop")
    with pytest.raises(MechhopError, match=r"query set 'r1' does not exist in the second_hop prompt"):
        KnockoutConfig(prompt="second_hop", keys=("e2",), query_sets=("r1",))
    with pytest.raises(MechhopError, match="repeated keys"):
        KnockoutConfig(keys=("e1", "e1"))
    with pytest.raises(MechhopError, match="window must be an int >= 0, got -1"):
        KnockoutConfig(window=-1)
    with pytest.raises(MechhopError, match="span must be one of last_token, whole"):
        KnockoutConfig(span="first")
    with pytest.raises(MechhopError, match="layers must be ints"):
        KnockoutConfig(layers=(1, "2"))
    with pytest.raises(MechhopError, match="at least one key"):
        KnockoutConfig(keys=())


def test_layer_out_of_range_names_the_valid_range(tiny_tok):
    with pytest.raises(MechhopError, match=r"layer 4 is out of range .*valid: 0\.\.3"):
        knockout(tiny_tok, QUERIES, KnockoutConfig(layers=(0, 4)), progress=False)
    with pytest.raises(MechhopError, match="needs a model with a tokenizer"):
        knockout(HookedTransformer(tiny_tok.cfg), QUERIES, progress=False)


# -- the "matters" rule and the summary (no model) ----------------------------------------
def test_knockout_matters_covers_every_case_of_the_rule():
    table = pd.DataFrame(
        [
            # generation, correct, baseline_generation, baseline_correct, expected
            ("Yoko Ono, a", True, "Yoko Ono.", True, False),  # stays correct (text changed)
            ("Paul", False, "Paul", False, False),  # unchanged (and wrong)
            ("Yoko Ono.", True, "Yoko Ono.", True, False),  # unchanged and correct
            ("Paul", False, "Yoko Ono.", True, True),  # correct -> wrong
            ("Ringo", False, "Paul", False, True),  # wrong -> another wrong answer
            ("Yoko Ono", True, "Paul", False, True),  # wrong -> right: the edge still mattered
        ],
        columns=["generation", "correct", "baseline_generation", "baseline_correct", "expected"],
    )
    got = knockout_matters(table)
    assert got.name == "matters"
    assert got.tolist() == table["expected"].tolist()
    with pytest.raises(MechhopError, match="baseline_correct"):
        knockout_matters(table.drop(columns="baseline_correct"))


def _table(rows):
    frame = pd.DataFrame(rows, columns=["query_id", "layer", "generation", "correct"])
    return frame.assign(
        prompt="two_hop", query_set="last", key="e1", span="last_token", window=3,
        baseline_generation="base", baseline_correct=False, matters=False,  # stale: recomputed
    )  # fmt: skip


def test_summarize_knockout_shares_per_layer_and_group():
    table = _table(
        [("a", 0, "x", False), ("b", 0, "base", False), ("c", 0, "y", False),
         ("a", 1, "base", False), ("b", 1, "base", False), ("c", 1, "z", False)]
    )  # fmt: skip
    overall = summarize_knockout(table)
    assert overall[["layer", "queries", "matters"]].values.tolist() == [[0, 3, 2], [1, 3, 1]]
    assert overall["share"].tolist() == pytest.approx([2 / 3, 1 / 3])
    grouped = summarize_knockout(table, {"a": "correct", "b": "incorrect"})  # c has no group
    assert grouped[["group", "layer", "queries", "matters"]].values.tolist() == [
        ["correct", 0, 1, 1], ["correct", 1, 1, 0], ["incorrect", 0, 1, 0], ["incorrect", 1, 1, 0],
    ]  # fmt: skip
    with pytest.raises(MechhopError, match="different window"):
        summarize_knockout(pd.concat([table, table.assign(window=1)]))
    with pytest.raises(MechhopError, match="repeated"):
        summarize_knockout(pd.concat([table, table]))


def test_symmetric_rule_differs_from_the_paper_rule_where_it_should():
    table = pd.DataFrame(
        [
            # query_id, generation, first_token, correct, baseline, baseline_first, baseline_correct,
            # paper, symmetric
            ("a", " Yoko Ono", 11, True, " Ono, Yoko", 12, True, False, True),  # stays correct, new token
            ("b", " Paul.", 7, False, " Paul", 7, False, True, False),  # incorrect: text changes, token not
            ("c", " Yoko", 5, True, " Yoko", 5, True, False, False),  # nothing changes
            ("d", " Paul", 7, False, " Yoko Ono", 5, True, True, True),  # answer lost, token changes
        ],
        columns=["query_id", "generation", "first_token", "correct", "baseline_generation",
                 "baseline_first_token", "baseline_correct", "paper", "symmetric"],
    )  # fmt: skip
    assert knockout_matters(table).tolist() == table["paper"].tolist()
    symmetric = knockout_matters(table, "symmetric")
    assert symmetric.name == "matters_symmetric" and symmetric.tolist() == table["symmetric"].tolist()
    assert knockout_matters_symmetric(table).tolist() == table["symmetric"].tolist()
    frame = table.assign(prompt="two_hop", query_set="last", key="e1", span="last_token", window=3, layer=0)
    groups = {"a": "correct", "b": "incorrect", "c": "correct", "d": "correct"}
    paper = summarize_knockout(frame, groups).set_index("group")["matters"]
    sym = summarize_knockout(frame, groups, rule="symmetric").set_index("group")["matters"]
    assert (paper["correct"], paper["incorrect"]) == (1, 1)
    assert (sym["correct"], sym["incorrect"]) == (2, 0)
    with pytest.raises(MechhopError, match="rule must be one of paper, symmetric"):
        summarize_knockout(frame, rule="first")


def test_old_tables_without_first_tokens_load_but_refuse_the_symmetric_rule():
    old = _table([("a", 0, "x", False), ("b", 0, "base", False)])  # no first-token columns
    assert summarize_knockout(old)["matters"].tolist() == [1]  # the paper's rule still works
    with pytest.raises(MechhopError, match=r"first_token and baseline_first_token.*rule='paper'"):
        summarize_knockout(old, rule="symmetric")
    queries = TwoHopDataset([dataclasses.replace(QUERIES[0], id=i) for i in ("a", "b")])
    relabelled = recorrect(old, queries)
    assert "matters_symmetric" not in relabelled and relabelled["matters"].tolist() == [True, False]
    # with the ids, recorrect keeps matters_symmetric (recomputed from them, not from matching)
    new = old.assign(first_token=[3, 4], baseline_first_token=[4, 4], matters_symmetric=[False, False])
    kept = recorrect(new, queries, "paper")
    assert kept["matters_symmetric"].tolist() == [True, False]


def test_window_scaled_to_depth():
    # round(3 * L / 32), half up, at least 1: the paper's 32 layers keep 3
    expected = {32: 3, 30: 3, 18: 2, 16: 2, 12: 1, 4: 1, 48: 5, 80: 8, 26: 2, 28: 3}
    assert {n: scaled_window(3, n) for n in expected} == expected
    assert scaled_window(0, 18) == 1 and scaled_window(6, 16) == 3
    assert KnockoutConfig().effective_window(18) == 3  # "fixed" is the default (paper)
    assert KnockoutConfig(window_scale="depth").effective_window(18) == 2
    assert KnockoutConfig(window=5, window_scale="depth").effective_window(30) == 5  # 4.6875
    with pytest.raises(MechhopError, match="window_scale must be one of fixed, depth"):
        KnockoutConfig(window_scale="scaled")
    with pytest.raises(MechhopError, match="n_layers must be an int >= 1"):
        scaled_window(3, 0)


# -- positions and the whole analysis (tiny models with a real tokenizer) ----------------
def test_positions_of_both_prompts_are_exact(tiny_tok):
    q = QUERIES[0]

    def text(pos, name):
        first, last = pos.spans[name]
        return tiny_tok.to_string(list(pos.tokens[first : last + 1]))

    two = knockout_positions(tiny_tok, q, "two_hop")
    assert [text(two, n).strip() for n in ("e1", "r1", "r2")] == ["Imagine", "performer", "spouse"]
    second = knockout_positions(tiny_tok, q, "second_hop")
    assert second.prompt == "the spouse of John Lennon is"
    assert list(second.tokens) == tiny_tok.to_tokens(second.prompt)[0].tolist()
    assert [text(second, n).strip() for n in ("e2", "r2")] == ["John Lennon", "spouse"]
    with pytest.raises(mechhop.PositionError, match="no 'e1' mention"):
        second.span("e1")


def test_knockout_table_blocks_the_located_edges(tiny_tok, monkeypatch):
    calls = []

    def spy(model, prompts, recipes, **kwargs):
        calls.append((prompts, recipes))
        return mechhop.generate(model, prompts, recipes, **kwargs)

    monkeypatch.setattr(KO, "generate", spy)
    config = KnockoutConfig(query_sets=("last", "r1"), layers=(0, 3), window=1, max_new_tokens=4)
    result = knockout(tiny_tok, QUERIES, config, progress=False, use_engine=False)
    table = result.table
    assert tuple(table.columns) == TABLE_COLUMNS
    assert len(table) == len(QUERIES) * 2 * 3 * 2
    assert table["matters"].tolist() == knockout_matters(table).tolist()
    # r1 precedes e1, so r1 -> e1 blocks nothing: no generation ran for those rows
    assert not table.loc[(table["query_set"] == "r1") & (table["key"] == "e1"), "matters"].any()
    generated = [(list(p), r) for prompts, recipes in calls for p, r in zip(prompts, recipes, strict=True)]
    assert len(generated) == len(QUERIES) * (1 + 2 * 3 * 2 - 2)
    congo = knockout_positions(tiny_tok, QUERIES[1])
    assert congo.spans["e1"][0] < congo.e1  # several tokens: the last one is blocked
    for q in QUERIES:
        pos = knockout_positions(tiny_tok, q)
        rows = [r for p, r in generated if p == list(pos.tokens)]
        steps = {s for r in rows for s in r.steps}
        assert KnockOut(layers=(0, 1), keys=(pos.e1,), queries=(pos.last,)) in steps
        assert KnockOut(layers=(2, 3), keys=(pos.r2,), queries=(pos.r1,)) in steps
        assert Recipe() in rows  # the baseline
        base = mechhop.generate(tiny_tok, [q.two_hop_prompt], max_new_tokens=4).texts[0]
        assert set(table.loc[table["query_id"] == q.id, "baseline_generation"]) == {base}


def test_run_stores_first_token_ids_and_the_scaled_window(tiny_tok, monkeypatch):
    calls = []

    def spy(model, prompts, recipes, **kwargs):
        calls.append(recipes)
        return mechhop.generate(model, prompts, recipes, **kwargs)

    monkeypatch.setattr(KO, "generate", spy)
    config = KnockoutConfig(
        keys=("e1", "r2"), layers=(1, 2), window=3, window_scale="depth", max_new_tokens=3
    )
    result = knockout(tiny_tok, QUERIES, config, progress=False, use_engine=False)
    table = result.table
    assert tuple(table.columns) == TABLE_COLUMNS
    assert set(table["window"]) == {1}  # round(3 * 4 / 32) = 0, at least 1
    steps = {s for recipes in calls for r in recipes for s in r.steps}
    assert {s.layers for s in steps} == {(0, 1, 2), (1, 2, 3)}  # ±1, not ±3
    assert table["first_token"].dtype == "int64" and table["baseline_first_token"].dtype == "int64"
    assert (
        table["matters_symmetric"].tolist()
        == (table["first_token"] != table["baseline_first_token"]).tolist()
    )
    assert table["matters"].tolist() == knockout_matters(table).tolist()
    for q in QUERIES:
        pos = knockout_positions(tiny_tok, q)
        base = mechhop.generate(tiny_tok, [list(pos.tokens)], max_new_tokens=3)
        rows = table[table["query_id"] == q.id]
        assert set(rows["baseline_first_token"]) == {int(base.new_tokens[0, 0])}
        for row in rows.itertuples(index=False):
            keys = (pos.e1,) if row.key == "e1" else (pos.r2,)
            recipe = knockout_recipe(4, row.layer, 1, (pos.last,), keys)
            out = mechhop.generate(tiny_tok, [list(pos.tokens)], recipe, max_new_tokens=3)
            assert row.first_token == int(out.new_tokens[0, 0])  # the id, not a re-tokenised text
            assert row.generation == out.texts[0]
    # the report shows both rules side by side; a table stored without the ids still renders
    from mechhop.present.report import knockout_section

    page = knockout_section(result, {q.id: "correct" for q in QUERIES})
    assert 'id="knockout-rules"' in page and "symmetric: share of layers" in page
    old = dataclasses.replace(result, table=table.drop(columns=["first_token", "baseline_first_token"]))
    page = knockout_section(old, None)
    assert 'id="fig-knockout"' in page and "symmetric rule cannot be shown" in page


def test_second_hop_prompt_and_whole_spans(tiny_tok):
    config = KnockoutConfig(prompt="second_hop", keys=("e2", "r2"), query_sets=("all",), span="whole",
                            layers=(1,), max_new_tokens=3)  # fmt: skip
    table = knockout(tiny_tok, QUERIES[:1], config, progress=False).table
    assert table[["prompt", "query_set", "key", "span"]].values.tolist() == [
        ["second_hop", "all", "e2", "whole"], ["second_hop", "all", "r2", "whole"],
    ]  # fmt: skip
    pos = knockout_positions(tiny_tok, QUERIES[0], "second_hop")
    first, last = pos.spans["e2"]
    recipe = knockout_recipe(4, 1, 3, None, tuple(range(first, last + 1)))
    expected = mechhop.generate(tiny_tok, [list(pos.tokens)], recipe, max_new_tokens=3).texts[0]
    assert table.loc[table["key"] == "e2", "generation"].item() == expected


def test_stored_run_resumes_without_recomputing(tiny_tok, tmp_path, monkeypatch):
    config = KnockoutConfig(layers=(0, 2), max_new_tokens=3, batch_size=8)
    first = knockout(tiny_tok, QUERIES, config, out=tmp_path, progress=False, use_engine=False)
    units = list(first.directory.glob("units/*.parquet"))
    assert len(units) == len(QUERIES)
    assert (first.directory / "queries.parquet").exists()

    def refuse(*args, **kwargs):
        raise AssertionError("a finished unit was recomputed")

    monkeypatch.setattr(KO, "generate", refuse)
    # batch_size is not part of the run key: another batch size resumes the same run
    again = knockout(tiny_tok, QUERIES, KnockoutConfig(layers=(0, 2), max_new_tokens=3, batch_size=3),
                     out=tmp_path, progress=False, use_engine=False)  # fmt: skip
    assert again.directory == first.directory
    pd.testing.assert_frame_equal(again.table, first.table)
    assert len(list(first.directory.glob("units/*.parquet"))) == len(QUERIES)

    # a lost unit is recomputed alone, with the same result
    units[0].unlink()
    calls = []
    monkeypatch.setattr(KO, "generate", lambda *a, **k: calls.append(a[1]) or mechhop.generate(*a, **k))
    redone = knockout(tiny_tok, QUERIES, config, out=tmp_path, progress=False, use_engine=False)
    assert sum(len(prompts) for prompts in calls) == 1 + 3 * 2
    pd.testing.assert_frame_equal(redone.table, first.table)
    # another setting is another run
    other = knockout(tiny_tok, QUERIES[:1], KnockoutConfig(layers=(0,), max_new_tokens=3), out=tmp_path,
                     progress=False, use_engine=False)  # fmt: skip
    assert other.directory != first.directory


def test_engine_path_gives_the_plain_methods_table(tiny_tok, tmp_path):
    config = KnockoutConfig(query_sets=("last", "r1"), keys=("e1", "r1", "r2"), window=1, max_new_tokens=4)
    engine = knockout(tiny_tok, QUERIES, config, out=tmp_path / "engine", progress=False)
    plain = knockout(tiny_tok, QUERIES, config, out=tmp_path / "plain", progress=False, use_engine=False)
    pd.testing.assert_frame_equal(engine.table, plain.table)
    assert engine.table["matters"].any()  # the knockouts change something
    assert json.loads((engine.directory / "run.json").read_text())["engine_path"].startswith("engine: fast")
    assert json.loads((plain.directory / "run.json").read_text())["engine_path"].startswith("plain")
    # "all" blocks every query position: the plain method, said so
    every_config = KnockoutConfig(query_sets=("all",), layers=(1,), max_new_tokens=2)
    every = knockout(tiny_tok, QUERIES[:1], every_config, out=tmp_path / "all", progress=False)
    assert json.loads((every.directory / "run.json").read_text())["engine_path"].startswith("plain")


# -- the real model -----------------------------------------------------------------------
@pytest.mark.real
def test_knockout_on_smollm2(smol):
    from mechhop.data.compose import bundled_queries

    queries = bundled_queries()[:2]
    config = KnockoutConfig(layers=(0, 14, 29))
    table = knockout(smol, queries, config, progress=False).table
    assert tuple(table.columns) == TABLE_COLUMNS
    assert len(table) == 2 * 3 * 3
    assert sorted(set(table["layer"])) == [0, 14, 29] and set(table["key"]) == {"e1", "r1", "r2"}
    for q in queries:
        rows = table[table["query_id"] == q.id]
        plain = mechhop.generate(smol, [q.two_hop_prompt]).texts[0]
        assert set(rows["baseline_generation"]) == {plain}
        assert set(rows["baseline_correct"]) == {answer_matches(plain, q.answers("e3"))}
        pos = knockout_positions(smol, q, "second_hop")
        e2 = smol.to_string(list(pos.tokens[pos.spans["e2"][0] : pos.spans["e2"][1] + 1]))
        assert e2.strip() == q.e2_label
    assert table["matters"].tolist() == knockout_matters(table).tolist()
    plain = knockout(smol, queries, config, progress=False, use_engine=False).table
    pd.testing.assert_frame_equal(table, plain)  # the engine path gives the plain method's table
    with pytest.raises(MechhopError, match=r"key 'e2' does not exist in the two_hop prompt"):
        knockout(smol, queries, KnockoutConfig(keys=("e2",), layers=(0,)), progress=False)
    with pytest.raises(MechhopError, match=r"key 'r1' does not exist in the second_hop prompt"):
        knockout(smol, queries, KnockoutConfig(prompt="second_hop", keys=("e2", "r1")), progress=False)
