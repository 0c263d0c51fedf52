"""Attention knockout: where does information flow? (Biran et al., 2024, §5 of METHOD.md)

Attention knockout (Geva et al., 2023, as used in "Hopping Too Late") asks
whether some position reads a mention around layer ``l``: block the attention
edges from the *query* positions (the last token, every token, or the last
token of e1 / r1) to the *key* positions (the last token of the e1 / e2 / r1 /
r2 mention, or its whole span) in every head of layers ``l-k .. l+k`` (clipped
to the model), by setting their pre-softmax scores to -inf so each row
renormalises over the other keys; then generate 10 greedy tokens. The
knockout *matters* at ``l`` unless the answer was correct and stays correct,
or the generation does not change. Sweeping ``l`` shows when, e.g., the last
position reads e1 (the paper's "information propagation" stage).

    >>> result = knockout(model, usable, KnockoutConfig(keys=("e1", "r1", "r2")), out="runs")
    >>> summarize_knockout(result.table, groups)   # share of queries where it matters, per layer

The second-hop prompt ("the spouse of John Lennon is") has e2 and r2 mentions
instead (``KnockoutConfig(prompt="second_hop", keys=("e2", "r2"))``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Literal

import pandas as pd
from transformer_lens import HookedTransformer

from mechhop.backend import as_backend
from mechhop.data.schema import PAPER_STYLE, TwoHopDataset, TwoHopQuery
from mechhop.errors import MechhopError, PositionError
from mechhop.generation import ApplyTo, generate
from mechhop.interventions import KnockOut
from mechhop.layers import resolve_layer, resolve_layers
from mechhop.matching import DEFAULT_MATCHING, Matching, check_matching, contains_answer
from mechhop.positions import QueryPositions, head_word, locate, offset_in_template, token_span
from mechhop.recipe import Recipe
from mechhop.runs import AnalysisResult, RunStore, run_units

KeyName = Literal["e1", "e2", "r1", "r2"]
QuerySet = Literal["last", "all", "e1", "r1"]
SpanMode = Literal["last_token", "whole"]
KnockoutPrompt = Literal["two_hop", "second_hop"]

# The mentions each prompt contains: keys, and the query sets that exist there.
PROMPT_KEYS: dict[str, tuple[KeyName, ...]] = {"two_hop": ("e1", "r1", "r2"), "second_hop": ("e2", "r2")}
PROMPT_QUERY_SETS: dict[str, tuple[QuerySet, ...]] = {
    "two_hop": ("last", "all", "e1", "r1"),
    "second_hop": ("last", "all"),
}
SPAN_MODES: tuple[SpanMode, ...] = ("last_token", "whole")
TABLE_COLUMNS: tuple[str, ...] = (
    "query_id", "prompt", "query_set", "key", "span", "window", "layer",
    "generation", "correct", "baseline_generation", "baseline_correct", "matters",
)  # fmt: skip
_SORT = ("query_id", "query_set", "key", "layer")


def _names(values: Sequence[str] | str) -> tuple[str, ...]:
    # a lone string is one name, not a sequence of characters
    return (values,) if isinstance(values, str) else tuple(values)


def _check_names(values: tuple[str, ...], valid: tuple[str, ...], what: str, prompt: str) -> None:
    if not values:
        raise MechhopError(f"KnockoutConfig needs at least one {what}; valid for the {prompt} prompt: "
                           f"{', '.join(valid)}.")  # fmt: skip
    for v in values:
        if v not in valid:
            raise MechhopError(
                f"KnockoutConfig: {what} {v!r} does not exist in the {prompt} prompt; available there: "
                f"{', '.join(valid)} (e2 is only in the second-hop prompt, e1 and r1 only in the "
                "two-hop one)."
            )
    if len(set(values)) != len(values):
        raise MechhopError(f"KnockoutConfig: repeated {what}s in {values!r}.")


def _check_int(value: object, what: str, minimum: int, owner: str = "KnockoutConfig: ") -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise MechhopError(f"{owner}{what} must be an int >= {minimum}, got {value!r}.")


@dataclass(frozen=True)
class KnockoutConfig:
    """Settings of :func:`knockout` (paper setting by default: last -> e1, r1, r2, window 3).

    ``layers`` are the window centres (None: every layer); ``span`` blocks the key mention's
    last token (paper) or all its tokens. Query sets ``"last"``, ``"e1"``, ``"r1"`` are one
    prompt position each, so ``apply_to`` cannot change them (decoding reads the prompt from the
    KV cache); ``"all"`` is every prompt position, plus each generated one with
    ``apply_to="every_step"``. ``batch_size`` (generated rows per forward) does not change
    results and is left out of the run key, so a run resumes under another batch size.
    """

    keys: tuple[KeyName, ...] = ("e1", "r1", "r2")
    query_sets: tuple[QuerySet, ...] = ("last",)
    span: SpanMode = "last_token"
    window: int = 3
    layers: tuple[int, ...] | None = None
    prompt: KnockoutPrompt = "two_hop"
    max_new_tokens: int = 10
    batch_size: int = 64
    apply_to: ApplyTo = "prompt"
    matching: Matching = DEFAULT_MATCHING

    def __post_init__(self) -> None:
        check_matching(self.matching)
        if self.prompt not in PROMPT_KEYS:
            raise MechhopError(
                f"KnockoutConfig: prompt must be one of {', '.join(PROMPT_KEYS)}, got {self.prompt!r}."
            )
        object.__setattr__(self, "keys", _names(self.keys))
        object.__setattr__(self, "query_sets", _names(self.query_sets))
        _check_names(self.keys, PROMPT_KEYS[self.prompt], "key", self.prompt)
        _check_names(self.query_sets, PROMPT_QUERY_SETS[self.prompt], "query set", self.prompt)
        if self.span not in SPAN_MODES:
            raise MechhopError(
                f"KnockoutConfig: span must be one of {', '.join(SPAN_MODES)}, got {self.span!r}."
            )
        _check_int(self.window, "window", 0)
        _check_int(self.max_new_tokens, "max_new_tokens", 1)
        _check_int(self.batch_size, "batch_size", 1)
        if self.apply_to not in ("prompt", "every_step"):
            raise MechhopError(
                f"KnockoutConfig: apply_to must be 'prompt' or 'every_step', got {self.apply_to!r}."
            )
        if self.layers is not None:
            layers = (self.layers,) if isinstance(self.layers, int) else tuple(self.layers)
            for layer in layers:
                if isinstance(layer, bool) or not isinstance(layer, int):
                    raise MechhopError(f"KnockoutConfig: layers must be ints, got {layer!r} in {layers!r}.")
            if not layers:
                raise MechhopError("KnockoutConfig: layers is empty; pass None for every layer.")
            object.__setattr__(self, "layers", layers)


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
    model: HookedTransformer, query: TwoHopQuery, prompt: KnockoutPrompt = "two_hop"
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
    model: HookedTransformer, prompts: list[tuple[int, ...]], recipes: list[Recipe], config: KnockoutConfig
) -> list[str]:
    # Rows of similar length share a batch, so little compute goes to padding.
    order = sorted(range(len(prompts)), key=lambda i: len(prompts[i]))
    texts: list[str] = [""] * len(prompts)
    for start in range(0, len(order), config.batch_size):
        rows = order[start : start + config.batch_size]
        out = generate(
            model, [list(prompts[i]) for i in rows], [recipes[i] for i in rows],
            max_new_tokens=config.max_new_tokens, apply_to=config.apply_to,
        )  # fmt: skip
        for i, text in zip(rows, out.texts, strict=True):
            texts[i] = text
    return texts


def knockout(
    model: HookedTransformer,
    queries: TwoHopDataset | Sequence[TwoHopQuery],
    config: KnockoutConfig | None = None,
    out: str | Path | None = None,
    progress: bool = True,
) -> AnalysisResult:
    """Greedy generations under attention knockouts; one row per (query, query set, key, layer).

    Columns: ``query_id, prompt, query_set, key, span, window, layer, generation, correct,
    baseline_generation, baseline_correct, matters`` (``correct``: the §1 e3 check under
    ``config.matching``). With ``out``
    every finished query is stored, and a rerun skips what is done.
    """
    config = config or KnockoutConfig()
    if not isinstance(config, KnockoutConfig):
        raise MechhopError(f"config must be a KnockoutConfig, got {type(config).__name__}.")
    dataset = _as_dataset(queries)
    if not len(dataset):
        raise MechhopError("knockout needs at least one query.")
    if model.tokenizer is None:
        raise MechhopError(
            "knockout locates mentions in text prompts and needs a model with a tokenizer; for "
            "token-id prompts build the recipes with knockout_recipe and run mechhop.generate."
        )
    n_layers = model.cfg.n_layers
    layers = resolve_layers(config.layers, n_layers, "knockout layer")
    for layer in layers:
        window_layers(n_layers, layer, config.window)
    # Locate every mention first: an unlocatable one fails now, not after hours of generation.
    located = {q.id: knockout_positions(model, q, config.prompt) for q in dataset}

    key = {k: v for k, v in asdict(config).items() if k != "batch_size"}
    store = RunStore(out, "knockout", {**key, "layers": list(layers)}, model)
    store.save_queries(dataset)

    def compute(chunk: list[TwoHopQuery]) -> list[pd.DataFrame]:
        prompts: list[tuple[int, ...]] = []
        recipes: list[Recipe] = []
        plans: list[tuple[TwoHopQuery, int, list[tuple[str, str, int, int]]]] = []
        for q in chunk:
            pos = located[q.id]
            base = len(prompts)
            prompts.append(pos.tokens)
            recipes.append(Recipe())
            rows = []
            for query_set in config.query_sets:
                queries_at = query_positions(pos, query_set)
                for name in config.keys:
                    keys_at = key_positions(pos, name, config.span)
                    for layer in layers:
                        row = base  # an edge the causal mask already blocks changes nothing (§8)
                        if blocks_an_edge(queries_at, keys_at):
                            row = len(prompts)
                            prompts.append(pos.tokens)
                            recipes.append(
                                knockout_recipe(n_layers, layer, config.window, queries_at, keys_at)
                            )
                        rows.append((query_set, name, layer, row))
            plans.append((q, base, rows))
        texts = _generate_rows(model, prompts, recipes, config)
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
                    "window": config.window,
                    "layer": [r[2] for r in rows],
                    "generation": [texts[r[3]] for r in rows],
                    "correct": [contains_answer(texts[r[3]], answers, config.matching) for r in rows],
                    "baseline_generation": baseline,
                    "baseline_correct": contains_answer(baseline, answers, config.matching),
                }
            )
            frame["matters"] = knockout_matters(frame)
            tables.append(frame)
        return tables

    per_query = 1 + len(config.query_sets) * len(config.keys) * len(layers)
    units = [(q.id, q) for q in dataset]
    run_units(store, units, compute, per_call=max(1, config.batch_size // per_query), progress=progress,
              desc="knockout")  # fmt: skip
    return store.finish(
        dataset, _SORT, relabel=lambda table, known: recorrect(table, known, config.matching)
    )


def recorrect(
    table: pd.DataFrame, queries: TwoHopDataset, matching: Matching = DEFAULT_MATCHING
) -> pd.DataFrame:
    """``correct``, ``baseline_correct`` and ``matters`` recomputed under a matching mode (no model)."""
    answers = {q.id: q.answers("e3") for q in queries}

    def check(column: str) -> list[bool]:
        pairs = zip(table["query_id"], table[column], strict=True)
        return [contains_answer(g, answers[i], matching) for i, g in pairs]

    out = table.assign(correct=check("generation"), baseline_correct=check("baseline_generation"))
    return out.assign(matters=knockout_matters(out))


# -- classification without the model ----------------------------------------------------
def _require(table: pd.DataFrame, columns: Sequence[str], what: str) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise MechhopError(
            f"{what} needs the knockout table's columns {missing}; it has {list(table.columns)}."
        )


def knockout_matters(table: pd.DataFrame) -> pd.Series:
    """§5's rule from stored columns: the knockout matters unless (the baseline was correct and the
    knocked-out answer is correct) or the knocked-out generation equals the baseline's."""
    _require(table, ("generation", "correct", "baseline_generation", "baseline_correct"), "knockout_matters")
    stays_correct = table["baseline_correct"].astype(bool) & table["correct"].astype(bool)
    unchanged = table["generation"] == table["baseline_generation"]
    return (~(stays_correct | unchanged)).rename("matters")


