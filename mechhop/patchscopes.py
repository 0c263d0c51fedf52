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
string ``a`` of the entity. All ``(ls, lt)`` pairs form a layer x layer grid;
"e2 is decoded from t1 at layer l" when some target layer (and seed) gives e2
from source layer l. Every generation runs through the sweep engine.

    >>> result = patchscopes(model, queries, PatchscopesConfig(decoding="greedy", seeds=(0,)))
    >>> grid(result.table, "e2", source="e1")      # share per (src_layer, tgt_layer)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Literal

import pandas as pd
from transformer_lens import HookedTransformer

from mechhop.data.schema import TwoHopDataset, TwoHopQuery
from mechhop.engine import EngineConfig, PatchVariant, run_variants
from mechhop.errors import MechhopError
from mechhop.generation import Decoding, check_decoding
from mechhop.layers import resolve_pairs
from mechhop.positions import PositionName, locate, locate_text, position_name
from mechhop.runs import AnalysisResult, RunStore, run_generation_units, split_by_query
from mechhop.sites import Site

Label = Literal["e1", "e2", "e3", "other"]
LABELS: tuple[Label, ...] = ("e1", "e2", "e3", "other")

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
    memory_budget_gb: float = 2.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", tuple(position_name(s) for s in self.sources))
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


def describes(text: str, answers: Sequence[str]) -> bool:
    """The paper's rule: ``": a "``, ``": a,"``, ``": a."``, ``": a:"`` or ``"a: "`` occurs in ``text``."""
    text = text.replace("\n", " ")
    for a in answers:
        if not a:
            continue
        if any(f": {a}{end}" in text for end in (" ", ",", ".", ":")) or f"{a}: " in text:
            return True
    return False


def classify_description(text: str, query: TwoHopQuery) -> Label:
    """e1, e2 or e3 (in that order) if ``text`` describes it, else "other"."""
    for entity in ("e1", "e2", "e3"):
        if describes(text, query.answers(entity)):
            return entity  # type: ignore[return-value]
    return "other"


def relabel(table: pd.DataFrame, queries: TwoHopDataset) -> pd.Series:
    """Labels recomputed from stored generations (no model needed)."""
    by_id = {q.id: q for q in queries}
    return pd.Series(
        [
            classify_description(g, by_id[i])
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
        rows["label"] = relabel(rows, TwoHopDataset(chunk))
        return split_by_query(rows, chunk)

    per_query = len(config.sources) * len(pairs) * len(config.seeds)
    run_generation_units(store, queries, compute, per_query, queries_per_call, progress, "patchscopes")
    return store.finish(queries, ["query_id", "source", "src_layer", "tgt_layer", "seed"])


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
