"""What the CPU can do in low precision, read from the operating system (no torch).

Machines of one kind come with different CPUs, and bfloat16 runs through different kernels on them
(AMX tiles, AVX-512 BF16, or emulated through float32), so its speed and its rounding differ. Test
output and benchmark results name the CPU they ran on.
"""

from __future__ import annotations

import os
import platform
from dataclasses import dataclass
from pathlib import Path

# CPU flags that give bfloat16 matrix products in hardware
BF16_FLAGS = ("amx_bf16", "avx512_bf16")


@dataclass(frozen=True)
class CpuInfo:
    """The CPU's model name and the low-precision flags it reports."""

    model: str
    flags: frozenset[str]

    @property
    def bf16_flags(self) -> tuple[str, ...]:
        """Which of :data:`BF16_FLAGS` this CPU reports."""
        return tuple(flag for flag in BF16_FLAGS if flag in self.flags)

    @property
    def native_bfloat16(self) -> bool:
        return bool(self.bf16_flags)

    def describe(self) -> str:
        """One line, e.g. ``Intel(R) Xeon(R) Processor; bf16: amx_bf16 avx512_bf16``."""
        isa = os.environ.get("ONEDNN_MAX_CPU_ISA")
        limit = f"; ONEDNN_MAX_CPU_ISA={isa}" if isa else ""
        return f"{self.model}; bf16: {' '.join(self.bf16_flags) or 'none (emulated)'}{limit}"


def cpu_info(cpuinfo: str | Path = "/proc/cpuinfo") -> CpuInfo:
    """The CPU of this machine (Linux's /proc/cpuinfo; elsewhere the platform's name, no flags)."""
    try:
        text = Path(cpuinfo).read_text(errors="replace")
    except OSError:
        return CpuInfo(platform.processor() or platform.machine() or "unknown CPU", frozenset())
    model, flags = "", ""
    for line in text.splitlines():
        key, _, value = line.partition(":")
        key = key.strip()
        if key == "model name" and not model:
            model = value.strip()
        elif key in ("flags", "Features") and not flags:  # x86, then Arm
            flags = value
    return CpuInfo(model or platform.machine() or "unknown CPU", frozenset(flags.split()))


def choose_dtype(device: str, cpu: CpuInfo | None = None) -> tuple[str, str]:
    """``dtype="auto"``: the weight dtype for ``device`` and the reason, recorded with the model.

    bfloat16 on CUDA and on CPUs that compute it natively (AMX or AVX-512 BF16: 1.8-2.3x float32's
    speed where measured); float32 elsewhere, where bfloat16 is emulated (a third of float32's speed
    on the CPU of 2026-12-06, benchmarks/results/precision-smollm2-135m.txt)."""
    kind = device.split(":")[0]
    if kind == "cuda":
        return "bfloat16", "auto: bfloat16 on CUDA"
    if kind != "cpu":
        return "float32", f"auto: float32 on {kind}"
    cpu = cpu or cpu_info()
    if cpu.native_bfloat16:
        return "bfloat16", f"auto: this CPU computes bfloat16 natively ({' '.join(cpu.bf16_flags)})"
    return "float32", "auto: this CPU emulates bfloat16 (no amx_bf16 or avx512_bf16), so float32"


if __name__ == "__main__":  # scripts/test.sh, before anything is installed: stdlib only
    print(f"CPU: {cpu_info().describe()}")
