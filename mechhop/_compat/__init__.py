"""Import paths of earlier releases (``mechhop.backpatching``, ``mechhop.plots``, ...), kept so that
existing notebooks run. ``mechhop/__init__.py`` adds this folder to the package's ``__path__``; each
file here makes its old name an alias of the module's new home, declared once in :data:`MOVED`."""

import importlib
import sys

MOVED = {
    "sites": "core.sites", "interventions": "core.interventions", "recipe": "core.recipe",
    "apply": "core.apply", "generation": "core.generation", "tokens": "core.tokens",
    "layers": "core.layers", "backend": "models.hooked", "fast_decode": "models.fast_decode",
    "runs": "engine.runs", "matching": "data.matching", "knowledge": "data.knowledge",
    "positions": "data.positions", "backpatching": "analyses.backpatching",
    "patchscopes": "analyses.patchscopes", "knockout": "analyses.knockout",
    "projection": "analyses.projection", "stages": "analyses.stages", "stats": "analyses.stats",
    "plots": "present.plots", "report": "present.report", "cli": "apps.cli",
    "pipeline": "apps.pipeline", "walkthrough": "apps.walkthrough",
}  # fmt: skip


def alias(old: str) -> None:
    """Make module ``old`` (``mechhop.<name>``) the module at its new path."""
    sys.modules[old] = importlib.import_module("mechhop." + MOVED[old.rsplit(".", 1)[1]])
