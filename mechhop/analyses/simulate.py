"""How often a primary rule says each of its words, on data shaped like the re-runs.

Amendment 1 (docs/method/controls.md) asks that the rule be able to return each of its outcomes on
data like ours, and that it err rarely: under a true null it says "above control" in at most 5% of
runs; under a true effect at the reference it says "not above control" in at most 5%. The data of
the second re-runs are zero-inflated: 35-56% of SmolLM2's incorrect queries have no succeeding
pair in either arm, and the rest have small, skewed shares. :class:`Shape` draws such data,
:func:`operating_characteristics` runs a rule on many draws; tests/test_amended_rule.py holds the
rule to the bounds, and fails when the registered median rule is swapped back in.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from mechhop.analyses.evidence import (
    REFERENCE_EFFECT,
    VERDICTS,
    Verdict,
    cluster_bootstrap,
    cluster_mean_interval,
    cluster_t_test,
    mean_verdict,
    signed_rank_test,
    verdict,
)

Rule = Callable[[np.ndarray, Sequence[str]], Verdict]


@dataclass(frozen=True)
class Shape:
    """Per-query shares of succeeding pairs in two arms, as the re-runs give them.

    A query is *dead* with probability ``dead`` (no pair succeeds in either arm, whatever the arm);
    a live query has a success rate drawn from Beta(``rate_a``, ``rate_b``), scaled by its bridge's
    factor exp(N(0, ``bridge_sd``)) so that queries through one bridge move together. Each arm
    draws its successes among ``pairs`` pairs from that rate; the real arm's rate is raised for the
    carriers of an effect.
    Defaults: SmolLM2's 100 incorrect queries over 44 bridges (their sizes), 105 pairs, and rates
    that give about the re-runs' zero share and spread (58% of the differences exactly 0, standard
    deviation 0.074; the re-runs: 47-65% and 0.03-0.11).
    """

    bridge_sizes: tuple[int, ...] = (1,) * 21 + (2,) * 6 + (3,) + (4,) * 16
    pairs: int = 105
    dead: float = 0.35
    rate_a: float = 0.4
    rate_b: float = 8.0
    bridge_sd: float = 0.7
    arm_sd: float = 0.6

    def scaled(self, factor: int) -> Shape:
        """The same shape with ``factor`` times as many bridges (and queries)."""
        return dataclasses.replace(self, bridge_sizes=self.bridge_sizes * factor)

    def draw(
        self, rng: np.random.Generator, effect: float = 0.0, carriers: float = 0.2
    ) -> tuple[np.ndarray, list[str]]:
        """Per-query real-minus-control shares and each query's bridge. ``effect`` is the true mean
        difference, carried by a share ``carriers`` of the queries (each gains ``effect / carriers``
        in rate, live or dead: an intervention can rescue a query no control flips)."""
        clusters = [f"b{b}" for b, size in enumerate(self.bridge_sizes) for _ in range(size)]
        n = len(clusters)
        factor = np.repeat(np.exp(rng.normal(0.0, self.bridge_sd, len(self.bridge_sizes))), self.bridge_sizes)
        rate = np.minimum(rng.beta(self.rate_a, self.rate_b, n) * factor, 1.0)
        rate[rng.random(n) < self.dead] = 0.0
        lift = np.where(rng.random(n) < carriers, effect / carriers, 0.0) if effect else np.zeros(n)
        real_rate, control_rate = rate * np.exp(rng.normal(0.0, self.arm_sd, (2, n)) - self.arm_sd**2 / 2)
        real = rng.binomial(self.pairs, np.clip(real_rate + lift, 0.0, 1.0)) / self.pairs
        control = rng.binomial(self.pairs, np.clip(control_rate, 0.0, 1.0)) / self.pairs
        return real - control, clusters


def amended_rule(differences: np.ndarray, clusters: Sequence[str]) -> Verdict:
    """Amendment 1's rule: the bridge-clustered interval of the mean and :func:`mean_verdict`."""
    test = cluster_t_test(differences, clusters)
    return mean_verdict(test.ci_low, test.ci_high)


def bootstrap_rule(n_boot: int = 2000) -> Rule:
    """The amended verdict read from the bridge bootstrap's percentile interval of the mean instead
    of the t interval: the alternative the simulation rejected (too often "above" under a null)."""

    def rule(differences: np.ndarray, clusters: Sequence[str]) -> Verdict:
        low, high, _ = cluster_mean_interval(differences, clusters, n_boot=n_boot)
        return mean_verdict(low, high)

    return rule


def registered_rule(n_boot: int = 500) -> Rule:
    """The rule as registered on 2026-12-06: signed-rank p, median with a bridge bootstrap interval."""

    def rule(differences: np.ndarray, clusters: Sequence[str]) -> Verdict:
        _, high, _ = cluster_bootstrap(differences, clusters, n_boot=n_boot)
        median = float(np.median(differences))
        return verdict(signed_rank_test(differences), median or float(differences.mean()), high)

    return rule


def operating_characteristics(
    rule: Rule,
    shape: Shape,
    effect: float,
    runs: int = 400,
    seed: int = 0,
    carriers: float = 0.2,
) -> dict[str, float]:
    """The share of ``runs`` simulated data sets on which ``rule`` says each verdict (seeded)."""
    rng = np.random.default_rng(seed)
    said = Counter(rule(*shape.draw(rng, effect, carriers)) for _ in range(runs))
    return {word: said[word] / runs for word in VERDICTS}


__all__ = [
    "REFERENCE_EFFECT",
    "Shape",
    "amended_rule",
    "bootstrap_rule",
    "operating_characteristics",
    "registered_rule",
]
