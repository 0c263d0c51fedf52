#!/usr/bin/env python
"""Build the bundled offline knowledge base ``mechhop/data/facts.csv`` from ``data/facts/*.tsv``.

Usage (from anywhere, inside the project venv; no extra package, no network)::

    python scripts/build_facts.py

The tables are data and this file is only the rules that turn them into facts, so that an
edit is a reviewable one-line diff of data.  The output is deterministic, and
``tests/test_facts.py`` checks that the committed facts.csv is exactly what the tables give.

Where the facts come from
-------------------------
* ``data/facts/snapshot/``: what ``pycountry`` and ``countryinfo`` said about the countries in
  ``countries.tsv`` (names, capital, currency and language codes, UN region) and about the
  first-level subdivisions of a few large countries (source ``countryinfo`` or ``pycountry``).
  It is a frozen copy so that a rebuild needs neither package and does not change when they
  release; ``scripts/snapshot_country_sources.py`` refreshes it.  Do not edit it by hand.
* ``*_overrides.tsv``: fixes for stale, contested or multi-valued country data, one reason
  per row (source ``curated``); ``-`` leaves the fact out.  Correct the snapshot here.
* every other table is hand-curated (source ``curated``): people, songs, films, companies, ...

Only facts believed TRUE and stable are kept.  Multi-valued or contested facts (co-founded
companies, people with two famous spouses or two citizenships, songs with a famous cover, films
with two directors, ...) are left out, so that each ``(subject, relation)`` pair has exactly one
object.  Labels are common English names and each entity is spelled identically everywhere, so
facts chain into two-hop queries.

Table format
------------
UTF-8, ``\\n`` line endings, one row per line, cells separated by one tab and never padded;
``-`` is "no value" (visible, unlike an empty cell that an editor may strip); lists inside a
cell are separated by ``;``.  A line starting with ``#`` is a comment: the notes above the
header, section titles between rows.  The header must name exactly the columns read below, so a
moved or missing column fails loudly instead of shifting facts.  To edit, change or add rows,
run this script and commit the tables together with the new facts.csv; inconsistent tables
(two objects for one subject and relation, a label with two types, ...) stop the build with
the full list of problems.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mechhop.data.compose import FACT_COLUMNS as COLUMNS  # noqa: E402
from mechhop.data.relations import RELATIONS  # noqa: E402

DATA = ROOT / "data" / "facts"
OUT = ROOT / "mechhop" / "data" / "facts.csv"
NONE = "-"
REFRESH = "run scripts/snapshot_country_sources.py"


# --------------------------------------------------------------------------- machinery


class BuildError(Exception):
    """The tables are malformed or inconsistent (the message says where)."""


class KB:
    """Entities (label -> type) and facts ((subject, relation) -> (object, source))."""

    def __init__(self) -> None:
        self.types: dict[str, str] = {}
        self.facts: dict[tuple[str, str], tuple[str, str]] = {}
        self.aliases: dict[str, list[str]] = defaultdict(list)
        self.qids: dict[str, str] = {}
        self.errors: list[str] = []

    def declare(self, label: str, etype: str, where: str = "") -> None:
        if not label or label != label.strip() or label == NONE:
            self.errors.append(f"bad label {label!r} ({where})")
            return
        old = self.types.get(label)
        if old is None:
            self.types[label] = etype
        elif old != etype:
            self.errors.append(f"{label!r} has two types: {old!r} and {etype!r} ({where})")

    def add(
        self,
        subject: str,
        relation: str,
        obj: str,
        source: str,
        subject_type: str | None = None,
        object_type: str | None = None,
    ) -> None:
        where = f"{subject} | {relation} | {obj}"
        if relation not in RELATIONS:
            self.errors.append(f"unknown relation {relation!r} ({where})")
            return
        if subject_type:
            self.declare(subject, subject_type, where)
        if object_type:
            self.declare(obj, object_type, where)
        if subject == obj:
            self.errors.append(f"subject == object ({where})")
            return
        key = (subject, relation)
        if key in self.facts:
            old_obj, _ = self.facts[key]
            if old_obj != obj:
                self.errors.append(f"two objects for ({subject!r}, {relation!r}): {old_obj!r} and {obj!r}")
            return
        self.facts[key] = (obj, source)

    def add_aliases(self, label: str, aliases: list[str]) -> None:
        have = {a.casefold() for a in self.aliases[label]} | {label.casefold()}
        for alias in aliases:
            alias = alias.strip()
            if alias and alias.casefold() not in have:
                self.aliases[label].append(alias)
                have.add(alias.casefold())

    def labels(self) -> set[str]:
        used = set()
        for (subject, _), (obj, _) in self.facts.items():
            used.add(subject)
            used.add(obj)
        return used


def rows(name: str, *columns: str) -> list[list[str]]:
    """The rows of ``data/facts/<name>.tsv``, whose header must be exactly ``columns``."""
    path = DATA / f"{name}.tsv"
    where = path.relative_to(ROOT)
    out: list[list[str]] = []
    header = None
    for n, line in enumerate(path.read_bytes().decode("utf-8").split("\n"), 1):
        if not line or line.startswith("#"):
            continue
        cells = line.split("\t")
        if any(cell != cell.strip() for cell in cells):
            raise BuildError(f"{where}:{n}: a cell starts or ends with whitespace: {line!r}")
        if header is None:
            header = cells
            if tuple(header) != columns:
                raise BuildError(f"{where}:{n}: header {header}, expected {list(columns)}")
        elif len(cells) != len(columns):
            raise BuildError(f"{where}:{n}: expected {len(columns)} cells, got {len(cells)}: {line!r}")
        else:
            out.append(cells)
    if header is None:
        raise BuildError(f"{where}: no header")
    return out


def split_list(cell: str) -> list[str]:
    """A ``;``-separated list cell."""
    return [item.strip() for item in cell.split(";") if item.strip()]


def overrides(name: str, column: str) -> dict[str, str]:
    """``country code -> value`` of an override table (``-``: leave the fact out)."""
    out: dict[str, str] = {}
    for code, value, _reason in rows(name, "code", column, "reason"):
        if code in out:
            raise BuildError(f"{name}.tsv: {code} twice")
        out[code] = value
    return out


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# --------------------------------------------------------------------------- from the snapshot


def derive_countries(kb: KB) -> None:
    """Country facts from the pycountry/countryinfo snapshot, corrected by the override tables."""
    snap_names = {
        code: names
        for code, *names in rows(
            "snapshot/pycountry_countries", "code", "name", "common_name", "official_name"
        )
    }
    snap_info = {
        code: info
        for code, *info in rows(
            "snapshot/countryinfo",
            "code",
            "capital",
            "currencies",
            "languages",
            "region",
            "intermediate_region",
        )
    }
    iso_currency = dict(rows("snapshot/pycountry_currencies", "code", "name"))
    iso_language = dict(rows("snapshot/pycountry_languages", "code", "name"))
    no_alias = {name for (name,) in rows("no_alias", "name")}
    city_spelling = dict(rows("city_spelling", "countryinfo", "label"))
    capital_fix = overrides("capital_overrides", "capital")
    currency_fix = overrides("currency_overrides", "currency")
    language_fix = overrides("language_overrides", "language")
    continent_fix = overrides("continent_overrides", "continent")
    currency_names = {
        code: (name, split_list(aliases))
        for code, name, aliases in rows("currency_names", "code", "label", "aliases")
    }
    language_names = dict(rows("language_names", "code", "label"))
    countries = rows("countries", "code", "label", "qid")
    for name, fix in (
        ("capital", capital_fix),
        ("currency", currency_fix),
        ("language", language_fix),
        ("continent", continent_fix),
    ):
        if unknown := sorted(set(fix) - {code for code, _, _ in countries}):
            raise BuildError(f"{name}_overrides.tsv: {unknown} not in countries.tsv")

    for code, label, qid in countries:
        if code not in snap_names or code not in snap_info:
            raise BuildError(f"{code} is not in data/facts/snapshot/: {REFRESH}")
        name, common_name, official_name = snap_names[code]
        capital, currencies, languages, region, inter = snap_info[code]
        kb.declare(label, "country", code)
        if qid != NONE:
            kb.qids[label] = qid
        derived = [common_name, name, official_name]
        kb.add_aliases(label, [a for a in derived if a and "," not in a and a not in no_alias])

        # capital (+ the reverse "capital of" and the city's "country")
        if capital_fix.get(code) != NONE:
            capital, source = city_spelling.get(capital, capital), "countryinfo"
            if code in capital_fix:
                capital, source = capital_fix[code], "curated"
            if not capital:
                raise BuildError(f"{code}: no capital; add it to capital_overrides.tsv")
            kb.add(label, "capital", capital, source, "country", "city")
            kb.add(capital, "capital of", label, source, "city", "country")
            kb.add(capital, "country", label, source, "city", "country")

        # currency
        if currency_fix.get(code) != NONE:
            codes, source = split_list(currencies), "countryinfo"
            if code in currency_fix:
                codes, source = [currency_fix[code]], "curated"
            if len(codes) != 1:
                raise BuildError(f"{code}: currencies {codes}; add it to currency_overrides.tsv")
            cur = codes[0]
            if cur not in currency_names:
                raise BuildError(f"{code}: no English name for currency {cur} in currency_names.tsv")
            cur_label, aliases = currency_names[cur]
            kb.add(label, "currency", cur_label, source, "country", "currency")
            kb.add_aliases(cur_label, [*aliases, *([iso_currency[cur]] if cur in iso_currency else [])])

        # official language: only when there is exactly one
        if language_fix.get(code) != NONE:
            langs, source = split_list(languages), "countryinfo"
            if code in language_fix:
                langs, source = [language_fix[code]], "curated"
            if len(langs) == 1:
                lang = langs[0]
                if lang not in language_names:
                    raise BuildError(f"{code}: no English name for language {lang} in language_names.tsv")
                lang_label = language_names[lang]
                kb.add(label, "official language", lang_label, source, "country", "language")
                iso = iso_language.get(lang)
                if iso is not None and "(" not in iso and ";" not in iso:
                    kb.add_aliases(lang_label, [iso])

        # continent
        if continent_fix.get(code) != NONE:
            if code in continent_fix:
                continent, source = continent_fix[code], "curated"
            elif region == "Americas":
                continent = "South America" if inter == "South America" else "North America"
                source = "countryinfo"
            else:
                continent, source = region, "countryinfo"  # Europe, Asia, Africa or Oceania
            kb.add(label, "continent", continent, source, "country", "continent")


def derive_subdivisions(kb: KB) -> list[str]:
    """``(subdivision, country, country)`` facts from the pycountry snapshot (ISO 3166-2 first level).

    Runs last: a subdivision whose label is already another entity (a city such as Berlin
    or Tokyo, a country such as Georgia, a dog breed such as Chihuahua) is skipped.
    Returns the skipped labels.
    """
    country_label = {code: label for code, label, _ in rows("countries", "code", "label", "qid")}
    names = dict(rows("subdivision_names", "pycountry", "label"))
    drop = {name for name, _reason in rows("subdivision_drop", "name", "reason")}
    snapshot = rows("snapshot/pycountry_subdivisions", "code", "country", "type", "name")
    skipped = []
    for code, kind, etype in rows("subdivision_types", "country", "iso_type", "type"):
        subs = sorted((s for s in snapshot if s[1] == code and s[2] == kind), key=lambda s: s[0])
        if not subs:
            raise BuildError(f"no {kind!r} of {code} in snapshot/pycountry_subdivisions.tsv: {REFRESH}")
        for *_, name in subs:
            name = name.split(" [")[0]
            if code == "CN":
                for suffix in (" Sheng", " Zizhiqu"):
                    name = name.removesuffix(suffix)
            if code == "IN":
                name = strip_accents(name)
            name = names.get(name, name)
            if name in drop:
                continue
            if name in kb.types and kb.types[name] != etype:
                skipped.append(name)
                continue
            kb.add(name, "country", country_label[code], "pycountry", etype, "country")
    return skipped


# --------------------------------------------------------------------------- curated


# two-column tables: name -> header
SIMPLE_COLUMNS = {
    "film_composers": ("film", "composer"),
    "screenwriters": ("film", "screenwriter"),
    "film_producers": ("film", "producer"),
    "production_companies": ("film", "production_company"),
    "ownership": ("subject", "owned_by"),
    "company_formation": ("organisation", "location_of_formation"),
    "ceos": ("company", "chief_executive_officer"),
    "other_headquarters": ("organisation", "headquarters_location"),
    "other_founders": ("organisation", "founded_by"),
}


def add_simple(kb: KB, relation: str, subject_type: str | None, object_type: str | None, name: str) -> None:
    """A two-column table ``subject, object``; a ``None`` type must be declared elsewhere."""
    for subject, obj in rows(name, *SIMPLE_COLUMNS[name]):
        kb.add(subject, relation, obj, "curated", subject_type, object_type)


def add_curated(kb: KB) -> None:
    for label, etype in rows("entities", "label", "type"):
        kb.declare(label, etype, "entities.tsv")

    # people: citizenship and place of birth; '-' when unknown, multiple or historical
    for name, citizenship, birthplace in rows("people", "name", "country_of_citizenship", "place_of_birth"):
        kb.declare(name, "person", "people.tsv")
        if citizenship != NONE:
            kb.add(name, "country of citizenship", citizenship, "curated", "person", "country")
        if birthplace != NONE:
            kb.add(name, "place of birth", birthplace, "curated", "person", "city")

    for name, country, formed in rows("bands", "name", "country_of_origin", "location_of_formation"):
        kb.declare(name, "band", "bands.tsv")
        if country != NONE:
            kb.add(name, "country of origin", country, "curated", "band", "country")
        if formed != NONE:
            kb.add(name, "location of formation", formed, "curated", "band", "city")

    for city, country in rows("cities", "city", "country"):
        kb.add(city, "country", country, "curated", "city", "country")

    for etype, table in (("company", "companies"), ("record label", "record_labels")):
        columns = ("name", "country_of_origin", "headquarters_location", "founded_by")
        for name, country, hq, founder in rows(table, *columns):
            kb.declare(name, etype, f"{table}.tsv")
            if country != NONE:
                kb.add(name, "country of origin", country, "curated", etype, "country")
            if hq != NONE:
                kb.add(name, "headquarters location", hq, "curated", etype, "city")
            if founder != NONE:
                kb.add(name, "founded by", founder, "curated", etype, None)

    for name, etype, country, owner in rows("brands", "name", "type", "country_of_origin", "owned_by"):
        kb.declare(name, etype, "brands.tsv")
        if country != NONE:
            kb.add(name, "country of origin", country, "curated", etype, "country")
        if owner != NONE:
            kb.add(name, "owned by", owner, "curated", etype, None)

    for name, etype, country in rows("foods", "name", "type", "country_of_origin"):
        kb.add(name, "country of origin", country, "curated", etype, "country")

    for name, etype, country in rows("places", "name", "type", "country"):
        kb.add(name, "country", country, "curated", etype, "country")

    for title, performer in rows("songs", "title", "performer"):
        kb.add(title, "performer", performer, "curated", "song", None)

    for title, performer, label, producer in rows("albums", "title", "performer", "record_label", "producer"):
        kb.add(title, "performer", performer, "curated", "album", None)
        if label != NONE:
            kb.add(title, "record label", label, "curated", "album", None)
        if producer != NONE:
            kb.add(title, "producer", producer, "curated", "album", None)

    for etype, table in (("book", "books"), ("play", "plays"), ("poem", "poems")):
        for title, author, publisher in rows(table, "title", "author", "publisher"):
            kb.add(title, "author", author, "curated", etype, None)
            if publisher != NONE:
                kb.add(title, "publisher", publisher, "curated", etype, None)

    for title, etype, author, publisher, country in rows(
        "serials", "title", "type", "author", "publisher", "country_of_origin"
    ):
        kb.declare(title, etype, "serials.tsv")
        if author != NONE:
            kb.add(title, "author", author, "curated", etype, None)
        if publisher != NONE:
            kb.add(title, "publisher", publisher, "curated", etype, None)
        if country != NONE:
            kb.add(title, "country of origin", country, "curated", etype, "country")

    for title, director, country in rows("films", "title", "director", "country_of_origin"):
        kb.add(title, "director", director, "curated", "film", None)
        if country != NONE:
            kb.add(title, "country of origin", country, "curated", "film", "country")

    for title, country in rows("tv_series", "title", "country_of_origin"):
        kb.add(title, "country of origin", country, "curated", "tv series", "country")

    for title, etype, developer, publisher, country in rows(
        "software", "title", "type", "developer", "publisher", "country_of_origin"
    ):
        kb.declare(title, etype, "software.tsv")
        if developer != NONE:
            kb.add(title, "developer", developer, "curated", etype, None)
        if publisher != NONE:
            kb.add(title, "publisher", publisher, "curated", etype, None)
        if country != NONE:
            kb.add(title, "country of origin", country, "curated", etype, "country")

    for title, etype, composer in rows("compositions", "title", "type", "composer"):
        kb.add(title, "composer", composer, "curated", etype, None)

    for country, anthem, composer in rows("anthems", "country", "anthem", "composer"):
        kb.add(country, "anthem", anthem, "curated", "country", "anthem")
        if composer != NONE:
            kb.add(anthem, "composer", composer, "curated", "anthem", None)

    for country, bank, hq in rows("central_banks", "country", "central_bank", "headquarters_location"):
        kb.add(country, "central bank", bank, "curated", "country", "central bank")
        if hq != NONE:
            kb.add(bank, "headquarters location", hq, "curated", "central bank", "city")

    for etype, table in (
        ("person", "family_people"),
        ("mythological figure", "family_myth"),
        ("biblical figure", "family_bible"),
        ("fictional character", "family_fiction"),
    ):
        for name, father, mother, spouse in rows(table, "name", "father", "mother", "spouse"):
            for relation, other in (("father", father), ("mother", mother), ("spouse", spouse)):
                if other != NONE:
                    kb.add(name, relation, other, "curated", etype, etype)

    for character, work in rows("characters", "character", "present_in_work"):
        kb.add(character, "present in work", work, "curated", "fictional character", None)

    for person, work, work_type in rows("notable_works", "person", "notable_work", "work_type"):
        kb.add(person, "notable work", work, "curated", None, None if work_type == NONE else work_type)

    add_simple(kb, "composer", None, None, "film_composers")
    add_simple(kb, "screenwriter", None, None, "screenwriters")
    add_simple(kb, "producer", None, None, "film_producers")
    add_simple(kb, "production company", None, None, "production_companies")
    add_simple(kb, "owned by", None, None, "ownership")
    add_simple(kb, "location of formation", None, "city", "company_formation")
    add_simple(kb, "chief executive officer", None, None, "ceos")
    add_simple(kb, "headquarters location", None, "city", "other_headquarters")
    add_simple(kb, "founded by", None, None, "other_founders")


def add_metadata(kb: KB) -> None:
    used = kb.labels()
    for label, aliases in rows("aliases", "label", "aliases"):
        if label not in used:
            kb.errors.append(f"aliases.tsv: {label!r} is in no fact")
        kb.add_aliases(label, split_list(aliases))
    for label, qid in rows("qids", "label", "qid"):
        if label not in used:
            kb.errors.append(f"qids.tsv: {label!r} is in no fact")
        if not (qid.startswith("Q") and qid[1:].isdigit()):
            kb.errors.append(f"qids.tsv: bad id {qid!r} for {label!r}")
        if kb.qids.get(label, qid) != qid:
            kb.errors.append(f"qids.tsv: two ids for {label!r}")
        kb.qids[label] = qid
    seen: dict[str, str] = {}
    for label, qid in sorted(kb.qids.items()):
        if qid in seen and label in used:
            kb.errors.append(f"qids.tsv: {qid} used for {seen[qid]!r} and {label!r}")
        seen[qid] = label


# --------------------------------------------------------------------------- output


def build() -> tuple[str, KB, list[str]]:
    kb = KB()
    derive_countries(kb)
    add_curated(kb)
    skipped = derive_subdivisions(kb)
    add_metadata(kb)
    used = kb.labels()
    for label in sorted(used):
        if label not in kb.types:
            kb.errors.append(f"{label!r} has no type (declare it in a table)")
        if label in kb.aliases and label in kb.aliases[label]:
            kb.errors.append(f"{label!r} is its own alias")
    if kb.errors:
        raise BuildError("\n".join(kb.errors))

    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for (subject, relation), (obj, source) in sorted(kb.facts.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        writer.writerow(
            (
                subject,
                relation,
                obj,
                kb.types[subject],
                kb.types[obj],
                json.dumps(kb.aliases.get(subject, []), ensure_ascii=False),
                json.dumps(kb.aliases.get(obj, []), ensure_ascii=False),
                kb.qids.get(subject, ""),
                kb.qids.get(obj, ""),
                source,
            )
        )
    return buf.getvalue(), kb, skipped


def count_chains(facts: dict[tuple[str, str], tuple[str, str]]) -> int:
    out_edges: dict[str, list[str]] = defaultdict(list)
    for (subject, _), (obj, _) in facts.items():
        out_edges[subject].append(obj)
    total = 0
    for (e1, _), (e2, _) in facts.items():
        total += sum(1 for e3 in out_edges.get(e2, ()) if e3 not in (e1, e2))
    return total


def main() -> None:
    try:
        text, kb, skipped = build()
    except BuildError as exc:
        raise SystemExit(f"build_facts.py: inconsistent tables:\n{exc}") from None
    OUT.write_text(text, encoding="utf-8")
    per_relation = Counter(relation for _, relation in kb.facts)
    per_source = Counter(source for _, source in kb.facts.values())
    print(f"wrote {OUT.relative_to(ROOT)}: {len(kb.facts)} facts, {len(per_relation)} relations")
    for relation, n in sorted(per_relation.items()):
        print(f"  {relation:26s} {n:5d}")
    print("  by source: " + ", ".join(f"{s}={n}" for s, n in sorted(per_source.items())))
    print(f"  two-hop chains (distinct e1, e2, e3): {count_chains(kb.facts)}")
    if skipped:
        print(f"  subdivisions skipped (label already used by another entity): {', '.join(sorted(skipped))}")


if __name__ == "__main__":
    main()
