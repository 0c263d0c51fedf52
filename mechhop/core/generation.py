"""Running and generating under a recipe.

:func:`generate` is the plain, exact method every faster path is checked
against: one forward of the (left-padded) prompts with the recipe's hooks,
filling a KV cache, then token-by-token decoding on that cache. By default the
recipe acts on the prompt pass only (``apply_to="prompt"``): its hooks are
removed before decoding, so generated tokens see the intervention only through
the cached keys and values (the paper's setting). ``apply_to="every_step"``
keeps the hooks on while decoding, which equals re-running the whole sequence
with the recipe at every step.

Which pass is which is known from the loop, never guessed from tensor shapes.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import torch
from jaxtyping import Float, Int

from mechhop.core.apply import applied
from mechhop.core.backend import Backend, as_backend, check_fits
from mechhop.core.decoding import ApplyTo, Decoding, check_decoding
from mechhop.core.recipe import Recipe
from mechhop.core.tokens import Prompt, PromptBatch, encode
from mechhop.errors import MechhopError

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike


@dataclass(frozen=True, eq=False)
class RunResult:
    """Logits and records of one forward pass of a batch under a recipe."""

    batch: PromptBatch
    logits: Float[torch.Tensor, "batch pos d_vocab"]
    records: dict[str, torch.Tensor]

    @property
    def last_logits(self) -> Float[torch.Tensor, "batch d_vocab"]:
        return self.logits[:, -1]


@dataclass(frozen=True, eq=False)
class Generation:
    """Generated continuations of a batch under a recipe."""

    batch: PromptBatch
    new_tokens: Int[torch.Tensor, "batch new"]
    texts: tuple[str, ...]
    first_logits: Float[torch.Tensor, "batch d_vocab"]
    records: dict[str, torch.Tensor]


def _batch(
    backend: Backend,
    prompts: Sequence[Prompt] | PromptBatch,
    prepend_bos: bool | None,
) -> PromptBatch:
    return prompts if isinstance(prompts, PromptBatch) else encode(backend, prompts, prepend_bos)


def run(
    model: ModelLike,
    prompts: Sequence[Prompt] | PromptBatch,
    recipe: Recipe | Sequence[Recipe] | None = None,
    *,
    prepend_bos: bool | None = None,
) -> RunResult:
    """One forward pass of ``prompts`` under ``recipe`` (shared, or one per prompt)."""
    backend = as_backend(model)
    batch = _batch(backend, prompts, prepend_bos)
    with applied(backend, batch, recipe, prepend_bos=prepend_bos) as handle:
        logits = backend.forward(batch.tokens, batch.attention_mask)
    return RunResult(batch, logits, handle.records)


def generate(
    model: ModelLike,
    prompts: Sequence[Prompt] | PromptBatch,
    recipe: Recipe | Sequence[Recipe] | None = None,
    *,
    max_new_tokens: int = 10,
    apply_to: ApplyTo = "prompt",
    decoding: Decoding = "greedy",
    temperature: float = 1.0,
    seeds: int | Sequence[int] = 0,
    prepend_bos: bool | None = None,
    stop_at_eos: bool = True,
    top_k: int | None = None,
) -> Generation:
    """Generate ``max_new_tokens`` for each prompt under ``recipe``.

    Args:
        recipe: one recipe for all prompts, one per prompt, or None (clean).
        apply_to: ``"prompt"`` (paper setting) or ``"every_step"``.
        decoding: ``"greedy"`` or ``"sample"`` (softmax at ``temperature``).
        top_k: when sampling, draw only among the ``top_k`` most likely tokens (Hugging Face's
            ``generate(do_sample=True)`` uses 50); None samples from the whole vocabulary.
        seeds: sampling seed, or one per prompt; a row's samples depend only on
            its own seed, not on what else is in the batch.
        stop_at_eos: stop once every row has produced EOS (texts are cut at EOS
            either way, so results do not change).
    """
    if apply_to not in ("prompt", "every_step"):
        raise MechhopError(f"apply_to must be 'prompt' or 'every_step', got {apply_to!r}.")
    check_decoding(decoding, max_new_tokens, temperature, top_k)
    backend = as_backend(model)
    batch = _batch(backend, prompts, prepend_bos)
    longest = max(range(batch.size), key=lambda i: batch.lengths[i])
    check_fits(backend.spec, batch.prompts[longest], batch.lengths[longest], max_new_tokens)
    generators = make_generators(seeds, batch.size) if decoding == "sample" else None
    cache = backend.new_cache(batch.size)

    with contextlib.ExitStack() as stack:
        handle = stack.enter_context(applied(backend, batch, recipe, prepend_bos=prepend_bos))
        logits = backend.forward(batch.tokens, batch.attention_mask, cache, last_only=True)
        records = handle.records
        if apply_to == "prompt":
            stack.close()  # hooks off: decoding sees the patch only through the KV cache
        new_tokens = decode(
            backend, logits, cached_step(backend, cache), max_new_tokens, generators, temperature,
            stop_at_eos, before_step=lambda step: handle.at(batch.width + step), top_k=top_k,
        )  # fmt: skip
    return Generation(batch, new_tokens, texts_of(backend, new_tokens), logits.float(), records)


def cached_step(backend: Backend, cache: Any) -> Callable[[torch.Tensor], torch.Tensor]:
    """One decoding step through the whole model on a TransformerLens KV cache."""

    def step(tokens: Int[torch.Tensor, "batch 1"]) -> Float[torch.Tensor, "batch d_vocab"]:
        ones = torch.ones_like(tokens)
        return backend.forward(tokens, ones, cache, last_only=True)

    return step


def decode(
    backend: Backend,
    logits: Float[torch.Tensor, "batch d_vocab"],
    next_logits: Callable[[torch.Tensor], torch.Tensor],
    max_new_tokens: int,
    generators: list[torch.Generator] | None,
    temperature: float = 1.0,
    stop_at_eos: bool = True,
    before_step: Callable[[int], object] | None = None,
    top_k: int | None = None,
) -> Int[torch.Tensor, "batch new"]:
    """Token-by-token decoding from the logits of the prompt's last position; ``next_logits`` maps a
    ``[batch, 1]`` column of new tokens to the next logits (on a KV cache the caller filled).

    Rows that produced EOS continue with padding (they cannot affect other rows).
    """
    size = logits.shape[0]
    eos, pad_id = backend.eos_token_id, backend.pad_token_id
    chosen: list[torch.Tensor] = []
    done = torch.zeros(size, dtype=torch.bool)
    for step in range(max_new_tokens):
        token = _choose(logits, generators, temperature, top_k)
        if eos is not None:
            token = torch.where(done, torch.full_like(token, pad_id), token)
            done |= token == eos
        chosen.append(token)
        if step == max_new_tokens - 1 or (stop_at_eos and eos is not None and bool(done.all())):
            break
        if before_step is not None:
            before_step(step)
        logits = next_logits(token[:, None])
    new_tokens = torch.stack(chosen, dim=1)
    pad = torch.full((size, max_new_tokens - new_tokens.shape[1]), pad_id)
    return torch.cat([new_tokens, pad], dim=1)


def texts_of(backend: Backend, new_tokens: torch.Tensor) -> tuple[str, ...]:
    """Decoded continuations, cut at the first EOS."""
    eos = backend.eos_token_id
    return tuple(backend.decode(_until_eos(row.tolist(), eos)) for row in new_tokens)


def _until_eos(ids: list[int], eos: int | None) -> list[int]:
    return ids[: ids.index(eos)] if eos is not None and eos in ids else ids


def make_generators(seeds: int | Sequence[int], size: int) -> list[torch.Generator]:
    seq = [seeds] * size if isinstance(seeds, int) else list(seeds)
    if len(seq) != size:
        raise MechhopError(f"Got {len(seq)} seeds for {size} prompts: pass one seed or one per prompt.")
    return [torch.Generator().manual_seed(int(s)) for s in seq]


def _choose(
    logits: torch.Tensor,
    generators: list[torch.Generator] | None,
    temperature: float,
    top_k: int | None = None,
) -> torch.Tensor:
    if generators is None:
        return logits.argmax(dim=-1).cpu()
    scores = logits.float().cpu() / temperature
    if top_k is not None and top_k < scores.shape[-1]:
        # Hugging Face's TopKLogitsWarper (after the temperature): keep every token scoring at least
        # the k-th highest score (ties at the cut stay), the rest get probability 0
        kth = torch.topk(scores, top_k, dim=-1).values[..., -1:]
        scores = scores.masked_fill(scores < kth, float("-inf"))
    probs = torch.softmax(scores, dim=-1)
    return torch.cat([torch.multinomial(probs[i], 1, generator=g) for i, g in enumerate(generators)])
