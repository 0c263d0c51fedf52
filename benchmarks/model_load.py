"""Measure embedded-model load times: first load (GGUF conversion) and later loads (cached).

Each load runs in a fresh Python process with an empty temporary cache, so the
numbers include everything a user waits for. Prints one line per measurement.

    python benchmarks/model_load.py [--models smollm2-135m gemma-3-270m]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

CHILD = """
import json, time
t0 = time.perf_counter()
import mechhop.models.loading  # torch, transformers, TransformerLens (mechhop itself loads lazily)
t1 = time.perf_counter()
model = mechhop.load_model({name!r}, device="cpu")
t2 = time.perf_counter()
print(json.dumps({{"import_s": t1 - t0, "load_s": t2 - t1}}))
"""


def measure(name: str, cache: str) -> dict[str, float]:
    env = {**os.environ, "MECHHOP_CACHE_DIR": cache}
    out = subprocess.run(
        [sys.executable, "-c", CHILD.format(name=name)], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--models", nargs="+", default=["smollm2-135m", "gemma-3-270m"])
    parser.add_argument("--repeats", type=int, default=2, help="cached loads to time")
    args = parser.parse_args()
    for name in args.models:
        with tempfile.TemporaryDirectory() as cache:
            first = measure(name, cache)
            print(
                f"{name}: first load (convert + cache) {first['load_s']:.1f}s "
                f"(+ imports {first['import_s']:.1f}s)"
            )
            for i in range(args.repeats):
                later = measure(name, cache)
                print(
                    f"{name}: cached load #{i + 1} {later['load_s']:.1f}s "
                    f"(+ imports {later['import_s']:.1f}s)"
                )


if __name__ == "__main__":
    main()
