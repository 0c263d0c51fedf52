#!/usr/bin/env bash
# Fresh machine -> the test suite: set up, lint, then every test (tiny models and the embedded models).
set -euo pipefail
cd "$(dirname "$0")/.."
# first, so a failure report carries it: bfloat16's kernels (and rounding) differ from CPU to CPU
python3 mechhop/models/hardware.py
bash scripts/setup.sh
# The report's browser test: Debian's Chromium and ChromeDriver (needs root or sudo; once per machine).
if ! command -v chromedriver >/dev/null; then
    sudo_="$(command -v sudo >/dev/null && [ "$(id -u)" != 0 ] && echo sudo || true)"
    $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null
fi
export MECHHOP_REQUIRE_BROWSER=1
py="${MECHHOP_VENV:-.venv}/bin/python"
"$py" -m ruff check mechhop tests benchmarks scripts notebooks
"$py" -m mypy  # the package, typed (configuration: pyproject.toml [tool.mypy])
"$py" -m pytest -q -rs --durations=15 "$@"  # the slowest tests, to keep the suite near 10 minutes
