"""Interactive plotly figures of the analyses' tables, and their offline export.

Every function takes the tidy table an analysis returns (or its
:class:`~mechhop.engine.runs.AnalysisResult`) and returns a ``plotly.graph_objects.Figure``;
nothing here needs the model. The figures are those of Biran et al., "Hopping Too
Late" (EMNLP 2024); see the pages of ``docs/method/``.

:func:`layer_heatmap`
    A source layer x target layer grid (x = ``src_layer``, y = ``tgt_layer``) of the share
    of rows where a condition holds. For back-patching (docs/method/backpatching.md) the
    condition is ``"success"``: a state taken from a *later* layer ``src_layer`` and patched
    into an *earlier* layer ``tgt_layer`` makes the model answer e3. Cells with
    ``src_layer <= tgt_layer`` are never computed and stay blank (not 0). For Patchscopes
    (docs/method/patchscopes.md) the condition is a label such as ``"e2"``: the share of generations
    describing e2 when the state from ``src_layer`` is read at ``tgt_layer`` of the
    description prompt. Hover: the share, ``k of n`` rows, and up to two generations.
:func:`knockout_curves`
    Attention knockout (docs/method/knockout.md): per layer, the share of queries whose answer changes
    when attention from the last position to e1 / r1 / r2 is blocked in a window of layers
    around it. A rise marks the layers where information moves from that mention.
:func:`projection_curves`
    Sublayer projection (docs/method/projection.md): per layer, the share of queries whose attention or
    MLP output, read through the unembedding, ranks e2, e3 or the predicted token first.
:func:`decoding_curves`
    Patchscopes by source layer (docs/method/patchscopes.md): the share of queries for which e2 / e3
    is decoded from
    that layer at *some* target layer (and seed). The paper finds e2 decodable from t1
    early, e3 from t2 only later, and later still for composition-incorrect queries.
:func:`stage_boxplot`
    The paper's main figure (docs/method/stages.md): per stage (first hop, propagation, second hop,
    extraction) the layers at which it happens, composition-correct vs incorrect side by
    side. "Hopping too late": the second hop resolves late, and later when the model errs.
:func:`query_explorer`
    One query at a glance: its Patchscopes label grid (e1 / e2 / e3 / other) and its
    back-patching success grid, with each generation in the hover.

:func:`save_figure` writes PNG / SVG / PDF through kaleido (``kaleido==0.2.1`` bundles its
own Chromium and works offline; ``kaleido>=1`` needs an installed Chrome), or HTML with
plotly.js inline. :func:`to_html_fragment` and :func:`plotlyjs_script` embed figures in a
page that needs no network: plotly.js goes inline once, each figure as a ``<div>``.

    >>> fig = layer_heatmap(bp.table, "success", facet="position", groups=groups)
    >>> save_figure(fig, "backpatching.png")
"""

from __future__ import annotations

import functools
import html
import importlib.metadata
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias

import pandas as pd
import plotly
import plotly.graph_objects as go
import plotly.io as pio
from packaging.version import Version
from plotly.subplots import make_subplots

from mechhop.analyses.knockout import summarize_knockout
from mechhop.analyses.patchscopes import LABELS
from mechhop.analyses.projection import summarize_projection
from mechhop.analyses.stages import STAGES
from mechhop.engine.runs import AnalysisResult
from mechhop.errors import MechhopError

Table: TypeAlias = "pd.DataFrame | AnalysisResult"

__all__ = [
    "decoding_curves",
    "decoding_rates",
    "knockout_curves",
    "layer_curves",
    "layer_heatmap",
    "plotlyjs_script",
    "projection_curves",
    "query_explorer",
    "save_figure",
    "stage_boxplot",
    "to_html_fragment",
]

TEMPLATE = "plotly_white"  # white background: a blank (never computed) cell reads as blank
LABEL_COLORS: dict[str, str] = {"e1": "#1f77b4", "e2": "#ff7f0e", "e3": "#2ca02c", "other": "#d0d0d0"}
SUCCESS_COLORS: tuple[str, str] = ("#bdbdbd", "#2ca02c")  # fail, success
GROUP_COLORS: dict[str, str] = {"correct": "#1b9e77", "incorrect": "#d95f02", "all": "#4c72b0"}
PALETTE: tuple[str, ...] = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
)  # fmt: skip
DASHES: tuple[str, ...] = ("solid", "dash", "dot", "dashdot", "longdash")
# Columns that split one run into different experiments: averaging across them would mix them.
SPLIT_COLUMNS: tuple[str, ...] = ("source", "position", "target", "target_prompt")
STATIC_FORMATS: tuple[str, ...] = ("png", "svg", "pdf", "jpeg", "webp")

