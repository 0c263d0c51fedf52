"""Knowledge filtering: which two-hop queries does a model know the parts of?

Following Biran et al. (2024, §3) and docs/method/index.md, each query's five prompts
(two-hop, first hop, second hop, entity shortcut, relation shortcut) are
answered by greedy decoding of 10 new tokens. A continuation is correct when,
stripped and with newlines turned into spaces, it contains an answer string
(label or alias longer than one character) of the expected entity, under the
answer matching mode (:mod:`mechhop.data.matching`: ``"word"`` by default, or the
authors' substring test ``"paper"``). Labels are recomputed from the stored
continuations in either mode (:func:`reclassify`), without the model.

A query is *usable* when the first and second hop are correct and neither
shortcut yields e3; usable queries split into composition-correct and
composition-incorrect, the two groups every analysis reports. The column
``answer_in_prompt`` flags queries whose two-hop prompt already names e3 ("the
country of the headquarters location of Bank of Japan is"): copying from the
prompt passes the answer check without any composition, so they stay usable (the
method's definition) but are left out of analysed samples
(:func:`analysable_rows`).

Identical prompts are generated once (first-hop prompts repeat across queries
that share (e1, r1), for instance), batched by token length, on the sweep
engine's fast decoding path with nothing patched (the same greedy outputs as
:func:`mechhop.generate`; tests compare them). With
``cache_path`` every finished batch is appended to a JSONL file, so an
interrupted evaluation resumes where it stopped.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, TextIO

import pandas as pd

from mechhop.core.backend import as_backend
from mechhop.data.matching import (
    DEFAULT_MATCHING,
    Matching,
    check_matching,
    contains_answer,
    normalise_output,
)
from mechhop.data.schema import (
    EXPECTED_ENTITY,
    PAPER_STYLE,
    PROMPT_NAMES,
    PromptName,
    PromptStyle,
    TwoHopDataset,
)
from mechhop.errors import MechhopError
from mechhop.models.catalog import model_info
from mechhop.progress import tqdm

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike

Group = Literal["correct", "incorrect"]

# A few-shot block for PromptStyle(prefix=...): short facts in the same "the R of E is" form.
FEW_SHOT_PREFIX = (
    "the capital of Kenya is Nairobi.\n"
    "the author of Don Quixote is Miguel de Cervantes.\n"
    "the founder of Microsoft is Bill Gates.\n"
)
PROMPT_STYLES: dict[str, PromptStyle] = {
    "paper": PAPER_STYLE,
    "capitalized": PromptStyle(capitalize=True),
    "few-shot": PromptStyle(prefix=FEW_SHOT_PREFIX),
}


def answer_matches(text: str, answers: Iterable[str], matching: Matching = DEFAULT_MATCHING) -> bool:
    """The docs/method/index.md answer check (:func:`mechhop.data.matching.contains_answer`)."""
    return contains_answer(text, answers, matching)


def usable_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The usable queries' rows of a per-query table (as stored: missing checks count as not usable)."""
    return table[table["usable"].fillna(False).astype(bool)]


def analysable_rows(table: pd.DataFrame) -> pd.DataFrame:
    """The usable rows whose two-hop prompt does not name e3, the queries analysed by default (all
    usable rows of a table stored before the ``answer_in_prompt`` column existed)."""
    usable = usable_rows(table)
    if "answer_in_prompt" not in usable:
        return usable
    return usable[~usable["answer_in_prompt"].fillna(False).astype(bool)]


def knowledge_counts(table: pd.DataFrame) -> dict[str, int]:
    """How many queries pass each check, and the usable split, of a per-query table (as stored)."""

    def count(column: str) -> int:
        return int(table[column].fillna(False).astype(bool).sum())

    # usable queries left out of analysed samples; tables stored before the column: no count, not 0
    in_prompt = {}
    if "answer_in_prompt" in table:
        in_prompt["answer_in_prompt"] = len(usable_rows(table)) - len(analysable_rows(table))
    return {
        "queries": len(table),
        "first_hop_correct": count("first_hop_correct"),
        "second_hop_correct": count("second_hop_correct"),
        "two_hop_correct": count("two_hop_correct"),
        "entity_shortcut": count("entity_shortcut_correct"),
        "relation_shortcut": count("relation_shortcut_correct"),
        "usable": count("usable"),
        "usable_correct": int((table["group"] == "correct").sum()),
        "usable_incorrect": int((table["group"] == "incorrect").sum()),
        **in_prompt,
    }


