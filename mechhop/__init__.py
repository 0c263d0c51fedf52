"""mechhop: mechanistic interpretability of latent multi-hop reasoning.

Reproduces and extends "Hopping Too Late" (Biran et al., EMNLP 2024) on
TransformerLens's HookedTransformer. Analyses are typed intervention recipes:
frozen values (:class:`Recipe` of :class:`Patch`, :class:`KnockOut`,
:class:`Record`, :class:`Project` at :class:`Site` s) compiled to hooks.
"""

# first: tqdm.auto warns on its first import in a notebook without ipywidgets (then uses its text
# bar anyway); transformers imports it too, so mechhop.progress imports it before, warning silenced
from mechhop import progress as _progress  # noqa: F401
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
