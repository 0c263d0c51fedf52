"""Recipes: frozen plans of interventions, compiled against a model.

A :class:`Recipe` is an ordered tuple of interventions (see
:mod:`mechhop.core.interventions`). It is a value: hashable, printable (its repr is
the whole plan), and JSON round-trippable. Nothing runs until it is applied
(:func:`mechhop.core.apply.applied`, :func:`mechhop.core.generation.generate`).

Life cycle, as in einops: parse (construct, checks that need no model) ->
:func:`compile_recipe` (checks against the model's layers, heads and hook kinds;
cached) -> apply (translate positions for a concrete batch, install hooks).

>>> from mechhop import Recipe, Patch, KnockOut, Site
>>> recipe = Recipe(
...     Patch(Site("resid_post", 4, -1), source=Site("resid_post", 20, -1)),
...     KnockOut(layers=(8, 9, 10), queries=(-1,), keys=(3,)),
... )
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from mechhop.core.backend import ModelSpec
from mechhop.core.interventions import (
    Intervention,
    KnockOut,
    Patch,
    Project,
    Record,
    check_fields,
    intervention_from_dict,
    intervention_to_dict,
)
from mechhop.core.sites import Site
from mechhop.errors import RecipeError

SCHEMA = "mechhop.recipe"
SCHEMA_VERSION = 1
_STEP_TYPES = (Patch, KnockOut, Record, Project)


@dataclass(frozen=True, init=False)
class Recipe:
    """An ordered, immutable composition of interventions.

    Compose with ``+``: ``recipe + KnockOut(...)`` or ``recipe_a + recipe_b``.
    """

    steps: tuple[Intervention, ...]
    name: str

    def __init__(self, *steps: Intervention, name: str = "") -> None:
        for i, step in enumerate(steps):
            if not isinstance(step, _STEP_TYPES):
                hint = " (did you pass a list? use Recipe(*steps))" if isinstance(step, (list, tuple)) else ""
                raise RecipeError(
                    f"Recipe step {i} is a {type(step).__name__}, not an intervention "
                    f"(Patch, KnockOut, Record, Project){hint}."
                )
        keys = [s.key for s in steps if isinstance(s, (Record, Project))]
        dupes = sorted({k for k in keys if keys.count(k) > 1})
        if dupes:
            raise RecipeError(f"Two Record/Project steps share the name(s) {dupes}; give each its own name=.")
        object.__setattr__(self, "steps", tuple(steps))
        object.__setattr__(self, "name", name)

    def __add__(self, other: Recipe | Intervention) -> Recipe:
        extra = other.steps if isinstance(other, Recipe) else (other,)
        return Recipe(*self.steps, *extra, name=self.name)

    def __iter__(self) -> Iterator[Intervention]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)

    def __repr__(self) -> str:
        title = f"Recipe {self.name!r}" if self.name else "Recipe"
        if not self.steps:
            return f"{title}(no steps: a clean run)"
        lines = "\n".join(f"  {i}. {step.describe()}" for i, step in enumerate(self.steps))
        return f"{title}(\n{lines}\n)"

    # -- serialisation -----------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "version": SCHEMA_VERSION,
            "name": self.name,
            "steps": [intervention_to_dict(s) for s in self.steps],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Recipe:
        check_fields(data, {"schema", "version", "name", "steps"}, "A recipe")
        if data.get("schema") != SCHEMA:
            raise RecipeError(f"Not a mechhop recipe: schema is {data.get('schema')!r}, expected {SCHEMA!r}.")
        version = data.get("version")
        if version != SCHEMA_VERSION:
            raise RecipeError(
                f"Recipe schema version {version!r} is not supported (this mechhop reads version "
                f"{SCHEMA_VERSION}); upgrade mechhop or re-export the recipe."
            )
        if not isinstance(data.get("steps", []), list):
            raise RecipeError(f"A recipe's steps must be a JSON list, got {data['steps']!r}.")
        steps = []
        for i, step in enumerate(data.get("steps", [])):
            try:
                steps.append(intervention_from_dict(step))
            except RecipeError as exc:
                raise RecipeError(f"Recipe step {i}: {exc}") from None
        return cls(*steps, name=data.get("name", ""))

    def to_json(self, **kwargs: Any) -> str:
        return json.dumps(self.to_dict(), **kwargs)

    @classmethod
    def from_json(cls, text: str) -> Recipe:
        try:
            data = json.loads(text)
        except (TypeError, json.JSONDecodeError) as exc:
            raise RecipeError(
                f"Not a recipe: invalid JSON ({exc}); pass the text of Recipe.to_json()."
            ) from None
        return cls.from_dict(data)


@dataclass(frozen=True)
class CompiledRecipe:
    """A recipe checked against one model, with layers made non-negative."""

    recipe: Recipe
    spec: ModelSpec
    steps: tuple[Intervention, ...]

    @property
    def sources(self) -> tuple[tuple[str | tuple[int, ...] | None, Site], ...]:
        """(source prompt or None for the run's own prompt, source site) of every Patch."""
        return tuple((s.source_prompt, s.source) for s in self.steps if isinstance(s, Patch) and s.source)


def compile_recipe(recipe: Recipe, spec: ModelSpec) -> CompiledRecipe:
    """Validate ``recipe`` against a model's :class:`ModelSpec` (cached per pair)."""
    if not isinstance(recipe, Recipe):
        raise RecipeError(f"Expected a Recipe, got {type(recipe).__name__}: wrap steps as Recipe(step, ...).")
    if not isinstance(spec, ModelSpec):
        raise RecipeError(
            f"compile_recipe takes a ModelSpec, got {type(spec).__name__}; pass as_backend(model).spec "
            "(or use mechhop.run / mechhop.generate, which compile for you)."
        )
    return _compile(recipe, spec)


@functools.lru_cache(maxsize=4096)
def _compile(recipe: Recipe, spec: ModelSpec) -> CompiledRecipe:
    steps = []
    for i, step in enumerate(recipe.steps):
        try:
            steps.append(_normalise(step, spec))
        except RecipeError as exc:
            raise RecipeError(f"Recipe step {i} ({step.describe()}): {exc}\nIn:\n{recipe!r}") from None
    return CompiledRecipe(recipe, spec, tuple(steps))


def _layer(layer: int, spec: ModelSpec) -> int:
    resolved = layer + spec.n_layers if layer < 0 else layer
    if not 0 <= resolved < spec.n_layers:
        raise RecipeError(
            f"layer {layer} is out of range for this model (valid: 0..{spec.n_layers - 1}, "
            f"or -{spec.n_layers}..-1 from the top)."
        )
    return resolved


def _site(site: Site, spec: ModelSpec) -> Site:
    if site.kind not in spec.kinds:
        raise RecipeError(
            f"site kind {site.kind!r} does not exist in this model; valid kinds: {', '.join(spec.kinds)}."
        )
    return Site(site.kind, _layer(site.layer, spec), site.position)


def _normalise(step: Intervention, spec: ModelSpec) -> Intervention:
    if isinstance(step, Patch):
        if step.value is not None and len(step.value.values) != spec.d_model:
            raise RecipeError(
                f"the vector has {len(step.value.values)} values but the model's d_model is {spec.d_model}."
            )
        source = None if step.source is None else _site(step.source, spec)
        return Patch(_site(step.site, spec), source, step.source_prompt, step.value)
    if isinstance(step, KnockOut):
        if "attn_scores" not in spec.kinds:
            raise RecipeError(
                "this model exposes no attention scores to knock out (its attention runs in a fused "
                "kernel no hook sees); load it with mechhop.load_model(...), which runs attention eagerly."
            )
        heads = step.heads
        if heads is not None:
            bad = [h for h in heads if not 0 <= h < spec.n_heads]
            if bad:
                raise RecipeError(f"heads {bad} out of range (valid: 0..{spec.n_heads - 1}).")
        layers = tuple(sorted({_layer(layer, spec) for layer in step.layers}))
        return KnockOut(layers, step.keys, step.queries, heads)
    return type(step)(_site(step.site, spec), step.name)
