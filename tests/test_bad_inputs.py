"""Every bad input is one clear line: a MechhopError naming what is wrong and what to do.

Each case here was once a traceback, a foreign exception, a silent acceptance or an unclear
message (issue #12's list); nothing half-written may be left behind.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import mechhop
from mechhop import MechhopError, Patch, Recipe, RecipeError, Site, compile_recipe
from mechhop.apps.cli import app
from mechhop.core.backend import as_backend
from mechhop.data.schema import DatasetError, TwoHopDataset
from tests.tiny_lm import make_tiny_lm, tiny_queries

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _one_line_error(result, *needles: str) -> None:
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    error = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert len(error) == 1, result.output
    for needle in needles:
        assert needle in error[0], (needle, error[0])


@pytest.fixture(scope="module")
def lm():
    return make_tiny_lm()


# -- output folders --------------------------------------------------------------------------
def test_an_output_folder_under_a_file_is_refused_before_anything_runs(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cases = [
        (["run", "backpatching", "--ids", "q760518cdfd", "--out", str(blocker / "runs")], "--out"),
        (["evaluate", "-o", str(blocker / "k.parquet")], "--output"),
        (["data", "build", str(blocker / "q.csv")], "OUTPUT"),
        (["demo", "--out", str(blocker)], "--out"),
    ]
    for args, option in cases:
        result = runner.invoke(app, args)
        _one_line_error(result, option, "file")
        assert "loaded" not in result.output
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file"]  # nothing written


def test_the_python_api_reports_an_unwritable_run_folder(lm, tmp_path):
    from mechhop.analyses.backpatching import BackpatchingConfig, backpatching

    (tmp_path / "f").write_text("x")
    with pytest.raises(MechhopError, match="Cannot create the run folder"):
        backpatching(
            lm, tiny_queries()[:1], BackpatchingConfig(src_layers=(3,)), out=tmp_path / "f", progress=False
        )


# -- dataset files ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "content", "needle"),
    [
        ("empty.csv", b"", "is empty"),
        ("header.csv", b"id,e1,r1,e2,r2,e3\n", "has no rows"),
        ("binary.csv", bytes(range(256)) * 4, "not UTF-8 text"),
        ("bad.jsonl", b'{"id": "q1"}\n{not json\n', "line 2 is not valid JSON"),
        ("list.jsonl", b'{"id": "q1"}\n\n[1, 2]\n', "line 3 is a JSON list, not an object"),
        ("bad.parquet", b"PAR1 not really", "as .parquet"),
    ],
)
def test_unreadable_dataset_files_say_what_they_should_be(tmp_path, name, content, needle):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(DatasetError, match=needle) as info:
        TwoHopDataset.read(path)
    assert "\n" not in str(info.value) and str(path) in str(info.value)
    result = runner.invoke(app, ["data", "info", str(path)])
    _one_line_error(result, needle)


@pytest.mark.parametrize(
    ("device", "needle"),
    [("cuda", "no GPU is visible"), ("cuda:0", "no GPU is visible"), ("gpu", "Unknown device 'gpu'")],
)
def test_a_device_this_machine_lacks_is_one_line_before_loading(device, needle, monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)  # as on a CPU-only runtime
    with pytest.raises(MechhopError, match=needle) as info:
        mechhop.load_model("smollm2-135m", device=device)
    assert "\n" not in str(info.value)
    result = runner.invoke(app, ["run", "projection", "--device", device, "--ids", "q846bd5452e"])
    _one_line_error(result, needle)


def test_a_template_without_its_slot_is_refused_where_the_query_is_made():
    import dataclasses

    query = tiny_queries()[0]
    with pytest.raises(DatasetError, match=rf"Query {query.id}: r2_template .* exactly one"):
        dataclasses.replace(query, r2_template="the spouse of")


def test_an_unknown_query_id_says_how_to_list_the_valid_ones():
    result = runner.invoke(app, ["run", "projection", "--ids", "nope"])
    _one_line_error(result, "'nope'", "mechhop data info")


def test_an_empty_query_list_is_refused_by_every_analysis(lm):
    from mechhop.analyses import registry

    for analysis in registry.ANALYSES:
        with pytest.raises(MechhopError, match=r"at least one query|No queries given"):
            analysis.runner()(lm, [], analysis.config(), progress=False)


# -- recipes ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ("{", "invalid JSON"),
        ("[1, 2]", "must be a JSON object, got list"),
        ('{"schema": "mechhop.recipe", "version": 1, "steps": 3}', "steps must be a JSON list"),
        ('{"schema": "mechhop.recipe", "version": 1, "steps": [5]}', "step must be a JSON object"),
        ('{"schema": "mechhop.recipe", "version": 1, "steps": [], "nmae": "x"}', "unknown field(s) ['nmae']"),
    ],
)
def test_recipe_json_errors_are_recipe_errors(text, needle):
    with pytest.raises(RecipeError) as info:
        Recipe.from_json(text)
    assert needle in str(info.value)


def test_a_misspelt_recipe_field_is_refused_not_read_as_every_position():
    data = Recipe(Patch(Site("resid_post", 1, -1), source=Site("resid_post", 3, -1))).to_dict()
    site = data["steps"][0]["site"]
    site["postion"] = site.pop("position")
    with pytest.raises(RecipeError, match=r"unknown field\(s\) \['postion'\]; valid: kind, layer, position"):
        Recipe.from_dict(data)
    data["steps"][0]["site"] = {"kind": "resid_post", "layer": 1, "position": -1}
    data["steps"][0]["sorce"] = data["steps"][0].pop("source")
    with pytest.raises(RecipeError, match=r"Did you mean 'source'"):
        Recipe.from_dict(data)


def test_compile_recipe_given_a_model_says_what_to_pass(lm):
    recipe = Recipe(Patch(Site("resid_post", 1, -1), source=Site("resid_post", 3, -1)))
    with pytest.raises(
        RecipeError, match=r"takes a ModelSpec, got HookedTransformer; pass as_backend\(model\).spec"
    ):
        compile_recipe(recipe, lm)
    assert compile_recipe(recipe, as_backend(lm).spec).steps


# -- tokens and context ----------------------------------------------------------------------
def test_token_ids_outside_the_vocabulary_are_refused(lm):
    vocab = lm.cfg.d_vocab
    with pytest.raises(MechhopError, match=rf"token id\(s\) \[{vocab}\] outside this model's vocabulary"):
        mechhop.generate(lm, [[1, 2, vocab]], max_new_tokens=1)
    with pytest.raises(MechhopError, match=r"\[-1\]"):
        mechhop.encode(lm, [[-1, 2]])


def test_a_prompt_over_the_context_is_an_error_naming_both_lengths(lm):
    n_ctx = lm.cfg.n_ctx
    long_prompt = " ".join(["paris"] * (n_ctx + 5))
    with pytest.raises(
        MechhopError, match=rf"has {n_ctx + 5} tokens, more than this model's context of {n_ctx}"
    ):
        mechhop.encode(lm, [long_prompt])
    fits = " ".join(["paris"] * (n_ctx - 2))
    with pytest.raises(MechhopError, match=rf"plus 10 generated, more than this model's context of {n_ctx}"):
        mechhop.generate(lm, [fits], max_new_tokens=10)
    assert len(mechhop.generate(lm, [fits], max_new_tokens=2).texts) == 1  # it fits: it runs, uncut


def test_the_engine_refuses_variants_that_would_run_past_the_context(lm):
    from mechhop.engine.sweep import EngineConfig, PatchVariant, run_variants

    prompt = " ".join(["paris"] * (lm.cfg.n_ctx - 3))
    variant = PatchVariant(prompt, Site("resid_post", 0, -1), Site("resid_post", 2, -1))
    with pytest.raises(MechhopError, match="plus 10 generated"):
        run_variants(lm, [variant], EngineConfig(max_new_tokens=10, progress=False))


# -- models ----------------------------------------------------------------------------------
def test_a_transformer_lens_name_without_network_is_one_clear_error():
    code = (
        "import mechhop\n"
        "try:\n    mechhop.load_model('gpt2')\n"
        "except mechhop.MechhopError as e:\n    print('MECHHOP', e)\n"
    )
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_HOME": "/nonexistent-mechhop-test"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120)  # fmt: skip
    line = out.stdout.strip().splitlines()[-1] if out.stdout.strip() else out.stderr
    assert line.startswith("MECHHOP Could not download 'gpt2' from the Hugging Face Hub"), out.stderr[-2000:]
    assert "embedded model" in line


def test_a_model_too_large_for_memory_is_refused_before_its_weights_load(monkeypatch):
    from types import SimpleNamespace

    import torch

    from mechhop.models import loading

    cfg = SimpleNamespace(n_params=7_000_000_000, d_vocab=32000, d_model=4096)
    monkeypatch.setattr(loading, "available_memory", lambda device: 16 * 1024**3)
    with pytest.raises(MechhopError, match=r"needs about 5\d\.\d GiB .* cpu has 16\.0 GiB available"):
        loading.check_memory(cfg, torch.float32, "cpu", "meta-llama/Llama-2-7b-hf")
    monkeypatch.setattr(loading, "available_memory", lambda device: 64 * 1024**3)
    loading.check_memory(cfg, torch.bfloat16, "cpu", "meta-llama/Llama-2-7b-hf")  # 27 GiB: fits


@pytest.mark.real
def test_an_embedded_model_too_large_for_memory_fails_before_loading(monkeypatch):
    from mechhop.models import loading

    monkeypatch.setattr(loading, "available_memory", lambda device: 64 * 1024**2)
    with pytest.raises(MechhopError, match=r"smollm2-135m.*needs about 1\.\d GiB"):
        mechhop.load_model("smollm2-135m")


# -- stored runs -----------------------------------------------------------------------------
def test_a_corrupt_run_json_is_a_clear_error_for_report(lm, tmp_path):
    from mechhop.analyses.backpatching import BackpatchingConfig, backpatching

    run = backpatching(
        lm, tiny_queries()[:1], BackpatchingConfig(src_layers=(3,)), out=tmp_path, progress=False
    )
    (run.directory / "run.json").write_text('{"analysis": "backpa')
    result = runner.invoke(app, ["report", str(run.directory), "-o", str(tmp_path / "r.html")])
    _one_line_error(result, "run.json is corrupt", "rerun the analysis")
    (run.directory / "run.json").write_text(json.dumps([1, 2]))
    _one_line_error(runner.invoke(app, ["report", str(run.directory), "-o", str(tmp_path / "r.html")]),
                    "not a mechhop run description")  # fmt: skip
    assert not (tmp_path / "r.html").exists()
