"""Shared fixtures: tiny random HookedTransformers (no downloads) and the embedded SmolLM2."""

from __future__ import annotations

import pytest
import torch
from transformer_lens import HookedTransformer, HookedTransformerConfig

TINY_CONFIGS = {
    # GPT-2 style: LayerNorm, learned absolute positions, one KV head per query head.
    "ln-absolute-mha": dict(normalization_type="LN", positional_embedding_type="standard", act_fn="gelu"),
    # Llama style: RMSNorm, rotary, grouped-query attention (4 query heads, 2 KV heads).
    "rms-rotary-gqa": dict(
        normalization_type="RMS",
        positional_embedding_type="rotary",
        rotary_dim=8,
        n_key_value_heads=2,
        act_fn="silu",
        gated_mlp=True,
    ),
}


def make_tiny(kind: str, seed: int = 0) -> HookedTransformer:
    torch.manual_seed(seed)
    cfg = HookedTransformerConfig(
        n_layers=4,
        d_model=32,
        d_head=8,
        n_heads=4,
        d_mlp=64,
        d_vocab=61,
        n_ctx=64,
        init_weights=True,
        seed=seed,
        default_prepend_bos=False,
        device="cpu",
        **TINY_CONFIGS[kind],
    )
    return HookedTransformer(cfg).eval()


@pytest.fixture(params=sorted(TINY_CONFIGS), scope="module")
def tiny(request) -> HookedTransformer:
    return make_tiny(request.param)


@pytest.fixture(scope="session")
def smol() -> HookedTransformer:
    import mechhop

    return mechhop.load_model("smollm2-135m", device="cpu")


@pytest.fixture(scope="session")
def gemma() -> HookedTransformer:
    import mechhop

    return mechhop.load_model("gemma-3-270m", device="cpu")
