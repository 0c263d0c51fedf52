"""Knowledge filtering: the paper's answer check, the usable split, resumable generation."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import mechhop
from mechhop.core.backend import as_backend
from mechhop.core.tokens import encode
from mechhop.data import knowledge
from mechhop.data.compose import bundled_queries
from mechhop.data.knowledge import answer_matches, classify, evaluate_knowledge, label_changes, reclassify
from mechhop.data.schema import PROMPT_NAMES, TwoHopDataset
from mechhop.engine import sweep

DATA = Path(__file__).parent / "data"


def dataset() -> TwoHopDataset:
    return TwoHopDataset.read(DATA / "two_hop_paper_format.csv")


def test_answer_check_is_the_papers():
    assert answer_matches(" Yoko\nOno, an artist", ["Yoko Ono"])
    assert answer_matches("TOKYO.", ["Tokyo"])
    assert not answer_matches("Kyoto", ["Tokyo"])
    assert not answer_matches("anything", [""])


def outputs_for(ds, **overrides):
    base = {}
    for q in ds:
        p = q.prompts()
        base[p["first_hop"]] = q.e2_label
        base[p["second_hop"]] = q.e3_label
        base[p["two_hop"]] = q.e3_label
        base[p["entity_shortcut"]] = "no idea"
        base[p["relation_shortcut"]] = "no idea"
    base.update(overrides)
    return base


def test_usable_split():
    ds = dataset()
    lennon, sushi = ds.by_id("17"), ds.by_id("42")
    table = classify(ds, outputs_for(ds)).set_index("id")
    assert table.loc["17", "group"] == "correct" and table.loc["42", "group"] == "correct"

    wrong_two_hop = outputs_for(ds, **{sushi.prompt_text("two_hop"): "Kyoto, the old capital"})
    assert classify(ds, wrong_two_hop).set_index("id").loc["42", "group"] == "incorrect"

    shortcut = outputs_for(ds, **{lennon.prompt_text("entity_shortcut"): "Yoko Ono Lennon"})
    row = classify(ds, shortcut).set_index("id").loc["17"]
    assert not row["usable"] and row["group"] == "unusable"

    alias = outputs_for(ds, **{lennon.prompt_text("first_hop"): "John Winston Lennon, the Beatle"})
    assert classify(ds, alias).set_index("id").loc["17", "first_hop_correct"]

    no_first_hop = outputs_for(ds, **{lennon.prompt_text("first_hop"): "Madonna"})
    assert not classify(ds, no_first_hop).set_index("id").loc["17", "usable"]


def test_a_query_that_names_its_answer_in_the_prompt_is_flagged_and_left_out_of_samples():
    """Copying e3 from the prompt passes the answer check without composing anything: such a query
    stays usable (the method's definition) but is not picked for analysis unless asked."""
    from mechhop.apps.pipeline import pick_groups

    bank = bundled_queries().subset(["qb3a821d495"]).by_id("qb3a821d495")
    assert bank.two_hop_prompt == "the country of the headquarters location of Bank of Japan is"
    ds = TwoHopDataset([bank, *dataset()])
    outputs = outputs_for(ds)
    for matching in ("word", "paper"):
        table = classify(ds, outputs, matching=matching)
        assert table["usable"].all() and table["answer_in_prompt"].tolist() == [True, False, False]
        assert knowledge.analysable_rows(table)["id"].tolist() == ["17", "42"]
        assert knowledge.knowledge_counts(table)["answer_in_prompt"] == 1
        assert sorted(pick_groups(table, 5, 0)) == ["17", "42"]
        assert sorted(pick_groups(table, 5, 0, keep_answer_in_prompt=True)) == ["17", "42", "qb3a821d495"]
    # a table stored before the flag has no such column: no count, rather than a false 0
    stored_before = classify(ds, outputs).drop(columns="answer_in_prompt")
    assert "answer_in_prompt" not in knowledge.knowledge_counts(stored_before)
    assert len(knowledge.analysable_rows(stored_before)) == 3


def test_missing_prompts_make_queries_unusable_only_when_allowed():
    ds = dataset()
    lennon = ds.by_id("17")
    outputs = outputs_for(ds)
    del outputs[lennon.prompt_text("relation_shortcut")]
    with pytest.raises(mechhop.MechhopError, match="No generation for prompt"):
        classify(ds, outputs)
    table = classify(ds, outputs, allow_missing=True).set_index("id")
    assert table.loc["17", "relation_shortcut_correct"] is pd.NA
    assert not table.loc["17", "usable"] and table.loc["42", "usable"]


def test_labels_recompute_from_stored_outputs_in_either_matching_mode():
    ds = dataset()
    lennon, sushi = ds.by_id("17"), ds.by_id("42")
    outputs = outputs_for(ds, **{sushi.prompt_text("first_hop"): "a Japanese dish",
                                 lennon.prompt_text("two_hop"): "Yoko Onomatopoeia"})  # fmt: skip
    word = classify(ds, outputs, matching="word")
    paper = classify(ds, outputs, matching="paper")
    assert not word.set_index("id").loc["42", "first_hop_correct"]
    assert paper.set_index("id").loc["42", "first_hop_correct"]
    assert word.set_index("id").loc["17", "group"] == "incorrect"
    assert paper.set_index("id").loc["17", "group"] == "correct"
    # the stored table alone (prompts and outputs) gives the other mode's labels
    assert reclassify(word, ds, "paper").equals(paper)
    assert reclassify(paper, ds, "word").equals(word)
    changes = label_changes(word, paper).set_index("check")
    assert changes.loc["first_hop"].tolist() == [1, 2, 0, 1, 1]
    assert changes.loc["usable_correct"].tolist() == [0, 2, 0, 2, 2]
    assert changes.loc["second_hop", "changed"] == 0


@pytest.mark.real
def test_pruned_evaluation_gives_the_same_usable_split(smol):
    ds = dataset()
    full = evaluate_knowledge(smol, ds, progress=False)
    pruned = evaluate_knowledge(smol, ds, progress=False, prune=True)
    assert pruned.table["group"].tolist() == full.table["group"].tolist()
    assert pruned.generations <= full.generations


@pytest.mark.real
def test_evaluation_on_smollm2_is_resumable(smol, tmp_path, monkeypatch):
    ds = dataset()
    cache = tmp_path / "gen.jsonl"
    first = evaluate_knowledge(smol, ds, batch_size=4, cache_path=cache, progress=False)
    assert first.generations == 10  # 5 prompts x 2 queries, all distinct
    row = first.table.set_index("id").loc["42"]
    assert row["first_hop_correct"] and row["first_hop_output"].startswith("Japan")
    lines = cache.read_text().splitlines()
    assert len(lines) == 11 and json.loads(lines[0])["model"] == "smollm2-135m"

    # simulate a kill mid-write: drop three results and cut the last line
    cache.write_text("\n".join(lines[:7]) + '\n{"prompt": "the cap')
    calls = []
    real_run = sweep.run_variants

    def counting(model, variants, config=None):
        calls.append(len(variants))
        return real_run(model, variants, config)

    monkeypatch.setattr(sweep, "run_variants", counting)
    again = evaluate_knowledge(smol, ds, batch_size=4, cache_path=cache, progress=False)
    assert sum(calls) == 4  # only the missing prompts are generated again
    assert again.table.equals(first.table)

    other = mechhop.MechhopError
    with pytest.raises(other, match="pass another cache_path"):
        evaluate_knowledge(smol, ds, max_new_tokens=5, cache_path=cache, progress=False)


@pytest.mark.real
def test_a_stored_table_spares_its_prompts_when_facts_grow(smol, monkeypatch):
    ds = dataset()
    one = ds.subset(["42"])
    before = evaluate_knowledge(smol, one, progress=False)
    known = knowledge.stored_outputs(before.table)
    assert len(known) == 5
    calls = []
    real_run = sweep.run_variants

    def counting(model, variants, config=None):
        calls.append([v.prompt for v in variants])
        return real_run(model, variants, config)

    monkeypatch.setattr(sweep, "run_variants", counting)
    grown = evaluate_knowledge(smol, ds, progress=False, reuse=known)
    generated = [p for batch in calls for p in batch]
    assert len(generated) == 5 and not set(generated) & set(known)  # only the new query's prompts
    assert grown.table.set_index("id").loc[["42"]].equals(before.table.set_index("id"))
    monkeypatch.setattr(sweep, "run_variants", real_run)
    assert grown.table.equals(evaluate_knowledge(smol, ds, progress=False).table)


def _plain_outputs(model, prompts, max_new_tokens=10, batch=16):
    """mechhop.generate over batches of prompts (batching does not change its outputs:
    tests/test_real_models.py::test_batched_generation_equals_unbatched)."""
    backend, prompts, out = as_backend(model), list(prompts), {}
    for start in range(0, len(prompts), batch):
        chunk = prompts[start : start + batch]
        texts = mechhop.generate(model, encode(backend, chunk), max_new_tokens=max_new_tokens).texts
        out.update(zip(chunk, texts, strict=True))
    return out


def test_filtering_generations_equal_the_plain_method_on_a_tiny_model():
    from tests.tiny_lm import make_tiny_lm, tiny_queries

    model = make_tiny_lm()
    prompts = [q.prompt_text(n) for q in tiny_queries() for n in PROMPT_NAMES]
    fast = knowledge.generate_outputs(model, prompts, batch_size=4, max_new_tokens=8, progress=False)
    assert fast == _plain_outputs(model, dict.fromkeys(prompts), max_new_tokens=8)


@pytest.mark.real
def test_filtering_generations_equal_the_plain_method_on_smollm2(smol):
    """The engine path of knowledge filtering against mechhop.generate on 60 bundled prompts of
    every kind."""
    queries = bundled_queries().sample(12, seed=3)
    prompts = [q.prompt_text(n) for q in queries for n in PROMPT_NAMES]
    fast = knowledge.generate_outputs(smol, prompts, batch_size=32, progress=False)
    assert fast == _plain_outputs(smol, dict.fromkeys(prompts))
