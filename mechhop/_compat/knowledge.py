"""Old path of :mod:`mechhop.data.knowledge`."""

from mechhop._compat import alias

alias(__name__)
