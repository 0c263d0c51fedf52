"""The guides' examples run: every ```python block of docs/guides/*.md, page by page.

The blocks of one page run in order in one namespace (a fresh dict per page), in a fresh working
directory, as a reader would paste them into one session. A block whose first line is
``# doc-test: skip`` is only compiled (it needs what this machine lacks: a Ray cluster's address,
network, a GPU, a large model). Shell examples are ```bash blocks and are not run.
"""

from __future__ import annotations

import re
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
PAGES = sorted(DOCS.glob("guides/*.md"))
SKIP = "# doc-test: skip"
FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w+-]*)[^\n]*$")


@dataclass(frozen=True)
class Block:
    line: int  # 1-based line of the opening fence
    lang: str
    code: str

    @property
    def skipped(self) -> bool:
        return self.code.lstrip().startswith(SKIP)

    def head(self, lines: int = 3) -> str:
        return "\n".join(f"    {text}" for text in self.code.strip("\n").splitlines()[:lines])


def blocks(page: Path) -> list[Block]:
    """The fenced code blocks of ``page``, their indentation (lists, admonitions) removed."""
    found, lines, i = [], page.read_text(encoding="utf-8").splitlines(), 0
    while i < len(lines):
        opening = FENCE.match(lines[i])
        if opening is None:
            i += 1
            continue
        indent, body, j = opening["indent"], [], i + 1
        while j < len(lines) and lines[j].strip() != "```":
            body.append(lines[j][len(indent) :] if lines[j].startswith(indent) else lines[j].lstrip())
            j += 1
        if j == len(lines):
            raise AssertionError(f"{page.name}: the code block opened on line {i + 1} is never closed")
        found.append(Block(i + 1, opening["lang"].lower(), "\n".join(body) + "\n"))
        i = j + 1
    return found


def python_blocks(page: Path) -> list[Block]:
    return [b for b in blocks(page) if b.lang in ("python", "py")]


def test_pages_found() -> None:
    names = {p.stem for p in PAGES}
    assert {"quickstart", "recipes", "models-and-data", "reading-the-report", "scale"} <= names, names


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_blocks_compile(page: Path) -> None:
    """Every python block, skipped ones included, is valid Python (no model needed)."""
    for block in python_blocks(page):
        try:
            compile("\n" * block.line + block.code, str(page), "exec")
        except SyntaxError as err:
            pytest.fail(f"{page.name}, block at line {block.line} does not compile: {err}\n{block.head()}")


@pytest.mark.real
@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_page_examples_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem.replace('-', '_')}"}
    start, ran, failure = time.perf_counter(), 0, ""
    for block in python_blocks(page):
        if block.skipped:
            continue
        # padded so that tracebacks give the page's own line numbers (and show its lines)
        code = compile("\n" * block.line + block.code, str(page), "exec")
        try:
            exec(code, namespace)
        except Exception as err:
            # the page's frames and below, not this test's
            trace = "".join(traceback.format_exception(type(err), err, err.__traceback__.tb_next)[-8:])
            failure = (
                f"{_shown(page)}: the python block at line {block.line} failed "
                f"(after {ran} block(s) of this page ran):\n{block.head()}\n{trace}"
            )
            break
        ran += 1
    if failure:
        pytest.fail(failure, pytrace=False)
    print(f"{page.name}: {ran} blocks in {time.perf_counter() - start:.1f} s")


def _shown(page: Path) -> str:
    try:
        return str(page.relative_to(DOCS.parent))
    except ValueError:
        return str(page)
