"""Patchscopes entity description: which entity does a hidden state encode?

Biran et al. (2024, §3; Ghandeharioun et al., 2024) read a hidden state by
patching it into a prompt that asks for a description. The residual stream at
the output of block ``ls`` at ``t1`` (last token of e1, position ``"e1"``) or
``t2`` (the last token, ``"last"``) of the two-hop prompt replaces the residual
stream at the output of block ``lt`` at the final "x" of::

    Syria: Syria is a country in the Middle East, Leonardo DiCaprio: Leonardo
    DiCaprio is an American actor, Samsung: Samsung is a South Korean
    multinational corporation, x

and the model continues for 10 tokens (paper setting: sampled, three seeds).
A continuation *describes* e1, e2 or e3 (checked in that order) when it holds
``": a "``, ``": a,"``, ``": a."``, ``": a:"`` or ``"a: "`` for an answer
string ``a`` of the entity, case-insensitively (METHOD.md §3;
:func:`mechhop.matching.describes`). All ``(ls, lt)`` pairs form a layer x layer
grid; "e2 is decoded from t1 at layer l" when some target layer (and seed)
gives e2 from source layer l. Every generation runs through the sweep engine.

The description prompt's own examples (a country, a person, a company) favour
some answers whatever the state holds. The placebo (METHOD.md §9) measures
that bias: :func:`placebo_table` labels each query's grid with the generations
of an unrelated query's state. The target prompt is the same for every
query, so those generations are already in the table: the placebo costs no
model call. :func:`decoding_rates` puts real and placebo decoding side by side.

    >>> result = patchscopes(model, queries, PatchscopesConfig(decoding="greedy", seeds=(0,)))
    >>> grid(result.table, "e2", source="e1")      # share per (src_layer, tgt_layer)
    >>> control = placebo_table(result.table, result.queries)
    >>> decoding_rates(result.table, groups, placebo=control)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Literal

import pandas as pd
from transformer_lens import HookedTransformer

from mechhop.backpatching import placebo_donors  # one donor rule for both controls
from mechhop.data.schema import TwoHopDataset, TwoHopQuery
from mechhop.engine import EngineConfig, PatchVariant, run_variants
from mechhop.errors import MechhopError
from mechhop.generation import Decoding, check_decoding
from mechhop.layers import resolve_pairs
from mechhop.matching import DEFAULT_MATCHING, Matching, check_matching
from mechhop.matching import describes as matching_describes
from mechhop.positions import PositionName, locate, locate_text, position_name
from mechhop.runs import AnalysisResult, RunStore, run_generation_units, split_by_query
from mechhop.sites import Site
from mechhop.stats import beside_placebo, wilson_interval

Label = Literal["e1", "e2", "e3", "other"]
LABELS: tuple[Label, ...] = ("e1", "e2", "e3", "other")
KEYS = ["query_id", "source", "src_layer", "tgt_layer", "seed"]  # one row per key of a run's table

TARGET_PROMPTS: dict[str, str] = {
    "description": (
        "Syria: Syria is a country in the Middle East, Leonardo DiCaprio: Leonardo DiCaprio is an American "
        "actor, Samsung: Samsung is a South Korean multinational corporation, x"
    ),
    "repeat": "Syria: Syria, Leonardo DiCaprio: Leonardo DiCaprio, Samsung: Samsung, x",
}


@dataclass(frozen=True)
class PatchscopesConfig:
    """Settings of :func:`patchscopes`; the defaults are the paper's.

    ``target_prompt`` is ``"description"``, ``"repeat"`` or any text whose last
    ``placeholder`` is where the state goes. ``pairs`` picks ``(src_layer,
    tgt_layer)`` pairs; by default every pair of ``src_layers`` x ``tgt_layers``
    (all layers when None).
    """

    sources: tuple[PositionName, ...] = ("e1", "last")
    target_prompt: str = "description"
    placeholder: str = "x"
    src_layers: tuple[int, ...] | None = None
    tgt_layers: tuple[int, ...] | None = None
    pairs: tuple[tuple[int, int], ...] | None = None
    decoding: Decoding = "sample"
    seeds: tuple[int, ...] = (0, 1, 2)
    temperature: float = 1.0
    max_new_tokens: int = 10
    matching: Matching = DEFAULT_MATCHING
    memory_budget_gb: float = 2.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", tuple(position_name(s) for s in self.sources))
        check_matching(self.matching)
        if not self.sources:
            raise MechhopError("PatchscopesConfig.sources is empty; give e.g. ('e1', 'last').")
        if not self.seeds:
            raise MechhopError("PatchscopesConfig.seeds is empty; give at least one seed, e.g. (0,).")
        try:
            check_decoding(self.decoding, self.max_new_tokens, self.temperature)
        except MechhopError as err:
            raise MechhopError(f"PatchscopesConfig: {err}") from None
        if self.decoding == "greedy" and len(self.seeds) > 1:
            raise MechhopError(
                "Greedy decoding gives the same text for every seed; use seeds=(0,) with decoding='greedy'."
            )

    @property
    def target_text(self) -> str:
        return TARGET_PROMPTS.get(self.target_prompt, self.target_prompt)


def describes(text: str, answers: Sequence[str], matching: Matching = DEFAULT_MATCHING) -> bool:
    """§3's rule: ``": a "``, ``": a,"``, ``": a."``, ``": a:"`` or ``"a: "`` occurs in ``text``, any case."""
    return matching_describes(text, answers, matching)


