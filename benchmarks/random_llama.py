"""Engine throughput on a random-weight Llama-style model (no download): the GPU check.

    python benchmarks/random_llama.py --size 7b --device cuda --dtype bfloat16   # a GPU machine
    python benchmarks/random_llama.py --size tiny --device cpu                   # checks the script

Builds a HookedTransformer with LLaMA-2-7B's shapes (32 layers, d_model 4096, 32 heads, d_mlp
11008, vocabulary 32000, rotary, RMSNorm, gated SiLU MLP) and random weights, then runs
back-patching-like variants (the last position, every source > target pair on a layer grid) for
token-id prompts through the engine, and a random fraction of the pairs through the plain method
(one ``mechhop.generate`` per pair over all prompts, the paper code's shape). Prints generations/s,
model TFLOP/s, the speed-up, agreement of the greedy tokens (exact in float32; measured, not
required, in 16 bits) and peak GPU memory.
"""

from __future__ import annotations

import argparse
import random
import time

import torch
from transformer_lens import HookedTransformer, HookedTransformerConfig

import mechhop
from mechhop import Patch, Recipe, Site
from mechhop.engine.sweep import EngineConfig, PatchVariant, run_variants

SIZES = {
    "7b": dict(n_layers=32, d_model=4096, n_heads=32, d_head=128, d_mlp=11008, d_vocab=32000),
    "1b": dict(n_layers=16, d_model=2048, n_heads=32, d_head=64, d_mlp=8192, d_vocab=32000),
    "tiny": dict(n_layers=6, d_model=128, n_heads=4, d_head=32, d_mlp=256, d_vocab=512),
}


def build(size: str, device: str, dtype: str) -> HookedTransformer:
    cfg = HookedTransformerConfig(
        **SIZES[size], n_ctx=512, act_fn="silu", normalization_type="RMS",
        positional_embedding_type="rotary", rotary_dim=SIZES[size]["d_head"], gated_mlp=True,
        final_rms=True, original_architecture="LlamaForCausalLM", init_weights=True, seed=0,
        device=device, dtype=getattr(torch, dtype), default_prepend_bos=False,
    )  # fmt: skip
    return HookedTransformer(cfg).eval()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="7b")
    parser.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    parser.add_argument("--dtype", choices=["float32", "bfloat16", "float16"], default="bfloat16")
    parser.add_argument("--prompts", type=int, default=16)
    parser.add_argument("--layer-step", type=int, default=2, help="source and target layers every N")
    parser.add_argument("--plain-pairs", type=int, default=12, help="pairs timed on the plain method")
    args = parser.parse_args()

    start = time.perf_counter()
    model = build(args.size, args.device, args.dtype)
    if args.device.startswith("cuda"):
        torch.cuda.synchronize()
    billions = sum(p.numel() for p in model.parameters()) / 1e9
    print(f"random {args.size} Llama-style model on {args.device} in {args.dtype}: built in "
          f"{time.perf_counter() - start:.1f} s, {billions:.2f} B parameters")  # fmt: skip
    rng = random.Random(0)
    vocab = model.cfg.d_vocab
    prompts = [[rng.randrange(vocab) for _ in range(rng.randrange(12, 20))] for _ in range(args.prompts)]
    layers = range(0, model.cfg.n_layers, args.layer_step)
    pairs = [(s, t) for s in layers for t in layers if s > t]
    variants = [PatchVariant(p, Site("resid_post", t, -1), Site("resid_post", s, -1)) for s, t in pairs
                for p in prompts]  # fmt: skip
    config = EngineConfig(max_new_tokens=10, progress=False)
    run_variants(model, variants[: len(prompts)], config)  # warm-up
    if args.device.startswith("cuda"):
        torch.cuda.synchronize()
        torch.cuda.reset_peak_memory_stats()
    start = time.perf_counter()
    result = run_variants(model, variants, config)
    if args.device.startswith("cuda"):
        torch.cuda.synchronize()
    engine_s = time.perf_counter() - start
    # ~10 token passes per generation through the whole model (the prompt's suffix, then 9 steps)
    flops = len(variants) * 10 * 2 * sum(p.numel() for n, p in model.named_parameters() if "embed" not in n)
    print(f"  engine: {len(variants)} generations ({len(pairs)} pairs x {len(prompts)} prompts) in "
          f"{engine_s:.1f} s = {len(variants) / engine_s:.1f} gen/s, ~{flops / engine_s / 1e12:.1f} TFLOP/s, "
          f"path {result.path}")  # fmt: skip

    timed = rng.sample(pairs, min(args.plain_pairs, len(pairs)))
    agree = total = 0
    start = time.perf_counter()
    for s, t in timed:
        recipes = [Recipe(Patch(Site("resid_post", t, -1), source=Site("resid_post", s, -1)))] * len(prompts)
        plain = mechhop.generate(model, prompts, recipes, max_new_tokens=10).new_tokens
        index = pairs.index((s, t)) * len(prompts)
        ours = result.new_tokens[index : index + len(prompts)]
        agree += int((plain.cpu() == ours.cpu()).all(dim=1).sum())
        total += len(prompts)
    if args.device.startswith("cuda"):
        torch.cuda.synchronize()
    plain_s = (time.perf_counter() - start) * len(pairs) / len(timed)
    print(f"  plain method: {plain_s:.1f} s for all pairs (timed {len(timed)}, scaled) -> speed-up "
          f"{plain_s / engine_s:.1f}x; identical 10-token generations {agree}/{total}")  # fmt: skip
    if args.device.startswith("cuda"):
        print(f"  peak GPU memory {torch.cuda.max_memory_allocated() / 2**30:.1f} GiB")


if __name__ == "__main__":
    main()