_PRODUCERS: dict[str, str] = {
    "query_id": "every mechhop analysis",
    "layer": "knockout or sublayer_projection",
    "src_layer": "patchscopes or backpatching",
    "tgt_layer": "patchscopes or backpatching",
    "generation": "patchscopes, backpatching or knockout",
    "label": "mechhop.analyses.patchscopes.patchscopes",
    "source": "mechhop.analyses.patchscopes.patchscopes",
    "seed": "mechhop.analyses.patchscopes.patchscopes",
    "success": "mechhop.analyses.backpatching.backpatching",
    "position": "mechhop.analyses.backpatching.backpatching",
    "target": "mechhop.analyses.backpatching.backpatching",
    "query_set": "mechhop.analyses.knockout.knockout",
    "key": "mechhop.analyses.knockout.knockout",
    "sublayer": "mechhop.analyses.projection.sublayer_projection",
    **{stage: "mechhop.analyses.stages.stage_layers" for stage in STAGES},
}


# -- shared helpers --------------------------------------------------------------------------


def _frame(table: Table, needed: Iterable[str], what: str) -> pd.DataFrame:
    """The DataFrame behind ``table``, checked for the columns ``what`` needs."""
    frame = table.table if isinstance(table, AnalysisResult) else table
    if not isinstance(frame, pd.DataFrame):
        raise MechhopError(
            f"{what} takes a pandas DataFrame or an AnalysisResult, not {type(table).__name__}."
        )
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        sources = sorted({_PRODUCERS.get(c, "no mechhop analysis") for c in missing})
        raise MechhopError(
            f"{what} needs the column(s) {missing}, which {' / '.join(sources)} produces; "
            f"the table has {list(frame.columns)}."
        )
    if frame.empty:
        raise MechhopError(f"{what} got an empty table; run the analysis on at least one query.")
    return frame


def _with_groups(frame: pd.DataFrame, groups: Mapping[str, str] | None, what: str) -> pd.DataFrame:
    """``frame`` with a ``group`` column from ``groups``; queries without a group are left out."""
    if groups is None:
        return frame
    out = frame.assign(group=frame["query_id"].map(dict(groups)))
    if out["group"].isna().all():
        raise MechhopError(
            f"{what}: none of the table's query ids is in `groups` (e.g. {sorted(frame['query_id'])[:3]}); "
            "groups maps query id -> 'correct' / 'incorrect'."
        )
    return out[out["group"].notna()]


def _ordered(values: Iterable[Any]) -> list[Any]:
    """Distinct values in a stable, readable order (correct before incorrect, e1 before last)."""
    preferred = ["correct", "incorrect", "e1", "r1", "e2", "r2", "e3", "last", "other", "predicted", "attn"]
    # numpy scalars become Python ones: tidy in titles and error messages
    distinct = list(dict.fromkeys(v.item() if hasattr(v, "item") else v for v in values if not pd.isna(v)))
    rank = {v: i for i, v in enumerate(preferred)}
    return sorted(distinct, key=lambda v: (rank.get(v, len(rank)), str(v)))


def _color_map(values: Sequence[Any]) -> dict[Any, str]:
    """A colour per value: fixed ones for groups, entities and the prediction, distinct others."""
    fixed = {**GROUP_COLORS, **LABEL_COLORS, "predicted": "#9467bd"}
    out = {v: fixed[v] for v in values if isinstance(v, str) and v in fixed}
    spare = iter([c for c in PALETTE if c not in out.values()])
    for v in values:
        if v not in out:
            out[v] = next(spare, PALETTE[len(out) % len(PALETTE)])
    return out


def _clip(text: Any, limit: int) -> str:
    """Generation text safe for a hover label: one line, HTML-escaped, at most ``limit`` characters."""
    flat = " ".join(str(text).split())
    flat = flat if len(flat) <= limit else flat[: limit - 1] + "…"
    return html.escape(flat)


def _check_split(frame: pd.DataFrame, facets: Sequence[str], what: str) -> None:
    for column in SPLIT_COLUMNS:
        if column in frame and column not in facets and frame[column].nunique() > 1:
            values = _ordered(frame[column].unique())
            raise MechhopError(
                f"{what}: the table mixes {column} values {values}; they would be averaged together. "
                f"Pass facet={column!r}, or filter the table (table[table[{column!r}] == {values[0]!r}])."
            )


# -- layer x layer heatmaps ------------------------------------------------------------------


def _condition(frame: pd.DataFrame, value: str) -> tuple[pd.Series, str]:
    """The boolean per row that ``value`` names, and a description for titles."""
    if value in frame.columns:
        column = frame[value]
        if not pd.api.types.is_bool_dtype(column):
            raise MechhopError(
                f"Column {value!r} is not boolean (dtype {column.dtype}); layer_heatmap shows the share of "
                "rows where a boolean column holds (e.g. 'success') or a Patchscopes label (e.g. 'e2')."
            )
        return column.astype(bool), f"share of rows where {value}"
    if "label" in frame.columns:
        known = sorted({*LABELS, *frame["label"].dropna().unique()})
        if value not in known:
            raise MechhopError(f"Unknown label {value!r}; the Patchscopes labels are {known}.")
        return frame["label"] == value, f"share of generations describing {value}"
    raise MechhopError(
        f"layer_heatmap: {value!r} is neither a boolean column of the table nor a Patchscopes label "
        f"(the table has no 'label' column); columns: {list(frame.columns)}."
    )


