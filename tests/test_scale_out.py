"""Spreading an analysis: Ray workers and shards give the single-process table, unit for unit."""

from __future__ import annotations

import dataclasses
import functools
import os
import signal

import pytest

from mechhop.analyses.backpatching import BackpatchingConfig, backpatching
from mechhop.analyses.patchscopes import PatchscopesConfig, patchscopes
from mechhop.engine.executors import Shard
from mechhop.engine.merge import merge_runs
from mechhop.engine.runs import load_result
from mechhop.errors import MechhopError
from tests.conftest import assert_same_table
from tests.tiny_lm import make_tiny_lm, tiny_queries


def many_queries(n: int):
    """``n`` tiny queries (the three of tiny_queries under new ids), enough for many chunks."""
    base = list(tiny_queries())
    return [dataclasses.replace(base[i % 3], id=f"m{i}") for i in range(n)]


BP = BackpatchingConfig(src_layers=(3, 2), positions=("e1", "last"))


def test_shards_merged_equal_a_single_run(tmp_path):
    model, queries = make_tiny_lm(), many_queries(7)
    single = backpatching(model, queries, BP, out=tmp_path / "single", progress=False, queries_per_call=2)
    folders = []
    for i in range(3):
        part = backpatching(model, queries, BP, out=tmp_path / f"shard{i}", progress=False,
                            queries_per_call=2, shard=f"{i}/3")  # fmt: skip
        assert part.meta["shards"] == [f"{i}/3"]
        folders.append(part.directory)
    # chunks of 2 queries, dealt round-robin: shard 0 holds chunks 0 and 3 (m0 m1 m6), and so on
    assert sorted(load_result(folders[0]).table["query_id"].unique()) == ["m0", "m1", "m6"]
    merged = merge_runs(folders, tmp_path / "merged")
    assert merged.directory.name == single.directory.name  # the same run key
    assert_same_table(merged.table, load_result(single.directory).table)
    assert len(list((merged.directory / "units").glob("*.parquet"))) == 7
    assert "shards" not in merged.meta and len(merged.meta["merged_from"]) == 3


def test_inconsistent_or_incomplete_shards_are_refused(tmp_path):
    model, queries = make_tiny_lm(), many_queries(4)
    run = functools.partial(backpatching, model, queries, out=tmp_path, progress=False, queries_per_call=1)
    a = run(BP, shard="0/2").directory
    other = run(dataclasses.replace(BP, max_new_tokens=5), shard="1/2").directory
    with pytest.raises(MechhopError, match=r"disagree on config \(max_new_tokens: 10 vs 5\)"):
        merge_runs([a, other], tmp_path / "m")
    with pytest.raises(MechhopError, match=r"Missing shard\(s\) 1/2 of 2"):
        merge_runs([a], tmp_path / "m")
    with pytest.raises(MechhopError, match="given twice"):
        merge_runs([a, a], tmp_path / "m")
    b = run(BP, shard="1/2").directory
    assert a == b  # shards sharing a filesystem fill one folder, which lists them all
    assert load_result(a).meta["shards"] == ["0/2", "1/2"]
    with pytest.raises(MechhopError, match="overwrite the shard"):
        merge_runs([a], tmp_path)
    whole = merge_runs([a], tmp_path / "m")
    assert sorted(whole.table["query_id"].unique()) == ["m0", "m1", "m2", "m3"]
    for bad in ("3/2", "1-2", "0/0"):
        with pytest.raises(MechhopError, match="i/n"):
            Shard.parse(bad)


def test_a_missing_unit_is_refused(tmp_path):
    model, queries = make_tiny_lm(), many_queries(4)
    dirs = [backpatching(model, queries, BP, out=tmp_path / f"s{i}", progress=False, queries_per_call=1,
                         shard=f"{i}/2").directory for i in range(2)]  # fmt: skip
    next((dirs[1] / "units").glob("*.parquet")).unlink()  # a shard killed before its last unit
    with pytest.raises(MechhopError, match=r"1 of 4 queries have no result in any shard"):
        merge_runs(dirs, tmp_path / "m")


# -- Ray: a local cluster of 2 CPU workers ------------------------------------------------------
ray = pytest.importorskip("ray", reason="pip install 'mechhop[ray]' (scripts/setup.sh installs it)")


@pytest.fixture(scope="module")
def executor():
    from mechhop.engine.ray_executor import RayExecutor

    ex = RayExecutor(workers=2, load=make_tiny_lm)
    yield ex
    ex.shutdown()
    ray.shutdown()


PS = PatchscopesConfig(src_layers=(0, 2, 3), tgt_layers=(0, 1, 3), max_new_tokens=6)


def test_ray_workers_give_the_single_process_table(tmp_path, executor):
    model, queries = make_tiny_lm(), many_queries(6)
    local = patchscopes(model, queries, PS, out=tmp_path / "local", progress=False, queries_per_call=1)
    spread = patchscopes(model, queries, PS, out=tmp_path / "ray", progress=False, queries_per_call=1,
                         executor=executor)  # fmt: skip
    assert_same_table(spread.table, local.table)
    assert spread.directory.name == local.directory.name
    assert spread.meta["engine_path"] == local.meta["engine_path"] == "fast"
    # placebo donors come from the whole query list, not a worker's chunk
    placebo = dataclasses.replace(BP, source="placebo")
    a = backpatching(model, queries, placebo, progress=False, queries_per_call=1)
    b = backpatching(model, queries, placebo, progress=False, queries_per_call=1, executor=executor)
    assert_same_table(a.table, b.table)


class _KillOne:
    """Passes chunks through, SIGKILLing one worker's process once the first chunk is back."""

    def __init__(self, inner):
        self.inner, self.killed = inner, None

    def describe(self) -> str:
        return self.inner.describe()

    def map_chunks(self, model, job, chunks):
        for item in self.inner.map_chunks(model, job, chunks):
            if self.killed is None:
                self.killed = self.inner.actor_pids()[0]
                os.kill(self.killed, signal.SIGKILL)
            yield item


def test_a_worker_killed_mid_run_loses_and_duplicates_nothing(tmp_path, executor):
    model, queries = make_tiny_lm(), many_queries(12)
    local = patchscopes(model, queries, PS, progress=False, queries_per_call=1)
    before = executor.replaced
    killer = _KillOne(executor)
    spread = patchscopes(
        model, queries, PS, out=tmp_path, progress=False, queries_per_call=1, executor=killer
    )
    assert killer.killed is not None and executor.replaced > before  # its chunks went to another actor
    assert_same_table(spread.table, local.table)
    assert len(list((spread.directory / "units").glob("*.parquet"))) == 12
    assert spread.table.groupby("query_id").size().nunique() == 1  # every query complete, none twice
