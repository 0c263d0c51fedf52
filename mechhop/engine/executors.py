"""Where an analysis's units are computed: in this process, on a Ray cluster, or a shard of them.

An analysis splits its queries into *chunks* of units (one unit per query), and
the chunks are fixed by the full query list alone: however the work is spread
(in process, over Ray workers, as ``--shard i/n`` slices, or resumed after a
kill), every chunk holds the same queries and its engine batches are the same,
so the tables are identical.

To compute a chunk elsewhere, a worker calls the analysis's own public function
on it (``out=None``) with its own model replica: a :class:`UnitJob` names the
analysis, its config and the arguments that keep a chunk's result independent
of its neighbours (e.g. the placebo donor pool). The driver writes what comes
back through the same resumable run folder, so no shared filesystem is needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from mechhop.errors import MechhopError

if TYPE_CHECKING:
    import pandas as pd

T = TypeVar("T")


@dataclass(frozen=True)
class Shard:
    """Slice ``index`` of ``count`` of a run's chunks (chunk ``c`` belongs to shard ``c % count``)."""

    index: int
    count: int

    def __post_init__(self) -> None:
        if not (isinstance(self.count, int) and self.count >= 1 and 0 <= self.index < self.count):
            raise MechhopError(
                f"Shard {self.index}/{self.count}: give i/n with 0 <= i < n (e.g. 0/3, 1/3 and 2/3 for three "
                "array jobs; with Slurm, --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT)."
            )

    @classmethod
    def parse(cls, text: str | Shard | None) -> Shard | None:
        if text is None or isinstance(text, Shard):
            return text
        match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d+)\s*", str(text))
        if match is None:
            raise MechhopError(f"--shard {text!r}: give i/n, e.g. 0/3 (the first of three shards).")
        return cls(int(match.group(1)), int(match.group(2)))

    def select(self, chunks: Sequence[T]) -> list[T]:
        return [c for i, c in enumerate(chunks) if i % self.count == self.index]

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


@dataclass(frozen=True)
class UnitJob:
    """What a worker needs to compute any chunk of a run: ``run(model, chunk, config, out=None,
    progress=False, **kwargs)``, with ``run`` the analysis's function in the registry."""

    analysis: str
    config: Any
    kwargs: dict[str, Any] = field(default_factory=dict)


def compute_chunk(
    model: Any, job: UnitJob, chunk: Sequence[Any]
) -> tuple[list[pd.DataFrame], dict[str, Any]]:
    """The per-unit tables of ``chunk`` (queries, in order) and the run notes (e.g. the engine path),
    computed with ``model`` by re-entering the analysis on the chunk alone."""
    from mechhop.analyses import registry

    run = registry.get(job.analysis).runner()
    result = run(model, list(chunk), job.config, out=None, progress=False, **job.kwargs)
    table = result.table
    tables = [table[table["query_id"] == q.id].reset_index(drop=True) for q in chunk]
    notes = {k: result.meta[k] for k in ("engine_path",) if k in result.meta}
    return tables, notes


class Executor(Protocol):
    """Computes chunks elsewhere and reports each as it finishes, in any order (the in-process
    default needs none: the analysis computes its chunks itself). :class:`RayExecutor
    <mechhop.engine.ray_executor.RayExecutor>` is the one implementation today."""

    def map_chunks(
        self, model: Any, job: UnitJob, chunks: Sequence[Sequence[Any]]
    ) -> Iterator[tuple[int, list[pd.DataFrame], dict[str, Any]]]:
        """Yield ``(chunk index, per-unit tables, notes)`` as chunks finish."""
        ...

    def describe(self) -> str:
        """A few words for progress bars, e.g. '2 Ray workers'."""
        ...
