"""Plotly figures of the analyses' tables: values, blanks, hovers, facets, export (no model needed)."""

from __future__ import annotations

import importlib.util
import re

import pandas as pd
import plotly.graph_objects as go
import pytest

from mechhop.analyses.knockout import summarize_knockout
from mechhop.analyses.patchscopes import grid
from mechhop.analyses.projection import summarize_projection
from mechhop.analyses.stages import STAGES
from mechhop.errors import MechhopError
from mechhop.present import plots

GROUPS = {"a": "correct", "b": "incorrect", "c": "incorrect"}


def _backpatching() -> pd.DataFrame:
    # 3 layers, pairs src > tgt only; cell (2, 0) at "last": 2 of 3 succeed
    rows = [
        ("a", "last", 1, 0, "Yoko Ono is", True), ("b", "last", 1, 0, "Paris", False),
        ("c", "last", 1, 0, "Rome", False),
        ("a", "last", 2, 0, "Yoko Ono", True), ("b", "last", 2, 0, "Tokyo <b>yen</b>", True),
        ("c", "last", 2, 0, "Lima", False),
        ("a", "last", 2, 1, "no", False), ("b", "last", 2, 1, "no", False), ("c", "last", 2, 1, "no", False),
        ("a", "e1", 2, 0, "Ono", True), ("b", "e1", 2, 0, "x", False),
    ]  # fmt: skip
    frame = pd.DataFrame(
        rows, columns=["query_id", "position", "src_layer", "tgt_layer", "generation", "success"]
    )
    return frame.assign(target="original")


def _patchscopes() -> pd.DataFrame:
    rows = [
        # query, source, src, tgt, seed, label
        ("a", "e1", 0, 0, 0, "e1"), ("a", "e1", 0, 0, 1, "e2"), ("a", "e1", 1, 0, 0, "e2"),
        ("a", "e1", 1, 0, 1, "e2"), ("b", "e1", 0, 0, 0, "other"), ("b", "e1", 0, 0, 1, "e2"),
        ("b", "e1", 1, 0, 0, "other"), ("b", "e1", 1, 0, 1, "other"), ("a", "e1", 1, 1, 0, "e3"),
        ("a", "last", 0, 0, 0, "e2"), ("a", "last", 1, 1, 0, "e3"), ("b", "last", 1, 1, 0, "e3"),
        ("b", "last", 1, 0, 0, "other"),
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["query_id", "source", "src_layer", "tgt_layer", "seed", "label"])
    frame.insert(2, "target_prompt", "description")
    frame["generation"] = [
        f"{q}: gen {i} ({label})"
        for i, (q, label) in enumerate(zip(frame.query_id, frame.label, strict=True))
    ]
    return frame


def _cell(trace: go.Heatmap, x: int, y: int) -> tuple[float | None, str]:
    i, j = list(trace.y).index(y), list(trace.x).index(x)
    return trace.z[i][j], trace.text[i][j]


# -- layer x layer heatmaps ------------------------------------------------------------------


def test_heatmap_shares_blanks_hover_and_axes():
    table = _backpatching()
    fig = plots.layer_heatmap(table[table.position == "last"], "success")
    (trace,) = fig.data
    assert list(trace.x) == [1, 2] and list(trace.y) == [0, 1]
    assert _cell(trace, 1, 0)[0] == pytest.approx(1 / 3)
    assert _cell(trace, 2, 0)[0] == pytest.approx(2 / 3)
    assert _cell(trace, 2, 1)[0] == 0.0  # computed and never successful: 0, not blank
    z, text = _cell(trace, 1, 1)  # src_layer == tgt_layer: never computed
    assert z is None and text == ""
    _, hover = _cell(trace, 2, 0)
    assert "2 of 3 rows" in hover and "67%" in hover
    assert "✓ a: “Yoko Ono”" in hover
    assert "Tokyo &lt;b&gt;yen&lt;/b&gt;" in hover  # generations are escaped, not rendered as HTML
    assert hover.count("✓") + hover.count("✗") == 2  # at most two examples, hits first
    assert "Lima" not in hover
    assert fig.layout.xaxis.title.text == "src_layer" and fig.layout.yaxis.title.text == "tgt_layer"


