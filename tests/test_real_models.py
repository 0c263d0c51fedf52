"""Real tests on the embedded models (SmolLM2-135M by default, Gemma 3 270M for loading)."""

from __future__ import annotations

import shutil

import pytest
import torch

import mechhop
from mechhop import KnockOut, Patch, Recipe, Record, Site
from mechhop.core.apply import assert_no_hooks
from mechhop.models.loading import embedded_hf_folder

pytestmark = pytest.mark.real

PROMPTS = [
    "the spouse of the performer of Imagine is",
    "The capital of France is",
    "the author of Hamlet is",
    "Hello",
]


@pytest.mark.parametrize("name", ["smollm2-135m", "gemma-3-270m"])
def test_log_probs_match_the_hugging_face_model(name, request):
    model = request.getfixturevalue("smol" if name == "smollm2-135m" else "gemma")
    hf, tokenizer = mechhop.load_hf_model(name)
    worst = 0.0
    for prompt in PROMPTS:
        tokens = model.to_tokens(prompt)
        hf_ids = tokenizer(prompt, return_tensors="pt").input_ids
        assert tokens.tolist() == hf_ids.tolist(), f"{name} tokenises {prompt!r} unlike Hugging Face"
        with torch.no_grad():
            ours = model(tokens).log_softmax(-1)
            theirs = hf(tokens).logits.log_softmax(-1)
        worst = max(worst, (ours - theirs).abs().max().item())
    print(f"{name}: max |log p_TL - log p_HF| = {worst:.2e}")
    assert worst < 1e-4


def test_tokenization_defaults(smol):
    assert mechhop.model_info(smol).prepend_bos is False
    ids = smol.to_tokens("the author of Hamlet is")[0].tolist()
    assert smol.tokenizer.convert_ids_to_tokens(ids[0]) != "<|im_start|>"
    info = mechhop.model_info(smol)
    assert info.processing.fold_ln and info.normalization_type == "RMSPre"


def test_identity_patch_and_empty_knockout_change_nothing(smol):
    clean = mechhop.run(smol, PROMPTS[:2]).logits
    for layer in (0, 14, 29):
        site = Site("resid_post", layer, -1)
        assert torch.equal(mechhop.run(smol, PROMPTS[:2], Recipe(Patch(site, source=site))).logits, clean)
    no_edge = Recipe(KnockOut(layers=tuple(range(30)), queries=(0,), keys=(-1,)))
    assert torch.equal(mechhop.run(smol, PROMPTS[:2], no_edge).logits, clean)


def test_back_patch_equals_manual_two_pass(smol):
    prompt = PROMPTS[0]
    tokens = smol.to_tokens(prompt)
    _, cache = smol.run_with_cache(tokens)
    value = cache["blocks.20.hook_resid_post"][:, -1].clone()

    def hook(act, hook):
        act[:, -1] = value
        return act

    manual = smol.run_with_hooks(tokens, fwd_hooks=[("blocks.5.hook_resid_post", hook)])
    recipe = Recipe(Patch(Site("resid_post", 5, -1), source=Site("resid_post", 20, -1)))
    ours = mechhop.run(smol, [prompt], recipe).logits
    torch.testing.assert_close(ours, manual, atol=0, rtol=0)
    assert_no_hooks(smol)


def test_knockout_zeroes_attention_to_the_key(smol):
    recipe = Recipe(
        KnockOut(layers=(10,), queries=(-1,), keys=(3,)),
        Record(Site("pattern", 10, -1), name="p"),
    )
    pattern = mechhop.run(smol, [PROMPTS[0]], recipe).records["p"][0]  # [head, key]
    assert torch.all(pattern[:, 3] == 0)
    torch.testing.assert_close(pattern.sum(-1), torch.ones(pattern.shape[0]))


def test_batched_generation_equals_unbatched(smol):
    recipes = [
        Recipe(Patch(Site("resid_post", 8, -1), source=Site("resid_post", 16, -1))),
        Recipe(),
        Recipe(KnockOut(layers=tuple(range(10, 17)), queries=(-1,), keys=(-2,))),
        Recipe(),
    ]
    batched = mechhop.generate(smol, PROMPTS, recipes, max_new_tokens=10)
    for row, (prompt, recipe) in enumerate(zip(PROMPTS, recipes, strict=False)):
        alone = mechhop.generate(smol, [prompt], recipe, max_new_tokens=10)
        assert batched.texts[row] == alone.texts[0]
        torch.testing.assert_close(batched.first_logits[row], alone.first_logits[0], atol=1e-4, rtol=1e-4)
    assert "Paris" in batched.texts[1]


def test_corrupt_weight_cache_is_rebuilt(tmp_path, monkeypatch):
    # a private cache holding a copy of the converted folder, so the shared cache is untouched
    source = embedded_hf_folder("smollm2-135m")
    monkeypatch.setenv("MECHHOP_CACHE_DIR", str(tmp_path))
    target = embedded_hf_folder.__globals__["_entry_dir"](mechhop.models.loading.EMBEDDED["smollm2-135m"])
    shutil.copytree(source, target / "hf")
    first = mechhop.load_model("smollm2-135m", device="cpu")
    weights = next(target.glob("tl-*/weights.safetensors"))
    with open(weights, "r+b") as f:
        f.truncate(1000)
    again = mechhop.load_model("smollm2-135m", device="cpu")
    tokens = first.to_tokens("The capital of France is")
    assert torch.equal(first(tokens), again(tokens))
    assert weights.stat().st_size > 1000


def test_local_hugging_face_folder_loads_like_the_embedded_model(smol):
    local = mechhop.load_model(str(embedded_hf_folder("smollm2-135m")), device="cpu", prepend_bos=False)
    info = mechhop.model_info(local)
    assert info.source == "local" and info.processing == mechhop.model_info(smol).processing
    tokens = smol.to_tokens("the author of Hamlet is")
    torch.testing.assert_close(local(tokens), smol(tokens), atol=1e-5, rtol=1e-5)
