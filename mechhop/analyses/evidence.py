"""The primary test of an intervention against its control, its power, and the wording rule.

Fixed before any run (docs/method/controls.md, "Primary test"):

- per query, the share of layer pairs that succeed, real minus control;
- across queries, the two-sided Wilcoxon signed-rank test (:func:`signed_rank_test`) and the
  median difference with a 95% bootstrap interval that resamples bridge entities, not queries
  (:func:`cluster_bootstrap`: queries through one bridge are not independent);
- the smallest difference the n could detect with 80% power (:func:`detectable_difference`);
- the words a result may use (:func:`verdict`).

Secondary: the oracle ("some pair succeeds") per query with McNemar's exact test
(:func:`mcnemar_test`, :func:`mcnemar_detectable`).

Amendment 1 (2026-12-08, docs/method/controls.md): the registered median is 0 with interval
[0, 0] whenever most queries have no succeeding pair in either arm, so "inconclusive" could never
come out. The amended primary statistic is the *mean* per-query difference with a bridge-clustered
interval and p (:func:`cluster_t_test`; the bridge bootstrap's interval beside it,
:func:`cluster_mean_interval`), the verdict from the interval alone (:func:`mean_verdict`) and
the n a comparison needs (:func:`required_n`). Its operating characteristics are simulated in
:mod:`mechhop.analyses.simulate` and tested.

numpy and SciPy (its distributions, binomial and t tests): no pandas, no model.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy.stats import norm

from mechhop.analyses.stats import sign_test

Values = Sequence[float] | np.ndarray  # per-query differences, as a list or an array

ALPHA = 0.05
POWER = 0.80
# The paper reports no per-pair rate, so the primary scale's reference effect is fixed here,
# before the re-run (docs/method/controls.md): a real-minus-control share of 2 pairs in 100.
REFERENCE_EFFECT = 0.02
BOOTSTRAPS = 10_000

Verdict = Literal["above control", "below control", "not above control", "inconclusive at this n"]
VERDICTS: tuple[Verdict, ...] = (
    "above control",
    "below control",
    "not above control",
    "inconclusive at this n",
)


def signed_rank_test(differences: Values, exact_up_to: int = 50) -> float:
    """Two-sided p of the Wilcoxon signed-rank test of paired ``differences`` against 0.

    Zero differences are dropped (Wilcoxon's convention); tied magnitudes share their mean rank.
    Exact (every sign assignment) for at most ``exact_up_to`` non-zero differences, otherwise
    the normal approximation with the tie-corrected variance and a continuity correction.
    NaN when every difference is zero or there are none.

    Written out rather than ``scipy.stats.wilcoxon`` because shares of k/105 pairs tie often and
    SciPy's exact distribution assumes no ties (it falls back to the normal approximation, which
    would change the registered p at n <= 50). Where SciPy applies, the two agree
    (tests/test_stats_against_libraries.py).
    """
    d = np.asarray(differences, dtype=float)
    d = d[np.abs(d) > 1e-12]
    n = d.size
    if n == 0:
        return float("nan")
    magnitudes = np.abs(d)
    order = np.argsort(magnitudes, kind="stable")
    ranks = np.empty(n)
    sorted_mag = magnitudes[order]
    i = 0
    while i < n:  # average ranks over ties
        j = i
        while j + 1 < n and abs(sorted_mag[j + 1] - sorted_mag[i]) <= 1e-12:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2 + 1
        i = j + 1
    w_plus = float(ranks[d > 0].sum())
    total = float(ranks.sum())
    if n <= exact_up_to:
        # Exact null distribution of W+ by dynamic programming over doubled (integer) ranks.
        doubled = np.rint(ranks * 2).astype(int)
        counts_by_sum = np.zeros(int(doubled.sum()) + 1)
        counts_by_sum[0] = 1.0
        for r in doubled:
            shifted = np.zeros_like(counts_by_sum)
            shifted[r:] = counts_by_sum[:-r]
            counts_by_sum = counts_by_sum + shifted
        sums = np.arange(counts_by_sum.size) / 2
        extreme = np.abs(sums - total / 2) >= abs(w_plus - total / 2) - 1e-9
        return float(min(1.0, counts_by_sum[extreme].sum() / 2**n))
    _, counts = np.unique(np.round(magnitudes, 12), return_counts=True)
    variance = n * (n + 1) * (2 * n + 1) / 24 - float((counts**3 - counts).sum()) / 48
    if variance <= 0:
        return float("nan")
    z = max(0.0, abs(w_plus - total / 2) - 0.5) / math.sqrt(variance)
    return min(1.0, 2 * float(norm.sf(z)))


def cluster_bootstrap(
    values: Values,
    clusters: Sequence[str] | None = None,
    statistic: Callable[[np.ndarray], float] = np.median,
    n_boot: int = BOOTSTRAPS,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float, float]:
    """``(low, high, se)``: a percentile-bootstrap interval of ``statistic(values)`` and the
    bootstrap standard error of the values' mean.

    With ``clusters`` (one label per value, e.g. each query's bridge entity) whole clusters are
    resampled, so values that share a cluster move together. NaNs when there are no values or
    fewer than two clusters (one cluster resamples to itself: no interval at all, not a narrow one).
    """
    data = np.asarray(values, dtype=float)
    if data.size == 0:
        return (float("nan"), float("nan"), float("nan"))
    labels = np.asarray(clusters if clusters is not None else np.arange(data.size).astype(str))
    if labels.size != data.size:
        raise ValueError(f"cluster_bootstrap: {data.size} values but {labels.size} cluster labels.")
    members = [data[labels == c] for c in dict.fromkeys(labels.tolist())]
    if len(members) < 2:
        return (float("nan"), float("nan"), float("nan"))
    rng = np.random.default_rng(seed)
    stats, means = np.empty(n_boot), np.empty(n_boot)
    for b in range(n_boot):
        picked = rng.integers(0, len(members), len(members))
        sample = np.concatenate([members[i] for i in picked])
        stats[b], means[b] = statistic(sample), sample.mean()
    tail = (1 - level) / 2
    return (float(np.quantile(stats, tail)), float(np.quantile(stats, 1 - tail)), float(means.std(ddof=1)))


def detectable_difference(se: float, alpha: float = ALPHA, power: float = POWER) -> float:
    """The smallest mean shift a two-sided signed-rank test detects with ``power``, given the
    standard error ``se`` of the mean difference (from :func:`cluster_bootstrap`, so clustering
    counts). Normal approximation, divided by the square root of the signed-rank test's
    efficiency relative to the paired t test (3/pi under normal data)."""
    if not math.isfinite(se):
        return float("nan")
    z = norm.ppf(1 - alpha / 2) + norm.ppf(power)
    return float(z * se / math.sqrt(3 / math.pi))


def mcnemar_test(real_only: int, control_only: int) -> float:
    """Two-sided exact McNemar p: queries rescued by the real intervention only vs by the control only."""
    return sign_test(real_only, control_only)  # exact McNemar is the sign test of the discordant pairs


def mcnemar_detectable(n: int, discordant: float, alpha: float = ALPHA, power: float = POWER) -> float:
    """The smallest difference of paired proportions McNemar's test detects with ``power`` among
    ``n`` queries, of which a share ``discordant`` differ (Connor's normal approximation, solved
    for the difference). A difference d needs at least a share d of discordant queries, so the
    share used is the larger of ``discordant`` and d; NaN when n is 0."""
    if n == 0:
        return float("nan")
    za, zb = float(norm.ppf(1 - alpha / 2)), float(norm.ppf(power))

    def needed(delta: float) -> float:  # queries needed to detect delta; decreasing in delta
        psi = max(discordant, delta)
        return (za * math.sqrt(psi) + zb * math.sqrt(max(psi - delta**2, 0.0))) ** 2 / delta**2

    if needed(1.0) > n:
        return float("nan")
    low, high = 0.0, 1.0
    for _ in range(100):
        delta = (low + high) / 2
        if needed(delta) > n:
            low = delta
        else:
            high = delta
    return high


Claim = Literal["above both controls", "not above control", "inconclusive at this n"]


def claim(verdicts: Sequence[Verdict]) -> Claim:
    """The claim of docs/method/controls.md from one position's verdicts against every control: it
    stands only when the real run is above each of them; it is refuted when some control is not
    exceeded ("not above control" or "below control"); otherwise it is undecided."""
    if verdicts and all(v == "above control" for v in verdicts):
        return "above both controls"
    if any(v in ("not above control", "below control") for v in verdicts):
        return "not above control"
    return "inconclusive at this n"


def verdict(p: float, effect: float, ci_high: float, reference: float = REFERENCE_EFFECT) -> Verdict:
    """The wording rule of docs/method/controls.md for one primary comparison.

    "above control" when p < 0.05 and the effect is positive ("below control" when negative);
    "not above control" only when the interval's upper end lies below ``reference``, a difference
    as large as the one the claim is about; otherwise "inconclusive at this n".
    """
    if math.isfinite(p) and p < ALPHA and effect != 0:
        return "above control" if effect > 0 else "below control"
    if math.isfinite(ci_high) and ci_high < reference:
        return "not above control"
    return "inconclusive at this n"


# -- Amendment 1: the mean scale ------------------------------------------------------------------


def _clusters(values: Values, clusters: Sequence[str] | None) -> tuple[np.ndarray, np.ndarray]:
    """Per cluster: the sum of the values and their count (clusters in first-seen order)."""
    data = np.asarray(values, dtype=float)
    labels = list(clusters) if clusters is not None else list(range(data.size))
    if len(labels) != data.size:
        raise ValueError(f"{data.size} values but {len(labels)} cluster labels.")
    index = {c: i for i, c in enumerate(dict.fromkeys(labels))}
    codes = np.fromiter((index[c] for c in labels), dtype=int, count=data.size)
    return np.bincount(codes, data, len(index)), np.bincount(codes, None, len(index))


def cluster_mean_interval(
    values: Values,
    clusters: Sequence[str] | None = None,
    n_boot: int = BOOTSTRAPS,
    seed: int = 0,
    level: float = 0.95,
) -> tuple[float, float, float]:
    """``(low, high, se)``: the percentile-bootstrap interval of the mean of ``values`` resampling
    whole ``clusters`` (bridge entities), and the bootstrap standard error of that mean.

    Each resample draws as many clusters as there are, with replacement (multinomial counts), and
    takes the mean of the values it holds. NaNs with fewer than two clusters.
    """
    sums, counts = _clusters(values, clusters)
    if sums.size < 2:
        return (float("nan"), float("nan"), float("nan"))
    draws = np.random.default_rng(seed).multinomial(sums.size, np.full(sums.size, 1 / sums.size), n_boot)
    means = (draws @ sums) / (draws @ counts)
    tail = (1 - level) / 2
    return (float(np.quantile(means, tail)), float(np.quantile(means, 1 - tail)), float(means.std(ddof=1)))


@dataclass(frozen=True)
class MeanTest:
    """Amendment 1's primary comparison: the mean per-query difference, its interval and p."""

    mean: float
    ci_low: float
    ci_high: float
    se: float  # cluster-robust standard error of the mean
    p: float
    clusters: int


def cluster_t_test(values: Values, clusters: Sequence[str] | None = None, level: float = 0.95) -> MeanTest:
    """The mean of ``values`` with a cluster-robust standard error (sandwich over ``clusters``,
    small-sample factor G/(G-1)), Student's t with G - 1 degrees of freedom for the interval and
    the two-sided p against 0. The interval excludes 0 exactly when p < 1 - ``level``.

    Chosen over the percentile bootstrap of the mean by simulation (mechhop.analyses.simulate): on
    data shaped like the re-runs the bootstrap said "above control" under a true null in 5.3% of
    runs, this interval in 2.2%. NaNs with fewer than two clusters; every value 0 gives [0, 0], p 1.
    """
    from scipy import stats

    data = np.asarray(values, dtype=float)
    sums, counts = _clusters(data, clusters)
    g = sums.size
    mean = float(data.mean()) if data.size else float("nan")
    if g < 2:
        return MeanTest(mean, float("nan"), float("nan"), float("nan"), float("nan"), g)
    residual = sums - counts * mean
    se = math.sqrt(g / (g - 1) * float((residual**2).sum())) / data.size
    if se == 0:
        return MeanTest(mean, mean, mean, 0.0, 1.0 if mean == 0 else 0.0, g)
    half = float(stats.t.ppf(1 - (1 - level) / 2, g - 1)) * se
    p = float(2 * stats.t.sf(abs(mean) / se, g - 1))
    return MeanTest(mean, mean - half, mean + half, se, p, g)


def mean_verdict(ci_low: float, ci_high: float, reference: float = REFERENCE_EFFECT) -> Verdict:
    """Amendment 1's wording rule, from the interval of the mean difference alone: "above control"
    when its lower end is above 0, "below control" when its upper end is below 0, "not above
    control" when its upper end is below ``reference`` (an equivalence bound), otherwise
    "inconclusive at this n"."""
    if not (math.isfinite(ci_low) and math.isfinite(ci_high)):
        return "inconclusive at this n"
    if ci_low > 0:
        return "above control"
    if ci_high < 0:
        return "below control"
    if ci_high < reference:
        return "not above control"
    return "inconclusive at this n"


def mean_detectable(se: float, alpha: float = ALPHA, power: float = POWER) -> float:
    """The smallest mean difference whose interval excludes 0 with ``power`` (normal approximation,
    two-sided ``alpha``), given the standard error ``se`` of the mean; equally, how far below the
    reference a true difference must lie for "not above control" to come out with that power."""
    if not math.isfinite(se):
        return float("nan")
    return float((norm.ppf(1 - alpha / 2) + norm.ppf(power)) * se)


def required_n(n: int, se: float, target: float = REFERENCE_EFFECT) -> float:
    """Queries needed for :func:`mean_detectable` to reach ``target``, from ``se`` measured at ``n``
    (the standard error falls as 1/sqrt(n) when bridges grow with queries, as under a per-bridge
    cap)."""
    detectable = mean_detectable(se)
    return n * (detectable / target) ** 2 if math.isfinite(detectable) else float("nan")
