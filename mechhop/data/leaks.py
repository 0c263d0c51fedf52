"""Leak check: does a query's two-hop prompt name its bridge (e2) or its answer (e3) in any form?

A prompt that names e2 or e3 lets the model copy rather than compose: "the country of the
headquarters location of Danmarks Nationalbank is" names Denmark, "the capital of the country of
origin of Portuguese Water Dog is" names Portugal. Such queries are left out of analysed samples
(docs/method/controls.md; :mod:`mechhop.data.sampling`). The knowledge table's ``answer_in_prompt``
column is the narrower test (e3's label and aliases only); this one also looks for

- e2, the bridge, not only e3;
- adjectives, demonyms and native short names of countries and continents ("Danish", "Danes",
  "Danmarks", "Portuguese", "Türkiye"), from the package data file ``demonyms.tsv`` beside this
  module (keyed by entity label; every bundled country has a row);
- simple inflections: the English possessive ("Denmark's"), a plural or genitive "-s"
  ("Americans", "Danmarks", "Turks"), and spellings without accents ("Espana", "Turkiye").

Forms match as whole words (no letter or digit just before or after, as in ``"word"`` answer
matching, :mod:`mechhop.data.matching`), in any case, except all-capital abbreviations of at most
four letters ("US", "U.K.", "UAE"), which match only in capitals: "Among Us" does not name the
United States. Accents (and curly apostrophes) are ignored on both sides. A form inside a longer
word does not count: "Japanese" names Japan through its demonym row, not through the label.

A query whose e1 also appears elsewhere in the sample is no leak; that is a sampling rule (at
most one query per e1, :func:`mechhop.data.sampling.draw_sample`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from mechhop.data.schema import TwoHopQuery

LeakEntity = Literal["e2", "e3"]
LEAK_ENTITIES: tuple[LeakEntity, ...] = ("e2", "e3")
DEMONYMS_FILE = "demonyms.tsv"


@lru_cache(maxsize=1)
def demonyms() -> dict[str, tuple[str, ...]]:
    """Entity label -> its other forms (adjectives, demonyms, native names), from ``demonyms.tsv``."""
    text = resources.files("mechhop.data").joinpath(DEMONYMS_FILE).read_text(encoding="utf-8")
    out: dict[str, tuple[str, ...]] = {}
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if not header_seen:  # the column names
            header_seen = True
            continue
        label, _, forms = line.rstrip("\n").partition("\t")
        out[label.strip()] = tuple(f.strip() for f in forms.split("|") if f.strip())
    return out


def fold(text: str) -> str:
    """``text`` without accents ("Türkiye" -> "Turkiye", "España" -> "Espana"), with straight apostrophes."""
    decomposed = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if not unicodedata.combining(c)))


def is_abbreviation(form: str) -> bool:
    """An all-capital abbreviation of at most four letters ("US", "U.S.A.", "DPRK"): case-sensitive."""
    letters = form.replace(".", "")
    return letters.isalpha() and letters.isupper() and len(letters) <= 4


def leak_forms(
    entity_label: str, aliases: Iterable[str] = (), *, demonym_forms: bool = True
) -> tuple[str, ...]:
    """Every form that names the entity: its label, its aliases longer than one character, its
    ``demonyms.tsv`` forms (``demonym_forms``), each also without accents, and with the possessive
    "'s" and (unless it ends in a sibilant or is an abbreviation) a plural/genitive "s"."""
    base = [entity_label, *(a for a in aliases if len(a) > 1)]
    if demonym_forms:
        base.extend(demonyms().get(entity_label, ()))
    out: dict[str, None] = {}
    for form in base:
        form = form.strip()
        if not form:
            continue
        for variant in dict.fromkeys((form, fold(form))):
            out[variant] = None
            if is_abbreviation(variant):
                continue
            out[f"{variant}'s"] = None
            if variant[-1].isalpha() and not variant.lower().endswith(("s", "sh", "ch", "x", "z")):
                out[f"{variant}s"] = None
    return tuple(out)


def _pattern(forms: Iterable[str]) -> str:
    alternatives = sorted({re.escape(fold(f)) for f in forms}, key=len, reverse=True)
    # no letter or digit just before or after: the "word" rule of mechhop.data.matching
    return r"(?<![^\W_])(?:" + "|".join(alternatives) + r")(?![^\W_])"


@lru_cache(maxsize=4096)
def _matchers(
    entity_label: str, aliases: tuple[str, ...]
) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None]:
    forms = leak_forms(entity_label, aliases)
    insensitive = [f for f in forms if not is_abbreviation(f)]
    sensitive = [f for f in forms if is_abbreviation(f)]
    return (
        re.compile(_pattern(insensitive), re.IGNORECASE) if insensitive else None,
        re.compile(_pattern(sensitive)) if sensitive else None,
    )


def named_forms(text: str, entity_label: str, aliases: Iterable[str] = ()) -> tuple[str, ...]:
    """The forms of the entity that ``text`` contains as whole words, as written in ``text``."""
    folded = fold(text)
    found: dict[str, None] = {}
    for matcher in _matchers(entity_label, tuple(aliases)):
        if matcher is not None:
            for m in matcher.finditer(folded):
                found[m.group(0)] = None
    return tuple(found)


def prompt_leak_forms(query: TwoHopQuery, prompt: str | None = None) -> dict[LeakEntity, tuple[str, ...]]:
    """Per leaked entity ("e2", "e3"), the forms of it that the two-hop prompt (or ``prompt``) names;
    entities not named are absent, so an empty dict means a clean prompt."""
    text = query.two_hop_prompt if prompt is None else prompt
    out: dict[LeakEntity, tuple[str, ...]] = {}
    for entity in LEAK_ENTITIES:
        found = named_forms(text, getattr(query, f"{entity}_label"), getattr(query, f"{entity}_aliases"))
        if found:
            out[entity] = found
    return out


def prompt_leaks(query: TwoHopQuery, prompt: str | None = None) -> tuple[LeakEntity, ...]:
    """Which of ("e2", "e3") the query's two-hop prompt (or ``prompt``) names in any form; empty
    when the prompt is clean."""
    return tuple(prompt_leak_forms(query, prompt))
