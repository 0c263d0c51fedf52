"""Attention knockout: where does information flow? (Biran et al., 2024; docs/method/knockout.md)

Attention knockout (Geva et al., 2023, as used in "Hopping Too Late") asks
whether some position reads a mention around layer ``l``: block the attention
edges from the *query* positions (the last token, every token, or the last
token of e1 / r1) to the *key* positions (the last token of the e1 / e2 / r1 /
r2 mention, or its whole span) in every head of layers ``l-k .. l+k`` (clipped
to the model), by setting their pre-softmax scores to -inf so each row
renormalises over the other keys; then generate 10 greedy tokens. The
knockout *matters* at ``l`` unless the answer was correct and stays correct,
or the generation does not change (the paper's rule, ``matters``); the
symmetric rule (``matters_symmetric``) asks the same of both groups: did the
first generated token change? Sweeping ``l`` shows when, e.g., the last
position reads e1 (the paper's "information propagation" stage).

    >>> result = knockout(model, usable, KnockoutConfig(keys=("e1", "r1", "r2")), out="runs")
    >>> summarize_knockout(result.table, groups)   # share of queries where it matters, per layer
    >>> summarize_knockout(result.table, groups, rule="symmetric")

The second-hop prompt ("the spouse of John Lennon is") has e2 and r2 mentions
instead (``KnockoutConfig(prompt="second_hop", keys=("e2", "r2"))``).
"""

from mechhop.analyses.knockout.config import (
    KNOCKOUT_RULES,
    PAPER_N_LAYERS,
    PROMPT_KEYS,
    PROMPT_QUERY_SETS,
    SPAN_MODES,
    TABLE_COLUMNS,
    WINDOW_SCALES,
    KeyName,
    KnockoutConfig,
    KnockoutPrompt,
    KnockoutRule,
    QuerySet,
    SpanMode,
    WindowScale,
    scaled_window,
)
from mechhop.core.lazy import lazy_attributes

# Tables load pandas, the model part torch and TransformerLens: each on first use, so that the
# config (and the command line's option checks built on it) needs none of them.
_TABLES = (
    "FIRST_TOKEN_COLUMNS",
    "has_first_tokens",
    "knockout_matters",
    "knockout_matters_symmetric",
    "recorrect",
    "summarize_knockout",
)
_RUN = (
    "window_layers",
    "knockout_recipe",
    "blocks_an_edge",
    "knockout_positions",
    "query_positions",
    "key_positions",
    "knockout",
)

__getattr__ = lazy_attributes(
    __name__, {"mechhop.analyses.knockout.tables": _TABLES, "mechhop.analyses.knockout.run": _RUN}
)


__all__ = [
    "FIRST_TOKEN_COLUMNS",
    "KNOCKOUT_RULES",
    "PAPER_N_LAYERS",
    "PROMPT_KEYS",
    "PROMPT_QUERY_SETS",
    "SPAN_MODES",
    "TABLE_COLUMNS",
    "WINDOW_SCALES",
    "KeyName",
    "KnockoutConfig",
    "KnockoutPrompt",
    "KnockoutRule",
    "QuerySet",
    "SpanMode",
    "WindowScale",
    "blocks_an_edge",
    "has_first_tokens",
    "key_positions",
    "knockout",
    "knockout_matters",
    "knockout_matters_symmetric",
    "knockout_positions",
    "knockout_recipe",
    "query_positions",
    "recorrect",
    "scaled_window",
    "summarize_knockout",
    "window_layers",
]
