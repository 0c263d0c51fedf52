"""The two backends on a real model: does each analysis give the same table, and how fast is each.

transformer-lens 3.9 (HookedTransformer) and 4.x (TransformerBridge) cannot share one environment,
so this runs twice and then compares:

    .venv/bin/python benchmarks/backends.py run          # writes benchmarks/results/backends/hooked.json
    .venv-bridge/bin/python benchmarks/backends.py run   # writes .../bridge.json
    python benchmarks/backends.py compare                # agreement per analysis, and throughput

``run`` loads the model on the installed backend and runs every analysis (and back-patching's two
controls) on the first ``--queries`` bundled queries with a layer step. It stores each table's
decisive columns (generations, labels, ranks) and the wall time of each analysis. ``compare``
matches rows by the table's keys and prints the share that agree, per analysis and column.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "benchmarks" / "results" / "backends"
DECISIVE = ("generation", "label", "first_token", "matters", "baseline_generation", "top_tokens",
            "e2_rank", "e3_rank", "predicted_rank")  # fmt: skip


def runs(step: int, n_layers: int) -> list[tuple[str, dict]]:
    layers = tuple(range(0, n_layers, step))
    return [
        ("patchscopes", dict(decoding="greedy", seeds=(0,), src_layers=layers, tgt_layers=layers)),
        *(
            ("backpatching", dict(src_layers=layers, tgt_layers=layers, source=s, donors=1))
            for s in ("query", "forward", "placebo")
        ),
        ("knockout", dict()),
        ("projection", dict()),
    ]


def run(args: argparse.Namespace) -> None:
    import torch

    import mechhop
    from mechhop.analyses import registry
    from mechhop.core.backend import as_backend
    from mechhop.data.compose import bundled_queries

    torch.set_num_threads(args.threads)
    start = time.perf_counter()
    model = mechhop.load_model(args.model, device="cpu")
    loaded = time.perf_counter() - start
    info = mechhop.model_info(model)
    queries = bundled_queries()
    queries = queries.subset([q.id for q in list(queries)[: args.queries]])
    out: dict = {"backend": info.backend, "model": args.model, "queries": args.queries, "step": args.step,
                 "load_s": round(loaded, 1), "tables": {}, "seconds": {}, "rows": {}}  # fmt: skip
    from importlib.metadata import version

    out["versions"] = {p: version(p) for p in ("transformer-lens", "transformers", "torch")}
    for name, settings in runs(args.step, as_backend(model).spec.n_layers):
        analysis = registry.get(name)
        key = f"{name} {settings.get('source', '')}".strip()
        start = time.perf_counter()
        table = analysis.runner()(model, queries, analysis.config(**settings), progress=False).table
        out["seconds"][key] = round(time.perf_counter() - start, 1)
        keys = [c for c in analysis.keys if c in table.columns]
        keep = keys + [c for c in DECISIVE if c in table.columns]
        out["tables"][key] = {"keys": keys, "rows": table[keep].astype(str).to_dict("records")}
        out["rows"][key] = len(table)
        print(f"{key:22} {len(table):5} rows {out['seconds'][key]:7.1f} s", flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / (args.output or f"{info.backend}.json")
    path.write_text(json.dumps(out) + "\n")
    print(f"wrote {path.relative_to(ROOT)}")


def compare(args: argparse.Namespace) -> None:
    a = json.loads((OUT / args.hooked).read_text())
    b = json.loads((OUT / args.bridge).read_text())
    print(f"{a['model']}, {a['queries']} queries, every {a['step']} layers")
    for side in (a, b):
        v = side["versions"]
        print(f"  {side['backend']:6}: transformer-lens {v['transformer-lens']}, transformers "
              f"{v['transformers']}, torch {v['torch']}; load {side['load_s']} s")  # fmt: skip
    print("\n| analysis | rows | agree (all decisive columns) | per column | hooked s | bridge s | ratio |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for key, mine in a["tables"].items():
        theirs = b["tables"][key]
        index = {tuple(r[k] for k in mine["keys"]): r for r in theirs["rows"]}
        columns = [c for c in mine["rows"][0] if c not in mine["keys"]] if mine["rows"] else []
        both = [(r, index.get(tuple(r[k] for k in mine["keys"]))) for r in mine["rows"]]
        same = sum(o is not None and all(r[c] == o[c] for c in columns) for r, o in both)
        per = ", ".join(
            f"{c} {sum(o is not None and r[c] == o[c] for r, o in both)}/{len(both)}" for c in columns
        )
        ta, tb = a["seconds"][key], b["seconds"][key]
        n = len(both)
        print(f"| {key} | {n} | {same}/{n} ({same / max(1, n):.1%}) | {per} | {ta} | {tb} | "
              f"{tb / max(ta, 1e-9):.1f}x |")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    r = sub.add_parser("run", help="run every analysis on the installed backend")
    r.add_argument("--model", default="smollm2-135m")
    r.add_argument("--queries", type=int, default=4)
    r.add_argument("--step", type=int, default=4, help="every STEP-th layer as source and target")
    r.add_argument("--threads", type=int, default=2)
    r.add_argument("--output", help="file name in benchmarks/results/backends (default: BACKEND.json)")
    c = sub.add_parser("compare", help="agreement and throughput of the two runs")
    c.add_argument("--hooked", default="hooked.json", help="the hooked run's file in that folder")
    c.add_argument("--bridge", default="bridge.json", help="the bridge run's file (same folder)")
    args = parser.parse_args()
    {"run": run, "compare": compare}[args.command](args)


if __name__ == "__main__":
    sys.exit(main())
