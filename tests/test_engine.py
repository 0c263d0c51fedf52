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


def plain_many_result(model, variants: list[PatchVariant], **kw):
    """The plain method's Generation for many variants at once (first logits included)."""
    prompts = [list(v.prompt) if isinstance(v.prompt, tuple) else v.prompt for v in variants]
    sources = [
        list(v.source_prompt) if isinstance(v.source_prompt, tuple) else v.source_prompt for v in variants
    ]
    recipes = [
        Recipe(Patch(v.target, source=v.source, source_prompt=p))
        for v, p in zip(variants, sources, strict=True)
    ]
    return mechhop.generate(model, prompts, recipes, **kw)


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


def rounding_check(
    engine_first: torch.Tensor, low: torch.Tensor, ref: torch.Tensor
) -> tuple[float, list[int], int]:
    """The guarantee a low-precision engine can keep: its first token is one the float32 model ranks
    within twice the precision's rounding scale of its top token.

    ``low`` and ``ref`` are the plain method's first-step logits in the low precision and in float32
    (one row per variant). The rounding scale ``s`` is the largest gap between the two over every
    variant and token, measured here on this CPU's kernels, not on the machine the test was written
    on. The plain method keeps the guarantee by construction (each logit is off by at most ``s``, so
    its argmax is within ``2 s`` of the float32 top); the engine sums the same products in another
    order, so it keeps it too unless it computes something else. Where the float32 margin between the
    top two tokens exceeds ``2 s`` this is exact agreement with float32's first token.
    Returns the scale, the variants that break the guarantee and how many variants are that clear.
    """
    scale = float((low.float() - ref.float()).abs().max())
    top = ref.topk(2, dim=-1).values
    chosen = ref.gather(-1, engine_first.view(-1, 1)).squeeze(-1)
    broken = [i for i, gap in enumerate((top[:, 0] - chosen).tolist()) if gap > 2 * scale]
    clear = int(((top[:, 0] - top[:, 1]) > 2 * scale).sum())
    return scale, broken, clear


def low_precision_agreement(model, reference, variants, **kw) -> str:
    """Run the engine on ``model`` (16-bit) and check it against the plain method in float32
    (``reference``, the same model in float32); return what was measured, for the test's output."""
    result = run_variants(model, variants, EngineConfig(progress=False, **kw))
    prompts = [list(v.prompt) if isinstance(v.prompt, tuple) else v.prompt for v in variants]
    recipes = [Recipe(Patch(v.target, source=v.source, source_prompt=v.source_prompt)) for v in variants]
    plain_low = mechhop.generate(model, prompts, recipes, **kw)
    plain_ref = mechhop.generate(reference, prompts, recipes, max_new_tokens=1)
    scale, broken, clear = rounding_check(
        result.new_tokens[:, 0], plain_low.first_logits, plain_ref.first_logits
    )
    assert not broken, (
        f"the engine's first token is more than 2 x {scale:.3f} (the rounding scale) below float32's top "
        f"token for variants {broken}: the engine computes something other than the plain method"
    )
    assert clear > 0, f"no variant's float32 margin exceeds 2 x {scale:.3f}: the check says nothing"
    same = sum(r.tolist() == p for r, p in zip(result.new_tokens, plain_low.new_tokens.tolist(), strict=True))
    n = len(variants)
    return (
        f"rounding scale {scale:.3f}; first token within it on {n}/{n}, {clear} clear of it (exact); "
        f"whole generations equal to the plain method's {same}/{n}"
    )


@pytest.mark.real
def test_bfloat16_smollm2_keeps_the_rounding_guarantee(smol, capsys):
    """SmolLM2 in bfloat16 (as a GPU would run it), back-patching-like variants: the engine's first
    token is within the rounding scale of float32's (see ``rounding_check``). Whole generations may
    part later at a near-tie, more often on CPUs whose bfloat16 kernels round differently (AMX):
    that share is printed, not asserted."""
    model = mechhop.load_model("smollm2-135m", device="cpu", dtype="bfloat16")
    two_hop = "the capital of the country of origin of sushi is"
    variants = [PatchVariant(two_hop, Site("resid_post", t, -1), Site("resid_post", s, -1))
                for s in range(4, 30, 5) for t in range(0, s, 4)]  # fmt: skip
    measured = low_precision_agreement(model, smol, variants)
    with capsys.disabled():
        print(f"\nSmolLM2 bfloat16 (10 tokens): {measured}")


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
def test_low_precision_engine_keeps_the_rounding_guarantee(dtype, capsys):
    """In 16-bit floats the engine and the plain method sum in different orders, which can flip a
    greedy choice at a near-tie: assert the guarantee of ``rounding_check`` and print the rest."""
    from tests.tiny_lm import make_tiny_lm

    model = make_tiny_lm(dtype=dtype)
    assert as_backend(model).dtype == getattr(torch, dtype)
    measured = low_precision_agreement(
        model, make_tiny_lm(), tiny_variants(model.cfg.n_layers)[::3], max_new_tokens=6
    )
    with capsys.disabled():
        print(f"\n{dtype} (6 tokens): {measured}")


