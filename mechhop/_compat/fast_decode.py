"""Old path of :mod:`mechhop.models.fast_decode`."""

from mechhop._compat import alias

alias(__name__)
