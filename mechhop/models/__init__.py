"""Models: loading (:mod:`.loading`: embedded GGUF packages, TransformerLens names, local Hugging
Face folders), the backend every analysis reaches a model through (:mod:`.backend`) and the fast
decoding path (:mod:`.fast_decode`).

``from mechhop.models import load_model`` (the path of earlier releases) still works: names not
found here are looked up in :mod:`.loading` on first use, so importing the package loads no torch.
"""

from mechhop.core.lazy import lazy_attributes

__getattr__ = lazy_attributes(__name__, "mechhop.models.loading")
