"""Hook-free block forward on a rotated-key cache, for the sweep engine.

TransformerLens's attention, on each decoding step, re-applies rotary to
every cached key, expands grouped keys and values to all query heads with
``repeat_interleave`` and rebuilds ``W_O``: memory copies that cost more than
the step's matrix products when thousands of variants decode together. This
module runs the same computation with keys stored once, rotated, in a
``[batch, kv_head, pos, d_head]`` layout, and attention computed per
key/value head group, so nothing is copied per step.

It reuses the model's own modules for everything but the attention core
(norms, Q/K/V projections with qk-norm, MLP), so the arithmetic differs
from TransformerLens only in the summation order inside attention (~1e-7).
It runs only for the architectures in :data:`TESTED_ARCHITECTURES`, each
covered by a tiny random config whose logits the fast tests compare with
TransformerLens's own blocks; any other model, or one with a feature not
reproduced here (parallel attention and MLP, ALiBi, attention sinks, ...),
keeps TransformerLens's blocks, and :func:`unsupported_reason` says why. A
feature TransformerLens adds later therefore never takes this path untested.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch
import torch.nn.functional as F
from jaxtyping import Bool, Float, Int
from transformer_lens import HookedTransformer
from transformer_lens.utilities.activation_functions import apply_softcap

if TYPE_CHECKING:
    from transformer_lens.components.abstract_attention import AbstractAttention

# Architecture (TransformerLens's ``original_architecture``) -> what its blocks use; each has a tiny
# config in tests/test_fast_decode.py compared with TransformerLens's blocks.
TESTED_ARCHITECTURES: dict[str, str] = {
    "GPT2LMHeadModel": "LayerNorm, learned positions, biases",
    "LlamaForCausalLM": "RMSNorm, rotary, grouped-query attention, gated MLP (SmolLM2)",
    "Qwen2ForCausalLM": "the Llama block with QKV biases",
    "Gemma3ForCausalLM": "qk-norm, local windows, post-norms, soft-capping (Gemma 3)",
}
_POST_NORM = ("OlmoeForCausalLM", "Olmo2ForCausalLM", "Olmo3ForCausalLM")


def unsupported_reason(model: HookedTransformer) -> str | None:
    """Why this model's blocks cannot run here, or None when they can."""
    cfg = model.cfg
    if cfg.original_architecture not in TESTED_ARCHITECTURES:
        return (
            f"architecture {cfg.original_architecture!r} is not one the fast path is tested on "
            f"({', '.join(TESTED_ARCHITECTURES)})"
        )
    checks = {
        "split or per-head attention inputs": cfg.use_attn_in or cfg.use_split_qkv_input,
        "post-norm blocks": cfg.original_architecture in _POST_NORM,
        "attention-only or parallel blocks": cfg.attn_only or cfg.parallel_attn_mlp,
        f"{cfg.positional_embedding_type} positions": (
            cfg.positional_embedding_type not in ("standard", "rotary")
        ),
        "log-n / dynamic NTK scaling": cfg.use_logn_attn or cfg.use_dynamic_ntk_rope,
        "qkv clipping": cfg.clip_qkv is not None,
        "attention sinks": cfg.use_attention_sinks,
        "per-head results": cfg.use_attn_result,
        "4-bit weights": cfg.load_in_4bit,
        "non-causal attention": cfg.attention_dir != "causal",
    }
    for reason, hit in checks.items():
        if hit:
            return reason
    return None


@dataclass
class RotatedKV:
    """Preallocated keys (rotary applied) and values of every layer, ``[batch, kv_head, cap, d_head]``."""

    keys: list[torch.Tensor]
    values: list[torch.Tensor]

    @classmethod
    def empty(cls, model: HookedTransformer, batch: int, capacity: int) -> RotatedKV:
        cfg = model.cfg
        heads = cfg.n_heads if cfg.ungroup_grouped_query_attention else (cfg.n_key_value_heads or cfg.n_heads)
        shape = (batch, heads, capacity, cfg.d_head)
        device = model.W_E.device
        return cls(
            [torch.zeros(shape, dtype=cfg.dtype, device=device) for _ in range(cfg.n_layers)],
            [torch.zeros(shape, dtype=cfg.dtype, device=device) for _ in range(cfg.n_layers)],
        )


def rotate(
    attn: AbstractAttention,
    x: Float[torch.Tensor, "batch pos head d_head"],
    positions: Int[torch.Tensor, "batch pos"],
) -> Float[torch.Tensor, "batch pos head d_head"]:
    """Rotary embedding of ``x`` at explicit positions (identity for models without rotary)."""
    if attn.cfg.positional_embedding_type != "rotary":
        return x
    needed = int(positions.max()) + 1
    if needed > attn.rotary_cos.shape[0]:
        attn._extend_rotary_embeddings(min(attn.cfg.n_ctx, max(needed, 2 * attn.rotary_cos.shape[0])))
    dim = attn.cfg.rotary_dim
    x_rot, x_pass = x[..., :dim], x[..., dim:]
    cos = attn.rotary_cos[positions][:, :, None, :]
    sin = attn.rotary_sin[positions][:, :, None, :]
    return torch.cat([x_rot * cos + attn.rotate_every_two(x_rot) * sin, x_pass], dim=-1)


