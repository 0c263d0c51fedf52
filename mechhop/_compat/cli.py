"""Old path of :mod:`mechhop.apps.cli`."""

from mechhop._compat import alias

alias(__name__)