def test_heatmap_of_a_label_equals_grid_and_counts_every_seed():
    table = _patchscopes()
    fig = plots.layer_heatmap(table[table.source == "e1"], "e2")
    (trace,) = fig.data
    # by hand: (0,0): a e2 once of 2 seeds, b once of 2 -> 2/4; (1,0): a 2 of 2, b 0 of 2 -> 2/4
    assert _cell(trace, 0, 0)[0] == pytest.approx(0.5)
    assert _cell(trace, 1, 0)[0] == pytest.approx(0.5)
    assert _cell(trace, 1, 1)[0] == 0.0
    assert _cell(trace, 0, 1)[0] is None  # no rows for (0, 1)
    expected = grid(table, "e2", "e1")  # rows src_layer, columns tgt_layer
    for src in expected.index:
        for tgt in expected.columns:
            value = expected.loc[src, tgt]
            assert (_cell(trace, src, tgt)[0] is None) == pd.isna(value)
            if not pd.isna(value):
                assert _cell(trace, src, tgt)[0] == pytest.approx(value)
    assert "seed 1 → e2" in _cell(trace, 0, 0)[1]


def test_heatmap_facets_by_column_and_group():
    table = _patchscopes()
    by_source = plots.layer_heatmap(table, "e3", facet="source")
    assert [t.name for t in by_source.data] == ["source=e1", "source=last"]
    assert _cell(by_source.data[1], 1, 1)[0] == 1.0  # both queries give e3 there from "last"
    both = plots.layer_heatmap(table, "e3", facet="source", groups=GROUPS)
    assert len(both.data) == 4  # groups x sources
    assert [t.name for t in both.data][:2] == ["group=correct, source=e1", "group=correct, source=last"]
    incorrect_last = both.data[3]
    assert _cell(incorrect_last, 1, 1)[0] == 1.0 and _cell(incorrect_last, 1, 0)[0] == 0.0
    assert _cell(incorrect_last, 0, 0)[0] is None  # only "a" (correct) has that cell
    only_groups = plots.layer_heatmap(table[table.source == "e1"], "e2", facet="group", groups=GROUPS)
    assert [t.name for t in only_groups.data] == ["group=correct", "group=incorrect"]
    assert _cell(only_groups.data[0], 1, 0)[0] == 1.0 and _cell(only_groups.data[1], 1, 0)[0] == 0.0


def test_heatmap_errors_say_what_to_do():
    table = _patchscopes()
    with pytest.raises(MechhopError, match=r"mixes source values \['e1', 'last'\].*facet='source'"):
        plots.layer_heatmap(table, "e2")
    with pytest.raises(MechhopError, match=r"\['src_layer'\].*patchscopes or backpatching"):
        plots.layer_heatmap(table.drop(columns="src_layer"), "e2", facet="source")
    with pytest.raises(MechhopError, match="Unknown label 'e4'"):
        plots.layer_heatmap(table, "e4", facet="source")
    with pytest.raises(MechhopError, match="not boolean"):
        plots.layer_heatmap(table, "seed", facet="source")
    with pytest.raises(MechhopError, match="needs groups"):
        plots.layer_heatmap(table, "e2", facet="group")
    with pytest.raises(MechhopError, match="none of the table's query ids"):
        plots.layer_heatmap(table, "e2", facet="source", groups={"zz": "correct"})
    with pytest.raises(MechhopError, match="no such column"):
        plots.layer_heatmap(table, "e2", facet="sauce")


# -- per-layer curves ------------------------------------------------------------------------


def _knockout() -> pd.DataFrame:
    rows = [
        ("a", "e1", 0, "x", False), ("b", "e1", 0, "base", False), ("c", "e1", 0, "y", False),
        ("a", "e1", 1, "base", False), ("b", "e1", 1, "base", False), ("c", "e1", 1, "z", False),
        ("a", "r1", 0, "base", False), ("b", "r1", 0, "q", False), ("c", "r1", 0, "base", False),
        ("a", "r1", 1, "w", False), ("b", "r1", 1, "q", False), ("c", "r1", 1, "v", False),
    ]  # fmt: skip
    frame = pd.DataFrame(rows, columns=["query_id", "key", "layer", "generation", "correct"])
    return frame.assign(
        prompt="two_hop", query_set="last", span="last_token", window=3, baseline_generation="base",
        baseline_correct=False, matters=False,
    )  # fmt: skip


def _curves(fig: go.Figure) -> dict[tuple, tuple[list, list]]:
    return {tuple(sorted(t.meta.items())): (list(t.x), list(t.y)) for t in fig.data}


def test_knockout_curves_equal_the_summary():
    table = _knockout()
    fig = plots.knockout_curves(table, GROUPS)
    summary = summarize_knockout(table, GROUPS)
    curves = _curves(fig)
    assert len(curves) == 4  # keys e1, r1 x groups
    for (group, key), sub in summary.groupby(["group", "key"]):
        xs, ys = curves[(("group", group), ("key", key))]
        assert xs == sub["layer"].tolist() and ys == pytest.approx(sub["share"].tolist())
    # by hand: incorrect (b, c) at e1: layer 0 only c changes -> 1/2
    assert curves[(("group", "incorrect"), ("key", "e1"))][1] == pytest.approx([0.5, 0.5])
    assert "matters" in fig.data[0].hovertemplate
    assert _curves(plots.knockout_curves(summary)) == curves  # a summary is taken as is
    with pytest.raises(MechhopError, match="query_set='all'"):
        plots.knockout_curves(table, query_set="all")


