"""Old path of :mod:`mechhop.apps.pipeline`."""

from mechhop._compat import alias

alias(__name__)
