"""Back-patching and its controls in float32 and bfloat16: throughput, agreement, and verdicts.

    python benchmarks/precision.py [--model smollm2-135m] [--queries 8] [--layer-step 2]

Takes the first ``--queries`` composition-incorrect queries of the re-run's sample
(benchmarks/designs/<model>.toml), runs real back-patching, the forward control and the placebo
(K donors) on the design's grid in each precision, and prints per precision: generations per
second (after a first line naming the CPU and its bfloat16 flags: the kernels, and so the speed
and rounding of bfloat16, differ from CPU to CPU), then the share of identical generations and
of identical success labels, and the primary test's verdict per control and position in both
precisions. The re-run may use bfloat16 only where those verdicts agree
(docs/method/controls.md); float32 stays the reference. Run it alone on the machine: another
CPU-heavy process slows torch about tenfold.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import pandas as pd

import mechhop
from mechhop.analyses.backpatching import BackpatchingConfig, backpatching, control_comparison
from mechhop.core.backend import as_backend
from mechhop.models.hardware import cpu_info

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from reproduce import draw, read_design


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--queries", type=int, default=8)
    parser.add_argument("--layer-step", type=int, default=None, help="default: the design's")
    args = parser.parse_args()
    print(f"CPU: {cpu_info().describe()}")
    design = read_design(args.model)
    queries, _, sample, pool = draw(design)
    incorrect = [q for q, g in sample.groups.items() if g == "incorrect"][: args.queries]
    chosen = queries.subset(incorrect)
    groups = dict.fromkeys(incorrect, "incorrect")
    bridges = {q.id: q.bridge for q in chosen}
    bp = design["backpatching"]
    tables: dict[tuple[str, str], pd.DataFrame] = {}
    for dtype in ("float32", "bfloat16"):
        model = mechhop.load_model(args.model, device="cpu", dtype=dtype)
        layers = tuple(range(0, as_backend(model).spec.n_layers, args.layer_step or bp["layer_step"]))
        grid = {"positions": tuple(bp["positions"]), "src_layers": layers, "tgt_layers": layers}
        backpatching(
            model, chosen[:1], BackpatchingConfig(**grid, pairs=((2, 0),)), progress=False
        )  # warm-up
        generations, start = 0, time.perf_counter()
        for source in ("query", "forward", "placebo"):
            config = BackpatchingConfig(**grid, source=source, donors=bp["donors"])
            table = backpatching(model, chosen, config, donor_pool=pool, progress=False).table
            tables[(dtype, source)] = table
            generations += len(table)
        seconds = time.perf_counter() - start
        print(f"{dtype}: {generations} generations in {seconds:.0f} s = {generations / seconds:.1f} gen/s")
    keys = ["query_id", "donor_id", "position", "target", "src_layer", "tgt_layer"]
    for source in ("query", "forward", "placebo"):
        a, b = (tables[(d, source)].set_index(keys).sort_index() for d in ("float32", "bfloat16"))
        same_text = (a["generation"] == b["generation"]).mean()
        same_label = (a["success"] == b["success"]).mean()
        counts = f"{int(a['success'].sum())} (float32) vs {int(b['success'].sum())} (bfloat16)"
        print(f"{source}: identical generations {same_text:.1%}, identical labels {same_label:.1%}, "
              f"successes {counts}")  # fmt: skip
    agree = True
    for control in ("forward", "placebo"):
        verdicts = {}
        for dtype in ("float32", "bfloat16"):
            _, summary = control_comparison(
                tables[(dtype, "query")], tables[(dtype, control)], groups, bridges
            )
            verdicts[dtype] = summary.set_index("position")[["median_difference", "p", "verdict"]]
        for position in verdicts["float32"].index:
            f, h = verdicts["float32"].loc[position], verdicts["bfloat16"].loc[position]
            agree &= f["verdict"] == h["verdict"]

            def said(r: pd.Series) -> str:
                return f"{r['median_difference']:+.3f} p={r['p']:.3g} {r['verdict']}"

            print(f"real vs {control} at {position}: float32 {said(f)}; bfloat16 {said(h)}")
    print("verdicts agree" if agree else "verdicts DIFFER: keep float32")


if __name__ == "__main__":
    main()
