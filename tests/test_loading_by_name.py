"""Loading a TransformerLens model by name, offline: a tiny random Llama-style checkpoint placed in a
Hugging Face cache under an official TransformerLens name (01-ai/Yi-6B, a LlamaForCausalLM whose
config TransformerLens reads from the checkpoint), then compared with the Hugging Face model."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap

import torch
from transformers import LlamaConfig, LlamaForCausalLM

from mechhop.models.loading import embedded_hf_folder

NAME = "01-ai/Yi-6B"


def seed_cache(home, vocab: int) -> None:
    """The hub cache layout huggingface_hub reads offline: refs/main -> snapshots/<commit>/."""
    repo = home / "hub" / f"models--{NAME.replace('/', '--')}"
    commit = "0" * 40
    snapshot = repo / "snapshots" / commit
    (repo / "refs").mkdir(parents=True)
    (repo / "refs" / "main").write_text(commit)
    torch.manual_seed(0)
    config = LlamaConfig(vocab_size=vocab, hidden_size=64, intermediate_size=128, num_hidden_layers=3,
                         num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=256,
                         tie_word_embeddings=False)  # fmt: skip
    LlamaForCausalLM(config).save_pretrained(snapshot)
    tokenizer = embedded_hf_folder("smollm2-135m")
    for name in ("tokenizer.json", "tokenizer_config.json"):
        shutil.copy(tokenizer / name, snapshot / name)


def test_a_transformer_lens_name_loads_from_an_offline_cache(tmp_path):
    seed_cache(tmp_path, vocab=49152)
    probe = textwrap.dedent(f"""
        import torch
        from transformers import AutoModelForCausalLM
        import mechhop
        from mechhop.core.backend import as_backend
        model = mechhop.load_model({NAME!r}, device="cpu")
        info, spec = model.mechhop_info, as_backend(model).spec
        assert (info.source, spec.n_layers, spec.d_model) == ("transformer_lens", 3, 64), (info, spec)
        tokens = torch.tensor([[1, 17, 300, 4000, 12]])
        hf = AutoModelForCausalLM.from_pretrained({NAME!r}).eval()
        with torch.no_grad():
            ours, theirs = model(tokens), hf(tokens).logits
        # TransformerLens centres the unembedding (weight processing): compare log-probabilities
        gap = (ours.log_softmax(-1) - theirs.log_softmax(-1)).abs().max().item()
        assert gap < 1e-4, gap
        print("generated", repr(mechhop.generate(model, ["the capital of"], max_new_tokens=3).texts[0]))
    """)
    env = {"HF_HOME": str(tmp_path), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
           "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}  # fmt: skip
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env)
    assert out.returncode == 0, out.stderr[-3000:]
    assert "generated" in out.stdout
