"""Relations and their prompt templates (the table lives in ``relations.tsv`` beside this file).

Each relation has two one-slot templates, as in the authors' dataset builder
(Biran et al., 2024; docs/method/index.md):

- ``template``, "relation before entity": ``"the performer of {}"``; prompts
  built from it end with " is" in the paper setting;
- ``after_template``, "relation after entity": ``"{} is performed by"``; prompts
  built from it have no " is".

and, for each, a *head word*: the word whose last token is the relation
position ("r1"/"r2", docs/method/index.md). The paper's 29 Wikidata relations carry
the authors' wording; the bundled knowledge base adds a few that small models
know well (official language, continent, country, birthplace).
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from mechhop.errors import MechhopError, did_you_mean

TemplateForm = Literal["before", "after"]
TEMPLATE_FORMS: tuple[TemplateForm, ...] = ("before", "after")


def template_form(template: str) -> TemplateForm:
    """``"before"`` when the slot ends the template (``"the spouse of {}"``), else ``"after"``."""
    return "before" if template.rstrip().endswith("{}") else "after"


@dataclass(frozen=True)
class Relation:
    """A relation: Wikidata property id, short name, templates in both forms and their head words."""

    pid: str
    name: str
    template: str
    head: str
    after_template: str = ""
    after_head: str = ""
    in_paper: bool = True

    def __post_init__(self) -> None:
        for form, template, head in (
            ("before", self.template, self.head),
            ("after", self.after_template, self.after_head),
        ):
            if form == "after" and not template:
                continue
            if template.count("{}") != 1:
                raise MechhopError(f"Relation {self.name!r}: template {template!r} needs exactly one '{{}}'.")
            if template_form(template) != form:
                raise MechhopError(
                    f"Relation {self.name!r}: the {form}-entity template {template!r} has its slot in the "
                    "wrong place."
                )
            if head not in template:
                raise MechhopError(f"Relation {self.name!r}: head word {head!r} is not in {template!r}.")

    def template_for(self, form: TemplateForm) -> str:
        """The template of one form; a relation without an after-entity template is an error."""
        if form == "before":
            return self.template
        if form != "after":
            raise MechhopError(f"Unknown template form {form!r}; valid: {', '.join(TEMPLATE_FORMS)}.")
        if not self.after_template:
            raise MechhopError(f"Relation {self.name!r} has no relation-after-entity template.")
        return self.after_template


@functools.cache
def _table() -> dict[str, Relation]:
    path = resources.files("mechhop.data").joinpath("relations.tsv")
    with path.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        relations = [
            Relation(
                r["pid"], r["name"], r["template"], r["head"], r["after_template"], r["after_head"],
                in_paper=r["in_paper"] == "yes",
            )
            for r in rows
        ]  # fmt: skip
    return {r.name: r for r in relations}


def __getattr__(name: str) -> Any:
    # The table is read on first use, not at import (no import-time file reads).
    if name == "RELATIONS":
        return _table()
    if name == "PAPER_RELATIONS":
        return tuple(n for n, r in _table().items() if r.in_paper)
    if name == "BY_PID":
        return {r.pid: r for r in _table().values()}
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def relation(name_or_pid: str) -> Relation:
    """Look a relation up by name (``"performer"``) or Wikidata id (``"P175"``)."""
    table = _table()
    if name_or_pid in table:
        return table[name_or_pid]
    for r in table.values():
        if r.pid == name_or_pid:
            return r
    raise MechhopError(
        f"Unknown relation {name_or_pid!r}; known: {', '.join(table)}." + did_you_mean(name_or_pid, table)
    )


def find_relation(name_or_pid: str) -> Relation | None:
    """:func:`relation`, or None when it is not in the table."""
    try:
        return relation(name_or_pid)
    except MechhopError:
        return None