def test_projection_curves_equal_the_summary():
    table = pd.DataFrame(
        [("a", 0, "attn", 0, 3, 1), ("a", 0, "mlp", 2, 0, 0), ("a", 1, "attn", 0, 0, 0),
         ("a", 1, "mlp", 1, 1, 0), ("b", 0, "attn", 4, 0, 0), ("b", 0, "mlp", 0, 0, 2),
         ("b", 1, "attn", 0, 2, 0), ("b", 1, "mlp", 0, 0, 0)],
        columns=["query_id", "layer", "sublayer", "e2_rank", "e3_rank", "predicted_rank"],
    )  # fmt: skip
    summary = summarize_projection(table)
    curves = _curves(plots.projection_curves(table))
    assert len(curves) == 6  # 3 tokens x 2 sublayers
    for token in ("e2", "e3", "predicted"):
        for sublayer, sub in summary.groupby("sublayer"):
            xs, ys = curves[(("sublayer", sublayer), ("token", token))]
            assert xs == sub["layer"].tolist() and ys == pytest.approx(sub[f"{token}_top1_rate"].tolist())
    assert curves[(("sublayer", "attn"), ("token", "e2"))][1] == pytest.approx([0.5, 1.0])  # by hand
    grouped = plots.projection_curves(table, {"a": "correct", "b": "incorrect"}, measures=("e2",))
    assert {t.meta["group"] for t in grouped.data} == {"correct", "incorrect"} and len(grouped.data) == 4
    with pytest.raises(MechhopError, match="measures"):
        plots.projection_curves(table, measures=("e4",))


def test_decoding_rates_by_hand_and_curves_equal_them():
    table = _patchscopes()
    rates = plots.decoding_rates(table).set_index(["source", "label", "src_layer"])
    # e2 from e1: layer 0 -> a (seed 1) and b (seed 1) = 2/2; layer 1 -> a only = 1/2
    assert rates.loc[("e1", "e2", 0), ["queries", "decoded"]].tolist() == [2, 2]
    assert rates.loc[("e1", "e2", 1), "share"] == pytest.approx(0.5)
    # e3 from last: layer 0 -> only a has rows there, no e3: 0/1; layer 1 -> a and b = 2/2
    assert rates.loc[("last", "e3", 0), ["queries", "decoded"]].tolist() == [1, 0]
    assert rates.loc[("last", "e3", 1), "share"] == 1.0
    assert rates.loc[("last", "e2", 0), "share"] == 1.0  # over the 1 query with rows there, not 2
    curves = _curves(plots.decoding_curves(table))
    for (source, label), sub in plots.decoding_rates(table).groupby(["source", "label"]):
        xs, ys = curves[(("label", label), ("source", source))]
        assert xs == sub["src_layer"].tolist() and ys == pytest.approx(sub["share"].tolist())
    grouped = plots.decoding_rates(table, GROUPS).set_index(["group", "source", "label", "src_layer"])
    assert grouped.loc[("incorrect", "e1", "e2", 1), "share"] == 0.0
    assert len(plots.decoding_curves(table, GROUPS).data) == 8  # sources x labels x groups


# -- stages and one query --------------------------------------------------------------------


def test_stage_boxplot_one_trace_per_group_with_its_values():
    stages = pd.DataFrame(
        {
            "query_id": ["a", "b", "c", "d"],
            "group": ["correct", "incorrect", "incorrect", "correct"],
            "first_hop": [2.0, 4.0, None, 3.0],
            "propagation": [5.0, 6.5, 7.0, None],
            "propagation_parts": [3, 2, 1, 0],
            "second_hop": [None, None, None, None],
            "extraction": [9.0, 12.0, 11.0, 10.0],
        }
    )
    fig = plots.stage_boxplot(stages)
    assert [t.meta["group"] for t in fig.data] == ["correct", "incorrect"]
    assert all(isinstance(t, go.Box) for t in fig.data)
    for trace in fig.data:
        sub = stages[stages.group == trace.meta["group"]]
        for stage in STAGES:
            got = [y for x, y in zip(trace.x, trace.y, strict=True) if x == stage]
            assert got == sub[stage].dropna().tolist()
    assert fig.data[1].name == "incorrect (2 queries)"
    ticks = dict(zip(fig.layout.xaxis.tickvals, fig.layout.xaxis.ticktext, strict=True))
    assert "correct 2/2, incorrect 1/2" in ticks["first_hop"]
    assert "correct 0/2, incorrect 0/2" in ticks["second_hop"]  # kept even though no query reached it
    assert len(plots.stage_boxplot(stages.drop(columns="group")).data) == 1
    with pytest.raises(MechhopError, match=r"\['extraction'\].*stage_layers"):
        plots.stage_boxplot(stages.drop(columns="extraction"))


