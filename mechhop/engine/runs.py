"""Resumable analysis runs stored as tidy Parquet tables.

An analysis splits its work into *units* (one query each, usually). A run
directory is keyed by the analysis, its configuration and the model, so a
different setting never mixes with stored results::

    <out>/<analysis>-<hash>/
        run.json             configuration, model, weight processing, package versions
        queries.parquet      every query run in the folder (to reclassify without the model)
        units/<key>.parquet  one file per finished unit, written atomically
        results.parquet      all units, written when a run completes

A unit file appears only once complete (written to a temporary name, then
renamed), so a run killed at any moment (even ``kill -9``) resumes by
skipping the units whose file exists: nothing is redone, duplicated or lost.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
import os
import platform
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from mechhop.core.backend import as_backend
from mechhop.core.settings import run_key
from mechhop.data.schema import TwoHopDataset
from mechhop.engine.executors import Executor, Shard, UnitJob
from mechhop.engine.folders import read_run_description
from mechhop.errors import MechhopError
from mechhop.progress import tqdm

_PACKAGES = ("mechhop", "torch", "transformer-lens", "transformers", "pandas", "numpy")
RUN_SCHEMA = 1


def package_versions() -> dict[str, str]:
    out = {"python": platform.python_version()}
    for name in _PACKAGES:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def model_description(model: Any) -> dict[str, Any]:
    """Model name and weight processing, from what :func:`mechhop.load_model` stored on it."""
    info = getattr(model, "mechhop_info", None)
    if info is None:
        backend = as_backend(model)
        return {"name": backend.name, "n_layers": backend.spec.n_layers, "weight_processing": "unknown"}
    return {**info.to_dict(), "n_layers": as_backend(model).spec.n_layers}


@dataclass(frozen=True, eq=False)
class AnalysisResult:
    """A finished analysis: its tidy table and how it was produced."""

    analysis: str
    table: pd.DataFrame
    meta: dict[str, Any]
    queries: TwoHopDataset
    directory: Path | None = None

    def __repr__(self) -> str:
        where = f", stored in {self.directory}" if self.directory else ""
        queries = self.table["query_id"].nunique() if "query_id" in self.table else 0
        return f"AnalysisResult({self.analysis}: {len(self.table)} rows, {queries} queries{where})"


def _hash(obj: Any) -> str:
    return hashlib.sha1(json.dumps(obj, sort_keys=True, default=str).encode()).hexdigest()[:10]


def _unit_file(key: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in key)[:40]
    return f"{safe}-{hashlib.sha1(key.encode()).hexdigest()[:8]}.parquet"


def _atomic_parquet(table: pd.DataFrame, path: Path, metadata: dict[bytes, bytes]) -> None:
    """Write to a temporary name, then rename: readers (and a resumed run) see whole files only."""
    arrow = pa.Table.from_pandas(table, preserve_index=False)
    arrow = arrow.replace_schema_metadata({**(arrow.schema.metadata or {}), **metadata})
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".parquet")
    os.close(fd)
    try:
        pq.write_table(arrow, tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class RunStore:
    """The directory of one analysis run (see the module docstring); None ``out`` keeps it in memory."""

    def __init__(
        self, out: str | Path | None, analysis: str, config: Any, model: Any, **resolved: Any
    ) -> None:
        """``config``: the analysis's settings dataclass; ``resolved``: values its defaults stood for
        (e.g. the layer list of ``layers=None``), stored and keyed with it."""
        self.analysis = analysis
        self.meta = {
            "schema": RUN_SCHEMA,
            "analysis": analysis,
            "config": {**dataclasses.asdict(config), **resolved},
            "model": model_description(model),
            "versions": package_versions(),
        }
        # Only settings that change results key the folder (mechhop.core.settings): a run resumes
        # under another batch size, and one folder serves every answer-matching mode.
        key = {"analysis": analysis, "config": run_key(config, **resolved), "model": self.meta["model"]}
        self.directory = None if out is None else Path(out) / f"{analysis}-{_hash(key)}"
        self._memory: dict[str, pd.DataFrame] = {}
        if self.directory is not None:
            try:
                (self.directory / "units").mkdir(parents=True, exist_ok=True)
            except (FileExistsError, NotADirectoryError, PermissionError) as exc:
                raise MechhopError(
                    f"Cannot create the run folder {self.directory}: {exc.strerror or exc}; pass an `out` "
                    "folder that can be written (not a path under a file)."
                ) from None
            path = self.directory / "run.json"
            if not path.exists():
                tmp = path.with_suffix(".json.tmp")
                tmp.write_text(json.dumps(self.meta, indent=2, default=str))
                os.replace(tmp, path)

    @classmethod
    def reopen(cls, directory: str | Path, meta: dict[str, Any]) -> RunStore:
        """The store of the folder ``directory`` described by ``meta`` (written as its run.json):
        for folders assembled from others, e.g. merged shards."""
        store = cls.__new__(cls)
        store.analysis, store.meta, store._memory = meta["analysis"], meta, {}
        store.directory = Path(directory)
        (store.directory / "units").mkdir(parents=True, exist_ok=True)
        tmp = store.directory / "run.json.tmp"
        tmp.write_text(json.dumps(meta, indent=2, default=str))
        os.replace(tmp, store.directory / "run.json")
        return store

    def done(self) -> set[str]:
        if self.directory is None:
            return set(self._memory)
        return {
            pq.read_schema(p).metadata[b"unit"].decode()
            for p in (self.directory / "units").glob("*.parquet")
            if not p.name.startswith(".tmp-")
        }

    def recorded(self, key: str) -> Any:
        """A value noted in the folder's run.json (by this or an earlier call), or ()."""
        if self.directory is not None and (self.directory / "run.json").exists():
            return read_run_description(self.directory).get(key, ())
        return self.meta.get(key, ())

    def note(self, key: str, value: Any) -> None:
        """Record how the run was computed (e.g. which engine path ran) in its ``run.json``."""
        if self.meta.get(key) == value:
            return
        self.meta[key] = value
        if self.directory is not None:
            tmp = self.directory / "run.json.tmp"
            tmp.write_text(json.dumps(self.meta, indent=2, default=str))
            os.replace(tmp, self.directory / "run.json")

    def write_unit(self, key: str, table: pd.DataFrame) -> None:
        if self.directory is None:
            self._memory[key] = table
            return
        _atomic_parquet(table, self.directory / "units" / _unit_file(key), {b"unit": key.encode()})

    def save_queries(self, queries: TwoHopDataset) -> None:
        """Add ``queries`` to those of earlier calls: one folder serves every query set run with its
        settings, and its stored tables are reclassified from this file without the model."""
        if self.directory is None:
            return
        path = self.directory / "queries.parquet"
        known = TwoHopDataset.read(path) if path.exists() else TwoHopDataset(())
        seen = {q.id for q in known}
        new = [q for q in queries if q.id not in seen]
        if new or not path.exists():
            TwoHopDataset([*known, *new]).write(path)

    def table(self) -> pd.DataFrame:
        if self.directory is None:
            parts = list(self._memory.values())
        else:
            parts = [pd.read_parquet(p) for p in sorted((self.directory / "units").glob("[!.]*.parquet"))]
        return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()

    def finish(
        self,
        queries: TwoHopDataset,
        sort: Sequence[str],
        relabel: Callable[[pd.DataFrame, TwoHopDataset], pd.DataFrame] | None = None,
    ) -> AnalysisResult:
        """The run's table, sorted; ``relabel(table, queries)`` recomputes label columns under this
        call's settings (units stored by an earlier call may have been labelled under another
        matching mode), given every query of the folder."""
        table = self.table()
        if len(table):
            table = table.sort_values(list(sort), kind="stable").reset_index(drop=True)
            if relabel is not None:
                path = None if self.directory is None else self.directory / "queries.parquet"
                known = TwoHopDataset.read(path) if path is not None and path.exists() else queries
                table = relabel(table, known)
        if self.directory is not None:
            meta = {b"mechhop": json.dumps(self.meta, default=str).encode()}
            _atomic_parquet(table, self.directory / "results.parquet", meta)
        if len(table):  # the folder may hold other queries run earlier with the same settings
            table = table[table["query_id"].isin({q.id for q in queries})].reset_index(drop=True)
        return AnalysisResult(self.analysis, table, self.meta, queries, self.directory)


