"""The model part of back-patching: computing its table."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from mechhop.analyses import registry
from mechhop.analyses.backpatching.config import BackpatchingConfig, Target
from mechhop.analyses.backpatching.tables import relabel_table, resucceed
from mechhop.analyses.controls import placebo_donors
from mechhop.core.backend import as_backend
from mechhop.core.layers import resolve_pairs
from mechhop.core.sites import Site
from mechhop.data.positions import locate, mention_chars, token_span
from mechhop.data.schema import PAPER_STYLE, TwoHopDataset, TwoHopQuery
from mechhop.engine.executors import Executor, Shard, UnitJob
from mechhop.engine.runs import AnalysisResult, RunStore, run_generation_units, split_by_query
from mechhop.engine.sweep import EngineConfig, PatchVariant, run_variants
from mechhop.errors import MechhopError

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike


def target_prompt(model: ModelLike, query: TwoHopQuery, target: Target) -> tuple[str, int | None]:
    """The prompt a target names and the token to patch there (None: the source position itself)."""
    if target == "original":
        return query.two_hop_prompt, None
    if target == "composition":
        prompt, chars = mention_chars(query)
        start, stop = chars["e1"]
        text = prompt[:start] + "x" + prompt[stop:]
    else:
        text = query.filled(query.r2_template, "x")
        start = len(PAPER_STYLE.prefix) + query.r2_template.index("{}")
    offsets = as_backend(model).char_spans(text, None)
    return text, token_span(offsets, start, start + 1, "x", text, query.id)[1]


def direction_seed(query_id: str, position: str, target: str, ls: int, lt: int, seed: int = 0) -> int:
    """The random-direction control's seed for one query, position, target and pair: a hash, so the
    direction does not depend on what else runs (shards, batches, workers)."""
    text = f"{seed}|{query_id}|{position}|{target}|{ls}|{lt}".encode()
    return int.from_bytes(hashlib.sha256(text).digest()[:4], "little") & 0x7FFFFFFF


def backpatching(
    model: ModelLike,
    queries: TwoHopDataset | Sequence[TwoHopQuery],
    config: BackpatchingConfig | None = None,
    out: str | Path | None = None,
    progress: bool = True,
    queries_per_call: int | None = None,
    donor_pool: TwoHopDataset | Sequence[TwoHopQuery] | None = None,
    executor: Executor | None = None,
    shard: Shard | str | None = None,
) -> AnalysisResult:
    """Back-patched greedy generations of ``queries``; one row per (query, position, target, pair).

    Columns: ``query_id, donor_id, position, target, src_layer, tgt_layer, generation, success,
    kl`` (``donor_id``: the query whose state was patched in; the query itself unless
    ``source="placebo"``, drawn from ``donor_pool``, by default ``queries`` themselves; ``kl``: the
    KL divergence of the first generated token's distribution from the unpatched one, in nats).
    ``source="random"`` writes, at each pair of the real grid, the target's own state moved by a
    seeded random direction of the length the real patch would move it (:func:`direction_seed`). With
    ``out``, finished queries are stored as they complete and a rerun resumes;
    ``queries_per_call`` sets how many queries share one engine call (default: ~4k generations).
    ``executor`` (e.g. :class:`~mechhop.engine.ray_executor.RayExecutor`) computes the queries
    elsewhere, each worker with its own model replica; ``shard="i/n"`` computes only slice i of n
    (for batch-scheduler arrays; combine the folders with ``mechhop merge``).
    """
    config = config or BackpatchingConfig()
    queries = queries if isinstance(queries, TwoHopDataset) else TwoHopDataset(queries)
    if not len(queries):
        raise MechhopError("backpatching needs at least one query.")
    pairs = resolve_pairs(
        config.pairs, config.src_layers, config.tgt_layers, as_backend(model).spec.n_layers, "backward"
    )
    if config.source == "forward":  # the same pairs mirrored: same grid size, no later state carried back
        backward = [(ls, lt) for ls, lt in pairs if ls < lt]
        if backward:
            raise MechhopError(
                f"The forward control mirrors back-patching's pairs, so each pair needs src >= tgt; got "
                f"{backward[:3]}. Give the real run's pairs (src > tgt) and the control mirrors them."
            )
        pairs = tuple((lt, ls) for ls, lt in pairs)
    pool = list(queries if donor_pool is None else donor_pool)
    donors = (
        placebo_donors(queries, config.placebo_seed, pool, k=config.donors)
        if config.source == "placebo"
        else {q.id: (q.id,) for q in queries}
    )
    by_id = {q.id: q for q in [*pool, *queries]}
    store = RunStore(out, "backpatching", config, model)
    store.save_queries(queries)
    engine = EngineConfig(
        max_new_tokens=config.max_new_tokens, memory_budget_gb=config.memory_budget_gb, progress=False
    )

    def compute(chunk: list[TwoHopQuery], advance: Callable[[int], None]) -> list[pd.DataFrame]:
        variants, keys = [], []
        for q in chunk:
            pos = locate(model, q)
            for donor in (by_id[d] for d in donors[q.id]):
                source_pos = locate(model, donor)
                for target in config.targets:
                    prompt, at = target_prompt(model, q, target)
                    for position in config.positions:
                        for ls, lt in pairs:
                            into = Site("resid_post", lt, pos[position] if at is None else at)
                            state = Site("resid_post", ls, source_pos[position])
                            displace = (direction_seed(q.id, position, target, ls, lt, config.placebo_seed)
                                        if config.source == "random" else None)  # fmt: skip
                            variants.append(PatchVariant(prompt, into, state, donor.two_hop_prompt,
                                                         displace=displace))  # fmt: skip
                            keys.append((q.id, donor.id, position, target, ls, lt))
        result = run_variants(model, variants, replace(engine, on_progress=advance))
        store.note(
            "engine_path",
            result.path if result.why_not_fast is None else f"{result.path} ({result.why_not_fast})",
        )
        columns = ["query_id", "donor_id", "position", "target", "src_layer", "tgt_layer"]
        rows = pd.DataFrame(keys, columns=columns)
        rows["generation"] = list(result.texts)
        if result.first_kl is not None:  # how far the patch moves the first token's distribution
            rows["kl"] = result.first_kl.tolist()
        rows["success"] = resucceed(rows, TwoHopDataset(chunk), config.matching)
        return split_by_query(rows, chunk)

    per_query = len(config.targets) * len(config.positions) * len(pairs) * max(map(len, donors.values()))
    desc = "back-patching" + ("" if config.source == "query" else f" ({config.source} control)")
    job = UnitJob("backpatching", config, {"donor_pool": pool, "queries_per_call": queries_per_call})
    run_generation_units(store, queries, compute, per_query, queries_per_call, progress, desc,
                         job=job, executor=executor, shard=shard, model=model)  # fmt: skip
    keys = list(registry.get("backpatching").keys)
    return store.finish(
        queries, keys, relabel=lambda table, known: relabel_table(table, known, config.matching)
    )
