"""The model part of sublayer projection: computing its table."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pandas as pd
import torch
from jaxtyping import Float, Int
from torch import Tensor

from mechhop.analyses import registry
from mechhop.analyses.projection.config import (
    ANALYSIS,
    SUBLAYERS,
    TABLE_COLUMNS,
    ProjectionConfig,
    Sublayer,
    _check_sublayers,
)
from mechhop.analyses.projection.tables import candidate_strings
from mechhop.core.apply import applied
from mechhop.core.backend import Backend, as_backend
from mechhop.core.interventions import Record
from mechhop.core.recipe import Recipe
from mechhop.core.sites import Site
from mechhop.core.tokens import Prompt, PromptBatch, encode
from mechhop.data.schema import TwoHopDataset, TwoHopQuery
from mechhop.engine.executors import Executor, Shard, UnitJob
from mechhop.engine.runs import AnalysisResult, RunStore, run_units
from mechhop.errors import MechhopError

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike

_SITE_KIND = {"attn": "attn_out", "mlp": "mlp_out"}


# -- ranks ------------------------------------------------------------------------------------
def _rank_of_values(logits: Float[Tensor, "... vocab"], values: Float[Tensor, "..."]) -> Int[Tensor, "..."]:
    """How many entries of ``logits`` are strictly larger than ``values`` (ties share a rank)."""
    return (logits > values.unsqueeze(-1)).sum(-1)


def ranks_of(logits: Float[Tensor, "... vocab"], token_ids: Sequence[int]) -> Int[Tensor, "..."]:
    """The best (smallest) rank among ``token_ids``; rank 0 is the top, ties share a rank.

    A token's rank is the number of vocabulary entries with a strictly larger logit, so
    the best rank over several ids is the rank of the largest of their logits.
    """
    ids = [int(t) for t in token_ids]
    if not ids:
        raise MechhopError("ranks_of needs at least one token id.")
    vocab = logits.shape[-1]
    bad = [t for t in ids if not 0 <= t < vocab]
    if bad:
        raise MechhopError(f"Token id(s) {bad} are outside the vocabulary (0..{vocab - 1}).")
    best = logits[..., torch.tensor(ids, device=logits.device)].max(-1).values
    return _rank_of_values(logits, best)


def _best_ranks(
    logits: Float[Tensor, "batch vocab"], ids: Int[Tensor, "batch cand"], valid: Tensor
) -> tuple[Int[Tensor, " batch"], Int[Tensor, " batch"]]:
    """Per row, the best rank over that row's candidate ids and the index of the candidate giving it
    (the first one, in candidate order, among equal logits)."""
    values = logits.gather(-1, ids).masked_fill(~valid, float("-inf"))
    best, index = values.max(-1)
    return _rank_of_values(logits, best), index


def first_token_candidates(
    model: ModelLike,
    query: TwoHopQuery,
    entity: Literal["e1", "e2", "e3"],
) -> dict[str, int]:
    """The first token id of each candidate string of ``entity`` (tokenised without BOS).

    Candidates are :func:`candidate_strings` of ``query.answers(entity)``, in that order.
    """
    backend = as_backend(model)
    return _first_tokens(backend, query.answers(entity))


def _first_tokens(backend: Backend, answers: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    for text in candidate_strings(answers):
        ids = backend.tokenize(text, prepend_bos=False)
        if ids:
            out[text] = ids[0]
    return out


# -- one forward ------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class SublayerOutputs:
    """Sublayer outputs at the last position of each prompt, from one forward pass."""

    batch: PromptBatch = field(repr=False)
    sublayers: tuple[Sublayer, ...]
    vectors: Float[Tensor, "batch layer sublayer d_model"] = field(repr=False)
    final_logits: Float[Tensor, "batch vocab"] = field(repr=False)  # the model's own, fp32
    backend: Backend = field(repr=False)

    def project(self, vectors: Float[Tensor, "... d_model"]) -> Float[Tensor, "... vocab"]:
        """Final normalisation, then unembedding (and soft-cap); fp32."""
        return self.backend.project(vectors)

    def logits(self) -> Float[Tensor, "batch layer sublayer vocab"]:
        """Every sublayer output projected (vocabulary-sized: for small batches)."""
        return self.project(self.vectors)


def last_position_outputs(
    model: ModelLike,
    prompts: Sequence[Prompt] | PromptBatch,
    sublayers: Sequence[Sublayer] = SUBLAYERS,
    *,
    prepend_bos: bool | None = None,
) -> SublayerOutputs:
    """Attention / MLP outputs of every layer at each prompt's last token, and the final logits
    there, from one forward of the left-padded batch."""
    backend = as_backend(model)
    sublayers = _check_sublayers(sublayers, "sublayers")
    missing = [s for s in sublayers if _SITE_KIND[s] not in backend.spec.kinds]
    if missing:
        raise MechhopError(f"This model has no {', '.join(_SITE_KIND[s] for s in missing)} hook; "
                           f"project only {[s for s in sublayers if s not in missing]}.")  # fmt: skip
    batch = prompts if isinstance(prompts, PromptBatch) else encode(backend, prompts, prepend_bos)
    n_layers = backend.spec.n_layers
    recipe = Recipe(
        *(
            Record(Site(_SITE_KIND[s], layer, -1), name=f"{s}:{layer}")  # type: ignore[arg-type]
            for layer in range(n_layers)
            for s in sublayers
        )
    )
    with applied(backend, batch, recipe, prepend_bos=prepend_bos) as handle:
        final = backend.forward(batch.tokens, batch.attention_mask, last_only=True)
    records = handle.records
    vectors = torch.stack(
        [torch.stack([records[f"{s}:{layer}"] for s in sublayers], 1) for layer in range(n_layers)], 1
    )
    return SublayerOutputs(batch, tuple(sublayers), vectors, final.float(), backend)


# -- the analysis -----------------------------------------------------------------------------
class _Strings:
    """Token strings, decoded once per id (a run decodes the same few tokens many times)."""

    def __init__(self, backend: Backend) -> None:
        self.backend = backend
        self.cache: dict[int, str] = {}

    def __call__(self, ids: Iterable[int]) -> list[str]:
        ids = list(ids)
        new = [i for i in dict.fromkeys(ids) if i not in self.cache]
        if new:
            self.cache.update(zip(new, self.backend.token_strings(new), strict=True))
        return [self.cache[i] for i in ids]


def _candidate_matrix(
    cands: list[dict[str, int]], device: torch.device
) -> tuple[Int[Tensor, "batch cand"], Tensor, list[list[str]]]:
    width = max(len(c) for c in cands)
    ids = torch.zeros((len(cands), width), dtype=torch.long)
    valid = torch.zeros((len(cands), width), dtype=torch.bool)
    for row, cand in enumerate(cands):
        ids[row, : len(cand)] = torch.tensor(list(cand.values()), dtype=torch.long)
        valid[row, : len(cand)] = True
    return ids.to(device), valid.to(device), [list(c) for c in cands]


def _project_queries(
    backend: Backend,
    queries: list[TwoHopQuery],
    config: ProjectionConfig,
    first_tokens: dict[tuple[str, ...], dict[str, int]],
    strings: _Strings,
) -> list[pd.DataFrame]:
    outputs = last_position_outputs(backend, [q.two_hop_prompt for q in queries], config.sublayers)
    device = outputs.final_logits.device
    entities: dict[str, tuple[Tensor, Tensor, list[list[str]]]] = {}
    for e in ("e2", "e3"):
        cands = []
        for q in queries:
            answers = q.answers(e)  # type: ignore[arg-type]
            if answers not in first_tokens:
                first_tokens[answers] = _first_tokens(backend, answers)
            if not first_tokens[answers]:
                raise MechhopError(f"Query {q.id!r}: no answer string of {e} has any token ({answers}).")
            cands.append(first_tokens[answers])
        entities[e] = _candidate_matrix(cands, device)
    predicted = outputs.final_logits.argmax(-1)  # [batch]

    # Reduce each sublayer's logits right away: only [batch, k] and [batch] leave this loop.
    top_ids: list[Tensor] = []
    top_probs: list[Tensor] = []
    ranks: dict[str, list[Tensor]] = {"e2": [], "e3": [], "predicted": []}
    best: dict[str, list[Tensor]] = {"e2": [], "e3": []}
    for layer in range(backend.spec.n_layers):
        for j in range(len(config.sublayers)):
            logits = outputs.project(outputs.vectors[:, layer, j])  # [batch, vocab], fp32
            values, ids = logits.topk(config.top_k, -1)
            top_ids.append(ids)
            top_probs.append((values - logits.logsumexp(-1, keepdim=True)).exp())
            for e, (cand_ids, valid, _) in entities.items():
                rank, index = _best_ranks(logits, cand_ids, valid)
                ranks[e].append(rank)
                best[e].append(index)
            ranks["predicted"].append(_rank_of_values(logits, logits.gather(-1, predicted[:, None])[:, 0]))

    def stacked(parts: list[Tensor]) -> list:  # [site, batch, ...] -> nested lists, one transfer
        return torch.stack(parts).cpu().tolist()

    top_ids_l, top_probs_l = stacked(top_ids), stacked(top_probs)
    ranks_l = {k: stacked(v) for k, v in ranks.items()}
    best_l = {k: stacked(v) for k, v in best.items()}
    predicted_l = predicted.cpu().tolist()
    predicted_s = strings(predicted_l)
    sites = [(layer, s) for layer in range(backend.spec.n_layers) for s in config.sublayers]

    tables = []
    for row, q in enumerate(queries):
        records = []
        for i, (layer, s) in enumerate(sites):
            ids = top_ids_l[i][row]
            records.append({
                "query_id": q.id,
                "layer": layer,
                "sublayer": s,
                "top_tokens": strings(ids),
                "top_ids": ids,
                "top_probs": top_probs_l[i][row],
                "e2_rank": ranks_l["e2"][i][row],
                "e2_best_string": entities["e2"][2][row][best_l["e2"][i][row]],
                "e3_rank": ranks_l["e3"][i][row],
                "e3_best_string": entities["e3"][2][row][best_l["e3"][i][row]],
                "predicted_token": predicted_s[row],
                "predicted_id": predicted_l[row],
                "predicted_rank": ranks_l["predicted"][i][row],
            })  # fmt: skip
        tables.append(pd.DataFrame.from_records(records, columns=list(TABLE_COLUMNS)))
    return tables


def sublayer_projection(
    model: ModelLike,
    queries: TwoHopDataset | Sequence[TwoHopQuery],
    config: ProjectionConfig | None = None,
    out: str | Path | None = None,
    progress: bool = True,
    executor: Executor | None = None,
    shard: Shard | str | None = None,
) -> AnalysisResult:
    """Project every layer's attention and MLP output at the last position of each query's
    two-hop prompt to the vocabulary (docs/method/projection.md); one row per (query, layer, sublayer).

    With ``out``, results are stored under ``out/projection-<hash>/`` query by query, and
    a second call with the same queries, settings and model recomputes nothing.
    ``executor`` (e.g. :class:`~mechhop.engine.ray_executor.RayExecutor`) computes the queries
    elsewhere, each worker with its own model replica; ``shard="i/n"`` computes only slice i of n
    (for batch-scheduler arrays; combine the folders with ``mechhop merge``).
    """
    config = ProjectionConfig() if config is None else config
    if not isinstance(config, ProjectionConfig):
        raise MechhopError(f"config must be a ProjectionConfig, got {type(config).__name__}.")
    dataset = queries if isinstance(queries, TwoHopDataset) else TwoHopDataset(queries)
    if len(dataset) == 0:
        raise MechhopError("No queries given: pass a TwoHopDataset or a list of TwoHopQuery.")
    backend = as_backend(model)
    if not backend.has_tokenizer:
        raise MechhopError("sublayer_projection tokenises the queries' prompts and answers, but this "
                           "model has no tokenizer; load it with mechhop.load_model(...).")  # fmt: skip
    if config.top_k > backend.spec.d_vocab:
        raise MechhopError(f"top_k={config.top_k} exceeds the vocabulary size ({backend.spec.d_vocab}).")
    store = RunStore(out, ANALYSIS, config, backend.model)
    store.save_queries(dataset)
    first_tokens: dict[tuple[str, ...], dict[str, int]] = {}
    strings = _Strings(backend)
    run_units(
        store,
        [(q.id, q) for q in dataset],
        lambda chunk: _project_queries(backend, chunk, config, first_tokens, strings),
        per_call=config.batch_size,
        progress=progress,
        desc="sublayer projection",
        job=UnitJob(ANALYSIS, config),
        executor=executor,
        shard=shard,
        model=backend.model,
    )
    return store.finish(dataset, sort=registry.get(ANALYSIS).keys)
