"""Old path of :mod:`mechhop.data.matching`."""

from mechhop._compat import alias

alias(__name__)
