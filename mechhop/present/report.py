"""One self-contained HTML report of a mechhop reproduction of "Hopping Too Late".

:func:`build_report` writes a single ``.html`` file that opens offline (plotly.js is
inlined exactly once; nothing is fetched from the network) with these sections:

1. **Dataset and filtering**: the knowledge-filtering counts (``KnowledgeResult.counts``:
   first hop, second hop, two-hop, shortcuts, usable, composition-correct / -incorrect) and
   how many queries of each group every analysis covers.
2. **Headline numbers**: back-patching oracle success (some pair ``src_layer > tgt_layer``
   rescues the answer) per group, position and target with 95% Wilson intervals, beside its
   forward and placebo controls, and the primary test with its verdict
   (:func:`mechhop.analyses.backpatching.rescue_rates`,
   :func:`~mechhop.analyses.backpatching.control_comparison`, docs/method/controls.md); Patchscopes
   e2 / e3 decoding rates beside their placebo; per stage the median layer with a bootstrap interval, the
   queries that never reach it and a permutation test correct vs incorrect, and layer-order
   inversions (:func:`mechhop.analyses.stages.stage_statistics`). The dataset section lists the analysed
   sample's top bridge entities.
3. **Figures** of each analysis (:mod:`mechhop.present.plots`): back-patching heatmaps faceted by
   position; Patchscopes e2 / e3 heatmaps by source and decoding curves; knockout curves;
   sublayer projection curves; the stage box plot; a query explorer for a few example queries.
4. **Configuration**: each run's configuration, model and weight processing, and package
   versions (the ``meta`` of every :class:`~mechhop.engine.runs.AnalysisResult`).

An analysis that was not given is omitted with a line saying so. All user text (title,
notes, query labels and prompts, generations) is HTML-escaped.

    >>> build_report("report.html", knowledge=result.counts, groups=groups,
    ...              backpatching=bp, patchscopes=ps, knockout=ko, projection=proj)
    >>> report_from_runs(sorted(Path("runs").iterdir()), "report.html", groups=groups)
"""

from __future__ import annotations

import html
import json
import math
import os
import re
import tempfile
from collections.abc import Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from mechhop.analyses import registry
from mechhop.analyses.backpatching import EITHER, control_claims, control_comparison, rescue_rates
from mechhop.analyses.knockout import KnockoutRule, has_first_tokens, knockout_matters
from mechhop.analyses.patchscopes import decoding_rates, placebo_table
from mechhop.analyses.stages import STAGES, inversion_counts, stage_layers, stage_statistics
from mechhop.engine.runs import AnalysisResult, load_result
from mechhop.errors import MechhopError
from mechhop.present import plots

__all__ = [
    "ANALYSES",
    "SECTIONS",
    "build_report",
    "report_from_runs",
]

# analysis name (AnalysisResult.analysis) -> the heading of its section, from the registry
ANALYSES: dict[str, str] = {a.name: a.title for a in registry.ANALYSES}
# results that are not a section of their own, shown in the dataset and configuration sections
CONTROLS: dict[str, str] = {
    f"{a.name}_{c}": f"{a.title}: {c} control" for a in registry.ANALYSES for c in a.controls
}
HEADINGS: dict[str, str] = {**ANALYSES, **CONTROLS}
# section id -> heading, in page order
SECTIONS: dict[str, str] = {
    "dataset": "Dataset and filtering",
    "headline": "Headline numbers",
    **ANALYSES,
    "stages": "Stages",
    "explorer": "Query explorer",
    "configuration": "Configuration",
}
KNOWLEDGE_LABELS: dict[str, str] = {
    "queries": "queries evaluated",
    "first_hop_correct": "first hop correct",
    "second_hop_correct": "second hop correct",
    "two_hop_correct": "two-hop (composition) correct",
    "entity_shortcut": "entity shortcut succeeds",
    "relation_shortcut": "relation shortcut succeeds",
    "usable": "usable (both hops known, no shortcut)",
    "usable_correct": "usable, composition correct",
    "usable_incorrect": "usable, composition incorrect",
    "answer_in_prompt": "usable, but the prompt names the answer (left out of analysed samples)",
}
STAGE_DESCRIPTIONS: dict[str, str] = {
    "first_hop": "first hop resolved: lowest source layer decoding e2 from t1 (Patchscopes)",
    "propagation": "information propagation: mean of knockout last→e1, attention ranks e2 first, e2 from t2",
    "second_hop": "second hop resolved: lowest source layer decoding e3 from t2 (Patchscopes)",
    "extraction": "prediction extracted: lowest layer whose MLP output ranks the prediction first",
}
MAX_EXAMPLES = 2  # query explorers: each holds every generation of its query in the hover

_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1400px;
       padding: 0 24px 48px; color: #222; line-height: 1.45; }
