"""Exercise 5: finding or artifact? The primary test's wording rule on synthetic and shipped data."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

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


@dataclass(frozen=True)
class _DecisionCase:
    """One case of :func:`check_decision`: the inputs and the rule's numbers and verdict."""

    name: str
    real: tuple[float, ...]
    control: tuple[float, ...]
    bridges: tuple[str, ...]
    median: float
    mean: float
    low: float
    high: float
    p: float
    verdict: str


def _decision_case(name: str, real: Any, control: Any, bridges: Any, n_boot: int) -> _DecisionCase:
    import numpy as np

    from mechhop.analyses.evidence import cluster_bootstrap, signed_rank_test, verdict

    real, control = np.asarray(real, dtype=float), np.asarray(control, dtype=float)
    differences = real - control
    low, high, _ = cluster_bootstrap(differences, list(bridges), n_boot=n_boot, seed=0)
    p = signed_rank_test(differences)
    median, mean = float(np.median(differences)), float(differences.mean())
    # as control_comparison: the effect is the median difference, its mean where the median is 0
    decided = verdict(p, median if median else mean, high)
    return _DecisionCase(
        name, tuple(real.tolist()), tuple(control.tolist()), tuple(str(b) for b in bridges),
        median, mean, low, high, p, decided,
    )  # fmt: skip


def _synthetic(rng: Any, n: int, per_bridge: int, shift: float, spread: float) -> tuple[Any, Any, list[str]]:
    control = rng.uniform(0.2, 0.6, n)
    real = (control + rng.normal(shift, spread, n)).clip(0, 1)  # shares
    return real, control, [f"B{i // per_bridge:02d}" for i in range(n)]


@functools.cache
def _decision_cases() -> tuple[_DecisionCase, ...]:
    """The cases of :func:`check_decision`, each with its reference verdict.

    The synthetic ones lie far from the rule's boundaries, so 2,000 bootstrap resamples give the
    verdict 10,000 would (and keep the check quick); the re-run's slices use control_comparison's
    10,000 (seed 0), so they reproduce the committed verdicts.
    """
    import numpy as np

    from mechhop.analyses.evidence import BOOTSTRAPS

    rng = np.random.default_rng(20261206)
    cases = [
        _decision_case("a clear positive effect", *_synthetic(rng, 60, 3, 0.12, 0.08), n_boot=2000),
        _decision_case("no effect, tight interval", *_synthetic(rng, 200, 4, 0.0, 0.01), n_boot=2000),
        _decision_case("no effect at small n", *_synthetic(rng, 8, 1, 0.0, 0.2), n_boot=2000),
        _decision_case("a negative effect", *_synthetic(rng, 60, 3, -0.1, 0.08), n_boot=2000),
    ]
    for position, where in (("e1", "e1"), ("last", "the last token")):
        shares = rescue_shares("forward", "incorrect", position)
        name = f"SmolLM2-135M re-run: incorrect queries at {where}, forward control"
        cases.append(
            _decision_case(
                name, shares["real_share"], shares["control_share"], shares["bridge"], n_boot=BOOTSTRAPS
            )
        )
    return tuple(cases)


def _decision_hint(case: _DecisionCase, got: str) -> str:
    """The part of the wording rule a learner who answered ``got`` likely missed."""
    from mechhop.analyses.evidence import ALPHA, REFERENCE_EFFECT

    want = case.verdict
    significant = ("above control", "below control")
    if want == "inconclusive at this n" and got == "not above control":
        return (
            f"not above control needs the interval's upper end below {REFERENCE_EFFECT:g}; otherwise "
            f"inconclusive at this n (p >= {ALPHA:g} alone does not show that there is no effect)."
        )
    if want == "not above control" and got == "inconclusive at this n":
        return (
            f"the interval's upper end ({case.high:.3f}) lies below the reference effect "
            f"{REFERENCE_EFFECT:g}: the data rule out an effect that large, which is 'not above control'."
        )
    if want in significant and got in significant:
        return (
            "the sign of the effect decides between above and below control: here it is "
            f"{'positive' if (case.median or case.mean) > 0 else 'negative'}."
        )
    if want in significant:
        if case.median == 0:
            return (
                f"the median difference is 0, so the rule takes the effect's sign from the mean difference "
                f"({case.mean:+.4f}); with p < {ALPHA:g} that is '{want}'."
            )
        return (
            f"p < {ALPHA:g} with a nonzero median difference is '{want}' (by its sign); the interval only "
            "matters when p is not significant."
        )
    if got in significant:
        return (
            f"'{got}' needs p < {ALPHA:g} (the signed-rank test of the differences); here p = {case.p:.3g}."
        )
    return (
        f"the rule: p < {ALPHA:g} -> above/below control by the effect's sign; else the interval's upper "
        f"end below {REFERENCE_EFFECT:g} -> not above control; else inconclusive at this n."
    )


def check_decision(decide: Callable[[Any, Any, Any], str], *, strict: bool = False) -> Check:
    """Exercise "is the rescue a finding?": ``decide(real, control, bridges)`` gets one group's
    per-query real and control rescue shares (numpy arrays of floats) and each query's bridge
    entity (a list of str), all of one length, and returns one of
    :data:`mechhop.analyses.evidence.VERDICTS` by the primary test of docs/method/controls.md: the
    differences real - control, their two-sided signed-rank p, the median difference (its mean
    where the median is 0) with a 95% bootstrap interval resampling bridges, and the wording rule
    (:func:`~mechhop.analyses.evidence.verdict`). Six named cases: a clear positive effect, no effect
    with a tight interval, no effect at small n, a negative effect, and SmolLM2-135M's re-run on its
    incorrect queries at e1 and at the last token against the forward control (:func:`rescue_shares`).
    """
    import numpy as np

    from mechhop.analyses.evidence import VERDICTS

    exercise = "rescue decision"
    cases = _decision_cases()
    failures = []
    for case in cases:
        about = (
            f"case {case.name!r} (n = {len(case.real)}): median difference {case.median:+.4f}, 95% CI "
            f"[{case.low:+.4f}, {case.high:+.4f}], p = {case.p:.3g}"
        )
        if case.median == 0:
            about += f", mean difference {case.mean:+.4f}"
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