def test_query_explorer_grids_and_hover():
    ps, bp = _patchscopes(), _backpatching()
    fig = plots.query_explorer("a", patchscopes=ps, backpatching=bp)
    names = [t.name for t in fig.data]
    assert names == [
        "Patchscopes · source=e1", "Patchscopes · source=last",
        "back-patching · position=e1", "back-patching · position=last",
    ]  # fmt: skip
    e1 = fig.data[0]  # seed 0 by default: (0,0) e1, (1,0) e2, (1,1) e3
    assert _cell(e1, 0, 0)[0] == 0 and _cell(e1, 1, 0)[0] == 1 and _cell(e1, 1, 1)[0] == 2
    assert _cell(e1, 0, 1)[0] is None
    assert "label <b>e2</b>" in _cell(e1, 1, 0)[1] and "“a: gen 2 (e2)”" in _cell(e1, 1, 0)[1]
    seed1 = plots.query_explorer("a", patchscopes=ps, seed=1).data[0]
    assert _cell(seed1, 0, 0)[0] == 1  # seed 1 decodes e2 at (0, 0)
    last = fig.data[3]
    assert _cell(last, 2, 0)[0] == 1 and _cell(last, 2, 1)[0] == 0 and _cell(last, 1, 1)[0] is None
    assert "Yoko Ono" in _cell(last, 2, 0)[1]
    assert fig.data[0].coloraxis == "coloraxis" and fig.data[2].coloraxis == "coloraxis2"
    assert list(fig.layout.coloraxis.colorbar.ticktext) == ["e1", "e2", "e3", "other"]
    with pytest.raises(MechhopError, match="'zz' is not in the patchscopes table"):
        plots.query_explorer("zz", patchscopes=ps)
    with pytest.raises(MechhopError, match="seeds: \\[0, 1\\]"):
        plots.query_explorer("a", patchscopes=ps, seed=7)


# -- HTML and static export ------------------------------------------------------------------

_REMOTE_SCRIPT = re.compile(r"<script[^>]*\bsrc\s*=\s*[\"']?(https?:)?//", re.IGNORECASE)


def test_html_fragments_are_offline_and_carry_plotlyjs_once():
    fig = plots.stage_boxplot(
        pd.DataFrame({"query_id": ["a"], **{s: [1.0] for s in STAGES}, "propagation_parts": [1]})
    )
    bare = plots.to_html_fragment(fig, div_id="f1")
    assert 'id="f1"' in bare and "Plotly.newPlot" in bare
    assert not _REMOTE_SCRIPT.search(bare)
    assert len(bare) < 100_000  # no plotly.js inside
    full = plots.to_html_fragment(fig, include_plotlyjs=True)
    assert not _REMOTE_SCRIPT.search(full)
    assert len(full) > 1_000_000  # plotly.js inline
    page = plots.plotlyjs_script() + plots.to_html_fragment(fig) + plots.to_html_fragment(fig)
    assert not _REMOTE_SCRIPT.search(page)
    assert page.count("plotly.js v") == 1  # the library's banner, once per page
    assert plots.to_html_fragment(fig, div_id="f1") == bare  # reproducible with a div id


_KALEIDO = importlib.util.find_spec("kaleido") is not None


@pytest.mark.skipif(not _KALEIDO, reason="static export needs kaleido (pip install 'kaleido==0.2.1')")
def test_static_export_writes_png_and_svg(tmp_path):
    fig = plots.layer_heatmap(_backpatching(), "success", facet="position")
    png = plots.save_figure(fig, tmp_path / "out" / "heatmap.png")
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 1000
    svg = plots.save_figure(fig, tmp_path / "heatmap.svg", width=500, height=400)
    assert svg.read_text().lstrip().startswith("<svg")


def test_export_without_kaleido_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(plots, "_kaleido_version", lambda: None)
    fig = go.Figure(go.Scatter(x=[0, 1], y=[1, 0]))
    with pytest.raises(MechhopError, match=r"pip install 'kaleido==0.2.1'"):
        plots.save_figure(fig, tmp_path / "x.png")
    with pytest.raises(MechhopError, match=r"unknown format '\.bmp'"):
        plots.save_figure(fig, tmp_path / "x.bmp")
    page = plots.save_figure(fig, tmp_path / "x.html").read_text()  # HTML needs no kaleido
    assert "Plotly.newPlot" in page and not _REMOTE_SCRIPT.search(page)
