"""The package's layers: what each imports, old import paths, the registry, and the run-key rule."""

from __future__ import annotations

import dataclasses
import importlib
import subprocess
import sys
import types
import typing
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mechhop.analyses import registry
from mechhop.apps.cli import _config_of, _option_help, _parse_option, app
from mechhop.core.settings import role_of, run_key
from mechhop.errors import MechhopError

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("torch", "transformer_lens", "transformers")


def _modules_after(code: str, heavy: tuple[str, ...] = HEAVY) -> set[str]:
    """Heavy modules imported by ``code`` in a fresh interpreter."""
    probe = f"import sys\n{code}\nprint(','.join(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True)
    return {m for m in out.stdout.strip().splitlines()[-1].split(",") if m} if out.stdout.strip() else set()


def test_presentation_configs_and_cli_import_no_model_stack():
    code = (
        "import mechhop, mechhop.present.report, mechhop.present.plots, mechhop.analyses.registry\n"
        "import mechhop.analyses.stages, mechhop.engine.runs, mechhop.core.recipe, mechhop.apps.cli\n"
        "from mechhop.analyses.backpatching import BackpatchingConfig, rescue_rates, pair_comparison\n"
        "from mechhop.analyses.patchscopes import PatchscopesConfig, decoding_rates, placebo_table\n"
        "from mechhop.analyses.knockout import KnockoutConfig, summarize_knockout\n"
        "from mechhop.analyses.projection import ProjectionConfig, summarize_projection\n"
        "from mechhop import Recipe, Patch, Site"
    )
    assert _modules_after(code) == set()


def test_report_from_stored_runs_loads_no_model_stack(tmp_path):
    from mechhop.analyses.backpatching import BackpatchingConfig, backpatching
    from tests.tiny_lm import make_tiny_lm, tiny_queries

    run = backpatching(make_tiny_lm(), tiny_queries(), BackpatchingConfig(src_layers=(3,)), out=tmp_path,
                       progress=False)  # fmt: skip
    out = tmp_path / "r.html"
    code = (
        "from typer.testing import CliRunner\nfrom mechhop.apps.cli import app\n"
        f"r = CliRunner().invoke(app, ['report', {str(run.directory)!r}, '-o', {str(out)!r}])\n"
        "assert r.exit_code == 0, r.output"
    )
    assert _modules_after(code) == set()
    assert "Back-patching" in out.read_text()


def test_bad_options_fail_before_the_model_stack_or_pandas_loads(tmp_path):
    """Option errors come from the configs alone: no torch, no pandas (under 0.5 s in
    benchmarks/cli_latency.py)."""
    code = (
        "from typer.testing import CliRunner\nfrom mechhop.apps.cli import app\n"
        "for args in (['run', 'patchscopes', '--ids', 'q1', '--decoding', 'beam'],\n"
        "             ['run', 'patchscopes', '--ids', 'q1', '--target-prompt', 'no placeholder'],\n"
        "             ['evaluate', '-o', 'K.txt'], ['run', 'knockout', '--ids', 'q1', '--span', 'all']):\n"
        "    r = CliRunner().invoke(app, args)\n"
        "    assert r.exit_code == 2 and 'error: --' in r.output, (args, r.output)\n"
        f"r = CliRunner().invoke(app, ['report', {str(tmp_path)!r}])\n"
        "assert r.exit_code == 2 and 'is not a mechhop run directory' in r.output, r.output\n"
        "r = CliRunner().invoke(app, ['models'])\n"
        "assert r.exit_code == 0 and 'smollm2-135m' in r.output"
    )
    assert _modules_after(code, (*HEAVY, "pandas", "pyarrow")) == set()


def test_the_flat_layout_of_earlier_plans_is_gone():
    """No aliases: ``mechhop.backpatching`` and friends were never released; the layered paths are the API."""
    for old in ("backpatching", "plots", "recipe", "pipeline", "backend"):
        with pytest.raises(ModuleNotFoundError):
            importlib.import_module(f"mechhop.{old}")


def test_packages_give_their_main_names():
    from mechhop.engine import run_variants
    from mechhop.engine.sweep import run_variants as new
    from mechhop.models import load_model
    from mechhop.models.loading import load_model as new_load

    assert run_variants is new and load_model is new_load


# -- the registry ---------------------------------------------------------------------------
def _literal_values(config: type, field: str) -> tuple[str, ...] | None:
    inner = typing.get_type_hints(config)[field]
    if typing.get_origin(inner) in (typing.Union, types.UnionType):  # X | None
        inner = next(a for a in typing.get_args(inner) if a is not type(None))
    if typing.get_origin(inner) is tuple:
        inner = typing.get_args(inner)[0]
    return tuple(typing.get_args(inner)) if typing.get_origin(inner) is typing.Literal else None


