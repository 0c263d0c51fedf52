"""Scale-out on this machine: units per second per Ray worker and the overhead per unit.

    python benchmarks/scale_out.py [--model smollm2-135m] [--queries 8]

Back-patching (both positions, 5 source layers x every earlier target: ~200 generations per query)
on ``--queries`` bundled queries, one query per unit and per chunk, computed:
  (a) in this process;
  (b) on a local Ray cluster with 1 actor (torch threads as in this process);
  (c) with 2 actors of 1 thread each (this machine's 2 cores).
Actors start (and load their model replica) before the clock starts; their start-up is reported on
its own. Then the overhead per unit is taken apart: a Ray round trip to an actor, pickling the
unit's table both ways, and the driver's atomic Parquet write. Run it alone on the machine.
"""

from __future__ import annotations

import argparse
import pickle
import statistics
import tempfile
import time
from pathlib import Path

import mechhop
from mechhop.analyses.backpatching import BackpatchingConfig, backpatching
from mechhop.data.compose import bundled_queries
from mechhop.engine.ray_executor import RayExecutor, _ray
from mechhop.engine.runs import RunStore


def timed(fn):
    start = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--queries", type=int, default=8)
    args = parser.parse_args()
    import torch

    model = mechhop.load_model(args.model, device="cpu")
    n_layers = model.cfg.n_layers
    sources = tuple(range(n_layers - 1, 0, -max(1, n_layers // 5)))[:5]
    config = BackpatchingConfig(src_layers=sources, positions=("e1", "last"))
    queries = bundled_queries().sample(args.queries, seed=1)
    run = dict(config=config, progress=False, queries_per_call=1)
    backpatching(model, queries[:1], **run)  # warm-up

    local, t_local = timed(lambda: backpatching(model, queries, **run))
    gens = len(local.table)
    print(f"{args.model}: {len(queries)} queries (units), {gens} generations ({gens // len(queries)} per "
          f"unit), sources {sources}; torch threads in this process: {torch.get_num_threads()}")  # fmt: skip
    rate = len(queries) / t_local
    print(f"  in process          {t_local:7.1f} s  {rate:6.3f} units/s  {gens / t_local:6.1f} gen/s")

    rows = {}
    for workers, threads in ((1, torch.get_num_threads()), (2, 1)):
        ex = RayExecutor(workers=workers, threads_per_worker=threads)
        _, t_start = timed(lambda ex=ex: (ex.start(model), ex.actor_pids()))
        backpatching(model, queries[:1], executor=ex, **run)  # warm-up in the actors
        spread, t = timed(lambda ex=ex: backpatching(model, queries, executor=ex, **run))
        same = spread.table.equals(local.table)
        texts = spread.table["generation"].tolist() == local.table["generation"].tolist()
        rows[workers] = t
        rate = len(queries) / t
        print(f"  Ray, {workers} actor(s) x {threads} thread(s) {t:7.1f} s  {rate:6.3f} units/s "
              f"({rate / workers:.3f} per actor)  {gens / t:6.1f} gen/s; actors up in {t_start:.1f} s "
              f"(model load included); table identical: {same}, generations identical: {texts}")  # fmt: skip
        if workers == 1:
            ray, actor = _ray(), ex._actors[0]
            trips = [timed(lambda ray=ray, actor=actor: ray.get(actor.pid.remote()))[1] for _ in range(50)]
            unit = local.table[local.table["query_id"] == queries[0].id]
            blob, t_pickle = timed(lambda unit=unit: pickle.dumps([unit]))
            _, t_unpickle = timed(lambda blob=blob: pickle.loads(blob))
            with tempfile.TemporaryDirectory() as tmp:
                store = RunStore(Path(tmp), "backpatching", config, model)
                writes = [timed(lambda i=i, s=store, u=unit: s.write_unit(f"u{i}", u))[1] for i in range(20)]
            overhead = (t - t_local) / len(queries)
            trip, write = statistics.median(trips) * 1e3, statistics.median(writes) * 1e3
            print(f"  overhead per unit: Ray round trip {trip:.1f} ms (median of 50), table "
                  f"{len(blob) / 1e3:.0f} kB pickled in {t_pickle * 1e3:.1f} ms / unpickled in "
                  f"{t_unpickle * 1e3:.1f} ms, driver Parquet write {write:.1f} ms; 1-actor minus "
                  f"in-process wall: {overhead * 1e3:+.0f} ms per unit "
                  f"({overhead / (t_local / len(queries)) * 100:+.1f}% of a unit's compute)")  # fmt: skip
        ex.shutdown()
    print(
        f"  2 actors vs 1: {rows[1] / rows[2]:.2f}x (2 cores: 2 actors of 1 thread against 1 of "
        f"{torch.get_num_threads()})"
    )
    _ray().shutdown()


if __name__ == "__main__":
    main()
