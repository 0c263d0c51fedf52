"""The workshop pack from one source: an exercise notebook and a solution notebook that cannot drift.

The source (notebooks/workshop/source.py) is a Python file in the "percent" layout: each cell
starts with a line ``# %%``, markdown cells with ``# %% [markdown]`` and their lines commented.
Words after the marker set the cell's options:

- ``exercise difficulty=2 minutes=15`` (markdown): an exercise's heading; the pack writes its
  difficulty (1 to 5) and time budget under the heading's first line;
- ``solution-only`` / ``exercise-only``: the cell appears in one notebook only (an answer key,
  say);
- ``parameters``: the code cell's tag (the notebooks' settings, papermill's convention).

Inside a code cell, lines between ``# >>> solution`` and ``# <<< solution`` go to the solution
notebook only, lines between ``# >>> exercise`` and ``# <<< exercise`` to the exercise notebook
only; the markers themselves to neither. Everything else goes to both, so a change to the shared
code is a change to both notebooks. ``python scripts/notebooks.py sync`` writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from mechhop.errors import MechhopError

Variant = Literal["exercises", "solutions"]
VARIANTS: tuple[Variant, ...] = ("exercises", "solutions")
FILES: dict[Variant, str] = {"exercises": "exercises.ipynb", "solutions": "solutions.ipynb"}
_OPTION = re.compile(r"^(exercise|solution-only|exercise-only|parameters|difficulty=\d+|minutes=\d+)$")
_BLOCK = re.compile(r"^\s*# (>>>|<<<) (solution|exercise)\s*$")
_FULL, _EMPTY = "●", "○"


class PackError(MechhopError):
    """The workshop source breaks a rule of the layout; the message names the line."""


@dataclass(frozen=True)
class SourceCell:
    """One cell of the source: its kind, options and text as written, and its first line number."""

    kind: Literal["markdown", "code"]
    line: int
    text: str
    options: frozenset[str] = field(default_factory=frozenset)
    difficulty: int | None = None
    minutes: int | None = None

    def keep(self, variant: Variant) -> bool:
        other = "exercise-only" if variant == "solutions" else "solution-only"
        return other not in self.options

    def render(self, variant: Variant) -> str:
        if self.kind == "markdown":
            return self._heading() if "exercise" in self.options else self.text
        return _select(self.text, variant, self.line)

    def _heading(self) -> str:
        first, _, rest = self.text.partition("\n")
        level = _FULL * (self.difficulty or 0) + _EMPTY * (5 - (self.difficulty or 0))
        budget = f"**Difficulty** {level} · **Time** about {self.minutes} min"
        return f"{first}\n\n{budget}\n\n{rest.lstrip()}".rstrip()


def _select(text: str, variant: Variant, first_line: int) -> str:
    """The code of one variant: the other variant's blocks and every marker removed."""
    keep = "solution" if variant == "solutions" else "exercise"
    out, inside = [], None
    for offset, line in enumerate(text.split("\n")):
        marker = _BLOCK.match(line)
        where = f"line {first_line + offset + 1}"
        if marker and marker.group(1) == ">>>":
            if inside is not None:
                raise PackError(f"{where}: '# >>> {marker.group(2)}' inside an open {inside} block.")
            inside = marker.group(2)
        elif marker:
            if inside != marker.group(2):
                raise PackError(f"{where}: '# <<< {marker.group(2)}' closes no open block of that name.")
            inside = None
        elif inside is None or inside == keep:
            out.append(line)
    if inside is not None:
        raise PackError(
            f"the cell at line {first_line}: the {inside} block is never closed ('# <<< {inside}')."
        )
    return "\n".join(out).strip("\n")


def parse_source(source: str) -> list[SourceCell]:
    """The cells of a workshop source, checked: unknown options, exercises without a difficulty
    (1-5) or a time budget, and unclosed blocks are errors that name the line."""
    cells: list[SourceCell] = []
    header: tuple[int, list[str]] | None = None
    body: list[str] = []

    def close() -> None:
        if header is None:
            return
        line, words = header
        kind: Literal["markdown", "code"] = "markdown" if words[:1] == ["[markdown]"] else "code"
        words = words[1:] if kind == "markdown" else words
        bad = [w for w in words if not _OPTION.match(w)]
        if bad:
            raise PackError(f"line {line}: unknown cell option {bad[0]!r} (options: exercise difficulty=N "
                            "minutes=M, solution-only, exercise-only, parameters).")  # fmt: skip
        values = dict(w.split("=") for w in words if "=" in w)
        difficulty = int(values["difficulty"]) if "difficulty" in values else None
        minutes = int(values["minutes"]) if "minutes" in values else None
        if "exercise" in words and (kind != "markdown" or difficulty is None or minutes is None):
            raise PackError(
                f"line {line}: an exercise heading is a markdown cell with difficulty=N and minutes=M."
            )
        if difficulty is not None and not 1 <= difficulty <= 5:
            raise PackError(f"line {line}: difficulty runs from 1 to 5, got {difficulty}.")
        lines = [_uncomment(x, line + i + 1) for i, x in enumerate(body)] if kind == "markdown" else body
        text = "\n".join(lines).strip("\n")
        if kind == "code":
            _select(text, "solutions", line)  # check the blocks once, whatever the variant
        options = frozenset(w for w in words if "=" not in w)
        cells.append(SourceCell(kind, line, text, options, difficulty, minutes))

    for number, raw in enumerate(source.split("\n"), start=1):
        if raw.startswith("# %%"):
            close()
            header, body = (number, raw[4:].split()), []
        elif header is None:
            if raw.strip():
                raise PackError(f"line {number}: text before the first '# %%' cell marker.")
        else:
            body.append(raw)
    close()
    if not cells:
        raise PackError("the workshop source has no cells ('# %%' lines).")
    return cells


def _uncomment(line: str, number: int) -> str:
    if line == "#" or not line.strip():
        return ""
    if not line.startswith("# "):
        raise PackError(f"line {number}: a markdown cell's lines start with '# ', got {line!r}.")
    return line[2:]


def build_pack(source: str) -> dict[str, object]:
    """``{"exercises.ipynb": notebook, "solutions.ipynb": notebook}`` (nbformat v4 nodes)."""
    import nbformat
    from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

    cells = parse_source(source)
    out: dict[str, object] = {}
    for variant in VARIANTS:
        nb = new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.metadata["language_info"] = {"name": "python"}
        for cell in cells:
            if not cell.keep(variant):
                continue
            text = cell.render(variant)
            if cell.kind == "markdown":
                nb.cells.append(new_markdown_cell(text))
            else:
                code = new_code_cell(text)
                if "parameters" in cell.options:
                    code.metadata["tags"] = ["parameters"]
                nb.cells.append(code)
        for i, node in enumerate(nb.cells):  # stable ids: a rebuild of the same source is the same file
            node["id"] = f"{variant[:3]}-{i:03d}"
        nbformat.validate(nb)
        out[FILES[variant]] = nb
    return out


def exercises(source: str) -> list[SourceCell]:
    """The exercise headings of a source, in order (the instructor page lists them)."""
    return [c for c in parse_source(source) if "exercise" in c.options]
