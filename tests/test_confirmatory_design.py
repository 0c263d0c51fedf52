"""The confirmatory designs of Amendment 1 draw a fresh sample: no query and no e1 of the second
re-runs (scripts/reproduce.py, benchmarks/designs/confirm-*.toml), and run back-patching with its
three controls only."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def reproduce():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import reproduce

        yield reproduce
    finally:
        sys.path.remove(str(ROOT / "scripts"))


@pytest.mark.parametrize("model", ["smollm2-135m", "gemma-3-270m"])
def test_the_confirmatory_sample_reuses_no_query_and_no_e1(reproduce, model):
    design = reproduce.read_design(model, ROOT / "benchmarks" / "designs" / f"confirm-{model}.toml")
    queries, _, sample, _ = reproduce.draw(design)
    fresh = queries.subset(sample.groups)
    used_ids, used_e1s = reproduce.excluded(design, queries)
    assert len(used_ids) > 150 and len(fresh) > 50
    assert not set(sample.groups) & used_ids and not {q.e1 for q in fresh} & used_e1s
    assert set(sample.groups.values()) == {"incorrect"}
    runs = reproduce.configs(design, n_layers=30)
    assert sorted(runs) == [
        "backpatching",
        "backpatching_forward",
        "backpatching_placebo",
        "backpatching_random",
    ]


@pytest.mark.parametrize("model", ["smollm2-135m", "gemma-3-270m"])
def test_the_second_re_runs_draw_their_stored_sample_after_the_facts_grew(reproduce, model):
    """Growing the bundled facts must not move a stored re-run: its design draws from its own
    knowledge table, and the queries it drew are still composed the same."""
    import pandas as pd

    design = reproduce.read_design(model)
    queries, _, sample, _ = reproduce.draw(design)
    stored = pd.concat(
        pd.read_parquet(path)
        for path in (reproduce.RESULTS / f"rerun-{model}").glob("shard-*/backpatching-*/queries.parquet")
    )
    assert set(sample.groups) == set(stored["id"])
    by_id = {q.id: q for q in queries}
    for row in stored.drop_duplicates("id").itertuples():
        query = by_id[row.id]
        assert (query.e1_label, query.e2_label, query.e3_label, query.r1_template, query.r2_template) == (
            row.e1_label, row.e2_label, row.e3_label, row.r1_template, row.r2_template)  # fmt: skip