def summarize_knockout(table: pd.DataFrame, groups: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Share of queries for which the knockout matters, per (query_set, key, layer).

    ``matters`` is recomputed with :func:`knockout_matters`. With ``groups`` (query id ->
    ``"correct"`` / ``"incorrect"``), per group too; queries without a group are left out.
    Columns: ``[group,] query_set, key, layer, queries, matters, share``.
    """
    by = ["query_set", "key", "layer"]
    _require(table, ["query_id", *by], "summarize_knockout")
    for column in ("prompt", "span", "window"):
        if column in table and table[column].nunique() > 1:
            raise MechhopError(
                f"The table mixes runs with different {column} values {sorted(table[column].unique())}; "
                "summarise each run separately."
            )
    if table.duplicated(["query_id", *by]).any():
        raise MechhopError(
            "The table has repeated (query_id, query_set, key, layer) rows; concatenated twice?"
        )
    frame = table.assign(matters=knockout_matters(table))
    if groups is not None:
        frame = frame.assign(group=frame["query_id"].map(dict(groups)))
        if frame["group"].isna().all():
            raise MechhopError("None of the table's query ids has a group; groups maps query id -> group.")
        frame = frame[frame["group"].notna()]
        by = ["group", *by]
    out = frame.groupby(by, sort=True).agg(queries=("query_id", "nunique"), matters=("matters", "sum"))
    out["matters"] = out["matters"].astype(int)
    out["share"] = out["matters"] / out["queries"]
    return out.reset_index()
