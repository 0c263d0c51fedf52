"""Old path of :mod:`mechhop.analyses.patchscopes`."""

from mechhop._compat import alias

alias(__name__)
