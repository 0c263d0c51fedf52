"""Analyses on a Ray cluster: one model replica per actor, the driver writing the run folder.

    executor = RayExecutor()                      # a local cluster on this machine's cores/GPUs
    executor = RayExecutor(address="auto")        # the cluster `ray start --head` runs here
    backpatching(model, queries, config, out="runs", executor=executor)

Each actor loads its own replica of the model once (one GPU each when the cluster
has GPUs, or ``gpus_per_worker=0.25`` so that four small models share one) and
computes chunks of units (:mod:`mechhop.engine.executors`). Results come back to
the driver, which stores each unit as it arrives, so a rerun of the same call
resumes and no shared filesystem is needed. A chunk whose actor dies (killed,
out of memory, node lost) goes back to the queue and another actor computes it;
a dead actor is replaced, up to ``max_replacements`` times.

Install with ``pip install 'mechhop[ray]'``. Remote clusters need mechhop (and
the model's weights) installed on every node.
"""

from __future__ import annotations

import functools
import os
import sys
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from mechhop.engine.executors import UnitJob, compute_chunk
from mechhop.errors import MechhopError

if TYPE_CHECKING:
    import pandas as pd


def _ray() -> Any:
    try:
        import ray
    except ImportError:
        raise MechhopError(
            "RayExecutor needs Ray: pip install 'mechhop[ray]' (or pip install ray), then rerun."
        ) from None
    return ray


def reload_loader(model: Any, device: str) -> Callable[[], Any]:
    """A picklable function that loads ``model`` again in a worker, from what
    :func:`mechhop.load_model` recorded on it (name, dtype, weight processing)."""
    info = getattr(model, "mechhop_info", None)
    if info is None:
        raise MechhopError(
            "RayExecutor cannot tell how to load this model in its workers (it was not loaded with "
            "mechhop.load_model); pass RayExecutor(load=...), a function that returns the model."
        )
    from mechhop.models.loading import load_model

    name = info.location if info.source == "local" else info.name
    return functools.partial(
        load_model, name, device=device, dtype=info.dtype, prepend_bos=info.prepend_bos, backend=info.backend,
        processing=info.processing if info.backend == "hooked" else None,
    )  # fmt: skip


class _Worker:
    """A Ray actor holding one model replica."""

    def __init__(self, load: Callable[[], Any], threads: int) -> None:
        import torch

        if threads > 0:
            torch.set_num_threads(threads)
        self.model = load()

    def pid(self) -> int:
        return os.getpid()

    def compute(self, job: UnitJob, chunk: Sequence[Any]) -> tuple[list[pd.DataFrame], dict[str, Any]]:
        return compute_chunk(self.model, job, chunk)


