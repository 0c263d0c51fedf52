"""Applying recipes: translate a compiled recipe for one batch into hooks.

:func:`applied` is the only way mechhop installs hooks. It is a context
manager: hooks exist inside the ``with`` block and are removed on any exit,
including an exception; applying a second recipe inside the block is refused
(compose recipes with ``+`` instead), so no hook can outlive its block.

Each batch row may carry its own recipe (one variant per row), which is how
sweeps batch many interventions into one forward pass. Positions are resolved
per row against that row's unpadded prompt.

Windows: a forward pass may cover only part of the sequence (the prompt pass
covers the prompt; a decoding step with a KV cache covers one new token).
The caller states the first column of each forward with
:meth:`AppliedRecipe.at`; an intervention acts on the columns of its positions
that fall inside the window. A knockout's ``queries=None`` covers every query
column, generated tokens included.

A query row whose every key is knocked out gets zero attention output
(TransformerLens maps the all-``-inf`` softmax to zeros).
"""

from __future__ import annotations

import contextlib
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import torch

from mechhop.core.backend import Backend, HookFn, as_backend
from mechhop.core.interventions import KnockOut, Patch, Project, Record
from mechhop.core.recipe import CompiledRecipe, Recipe, compile_recipe
from mechhop.core.sites import Site
from mechhop.core.tokens import PromptBatch, PromptKey, encode, prompt_key, prompt_value
from mechhop.errors import MechhopError, RecipeError

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike

_ACTIVE_ATTR = "_mechhop_recipe_active"


def per_row(recipes: Recipe | Sequence[Recipe] | None, size: int) -> list[Recipe]:
    """One recipe per batch row: a single recipe (or None, a clean run) is shared by all rows."""
    if recipes is None:
        return [Recipe()] * size
    if isinstance(recipes, Recipe):
        return [recipes] * size
    recipes = list(recipes)
    if len(recipes) != size:
        raise RecipeError(
            f"Got {len(recipes)} recipes for {size} prompts: pass one recipe (shared) or one per prompt."
        )
    return recipes


# -- ops: one intervention on one row, with positions translated to batch columns ---------
@dataclass
class _PatchOp:
    row: int
    cols: list[int]  # batch columns, in prompt order
    value: torch.Tensor  # [len(cols), d_model]


@dataclass
class _KnockOp:
    row: int
    queries: list[int] | None
    keys: list[int]
    heads: tuple[int, ...] | None


@dataclass
class _RecordOp:
    row: int
    key: str
    col: int | None  # None: every prompt column of the row


@dataclass
class _HookPlan:
    """Ops at one hook point, grouped by (recipe step, op kind) so steps run in recipe order."""

    groups: dict[tuple[int, str], list[Any]] = field(default_factory=lambda: defaultdict(list))


class AppliedRecipe:
    """Handle yielded by :func:`applied`: set the window, read records afterwards."""

    def __init__(self, backend: Backend, batch: PromptBatch) -> None:
        self.backend = backend
        self.batch = batch
        self.window_start = 0
        self._records: dict[str, dict[int, torch.Tensor]] = defaultdict(dict)
        self._projected: set[str] = set()

    def at(self, start: int) -> AppliedRecipe:
        """Declare the batch column where the next forward's input starts."""
        self.window_start = start
        return self

    @property
    def records(self) -> dict[str, torch.Tensor]:
        """Recorded activations by name: ``[batch, ...]`` for one position; for
        ``position=None`` ``[batch, pos, ...]`` laid out like the (left-padded) batch.
        :class:`Project` entries are logits ``[batch, (pos,) d_vocab]`` in fp32."""
        out: dict[str, torch.Tensor] = {}
        for key, rows in self._records.items():
            missing = [r for r in range(self.batch.size) if r not in rows]
            template = next(iter(rows.values()))
            stacked = torch.stack([rows.get(r, template) for r in range(self.batch.size)])
            if key in self._projected:
                stacked = self.backend.project(stacked)
            stacked[missing] = float("nan")  # rows whose recipe does not record this name
            out[key] = stacked
        return out


