"""Golden references for applied recipes on tiny random HookedTransformers."""

from __future__ import annotations

import pytest
import torch

import mechhop
from mechhop import KnockOut, Patch, PositionError, Project, Recipe, RecipeError, Record, Site
from mechhop.core.apply import applied, assert_no_hooks
from mechhop.core.backend import as_backend
from mechhop.core.tokens import encode

PROMPTS = [[5, 9, 11, 3, 7, 2], [4, 8, 15], [1]]


def clean_logits(model, prompts=PROMPTS):
    return mechhop.run(model, prompts).logits


@pytest.mark.parametrize("kind", ["resid_pre", "resid_mid", "resid_post", "attn_out", "mlp_out"])
@pytest.mark.parametrize("position", [0, -1, None])
def test_patching_a_state_into_its_own_site_changes_nothing(tiny, kind, position):
    prompts = [[5, 9, 11, 3, 7, 2]] if position is None else PROMPTS
    for layer in range(tiny.cfg.n_layers):
        site = Site(kind, layer, position)
        patched = mechhop.run(tiny, prompts, Recipe(Patch(site, source=site))).logits
        assert torch.equal(patched, clean_logits(tiny, prompts))


def test_knockout_that_blocks_no_edge_changes_nothing(tiny):
    # keys after their query are causally masked already, and empty key sets block nothing
    for recipe in (
        Recipe(KnockOut(layers=tuple(range(4)), queries=(0,), keys=(-1,))),
        Recipe(KnockOut(layers=(1, 2), keys=())),
    ):
        assert torch.equal(mechhop.run(tiny, PROMPTS[:2], recipe).logits, clean_logits(tiny, PROMPTS[:2]))


def test_knockout_really_changes_the_output(tiny):
    recipe = Recipe(KnockOut(layers=tuple(range(4)), queries=(-1,), keys=(0, 1)))
    assert not torch.allclose(mechhop.run(tiny, PROMPTS[:1], recipe).logits, clean_logits(tiny, PROMPTS[:1]))


def test_blocking_all_edges_to_a_key_gives_exactly_zero_attention(tiny):
    key = 2
    steps = [KnockOut(layers=(1,), keys=(key,))]
    steps += [Record(Site("pattern", layer, None), name=f"p{layer}") for layer in range(4)]
    res = mechhop.run(tiny, [PROMPTS[0]], Recipe(*steps))
    pattern = res.records["p1"][0]  # [head, query, key]
    assert torch.all(pattern[:, key:, key] == 0)
    # rows still renormalise over the remaining keys
    torch.testing.assert_close(pattern[:, key + 1 :].sum(-1), torch.ones_like(pattern[:, key + 1 :, 0]))
    assert torch.all(res.records["p0"][0][:, key:, key].sum(0) > 0)  # other layers untouched


def test_knockout_on_chosen_heads_and_queries_only(tiny):
    recipe = Recipe(
        KnockOut(layers=(2,), queries=(-1,), keys=(1,), heads=(0, 3)),
        Record(Site("pattern", 2, None), name="p"),
    )
    pattern = mechhop.run(tiny, [PROMPTS[0]], recipe).records["p"][0]
    assert torch.all(pattern[[0, 3], -1, 1] == 0)
    assert torch.all(pattern[[1, 2], -1, 1] > 0)
    assert torch.all(pattern[:, -2, 1] > 0)


def manual_back_patch(model, tokens, src_layer, tgt_layer, pos):
    _, cache = model.run_with_cache(tokens)
    value = cache[f"blocks.{src_layer}.hook_resid_post"][:, pos].clone()

    def hook(act, hook):
        act[:, pos] = value
        return act

    return model.run_with_hooks(tokens, fwd_hooks=[(f"blocks.{tgt_layer}.hook_resid_post", hook)])


def test_back_patch_recipe_equals_manual_two_pass(tiny):
    tokens = torch.tensor([PROMPTS[0]])
    for src, tgt, pos in [(3, 0, -1), (2, 1, 2), (3, 1, 0)]:
        recipe = Recipe(Patch(Site("resid_post", tgt, pos), source=Site("resid_post", src, pos)))
        ours = mechhop.run(tiny, [PROMPTS[0]], recipe).logits
        theirs = manual_back_patch(tiny, tokens, src, tgt, pos)
        assert torch.equal(ours, theirs)
        assert not torch.allclose(ours, clean_logits(tiny, [PROMPTS[0]]))


