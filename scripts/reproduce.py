"""The re-run with its controls, computed in shards and summarised by the primary test.

The design (sample rules and sizes, grid, donors, shards) is a data file fixed before the run:
benchmarks/designs/<model>.toml (docs/method/controls.md, "The design of the re-run").

    python scripts/reproduce.py compute --model smollm2-135m --shard 0/3   # one shard, resumable
    python scripts/reproduce.py summarise --model smollm2-135m             # merge shards, test, write
    python scripts/reproduce.py plan --design benchmarks/designs/confirm-smollm2-135m.toml  # its n

``compute`` picks the sample (deterministic: every shard picks the same one), then runs
back-patching (real, forward control, K placebo donors), Patchscopes, attention knockout and
sublayer projection on the shard's slice of the queries, into
benchmarks/results/rerun-<model>/shard-<i>-of-<n>/ (committed, so that the shards of several
sessions meet). ``summarise`` refuses until every shard is there, merges them (mechhop merge's
checks), applies the primary test of docs/method/controls.md to real vs each control, and writes
summary.json, a text summary, stage and per-query tables, and 20 raw generations per label.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

import pandas as pd
import tomllib

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def read_design(model: str, path: Path | None = None) -> dict[str, Any]:
    """The design file of ``model`` (or ``path``); its ``name`` (default: the model) names the folders."""
    path = path or ROOT / "benchmarks" / "designs" / f"{model}.toml"
    if not path.exists():
        sys.exit(f"No design for {model!r}: write {path} first (see benchmarks/designs/smollm2-135m.toml).")
    design = tomllib.loads(path.read_text())
    design.setdefault("name", design["model"])
    return design


def excluded(design: dict[str, Any], queries) -> tuple[set[str], set[str]]:
    """Query ids and e1s of the samples of the designs this one must not reuse (``exclude``)."""
    ids: set[str] = set()
    for name in design.get("exclude", []):
        _, _, sample, _ = draw(read_design(name))
        ids |= set(sample.groups)
    by_id = {q.id: q for q in queries}
    return ids, {by_id[i].e1 for i in ids if i in by_id}


def draw(design: dict[str, Any]):
    """The sample of the design: (all queries, knowledge table, Sample, donor pool). A design with
    ``exclude = [names]`` draws from the queries whose id and e1 none of those designs' samples
    have (a fresh sample for a confirmatory run); ``knowledge = "FILE"`` names the knowledge table
    under benchmarks/results/ (default: the model's ``knowledge-MODEL-full.parquet``)."""
    from mechhop.data.compose import bundled_queries
    from mechhop.data.knowledge import reclassify, usable_rows
    from mechhop.data.sampling import draw_sample

    s = design["sample"]
    queries = bundled_queries()
    # the knowledge table it draws from: the second re-runs', or a grown pool's (``knowledge = ...``)
    stored = pd.read_parquet(RESULTS / design.get("knowledge", f"knowledge-{design['model']}-full.parquet"))
    table = reclassify(stored, queries, design["matching"])
    pool = queries.subset(usable_rows(table)["id"])  # placebo donors: every usable query
    ids, e1s = excluded(design, queries)
    if ids:
        e1_of = {q.id: q.e1 for q in queries}
        table = table[~table["id"].isin(ids) & ~table["id"].map(e1_of).isin(e1s)]
    sizes = {"incorrect": s["incorrect"], "correct": s["correct"]}
    rules = {
        k: s[k] for k in ("one_per_e1", "max_per_answer", "exclude_leaks", "match_relations", "caps_within")
    }
    sample = draw_sample(table, sizes, design["seed"], queries, s["max_per_bridge"], **rules)
    return queries, table, sample, pool


def configs(design: dict[str, Any], n_layers: int) -> dict[str, Any]:
    """One configuration per run of the design, named as its results are."""
    from mechhop.analyses.backpatching import BackpatchingConfig
    from mechhop.analyses.knockout import KnockoutConfig
    from mechhop.analyses.patchscopes import PatchscopesConfig
    from mechhop.analyses.projection import ProjectionConfig

    bp = design["backpatching"]
    layers = tuple(range(0, n_layers, bp["layer_step"]))
    grid = {"positions": tuple(bp["positions"]), "src_layers": layers, "tgt_layers": layers,
            "matching": design["matching"]}  # fmt: skip
    controls = {f"backpatching_{c}": BackpatchingConfig(**grid, source=c, donors=bp["donors"])
                for c in bp.get("controls", ("forward", "placebo"))}  # fmt: skip
    if design.get("confirmatory"):  # Amendment 1: back-patching and its controls only
        return {"backpatching": BackpatchingConfig(**grid), **controls}
    ps = design["patchscopes"]
    return {
        "backpatching": BackpatchingConfig(**grid),
        **controls,
        "patchscopes": PatchscopesConfig(
            decoding=ps["decoding"],
            seeds=(0,),
            matching=design["matching"],
            tgt_layers=tuple(range(0, n_layers, ps["tgt_stride"])),
        ),
        "knockout": KnockoutConfig(keys=tuple(design["knockout"]["keys"]), matching=design["matching"]),
        "projection": ProjectionConfig(),
    }


def shard_dir(design: dict[str, Any], index: int) -> Path:
    count = design["shards"]["count"]
    return RESULTS / f"rerun-{design['name']}" / f"shard-{index}-of-{count}"


def compute(design: dict[str, Any], shard: str) -> None:
    import mechhop
    from mechhop.analyses import registry
    from mechhop.analyses.backpatching import backpatching
    from mechhop.core.backend import as_backend
    from mechhop.engine.executors import Shard

    parsed = Shard.parse(shard)
    if parsed is None or parsed.count != design["shards"]["count"]:
        sys.exit(f"--shard must be i/{design['shards']['count']} (the design's shard count), got {shard!r}.")
    queries, _, sample, pool = draw(design)
    chosen = queries.subset(sample.groups)
    model = mechhop.load_model(design["model"], dtype=design["dtype"])
    out = shard_dir(design, parsed.index)
    out.mkdir(parents=True, exist_ok=True)
    timings: dict[str, float] = {}
    for name, config in configs(design, as_backend(model).spec.n_layers).items():
        start = time.perf_counter()
        if name.startswith("backpatching"):
            result = backpatching(model, chosen, config, out=out, donor_pool=pool, shard=shard)
        else:
            result = registry.get(name).runner()(model, chosen, config, out=out, shard=shard)
        timings[name] = time.perf_counter() - start
        print(f"{name}: {len(result.table)} rows in {timings[name]:.0f} s -> {result.directory}", flush=True)
    (out / "timings.json").write_text(json.dumps(timings, indent=2))


def raw_samples(frame: pd.DataFrame, label: str, text: str, k: int = 20, seed: int = 0) -> list[str]:
    """Up to ``k`` rows per value of ``label``, as 'label | query | text' lines to read by eye."""
    lines = []
    for value, sub in frame.groupby(label):
        for r in sub.sample(min(k, len(sub)), random_state=seed).itertuples(index=False):
            lines.append(f"{label}={value} | {r.query_id} | {getattr(r, text)!r}")
    return lines


def merge_shards(design: dict[str, Any]) -> dict[str, Any]:
    """Every run of the design, its shards merged (mechhop merge's checks), by result name."""
    from mechhop.engine.merge import merge_runs
    from mechhop.engine.runs import load_result

    count = design["shards"]["count"]
    dirs = [shard_dir(design, i) for i in range(count)]
    missing = [str(d.relative_to(ROOT)) for d in dirs if not d.exists()]
    if missing:
        command = f"python scripts/reproduce.py compute --model {design['model']} --shard i/{count}"
        if design["name"] != design["model"]:
            command += " --design FILE"
        sys.exit(f"Shards not computed yet: {', '.join(missing)}; run `{command}` for each.")
    out = ROOT / "runs" / f"rerun-{design['name']}"
    results: dict[str, Any] = {}
    for folder in sorted(p.name for p in dirs[0].iterdir() if p.is_dir()):
        merged = merge_runs([d / folder for d in dirs], out / folder)
        result = load_result(merged.directory) if merged.directory is not None else merged
        source = result.meta.get("config", {}).get("source", "query")
        control = result.analysis == "backpatching" and source != "query"
        name = f"{result.analysis}_{source}" if control else result.analysis
        if name in results:
            sys.exit(f"Two {name} runs in the shards ({results[name].directory.name} and {folder}); "
                     "remove the stale one.")  # fmt: skip
        results[name] = result
    return results


def merged_runs(design: dict[str, Any], groups: dict[str, str]) -> dict[str, Any]:
    """:func:`merge_shards`, each merged run checked to cover exactly the sample (nothing dropped
    silently)."""
    runs = merge_shards(design)
    for name, run in runs.items():
        if set(run.table["query_id"]) != set(groups):
            sys.exit(f"The merged {name} run covers {run.table['query_id'].nunique()} queries, the sample "
                     f"{len(groups)}; the shards were computed from another sample or design.")  # fmt: skip
    return runs


def sensitivity(runs, queries, chosen, groups, bridges, matching, record) -> list[str]:
    """The primary test again with answers that no other entity shares: a label check, not a test.

    Reading the labels showed "the Newfoundland Dollar" counted for the Canadian dollar (alias
    "dollar"). The pre-registered labels keep such aliases (the authors' check does); this section
    says whether any verdict rests on them."""
    from mechhop.analyses.backpatching import control_claims, control_comparison, resucceed

    shared = queries.shared_names()
    names = ("backpatching", "backpatching_forward", "backpatching_placebo")
    tables, changed = {}, {}
    for name in names:
        table = runs[name].table
        tables[name] = table.assign(success=resucceed(table, chosen, matching, shared))
        changed[name] = int((tables[name]["success"] != table["success"]).sum())
    lost = ", ".join(f"{n} {c} of {int(runs[n].table['success'].sum())}" for n, c in changed.items())
    examples = ", ".join(sorted(shared)[:8])
    lines = ["", f"## Sensitivity: answers without the {len(shared)} names shared between entities "
             f"({examples}, ...)", f"Successes that no longer count: {lost}"]  # fmt: skip
    summaries = {}
    fmt = {"float_format": lambda x: f"{x:.4f}", "index": False}
    for control in ("forward", "placebo"):
        _, summaries[control] = control_comparison(
            tables["backpatching"], tables[f"backpatching_{control}"], groups, bridges
        )
        lines += [f"### against the {control} control", summaries[control].to_string(**fmt)]
    claims = control_claims(summaries)
    lines += ["### the claim", claims.to_string(index=False)]
    record["sensitivity"] = {"shared_names": sorted(shared), "changed": changed,
                             **{c: s.to_dict("records") for c, s in summaries.items()},
                             "claims": claims.to_dict("records")}  # fmt: skip
    return lines


def amendment(runs, groups, bridges, unpatched, record) -> list[str]:
    """Amendment 1 of docs/method/controls.md on these runs: the mean scale with its bridge-clustered
    interval and p, the GEE beside it, disruption per arm and the fixed pair chosen out of sample.
    On the second re-runs this is a re-analysis of data already read, said so in the heading."""
    from mechhop.analyses.backpatching import CONTROLS, control_claims, control_comparison
    from mechhop.analyses.backpatching.disruption import disruption, fixed_pair_table
    from mechhop.analyses.gee import gee_table

    bp = runs["backpatching"].table
    controls = [c for c in CONTROLS if f"backpatching_{c}" in runs]
    fmt = {"float_format": lambda x: f"{x:.4f}", "index": False}
    columns = ["group", "position", "queries", "bridges", "both_zero", "real_share_mean",
               "control_share_mean", "mean_difference", "mean_ci_low", "mean_ci_high", "boot_ci_low",
               "boot_ci_high", "mean_p", "odds_ratio", "gee_p", "mean_detectable", "needed_n",
               "amended_verdict", "verdict"]  # fmt: skip
    lines = ["", "## Amendment 1 (2026-12-08): the mean scale (t interval and p clustered by bridge; "
             "bootstrap interval and GEE beside it; `verdict` is the registered median rule's)"]  # fmt: skip
    summaries = {}
    for control in controls:
        table = runs[f"backpatching_{control}"].table
        _, summary = control_comparison(bp, table, groups, bridges)
        summary = summary.merge(gee_table(bp, table, groups, bridges), on=["group", "position", "target"])
        summaries[control] = summary
        lines += [f"### against the {control} control", summary[columns].to_string(**fmt)]
        record.setdefault("amendment_1", {})[control] = summary[columns].to_dict("records")
    claims = control_claims(summaries, "amended_verdict")
    lines += ["### the claim by the amended rule", claims.to_string(index=False)]
    needed = pd.concat(summaries.values()).query("group == 'incorrect'")["needed_n"].max()
    lines += [f"Queries the incorrect group needs for a detectable difference of 0.02 (largest over the "
              f"comparisons above): {needed:.0f}"]  # fmt: skip
    arms = {"real": bp, **{c: runs[f"backpatching_{c}"].table for c in controls}}
    moved = pd.concat([disruption(t, unpatched, groups).assign(arm=a) for a, t in arms.items()])
    moved = moved[
        [
            "group",
            "position",
            "arm",
            *[c for c in moved.columns if c not in ("group", "position", "target", "arm")],
        ]
    ]
    lines += ["", "## Disruption per arm: share of generations that differ from the unpatched one "
              "(text, first three words), success overall and among the changed",
              moved.to_string(**fmt)]  # fmt: skip
    fixed = fixed_pair_table(arms, groups, bridges, "incorrect")
    lines += ["", "## One fixed pair chosen on half of the bridges, applied to the other half (200 seeded "
              "splits; low/high: the splits' 2.5-97.5% range, not a CI)", fixed.to_string(**fmt)]  # fmt: skip
    record.update(amendment_1_claims=claims.to_dict("records"), needed_n=float(needed),
                  disruption=moved.to_dict("records"), fixed_pair=fixed.to_dict("records"))  # fmt: skip
    return lines


def plan(design: dict[str, Any]) -> None:
    """What the pool allows a confirmatory design: the sample it draws (n, bridges) and the smallest
    mean difference that n detects with 80% power, scaled from the re-run named ``power_from`` (its
    largest incorrect-group standard error)."""
    import math

    from mechhop.data.sampling import sample_summary

    queries, _, sample, _ = draw(design)
    picked = list(queries.subset(sample.groups))
    n, bridges = len(picked), len({q.bridge for q in picked})
    print(sample_summary(sample).to_string())
    print(f"drawn: {n} queries over {bridges} bridges (the design asks for {design['sample']['incorrect']})")
    reference = json.loads((RESULTS / f"rerun-{design['power_from']}" / "summary.json").read_text())
    rows = [r for c in reference["amendment_1"].values() for r in c if r["group"] == "incorrect"]
    worst = max(rows, key=lambda r: r["mean_detectable"])
    at_n = worst["mean_detectable"] * math.sqrt(worst["queries"] / max(n, 1))
    print(
        f"detectable mean difference at n = {n}: {at_n:.4f} (from {design['power_from']}'s largest, "
        f"{worst['mean_detectable']:.4f} at n = {worst['queries']}); 0.02 needs {worst['needed_n']:.0f}"
    )


def summarise_confirmatory(design: dict[str, Any]) -> None:
    """The confirmatory run of Amendment 1: back-patching against each control by the amended rule
    (the registered rule's verdict beside it), disruption per arm, the fixed pair; nothing else."""
    from mechhop.data.sampling import sample_summary

    queries, knowledge, sample, _ = draw(design)
    groups = sample.groups
    bridges = {q.id: q.bridge for q in queries.subset(groups)}
    runs = merged_runs(design, groups)
    unpatched = dict(zip(knowledge["id"], knowledge["two_hop_output"], strict=True))
    record: dict[str, Any] = {"design": design, "groups": groups}
    lines = [f"# {design['name']}: the confirmatory run of Amendment 1 (docs/method/controls.md)", "",
             "## Sample", sample_summary(sample).to_string()]  # fmt: skip
    lines += amendment(runs, groups, bridges, unpatched, record)
    out = RESULTS / f"rerun-{design['name']}"
    (out / "summary.json").write_text(json.dumps(record, indent=1, default=float))
    (out / "summary.txt").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


def summarise(design: dict[str, Any]) -> None:
    from mechhop.analyses.backpatching import control_claims, control_comparison, rescue_rates
    from mechhop.analyses.knockout import summarize_knockout
    from mechhop.analyses.patchscopes import decoding_comparison, decoding_rates, placebo_table
    from mechhop.analyses.stages import (
        inversion_counts,
        onsets_against_placebo,
        second_hop_extraction_counts,
        stage_layers,
        stage_statistics,
    )
    from mechhop.data.sampling import relation_mix, sample_summary

    queries, knowledge, sample, _ = draw(design)
    groups = sample.groups
    chosen = queries.subset(groups)
    bridges = {q.id: q.bridge for q in chosen}
    runs = merged_runs(design, groups)
    n_layers = int(runs["projection"].table["layer"].max()) + 1
    bp = runs["backpatching"].table
    out = RESULTS / f"rerun-{design['name']}"
    pd.set_option("display.width", 250)
    fmt = {"float_format": lambda x: f"{x:.4f}", "index": False}
    lines = [f"# {design['model']}: the re-run of docs/method/controls.md, design benchmarks/designs/"
             f"{design['model']}.toml ({n_layers} layers)"]  # fmt: skip
    lines += ["", "## Sample", sample_summary(sample).to_string(), "",
              relation_mix(chosen, groups).to_string(**fmt)]  # fmt: skip
    counts = sample_summary(sample).reset_index().to_dict("records")
    record: dict[str, Any] = {"design": design, "groups": groups, "sample": counts}
    per_query, summaries = [], {}
    for control in ("forward", "placebo"):
        rows, summary = control_comparison(bp, runs[f"backpatching_{control}"].table, groups, bridges)
        per_query.append(rows.assign(control=control))
        summaries[control] = summary
        lines += ["", f"## Primary test: real back-patching vs the {control} control"]
        lines.append(summary.to_string(**fmt))
        record[f"primary_{control}"] = summary.to_dict("records")
    claims = control_claims(summaries)
    lines += ["", "## The claim: back-patching rescues (above both controls)", claims.to_string(index=False)]
    record["claims"] = claims.to_dict("records")
    lines += sensitivity(runs, queries, chosen, groups, bridges, design["matching"], record)
    unpatched = dict(zip(knowledge["id"], knowledge["two_hop_output"], strict=True))
    lines += amendment(runs, groups, bridges, unpatched, record)
    pd.concat(per_query).to_parquet(out / "per-query.parquet")
    rates = rescue_rates(bp, groups, placebo=runs["backpatching_placebo"].table)
    lines += [
        "",
        "## Oracle rescue (descriptive), beside the placebo's (its donors pooled)",
        rates.to_string(**fmt),
    ]
    ps = runs["patchscopes"].table
    ps_placebo = placebo_table(ps, chosen, matching=design["matching"])
    decoding = decoding_rates(ps, groups, placebo=ps_placebo)
    _, decoding_pairs = decoding_comparison(ps, ps_placebo, groups)
    lines += ["", "## Patchscopes decoding at some layer vs its all-donor placebo", decoding.to_string(**fmt),
              decoding_pairs.to_string(**fmt)]  # fmt: skip
    ko = runs["knockout"].table
    knock = pd.concat([summarize_knockout(ko, groups, rule=r).assign(rule=r) for r in ("paper", "symmetric")])
    stages = stage_layers(ps, ko, runs["projection"].table, groups, knockout_rule="symmetric")
    stats = stage_statistics(stages, n_layers=n_layers)
    lines += ["", "## Stages (symmetric knockout; medians, means, bootstrap CIs; permutation, log-rank p)",
              stats.to_string(**fmt), "", "## e3 from t2 against the extraction layer",
              second_hop_extraction_counts(stages).to_string(**fmt), "", "## Onsets against the placebo's",
              onsets_against_placebo(stages, ps_placebo).to_string(**fmt), "", "## Layer-order inversions",
              inversion_counts(stages).to_string(**fmt)]  # fmt: skip
    stages.to_parquet(out / "stages.parquet")
    knock.to_parquet(out / "knockout-summary.parquet")
    timings = {}
    for i in range(design["shards"]["count"]):
        timings[f"shard {i}"] = json.loads((shard_dir(design, i) / "timings.json").read_text())
    lines += ["", "## Times (s)", json.dumps(timings, indent=1)]
    record.update(rescue=rates.to_dict("records"), decoding=decoding.to_dict("records"),
                  stages=stats.to_dict("records"), timings=timings)  # fmt: skip
    (out / "summary.json").write_text(json.dumps(record, indent=1, default=float))
    (out / "summary.txt").write_text("\n".join(lines) + "\n")
    labels = []
    for name, frame, label, text in (
        ("back-patching", bp, "success", "generation"),
        ("forward control", runs["backpatching_forward"].table, "success", "generation"),
        ("placebo donors", runs["backpatching_placebo"].table, "success", "generation"),
        ("Patchscopes", ps, "label", "generation"),
        ("Patchscopes placebo", ps_placebo, "label", "generation"),
    ):
        labels += [f"## {name}", *raw_samples(frame, label, text), ""]
    (out / "labels.txt").write_text("\n".join(labels))
    print("\n".join(lines))
    written = "summary.txt, summary.json, per-query.parquet, stages.parquet, labels.txt"
    print(f"wrote {written} under {out.relative_to(ROOT)}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("step", choices=("compute", "summarise", "plan"))
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--shard", help="i/n: the shard to compute (compute only)")
    parser.add_argument("--design", type=Path, help="a design file (default: benchmarks/designs/MODEL.toml)")
    args = parser.parse_args()
    design = read_design(args.model, args.design)
    if args.step == "compute":
        if not args.shard:
            sys.exit("compute needs --shard i/n.")
        compute(design, args.shard)
    elif args.step == "plan":
        plan(design)
    elif design.get("confirmatory"):
        summarise_confirmatory(design)
    else:
        summarise(design)


if __name__ == "__main__":
    main()
