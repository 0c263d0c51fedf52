"""mechhop: mechanistic interpretability of latent multi-hop reasoning.

Reproduces and extends "Hopping Too Late" (Biran et al., EMNLP 2024) on
TransformerLens's HookedTransformer. Analyses are typed intervention recipes:
frozen values (:class:`Recipe` of :class:`Patch`, :class:`KnockOut`,
:class:`Record`, :class:`Project` at :class:`Site` s) compiled to hooks.
"""

import importlib
from typing import TYPE_CHECKING, Any

# first: tqdm.auto warns on its first import in a notebook without ipywidgets (then uses its text
# bar anyway); transformers imports it too, so mechhop.progress imports it before, warning silenced
from mechhop import progress as _progress  # noqa: F401

if TYPE_CHECKING:
    from mechhop.apply import applied
    from mechhop.errors import (
        MechhopError,
        ModelNotFoundError,
        PositionError,
        RecipeError,
        WeightsPackageMissingError,
    )
    from mechhop.generation import Generation, RunResult, generate, run
    from mechhop.interventions import KnockOut, Patch, Project, Record, Vector
    from mechhop.models import (
        ModelInfo,
        WeightProcessing,
        available_models,
        load_hf_model,
        load_model,
        model_info,
    )
    from mechhop.recipe import CompiledRecipe, Recipe, compile_recipe
    from mechhop.runs import AnalysisResult, load_result
    from mechhop.sites import Site
    from mechhop.tokens import PromptBatch, encode

# Names load on first use (PEP 562), so `import mechhop` and the command line start without torch.
_EXPORTS = {
    "applied": "mechhop.apply",
    "MechhopError": "mechhop.errors",
    "ModelNotFoundError": "mechhop.errors",
    "PositionError": "mechhop.errors",
    "RecipeError": "mechhop.errors",
    "WeightsPackageMissingError": "mechhop.errors",
    "Generation": "mechhop.generation",
    "RunResult": "mechhop.generation",
    "generate": "mechhop.generation",
    "run": "mechhop.generation",
    "KnockOut": "mechhop.interventions",
    "Patch": "mechhop.interventions",
    "Project": "mechhop.interventions",
    "Record": "mechhop.interventions",
    "Vector": "mechhop.interventions",
    "ModelInfo": "mechhop.models",
    "WeightProcessing": "mechhop.models",
    "available_models": "mechhop.models",
    "load_hf_model": "mechhop.models",
    "load_model": "mechhop.models",
    "model_info": "mechhop.models",
    "CompiledRecipe": "mechhop.recipe",
    "Recipe": "mechhop.recipe",
    "compile_recipe": "mechhop.recipe",
    "AnalysisResult": "mechhop.runs",
    "load_result": "mechhop.runs",
    "Site": "mechhop.sites",
    "PromptBatch": "mechhop.tokens",
    "encode": "mechhop.tokens",
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

# The analyses live in their modules (mechhop.patchscopes, .backpatching, .knockout, .projection,
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
