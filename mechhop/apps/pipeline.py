"""The whole study in one call: filter queries by what the model knows, run every analysis, report.

``run_study`` is what ``mechhop demo`` runs: knowledge filtering of a
sample of queries (docs/method/index.md), a pick of composition-correct and -incorrect usable queries
capped per bridge entity (most usable bundled queries go through one country), back-patching
(docs/method/backpatching.md) with its placebo (docs/method/controls.md), Patchscopes
(docs/method/patchscopes.md), attention knockout (docs/method/knockout.md), sublayer projection
(docs/method/projection.md), stages (docs/method/stages.md), and the HTML report. One answer
matching mode reaches every check. Every
step stores its results under ``out`` and resumes when run again.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from mechhop.analyses import registry
from mechhop.analyses.backpatching import (
    CONTROLS,
    EITHER,
    BackpatchingConfig,
    Source,
    backpatching,
    control_claims,
    control_comparison,
    rescue_rates,
)
from mechhop.analyses.knockout import KnockoutConfig
from mechhop.analyses.patchscopes import PatchscopesConfig
from mechhop.analyses.projection import ProjectionConfig
from mechhop.analyses.stages import stage_layers, stage_statistics
from mechhop.data.knowledge import evaluate_knowledge, usable_rows
from mechhop.data.matching import DEFAULT_MATCHING, Matching
from mechhop.data.sampling import pick_groups
from mechhop.data.schema import TwoHopDataset
from mechhop.engine.runs import AnalysisResult
from mechhop.present.report import build_report

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike
    from mechhop.engine.executors import Executor


@dataclass(frozen=True)
class StudyConfig:
    """What :func:`run_study` runs. ``evaluate``: how many queries to filter (a random sample;
    None = all); ``per_group``: usable queries analysed per composition group, at most
    ``max_per_bridge`` through one bridge entity (None: no cap); ``matching``: the answer
    matching mode of every check (it overrides the analysis configs'); ``controls``: back-patching's
    same-size controls to run beside it (docs/method/controls.md): the forward control and the
    placebo donors, on the same grid."""

    evaluate: int | None = 600
    per_group: int = 2
    seed: int = 0
    max_per_bridge: int | None = 2
    matching: Matching = DEFAULT_MATCHING
    controls: tuple[Source, ...] = CONTROLS
    backpatching: BackpatchingConfig = field(default_factory=BackpatchingConfig)
    patchscopes: PatchscopesConfig = field(
        default_factory=lambda: PatchscopesConfig(decoding="greedy", seeds=(0,), tgt_layers=None)
    )
    knockout: KnockoutConfig = field(default_factory=KnockoutConfig)
    projection: ProjectionConfig = field(default_factory=ProjectionConfig)


@dataclass(frozen=True, eq=False)
class Study:
    knowledge_counts: dict[str, int]
    groups: dict[str, str]
    results: dict[str, AnalysisResult]
    stages: pd.DataFrame | None
    report: Path
    seconds: dict[str, float]

    def headline(self) -> str:
        c = self.knowledge_counts
        lines = [
            f"queries evaluated: {c.get('queries')}, usable: {c.get('usable')} ({c.get('usable_correct')} "
            f"correct, {c.get('usable_incorrect')} incorrect); analysed: {len(self.groups)}"
        ]
        if "backpatching" in self.results:
            lines += backpatching_headline(self.results, self.groups)
        if self.stages is not None:
            for r in stage_statistics(self.stages).itertuples():
                if r.found:
                    lines.append(f"{r.stage:12s} {r.group:9s} median layer {r.median:.1f} "
                                 f"[{r.ci_low:.1f}, {r.ci_high:.1f}] ({r.found}/{r.queries})")  # fmt: skip
        lines.append(f"report: {self.report}")
        return "\n".join(lines)


def backpatching_headline(results: Mapping[str, AnalysisResult], groups: Mapping[str, str]) -> list[str]:
    """One line per group and position: the oracle rescue rate beside each control's, then the
    primary test's effect, interval, p, detectable difference and verdict (docs/method/controls.md)."""
    table = results["backpatching"].table
    controls: dict[str, pd.DataFrame] = {
        c: results[f"backpatching_{c}"].table for c in CONTROLS if f"backpatching_{c}" in results
    }
    runs: dict[str, pd.DataFrame] = {"real": table, **controls}
    rates = {name: rescue_rates(t, groups) for name, t in runs.items()}
    key = ["group", "position", "target"]
    indexed = {name: r.set_index(key) for name, r in rates.items()}
    lines = []
    for row in rates["real"][rates["real"]["position"] != EITHER].itertuples():
        at = (row.group, row.position, row.target)
        line = (f"back-patching at {row.position} rescues {row.rescued}/{row.queries} {row.group} queries "
                f"({row.rate:.0%}, 95% CI {row.ci_low:.0%}-{row.ci_high:.0%})")  # fmt: skip
        for name in controls:
            c = indexed[name].loc[at]
            line += f"; {name} control {int(c.rescued)}/{int(c.queries)} ({c.rate:.0%})"
        lines.append(line)
    queries = results["backpatching"].queries
    bridges = None if queries is None else {q.id: q.bridge for q in queries}  # intervals resample bridges
    summaries = {}
    for name, control in controls.items():
        _, summary = control_comparison(table, control, groups, bridges)
        summaries[name] = summary
        for r in summary.itertuples():
            # one bridge gives no interval and no power: said in words, not "nan"
            interval = (f"[{r.mean_ci_low:+.3f}, {r.mean_ci_high:+.3f}]" if math.isfinite(r.mean_ci_high)
                        else "(no interval: fewer than two bridges)")  # fmt: skip
            power = f"{r.mean_detectable:.3f}" if math.isfinite(r.mean_detectable) else "n/a"
            lines.append(
                f"  primary test (amendment 1), {r.group} at {r.position} vs {name}: n={r.queries} in "
                f"{r.bridges} bridge{'' if r.bridges == 1 else 's'}, mean share of pairs "
                f"{r.real_share_mean:.3f} vs {r.control_share_mean:.3f}, "
                f"difference {r.mean_difference:+.3f} {interval}, p={r.mean_p:.3g}, detectable {power}: "
                f"{r.amended_verdict} (registered median rule: {r.verdict})"
            )
    if summaries:
        registered = control_claims(summaries).set_index(key)["claim"]
        for r in control_claims(summaries, "amended_verdict").itertuples():
            lines.append(f"  back-patching rescues {r.group} queries at {r.position}: {r.claim} "
                         f"(registered rule: {registered.loc[(r.group, r.position, r.target)]})")  # fmt: skip
    return lines


def run_study(
    model: ModelLike,
    queries: TwoHopDataset,
    out: str | Path,
    config: StudyConfig | None = None,
    progress: bool = True,
    executor: Executor | None = None,
) -> Study:
    """Filter ``queries`` on ``model``, analyse a balanced sample of usable ones, write the report.

    ``executor`` (e.g. :class:`~mechhop.engine.ray_executor.RayExecutor`) computes the analyses'
    units on workers; filtering runs here."""
    config = config or StudyConfig()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    sample = queries if config.evaluate is None else queries.sample(config.evaluate, config.seed)
    knowledge = evaluate_knowledge(model, sample, prune=True, progress=progress, matching=config.matching,
                                   cache_path=out / "knowledge-outputs.jsonl")  # fmt: skip
    seconds["knowledge"] = time.perf_counter() - start
    groups = pick_groups(knowledge.table, config.per_group, config.seed, sample, config.max_per_bridge)
    chosen = queries.subset(groups)
    pool = sample.subset(usable_rows(knowledge.table)["id"])  # placebo donors: any usable query

    results: dict[str, AnalysisResult] = {}

    def timed(name: str, step: Callable[[], AnalysisResult]) -> None:
        begin = time.perf_counter()
        results[name] = step()
        seconds[name] = time.perf_counter() - begin

    for analysis in registry.ANALYSES:  # one StudyConfig field per analysis, named after it
        settings = getattr(config, analysis.name)
        if analysis.matching:
            settings = replace(settings, matching=config.matching)
        run = analysis.runner()
        timed(analysis.name, lambda: run(model, chosen, settings, out=out, progress=progress,  # noqa: B023
                                         executor=executor))  # fmt: skip
    for control in config.controls:
        settings = replace(config.backpatching, matching=config.matching, source=control)
        timed(
            f"backpatching_{control}",
            lambda settings=settings: backpatching(  # type: ignore[misc]
                model, chosen, settings, out=out, progress=progress, donor_pool=pool, executor=executor
            ),
        )
    tables = [results[name].table for name in ("patchscopes", "knockout", "projection")]
    stages = stage_layers(tables[0], tables[1], tables[2], groups)
    stages.to_parquet(out / "stages.parquet")
    by_name: dict[str, Any] = results  # build_report's keyword arguments are named after the analyses
    report = build_report(out / "report.html", knowledge=knowledge.counts, groups=groups, stages=stages,
                          **by_name)  # fmt: skip
    seconds["total"] = time.perf_counter() - start
    (out / "study.json").write_text(json.dumps(
        {"config": asdict(config), "knowledge": knowledge.counts, "groups": groups, "seconds": seconds},
        indent=2, default=str,
    ))  # fmt: skip
    return Study(knowledge.counts, groups, results, stages, report, seconds)
