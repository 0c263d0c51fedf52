"""MkDocs hook: the committed notebooks, with their stored outputs, as pages of the docs site.

mkdocs.yml names this file under ``hooks:``. Each notebook under notebooks/ becomes the page
``notebooks/<same path>.md``, made at build time from the .ipynb, so no exported copy can drift.
Nothing is fetched when a page is read: Plotly figures draw with the plotly.js that the installed
plotly package carries (copied to ``assets/plotly.min.js``), tables are the stored HTML, and the
"Open in Colab" badge becomes a text link (its image lives on Google's servers).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
PLOTLY_JS = "assets/plotly.min.js"
BADGE = re.compile(r"\[!\[Open In Colab\]\([^)]*\)\]\(([^)]*)\)")


def notebook_pages() -> dict[str, Path]:
    """Site path of each page -> its notebook, e.g. ``notebooks/workshop/solutions.md``."""
    found = [p for p in sorted(NOTEBOOKS.rglob("*.ipynb")) if ".ipynb_checkpoints" not in p.parts]
    return {p.relative_to(ROOT).with_suffix(".md").as_posix(): p for p in found}


def _text(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "".join(value)


def _fenced(text: str, lang: str) -> str:
    fence = "`" * max(3, 1 + max((len(m) for m in re.findall(r"`+", text)), default=0))
    return f"{fence}{lang}\n{text.rstrip()}\n{fence}"


def _terminal(text: str) -> str:
    """Stream text as a terminal would leave it: each carriage return rewrites its line (progress bars)."""
    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", text)
    return "\n".join(line.rsplit("\r", 1)[-1] for line in text.split("\n"))


def _output(out: dict[str, Any], figure_id: str) -> str:
    kind = out["output_type"]
    if kind == "stream":
        return _fenced(_terminal(_text(out["text"])), "text")
    if kind == "error":
        trace = "\n".join(out.get("traceback", [])) or f"{out['ename']}: {out['evalue']}"
        return _fenced(_terminal(trace), "text")
    data = out.get("data", {})
    if "application/vnd.plotly.v1+json" in data:
        fig = data["application/vnd.plotly.v1+json"]
        spec = json.dumps({"data": fig.get("data", []), "layout": fig.get("layout", {})})
        spec = spec.replace("</", "<\\/")  # a "</script>" inside a label must not end the script
        return (f'<div class="nb-figure" id="{figure_id}"></div>\n'
                f'<script>Plotly.newPlot("{figure_id}", ...(s => [s.data, s.layout])({spec}),'
                ' {"responsive": true, "displaylogo": false});</script>')  # fmt: skip
    if "image/png" in data:
        return f'<img alt="figure" src="data:image/png;base64,{_text(data["image/png"]).strip()}">'
    if "text/html" in data:
        return f'<div class="nb-output" markdown="0">\n{_text(data["text/html"]).strip()}\n</div>'
    if "text/plain" in data:
        return _fenced(_text(data["text/plain"]), "text")
    return ""


def page_markdown(notebook: Path, src_uri: str) -> str:
    """The markdown of one notebook's page: cells in order, each code cell followed by its stored outputs."""
    nb = json.loads(notebook.read_text())
    parts: list[str] = []
    figures = 0
    for cell in nb["cells"]:
        source = _text(cell["source"])
        if cell["cell_type"] == "markdown":
            parts.append(BADGE.sub(r"[Open in Colab](\1)", source))
        elif cell["cell_type"] == "code" and source.strip():
            parts.append(_fenced(source, "python"))
            for out in cell.get("outputs", []):
                figures += "application/vnd.plotly.v1+json" in out.get("data", {})
                parts.append(_output(out, f"figure-{figures}"))
    note = f"*This page is `{notebook.relative_to(ROOT).as_posix()}` with the outputs stored in it.*"
    parts[1:1] = [note]  # after the title
    if figures:  # directory URLs: notebooks/01_quickstart.md is served at notebooks/01_quickstart/
        up = "../" * len(Path(src_uri).with_suffix("").parts)
        parts.insert(0, f'<script src="{up}{PLOTLY_JS}"></script>')
    return "\n\n".join(parts) + "\n"


def on_files(files, config):  # MkDocs' hook: add the pages and plotly.js to the site's files
    from mkdocs.structure.files import File

    for src_uri, notebook in notebook_pages().items():
        files.append(File.generated(config, src_uri, content=page_markdown(notebook, src_uri)))
    import plotly

    bundled = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    files.append(File.generated(config, PLOTLY_JS, abs_src_path=str(bundled)))
    return files
