"""The figures of the method pages (docs/method/*.md), drawn from real runs, never by hand.

Writes five PNG files to docs/figures/ with mechhop's own plotting functions (mechhop.present.plots):

- ``backpatching.png``: per query, the share of back-patching pairs that succeed, real against the
  forward and the placebo control, from the second re-runs' ``benchmarks/results/rerun-*/per-query.parquet``
  with the primary test's verdicts from their ``summary.json`` (no model needed).
- ``stages.png``: ``stage_boxplot`` of the stored SmolLM2-135M re-run
  ``benchmarks/results/reproduce-smollm2-135m-stages.parquet`` (no model needed).
- ``patchscopes.png``: ``query_explorer`` of one composition-correct query of that re-run
  (qb13b631733, "the capital of the country of Okayama is"), Patchscopes run here on SmolLM2-135M
  with the re-run's settings (description prompt, greedy, one seed, every source layer x target
  layers 0, 3, ..., 27, sources t1 and t2).
- ``knockout.png``: ``knockout_curves`` of attention knockout run here on SmolLM2-135M, last -> e1 / r1 / r2,
  window 3, window centres 0, 3, ..., 27, on 4 composition-correct and 4 -incorrect queries of the
  re-run (the first four ids of each group).
- ``projection.png``: ``projection_curves`` of sublayer projection run here on SmolLM2-135M on all 50
  queries of the re-run.

Answer matching is ``"word"`` throughout. The three runs are stored under runs/docs-figures/ (git-ignored)
and resume, so a second call only redraws (about 10 s). From scratch about 2.5 minutes on a 2-core CPU
with a warm model cache (Patchscopes 82 s, knockout 44 s, projection 8 s, loading 6 s).

    python scripts/docs_figures.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

import mechhop
from mechhop.analyses.knockout import KnockoutConfig, knockout
from mechhop.analyses.patchscopes import PatchscopesConfig, patchscopes
from mechhop.analyses.projection import ProjectionConfig, sublayer_projection
from mechhop.data.compose import bundled_queries
from mechhop.present.plots import (
    GROUP_COLORS,
    TEMPLATE,
    knockout_curves,
    projection_curves,
    query_explorer,
    save_figure,
    stage_boxplot,
)

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
FIGURES = ROOT / "docs" / "figures"
RUNS = ROOT / "runs" / "docs-figures"
MODEL = "smollm2-135m"
PATCHSCOPES_QUERY = "qb13b631733"  # correct; e2 (Japan) from t1 at layer 3, e3 (Tokyo) from t2 at layer 23
KNOCKOUT_PER_GROUP = 4
SCALE = 1.5  # PNG pixels per layout pixel


RERUNS = {"smollm2-135m": "SmolLM2-135M", "gemma-3-270m": "Gemma-3-270M"}
POSITIONS = {"e1": "t1", "last": "t2"}


def backpatching_figure() -> go.Figure:
    """Per query, the share of layer pairs whose generation names e3: real back-patching (y) against
    each same-size control (x), one row per re-run and control, one column per position, each panel
    titled with Amendment 1's verdict for the incorrect queries and the registered rule's beside it
    (benchmarks/results/rerun-*/)."""
    runs = {m: RESULTS / f"rerun-{m}" for m in RERUNS if (RESULTS / f"rerun-{m}" / "summary.json").exists()}
    rows = [(m, c) for m in runs for c in ("forward", "placebo")]
    titles = []
    for model, control in rows:
        summary = json.loads((runs[model] / "summary.json").read_text())["amendment_1"][control]
        for position, where in POSITIONS.items():
            row = next(r for r in summary if r["group"] == "incorrect" and r["position"] == position)
            titles.append(f"{RERUNS[model]}, {where}, vs {control}<br><sup>incorrect, n = {row['queries']}: "
                          f"mean diff {row['mean_difference']:+.3f} "
                          f"[{row['mean_ci_low']:+.3f}, {row['mean_ci_high']:+.3f}], "
                          f"p = {row['mean_p']:.2g}<br>{row['amended_verdict']} "
                          f"(registered rule: {row['verdict']})</sup>")  # fmt: skip
    fig = make_subplots(rows=len(rows), cols=2, subplot_titles=titles, horizontal_spacing=0.1,
                        vertical_spacing=0.4 / max(1, len(rows)))  # fmt: skip
    rng = np.random.default_rng(0)
    for r, (model, control) in enumerate(rows, start=1):
        table = pd.read_parquet(runs[model] / "per-query.parquet")
        table = table[(table["control"] == control) & (table["target"] == "original")]
        for c, position in enumerate(POSITIONS, start=1):
            for group in ("correct", "incorrect"):
                sub = table[(table["position"] == position) & (table["group"] == group)]
                jitter = rng.uniform(-0.006, 0.006, size=(2, len(sub)))  # separates tied queries
                fig.add_trace(
                    go.Scatter(
                        x=sub["control_share"] + jitter[0], y=sub["real_share"] + jitter[1], mode="markers",
                        name=group, legendgroup=group, showlegend=r == c == 1,
                        marker={"color": GROUP_COLORS[group], "size": 7, "opacity": 0.7,
                                "line": {"width": 0.5, "color": "white"}},
                    ),
                    row=r, col=c,
                )  # fmt: skip
            fig.add_trace(
                go.Scatter(x=[0, 1], y=[0, 1], mode="lines", showlegend=False,
                           line={"color": "#888", "dash": "dot", "width": 1}),
                row=r, col=c,
            )  # fmt: skip
            fig.update_xaxes(
                title_text=f"{control} control: share of pairs", range=[-0.03, 1.03], row=r, col=c
            )
            fig.update_yaxes(title_text="real: share of pairs", range=[-0.03, 1.03], row=r, col=c)
    fig.update_layout(
        template=TEMPLATE, width=1000, height=450 * len(rows) + 160, legend={"orientation": "h", "y": -0.07},
        margin={"t": 175},
        title={"y": 0.975, "yref": "container", "yanchor": "top",
               "text": "Back-patching per query against its same-size controls"
               "<br><sup>share of layer pairs (src > tgt) whose 10 greedy tokens name e3; dotted: equal"
               "<br>verdicts: Amendment 1 (a re-analysis of these runs), the registered rule's in "
               "brackets</sup>"},
    )  # fmt: skip
    return fig


def main() -> None:
    start = time.perf_counter()
    timings: dict[str, float] = {}

    def lap(name: str, since: float) -> float:
        timings[name] = time.perf_counter() - since
        print(f"{name}: {timings[name]:.1f} s", flush=True)
        return time.perf_counter()

    FIGURES.mkdir(parents=True, exist_ok=True)
    now = time.perf_counter()
    save_figure(backpatching_figure(), FIGURES / "backpatching.png", scale=SCALE)
    stages = pd.read_parquet(RESULTS / f"reproduce-{MODEL}-stages.parquet")
    title = "Stages on SmolLM2-135M (30 layers): 25 composition-correct and 25 -incorrect usable queries"
    save_figure(stage_boxplot(stages, title=title), FIGURES / "stages.png", width=900, scale=SCALE)
    now = lap("stored tables: backpatching.png, stages.png", now)

    groups = dict(zip(stages["query_id"], stages["group"], strict=True))
    everything = bundled_queries()
    queries = everything.subset(groups)
    model = mechhop.load_model(MODEL)
    n_layers = model.cfg.n_layers
    now = lap("queries and model", now)

    ps_config = PatchscopesConfig(decoding="greedy", seeds=(0,), tgt_layers=tuple(range(0, n_layers, 3)))
    ps = patchscopes(model, everything.subset([PATCHSCOPES_QUERY]), ps_config, out=RUNS, progress=False)
    fig = query_explorer(PATCHSCOPES_QUERY, patchscopes=ps)
    fig.update_yaxes(tick0=0, dtick=3)  # the target layers computed: 0, 3, ..., 27
    save_figure(fig, FIGURES / "patchscopes.png", scale=SCALE)
    now = lap(f"patchscopes.png ({len(ps.table)} generations)", now)

    picked = stages.sort_values("query_id").groupby("group").head(KNOCKOUT_PER_GROUP)["query_id"]
    centres = tuple(range(0, n_layers, 3))
    ko_config = KnockoutConfig(keys=("e1", "r1", "r2"), layers=centres)
    ko = knockout(model, everything.subset(picked), ko_config, out=RUNS, progress=False)
    k = KNOCKOUT_PER_GROUP
    title = (f"Attention knockout last → e1 / r1 / r2 on SmolLM2-135M<br><sup>window 3 around centres "
             f"0, 3, ..., 27; {k} correct + {k} incorrect queries</sup>")  # fmt: skip
    fig = knockout_curves(ko, groups, title=title)
    fig.update_xaxes(tick0=0, dtick=3, title_text="layer (window centre)")
    save_figure(fig, FIGURES / "knockout.png", scale=SCALE)
    now = lap(f"knockout.png ({len(ko.table)} generations)", now)

    proj = sublayer_projection(model, queries, ProjectionConfig(), out=RUNS, progress=False)
    title = "Sublayer projection at t2, SmolLM2-135M (25 correct + 25 incorrect queries)"
    fig = projection_curves(proj, groups, title=title)
    fig.update_yaxes(range=[-0.01, 0.4])  # no rate reaches 0.4: the default 0..1 flattens the curves
    save_figure(fig, FIGURES / "projection.png", scale=SCALE)
    lap(f"projection.png ({len(proj.table)} rows)", now)
    print(f"total: {time.perf_counter() - start:.1f} s; figures in {FIGURES.relative_to(ROOT)}/")


if __name__ == "__main__":
    main()
