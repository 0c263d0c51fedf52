#!/usr/bin/env bash
# Fresh machine -> the main job: set up, then run the demo on the embedded SmolLM2 model.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
"${MECHHOP_VENV:-.venv}/bin/python" -m mechhop.demo "$@"
