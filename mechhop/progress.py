"""Progress bars: tqdm's widget bar in notebooks that have ipywidgets, its text bar everywhere else.

tqdm.auto warns at import when a notebook lacks ipywidgets, then uses the text bar anyway; the
warning only tells users to install a package they do not need, so it is silenced here.
"""

import warnings

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="IProgress not found")
    from tqdm.auto import tqdm

__all__ = ["tqdm"]
