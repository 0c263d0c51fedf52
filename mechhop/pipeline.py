"""The whole study in one call: filter queries by what the model knows, run every analysis, report.

``run_study`` is what ``mechhop demo`` runs: knowledge filtering of a
sample of queries (METHOD.md §1), a balanced pick of composition-correct and -incorrect usable
queries, back-patching (§4), Patchscopes (§3), attention knockout (§5), sublayer projection
(§6), stages (§7), and the HTML report. Every step stores its results under ``out`` and resumes
when run again.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pandas as pd
from transformer_lens import HookedTransformer

from mechhop.backpatching import BackpatchingConfig, backpatching, rescue_rates
from mechhop.data.schema import TwoHopDataset
from mechhop.errors import MechhopError
from mechhop.knockout import KnockoutConfig, knockout
from mechhop.knowledge import evaluate_knowledge, usable_rows
from mechhop.patchscopes import PatchscopesConfig, patchscopes
from mechhop.projection import ProjectionConfig, sublayer_projection
from mechhop.report import build_report
from mechhop.runs import AnalysisResult
from mechhop.stages import stage_layers, stage_summary


@dataclass(frozen=True)
class StudyConfig:
    """What :func:`run_study` runs. ``evaluate``: how many queries to filter (a random sample;
    None = all); ``per_group``: usable queries analysed per composition group."""

    evaluate: int | None = 600
    per_group: int = 2
    seed: int = 0
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
            rates = rescue_rates(self.results["backpatching"].table, self.groups)
            for r in rates[rates["position"] == "any"].itertuples():
                lines.append(
                    f"back-patching rescues {r.rescued}/{r.queries} {r.group} queries "
                    f"({r.rate:.0%}, 95% CI {r.ci_low:.0%}-{r.ci_high:.0%})"
                )
        if self.stages is not None:
            summary = stage_summary(self.stages)
            for r in summary.itertuples():
                if r.found:
                    lines.append(
                        f"{r.stage:12s} {r.group:9s} median layer {r.median:.1f} ({r.found}/{r.queries})"
                    )
        lines.append(f"report: {self.report}")
        return "\n".join(lines)


def pick_groups(table: pd.DataFrame, per_group: int, seed: int) -> dict[str, str]:
    """Up to ``per_group`` usable queries of each composition group, at random (reproducibly)."""
    usable = usable_rows(table)
    if usable.empty:
        raise MechhopError(
            "No usable query (first and second hop known, no shortcut) in the evaluated sample; "
            "evaluate more queries (StudyConfig.evaluate / --evaluate) or use another model."
        )
    picked = [g.sample(min(per_group, len(g)), random_state=seed) for _, g in usable.groupby("group")]
    chosen = pd.concat(picked)
    return dict(zip(chosen["id"], chosen["group"], strict=True))


def run_study(
    model: HookedTransformer,
    queries: TwoHopDataset,
    out: str | Path,
    config: StudyConfig | None = None,
    progress: bool = True,
) -> Study:
    """Filter ``queries`` on ``model``, analyse a balanced sample of usable ones, write the report."""
    config = config or StudyConfig()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    sample = queries if config.evaluate is None else queries.sample(config.evaluate, config.seed)
    knowledge = evaluate_knowledge(model, sample, prune=True, progress=progress,
                                   cache_path=out / "knowledge-outputs.jsonl")  # fmt: skip
    seconds["knowledge"] = time.perf_counter() - start
    groups = pick_groups(knowledge.table, config.per_group, config.seed)
    chosen = queries.subset(groups)

    results: dict[str, AnalysisResult] = {}
    steps = (
        (
            "backpatching",
            lambda: backpatching(model, chosen, config.backpatching, out=out, progress=progress),
        ),
        ("patchscopes", lambda: patchscopes(model, chosen, config.patchscopes, out=out, progress=progress)),
        ("knockout", lambda: knockout(model, chosen, config.knockout, out=out, progress=progress)),
        (
            "projection",
            lambda: sublayer_projection(model, chosen, config.projection, out=out, progress=progress),
        ),
    )
    for name, step in steps:
        begin = time.perf_counter()
        results[name] = step()
        seconds[name] = time.perf_counter() - begin
    tables = [results[name].table for name in ("patchscopes", "knockout", "projection")]
    stages = stage_layers(*tables, groups)
    stages.to_parquet(out / "stages.parquet")
    report = build_report(out / "report.html", knowledge=knowledge.counts, groups=groups, stages=stages,
                          **results)  # fmt: skip
    seconds["total"] = time.perf_counter() - start
    (out / "study.json").write_text(json.dumps(
        {"config": asdict(config), "knowledge": knowledge.counts, "groups": groups, "seconds": seconds},
        indent=2, default=str,
    ))  # fmt: skip
    return Study(knowledge.counts, groups, results, stages, report, seconds)
