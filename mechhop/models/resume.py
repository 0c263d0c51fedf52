"""Resuming a HookedTransformer's forward mid-network, for the sweep engine.

The engine (:mod:`mechhop.engine.sweep`) patches a state entering block ``b`` at
position ``p`` and reuses the clean run for everything before. It needs, from
the backend, a batch's KV storage that it fills from clean runs, then the
blocks ``b..L-1`` run on the patched positions, then decoding steps. Both
implementations of :class:`mechhop.core.backend.BlockRunner` live here:

- :class:`HookedBlockRunner` runs TransformerLens's own blocks on preallocated
  KV slabs (any architecture; hooks on the model apply);
- :class:`FastBlockRunner` runs :mod:`.fast_decode`'s hook-free blocks on keys
  cached once rotated (the allowlisted architectures only).

Rows are right-aligned: every row's prompt ends at column ``end`` and decoding
writes columns ``end, end + 1, ...``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import torch
from jaxtyping import Float, Int
from transformer_lens import HookedTransformer, TransformerLensKeyValueCache

from mechhop.core.backend import CleanKV
from mechhop.models.fast_decode import FastBlocks, RotatedKV, rotate


class _KVSlab:
    """A layer's KV cache on preallocated storage: appends write in place (no concatenation)."""

    __slots__ = ("frozen", "keys", "length", "values")

    def __init__(
        self, batch: int, capacity: int, heads: int, d_head: int, dtype: torch.dtype, device: torch.device
    ) -> None:
        self.keys = torch.zeros((batch, capacity, heads, d_head), dtype=dtype, device=device)
        self.values = torch.zeros_like(self.keys)
        self.length = 0
        self.frozen = False

    def rows(self, start: int, stop: int, length: int) -> _KVSlab:
        """A slab over rows ``start:stop`` sharing this one's storage, currently ``length`` long."""
        view = _KVSlab.__new__(_KVSlab)
        view.keys, view.values = self.keys[start:stop], self.values[start:stop]
        view.length, view.frozen = length, False
        return view

    @property
    def past_keys(self) -> torch.Tensor:
        return self.keys[:, : self.length]

    @property
    def past_values(self) -> torch.Tensor:
        return self.values[:, : self.length]

    def append(self, new_keys: torch.Tensor, new_values: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        end = self.length + new_keys.shape[1]
        if end > self.keys.shape[1]:
            raise RuntimeError(f"KV slab overflow: {end} > capacity {self.keys.shape[1]}")
        self.keys[:, self.length : end] = new_keys
        self.values[:, self.length : end] = new_values
        if not self.frozen:
            self.length = end
        return self.keys[:, :end], self.values[:, :end]


Project = Callable[[torch.Tensor], torch.Tensor]  # final norm + unembedding, fp32 logits


def _knock(edges: torch.Tensor) -> Callable[..., torch.Tensor]:
    def hook(module: torch.nn.Module, inputs: object, scores: torch.Tensor) -> torch.Tensor:
        return scores.masked_fill(edges[:, None], float("-inf"))

    return hook


class HookedBlockRunner:
    """TransformerLens's own blocks on preallocated KV slabs: the path for any architecture."""

    path = "transformer_lens"

    def __init__(
        self, model: HookedTransformer, project: Project, size: int, end: int, capacity: int
    ) -> None:
        cfg = model.cfg
        self.model, self.project, self.end = model, project, end
        device = model.W_E.device
        kv_heads = cfg.n_key_value_heads or cfg.n_heads
        self.slabs = [
            _KVSlab(size, capacity, kv_heads, cfg.d_head, cfg.dtype, device) for _ in range(cfg.n_layers)
        ]
        self.mask = torch.zeros((size, end), dtype=torch.long, device=device)
        self._cache: TransformerLensKeyValueCache | None = None

    def load(self, rows: slice, length: int, stops: Sequence[int], clean: CleanKV) -> None:
        left = self.end - length
        self.mask[rows, left:] = 1
        for layer, (slab, stop) in enumerate(zip(self.slabs, stops, strict=True)):
            slab.keys[rows, left : left + stop] = clean.keys[layer][:stop]
            slab.values[rows, left : left + stop] = clean.values[layer][:stop]

    def run(
        self,
        resid: Float[torch.Tensor, "batch q d_model"],
        rows: slice,
        first_block: int,
        positions: Int[torch.Tensor, "batch q"],
        blocked: Mapping[int, torch.Tensor] | None = None,
    ) -> Float[torch.Tensor, "batch d_vocab"]:
        # positions follow from the left-padded mask, as in TransformerLens's own forward
        start = self.end - resid.shape[1]
        mask = self.mask[rows]
        for layer in range(first_block, len(self.slabs)):
            view = self.slabs[layer].rows(rows.start, rows.stop, length=start)
            block = self.model.blocks[layer]
            edges = None if blocked is None else blocked.get(layer)
            # a knockout edits the pre-softmax scores [batch, head, q, key], as the plain method does
            handle = (
                None if edges is None else block.attn.hook_attn_scores.register_forward_hook(_knock(edges))
            )
            try:
                resid = block(resid, past_kv_cache_entry=view, attention_mask=mask)
            finally:
                if handle is not None:
                    handle.remove()
        return self.project(resid[:, -1])

    def step(self, tokens: Int[torch.Tensor, "batch 1"]) -> Float[torch.Tensor, "batch d_vocab"]:
        if self._cache is None:
            for slab in self.slabs:
                slab.length = self.end
            entries = list(self.slabs)
            self._cache = TransformerLensKeyValueCache(entries=entries, previous_attention_mask=self.mask)  # type: ignore[arg-type]
        tokens = tokens.to(self.mask.device)
        ones = torch.ones_like(tokens)
        out = self.model(
            tokens, attention_mask=ones, past_kv_cache=self._cache, stop_at_layer=len(self.slabs)
        )
        return self.project(out[:, -1])


class FastBlockRunner:
    """The same computation with keys cached once rotated and no per-step copies (fast_decode.py)."""

    path = "fast"

    def __init__(
        self,
        model: HookedTransformer,
        blocks: FastBlocks,
        project: Project,
        size: int,
        end: int,
        capacity: int,
    ) -> None:
        self.model, self.blocks, self.project, self.end = model, blocks, project, end
        device = model.W_E.device
        self.kv = RotatedKV.empty(model, size, capacity)
        self.key_valid = torch.zeros((size, capacity), dtype=torch.bool, device=device)
        self.lengths = torch.zeros(size, dtype=torch.long, device=device)
        self.column = end

    def _rotated(self, clean: CleanKV) -> list[torch.Tensor]:
        # once per clean prompt, however many batches and groups reuse it
        if "rotated" not in clean.memo:
            positions = torch.arange(clean.length, device=clean.keys[0].device)[None]
            pairs = zip(self.model.blocks, clean.keys, strict=True)
            clean.memo["rotated"] = [rotate(block.attn, k[None], positions)[0] for block, k in pairs]
        return clean.memo["rotated"]

    def load(self, rows: slice, length: int, stops: Sequence[int], clean: CleanKV) -> None:
        left = self.end - length
        self.key_valid[rows, left : self.end] = True
        self.lengths[rows] = length
        keys = self._rotated(clean)
        for layer, stop in enumerate(stops):
            self.kv.keys[layer][rows, :, left : left + stop] = keys[layer][:stop].transpose(0, 1)
            self.kv.values[layer][rows, :, left : left + stop] = clean.values[layer][:stop].transpose(0, 1)

    def run(
        self,
        resid: Float[torch.Tensor, "batch q d_model"],
        rows: slice,
        first_block: int,
        positions: Int[torch.Tensor, "batch q"],
        blocked: Mapping[int, torch.Tensor] | None = None,
    ) -> Float[torch.Tensor, "batch d_vocab"]:
        start = self.end - resid.shape[1]
        resid = self.blocks.run(
            resid,
            self.kv,
            rows,
            first_block,
            start,
            positions.to(resid.device),
            self.key_valid[rows],
            blocked,
        )
        return self.project(resid[:, -1])

    def step(self, tokens: Int[torch.Tensor, "batch 1"]) -> Float[torch.Tensor, "batch d_vocab"]:
        device = self.key_valid.device
        positions = (self.lengths + (self.column - self.end))[:, None]
        self.key_valid[:, self.column] = True
        resid = self.blocks.embed(tokens.to(device), positions)
        resid = self.blocks.run(
            resid, self.kv, slice(0, tokens.shape[0]), 0, self.column, positions, self.key_valid
        )
        self.column += 1
        return self.project(resid[:, -1])
