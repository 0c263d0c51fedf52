"""Who may donate a placebo state to a query (docs/method/controls.md).

A placebo donor's state must carry no legitimate route to the query's answer: another bridge
entity, another answer, no entity label naming the answer, and a bridge that does not lead to
the answer under the query's second relation. Among eligible donors those with the query's
relation pair (r1, r2) come first, so the prompt's shape matches. Model-free and pandas-free:
back-patching and Patchscopes both use it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence

from mechhop.data.matching import contains_answer
from mechhop.data.schema import TwoHopDataset, TwoHopQuery
from mechhop.errors import MechhopError

DEFAULT_DONORS = 5  # K of docs/method/controls.md

Facts = Mapping[tuple[str, str], frozenset[str]]  # (subject id, relation) -> object ids


def known_facts(queries: Iterable[TwoHopQuery]) -> dict[tuple[str, str], frozenset[str]]:
    """``(e2, r2) -> {e3, ...}`` of every query given: the second hops the donor rule checks against
    (a set, so a relation with several objects keeps them all)."""
    facts: dict[tuple[str, str], set[str]] = {}
    for q in queries:
        facts.setdefault((q.e2, q.r2), set()).add(q.e3)
    return {key: frozenset(objects) for key, objects in facts.items()}


def is_eligible(donor: TwoHopQuery, query: TwoHopQuery, facts: Facts | None = None) -> bool:
    """Whether ``donor``'s state may stand in for ``query``'s in a placebo."""
    if donor.id == query.id or donor.bridge == query.bridge:
        return False
    if donor.e2_label.lower() == query.e2_label.lower():
        return False
    if donor.e3 == query.e3 or donor.e3_label.lower() == query.e3_label.lower():
        return False
    e3 = query.answers("e3")
    if any(contains_answer(label, e3, "word") for label in (donor.e1_label, donor.e2_label, donor.e3_label)):
        return False
    # The donor's bridge must not reach the query's answer through the query's own second relation.
    return not (facts is not None and query.e3 in facts.get((donor.e2, query.r2), frozenset()))


def _order(seed: int, query_id: str, donor_id: str) -> bytes:
    return hashlib.sha1(f"{seed}:{query_id}:{donor_id}".encode()).digest()


def eligible_donors(
    query: TwoHopQuery, pool: Sequence[TwoHopQuery], facts: Facts | None = None, seed: int = 0
) -> list[TwoHopQuery]:
    """Every eligible donor of ``pool``, same relation pair first, each part in a seeded order."""
    found = [d for d in pool if is_eligible(d, query, facts)]
    same = (query.r1, query.r2)
    return sorted(found, key=lambda d: ((d.r1, d.r2) != same, _order(seed, query.id, d.id)))


def placebo_donors(
    queries: TwoHopDataset | Sequence[TwoHopQuery],
    seed: int = 0,
    pool: TwoHopDataset | Sequence[TwoHopQuery] | None = None,
    k: int = DEFAULT_DONORS,
    facts: Facts | None = None,
) -> dict[str, tuple[str, ...]]:
    """Up to ``k`` placebo donors per query, drawn from ``pool`` (default: ``queries``).

    Donors with the query's relation pair come first; when the pool has fewer than ``k`` of them
    the rest have another pair. ``facts`` (default: the second hops of ``pool`` and ``queries``)
    rules out a donor whose bridge leads to the query's answer. The choice is seeded and depends
    only on the two queries' ids, so it does not change when other queries join the pool.
    """
    if k < 1:
        raise MechhopError(f"The number of placebo donors must be at least 1, got {k}.")
    dataset = list(queries if pool is None else pool)
    facts = known_facts([*dataset, *queries]) if facts is None else facts
    out: dict[str, tuple[str, ...]] = {}
    for q in queries:
        chosen = eligible_donors(q, dataset, facts, seed)[:k]
        if not chosen:
            raise MechhopError(
                f"Query {q.id} ({q.two_hop_prompt!r}): no other query in the donor pool has a different "
                f"bridge entity than {q.e2_label!r} and a different answer, so it has no placebo donor; "
                "add queries with other bridge entities (or pass a larger donor_pool)."
            )
        out[q.id] = tuple(d.id for d in chosen)
    return out
