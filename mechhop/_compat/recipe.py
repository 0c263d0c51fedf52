"""Old path of :mod:`mechhop.core.recipe`."""

from mechhop._compat import alias

alias(__name__)