@pytest.mark.parametrize("analysis", registry.ANALYSES, ids=registry.NAMES)
def test_every_option_help_lists_exactly_the_values_the_config_accepts(analysis):
    help_text = CliRunner().invoke(app, ["run", analysis.name, "--help"], terminal_width=400).output
    help_text = " ".join(help_text.split())
    for option in analysis.options():
        assert option.flag in help_text
        values = _literal_values(analysis.config, option.field)
        assert option.choices == values
        if values is None:
            continue
        assert f"{', '.join(values)}" in " ".join(_option_help(option).split())
        for value in values:  # each listed value is accepted by the option and the config
            if option.field == "keys":
                continue  # keys depend on the prompt: checked below
            given = {option.field: value}
            if option.field == "prompt" and value == "second_hop":
                given["keys"] = "e2,r2"  # the default keys are the two-hop prompt's
            config = _config_of(analysis, given)  # as `mechhop run` builds it
            assert value in str(getattr(config, option.field))
        with pytest.raises(MechhopError):  # and nothing else is
            _parse_option(option, "bogus")
    # the run command offers exactly the configurable fields
    fields = {f.name for f in dataclasses.fields(analysis.config) if f.metadata.get("cli", True)}
    assert {o.field for o in analysis.options()} == fields - {"pairs"}


def test_knockout_keys_follow_the_prompt():
    from mechhop.analyses.knockout import KnockoutConfig

    KnockoutConfig(prompt="second_hop", keys=("e2", "r2"))
    with pytest.raises(MechhopError):
        KnockoutConfig(prompt="second_hop", keys=("e1",))


def test_registry_entries_resolve_and_the_study_has_a_config_for_each():
    from mechhop.apps.pipeline import StudyConfig

    study_fields = {f.name for f in dataclasses.fields(StudyConfig)}
    for analysis in registry.ANALYSES:
        assert callable(analysis.runner()) and callable(analysis.report_section())
        assert analysis.name in study_fields
        assert isinstance(getattr(StudyConfig(), analysis.name), analysis.config)
    with pytest.raises(MechhopError, match="Did you mean 'knockout'"):
        registry.get("knockuot")


# -- one rule for run keys --------------------------------------------------------------------
@pytest.mark.parametrize("analysis", registry.ANALYSES, ids=registry.NAMES)
def test_run_keys_leave_out_speed_and_label_settings(analysis):
    config = analysis.config()
    key = run_key(config)
    for f in dataclasses.fields(config):
        assert (f.name in key) == (role_of(f) == "result"), f.name
    assert {role_of(f) for f in dataclasses.fields(config)} <= {"result", "speed", "label"}


def test_a_run_resumes_under_another_batch_size_and_matching_but_not_other_settings(tmp_path):
    from mechhop.analyses.backpatching import BackpatchingConfig, backpatching
    from tests.tiny_lm import make_tiny_lm, tiny_queries

    lm, queries = make_tiny_lm(), tiny_queries()[:1]
    first = backpatching(lm, queries, BackpatchingConfig(src_layers=(3,)), out=tmp_path, progress=False)
    same = BackpatchingConfig(src_layers=(3,), memory_budget_gb=0.5, matching="paper")
    other = BackpatchingConfig(src_layers=(2,))
    assert backpatching(lm, queries, same, out=tmp_path, progress=False).directory == first.directory
    assert backpatching(lm, queries, other, out=tmp_path, progress=False).directory != first.directory


# What only a backend may touch: the model library and the model object's internals.
_MODEL_INTERNALS = {
    "cfg", "blocks", "tokenizer", "W_E", "W_U", "embed", "unembed", "ln_final", "hook_dict",
    "to_tokens", "to_str_tokens", "run_with_cache", "run_with_hooks", "reset_hooks",
}  # fmt: skip


def _runtime_imports_and_internals(path: Path) -> list[str]:
    import ast

    tree = ast.parse(path.read_text())
    typing_only = {
        id(node)
        for block in ast.walk(tree)
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for node in ast.walk(block)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom) and id(node) not in typing_only:
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
            found += [f"imports {n}" for n in names if n.split(".")[0] == "transformer_lens"]
        if isinstance(node, ast.Attribute) and node.attr in _MODEL_INTERNALS:
            found.append(f"line {node.lineno}: .{node.attr}")
    return found


@pytest.mark.parametrize(
    "path",
    sorted(p for p in (ROOT / "mechhop").rglob("*.py") if "models" not in p.relative_to(ROOT).parts),
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_only_the_backend_reaches_the_model_library(path):
    """Engine, analyses, data, core and apps use the Backend protocol; TransformerLens stays in models/
    (where a TransformerBridge backend would be a second implementation)."""
    assert _runtime_imports_and_internals(path) == []


@pytest.mark.parametrize("path", sorted((ROOT / "mechhop" / "core").rglob("*.py")), ids=lambda p: p.name)
def test_core_imports_nothing_from_the_layers_above(path):
    """core is the bottom layer: models registers its backends with core, never the other way round."""
    import ast

    above = ("mechhop.models", "mechhop.engine", "mechhop.analyses", "mechhop.data", "mechhop.apps",
             "mechhop.present", "mechhop.workshop")  # fmt: skip
    tree = ast.parse(path.read_text())
    names = [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    names += [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    found = [name for name in names if name.startswith(above)]
    assert found == []
