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
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from mechhop.analyses import registry
from mechhop.analyses.backpatching import EITHER, BackpatchingConfig, backpatching, rescue_rates
from mechhop.analyses.knockout import KnockoutConfig
from mechhop.analyses.patchscopes import PatchscopesConfig
from mechhop.analyses.projection import ProjectionConfig
from mechhop.analyses.stages import stage_layers, stage_statistics
from mechhop.data.knowledge import analysable_rows, evaluate_knowledge, usable_rows
from mechhop.data.matching import DEFAULT_MATCHING, Matching
from mechhop.data.schema import TwoHopDataset
from mechhop.engine.runs import AnalysisResult
from mechhop.errors import MechhopError
from mechhop.present.report import build_report

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike
    from mechhop.engine.executors import Executor


@dataclass(frozen=True)
class StudyConfig:
    """What :func:`run_study` runs. ``evaluate``: how many queries to filter (a random sample;
    None = all); ``per_group``: usable queries analysed per composition group, at most
    ``max_per_bridge`` through one bridge entity (None: no cap); ``matching``: the answer
    matching mode of every check (it overrides the analysis configs'); ``placebo``: also run
    back-patching's placebo (docs/method/controls.md)."""

    evaluate: int | None = 600
    per_group: int = 2
    seed: int = 0
    max_per_bridge: int | None = 2
    matching: Matching = DEFAULT_MATCHING
    placebo: bool = True
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
            placebo = self.results.get("backpatching_placebo")
            rates = rescue_rates(self.results["backpatching"].table, self.groups,
                                 placebo=placebo.table if placebo is not None else None)  # fmt: skip
            for r in rates[rates["position"] != EITHER].itertuples():
                line = (f"back-patching at {r.position} rescues {r.rescued}/{r.queries} {r.group} queries "
                        f"({r.rate:.0%}, 95% CI {r.ci_low:.0%}-{r.ci_high:.0%})")  # fmt: skip
                if placebo is not None:
                    low, high = r.placebo_ci_low, r.placebo_ci_high
                    line += (f"; placebo {int(r.placebo_rescued)}/{int(r.placebo_queries)} "
                             f"({r.placebo_rate:.0%}, {low:.0%}-{high:.0%})")  # fmt: skip
                lines.append(line)
        if self.stages is not None:
            for r in stage_statistics(self.stages).itertuples():
                if r.found:
                    lines.append(f"{r.stage:12s} {r.group:9s} median layer {r.median:.1f} "
                                 f"[{r.ci_low:.1f}, {r.ci_high:.1f}] ({r.found}/{r.queries})")  # fmt: skip
        lines.append(f"report: {self.report}")
        return "\n".join(lines)


def pick_groups(
    table: pd.DataFrame,
    per_group: int,
    seed: int,
    queries: TwoHopDataset | None = None,
    max_per_bridge: int | None = None,
    *,
    keep_answer_in_prompt: bool = False,
) -> dict[str, str]:
    """Up to ``per_group`` usable queries of each composition group, at random (reproducibly); with
    ``queries`` (to know each one's bridge entity e2), at most ``max_per_bridge`` of the whole pick
    go through one bridge (the groups take turns, so the smaller one is not crowded out). Queries
    whose prompt names their answer are left out unless ``keep_answer_in_prompt``."""
    usable = usable_rows(table) if keep_answer_in_prompt else analysable_rows(table)
    if usable.empty:
        raise MechhopError(
            "No usable query (first and second hop known, no shortcut, answer not named in the prompt) in "
            "the evaluated sample; "
            "evaluate more queries (StudyConfig.evaluate / --evaluate) or use another model."
        )
    if queries is None or max_per_bridge is None:
        picked = [g.sample(min(per_group, len(g)), random_state=seed) for _, g in usable.groupby("group")]
        chosen = pd.concat(picked)
        return dict(zip(chosen["id"], chosen["group"], strict=True))
    if max_per_bridge < 1:
        raise MechhopError(f"max_per_bridge must be at least 1 (or None for no cap), got {max_per_bridge}.")
    bridge = {q.id: q.bridge for q in queries.subset(usable["id"])}
    queues = {str(g): list(rows["id"].sample(frac=1.0, random_state=seed))
              for g, rows in usable.groupby("group")}  # fmt: skip
    picked_per: dict[str, int] = dict.fromkeys(queues, 0)
    through: dict[str, int] = {}
    out: dict[str, str] = {}
    while any(queues.values()):
        for group, queue in queues.items():
            while queue and picked_per[group] < per_group:
                query_id = queue.pop(0)
                b = bridge.get(query_id, query_id)
                if through.get(b, 0) < max_per_bridge:
                    through[b] = through.get(b, 0) + 1
                    picked_per[group] += 1
                    out[query_id] = group
                    break
            if picked_per[group] >= per_group:
                queue.clear()
    return out


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
    if config.placebo:
        placebo = replace(config.backpatching, matching=config.matching, source="placebo")
        timed(
            "backpatching_placebo",
            lambda: backpatching(
                model, chosen, placebo, out=out, progress=progress, donor_pool=pool, executor=executor
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