def classify_description(text: str, query: TwoHopQuery, matching: Matching = DEFAULT_MATCHING) -> Label:
    """e1, e2 or e3 (in that order) if ``text`` describes it, else "other"."""
    for entity in ("e1", "e2", "e3"):
        if matching_describes(text, query.answers(entity), matching):  # type: ignore[arg-type]
            return entity  # type: ignore[return-value]
    return "other"


def relabel(table: pd.DataFrame, queries: TwoHopDataset, matching: Matching = DEFAULT_MATCHING) -> pd.Series:
    """Labels recomputed from stored generations under a matching mode (no model needed)."""
    by_id = {q.id: q for q in queries}
    return pd.Series(
        [
            classify_description(g, by_id[i], matching)
            for i, g in zip(table["query_id"], table["generation"], strict=True)
        ],
        index=table.index,
        name="label",
    )


def patchscopes(
    model: HookedTransformer,
    queries: TwoHopDataset | Sequence[TwoHopQuery],
    config: PatchscopesConfig | None = None,
    out: str | Path | None = None,
    progress: bool = True,
    queries_per_call: int | None = None,
) -> AnalysisResult:
    """Entity description of ``queries``' hidden states; one table row per generation.

    Columns: ``query_id, source, target_prompt, src_layer, tgt_layer, seed, generation, label``.
    With ``out``, finished queries are stored as they complete and a rerun resumes;
    ``queries_per_call`` sets how many queries share one engine call (default: ~4k generations).
    """
    config = config or PatchscopesConfig()
    queries = queries if isinstance(queries, TwoHopDataset) else TwoHopDataset(queries)
    n_layers = model.cfg.n_layers
    pairs = resolve_pairs(config.pairs, config.src_layers, config.tgt_layers, n_layers, "full")
    target = config.target_text
    target_at = locate_text(model, target, config.placeholder)[1]
    store = RunStore(out, "patchscopes", {**asdict(config), "target_text": target}, model)
    store.save_queries(queries)
    engine = EngineConfig(
        max_new_tokens=config.max_new_tokens, decoding=config.decoding, temperature=config.temperature,
        memory_budget_gb=config.memory_budget_gb, progress=False,
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
        rows = pd.DataFrame(keys, columns=["query_id", "source", "src_layer", "tgt_layer", "seed"])
        rows.insert(
            2, "target_prompt", config.target_prompt if config.target_prompt in TARGET_PROMPTS else "custom"
        )
        rows["generation"] = list(result.texts)
        rows["label"] = relabel(rows, TwoHopDataset(chunk), config.matching)
        return split_by_query(rows, chunk)

    per_query = len(config.sources) * len(pairs) * len(config.seeds)
    run_generation_units(store, queries, compute, per_query, queries_per_call, progress, "patchscopes")
    return store.finish(
        queries,
        KEYS,
        relabel=lambda table, known: table.assign(label=relabel(table, known, config.matching)),
    )


def placebo_table(
    table: pd.DataFrame,
    queries: TwoHopDataset,
    donors: Mapping[str, str] | None = None,
    matching: Matching = DEFAULT_MATCHING,
) -> pd.DataFrame:
    """Each query's grid filled with an unrelated query's generations, labelled against the query.

    ``donors`` maps query id -> donor id (default :func:`mechhop.backpatching.placebo_donors` over
    ``queries``: another bridge entity and answer). Every (source, src_layer, tgt_layer, seed)
    row of the donor becomes a row of the query with ``donor_id`` set; ``label`` says whether that
    generation "describes" the query's e1 / e2 / e3, i.e. the description prompt's bias.
    """
    donors = dict(donors) if donors is not None else placebo_donors(queries)
    present = set(table["query_id"])
    missing = sorted({d for q, d in donors.items() if q in present and d not in present})
    if missing:
        raise MechhopError(
            f"The Patchscopes table lacks the placebo donors {missing[:3]}; run patchscopes on them too "
            "(the placebo reuses their generations)."
        )
    cells = ["source", "src_layer", "tgt_layer", "seed"]
    pieces = []
    for query_id, donor_id in donors.items():
        if query_id not in present:
            continue
        rows = table.loc[table["query_id"] == donor_id, [*cells, "target_prompt", "generation"]].copy()
        rows.insert(0, "query_id", query_id)
        rows.insert(1, "donor_id", donor_id)
        pieces.append(rows)
    if not pieces:
        raise MechhopError("No query of the table has a placebo donor; pass donors for its query ids.")
    out = pd.concat(pieces, ignore_index=True)
    out["label"] = relabel(out, queries, matching)
    return out.sort_values(KEYS, kind="stable").reset_index(drop=True)


def decoding_rates(
    table: pd.DataFrame,
    groups: Mapping[str, str] | None = None,
    placebo: pd.DataFrame | None = None,
    labels: Sequence[Label] = ("e2", "e3"),
) -> pd.DataFrame:
    """Share of queries whose ``label`` is decoded from a source at some layer, with a 95% CI.

    One row per ([group,] source, label): ``queries, decoded, rate, ci_low, ci_high``, and with
    ``placebo`` (see :func:`placebo_table`) the same for the placebo beside it.
    """

    def rates(frame: pd.DataFrame) -> pd.DataFrame:
        rows = []
        for source in sorted(frame["source"].unique()):
            for label in labels:
                found = decoded_layers(frame, label, source)
                found["group"] = found["query_id"].map(groups) if groups is not None else "all"
                for group, sub in found.dropna(subset=["group"]).groupby("group"):
                    n, k = len(sub), int(sub["lowest"].notna().sum())
                    low, high = wilson_interval(k, n)
                    rows.append({"group": group, "source": source, "label": label, "queries": n,
                                 "decoded": k, "rate": k / n, "ci_low": low, "ci_high": high})  # fmt: skip
        return pd.DataFrame(rows)

    out = rates(table)
    if placebo is not None:
        out = beside_placebo(out, rates(placebo), ["group", "source", "label"], "decoded")
    return out


def decoded_layers(table: pd.DataFrame, label: Label, source: PositionName) -> pd.DataFrame:
    """Per query, the source layers at which ``label`` is decoded from ``source`` (any target layer, seed).

    Columns: ``query_id, layers (sorted list), lowest`` (NaN when never decoded).
    """
    sub = table[table["source"] == position_name(source)]
    hits = sub[sub["label"] == label].groupby("query_id")["src_layer"].apply(lambda s: sorted(set(s)))
    out = pd.DataFrame({"query_id": sorted(sub["query_id"].unique())})
    out["layers"] = [hits.get(q, []) for q in out["query_id"]]
    out["lowest"] = [min(ls) if ls else float("nan") for ls in out["layers"]]
    return out


def grid(table: pd.DataFrame, label: Label, source: PositionName) -> pd.DataFrame:
    """Share of generations labelled ``label``: rows ``src_layer``, columns ``tgt_layer``."""
    sub = table[table["source"] == position_name(source)]
    share = (sub["label"] == label).groupby([sub["src_layer"], sub["tgt_layer"]]).mean()
    return share.unstack("tgt_layer")
