"""Analysed samples: which usable queries each composition group gets (docs/method/controls.md).

:func:`pick_groups` draws up to ``per_group`` usable queries of each composition group
(composition-correct, -incorrect) from a knowledge table (:mod:`mechhop.data.knowledge`), at random
and reproducibly (``seed``). With the queries themselves (``queries``, to know each one's entities,
relations and prompt) it applies the sample rules of the method (§9 "Samples"):

- **no leak** (``exclude_leaks``): no query whose two-hop prompt names its bridge or its answer in
  any form (:func:`mechhop.data.leaks.prompt_leaks`); queries the table flags ``answer_in_prompt``
  are left out too unless ``keep_answer_in_prompt``;
- **one query per e1** (``one_per_e1``), and **caps** (``max_per_bridge``, ``max_per_answer``):
  at most so many queries go through one bridge entity e2, or have one answer e3; counted over
  the whole sample, both groups together, or within each group (``caps_within="group"``, the
  re-run's choice: its tests compare queries within a group);
- **matched relation mixes** (``match_relations``): see :func:`draw_sample`.

:func:`draw_sample` returns the pick with the fate of every usable query, :func:`sample_summary`
counts the queries each rule left out, and :func:`relation_mix` gives each group's relation mix,
so that a study can print them beside its results.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from mechhop.data.knowledge import usable_rows
from mechhop.data.leaks import prompt_leaks
from mechhop.errors import MechhopError

if TYPE_CHECKING:
    from mechhop.data.schema import TwoHopQuery

PICKED = "picked"
NOT_DRAWN = "not_drawn"
# why a usable query is not in the sample, in the order the rules are checked
CapsWithin = Literal["sample", "group"]
CAPS_WITHIN: tuple[CapsWithin, ...] = ("sample", "group")
EXCLUSION_RULES: tuple[str, ...] = ("answer_in_prompt", "leak", "e1_repeat", "bridge_cap", "answer_cap")
STATUSES: tuple[str, ...] = (*EXCLUSION_RULES, NOT_DRAWN, PICKED)
_NO_USABLE = (
    "No usable query (first and second hop known, no shortcut, answer not named in the prompt) in "
    "the evaluated sample; evaluate more queries (StudyConfig.evaluate / --evaluate) or use another model."
)


@dataclass(frozen=True)
class Sample:
    """A drawn sample. ``groups``: picked query id -> group; ``status``: one row per usable query
    (``id``, ``group``, ``relation_pair``, ``status``: "picked", "not_drawn" (the group was full
    before the draw reached it) or the first rule of :data:`EXCLUSION_RULES` that left it out);
    ``rules``: the rules as applied (the query-based ones are off without ``queries``)."""

    groups: dict[str, str]
    status: pd.DataFrame
    rules: dict[str, Any] = field(default_factory=dict)


def _check_cap(name: str, value: int | None) -> None:
    if value is not None and value < 1:
        raise MechhopError(f"{name} must be at least 1 (or None for no cap), got {value}.")


def _largest_remainder(weights: Mapping[str, int], total: int) -> dict[str, int]:
    """``total`` split over the keys in proportion to ``weights`` (largest remainder; ties by key)."""
    weight_sum = sum(weights.values())
    if weight_sum == 0 or total <= 0:
        return dict.fromkeys(weights, 0)
    exact = {k: total * w / weight_sum for k, w in weights.items()}
    out = {k: int(v) for k, v in exact.items()}
    left = total - sum(out.values())
    for k in sorted(exact, key=lambda k: (-(exact[k] - out[k]), k))[:left]:
        out[k] += 1
    return out


class _Caps:
    """The sample-wide rules checked as queries are drawn: one per e1, per-bridge and per-answer caps."""

    def __init__(
        self,
        keys: Mapping[str, tuple[str, str, str]],
        one_per_e1: bool,
        max_per_bridge: int | None,
        max_per_answer: int | None,
    ) -> None:
        self.keys = keys
        self.limits = (1 if one_per_e1 else None, max_per_bridge, max_per_answer)
        self.used: tuple[Counter[str], Counter[str], Counter[str]] = (Counter(), Counter(), Counter())

    def admit(self, query_id: str) -> str | None:
        """None (and counted) when the query fits, else the rule that blocks it."""
        keys = self.keys[query_id]
        for rule, key, used, limit in zip(EXCLUSION_RULES[2:], keys, self.used, self.limits, strict=True):
            if limit is not None and used[key] >= limit:
                return rule
        for key, used in zip(keys, self.used, strict=True):
            used[key] += 1
        return None


def draw_sample(
    table: pd.DataFrame,
    per_group: int | Mapping[str, int],
    seed: int,
    queries: Iterable[TwoHopQuery] | None = None,
    max_per_bridge: int | None = None,
    *,
    keep_answer_in_prompt: bool = False,
    one_per_e1: bool = True,
    max_per_answer: int | None = None,
    exclude_leaks: bool = True,
    match_relations: bool = True,
    caps_within: CapsWithin = "sample",
) -> Sample:
    """Up to ``per_group`` usable queries of each group of ``table``, with the fate of every usable query.

    Each group's candidates are put in a seeded random order (``seed``; the same order as
    ``DataFrame.sample``), so a draw is deterministic and, with every rule off, is the earlier
    ``pick_groups``'s (a plain random sample; with ``max_per_bridge`` the groups take turns so
    the smaller one is not crowded out). Rules, in the order they are checked:

    1. ``answer_in_prompt`` (the table's flag; unless ``keep_answer_in_prompt``) and ``leak``
       (``exclude_leaks``: the prompt names e2 or e3 in any form, :mod:`mechhop.data.leaks`)
       remove queries before the draw;
    2. while drawing, a query is skipped when the sample already has its e1 (``one_per_e1``), or
       ``max_per_bridge`` queries through its bridge e2, or ``max_per_answer`` with its answer e3.
       These count over the whole sample, both groups together, unless ``caps_within="group"``.

    ``match_relations`` matches the groups' relation mixes (relation pair r1 -> r2) where the pool
    allows. The group with the fewest candidates, S, is drawn first, in its seeded order, with the
    queries whose relation pair every other group also has ahead of the rest (so its mix is its
    own, random, restricted to shared pairs while they last). Its picked counts k_p per relation
    pair p then set every other group's quotas: ``n × k_p / |S|`` (n = that group's size, at most
    ``per_group``), rounded by largest remainder. Each quota is drawn from that pair's candidates
    in seeded order; when a pair runs out (or the caps block it) the group is filled from its
    remaining candidates in seeded order. With one group, or without ``queries``, the groups are
    drawn by turns instead.

    The rules that need the queries (leaks, e1, caps, relations) apply only when ``queries`` is
    given; ``rules`` in the result says which did. A usable query missing from ``queries`` is
    its own e1, bridge and answer, and never a leak.

    ``per_group`` may name a size per group (``{"incorrect": 100, "correct": 100}``; a group it
    does not name gets none). ``caps_within="group"`` counts the e1, bridge and answer rules within
    each group instead of over the whole sample: tests that compare queries within a group then
    keep their n, and the clustering they face is the per-group one.
    """
    if caps_within not in CAPS_WITHIN:
        raise MechhopError(f"caps_within must be one of {', '.join(CAPS_WITHIN)}, got {caps_within!r}.")
    _check_cap("max_per_bridge", max_per_bridge)
    _check_cap("max_per_answer", max_per_answer)
    usable = usable_rows(table)
    if usable.empty:
        raise MechhopError(_NO_USABLE)
    ids = [str(i) for i in usable["id"]]
    groups_of = dict(zip(ids, (str(g) for g in usable["group"]), strict=True))
    by_id = {q.id: q for q in queries} if queries is not None else {}
    with_queries = queries is not None
    rules: dict[str, Any] = {
        "keep_answer_in_prompt": keep_answer_in_prompt,
        "exclude_leaks": exclude_leaks and with_queries,
        "one_per_e1": one_per_e1 and with_queries,
        "max_per_bridge": max_per_bridge if with_queries else None,
        "max_per_answer": max_per_answer if with_queries else None,
        "match_relations": match_relations and with_queries,
    }

    def pair_of(query_id: str, row_pair: object) -> str:
        q = by_id.get(query_id)
        if q is not None:
            return q.relation_pair
        return str(row_pair) if isinstance(row_pair, str) else "?"

    row_pairs = usable["relation_pair"] if "relation_pair" in usable else [None] * len(ids)
    relation = {i: pair_of(i, p) for i, p in zip(ids, row_pairs, strict=True)}
    status: dict[str, str] = {}
    if not keep_answer_in_prompt and "answer_in_prompt" in usable:
        flagged = usable["answer_in_prompt"].fillna(False).astype(bool)
        status.update((str(i), "answer_in_prompt") for i in usable.loc[flagged, "id"])
    if len(status) == len(ids):  # every usable query names its answer
        raise MechhopError(_NO_USABLE)
    if rules["exclude_leaks"]:
        for i in ids:
            q = by_id.get(i)
            if i not in status and q is not None and prompt_leaks(q):
                status[i] = "leak"

    def keys(query_id: str) -> tuple[str, str, str]:
        q = by_id.get(query_id)
        if q is None:
            return (query_id, query_id, query_id)
        return (q.e1 or q.e1_label, q.bridge, q.e3 or q.e3_label)

    def new_caps() -> _Caps:
        return _Caps(
            {i: keys(i) for i in ids if i not in status},
            bool(rules["one_per_e1"]),
            rules["max_per_bridge"],
            rules["max_per_answer"],
        )

    rules["caps_within"] = caps_within
    queues: dict[str, list[str]] = {}
    for group, rows in usable.groupby("group"):
        order = [str(i) for i in rows["id"].sample(frac=1.0, random_state=seed)]
        queues[str(group)] = [i for i in order if i not in status]
    picked: dict[str, list[str]] = {g: [] for g in queues}
    shared_caps = new_caps()
    caps = {g: new_caps() if caps_within == "group" else shared_caps for g in queues}
    sizes = {g: (per_group.get(g, 0) if isinstance(per_group, Mapping) else per_group) for g in queues}

    def take(group: str, query_id: str) -> bool:
        blocked = caps[group].admit(query_id)
        status[query_id] = blocked or PICKED
        if blocked is None:
            picked[group].append(query_id)
        return blocked is None

    if rules["match_relations"] and len(queues) > 1:
        _draw_matched(queues, picked, relation, sizes, take)
    else:
        _draw_by_turns(queues, picked, sizes, take)
    for i in ids:
        status.setdefault(i, NOT_DRAWN)
    rank = {g: n for n, g in enumerate(sorted(queues))}
    chosen = sorted((i for g in picked.values() for i in g), key=lambda i: rank[groups_of[i]])
    table_out = pd.DataFrame(
        {
            "id": ids,
            "group": [groups_of[i] for i in ids],
            "relation_pair": [relation[i] for i in ids],
            "status": [status[i] for i in ids],
        }
    )
    return Sample({i: groups_of[i] for i in chosen}, table_out, rules)


_Take = Callable[[str, str], bool]  # (group, query id) -> picked?


def _draw_by_turns(
    queues: dict[str, list[str]], picked: dict[str, list[str]], sizes: Mapping[str, int], take: _Take
) -> None:
    """The groups take turns (in name order), each taking its next query that the rules admit."""
    queues = {g: list(q) for g, q in queues.items()}
    while any(queues.values()):
        for group, queue in queues.items():
            while queue and len(picked[group]) < sizes[group]:
                if take(group, queue.pop(0)):
                    break
            if len(picked[group]) >= sizes[group]:
                queue.clear()


def _draw_matched(
    queues: dict[str, list[str]],
    picked: dict[str, list[str]],
    relation: Mapping[str, str],
    sizes: Mapping[str, int],
    take: _Take,
) -> None:
    """The smallest group first (shared relation pairs ahead), then the others in proportion to it."""
    smallest = min(sorted(queues), key=lambda g: len(queues[g]))
    others = [g for g in sorted(queues) if g != smallest]
    shared = set.intersection(*({relation[i] for i in queues[g]} for g in others))
    first = [i for i in queues[smallest] if relation[i] in shared]
    rest = [i for i in queues[smallest] if relation[i] not in shared]
    for query_id in first + rest:
        if len(picked[smallest]) >= sizes[smallest]:
            break
        take(smallest, query_id)
    mix = Counter(relation[i] for i in picked[smallest])
    for group in others:
        queue = list(queues[group])
        size = min(sizes[group], len(queue))
        quotas = _largest_remainder(mix, size) if mix else {}
        tried: set[str] = set()
        for pair in sorted(quotas):
            for query_id in queue:
                if quotas[pair] <= 0 or len(picked[group]) >= sizes[group]:
                    break
                if relation[query_id] == pair and query_id not in tried:
                    tried.add(query_id)
                    if take(group, query_id):
                        quotas[pair] -= 1
        for query_id in queue:  # fill: pairs that ran out, or a smallest group that drew nothing
            if len(picked[group]) >= sizes[group]:
                break
            if query_id not in tried:
                tried.add(query_id)
                take(group, query_id)


def pick_groups(
    table: pd.DataFrame,
    per_group: int,
    seed: int,
    queries: Iterable[TwoHopQuery] | None = None,
    max_per_bridge: int | None = None,
    *,
    keep_answer_in_prompt: bool = False,
    one_per_e1: bool = True,
    max_per_answer: int | None = None,
    exclude_leaks: bool = True,
    match_relations: bool = True,
) -> dict[str, str]:
    """Up to ``per_group`` usable queries of each composition group: query id -> group. The rules
    and the draw are :func:`draw_sample`'s (which also says what each rule left out); without
    ``queries`` only the table's ``answer_in_prompt`` flag applies (unless
    ``keep_answer_in_prompt``)."""
    return draw_sample(
        table,
        per_group,
        seed,
        queries,
        max_per_bridge,
        keep_answer_in_prompt=keep_answer_in_prompt,
        one_per_e1=one_per_e1,
        max_per_answer=max_per_answer,
        exclude_leaks=exclude_leaks,
        match_relations=match_relations,
    ).groups


def sample_summary(sample: Sample) -> pd.DataFrame:
    """Per group (and "all"), how many usable queries there were, how many each rule left out
    (:data:`EXCLUSION_RULES`), how many the draw never reached (``not_drawn``) and how many were
    picked. Rules are checked in order, so each query counts once, under the first that excluded it."""
    counts = pd.crosstab(sample.status["group"], sample.status["status"])
    counts = counts.reindex(columns=list(STATUSES), fill_value=0)
    counts.loc["all"] = counts.sum()
    counts.insert(0, "usable", counts.sum(axis=1))
    counts.index.name = "group"
    counts.columns.name = None
    return counts.astype(int)


def relation_mix(queries: Iterable[TwoHopQuery], groups: Mapping[str, str]) -> pd.DataFrame:
    """Each group's relation mix: one row per group and relation pair (r1 -> r2) with the number of
    its queries (``count``) and their share of the group (``share``), largest first."""
    pairs = {q.id: q.relation_pair for q in queries if q.id in groups}
    missing = sorted(set(groups) - set(pairs))
    if missing:
        raise MechhopError(
            f"{len(missing)} query id(s) of the groups are not among the queries: {', '.join(missing[:5])}."
        )
    frame = pd.DataFrame({"group": [groups[i] for i in pairs], "relation_pair": list(pairs.values())})
    mix = frame.groupby(["group", "relation_pair"]).size().rename("count").reset_index()
    mix["share"] = mix["count"] / mix.groupby("group")["count"].transform("sum")
    return mix.sort_values(
        ["group", "count", "relation_pair"], ascending=[True, False, True], ignore_index=True
    )


def mix_distance(mix: pd.DataFrame, a: str = "correct", b: str = "incorrect") -> float:
    """Total variation distance between two groups' relation mixes (a :func:`relation_mix` table):
    half the summed absolute differences of shares; 0 = the same mix, 1 = no pair in common."""
    shares = mix.pivot_table(index="relation_pair", columns="group", values="share", fill_value=0.0)
    for g in (a, b):
        if g not in shares:
            shares[g] = 0.0
    return float((shares[a] - shares[b]).abs().sum() / 2)
