#!/usr/bin/env bash
# Fresh machine -> the test suite: set up, lint, then every test (tiny models and the embedded models).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
py="${MECHHOP_VENV:-.venv}/bin/python"
"$py" -m ruff check mechhop tests benchmarks
"$py" -m pytest -q -rs "$@"
