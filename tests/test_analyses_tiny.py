"""Positions, Patchscopes, back-patching, stages and resumable runs on a tiny model with a tokenizer."""

from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest
import torch

import mechhop
import mechhop.analyses.backpatching.run
from mechhop import Patch, PositionError, Recipe, RecipeError, Site
from mechhop.analyses.backpatching import (
    BackpatchingConfig,
    backpatching,
    oracle,
    rescue_rates,
    resucceed,
    target_prompt,
)
from mechhop.analyses.patchscopes import (
    PatchscopesConfig,
    classify_description,
    decoded_layers,
    describes,
    grid,
    patchscopes,
    relabel,
)
from mechhop.analyses.stages import stage_layers, stage_summary
from mechhop.analyses.stats import wilson_interval
from mechhop.core.layers import resolve_pairs
from mechhop.data.positions import QueryPositions, head_word, locate, position_name
from mechhop.data.schema import TwoHopDataset
from mechhop.engine.runs import load_result
from mechhop.engine.sweep import EngineConfig, PatchVariant, run_variants
from mechhop.errors import MechhopError
from tests.conftest import assert_same_table
from tests.tiny_lm import make_tiny_lm, tiny_queries

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def lm():
    return make_tiny_lm()


# -- positions ---------------------------------------------------------------------------


def test_positions_point_at_the_mentions(lm):
    for q in tiny_queries():
        pos = locate(lm, q)
        words = lm.tokenizer.convert_ids_to_tokens(list(pos.tokens))
        assert words[pos.e1] == q.e1_label
        assert words[pos.r1] == head_word(q.r1, q.r1_template)
        assert words[pos.r2] == head_word(q.r2, q.r2_template)
        assert words[pos.last] == "is" and pos["t2"] == pos.last and pos["t1"] == pos.e1


def test_positions_of_a_repeated_mention_come_from_the_template(lm):
    # e1 equals a word of the r1 template: str.find would pick the wrong one
    q = dataclasses.replace(tiny_queries()[1], e1="country", e1_label="country")
    pos = locate(lm, q)
    assert pos.e1 == len(pos.tokens) - 2  # "... of country is"
    assert pos.r1 != pos.e1


def test_unlocatable_mentions_name_the_query_and_string(lm):
    q = dataclasses.replace(tiny_queries()[0], id="bad-1", r1="P999", r1_template="the {}")
    with pytest.raises(PositionError, match="bad-1"):
        locate(lm, q)
    with pytest.raises(PositionError, match="valid: e1, r1, r2, last"):
        position_name("subject")


# -- Patchscopes -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (": John Lennon is a singer", True),
        (": John Lennon, a singer", True),
        (": John Lennon.", True),
        ("John Lennon: John Lennon", True),
        (": John Lennonism", False),
        ("about John Lennon", False),
    ],
)
def test_description_rule(text, expected):
    assert describes(text, ("John Lennon",)) is expected


def test_description_labels_check_e1_then_e2_then_e3():
    q = tiny_queries()[0]
    assert classify_description(": Imagine, and : John Lennon ", q) == "e1"
    assert classify_description(": John Lennon and : Yoko Ono ", q) == "e2"
    assert classify_description("Yoko Ono: Yoko", q) == "e3"
    assert classify_description(": AR, a country", tiny_queries()[1]) == "e2"  # alias
    assert classify_description(": Beatles", q) == "other"


