"""The seam between mechhop and a model library.

Recipes, generation, the engine and the analyses reach a model only through a
:class:`Backend`: its shape (:class:`ModelSpec`), its tokenizer, its hook points
and its forward pass. :func:`as_backend` finds the backend of a model object
through the wrappers that :mod:`mechhop.models` registers
(:class:`~mechhop.models.hooked.HookedTransformerBackend` for TransformerLens 3's
``HookedTransformer``, :class:`~mechhop.models.bridge.BridgeBackend` for
TransformerLens 4's ``TransformerBridge``); this module knows neither. It imports
neither torch nor TransformerLens, so values such as recipes build without them.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, TypeAlias, runtime_checkable

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


@dataclass(eq=False)
class CleanKV:
    """One prompt's keys and values from a clean run, per layer ``[pos, kv_head, d_head]``, in the form
    the backend caches them; ``memo`` holds what a :class:`BlockRunner` derives from them once."""

    keys: list[torch.Tensor]
    values: list[torch.Tensor]
    memo: dict[str, Any] = field(default_factory=dict)

    @property
    def length(self) -> int:
        return int(self.keys[0].shape[0])


class BlockRunner(Protocol):
    """A batch resumed mid-network (the sweep engine's inner loop), from :meth:`Backend.block_runner`.

    It owns the batch's KV storage. Rows are right-aligned: each row's prompt ends at column
    ``end`` and decoding appends after it.
    """

    path: str  # which blocks run, recorded in results ("fast", "transformer_lens", ...)

    def load(self, rows: slice, length: int, stops: Sequence[int], clean: CleanKV) -> None:
        """Fill ``rows`` with a ``length``-token prompt's clean keys and values: layer ``i`` gets its
        first ``stops[i]`` positions (blocks a patch enters see only the prefix before it)."""
        ...

    def run(
        self,
        resid: torch.Tensor,
        rows: slice,
        first_block: int,
        positions: torch.Tensor,
        blocked: Mapping[int, torch.Tensor] | None = None,
    ) -> torch.Tensor:
        """Blocks ``first_block..L-1`` on ``resid [rows, q, d_model]``, the prompt's last ``q``
        positions (``positions [rows, q]``); returns the logits of the last one, ``[rows, d_vocab]``.
        ``blocked`` maps a layer to a ``[row, query, column]`` mask of attention edges whose
        pre-softmax score is minus infinity there (an attention knockout)."""
        ...

    def step(self, tokens: torch.Tensor) -> torch.Tensor:
        """One decoding step for every row: ``tokens [batch, 1]`` -> next logits ``[batch, d_vocab]``."""
        ...


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
    # -- the sweep engine's needs: a clean run's KV, mid-network resumption, memory per row
    def cached_kv(self, cache: Any, layer: int) -> tuple[torch.Tensor, torch.Tensor]: ...
    def why_not_resumable(self) -> str | None: ...
    def why_not_fast(self) -> str | None: ...
    def block_runner(self, size: int, end: int, capacity: int, fast: bool) -> BlockRunner: ...
    def row_bytes(self, capacity: int, suffix: int) -> int: ...
    def free_memory(self) -> int | None: ...


# What public functions accept as a model: a model object a registered backend wraps (TransformerLens's
# HookedTransformer or TransformerBridge; core names neither) or a Backend.
ModelLike: TypeAlias = Any


# Each wrapper returns the backend of a model object it knows, else None (mechhop.models registers them)
_WRAPPERS: list[Callable[[Any], Backend | None]] = []


def register_backend(wrap: Callable[[Any], Backend | None]) -> None:
    """Let :func:`as_backend` wrap the model objects ``wrap`` knows (registering twice is a no-op)."""
    if wrap not in _WRAPPERS:
        _WRAPPERS.append(wrap)


def as_backend(model: Any) -> Backend:
    """The backend of ``model`` (a backend is returned as is). Raises :class:`MechhopError` for an
    object no backend knows."""
    if isinstance(model, Backend) and hasattr(model, "spec"):
        return model
    for wrap in _WRAPPERS:
        backend = wrap(model)
        if backend is not None:
            return backend
    from mechhop.errors import MechhopError

    raise MechhopError(
        f"mechhop has no backend for a {type(model).__module__}.{type(model).__name__}: pass a model from "
        "mechhop.load_model(...) (a TransformerLens HookedTransformer or TransformerBridge) or an object "
        "implementing mechhop.core.backend.Backend."
    )


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
