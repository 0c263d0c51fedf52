"""Generation under recipes: KV-cache decoding equals the plain references, batching is exact."""

from __future__ import annotations

import pytest
import torch
from transformer_lens import TransformerLensKeyValueCache

import mechhop
from mechhop import KnockOut, MechhopError, Patch, Recipe, Site

PROMPTS = [[5, 9, 11, 3, 7, 2], [4, 8, 15], [1]]


def reference_prompt_only(model, prompt, hook_name, pos, value, n):
    """The paper's plain method: one hooked forward of the prompt, then unhooked cached decoding."""
    cache = TransformerLensKeyValueCache.init_cache(model.cfg, "cpu", 1)

    def hook(act, hook):
        act[:, pos] = value
        return act

    tokens = torch.tensor([prompt])
    mask = torch.ones_like(tokens)
    logits = model.run_with_hooks(
        tokens, attention_mask=mask, past_kv_cache=cache, fwd_hooks=[(hook_name, hook)]
    )
    out = []
    for _ in range(n):
        nxt = logits[0, -1].argmax().item()
        out.append(nxt)
        logits = model(
            torch.tensor([[nxt]]),
            attention_mask=torch.ones(1, 1, dtype=torch.long),
            past_kv_cache=cache,
        )
    return out


@torch.no_grad()
def test_prompt_only_back_patch_generation_equals_plain_method(tiny):
    for prompt in PROMPTS:
        for src, tgt in [(3, 0), (2, 1)]:
            pos = len(prompt) - 1
            _, cache = tiny.run_with_cache(torch.tensor([prompt]))
            value = cache[f"blocks.{src}.hook_resid_post"][0, pos]
            expected = reference_prompt_only(tiny, prompt, f"blocks.{tgt}.hook_resid_post", pos, value, 8)
            recipe = Recipe(Patch(Site("resid_post", tgt, -1), source=Site("resid_post", src, -1)))
            gen = mechhop.generate(tiny, [prompt], recipe, max_new_tokens=8)
            assert gen.new_tokens[0].tolist() == expected


@torch.no_grad()
def no_cache_reference(model, prompt, recipe, n):
    """Re-run the whole sequence under the recipe for each new token (no KV cache)."""
    seq = list(prompt)
    for _ in range(n):
        logits = mechhop.run(model, [seq], recipe).last_logits
        seq.append(int(logits[0].argmax()))
    return seq[len(prompt) :]


def test_every_step_equals_recomputing_the_sequence(tiny):
    recipe = Recipe(KnockOut(layers=(0, 1, 2), keys=(1,)))  # every query, incl. generated ones
    for prompt in PROMPTS[:2]:
        gen = mechhop.generate(tiny, [prompt], recipe, max_new_tokens=6, apply_to="every_step")
        assert gen.new_tokens[0].tolist() == no_cache_reference(tiny, prompt, recipe, 6)
    # both modes share the prompt pass
    prompt_only = mechhop.generate(tiny, [PROMPTS[0]], recipe, max_new_tokens=6)
    every = mechhop.generate(tiny, [PROMPTS[0]], recipe, max_new_tokens=6, apply_to="every_step")
    assert torch.equal(prompt_only.first_logits, every.first_logits)


def test_patch_generation_equals_recomputation(tiny):
    # a patch at a fixed prompt position acts the same with or without a KV cache
    recipe = Recipe(Patch(Site("resid_post", 1, 2), source=Site("resid_post", 3, 2)))
    prompt = PROMPTS[0]
    gen = mechhop.generate(tiny, [prompt], recipe, max_new_tokens=6)
    assert gen.new_tokens[0].tolist() == no_cache_reference(tiny, prompt, recipe, 6)


def test_batched_left_padded_equals_unbatched(tiny):
    recipes = [
        Recipe(Patch(Site("resid_post", 0, -1), source=Site("resid_post", 3, -1))),
        Recipe(KnockOut(layers=(1, 2), queries=(-1,), keys=(0,))),
        Recipe(Patch(Site("resid_post", 1, -1), source=Site("resid_post", 2, -1))),  # 1-token prompt
    ]
    for apply_to in ("prompt", "every_step"):
        batched = mechhop.generate(tiny, PROMPTS, recipes, max_new_tokens=7, apply_to=apply_to)
        for row, (prompt, recipe) in enumerate(zip(PROMPTS, recipes, strict=False)):
            alone = mechhop.generate(tiny, [prompt], recipe, max_new_tokens=7, apply_to=apply_to)
            assert batched.new_tokens[row].tolist() == alone.new_tokens[0].tolist()
            torch.testing.assert_close(batched.first_logits[row], alone.first_logits[0], atol=1e-5, rtol=1e-5)


def test_sampling_is_reproducible_per_row_whatever_the_batch(tiny):
    alone = mechhop.generate(tiny, [PROMPTS[1]], None, max_new_tokens=8, decoding="sample", seeds=7)
    batch = mechhop.generate(tiny, PROMPTS, None, max_new_tokens=8, decoding="sample", seeds=[1, 7, 3])
    assert batch.new_tokens[1].tolist() == alone.new_tokens[0].tolist()
    other_seed = mechhop.generate(tiny, [PROMPTS[1]], None, max_new_tokens=8, decoding="sample", seeds=8)
    assert other_seed.new_tokens[0].tolist() != alone.new_tokens[0].tolist()


def test_bad_generation_arguments(tiny):
    with pytest.raises(MechhopError, match="apply_to"):
        mechhop.generate(tiny, PROMPTS, None, apply_to="always")  # type: ignore[arg-type]
    with pytest.raises(MechhopError, match="2 seeds for 3 prompts"):
        mechhop.generate(tiny, PROMPTS, None, decoding="sample", seeds=[1, 2])
    with pytest.raises(MechhopError, match="no tokens"):
        mechhop.generate(tiny, [[]], None)
    with pytest.raises(MechhopError, match="no tokenizer"):
        mechhop.generate(tiny, ["a string prompt"], None)
