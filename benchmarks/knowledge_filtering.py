"""Knowledge filtering of the bundled queries on an embedded model: counts and throughput.

    python benchmarks/knowledge_filtering.py --model smollm2-135m [--per-pair 20] [--styles-sample 300]

Prints the usable / composition-correct / -incorrect counts over all bundled
queries with the paper's prompt style, evaluation throughput (queries/s,
distinct prompts/s), how many labels each answer matching mode changes per check
("word" vs the authors' "paper" substring test, docs/method/index.md), the top relation
pairs, and then the counts each prompt style gives on a fixed random sample.
Generations are cached under ``artifacts/knowledge/`` so an interrupted run
resumes; ``--table`` writes the per-query table (labels in ``--matching`` mode); ``--reuse`` takes
the outputs of an earlier table's prompts, so that grown facts cost only their new prompts.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import pandas as pd

import mechhop
from mechhop.data.compose import bundled_queries
from mechhop.data.knowledge import (
    PROMPT_STYLES,
    evaluate_knowledge,
    label_changes,
    reclassify,
    stored_outputs,
)
from mechhop.data.matching import MATCHING_MODES


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="smollm2-135m")
    parser.add_argument(
        "--per-pair", type=int, default=20, help="at most N queries per relation pair (0: all)"
    )
    parser.add_argument(
        "--styles-sample", type=int, default=300, help="queries per style comparison (0: skip)"
    )
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument(
        "--prune", action="store_true", help="composition/shortcut prompts only where both hops are correct"
    )
    parser.add_argument("--out", default="artifacts/knowledge")
    parser.add_argument("--matching", choices=MATCHING_MODES, default="word")
    parser.add_argument("--table", help="write the per-query table here (.parquet)")
    parser.add_argument(
        "--reuse", help="an earlier per-query table of this model (.parquet): its prompts are not generated"
    )
    args = parser.parse_args()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    model = mechhop.load_model(args.model, device="cpu")
    queries = bundled_queries()
    total = len(queries)
    if args.per_pair:
        queries = queries.balanced(args.per_pair)
    print(
        f"{args.model}: {len(queries)} of {total} bundled queries (at most {args.per_pair or 'all'} per "
        f"relation pair), {len(queries.summary())} relation pairs"
    )

    start = time.perf_counter()
    result = evaluate_knowledge(
        model,
        queries,
        batch_size=args.batch_size,
        cache_path=out / f"{args.model}-paper-{args.per_pair}.jsonl",
        prune=args.prune,
        matching=args.matching,
        reuse=stored_outputs(pd.read_parquet(args.reuse)) if args.reuse else None,
    )
    wall = time.perf_counter() - start
    result.table.to_parquet(args.table or out / f"{args.model}-paper-{args.per_pair}.parquet")
    print(result)
    for key, value in result.counts.items():
        print(f"  {key:20s} {value}")
    print(
        f"  throughput: {len(queries) / wall:.2f} queries/s, {result.generations / wall:.2f} distinct "
        f"prompts/s ({result.generations} prompts, {wall:.0f}s; cached prompts count as done)"
    )
    other = next(m for m in MATCHING_MODES if m != args.matching)
    changes = label_changes(result.table, reclassify(result.table, queries, other))
    print(f"\nLabels per check: {args.matching!r} (first) vs {other!r} (second) matching")
    print(changes.to_string(index=False))
    print(result.summary().head(15).to_string(index=False))

    if args.styles_sample:
        sample = queries.subset(
            random.Random(0).sample([q.id for q in queries], min(args.styles_sample, len(queries)))
        )
        print(f"\nPrompt styles on a fixed sample of {len(sample)} queries:")
        for name, style in PROMPT_STYLES.items():
            res = evaluate_knowledge(
                model, sample, style=style, batch_size=args.batch_size,
                cache_path=out / f"{args.model}-{name}.jsonl", progress=False,
            )  # fmt: skip
            c = res.counts
            hops = f"first hop {c['first_hop_correct']:4d}  second hop {c['second_hop_correct']:4d}"
            shortcuts = f"shortcuts {c['entity_shortcut']:3d}/{c['relation_shortcut']:3d}"
            split = f"correct {c['usable_correct']}, incorrect {c['usable_incorrect']}"
            usable = f"usable {c['usable']:4d} ({split})"
            print(f"  {name:12s} {hops}  two-hop {c['two_hop_correct']:4d}  {shortcuts}  {usable}")


if __name__ == "__main__":
    main()
