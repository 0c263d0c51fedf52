"""Prompt batches: tokenise each prompt alone, then left-pad.

Tokenising prompts one by one keeps every prompt's tokens exactly what the
model would see alone; left padding keeps every prompt's last token at the
same column, which generation needs. Positions in recipes stay relative to the
unpadded prompt; :meth:`PromptBatch.absolute` translates them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import torch
from jaxtyping import Int

from mechhop.core.backend import as_backend, check_fits
from mechhop.errors import MechhopError, PositionError

if TYPE_CHECKING:
    from mechhop.core.backend import ModelLike

Prompt = str | Sequence[int]
PromptKey = str | tuple[int, ...]  # a prompt in hashable form (see prompt_key)


def prompt_key(prompt: Prompt) -> PromptKey:
    """A hashable form of a prompt (token-id lists become tuples)."""
    return prompt if isinstance(prompt, str) else tuple(int(t) for t in prompt)


def prompt_value(key: PromptKey) -> Prompt:
    """The prompt a :func:`prompt_key` stands for, as :func:`encode` takes it."""
    return key if isinstance(key, str) else list(key)


@dataclass(frozen=True, eq=False)
class PromptBatch:
    """Left-padded token ids of several prompts, with each prompt's true length."""

    prompts: tuple[Prompt, ...]
    tokens: Int[torch.Tensor, "batch pos"]
    attention_mask: Int[torch.Tensor, "batch pos"]
    lengths: tuple[int, ...]

    @property
    def size(self) -> int:
        return len(self.lengths)

    @property
    def width(self) -> int:
        return int(self.tokens.shape[1])

    def pad(self, row: int) -> int:
        return self.width - self.lengths[row]

    def resolve(self, row: int, position: int) -> int:
        """A prompt-relative position (negative from the end) as a non-negative prompt index."""
        length = self.lengths[row]
        resolved = position + length if position < 0 else position
        if not 0 <= resolved < length:
            raise PositionError(
                f"Position {position} does not exist in prompt {row} ({self.describe(row)}), "
                f"which has {length} tokens (valid: {-length}..{length - 1})."
            )
        return resolved

    def absolute(self, row: int, position: int) -> int:
        """Column of a prompt-relative position in the padded batch."""
        return self.pad(row) + self.resolve(row, position)

    def row_tokens(self, row: int) -> list[int]:
        return self.tokens[row, self.pad(row) :].tolist()

    def describe(self, row: int) -> str:
        prompt = self.prompts[row]
        text = prompt if isinstance(prompt, str) else f"token ids {list(prompt)[:12]}"
        return repr(text) if isinstance(prompt, str) else text


def encode(
    model: ModelLike,
    prompts: Sequence[Prompt],
    prepend_bos: bool | None = None,
) -> PromptBatch:
    """Tokenise ``prompts`` (strings, or lists of token ids used as they are) into a batch."""
    backend = as_backend(model)
    if isinstance(prompts, str):
        prompts = [prompts]
    if len(prompts) == 0:
        raise MechhopError("No prompts given: pass at least one prompt.")
    rows: list[list[int]] = []
    for i, prompt in enumerate(prompts):
        ids = backend.tokenize(prompt, prepend_bos) if isinstance(prompt, str) else [int(t) for t in prompt]
        if not isinstance(prompt, str):
            vocab = backend.spec.d_vocab
            if bad := [t for t in ids if not 0 <= t < vocab]:
                raise MechhopError(
                    f"Prompt {i} has token id(s) {bad[:5]} outside this model's vocabulary (0..{vocab - 1}); "
                    "pass ids from this model's tokenizer."
                )
            check_fits(backend.spec, f"prompt {i} (token ids)", len(ids))
        if not ids:
            raise MechhopError(
                f"Prompt {i} ({prompt!r}) has no tokens; give a non-empty prompt (or prepend_bos=True)."
            )
        rows.append(ids)
    width = max(len(r) for r in rows)
    pad_id = backend.pad_token_id
    tokens = torch.full((len(rows), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(rows), width), dtype=torch.long)
    for i, ids in enumerate(rows):
        tokens[i, width - len(ids) :] = torch.tensor(ids, dtype=torch.long)
        mask[i, width - len(ids) :] = 1
    return PromptBatch(tuple(prompts), tokens, mask, tuple(len(r) for r in rows))
