"""The documentation site: it builds in strict mode, offline, with every public name in its API
reference, and no text of the project points outside the repository."""

from __future__ import annotations

import importlib
import inspect
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
