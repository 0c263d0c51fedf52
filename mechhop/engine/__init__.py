"""The sweep engine (:mod:`.sweep`: many patched generations, each computed once) and resumable
run folders (:mod:`.runs`).

``from mechhop.engine import run_variants`` works too: names not
found here are looked up in :mod:`.sweep` on first use.
"""

from mechhop.core.lazy import lazy_attributes

__getattr__ = lazy_attributes(__name__, "mechhop.engine.sweep")