def _resolve_sources(
    backend: Backend,
    batch: PromptBatch,
    compiled: list[CompiledRecipe],
    prepend_bos: bool | None,
) -> dict[tuple[int, int], torch.Tensor]:
    """Clean-run activations every Patch(source=...) reads, keyed by (row, step index)."""
    wanted: dict[PromptKey, set[Site]] = defaultdict(set)
    for row, comp in enumerate(compiled):
        for step in comp.steps:
            if isinstance(step, Patch) and step.source is not None:
                prompt = batch.prompts[row] if step.source_prompt is None else step.source_prompt
                wanted[prompt_key(prompt)].add(step.source)
    if not wanted:
        return {}
    keys = list(wanted)
    source_batch = encode(backend, [prompt_value(k) for k in keys], prepend_bos)
    sites = sorted({s for ss in wanted.values() for s in ss}, key=lambda s: (s.layer, s.kind))
    captured = capture(backend, source_batch, sites)
    index = {k: i for i, k in enumerate(keys)}
    out: dict[tuple[int, int], torch.Tensor] = {}
    for row, comp in enumerate(compiled):
        for j, step in enumerate(comp.steps):
            if isinstance(step, Patch) and step.source is not None:
                prompt = batch.prompts[row] if step.source_prompt is None else step.source_prompt
                src_row = index[prompt_key(prompt)]
                states = captured[step.source]  # [batch, pos, d]
                if step.source.position is None:
                    pad = source_batch.pad(src_row)
                    out[(row, j)] = states[src_row, pad:]
                else:
                    col = source_batch.absolute(src_row, step.source.position)
                    out[(row, j)] = states[src_row, col][None]
    return out


def capture(backend: Backend, batch: PromptBatch, sites: Sequence[Site]) -> dict[Site, torch.Tensor]:
    """Activations at ``sites`` (all positions) of one clean forward, stopping after the last needed block."""
    store: dict[Site, torch.Tensor] = {}

    def keep(site: Site) -> HookFn:
        def hook(act: torch.Tensor, hook: Any) -> None:
            store[site] = act.detach().clone()

        return hook

    hooks = [(backend.hook_name(s.kind, s.layer), keep(s)) for s in sites]
    stop = max(s.layer for s in sites) + 1
    with _guard(backend), backend.hooks(hooks):
        backend.forward(
            batch.tokens,
            batch.attention_mask,
            stop_at_layer=None if stop >= backend.spec.n_layers else stop,
        )
    return store


@contextlib.contextmanager
def _guard(backend: Backend) -> Iterator[None]:
    model = backend.model
    if getattr(model, _ACTIVE_ATTR, False):
        raise RecipeError(
            "A recipe is already applied to this model. Nested application is refused so no hook "
            "outlives its block: compose the recipes into one (recipe_a + recipe_b) instead."
        )
    setattr(model, _ACTIVE_ATTR, True)
    try:
        yield
    finally:
        setattr(model, _ACTIVE_ATTR, False)


def _plans(
    backend: Backend,
    batch: PromptBatch,
    compiled: list[CompiledRecipe],
    sources: dict[tuple[int, int], torch.Tensor],
) -> tuple[dict[str, _HookPlan], set[str]]:
    plans: dict[str, _HookPlan] = defaultdict(_HookPlan)
    projected: set[str] = set()

    def cols(row: int, position: int | None) -> list[int]:
        if position is None:
            return list(range(batch.pad(row), batch.width))
        return [batch.absolute(row, position)]

    for row, comp in enumerate(compiled):
        for j, step in enumerate(comp.steps):
            if isinstance(step, Patch):
                target = cols(row, step.site.position)
                value = sources[(row, j)] if step.source is not None else step.value.to_tensor()[None]  # type: ignore[union-attr]
                if value.shape[0] != len(target):
                    raise RecipeError(
                        f"{step.describe()}: the source has {value.shape[0]} positions but prompt {row} "
                        f"has {len(target)}; position=None patches need prompts of equal length."
                    )
                name = backend.hook_name(step.site.kind, step.site.layer)
                plans[name].groups[(j, "patch")].append(_PatchOp(row, target, value))
            elif isinstance(step, KnockOut):
                queries = None if step.queries is None else [batch.absolute(row, q) for q in step.queries]
                keys = [batch.absolute(row, k) for k in step.keys]
                for layer in step.layers:
                    name = backend.hook_name("attn_scores", layer)
                    plans[name].groups[(j, "knock")].append(_KnockOp(row, queries, keys, step.heads))
            elif isinstance(step, (Record, Project)):
                col = None if step.site.position is None else batch.absolute(row, step.site.position)
                name = backend.hook_name(step.site.kind, step.site.layer)
                plans[name].groups[(j, "record")].append(_RecordOp(row, step.key, col))
                if isinstance(step, Project):
                    projected.add(step.key)
    return plans, projected