def test_patchscopes_table_matches_plain_generation(lm):
    config = PatchscopesConfig(decoding="greedy", seeds=(0,), src_layers=(0, 3), tgt_layers=(1, 2))
    result = patchscopes(lm, tiny_queries(), config, progress=False)
    table = result.table
    assert len(table) == 3 * 2 * 4
    assert set(table.columns) >= {
        "query_id",
        "source",
        "src_layer",
        "tgt_layer",
        "seed",
        "generation",
        "label",
    }
    assert relabel(table, result.queries).tolist() == table["label"].tolist()
    target = config.target_text
    for _, row in table.sample(6, random_state=0).iterrows():
        q = result.queries.by_id(row.query_id)
        source = Site("resid_post", row.src_layer, locate(lm, q)[row.source])
        recipe = Recipe(
            Patch(Site("resid_post", row.tgt_layer, -1), source=source, source_prompt=q.two_hop_prompt)
        )
        assert mechhop.generate(lm, [target], recipe).texts[0] == row.generation
    shares = grid(table, "other", "e1")
    assert shares.index.name == "src_layer" and shares.columns.name == "tgt_layer"
    assert list(shares.index) == [0, 3] and list(shares.columns) == [1, 2]


def test_sampled_patchscopes_reproduce_per_seed(lm):
    config = PatchscopesConfig(sources=("t1",), pairs=((2, 1),), seeds=(0, 1, 2))
    a = patchscopes(lm, tiny_queries()[:2], config, progress=False).table
    b = patchscopes(lm, tiny_queries()[:2], config, progress=False).table
    assert a["generation"].tolist() == b["generation"].tolist()
    assert set(a["source"]) == {"e1"}


def test_patchscopes_config_errors():
    with pytest.raises(MechhopError, match="seeds"):
        PatchscopesConfig(decoding="greedy", seeds=(0, 1))
    with pytest.raises(PositionError, match="valid"):
        PatchscopesConfig(sources=("subject",))
    with pytest.raises(MechhopError, match="top_k"):
        PatchscopesConfig(top_k=0)
    with pytest.raises(MechhopError, match="sampling only"):
        PatchscopesConfig(decoding="greedy", seeds=(0,), top_k=50)
    assert PatchscopesConfig().top_k is None and PatchscopesConfig(top_k=50).top_k == 50


def test_first_is_is_the_first_is_of_the_prompt(lm):
    # e1's label holds " is": the authors' t2 (the first " is") is then not the last token
    q = dataclasses.replace(tiny_queries()[0], e1="Yoko is Imagine", e1_label="Yoko is Imagine")
    pos = locate(lm, q)
    words = lm.tokenizer.convert_ids_to_tokens(list(pos.tokens))
    assert q.two_hop_prompt == "the spouse of the performer of Yoko is Imagine is"
    assert words.count("is") == 2
    assert words[pos.first_is] == "is" and pos["first_is"] == pos.first_is == pos.e1 - 1 < pos.last
    assert words[pos.last] == "is"
    for plain_query in tiny_queries():  # one " is": the same token as t2
        assert locate(lm, plain_query)["first_is"] == locate(lm, plain_query).last
    with pytest.raises(PositionError, match="first_is"):
        QueryPositions("no-is", "the spouse of Imagine", (1, 2, 3, 4), {})["first_is"]
    # Patchscopes reads it as a source like any other position
    pairs = ((2, 1), (3, 0))
    config = PatchscopesConfig(sources=("first_is", "last"), decoding="greedy", seeds=(0,), pairs=pairs)
    table = patchscopes(lm, [q, *tiny_queries()[1:]], config, progress=False).table
    target = config.target_text
    for _, row in table[table["query_id"] == q.id].iterrows():
        at = pos.first_is if row.source == "first_is" else pos.last
        source = Site("resid_post", row.src_layer, at)
        recipe = Recipe(
            Patch(Site("resid_post", row.tgt_layer, -1), source=source, source_prompt=q.two_hop_prompt)
        )
        assert mechhop.generate(lm, [target], recipe).texts[0] == row.generation
    others = table[table["query_id"] != q.id].set_index(["query_id", "src_layer", "tgt_layer"])
    first, last = others[others.source == "first_is"], others[others.source == "last"]
    assert first["generation"].tolist() == last.loc[first.index, "generation"].tolist()


