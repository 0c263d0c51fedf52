"""The two backends behind the seam: which one a user gets, and that both give the same tables.

This file runs in the main suite (transformer-lens 3.9: the HookedTransformer backend) and in CI's
bridge job (transformer-lens 4: the TransformerBridge backend, scripts/bridge_stack.sh). Every
analysis runs on a tiny random Llama saved as a Hugging Face folder; its tables must equal
tests/data/backend-reference.json, written on the HookedTransformer backend
(``python tests/test_backends.py`` rewrites it). Under 3.9 that checks the reference is current;
under 4.x, that the bridge agrees.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import torch

import mechhop
from mechhop.analyses import registry
from mechhop.core.backend import as_backend
from mechhop.engine.sweep import EngineConfig, KnockoutVariant, PatchVariant, run_knockouts, run_variants
from mechhop.errors import MechhopError
from mechhop.models.loading import choose_backend, installed_backend

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script to rewrite the reference
    sys.path.insert(0, str(ROOT))

from tests.tiny_lm import make_tokenizer, tiny_queries  # noqa: E402

REFERENCE = ROOT / "tests" / "data" / "backend-reference.json"
KIND = installed_backend()
# Small settings: every analysis, every code path (engine variants, knockout, projection), in seconds
RUNS = (
    ("patchscopes", dict(decoding="greedy", seeds=(0,), src_layers=(0, 2, 3), tgt_layers=(0, 2))),
    *(("backpatching", dict(src_layers=(1, 3), source=s, donors=1)) for s in ("query", "forward", "placebo")),
    ("knockout", dict(max_new_tokens=4)),
    ("projection", dict()),
)
# what each analysis decides from (probabilities are compared through the ranks and tokens they give)
COLUMNS = ("generation", "label", "first_token", "matters", "baseline_generation", "top_tokens", "e2_rank",
           "e3_rank", "predicted_rank")  # fmt: skip


def tiny_llama_folder(folder: Path, seed: int = 0) -> Path:
    """A 4-layer Llama (GQA: 4 query heads, 2 KV heads) with the tiny word-level tokenizer. Weights
    come from one seeded generator in parameter order, so every transformers release makes the same."""
    from transformers import LlamaConfig, LlamaForCausalLM

    tokenizer = make_tokenizer()
    config = LlamaConfig(
        vocab_size=len(tokenizer), hidden_size=32, intermediate_size=64, num_hidden_layers=4,
        num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=64, rms_norm_eps=1e-5,
        tie_word_embeddings=False, pad_token_id=tokenizer.pad_token_id, eos_token_id=tokenizer.eos_token_id,
        bos_token_id=None,
    )  # fmt: skip
    model = LlamaForCausalLM(config)
    gen = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for name, param in sorted(model.named_parameters()):
            noise = torch.randn(param.shape, generator=gen)
            param.copy_(
                1 + 0.1 * noise if name.endswith("norm.weight") else noise * param.shape[-1] ** -0.5 * 2
            )
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


@pytest.fixture(scope="module")
def llama(tmp_path_factory):
    folder = tiny_llama_folder(tmp_path_factory.mktemp("tiny-llama"))
    return mechhop.load_model(str(folder), device="cpu", prepend_bos=False)


def tables(model) -> dict[str, list[dict]]:
    """Each analysis's table, reduced to its keys and the columns both backends must agree on."""
    out = {}
    for name, settings in RUNS:
        analysis = registry.get(name)
        table = analysis.runner()(model, tiny_queries(), analysis.config(**settings), progress=False).table
        keep = [c for c in table.columns if c in analysis.keys or c in COLUMNS]
        rows = table[keep].astype(str).sort_values(keep).to_dict("records")
        out[f"{name} {settings.get('source', '')}".strip()] = rows
    return out


# -- which backend ---------------------------------------------------------------------------
def test_the_installed_line_picks_the_backend(llama):
    info = mechhop.model_info(llama)
    assert info.backend == KIND and choose_backend("auto") == KIND
    assert (
        type(as_backend(llama)).__name__
        == {"hooked": "HookedTransformerBackend", "bridge": "BridgeBackend"}[KIND]
    )
    other = {"hooked": "bridge", "bridge": "hooked"}[KIND]
    with pytest.raises(MechhopError, match="pip install 'transformer-lens"):
        choose_backend(other)
    with pytest.raises(MechhopError, match="Did you mean 'bridge'"):
        choose_backend("brige")


def test_an_object_no_backend_knows_is_refused_in_one_line():
    with pytest.raises(MechhopError, match=r"mechhop has no backend for a builtins\.dict"):
        mechhop.generate({}, ["a"])


@pytest.mark.skipif(KIND != "bridge", reason="the bridge backend's own checks")
def test_the_cache_is_handed_over_by_its_old_name_only_where_transformers_renamed_it(llama):
    from importlib.metadata import version

    from packaging.version import Version

    if getattr(llama, "mechhop_cache_shim", False):
        assert Version(version("transformers")) >= Version("5.24")
    cache = as_backend(llama).new_cache(1)
    as_backend(llama).forward(torch.tensor([[5, 9, 11]]), torch.ones(1, 3, dtype=torch.long), cache)
    assert cache.hf.get_seq_length() == 3  # the prompt's keys and values are there to decode on


