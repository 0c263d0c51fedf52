"""The paper's analyses, with their controls, on an embedded model's usable bundled queries.

Reads the knowledge-filtering table of all bundled queries (benchmarks/results/knowledge-<model>-full.parquet,
made by ``benchmarks/knowledge_filtering.py --per-pair 0 --prune --table ...``), relabels it under
the chosen answer matching, picks up to ``--per-group`` composition-correct and -incorrect usable
queries with at most ``--max-per-bridge`` per bridge entity, and runs back-patching at t1 and t2
with its placebo (docs/method/backpatching.md, docs/method/controls.md), Patchscopes from t1 and
t2 (docs/method/patchscopes.md; its placebo is read from the same table), attention knockout
(docs/method/knockout.md), sublayer projection (docs/method/projection.md) and the stages with
their statistics (docs/method/stages.md). Prints every rate with its n, 95% interval and placebo;
writes summary.json,
stages.parquet, report.html and 20 raw generations per label (labels.txt) under ``--out``.
Runs are resumable (re-run the same command after an interruption).

    python scripts/reproduce.py --model smollm2-135m [--per-group 60] [--max-per-bridge 3]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pandas as pd

import mechhop
from mechhop.analyses.backpatching import BackpatchingConfig, backpatching, pair_comparison, rescue_rates
from mechhop.analyses.knockout import KnockoutConfig, knockout
from mechhop.analyses.patchscopes import PatchscopesConfig, decoding_rates, patchscopes, placebo_table
from mechhop.analyses.projection import ProjectionConfig, sublayer_projection
from mechhop.analyses.stages import inversion_counts, stage_layers, stage_statistics
from mechhop.apps.pipeline import pick_groups
from mechhop.data.compose import bundled_queries
from mechhop.data.knowledge import knowledge_counts, reclassify, usable_rows
from mechhop.data.matching import MATCHING_MODES
from mechhop.present.report import build_report

ROOT = Path(__file__).resolve().parents[1]


def raw_samples(frame: pd.DataFrame, label: str, text: str, k: int = 20, seed: int = 0) -> list[str]:
    """Up to ``k`` rows per value of ``label``, as 'label | query | text' lines to read by eye."""
    lines = []
    for value, sub in frame.groupby(label):
        for r in sub.sample(min(k, len(sub)), random_state=seed).itertuples(index=False):
            lines.append(f"{label}={value} | {r.query_id} | {getattr(r, text)!r}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--per-group", type=int, default=60)
    parser.add_argument("--max-per-bridge", type=int, default=3)
    parser.add_argument("--matching", choices=MATCHING_MODES, default="word")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--tgt-stride", type=int, default=3, help="Patchscopes target layers: every k-th")
    parser.add_argument("--knockout-keys", default="e1", help="stages need e1; the paper's figure: e1,r1,r2")
    parser.add_argument("--out", default=None, help="default runs/reproduce-<model>")
    args = parser.parse_args()
    out = Path(args.out or ROOT / "runs" / f"reproduce-{args.model}")
    out.mkdir(parents=True, exist_ok=True)

    all_queries = bundled_queries()
    stored = pd.read_parquet(ROOT / "benchmarks" / "results" / f"knowledge-{args.model}-full.parquet")
    table = reclassify(stored, all_queries, args.matching)
    counts = knowledge_counts(table)
    groups = pick_groups(table, args.per_group, args.seed, all_queries, args.max_per_bridge)
    queries = all_queries.subset(groups)
    model = mechhop.load_model(args.model)
    n = model.cfg.n_layers
    print(f"{args.model}: {n} layers; matching {args.matching!r}; knowledge {counts}")
    split = pd.Series(groups).value_counts().to_dict()
    print(f"analysed: {split} (at most {args.max_per_bridge} per bridge entity and group)")
    print(queries.bridges(top=10).to_string(index=False))
    timings: dict[str, float] = {}

    def timed(name, fn):
        start = time.perf_counter()
        result = fn()
        timings[name] = time.perf_counter() - start
        print(f"{name}: {len(result.table)} rows in {timings[name]:.0f} s -> {result.directory}", flush=True)
        return result

    bp_config = BackpatchingConfig(matching=args.matching)
    bp = timed("backpatching", lambda: backpatching(model, queries, bp_config, out=out))
    pool = all_queries.subset(usable_rows(table)["id"])  # placebo donors: any usable query
    placebo_config = BackpatchingConfig(matching=args.matching, source="placebo")
    placebo = timed(
        "backpatching_placebo", lambda: backpatching(model, queries, placebo_config, out=out, donor_pool=pool)
    )
    targets = tuple(range(0, n, args.tgt_stride))
    ps_config = PatchscopesConfig(decoding="greedy", seeds=(0,), tgt_layers=targets, matching=args.matching)
    ps = timed("patchscopes", lambda: patchscopes(model, queries, ps_config, out=out))
    ko_config = KnockoutConfig(keys=tuple(args.knockout_keys.split(",")), matching=args.matching)
    ko = timed("knockout", lambda: knockout(model, queries, ko_config, out=out))
    proj = timed("projection", lambda: sublayer_projection(model, queries, ProjectionConfig(), out=out))

    rates = rescue_rates(bp.table, groups, placebo=placebo.table)
    per_query, pairs = pair_comparison(bp.table, placebo.table, groups)
    ps_placebo = placebo_table(ps.table, queries, matching=args.matching)
    decoding = decoding_rates(ps.table, groups, placebo=ps_placebo)
    stages = stage_layers(ps.table, ko.table, proj.table, groups)
    stats = stage_statistics(stages)
    inversions = inversion_counts(stages)
    pd.set_option("display.width", 200)
    fmt = {"float_format": lambda x: f"{x:.3f}", "index": False}
    print("\nBack-patching oracle success vs placebo (95% Wilson CI):")
    print(rates.to_string(**fmt))
    print("\nSuccessful pairs per query, real vs placebo:")
    print(pairs.to_string(**fmt))
    print("\nPatchscopes decoding at some layer vs placebo:")
    print(decoding.to_string(**fmt))
    print(f"\nStage statistics (0-based layers of {n}; bootstrap CI of the median; permutation p):")
    print(stats.to_string(**fmt))
    print("\nLayer-order inversions:")
    print(inversions.to_string(**fmt))
    print("\nTimes (s):", {k: round(v) for k, v in timings.items()}, "total", round(sum(timings.values())))

    lines = []
    for name, frame, label, text in (
        ("back-patching", bp.table, "success", "generation"),
        ("back-patching placebo", placebo.table, "success", "generation"),
        ("Patchscopes", ps.table, "label", "generation"),
        ("Patchscopes placebo", ps_placebo, "label", "generation"),
    ):
        lines += [f"## {name}", *raw_samples(frame, label, text), ""]
    knowledge_rows = table[table["id"].isin(groups)].rename(columns={"id": "query_id"})
    for check in ("first_hop", "second_hop", "two_hop"):
        samples = raw_samples(knowledge_rows, f"{check}_correct", f"{check}_output")
        lines += [f"## knowledge {check}", *samples, ""]
    (out / "labels.txt").write_text("\n".join(lines))
    stages.to_parquet(out / "stages.parquet")
    per_query.to_parquet(out / "pairs.parquet")
    record = {
        "model": args.model, "matching": args.matching, "knowledge": counts,
        "analysed": pd.Series(groups).value_counts().to_dict(), "max_per_bridge": args.max_per_bridge,
        "bridges": queries.bridges(top=10).to_dict("records"), "timings_s": timings,
        "rescue": rates.to_dict("records"), "pairs": pairs.to_dict("records"),
        "decoding": decoding.to_dict("records"), "stages": stats.to_dict("records"),
        "inversions": inversions.to_dict("records"),
    }  # fmt: skip
    (out / "summary.json").write_text(json.dumps(record, indent=2, default=float))
    report = build_report(out / "report.html", knowledge=counts, groups=groups, stages=stages,
                          backpatching=bp, backpatching_placebo=placebo, patchscopes=ps, knockout=ko,
                          projection=proj)  # fmt: skip
    print(f"wrote {out / 'summary.json'}, {out / 'labels.txt'}, {report}")


if __name__ == "__main__":
    main()
