"""The hand-written statistics agree with SciPy's and statsmodels' where those apply.

The Wilson interval, the sign and McNemar tests, the normal and chi-square distributions are
SciPy's; the log-rank and the clustered t test are checked against SciPy and statsmodels here.
mechhop keeps its own signed-rank test because its exact null distribution handles tied ranks
(shares of k/105 pairs tie often), which SciPy's exact method does not; where there are no ties
the two must give the same p, and the normal approximation must match SciPy's with its tie and
continuity corrections."""

from __future__ import annotations

import math

import numpy as np
import pytest

from mechhop.analyses.evidence import cluster_t_test, mcnemar_test, signed_rank_test
from mechhop.analyses.stats import wilson_interval

stats = pytest.importorskip("scipy.stats")


@pytest.mark.parametrize("seed", range(5))
def test_signed_rank_without_ties_is_scipys_exact_test(seed):
    d = np.random.default_rng(seed).normal(0.3, 1.0, 20)  # continuous: no ties, no zeros
    assert signed_rank_test(d) == pytest.approx(stats.wilcoxon(d, method="exact").pvalue, rel=1e-9)


def test_signed_rank_beyond_50_is_scipys_normal_approximation_with_ties():
    d = np.random.default_rng(0).integers(-5, 8, 200) / 105  # shares: many ties and zeros
    ours = signed_rank_test(d)
    theirs = stats.wilcoxon(np.round(d * 105), zero_method="wilcox", correction=True, method="approx").pvalue
    assert ours == pytest.approx(theirs, rel=1e-6)


def test_mcnemar_and_wilson_are_statsmodels():
    sm = pytest.importorskip("statsmodels.stats.contingency_tables")
    proportion = pytest.importorskip("statsmodels.stats.proportion")
    for b, c in [(9, 9), (20, 2), (11, 1), (0, 4)]:
        table = [[0, b], [c, 0]]
        assert mcnemar_test(b, c) == pytest.approx(sm.mcnemar(table, exact=True).pvalue)
    for k, n in [(35, 100), (0, 25), (25, 25), (30, 51)]:
        assert wilson_interval(k, n) == pytest.approx(proportion.proportion_confint(k, n, method="wilson"))


def test_the_clustered_mean_test_is_statsmodels_ols_with_cluster_errors():
    sm = pytest.importorskip("statsmodels.api")
    rng = np.random.default_rng(1)
    clusters = np.repeat(np.arange(30), rng.integers(1, 5, 30))
    values = rng.normal(0.01, 0.05, clusters.size)
    ours = cluster_t_test(values, [str(c) for c in clusters])
    fit = sm.OLS(values, np.ones_like(values)).fit(cov_type="cluster", cov_kwds={"groups": clusters},
                                                    use_t=True)  # fmt: skip
    assert ours.p == pytest.approx(float(fit.pvalues[0]), rel=1e-3)
    assert (ours.ci_low, ours.ci_high) == pytest.approx(tuple(fit.conf_int()[0]), rel=1e-3)


def test_the_logrank_test_is_scipys():
    from mechhop.analyses.censored import logrank_test

    rng = np.random.default_rng(2)
    times_a, times_b = rng.integers(0, 12, 40).astype(float), rng.integers(2, 14, 35).astype(float)
    events_a, events_b = rng.random(40) < 0.7, rng.random(35) < 0.6  # ties and censoring
    ours = logrank_test(times_a, events_a, times_b, events_b)
    a = stats.CensoredData(uncensored=times_a[events_a], right=times_a[~events_a])
    b = stats.CensoredData(uncensored=times_b[events_b], right=times_b[~events_b])
    theirs = stats.logrank(a, b)
    assert ours.p_value == pytest.approx(theirs.pvalue, rel=1e-9)
    assert ours.chi2 == pytest.approx(theirs.statistic**2, rel=1e-9)


@pytest.mark.parametrize(("greater", "less"), [(9, 9), (20, 2), (0, 4), (35, 12)])
def test_the_sign_test_is_an_exact_binomial_test(greater, less):
    from mechhop.analyses.stats import sign_test

    n = greater + less
    tail = sum(math.comb(n, i) for i in range(min(greater, less) + 1)) / 2**n
    assert sign_test(greater, less) == pytest.approx(min(1.0, 2 * tail), rel=1e-12)


@pytest.mark.parametrize("model", ["smollm2-135m", "gemma-3-270m"])
def test_the_stored_re_runs_keep_their_intervals_and_tests_under_scipy(model):
    """The re-runs' summaries were computed with the hand-written Wilson interval, McNemar test and
    normal quantiles; SciPy's give the same numbers to 1e-6 (their last digits differ by 1e-8)."""
    import json
    from pathlib import Path

    from mechhop.analyses.evidence import mcnemar_detectable
    from mechhop.analyses.stats import wilson_interval

    path = Path(__file__).resolve().parents[1] / "benchmarks" / "results" / f"rerun-{model}" / "summary.json"
    summary = json.loads(path.read_text())
    checked = 0
    for row in summary["rescue"] + summary["decoding"]:
        count = "rescued" if "rescued" in row else "decoded"
        for prefix in ("", "placebo_"):  # Patchscopes' placebo is a mean share: no Wilson interval
            if row[f"{prefix}queries"] and float(row[f"{prefix}{count}"]).is_integer():
                interval = wilson_interval(row[f"{prefix}{count}"], row[f"{prefix}queries"])
                assert interval == pytest.approx((row[f"{prefix}ci_low"], row[f"{prefix}ci_high"]), abs=1e-6)
                checked += 1
    for row in summary["primary_forward"] + summary["primary_placebo"]:
        if row["real_only"] + row["control_only"]:
            p = mcnemar_test(row["real_only"], row["control_only"])
            assert p == pytest.approx(row["mcnemar_p"], abs=1e-9)
            checked += 1
        discordant = (row["real_only"] + row["control_only"]) / row["queries"]
        assert mcnemar_detectable(row["queries"], discordant) == pytest.approx(
            row["oracle_detectable"], rel=1e-6, nan_ok=True
        )
    assert checked >= 20
