"""Models: what is known without loading anything (:mod:`.catalog`), loading (:mod:`.loading`:
embedded GGUF packages, TransformerLens names, local Hugging Face folders), the two backends
(:mod:`.hooked` for TransformerLens 3's HookedTransformer, :mod:`.bridge` for TransformerLens 4's
TransformerBridge) and the engine's fast decoding path (:mod:`.fast_decode`).

``from mechhop.models import load_model`` works too: names not found here are looked up on first
use, so importing the package loads no torch.
"""

from typing import Any

from mechhop.core.backend import Backend, register_backend
from mechhop.core.lazy import lazy_attributes

# what needs no torch comes from .catalog (``mechhop models`` lists names at once), the rest from .loading
_CATALOG = ("available_models", "model_info", "EMBEDDED", "DEFAULT_MODEL", "ModelInfo", "WeightProcessing")
_from_catalog = lazy_attributes(__name__, "mechhop.models.catalog", _CATALOG)
_from_loading = lazy_attributes(__name__, "mechhop.models.loading")


def __getattr__(name: str) -> Any:
    return _from_catalog(name) if name in _CATALOG else _from_loading(name)


def _wrap(model: Any) -> Backend | None:
    """The backend of a TransformerLens model object; the backend module loads on first use."""
    kind = type(model)
    if not kind.__module__.startswith("transformer_lens"):
        return None
    if any(c.__name__ == "TransformerBridge" for c in kind.__mro__):
        from mechhop.models.bridge import BridgeBackend

        return BridgeBackend(model)
    from mechhop.models.hooked import HookedTransformerBackend

    return HookedTransformerBackend(model)


register_backend(_wrap)  # core's as_backend asks the registered wrappers; it imports no model code
