"""Attributes of a package loaded from one of its modules on first use (PEP 562).

The analyses' packages export their tables (pandas) and model part (torch,
TransformerLens) this way, so that importing a package for its config loads
none of them: the command line checks options in well under a second.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Mapping
from typing import Any


def lazy_attributes(
    package: str, module: str | Mapping[str, Collection[str]], names: Collection[str] | None = None
) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package`` that takes ``names`` (any name when None) from
    ``module``, importing it the first time one is asked for; or, given ``{module: names}``, each
    name from its module."""
    sources = dict(module) if not isinstance(module, str) else {module: names}

    def __getattr__(name: str) -> Any:
        for source, exported in sources.items():
            if (exported is None and not name.startswith("__")) or (
                exported is not None and name in exported
            ):
                return getattr(importlib.import_module(source), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
