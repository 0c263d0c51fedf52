"""Every analysis, declared once.

An :class:`Analysis` entry names its config type, its run function, the keys of
its table, the label columns it recomputes from stored generations under an
answer-matching mode, and its report section. The command line (one ``mechhop
run NAME`` command per entry, its options derived from the config's fields and
``Literal`` s), :func:`mechhop.apps.pipeline.run_study`, the report and
:func:`mechhop.engine.runs.load_result` iterate over :data:`ANALYSES`. Adding an
analysis takes its package (config, tables, run) and one entry here.

Nothing here imports torch or pandas: run functions, relabelling and report
sections are named by import path and loaded on first use, so the command line
builds its options and checks them without either.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from mechhop.analyses.backpatching.config import CONTROLS as BACKPATCHING_CONTROLS
from mechhop.analyses.backpatching.config import BackpatchingConfig
from mechhop.analyses.knockout.config import KnockoutConfig
from mechhop.analyses.patchscopes.config import KEYS as PATCHSCOPES_KEYS
from mechhop.analyses.patchscopes.config import PatchscopesConfig
from mechhop.analyses.projection.config import ProjectionConfig
from mechhop.core.settings import Option, describe
from mechhop.errors import MechhopError, did_you_mean

if TYPE_CHECKING:
    import pandas as pd

    from mechhop.data.matching import Matching
    from mechhop.data.schema import TwoHopDataset

    Relabel = Callable[[pd.DataFrame, TwoHopDataset, Matching], pd.DataFrame]


def _load(path: str) -> Any:
    module, name = path.split(":")
    return getattr(importlib.import_module(module), name)


@dataclass(frozen=True)
class Analysis:
    """One analysis: what the command line, the pipeline, the report and stored runs know of it."""

    name: str  # the run folder prefix and AnalysisResult.analysis
    title: str  # headings and help
    summary: str  # one line for --help
    method: str  # the section of the method it implements
    config: type
    run: str  # "module:function", called as function(model, queries, config, out=..., progress=...)
    keys: tuple[str, ...]  # one table row per value of these columns
    relabels: tuple[str, ...] = ()  # label columns recomputed from stored generations
    relabel: str = ""  # "module:function" (table, queries, matching) -> table with relabels recomputed
    section: str = ""  # "module:function" building its report section from (result, groups)
    matching: bool = True  # whether the config has an answer-matching setting
    controls: tuple[str, ...] = ()  # ``source`` values of the runs that stand beside the real one

    def runner(self) -> Callable[..., Any]:
        """The run function (imports the model stack)."""
        return _load(self.run)

    def relabeler(self) -> Relabel | None:
        """The function recomputing :attr:`relabels` (imports pandas), or None when there are none."""
        return _load(self.relabel) if self.relabel else None

    def report_section(self) -> Callable[..., str]:
        return _load(self.section)

    def options(self) -> tuple[Option, ...]:
        """Command-line options, one per configurable field of :attr:`config`."""
        return describe(self.config)


ANALYSES: tuple[Analysis, ...] = (
    Analysis(
        name="backpatching",
        title="Back-patching",
        summary="patch a later layer's state into an earlier layer; does the answer appear?",
        method="docs/method/backpatching.md, controls docs/method/controls.md",
        config=BackpatchingConfig,
        run="mechhop.analyses.backpatching.run:backpatching",
        keys=("query_id", "donor_id", "position", "target", "src_layer", "tgt_layer"),
        relabels=("success",),
        relabel="mechhop.analyses.backpatching.tables:relabel_table",
        section="mechhop.present.report:backpatching_section",
        controls=BACKPATCHING_CONTROLS,
    ),
    Analysis(
        name="patchscopes",
        title="Patchscopes",
        summary="decode which entity a hidden state describes, per source and target layer",
        method="docs/method/patchscopes.md, placebo docs/method/controls.md",
        config=PatchscopesConfig,
        run="mechhop.analyses.patchscopes.run:patchscopes",
        keys=tuple(PATCHSCOPES_KEYS),
        relabels=("label",),
        relabel="mechhop.analyses.patchscopes.tables:relabel_table",
        section="mechhop.present.report:patchscopes_section",
    ),
    Analysis(
        name="knockout",
        title="Attention knockout",
        summary="block attention to a mention in a window of layers; does the answer change?",
        method="docs/method/knockout.md",
        config=KnockoutConfig,
        run="mechhop.analyses.knockout.run:knockout",
        keys=("query_id", "query_set", "key", "layer"),
        relabels=("correct", "baseline_correct", "matters", "matters_symmetric"),
        relabel="mechhop.analyses.knockout.tables:recorrect",
        section="mechhop.present.report:knockout_section",
    ),
    Analysis(
        name="projection",
        title="Sublayer projection",
        summary="project each attention and MLP output of the last position to the vocabulary",
        method="docs/method/projection.md",
        config=ProjectionConfig,
        run="mechhop.analyses.projection.run:sublayer_projection",
        keys=("query_id", "layer", "sublayer"),
        section="mechhop.present.report:projection_section",
        matching=False,
    ),
)
NAMES: tuple[str, ...] = tuple(a.name for a in ANALYSES)
BY_NAME: dict[str, Analysis] = {a.name: a for a in ANALYSES}


def get(name: str) -> Analysis:
    """The entry of analysis ``name``; a clear error listing the valid names otherwise."""
    try:
        return BY_NAME[name]
    except KeyError:
        raise MechhopError(
            f"Unknown analysis {name!r}; valid: {', '.join(NAMES)}." + did_you_mean(name, NAMES)
        ) from None
