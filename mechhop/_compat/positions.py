"""Old path of :mod:`mechhop.data.positions`."""

from mechhop._compat import alias

alias(__name__)
