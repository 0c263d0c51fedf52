"""Two small pieces the engine and the plain method share, so both compute them alike.

- :func:`displaced`: the random-direction control of Amendment 1 (docs/method/controls.md): a
  state moved as far as a patch would move it, in a direction that carries nothing.
- :func:`first_token_kl`: how far a patch moves the first generated token's distribution.
"""

from __future__ import annotations

import torch


def displaced(target: torch.Tensor, source: torch.Tensor, seed: int) -> torch.Tensor:
    """``target + ||source - target|| * u``, ``u`` uniform on the unit sphere, drawn from ``seed``
    in float32 on the CPU (so every device and dtype draws the same direction); returned in the
    target's dtype and device."""
    generator = torch.Generator().manual_seed(int(seed))
    direction = torch.randn(target.shape[-1], generator=generator, dtype=torch.float32)
    here, there = target.detach().float().cpu(), source.detach().float().cpu()
    moved = here + (there - here).norm() * direction / direction.norm()
    return moved.to(target.device, target.dtype)


def first_token_kl(clean_logprobs: torch.Tensor, logits: torch.Tensor) -> torch.Tensor:
    """KL(clean || patched) of the first generated token, per row, in nats: ``clean_logprobs``
    (log-softmax of the unpatched logits) and the patched ``logits``, both ``[rows, vocab]``."""
    patched = torch.log_softmax(logits.float(), dim=-1)
    clean = clean_logprobs.float()
    return (clean.exp() * (clean - patched)).sum(-1).clamp_min(0.0)
