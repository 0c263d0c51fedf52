"""A tiny random HookedTransformer with a real (word-level) tokenizer, built offline.

Analyses take text queries; this model lets their whole path (positions, prompts,
generation, classification, storage) run in unit tests in well under a second.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers
from transformers import PreTrainedTokenizerFast

from mechhop.analyses.patchscopes import TARGET_PROMPTS
from mechhop.data.schema import TwoHopDataset, TwoHopQuery

if TYPE_CHECKING:
    from transformer_lens import HookedTransformer

SPECIAL = ["<pad>", "<eos>", "<unk>"]


def tiny_queries() -> TwoHopDataset:
    def q(i, e1, r1, t1, e2, r2, t2, e3, e2_aliases=()):
        return TwoHopQuery(
            id=f"q{i}", e1=e1, r1=r1, e2=e2, r2=r2, e3=e3, e1_label=e1, e2_label=e2, e3_label=e3,
            r1_template=t1, r2_template=t2, e2_aliases=tuple(e2_aliases),
        )  # fmt: skip

    return TwoHopDataset(
        [
            q(
                0,
                "Imagine",
                "P175",
                "the performer of {}",
                "John Lennon",
                "P26",
                "the spouse of {}",
                "Yoko Ono",
            ),
            q(
                1,
                "Messi",
                "P27",
                "the country of citizenship of {}",
                "Argentina",
                "P36",
                "the capital of {}",
                "Buenos Aires",
                ("AR",),
            ),
            q(2, "Toyota", "P17", "the country of {}", "Japan", "P38", "the currency of {}", "yen"),
        ]
    )


def _words() -> list[str]:
    text = " ".join(TARGET_PROMPTS.values())
    for query in tiny_queries():
        text += " " + " ".join(query.prompts().values()) + " " + query.e2_label + " " + query.e3_label
        text += " " + " ".join(query.e2_aliases) + " x"
    return sorted(set(re.findall(r"\w+|[^\w\s]", text)))


def make_tokenizer() -> PreTrainedTokenizerFast:
    """A word-level tokenizer over every word of the tiny queries and the Patchscopes prompts."""
    vocab = {w: i for i, w in enumerate(SPECIAL + _words())}
    backend = Tokenizer(models.WordLevel(vocab, unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.Whitespace()
    backend.decoder = decoders.WordPiece(prefix="##")  # joins words with spaces
    return PreTrainedTokenizerFast(
        tokenizer_object=backend, pad_token="<pad>", eos_token="<eos>", unk_token="<unk>"
    )


def make_tiny_lm(kind: str = "rms-rotary-gqa", seed: int = 0, dtype: str = "float32") -> HookedTransformer:
    from transformer_lens import HookedTransformer, HookedTransformerConfig

    from tests.conftest import FAMILY_CONFIGS

    tokenizer = make_tokenizer()
    vocab = tokenizer.get_vocab()
    torch.manual_seed(seed)
    cfg = HookedTransformerConfig(
        n_layers=4, d_model=32, d_head=8, n_heads=4, d_mlp=64, d_vocab=len(vocab), n_ctx=64,
        init_weights=True, seed=seed, default_prepend_bos=False, device="cpu", **FAMILY_CONFIGS[kind],
    )  # fmt: skip
    model = HookedTransformer(cfg, tokenizer=tokenizer, default_padding_side="left").eval()
    if dtype != "float32":  # the same weights, rounded (HookedTransformer.to also sets cfg.dtype)
        model = model.to(getattr(torch, dtype))
    return model