class FastBlocks:
    """Runs blocks ``first..L-1`` for new positions on a :class:`RotatedKV`.

    ``key_valid[b, c]`` marks the cache columns that hold a real token of row ``b``; new
    positions are written at columns ``start..start+q`` of every row.
    """

    def __init__(self, model: HookedTransformer) -> None:
        self.model = model
        cfg = model.cfg
        # TransformerLens rebuilds this layout from W_O on every forward.
        self.w_out = [
            block.attn.W_O.detach().reshape(cfg.n_heads * cfg.d_head, cfg.d_model).T.contiguous()
            for block in model.blocks
        ]

    def embed(
        self, tokens: Int[torch.Tensor, "batch pos"], positions: Int[torch.Tensor, "batch pos"]
    ) -> Float[torch.Tensor, "batch pos d_model"]:
        resid = self.model.embed(tokens)
        if self.model.cfg.positional_embedding_type == "standard":
            resid = resid + self.model.pos_embed.W_pos[positions]
        return resid

    def run(
        self,
        resid: Float[torch.Tensor, "batch q d_model"],
        kv: RotatedKV,
        rows: slice,
        first: int,
        start: int,
        positions: Int[torch.Tensor, "batch q"],
        key_valid: Bool[torch.Tensor, "batch cap"],
        blocked: Mapping[int, torch.Tensor] | None = None,
    ) -> Float[torch.Tensor, "batch q d_model"]:
        """``blocked``: per layer, ``[batch, q, end]`` attention edges removed (a knockout)."""
        q_len = resid.shape[1]
        end = start + q_len
        columns = torch.arange(end, device=resid.device)
        query_columns = columns[start:, None]
        causal = columns[None, :] <= query_columns  # [q, end]
        for layer in range(first, self.model.cfg.n_layers):
            block = self.model.blocks[layer]
            allowed = causal
            if block.attn.attn_type == "local":
                window = self.model.cfg.window_size
                assert window is not None  # TransformerLens's config requires it for local attention
                allowed = allowed & (columns[None, :] > query_columns - window)
            allowed = allowed[None] & key_valid[:, None, :end]  # [batch, q, end]
            if blocked is not None and layer in blocked:
                allowed = allowed & ~blocked[layer]
            attn_out = self._attention(layer, block.ln1(resid), kv, rows, start, positions, allowed)
            if self.model.cfg.use_normalization_before_and_after:
                attn_out = block.ln1_post(attn_out)
            resid = resid + attn_out
            resid = resid + block.apply_mlp(block.ln2(resid))
        return resid

    def _attention(
        self,
        layer: int,
        x: Float[torch.Tensor, "batch q d_model"],
        kv: RotatedKV,
        rows: slice,
        start: int,
        positions: Int[torch.Tensor, "batch q"],
        allowed: Bool[torch.Tensor, "batch q end"],
    ) -> Float[torch.Tensor, "batch q d_model"]:
        attn = self.model.blocks[layer].attn
        q, k, v = attn.calculate_qkv_matrices(x, x, x)
        q, k = rotate(attn, q, positions), rotate(attn, k, positions)
        batch, q_len, heads, d_head = q.shape
        end = start + q_len
        keys, values = kv.keys[layer][rows], kv.values[layer][rows]
        keys[:, :, start:end] = k.transpose(1, 2)
        values[:, :, start:end] = v.transpose(1, 2)
        kv_heads = keys.shape[1]
        group = heads // kv_heads
        # query head h reads key/value head h // group, as repeat_interleave arranges it
        grouped = q.reshape(batch, q_len, kv_heads, group, d_head).permute(0, 2, 3, 1, 4)
        grouped = grouped.reshape(batch, kv_heads, group * q_len, d_head)
        scores = grouped @ keys[:, :, :end].transpose(-1, -2) / attn.attn_scale
        scores = apply_softcap(scores, self.model.cfg.attn_scores_soft_cap)
        scores = scores.reshape(batch, kv_heads, group, q_len, end)
        scores = scores.masked_fill(~allowed[:, None, None], float("-inf"))
        pattern = torch.softmax(scores, dim=-1).nan_to_num(0.0)
        z = pattern.reshape(batch, kv_heads, group * q_len, end) @ values[:, :, :end]
        z = z.reshape(batch, kv_heads, group, q_len, d_head).permute(0, 3, 1, 2, 4)
        return F.linear(z.reshape(batch, q_len, heads * d_head), self.w_out[layer], attn.b_O)
