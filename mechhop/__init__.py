"""mechhop: mechanistic interpretability of latent multi-hop reasoning.

Reproduces and extends "Hopping Too Late" (Biran et al., EMNLP 2024) on
TransformerLens (3.x's HookedTransformer or 4.x's TransformerBridge). Analyses are typed
intervention recipes: frozen values (:class:`Recipe` of :class:`Patch`, :class:`KnockOut`,
:class:`Record`, :class:`Project` at :class:`Site` s) compiled to hooks.
"""

import importlib
from typing import TYPE_CHECKING, Any

# mechhop.models registers its backends with core's as_backend (nothing heavy loads here)
from mechhop import models as _models  # noqa: F401

# first: tqdm.auto warns on its first import in a notebook without ipywidgets (then uses its text
# bar anyway); transformers imports it too, so mechhop.progress imports it before, warning silenced
from mechhop import progress as _progress  # noqa: F401

if TYPE_CHECKING:
    from mechhop.core.apply import applied
    from mechhop.core.generation import Generation, RunResult, generate, run
    from mechhop.core.interventions import KnockOut, Patch, Project, Record, Vector
    from mechhop.core.recipe import CompiledRecipe, Recipe, compile_recipe
    from mechhop.core.sites import Site
    from mechhop.core.tokens import PromptBatch, encode
    from mechhop.engine.runs import AnalysisResult, load_result
    from mechhop.errors import (
        MechhopError,
        ModelNotFoundError,
        PositionError,
        RecipeError,
        WeightsPackageMissingError,
    )
    from mechhop.models.catalog import ModelInfo, WeightProcessing, available_models, model_info
    from mechhop.models.loading import load_hf_model, load_model

# Names load on first use (PEP 562), so `import mechhop` and the command line start without torch.
_EXPORTS = {
    "applied": "mechhop.core.apply",
    "MechhopError": "mechhop.errors",
    "ModelNotFoundError": "mechhop.errors",
    "PositionError": "mechhop.errors",
    "RecipeError": "mechhop.errors",
    "WeightsPackageMissingError": "mechhop.errors",
    "Generation": "mechhop.core.generation",
    "RunResult": "mechhop.core.generation",
    "generate": "mechhop.core.generation",
    "run": "mechhop.core.generation",
    "KnockOut": "mechhop.core.interventions",
    "Patch": "mechhop.core.interventions",
    "Project": "mechhop.core.interventions",
    "Record": "mechhop.core.interventions",
    "Vector": "mechhop.core.interventions",
    "ModelInfo": "mechhop.models.catalog",
    "WeightProcessing": "mechhop.models.catalog",
    "available_models": "mechhop.models.catalog",
    "load_hf_model": "mechhop.models.loading",
    "load_model": "mechhop.models.loading",
    "model_info": "mechhop.models.catalog",
    "CompiledRecipe": "mechhop.core.recipe",
    "Recipe": "mechhop.core.recipe",
    "compile_recipe": "mechhop.core.recipe",
    "AnalysisResult": "mechhop.engine.runs",
    "load_result": "mechhop.engine.runs",
    "Site": "mechhop.core.sites",
    "PromptBatch": "mechhop.core.tokens",
    "encode": "mechhop.core.tokens",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'mechhop' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__version__ = "0.1.0"

# The analyses live in their modules (mechhop.analyses.patchscopes, .backpatching, .knockout, .projection,
# .stages), each exporting a function of the module's name.
__all__ = [
    "AnalysisResult",
    "CompiledRecipe",
    "Generation",
    "KnockOut",
    "MechhopError",
    "ModelInfo",
    "ModelNotFoundError",
    "Patch",
    "PositionError",
    "Project",
    "PromptBatch",
    "Recipe",
    "RecipeError",
    "Record",
    "RunResult",
    "Site",
    "Vector",
    "WeightProcessing",
    "WeightsPackageMissingError",
    "__version__",
    "applied",
    "available_models",
    "compile_recipe",
    "encode",
    "generate",
    "load_hf_model",
    "load_model",
    "load_result",
    "model_info",
    "run",
]
