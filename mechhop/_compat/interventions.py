"""Old path of :mod:`mechhop.core.interventions`."""

from mechhop._compat import alias

alias(__name__)
