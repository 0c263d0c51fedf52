"""The sweep engine gives the plain method's generations, variant by variant."""

from __future__ import annotations

import pytest
import torch

import mechhop
from mechhop import Patch, Recipe, RecipeError, Site
from mechhop.core.backend import as_backend
from mechhop.engine.sweep import EngineConfig, PatchVariant, plan_batches, run_variants
from mechhop.models.fast_decode import unsupported_reason

PROMPTS = [[5, 9, 11, 3, 7, 2], [4, 8, 15], [1], [3, 3, 9, 12, 40, 2, 1, 7]]
OTHER = [7, 7, 7, 1, 2]


def plain(model, v: PatchVariant, **kw) -> list[int]:
    prompt = list(v.prompt) if isinstance(v.prompt, tuple) else v.prompt
    source_prompt = v.source_prompt
    if isinstance(source_prompt, tuple):
        source_prompt = list(source_prompt)
    recipe = Recipe(Patch(v.target, source=v.source, source_prompt=source_prompt))
    return mechhop.generate(model, [prompt], recipe, **kw).new_tokens[0].tolist()


def plain_many(model, variants: list[PatchVariant]) -> list[list[int]]:
    """The plain method for many variants at once (one row per variant; rows are independent)."""
    prompts = [list(v.prompt) if isinstance(v.prompt, tuple) else v.prompt for v in variants]
    recipes = [Recipe(Patch(v.target, source=v.source, source_prompt=v.source_prompt)) for v in variants]
    return mechhop.generate(model, prompts, recipes).new_tokens.tolist()


def tiny_variants(n_layers: int) -> list[PatchVariant]:
    out = []
    for p in PROMPTS:
        for src in range(n_layers):
            for tgt in range(n_layers):
                for pos in sorted({0, -1, len(p) // 2}):
                    out.append(PatchVariant(p, Site("resid_post", tgt, pos), Site("resid_post", src, pos)))
                # Patchscopes-like: another prompt's state into this prompt's last token
                out.append(PatchVariant(p, Site("resid_pre", tgt, -1), Site("resid_post", src, 2), OTHER))
    return out


@pytest.mark.parametrize("fast", [True, False], ids=["fast-attention", "transformer-lens-blocks"])
def test_greedy_generations_equal_the_plain_method(tiny, fast):
    variants = tiny_variants(tiny.cfg.n_layers)
    # a small budget forces many batches, including ones that mix prompt lengths
    config = EngineConfig(max_new_tokens=6, progress=False, max_batch=7, fast_attention=fast)
    result = run_variants(tiny, variants, config)
    assert result.batches > 20
    for v, tokens in zip(variants, result.new_tokens, strict=True):
        assert tokens.tolist() == plain(tiny, v, max_new_tokens=6), v


def test_fast_path_covers_the_test_and_embedded_architectures(tiny):
    assert unsupported_reason(tiny) is None
    tiny.cfg.parallel_attn_mlp = True  # a block shape fast_decode does not reproduce
    try:
        assert unsupported_reason(tiny) == "attention-only or parallel blocks"
    finally:
        tiny.cfg.parallel_attn_mlp = False


def test_sampling_depends_only_on_the_variants_seed(tiny):
    v = PatchVariant(PROMPTS[0], Site("resid_post", 1, -1), Site("resid_post", 3, -1), seed=11)
    others = [
        PatchVariant(p, Site("resid_post", 0, -1), Site("resid_post", 2, -1), seed=i)
        for i, p in enumerate(PROMPTS)
    ]
    config = EngineConfig(max_new_tokens=8, decoding="sample", progress=False)
    alone = run_variants(tiny, [v], config).new_tokens[0]
    mixed = run_variants(tiny, [*others, v], config).new_tokens[-1]
    assert torch.equal(alone, mixed)
    assert alone.tolist() == plain(tiny, v, max_new_tokens=8, decoding="sample", seeds=11)


def test_planner_respects_the_memory_budget(tiny):
    backend = as_backend(tiny)
    big = plan_batches(backend, capacity=30, suffix=1, rows=10_000, config=EngineConfig(memory_budget_gb=1.0))
    small = plan_batches(
        backend, capacity=30, suffix=1, rows=10_000, config=EngineConfig(memory_budget_gb=0.001)
    )
    assert 1 <= small < big
    with pytest.raises(RecipeError, match=r"raise EngineConfig\.memory_budget_gb"):
        plan_batches(backend, capacity=30, suffix=1, rows=10, config=EngineConfig(memory_budget_gb=1e-9))


def test_bad_variants_are_refused(tiny):
    with pytest.raises(RecipeError, match=r"use mechhop\.generate"):
        PatchVariant(PROMPTS[0], Site("mlp_out", 1, -1), Site("resid_post", 2, -1))
    with pytest.raises(RecipeError, match="position 9 does not exist"):
        run_variants(tiny, [PatchVariant(PROMPTS[1], Site("resid_post", 0, 9), Site("resid_post", 1, 0))])


@pytest.mark.real
def test_engine_equals_plain_method_on_smollm2(smol):
    two_hop = "the capital of the country of origin of sushi is"
    target = (
        "Syria: Syria is a country in the Middle East, "
        "Leonardo DiCaprio: Leonardo DiCaprio is an American actor, x"
    )
    variants = [
        PatchVariant(two_hop, Site("resid_post", t, -1), Site("resid_post", s, -1))
        for s in range(0, 30, 3)
        for t in range(s)
    ]
    variants += [
        PatchVariant(two_hop, Site("resid_post", t, 7), Site("resid_post", s, 7))
        for s, t in [(20, 4), (12, 2), (29, 0)]
    ]
    variants += [
        PatchVariant(target, Site("resid_post", t, -1), Site("resid_post", s, 7), two_hop)
        for s, t in [(3, 3), (8, 1), (15, 0), (20, 10)]
    ]
    variants += [
        PatchVariant("Hello", Site("resid_post", 5, -1), Site("resid_post", 9, -1))
    ]  # 1-token target
    assert unsupported_reason(smol) is None
    result = run_variants(smol, variants, EngineConfig(progress=False))
    assert result.new_tokens.tolist() == plain_many(smol, variants)


@pytest.mark.real
def test_engine_equals_plain_method_on_gemma(gemma):
    two_hop = "the capital of the country of origin of sushi is"
    variants = [
        PatchVariant(two_hop, Site("resid_post", t, -1), Site("resid_post", s, -1))
        for s in range(0, 18, 4)
        for t in range(0, s, 2)
    ]
    variants += [
        PatchVariant(two_hop, Site("resid_post", t, 8), Site("resid_post", s, 8))
        for s, t in [(12, 3), (17, 0)]
    ]
    variants += [PatchVariant("x", Site("resid_post", 6, -1), Site("resid_post", 9, 8), two_hop)]
    assert unsupported_reason(gemma) is None  # qk-norm, local windows, post-norms: all reproduced
    result = run_variants(gemma, variants, EngineConfig(progress=False))
    assert result.new_tokens.tolist() == plain_many(gemma, variants)
