"""Shared fixtures: tiny random HookedTransformers (no downloads) and the embedded SmolLM2."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
import torch

if TYPE_CHECKING:  # TransformerLens 4 has no HookedTransformer: tests/test_backends.py runs there too
    from transformer_lens import HookedTransformer

TINY_CONFIGS = {
    # GPT-2 style: LayerNorm, learned absolute positions, one KV head per query head.
    "ln-absolute-mha": dict(
        normalization_type="LN",
        positional_embedding_type="standard",
        act_fn="gelu",
        original_architecture="GPT2LMHeadModel",
    ),
    # Llama style: RMSNorm, rotary, grouped-query attention (4 query heads, 2 KV heads).
    "rms-rotary-gqa": dict(
        normalization_type="RMS",
        positional_embedding_type="rotary",
        rotary_dim=8,
        n_key_value_heads=2,
        act_fn="silu",
        gated_mlp=True,
        original_architecture="LlamaForCausalLM",
    ),
}
# The other architectures the engine's fast path runs (tests/test_fast_decode.py).
FAMILY_CONFIGS = {
    **TINY_CONFIGS,
    # Qwen2 style: the Llama block with biases on Q, K and V (set non-zero by the test).
    "qwen2-like": {**TINY_CONFIGS["rms-rotary-gqa"], "original_architecture": "Qwen2ForCausalLM"},
    # Gemma 3 style: qk-norm, sliding-window layers with their own rotary base, norms before and
    # after each sublayer, attention and output soft-capping.
    "gemma3-like": dict(
        normalization_type="RMS",
        positional_embedding_type="rotary",
        rotary_dim=8,
        n_key_value_heads=2,
        act_fn="gelu_pytorch_tanh",
        gated_mlp=True,
        use_qk_norm=True,
        use_normalization_before_and_after=True,
        use_local_attn=True,
        attn_types=["local", "global", "local", "global"],
        window_size=3,
        rotary_base=1_000_000,
        rotary_base_local=10_000,
        attn_scores_soft_cap=5.0,
        output_logits_soft_cap=3.0,
        original_architecture="Gemma3ForCausalLM",
    ),
}


# Float columns that batching rounds differently (a batch of one and a batch of many differ in the
# last bits): tables are compared exactly except these, which agree to a tolerance.
ROUNDED_COLUMNS = ("kl",)


def assert_same_table(a, b) -> None:
    """Two result tables equal: every column exactly, the first-token KL to 1e-4 nats."""
    import numpy as np
    import pandas as pd

    rounded = [c for c in ROUNDED_COLUMNS if c in a.columns]
    pd.testing.assert_frame_equal(a.drop(columns=rounded), b.drop(columns=rounded))
    for column in rounded:
        np.testing.assert_allclose(a[column].to_numpy(float), b[column].to_numpy(float), atol=1e-4, rtol=1e-3)


def pytest_report_header() -> str:
    """The CPU at the top of the output: bfloat16's kernels, so its rounding, differ between CPUs."""
    from mechhop.models.hardware import cpu_info

    return f"CPU: {cpu_info().describe()}"


def make_tiny(kind: str, seed: int = 0) -> HookedTransformer:
    """A tiny random model of one of ``FAMILY_CONFIGS``."""
    from transformer_lens import HookedTransformer, HookedTransformerConfig

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
        **FAMILY_CONFIGS[kind],
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
