"""Exercise 5: finding or artifact? Amendment 1's primary test and wording rule on synthetic and
shipped data, with the usual mistakes named (the median, unclustered queries, a one-sided or
normal interval, another reference effect)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from mechhop.analyses.evidence import REFERENCE_EFFECT
from mechhop.workshop.checks import Check, finish

if TYPE_CHECKING:
    import pandas as pd


RESCUE_FILE = "rescue-smollm2-135m.csv"
# The shipped shares are rounded to 6 decimals. Each is a count over the re-run's 105 layer pairs
# (layers 0, 2, ..., 28), a placebo's the mean over 5 donors (a count of 525ths): restoring the
# exact fraction restores the ties the signed-rank test ranks together, so p is the committed one.
RESCUE_GRID = {"real_share": 105, "control_share": 525}


def rescue_shares(control: str = "forward", group: str = "incorrect", position: str = "e1") -> pd.DataFrame:
    """Per-query rescue shares of SmolLM2-135M's re-run (benchmarks/results/rerun-smollm2-135m): one
    row per query with ``query_id, bridge, real_share, control_share`` (and the slice's ``control,
    group, position``) for ``control`` ``"forward"`` or ``"placebo"``, ``group`` ``"correct"`` or
    ``"incorrect"``, ``position`` ``"e1"`` or ``"last"``.
    """
    import importlib.resources

    import pandas as pd

    from mechhop.errors import MechhopError

    with importlib.resources.files("mechhop.workshop").joinpath(f"data/{RESCUE_FILE}").open() as handle:
        table = pd.read_csv(handle, dtype={"query_id": str, "bridge": str})
    for column, value in (("control", control), ("group", group), ("position", position)):
        valid = sorted(table[column].unique())
        if value not in valid:
            raise MechhopError(f"rescue_shares: {column} must be one of {', '.join(valid)}, got {value!r}.")
    rows = table[(table["control"] == control) & (table["group"] == group) & (table["position"] == position)]
    rows = rows.reset_index(drop=True)
    for column, count in RESCUE_GRID.items():
        rows[column] = (rows[column] * count).round() / count
    return rows


# The usual mistakes, each a variant of the rule: the check runs them beside the learner's answer
# and, where the answer is one of theirs, says which lesson it missed.
Mistake = Literal["median", "queries", "one-sided", "normal", "reference"]
MISTAKES: dict[Mistake, str] = {
    "median": (
        "you read the median difference (the registered rule). Here most differences are exactly 0, "
        "so the median is 0 with interval [0, 0] whatever the effect; Amendment 1 reads the mean."
    ),
    "queries": (
        "your interval treats every query as independent. Queries through one bridge entity share "
        "its fate: cluster by bridge (cluster_t_test(differences, bridges)), which widens the interval "
        "when the bridges disagree."
    ),
    "one-sided": (
        "your interval is a one-sided (90% two-sided) one. The rule reads the two-sided 95% interval: "
        "an effect in either direction counts."
    ),
    "normal": (
        "your interval uses the normal quantile 1.96. With G bridges the clustered mean has G - 1 "
        "degrees of freedom: Student's t quantile, wider when there are few bridges."
    ),
    "reference": (
        f"'not above control' needs the interval's upper end below the reference effect "
        f"{REFERENCE_EFFECT:g}, fixed before the run, not another bound."
    ),
}


@dataclass(frozen=True)
class _DecisionCase:
    """One case of :func:`check_decision`: the inputs, the rule's numbers and verdict, and what
    each usual mistake would answer."""

    name: str
    real: tuple[float, ...]
    control: tuple[float, ...]
    bridges: tuple[str, ...]
    mean: float
    low: float
    high: float
    p: float
    zeros: int
    verdict: str
    mistakes: tuple[tuple[Mistake, str], ...]


def _normal_verdict(test: Any) -> str:
    from scipy.stats import norm

    from mechhop.analyses.evidence import mean_verdict

    half = float(norm.ppf(0.975)) * test.se
    return mean_verdict(test.mean - half, test.mean + half)


def _median_verdict(differences: Any, bridges: Any) -> str:
    import numpy as np

    from mechhop.analyses.evidence import cluster_bootstrap, signed_rank_test, verdict

    _, high, _ = cluster_bootstrap(differences, list(bridges), n_boot=2000, seed=0)
    median = float(np.median(differences))
    return verdict(signed_rank_test(differences), median if median else float(differences.mean()), high)


def _decision_case(name: str, real: Any, control: Any, bridges: Any) -> _DecisionCase:
    import numpy as np

    from mechhop.analyses.evidence import cluster_t_test, mean_verdict

    real, control = np.asarray(real, dtype=float), np.asarray(control, dtype=float)
    differences = real - control
    bridges = [str(b) for b in bridges]
    test = cluster_t_test(differences, bridges)
    decided = mean_verdict(test.ci_low, test.ci_high)
    unclustered = cluster_t_test(differences)
    one_sided = cluster_t_test(differences, bridges, level=0.90)
    variants: dict[Mistake, str] = {
        "median": _median_verdict(differences, bridges),
        "queries": mean_verdict(unclustered.ci_low, unclustered.ci_high),
        "one-sided": mean_verdict(one_sided.ci_low, one_sided.ci_high),
        "normal": _normal_verdict(test),
        "reference": mean_verdict(test.ci_low, test.ci_high, reference=0.05),
    }
    return _DecisionCase(
        name, tuple(real.tolist()), tuple(control.tolist()), tuple(bridges), test.mean, test.ci_low,
        test.ci_high, test.p, int((differences == 0).sum()), decided,
        tuple((m, v) for m, v in variants.items() if v != decided),
    )  # fmt: skip


def _shares(seed: int, n: int, per_bridge: int, shift: float, spread: float, bridge_spread: float = 0.0,
            zero_share: float = 0.0) -> tuple[Any, Any, list[str]]:  # fmt: skip
    """Synthetic shares of ``n`` queries, ``per_bridge`` per bridge: real = control + a bridge's
    shift + a query's noise, in k/105 pairs; a share ``zero_share`` of queries rescued by neither
    arm (both 0), as most incorrect queries are."""
    import numpy as np

    rng = np.random.default_rng([20261208, seed])
    bridges = np.arange(n) // per_bridge
    control = rng.uniform(0.05, 0.4, n)
    per_bridge_shift = rng.normal(0.0, bridge_spread, bridges.max() + 1)[bridges]
    real = (control + shift + per_bridge_shift + rng.normal(0.0, spread, n)).clip(0, 1)
    neither = rng.random(n) < zero_share
    real[neither], control[neither] = 0.0, 0.0
    real, control = np.round(real * 105) / 105, np.round(control * 105) / 105
    return real, control, [f"B{b:02d}" for b in bridges]


def _rare_rescues(seed: int, n: int, rescued: int, nudged: int) -> tuple[Any, Any, list[str]]:
    """Zero-inflated shares: ``rescued`` queries gain 30 of 105 pairs, ``nudged`` lose 2, the rest
    are rescued by neither arm; two queries per bridge. Many small losses and a few large gains:
    the mean rises while the median stays 0 and the signed ranks balance."""
    import numpy as np

    rng = np.random.default_rng([20261208, seed])
    control = np.zeros(n)
    order = rng.permutation(n)
    gain, loss = order[:rescued], order[rescued : rescued + nudged]
    control[gain] = rng.integers(0, 10, rescued) / 105
    control[loss] = rng.integers(2, 12, nudged) / 105
    real = control.copy()
    real[gain] += 30 / 105
    real[loss] -= 2 / 105
    return real, control, [f"B{i // 2:02d}" for i in range(n)]


# found by search (seeds 100-999): each case makes its mistakes give another verdict, with margin
SEEDS = (101, 106, 149, 783)


@functools.cache
def _decision_cases() -> tuple[_DecisionCase, ...]:
    """The cases of :func:`check_decision`, each with its verdict under Amendment 1's rule, drawn so
    that every usual mistake (:data:`MISTAKES`) gives another verdict in at least one case."""
    cases = [
        _decision_case("a clear positive effect", *_shares(1, 60, 3, 0.12, 0.08)),
        _decision_case("no effect, tight interval", *_shares(2, 200, 4, 0.0, 0.01)),
        _decision_case("no effect at small n", *_shares(3, 8, 1, 0.0, 0.2)),
        _decision_case("a negative effect", *_shares(4, 60, 3, -0.1, 0.08)),
        _decision_case("a few large rescues among many zeros", *_rare_rescues(SEEDS[0], 120, 12, 28)),
        _decision_case("bridges that disagree", *_shares(SEEDS[1], 64, 8, 0.03, 0.01, bridge_spread=0.04)),
        _decision_case("a handful of bridges", *_shares(SEEDS[2], 24, 4, 0.03, 0.01, bridge_spread=0.03)),
        _decision_case("an effect near the edge", *_shares(SEEDS[3], 150, 3, 0.015, 0.07)),
    ]
    for position, where in (("e1", "e1"), ("last", "the last token")):
        shares = rescue_shares("forward", "incorrect", position)
        name = f"SmolLM2-135M re-run: incorrect queries at {where}, forward control"
        cases.append(_decision_case(name, shares["real_share"], shares["control_share"], shares["bridge"]))
    return tuple(cases)


def _decision_hint(case: _DecisionCase, got: str) -> str:
    """The lesson a learner who answered ``got`` likely missed."""
    missed = [MISTAKES[m] for m, verdict in case.mistakes if verdict == got]
    if missed:
        return " Or: ".join(missed)
    return (
        "the rule: the mean of the differences with its 95% interval clustered by bridge "
        "(Student's t, G - 1 degrees of freedom); lower end above 0 -> above control; upper end below "
        f"0 -> below control; upper end below {REFERENCE_EFFECT:g} -> not above control; else "
        "inconclusive at this n."
    )


def check_decision(decide: Callable[[Any, Any, Any], str], *, strict: bool = False) -> Check:
    """Exercise "is the rescue a finding?": ``decide(real, control, bridges)`` gets one group's
    per-query real and control rescue shares (numpy arrays of floats) and each query's bridge
    entity (a list of str), all of one length, and returns one of
    :data:`mechhop.analyses.evidence.VERDICTS` by Amendment 1's primary test (docs/method/controls.md):
    the mean of the differences real - control with its two-sided 95% interval clustered by bridge
    (:func:`~mechhop.analyses.evidence.cluster_t_test`) and the wording rule
    (:func:`~mechhop.analyses.evidence.mean_verdict`). Nine named cases: four plain ones, three that
    each catch a usual mistake (most differences exactly 0; bridges that disagree; an interval near
    0), and SmolLM2-135M's re-run on its incorrect queries at e1 and at the last token against the
    forward control (:func:`rescue_shares`). A wrong verdict is answered with the lesson it missed.
    """
    import numpy as np

    from mechhop.analyses.evidence import VERDICTS

    exercise = "rescue decision"
    cases = _decision_cases()
    failures = []
    for case in cases:
        about = (
            f"case {case.name!r} (n = {len(case.real)}, {len(set(case.bridges))} bridges, "
            f"{case.zeros} differences exactly 0): mean difference {case.mean:+.4f}, 95% CI "
            f"[{case.low:+.4f}, {case.high:+.4f}]"
        )
        try:  # copies: a function that changes its inputs cannot change the next case
            got = decide(np.array(case.real), np.array(case.control), list(case.bridges))
        except Exception as exc:  # the learner's code: any error is a hint to give back
            message = f"{about}; your function raised {type(exc).__name__}: {exc}"
            return finish(Check(exercise, False, message), strict)  # the other cases would only repeat it
        if got == case.verdict:
            continue
        if not isinstance(got, str) or got not in VERDICTS:
            message = f"{about}; you returned {got!r}, which is not one of {', '.join(map(repr, VERDICTS))}."
            return finish(Check(exercise, False, message), strict)
        failures.append(
            f"{about}; the rule says {case.verdict!r}, you returned {got!r}: {_decision_hint(case, got)}"
        )
    if failures:
        message = f"{len(failures)} of {len(cases)} cases differ:\n" + "\n".join(failures)
        return finish(Check(exercise, False, message), strict)
    said = "; ".join(f"{case.name}: {case.verdict}" for case in cases)
    return finish(Check(exercise, True, f"every case gets the rule's verdict ({said})."), strict)