def _make_hook(plan: _HookPlan, session: AppliedRecipe) -> HookFn:
    ordered = [plan.groups[k] for k in sorted(plan.groups)]

    def hook(act: torch.Tensor, hook: Any) -> torch.Tensor:
        start = session.window_start
        for ops in ordered:
            first = ops[0]
            if isinstance(first, _PatchOp):
                _apply_patches(act, ops, start)
            elif isinstance(first, _KnockOp):
                _apply_knockouts(act, ops, start)
            else:
                _apply_records(act, ops, start, session)
        return act

    return hook


def _apply_patches(act: torch.Tensor, ops: list[_PatchOp], start: int) -> None:
    n = act.shape[1]
    rows, cols, values = [], [], []
    for op in ops:
        for i, col in enumerate(op.cols):
            if start <= col < start + n:
                rows.append(op.row)
                cols.append(col - start)
                values.append(op.value[i])
    if rows:
        act[rows, cols] = torch.stack(values).to(act.device, act.dtype)


def _apply_knockouts(scores: torch.Tensor, ops: list[_KnockOp], start: int) -> None:
    # scores: [batch, head, query, key]; queries are window columns, keys are absolute.
    n = scores.shape[2]
    mask = torch.zeros(scores.shape, dtype=torch.bool, device=scores.device)
    for op in ops:
        if op.queries is None:
            q = list(range(n))
        else:
            q = [c - start for c in op.queries if start <= c < start + n]
        keys = [k for k in op.keys if k < scores.shape[3]]
        if not q or not keys:
            continue
        heads = list(op.heads) if op.heads is not None else list(range(scores.shape[1]))
        h_idx = torch.tensor(heads)[:, None, None]
        q_idx = torch.tensor(q)[None, :, None]
        k_idx = torch.tensor(keys)[None, None, :]
        mask[op.row, h_idx, q_idx, k_idx] = True
    scores.masked_fill_(mask, float("-inf"))


def _apply_records(act: torch.Tensor, ops: list[_RecordOp], start: int, session: AppliedRecipe) -> None:
    n = act.shape[2] if act.ndim == 4 else act.shape[1]
    for op in ops:
        if op.col is None:
            if start == 0:  # every prompt column lives in the prompt pass
                session._records[op.key][op.row] = _take(act, op.row, slice(None)).clone()
        elif start <= op.col < start + n:
            session._records[op.key][op.row] = _take(act, op.row, op.col - start).clone()


def _take(act: torch.Tensor, row: int, col: int | slice) -> torch.Tensor:
    # attention activations index query rows on dim 2
    return act[row, :, col] if act.ndim == 4 else act[row, col]


@contextlib.contextmanager
def applied(
    model: ModelLike,
    batch: PromptBatch,
    recipes: Recipe | Sequence[Recipe] | None,
    *,
    prepend_bos: bool | None = None,
) -> Iterator[AppliedRecipe]:
    """Install ``recipes`` (one shared, or one per row) on the model for ``batch``.

    Source activations of ``Patch(source=...)`` steps are read from clean runs
    before any hook is installed. Inside the block, every forward of the model
    is intervened on; call ``handle.at(start)`` before a forward that starts at
    a column other than 0 (KV-cached decoding).
    """
    backend = as_backend(model)
    compiled = [compile_recipe(r, backend.spec) for r in per_row(recipes, batch.size)]
    sources = _resolve_sources(backend, batch, compiled, prepend_bos)
    session = AppliedRecipe(backend, batch)
    plans, session._projected = _plans(backend, batch, compiled, sources)
    hooks = [(name, _make_hook(plan, session)) for name, plan in plans.items()]
    with _guard(backend), backend.hooks(hooks):
        yield session


def assert_no_hooks(model: ModelLike) -> None:
    """Raise if any hook is installed on ``model`` (used by tests and after errors)."""
    count = as_backend(model).installed_hook_count()
    if count:
        raise MechhopError(f"{count} hook(s) are still installed on the model; call model.reset_hooks().")
