"""Sweep engine vs the straightforward method, on the default embedded model.

Workloads (10 greedy tokens each):
  (a) back-patching at the last position: N queries, every (source > target) layer pair;
  (b) Patchscopes entity description from t1: M queries, the full layer x layer grid.

The straightforward method is the paper code's shape on the same HookedTransformer: for every
(source, target) pair of the full L x L grid, one ``mechhop.generate`` over the batch of queries
with the patch as a hook. Both must give identical greedy generations on the pairs both ran.

Prints wall times, the speed-up, peak memory (RSS), the machine's measured matmul throughput and
the engine's achieved GFLOP/s (model FLOPs it performs / wall time).

    python benchmarks/engine.py [--queries 20] [--ps-queries 5] [--baseline-fraction 1.0]

``--baseline-fraction f`` times the straightforward method on a random fraction f of its layer
pairs and scales its time by 1/f (stated in the output), for quick runs.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

import torch

import mechhop
from mechhop import Patch, Recipe, Site
from mechhop.data.compose import bundled_queries
from mechhop.engine.sweep import EngineConfig, PatchVariant, run_variants

DESCRIPTION_PROMPT = (
    "Syria: Syria is a country in the Middle East, Leonardo DiCaprio: Leonardo DiCaprio is an American "
    "actor, Samsung: Samsung is a South Korean multinational corporation, x"
)


def matmul_gflops(n: int = 2048, repeats: int = 5) -> float:
    a, b = torch.randn(n, n), torch.randn(n, n)
    a @ b
    start = time.perf_counter()
    for _ in range(repeats):
        a @ b
    return 2 * n**3 * repeats / (time.perf_counter() - start) / 1e9


def token_flops(cfg, context: int, layers: int | None = None, unembed: bool = True) -> float:
    """Forward FLOPs of one token through ``layers`` blocks (matmuls and attention) and the unembedding."""
    layers = cfg.n_layers if layers is None else layers
    kv = cfg.n_key_value_heads or cfg.n_heads
    attn_proj = cfg.d_model * cfg.d_head * (2 * cfg.n_heads + 2 * kv)
    mlp = cfg.d_model * cfg.d_mlp * (3 if cfg.gated_mlp else 2)
    attention = 2 * cfg.n_heads * cfg.d_head * context
    per_layer = 2 * (attn_proj + mlp) + 2 * attention
    return layers * per_layer + (2 * cfg.d_model * cfg.d_vocab if unembed else 0)


def engine_flops(model, variants, new_tokens: int) -> float:
    total = 0.0
    for v in variants:
        length = len(model.to_tokens(v.prompt)[0])
        pos = v.target.position % length
        first = v.target.layer + (1 if v.target.kind == "resid_post" else 0)
        total += sum(
            token_flops(model.cfg, p + 1, model.cfg.n_layers - first, unembed=False)
            for p in range(pos, length)
        )
        total += 2 * model.cfg.d_model * model.cfg.d_vocab
        total += sum(token_flops(model.cfg, length + i) for i in range(1, new_tokens))
    return total


def timed_engine(model, variants, config) -> tuple[dict, float]:
    """Engine texts grouped like the straightforward method's: (source, target) -> per-query texts."""
    start = time.perf_counter()
    result = run_variants(model, variants, config)
    seconds = time.perf_counter() - start
    texts: dict[tuple[int, int], list[str]] = {}
    for v, text in zip(variants, result.texts, strict=True):
        texts.setdefault((v.source.layer, v.target.layer), []).append(text)
    return {k: tuple(v) for k, v in texts.items()}, seconds


def straightforward(model, prompts, pairs, site_of, source_prompt_of=None) -> tuple[dict, float]:
    """One generate per layer pair over the batch of queries."""
    out = {}
    start = time.perf_counter()
    for src, tgt in pairs:
        targets = prompts if source_prompt_of is None else [DESCRIPTION_PROMPT] * len(prompts)
        recipes = [
            Recipe(Patch(site_of(tgt, "target"), source=site_of(src, "source", i),
                         source_prompt=None if source_prompt_of is None else source_prompt_of(i)))
            for i in range(len(prompts))
        ]  # fmt: skip
        out[(src, tgt)] = mechhop.generate(model, targets, recipes, max_new_tokens=10).texts
    return out, time.perf_counter() - start


