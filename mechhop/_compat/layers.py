"""Old path of :mod:`mechhop.core.layers`."""

from mechhop._compat import alias

alias(__name__)
