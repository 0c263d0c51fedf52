"""Old path of :mod:`mechhop.engine.runs`."""

from mechhop._compat import alias

alias(__name__)
