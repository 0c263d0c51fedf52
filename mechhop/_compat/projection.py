"""Old path of :mod:`mechhop.analyses.projection`."""

from mechhop._compat import alias

alias(__name__)
