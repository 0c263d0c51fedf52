#!/usr/bin/env bash
# Fresh machine -> the main job: set up, then `mechhop demo` (filter queries, every analysis, report).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
"${MECHHOP_VENV:-.venv}/bin/mechhop" demo "$@"