def test_the_rounding_check_catches_a_wrong_first_token():
    ref = torch.tensor([[5.0, 1.0, 0.0], [2.0, 1.9, 0.0]])
    low = ref + 0.1  # rounding scale 0.1: row 0 is clear (margin 4), row 1 a near-tie
    assert rounding_check(torch.tensor([0, 1]), low, ref) == (pytest.approx(0.1), [], 1)
    assert rounding_check(torch.tensor([1, 1]), low, ref)[1] == [0]  # 4 below the top: a real error


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


# -- the random-direction control and the first token's KL -----------------------------------------
def displaced_variants(n_layers: int) -> list[PatchVariant]:
    return [
        PatchVariant(p, Site("resid_post", tgt, pos), Site("resid_post", src, pos), displace=1000 * src + tgt)
        for p in PROMPTS
        for src in range(n_layers)
        for tgt in range(src)
        for pos in sorted({0, -1})
    ]


def test_displace_moves_as_far_as_the_patch_in_a_seeded_direction():
    from mechhop.engine.measures import displaced

    target, source = torch.zeros(16), torch.arange(16.0)
    moved = displaced(target, source, seed=3)
    assert torch.linalg.norm(moved - target) == pytest.approx(float(torch.linalg.norm(source - target)))
    assert torch.equal(moved, displaced(target, source, seed=3))
    assert not torch.equal(moved, displaced(target, source, seed=4))
    assert abs(float(torch.nn.functional.cosine_similarity(moved, source, dim=0))) < 0.9  # not the patch


@pytest.mark.parametrize("fast", [True, False], ids=["fast-attention", "transformer-lens-blocks"])
def test_displaced_generations_and_kl_equal_the_plain_path(tiny, fast, monkeypatch):
    variants = displaced_variants(tiny.cfg.n_layers)
    config = EngineConfig(max_new_tokens=6, progress=False, max_batch=7, fast_attention=fast)
    engine = run_variants(tiny, variants, config)
    # the plain path (what a backend that cannot resume gets): generate with the moved state as a value
    monkeypatch.setattr(type(as_backend(tiny)), "why_not_resumable", lambda self: "test")
    plain = run_variants(tiny, variants, config)
    assert plain.path == "plain" and engine.path != "plain"
    assert engine.new_tokens.tolist() == plain.new_tokens.tolist()
    torch.testing.assert_close(engine.first_kl, plain.first_kl, atol=1e-4, rtol=1e-3)
    real = run_variants(tiny, [PatchVariant(v.prompt, v.target, v.source) for v in variants], config)
    assert engine.new_tokens.tolist() != real.new_tokens.tolist()  # the control is not the patch


def test_first_token_kl_is_zero_unpatched_and_matches_the_plain_method(tiny):
    from mechhop.engine.measures import first_token_kl
    from mechhop.engine.sweep import clean_variant

    variants = [clean_variant(p, tiny.cfg.n_layers) for p in PROMPTS] + tiny_variants(tiny.cfg.n_layers)[:40]
    result = run_variants(tiny, variants, EngineConfig(max_new_tokens=2, progress=False))
    assert result.first_kl[: len(PROMPTS)].abs().max() < 1e-5
    patched = variants[len(PROMPTS) :]
    plain = plain_many_result(tiny, patched, max_new_tokens=1)
    clean = mechhop.generate(tiny, [list(v.prompt) for v in patched], max_new_tokens=1).first_logits
    assert plain.new_tokens[:, 0].tolist() == result.new_tokens[len(PROMPTS) :, 0].tolist()
    expected = first_token_kl(torch.log_softmax(clean, -1), plain.first_logits)
    torch.testing.assert_close(result.first_kl[len(PROMPTS) :], expected, atol=1e-4, rtol=1e-3)
    assert float(expected.max()) > 0.01  # some patches move the distribution