@pytest.mark.skipif(KIND != "bridge", reason="the bridge backend's own checks")
def test_knockout_is_refused_where_attention_runs_in_a_fused_kernel(llama, monkeypatch):
    from mechhop.errors import RecipeError
    from mechhop.models.bridge import BridgeBackend

    monkeypatch.setattr(llama.original_model.config, "_attn_implementation", "sdpa")
    backend = BridgeBackend(llama)
    assert "attn_scores" not in backend.spec.kinds and "resid_pre" in backend.spec.kinds
    knock = mechhop.Recipe(mechhop.KnockOut(layers=(1,), keys=(0,), queries=(-1,)))
    with pytest.raises(RecipeError, match="fused kernel"):
        mechhop.generate(backend, ["the capital of Japan is"], knock)


def test_stored_runs_of_the_hooked_backend_keep_their_keys(llama):
    described = mechhop.model_info(llama).to_dict()
    assert ("backend" in described) == (KIND == "bridge")


# -- agreement ---------------------------------------------------------------------------------
def test_every_analysis_gives_the_reference_tables(llama):
    want = json.loads(REFERENCE.read_text())
    got = tables(llama)
    for name, rows in want.items():
        same = sum(a == b for a, b in zip(got[name], rows, strict=True))
        assert same == len(rows), f"{name}: {same} of {len(rows)} rows agree on the {KIND} backend"


def test_the_engine_says_which_path_ran(llama):
    prompt = "the capital of Japan is"
    variants = [PatchVariant(prompt, mechhop.Site("resid_pre", 1, -1), mechhop.Site("resid_post", 3, -1))]
    result = run_variants(llama, variants, EngineConfig(max_new_tokens=3, progress=False))
    knock = run_knockouts(llama, [KnockoutVariant(prompt, -1, (1,), (0, 1))], EngineConfig(progress=False))
    expected = mechhop.generate(llama, [prompt], mechhop.Recipe(mechhop.Patch(variants[0].target,
                                source=variants[0].source)), max_new_tokens=3).new_tokens  # fmt: skip
    assert result.new_tokens.tolist() == expected.tolist()
    if KIND == "bridge":
        assert result.path == knock.path == "plain" and "cannot be resumed" in (result.why_not_fast or "")
    else:
        assert result.path in ("fast", "transformer_lens")


def test_both_paths_refuse_the_same_bad_variants(llama):
    """The bridge's plain path checks positions, layers and memory as the fast path does."""
    from mechhop.errors import RecipeError

    prompt, quiet = "the capital of Japan is", EngineConfig(max_new_tokens=2, progress=False)
    with pytest.raises(RecipeError, match="outside the prompt"):
        run_knockouts(llama, [KnockoutVariant(prompt, -1, (-3,), (1,))], quiet)
    with pytest.raises(RecipeError, match="out of range"):
        run_knockouts(llama, [KnockoutVariant(prompt, -1, (0,), (-1,))], quiet)
    far = PatchVariant(prompt, mechhop.Site("resid_pre", 1, 40), mechhop.Site("resid_post", 3, 0))
    with pytest.raises(RecipeError, match="does not exist in prompt"):
        run_variants(llama, [far], quiet)
    near = PatchVariant(prompt, mechhop.Site("resid_pre", 1, -1), mechhop.Site("resid_post", 3, -1))
    with pytest.raises(RecipeError, match="memory budget"):
        run_variants(llama, [near], EngineConfig(max_new_tokens=2, progress=False, memory_budget_gb=1e-9))


@pytest.mark.skipif(KIND != "bridge", reason="the bridge backend's own checks")
def test_a_bridge_built_by_hand_is_checked_and_gives_the_same_generations(llama):
    from transformer_lens.model_bridge import TransformerBridge

    folder = mechhop.model_info(llama).location
    own = TransformerBridge.boot_transformers(folder, device="cpu")
    own.cfg.default_prepend_bos = False
    prompts = ["the spouse of the performer of Imagine is", "the capital of Japan is"]
    assert (
        mechhop.generate(own, prompts, max_new_tokens=5).texts
        == mechhop.generate(llama, prompts, max_new_tokens=5).texts
    )
    assert own.mechhop_cache_checked


@pytest.mark.skipif(KIND != "bridge", reason="the bridge backend's own checks")
def test_a_half_precision_bridge_passes_the_cache_check(llama):
    half = mechhop.load_model(
        mechhop.model_info(llama).location, device="cpu", dtype="bfloat16", prepend_bos=False
    )
    assert as_backend(half).dtype == torch.bfloat16 and half.mechhop_cache_checked


@pytest.mark.skipif(KIND != "bridge", reason="the bridge backend's own checks")
def test_the_bridge_refuses_a_kv_cache_that_stays_empty(llama, monkeypatch):
    from mechhop.models import bridge

    backend = as_backend(llama)
    real = backend.forward

    def forgetful(tokens, mask, cache=None, **kw):  # what transformers >= 5.24 does to 4.3.0's cache
        if cache is not None:
            cache.hf, cache.mask = bridge.BridgeCache().hf, None
        return real(tokens, mask, cache, **kw)

    monkeypatch.setattr(backend, "forward", forgetful)
    with pytest.raises(MechhopError, match="does not fill the KV cache"):
        bridge.check_kv_cache(backend)


if __name__ == "__main__":
    import tempfile

    if KIND != "hooked":
        sys.exit("The reference is written on the HookedTransformer backend (transformer-lens 3.9).")
    with tempfile.TemporaryDirectory() as tmp:
        model = mechhop.load_model(str(tiny_llama_folder(Path(tmp))), device="cpu", prepend_bos=False)
        REFERENCE.write_text(json.dumps(tables(model), indent=0) + "\n")
    print(f"wrote {REFERENCE.relative_to(ROOT)}")
