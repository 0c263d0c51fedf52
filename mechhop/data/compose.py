"""Composing facts into two-hop queries (the paper's rules).

Given facts ``(subject, relation, object)``, every pair of facts
``(e1, r1, e2)``, ``(e2, r2, e3)`` sharing the bridge ``e2`` is a two-hop
query, kept when (Biran et al., 2024, §3):

- e1, e2 and e3 are three distinct entities, and
- each (subject, relation) pair has exactly one object (ambiguous facts such
  as a person with two spouses are dropped, so the expected answer is unique).

The output is deterministic: sorted by (r1, r2, e1), with ids derived from
(e1, r1, r2), so adding facts never renames existing queries.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from mechhop.data.relations import RELATIONS, Relation, TemplateForm
from mechhop.data.schema import DatasetError, TwoHopDataset, TwoHopQuery

FACT_COLUMNS: tuple[str, ...] = (
    "subject",
    "relation",
    "object",
    "subject_type",
    "object_type",
    "subject_aliases",
    "object_aliases",
    "subject_qid",
    "object_qid",
    "source",
)


@dataclass(frozen=True)
class Entity:
    label: str
    type: str = ""
    aliases: tuple[str, ...] = ()
    qid: str = ""
    popularity: float | None = None

    @property
    def id(self) -> str:
        return self.qid or self.label


@dataclass(frozen=True)
class Fact:
    subject: Entity
    relation: str
    object: Entity


def bundled_facts() -> pd.DataFrame:
    """The fact table shipped with mechhop (``mechhop/data/facts.csv``)."""
    path = resources.files("mechhop.data").joinpath("facts.csv")
    with resources.as_file(path) as real:
        return read_facts(real)


def read_facts(path: str | Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in ("subject", "relation", "object") if c not in frame.columns]
    if missing:
        raise DatasetError(
            f"{path}: fact table lacks column(s) {missing}; expected {', '.join(FACT_COLUMNS)}."
        )
    return frame


def _aliases(text: str) -> tuple[str, ...]:
    return tuple(json.loads(text)) if text else ()


def _entity(rec: dict[str, str], role: str) -> Entity:
    popularity = rec.get(f"{role}_popularity")
    return Entity(
        rec[role],
        rec.get(f"{role}_type", ""),
        _aliases(rec.get(f"{role}_aliases", "")),
        rec.get(f"{role}_qid", ""),
        float(popularity) if popularity not in (None, "") else None,
    )


def facts_from_frame(frame: pd.DataFrame) -> list[Fact]:
    """Facts from a table with FACT_COLUMNS (and optional subject/object_popularity)."""
    return [
        Fact(_entity(rec, "subject"), rec["relation"], _entity(rec, "object"))
        for rec in frame.to_dict("records")
    ]


def query_id(e1: str, r1: str, r2: str) -> str:
    return "q" + hashlib.sha1(f"{e1}\t{r1}\t{r2}".encode()).hexdigest()[:10]


def compose(
    facts: pd.DataFrame | list[Fact],
    relations: dict[str, Relation] | None = None,
    r2_form: TemplateForm = "before",
) -> TwoHopDataset:
    """All two-hop queries the facts allow under the paper's rules (see module docstring).

    ``r2_form="after"`` phrases r2 after its entity, the authors' second prompt variant
    ("the performer of Imagine has a spouse named"); r1 is always phrased before.
    """
    relations = relations or RELATIONS
    fact_list = facts_from_frame(facts) if isinstance(facts, pd.DataFrame) else list(facts)
    objects: dict[tuple[str, str], set[str]] = defaultdict(set)
    entity: dict[str, Entity] = {}
    for f in fact_list:
        if f.relation not in relations:
            raise DatasetError(
                f"Fact ({f.subject.label!r}, {f.relation!r}, {f.object.label!r}): unknown relation; "
                f"known: {', '.join(relations)}."
            )
        objects[(f.subject.label, f.relation)].add(f.object.label)
        entity.setdefault(f.subject.label, f.subject)
        entity.setdefault(f.object.label, f.object)
    unique = {key: next(iter(objs)) for key, objs in objects.items() if len(objs) == 1}
    outgoing: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for (subject, rel), obj in unique.items():
        outgoing[subject].append((rel, obj))

    queries = []
    for (e1, r1), e2 in unique.items():
        for r2, e3 in outgoing.get(e2, ()):
            if len({e1, e2, e3}) < 3:
                continue
            rel1, rel2 = relations[r1], relations[r2]
            ent1, ent2, ent3 = entity[e1], entity[e2], entity[e3]
            queries.append(
                TwoHopQuery(
                    id=query_id(e1, r1, r2),
                    e1=ent1.id,
                    r1=rel1.pid,
                    e2=ent2.id,
                    r2=rel2.pid,
                    e3=ent3.id,
                    e1_label=e1,
                    e2_label=e2,
                    e3_label=e3,
                    r1_template=rel1.template,
                    r2_template=rel2.template_for(r2_form),
                    e1_aliases=ent1.aliases,
                    e2_aliases=ent2.aliases,
                    e3_aliases=ent3.aliases,
                    e1_type=ent1.type,
                    e2_type=ent2.type,
                    e3_type=ent3.type,
                    r1_type=rel1.name,
                    r2_type=rel2.name,
                    e1_popularity=ent1.popularity,
                    e2_popularity=ent2.popularity,
                    e3_popularity=ent3.popularity,
                )
            )
    queries.sort(key=lambda q: (q.r1_type, q.r2_type, q.e1_label))
    return TwoHopDataset(queries)


def bundled_queries(r2_form: TemplateForm = "before") -> TwoHopDataset:
    """Two-hop queries composed from the bundled fact table (r2 phrased before or after its entity)."""
    return compose(bundled_facts(), r2_form=r2_form)
