"""The sweep engine gives the plain method's generations, variant by variant."""

from __future__ import annotations

import pytest
import torch

import mechhop
from mechhop import KnockOut, Patch, Recipe, RecipeError, Site
from mechhop.core.backend import as_backend
from mechhop.engine.sweep import (
    EngineConfig,
    KnockoutVariant,
    PatchVariant,
    plan_batches,
    run_knockouts,
    run_variants,
)
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


def plain_many(model, variants: list[PatchVariant], **kw) -> list[list[int]]:
    """The plain method for many variants at once (one row per variant; rows are independent)."""
    prompts = [list(v.prompt) if isinstance(v.prompt, tuple) else v.prompt for v in variants]
    recipes = [Recipe(Patch(v.target, source=v.source, source_prompt=v.source_prompt)) for v in variants]
    return mechhop.generate(model, prompts, recipes, **kw).new_tokens.tolist()


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
    expected = plain_many(tiny, variants, max_new_tokens=6)
    for v, tokens, want in zip(variants, result.new_tokens.tolist(), expected, strict=True):
        assert tokens == want, v
    # and one prompt per call, unpadded, for each prompt length, position and kind of variant
    for v in {(len(v.prompt), v.target.position, v.source_prompt is None): v for v in variants}.values():
        assert plain(tiny, v, max_new_tokens=6) == expected[variants.index(v)], v


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
        for t in range(1, s, 3)  # every 3rd source and target layer (src > tgt)
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
def test_bfloat16_smollm2_agreement_with_the_plain_method_is_reported(capsys):
    """SmolLM2 in bfloat16 (as a GPU would run it): the engine against the plain method in the same
    precision, back-patching-like variants; agreement is measured and printed, not demanded exact."""
    model = mechhop.load_model("smollm2-135m", device="cpu", dtype="bfloat16")
    two_hop = "the capital of the country of origin of sushi is"
    variants = [PatchVariant(two_hop, Site("resid_post", t, -1), Site("resid_post", s, -1))
                for s in range(4, 30, 5) for t in range(0, s, 4)]  # fmt: skip
    result = run_variants(model, variants, EngineConfig(progress=False))
    plain_tokens = plain_many(model, variants)
    same = sum(r.tolist() == p for r, p in zip(result.new_tokens, plain_tokens, strict=True))
    with capsys.disabled():
        print(f"\nSmolLM2 bfloat16: engine = plain method on {same}/{len(variants)} generations (10 tokens)")
    assert same / len(variants) >= 0.8


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


def test_the_budget_follows_the_devices_free_memory(tiny):
    """No budget given: 70% of a GPU's free memory (after the weights), 2 GiB at most on a CPU."""
    from mechhop.engine.sweep import auto_budget

    class Device:
        def __init__(self, backend, kind, free):
            self.backend, self.device, self.free = backend, torch.device(kind), free

        def __getattr__(self, name):
            return getattr(self.backend, name)

        def free_memory(self):
            return self.free

    backend = as_backend(tiny)
    assert auto_budget(Device(backend, "cuda", 100 * 2**30)) == (70 * 2**30)
    assert auto_budget(Device(backend, "cpu", 100 * 2**30)) == 2 * 2**30
    assert auto_budget(Device(backend, "cpu", 4 * 2**30)) == 2**30
    gpu = Device(backend, "cuda", 40 * 2**30)
    rows = plan_batches(gpu, capacity=30, suffix=1, rows=10**9, config=EngineConfig(max_batch=10**9))
    assert rows == int(0.7 * 40 * 2**30) // backend.row_bytes(30, 1)


@pytest.mark.parametrize("dtype", ["bfloat16", "float16"])
def test_low_precision_agreement_with_the_plain_method_is_measured(dtype, capsys):
    """In 16-bit floats the engine and the plain method sum in different orders, which can flip a
    greedy choice at a near-tie: measure and report agreement instead of demanding identity."""
    from tests.tiny_lm import make_tiny_lm

    model = make_tiny_lm(dtype=dtype)
    assert as_backend(model).dtype == getattr(torch, dtype)
    variants = tiny_variants(model.cfg.n_layers)[::3]
    result = run_variants(model, variants, EngineConfig(max_new_tokens=6, progress=False))
    plain_tokens = plain_many(model, variants, max_new_tokens=6)
    same = sum(r.tolist() == p for r, p in zip(result.new_tokens, plain_tokens, strict=True))
    first = sum(int(r[0]) == p[0] for r, p in zip(result.new_tokens, plain_tokens, strict=True))
    with capsys.disabled():
        print(f"\n{dtype}: engine = plain method on {same}/{len(variants)} generations (all 6 tokens), "
              f"first token {first}/{len(variants)}")  # fmt: skip
    assert first / len(variants) >= 0.95 and same / len(variants) >= 0.8


# -- attention knockout on the engine -----------------------------------------------------------
def knockout_variants(n_layers: int) -> list[KnockoutVariant]:
    out = [KnockoutVariant(p, len(p) - 1, (), ()) for p in PROMPTS]  # nothing blocked: the clean run
    for p in PROMPTS:
        last = len(p) - 1
        for query in sorted({last, len(p) // 2}):
            for keys in ((0,), tuple(range(query + 1))):
                for centre in range(n_layers):
                    layers = tuple(range(max(0, centre - 1), min(n_layers - 1, centre + 1) + 1))
                    out.append(KnockoutVariant(p, query, keys, layers))
    return out


def plain_knockouts(model, variants: list[KnockoutVariant], **kw) -> list[list[int]]:
    prompts = [list(v.prompt) for v in variants]
    recipes = [
        Recipe(KnockOut(layers=v.layers, keys=v.keys, queries=(v.query,))) if v.layers else Recipe()
        for v in variants
    ]
    return mechhop.generate(model, prompts, recipes, **kw).new_tokens.tolist()


@pytest.mark.parametrize("fast", [True, False], ids=["fast-attention", "transformer-lens-blocks"])
def test_knockout_generations_equal_the_plain_method(tiny, fast):
    variants = knockout_variants(tiny.cfg.n_layers)
    config = EngineConfig(max_new_tokens=6, progress=False, max_batch=5, fast_attention=fast)
    result = run_knockouts(tiny, variants, config)
    assert result.batches > 10 and result.path == ("fast" if fast else "transformer_lens")
    expected = plain_knockouts(tiny, variants, max_new_tokens=6)
    assert result.new_tokens.tolist() == expected
    # the knockouts change something: not every row is the clean continuation
    clean = {tuple(v.prompt): t for v, t in zip(variants, expected, strict=True) if not v.layers}
    assert sum(t != clean[tuple(v.prompt)] for v, t in zip(variants, expected, strict=True)) > 5


def test_knockout_variants_outside_the_prompt_are_refused(tiny):
    with pytest.raises(RecipeError, match="outside the prompt"):
        run_knockouts(tiny, [KnockoutVariant([1, 2, 3], 5, (0,), (1,))], EngineConfig(progress=False))
    with pytest.raises(RecipeError, match="out of range"):
        run_knockouts(tiny, [KnockoutVariant([1, 2, 3], 2, (0,), (9,))], EngineConfig(progress=False))
