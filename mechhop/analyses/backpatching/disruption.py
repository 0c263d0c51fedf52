"""How much each back-patching arm disturbs the output, and a fixed pair chosen out of sample.

Amendment 1 (docs/method/controls.md): a control must perturb as much as the intervention does in
effect, not only in layers, so every arm's disruption is printed beside its rates:
:func:`disruption` gives, per group and position, the share of patched generations that differ
from the unpatched generation of the same prompt, the share whose first three words differ, the
success among the generations that changed, and the mean KL divergence of the first token's
distribution where the table stores it (column ``kl``).

:func:`fixed_pair_rescue` asks a practitioner's question, free of the oracle's choice among
about a hundred pairs: pick the best single (source, target) pair on half of the queries and
count how many of the other half it rescues (halves split by bridge entity, seeded).
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

_WORD = re.compile(r"\w+")


def first_words(text: object, k: int = 3) -> tuple[str, ...]:
    """The first ``k`` words of a generation, lower-cased (missing text: no words)."""
    return tuple(w.lower() for w in _WORD.findall(text if isinstance(text, str) else ""))[:k]


def _normal(text: object) -> str:
    # the knowledge table stores generations with whitespace runs collapsed; back-patching raw
    return " ".join(text.split()) if isinstance(text, str) else ""


def disruption(table: pd.DataFrame, unpatched: Mapping[str, str], groups: Mapping[str, str]) -> pd.DataFrame:
    """Per (group, position, target) of a back-patching table (any arm): ``generations``,
    ``changed`` (share whose text, whitespace collapsed, differs from the query's ``unpatched``
    generation),
    ``changed_words`` (share whose first three words differ), ``success`` (share that succeed),
    ``success_if_changed`` (among the changed ones) and ``kl`` (mean first-token KL, where stored)."""
    rows = table[table["query_id"].isin(groups.keys())]
    clean = rows["query_id"].map(dict(unpatched))
    changed = pd.Series([_normal(g) != _normal(c) for g, c in zip(rows["generation"], clean, strict=True)],
                        index=rows.index)  # fmt: skip
    words = [first_words(g) != first_words(c) for g, c in zip(rows["generation"], clean, strict=True)]
    frame = rows.assign(group=rows["query_id"].map(dict(groups)), changed=changed, changed_words=words)
    agg: dict[str, tuple[str, str]] = {
        "generations": ("changed", "size"), "changed": ("changed", "mean"),
        "changed_words": ("changed_words", "mean"), "success": ("success", "mean"),
    }  # fmt: skip
    if "kl" in frame:
        agg["kl"] = ("kl", "mean")
    out = frame.groupby(["group", "position", "target"]).agg(**agg).reset_index()
    moved = frame[frame["changed"]].groupby(["group", "position", "target"])["success"].mean()
    out["success_if_changed"] = [
        moved.get(tuple(k), np.nan) for k in out[["group", "position", "target"]].values
    ]
    return out


def _per_query_pair(table: pd.DataFrame) -> pd.DataFrame:
    # success per (query, pair), a placebo's K donors averaged: one value per query at each pair
    return (
        table.groupby(["query_id", "src_layer", "tgt_layer"])["success"]
        .mean()
        .unstack(["src_layer", "tgt_layer"])
    )


def fixed_pair_rescue(
    table: pd.DataFrame, bridges: Mapping[str, str], splits: int = 200, seed: int = 0
) -> dict[str, float]:
    """The rescue rate of one fixed pair chosen out of sample, for the queries of ``table`` (one
    position and target, one arm; a placebo's donors averaged per query).

    Each split assigns whole bridge entities at random to two halves; on each half the pair with
    the highest mean success (ties: the first in (source, target) order) is chosen and its mean
    success on the other half's queries is the rescue rate; the two halves are pooled by their
    sizes. Returns the mean over ``splits`` seeded splits (``rate``), the 2.5% and 97.5% points of
    the split rates (``low``, ``high``: how much the choice of halves moves it, not a confidence
    interval) and how often each split chose the most frequent pair (``stable``)."""
    grid = _per_query_pair(table).fillna(0.0)
    names = grid.index.to_numpy()
    owner = pd.Series(names).map(dict(bridges)).to_numpy()
    unique = np.array(sorted(set(owner)))
    values = grid.to_numpy()
    rng = np.random.default_rng(seed)
    rates, chosen = [], []
    for _ in range(splits):
        side = dict(zip(unique, rng.permutation(len(unique)) % 2, strict=True))
        half = np.array([side[b] for b in owner])
        hits, total = 0.0, 0
        for train in (0, 1):
            fit, test = values[half == train], values[half != train]
            if not len(fit) or not len(test):
                continue
            best = int(np.argmax(fit.mean(axis=0)))
            chosen.append(best)
            hits += float(test[:, best].sum())
            total += len(test)
        if total:
            rates.append(hits / total)
    if not rates:
        return {"rate": float("nan"), "low": float("nan"), "high": float("nan"), "stable": float("nan")}
    top = np.bincount(chosen).max() / len(chosen)
    return {"rate": float(np.mean(rates)), "low": float(np.quantile(rates, 0.025)),
            "high": float(np.quantile(rates, 0.975)), "stable": float(top)}  # fmt: skip


def fixed_pair_table(
    runs: Mapping[str, pd.DataFrame], groups: Mapping[str, str], bridges: Mapping[str, str], group: str
) -> pd.DataFrame:
    """:func:`fixed_pair_rescue` for each arm (``{"real": table, "forward": ..., ...}``) and
    position, on the queries of ``group``: one row per position and arm."""
    ids = {q for q, g in groups.items() if g == group}
    rows = []
    for arm, table in runs.items():
        mine = table[table["query_id"].isin(ids)]
        for (position, target), sub in mine.groupby(["position", "target"]):
            rows.append({"group": group, "position": position, "target": target, "arm": arm,
                         **fixed_pair_rescue(sub, bridges)})  # fmt: skip
    return pd.DataFrame(rows)
