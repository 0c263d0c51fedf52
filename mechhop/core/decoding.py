"""Decoding settings, checked without torch (configs and the command line validate with them)."""

from __future__ import annotations

from typing import Literal

from mechhop.errors import MechhopError

ApplyTo = Literal["prompt", "every_step"]
Decoding = Literal["greedy", "sample"]
DECODINGS: tuple[Decoding, ...] = ("greedy", "sample")


def check_decoding(decoding: str, max_new_tokens: int, temperature: float, top_k: int | None = None) -> None:
    if decoding not in DECODINGS:
        raise MechhopError(f"decoding must be 'greedy' or 'sample', got {decoding!r}.")
    if max_new_tokens < 1:
        raise MechhopError(f"max_new_tokens must be at least 1, got {max_new_tokens}.")
    if decoding == "sample" and not temperature > 0:
        raise MechhopError(f"temperature must be > 0 for sampling, got {temperature}.")
    if top_k is not None and (isinstance(top_k, bool) or not isinstance(top_k, int) or top_k < 1):
        raise MechhopError(f"top_k must be None (no cut) or a whole number >= 1, got {top_k!r}.")


# The engine's memory budget, shared by the analyses that run on it (mechhop.engine.sweep).
BUDGET_HELP = "memory the engine's batches may use, GB (default: 70% of the GPU's free memory; on a CPU 2 GB)"