def test_cross_prompt_patch_reads_the_source_prompt(tiny):
    source = [7, 7, 3, 9]
    recipe = Recipe(Patch(Site("resid_post", 0, -1), source=Site("resid_post", 2, 1), source_prompt=source))
    _, cache = tiny.run_with_cache(torch.tensor([source]))
    value = cache["blocks.2.hook_resid_post"][0, 1]
    res = mechhop.run(tiny, PROMPTS, recipe + Record(Site("resid_post", 0, -1), name="r"))
    for row in range(len(PROMPTS)):
        assert torch.equal(res.records["r"][row], value)


def test_per_row_recipes_in_one_batch_equal_separate_runs(tiny):
    recipes = [
        Recipe(Patch(Site("resid_post", 0, -1), source=Site("resid_post", 3, -1))),
        Recipe(KnockOut(layers=(1, 2), queries=(-1,), keys=(0,))),
        Recipe(),
    ]
    batched = mechhop.run(tiny, PROMPTS, recipes).logits
    for row, (prompt, recipe) in enumerate(zip(PROMPTS, recipes, strict=False)):
        alone = mechhop.run(tiny, [prompt], recipe).logits[0]
        torch.testing.assert_close(batched[row, -len(prompt) :], alone, atol=1e-5, rtol=1e-5)


def test_records_and_projection(tiny):
    last = tiny.cfg.n_layers - 1
    recipe = Recipe(
        Record(Site("resid_post", 1, -1), name="r1"),
        Project(Site("resid_post", last, -1), name="lens"),
    )
    res = mechhop.run(tiny, PROMPTS, recipe)
    assert res.records["r1"].shape == (3, tiny.cfg.d_model)
    # the logit lens of the final residual stream is the model's own output
    torch.testing.assert_close(res.records["lens"], res.last_logits, atol=1e-5, rtol=1e-5)


def test_position_out_of_range_names_the_prompt(tiny):
    recipe = Recipe(Record(Site("resid_post", 0, 5)))
    with pytest.raises(PositionError, match=r"Position 5 does not exist in prompt 1 .*3 tokens"):
        mechhop.run(tiny, PROMPTS, recipe)
    assert_no_hooks(tiny)


def test_hooks_never_leak(tiny):
    backend = as_backend(tiny)
    batch = encode(backend, PROMPTS)
    recipe = Recipe(KnockOut(layers=(0, 1), keys=(0,)), Record(Site("resid_post", 1, -1)))
    with pytest.raises(ZeroDivisionError), applied(tiny, batch, recipe):
        assert backend.installed_hook_count() == 3
        1 / 0  # noqa: B018
    assert_no_hooks(tiny)
    with applied(tiny, batch, recipe):
        with pytest.raises(RecipeError, match="already applied"), applied(tiny, batch, recipe):
            pass
        assert backend.installed_hook_count() == 3  # the outer block keeps its own hooks
    assert_no_hooks(tiny)
    with pytest.raises(RecipeError):
        mechhop.run(tiny, PROMPTS, Recipe(Record(Site("resid_post", 99, 0))))
    mechhop.generate(tiny, PROMPTS, recipe, max_new_tokens=3, apply_to="every_step")
    assert_no_hooks(tiny)
    # the model is clean: a plain forward equals one before any recipe
    assert torch.equal(tiny(torch.tensor([PROMPTS[0]])), clean_logits(tiny, [PROMPTS[0]]))


def test_pretransposed_weights_give_bit_identical_outputs(tiny):
    from mechhop.models.hooked import pretranspose_weights
    from tests.conftest import make_tiny

    model = make_tiny("rms-rotary-gqa" if tiny.cfg.gated_mlp else "ln-absolute-mha")
    tokens = torch.tensor([PROMPTS[0]])
    before = model(tokens)
    changed = pretranspose_weights(model)
    assert changed == (3 * model.cfg.n_layers + 1 if model.cfg.gated_mlp else 1)
    assert model.W_U.T.is_contiguous()
    assert torch.equal(model(tokens), before)
