"""Old path of :mod:`mechhop.core.apply`."""

from mechhop._compat import alias

alias(__name__)
