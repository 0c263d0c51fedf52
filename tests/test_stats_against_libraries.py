"""The hand-written statistics agree with SciPy's and statsmodels' where those apply.

mechhop keeps its own signed-rank test because its exact null distribution handles tied ranks
(shares of k/105 pairs tie often), which SciPy's exact method does not; where there are no ties
the two must give the same p, and the normal approximation must match SciPy's with its tie and
continuity corrections."""

from __future__ import annotations

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
