"""The workshop pack (mechhop/workshop/pack.py): both notebooks from one source, the layout's rules,
and the committed notebooks equal to what the source gives (scripts/notebooks.py check)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mechhop.workshop.pack import PackError, build_pack, exercises, parse_source

ROOT = Path(__file__).resolve().parents[1]
SOURCE = (ROOT / "notebooks" / "workshop" / "source.py").read_text()

TOY = """\
# %% [markdown]
# # Toy
# %% [markdown] exercise difficulty=2 minutes=10
# ## Exercise 1: add
# <details><summary>Hint</summary>a + b</details>
# %% parameters
N = 3
# %%
def add(a, b):
    # >>> exercise
    raise NotImplementedError
    # <<< exercise
    # >>> solution
    return a + b
    # <<< solution
print(add(1, N))
# %% [markdown] solution-only
# The answer is 4.
"""


def _code(nb) -> list[str]:
    return [c.source for c in nb.cells if c.cell_type == "code"]


def test_one_source_gives_two_notebooks_that_differ_only_in_the_marked_blocks():
    pack = build_pack(TOY)
    ex, sol = pack["exercises.ipynb"], pack["solutions.ipynb"]
    assert _code(ex)[1] == "def add(a, b):\n    raise NotImplementedError\nprint(add(1, N))"
    assert _code(sol)[1] == "def add(a, b):\n    return a + b\nprint(add(1, N))"
    assert "The answer is 4." in sol.cells[-1].source and "The answer is 4." not in str(ex)
    assert ex.cells[1].source.startswith("## Exercise 1: add\n\n**Difficulty** ●●○○○ · **Time** about 10 min")
    assert sol.cells[2].metadata["tags"] == ["parameters"]
    assert build_pack(TOY)["solutions.ipynb"] == sol  # a rebuild is the same notebook (stable ids)


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("# %%\n    # >>> solution\nx = 1\n", "line 1: the solution block is never closed"),
        ("# %%\nx = 1\n# <<< solution\n", "line 3: '# <<< solution' closes no open block"),
        ("# %%\n# >>> solution\n# >>> exercise\n", "line 3: '# >>> exercise' inside an open solution block"),
        ("# %% [markdown] exercise minutes=5\n# ## E\n", "line 1: an exercise heading is a markdown cell"),
        ("# %% [markdown] exercise difficulty=7 minutes=5\n# ## E\n", "difficulty runs from 1 to 5, got 7"),
        ("# %% solutions-only\nx = 1\n", "line 1: unknown cell option 'solutions-only'"),
        ("x = 1\n# %%\n", "line 1: text before the first '# %%'"),
        ("# %% [markdown]\nnot a comment\n", "line 2: a markdown cell's lines start with '# '"),
    ],
)
def test_layout_errors_name_the_line(source, message):
    with pytest.raises(PackError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_source(source)


def test_the_workshop_has_five_exercises_each_with_budget_hint_and_check():
    cells = parse_source(SOURCE)
    headings = exercises(SOURCE)
    assert len(headings) == 5
    assert all(h.difficulty and h.minutes and "<summary>Hint" in h.text for h in headings)  # or tiered
    for heading in headings:  # the code after each heading calls a check
        after = cells[cells.index(heading) + 1 :]
        until = next((i for i, c in enumerate(after) if "exercise" in c.options), len(after))
        assert any("check_" in c.text for c in after[:until] if c.kind == "code"), heading.text[:40]
    pack = build_pack(SOURCE)
    exercise_code = "\n".join(_code(pack["exercises.ipynb"]))
    solution_code = "\n".join(_code(pack["solutions.ipynb"]))
    assert exercise_code.count("NotImplementedError(") == 4 and "NotImplementedError(" not in solution_code
    assert "# >>>" not in exercise_code + solution_code and "# <<<" not in exercise_code + solution_code


def test_committed_notebooks_are_what_their_sources_give():
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "notebooks.py"), "check"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout + done.stderr
