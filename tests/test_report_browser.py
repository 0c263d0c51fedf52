"""The HTML report in headless Chromium, opened from disk: every plot renders, no console errors, no network.

Needs the Debian packages ``chromium`` and ``chromium-driver`` and the PyPI package ``selenium``.
Without them the test is skipped, unless ``MECHHOP_REQUIRE_BROWSER=1`` (CI) makes that a failure.
A screenshot of the whole page is saved as ``artifacts/report.png`` (with ``artifacts/report.html``).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from mechhop.present.report import build_report
from tests.test_report import FIGURES, GROUPS, KNOWLEDGE, run_tiny_analyses

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
DRIVER = shutil.which("chromedriver")
# flags that work in a container as root without a display or network
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--window-size=1400,1000",
)  # fmt: skip


def _missing() -> str | None:
    if importlib.util.find_spec("selenium") is None:
        return "selenium is not installed (pip install selenium)"
    if CHROMIUM is None or DRIVER is None:
        return "chromium / chromedriver not found (apt-get install chromium chromium-driver)"
    return None


@pytest.fixture(scope="module")
def browser():
    why = _missing()
    if why:
        if os.environ.get("MECHHOP_REQUIRE_BROWSER") == "1":
            pytest.fail(f"MECHHOP_REQUIRE_BROWSER=1 but {why}")
        pytest.skip(why)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    profile = tempfile.mkdtemp(prefix="mechhop-chromium-")
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def check_rendered(browser, path: Path, figures: int, shot: Path) -> None:
    """Load ``path`` from disk: ``figures`` plots drew their data, no console errors, no network."""
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(path.resolve().as_uri())
    count = "return document.querySelectorAll('.plotly-graph-div').length"
    rendered = "return document.querySelectorAll('.plotly-graph-div .main-svg').length"
    WebDriverWait(browser, 60).until(lambda d: d.execute_script(rendered) >= 2 * d.execute_script(count))

    assert browser.execute_script("return typeof Plotly") == "object"
    assert browser.execute_script(count) == figures
    marks = "'.heatmaplayer image, .scatterlayer path, .boxlayer path'"
    plots = browser.execute_script(
        """return Array.from(document.querySelectorAll('.plotly-graph-div')).map(div => {
             const box = div.getBoundingClientRect();
             return {id: div.id, svgs: div.querySelectorAll('.main-svg').length, width: box.width,
                     height: box.height, traces: (div.data || []).length,
                     marks: div.querySelectorAll(MARKS).length};
           });""".replace("MARKS", marks)
    )
    for p in plots:  # each plot drew its SVG layers and its data
        assert p["svgs"] > 0 and p["width"] > 100 and p["height"] > 100 and p["traces"] > 0, p
        assert p["marks"] > 0, p

    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(r => r.name)")
    assert [r for r in resources if r.startswith(("http:", "https:"))] == []  # nothing from the network

    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1400, min(int(height), 16000))
    assert browser.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    browser.set_window_size(1400, 1000)


def test_report_renders_in_chromium(browser, tmp_path):
    results = run_tiny_analyses(tmp_path / "runs")
    ARTIFACTS.mkdir(exist_ok=True)
    notes = "Rendered by tests/test_report_browser.py on the tiny model."
    path = build_report(ARTIFACTS / "report.html", knowledge=KNOWLEDGE, groups=GROUPS, notes=notes, **results)
    check_rendered(browser, path, len(FIGURES), ARTIFACTS / "report.png")
    ids = browser.execute_script(
        "return Array.from(document.querySelectorAll('.plotly-graph-div')).map(d => d.id)"
    )
    assert sorted(ids) == sorted(FIGURES)


@pytest.mark.real
def test_demo_report_renders_in_chromium(browser, tmp_path):
    """`mechhop demo` (small settings: every 5th layer) on SmolLM2, then its report in the browser;
    screenshot kept. 600 queries (the default) give a sample whose queries reach some stage, so
    the stage figure has marks to render."""
    from typer.testing import CliRunner

    from mechhop.apps.cli import app

    out = tmp_path / "demo"
    result = CliRunner().invoke(
        app, ["demo", "--evaluate", "600", "--per-group", "1", "--layer-step", "5", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    # per position, each beside its forward and placebo controls, then the primary test's verdicts
    for position in ("e1", "last"):
        rescue = rf"back-patching at {position} rescues \d+/\d+ .*"
        controls = r"; forward control \d+/\d+ .*; placebo control \d+/\d+ .*; random control \d+/\d+"
        assert re.search(rescue + controls, result.output)
    verdict = r"(above control|below control|not above control|inconclusive at this n)"
    amended = r"primary test \(amendment 1\), \w+ at e1 vs placebo: n=\d+ in \d+ bridges?, .*: "
    assert re.search(amended + verdict + r" \(registered median rule: " + verdict + r"\)", result.output)
    # long steps show progress bars with elapsed<remaining time (filtering, every analysis)
    controls = tuple(rf"back-patching \({c} control\)" for c in ("forward", "placebo", "random"))
    steps = ("generating", "back-patching", *controls, "patchscopes", "knockout")
    for step in steps:
        assert re.search(rf"{step}: .*\d\d:\d\d<\d\d:\d\d", result.output), step
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copy(out / "report.html", ARTIFACTS / "demo-report.html")
    check_rendered(browser, out / "report.html", len(FIGURES), ARTIFACTS / "demo-report.png")
