"""Sublayer projection: which sublayer writes what into the last position?

Following Biran et al. ("Hopping Too Late", EMNLP 2024; arXiv 2406.12775) and
docs/method/projection.md, the output of each attention and MLP sublayer at the last
position of the two-hop prompt is read as the model would read the final
residual stream: final normalisation, then unembedding (a logit lens on
sublayer outputs). For each (query, layer, sublayer) the table records

- the top-k tokens with their softmax probabilities;
- the rank (0 = top; the number of vocabulary entries with a strictly larger
  logit) of e2's and e3's first token: the best rank over the first tokens of
  every answer string (label and aliases), lower-cased or not, with and
  without a leading space, and which string gave it;
- the rank of the token the model actually predicts (the argmax of its own
  final logits at that position).

docs/method/stages.md reads its stages from this table: "the lowest layer whose
attention output ranks e2 first" and "the lowest layer whose MLP output ranks
the predicted token first" (:func:`lowest_layer_ranked_first`).
"""

from mechhop.analyses.projection.config import (
    ANALYSIS,
    SUBLAYERS,
    TABLE_COLUMNS,
    ProjectionConfig,
    Sublayer,
    Target,
)
from mechhop.core.lazy import lazy_attributes

# Tables load pandas, the model part torch and TransformerLens: each on first use, so that the
# config (and the command line's option checks built on it) needs none of them.
_TABLES = (
    "candidate_strings",
    "lowest_layer_ranked_first",
    "summarize_projection",
)
_RUN = (
    "ranks_of",
    "first_token_candidates",
    "SublayerOutputs",
    "last_position_outputs",
    "sublayer_projection",
)

__getattr__ = lazy_attributes(
    __name__, {"mechhop.analyses.projection.tables": _TABLES, "mechhop.analyses.projection.run": _RUN}
)


__all__ = [
    "ANALYSIS",
    "SUBLAYERS",
    "TABLE_COLUMNS",
    "ProjectionConfig",
    "Sublayer",
    "SublayerOutputs",
    "Target",
    "candidate_strings",
    "first_token_candidates",
    "last_position_outputs",
    "lowest_layer_ranked_first",
    "ranks_of",
    "sublayer_projection",
    "summarize_projection",
]
