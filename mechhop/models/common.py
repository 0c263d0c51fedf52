"""What both backends share: TransformerLens's hook names (legacy aliases on the bridge), the
model's ``cfg`` and hook points, and a Hugging Face tokenizer as ``model.tokenizer``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from mechhop.core.backend import ModelSpec
from mechhop.core.sites import SITE_KINDS
from mechhop.errors import MechhopError

HOOK_TEMPLATES: dict[str, str] = {
    "resid_pre": "blocks.{layer}.hook_resid_pre",
    "resid_mid": "blocks.{layer}.hook_resid_mid",
    "resid_post": "blocks.{layer}.hook_resid_post",
    "attn_out": "blocks.{layer}.hook_attn_out",
    "mlp_out": "blocks.{layer}.hook_mlp_out",
    "attn_scores": "blocks.{layer}.attn.hook_attn_scores",
    "pattern": "blocks.{layer}.attn.hook_pattern",
}


class CommonBackend:
    """The parts of :class:`mechhop.core.backend.Backend` both TransformerLens lines answer alike;
    a backend adds ``tokenize`` and the running."""

    model: Any

    def _spec(self) -> ModelSpec:
        cfg, hooks = self.model.cfg, self.model.hook_dict
        kinds = tuple(k for k in SITE_KINDS if HOOK_TEMPLATES[k].format(layer=0) in hooks)
        return ModelSpec(cfg.n_layers, cfg.n_heads, cfg.d_model, cfg.d_vocab, kinds, cfg.n_ctx)

    @property
    def name(self) -> str:
        return str(self.model.cfg.model_name)

    def hook_name(self, kind: str, layer: int) -> str:
        return HOOK_TEMPLATES[kind].format(layer=layer)

    def installed_hook_count(self) -> int:
        points = {id(hp): hp for hp in self.model.hook_dict.values()}.values()  # aliases share a point
        return sum(len(hp._forward_hooks) + len(hp._backward_hooks) for hp in points)

    def free_memory(self) -> int | None:
        """Bytes free on the model's device (None when unknown)."""
        from mechhop.models.loading import available_memory

        return available_memory(str(self.device))  # type: ignore[attr-defined]

    # -- tokens ----------------------------------------------------------------------
    def tokenize(self, prompt: str, prepend_bos: bool | None) -> list[int]:
        raise NotImplementedError

    @property
    def prepends_bos(self) -> bool:
        return bool(self.model.cfg.default_prepend_bos)

    def _require_tokenizer(self) -> Any:
        if self.model.tokenizer is None:
            raise MechhopError(
                "This model has no tokenizer; pass prompts as lists of token ids instead of strings."
            )
        return self.model.tokenizer

    @property
    def has_tokenizer(self) -> bool:
        return self.model.tokenizer is not None

    def char_spans(self, prompt: str, prepend_bos: bool | None) -> list[tuple[int, int]]:
        """Character span of each token of ``tokenize(prompt, prepend_bos)`` ((0, 0) for a BOS)."""
        ids = self.tokenize(prompt, prepend_bos)
        tok = self.model.tokenizer
        bos = 1 if ids and ids[0] == self.bos_token_id and (prepend_bos or self.prepends_bos) else 0
        if tok is not None and getattr(tok, "is_fast", False):
            enc = tok(prompt, return_offsets_mapping=True, add_special_tokens=False)
            if list(enc["input_ids"]) == ids[bos:]:
                return [(0, 0)] * bos + [tuple(span) for span in enc["offset_mapping"]]
        # Slow tokenizers: the text each prefix of tokens decodes to, when decoding is lossless.
        if self.decode(ids[bos:]) == prompt:
            ends = [len(self.decode(ids[bos : i + 1])) for i in range(bos, len(ids))]
            return [(0, 0)] * bos + list(zip([0, *ends[:-1]], ends, strict=True))
        raise MechhopError(
            f"Cannot align the tokens of {prompt!r} with its characters (tokenizer without offsets and "
            "lossy decoding); pass token positions explicitly."
        )

    @property
    def bos_token_id(self) -> int | None:
        tok = self.model.tokenizer
        return None if tok is None else tok.bos_token_id

    @property
    def pad_token_id(self) -> int:
        tok = self.model.tokenizer
        if tok is None:
            return 0
        for candidate in (tok.pad_token_id, tok.eos_token_id, tok.bos_token_id):
            if candidate is not None:
                return int(candidate)
        return 0

    @property
    def eos_token_id(self) -> int | None:
        tok = self.model.tokenizer
        return None if tok is None else tok.eos_token_id

    def decode(self, ids: Sequence[int]) -> str:
        if self.model.tokenizer is None:
            return " ".join(str(i) for i in ids)
        # one sequence decodes to one str (transformers annotates str | list[str] for batches too)
        return cast(str, self.model.tokenizer.decode(list(ids), skip_special_tokens=True))

    def token_strings(self, ids: Sequence[int]) -> list[str]:
        if self.model.tokenizer is None:
            return [str(i) for i in ids]
        return [cast(str, self.model.tokenizer.decode([i])) for i in ids]
