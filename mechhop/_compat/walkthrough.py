"""Old path of :mod:`mechhop.apps.walkthrough`."""

from mechhop._compat import alias

alias(__name__)
