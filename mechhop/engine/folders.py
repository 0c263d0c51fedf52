"""What makes a folder a mechhop run, checked without pandas or torch (the command line checks
every folder it is given before it loads either)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mechhop.errors import MechhopError

RUN_FILE = "run.json"


def read_run_description(directory: str | Path) -> dict[str, Any]:
    """The run's ``run.json``; a clear error for a folder that is not a run or a corrupt file."""
    directory = Path(directory)
    run = directory / RUN_FILE
    if not run.exists():
        raise MechhopError(f"{directory} is not a mechhop run directory (no {RUN_FILE}); pass the folder "
                           "an analysis printed, e.g. runs/backpatching-1a2b3c4d5e.")  # fmt: skip
    try:
        meta = json.loads(run.read_text())
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise MechhopError(
            f"{run} is corrupt ({exc}); the run's units are still in {directory / 'units'}: rerun the "
            "analysis with the same settings to rewrite it, or delete the folder."
        ) from None
    if not isinstance(meta, dict) or "analysis" not in meta:
        raise MechhopError(f"{run} is not a mechhop run description (no 'analysis'); pass a run folder.")
    return meta
