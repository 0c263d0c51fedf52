"""Positions and analyses on the embedded models (marked real; CI runs them)."""

from __future__ import annotations

import random

import pytest

import mechhop
from mechhop import Patch, Recipe, Site
from mechhop.analyses.backpatching import BackpatchingConfig, backpatching, target_prompt
from mechhop.analyses.patchscopes import PatchscopesConfig, patchscopes, relabel
from mechhop.data.compose import bundled_queries
from mechhop.data.positions import head_word, locate

pytestmark = pytest.mark.real


def _sample(n: int = 40, r2_form="before"):
    return random.Random(0).sample(list(bundled_queries(r2_form)), n)


@pytest.mark.parametrize("r2_form", ["before", "after"])
@pytest.mark.parametrize("fixture", ["smol", "gemma"])
def test_positions_decode_to_the_mentions(fixture, r2_form, request):
    model = request.getfixturevalue(fixture)
    for q in _sample(r2_form=r2_form):
        assert q.r2_form == r2_form
        pos = locate(model, q)
        assert list(pos.tokens) == model.to_tokens(q.two_hop_prompt)[0].tolist()
        text = {
            name: model.tokenizer.decode(list(pos.tokens[a : b + 1])).strip()
            for name, (a, b) in pos.spans.items()
        }
        assert text["e1"] == q.e1_label, q
        assert text["r1"] == head_word(q.r1, q.r1_template), q
        assert text["r2"] == head_word(q.r2, q.r2_template), q
        assert pos.last == len(pos.tokens) - 1
    bos = model.tokenizer.bos_token_id
    # Gemma prepends its BOS, SmolLM2 does not (its BOS is a chat token): positions account for it
    assert (pos.tokens[0] == bos) == (fixture == "gemma")


def test_analyses_on_smollm2_match_the_plain_method(smol):
    q = bundled_queries()[0]
    config = BackpatchingConfig(targets=("original", "second_hop"), src_layers=(20, 29), tgt_layers=(3, 10))
    bp = backpatching(smol, [q], config, progress=False).table
    pos = locate(smol, q)
    prompts, recipes = [], []
    for _, row in bp.iterrows():
        prompt, at = target_prompt(smol, q, row.target)
        source = Site("resid_post", row.src_layer, pos[row.position])
        target = Site("resid_post", row.tgt_layer, pos[row.position] if at is None else at)
        prompts.append(prompt)
        recipes.append(Recipe(Patch(target, source=source, source_prompt=q.two_hop_prompt)))
    # one row per recipe (rows of one call are independent: tests/test_apply_tiny.py)
    assert list(mechhop.generate(smol, prompts, recipes).texts) == bp["generation"].tolist()
    rows = bp.reset_index(drop=True)
    for i in rows.groupby("target").head(1).index:  # and alone, unpadded, once per target prompt
        assert mechhop.generate(smol, [prompts[i]], recipes[i]).texts[0] == rows.loc[i, "generation"]
    ps = patchscopes(smol, [q], PatchscopesConfig(decoding="greedy", seeds=(0,), pairs=((3, 3), (12, 5))),
                     progress=False)  # fmt: skip
    assert len(ps.table) == 4 and relabel(ps.table, ps.queries).tolist() == ps.table["label"].tolist()