def _cell_hover(frame: pd.DataFrame, hit: pd.Series, keys: list[str], has_label: bool) -> dict[tuple, str]:
    """Per cell: up to two example generations, rows where the condition holds first."""
    if "generation" not in frame.columns:
        return {}
    marked = frame.assign(mechhop_hit=hit.to_numpy())
    # hits first, then a stable order, so the examples are reproducible
    picked = marked.sort_values([*keys, "mechhop_hit"], ascending=[True] * len(keys) + [False], kind="stable")
    picked = picked.groupby(keys, sort=False).head(2)

    def line(row: Any) -> str:
        mark = "✓" if row.mechhop_hit else "✗"
        extra = f" → {row.label}" if has_label else ""
        seed = f" seed {row.seed}" if "seed" in frame.columns else ""
        return f"{mark} {html.escape(str(row.query_id))}{seed}{extra}: “{_clip(row.generation, 70)}”"

    lines = pd.Series([line(r) for r in picked.itertuples(index=False)], index=picked.index)
    return lines.groupby([picked[k] for k in keys], sort=False).agg("<br>".join).to_dict()


def _panel_titles(
    col_values: list[Any], row_values: list[Any], col_key: str | None, row_key: str | None
) -> list[str]:
    titles = []
    for r in row_values:
        for c in col_values:
            parts = [f"{row_key}={r}" if row_key else "", f"{col_key}={c}" if col_key else ""]
            titles.append(", ".join(p for p in parts if p))
    return titles


def layer_heatmap(
    table: Table,
    value: str,
    *,
    facet: str | None = None,
    groups: Mapping[str, str] | None = None,
    title: str | None = None,
) -> go.Figure:
    """Share of rows where ``value`` holds, per (``src_layer``, ``tgt_layer``): x source, y target.

    ``value`` is a boolean column (``"success"`` of back-patching) or a Patchscopes label
    (``"e2"``: the share of rows whose ``label`` is e2, over queries and seeds). ``facet`` draws
    one panel per value of a column (``"source"``, ``"position"``, ``"target"``) or per group
    (``"group"``, with ``groups``: query id -> ``"correct"`` / ``"incorrect"``); with both a
    column facet and ``groups``, groups are rows and the column's values columns. Cells without
    rows (e.g. ``src_layer <= tgt_layer`` in back-patching) are blank, not 0.
    """
    frame = _frame(table, ("query_id", "src_layer", "tgt_layer"), "layer_heatmap")
    if facet == "group" and groups is None:
        raise MechhopError("facet='group' needs groups: a mapping query id -> 'correct' / 'incorrect'.")
    if facet is not None and facet != "group" and facet not in frame.columns:
        raise MechhopError(
            f"layer_heatmap: cannot facet by {facet!r}; the table has no such column "
            f"(columns: {list(frame.columns)}; or 'group' with groups)."
        )
    frame = _with_groups(frame, groups, "layer_heatmap")
    hit, description = _condition(frame, value)
    col_key = facet if facet not in (None, "group") else ("group" if groups is not None else None)
    row_key = "group" if groups is not None and col_key != "group" else None
    _check_split(frame, [k for k in (col_key, row_key) if k], "layer_heatmap")

    keys = [k for k in (row_key, col_key) if k] + ["src_layer", "tgt_layer"]
    by = [frame[k] for k in keys]
    counts = hit.groupby(by).agg(["sum", "size"])
    stats = {
        cell: (int(k), int(n)) for cell, k, n in zip(counts.index, counts["sum"], counts["size"], strict=True)
    }
    hover = _cell_hover(frame, hit, keys, "label" in frame.columns and value not in frame.columns)
    xs = sorted(frame["src_layer"].unique().tolist())
    ys = sorted(frame["tgt_layer"].unique().tolist())
    col_values = _ordered(frame[col_key]) if col_key else [None]
    row_values = _ordered(frame[row_key]) if row_key else [None]

    fig = make_subplots(
        rows=len(row_values), cols=len(col_values), shared_xaxes=True, shared_yaxes=True,
        subplot_titles=_panel_titles(col_values, row_values, col_key, row_key) if keys[:-2] else None,
        horizontal_spacing=0.06, vertical_spacing=0.1,
    )  # fmt: skip
    for r, row_value in enumerate(row_values, start=1):
        for c, col_value in enumerate(col_values, start=1):
            prefix = tuple(v for v, k in ((row_value, row_key), (col_value, col_key)) if k)
            z: list[list[float | None]] = []
            text: list[list[str]] = []
            for y in ys:
                z_row: list[float | None] = []
                text_row: list[str] = []
                for x in xs:
                    cell = (*prefix, x, y)
                    if cell not in stats:
                        z_row.append(None)  # never computed: blank, not 0
                        text_row.append("")
                        continue
                    k, n = stats[cell]
                    z_row.append(k / n)
                    examples = hover.get(cell, "")
                    text_row.append(
                        f"src_layer {x} → tgt_layer {y}<br><b>{k / n:.0%}</b> ({k} of {n} rows)"
                        + (f"<br>{examples}" if examples else "")
                    )
                z.append(z_row)
                text.append(text_row)
            name = ", ".join(
                f"{key}={v}" for key, v in zip([row_key, col_key], [row_value, col_value], strict=True) if key
            )
            fig.add_trace(
                go.Heatmap(
                    x=xs, y=ys, z=z, text=text, coloraxis="coloraxis", hoverongaps=False, xgap=1, ygap=1,
                    hovertemplate="%{text}<extra></extra>", name=name or value,
                ),
                row=r, col=c,
            )  # fmt: skip
    fig.update_xaxes(dtick=_dtick(xs))
    fig.update_yaxes(dtick=_dtick(ys))
    fig.update_xaxes(title_text="src_layer", row=len(row_values))
    fig.update_yaxes(title_text="tgt_layer", col=1)
    fig.update_layout(
        template=TEMPLATE,
        title=title or f"{description} per (src_layer, tgt_layer)",
        coloraxis={
            "colorscale": "Viridis",
            "cmin": 0.0,
            "cmax": 1.0,
            "colorbar": {"title": {"text": "share"}},
        },
        height=max(420, 360 * len(row_values)),
        width=max(560, 420 * len(col_values) + 120),
    )
    return fig