h1 { margin-top: 24px; } h2 { border-bottom: 1px solid #ddd; padding-bottom: 4px; margin-top: 36px; }
nav ol { columns: 3; } table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
th, td { border: 1px solid #ddd; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
p.missing { color: #8a6d3b; background: #fcf8e3; padding: 6px 10px; border-left: 4px solid #f0ad4e; }
p.note { color: #555; } .figure { margin: 12px 0 24px; overflow-x: auto; }
details { margin: 8px 0 16px; } summary { cursor: pointer; font-weight: 600; }
.meta { display: flex; flex-wrap: wrap; gap: 0 32px; align-items: flex-start; }
.meta h4 { margin: 10px 0 0; }
pre { white-space: pre-wrap; word-break: break-word; margin: 0; font-size: 12px; }
.notes { background: #f7f7fb; padding: 8px 14px; border-left: 4px solid #99c; }
"""


# -- small HTML helpers ----------------------------------------------------------------------


def _esc(value: Any) -> str:
    return html.escape(str(value), quote=True)


def _num(value: Any, digits: int = 2) -> str:
    """A layer statistic for display: integers plainly, others with up to ``digits`` decimals."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return "—"
    text = f"{float(value):.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def _pct(value: float) -> str:
    return "—" if math.isnan(value) else f"{value:.1%}"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], *, row_attrs: Sequence[str] = ()) -> str:
    """An HTML table; cells are given as HTML (escape user text before)."""
    head = "".join(f"<th>{h}</th>" for h in header)
    body = []
    for i, row in enumerate(rows):
        attrs = row_attrs[i] if i < len(row_attrs) else ""
        body.append(f"<tr{attrs}>" + "".join(row) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _td(text: str, value: Any = None) -> str:
    if value is None:
        return f"<td>{text}</td>"
    return f'<td class="num" data-value="{_esc(value)}">{text}</td>'


def _missing(text: str) -> str:
    return f'<p class="missing">{_esc(text)}</p>'


def _slug(*parts: Any) -> str:
    text = "-".join(str(p) for p in parts if p is not None and str(p) != "")
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text)


def _figure(fig: go.Figure, div_id: str) -> str:
    return f'<div class="figure">{plots.to_html_fragment(fig, div_id=div_id)}</div>'


# -- inputs ----------------------------------------------------------------------------------


def _check_result(value: Any, name: str) -> AnalysisResult | None:
    if value is None:
        return None
    if not isinstance(value, AnalysisResult):
        raise MechhopError(
            f"build_report: {name} must be an AnalysisResult (what {name}(...) or load_result(folder) "
            f"returns), not {type(value).__name__}."
        )
    if value.analysis != name:
        raise MechhopError(
            f"build_report: the result given as {name}= is a {value.analysis!r} run"
            + (f" ({value.directory})" if value.directory else "")
            + f"; pass it as {value.analysis}=."
        )
    if value.table.empty or "query_id" not in value.table:
        where = f" in {value.directory}" if value.directory else ""
        raise MechhopError(f"build_report: the {name} result{where} has no rows; run it on some queries.")
    return value


def _groups_for(table: pd.DataFrame, groups: Mapping[str, str] | None) -> dict[str, str]:
    """query id -> group for the table's queries (all one group "all" without ``groups``)."""
    ids = sorted(table["query_id"].unique())
    if groups is None:
        return dict.fromkeys(ids, "all")
    return {q: str(groups[q]) for q in ids if q in groups}


def _knowledge_counts(knowledge: Any) -> dict[str, int] | None:
    if knowledge is None:
        return None
    counts = getattr(knowledge, "counts", knowledge)  # a KnowledgeResult is accepted too
    if not isinstance(counts, Mapping):
        raise MechhopError(
            "build_report: knowledge must be a mapping of counts (KnowledgeResult.counts), "
            f"not {type(knowledge).__name__}."
        )
    return {str(k): v for k, v in counts.items()}


# -- sections --------------------------------------------------------------------------------


def _dataset_section(
    counts: dict[str, int] | None, groups: Mapping[str, str] | None, results: dict[str, AnalysisResult]
) -> str:
    parts = []
    if counts is None:
        parts.append(_missing("Knowledge filtering was not run (no knowledge counts given)."))
    else:
        total = counts.get("queries")
        rows = []
        for key, value in counts.items():
            share = ""
            if isinstance(total, int) and total > 0 and key != "queries" and isinstance(value, int | float):
                share = _pct(value / total)
            label = KNOWLEDGE_LABELS.get(key, key)
            rows.append([_td(_esc(label)), _td(_esc(key)), _td(_esc(value), value), _td(share)])
        parts.append("<h3>Knowledge filtering</h3>")
        parts.append(_table(["", "count", "queries", "share of evaluated"], rows))
    if groups is None:
        parts.append('<p class="note">No groups given: every query is counted in one group, "all".</p>')
    if results:
        rows = []
        for name, result in results.items():
            ids = sorted(result.table["query_id"].unique())
            grouped = _groups_for(result.table, groups)
            per_group = pd.Series(list(grouped.values()), dtype=object).value_counts()
            split = ", ".join(f"{_esc(g)} {int(n)}" for g, n in sorted(per_group.items()))
            left_out = len(ids) - len(grouped)
            if left_out:
                split += f" ({left_out} without a group, left out of grouped numbers)"
            rows.append([_td(_esc(HEADINGS[name])), _td(str(len(ids)), len(ids)), _td(split or "—"),
                         _td(str(len(result.table)), len(result.table))])  # fmt: skip
        parts.append("<h3>Queries per analysis</h3>")
        parts.append(_table(["analysis", "queries", "by group", "table rows"], rows))
    return "".join(parts)


def _ci(low: float, high: float) -> str:
    return f"{_pct(low)} – {_pct(high)}" if not (math.isnan(low) or math.isnan(high)) else "—"


def _sample_section(results: dict[str, AnalysisResult], groups: Mapping[str, str] | None) -> str:
    """The analysed queries' top bridge entities: a sample through one e2 describes one entity."""
    queries: dict[str, Any] = {}
    for result in results.values():
        for q in result.queries:
            if groups is None or q.id in groups:
                queries.setdefault(q.id, q)
    if not queries:
        return ""
    from mechhop.data.schema import TwoHopDataset

    bridges = TwoHopDataset(queries.values()).bridges(top=8)
    rows = [[_td(_esc(r.bridge)), _td(str(r.queries), r.queries), _td(_pct(r.share), r.share)]
            for r in bridges.itertuples(index=False)]  # fmt: skip
    distinct = TwoHopDataset(queries.values()).bridges()
    return (
        f'<h3>Bridge entities of the analysed queries</h3><p class="note">{len(queries)} queries through '
        f"{len(distinct)} distinct bridge entities (e2); the most frequent:</p>"
        f'<div id="sample-bridges">{_table(["bridge (e2)", "queries", "share"], rows)}</div>'
    )


def _matching_of(results: dict[str, AnalysisResult]) -> str:
    modes = {str((r.meta or {}).get("config", {}).get("matching", "paper")) for r in results.values()
             if r.analysis != "projection"}  # fmt: skip
    return ", ".join(sorted(modes)) or "word"


def _control_count(rates: pd.DataFrame, row: Any) -> list[str]:
    at = rates[
        (rates["group"] == row.group) & (rates["position"] == row.position) & (rates["target"] == row.target)
    ]
    if at.empty:
        return [_td("—"), _td("—")]
    c = at.iloc[0]
    return [_td(f"{int(c.rescued)} of {int(c.queries)}", c.rescued), _td(_pct(c.rate), c.rate)]


def _rescue_part(
    bp: AnalysisResult, controls: Mapping[str, AnalysisResult], groups: Mapping[str, str] | None
) -> str:
    mapping = _groups_for(bp.table, groups)
    table = bp.table[bp.table["query_id"].isin(mapping)]
    if table.empty:
        return _missing("No back-patched query has a group; pass groups covering its query ids.")
    runs = {name: r.table[r.table["query_id"].isin(mapping)] for name, r in controls.items()}
    runs = {name: t for name, t in runs.items() if not t.empty}
    rates = rescue_rates(table, mapping)
    control_rates = {name: rescue_rates(t, mapping) for name, t in runs.items()}
    parts = [
        '<p class="note">Share of queries for which <em>some</em> back-patch (a state from a later layer '
        "patched into an earlier one, same position) makes the model answer e3, per position as in the "
        "paper (up to 57% (arXiv v1) / 66% (EMNLP) of composition-incorrect queries, LLaMA 2 / 3, 7B–70B). "
        "Controls of the same size (docs/method/controls.md): <b>forward</b>, the query's own state "
        "with every pair mirrored (source layer below the target); <b>placebo</b>, the states of K "
        "other queries (another bridge and answer, same relation pair where possible; a query counts "
        "as rescued when at least half of its donors rescue it); <b>random</b>, the target's own state "
        "moved as far as the real patch would move it, in a seeded random direction. "
        f"Row <code>{EITHER}</code>: rescued at either position, a union; not the "
        "paper's measure. 95% Wilson intervals.</p>"
    ]
    missing = [name for name in registry.get("backpatching").controls if name not in runs]
    if missing:
        parts.append(_missing(
            f"No {_or(missing)} control was given: these rates cannot be told apart from chance or "
            "disruption. Run backpatching with BackpatchingConfig(source=...) for each of them "
            "on the same queries and grid."
        ))  # fmt: skip
    rows, attrs = [], []
    for r in rates.itertuples(index=False):
        attrs.append(f' data-group="{_esc(r.group)}" data-position="{_esc(r.position)}" '
                     f'data-target="{_esc(r.target)}"')  # fmt: skip
        row = [_td(_esc(r.group)), _td(_esc(r.position)), _td(_esc(r.target)),
               _td(f"{r.rescued} of {r.queries}", r.rescued), _td(_pct(r.rate), r.rate),
               _td(_ci(r.ci_low, r.ci_high), f"{r.ci_low} {r.ci_high}")]  # fmt: skip
        for name in runs:
            row += _control_count(control_rates[name], r)
        rows.append(row)
    header = ["group", "position", "target", "rescued", "oracle success", "95% CI"]
    for name in runs:
        header += [f"{name} rescued", f"{name} rate"]
    parts.append(f'<div id="headline-rescue">{_table(header, rows, row_attrs=attrs)}</div>')
    if runs:
        rows, summaries = [], {}
        for name, control in runs.items():
            _, summary = summaries[name] = control_comparison(table, control, mapping, _bridges(bp))
            for r in summary.itertuples(index=False):
                rows.append([_td(_esc(name)), _td(_esc(r.group)), _td(_esc(r.position)), _td(_esc(r.target)),
                             _td(str(r.queries), r.queries), _td(str(r.bridges), r.bridges),
                             _td(_num(r.median_real, 3), r.median_real),
                             _td(_num(r.median_control, 3), r.median_control),
                             _td(f"{r.median_difference:+.3f} [{r.ci_low:+.3f}, {r.ci_high:+.3f}]",
                                 r.median_difference),
                             _td(_num(r.p, 3), r.p), _td(_num(r.p_bridges, 3), r.p_bridges),
                             _td(_num(r.detectable, 3), r.detectable), _td(_esc(r.verdict)),
                             _td(f"{r.mean_difference:+.3f} [{r.mean_ci_low:+.3f}, {r.mean_ci_high:+.3f}]",
                                 r.mean_difference),
                             _td(_num(r.mean_p, 3), r.mean_p),
                             _td(_num(r.mean_detectable, 3), r.mean_detectable),
                             _td(f"<b>{_esc(r.amended_verdict)}</b>"),
                             _td(f"{r.real_only} / {r.control_only}"),
                             _td(_num(r.mcnemar_p, 3), r.mcnemar_p)])  # fmt: skip
        parts.append(
            '<p class="note">The primary test (docs/method/controls.md, fixed before the re-run): per '
            "query the share of layer pairs that succeed, real minus control; the median difference "
            "with a 95% bootstrap interval resampling bridge entities; the two-sided Wilcoxon "
            "signed-rank p (and on per-bridge means); the smallest difference this n detects with 80% "
            "power; and the verdict of the wording rule. That median is 0 [0, 0] whenever most queries have "
            "no succeeding pair in either arm, so Amendment 1 (2026-12-08) reads the mean difference "
            "instead, with a t interval and p clustered by bridge, and its verdict (in bold) from the "
            "interval alone. "
            "Secondary: queries rescued by the real run only / by the control only, McNemar's exact p.</p>"
        )
        header = ["control", "group", "position", "target", "queries", "bridges", "median share (real)",
                  "median share (control)", "median difference [95% CI]", "signed-rank p", "p on bridges",
                  "detectable", "verdict (registered)", "mean difference [95% CI]", "p (clustered)",
                  "detectable (mean)", "verdict (amendment 1)", "oracle: real only / control only",
                  "McNemar p"]  # fmt: skip
        parts.append(f'<div id="headline-primary">{_table(header, rows)}</div>')
        tables = {name: summary for name, (_, summary) in summaries.items()}
        claims = control_claims(tables, "amended_verdict")
        registered = control_claims(tables)["claim"].tolist()
        verdicts = [c for c in claims.columns if c.endswith("_verdict")]
        rows = [[_td(_esc(r["group"])), _td(_esc(r["position"])), _td(_esc(r["target"])),
                 *(_td(_esc(str(r[c]))) for c in verdicts), _td(f"<b>{_esc(r['claim'])}</b>"),
                 _td(_esc(old))]
                for (_, r), old in zip(claims.iterrows(), registered, strict=True)]  # fmt: skip
        parts.append(
            '<p class="note">The claim "back-patching rescues these queries at this position" stands only '
            "when the real run is above every control (Amendment 1's verdicts; the registered rule's "
            "claim beside it).</p>"
        )
        header = ["group", "position", "target", *(c.removesuffix("_verdict") for c in verdicts), "claim",
                  "claim (registered rule)"]  # fmt: skip
        parts.append(f'<div id="headline-claims">{_table(header, rows)}</div>')
    return "".join(parts)


def _or(names: Sequence[str]) -> str:
    """'a', 'a or b', 'a, b or c'."""
    return names[-1] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"


def _bridges(result: AnalysisResult) -> dict[str, str] | None:
    """Query id -> bridge entity, for the cluster bootstrap; None when the run stored no queries."""
    return None if result.queries is None else {q.id: q.bridge for q in result.queries}


def _decoding_part(ps: AnalysisResult, groups: Mapping[str, str] | None) -> str:
    mapping = _groups_for(ps.table, groups)
    table = ps.table[ps.table["query_id"].isin(mapping)]
    if table.empty:
        return _missing("No Patchscopes query has a group.")
    matching = (ps.meta or {}).get("config", {}).get("matching", "word")
    try:
        control = placebo_table(table, ps.queries, matching=matching)
    except MechhopError as err:
        control = None
        note = _missing(f"No Patchscopes placebo: {err}")
    else:
        note = ""
    rates = decoding_rates(table, mapping, placebo=control)
    rows = []
    for r in rates.itertuples(index=False):
        row = [_td(_esc(r.group)), _td(_esc(r.source)), _td(_esc(r.label)),
               _td(f"{r.decoded} of {r.queries}", r.decoded), _td(_pct(r.rate), r.rate),
               _td(_ci(r.ci_low, r.ci_high))]  # fmt: skip
        if control is not None:
            has = not math.isnan(getattr(r, "placebo_rate", math.nan))
            row += [
                _td(f"{r.placebo_decoded:.1f} of {int(r.placebo_queries)}" if has else "—",
                    r.placebo_decoded if has else None),
                _td(_num(r.placebo_donors, 1) if has else "—", r.placebo_donors if has else None),
                _td(_pct(r.placebo_rate) if has else "—", r.placebo_rate if has else None),
                _td(_ci(r.placebo_ci_low, r.placebo_ci_high) if has else "—"),
            ]  # fmt: skip
        rows.append(row)
    header = ["group", "source", "entity", "decoded at some layer", "rate", "95% CI"]
    if control is not None:
        header += ["placebo decoded (expected)", "donors per query", "placebo rate", "placebo 95% CI"]
    return (
        '<p class="note">Share of queries whose e2 / e3 some (source layer, target layer) pair "describes" '
        "(docs/method/patchscopes.md). <b>Placebo</b>: the same grid read from the state of every "
        "eligible donor among these queries (another bridge and answer), labelled against this query: "
        "the description prompt's bias (its examples are a country, a person and a company). A query's "
        "placebo chance is the share of its donors whose grid describes the entity; the placebo rate is "
        "its mean over queries (expected count beside it, 95% bootstrap interval over queries).</p>"
        + note
        + f'<div id="headline-decoding">{_table(header, rows)}</div>'
    )


def _headline_section(bp: AnalysisResult | None, controls: Mapping[str, AnalysisResult],
                      ps: AnalysisResult | None, groups: Mapping[str, str] | None,
                      stages: pd.DataFrame | None, stages_why: str,
                      matching: str) -> str:  # fmt: skip
    parts = [f'<p class="note">Answer matching: <code>{_esc(matching)}</code> (docs/method/index.md).</p>',
             "<h3>Back-patching oracle success, beside its controls, and the primary test</h3>"]  # fmt: skip
    if bp is None:
        parts.append(_missing("Back-patching was not run, so there is no oracle success rate."))
    else:
        parts.append(_rescue_part(bp, controls, groups))
    parts.append("<h3>Patchscopes decoding, beside its placebo</h3>")
    if ps is None:
        parts.append(_missing("Patchscopes was not run."))
    else:
        parts.append(_decoding_part(ps, groups))
    parts.append("<h3>Stage layers (median and mean with bootstrap 95% CIs, correct vs incorrect)</h3>")
    if stages is None:
        parts.append(_missing(stages_why))
    else:
        stats = stage_statistics(stages)
        rows, attrs = [], []
        for r in stats.itertuples(index=False):
            attrs.append(f' data-stage="{_esc(r.stage)}" data-group="{_esc(r.group)}"')
            rows.append([
                _td(_esc(r.stage)), _td(_esc(r.group)), _td(f"{r.found} of {r.queries}", r.found),
                _td(str(r.never), r.never), _td(_num(r.median), r.median),
                _td(f"{_num(r.ci_low)} – {_num(r.ci_high)}" if r.found else "—"),
                _td(_num(r.mean), r.mean),
                _td(f"{_num(r.mean_ci_low)} – {_num(r.mean_ci_high)}" if r.found else "—"),
                _td(_num(r.difference), r.difference), _td(_num(r.p_value, 3), r.p_value),
                _td(_num(r.logrank_p, 3), r.logrank_p),
            ])  # fmt: skip
        rule = stages.attrs.get("knockout_rule")
        rule_note = (f" Propagation's knockout part uses the {_esc(rule)} rule (docs/method/knockout.md)."
                     if rule else "")  # fmt: skip
        parts.append(
            '<p class="note">Per stage, the layer at which it happens (docs/method/stages.md); '
            '"never": queries where '
            "the stage is not found (left out of its median and mean). Difference: median(correct) − "
            "median(incorrect), with a two-sided permutation test (p); log-rank p compares the groups "
            "counting the queries that never reach the stage (censored after the last layer). The paper "
            "summarises stages with means, finds the second hop resolved late, and all stages later for "
            f"composition-incorrect queries.{rule_note}</p>"
        )
        header = ["stage", "group", "found", "never", "median layer", "95% CI", "mean layer", "95% CI (mean)",
                  "difference", "p", "log-rank p"]  # fmt: skip
        parts.append(f'<div id="headline-stages">{_table(header, rows, row_attrs=attrs)}</div>')
        parts.append(
            "<ul>"
            + "".join(f"<li><b>{s}</b>: {_esc(d)}</li>" for s, d in STAGE_DESCRIPTIONS.items())
            + "</ul>"
        )
        inv = inversion_counts(stages)
        rows = [[_td(_esc(r.group)), _td(f"{r.inverted} of {r.both_decoded}", r.inverted),
                 _td(_pct(r.share) if r.both_decoded else "—"), _td(_ci(r.ci_low, r.ci_high))]
                for r in inv.itertuples(index=False)]  # fmt: skip
        parts.append(
            '<p class="note">Layer-order inversion: e3 decoded from t2 at a lower layer than the lowest '
            "decoding e2 from t1 (among queries where both are decoded).</p>"
            f'<div id="headline-inversions">{_table(["group", "inverted", "share", "95% CI"], rows)}</div>'
        )
    return "".join(parts)


def backpatching_section(bp: AnalysisResult, groups: Mapping[str, str] | None) -> str:
    parts = [
        '<p class="note">Share of back-patched generations that answer e3, per (source layer, target layer); '
        "a panel per position (and group). Blank cells (source ≤ target) are never computed.</p>"
    ]
    targets = plots._ordered(bp.table["target"]) if "target" in bp.table else [None]
    for target in targets:
        table = bp.table if target is None else bp.table[bp.table["target"] == target]
        fig = plots.layer_heatmap(
            table, "success", facet="position", groups=groups,
            title=f"Back-patching: share answering e3{f' (target prompt: {target})' if target else ''}",
        )  # fmt: skip
        parts.append(_figure(fig, _slug("fig-backpatching", target)))
    return "".join(parts)


def patchscopes_section(ps: AnalysisResult, groups: Mapping[str, str] | None) -> str:
    parts = [
        '<p class="note">Share of Patchscopes generations describing e2 / e3 when the state from a source '
        "layer (x) is read at a target layer (y) of the description prompt; a panel per source "
        "(<code>e1</code> = t1, <code>last</code> = t2).</p>"
    ]
    prompts = plots._ordered(ps.table["target_prompt"]) if "target_prompt" in ps.table else [None]
    for prompt in prompts:
        table = ps.table if prompt is None else ps.table[ps.table["target_prompt"] == prompt]
        suffix = f" (target prompt: {prompt})" if len(prompts) > 1 else ""
        for label in ("e2", "e3"):
            fig = plots.layer_heatmap(table, label, facet="source", groups=groups,
                                      title=f"Patchscopes: share describing {label}{suffix}")  # fmt: skip
            parts.append(_figure(fig, _slug("fig-patchscopes", label, prompt if len(prompts) > 1 else None)))
        fig = plots.decoding_curves(table, groups, title=f"Patchscopes: e2 / e3 decoded from the source layer"
                                    f" (at some target layer){suffix}")  # fmt: skip
        parts.append(_figure(fig, _slug("fig-decoding", prompt if len(prompts) > 1 else None)))
    return "".join(parts)


def _knockout_rules_table(table: pd.DataFrame, groups: Mapping[str, str] | None) -> str:
    """Both "matters" rules side by side, per query set, key (and group): the share over (query,
    layer) cells and the queries for which the knockout matters at some layer."""
    frame = table.assign(
        paper=knockout_matters(table, "paper"), symmetric=knockout_matters(table, "symmetric")
    )
    by = ["query_set", "key"]
    if groups is not None:
        frame = frame.assign(group=frame["query_id"].map(dict(groups)))
        frame = frame[frame["group"].notna()]
        by = ["group", *by]
    rows = []
    for values, sub in frame.groupby(by, sort=True):
        per_query = sub.groupby("query_id")[["paper", "symmetric"]].any()
        cells = [_td(_esc(v)) for v in values]
        for rule in ("paper", "symmetric"):
            share = float(sub[rule].mean())
            cells += [
                _td(_pct(share), share),
                _td(f"{int(per_query[rule].sum())} of {len(per_query)}", int(per_query[rule].sum())),
            ]
        rows.append(cells)
    header = [*by, "paper: share of layers", "paper: queries (some layer)",
              "symmetric: share of layers", "symmetric: queries (some layer)"]  # fmt: skip
    return f'<div id="knockout-rules">{_table(header, rows)}</div>'


def knockout_section(ko: AnalysisResult, groups: Mapping[str, str] | None) -> str:
    fig = plots.knockout_curves(ko, groups, query_set=None)
    parts = [
        '<p class="note">Share of queries whose answer changes when attention to a mention is blocked in a '
        "window of layers around each layer (docs/method/knockout.md), under the paper's rule.</p>"
        + _figure(fig, "fig-knockout"),
        "<h3>Paper rule beside the symmetric rule</h3>",
    ]
    if not has_first_tokens(ko.table):
        why = ("This knockout table has no first-token ids (stored before they were recorded), so the "
               "symmetric rule cannot be shown; rerun the knockout.")  # fmt: skip
        parts.append(_missing(why))
        return "".join(parts)
    parts.append(
        '<p class="note">Paper: the knockout matters unless a correct answer stays correct or the text is '
        "unchanged (any change counts for an incorrect query). Symmetric: the first generated token "
        "changes, for both groups. Share of layers: over every (query, window centre) cell.</p>"
    )
    parts.append(_knockout_rules_table(ko.table, groups))
    return "".join(parts)


def projection_section(proj: AnalysisResult, groups: Mapping[str, str] | None) -> str:
    fig = plots.projection_curves(proj, groups)
    return (
        '<p class="note">Share of queries whose attention / MLP output at the last position, read through '
        "the unembedding, ranks e2, e3 or the predicted token first (docs/method/projection.md).</p>"
        + _figure(fig, "fig-projection")
    )


def _pick_examples(
    bp: AnalysisResult | None, ps: AnalysisResult | None, groups: Mapping[str, str] | None, limit: int
) -> list[str]:
    """Up to ``limit`` query ids: one per group (incorrect first), preferring rescued queries."""
    tables = [r.table for r in (bp, ps) if r is not None]
    ids = sorted(set.intersection(*(set(t["query_id"]) for t in tables)))
    rescued: set[str] = set()
    if bp is not None:
        rescued = set(bp.table.loc[bp.table["success"].astype(bool), "query_id"])
    by_group: dict[str, list[str]] = {}
    for q in ids:
        by_group.setdefault(str(groups.get(q, "none")) if groups else "all", []).append(q)
    order = sorted(by_group, key=lambda g: {"incorrect": 0, "correct": 1}.get(g, 2))
    picked: list[str] = []
    for group in order:
        candidates = by_group[group]
        picked.append(next((q for q in candidates if q in rescued), candidates[0]))
    for q in ids:  # fill up with more queries when there are fewer groups than examples
        if len(picked) >= limit:
            break
        if q not in picked:
            picked.append(q)
    return picked[:limit]


def _query_row(query_id: str, results: Sequence[AnalysisResult], groups: Mapping[str, str] | None) -> list:
    for result in results:
        try:
            q = result.queries.by_id(query_id)
        except (KeyError, MechhopError):
            continue
        return [_td(_esc(query_id)), _td(_esc(groups.get(query_id, "—") if groups else "all")),
                _td(_esc(q.two_hop_prompt)), _td(_esc(q.e1_label)), _td(_esc(q.e2_label)),
                _td(_esc(q.e3_label))]  # fmt: skip
    return [_td(_esc(query_id)), _td(_esc(groups.get(query_id, "—") if groups else "all"))] + [_td("—")] * 4


def _explorer_section(
    bp: AnalysisResult | None,
    ps: AnalysisResult | None,
    groups: Mapping[str, str] | None,
    examples: Sequence[str] | None,
    max_examples: int,
) -> str:
    available = set.intersection(*(set(r.table["query_id"]) for r in (bp, ps) if r is not None))
    if examples is None:
        chosen = _pick_examples(bp, ps, groups, max_examples)
    else:
        chosen = list(dict.fromkeys(examples))
        unknown = [q for q in chosen if q not in available]
        if unknown:
            raise MechhopError(
                f"build_report: example queries {unknown} are not in the "
                f"{' and '.join(r.analysis for r in (bp, ps) if r is not None)} table(s); "
                f"ids there: {sorted(available)[:8]}."
            )
    results = [r for r in (ps, bp) if r is not None]
    parts = [
        '<p class="note">Each example query’s Patchscopes label grid and back-patching success grid; '
        "hover a cell for its generation.</p>",
        _table(
            ["query", "group", "two-hop prompt", "e1", "e2", "e3"],
            [_query_row(q, results, groups) for q in chosen],
        ),
    ]
    for i, query_id in enumerate(chosen):
        fig = plots.query_explorer(query_id, patchscopes=ps, backpatching=bp)
        parts.append(_figure(fig, f"fig-explorer-{i}"))
    return "".join(parts)


def _value_html(value: Any) -> str:
    if isinstance(value, dict | list | tuple):
        if (isinstance(value, dict) and len(value) > 8) or len(json.dumps(value, default=str)) > 120:
            return f"<pre>{_esc(json.dumps(value, indent=1, default=str))}</pre>"
        return f"<code>{_esc(json.dumps(value, default=str))}</code>"
    return _esc(value)


def _mapping_table(mapping: Mapping[str, Any]) -> str:
    return _table(["setting", "value"], [[_td(_esc(k)), _td(_value_html(v))] for k, v in mapping.items()])


def _configuration_section(results: dict[str, AnalysisResult]) -> str:
    if not results:
        return _missing("No analysis was run, so there is no configuration to show.")
    parts = []
    for name, result in results.items():
        meta = result.meta or {}
        where = f" — {_esc(result.directory)}" if result.directory else ""
        if result.directory is not None and not (Path(result.directory) / "results.parquet").exists():
            where += " (incomplete: the run has not finished; the queries stored so far are shown)"
        model = meta.get("model", {})
        model_name = model.get("name", "unknown model") if isinstance(model, Mapping) else model
        body = []
        for key, heading in (("config", "configuration"), ("model", "model and weight processing"),
                             ("versions", "package versions")):  # fmt: skip
            value = meta.get(key)
            if isinstance(value, Mapping):
                body.append(f"<h4>{heading}</h4>{_mapping_table(value)}")
            elif value is not None:
                body.append(f"<h4>{heading}</h4><p>{_value_html(value)}</p>")
        extra = {k: v for k, v in meta.items() if k not in ("config", "model", "versions")}
        if extra:
            body.append(f"<h4>other</h4>{_mapping_table(extra)}")
        parts.append(
            f'<details id="config-{name}" open><summary>{_esc(HEADINGS[name])}: {_esc(model_name)}{where}'
            f'</summary><div class="meta">{"".join(f"<div>{b}</div>" for b in body)}</div></details>'
        )
    return "".join(parts)


def _stages_from(
    ps: AnalysisResult | None,
    ko: AnalysisResult | None,
    proj: AnalysisResult | None,
    groups: Mapping[str, str] | None,
) -> tuple[pd.DataFrame | None, str]:
    """Stage layers from the results where Patchscopes has both sources, else why not."""
    if ps is None:
        return None, "Stages were not computed: they need Patchscopes (not run)."
    sources = set(ps.table["source"])
    if not {"e1", "last"} <= sources:
        return None, (
            f"Stages were not computed: they need Patchscopes from both t1 and t2 (sources 'e1' and 'last'); "
            f"the run has {sorted(sources)}."
        )
    # the symmetric knockout rule where the run recorded first-token ids, else the paper's
    rule: KnockoutRule = "symmetric" if ko is None or has_first_tokens(ko.table) else "paper"
    stages = stage_layers(
        ps.table,
        ko.table if ko is not None else None,
        proj.table if proj is not None else None,
        groups,
        knockout_rule=rule,
    )
    if groups is not None:
        stages = stages[stages["group"].notna()]
    return stages, ""


# -- the page --------------------------------------------------------------------------------


def build_report(
    path: str | Path,
    *,
    title: str = "mechhop report: Hopping Too Late",
    knowledge: Mapping[str, int] | None = None,
    groups: Mapping[str, str] | None = None,
    backpatching: AnalysisResult | None = None,
    patchscopes: AnalysisResult | None = None,
    knockout: AnalysisResult | None = None,
    projection: AnalysisResult | None = None,
    backpatching_forward: AnalysisResult | None = None,
    backpatching_placebo: AnalysisResult | None = None,
    backpatching_random: AnalysisResult | None = None,
    stages: pd.DataFrame | None = None,
    notes: str = "",
    examples: Sequence[str] | None = None,
    max_examples: int = MAX_EXAMPLES,
) -> Path:
    """Write the report to ``path`` (one self-contained HTML file) and return the path.

    ``knowledge``: the knowledge-filtering counts (``KnowledgeResult.counts``). ``groups``: query
    id -> ``"correct"`` / ``"incorrect"`` (``KnowledgeResult`` groups); without it all queries
    form one group ``"all"``, and queries missing from it are left out of grouped numbers.
    The four results are what the analyses (or :func:`mechhop.engine.runs.load_result`) return; any may
    be None and its section then says it was not run. ``backpatching_forward`` and
    ``backpatching_placebo`` (and ``backpatching_random``): back-patching runs with
    ``source="forward"`` / ``"placebo"`` / ``"random"`` over the
    same queries and grid, shown beside the rescue rates with the primary test (the Patchscopes
    placebo is derived from the Patchscopes table itself). ``stages``: a
    :func:`mechhop.analyses.stages.stage_layers` table; computed from the results when None and
    Patchscopes has both sources. ``examples``: query ids for the query explorer (default: up
    to ``max_examples``, one per group, preferring queries back-patching rescues). ``notes``:
    free text shown under the title (escaped; blank lines start paragraphs).
    """
    if not isinstance(max_examples, int) or max_examples < 0:
        raise MechhopError(f"build_report: max_examples must be an int >= 0, got {max_examples!r}.")
    given = {"backpatching": backpatching, "patchscopes": patchscopes, "knockout": knockout,
             "projection": projection}  # fmt: skip
    results = {name: r for name, value in given.items() if (r := _check_result(value, name)) is not None}
    controls: dict[str, AnalysisResult] = {}
    given_controls = {"forward": backpatching_forward, "placebo": backpatching_placebo,
                      "random": backpatching_random}  # fmt: skip
    for source, given_control in given_controls.items():
        control = _check_result(given_control, "backpatching")
        if control is None:
            continue
        if control.meta.get("config", {}).get("source") != source:
            raise MechhopError(f"build_report: backpatching_{source} must be a run with source='{source}'.")
        controls[source] = results[f"backpatching_{source}"] = control
    bp, ps = results.get("backpatching"), results.get("patchscopes")
    ko, proj = results.get("knockout"), results.get("projection")
    counts = _knowledge_counts(knowledge)
    groups = None if groups is None else {str(k): str(v) for k, v in groups.items()}
    # figure text is rendered by plotly as (a subset of) HTML: group names go in escaped
    fig_groups = None if groups is None else {k: html.escape(v) for k, v in groups.items()}

    if stages is not None:
        if not isinstance(stages, pd.DataFrame) or "query_id" not in stages:
            raise MechhopError("build_report: stages must be a stage_layers(...) DataFrame.")
        missing = [s for s in STAGES if s not in stages]
        if missing:
            raise MechhopError(f"build_report: the stages table lacks {missing}; pass stage_layers(...).")
        if "group" not in stages and groups is not None:
            stages = stages.assign(group=stages["query_id"].map(groups))
            stages = stages[stages["group"].notna()]
        stages_why = ""
    else:
        stages, stages_why = _stages_from(ps, ko, proj, groups)
    if stages is not None and stages.empty:
        stages, stages_why = None, "Stages were not computed: no query with a group has stage layers."

    body: dict[str, str] = {}
    body["dataset"] = _dataset_section(counts, groups, results) + _sample_section(results, groups)
    body["headline"] = _headline_section(bp, controls, ps, groups, stages, stages_why, _matching_of(results))
    for analysis in registry.ANALYSES:
        result = results.get(analysis.name)
        if result is None:
            body[analysis.name] = _missing(f"{analysis.title} was not run (no {analysis.name} result given).")
        else:
            body[analysis.name] = analysis.report_section()(result, fig_groups)
    if stages is None:
        body["stages"] = _missing(stages_why)
    else:
        shown = stages.assign(group=stages["group"].map(html.escape)) if "group" in stages else stages
        body["stages"] = _figure(plots.stage_boxplot(shown), "fig-stages")
    if bp is None and ps is None:
        body["explorer"] = _missing(
            "The query explorer was not built: back-patching and Patchscopes were not run."
        )
    elif max_examples == 0 and examples is None:
        body["explorer"] = _missing("The query explorer was left out (max_examples=0).")
    else:
        body["explorer"] = _explorer_section(bp, ps, groups, examples, max_examples)
    body["configuration"] = _configuration_section(results)

    notes_html = ""
    if notes.strip():
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", notes) if p.strip()]
        notes_html = '<div class="notes">' + "".join(f"<p>{_esc(p)}</p>" for p in paragraphs) + "</div>"
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    nav = "".join(f'<li><a href="#{sid}">{_esc(h)}</a></li>' for sid, h in SECTIONS.items())
    sections_html = "".join(
        f'<section id="{sid}"><h2>{_esc(heading)}</h2>{body[sid]}</section>'
        for sid, heading in SECTIONS.items()
    )
    page = (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_esc(title)}</title><style>{_CSS}</style>{plots.plotlyjs_script()}</head>"
        f"<body><h1>{_esc(title)}</h1>"
        f'<p class="note">Generated by mechhop on {stamp}. Reproduces Biran et al., "Hopping Too Late" '
        "(EMNLP 2024); the analyses are defined in docs/method/. This file needs no network.</p>"
        f"{notes_html}<nav><ol>{nav}</ol></nav>{sections_html}</body></html>\n"
    )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".html")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(page)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a report is for reading
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def report_from_runs(run_dirs: Sequence[str | Path], path: str | Path, **kw: Any) -> Path:
    """Rebuild the report from stored run folders (``runs/<analysis>-<hash>/``), without a model.

    Each folder is read with :func:`mechhop.engine.runs.load_result` and passed to :func:`build_report`
    as its analysis; ``kw`` are the other :func:`build_report` arguments (``groups``,
    ``knowledge``, ``title``, ...). Two runs of the same analysis, a folder that is not a run,
    or an analysis also given in ``kw`` are errors.
    """
    if isinstance(run_dirs, str | Path):
        raise MechhopError(
            "report_from_runs takes a list of run folders, e.g. [Path('runs/backpatching-…')]."
        )
    loaded: dict[str, AnalysisResult] = {}
    for directory in run_dirs:
        directory = Path(directory)
        if not directory.is_dir():
            raise MechhopError(f"report_from_runs: {directory} is not a folder; pass run folders such as "
                               "runs/backpatching-1a2b3c4d5e.")  # fmt: skip
        result = load_result(directory)  # raises when there is no run.json
        if result.analysis not in ANALYSES:
            raise MechhopError(
                f"report_from_runs: {directory} holds a {result.analysis!r} run; the report shows "
                f"{', '.join(ANALYSES)}."
            )
        source = result.meta.get("config", {}).get("source", "query")
        if result.analysis == "backpatching" and source != "query":
            name = f"backpatching_{source}"
            if name in loaded or name in kw:
                raise MechhopError(f"report_from_runs: two back-patching {source} runs given ({directory}).")
            loaded[name] = result
            continue
        if result.analysis in loaded:
            raise MechhopError(
                f"report_from_runs: two {result.analysis} runs given "
                f"({loaded[result.analysis].directory} and {directory}); pass one folder per analysis."
            )
        if result.analysis in kw:
            raise MechhopError(
                f"report_from_runs: {result.analysis} is given both as the run {directory} and as a keyword."
            )
        loaded[result.analysis] = result
    if not loaded:
        raise MechhopError("report_from_runs: no run folders given.")
    by_name: dict[str, Any] = loaded  # build_report's keyword arguments are named after the analyses
    return build_report(path, **by_name, **kw)
