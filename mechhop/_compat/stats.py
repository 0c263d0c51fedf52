"""Old path of :mod:`mechhop.analyses.stats`."""

from mechhop._compat import alias

alias(__name__)
