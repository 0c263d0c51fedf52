"""The notebooks' install cell, run in a bare virtualenv: each failure says which step failed, and
a folder named mechhop in the working directory (a cloned repository) does not stop the install.
(Its success path runs in CI's Colab job, scripts/colab_stack.sh, against a wheel of the checkout.)"""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def bare(tmp_path_factory) -> tuple[Path, Path]:
    """A virtualenv with nothing installed, and the install cell as a script."""
    folder = tmp_path_factory.mktemp("bare")
    subprocess.run([sys.executable, "-m", "venv", str(folder / "venv")], check=True)
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import notebooks

        cell = folder / "cell.py"
        cell.write_text(notebooks.install_cell(notebooks.repository()))
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    return folder / "venv" / "bin" / "python", cell


def run_cell(bare: tuple[Path, Path], where: Path, source: str) -> subprocess.CompletedProcess[str]:
    python, cell = bare
    env = {**os.environ, "MECHHOP_SOURCE": source, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    # -c, as a notebook runs: the working directory is first on sys.path (where a clone lands)
    code = f"exec(open({str(cell)!r}).read())"
    return subprocess.run([str(python), "-c", code], cwd=where, env=env, capture_output=True, text=True)


def wheel(folder: Path, requires: str) -> Path:
    """A minimal mechhop wheel that needs ``requires`` (a distribution no index has)."""
    path = folder / "mechhop-0.0.1-py3-none-any.whl"
    info = "mechhop-0.0.1.dist-info"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mechhop/__init__.py", "")
        zf.writestr(f"{info}/METADATA", f"Metadata-Version: 2.1\nName: mechhop\nVersion: 0.0.1\n"
                                        f"Provides-Extra: hooked\nRequires-Dist: {requires}\n")  # fmt: skip
        zf.writestr(
            f"{info}/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
        )
        zf.writestr(f"{info}/RECORD", "")
    return path


def test_a_source_that_cannot_be_fetched_is_named(bare, tmp_path):
    missing = f"file://{tmp_path}/no-such/mechhop-0.1.0-py3-none-any.whl"
    result = run_cell(bare, tmp_path, missing)
    assert result.returncode != 0
    assert f"RuntimeError: cannot fetch mechhop from {missing}: put a mechhop-*.whl beside" in result.stderr


def test_a_cloned_mechhop_folder_does_not_count_as_installed(bare, tmp_path):
    (tmp_path / "mechhop" / "mechhop").mkdir(parents=True)  # git clone .../mechhop into the notebook's folder
    (tmp_path / "mechhop" / "mechhop" / "__init__.py").write_text("")
    missing = f"file://{tmp_path}/none.whl"
    result = run_cell(bare, tmp_path, missing)
    assert "cannot fetch mechhop" in result.stderr, result.stderr[-2000:]  # it tried to install


def test_a_wheel_that_does_not_fit_says_so(bare, tmp_path):
    made = wheel(tmp_path, "mechhop-test-no-such-dependency>=99")
    result = run_cell(bare, tmp_path, f"file://{made}")
    assert result.returncode != 0
    assert "RuntimeError: mechhop does not fit this runtime" in result.stderr, result.stderr[-2000:]
