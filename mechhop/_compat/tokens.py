"""Old path of :mod:`mechhop.core.tokens`."""

from mechhop._compat import alias

alias(__name__)
