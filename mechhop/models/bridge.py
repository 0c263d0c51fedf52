"""The backend for TransformerLens 4's ``TransformerBridge`` (:class:`mechhop.core.backend.Backend`).

The bridge runs the Hugging Face model itself, with TransformerLens hook points around its modules
(``blocks.{i}.hook_resid_pre`` and the other legacy names are aliases there), and eager attention,
so ``attn.hook_attn_scores`` and ``attn.hook_pattern`` fire and their edits take effect. Weights are
Hugging Face's as they are: no folding or centring (for the RMSNorm models mechhop ships, the
residual stream is the same either way; see docs/guides/models-and-data.md).

What the bridge cannot do, mechhop does not pretend to:

- it cannot resume a batch at block ``k`` (its ``start_at_layer`` still runs blocks ``0..k-1``), so
  the sweep engine takes its plain path here: one ``generate`` per batch of variants, the exact
  method the fast paths are checked against, recorded in run.json's ``engine_path`` ("plain (why)");
- its KV cache must be filled by its attention. transformer-lens 4.3.0 reads the cache from an
  argument that transformers 5.24 renamed, so there it stays empty and decoding would ignore the
  prompt. Every bridge mechhop wraps has its cache checked once (:func:`ensure_kv_cache`); where it
  stays empty, the attention gets the cache under its old name too (:func:`pass_cache_by_old_name`)
  and the check runs again, and the model is refused in one line if the cache still does not fill.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import torch

from mechhop.core.backend import BlockRunner, HookFn, check_fits
from mechhop.errors import MechhopError
from mechhop.models.common import CommonBackend

__all__ = [
    "BridgeBackend",
    "BridgeCache",
    "check_kv_cache",
    "ensure_kv_cache",
    "load_bridge",
    "pass_cache_by_old_name",
]


NOT_RESUMABLE = (
    "TransformerBridge runs Hugging Face's blocks, which cannot be resumed at a layer "
    "(its start_at_layer still runs the blocks before it)"
)


def _attention_kernel(model: Any) -> str:
    """Hugging Face's attention implementation under the bridge ("eager", "sdpa", ...)."""
    config = getattr(model.original_model, "config", None)
    return str(getattr(config, "_attn_implementation", None) or "eager")


class BridgeCache:
    """Hugging Face's KV cache plus the attention mask of every column it holds: the bridge derives
    each new token's position from the whole mask (left padding shifts rows' positions)."""

    def __init__(self) -> None:
        from transformers import DynamicCache

        self.hf: Any = DynamicCache()
        self.mask: torch.Tensor | None = None


