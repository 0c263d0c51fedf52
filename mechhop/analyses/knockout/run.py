"""The model part of attention knockout: computing its table."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from mechhop.analyses import registry
from mechhop.analyses.knockout.config import (
    PROMPT_KEYS,
    KeyName,
    KnockoutConfig,
    KnockoutPrompt,
    QuerySet,
    SpanMode,
    _check_int,
)
from mechhop.analyses.knockout.tables import knockout_matters, recorrect
from mechhop.core.backend import as_backend
from mechhop.core.generation import generate
from mechhop.core.interventions import KnockOut
from mechhop.core.layers import resolve_layer, resolve_layers
from mechhop.core.recipe import Recipe
from mechhop.data.matching import contains_answer
from mechhop.data.positions import QueryPositions, head_word, locate, offset_in_template, token_span
from mechhop.data.schema import PAPER_STYLE, TwoHopDataset, TwoHopQuery
from mechhop.engine.executors import Executor, Shard, UnitJob
from mechhop.engine.runs import AnalysisResult, RunStore, run_units
from mechhop.engine.sweep import EngineConfig, KnockoutVariant, run_knockouts
from mechhop.errors import MechhopError, PositionError

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike


# -- recipes ------------------------------------------------------------------------------
def window_layers(n_layers: int, layer: int, window: int) -> tuple[int, ...]:
    """Layers ``max(0, l-k) .. min(L-1, l+k)`` around centre ``layer`` (negative: from the top)."""
    _check_int(window, "window", 0, owner="")
    centre = resolve_layer(layer, n_layers, "knockout layer")
    return tuple(range(max(0, centre - window), min(n_layers - 1, centre + window) + 1))


def knockout_recipe(
    n_layers: int,
    layer: int,
    window: int,
    query_positions: Sequence[int] | None,
    key_positions: Sequence[int],
) -> Recipe:
    """Block edges ``query_positions -> key_positions`` (prompt token indices) in every head of the
    window around ``layer``. ``query_positions=None`` blocks every query (generated ones too when the
    recipe stays on while decoding); an empty ``key_positions`` blocks nothing."""
    layers = window_layers(n_layers, layer, window)
    queries = None if query_positions is None else tuple(query_positions)
    step = KnockOut(layers=layers, keys=tuple(key_positions), queries=queries)
    return Recipe(step, name=f"knockout L{layer}±{window}")


def blocks_an_edge(query_positions: Sequence[int] | None, key_positions: Sequence[int]) -> bool:
    """Whether some blocked edge is not already causally masked (a key at or before its query)."""
    if not key_positions:
        return False
    return query_positions is None or min(key_positions) <= max(query_positions, default=-1)


# -- positions ----------------------------------------------------------------------------
def knockout_positions(
    model: ModelLike, query: TwoHopQuery, prompt: KnockoutPrompt = "two_hop"
) -> QueryPositions:
    """Token spans of the mentions in the chosen prompt: e1, r1, r2 (two-hop) or e2, r2 (second hop).

    The second-hop prompt's mentions are found where the prompt builder puts them (e2 in the
    template's slot, r2's head word in the template), then mapped to tokens exactly.
    """
    if prompt == "two_hop":
        return locate(model, query)
    if prompt != "second_hop":
        raise MechhopError(f"prompt must be one of {', '.join(PROMPT_KEYS)}, got {prompt!r}.")
    template, e2 = query.r2_template, query.e2_label
    text = query.prompt_text("second_hop")
    slot = len(PAPER_STYLE.prefix) + template.index("{}")
    word = head_word(query.r2, template)
    try:
        word_at = len(PAPER_STYLE.prefix) + offset_in_template(template, word, e2)
    except ValueError:
        raise PositionError(
            f"Query {query.id}: relation head word {word!r} is not in template {template!r}."
        ) from None
    chars = {"e2": (slot, slot + len(e2)), "r2": (word_at, word_at + len(word))}
    backend = as_backend(model)
    offsets = backend.char_spans(text, None)
    spans = {}
    for name, (start, stop) in chars.items():
        spans[name] = token_span(offsets, start, stop, text[start:stop], text, query.id)
    return QueryPositions(query.id, text, tuple(backend.tokenize(text, None)), spans)


def query_positions(positions: QueryPositions, query_set: QuerySet) -> tuple[int, ...] | None:
    """Query positions of a query set; ``"all"`` is None (every position; see :func:`knockout_recipe`)."""
    if query_set == "all":
        return None
    return (positions.span(query_set)[1],)


def key_positions(positions: QueryPositions, key: KeyName, span: SpanMode = "last_token") -> tuple[int, ...]:
    first, last = positions.span(key)
    return (last,) if span == "last_token" else tuple(range(first, last + 1))


# -- the analysis -------------------------------------------------------------------------
def _as_dataset(queries: TwoHopDataset | Sequence[TwoHopQuery] | TwoHopQuery) -> TwoHopDataset:
    if isinstance(queries, TwoHopQuery):
        queries = [queries]
    return queries if isinstance(queries, TwoHopDataset) else TwoHopDataset(queries)


def _generate_rows(
    model: ModelLike, prompts: list[tuple[int, ...]], recipes: list[Recipe], config: KnockoutConfig
) -> tuple[list[str], list[int]]:
    """Each row's generated text and the id of its first generated token (the symmetric rule's),
    by the plain method: one full forward per row under its recipe."""
    # Rows of similar length share a batch, so little compute goes to padding.
    order = sorted(range(len(prompts)), key=lambda i: len(prompts[i]))
    texts: list[str] = [""] * len(prompts)
    first: list[int] = [-1] * len(prompts)
    for start in range(0, len(order), config.batch_size):
        rows = order[start : start + config.batch_size]
        out = generate(
            model, [list(prompts[i]) for i in rows], [recipes[i] for i in rows],
            max_new_tokens=config.max_new_tokens, apply_to=config.apply_to,
        )  # fmt: skip
        ids = out.new_tokens[:, 0].tolist()  # the greedy choice at the prompt's last position
        for i, text, token in zip(rows, out.texts, ids, strict=True):
            texts[i], first[i] = text, int(token)
    return texts, first


def _engine_rows(
    model: ModelLike, variants: list[KnockoutVariant], config: KnockoutConfig
) -> tuple[list[str], list[int], str]:
    """The same rows on the sweep engine (one query position each: the clean run is reused up to the
    window's first layer and that position): texts, first-token ids, and the path that ran."""
    result = run_knockouts(
        model, variants, EngineConfig(max_new_tokens=config.max_new_tokens, progress=False)
    )
    path = result.path if result.why_not_fast is None else f"{result.path} ({result.why_not_fast})"
    return list(result.texts), [int(t) for t in result.new_tokens[:, 0].tolist()], f"engine: {path}"


def knockout(
    model: ModelLike,
    queries: TwoHopDataset | Sequence[TwoHopQuery],
    config: KnockoutConfig | None = None,
    out: str | Path | None = None,
    progress: bool = True,
    executor: Executor | None = None,
    shard: Shard | str | None = None,
    use_engine: bool = True,
) -> AnalysisResult:
    """Greedy generations under attention knockouts; one row per (query, query set, key, layer).

    Columns: ``query_id, prompt, query_set, key, span, window, layer, generation, first_token,
    correct, baseline_generation, baseline_first_token, baseline_correct, matters,
    matters_symmetric`` (``correct``: the docs/method/index.md e3 check under ``config.matching``;
    ``first_token``: the id of the first generated token; ``matters``: the paper's rule,
    ``matters_symmetric``: the first token changed; ``window``: the half-width used, scaled to
    the model's depth under ``window_scale="depth"``). With ``out``
    every finished query is stored, and a rerun skips what is done.
    ``executor`` (e.g. :class:`~mechhop.engine.ray_executor.RayExecutor`) computes the queries
    elsewhere, each worker with its own model replica; ``shard="i/n"`` computes only slice i of n
    (for batch-scheduler arrays; combine the folders with ``mechhop merge``). Query sets of one
    position run on the sweep engine (``use_engine=False``: the plain method, the reference it is
    tested against; run.json's ``engine_path`` says which ran); ``"all"`` runs the plain method.
    """
    config = config or KnockoutConfig()
    if not isinstance(config, KnockoutConfig):
        raise MechhopError(f"config must be a KnockoutConfig, got {type(config).__name__}.")
    dataset = _as_dataset(queries)
    if not len(dataset):
        raise MechhopError("knockout needs at least one query.")
    if not as_backend(model).has_tokenizer:
        raise MechhopError(
            "knockout locates mentions in text prompts and needs a model with a tokenizer; for "
            "token-id prompts build the recipes with knockout_recipe and run mechhop.generate."
        )
    n_layers = as_backend(model).spec.n_layers
    layers = resolve_layers(config.layers, n_layers, "knockout layer")
    window = config.effective_window(n_layers)
    for layer in layers:
        window_layers(n_layers, layer, window)
    # Locate every mention first: an unlocatable one fails now, not after hours of generation.
    located = {q.id: knockout_positions(model, q, config.prompt) for q in dataset}

    # One query position per row: the sweep engine reuses the clean run before it (docs/method/knockout.md).
    engine = use_engine and "all" not in config.query_sets
    store = RunStore(out, "knockout", config, model, layers=list(layers))
    store.save_queries(dataset)

    def compute(chunk: list[TwoHopQuery]) -> list[pd.DataFrame]:
        prompts: list[tuple[int, ...]] = []
        recipes: list[Recipe] = []
        variants: list[KnockoutVariant] = []  # the same rows for the engine (single query positions)
        plans: list[tuple[TwoHopQuery, int, list[tuple[str, str, int, int]]]] = []
        for q in chunk:
            pos = located[q.id]
            base = len(prompts)
            prompts.append(pos.tokens)
            recipes.append(Recipe())
            variants.append(KnockoutVariant(pos.tokens, len(pos.tokens) - 1, (), ()))
            rows: list[tuple[str, str, int, int]] = []
            for query_set in config.query_sets:
                queries_at = query_positions(pos, query_set)
                for name in config.keys:
                    keys_at = key_positions(pos, name, config.span)
                    for layer in layers:
                        # an edge the causal mask already blocks changes nothing (docs/method/differences.md)
                        row = base
                        if blocks_an_edge(queries_at, keys_at):
                            row = len(prompts)
                            prompts.append(pos.tokens)
                            recipes.append(knockout_recipe(n_layers, layer, window, queries_at, keys_at))
                            if queries_at is not None:
                                layers_at = window_layers(n_layers, layer, window)
                                variants.append(
                                    KnockoutVariant(pos.tokens, queries_at[0], keys_at, layers_at)
                                )
                        rows.append((query_set, name, layer, row))
            plans.append((q, base, rows))
        if engine:
            texts, first, path = _engine_rows(model, variants, config)
            store.note("engine_path", path)
        else:
            texts, first = _generate_rows(model, prompts, recipes, config)
            store.note("engine_path", "plain: query set 'all' or use_engine=False")
        tables = []
        for q, base, rows in plans:
            answers = q.answers("e3")
            baseline = texts[base]
            frame = pd.DataFrame(
                {
                    "query_id": q.id,
                    "prompt": config.prompt,
                    "query_set": [r[0] for r in rows],
                    "key": [r[1] for r in rows],
                    "span": config.span,
                    "window": window,
                    "layer": [r[2] for r in rows],
                    "generation": [texts[r[3]] for r in rows],
                    "first_token": pd.Series([first[r[3]] for r in rows], dtype="int64"),
                    "correct": [contains_answer(texts[r[3]], answers, config.matching) for r in rows],
                    "baseline_generation": baseline,
                    "baseline_first_token": first[base],
                    "baseline_correct": contains_answer(baseline, answers, config.matching),
                }
            )
            frame["baseline_first_token"] = frame["baseline_first_token"].astype("int64")
            frame["matters"] = knockout_matters(frame)
            frame["matters_symmetric"] = knockout_matters(frame, "symmetric")
            tables.append(frame)
        return tables

    per_query = 1 + len(config.query_sets) * len(config.keys) * len(layers)
    units = [(q.id, q) for q in dataset]
    run_units(store, units, compute, per_call=max(1, config.batch_size // per_query), progress=progress,
              desc="knockout", job=UnitJob("knockout", config), executor=executor, shard=shard,
              model=model)  # fmt: skip
    keys = list(registry.get("knockout").keys)
    return store.finish(dataset, keys, relabel=lambda table, known: recorrect(table, known, config.matching))
