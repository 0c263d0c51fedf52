"""Old path of :mod:`mechhop.core.generation`."""

from mechhop._compat import alias

alias(__name__)
