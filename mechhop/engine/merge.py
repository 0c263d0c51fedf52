"""Combining the run folders of shards (``--shard i/n``) into one run.

Each shard writes the same folder (same analysis, configuration and model give
the same name), holding its slice of the units and ``"shards": ["i/n"]`` in its
run.json (shards that share a filesystem fill one folder, which lists them all).
:func:`merge_runs` refuses to combine folders that disagree on the
analysis, configuration, model or package versions, that miss a shard, repeat
one or overlap, or that leave a query without its unit; then it writes the
combined folder as a complete run would have (run.json, queries, units,
results relabelled and sorted as the analysis does).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from mechhop.data.schema import TwoHopDataset
from mechhop.engine.executors import Shard
from mechhop.engine.folders import RUN_FILE, read_run_description
from mechhop.engine.runs import AnalysisResult, RunStore, load_result
from mechhop.errors import MechhopError

_MUST_AGREE = ("schema", "analysis", "config", "model", "versions")


def _units(directory: Path) -> dict[str, Path]:
    return {
        pq.read_schema(p).metadata[b"unit"].decode(): p
        for p in sorted((directory / "units").glob("*.parquet"))
        if not p.name.startswith(".tmp-")
    }


def merge_runs(shards: Sequence[str | Path], out: str | Path) -> AnalysisResult:
    """Check that ``shards`` (run folders) form one complete, consistent run; write it under ``out``."""
    folders = [Path(s) for s in shards]
    if not folders:
        raise MechhopError("merge needs the run folders of the shards.")
    metas = [read_run_description(f) for f in folders]
    first, ref = folders[0], metas[0]
    for folder, meta in zip(folders[1:], metas[1:], strict=True):
        for field in _MUST_AGREE:
            if meta.get(field) != ref.get(field):
                diff = _first_difference(ref.get(field), meta.get(field))
                raise MechhopError(
                    f"Shards disagree on {field}{diff}: {first} vs {folder}; merge only shards of one run "
                    "(same command, configuration, model and package versions)."
                )
    if len({f.resolve() for f in folders}) < len(folders):
        raise MechhopError("The same folder is given twice; give each shard folder once.")
    labels = [list(m.get("shards", ())) for m in metas]
    if [] in labels:
        raise MechhopError(f"{folders[labels.index([])]} is not a shard (no 'shards' in its {RUN_FILE}); "
                           "merge the folders of `mechhop run ... --shard i/n`.")  # fmt: skip
    owner: dict[tuple[int, int], Path] = {}
    for folder, ls in zip(folders, labels, strict=True):
        for label in ls:
            shard = Shard.parse(label)
            assert shard is not None  # a label is always a string here
            slot = (shard.index, shard.count)
            if slot in owner:
                raise MechhopError(f"Shard {label} is in two folders: {owner[slot]} and {folder}.")
            owner[slot] = folder
    counts = {n for _, n in owner}
    if len(counts) != 1:
        raise MechhopError(f"Shards of different counts: {sorted(counts)}; merge the i/n shards of one n.")
    n = counts.pop()
    if missing := sorted(set(range(n)) - {i for i, _ in owner}):
        raise MechhopError(f"Missing shard(s) {', '.join(f'{i}/{n}' for i in missing)} of {n}; run them "
                           "(the same command with --shard), then merge all of them.")  # fmt: skip

    queries = [TwoHopDataset.read(f / "queries.parquet") for f in folders]
    ids = [q.id for q in queries[0]]
    for folder, qs in zip(folders[1:], queries[1:], strict=True):
        if [q.id for q in qs] != ids:
            raise MechhopError(
                f"{folder} was run on other queries than {first}; shards must share the query list."
            )
    units: dict[str, Path] = {}
    for folder in folders:
        for key, path in _units(folder).items():
            if key in units:
                raise MechhopError(
                    f"Unit {key!r} is in two shards ({units[key].parent.parent} and {folder}); they must "
                    "not overlap."
                )
            units[key] = path
    if absent := [i for i in ids if i not in units]:
        raise MechhopError(
            f"{len(absent)} of {len(ids)} queries have no result in any shard (e.g. {absent[:3]}); rerun the "
            "unfinished shards (the same command resumes), then merge."
        )

    target = Path(out) / first.name
    if target.resolve() in {f.resolve() for f in folders}:
        raise MechhopError(
            f"--out {out}: the combined run would overwrite the shard {target}; choose another."
        )
    (target / "units").mkdir(parents=True, exist_ok=True)
    for path in units.values():
        tmp = target / "units" / f".tmp-{path.name}"
        shutil.copyfile(path, tmp)
        tmp.replace(target / "units" / path.name)
    meta = {k: v for k, v in ref.items() if k != "shards"}
    meta["merged_from"] = [f"{i}/{n} {owner[(i, n)]}" for i, n in sorted(owner)]
    store = RunStore.reopen(target, meta)
    store.save_queries(queries[0])
    return _finish(store, queries[0])


def _finish(store: RunStore, queries: TwoHopDataset) -> AnalysisResult:
    from mechhop.analyses import registry

    meta: dict[str, Any] = store.meta
    entry = registry.get(meta["analysis"])
    relabel, matching = entry.relabeler(), meta["config"].get("matching")
    if relabel is None:
        store.finish(queries, list(entry.keys))
    else:
        store.finish(queries, list(entry.keys), relabel=lambda table, known: relabel(table, known, matching))
    return load_result(store.directory)  # type: ignore[arg-type]  # reopen always has a folder


def _first_difference(a: object, b: object) -> str:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b), key=str):
            if a.get(key) != b.get(key):
                return f" ({key}: {a.get(key)!r} vs {b.get(key)!r})"
    return ""