def _dtick(layers: Sequence[Any]) -> int:
    """An integer tick step that labels at most ~12 layers."""
    return max(1, len(layers) // 12)


# -- per-layer curves ------------------------------------------------------------------------


def layer_curves(
    frame: pd.DataFrame,
    *,
    y: str,
    x: str = "layer",
    color: str | None = None,
    dash: str | None = None,
    facet: str | None = None,
    hover: Sequence[str] = (),
    title: str | None = None,
    y_title: str | None = None,
    y_range: tuple[float, float] | None = (0.0, 1.0),
) -> go.Figure:
    """One line per (``color``, ``dash``) value of a tidy ``frame``, ``y`` against ``x``.

    ``facet`` draws a panel per value of that column. Each trace's ``meta`` holds the column
    values it shows (e.g. ``{"key": "e1", "group": "incorrect"}``); ``hover`` columns are
    shown in the hover next to ``y``.
    """
    needed = [c for c in (x, y, color, dash, facet, *hover) if c]
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise MechhopError(f"layer_curves: no column(s) {missing}; the frame has {list(frame.columns)}.")
    if frame.empty:
        raise MechhopError("layer_curves got an empty frame.")
    facets = _ordered(frame[facet]) if facet else [None]
    colors = _ordered(frame[color]) if color else [None]
    dashes = _ordered(frame[dash]) if dash else [None]
    palette = _color_map(colors)
    fig = make_subplots(
        rows=1, cols=len(facets), shared_yaxes=True, horizontal_spacing=0.05,
        subplot_titles=[f"{facet}={v}" for v in facets] if facet else None,
    )  # fmt: skip
    shown: set[str] = set()
    for c, facet_value in enumerate(facets, start=1):
        for color_value in colors:
            for j, dash_value in enumerate(dashes):
                mask = pd.Series(True, index=frame.index)
                meta: dict[str, Any] = {}
                for column, v in ((facet, facet_value), (color, color_value), (dash, dash_value)):
                    if column:
                        mask &= frame[column] == v
                        meta[column] = v
                sub = frame[mask].sort_values(x)
                if sub.empty:
                    continue
                name = " · ".join(str(v) for v in (color_value, dash_value) if v is not None) or y
                extra = "".join(f"<br>{h}: %{{customdata[{k}]}}" for k, h in enumerate(hover))
                fig.add_trace(
                    go.Scatter(
                        x=sub[x].tolist(), y=sub[y].tolist(), mode="lines+markers", name=name,
                        legendgroup=name, showlegend=name not in shown, meta=meta,
                        line={"color": palette[color_value], "dash": DASHES[j % len(DASHES)]},
                        customdata=sub[list(hover)].to_numpy().tolist() if hover else None,
                        hovertemplate=f"<b>{html.escape(name)}</b><br>{x} %{{x}}<br>{y} %{{y:.3f}}{extra}"
                        "<extra></extra>",
                    ),
                    row=1, col=c,
                )  # fmt: skip
                shown.add(name)
    fig.update_xaxes(title_text=x, dtick=_dtick(sorted(frame[x].unique())))
    fig.update_yaxes(title_text=y_title or y, col=1)
    if y_range is not None:
        pad = 0.03 * (y_range[1] - y_range[0])
        fig.update_yaxes(range=[y_range[0] - pad, y_range[1] + pad])
    fig.update_layout(
        template=TEMPLATE,
        title=title,
        hovermode="closest",
        height=420,
        width=max(760, 460 * len(facets) + 200),
    )
    return fig


def _is_summary(frame: pd.DataFrame, columns: Sequence[str]) -> bool:
    return all(c in frame.columns for c in columns) and "generation" not in frame.columns


def knockout_curves(
    table: Table,
    groups: Mapping[str, str] | None = None,
    *,
    query_set: str | None = "last",
    keys: Sequence[str] | None = None,
    title: str | None = None,
) -> go.Figure:
    """Share of queries for which the attention knockout matters, per layer (docs/method/knockout.md).

    ``table`` is the knockout table (summarised with :func:`mechhop.analyses.knockout.summarize_knockout`
    and ``groups``) or that summary itself. One line per key (colour) and group (dash); with
    ``query_set=None`` and several query sets, a panel per query set.
    """
    frame = table.table if isinstance(table, AnalysisResult) else table
    if isinstance(frame, pd.DataFrame) and _is_summary(frame, ("query_set", "key", "layer", "share")):
        summary = frame
    else:
        needed = ("query_id", "query_set", "key", "layer")
        summary = summarize_knockout(_frame(table, needed, "knockout_curves"), groups)
    if query_set is not None:
        if query_set not in set(summary["query_set"]):
            raise MechhopError(
                f"knockout_curves: no rows with query_set={query_set!r}; the table has "
                f"{_ordered(summary['query_set'])}. Pass one of them, or query_set=None for all."
            )
        summary = summary[summary["query_set"] == query_set]
    if keys is not None:
        summary = summary[summary["key"].isin(list(keys))]
        if summary.empty:
            raise MechhopError(f"knockout_curves: no rows for keys {list(keys)}.")
    facet = "query_set" if summary["query_set"].nunique() > 1 else None
    where = f" from {query_set}" if query_set else ""
    return layer_curves(
        summary, x="layer", y="share", color="key", dash="group" if "group" in summary else None,
        facet=facet, hover=("matters", "queries"), y_title="share of queries where the knockout matters",
        title=title or f"Attention knockout{where}: does blocking it change the answer?",
    )  # fmt: skip


def projection_curves(
    table: Table,
    groups: Mapping[str, str] | None = None,
    *,
    measures: Sequence[str] = ("e2", "e3", "predicted"),
    title: str | None = None,
) -> go.Figure:
    """Share of queries whose sublayer output ranks a token first, per layer (docs/method/projection.md).

    ``table`` is the projection table (summarised with
    :func:`mechhop.analyses.projection.summarize_projection`) or that summary. Colour: the token
    (``measures`` among e2, e3, predicted); dash: attention vs MLP; a panel per group.
    """
    frame = table.table if isinstance(table, AnalysisResult) else table
    rate_columns = [f"{m}_top1_rate" for m in measures]
    unknown = [m for m in measures if m not in ("e2", "e3", "predicted")]
    if unknown or not measures:
        raise MechhopError(
            f"projection_curves: measures are among 'e2', 'e3', 'predicted'; got {list(measures)}."
        )
    if isinstance(frame, pd.DataFrame) and _is_summary(frame, ("sublayer", "layer", *rate_columns)):
        summary = frame
    else:
        needed = ("query_id", "layer", "sublayer", "e2_rank", "e3_rank", "predicted_rank")
        summary = summarize_projection(_frame(table, needed, "projection_curves"), groups)
    ids = [c for c in ("group", "sublayer", "layer", "queries") if c in summary]
    long = summary.melt(id_vars=ids, value_vars=rate_columns, var_name="token", value_name="rate")
    long["token"] = long["token"].str.removesuffix("_top1_rate")
    return layer_curves(
        long, x="layer", y="rate", color="token", dash="sublayer",
        facet="group" if "group" in long else None, hover=("queries",) if "queries" in long else (),
        y_title="share of queries ranked first", title=title or "Sublayer projection: token ranked first",
    )  # fmt: skip


def decoding_rates(
    table: Table,
    groups: Mapping[str, str] | None = None,
    *,
    labels: Sequence[str] = ("e2", "e3"),
) -> pd.DataFrame:
    """Per (source, label, src_layer): the share of queries for which Patchscopes decodes ``label``
    from that source layer at some target layer (and seed).

    Columns: ``[group,] source, label, src_layer, queries, decoded, share``. A query counts at a
    source layer when it has rows there; it is decoded when any of them carries the label.
    """
    frame = _frame(table, ("query_id", "source", "src_layer", "label"), "decoding_rates")
    frame = _with_groups(frame, groups, "decoding_rates")
    keys = [*(["group"] if groups is not None else []), "source", "query_id", "src_layer"]
    parts = []
    for label in labels:
        if label not in LABELS:
            raise MechhopError(f"decoding_rates: unknown label {label!r}; labels are {list(LABELS)}.")
        per_query = (frame["label"] == label).groupby([frame[k] for k in keys]).any().rename("decoded")
        per_layer = per_query.reset_index().groupby([k for k in keys if k != "query_id"], sort=True)
        counts = per_layer.agg(queries=("query_id", "nunique"), decoded=("decoded", "sum")).reset_index()
        parts.append(counts.assign(label=label))
    out = pd.concat(parts, ignore_index=True)
    out["decoded"] = out["decoded"].astype(int)
    out["share"] = out["decoded"] / out["queries"]
    order = [*(["group"] if groups is not None else []), "source", "label", "src_layer"]
    return (
        out[[*order, "queries", "decoded", "share"]].sort_values(order, kind="stable").reset_index(drop=True)
    )


def decoding_curves(
    table: Table,
    groups: Mapping[str, str] | None = None,
    *,
    labels: Sequence[str] = ("e2", "e3"),
    title: str | None = None,
) -> go.Figure:
    """Share of queries for which e2 / e3 is decoded from each source layer (docs/method/patchscopes.md).

    Values are :func:`decoding_rates`; colour: the entity, dash: the group, a panel per source
    (``e1`` = t1, ``last`` = t2).
    """
    rates = decoding_rates(table, groups, labels=labels)
    return layer_curves(
        rates, x="src_layer", y="share", color="label", dash="group" if groups is not None else None,
        facet="source", hover=("decoded", "queries"), y_title="share of queries decoded",
        title=title or "Patchscopes: entity decoded from the source layer (at some target layer)",
    )  # fmt: skip


# -- stages ----------------------------------------------------------------------------------


def stage_boxplot(stages: pd.DataFrame, *, title: str | None = None) -> go.Figure:
    """Box plots of each stage's layer (docs/method/stages.md), one trace per group side by side.

    ``stages`` is :func:`mechhop.analyses.stages.stage_layers` (with ``groups`` for correct vs incorrect).
    Queries where a stage was never found are left out of that box; the x labels say how many
    were found per group (found/queries), the legend how many queries each group has.
    """
    frame = _frame(stages, ("query_id", *STAGES), "stage_boxplot")
    if "group" not in frame:
        frame = frame.assign(group="all")
    frame = frame[frame["group"].notna()]
    groups = _ordered(frame["group"])
    palette = _color_map(groups)
    fig = go.Figure()
    found: dict[str, list[str]] = {stage: [] for stage in STAGES}
    for group in groups:
        sub = frame[frame["group"] == group]
        xs: list[str] = []
        ys: list[float] = []
        ids: list[str] = []
        for stage in STAGES:
            values = sub[["query_id", stage]].dropna()
            xs += [stage] * len(values)
            ys += values[stage].astype(float).tolist()
            ids += [html.escape(str(q)) for q in values["query_id"]]
            found[stage].append(f"{group} {len(values)}/{len(sub)}")
        fig.add_trace(
            go.Box(
                x=xs, y=ys, text=ids, name=f"{group} ({len(sub)} queries)", meta={"group": group},
                marker_color=palette[group], boxpoints="all", jitter=0.4, pointpos=0, boxmean=True,
                hovertemplate="%{x}: layer %{y}<br>query %{text}<extra>%{fullData.name}</extra>",
            )
        )  # fmt: skip
    fig.update_xaxes(
        title_text="stage", categoryorder="array", categoryarray=list(STAGES), tickvals=list(STAGES),
        range=[-0.5, len(STAGES) - 0.5],  # keeps a slot for a stage no query reached
        ticktext=[f"{stage}<br><sub>found {', '.join(found[stage])}</sub>" for stage in STAGES],
    )  # fmt: skip
    fig.update_yaxes(title_text="layer")
    fig.update_layout(
        template=TEMPLATE, boxmode="group", height=480, width=820,
        title=title or "Stages of two-hop reasoning: layer at which each stage happens",
    )  # fmt: skip
    return fig


# -- one query -------------------------------------------------------------------------------


def _discrete_scale(colors: Sequence[str]) -> list[list[Any]]:
    """A colour scale with one flat band per integer 0..len-1 (for cmin=-0.5, cmax=len-0.5)."""
    n = len(colors)
    scale: list[list[Any]] = []
    for i, color in enumerate(colors):
        scale += [[i / n, color], [(i + 1) / n, color]]
    return scale


def _query_title(query_id: str, results: Sequence[Table | None]) -> str:
    for result in results:
        if isinstance(result, AnalysisResult):
            try:
                q = result.queries.by_id(query_id)
            except (KeyError, MechhopError):
                continue
            return (
                f"{html.escape(query_id)}: “{html.escape(q.two_hop_prompt)}” "
                f"(e1 {html.escape(q.e1_label)}, e2 {html.escape(q.e2_label)}, e3 {html.escape(q.e3_label)})"
            )
    return f"query {html.escape(query_id)}"


def _grid_panel(
    sub: pd.DataFrame,
    xs: list[Any],
    ys: list[Any],
    code: Callable[[Any], float],
    describe: Callable[[Any], str],
) -> tuple[list[list[float | None]], list[list[str]]]:
    cells = {(r.src_layer, r.tgt_layer): r for r in sub.itertuples(index=False)}
    z: list[list[float | None]] = []
    text: list[list[str]] = []
    for y in ys:
        z_row: list[float | None] = []
        text_row: list[str] = []
        for x in xs:
            row = cells.get((x, y))
            z_row.append(None if row is None else code(row))
            text_row.append(
                ""
                if row is None
                else f"src_layer {x} → tgt_layer {y}<br>{describe(row)}<br>“{_clip(row.generation, 120)}”"
            )
        z.append(z_row)
        text.append(text_row)
    return z, text


def query_explorer(
    query_id: str,
    *,
    patchscopes: Table | None = None,
    backpatching: Table | None = None,
    seed: int | None = None,
    title: str | None = None,
) -> go.Figure:
    """One query's Patchscopes label grid (top row) and back-patching success grid (bottom row).

    A panel per Patchscopes source and per back-patching (position, target); x = ``src_layer``,
    y = ``tgt_layer``, the hover shows each generation. Patchscopes shows one ``seed`` (default:
    the lowest in the table). Cells never computed are blank.
    """
    if patchscopes is None and backpatching is None:
        raise MechhopError("query_explorer needs a patchscopes and/or a backpatching table.")
    rows: list[tuple[str, list[tuple[str, pd.DataFrame]]]] = []
    if patchscopes is not None:
        ps = _frame(patchscopes, ("query_id", "source", "src_layer", "tgt_layer", "label", "generation"),
                    "query_explorer (patchscopes)")  # fmt: skip
        ps = _one_query(ps, query_id, "patchscopes")
        if "seed" in ps:
            seeds = sorted(ps["seed"].unique().tolist())
            chosen = seeds[0] if seed is None else seed
            if chosen not in seeds:
                raise MechhopError(f"query_explorer: no Patchscopes rows with seed {seed}; seeds: {seeds}.")
            ps = ps[ps["seed"] == chosen]
        unknown = set(ps["label"]) - set(LABELS)
        if unknown:
            raise MechhopError(
                f"query_explorer: unknown Patchscopes labels {sorted(unknown)}; expected {LABELS}."
            )
        split = [c for c in ("target_prompt", "source") if c in ps and (c == "source" or ps[c].nunique() > 1)]
        rows.append(("patchscopes", _split_panels(ps, split, "Patchscopes")))
    if backpatching is not None:
        bp = _frame(backpatching, ("query_id", "position", "src_layer", "tgt_layer", "success", "generation"),
                    "query_explorer (backpatching)")  # fmt: skip
        bp = _one_query(bp, query_id, "backpatching")
        split = [c for c in ("target", "position") if c in bp and (c == "position" or bp[c].nunique() > 1)]
        rows.append(("backpatching", _split_panels(bp, split, "back-patching")))

    n_cols = max(len(panels) for _, panels in rows)
    titles = [t for _, panels in rows for t in [p[0] for p in panels] + [""] * (n_cols - len(panels))]
    fig = make_subplots(rows=len(rows), cols=n_cols, subplot_titles=titles, horizontal_spacing=0.07,
                        vertical_spacing=0.14)  # fmt: skip
    for r, (kind, panels) in enumerate(rows, start=1):
        for c, (name, sub) in enumerate(panels, start=1):
            xs = sorted(sub["src_layer"].unique().tolist())
            ys = sorted(sub["tgt_layer"].unique().tolist())
            if kind == "patchscopes":
                z, text = _grid_panel(sub, xs, ys, lambda row: LABELS.index(row.label),
                                      lambda row: f"label <b>{row.label}</b>")  # fmt: skip
                axis = "coloraxis"
            else:
                z, text = _grid_panel(sub, xs, ys, lambda row: int(bool(row.success)),
                                      lambda row: "<b>success</b>" if row.success else "fail")  # fmt: skip
                axis = "coloraxis2"
            fig.add_trace(
                go.Heatmap(x=xs, y=ys, z=z, text=text, coloraxis=axis, hoverongaps=False, xgap=1, ygap=1,
                           name=name, hovertemplate="%{text}<extra></extra>"),
                row=r, col=c,
            )  # fmt: skip
            fig.update_xaxes(title_text="src_layer", dtick=_dtick(xs), row=r, col=c)
            fig.update_yaxes(title_text="tgt_layer" if c == 1 else None, dtick=_dtick(ys), row=r, col=c)
    two = len(rows) == 2
    bar = {"len": 0.42 if two else 0.9, "thickness": 14}
    layout: dict[str, Any] = {}
    if patchscopes is not None:
        layout["coloraxis"] = {
            "colorscale": _discrete_scale([LABEL_COLORS[label] for label in LABELS]), "cmin": -0.5,
            "cmax": len(LABELS) - 0.5,
            "colorbar": {**bar, "y": 0.79 if two else 0.5, "title": {"text": "label"},
                         "tickvals": list(range(len(LABELS))), "ticktext": list(LABELS)},
        }  # fmt: skip
    if backpatching is not None:
        layout["coloraxis2"] = {
            "colorscale": _discrete_scale(SUCCESS_COLORS), "cmin": -0.5, "cmax": 1.5,
            "colorbar": {**bar, "y": 0.21 if two else 0.5, "title": {"text": "e3"},
                         "tickvals": [0, 1], "ticktext": ["fail", "success"]},
        }  # fmt: skip
    fig.update_layout(
        template=TEMPLATE, title=title or _query_title(query_id, (patchscopes, backpatching)),
        height=380 * len(rows) + 60, width=max(560, 400 * n_cols + 140), **layout,
    )  # fmt: skip
    return fig


def _one_query(frame: pd.DataFrame, query_id: str, analysis: str) -> pd.DataFrame:
    sub = frame[frame["query_id"] == query_id]
    if sub.empty:
        ids = sorted(frame["query_id"].unique())
        raise MechhopError(
            f"query_explorer: query {query_id!r} is not in the {analysis} table (ids: {ids[:5]}…)."
        )
    return sub


def _split_panels(frame: pd.DataFrame, columns: list[str], label: str) -> list[tuple[str, pd.DataFrame]]:
    if not columns:
        return [(label, frame)]
    ranks = [{v: i for i, v in enumerate(_ordered(frame[c]))} for c in columns]
    panels = []
    for values, sub in frame.groupby(columns, sort=False):
        values = values if isinstance(values, tuple) else (values,)
        name = f"{label} · " + ", ".join(f"{c}={v}" for c, v in zip(columns, values, strict=True))
        panels.append((tuple(r[v] for r, v in zip(ranks, values, strict=True)), name, sub))
    return [(name, sub) for _, name, sub in sorted(panels, key=lambda p: p[0])]


# -- export ----------------------------------------------------------------------------------

_INSTALL_HINT = (
    "Static export needs kaleido. Offline: pip install 'kaleido==0.2.1' (it bundles its own Chromium). "
    "kaleido>=1 instead drives an installed Chrome/Chromium (e.g. apt-get install chromium). "
    "Or save as .html, which needs nothing."
)


def _kaleido_version() -> Version | None:
    try:
        return Version(importlib.metadata.version("kaleido"))
    except importlib.metadata.PackageNotFoundError:
        return None


@functools.cache
def _kaleido_scope() -> Any:
    """kaleido 0.2.x's Chromium, started once (~1 s) and reused (~50 ms per figure)."""
    from kaleido.scopes.plotly import PlotlyScope

    plotlyjs = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not plotlyjs.exists():  # a plotly without the bundled file: write it out once
        with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False, encoding="utf-8") as handle:
            handle.write(plotly.offline.get_plotlyjs())
        plotlyjs = Path(handle.name)
    # Local plotly.js and no MathJax: kaleido's defaults would fetch both from a CDN.
    return PlotlyScope(plotlyjs=str(plotlyjs), mathjax=False)


