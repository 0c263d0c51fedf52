"""The command line: exit codes, one-line errors, and a report rebuilt from stored runs."""

from __future__ import annotations

from typer.testing import CliRunner

from mechhop.backpatching import BackpatchingConfig, backpatching
from mechhop.cli import app
from mechhop.patchscopes import PatchscopesConfig, patchscopes
from tests.tiny_lm import make_tiny_lm, tiny_queries

runner = CliRunner()


def test_errors_are_one_line_with_a_hint_and_exit_2(tmp_path):
    result = runner.invoke(app, ["run", "backpatchin", "--ids", "q1"])
    assert result.exit_code == 2
    assert (
        "Unknown analysis 'backpatchin'" in result.output and "Did you mean 'backpatching'?" in result.output
    )
    assert "hint:" in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["report", str(tmp_path), "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2 and "error:" in result.output


def test_report_from_stored_runs(tmp_path):
    lm, queries = make_tiny_lm(), tiny_queries()
    bp = backpatching(lm, queries, BackpatchingConfig(src_layers=(3,)), out=tmp_path, progress=False)
    ps = patchscopes(lm, queries, PatchscopesConfig(decoding="greedy", seeds=(0,), tgt_layers=(0, 2)),
                     out=tmp_path, progress=False)  # fmt: skip
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", str(bp.directory), str(ps.directory), "-o", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "Back-patching" in html and "Patchscopes" in html and html.count("Plotly.newPlot") >= 2


def test_help_lists_commands_with_examples():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("demo", "evaluate", "run", "report", "models"):
        assert command in result.output
    assert "Example: mechhop demo" in runner.invoke(app, ["demo", "--help"]).output
    assert "smollm2-135m" in runner.invoke(app, ["models"]).output