def _patchscopes_variants(lm) -> list[PatchVariant]:
    target = PatchscopesConfig().target_text
    at = len(lm.to_tokens(target, prepend_bos=False)[0]) - 1
    out = []
    for i, q in enumerate(tiny_queries()):
        pos = locate(lm, q)
        for src, tgt in ((0, 0), (1, 3), (3, 1), (2, 2)):
            for source in ("e1", "last"):
                state = Site("resid_post", src, pos[source])
                out.append(
                    PatchVariant(target, Site("resid_post", tgt, at), state, q.two_hop_prompt, 10 * i + src)
                )
    return out


def test_top_k_one_sampling_equals_greedy(lm):
    prompts = [q.two_hop_prompt for q in tiny_queries()]
    greedy = mechhop.generate(lm, prompts, max_new_tokens=6).new_tokens
    sampled = mechhop.generate(lm, prompts, max_new_tokens=6, decoding="sample", seeds=[3, 4, 5], top_k=1)
    assert torch.equal(sampled.new_tokens, greedy)
    variants = _patchscopes_variants(lm)
    engine_greedy = run_variants(lm, variants, EngineConfig(max_new_tokens=6, progress=False)).new_tokens
    one = EngineConfig(max_new_tokens=6, decoding="sample", top_k=1, progress=False)
    assert torch.equal(run_variants(lm, variants, one).new_tokens, engine_greedy)
    # and through Patchscopes: every seed of top-1 sampling is the greedy table
    pairs = ((2, 1), (3, 0))
    greedy_config = PatchscopesConfig(decoding="greedy", seeds=(0,), pairs=pairs)
    greedy_table = patchscopes(lm, tiny_queries(), greedy_config, progress=False).table
    top1 = patchscopes(
        lm, tiny_queries(), PatchscopesConfig(top_k=1, seeds=(0, 1), pairs=pairs), progress=False
    )
    for seed in (0, 1):
        rows = top1.table[top1.table["seed"] == seed]
        assert rows["generation"].tolist() == greedy_table["generation"].tolist()


@pytest.mark.parametrize("fast", [True, False], ids=["fast-attention", "transformer-lens-blocks"])
def test_top_k_sampling_on_the_engine_equals_the_plain_method(lm, fast):
    variants = _patchscopes_variants(lm)
    config = EngineConfig(max_new_tokens=6, decoding="sample", top_k=3, progress=False, max_batch=5,
                          fast_attention=fast)  # fmt: skip
    result = run_variants(lm, variants, config)
    assert result.path == ("fast" if fast else "transformer_lens") and result.batches > 1
    recipes = [Recipe(Patch(v.target, source=v.source, source_prompt=v.source_prompt)) for v in variants]
    plain = mechhop.generate(lm, [v.prompt for v in variants], recipes, max_new_tokens=6, decoding="sample",
                             seeds=[v.seed for v in variants], top_k=3)  # fmt: skip
    assert result.new_tokens.tolist() == plain.new_tokens.tolist()
    # the cut is applied: each first token is among the 3 most likely, and the samples differ from top_k=None
    top3 = plain.first_logits.topk(3, dim=-1).indices
    assert (top3 == plain.new_tokens[:, :1]).any(dim=-1).all()
    unrestricted = run_variants(lm, variants, dataclasses.replace(config, top_k=None)).new_tokens
    assert not torch.equal(unrestricted, result.new_tokens)


# -- back-patching ------------------------------------------------------------------------


def test_backpatching_pairs_are_backward_only():
    pairs = resolve_pairs(None, None, None, 4, "backward")
    assert pairs == ((1, 0), (2, 0), (2, 1), (3, 0), (3, 1), (3, 2))
    with pytest.raises(RecipeError, match=r"valid: 0\.\.3"):
        resolve_pairs(None, (7,), None, 4, "backward")
    with pytest.raises(RecipeError, match="source > target"):
        resolve_pairs(None, (0,), (2,), 4, "backward")