@dataclass(frozen=True)
class KnowledgeResult:
    """Per-query outcomes of the five prompts, with the usable split."""

    table: pd.DataFrame
    dataset: TwoHopDataset
    style: PromptStyle
    model: str
    seconds: float
    generations: int
    matching: Matching = DEFAULT_MATCHING

    @property
    def usable(self) -> TwoHopDataset:
        return self.dataset.subset(self.table.loc[self.table["usable"], "id"])

    def group(self, group: Group) -> TwoHopDataset:
        """Usable queries whose composition is ``"correct"`` or ``"incorrect"``."""
        if group not in ("correct", "incorrect"):
            raise MechhopError(f"group must be 'correct' or 'incorrect', got {group!r}.")
        return self.dataset.subset(self.table.loc[self.table["group"] == group, "id"])

    @property
    def counts(self) -> dict[str, int]:
        return knowledge_counts(self.table)

    @property
    def queries_per_second(self) -> float:
        return len(self.table) / self.seconds if self.seconds > 0 else float("inf")

    def summary(self) -> pd.DataFrame:
        """Counts by relation pair (r1 -> r2)."""
        t = self.table
        grouped = t.groupby("relation_pair")
        out = pd.DataFrame(
            {
                "queries": grouped.size(),
                "first_hop": grouped["first_hop_correct"].sum(),
                "second_hop": grouped["second_hop_correct"].sum(),
                "two_hop": grouped["two_hop_correct"].sum(),
                "shortcut": grouped.apply(
                    lambda g: int((g["entity_shortcut_correct"] | g["relation_shortcut_correct"]).sum()),
                    include_groups=False,
                ),
                "usable": grouped["usable"].sum(),
                "usable_correct": grouped["group"].apply(lambda s: int((s == "correct").sum())),
                "usable_incorrect": grouped["group"].apply(lambda s: int((s == "incorrect").sum())),
            }
        )
        return out.sort_values(["usable", "queries"], ascending=False).reset_index()

    def __repr__(self) -> str:
        c = self.counts
        return (
            f"KnowledgeResult({self.model}: {c['queries']} queries, {c['usable']} usable "
            f"({c['usable_correct']} correct, {c['usable_incorrect']} incorrect), "
            f"{self.queries_per_second:.1f} queries/s)"
        )


def classify(
    dataset: TwoHopDataset,
    outputs: Mapping[str, str],
    style: PromptStyle = PAPER_STYLE,
    *,
    allow_missing: bool = False,
    matching: Matching = DEFAULT_MATCHING,
) -> pd.DataFrame:
    """Per-query table from generated continuations keyed by prompt text (no model needed).

    With ``allow_missing``, prompts without a generation get an empty output and a missing
    (``<NA>``) correctness; a query with any missing hop or shortcut is not usable.
    """
    check_matching(matching)
    rows = []
    for q in dataset:
        row: dict[str, object] = {"id": q.id, "relation_pair": q.relation_pair}
        for name in PROMPT_NAMES:
            prompt = q.prompt_text(name, style)
            row[f"{name}_prompt"] = prompt
            if prompt not in outputs:
                if not allow_missing:
                    raise MechhopError(f"No generation for prompt {prompt!r} of query {q.id}.")
                row[f"{name}_output"], row[f"{name}_correct"] = None, pd.NA
                continue
            text = outputs[prompt]
            row[f"{name}_output"] = normalise_output(text)
            answers = q.answers(EXPECTED_ENTITY[name])  # type: ignore[arg-type]
            row[f"{name}_correct"] = contains_answer(text, answers, matching)
        # whole words in both modes: a substring test would find "US" inside "museum"
        row["answer_in_prompt"] = contains_answer(row["two_hop_prompt"], q.answers("e3"), "word")  # type: ignore[arg-type]
        needed = [
            row[f"{n}_correct"] for n in ("first_hop", "second_hop", "entity_shortcut", "relation_shortcut")
        ]
        known = all(v is not pd.NA for v in needed)
        usable = known and needed[0] and needed[1] and not needed[2] and not needed[3]
        row["usable"] = bool(usable)
        row["group"] = ("correct" if row["two_hop_correct"] else "incorrect") if usable else "unusable"
        rows.append(row)
    table = pd.DataFrame(rows)
    for name in PROMPT_NAMES:
        table[f"{name}_correct"] = table[f"{name}_correct"].astype("boolean")
    return table


