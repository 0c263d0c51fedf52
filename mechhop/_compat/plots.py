"""Old path of :mod:`mechhop.present.plots`."""

from mechhop._compat import alias

alias(__name__)
