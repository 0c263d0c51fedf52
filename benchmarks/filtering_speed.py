"""Knowledge filtering's generations: the plain method against the engine path it now runs on.

    python benchmarks/filtering_speed.py [--model smollm2-135m] [--queries 100]

On a fixed sample of bundled queries (all five prompts each, distinct prompts only), times
(a) the plain method, the path filtering used before: ``mechhop.generate`` over batches of 32
prompts (its default then) sorted by length, and of 512; (b) ``knowledge.generate_outputs``,
which runs batches of 512 (its default now) through the sweep engine's fast decoding with
nothing patched. Prints prompts/s of each, the speed-ups, the model FLOP rate and how many
outputs agree (they must all). Run it alone on the machine.
"""

from __future__ import annotations

import argparse
import time

import mechhop
from mechhop.core.backend import as_backend
from mechhop.core.tokens import encode
from mechhop.data import knowledge
from mechhop.data.compose import bundled_queries
from mechhop.data.schema import PROMPT_NAMES


def plain(model, prompts: list[str], batch_size: int) -> dict[str, str]:
    backend = as_backend(model)
    todo = sorted(prompts, key=lambda p: (len(backend.tokenize(p, None)), p))
    out: dict[str, str] = {}
    for start in range(0, len(todo), batch_size):
        chunk = todo[start : start + batch_size]
        out.update(zip(chunk, mechhop.generate(model, encode(backend, chunk)).texts, strict=True))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument("--queries", type=int, default=100)
    parser.add_argument("--before-batch", type=int, default=32, help="filtering's batch size before")
    parser.add_argument("--batch-size", type=int, default=512, help="filtering's batch size now")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    model = mechhop.load_model(args.model, device="cpu")
    queries = bundled_queries().sample(args.queries, seed=args.seed)
    prompts = list(dict.fromkeys(q.prompt_text(n) for q in queries for n in PROMPT_NAMES))
    plain(model, prompts[:8], args.batch_size)  # warm-up (allocator, kernels)
    knowledge.generate_outputs(model, prompts[:8], batch_size=args.batch_size, progress=False)

    start = time.perf_counter()
    before = plain(model, prompts, args.before_batch)
    t_before = time.perf_counter() - start
    start = time.perf_counter()
    big = plain(model, prompts, args.batch_size)
    t_plain = time.perf_counter() - start
    start = time.perf_counter()
    after = knowledge.generate_outputs(model, prompts, batch_size=args.batch_size, progress=False)
    t_engine = time.perf_counter() - start
    same = sum(before[p] == after[p] == big[p] for p in prompts)
    # the work both must do: every prompt token and 9 decoded tokens through the blocks, 10 logit rows
    cfg = model.cfg
    block_params = sum(p.numel() for n, p in model.named_parameters() if n.startswith("blocks."))
    tokens = sum(len(as_backend(model).tokenize(p, None)) + 9 for p in prompts)
    flops = 2 * block_params * tokens + 2 * cfg.d_model * cfg.d_vocab * 10 * len(prompts)
    n = len(prompts)
    print(f"{args.model}: {n} distinct prompts of {args.queries} bundled queries (seed {args.seed}), "
          f"10 greedy tokens; model FLOPs {flops / 1e12:.2f} T")  # fmt: skip
    for name, t in ((f"plain method, batches of {args.before_batch} (before)", t_before),
                    (f"plain method, batches of {args.batch_size}", t_plain),
                    (f"engine path, batches of {args.batch_size} (now)", t_engine)):  # fmt: skip
        print(f"  {name:42s} {t:6.1f} s {n / t:6.1f} prompts/s {flops / t / 1e9:5.0f} GFLOP/s")
    print(
        f"  speed-up {t_before / t_engine:.2f}x over before ({t_plain / t_engine:.2f}x over the plain "
        f"method at the same batch size); identical outputs (all three): {same} of {n}"
    )


if __name__ == "__main__":
    main()
