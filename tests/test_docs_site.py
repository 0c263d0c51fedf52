"""The documentation site: it builds in strict mode, offline, with every public name in its API
reference, and no text of the project points outside the repository."""

from __future__ import annotations

import html
import importlib
import inspect
import json
import os
import re
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                           cwd=ROOT, capture_output=True, text=True, env=env)  # fmt: skip
    warnings = [line for line in build.stderr.splitlines() if "WARNING" in line or "ERROR" in line]
    assert build.returncode == 0, "\n".join(warnings) or build.stderr[-3000:]
    return out


def _inventory(site: Path) -> set[str]:
    """Object names in the site's objects.inv (Sphinx's format: 4 header lines, then zlib)."""
    raw = (site / "objects.inv").read_bytes()
    body = raw.split(b"\n", 4)[4]
    return {line.split(" ", 1)[0] for line in zlib.decompress(body).decode().splitlines() if line}


def _documented_modules() -> list[str]:
    pages = (ROOT / "docs" / "reference").glob("*.md")
    return [m for page in pages for m in re.findall(r"^::: ([\w.]+)\s*$", page.read_text(), re.M)]


def test_every_public_name_is_in_the_reference(site):
    names = _inventory(site)
    missing = []
    for module_name in _documented_modules():
        module = importlib.import_module(module_name)
        for name, obj in vars(module).items():
            if name.startswith("_") or not (inspect.isfunction(obj) or inspect.isclass(obj)):
                continue
            if getattr(obj, "__module__", None) == module_name and f"{module_name}.{name}" not in names:
                missing.append(f"{module_name}.{name}")
    import mechhop

    for name, module_name in mechhop._EXPORTS.items():  # what `import mechhop` offers at the top
        if f"{module_name}.{name}" not in names:
            missing.append(f"{module_name}.{name} (mechhop.{name})")
    assert not missing, f"not in docs/reference/: {missing}"


def test_the_site_fetches_nothing_when_read(site):
    external = re.compile(r"<(?:script|link|img|iframe)\b[^>]*(?:src|href)=\"(?:https?:)?//", re.I)
    offenders = [str(p.relative_to(site)) for p in site.rglob("*.html") if external.search(p.read_text())]
    assert not offenders, offenders


def test_no_text_of_the_project_points_outside_the_repository():
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    texts = [p for p in tracked if p.endswith((".py", ".md", ".ipynb", ".tsv", ".sh", ".yml", ".toml"))]
    outside = re.compile(r"\.\./shared|METHOD\.md")
    hits = [p for p in texts if outside.search((ROOT / p).read_text(errors="ignore"))]
    assert hits == [], hits


def test_every_notebook_is_a_page_with_its_stored_outputs(site):
    sys.path.insert(0, str(ROOT / "scripts"))
    from docs_notebooks import notebook_pages

    pages = notebook_pages()
    assert {p.relative_to(ROOT).as_posix() for p in pages.values()} == {
        p.relative_to(ROOT).as_posix() for p in (ROOT / "notebooks").rglob("*.ipynb")}  # fmt: skip
    nav = (ROOT / "mkdocs.yml").read_text()
    assert [uri for uri in pages if uri not in nav] == [], "notebook pages missing from mkdocs.yml nav"
    assert (site / "assets" / "plotly.min.js").stat().st_size > 1_000_000
    for uri, notebook in pages.items():
        page = (site / Path(uri).with_suffix("") / "index.html").read_text()
        outputs = [o for c in json.loads(notebook.read_text())["cells"] for o in c.get("outputs", [])]
        figures = sum("application/vnd.plotly.v1+json" in o.get("data", {}) for o in outputs)
        html_only = [o for o in outputs if "text/html" in o.get("data", {})]
        tables = sum("application/vnd.plotly.v1+json" not in o["data"] for o in html_only)
        assert page.count('class="nb-figure"') == figures, uri
        assert page.count("Plotly.newPlot(") == figures, uri
        assert page.count('class="nb-output"') == tables, uri
        assert ("plotly.min.js" in page) == (figures > 0), uri
        streams = [o for o in outputs if o["output_type"] == "stream"]
        for out in streams[:3]:  # stored printed text appears on the page
            lines = "".join(out["text"]).split("\n")
            line = next((s.strip() for s in lines if len(s.strip()) > 12 and "\r" not in s), None)
            if line:
                assert html.escape(line, quote=False) in page or line in page, (uri, line)
