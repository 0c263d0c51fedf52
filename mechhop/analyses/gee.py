"""Amendment 1's secondary model-based test: a GEE of pair success on the arm, clustered by bridge.

Every pair of every query is one observation (success 0/1); the arm (real = 1, control = 0) is the
one regressor; bridge entities are the clusters, with an independence working correlation and
robust (sandwich) standard errors, so queries through one bridge and pairs of one query are not
counted as independent. A placebo donor's pairs weigh 1/K, so each query weighs the same in each
arm. Printed as an odds ratio and its p, without verdict words (docs/method/controls.md).
Needs statsmodels (``pip install 'mechhop[stats]'``).
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd

from mechhop.errors import MechhopError


def _statsmodels():
    try:
        import statsmodels.api as sm
    except ImportError:
        raise MechhopError(
            "The GEE test needs statsmodels: pip install 'mechhop[stats]' (Colab has it already)."
        ) from None
    return sm


def arm_gee(real: pd.DataFrame, control: pd.DataFrame, bridges: Mapping[str, str]) -> tuple[float, float]:
    """``(odds_ratio, p)`` of success in ``real`` against ``control`` (pair rows with ``query_id``,
    ``success`` and, for a placebo, ``donor_id``). NaNs where one arm never or always succeeds (the
    odds ratio is then unbounded) or there are fewer than two bridges."""
    sm = _statsmodels()
    y = np.concatenate([real["success"].to_numpy(float), control["success"].to_numpy(float)])
    donors = control.groupby("query_id")["donor_id"].nunique() if "donor_id" in control else None
    control_weight = 1 / control["query_id"].map(donors).to_numpy(float) if donors is not None else 1.0
    weights = np.concatenate([np.ones(len(real)), np.broadcast_to(control_weight, len(control))])
    arm = np.concatenate([np.ones(len(real)), np.zeros(len(control))])
    ids = pd.concat([real["query_id"], control["query_id"]]).map(dict(bridges))
    codes = pd.factorize(ids)[0]
    either = [y[arm == a] for a in (1, 0)]
    if codes.max() < 1 or any(v.min() == v.max() for v in either):
        return (float("nan"), float("nan"))
    exog = np.column_stack([np.ones_like(arm), arm])
    model = sm.GEE(y, exog, groups=codes, family=sm.families.Binomial(),
                   cov_struct=sm.cov_struct.Independence(), weights=weights)  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # convergence chatter; a failed fit gives NaN below
        fit = model.fit()
    coef, p = float(fit.params[1]), float(fit.pvalues[1])
    return (math.exp(coef), p) if math.isfinite(coef) and math.isfinite(p) else (float("nan"), float("nan"))


def gee_table(
    table: pd.DataFrame,
    control: pd.DataFrame,
    groups: Mapping[str, str],
    bridges: Mapping[str, str],
) -> pd.DataFrame:
    """:func:`arm_gee` per (group, position, target): columns ``odds_ratio`` and ``gee_p``."""
    rows = []
    for (position, target), real in table.groupby(["position", "target"]):
        other = control[(control["position"] == position) & (control["target"] == target)]
        for group in sorted(set(groups.values())):
            ids = {q for q, g in groups.items() if g == group}
            mine, theirs = real[real["query_id"].isin(ids)], other[other["query_id"].isin(ids)]
            if len(mine) and len(theirs):
                ratio, p = arm_gee(mine, theirs, bridges)
                rows.append({"group": group, "position": position, "target": target,
                             "odds_ratio": ratio, "gee_p": p})  # fmt: skip
    return pd.DataFrame(rows, columns=["group", "position", "target", "odds_ratio", "gee_p"])
