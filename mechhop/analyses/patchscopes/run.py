"""The model part of Patchscopes: computing its table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from mechhop.analyses import registry
from mechhop.analyses.patchscopes.config import TARGET_PROMPTS, PatchscopesConfig
from mechhop.analyses.patchscopes.tables import relabel, relabel_table
from mechhop.core.backend import as_backend
from mechhop.core.layers import resolve_pairs
from mechhop.core.sites import Site
from mechhop.data.positions import locate, locate_text
from mechhop.data.schema import TwoHopDataset, TwoHopQuery
from mechhop.engine.executors import Executor, Shard, UnitJob
from mechhop.engine.runs import AnalysisResult, RunStore, run_generation_units, split_by_query
from mechhop.engine.sweep import EngineConfig, PatchVariant, run_variants
from mechhop.errors import MechhopError

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike


def patchscopes(
    model: ModelLike,
    queries: TwoHopDataset | Sequence[TwoHopQuery],
    config: PatchscopesConfig | None = None,
    out: str | Path | None = None,
    progress: bool = True,
    queries_per_call: int | None = None,
    executor: Executor | None = None,
    shard: Shard | str | None = None,
) -> AnalysisResult:
    """Entity description of ``queries``' hidden states; one table row per generation.

    Columns: ``query_id, source, target_prompt, src_layer, tgt_layer, seed, generation, label``.
    With ``out``, finished queries are stored as they complete and a rerun resumes;
    ``queries_per_call`` sets how many queries share one engine call (default: ~4k generations).
    ``executor`` (e.g. :class:`~mechhop.engine.ray_executor.RayExecutor`) computes the queries
    elsewhere, each worker with its own model replica; ``shard="i/n"`` computes only slice i of n
    (for batch-scheduler arrays; combine the folders with ``mechhop merge``).
    """
    config = config or PatchscopesConfig()
    queries = queries if isinstance(queries, TwoHopDataset) else TwoHopDataset(queries)
    if not len(queries):
        raise MechhopError("patchscopes needs at least one query (got an empty list).")
    n_layers = as_backend(model).spec.n_layers
    pairs = resolve_pairs(config.pairs, config.src_layers, config.tgt_layers, n_layers, "full")
    target = config.target_text
    target_at = locate_text(model, target, config.placeholder)[1]
    store = RunStore(out, "patchscopes", config, model, target_text=target)
    store.save_queries(queries)
    engine = EngineConfig(
        max_new_tokens=config.max_new_tokens, decoding=config.decoding, temperature=config.temperature,
        top_k=config.top_k, memory_budget_gb=config.memory_budget_gb, progress=False,
    )  # fmt: skip

    def compute(chunk: list[TwoHopQuery], advance: Callable[[int], None]) -> list[pd.DataFrame]:
        variants, keys = [], []
        for q in chunk:
            pos = locate(model, q)
            for source in config.sources:
                for ls, lt in pairs:
                    for seed in config.seeds:
                        variants.append(
                            PatchVariant(target, Site("resid_post", lt, target_at),
                                         Site("resid_post", ls, pos[source]), q.two_hop_prompt, seed)
                        )  # fmt: skip
                        keys.append((q.id, source, ls, lt, seed))
        result = run_variants(model, variants, replace(engine, on_progress=advance))
        store.note(
            "engine_path",
            result.path if result.why_not_fast is None else f"{result.path} ({result.why_not_fast})",
        )
        rows = pd.DataFrame(keys, columns=["query_id", "source", "src_layer", "tgt_layer", "seed"])
        rows.insert(
            2, "target_prompt", config.target_prompt if config.target_prompt in TARGET_PROMPTS else "custom"
        )
        rows["generation"] = list(result.texts)
        rows["label"] = relabel(rows, TwoHopDataset(chunk), config.matching)
        return split_by_query(rows, chunk)

    per_query = len(config.sources) * len(pairs) * len(config.seeds)
    job = UnitJob("patchscopes", config, {"queries_per_call": queries_per_call})
    run_generation_units(store, queries, compute, per_query, queries_per_call, progress, "patchscopes",
                         job=job, executor=executor, shard=shard, model=model)  # fmt: skip
    keys = list(registry.get("patchscopes").keys)
    return store.finish(
        queries, keys, relabel=lambda table, known: relabel_table(table, known, config.matching)
    )
