"""Statistics for small samples: every rate with its interval, every difference with its test.

- :func:`wilson_interval`: 95% interval of a proportion k/n (sensible at 0 and n).
- :func:`bootstrap_median_interval`: 95% percentile-bootstrap interval of a median, resampling
  queries.
- :func:`permutation_test_medians`: two-sided permutation test of a difference of medians
  between two groups (docs/method/stages.md).
- :func:`sign_test`: two-sided exact sign test of paired counts (real vs placebo per query,
  docs/method/controls.md); ties are dropped.

All are seeded and deterministic. The Wilson interval and the sign test are SciPy's
(``binomtest``); the bootstrap and permutation resample bridges' queries as the method says.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np
from scipy.stats import binomtest

from mechhop.errors import MechhopError

if TYPE_CHECKING:
    import pandas as pd

Z95 = 1.959964


def wilson_interval(successes: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval of a proportion (sensible at 0 and n, unlike the normal one)."""
    if n == 0:
        return (float("nan"), float("nan"))
    if not float(successes).is_integer() or not 0 <= successes <= n:
        raise MechhopError(f"wilson_interval: successes must be a whole number in 0..{n}, got {successes}.")
    ci = binomtest(int(successes), int(n)).proportion_ci(level, method="wilson")
    return (float(ci.low), float(ci.high))


def _bootstrap_interval(
    values: Sequence[float], statistic: Callable[..., np.ndarray], n_boot: int, seed: int, level: float
) -> tuple[float, float]:
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return (float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    stats = statistic(rng.choice(data, size=(n_boot, data.size), replace=True), axis=1)
    tail = (1 - level) / 2
    return (float(np.quantile(stats, tail)), float(np.quantile(stats, 1 - tail)))


def bootstrap_median_interval(
    values: Sequence[float], n_boot: int = 2000, seed: int = 0, level: float = 0.95
) -> tuple[float, float]:
    """Percentile-bootstrap interval of the median of ``values`` (NaN when there are none)."""
    return _bootstrap_interval(values, np.median, n_boot, seed, level)


def bootstrap_mean_interval(
    values: Sequence[float], n_boot: int = 2000, seed: int = 0, level: float = 0.95
) -> tuple[float, float]:
    """Percentile-bootstrap interval of the mean of ``values`` (resampling queries; NaN when none)."""
    return _bootstrap_interval(values, np.mean, n_boot, seed, level)


def permutation_test_medians(
    a: Sequence[float], b: Sequence[float], n_perm: int = 10000, seed: int = 0
) -> float:
    """Two-sided p-value of median(a) - median(b) under random relabelling of the pooled values.

    Exact (all splits) when there are at most ``n_perm`` of them; otherwise Monte Carlo with the
    observed split counted once, so p is never 0. NaN when a group is empty.
    """
    x, y = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if x.size == 0 or y.size == 0:
        return float("nan")
    observed = abs(np.median(x) - np.median(y))
    pooled = np.concatenate([x, y])
    total = math.comb(pooled.size, x.size)
    eps = 1e-9
    if total <= n_perm:
        from itertools import combinations

        hits = 0
        index = np.arange(pooled.size)
        for chosen in combinations(range(pooled.size), x.size):
            mask = np.zeros(pooled.size, dtype=bool)
            mask[list(chosen)] = True
            diff = abs(np.median(pooled[mask]) - np.median(pooled[index[~mask]]))
            hits += diff >= observed - eps
        return hits / total
    rng = np.random.default_rng(seed)
    hits = 0
    for _ in range(n_perm):
        perm = rng.permutation(pooled)
        hits += abs(np.median(perm[: x.size]) - np.median(perm[x.size :])) >= observed - eps
    return (hits + 1) / (n_perm + 1)


def beside_placebo(rates: pd.DataFrame, control: pd.DataFrame, on: Sequence[str], count: str) -> pd.DataFrame:
    """``rates`` with ``control``'s (queries, ``count``, rate, interval) merged in as ``placebo_*``
    columns: the one layout every rate-beside-its-placebo table uses (docs/method/controls.md)."""
    columns = ("queries", count, "rate", "ci_low", "ci_high")
    renamed = control.rename(columns={c: f"placebo_{c}" for c in columns})
    return rates.merge(renamed, on=list(on), how="left")


def sign_test(greater: int, less: int) -> float:
    """Two-sided exact sign test: p of a split at least this uneven if each side were as likely."""
    if greater + less == 0:
        return float("nan")
    return float(binomtest(greater, greater + less).pvalue)
