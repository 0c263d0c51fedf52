"""Old path of :mod:`mechhop.analyses.knockout`."""

from mechhop._compat import alias

alias(__name__)
