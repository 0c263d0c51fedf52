"""Comparisons of layers that count the queries that never get there (docs/method/stages.md).

A stage's layer is missing for a query whose evidence never appears. A median over the queries
that reach the stage leaves them out, so a group that rarely reaches a stage can still show an
early median. Read as time to an event instead (the "time" is the layer, the event is reaching
the stage), a query that never reaches it is *censored*: it did not get there by the model's
last layer. The log-rank test compares two groups' curves of reaching a stage with every query
in them.

- :func:`censored_layers`: layers (NaN: never reached) -> (times, events), censored at the
  model's last layer + 1.
- :func:`logrank_test`: the two-sample log-rank test of (time, event) data.
- :func:`stage_logrank`: both of them at once, for two groups' stage layers.
- :func:`chi2_sf_1df`: the chi-square (1 degree of freedom) survival function (SciPy's).

numpy only; no SciPy.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
from scipy.stats import chi2 as chi_square

from mechhop.errors import MechhopError

__all__ = ["LogRank", "censored_layers", "chi2_sf_1df", "logrank_test", "stage_logrank"]


class LogRank(NamedTuple):
    """A log-rank test: the chi-square statistic (1 degree of freedom) and its p-value; group a's
    observed and expected events, and the variance of their difference. NaN where no event has
    both groups at risk (nothing to compare)."""

    chi2: float
    p_value: float
    observed_a: float
    expected_a: float
    variance: float


def chi2_sf_1df(x: float) -> float:
    """P(X >= x) for X chi-square with 1 degree of freedom (SciPy's ``chi2.sf``)."""
    if math.isnan(x):
        return float("nan")
    return float(chi_square.sf(max(x, 0.0), 1))


def censored_layers(
    layers: Sequence[float] | np.ndarray, n_layers: int | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Stage layers as time-to-event data: ``(times, events)``.

    A layer (possibly fractional, e.g. a mean of parts) is an event at that layer; NaN (never
    reached) is censored at ``n_layers`` (the model's last layer + 1). Without ``n_layers`` the
    censoring time is one past the largest layer given, which gives the log-rank test the same
    result: a query censored after every event is at risk at each of them.
    """
    values = np.asarray(layers, dtype=float)
    if values.ndim != 1:
        raise MechhopError(f"censored_layers takes a 1-d sequence of layers, got shape {values.shape}.")
    reached = ~np.isnan(values)
    if np.isinf(values).any() or (values[reached] < 0).any():
        raise MechhopError("censored_layers: layers are finite and >= 0 (NaN: never reached).")
    if n_layers is None:
        censor = float(values[reached].max()) + 1 if reached.any() else 1.0
    else:
        if isinstance(n_layers, bool) or not isinstance(n_layers, int) or n_layers < 1:
            raise MechhopError(f"censored_layers: n_layers must be an int >= 1, got {n_layers!r}.")
        if reached.any() and float(values[reached].max()) > n_layers - 1:
            raise MechhopError(
                f"censored_layers: layer {float(values[reached].max())} is past the last layer "
                f"{n_layers - 1} of a {n_layers}-layer model."
            )
        censor = float(n_layers)
    return np.where(reached, values, censor), reached


def logrank_test(
    times_a: Sequence[float] | np.ndarray,
    events_a: Sequence[bool] | np.ndarray,
    times_b: Sequence[float] | np.ndarray,
    events_b: Sequence[bool] | np.ndarray,
) -> LogRank:
    """The two-sample log-rank test (Mantel's form, with the hypergeometric variance for ties).

    At each distinct event time ``t`` with ``n`` subjects at risk (time >= t; a subject censored
    at ``t`` is still at risk at ``t``), ``d`` events, ``n_a`` and ``d_a`` of them in group a:
    ``E_a = d n_a / n`` and ``V = d (n_a / n)(1 - n_a / n)(n - d) / (n - 1)``. The statistic
    ``(sum d_a - sum E_a)² / sum V`` is chi-square with 1 degree of freedom under equal curves;
    the p-value is two-sided.
    """
    ta, tb = np.asarray(times_a, dtype=float), np.asarray(times_b, dtype=float)
    ea, eb = np.asarray(events_a, dtype=bool), np.asarray(events_b, dtype=bool)
    if ta.shape != ea.shape or tb.shape != eb.shape or ta.ndim != 1 or tb.ndim != 1:
        raise MechhopError("logrank_test: each group's times and events are 1-d and of one length.")
    if np.isnan(ta).any() or np.isnan(tb).any():
        raise MechhopError("logrank_test: times must not be NaN (censor them; see censored_layers).")
    observed = expected = variance = 0.0
    for t in np.unique(np.concatenate([ta[ea], tb[eb]])):
        n_a, n_b = float((ta >= t).sum()), float((tb >= t).sum())
        d_a, d_b = float(((ta == t) & ea).sum()), float(((tb == t) & eb).sum())
        n, d = n_a + n_b, d_a + d_b
        observed += d_a
        expected += d * n_a / n
        if n > 1:
            variance += d * (n_a / n) * (1 - n_a / n) * (n - d) / (n - 1)
    if variance <= 0:
        nan = float("nan")
        return LogRank(nan, nan, observed, expected, variance)
    chi2 = (observed - expected) ** 2 / variance
    return LogRank(chi2, chi2_sf_1df(chi2), observed, expected, variance)


def stage_logrank(
    layers_a: Sequence[float] | np.ndarray,
    layers_b: Sequence[float] | np.ndarray,
    n_layers: int | None = None,
) -> LogRank:
    """Log-rank test of two groups' stage layers (NaN: never reached, censored at ``n_layers``).

    Without ``n_layers``, censored one past the largest layer of either group (the same test).
    """
    a, b = np.asarray(layers_a, dtype=float), np.asarray(layers_b, dtype=float)
    if n_layers is None:
        both = np.concatenate([a, b])
        found = both[~np.isnan(both)]
        n_layers = math.floor(found.max()) + 2 if found.size else 1
    return logrank_test(*censored_layers(a, n_layers), *censored_layers(b, n_layers))