class BridgeBackend(CommonBackend):
    """Adapter over a TransformerLens 4 ``TransformerBridge``."""

    def __init__(self, model: Any) -> None:
        if not any(c.__name__ == "TransformerBridge" for c in type(model).__mro__):
            raise MechhopError(
                f"Expected a transformer_lens TransformerBridge, got {type(model).__name__}. "
                "Load one with mechhop.load_model(..., backend='bridge')."
            )
        self.model = model
        spec = self._spec()
        if _attention_kernel(model) != "eager":  # the fused kernels never compute the hooked scores
            spec = replace(spec, kinds=tuple(k for k in spec.kinds if k not in ("attn_scores", "pattern")))
        self.spec = spec
        hf_config = getattr(model.original_model, "config", None)
        self._softcap = getattr(hf_config, "final_logit_softcapping", None)
        ensure_kv_cache(self)

    # -- structure -------------------------------------------------------------------
    @property
    def device(self) -> torch.device:
        return next(self.model.original_model.parameters()).device

    @property
    def dtype(self) -> torch.dtype:
        return next(self.model.original_model.parameters()).dtype

    # -- tokens ----------------------------------------------------------------------
    def tokenize(self, prompt: str, prepend_bos: bool | None) -> list[int]:
        tok = self._require_tokenizer()
        ids = list(tok(prompt, add_special_tokens=False)["input_ids"])
        bos = self.prepends_bos if prepend_bos is None else prepend_bos
        if bos and tok.bos_token_id is not None:  # as TransformerLens 3's to_tokens: BOS, then the text
            ids = [int(tok.bos_token_id), *ids]
        check_fits(self.spec, prompt, len(ids))
        return ids

    # -- running ---------------------------------------------------------------------
    def new_cache(self, batch_size: int) -> BridgeCache:
        return BridgeCache()

    @torch.no_grad()
    def forward(
        self,
        tokens: torch.Tensor,
        attention_mask: torch.Tensor,
        cache: BridgeCache | None = None,
        stop_at_layer: int | None = None,
        last_only: bool = False,
    ) -> torch.Tensor:
        """Logits ``[batch, pos, vocab]``; ``[batch, vocab]`` of the last column with ``last_only``;
        the residual stream with ``stop_at_layer``. With ``cache``, ``tokens`` continue what it holds."""
        tokens, mask = tokens.to(self.device), attention_mask.to(self.device)
        # the last position's logits only: Hugging Face then unembeds one position, not all
        keep = {"logits_to_keep": 1} if last_only and stop_at_layer is None else {}
        if cache is None:
            out = self.model(tokens, attention_mask=mask, stop_at_layer=stop_at_layer, **keep)
        else:
            if stop_at_layer is not None:
                raise MechhopError("stop_at_layer with a KV cache would leave the cache half filled.")
            cache.mask = mask if cache.mask is None else torch.cat([cache.mask, mask], dim=1)
            with warnings.catch_warnings():  # the bridge's own call into transformers (>= 5.24) warns
                warnings.filterwarnings("ignore", "`past_key_values` is deprecated", FutureWarning)
                out, cache.hf = self.model(tokens, attention_mask=cache.mask, past_key_values=cache.hf,
                                           return_type="logits_and_cache", **keep)  # fmt: skip
        if stop_at_layer is not None:
            return out
        return out[:, -1].float() if last_only else out

    @contextlib.contextmanager
    def hooks(self, fwd_hooks: list[tuple[str, HookFn]]) -> Iterator[None]:
        """Install hooks for the duration of the block; removed on any exit."""
        with self.model.hooks(fwd_hooks=list(fwd_hooks)):
            yield

    @torch.no_grad()
    def project(self, vectors: torch.Tensor) -> torch.Tensor:
        """Final norm then unembedding (and logit soft-cap, if the model has one); fp32 out."""
        x = vectors.to(self.device, self.dtype).reshape(-1, 1, vectors.shape[-1])
        logits = self.model.unembed(self.model.ln_final(x))
        if self._softcap:
            logits = torch.tanh(logits / self._softcap) * self._softcap
        return logits.float().reshape(*vectors.shape[:-1], -1)

    # -- the sweep engine ----------------------------------------------------------------
    def cached_kv(self, cache: BridgeCache, layer: int) -> tuple[torch.Tensor, torch.Tensor]:
        entry = cache.hf.layers[layer]  # [batch, kv_head, pos, d_head] -> TransformerLens's layout
        return entry.keys.transpose(1, 2), entry.values.transpose(1, 2)

    def why_not_resumable(self) -> str | None:
        return NOT_RESUMABLE

    def why_not_fast(self) -> str | None:
        return NOT_RESUMABLE

    def block_runner(self, size: int, end: int, capacity: int, fast: bool) -> BlockRunner:
        raise MechhopError(f"{NOT_RESUMABLE}; the engine runs its plain path on this backend.")

    def row_bytes(self, capacity: int, suffix: int) -> int:
        """Memory one row of a plain generation needs: its KV cache, then one block's working set."""
        cfg = self.model.cfg
        kv_heads = getattr(cfg, "n_key_value_heads", None) or cfg.n_heads
        item = torch.tensor([], dtype=self.dtype).element_size()
        kv = cfg.n_layers * 2 * capacity * kv_heads * cfg.d_head * item
        d_mlp = getattr(cfg, "d_mlp", None) or 4 * cfg.d_model
        work = (2 * cfg.n_heads * capacity * (cfg.d_head + capacity) + 4 * capacity * d_mlp) * item
        return kv + work + 3 * cfg.d_vocab * 4  # one position's logits (logits_to_keep=1)


