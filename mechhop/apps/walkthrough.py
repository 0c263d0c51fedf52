"""A small real example on the embedded model: back-patching one two-hop query.

Run ``python -m mechhop.apps.walkthrough``. It loads SmolLM2-135M from its GGUF package,
checks the query's first hop, second hop and composition, then back-patches
the residual stream at the last token from every source layer into every
earlier target layer (Biran et al., 2024, §4) and shows which (source, target)
pairs make the model produce the bridge-resolved answer.
"""

from __future__ import annotations

import argparse
import time

from mechhop.analyses.backpatching import BackpatchingConfig, backpatching
from mechhop.core.backend import as_backend
from mechhop.core.generation import generate
from mechhop.core.interventions import Patch
from mechhop.core.recipe import Recipe
from mechhop.core.sites import Site
from mechhop.data.positions import locate
from mechhop.data.schema import TwoHopQuery
from mechhop.models.catalog import DEFAULT_MODEL, available_models
from mechhop.models.loading import load_model


def backpatch_recipe(src: int, tgt: int, position: int) -> Recipe:
    """What the engine computes for one pair, written as a recipe for mechhop.generate."""
    return Recipe(
        Patch(Site("resid_post", tgt, position), source=Site("resid_post", src, position)), name="back-patch"
    )


# (e1, r1 template, e2, r2 template, e3): "the capital of the country of origin of sushi is" -> Tokyo
QUERY = ("sushi", "the country of origin of {}", "Japan", "the capital of {}", "Tokyo")


def _mark(text: str, answer: str) -> str:
    return "yes" if answer.lower() in text.lower() else "no "


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=DEFAULT_MODEL, help=f"one of {available_models()} or any TL name")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    model = load_model(args.model, device="cpu")
    n_layers = as_backend(model).spec.n_layers
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

    query = TwoHopQuery(
        id="demo", e1=e1, r1="P495", e2=e2, r2="P36", e3=e3, e1_label=e1, e2_label=e2, e3_label=e3,
        r1_template=r1, r2_template=r2,
    )  # fmt: skip
    pos = locate(model, query)
    print(f"\nOne back-patching variant, as a recipe:\n{backpatch_recipe(n_layers - 1, 0, pos.last)!r}")
    start = time.perf_counter()
    table = backpatching(model, [query], BackpatchingConfig(positions=("last",)), progress=False).table
    elapsed = time.perf_counter() - start
    hits = {(r.src_layer, r.tgt_layer) for r in table.itertuples() if r.success}
    texts = {(r.src_layer, r.tgt_layer): r.generation for r in table.itertuples()}
    print(
        f"\nBack-patching at the last token (sweep engine): {len(table)} (source > target) pairs, "
        f"{elapsed:.1f}s; {len(hits)} yield {e3!r}."
    )
    print("Rows: target layer; columns: source layer; '#' = answer contains the target entity.")
    print("      " + "".join(str(s % 10) for s in range(n_layers)))
    for tgt in range(n_layers - 1):
        row = "".join("#" if (s, tgt) in hits else ("." if s > tgt else " ") for s in range(n_layers))
        print(f"  {tgt:2d}  {row}")
    for src, tgt in sorted(hits)[:5]:
        print(f"  e.g. {src} -> {tgt}: {texts[(src, tgt)].strip()!r}")


if __name__ == "__main__":
    main()
