"""Old path of :mod:`mechhop.core.sites`."""

from mechhop._compat import alias

alias(__name__)