def test_target_prompts_patch_at_x(lm):
    q = tiny_queries()[0]
    text, at = target_prompt(lm, q, "composition")
    assert text == "the spouse of the performer of x is"
    assert lm.tokenizer.convert_ids_to_tokens(lm.to_tokens(text)[0].tolist())[at] == "x"
    text, at = target_prompt(lm, q, "second_hop")
    assert text == "the spouse of x is" and at == 3


def test_patching_a_state_into_itself_changes_nothing(lm):
    queries = tiny_queries()
    config = BackpatchingConfig(positions=("e1", "last"), pairs=((2, 2), (0, 0)))
    table = backpatching(lm, queries, config, progress=False).table
    plain = mechhop.generate(lm, [q.two_hop_prompt for q in queries]).texts
    for i, q in enumerate(queries):
        assert set(table.loc[table.query_id == q.id, "generation"]) == {plain[i]}


def test_backpatching_generations_equal_the_plain_method(lm):
    config = BackpatchingConfig(targets=("original", "composition", "second_hop"), src_layers=(3,))
    result = backpatching(lm, tiny_queries(), config, progress=False)
    table = result.table
    assert len(table) == 3 * 3 * 2 * 3 and (table.src_layer > table.tgt_layer).all()
    assert resucceed(table, result.queries).tolist() == table["success"].tolist()
    for _, row in table.sample(8, random_state=1).iterrows():
        q = result.queries.by_id(row.query_id)
        pos = locate(lm, q)[row.position]
        prompt, at = target_prompt(lm, q, row.target)
        recipe = Recipe(
            Patch(Site("resid_post", row.tgt_layer, pos if at is None else at),
                  source=Site("resid_post", row.src_layer, pos), source_prompt=q.two_hop_prompt)
        )  # fmt: skip
        assert mechhop.generate(lm, [prompt], recipe).texts[0] == row.generation


def _table(rows):
    return pd.DataFrame(rows, columns=["query_id", "position", "target", "src_layer", "tgt_layer", "success"])


def test_oracle_and_rescue_rates():
    table = _table(
        [
            ("a", "e1", "original", 5, 1, False), ("a", "e1", "original", 6, 2, True),
            ("a", "last", "original", 5, 1, False),
            ("b", "e1", "original", 5, 1, False), ("b", "last", "original", 4, 0, True),
            ("c", "e1", "original", 5, 1, False), ("c", "last", "original", 4, 0, False),
        ]
    )  # fmt: skip
    per_query = oracle(table).set_index(["query_id", "position"])
    assert per_query.loc[("a", "e1"), "rescued"] and per_query.loc[("a", "e1"), "first_src_layer"] == 6
    assert not per_query.loc[("c", "last"), "rescued"]
    rates = rescue_rates(table, {"a": "incorrect", "b": "incorrect", "c": "correct"}).set_index(
        ["group", "position"]
    )
    assert rates.loc[("incorrect", "e1"), "rescued"] == 1 and rates.loc[("incorrect", "e1"), "queries"] == 2
    assert rates.loc[("incorrect", "either"), "rate"] == 1.0
    assert rates.loc[("correct", "either"), "rate"] == 0.0
    with pytest.raises(MechhopError, match="No group"):
        rescue_rates(table, {"a": "incorrect"})


def test_wilson_interval_known_values():
    low, high = wilson_interval(0, 10)
    assert low == 0.0 and high == pytest.approx(0.2775, abs=1e-4)
    low, high = wilson_interval(57, 100)
    assert (low, high) == (pytest.approx(0.4722, abs=1e-4), pytest.approx(0.6627, abs=1e-4))


# -- stages ---------------------------------------------------------------------------------