VARIANTS_PER_CALL = 4096  # engine generations per call: fills batches, bounds what a kill loses


def split_by_query(rows: pd.DataFrame, chunk: Sequence[Any]) -> list[pd.DataFrame]:
    """One table per query of ``chunk`` (in order), from rows computed for the whole chunk."""
    return [rows[rows["query_id"] == q.id].reset_index(drop=True) for q in chunk]


class _Advance:
    """Moves a progress bar by at most ``left`` (the work of one chunk)."""

    def __init__(self, bar: Any, left: int) -> None:
        self.bar, self.left = bar, left

    def __call__(self, n: int) -> None:
        n = min(n, self.left)
        self.left -= n
        self.bar.update(n)


def run_units(
    store: RunStore,
    units: Sequence[tuple[str, Any]],
    compute: Callable[..., Iterable[pd.DataFrame]],
    per_call: int = 1,
    progress: bool = True,
    desc: str = "",
    work_per_unit: int = 0,
    *,
    job: UnitJob | None = None,
    executor: Executor | None = None,
    shard: Shard | str | None = None,
    model: Any = None,
) -> None:
    """Compute the units not yet stored, in chunks of ``per_call``, storing each as it finishes.

    Chunks are cut from the full ``units`` list, so a chunk holds the same units however the run
    is spread: resumed, sharded (``shard``: only chunks ``c`` with ``c % n == i``, recorded in
    run.json) or computed by ``executor`` (which re-enters the analysis through ``job`` with its
    own replica of ``model``). With ``work_per_unit`` (e.g. generations per query), the bar counts
    that work and ``compute`` is called as ``compute(chunk, advance)``, ``advance(n)`` moving the
    bar within a chunk.
    """
    shard = Shard.parse(shard)
    size = max(1, per_call)
    chunks = [list(units[s : s + size]) for s in range(0, len(units), size)]
    if shard is not None:
        chunks = shard.select(chunks)
        # shards sharing a filesystem write one folder: it lists every shard computed into it
        labels = {*store.recorded("shards"), str(shard)}
        store.note("shards", sorted(labels, key=lambda label: int(label.split("/")[0])))
    done = store.done()
    total = sum(len(c) for c in chunks)
    chunks = [todo for c in chunks if (todo := [(k, u) for k, u in c if k not in done])]
    scale, unit = (work_per_unit, "gen") if work_per_unit else (1, "query")
    left = sum(len(c) for c in chunks)
    where = "" if executor is None else f" ({executor.describe()})"
    bar = tqdm(total=total * scale, initial=(total - left) * scale, unit=unit,
               desc=(desc or store.analysis) + where, disable=not progress)  # fmt: skip
    if executor is not None:
        if job is None:
            raise MechhopError(f"{desc or store.analysis} cannot run on {executor!r} (no job description).")
        pending = [[u for _, u in c] for c in chunks]
        for index, tables, notes in executor.map_chunks(model, job, pending):
            _store_chunk(store, chunks[index], tables)
            for key, value in notes.items():
                store.note(key, value)
            bar.update(len(chunks[index]) * scale)
        bar.close()
        return
    for chunk in chunks:
        advance = _Advance(bar, len(chunk) * scale)
        items = [u for _, u in chunk]
        _store_chunk(store, chunk, list(compute(items, advance) if work_per_unit else compute(items)))
        advance(advance.left)
    bar.close()


