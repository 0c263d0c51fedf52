"""Recipes as values: frozen, hashable, printable, JSON round-trip, validated on compile."""

from __future__ import annotations

import dataclasses
import json

import pytest
import torch

from mechhop import (
    KnockOut,
    MechhopError,
    Patch,
    Project,
    Recipe,
    RecipeError,
    Record,
    Site,
    Vector,
)
from mechhop.core.backend import ModelSpec
from mechhop.core.recipe import compile_recipe

SPEC = ModelSpec(
    n_layers=4,
    n_heads=4,
    d_model=8,
    d_vocab=10,
    kinds=("resid_pre", "resid_mid", "resid_post", "attn_out", "mlp_out", "attn_scores", "pattern"),
)


def full_recipe() -> Recipe:
    return Recipe(
        Patch(Site("resid_post", 1, -1), source=Site("resid_post", 3, -1)),
        Patch(Site("resid_post", 0, 2), source=Site("resid_post", 2, -1), source_prompt="other prompt"),
        Patch(Site("mlp_out", 2, 0), value=Vector.from_tensor(torch.arange(8.0))),
        KnockOut(layers=(1, 2, 3), queries=(-1,), keys=(2, 3), heads=(0, 2)),
        KnockOut(layers=(0,), keys=(1,)),
        Record(Site("pattern", 2, -1), name="pat"),
        Project(Site("attn_out", 3, -1)),
        name="everything",
    )


def test_recipe_is_frozen_and_hashable():
    recipe = full_recipe()
    with pytest.raises(dataclasses.FrozenInstanceError):
        recipe.name = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        recipe.steps[0].site = Site("resid_pre", 0)  # type: ignore[misc]
    assert hash(recipe) == hash(full_recipe())
    assert len({recipe, full_recipe()}) == 1


def test_json_round_trip_is_equal():
    recipe = full_recipe()
    text = recipe.to_json()
    assert json.loads(text)["version"] == 1
    again = Recipe.from_json(text)
    assert again == recipe
    assert hash(again) == hash(recipe)
    assert Recipe.from_dict(recipe.to_dict()).to_dict() == recipe.to_dict()


def test_repr_shows_every_step():
    text = repr(full_recipe())
    assert "Recipe 'everything'" in text
    assert "Patch resid_post[L1, pos -1] <- resid_post[L3, pos -1] (same prompt, clean run)" in text
    assert "prompt 'other prompt'" in text
    assert "KnockOut L1..L3: queries [-1] -> keys [2, 3], heads [0, 2]" in text
    assert "Vector(d=8" in text
    assert text.count("\n") == len(full_recipe()) + 1


def test_composition_with_plus():
    a = Recipe(KnockOut(layers=(0,), keys=(1,)))
    b = Recipe(Record(Site("resid_post", 1, -1)))
    assert (a + b).steps == a.steps + b.steps
    assert (a + b.steps[0]).steps == (a + b).steps


def test_bad_values_fail_at_construction_with_hints():
    with pytest.raises(RecipeError, match="Did you mean 'resid_post'"):
        Site("resid_pots", 1)  # type: ignore[arg-type]
    with pytest.raises(RecipeError, match="exactly one of source"):
        Patch(Site("resid_post", 1, 0))
    with pytest.raises(RecipeError, match="KnockOut"):
        Patch(Site("attn_scores", 1, 0), source=Site("attn_scores", 2, 0))
    with pytest.raises(RecipeError, match="did you pass a list"):
        Recipe([KnockOut(layers=(0,), keys=(1,))])  # type: ignore[arg-type]
    with pytest.raises(RecipeError, match="share the name"):
        Recipe(Record(Site("resid_post", 1, 0), name="a"), Record(Site("resid_post", 2, 0), name="a"))
    with pytest.raises(RecipeError, match="version 99"):
        Recipe.from_dict({**full_recipe().to_dict(), "version": 99})
    with pytest.raises(RecipeError, match="Unknown intervention type 'Teleport'"):
        Recipe.from_dict({"schema": "mechhop.recipe", "version": 1, "steps": [{"type": "Teleport"}]})
    assert issubclass(RecipeError, MechhopError)


def test_compile_validates_against_model_and_lists_valid_values():
    with pytest.raises(RecipeError, match=r"layer 7 is out of range .*valid: 0\.\.3") as info:
        compile_recipe(Recipe(Record(Site("resid_post", 7, 0))), SPEC)
    assert "Recipe step 0" in str(info.value)
    with pytest.raises(RecipeError, match=r"heads \[4\] out of range"):
        compile_recipe(Recipe(KnockOut(layers=(0,), keys=(1,), heads=(4,))), SPEC)
    with pytest.raises(RecipeError, match="d_model is 8"):
        compile_recipe(Recipe(Patch(Site("resid_post", 0, 0), value=Vector((1.0, 2.0)))), SPEC)
    no_mid = dataclasses.replace(SPEC, kinds=tuple(k for k in SPEC.kinds if k != "resid_mid"))
    with pytest.raises(RecipeError, match="valid kinds: resid_pre"):
        compile_recipe(Recipe(Record(Site("resid_mid", 0, 0))), no_mid)


def test_compile_normalises_negative_layers_and_is_cached():
    recipe = Recipe(Record(Site("resid_post", -1, 0)), KnockOut(layers=(-1, 0), keys=(0,)))
    compiled = compile_recipe(recipe, SPEC)
    assert compiled.steps[0].site.layer == 3
    assert compiled.steps[1].layers == (0, 3)
    assert compile_recipe(recipe, SPEC) is compiled
