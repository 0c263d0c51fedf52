"""Relations and their prompt templates.

Each relation has a one-slot template in the paper's "relation before entity"
form (``"the performer of {}"``) and a *head word*: the word of the template
whose last token is the relation position ("r1"/"r2", METHOD.md §2).

The paper's dataset (Biran et al., 2024) uses 29 Wikidata relations; the
bundled knowledge base adds a few that small models know well (official
language, continent, country).
"""

from __future__ import annotations

from dataclasses import dataclass

from mechhop.errors import MechhopError, did_you_mean


@dataclass(frozen=True)
class Relation:
    """A relation: Wikidata property id, short name, template and head word."""

    pid: str
    name: str
    template: str
    head: str
    in_paper: bool = True

    def __post_init__(self) -> None:
        if self.template.count("{}") != 1:
            raise MechhopError(
                f"Relation {self.name!r}: template {self.template!r} needs exactly one '{{}}'."
            )
        if self.head not in self.template:
            raise MechhopError(
                f"Relation {self.name!r}: head word {self.head!r} is not in {self.template!r}."
            )


RELATIONS: dict[str, Relation] = {
    r.name: r
    for r in (
        Relation("P27", "country of citizenship", "the country of citizenship of {}", "citizenship"),
        Relation("P26", "spouse", "the spouse of {}", "spouse"),
        Relation("P22", "father", "the father of {}", "father"),
        Relation("P25", "mother", "the mother of {}", "mother"),
        Relation("P36", "capital", "the capital of {}", "capital"),
        Relation("P38", "currency", "the currency of {}", "currency"),
        Relation("P1304", "central bank", "the central bank of {}", "bank"),
        Relation("P85", "anthem", "the anthem of {}", "anthem"),
        Relation("P86", "composer", "the composer of {}", "composer"),
        Relation("P175", "performer", "the performer of {}", "performer"),
        Relation("P740", "location of formation", "the location of formation of {}", "formation"),
        Relation("P800", "notable work", "the notable work of {}", "work"),
        Relation("P264", "record label", "the record label of {}", "label"),
        Relation("P57", "director", "the director of {}", "director"),
        Relation("P162", "producer", "the producer of {}", "producer"),
        Relation("P58", "screenwriter", "the screenwriter of {}", "screenwriter"),
        Relation("P272", "production company", "the production company of {}", "company"),
        Relation("P127", "owned by", "the owner of {}", "owner"),
        Relation("P495", "country of origin", "the country of origin of {}", "origin"),
        Relation("P178", "developer", "the developer of {}", "developer"),
        Relation("P169", "chief executive officer", "the CEO of {}", "CEO"),
        Relation("P159", "headquarters location", "the headquarters location of {}", "headquarters"),
        Relation("P1441", "present in work", "the work featuring {}", "work"),
        Relation("P50", "author", "the author of {}", "author"),
        Relation("P123", "publisher", "the publisher of {}", "publisher"),
        Relation("P108", "employer", "the employer of {}", "employer"),
        Relation("P35", "head of state", "the head of state of {}", "state"),
        Relation("P112", "founded by", "the founder of {}", "founder"),
        Relation("P1789", "chief operating officer", "the COO of {}", "COO"),
        # Not in the paper's list; common facts that small models know.
        Relation("P37", "official language", "the official language of {}", "language", in_paper=False),
        Relation("P30", "continent", "the continent of {}", "continent", in_paper=False),
        Relation("P17", "country", "the country of {}", "country", in_paper=False),
        Relation("P19", "place of birth", "the birthplace of {}", "birthplace", in_paper=False),
        Relation("P1376", "capital of", "the country whose capital is {}", "capital", in_paper=False),
    )
}
PAPER_RELATIONS: tuple[str, ...] = tuple(name for name, r in RELATIONS.items() if r.in_paper)
BY_PID: dict[str, Relation] = {r.pid: r for r in RELATIONS.values()}


def relation(name_or_pid: str) -> Relation:
    """Look a relation up by name (``"performer"``) or Wikidata id (``"P175"``)."""
    if name_or_pid in RELATIONS:
        return RELATIONS[name_or_pid]
    if name_or_pid in BY_PID:
        return BY_PID[name_or_pid]
    raise MechhopError(
        f"Unknown relation {name_or_pid!r}; known: {', '.join(RELATIONS)}."
        + did_you_mean(name_or_pid, RELATIONS)
    )