def _store_chunk(store: RunStore, chunk: Sequence[tuple[str, Any]], tables: Sequence[pd.DataFrame]) -> None:
    if len(tables) != len(chunk):
        raise MechhopError(f"internal: {len(tables)} tables for {len(chunk)} units")
    for (key, _), table in zip(chunk, tables, strict=True):
        store.write_unit(key, table)


def run_generation_units(
    store: RunStore,
    queries: Sequence[Any],
    compute: Callable[..., Iterable[pd.DataFrame]],
    per_query: int,
    queries_per_call: int | None,
    progress: bool,
    desc: str,
    **spread: Any,
) -> None:
    """:func:`run_units` for an analysis generating ``per_query`` engine variants per query: enough
    queries share an engine call to fill its batches (``queries_per_call`` overrides), and the bar
    counts generations. ``spread``: ``job``, ``executor``, ``shard`` and ``model`` of run_units."""
    run_units(
        store,
        [(q.id, q) for q in queries],
        compute,
        per_call=queries_per_call or max(1, VARIANTS_PER_CALL // per_query),
        progress=progress,
        desc=desc,
        work_per_unit=per_query,
        **spread,
    )


def load_result(directory: str | Path) -> AnalysisResult:
    """A stored run (complete, or the units finished so far) without the model."""
    directory = Path(directory)
    meta = read_run_description(directory)
    final = directory / "results.parquet"
    if final.exists():
        table = pd.read_parquet(final)
    else:
        parts = [pd.read_parquet(p) for p in sorted((directory / "units").glob("[!.]*.parquet"))]
        table = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    queries_path = directory / "queries.parquet"
    queries = TwoHopDataset.read(queries_path) if queries_path.exists() else TwoHopDataset(())
    return AnalysisResult(meta["analysis"], table, meta, queries, directory)
