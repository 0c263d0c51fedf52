"""The engine's fast path against TransformerLens's own blocks, one tiny config per architecture.

fast_decode runs only for the architectures listed in TESTED_ARCHITECTURES; each has a config here
(Gemma-3-like local windows, post-norms, soft-capping and qk-norm; Qwen2-like QKV biases; Llama;
GPT-2), and a model of any other architecture keeps TransformerLens's blocks.
"""

from __future__ import annotations

import dataclasses

import pytest
import torch
from transformer_lens.utilities.activation_functions import apply_softcap

import mechhop
from mechhop import Patch, Recipe, Site
from mechhop.engine.sweep import EngineConfig, PatchVariant, run_variants
from mechhop.models.fast_decode import TESTED_ARCHITECTURES, FastBlocks, RotatedKV, unsupported_reason
from tests.conftest import FAMILY_CONFIGS, make_tiny

KINDS = sorted(FAMILY_CONFIGS)
TOKENS = torch.tensor([[5, 9, 11, 3, 7, 2, 40, 13], [4, 8, 15, 16, 23, 42, 1, 6]])


def family(kind: str):
    model = make_tiny(kind, seed=1)
    if kind == "qwen2-like":  # non-zero QKV biases: what distinguishes the Qwen2 block
        with torch.no_grad():
            for block in model.blocks:
                for bias in (block.attn.b_Q, block.attn._b_K, block.attn._b_V):
                    bias.normal_(0, 0.5)
    return model


def fast_logits(model, tokens: torch.Tensor) -> torch.Tensor:
    """Logits of every position computed by FastBlocks from an empty rotated cache."""
    batch, length = tokens.shape
    blocks = FastBlocks(model)
    kv = RotatedKV.empty(model, batch, length)
    positions = torch.arange(length).expand(batch, length)
    valid = torch.ones((batch, length), dtype=torch.bool)
    resid = blocks.run(blocks.embed(tokens, positions), kv, slice(None), 0, 0, positions, valid)
    return apply_softcap(model.unembed(model.ln_final(resid)), model.cfg.output_logits_soft_cap)


def test_every_tested_architecture_has_a_config_here():
    assert {FAMILY_CONFIGS[k]["original_architecture"] for k in KINDS} == set(TESTED_ARCHITECTURES)


@pytest.mark.parametrize("kind", KINDS)
def test_fast_blocks_give_transformer_lens_logits(kind):
    model = family(kind)
    assert unsupported_reason(model) is None
    with torch.no_grad():
        expected = model(TOKENS)
        got = fast_logits(model, TOKENS)
    torch.testing.assert_close(got, expected, rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("kind", KINDS)
def test_fast_engine_generations_equal_the_plain_method(kind):
    model = family(kind)
    prompts = [TOKENS[0].tolist(), TOKENS[1, :5].tolist()]
    variants = [PatchVariant(p, Site("resid_post", t, -1), Site("resid_post", s, -1))
                for p in prompts for s in range(4) for t in range(4)]  # fmt: skip
    result = run_variants(model, variants, EngineConfig(max_new_tokens=5, progress=False))
    assert result.path == "fast" and result.why_not_fast is None
    for v, tokens in zip(variants, result.new_tokens, strict=True):
        recipe = Recipe(Patch(v.target, source=v.source))
        plain = mechhop.generate(model, [v.prompt], recipe, max_new_tokens=5).new_tokens[0]
        assert tokens.tolist() == plain.tolist(), v


def test_an_untested_architecture_keeps_transformer_lens_blocks_and_says_so():
    model = make_tiny("rms-rotary-gqa")
    model.cfg = dataclasses.replace(model.cfg, original_architecture="MistralForCausalLM")
    reason = unsupported_reason(model)
    assert reason is not None and "'MistralForCausalLM' is not one the fast path is tested on" in reason
    variants = [PatchVariant(TOKENS[0].tolist(), Site("resid_post", 0, -1), Site("resid_post", 2, -1))]
    result = run_variants(model, variants, EngineConfig(max_new_tokens=3, progress=False))
    assert result.path == "transformer_lens" and result.why_not_fast == reason
    off = run_variants(make_tiny("rms-rotary-gqa"), variants,
                       EngineConfig(max_new_tokens=3, progress=False, fast_attention=False))  # fmt: skip
    assert off.path == "transformer_lens" and off.why_not_fast == "EngineConfig(fast_attention=False)"


def test_a_run_records_which_engine_path_computed_it(tmp_path):
    import json

    from mechhop.analyses.backpatching import BackpatchingConfig, backpatching
    from tests.tiny_lm import make_tiny_lm, tiny_queries

    lm = make_tiny_lm()
    run = backpatching(
        lm, tiny_queries()[:1], BackpatchingConfig(src_layers=(3,)), out=tmp_path, progress=False
    )
    assert run.meta["engine_path"] == "fast"
    assert json.loads((run.directory / "run.json").read_text())["engine_path"] == "fast"
    lm.cfg = dataclasses.replace(lm.cfg, original_architecture="MistralForCausalLM")
    other = backpatching(lm, tiny_queries()[:1], BackpatchingConfig(src_layers=(2,)), progress=False)
    assert other.meta["engine_path"].startswith("transformer_lens (architecture 'MistralForCausalLM'")
