"""Integrity of the bundled knowledge base ``mechhop/data/facts.csv`` (fast, no models)."""

from __future__ import annotations

import csv
import difflib
import importlib.util
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

import mechhop.data
from mechhop.data.compose import FACT_COLUMNS
from mechhop.data.relations import RELATIONS

FACTS = Path(mechhop.data.__file__).with_name("facts.csv")
SOURCES = {"pycountry", "countryinfo", "curated"}


@pytest.fixture(scope="module")
def table() -> tuple[list[str], list[dict[str, str]]]:
    with FACTS.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
        return list(reader.fieldnames or []), rows


@pytest.fixture(scope="module")
def rows(table) -> list[dict[str, str]]:
    return table[1]


def test_columns(table):
    header, _ = table
    assert header == list(FACT_COLUMNS)


def test_size_and_relations(rows):
    assert len(rows) >= 1500
    relations = {r["relation"] for r in rows}
    assert len(relations) >= 20
    assert relations <= set(RELATIONS), sorted(relations - set(RELATIONS))


def test_no_empty_labels_and_known_sources(rows):
    for r in rows:
        for col in ("subject", "relation", "object", "subject_type", "object_type"):
            assert r[col] and r[col] == r[col].strip(), (col, r)
        assert r["source"] in SOURCES, r
        assert r["subject_type"] == r["subject_type"].lower() and r["object_type"] == r["object_type"].lower()


def test_one_object_per_subject_relation(rows):
    counts = Counter((r["subject"], r["relation"]) for r in rows)
    duplicated = [key for key, n in counts.items() if n > 1]
    assert not duplicated, duplicated[:10]


def test_subject_differs_from_object(rows):
    same = [r for r in rows if r["subject"] == r["object"]]
    assert not same, same[:5]


def test_sorted_by_relation_then_subject(rows):
    keys = [(r["relation"], r["subject"]) for r in rows]
    assert keys == sorted(keys)


def test_aliases_are_json_lists_of_strings(rows):
    for r in rows:
        for col in ("subject_aliases", "object_aliases"):
            aliases = json.loads(r[col])
            assert isinstance(aliases, list), (col, r)
            assert all(isinstance(a, str) and a.strip() for a in aliases), (col, r)


def test_qids_are_wikidata_ids_or_empty(rows):
    for r in rows:
        for col in ("subject_qid", "object_qid"):
            assert r[col] == "" or re.fullmatch(r"Q[1-9][0-9]*", r[col]), (col, r)


def test_each_entity_is_consistent_across_rows(rows):
    seen: dict[str, set[tuple[str, str, str]]] = defaultdict(set)
    for r in rows:
        for side in ("subject", "object"):
            seen[r[side]].add((r[f"{side}_type"], r[f"{side}_aliases"], r[f"{side}_qid"]))
    inconsistent = {label: views for label, views in seen.items() if len(views) > 1}
    assert not inconsistent, list(inconsistent.items())[:5]
    qid_owner: dict[str, str] = {}
    for label, views in seen.items():
        ((_, _, qid),) = views
        if qid:
            assert qid_owner.setdefault(qid, label) == label, (qid, label, qid_owner[qid])


def test_enough_two_hop_chains(rows):
    objects_of: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        objects_of[r["subject"]].append(r["object"])
    chains = 0
    for r in rows:
        e1, e2 = r["subject"], r["object"]
        chains += sum(1 for e3 in objects_of.get(e2, ()) if e3 not in (e1, e2))
    assert chains >= 3000


def test_known_examples(rows):
    facts = {(r["subject"], r["relation"]): r["object"] for r in rows}
    assert facts[("sushi", "country of origin")] == "Japan"
    assert facts[("Japan", "capital")] == "Tokyo"
    assert facts[("Japan", "currency")] == "Japanese yen"
    assert facts[("France", "capital")] == "Paris"
    assert facts[("Bohemian Rhapsody", "performer")] == "Queen"


def test_rebuild_is_byte_identical():
    """scripts/build_facts.py on data/facts/*.tsv gives exactly the committed facts.csv (no packages)."""
    script = Path(__file__).resolve().parents[1] / "scripts" / "build_facts.py"
    spec = importlib.util.spec_from_file_location("build_facts", script)
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    text, _, _ = builder.build()
    committed = builder.OUT.read_bytes()
    if text.encode("utf-8") != committed:
        diff = difflib.unified_diff(
            committed.decode("utf-8").splitlines(),
            text.splitlines(),
            "facts.csv",
            "rebuilt",
            n=0,
            lineterm="",
        )
        pytest.fail(
            "facts.csv is not what the tables give; run scripts/build_facts.py\n" + "\n".join(list(diff)[:30])
        )