def test_stage_layers_from_hand_made_tables():
    ps = pd.DataFrame(
        [
            ("a", "e1", 1, 0, "other"), ("a", "e1", 3, 5, "e2"), ("a", "e1", 2, 9, "e2"),
            ("a", "last", 4, 1, "e2"), ("a", "last", 7, 2, "e3"), ("a", "last", 9, 0, "e3"),
            ("b", "e1", 1, 0, "e1"), ("b", "last", 2, 0, "other"),
        ],
        columns=["query_id", "source", "src_layer", "tgt_layer", "label"],
    )  # fmt: skip
    # matters: (a, 5), (a, r1), (b, 2); not at (a, 3) (same text) nor (b, 7) (correct stays correct)
    ko = pd.DataFrame(
        [("a", "last", "e1", 3, "Paris", False, "Paris", False),
         ("a", "last", "e1", 5, "Rome", False, "Paris", False),
         ("a", "last", "r1", 1, "Rome", False, "Paris", False),
         ("b", "last", "e1", 7, "yen!", True, "yen", True),
         ("b", "last", "e1", 2, "euro", False, "yen", True)],
        columns=["query_id", "query_set", "key", "layer", "generation", "correct", "baseline_generation",
                 "baseline_correct"],
    )  # fmt: skip
    proj = pd.DataFrame(
        [("a", 6, "attn", 0, 5), ("a", 8, "attn", 0, 0), ("a", 8, "mlp", 3, 0), ("a", 2, "mlp", 1, 0),
         ("b", 1, "mlp", 9, 4)],
        columns=["query_id", "layer", "sublayer", "e2_rank", "predicted_rank"],
    )  # fmt: skip
    stages = stage_layers(
        ps, ko, proj, groups={"a": "incorrect", "b": "correct"}, knockout_rule="paper"
    ).set_index("query_id")
    assert stages.loc["a", "first_hop"] == 2
    assert stages.loc["a", "propagation"] == pytest.approx((5 + 6 + 4) / 3)
    assert stages.loc["a", "second_hop"] == 7
    assert stages.loc["a", "extraction"] == 2
    assert pd.isna(stages.loc["b", "first_hop"]) and stages.loc["b", "propagation"] == 2
    assert stages.loc["b", "propagation_parts"] == 1
    summary = stage_summary(stages.reset_index()).set_index(["stage", "group"])
    assert summary.loc[("first_hop", "incorrect"), "found"] == 1
    assert summary.loc[("first_hop", "correct"), "found"] == 0
    assert decoded_layers(ps, "e3", "last").set_index("query_id").loc["a", "layers"] == [7, 9]
    with pytest.raises(MechhopError, match="sources 'e1' and 'last'"):
        stage_layers(ps[ps.source == "e1"])


# -- resumable runs -------------------------------------------------------------------------


def test_a_finished_run_is_not_recomputed(lm, tmp_path, monkeypatch):
    config = BackpatchingConfig(src_layers=(3,))
    first = backpatching(lm, tiny_queries(), config, out=tmp_path, progress=False)
    calls = []
    monkeypatch.setattr("mechhop.analyses.backpatching.run.run_variants", lambda *a, **k: calls.append(1))
    # a memory budget changes speed, not results: the same stored run
    faster = dataclasses.replace(config, memory_budget_gb=0.5)
    again = backpatching(lm, tiny_queries(), faster, out=tmp_path, progress=False)
    assert calls == [] and again.directory == first.directory
    assert_same_table(first.table, again.table)
    stored = load_result(first.directory)
    assert_same_table(stored.table, first.table)
    assert stored.meta["config"]["src_layers"] == [3] and "torch" in stored.meta["versions"]
    assert [q.id for q in stored.queries] == [q.id for q in tiny_queries()]


def test_a_folder_shared_by_two_query_sets_returns_only_the_queries_asked_for(lm, tmp_path):
    queries = tiny_queries()
    first, second = queries.subset([queries[0].id]), queries.subset([q.id for q in queries][1:])
    config = BackpatchingConfig(src_layers=(3,))
    a = backpatching(lm, first, config, out=tmp_path, progress=False)
    b = backpatching(lm, second, config, out=tmp_path, progress=False)
    assert a.directory == b.directory  # same settings, same folder
    assert set(a.table["query_id"]) == {queries[0].id}
    assert set(b.table["query_id"]) == {q.id for q in second}
    stored = load_result(a.directory)  # the folder holds both, and can reclassify both
    assert set(stored.table["query_id"]) == {q.id for q in queries}
    assert sorted(q.id for q in stored.queries) == sorted(q.id for q in queries)
    again = backpatching(lm, first, config, out=tmp_path, progress=False)
    assert_same_table(again.table, a.table)


