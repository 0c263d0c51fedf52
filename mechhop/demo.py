"""A small real example on the embedded model: back-patching one two-hop query.

Run ``python -m mechhop.demo``. It loads SmolLM2-135M from its GGUF package,
checks the query's first hop, second hop and composition, then back-patches
the residual stream at the last token from every source layer into every
earlier target layer (Biran et al., 2024, §4) and shows which (source, target)
pairs make the model produce the bridge-resolved answer.
"""

from __future__ import annotations

import argparse
import time

from mechhop.generation import generate
from mechhop.interventions import Patch
from mechhop.models import DEFAULT_MODEL, available_models, load_model
from mechhop.recipe import Recipe
from mechhop.sites import Site

# (e1, r1 template, e2, r2 template, e3): "the capital of the country of origin of sushi is" -> Tokyo
QUERY = ("sushi", "the country of origin of {}", "Japan", "the capital of {}", "Tokyo")


def _mark(text: str, answer: str) -> str:
    return "yes" if answer.lower() in text.lower() else "no "


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"one of {available_models()} or any TL name")
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)

    start = time.perf_counter()
    model = load_model(args.model, device="cpu")
    n_layers = model.cfg.n_layers
    print(f"Loaded {args.model} ({n_layers} layers) in {time.perf_counter() - start:.1f}s")

    e1, r1, e2, r2, e3 = QUERY
    prompts = {
        "first hop": (r1.format(e1) + " is", e2),
        "second hop": (r2.format(e2) + " is", e3),
        "two-hop": (r2.format(r1.format(e1)) + " is", e3),
    }
    clean = generate(model, [p for p, _ in prompts.values()], max_new_tokens=10)
    print("\nGreedy answers (10 new tokens):")
    for (name, (prompt, answer)), text in zip(prompts.items(), clean.texts, strict=True):
        print(f"  {name:10s} correct={_mark(text, answer)} {prompt!r} -> {text.strip()!r}")

    two_hop = prompts["two-hop"][0]
    pairs = [(src, tgt) for src in range(n_layers) for tgt in range(src)]
    recipes = [
        Recipe(Patch(Site("resid_post", tgt, -1), source=Site("resid_post", src, -1)), name="back-patch")
        for src, tgt in pairs
    ]
    print(f"\nOne back-patching variant, as a recipe:\n{recipes[-1]!r}")
    start = time.perf_counter()
    texts: list[str] = []
    for i in range(0, len(recipes), args.batch_size):
        chunk = recipes[i : i + args.batch_size]
        texts += generate(model, [two_hop] * len(chunk), chunk, max_new_tokens=10).texts
    elapsed = time.perf_counter() - start
    hits = {pair for pair, text in zip(pairs, texts, strict=True) if e3.lower() in text.lower()}
    print(
        f"\nBack-patching at the last token: {len(pairs)} (source > target) pairs, "
        f"{elapsed:.1f}s; {len(hits)} yield {e3!r}."
    )
    print("Rows: target layer; columns: source layer; '#' = answer contains the target entity.")
    print("      " + "".join(str(s % 10) for s in range(n_layers)))
    for tgt in range(n_layers - 1):
        row = "".join("#" if (s, tgt) in hits else ("." if s > tgt else " ") for s in range(n_layers))
        print(f"  {tgt:2d}  {row}")
    for src, tgt in sorted(hits)[:5]:
        print(f"  e.g. {src} -> {tgt}: {texts[pairs.index((src, tgt))].strip()!r}")


if __name__ == "__main__":
    main()