def save_figure(
    fig: go.Figure,
    path: str | Path,
    *,
    width: int | None = None,
    height: int | None = None,
    scale: float = 1.0,
) -> Path:
    """Write ``fig`` to ``path``; the suffix picks the format (png, svg, pdf, jpeg, webp, html).

    HTML embeds plotly.js (works offline). The image formats need kaleido (see the module
    docstring); without a working one this raises :class:`MechhopError` saying what to install.
    """
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".").replace("jpg", "jpeg")
    if fmt in ("html", "htm"):
        path.parent.mkdir(parents=True, exist_ok=True)
        fig.write_html(path, include_plotlyjs=True, include_mathjax=False, full_html=True)
        return path
    if fmt not in STATIC_FORMATS:
        raise MechhopError(f"save_figure: unknown format {path.suffix!r}; use one of "
                           f"{', '.join('.' + f for f in (*STATIC_FORMATS, 'html'))}.")  # fmt: skip
    version = _kaleido_version()
    if version is None:
        raise MechhopError(_INSTALL_HINT)
    width = width or fig.layout.width or 800
    height = height or fig.layout.height or 500
    path.parent.mkdir(parents=True, exist_ok=True)
    if version < Version("1"):
        try:
            data = _kaleido_scope().transform(
                fig.to_dict(), format=fmt, width=width, height=height, scale=scale
            )
        except Exception as err:  # kaleido reports every failure as ValueError/RuntimeError text
            raise MechhopError(f"kaleido {version} could not export {path.name}: {err}") from err
        path.write_bytes(data)
        return path
    try:
        pio.write_image(fig, path, format=fmt, width=width, height=height, scale=scale)
    except Exception as err:  # most often: no Chrome for kaleido>=1
        raise MechhopError(
            f"kaleido {version} could not export {path.name} ({type(err).__name__}: {err}). kaleido>=1 needs "
            "a Chrome/Chromium binary (e.g. apt-get install chromium); or pip install 'kaleido==0.2.1', "
            "which bundles its own."
        ) from err
    return path


def plotlyjs_script() -> str:
    """plotly.js inline in one ``<script>`` tag (~4.7 MB): put it once in a page's ``<head>``."""
    return f'<script type="text/javascript">{plotly.offline.get_plotlyjs()}</script>'


def to_html_fragment(fig: go.Figure, *, include_plotlyjs: bool = False, div_id: str | None = None) -> str:
    """``fig`` as a ``<div>`` for an HTML page that needs no network.

    plotly.js is never loaded from a CDN: either the page has :func:`plotlyjs_script` once
    (default: the fragment leaves it out), or ``include_plotlyjs=True`` inlines it here (for
    the first or only figure of a page). ``div_id`` makes the output reproducible.
    """
    height = f"{int(fig.layout.height)}px" if fig.layout.height else "480px"
    return pio.to_html(
        fig, full_html=False, include_plotlyjs=bool(include_plotlyjs), include_mathjax=False, div_id=div_id,
        default_height=height, config={"displaylogo": False, "responsive": True},
    )  # fmt: skip
