"""Old path of :mod:`mechhop.present.report`."""

from mechhop._compat import alias

alias(__name__)