CHILD = """
import sys, time
sys.path.insert(0, {root!r})
import mechhop.analyses.backpatching.run as bp
from mechhop.data.schema import TwoHopDataset
from tests.tiny_lm import make_tiny_lm, tiny_queries
import dataclasses
real = bp.run_variants
def slow(model, variants, config):
    time.sleep(0.4)  # so the parent can kill it mid-run
    return real(model, variants, config)
bp.run_variants = slow
base = tiny_queries()
queries = TwoHopDataset(dataclasses.replace(base[i % 3], id=f"u{{i:02d}}") for i in range(12))
bp.backpatching(make_tiny_lm(), queries, bp.BackpatchingConfig(src_layers=(3,)), out={out!r},
                progress=False, queries_per_call=1)
"""


def test_kill_9_resumes_without_losing_or_redoing_units(lm, tmp_path, monkeypatch):
    out = tmp_path / "runs"
    script = CHILD.format(root=str(ROOT), out=str(out))
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], env={**os.environ})
    deadline = time.time() + 120
    units = []
    while time.time() < deadline and len(units) < 4:
        units = list(out.glob("*/units/[!.]*.parquet"))
        time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    finished = {p.name for p in out.glob("*/units/[!.]*.parquet")}
    assert 4 <= len(finished) < 12, "the child must be killed mid-run"

    base = tiny_queries()
    queries = TwoHopDataset(dataclasses.replace(base[i % 3], id=f"u{i:02d}") for i in range(12))
    config = BackpatchingConfig(src_layers=(3,))
    assert load_result(next(out.iterdir())).table["query_id"].nunique() == len(finished)
    real, calls = mechhop.analyses.backpatching.run.run_variants, []

    def counting(model, variants, engine_config):
        calls.append(len(variants))
        return real(model, variants, engine_config)

    monkeypatch.setattr("mechhop.analyses.backpatching.run.run_variants", counting)
    resumed = backpatching(lm, queries, config, out=out, progress=False, queries_per_call=1)
    assert len(calls) == 12 - len(finished)  # only what the killed run had not stored
    monkeypatch.setattr("mechhop.analyses.backpatching.run.run_variants", real)
    fresh = backpatching(lm, queries, config, progress=False)
    assert_same_table(resumed.table, fresh.table)
    assert resumed.table.duplicated(["query_id", "position", "target", "src_layer", "tgt_layer"]).sum() == 0
    assert resumed.table["query_id"].nunique() == 12


def test_progress_counts_generations_within_an_engine_call(lm, capsys, monkeypatch):
    base = tiny_queries()
    queries = TwoHopDataset(dataclasses.replace(base[i % 3], id=f"p{i}") for i in range(4))
    moves: list[int] = []
    real = mechhop.analyses.backpatching.run.run_variants

    def spy(model, variants, engine):
        def advance(n):
            moves.append(n)
            engine.on_progress(n)

        return real(model, variants, dataclasses.replace(engine, max_batch=2, on_progress=advance))

    monkeypatch.setattr(mechhop.analyses.backpatching.run, "run_variants", spy)
    config = BackpatchingConfig(src_layers=(3,))
    result = backpatching(lm, queries, config, progress=True, queries_per_call=4)
    total = len(result.table)
    assert sum(moves) == total and len(moves) == total // 2  # one move per batch of 2, in one call
    bar = capsys.readouterr().err.replace("\r", "\n")
    assert f"{total}/{total} [" in bar and "gen/s" in bar
