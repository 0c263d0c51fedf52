"""Attention knockout on the sweep engine against the plain method: generations per second, same table.

    python benchmarks/knockout_speed.py [--model smollm2-135m] [--queries 12]

Runs knockout (last -> e1, every window centre, the re-run's setting) on the first usable
bundled queries of the model's knowledge table, once with the plain method (one full forward per
row under its recipe) and once on the engine (the clean run reused up to the window and the
query position), and prints each path's generations per second and whether the tables are
identical. Run it alone on the machine.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

import mechhop
from mechhop.analyses.knockout import KnockoutConfig, knockout
from mechhop.data.compose import bundled_queries
from mechhop.data.knowledge import analysable_rows

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--queries", type=int, default=12)
    args = parser.parse_args()
    table = pd.read_parquet(ROOT / "benchmarks" / "results" / f"knowledge-{args.model}-full.parquet")
    ids = analysable_rows(table)["id"].head(args.queries)
    queries = bundled_queries().subset(ids)
    model = mechhop.load_model(args.model, device="cpu")
    config = KnockoutConfig(keys=("e1",))
    knockout(model, queries[:1], KnockoutConfig(keys=("e1",), layers=(0,)), progress=False)  # warm-up
    tables = {}
    for name, engine in (("plain", False), ("engine", True)):
        start = time.perf_counter()
        tables[name] = knockout(model, queries, config, progress=False, use_engine=engine).table
        seconds = time.perf_counter() - start
        rows = len(tables[name]) + len(queries)  # one baseline per query
        print(f"{name}: {rows} generations in {seconds:.1f} s = {rows / seconds:.1f} gen/s")
    same = tables["plain"].equals(tables["engine"])
    print("tables identical" if same else "tables DIFFER")


if __name__ == "__main__":
    main()
