"""The backend for TransformerLens's ``HookedTransformer`` (:class:`mechhop.core.backend.Backend`).

Everything that knows HookedTransformer's hook names, forward signature, KV
cache or tokenizer lives here; recipes, generation and analyses call only the
backend's methods.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import torch
from jaxtyping import Float, Int
from transformer_lens import HookedTransformer, TransformerLensKeyValueCache
from transformer_lens.utilities.activation_functions import apply_softcap

from mechhop.core.backend import BlockRunner, HookFn, ModelSpec, as_backend, check_fits
from mechhop.errors import MechhopError
from mechhop.models.common import CommonBackend

__all__ = ["HookFn", "HookedTransformerBackend", "ModelSpec", "as_backend", "pretranspose_weights"]

KV = Float[torch.Tensor, "batch pos kv_head d_head"]


# Linear weights TransformerLens multiplies as F.linear(x, W.T.contiguous()): it copies W on
# every forward (for Gemma's unembedding, 670 MB per decoding step).
_TRANSPOSED_AT_USE = ("W_gate", "W_in", "W_out", "W_U")


def pretranspose_weights(model: HookedTransformer) -> int:
    """Store those weights so that ``W.T`` is already contiguous; returns how many changed.

    Values and shapes stay the same and ``W.T.contiguous()`` becomes a no-op returning
    exactly the layout TransformerLens would have built, so outputs are bit-identical.
    """
    changed = 0
    with torch.no_grad():
        for module in model.modules():
            if type(module).__name__ not in ("GatedMLP", "Unembed"):
                continue
            for name in _TRANSPOSED_AT_USE:
                param = getattr(module, name, None)
                if isinstance(param, torch.nn.Parameter) and param.ndim == 2 and not param.T.is_contiguous():
                    param.data = param.data.T.contiguous().T
                    changed += 1
    return changed


class HookedTransformerBackend(CommonBackend):
    """Adapter over a TransformerLens ``HookedTransformer``."""

    def __init__(self, model: HookedTransformer) -> None:
        if not isinstance(model, HookedTransformer):
            raise MechhopError(
                f"Expected a transformer_lens.HookedTransformer, got {type(model).__name__}. "
                "Load one with mechhop.load_model(...)."
            )
        self.model = model
        self.spec = self._spec()
        self._fast_blocks: Any = None  # built on first use; holds W_O re-laid out once

    # -- structure -------------------------------------------------------------------
    @property
    def device(self) -> torch.device:
        return (
            self.model.cfg.device
            if isinstance(self.model.cfg.device, torch.device)
            else (torch.device(self.model.cfg.device or "cpu"))
        )

    @property
    def dtype(self) -> torch.dtype:
        return self.model.cfg.dtype

    # -- tokens ----------------------------------------------------------------------
    def tokenize(self, prompt: str, prepend_bos: bool | None) -> list[int]:
        self._require_tokenizer()
        # None is TransformerLens's USE_DEFAULT_VALUE (the model's default_prepend_bos).
        # TransformerLens would cut a long prompt to its last n_ctx tokens: refuse instead
        ids = self.model.to_tokens(prompt, prepend_bos=prepend_bos, truncate=False)[0].tolist()
        check_fits(self.spec, prompt, len(ids))
        return ids

    # -- running ---------------------------------------------------------------------
    def new_cache(self, batch_size: int) -> TransformerLensKeyValueCache:
        return TransformerLensKeyValueCache.init_cache(self.model.cfg, self.device, batch_size)

    @torch.no_grad()
    def forward(
        self,
        tokens: Int[torch.Tensor, "batch pos"],
        attention_mask: Int[torch.Tensor, "batch pos"],
        cache: TransformerLensKeyValueCache | None = None,
        stop_at_layer: int | None = None,
        last_only: bool = False,
    ) -> torch.Tensor:
        """Logits ``[batch, pos, vocab]``; ``[batch, vocab]`` of the last column with ``last_only``
        (which unembeds one position instead of all); the residual stream with ``stop_at_layer``."""
        # The mask is always explicit: TransformerLens would otherwise infer it from
        # pad-token ids, which collide with real tokens (SmolLM2 pads with <|im_end|>).
        out = self.model(
            tokens.to(self.device),
            attention_mask=attention_mask.to(self.device),
            past_kv_cache=cache,
            stop_at_layer=self.spec.n_layers if last_only else stop_at_layer,
        )
        return self.project(out[:, -1]) if last_only else out

    @contextlib.contextmanager
    def hooks(self, fwd_hooks: list[tuple[str, HookFn]]) -> Iterator[None]:
        """Install hooks for the duration of the block; removed on any exit."""
        # TransformerLens annotates an (invariant) list of (name or filter, callable)
        hooks: list[tuple[str | Callable[..., Any], Callable[..., Any]]] = list(fwd_hooks)
        with self.model.hooks(fwd_hooks=hooks):
            yield

    @torch.no_grad()
    def project(self, vectors: Float[torch.Tensor, "... d_model"]) -> Float[torch.Tensor, "... d_vocab"]:
        """Final norm then unembedding (and logit soft-cap, if the model has one); fp32 out."""
        x = vectors.to(self.device, self.dtype).reshape(-1, 1, vectors.shape[-1])
        if self.model.cfg.normalization_type is not None:
            x = self.model.ln_final(x)
        logits = apply_softcap(self.model.unembed(x), self.model.cfg.output_logits_soft_cap)
        return logits.float().reshape(*vectors.shape[:-1], -1)

    # -- the sweep engine ----------------------------------------------------------------
    def cached_kv(
        self, cache: TransformerLensKeyValueCache, layer: int
    ) -> tuple[
        Float[torch.Tensor, "batch pos kv_head d_head"], Float[torch.Tensor, "batch pos kv_head d_head"]
    ]:
        entry = cache[layer]
        return entry.past_keys, entry.past_values

    def why_not_resumable(self) -> str | None:
        return None  # TransformerLens's blocks run one by one on its KV cache (models/resume.py)

    def why_not_fast(self) -> str | None:
        """Why the engine cannot use :mod:`.fast_decode` here, or None when it can."""
        from mechhop.models.fast_decode import unsupported_reason

        if self.installed_hook_count():
            return "hooks are installed on the model (only TransformerLens's blocks run them)"
        return unsupported_reason(self.model)

    def block_runner(self, size: int, end: int, capacity: int, fast: bool) -> BlockRunner:
        from mechhop.models.resume import FastBlockRunner, HookedBlockRunner

        if not fast:
            return HookedBlockRunner(self.model, self.project, size, end, capacity)
        if self._fast_blocks is None:
            from mechhop.models.fast_decode import FastBlocks

            self._fast_blocks = FastBlocks(self.model)
        return FastBlockRunner(self.model, self._fast_blocks, self.project, size, end, capacity)

    def row_bytes(self, capacity: int, suffix: int) -> int:
        """Memory one engine row needs: its KV cache of ``capacity`` columns, then the working set
        of one block on ``suffix`` new positions."""
        cfg = self.model.cfg
        kv_heads = cfg.n_key_value_heads or cfg.n_heads
        item = torch.tensor([], dtype=cfg.dtype).element_size()
        kv = cfg.n_layers * 2 * capacity * kv_heads * cfg.d_head * item
        # attention scores and GQA-expanded keys of one layer, MLP activations, logits + softmax copies
        d_mlp = cfg.d_mlp or 4 * cfg.d_model
        work = (2 * cfg.n_heads * capacity * (cfg.d_head + suffix) + 4 * suffix * d_mlp) * item
        return kv + work + 3 * cfg.d_vocab * 4
