"""Patchscopes entity description: which entity does a hidden state encode?

Biran et al. (2024, §3; Ghandeharioun et al., 2024) read a hidden state by
patching it into a prompt that asks for a description. The residual stream at
the output of block ``ls`` at ``t1`` (last token of e1, position ``"e1"``) or
``t2`` (the last token, ``"last"``) of the two-hop prompt replaces the residual
stream at the output of block ``lt`` at the final "x" of::

    Syria: Syria is a country in the Middle East, Leonardo DiCaprio: Leonardo
    DiCaprio is an American actor, Samsung: Samsung is a South Korean
    multinational corporation, x

and the model continues for 10 tokens (paper setting: sampled, three seeds).
A continuation *describes* e1, e2 or e3 (checked in that order) when it holds
``": a "``, ``": a,"``, ``": a."``, ``": a:"`` or ``"a: "`` for an answer
string ``a`` of the entity, case-insensitively (docs/method/patchscopes.md;
:func:`mechhop.data.matching.describes`). All ``(ls, lt)`` pairs form a layer x layer
grid; "e2 is decoded from t1 at layer l" when some target layer (and seed)
gives e2 from source layer l. Every generation runs through the sweep engine.

The description prompt's own examples (a country, a person, a company) favour
some answers whatever the state holds. The placebo (docs/method/controls.md) measures
that bias: :func:`placebo_table` labels each query's grid with the generations
of every eligible donor's state (another bridge and answer; donors are the
queries present in the table). The target prompt is the same for every query,
so those generations are already in the table: the placebo costs no model
call. Per query the placebo counts the *share* of its donors that decode the
entity (:func:`placebo_shares`), so many donors do not inflate it;
:func:`decoding_rates` puts real and placebo decoding side by side and
:func:`decoding_comparison` pairs them query by query. ``top_k=50`` gives the
authors' Hugging Face sampling and the source ``"first_is"`` their t2.

    >>> result = patchscopes(model, queries, PatchscopesConfig(decoding="greedy", seeds=(0,)))
    >>> grid(result.table, "e2", source="e1")      # share per (src_layer, tgt_layer)
    >>> control = placebo_table(result.table, result.queries)
    >>> decoding_rates(result.table, groups, placebo=control)
    >>> per_query, summary = decoding_comparison(result.table, control, groups)
"""

from mechhop.analyses.patchscopes.config import (
    KEYS,
    LABELS,
    TARGET_PROMPTS,
    Label,
    PatchscopesConfig,
)
from mechhop.core.lazy import lazy_attributes

# Tables load pandas, the model part torch and TransformerLens: each on first use, so that the
# config (and the command line's option checks built on it) needs none of them.
_TABLES = (
    "classify_description",
    "decoded_layers",
    "decoding_comparison",
    "decoding_rates",
    "describes",
    "grid",
    "placebo_shares",
    "placebo_table",
    "relabel",
)
_RUN = ("patchscopes",)

__getattr__ = lazy_attributes(
    __name__, {"mechhop.analyses.patchscopes.tables": _TABLES, "mechhop.analyses.patchscopes.run": _RUN}
)


__all__ = [
    "KEYS",
    "LABELS",
    "TARGET_PROMPTS",
    "Label",
    "PatchscopesConfig",
    "classify_description",
    "decoded_layers",
    "decoding_comparison",
    "decoding_rates",
    "describes",
    "grid",
    "patchscopes",
    "placebo_shares",
    "placebo_table",
    "relabel",
]
