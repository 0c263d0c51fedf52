"""The notebooks run top to bottom on the embedded model with small settings, as CI runs them, and
are committed with the outputs of a run at their defaults (scripts/notebooks.py execute).

Each notebook has one cell tagged ``parameters``; the small settings go in a cell inserted after
it (papermill's convention), so the notebooks themselves keep their full defaults. Executed
copies are kept in artifacts/notebooks/ for inspection.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
ARTIFACTS = Path(__file__).resolve().parent.parent / "artifacts" / "notebooks"
SMALL = {
    "01_quickstart.ipynb": "LAYER_STEP = 5",
    "02_recipes.ipynb": "",
    "03_workshop.ipynb": "EVALUATE, PER_GROUP, LAYER_STEP, MAX_PER_BRIDGE = 300, 1, 5, 1",
    "workshop/exercises.ipynb": "",
    "workshop/solutions.ipynb": "",
}
PLOTLY = "application/vnd.plotly.v1+json"


def execute(name: str, workdir: Path, allow_errors: bool = False) -> nbformat.NotebookNode:
    nb = nbformat.read(NOTEBOOKS / name, as_version=4)
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{name}: expected one cell tagged 'parameters', found {len(tagged)}"
    nb.cells.insert(tagged[0] + 1, new_code_cell(SMALL[name]))
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(workdir)}},
    )
    try:
        client.execute()
    finally:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / name).parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, ARTIFACTS / name)
    return nb


def outputs(nb: nbformat.NotebookNode) -> list[dict]:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def text_of(nb: nbformat.NotebookNode) -> str:
    parts = []
    for o in outputs(nb):
        if o.output_type == "stream":
            parts.append(o.text)
        elif "data" in o:
            parts.append(str(o.data.get("text/plain", "")))
    return "\n".join(parts)


def figures(nb: nbformat.NotebookNode) -> list[dict]:
    return [o.data[PLOTLY] for o in outputs(nb) if "data" in o and PLOTLY in o.data]


def check_clean_run(nb: nbformat.NotebookNode) -> None:
    warnings = [o.text for o in outputs(nb) if o.output_type == "stream" and o.name == "stderr"]
    assert not [w for w in warnings if "Warning" in w or "Traceback" in w], warnings


def test_every_notebook_is_committed_with_the_outputs_of_a_clean_run():
    found = sorted(p.relative_to(NOTEBOOKS).as_posix() for p in NOTEBOOKS.rglob("*.ipynb"))
    assert found == sorted(SMALL)
    for name in SMALL:
        nb = nbformat.read(NOTEBOOKS / name, as_version=4)
        nbformat.validate(nb)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert "MECHHOP_SOURCE" in code[0].source, f"{name}: the first code cell installs mechhop (Colab)"
        if name == "workshop/exercises.ipynb":  # the learner's copy: stubs, not run
            assert all(not c.outputs for c in code), f"{name} has stored outputs"
            continue
        # the install cell is exempt: sync rewrites it from pyproject, and in a checkout it does nothing
        missing = [i for i, c in enumerate(code) if i and c.execution_count is None]
        assert not missing, (
            f"{name}: code cells {missing} have no stored run (python scripts/notebooks.py execute)"
        )
        errors = [o for c in code for o in c.outputs if o.output_type == "error"]
        assert not errors, f"{name} stores an error: {errors[0].ename}"


@pytest.mark.real
def test_quickstart(tmp_path):
    nb = execute("01_quickstart.ipynb", tmp_path)
    check_clean_run(nb)
    text = text_of(nb)
    # the notebook's story holds: Heilongjiang is composed, Fujian is not, and a later state patched
    # back fixes it
    groups = next(line for line in text.splitlines() if line.startswith("groups: "))
    assert ast.literal_eval(groups.removeprefix("groups: ")) == {
        "qfb6ee127fa": "correct",
        "q760518cdfd": "incorrect",
    }
    clean, patched = (line for line in text.splitlines() if line.startswith(("clean:", "patched:")))
    assert "Beijing" not in clean and "Beijing" in patched
    shown = figures(nb)
    assert len(shown) == 5
    heatmaps = [f for f in shown if any(t["type"] == "heatmap" for t in f["data"])]
    assert heatmaps and all(
        any(z is not None for t in f["data"] for row in t["z"] for z in row) for f in heatmaps
    )


@pytest.mark.real
def test_recipes(tmp_path):
    nb = execute("02_recipes.ipynb", tmp_path)
    check_clean_run(nb)
    text = text_of(nb)
    assert "RecipeError -> " in text and "out of range" in text  # the mistakes section shows real errors
    assert "no hooks left on the model" in text
    assert "Beijing" in next(line for line in text.splitlines() if line.startswith("patched:"))
    assert len(figures(nb)) == 1


@pytest.mark.real
def test_workshop(tmp_path):
    nb = execute("03_workshop.ipynb", tmp_path)
    check_clean_run(nb)
    assert len(figures(nb)) == 6  # decoding curves, e2 heatmap, knockout, projection, stages, back-patching
    out = tmp_path / "workshop-runs" / "smollm2-135m"
    html = (out / "report.html").read_text()
    assert html.count("Plotly.newPlot") >= 7 and "<script src=" not in html
    assert "Knowledge filtering was not run" not in html
    stored = sorted(p.name.split("-")[0] for p in out.iterdir() if p.is_dir())
    assert stored == ["backpatching"] * 3 + ["knockout", "patchscopes", "projection"]
    runs = out.glob("backpatching-*/run.json")
    sources = sorted(json.loads(p.read_text())["config"]["source"] for p in runs)
    assert sources == ["forward", "placebo", "query"]  # back-patching and its two controls
    text = text_of(nb)
    for control in ("forward", "placebo"):  # the primary test is printed with its verdict
        assert f"real vs {control} control" in text
    assert any(v in text for v in ("above control", "not above control", "inconclusive at this n"))
    assert (out / "knowledge.parquet").exists()  # for `mechhop report --knowledge`
    run = json.loads(next(out.glob("patchscopes-*/run.json")).read_text())
    assert run["config"]["src_layers"] == list(range(0, 30, 5))  # the small settings reached the analyses


def _checks(nb: nbformat.NotebookNode) -> list[str]:
    return [line for line in text_of(nb).splitlines() if line.startswith(("PASS ", "FAIL "))]


@pytest.mark.real
def test_workshop_solutions_pass_every_check(tmp_path):
    nb = execute("workshop/solutions.ipynb", tmp_path)
    check_clean_run(nb)
    checks = _checks(nb)
    assert len(checks) == 5 and all(c.startswith("PASS ") for c in checks), checks
    text = text_of(nb)
    assert "forward    e1 n=100" in text and "-> not above control" in text  # the shipped SmolLM2 data


@pytest.mark.real
def test_workshop_exercises_say_what_to_write(tmp_path):
    nb = execute("workshop/exercises.ipynb", tmp_path, allow_errors=True)
    checks = _checks(nb)
    assert len(checks) == 5 and all(c.startswith("FAIL ") for c in checks), checks
    assert all("NotImplementedError" in c or "expected a mechhop Recipe" in c for c in checks), checks
    errors = {o.evalue for o in outputs(nb) if o.output_type == "error"}
    assert errors and all(e.startswith("Exercise ") for e in errors), errors  # only the stubs raise