def report(name, model, variants, engine_texts, engine_s, base, base_s, n_timed, n_pairs_full, peak_gflops):
    mismatch = sum(engine_texts[k] != v for k, v in base.items())
    fraction = n_timed / n_pairs_full
    base_full = base_s / fraction
    flops = engine_flops(model, variants, 10)
    print(f"\n[{name}] {len(variants)} engine generations; straightforward: {n_pairs_full} layer pairs")
    print(f"  engine           {engine_s:8.1f} s   ({len(variants) / engine_s:.1f} generations/s)")
    scaled = f" (timed {n_timed} random pairs, scaled by {n_pairs_full}/{n_timed})" if fraction < 1 else ""
    print(f"  straightforward  {base_full:8.1f} s{scaled}")
    print(f"  speed-up         {base_full / engine_s:8.1f}x")
    print(
        f"  identical greedy generations on {len(base)} shared layer pairs (all queries): "
        f"{mismatch == 0} ({mismatch} pairs differ)"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
    print(f"  peak RSS so far  {rss:8.2f} GiB (model included)")
    gflops = flops / engine_s / 1e9
    print(
        f"  engine achieved  {gflops:8.1f} GFLOP/s = "
        f"{100 * gflops / peak_gflops:.0f}% of measured matmul peak"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--queries", type=int, default=20)
    parser.add_argument("--ps-queries", type=int, default=5)
    parser.add_argument("--baseline-fraction", type=float, default=1.0)
    parser.add_argument("--memory-budget-gb", type=float, default=2.0)
    args = parser.parse_args()

    torch.manual_seed(0)
    peak = matmul_gflops()
    print(f"matmul throughput (2048^3 fp32, {torch.get_num_threads()} threads): {peak:.1f} GFLOP/s")
    model = mechhop.load_model("smollm2-135m", device="cpu")
    n = model.cfg.n_layers
    queries = list(bundled_queries())[: max(args.queries, args.ps_queries)]
    config = EngineConfig(memory_budget_gb=args.memory_budget_gb, progress=False)
    rng = random.Random(0)

    # (a) back-patching at the last position
    prompts = [q.two_hop_prompt for q in queries[: args.queries]]
    variants = [
        PatchVariant(p, Site("resid_post", t, -1), Site("resid_post", s, -1)) for p in prompts
        for s in range(n) for t in range(s)
    ]  # fmt: skip
    engine_texts, engine_s = timed_engine(model, variants, config)
    grid = [(s, t) for s in range(n) for t in range(n)]
    timed = rng.sample(grid, max(1, round(len(grid) * args.baseline_fraction)))
    base, base_s = straightforward(
        model, prompts, timed, lambda layer, role, i=0: Site("resid_post", layer, -1)
    )
    shared = {k: v for k, v in base.items() if k in engine_texts}
    report("a: back-patching, last position", model, variants, engine_texts, engine_s, shared, base_s,
           len(timed), len(grid), peak)  # fmt: skip

    # (b) Patchscopes from t1 (last token of e1 in the two-hop prompt) into the description prompt's "x"
    ps_queries = queries[: args.ps_queries]
    two_hops = [q.two_hop_prompt for q in ps_queries]
    t1 = []
    for q in ps_queries:
        text = q.two_hop_prompt
        before = text[: text.index(q.e1_label) + len(q.e1_label)]
        t1.append(len(model.to_tokens(before)[0]) - 1)
    variants = [
        PatchVariant(DESCRIPTION_PROMPT, Site("resid_post", t, -1), Site("resid_post", s, t1[i]), two_hops[i])
        for i in range(len(ps_queries)) for s in range(n) for t in range(n)
    ]  # fmt: skip
    engine_texts, engine_s = timed_engine(model, variants, config)
    timed = rng.sample(grid, max(1, round(len(grid) * args.baseline_fraction)))

    def ps_site(layer, role, i=0):
        return Site("resid_post", layer, -1 if role == "target" else t1[i])

    base, base_s = straightforward(model, two_hops, timed, ps_site, source_prompt_of=lambda i: two_hops[i])
    report("b: Patchscopes from t1, full grid", model, variants, engine_texts, engine_s, base, base_s,
           len(timed), len(grid), peak)  # fmt: skip


if __name__ == "__main__":
    main()
