"""Attributes of a package loaded from one of its modules on first use (PEP 562).

The analyses' packages export their model part this way, so that importing a
package for its config and tables loads neither torch nor TransformerLens.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection
from typing import Any


def lazy_attributes(package: str, module: str, names: Collection[str] | None = None) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that takes ``names`` (any name when None) from
    ``module``, importing it the first time one is asked for."""

    def __getattr__(name: str) -> Any:
        if (names is None and not name.startswith("__")) or (names is not None and name in names):
            return getattr(importlib.import_module(module), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