# Largest gap between a whole run's last logits and a stepped run's that still means a filled cache:
# measured on SmolLM2, 2e-5 (float32) and 0.19 (bfloat16) with the cache, about 21 without it
CACHE_TOLERANCE = {torch.float32: 1e-2, torch.float64: 1e-2}
HALF_TOLERANCE = 1.0


def check_kv_cache(backend: BridgeBackend) -> None:
    """Refuse a bridge whose KV cache stays empty: decoding on it would ignore the prompt. One
    three-token prompt, run whole and then token by token, tells."""
    # three different tokens: with one token repeated every position holds the same state, and a
    # step that ignores the prefix would agree anyway
    vocab = backend.spec.d_vocab
    tokens = torch.tensor([[vocab // 2, vocab // 3, vocab // 5]])
    ones = torch.ones_like(tokens)
    whole = backend.forward(tokens, ones, last_only=True)
    cache = backend.new_cache(1)
    backend.forward(tokens[:, :2], ones[:, :2], cache, last_only=True)
    stepped = backend.forward(tokens[:, 2:], ones[:, 2:], cache, last_only=True)
    gap = float((whole - stepped).abs().max())
    if gap > CACHE_TOLERANCE.get(backend.dtype, HALF_TOLERANCE):
        from importlib.metadata import version

        raise MechhopError(
            f"transformer-lens {version('transformer-lens')}'s TransformerBridge does not fill the KV "
            f"cache under transformers {version('transformers')} (a stepped run's logits differ from the "
            f"whole run's by {gap:.3g}), so generation would ignore the prompt. Install a transformers it "
            "works with (pip install 'transformers>=5.15,<5.24'), or transformer-lens 3.9 "
            "(pip install 'transformer-lens>=3.9,<4')."
        )


def ensure_kv_cache(backend: BridgeBackend) -> None:
    """Check the bridge's KV cache once per model; where it stays empty, hand the cache over by its
    old name (:func:`pass_cache_by_old_name`) and check again. Runs for every bridge mechhop wraps,
    loaded by :func:`mechhop.load_model` or built by hand."""
    model = backend.model
    if getattr(model, "mechhop_cache_checked", False):
        return
    try:
        check_kv_cache(backend)
    except MechhopError:
        pass_cache_by_old_name(model)
        check_kv_cache(backend)
        model.mechhop_cache_shim = True  # the attention reads the cache under its old name too
    model.mechhop_cache_checked = True


def pass_cache_by_old_name(bridge: Any) -> int:
    """Give each attention module its KV cache under ``past_key_values`` as well as ``cache`` (the name
    transformers >= 5.24 uses, which transformer-lens 4.3.0 does not read); returns the modules hooked.
    A forward pre-hook that adds a keyword: the modules and their hook points stay as they are."""

    def both_names(module: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        if kwargs.get("cache") is not None and kwargs.get("past_key_values") is None:
            return args, {**kwargs, "past_key_values": kwargs["cache"]}
        return None

    blocks = list(getattr(bridge, "blocks", []))
    for block in blocks:
        block.attn.register_forward_pre_hook(both_names, with_kwargs=True)
    return len(blocks)


def load_bridge(source: str, device: str, dtype: torch.dtype, prepend_bos: bool | None) -> Any:
    """A ``TransformerBridge`` over the Hugging Face model at ``source`` (a folder or a hub name)."""
    from transformer_lens.model_bridge import TransformerBridge
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(source)
    # eager attention: the bridge's score and pattern hooks (and so attention knockout) need it
    hf = AutoModelForCausalLM.from_pretrained(source, dtype=dtype, attn_implementation="eager")
    bridge = TransformerBridge.boot_transformers(source, hf_model=hf, tokenizer=tokenizer, device=device,
                                                 dtype=dtype)  # fmt: skip
    if prepend_bos is not None:
        bridge.cfg.default_prepend_bos = prepend_bos
    bridge.eval()
    BridgeBackend(bridge)  # checks the KV cache (ensure_kv_cache)
    return bridge
