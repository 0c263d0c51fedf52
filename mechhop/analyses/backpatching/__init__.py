"""Back-patching: do later layers lack what they need? (Biran et al., 2024, §5)

The residual stream at the output of a *later* block ``ls`` at position ``p``
of the two-hop prompt replaces the output of an *earlier* block ``lt < ls`` at
the same position; the model then generates 10 greedy tokens and succeeds if
e3 appears (the docs/method/index.md answer check). If some pair ``(ls, lt)`` turns a wrong
answer into the right one, the model had computed what it needed, but too late
for the layers that had to use it: "hopping too late". The paper's headline is
the *oracle* success among composition-incorrect queries (some pair works): up
to 57% (arXiv v1) / 66% (EMNLP) across LLaMA 2 and 3, for p = t1 and p = t2,
each position on its own (docs/method/backpatching.md).

With hundreds of perturbed generations per query, some name e3 by chance. The
placebo (docs/method/controls.md, ``BackpatchingConfig(source="placebo")``) runs the same
grid and position with the source state taken from another query ``q'`` (a
different bridge entity and answer, :func:`placebo_donors`); success is still
q's e3. A rescue rate is a finding only where it stands above its placebo
rate: :func:`rescue_rates` puts them side by side, and :func:`pair_comparison`
compares the number of successful pairs query by query.

Targets generalise it (the paper's activation-patching variants): the source
always comes from the two-hop prompt; the target is the ``"original"`` prompt,
the ``"composition"`` prompt (e1 replaced by "x", patched at "x") or the
``"second_hop"`` prompt ("the spouse of x is", patched at "x").

    >>> result = backpatching(model, queries, BackpatchingConfig(positions=("e1", "last")))
    >>> placebo = backpatching(model, queries, BackpatchingConfig(source="placebo"))
    >>> oracle(result.table)                      # per query: rescued by some pair?
    >>> rescue_rates(result.table, groups, placebo=placebo.table)  # per group and position, 95% CIs
    >>> pair_comparison(result.table, placebo.table, groups)       # successful pairs, query by query
"""

from mechhop.analyses.backpatching.config import (
    CONTROLS,
    EITHER,
    SOURCES,
    TARGETS,
    BackpatchingConfig,
    Source,
    Target,
)
from mechhop.core.lazy import lazy_attributes

# Tables load pandas, the model part torch and TransformerLens: each on first use, so that the
# config (and the command line's option checks built on it) needs none of them.
_TABLES = (
    "control_claims",
    "control_comparison",
    "donor_permutation_p",
    "oracle",
    "pair_comparison",
    "pair_shares",
    "placebo_donors",
    "rescue_rates",
    "resucceed",
)
_RUN = ("target_prompt", "backpatching")

__getattr__ = lazy_attributes(
    __name__, {"mechhop.analyses.backpatching.tables": _TABLES, "mechhop.analyses.backpatching.run": _RUN}
)


__all__ = [
    "CONTROLS",
    "EITHER",
    "SOURCES",
    "TARGETS",
    "BackpatchingConfig",
    "Source",
    "Target",
    "backpatching",
    "control_claims",
    "control_comparison",
    "donor_permutation_p",
    "oracle",
    "pair_comparison",
    "pair_shares",
    "placebo_donors",
    "rescue_rates",
    "resucceed",
    "target_prompt",
]
