"""Exceptions raised by mechhop.

Every error a user can trigger derives from :class:`MechhopError`, so a notebook
can catch one class. Messages name the offending input and say what to do.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class MechhopError(Exception):
    """Base class of every error mechhop raises on purpose."""


class ModelNotFoundError(MechhopError, ValueError):
    """A model name is neither embedded, a TransformerLens name, nor a local folder."""


class WeightsPackageMissingError(MechhopError, ImportError):
    """An embedded model's weights package is not installed."""


class RecipeError(MechhopError, ValueError):
    """A site, an intervention or a recipe is invalid (for this model)."""


class PositionError(MechhopError, IndexError):
    """A token position does not exist in a prompt."""


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A ' Did you mean X?' suffix when a close match exists, else ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Did you mean {close[0]!r}?" if close else ""