def stored_outputs(table: pd.DataFrame) -> dict[str, str]:
    """prompt -> continuation, from a per-query table's ``*_prompt`` / ``*_output`` columns."""
    outputs: dict[str, str] = {}
    for name in PROMPT_NAMES:
        if f"{name}_prompt" not in table or f"{name}_output" not in table:
            continue
        for prompt, output in zip(table[f"{name}_prompt"], table[f"{name}_output"], strict=True):
            if isinstance(output, str):
                outputs[prompt] = output
    return outputs


def reclassify(
    table: pd.DataFrame,
    dataset: TwoHopDataset,
    matching: Matching,
    style: PromptStyle = PAPER_STYLE,
) -> pd.DataFrame:
    """A stored per-query table classified again under another matching mode (no model needed)."""
    subset = dataset.subset(table["id"])
    return classify(subset, stored_outputs(table), style, allow_missing=True, matching=matching)


def label_changes(table: pd.DataFrame, other: pd.DataFrame) -> pd.DataFrame:
    """Per check, how two classifications of the same queries (e.g. ``"word"`` vs ``"paper"``
    matching) differ: ``check, first, second`` (queries passing in each), ``only_first``,
    ``only_second`` and ``changed``; a missing check counts as not passed. The usable split and
    its two composition groups are rows too."""
    a, b = table.set_index("id"), other.set_index("id").reindex(table["id"])
    passed = {check.removesuffix("_correct"): (a[check], b[check])
              for check in [*(f"{n}_correct" for n in PROMPT_NAMES), "usable"]}  # fmt: skip
    for group in ("correct", "incorrect"):
        passed[f"usable_{group}"] = (a["group"] == group, b["group"] == group)
    rows = []
    for check, (x, y) in passed.items():
        x, y = x.fillna(False).astype(bool), y.fillna(False).astype(bool)
        rows.append({"check": check, "first": int(x.sum()), "second": int(y.sum()),
                     "only_first": int((x & ~y).sum()), "only_second": int((~x & y).sum()),
                     "changed": int((x != y).sum())})  # fmt: skip
    return pd.DataFrame(rows)


def generate_outputs(
    model: ModelLike,
    prompts: Sequence[str],
    *,
    batch_size: int = 512,
    max_new_tokens: int = 10,
    cache_path: str | Path | None = None,
    progress: bool = True,
    reuse: Mapping[str, str] | None = None,
) -> dict[str, str]:
    """Greedy continuations of distinct prompts, batched by length, resumable via ``cache_path``.

    ``reuse`` maps prompts to outputs generated before (by the same model, e.g. a stored table's,
    see `stored_outputs`): those prompts are not generated again."""
    if batch_size < 1:
        raise MechhopError(f"batch_size must be at least 1, got {batch_size}.")
    unique = list(dict.fromkeys(prompts))
    name = getattr(model_info(model), "name", None) or as_backend(model).name
    header = {"mechhop_generations": 1, "model": name, "max_new_tokens": max_new_tokens}
    done = {**(reuse or {}), **(_read_cache(Path(cache_path), header) if cache_path else {})}
    todo = [p for p in unique if p not in done]
    backend = as_backend(model)
    lengths = {p: len(ids) for p, ids in zip(todo, [backend.tokenize(p, None) for p in todo], strict=True)}
    todo.sort(key=lambda p: (lengths[p], p))
    # the sweep engine's fast decoding, unpatched: the plain method's greedy outputs, faster
    from mechhop.engine.sweep import EngineConfig, clean_variant, run_variants

    engine = EngineConfig(max_new_tokens=max_new_tokens, progress=False)
    n_layers = backend.spec.n_layers
    bar = tqdm(
        total=len(unique),
        initial=len(unique) - len(todo),
        desc="generating",
        unit="prompt",
        disable=not progress,
    )
    sink = _open_cache(Path(cache_path), header) if cache_path else None
    try:
        for start in range(0, len(todo), batch_size):
            chunk = todo[start : start + batch_size]
            variants = [clean_variant(p, n_layers) for p in chunk]
            texts = run_variants(backend, variants, engine).texts
            for prompt, text in zip(chunk, texts, strict=True):
                done[prompt] = text
                if sink:
                    sink.write(json.dumps({"prompt": prompt, "output": text}) + "\n")
            if sink:
                sink.flush()
            bar.update(len(chunk))
    finally:
        bar.close()
        if sink:
            sink.close()
    return {p: done[p] for p in unique}


