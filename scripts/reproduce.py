"""The paper's analyses on the default embedded model over a sample of its usable bundled queries.

Reads the committed knowledge-filtering table (benchmarks/results/knowledge-smollm2-135m-full.parquet,
made by benchmarks/knowledge_filtering.py over all 26,792 bundled queries), samples composition-correct
and -incorrect usable queries, and runs back-patching, Patchscopes, attention knockout and sublayer
projection, then the stages. Runs are resumable (re-run the same command after an interruption).

    python scripts/reproduce.py [--per-group 40] [--out runs/reproduce] [--tgt-stride 2]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pandas as pd

import mechhop
from mechhop.backpatching import BackpatchingConfig, backpatching, rescue_rates
from mechhop.data.compose import bundled_queries
from mechhop.knockout import KnockoutConfig, knockout
from mechhop.patchscopes import PatchscopesConfig, patchscopes
from mechhop.projection import ProjectionConfig, sublayer_projection
from mechhop.stages import stage_layers, stage_summary

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE = ROOT / "benchmarks" / "results" / "knowledge-smollm2-135m-full.parquet"


def sample(per_group: int, seed: int) -> tuple[mechhop.data.schema.TwoHopDataset, dict[str, str]]:
    table = pd.read_parquet(KNOWLEDGE)
    usable = table[table["usable"]]
    picked = pd.concat(
        [g.sample(min(per_group, len(g)), random_state=seed) for _, g in usable.groupby("group")]
    )
    groups = dict(zip(picked["id"], picked["group"], strict=True))
    return bundled_queries().subset(groups), groups


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--per-group", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=str(ROOT / "runs" / "reproduce"))
    parser.add_argument("--tgt-stride", type=int, default=2, help="Patchscopes target layers: every k-th")
    args = parser.parse_args()

    model = mechhop.load_model("smollm2-135m")
    n = model.cfg.n_layers
    queries, groups = sample(args.per_group, args.seed)
    counts = pd.Series(groups).value_counts().to_dict()
    print(f"{len(queries)} usable queries: {counts}")
    timings: dict[str, float] = {}

    def timed(name, fn):
        start = time.perf_counter()
        result = fn()
        timings[name] = time.perf_counter() - start
        print(f"{name}: {len(result.table)} rows in {timings[name]:.0f} s -> {result.directory}")
        return result

    bp = timed("backpatching", lambda: backpatching(model, queries, BackpatchingConfig(), out=args.out))
    ps_config = PatchscopesConfig(
        decoding="greedy", seeds=(0,), tgt_layers=tuple(range(0, n, args.tgt_stride))
    )
    ps = timed("patchscopes", lambda: patchscopes(model, queries, ps_config, out=args.out))
    ko = timed("knockout", lambda: knockout(model, queries, KnockoutConfig(), out=args.out))
    proj = timed("projection", lambda: sublayer_projection(model, queries, ProjectionConfig(), out=args.out))

    rates = rescue_rates(bp.table, groups)
    stages = stage_layers(ps.table, ko.table, proj.table, groups)
    summary = stage_summary(stages)
    pd.set_option("display.width", 160)
    print("\nBack-patching oracle success (share of queries rescued by some src > tgt pair, 95% Wilson CI):")
    print(rates.to_string(index=False, float_format=lambda x: f"{x:.3f}"))
    print("\nStage layers (0-based, of", n, "layers):")
    print(summary.to_string(index=False, float_format=lambda x: f"{x:.2f}"))
    print("\nTimes (s):", {k: round(v) for k, v in timings.items()}, "total", round(sum(timings.values())))
    out = Path(args.out)
    stages.to_parquet(out / "stages.parquet")
    record = {
        "queries": counts,
        "timings_s": timings,
        "rescue": rates.to_dict("records"),
        "stages": summary.to_dict("records"),
    }
    (out / "summary.json").write_text(json.dumps(record, indent=2, default=float))


if __name__ == "__main__":
    main()