class RayExecutor:
    """Compute an analysis's chunks on Ray actors (see the module docstring).

    Args:
        address: None starts (or joins, if this process already did) a local cluster; ``"auto"``
            joins the cluster running on this machine; ``"ray://host:10001"`` a remote one.
        workers: actors (default: one per GPU, or one per ``cpus_per_worker`` CPUs without GPUs).
        gpus_per_worker: GPUs per actor (default 1 when the cluster has GPUs, else 0); a fraction
            lets small models share a GPU.
        cpus_per_worker: CPUs Ray reserves per actor.
        threads_per_worker: torch threads per actor on CPUs (default: as many as this process
            uses). CPU matrix products sum in an order that depends on the thread count, so only
            the same count gives tables bit-identical to a single-process run (another count moves
            logits by ~1e-6, which can swap near-tied ranks); 1 is fastest when actors fill the cores.
        load: a picklable function returning the model in a worker (default: reload the
            driver's model by name with :func:`mechhop.load_model`).
        max_replacements: dead actors replaced before the run gives up.
    """

    def __init__(
        self,
        address: str | None = None,
        *,
        workers: int | None = None,
        gpus_per_worker: float | None = None,
        cpus_per_worker: float = 1,
        threads_per_worker: int | None = None,
        load: Callable[[], Any] | None = None,
        max_replacements: int = 8,
    ) -> None:
        if workers is not None and workers < 1:
            raise MechhopError(f"RayExecutor(workers={workers}): give at least 1.")
        self.address, self.workers, self.load = address, workers, load
        self.gpus_per_worker, self.cpus_per_worker = gpus_per_worker, cpus_per_worker
        self.threads_per_worker = threads_per_worker
        self.max_replacements = max_replacements
        self._actors: list[Any] = []
        self._actor_key: object = None
        self.replaced = 0  # actors that died and were replaced (over this executor's life)
        self._started_here = False

    def __repr__(self) -> str:
        return f"RayExecutor(address={self.address!r}, workers={self.workers})"

    def describe(self) -> str:
        n = len(self._actors) or self.workers
        return f"{n} Ray workers" if n else "Ray workers"

    # -- cluster and actors -------------------------------------------------------------
    def _connect(self) -> Any:
        ray = _ray()
        if not ray.is_initialized():
            kwargs: dict[str, Any] = {"include_dashboard": False, "log_to_driver": False}
            if self.address is None:
                # local workers import what this process imports (tests, notebooks' folders)
                path = os.pathsep.join(p for p in sys.path if p and os.path.isdir(p))
                kwargs["runtime_env"] = {"env_vars": {"PYTHONPATH": path}}
                self._started_here = True
            try:
                ray.init(address=self.address, **kwargs)
            except (ConnectionError, ValueError, RuntimeError) as exc:
                raise MechhopError(
                    f"Cannot connect to the Ray cluster at {self.address!r}: {exc}. Start one with "
                    "`ray start --head`, or pass address=None for a local cluster."
                ) from None
        return ray

    def _resources(self, ray: Any) -> tuple[int, float, float]:
        total = ray.cluster_resources()
        gpus = float(total.get("GPU", 0))
        per_gpu = self.gpus_per_worker if self.gpus_per_worker is not None else (1.0 if gpus else 0.0)
        if self.workers is not None:
            workers = self.workers
        elif per_gpu:
            workers = max(1, int(gpus / per_gpu))
        else:
            workers = max(1, int(float(total.get("CPU", 1)) // self.cpus_per_worker))
        return workers, per_gpu, self.cpus_per_worker

    def _spawn(self, ray: Any, load: Callable[[], Any], gpus: float, cpus: float) -> Any:
        import torch

        threads = self.threads_per_worker or torch.get_num_threads()
        actor = ray.remote(_Worker).options(num_cpus=cpus, num_gpus=gpus, max_restarts=0)
        return actor.remote(load, 0 if gpus else threads)

    def actor_pids(self) -> list[int]:
        """Process ids of the live actors (tests kill one to check that nothing is lost)."""
        ray = _ray()
        return [int(ray.get(a.pid.remote())) for a in self._actors]

    def start(self, model: Any) -> None:
        """Start the actors (each loads its replica) unless those of ``model`` are running."""
        ray = self._connect()
        workers, gpus, cpus = self._resources(ray)
        load = self.load or reload_loader(model, "cuda" if gpus else "cpu")
        key = (id(model), id(self.load))
        if self._actors and self._actor_key == key:
            return
        self.shutdown()
        self._load, self._gpus, self._cpus = load, gpus, cpus
        self._actors = [self._spawn(ray, load, gpus, cpus) for _ in range(workers)]
        self._actor_key = key

    def shutdown(self) -> None:
        """Stop the actors (the cluster stays up for the next analysis)."""
        if self._actors:
            ray = _ray()
            for actor in self._actors:
                ray.kill(actor)
        self._actors = []
        self._actor_key = None

    # -- the work loop ------------------------------------------------------------------
    def map_chunks(
        self, model: Any, job: UnitJob, chunks: Sequence[Sequence[Any]]
    ) -> Iterator[tuple[int, list[pd.DataFrame], dict[str, Any]]]:
        if not chunks:
            return
        self.start(model)
        ray = _ray()
        job_ref = ray.put(job)
        queue: deque[int] = deque(range(len(chunks)))
        running: dict[Any, tuple[int, Any]] = {}
        idle = list(self._actors) * 2  # two chunks per actor: the next waits while the driver writes
        while queue or running:
            while queue and idle:
                actor, index = idle.pop(0), queue.popleft()
                running[actor.compute.remote(job_ref, list(chunks[index]))] = (index, actor)
            ready, _ = ray.wait(list(running), num_returns=1)
            index, actor = running.pop(ready[0])
            try:
                tables, notes = ray.get(ready[0])
            except ray.exceptions.RayActorError:
                # the actor died: its chunk (and any other queued on it) goes to another actor
                queue.appendleft(index)
                if actor in self._actors:
                    self.replaced += 1
                    if self.replaced > self.max_replacements:
                        raise MechhopError(
                            f"{self.replaced} Ray workers died during this run (last while computing chunk "
                            f"{index}); the units finished so far are stored: check the workers' memory "
                            "and logs, then rerun to resume."
                        ) from None
                    self._actors.remove(actor)
                    idle = [a for a in idle if a is not actor]
                    fresh = self._spawn(ray, self._load, self._gpus, self._cpus)
                    self._actors.append(fresh)
                    idle += [fresh, fresh]
                continue
            except ray.exceptions.RayTaskError as exc:
                cause = getattr(exc, "cause", None)
                if isinstance(cause, MechhopError):
                    raise cause from None
                raise MechhopError(f"A Ray worker failed on chunk {index}: {exc}") from None
            idle.append(actor)
            yield index, tables, notes