def _read_cache(path: Path, header: dict[str, object]) -> dict[str, str]:
    if not path.exists():
        return {}
    done: dict[str, str] = {}
    with path.open() as f:
        first = f.readline()
        try:
            found = json.loads(first) if first.strip() else header
        except json.JSONDecodeError:
            found = None
        if found != header:
            raise MechhopError(
                f"Generation cache {str(path)!r} was written for {found}, not {header}; "
                "pass another cache_path (`mechhop evaluate`: another --output) or delete this file."
            )
        for line in f:
            try:
                rec = json.loads(line)
            except json.JSONDecodeError:
                break  # a line cut by an interruption: everything before it is kept
            done[rec["prompt"]] = rec["output"]
    return done


def _open_cache(path: Path, header: dict[str, object]) -> TextIO:
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = not path.exists() or path.stat().st_size == 0
    sink = path.open("a")
    if fresh:
        sink.write(json.dumps(header) + "\n")
    return sink


def evaluate_knowledge(
    model: ModelLike,
    dataset: TwoHopDataset,
    *,
    style: PromptStyle = PAPER_STYLE,
    batch_size: int = 512,
    max_new_tokens: int = 10,
    cache_path: str | Path | None = None,
    progress: bool = True,
    prune: bool = False,
    matching: Matching = DEFAULT_MATCHING,
    reuse: Mapping[str, str] | None = None,
) -> KnowledgeResult:
    """Evaluate every query's five prompts on ``model`` and split off the usable queries.

    ``prune=True`` first answers the first- and second-hop prompts, then the two-hop and
    shortcut prompts only of queries whose two hops are both correct (the only ones that can
    be usable): the usable split is the same, the other queries' composition and shortcut
    columns are missing (``<NA>``), and a large dataset costs a fraction of the generations.
    ``reuse`` (prompt -> output, e.g. `stored_outputs` of an earlier table of the same model and
    style) skips those prompts: grown facts cost only their new prompts.
    """
    if len(dataset) == 0:
        raise MechhopError("The dataset is empty: nothing to evaluate.")
    check_matching(matching)

    def run(prompts: Sequence[str]) -> dict[str, str]:
        return generate_outputs(
            model,
            prompts,
            batch_size=batch_size,
            max_new_tokens=max_new_tokens,
            cache_path=cache_path,
            progress=progress,
            reuse=reuse,
        )

    start = time.perf_counter()
    if prune:
        hops: tuple[PromptName, ...] = ("first_hop", "second_hop")
        outputs = run([q.prompt_text(n, style) for q in dataset for n in hops])
        # "paper" accepts whatever "word" does: its candidates serve both modes (see reclassify)
        first = classify(dataset, outputs, style, allow_missing=True, matching="paper")
        both = first["first_hop_correct"].fillna(False) & first["second_hop_correct"].fillna(False)
        candidates = dataset.subset(first.loc[both.astype(bool), "id"])
        rest = [q.prompt_text(n, style) for q in candidates for n in PROMPT_NAMES if n not in hops]
        outputs.update(run(rest))
    else:
        outputs = run([q.prompt_text(n, style) for q in dataset for n in PROMPT_NAMES])
    seconds = time.perf_counter() - start
    name = getattr(model_info(model), "name", None) or as_backend(model).name
    table = classify(dataset, outputs, style, allow_missing=prune, matching=matching)
    return KnowledgeResult(table, dataset, style, name, seconds, len(outputs), matching)
