"""The command line: exit codes, one-line errors, and a report rebuilt from stored runs."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from mechhop.analyses.backpatching import BackpatchingConfig, backpatching
from mechhop.analyses.patchscopes import PatchscopesConfig, patchscopes
from mechhop.apps.cli import app
from tests.conftest import assert_same_table
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


def test_data_build_composes_and_balances(tmp_path):
    from mechhop.data.compose import bundled_queries
    from mechhop.data.schema import TwoHopDataset

    out = tmp_path / "queries.csv"
    result = runner.invoke(app, ["data", "build", str(out), "--max-per-pair", "3"])
    assert result.exit_code == 0, result.output
    written = TwoHopDataset.read(out)
    assert [q.id for q in written] == [q.id for q in bundled_queries().balanced(3)]
    assert written.summary().iloc[:, -1].max() <= 3


def test_data_build_from_your_own_facts(tmp_path):
    from mechhop.data.compose import bundled_facts, compose

    facts = bundled_facts()
    facts = facts[facts["relation"].isin(["country", "capital"])]
    facts.to_csv(tmp_path / "facts.csv", index=False)
    out = tmp_path / "queries.jsonl"
    result = runner.invoke(app, ["data", "build", str(out), "--facts", str(tmp_path / "facts.csv")])
    assert result.exit_code == 0, result.output
    from mechhop.data.schema import TwoHopDataset

    written = TwoHopDataset.read(out)
    assert [q.id for q in written] == [q.id for q in compose(facts)] and len(written) > 100
    assert {(q.r1, q.r2) for q in written} == {("P17", "P36")}  # country, then capital


def test_data_info_reports_bad_rows_in_one_line(tmp_path):
    result = runner.invoke(app, ["data", "info"])
    assert result.exit_code == 0 and "32,832 valid queries" in result.output
    bad = tmp_path / "bad.csv"
    bad.write_text("e1,r1,e2,r2,e3\nParis,country,,capital,Paris\n")
    result = runner.invoke(app, ["data", "info", str(bad)])
    assert result.exit_code == 2 and "error:" in result.output and "e2" in result.output


def test_run_options_are_checked_before_any_model_loads():
    cases = [
        (["run", "backpatching", "--ids", "q1", "--window", "3"], "No such option: --window"),
        (["run", "patchscopes", "--ids", "q1", "--src-layers", "1:x"], "--src-layers '1:x'"),
        (["run", "knockout"], "Choose queries with --ids"),
        (["run", "projection", "--ids", "nope"], "Query ids not in 'bundled': ['nope']"),
        (["run", "knockout", "--ids", "q760518cdfd", "--keys", "e9"], "'e9'"),
        (
            ["run", "patchscopes", "--ids", "q760518cdfd", "--decoding", "gredy"],
            "'gredy' is not one of greedy, sample",
        ),
        (["run", "backpatching", "--ids", "q760518cdfd", "--src-layers", "20:10"], "gives no value"),
        (["run", "projection", "--ids", "q760518cdfd", "--group", "correct"], "with --ids they do nothing"),
        (["run", "knockout", "--ids", "q760518cdfd", "--prompt", "second_hop", "--keys", "e1"], "'e1'"),
        (["run", "knockout", "--knowledge", "k.jsonl"], "does not exist"),
        (["evaluate", "-o", "k.jsonl"], "use a .csv or .parquet file"),
    ]
    for args, message in cases:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert message in result.output and "loaded" not in result.output, (args, result.output)


def _knowledge(tmp_path):
    import pandas as pd

    table = pd.DataFrame(
        {
            "id": ["qfb6ee127fa", "q760518cdfd", "q047eace75a"],
            "usable": [True, True, False],
            "group": ["correct", "incorrect", "unusable"],
            "first_hop_correct": [True, True, False],
            "second_hop_correct": [True, True, True],
            "two_hop_correct": [True, False, False],
            "entity_shortcut_correct": [False, False, None],
            "relation_shortcut_correct": [False, False, None],
        }
    )
    path = tmp_path / "knowledge.parquet"
    table.to_parquet(path)
    return path


def test_queries_are_picked_from_a_knowledge_table(tmp_path):
    from mechhop.apps.cli import _chosen

    path = _knowledge(tmp_path)
    chosen, groups, table = _chosen(None, path, "incorrect", None, 0, "bundled")
    assert [q.id for q in chosen] == ["q760518cdfd"] and len(table) == 3
    assert groups == {"qfb6ee127fa": "correct", "q760518cdfd": "incorrect"}  # usable ones only
    chosen, _, _ = _chosen(None, path, None, 1, 0, "bundled")
    assert len(chosen) == 1 and chosen[0].id in groups
    path.with_suffix(".csv").write_text(path.read_bytes().hex())  # not a table
    result = runner.invoke(app, ["run", "knockout", "--knowledge", str(path.with_suffix(".csv"))])
    assert result.exit_code == 2 and "lacks column" in result.output


def test_queries_whose_prompt_names_the_answer_are_not_picked(tmp_path):
    import pandas as pd

    from mechhop.apps.cli import _chosen

    path = _knowledge(tmp_path)
    table = pd.read_parquet(path).assign(answer_in_prompt=[True, False, False])
    table.to_parquet(path)
    chosen, groups, _ = _chosen(None, path, None, None, 0, "bundled")
    assert [q.id for q in chosen] == ["q760518cdfd"] and groups == {"q760518cdfd": "incorrect"}
    result = runner.invoke(app, ["run", "knockout", "--knowledge", str(path), "--group", "correct"])
    assert result.exit_code == 2 and "no usable correct query" in result.output


@pytest.mark.real
def test_run_with_options_on_smollm2_shows_progress_and_writes_a_report(tmp_path):
    from mechhop.engine.runs import load_result

    args = ["run", "backpatching", "--knowledge", str(_knowledge(tmp_path)), "--group", "incorrect",
            "--positions", "last", "--src-layers", "25", "--tgt-layers", "10,12", "--out", str(tmp_path),
            "--report", str(tmp_path / "r.html")]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert re.search(r"\d\d:\d\d<\d\d:\d\d", result.output), "a progress bar with elapsed<remaining time"
    table = load_result(next(tmp_path.glob("backpatching-*"))).table
    assert sorted(table["query_id"].unique()) == ["q760518cdfd"]  # the one usable incorrect query
    assert sorted(zip(table["src_layer"], table["tgt_layer"], strict=True)) == [(25, 10), (25, 12)]
    assert set(table["position"]) == {"last"}
    html = (tmp_path / "r.html").read_text()
    assert "Plotly.newPlot" in html and "Knowledge filtering was not run" not in html

    # greedy Patchscopes with one seed, from the same table; then the report rebuilt with groups
    args = ["run", "patchscopes", "--knowledge", str(_knowledge(tmp_path)), "--decoding", "greedy",
            "--positions", "e1", "--src-layers", "5", "--tgt-layers", "0:4:2",
            "--out", str(tmp_path)]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    ps = load_result(next(tmp_path.glob("patchscopes-*"))).table
    assert len(ps) == 2 * 2 and set(ps["seed"]) == {0}
    runs = [str(p) for p in tmp_path.glob("*-*") if p.is_dir()]
    out = tmp_path / "rebuilt.html"
    result = runner.invoke(app, ["report", *runs, "--knowledge", str(_knowledge(tmp_path)), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "No groups given" not in out.read_text()


def test_data_build_in_the_relation_after_entity_form_capped_per_bridge(tmp_path):
    from mechhop.data.schema import TwoHopDataset

    out = tmp_path / "after.parquet"
    args = ["data", "build", str(out), "--r2-form", "after", "--max-per-bridge", "2"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    written = TwoHopDataset.read(out)
    assert {q.r2_form for q in written} == {"after"} and written.bridges()["queries"].max() <= 2
    assert not any(q.two_hop_prompt.endswith(" is") for q in written if q.r2_type == "spouse")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["data", "build", "x.csv", "--r2-form", "sideways"], "--r2-form must be one of before, after"),
        (
            ["run", "backpatching", "--ids", "q1", "--matching", "exact"],
            "--matching: 'exact' is not one of word",
        ),
        (["run", "knockout", "--ids", "q1", "--source", "placebo"], "No such option: --source"),
        (
            ["run", "backpatching", "--ids", "q1", "--source", "other"],
            "'other' is not one of query, forward, placebo",
        ),
        (["evaluate", "-o", "k.parquet", "--matching", "Word"], "--matching: Unknown answer matching 'Word'"),
        (["run", "projection", "--ids", "q760518cdfd", "--shard", "3/2"], "Shard 3/2: give i/n"),
        (["run", "projection", "--ids", "q760518cdfd", "--shard", "half"], "--shard 'half': give i/n"),
        (["run", "projection", "--ids", "q760518cdfd", "--dtype", "float8"], "--dtype 'float8': use one of"),
        # --ray alone (a local cluster) is followed by another option: parsed, then that option refused
        (["run", "projection", "--ray", "--dtype", "fp16", "--ids", "q760518cdfd"], "--dtype 'fp16'"),
        (["merge", "nowhere"], "nowhere is not a mechhop run directory"),
    ],
)
def test_new_options_are_checked_before_the_model_loads(args, message, monkeypatch):
    import mechhop.apps.cli

    def no_model(*args, **kwargs):
        raise AssertionError("the model must not load for a bad option")

    monkeypatch.setattr(mechhop.apps.cli, "_model", no_model)
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


@pytest.mark.real
def test_shards_and_ray_from_the_command_line_equal_one_run(tmp_path):
    """`--shard i/n` then `mechhop merge`, and `--ray` (a local cluster whose actors reload the
    embedded model by name), each give the single run's table."""
    from mechhop.engine.runs import load_result

    base = ["run", "projection", "--ids", "q760518cdfd,q614a4c30e1,q5a9a3661c7", "--batch-size", "1"]
    assert runner.invoke(app, [*base, "--out", str(tmp_path / "one")]).exit_code == 0
    single = load_result(next((tmp_path / "one").glob("projection-*")))
    for i in range(2):
        result = runner.invoke(app, [*base, "--out", str(tmp_path / f"s{i}"), "--shard", f"{i}/2"])
        assert result.exit_code == 0 and f"shard {i}/2 done" in result.output, result.output
    shards = [str(next((tmp_path / f"s{i}").glob("projection-*"))) for i in range(2)]
    result = runner.invoke(app, ["merge", *shards, "-o", str(tmp_path / "merged")])
    assert result.exit_code == 0, result.output
    merged = load_result(next((tmp_path / "merged").glob("projection-*")))
    assert_same_table(merged.table, single.table)

    pytest.importorskip("ray")
    result = runner.invoke(app, [*base, "--out", str(tmp_path / "ray"), "--ray"])
    assert result.exit_code == 0, result.output
    spread = load_result(next((tmp_path / "ray").glob("projection-*")))
    assert_same_table(spread.table, single.table)
