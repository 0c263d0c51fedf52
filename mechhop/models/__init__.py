"""Models: what is known without loading anything (:mod:`.catalog`), loading (:mod:`.loading`:
embedded GGUF packages, TransformerLens names, local Hugging Face folders), the HookedTransformer
backend (:mod:`.hooked`) and the engine's fast decoding path (:mod:`.fast_decode`).

``from mechhop.models import load_model`` (the path of earlier releases) still works: names not
found here are looked up on first use, so importing the package loads no torch.
"""

from typing import Any

from mechhop.core.lazy import lazy_attributes

# what needs no torch comes from .catalog (``mechhop models`` lists names at once), the rest from .loading
_CATALOG = ("available_models", "model_info", "EMBEDDED", "DEFAULT_MODEL", "ModelInfo", "WeightProcessing")
_from_catalog = lazy_attributes(__name__, "mechhop.models.catalog", _CATALOG)
_from_loading = lazy_attributes(__name__, "mechhop.models.loading")


def __getattr__(name: str) -> Any:
    return _from_catalog(name) if name in _CATALOG else _from_loading(name)
