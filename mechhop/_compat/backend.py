"""Old path of :mod:`mechhop.models.hooked`."""

from mechhop._compat import alias

alias(__name__)
