"""Old path of :mod:`mechhop.analyses.stages`."""

from mechhop._compat import alias

alias(__name__)
