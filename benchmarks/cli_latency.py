"""How long the command line takes to answer without a model: option errors, help, listings.

Each command runs in a fresh interpreter (as a user types it); the table gives the median wall
time of ``--repeat`` runs and whether torch got imported. Run it alone on the machine.

    python benchmarks/cli_latency.py [--repeat 5] [--tree PATH]

``--tree`` runs another checkout of mechhop (e.g. ``git worktree add /tmp/old <commit>``) with the
same virtualenv, for a before/after comparison; its entry point is ``mechhop.cli`` or
``mechhop.apps.cli``, whichever it has.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CASES = {
    "mechhop --help": ["--help"],
    "mechhop models": ["models"],
    "run patchscopes --decoding beam": ["run", "patchscopes", "--ids", "q760518cdfd", "--decoding", "beam"],
    "run patchscopes --target-prompt 'no slot'": ["run", "patchscopes", "--ids", "q760518cdfd",
                                                   "--target-prompt", "no slot"],
    "evaluate -o K.txt": ["evaluate", "-o", "K.txt"],
    "report (not a run folder)": ["report", "{tmp}", "-o", "{tmp}/r.html"],
}  # fmt: skip
PROBE = """
import runpy, sys, time
start = time.perf_counter()
sys.argv = ["mechhop", *{args!r}]
try:
    module = {module!r}
    runpy.run_module(module, run_name="__main__")
except SystemExit as e:
    code = e.code
print("\\nPROBE", "torch" in sys.modules, "pandas" in sys.modules, code, file=sys.stderr)
"""


def measure(tree: Path, args: list[str], tmp: str) -> tuple[float, bool, bool, str]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    args = [a.replace("{tmp}", tmp) for a in args]
    start = time.perf_counter()
    module = "mechhop.apps.cli" if (tree / "mechhop" / "apps").is_dir() else "mechhop.cli"
    probe = PROBE.format(args=args, module=module)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         env=env, cwd=tmp)  # fmt: skip
    seconds = time.perf_counter() - start
    probe = [line for line in out.stderr.splitlines() if line.startswith("PROBE")]
    torch = probe[-1].split()[1] == "True" if probe else False
    pandas = probe[-1].split()[2] == "True" if probe else False
    first = next((line for line in (out.stdout + out.stderr).splitlines() if line.strip()), "")
    return seconds, torch, pandas, first[:70]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--tree", type=Path, default=ROOT)
    args = parser.parse_args()
    print(f"mechhop at {args.tree}; median of {args.repeat} fresh interpreters")
    print(f"{'command':45s} {'seconds':>8s}  torch  pandas  first line")
    with tempfile.TemporaryDirectory() as tmp:
        for name, argv in CASES.items():
            runs = [measure(args.tree, argv, tmp) for _ in range(args.repeat)]
            median = statistics.median(r[0] for r in runs)
            torch, pandas, first = runs[0][1:]
            yes = {True: "yes", False: "no"}
            print(f"{name:45s} {median:8.2f}  {yes[torch]:5s}  {yes[pandas]:6s}  {first}")


if __name__ == "__main__":
    main()
