"""The seam between mechhop and a model library.

Recipes, generation, the engine and the analyses reach a model only through a
:class:`Backend`: its shape (:class:`ModelSpec`), its tokenizer, its hook points
and its forward pass. :func:`as_backend` finds the backend of a model object;
today that is :class:`~mechhop.models.hooked.HookedTransformerBackend` for a
TransformerLens ``HookedTransformer``. A TransformerBridge backend (TransformerLens 4)
would be a second implementation of the same protocol. This module imports
neither torch nor TransformerLens, so values such as recipes build without them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    import torch


@dataclass(frozen=True)
class ModelSpec:
    """The shape facts a recipe is validated against (hashable: keys the compile cache)."""

    n_layers: int
    n_heads: int
    d_model: int
    d_vocab: int
    kinds: tuple[str, ...]
    n_ctx: int | None = None  # context length (None: unknown)


HookFn = Callable[["torch.Tensor", Any], "torch.Tensor | None"]


@runtime_checkable
class Backend(Protocol):
    """What mechhop needs from a model. Tensors are torch tensors on :attr:`device`."""

    model: Any
    spec: ModelSpec

    @property
    def name(self) -> str: ...

    @property
    def device(self) -> torch.device: ...
    @property
    def dtype(self) -> torch.dtype: ...
    def hook_name(self, kind: str, layer: int) -> str: ...
    @property
    def has_tokenizer(self) -> bool: ...
    def tokenize(self, prompt: str, prepend_bos: bool | None) -> list[int]: ...
    def char_spans(self, prompt: str, prepend_bos: bool | None) -> list[tuple[int, int]]: ...
    @property
    def prepends_bos(self) -> bool: ...
    @property
    def bos_token_id(self) -> int | None: ...
    @property
    def pad_token_id(self) -> int: ...
    @property
    def eos_token_id(self) -> int | None: ...
    def decode(self, ids: Sequence[int]) -> str: ...
    def token_strings(self, ids: Sequence[int]) -> list[str]: ...
    def new_cache(self, batch_size: int) -> Any: ...
    def forward(
        self,
        tokens: torch.Tensor,
        attention_mask: torch.Tensor,
        cache: Any = None,
        stop_at_layer: int | None = None,
        last_only: bool = False,
    ) -> torch.Tensor: ...
    def hooks(self, fwd_hooks: list[tuple[str, HookFn]]) -> contextlib.AbstractContextManager[None]: ...
    def installed_hook_count(self) -> int: ...
    def project(self, vectors: torch.Tensor) -> torch.Tensor: ...


def as_backend(model: Any) -> Backend:
    """The backend of ``model`` (a backend is returned as is). Raises :class:`MechhopError` for an
    object no backend knows."""
    if isinstance(model, Backend) and hasattr(model, "spec"):
        return model
    from mechhop.models.hooked import HookedTransformerBackend  # the library loads on first use

    return HookedTransformerBackend(model)


def check_fits(spec: ModelSpec, prompt: object, length: int, new_tokens: int = 0) -> None:
    """A clear error when a prompt of ``length`` tokens, plus ``new_tokens`` to generate, exceeds the
    model's context: nothing is ever truncated silently."""
    if spec.n_ctx is None or length + new_tokens <= spec.n_ctx:
        return
    from mechhop.errors import MechhopError

    shown = prompt if not isinstance(prompt, str) or len(prompt) <= 80 else prompt[:77] + "..."
    extra = f" plus {new_tokens} generated" if new_tokens else ""
    raise MechhopError(
        f"Prompt {shown!r} has {length} tokens{extra}, more than this model's context of {spec.n_ctx} "
        "tokens; shorten the prompt (or generate fewer tokens)."
    )
