"""Old path of :mod:`mechhop.analyses.backpatching`."""

from mechhop._compat import alias

alias(__name__)
