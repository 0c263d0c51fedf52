#!/usr/bin/env python
"""Build the bundled offline knowledge base ``mechhop/data/facts.csv``.

Usage (from anywhere, inside the project venv)::

    pip install pycountry countryinfo   # build-time only; mechhop never imports them
    python scripts/build_facts.py

The output is deterministic: running the script twice gives a byte-identical file.

Where the facts come from
-------------------------
* ``countryinfo``: capital, currency (ISO code), official language (ISO 639-1 code) and
  continent (UN region) of a curated list of well-known countries.  Stale, contested or
  multi-valued entries are fixed or dropped by the explicit override tables below, each
  with its reason (source column ``curated`` for an override).
* ``pycountry``: official country names (aliases), ISO currency/language names (aliases)
  and the first-level subdivisions (states, provinces, regions, ...) of a few large
  countries, as ``(subdivision, country, country)`` facts (source ``pycountry``).
* Hand-curated tables (the rest of this file, source ``curated``): songs, albums, books,
  films, people, bands, companies, brands, foods, landmarks, ...

Only facts believed TRUE and stable are kept.  Multi-valued or contested facts
(co-founded companies, people with two famous spouses or two citizenships, songs with a
famous cover, films with two directors, ...) are left out, so that each
``(subject, relation)`` pair has exactly one object.  Labels are common English names and
each entity is spelled identically everywhere, so facts chain into two-hop queries.

Table format: one entry per line, cells separated by ``|``, ``-`` for "no value",
``#`` starts a comment line.
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

OUT = ROOT / "mechhop" / "data" / "facts.csv"
NONE = "-"


# --------------------------------------------------------------------------- machinery


class BuildError(Exception):
    """The curated tables are inconsistent (the message lists every problem)."""


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


def rows(block: str, ncols: int) -> list[list[str]]:
    """Parse a ``|``-separated table block into rows of exactly ``ncols`` cells."""
    out = []
    for raw in block.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("|")]
        if len(cells) != ncols:
            raise BuildError(f"expected {ncols} cells, got {len(cells)}: {raw!r}")
        out.append(cells)
    return out


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# --------------------------------------------------------------------------- package-derived


def derive_countries(kb: KB) -> None:
    """Country facts from countryinfo/pycountry, filtered by the override tables."""
    try:
        import pycountry
        from countryinfo import CountryInfo
    except ImportError as exc:  # pragma: no cover - build-time dependency
        raise SystemExit("build_facts.py needs `pip install pycountry countryinfo`") from exc

    for code, label, qid in rows(COUNTRIES, 3):
        pc = pycountry.countries.get(alpha_2=code)
        if pc is None:
            raise BuildError(f"pycountry has no country {code}")
        info = CountryInfo(code).info()
        kb.declare(label, "country", code)
        if qid != NONE:
            kb.qids[label] = qid
        derived = [getattr(pc, "common_name", ""), pc.name, getattr(pc, "official_name", "")]
        kb.add_aliases(label, [a for a in derived if a and "," not in a and a not in NO_ALIAS])

        # capital (+ the reverse "capital of" and the city's "country")
        if code not in CAPITAL_DROP:
            capital = CITY_SPELLING.get(info.get("capital") or "", info.get("capital") or "")
            source = "countryinfo"
            if code in CAPITAL_OVERRIDES:
                capital, source = CAPITAL_OVERRIDES[code], "curated"
            if not capital:
                raise BuildError(f"{code}: no capital; add it to CAPITAL_DROP or CAPITAL_OVERRIDES")
            kb.add(label, "capital", capital, source, "country", "city")
            kb.add(capital, "capital of", label, source, "city", "country")
            kb.add(capital, "country", label, source, "city", "country")

        # currency
        if code not in CURRENCY_DROP:
            codes = info.get("currencies") or []
            source = "countryinfo"
            if code in CURRENCY_OVERRIDES:
                codes, source = [CURRENCY_OVERRIDES[code]], "curated"
            if len(codes) != 1:
                raise BuildError(f"{code}: currencies {codes}; add it to CURRENCY_DROP or CURRENCY_OVERRIDES")
            cur = codes[0]
            if cur not in CURRENCY_NAMES:
                raise BuildError(f"{code}: no English name for currency {cur}")
            name, aliases = CURRENCY_NAMES[cur]
            kb.add(label, "currency", name, source, "country", "currency")
            iso = pycountry.currencies.get(alpha_3=cur)
            kb.add_aliases(name, [*aliases, *([iso.name] if iso else [])])

        # official language: only when there is exactly one
        if code not in LANGUAGE_DROP:
            langs = info.get("languages") or []
            source = "countryinfo"
            if code in LANGUAGE_OVERRIDES:
                langs, source = [LANGUAGE_OVERRIDES[code]], "curated"
            if len(langs) == 1:
                lang = langs[0]
                if lang not in LANGUAGE_NAMES:
                    raise BuildError(f"{code}: no English name for language {lang}")
                name = LANGUAGE_NAMES[lang]
                kb.add(label, "official language", name, source, "country", "language")
                iso = pycountry.languages.get(alpha_2=lang)
                if iso is not None and "(" not in iso.name and ";" not in iso.name:
                    kb.add_aliases(name, [iso.name])

        # continent
        if code not in CONTINENT_DROP:
            region, inter = info.get("region"), info.get("intermediateregion")
            if region == "Americas":
                continent = "South America" if inter == "South America" else "North America"
            else:
                continent = region  # Europe, Asia, Africa or Oceania
            kb.add(label, "continent", continent, "countryinfo", "country", "continent")


SUBDIVISION_TYPES = {
    ("US", "State"): "state",
    ("CA", "Province"): "province",
    ("CA", "Territory"): "territory",
    ("AU", "State"): "state",
    ("AU", "Territory"): "territory",
    ("DE", "Land"): "state",
    ("IN", "State"): "state",
    ("IN", "Union territory"): "union territory",
    ("BR", "State"): "state",
    ("MX", "State"): "state",
    ("CN", "Province"): "province",
    ("CN", "Autonomous region"): "autonomous region",
    ("IT", "Region"): "region",
    ("IT", "Autonomous region"): "region",
    ("ES", "Autonomous community"): "autonomous community",
    ("FR", "Metropolitan region"): "region",
    ("FR", "Metropolitan collectivity with special status"): "region",
    ("GB", "Country"): "constituent country",
    ("GB", "Province"): "constituent country",
    ("JP", "Prefecture"): "prefecture",
}


def derive_subdivisions(kb: KB) -> list[str]:
    """``(subdivision, country, country)`` facts from pycountry (ISO 3166-2 first level).

    Runs last: a subdivision whose label is already another entity (a city such as Berlin
    or Tokyo, a country such as Georgia, a dog breed such as Chihuahua) is skipped.
    Returns the skipped labels.
    """
    import pycountry

    country_label = {code: label for code, label, _ in rows(COUNTRIES, 3)}
    skipped = []
    for (code, kind), etype in SUBDIVISION_TYPES.items():
        subs = [s for s in pycountry.subdivisions.get(country_code=code) if s.parent_code is None]
        for sub in sorted((s for s in subs if s.type == kind), key=lambda s: s.code):
            name = sub.name.split(" [")[0]
            if code == "CN":
                for suffix in (" Sheng", " Zizhiqu"):
                    name = name.removesuffix(suffix)
            if code == "IN":
                name = strip_accents(name)
            name = SUBDIVISION_NAMES.get(name, name)
            if name in SUBDIVISION_DROP:
                continue
            if name in kb.types and kb.types[name] != etype:
                skipped.append(name)
                continue
            kb.add(name, "country", country_label[code], "pycountry", etype, "country")
    return skipped


# --------------------------------------------------------------------------- curated


def add_simple(kb: KB, relation: str, subject_type: str | None, object_type: str | None, block: str) -> None:
    """A two-column table ``subject | object``; a ``None`` type must be declared elsewhere."""
    for subject, obj in rows(block, 2):
        kb.add(subject, relation, obj, "curated", subject_type, object_type)


def add_curated(kb: KB) -> None:
    for label, etype in rows(ENTITIES, 2):
        kb.declare(label, etype, "ENTITIES")

    # people: citizenship and place of birth; '-' when unknown, multiple or historical
    for name, citizenship, birthplace in rows(PEOPLE, 3):
        kb.declare(name, "person", "PEOPLE")
        if citizenship != NONE:
            kb.add(name, "country of citizenship", citizenship, "curated", "person", "country")
        if birthplace != NONE:
            kb.add(name, "place of birth", birthplace, "curated", "person", "city")

    for name, country, formed in rows(BANDS, 3):
        kb.declare(name, "band", "BANDS")
        if country != NONE:
            kb.add(name, "country of origin", country, "curated", "band", "country")
        if formed != NONE:
            kb.add(name, "location of formation", formed, "curated", "band", "city")

    for city, country in rows(CITIES, 2):
        kb.add(city, "country", country, "curated", "city", "country")

    for etype, block in (("company", COMPANIES), ("record label", RECORD_LABELS)):
        for name, country, hq, founder in rows(block, 4):
            kb.declare(name, etype, "COMPANIES")
            if country != NONE:
                kb.add(name, "country of origin", country, "curated", etype, "country")
            if hq != NONE:
                kb.add(name, "headquarters location", hq, "curated", etype, "city")
            if founder != NONE:
                kb.add(name, "founded by", founder, "curated", etype, None)

    for name, etype, country, owner in rows(BRANDS, 4):
        kb.declare(name, etype, "BRANDS")
        if country != NONE:
            kb.add(name, "country of origin", country, "curated", etype, "country")
        if owner != NONE:
            kb.add(name, "owned by", owner, "curated", etype, None)

    for name, etype, country in rows(FOODS, 3):
        kb.add(name, "country of origin", country, "curated", etype, "country")

    for name, etype, country in rows(PLACES, 3):
        kb.add(name, "country", country, "curated", etype, "country")

    for title, performer in rows(SONGS, 2):
        kb.add(title, "performer", performer, "curated", "song", None)

    for title, performer, label, producer in rows(ALBUMS, 4):
        kb.add(title, "performer", performer, "curated", "album", None)
        if label != NONE:
            kb.add(title, "record label", label, "curated", "album", None)
        if producer != NONE:
            kb.add(title, "producer", producer, "curated", "album", None)

    for etype, block in (("book", BOOKS), ("play", PLAYS), ("poem", POEMS)):
        for title, author, publisher in rows(block, 3):
            kb.add(title, "author", author, "curated", etype, None)
            if publisher != NONE:
                kb.add(title, "publisher", publisher, "curated", etype, None)

    for title, etype, author, publisher, country in rows(SERIALS, 5):
        kb.declare(title, etype, "SERIALS")
        if author != NONE:
            kb.add(title, "author", author, "curated", etype, None)
        if publisher != NONE:
            kb.add(title, "publisher", publisher, "curated", etype, None)
        if country != NONE:
            kb.add(title, "country of origin", country, "curated", etype, "country")

    for title, director, country in rows(FILMS, 3):
        kb.add(title, "director", director, "curated", "film", None)
        if country != NONE:
            kb.add(title, "country of origin", country, "curated", "film", "country")

    for title, country in rows(TV_SERIES, 2):
        kb.add(title, "country of origin", country, "curated", "tv series", "country")

    for title, etype, developer, publisher, country in rows(SOFTWARE, 5):
        kb.declare(title, etype, "SOFTWARE")
        if developer != NONE:
            kb.add(title, "developer", developer, "curated", etype, None)
        if publisher != NONE:
            kb.add(title, "publisher", publisher, "curated", etype, None)
        if country != NONE:
            kb.add(title, "country of origin", country, "curated", etype, "country")

    for title, etype, composer in rows(COMPOSITIONS, 3):
        kb.add(title, "composer", composer, "curated", etype, None)

    for country, anthem, composer in rows(ANTHEMS, 3):
        kb.add(country, "anthem", anthem, "curated", "country", "anthem")
        if composer != NONE:
            kb.add(anthem, "composer", composer, "curated", "anthem", None)

    for country, bank, hq in rows(CENTRAL_BANKS, 3):
        kb.add(country, "central bank", bank, "curated", "country", "central bank")
        if hq != NONE:
            kb.add(bank, "headquarters location", hq, "curated", "central bank", "city")

    for etype, block in (
        ("person", FAMILY_PEOPLE),
        ("mythological figure", FAMILY_MYTH),
        ("biblical figure", FAMILY_BIBLE),
        ("fictional character", FAMILY_FICTION),
    ):
        for name, father, mother, spouse in rows(block, 4):
            for relation, other in (("father", father), ("mother", mother), ("spouse", spouse)):
                if other != NONE:
                    kb.add(name, relation, other, "curated", etype, etype)

    for character, work in rows(CHARACTERS, 2):
        kb.add(character, "present in work", work, "curated", "fictional character", None)

    for person, work, work_type in rows(NOTABLE_WORKS, 3):
        kb.add(person, "notable work", work, "curated", None, None if work_type == NONE else work_type)

    add_simple(kb, "composer", None, None, FILM_COMPOSERS)
    add_simple(kb, "screenwriter", None, None, SCREENWRITERS)
    add_simple(kb, "producer", None, None, FILM_PRODUCERS)
    add_simple(kb, "production company", None, None, PRODUCTION_COMPANIES)
    add_simple(kb, "owned by", None, None, OWNERSHIP)
    add_simple(kb, "location of formation", None, "city", COMPANY_FORMATION)
    add_simple(kb, "chief executive officer", None, None, CEOS)
    add_simple(kb, "headquarters location", None, "city", OTHER_HEADQUARTERS)
    add_simple(kb, "founded by", None, None, OTHER_FOUNDERS)


def add_metadata(kb: KB) -> None:
    used = kb.labels()
    for label, aliases in rows(ALIASES, 2):
        if label not in used:
            kb.errors.append(f"ALIASES: {label!r} is in no fact")
        kb.add_aliases(label, [a for a in aliases.split(";") if a.strip()])
    for label, qid in rows(QIDS, 2):
        if label not in used:
            kb.errors.append(f"QIDS: {label!r} is in no fact")
        if not (qid.startswith("Q") and qid[1:].isdigit()):
            kb.errors.append(f"QIDS: bad id {qid!r} for {label!r}")
        if kb.qids.get(label, qid) != qid:
            kb.errors.append(f"QIDS: two ids for {label!r}")
        kb.qids[label] = qid
    seen: dict[str, str] = {}
    for label, qid in sorted(kb.qids.items()):
        if qid in seen and label in used:
            kb.errors.append(f"QIDS: {qid} used for {seen[qid]!r} and {label!r}")
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


# =========================================================================== DATA
# Everything below is data.  Tables are read by the functions above.

# --------------------------------------------------------------------------- countries
# ISO alpha-2 | label (common English name, used everywhere) | Wikidata id (checked against a
# public country table that lists Wikidata ids; '-' when not certain).
COUNTRIES = """
AL | Albania | Q222
AT | Austria | Q40
BY | Belarus | Q184
BE | Belgium | Q31
BA | Bosnia and Herzegovina | Q225
BG | Bulgaria | Q219
HR | Croatia | Q224
CY | Cyprus | Q229
CZ | Czech Republic | Q213
DK | Denmark | Q35
EE | Estonia | Q191
FI | Finland | Q33
FR | France | Q142
DE | Germany | Q183
GR | Greece | Q41
HU | Hungary | Q28
IS | Iceland | Q189
IE | Ireland | Q27
IT | Italy | Q38
LV | Latvia | Q211
LI | Liechtenstein | Q347
LT | Lithuania | Q37
LU | Luxembourg | Q32
MC | Monaco | Q235
MT | Malta | Q233
MD | Moldova | Q217
ME | Montenegro | Q236
NL | Netherlands | Q55
MK | North Macedonia | Q221
NO | Norway | Q20
PL | Poland | Q36
PT | Portugal | Q45
RO | Romania | Q218
RU | Russia | Q159
RS | Serbia | Q403
SK | Slovakia | Q214
SI | Slovenia | Q215
ES | Spain | Q29
SE | Sweden | Q34
CH | Switzerland | Q39
UA | Ukraine | Q212
GB | United Kingdom | Q145
AF | Afghanistan | Q889
AM | Armenia | Q399
AZ | Azerbaijan | Q227
BH | Bahrain | Q398
BD | Bangladesh | Q902
BT | Bhutan | Q917
BN | Brunei | Q921
KH | Cambodia | Q424
CN | China | Q148
GE | Georgia | Q230
IN | India | Q668
ID | Indonesia | Q252
IR | Iran | Q794
IQ | Iraq | Q796
IL | Israel | Q801
JP | Japan | Q17
JO | Jordan | Q810
KZ | Kazakhstan | Q232
KW | Kuwait | Q817
KG | Kyrgyzstan | Q813
LA | Laos | Q819
LB | Lebanon | Q822
MY | Malaysia | Q833
MV | Maldives | Q826
MN | Mongolia | Q711
MM | Myanmar | Q836
NP | Nepal | Q837
KP | North Korea | Q423
OM | Oman | Q842
PK | Pakistan | Q843
PH | Philippines | Q928
QA | Qatar | Q846
SA | Saudi Arabia | Q851
SG | Singapore | Q334
KR | South Korea | Q884
LK | Sri Lanka | Q854
SY | Syria | Q858
TW | Taiwan | Q865
TJ | Tajikistan | Q863
TH | Thailand | Q869
TL | East Timor | Q574
TR | Turkey | Q43
TM | Turkmenistan | Q874
AE | United Arab Emirates | Q878
UZ | Uzbekistan | Q265
VN | Vietnam | Q881
YE | Yemen | Q805
DZ | Algeria | Q262
AO | Angola | Q916
BW | Botswana | -
BF | Burkina Faso | -
CM | Cameroon | Q1009
CF | Central African Republic | Q929
TD | Chad | Q657
CD | Democratic Republic of the Congo | -
CG | Republic of the Congo | -
CI | Ivory Coast | Q1008
EG | Egypt | Q79
ER | Eritrea | -
ET | Ethiopia | Q115
GA | Gabon | Q1000
GH | Ghana | Q117
GN | Guinea | Q1006
KE | Kenya | Q114
LR | Liberia | Q1014
LY | Libya | Q1016
MG | Madagascar | Q1019
MW | Malawi | Q1020
ML | Mali | Q912
MR | Mauritania | Q1025
MU | Mauritius | Q1027
MA | Morocco | Q1028
MZ | Mozambique | Q1029
NA | Namibia | Q1030
NE | Niger | Q1032
NG | Nigeria | Q1033
RW | Rwanda | Q1037
SN | Senegal | Q1041
SL | Sierra Leone | Q1044
SO | Somalia | Q1045
ZA | South Africa | Q258
SS | South Sudan | -
SD | Sudan | Q1049
TZ | Tanzania | Q924
TG | Togo | Q945
TN | Tunisia | Q948
UG | Uganda | Q1036
ZM | Zambia | Q953
ZW | Zimbabwe | Q954
AR | Argentina | Q414
BS | Bahamas | Q778
BB | Barbados | Q244
BZ | Belize | Q242
BO | Bolivia | Q750
BR | Brazil | Q155
CA | Canada | Q16
CL | Chile | Q298
CO | Colombia | Q739
CR | Costa Rica | Q800
CU | Cuba | Q241
DO | Dominican Republic | Q786
EC | Ecuador | Q736
SV | El Salvador | Q792
GT | Guatemala | Q774
GY | Guyana | Q734
HT | Haiti | Q790
HN | Honduras | Q783
JM | Jamaica | Q766
MX | Mexico | Q96
NI | Nicaragua | Q811
PA | Panama | Q804
PY | Paraguay | Q733
PE | Peru | Q419
SR | Suriname | Q730
TT | Trinidad and Tobago | Q754
US | United States | Q30
UY | Uruguay | Q77
VE | Venezuela | Q717
AU | Australia | Q408
FJ | Fiji | Q712
NZ | New Zealand | Q664
PG | Papua New Guinea | Q691
WS | Samoa | Q683
TO | Tonga | Q678
"""

# pycountry names that must not become aliases.
NO_ALIAS = {"Taiwan, Province of China"}

# countryinfo capital spellings normalised to the label used everywhere (still countryinfo data).
CITY_SPELLING = {
    "Washington D.C.": "Washington, D.C.",
    "Reykjavik": "Reykjavík",
    "Luxembourg": "Luxembourg City",
}
# Capitals that countryinfo has wrong or stale.
CAPITAL_OVERRIDES = {
    "KZ": "Astana",  # countryinfo: "Nur-Sultan"; renamed back to Astana in 2022
}
# No single, uncontested capital: left out.
CAPITAL_DROP = {
    "BO",  # Sucre (constitutional) vs La Paz (seat of government)
    "ZA",  # three capitals: Pretoria, Cape Town, Bloemfontein
    "IL",  # Jerusalem: internationally contested
    "YE",  # Sana'a (constitutional) vs Aden (interim seat), civil war
    "LK",  # Sri Jayawardenepura Kotte (official) vs Colombo (countryinfo)
    "SG",  # city-state: the capital is the country itself
    "MC",  # city-state: the capital is the country itself
}
# Currencies that countryinfo lists as several codes or an old code.
CURRENCY_OVERRIDES = {
    "US": "USD",
    "CH": "CHF",
    "CL": "CLP",
    "CU": "CUP",  # the convertible peso (CUC) was abolished in 2021
    "UY": "UYU",
    "BO": "BOB",
    "HT": "HTG",
    "HR": "EUR",  # Croatia adopted the euro in 2023 (countryinfo: HRK)
    "BY": "BYN",  # redenominated 2016 (countryinfo: BYR)
    "VE": "VES",  # redenominated 2018 (countryinfo: VEF)
    "ZM": "ZMW",  # redenominated 2013 (countryinfo: ZMK)
    "MR": "MRU",  # redenominated 2018 (countryinfo: MRO)
    "SL": "SLE",  # redenominated 2022 (countryinfo: SLL)
}
CURRENCY_DROP = {
    "PA",  # balboa and US dollar both legal tender
    "SV",  # US dollar (bitcoin was legal tender 2021-2025)
    "BT",  # ngultrum and Indian rupee both legal tender
    "NA",  # Namibian dollar and South African rand
    "ZW",  # several currencies since 2009 (ZiG since 2024)
    "BG",  # lev, but the euro from 2026
}
# code -> (label, aliases); pycountry's ISO 4217 name is added as an alias.
CURRENCY_NAMES = {
    "EUR": ("euro", ["€"]),
    "USD": ("United States dollar", ["US dollar", "U.S. dollar", "American dollar", "dollar"]),
    "GBP": ("pound sterling", ["British pound", "pound", "sterling"]),
    "JPY": ("Japanese yen", ["yen"]),
    "CNY": ("renminbi", ["yuan", "Chinese yuan", "RMB"]),
    "INR": ("Indian rupee", ["rupee"]),
    "RUB": ("Russian ruble", ["ruble", "rouble", "Russian rouble"]),
    "KRW": ("South Korean won", ["won", "Korean won"]),
    "KPW": ("North Korean won", ["won"]),
    "CHF": ("Swiss franc", ["franc"]),
    "CAD": ("Canadian dollar", ["dollar"]),
    "AUD": ("Australian dollar", ["dollar"]),
    "NZD": ("New Zealand dollar", ["dollar"]),
    "BRL": ("Brazilian real", ["real"]),
    "MXN": ("Mexican peso", ["peso"]),
    "ARS": ("Argentine peso", ["peso"]),
    "CLP": ("Chilean peso", ["peso"]),
    "COP": ("Colombian peso", ["peso"]),
    "CUP": ("Cuban peso", ["peso"]),
    "UYU": ("Uruguayan peso", ["peso"]),
    "DOP": ("Dominican peso", ["peso"]),
    "PHP": ("Philippine peso", ["peso", "piso"]),
    "SEK": ("Swedish krona", ["krona"]),
    "NOK": ("Norwegian krone", ["krone"]),
    "DKK": ("Danish krone", ["krone"]),
    "ISK": ("Icelandic króna", ["krona", "Icelandic krona"]),
    "PLN": ("Polish złoty", ["zloty", "złoty", "Polish zloty"]),
    "CZK": ("Czech koruna", ["koruna", "Czech crown"]),
    "HUF": ("Hungarian forint", ["forint"]),
    "RON": ("Romanian leu", ["leu"]),
    "MDL": ("Moldovan leu", ["leu"]),
    "TRY": ("Turkish lira", ["lira"]),
    "ILS": ("Israeli new shekel", ["shekel", "new shekel", "Israeli shekel"]),
    "EGP": ("Egyptian pound", ["pound"]),
    "SAR": ("Saudi riyal", ["riyal"]),
    "AED": ("United Arab Emirates dirham", ["UAE dirham", "dirham"]),
    "QAR": ("Qatari riyal", ["riyal"]),
    "KWD": ("Kuwaiti dinar", ["dinar"]),
    "BHD": ("Bahraini dinar", ["dinar"]),
    "OMR": ("Omani rial", ["rial"]),
    "JOD": ("Jordanian dinar", ["dinar"]),
    "IQD": ("Iraqi dinar", ["dinar"]),
    "IRR": ("Iranian rial", ["rial"]),
    "SYP": ("Syrian pound", ["pound"]),
    "LBP": ("Lebanese pound", ["pound", "lira"]),
    "YER": ("Yemeni rial", ["rial"]),
    "MAD": ("Moroccan dirham", ["dirham"]),
    "DZD": ("Algerian dinar", ["dinar"]),
    "TND": ("Tunisian dinar", ["dinar"]),
    "LYD": ("Libyan dinar", ["dinar"]),
    "NGN": ("Nigerian naira", ["naira"]),
    "GHS": ("Ghanaian cedi", ["cedi"]),
    "KES": ("Kenyan shilling", ["shilling"]),
    "UGX": ("Ugandan shilling", ["shilling"]),
    "TZS": ("Tanzanian shilling", ["shilling"]),
    "SOS": ("Somali shilling", ["shilling"]),
    "ETB": ("Ethiopian birr", ["birr"]),
    "ERN": ("Eritrean nakfa", ["nakfa"]),
    "ZAR": ("South African rand", ["rand"]),
    "ZMW": ("Zambian kwacha", ["kwacha"]),
    "MWK": ("Malawian kwacha", ["kwacha"]),
    "AOA": ("Angolan kwanza", ["kwanza"]),
    "MZN": ("Mozambican metical", ["metical"]),
    "BWP": ("Botswana pula", ["pula"]),
    "XOF": ("West African CFA franc", ["CFA franc"]),
    "XAF": ("Central African CFA franc", ["CFA franc"]),
    "CDF": ("Congolese franc", ["franc"]),
    "RWF": ("Rwandan franc", ["franc"]),
    "GNF": ("Guinean franc", ["franc"]),
    "MGA": ("Malagasy ariary", ["ariary"]),
    "MUR": ("Mauritian rupee", ["rupee"]),
    "SDG": ("Sudanese pound", ["pound"]),
    "SSP": ("South Sudanese pound", ["pound"]),
    "LRD": ("Liberian dollar", ["dollar"]),
    "SLE": ("Sierra Leonean leone", ["leone"]),
    "MRU": ("Mauritanian ouguiya", ["ouguiya"]),
    "PKR": ("Pakistani rupee", ["rupee"]),
    "BDT": ("Bangladeshi taka", ["taka"]),
    "NPR": ("Nepalese rupee", ["rupee"]),
    "LKR": ("Sri Lankan rupee", ["rupee"]),
    "AFN": ("Afghan afghani", ["afghani"]),
    "MVR": ("Maldivian rufiyaa", ["rufiyaa"]),
    "THB": ("Thai baht", ["baht"]),
    "VND": ("Vietnamese dong", ["dong", "đồng"]),
    "IDR": ("Indonesian rupiah", ["rupiah"]),
    "MYR": ("Malaysian ringgit", ["ringgit"]),
    "SGD": ("Singapore dollar", ["dollar"]),
    "BND": ("Brunei dollar", ["dollar"]),
    "KHR": ("Cambodian riel", ["riel"]),
    "LAK": ("Lao kip", ["kip"]),
    "MMK": ("Burmese kyat", ["kyat", "Myanmar kyat"]),
    "MNT": ("Mongolian tögrög", ["tugrik", "Mongolian tugrik"]),
    "TWD": ("New Taiwan dollar", ["Taiwan dollar", "NT dollar"]),
    "KZT": ("Kazakhstani tenge", ["tenge"]),
    "UZS": ("Uzbekistani sum", ["sum", "som"]),
    "KGS": ("Kyrgyzstani som", ["som"]),
    "TJS": ("Tajikistani somoni", ["somoni"]),
    "TMT": ("Turkmenistan manat", ["manat"]),
    "UAH": ("Ukrainian hryvnia", ["hryvnia"]),
    "BYN": ("Belarusian ruble", ["ruble"]),
    "GEL": ("Georgian lari", ["lari"]),
    "AMD": ("Armenian dram", ["dram"]),
    "AZN": ("Azerbaijani manat", ["manat"]),
    "RSD": ("Serbian dinar", ["dinar"]),
    "MKD": ("Macedonian denar", ["denar"]),
    "ALL": ("Albanian lek", ["lek"]),
    "BAM": ("Bosnia and Herzegovina convertible mark", ["convertible mark", "mark"]),
    "JMD": ("Jamaican dollar", ["dollar"]),
    "TTD": ("Trinidad and Tobago dollar", ["dollar"]),
    "BSD": ("Bahamian dollar", ["dollar"]),
    "BBD": ("Barbadian dollar", ["dollar"]),
    "BZD": ("Belize dollar", ["dollar"]),
    "GYD": ("Guyanese dollar", ["dollar"]),
    "SRD": ("Surinamese dollar", ["dollar"]),
    "PEN": ("Peruvian sol", ["sol"]),
    "BOB": ("Bolivian boliviano", ["boliviano"]),
    "PYG": ("Paraguayan guaraní", ["guarani", "guaraní"]),
    "VES": ("Venezuelan bolívar", ["bolívar", "bolivar"]),
    "GTQ": ("Guatemalan quetzal", ["quetzal"]),
    "HNL": ("Honduran lempira", ["lempira"]),
    "NIO": ("Nicaraguan córdoba", ["córdoba", "cordoba"]),
    "CRC": ("Costa Rican colón", ["colón", "colon"]),
    "HTG": ("Haitian gourde", ["gourde"]),
    "FJD": ("Fijian dollar", ["dollar"]),
    "PGK": ("Papua New Guinean kina", ["kina"]),
    "WST": ("Samoan tālā", ["tala"]),
    "TOP": ("Tongan paʻanga", ["pa'anga", "paanga"]),
}
# Official language: kept only when the country has exactly one.  countryinfo often lists
# widely spoken but non-official languages; these overrides keep the one official language.
LANGUAGE_OVERRIDES = {
    "CZ": "cs",  # countryinfo adds Slovak
    "NO": "no",  # countryinfo lists no/nb/nn (written standards of Norwegian)
    "RS": "sr",  # countryinfo has the invalid code "rs"
    "AM": "hy",  # Russian is not official
    "AZ": "az",
    "IL": "he",  # Arabic has "special status" since 2018
    "LB": "ar",  # French is not official
    "MY": "ms",  # countryinfo: empty
    "TJ": "tg",  # Russian: "language of interethnic communication"
    "TM": "tk",
    "UZ": "uz",
    "CD": "fr",  # four national languages, one official
    "CG": "fr",
    "MW": "en",  # Chichewa is national, English official
    "NA": "en",  # Afrikaans is not official
    "AR": "es",  # Guarani is not official nationally
    "BZ": "en",  # Spanish is not official
}
# Several official languages, none de jure, or changed since 2020 (BF, ML, NE demoted French).
LANGUAGE_DROP = {
    "BY", "BE", "BA", "CY", "FI", "IE", "LU", "MT", "ME", "MK", "CH", "AF", "IN", "IQ", "KZ", "KG",
    "PK", "PH", "SG", "LK", "TW", "TL", "DZ", "BW", "BF", "CM", "CF", "TD", "ER", "ET", "GN", "KE",
    "MG", "ML", "MU", "MA", "NE", "RW", "SO", "ZA", "SD", "TZ", "UG", "ZW", "BO", "CA", "HT", "PY",
    "PE", "FJ", "NZ", "PG", "WS", "TO",
}  # fmt: skip
LANGUAGE_NAMES = {
    "sq": "Albanian", "de": "German", "bg": "Bulgarian", "hr": "Croatian", "cs": "Czech",
    "da": "Danish", "et": "Estonian", "fr": "French", "el": "Greek", "hu": "Hungarian",
    "is": "Icelandic", "it": "Italian", "lv": "Latvian", "lt": "Lithuanian", "ro": "Romanian",
    "nl": "Dutch", "no": "Norwegian", "pl": "Polish", "pt": "Portuguese", "ru": "Russian",
    "sr": "Serbian", "sk": "Slovak", "sl": "Slovene", "es": "Spanish", "sv": "Swedish",
    "uk": "Ukrainian", "en": "English", "hy": "Armenian", "az": "Azerbaijani", "ar": "Arabic",
    "bn": "Bengali", "dz": "Dzongkha", "ms": "Malay", "km": "Khmer", "zh": "Chinese",
    "ka": "Georgian", "id": "Indonesian", "fa": "Persian", "he": "Hebrew", "ja": "Japanese",
    "lo": "Lao", "dv": "Dhivehi", "mn": "Mongolian", "my": "Burmese", "ne": "Nepali",
    "ko": "Korean", "tg": "Tajik", "th": "Thai", "tr": "Turkish", "tk": "Turkmen",
    "uz": "Uzbek", "vi": "Vietnamese",
}  # fmt: skip
# Transcontinental countries (no single continent) and borderline cases.
CONTINENT_DROP = {"RU", "TR", "KZ", "GE", "AM", "AZ", "CY", "TT", "TL"}

# pycountry subdivision names -> common English labels; '-' drops.
SUBDIVISION_NAMES = {
    # Germany
    "Bayern": "Bavaria", "Niedersachsen": "Lower Saxony", "Rheinland-Pfalz": "Rhineland-Palatinate",
    "Sachsen-Anhalt": "Saxony-Anhalt", "Hessen": "Hesse", "Nordrhein-Westfalen": "North Rhine-Westphalia",
    "Mecklenburg-Vorpommern": "Mecklenburg-Western Pomerania", "Sachsen": "Saxony", "Thüringen": "Thuringia",
    # Italy
    "Toscana": "Tuscany", "Lombardia": "Lombardy", "Piemonte": "Piedmont", "Sicilia": "Sicily",
    "Sardegna": "Sardinia", "Puglia": "Apulia", "Valle d'Aosta": "Aosta Valley",
    # Spain
    "Andalucía": "Andalusia", "Catalunya": "Catalonia", "País Vasco": "Basque Country",
    "Canarias": "Canary Islands", "Illes Balears": "Balearic Islands", "Castilla y León": "Castile and León",
    "Castilla-La Mancha": "Castilla–La Mancha", "Valenciana, Comunidad": "Valencian Community",
    "Madrid, Comunidad de": "Community of Madrid", "Murcia, Región de": "Region of Murcia",
    "Asturias, Principado de": "Asturias", "Navarra, Comunidad Foral de": "Navarre", "Aragón": "Aragon",
    # France
    "Normandie": "Normandy", "Bretagne": "Brittany", "Occitanie": "Occitania", "Corse": "Corsica",
    "Grand-Est": "Grand Est", "Pays-de-la-Loire": "Pays de la Loire",
    "Provence-Alpes-Côte-d’Azur": "Provence-Alpes-Côte d'Azur",
    # Mexico
    "Veracruz de Ignacio de la Llave": "Veracruz", "Coahuila de Zaragoza": "Coahuila",
    "Michoacán de Ocampo": "Michoacán",
    # China
    "Xizang": "Tibet", "Nei Mongol": "Inner Mongolia", "Ningxia Huizu": "Ningxia",
    "Guangxi Zhuangzu": "Guangxi", "Xinjiang Uygur": "Xinjiang",
    # Japan (pycountry uses Hepburn without long vowels already)
}  # fmt: skip
SUBDIVISION_DROP = {
    "Taiwan",  # pycountry lists "Taiwan Sheng" under China
    "México",  # the State of Mexico: too close to the country's label
    "Georgia",  # the US state; "Georgia" is the country here
}

# --------------------------------------------------------------------------- people
# name | country of citizenship | place of birth   ('-': left out because unknown to us, several
# citizenships, or a state that no longer exists; the birthplace is the city as named today)
PEOPLE = """
# --- pop, rock, soul, hip hop
Michael Jackson | United States | Gary
Janet Jackson | United States | Gary
Madonna | United States | Bay City
Elvis Presley | United States | Tupelo
Whitney Houston | United States | Newark
Prince | United States | Minneapolis
Beyoncé | United States | Houston
Taylor Swift | United States | -
Lady Gaga | United States | New York City
Britney Spears | United States | -
Rihanna | Barbados | -
Bruno Mars | United States | Honolulu
Katy Perry | United States | Santa Barbara
Ariana Grande | United States | Boca Raton
Billie Eilish | United States | Los Angeles
Justin Bieber | Canada | -
Drake | - | Toronto
The Weeknd | Canada | Toronto
Celine Dion | Canada | -
Alanis Morissette | - | Ottawa
Avril Lavigne | - | -
Shania Twain | - | -
Leonard Cohen | Canada | Montreal
Joni Mitchell | - | -
Neil Young | - | Toronto
Bryan Adams | - | -
Shawn Mendes | - | -
Carly Rae Jepsen | Canada | -
Nelly Furtado | - | -
Elton John | United Kingdom | -
David Bowie | United Kingdom | London
Freddie Mercury | United Kingdom | -
Brian May | United Kingdom | London
Roger Taylor | United Kingdom | -
John Deacon | United Kingdom | Leicester
Adele | United Kingdom | London
Ed Sheeran | United Kingdom | -
Amy Winehouse | United Kingdom | London
George Michael | United Kingdom | London
Sting | United Kingdom | -
Phil Collins | United Kingdom | London
Rod Stewart | United Kingdom | London
Mick Jagger | United Kingdom | -
Paul McCartney | United Kingdom | Liverpool
John Lennon | United Kingdom | Liverpool
George Harrison | United Kingdom | Liverpool
Ringo Starr | United Kingdom | Liverpool
Julian Lennon | United Kingdom | Liverpool
Sean Lennon | - | New York City
Yoko Ono | - | Tokyo
Stella McCartney | - | London
Dua Lipa | - | London
Harry Styles | United Kingdom | -
Sam Smith | United Kingdom | London
Lewis Capaldi | United Kingdom | Glasgow
Robbie Williams | United Kingdom | Stoke-on-Trent
Shirley Bassey | United Kingdom | Cardiff
Elvis Costello | United Kingdom | London
Annie Lennox | United Kingdom | Aberdeen
Noel Gallagher | United Kingdom | Manchester
Mark Knopfler | United Kingdom | Glasgow
Eric Clapton | United Kingdom | -
Ozzy Osbourne | United Kingdom | -
Sharon Osbourne | - | London
James Blunt | United Kingdom | -
Mark Ronson | - | London
Calvin Harris | United Kingdom | -
Bonnie Tyler | United Kingdom | -
Mike Oldfield | United Kingdom | Reading
Enya | Ireland | -
Hozier | Ireland | -
Bob Dylan | United States | Duluth
Jakob Dylan | United States | New York City
Bruce Springsteen | United States | -
Frank Sinatra | United States | Hoboken
Nancy Sinatra | United States | Jersey City
Johnny Cash | United States | -
Dolly Parton | United States | -
Stevie Wonder | United States | Saginaw
Marvin Gaye | United States | Washington, D.C.
Aretha Franklin | United States | Memphis
Ray Charles | United States | -
James Brown | United States | -
Chuck Berry | United States | St. Louis
Little Richard | United States | Macon
Buddy Holly | United States | Lubbock
Jerry Lee Lewis | United States | -
Roy Orbison | United States | -
Louis Armstrong | United States | New Orleans
Jimi Hendrix | United States | Seattle
Kurt Cobain | United States | -
Janis Joplin | United States | -
Billy Joel | United States | New York City
Otis Redding | United States | -
Ben E. King | United States | -
Sam Cooke | United States | -
Bing Crosby | United States | Tacoma
Dean Martin | United States | -
Nat King Cole | United States | Montgomery
Natalie Cole | United States | Los Angeles
Judy Garland | United States | -
Liza Minnelli | United States | Los Angeles
Billie Holiday | United States | Philadelphia
Ella Fitzgerald | United States | Newport News
Nina Simone | United States | -
Miles Davis | United States | Alton
John Coltrane | United States | -
Gloria Gaynor | United States | Newark
Cyndi Lauper | United States | New York City
Lou Reed | United States | New York City
Carole King | United States | New York City
Neil Diamond | United States | New York City
Meat Loaf | United States | Dallas
Jim Steinman | United States | New York City
John Fogerty | United States | Berkeley
Trent Reznor | United States | -
Robert Hazard | United States | Philadelphia
Ed Cobb | United States | -
Carl Perkins | United States | -
Eminem | United States | -
Jay-Z | United States | New York City
Kanye West | United States | Atlanta
Nicki Minaj | - | Port of Spain
50 Cent | United States | New York City
Tupac Shakur | United States | New York City
The Notorious B.I.G. | United States | New York City
Snoop Dogg | United States | Long Beach
Dr. Dre | United States | -
Kendrick Lamar | United States | -
Pharrell Williams | United States | Virginia Beach
Usher | United States | Dallas
Alicia Keys | United States | New York City
Mariah Carey | United States | -
Jennifer Lopez | United States | New York City
Cardi B | United States | New York City
Post Malone | United States | Syracuse
Travis Scott | United States | Houston
Lizzo | United States | Detroit
Lil Nas X | United States | -
Missy Elliott | United States | -
Lauryn Hill | United States | -
Nas | United States | New York City
John Legend | United States | -
Justin Timberlake | United States | Memphis
Miley Cyrus | United States | -
Selena Gomez | United States | -
Demi Lovato | United States | -
Olivia Rodrigo | United States | -
Christina Aguilera | United States | New York City
Kelly Clarkson | United States | Fort Worth
Norah Jones | United States | New York City
Lana Del Rey | United States | New York City
Frank Ocean | United States | Long Beach
SZA | United States | St. Louis
Doja Cat | United States | Los Angeles
Barbra Streisand | United States | New York City
Kesha | United States | Los Angeles
Pink | United States | -
Gwen Stefani | United States | -
Pitbull | United States | Miami
Flo Rida | United States | -
Ritchie Valens | United States | Los Angeles
Selena | United States | -
Ricky Martin | United States | -
Bad Bunny | United States | -
Daddy Yankee | United States | -
Luis Fonsi | United States | -
Gloria Estefan | - | Havana
Shakira | - | Barranquilla
Enrique Iglesias | - | Madrid
Julio Iglesias | Spain | Madrid
Rosalía | Spain | -
J Balvin | Colombia | Medellín
Karol G | Colombia | Medellín
Maluma | Colombia | Medellín
Juanes | Colombia | -
Manu Chao | - | Paris
Vicente Fernández | Mexico | -
Juan Gabriel | Mexico | -
Luciano Pavarotti | Italy | Modena
Andrea Bocelli | Italy | -
Laura Pausini | Italy | -
Domenico Modugno | Italy | -
Édith Piaf | France | Paris
Charles Aznavour | - | Paris
Serge Gainsbourg | France | Paris
David Guetta | France | Paris
Stromae | Belgium | Brussels
Jacques Brel | Belgium | Brussels
Falco | Austria | Vienna
Björk | Iceland | Reykjavík
Avicii | Sweden | Stockholm
Sia | - | Adelaide
Kylie Minogue | - | Melbourne
Gotye | - | -
Lorde | New Zealand | Auckland
Psy | South Korea | Seoul
Ravi Shankar | India | Varanasi
A. R. Rahman | India | Chennai
Lata Mangeshkar | India | Indore
Miriam Makeba | - | Johannesburg
Burna Boy | Nigeria | Port Harcourt
Wizkid | Nigeria | Lagos
Rema | Nigeria | -
Youssou N'Dour | Senegal | Dakar
Bob Marley | Jamaica | -
Ziggy Marley | - | Kingston
Damian Marley | Jamaica | Kingston
Lisa Marie Presley | United States | Memphis
Priscilla Presley | United States | New York City
Paris Jackson | United States | Beverly Hills
Joe Jackson | United States | -
Katherine Jackson | United States | -
Billy Ray Cyrus | United States | -
Tina Turner | - | -
# --- composers (classical, film, musicals)
Wolfgang Amadeus Mozart | - | Salzburg
Leopold Mozart | - | Augsburg
Constanze Mozart | - | -
Ludwig van Beethoven | - | Bonn
Johann Sebastian Bach | - | Eisenach
Carl Philipp Emanuel Bach | - | Weimar
George Frideric Handel | - | Halle
Antonio Vivaldi | - | Venice
Pyotr Ilyich Tchaikovsky | - | -
Frédéric Chopin | - | -
Franz Schubert | - | Vienna
Johann Strauss II | - | Vienna
Johann Strauss I | - | Vienna
Joseph Haydn | - | -
Richard Wagner | - | Leipzig
Giuseppe Verdi | - | -
Giacomo Puccini | - | Lucca
Gioachino Rossini | - | Pesaro
Claude Debussy | France | -
Maurice Ravel | France | -
Georges Bizet | France | Paris
Camille Saint-Saëns | France | Paris
Hector Berlioz | France | -
Erik Satie | France | -
Jacques Offenbach | - | Cologne
Igor Stravinsky | - | -
Sergei Prokofiev | - | -
Sergei Rachmaninoff | - | -
Modest Mussorgsky | - | -
Nikolai Rimsky-Korsakov | - | -
Gustav Holst | - | Cheltenham
Edward Elgar | - | -
Edvard Grieg | - | Bergen
Jean Sibelius | - | Hämeenlinna
Franz Liszt | - | -
Johannes Brahms | - | Hamburg
Robert Schumann | - | Zwickau
Clara Schumann | - | Leipzig
Felix Mendelssohn | - | Hamburg
Johann Pachelbel | - | Nuremberg
Antonín Dvořák | - | -
Bedřich Smetana | - | -
Pietro Mascagni | - | Livorno
Ruggero Leoncavallo | - | Naples
Richard Strauss | - | Munich
Claudio Monteverdi | - | Cremona
Niccolò Paganini | - | Genoa
Carl Orff | - | Munich
Claude Joseph Rouget de Lisle | - | -
Michele Novaro | - | Genoa
Calixa Lavallée | - | -
Peter Dodds McCormick | - | -
Nie Er | - | Kunming
Alexander Alexandrov | - | -
Jaime Nunó | - | -
Nikolaos Mantzaros | - | -
Rabindranath Tagore | - | Kolkata
Francis Scott Key | United States | -
John Williams | United States | New York City
James Horner | United States | Los Angeles
Hans Zimmer | - | Frankfurt
Ennio Morricone | Italy | Rome
Nino Rota | Italy | Milan
Bernard Herrmann | United States | New York City
Howard Shore | Canada | Toronto
Alan Silvestri | United States | New York City
Bill Conti | United States | Providence
Vangelis | Greece | -
Maurice Jarre | France | Lyon
Yann Tiersen | France | Brest
Joe Hisaishi | Japan | -
Danny Elfman | United States | Los Angeles
Randy Newman | United States | Los Angeles
Thomas Newman | United States | Los Angeles
Michael Giacchino | United States | -
Ludwig Göransson | Sweden | Linköping
Justin Hurwitz | United States | Los Angeles
Hildur Guðnadóttir | Iceland | Reykjavík
Alexandre Desplat | France | Paris
M. M. Keeravani | India | -
R. D. Burman | India | Kolkata
Jung Jae-il | South Korea | -
Tan Dun | - | -
Ryuichi Sakamoto | Japan | Tokyo
Steven Price | United Kingdom | Nottingham
Antonio Sánchez | - | Mexico City
Javier Navarrete | Spain | Teruel
Nicola Piovani | Italy | Rome
Harold Faltermeyer | Germany | Munich
Elmer Bernstein | United States | New York City
Henry Mancini | United States | Cleveland
Andrew Lloyd Webber | United Kingdom | London
George Gershwin | United States | New York City
Leonard Bernstein | United States | -
Richard Rodgers | United States | New York City
Lin-Manuel Miranda | United States | New York City
Claude-Michel Schönberg | France | Vannes
Stephen Sondheim | United States | New York City
Jonathan Larson | United States | White Plains
Paul Desmond | United States | San Francisco
# --- record producers and label founders
Quincy Jones | United States | Chicago
George Martin | United Kingdom | London
Butch Vig | United States | -
Steve Albini | United States | -
Mike Clink | United States | -
Mutt Lange | - | -
Jimmy Page | United Kingdom | London
Brian Wilson | United States | -
Bob Thiele | United States | New York City
Bob Johnston | United States | -
Todd Rundgren | United States | Philadelphia
Lou Adler | United States | Chicago
Glen Ballard | United States | -
Don Gilmore | United States | -
Arif Mardin | - | Istanbul
Gus Dudgeon | United Kingdom | -
Rick Rubin | United States | -
Jimmy Miller | United States | New York City
Berry Gordy | United States | Detroit
David Geffen | United States | New York City
Scott Borchetta | United States | -
Creed Taylor | United States | -
Norman Granz | United States | Los Angeles
Sean Combs | United States | New York City
Alan McGee | United Kingdom | -
# --- writers
William Shakespeare | - | Stratford-upon-Avon
Charles Dickens | - | Portsmouth
Jane Austen | - | -
Charlotte Brontë | - | -
Emily Brontë | - | -
Anne Brontë | - | -
J. K. Rowling | United Kingdom | -
J. R. R. Tolkien | United Kingdom | Bloemfontein
C. S. Lewis | United Kingdom | Belfast
George Orwell | United Kingdom | -
Aldous Huxley | United Kingdom | -
Agatha Christie | United Kingdom | Torquay
Arthur Conan Doyle | - | Edinburgh
Robert Louis Stevenson | - | Edinburgh
Walter Scott | - | Edinburgh
Oscar Wilde | - | Dublin
James Joyce | - | Dublin
Samuel Beckett | Ireland | Dublin
Bram Stoker | - | Dublin
Jonathan Swift | - | Dublin
W. B. Yeats | - | Dublin
Roald Dahl | United Kingdom | Cardiff
Lewis Carroll | - | -
Mary Shelley | - | London
Mary Wollstonecraft | - | London
William Godwin | - | -
Percy Bysshe Shelley | - | -
Virginia Woolf | United Kingdom | London
H. G. Wells | United Kingdom | -
Rudyard Kipling | - | Mumbai
Ian Fleming | United Kingdom | London
Douglas Adams | United Kingdom | Cambridge
Kazuo Ishiguro | United Kingdom | Nagasaki
Salman Rushdie | - | Mumbai
Daniel Defoe | - | London
John Milton | - | London
Geoffrey Chaucer | - | London
Thomas Hobbes | - | -
Adam Smith | - | -
Alan Moore | United Kingdom | Northampton
Mark Twain | United States | -
Ernest Hemingway | United States | Oak Park
F. Scott Fitzgerald | United States | Saint Paul
John Steinbeck | United States | Salinas
Harper Lee | United States | -
J. D. Salinger | United States | New York City
Herman Melville | United States | New York City
Edgar Allan Poe | United States | Boston
Nathaniel Hawthorne | United States | -
Stephen King | United States | -
Toni Morrison | United States | -
Margaret Mitchell | United States | Atlanta
Jack London | United States | San Francisco
Louisa May Alcott | United States | Philadelphia
Harriet Beecher Stowe | United States | -
Ray Bradbury | United States | -
Kurt Vonnegut | United States | Indianapolis
Dan Brown | United States | -
Suzanne Collins | United States | Hartford
Stephenie Meyer | United States | Hartford
George R. R. Martin | United States | -
Cormac McCarthy | United States | Providence
Truman Capote | United States | New Orleans
Tennessee Williams | United States | -
Arthur Miller | United States | New York City
Sylvia Plath | United States | Boston
Maya Angelou | United States | St. Louis
Isaac Asimov | United States | -
Frank Herbert | United States | Tacoma
Joseph Heller | United States | New York City
Jack Kerouac | United States | Lowell
Ralph Ellison | United States | Oklahoma City
Thomas Paine | - | -
Rachel Carson | United States | -
Charles M. Schulz | United States | Minneapolis
Bill Watterson | United States | Washington, D.C.
Jim Davis | United States | -
Art Spiegelman | United States | Stockholm
Khaled Hosseini | - | Kabul
Victor Hugo | France | Besançon
Alexandre Dumas | France | -
Jules Verne | France | Nantes
Gustave Flaubert | France | Rouen
Albert Camus | France | -
Marcel Proust | France | Paris
Antoine de Saint-Exupéry | France | Lyon
Voltaire | - | Paris
Molière | - | Paris
Jean-Paul Sartre | France | Paris
Simone de Beauvoir | France | Paris
Émile Zola | France | Paris
Honoré de Balzac | France | Tours
Stendhal | France | Grenoble
Charles Baudelaire | France | Paris
Gaston Leroux | France | Paris
Jean-Jacques Rousseau | - | Geneva
Leo Tolstoy | - | -
Sophia Tolstaya | - | -
Fyodor Dostoevsky | - | Moscow
Anton Chekhov | - | -
Alexander Pushkin | - | Moscow
Nikolai Gogol | - | -
Mikhail Bulgakov | - | Kyiv
Boris Pasternak | - | Moscow
Aleksandr Solzhenitsyn | - | -
Vladimir Nabokov | - | Saint Petersburg
Ayn Rand | - | Saint Petersburg
Franz Kafka | - | Prague
Milan Kundera | - | Brno
Johann Wolfgang von Goethe | - | Frankfurt
Thomas Mann | - | Lübeck
Hermann Hesse | - | -
Erich Maria Remarque | - | Osnabrück
Günter Grass | - | Gdańsk
Patrick Süskind | Germany | -
Michael Ende | Germany | -
Karl Marx | - | Trier
Friedrich Nietzsche | - | -
Immanuel Kant | - | -
Anne Frank | - | Frankfurt
Miguel de Cervantes | - | Alcalá de Henares
Carlos Ruiz Zafón | Spain | Barcelona
Dante Alighieri | - | Florence
Giovanni Boccaccio | - | -
Niccolò Machiavelli | - | Florence
Umberto Eco | Italy | Alessandria
Carlo Collodi | - | Florence
Italo Calvino | Italy | -
Homer | - | -
Virgil | - | -
Ovid | - | -
Plato | - | Athens
Aristotle | - | -
Euclid | - | -
Sun Tzu | - | -
Murasaki Shikibu | - | -
Haruki Murakami | Japan | Kyoto
Yukio Mishima | Japan | Tokyo
Yasunari Kawabata | Japan | Osaka
Lu Xun | - | -
Cao Xueqin | - | -
Wu Cheng'en | - | -
Luo Guanzhong | - | -
Chinua Achebe | Nigeria | -
Chimamanda Ngozi Adichie | Nigeria | Enugu
Naguib Mahfouz | Egypt | Cairo
Orhan Pamuk | Turkey | Istanbul
Henrik Ibsen | - | -
Hans Christian Andersen | - | Odense
Astrid Lindgren | Sweden | -
Stieg Larsson | Sweden | -
Jostein Gaarder | Norway | Oslo
Margaret Atwood | Canada | Ottawa
L. M. Montgomery | - | -
Yann Martel | Canada | Salamanca
Khalil Gibran | - | -
Gabriel García Márquez | Colombia | -
Jorge Luis Borges | Argentina | Buenos Aires
Isabel Allende | - | Lima
Mario Vargas Llosa | - | Arequipa
Paulo Coelho | Brazil | Rio de Janeiro
Octavio Paz | Mexico | Mexico City
Hergé | Belgium | Brussels
Marjane Satrapi | - | -
Eiichiro Oda | Japan | Kumamoto
Masashi Kishimoto | Japan | -
Akira Toriyama | Japan | Nagoya
Hajime Isayama | Japan | -
Osamu Tezuka | Japan | -
Naoko Takeuchi | Japan | -
Takehiko Inoue | Japan | -
Hiromu Arakawa | Japan | -
Koyoharu Gotouge | Japan | -
Gege Akutami | Japan | -
Tatsuki Fujimoto | Japan | -
Kōhei Horikoshi | Japan | -
Yoshihiro Togashi | Japan | -
Kentaro Miura | Japan | -
Tsugumi Ohba | Japan | -
# --- scientists, thinkers, artists, architects
Albert Einstein | - | Ulm
Isaac Newton | - | -
Galileo Galilei | - | Pisa
Nicolaus Copernicus | - | Toruń
Charles Darwin | - | Shrewsbury
Robert Darwin | - | -
Marie Curie | - | Warsaw
Pierre Curie | France | Paris
Irène Joliot-Curie | France | Paris
Ève Curie | - | Paris
Niels Bohr | Denmark | Copenhagen
Aage Bohr | Denmark | Copenhagen
Werner Heisenberg | Germany | Würzburg
Max Planck | - | Kiel
Erwin Schrödinger | - | Vienna
Richard Feynman | United States | New York City
Alan Turing | United Kingdom | London
Ada Lovelace | - | London
Tim Berners-Lee | United Kingdom | London
Stephen Hawking | United Kingdom | Oxford
Carl Sagan | United States | New York City
Richard Dawkins | United Kingdom | Nairobi
Yuval Noah Harari | Israel | -
Sigmund Freud | - | -
Alexander Graham Bell | - | Edinburgh
Leonardo da Vinci | - | Vinci
Michelangelo | - | -
Raphael | - | Urbino
Sandro Botticelli | - | Florence
Vincent van Gogh | - | Zundert
Rembrandt | - | Leiden
Johannes Vermeer | - | Delft
Pablo Picasso | - | Málaga
Salvador Dalí | Spain | Figueres
Frida Kahlo | Mexico | Mexico City
Diego Rivera | Mexico | Guanajuato
Claude Monet | France | Paris
Edvard Munch | - | -
Gustav Klimt | - | Vienna
Andy Warhol | United States | Pittsburgh
Grant Wood | United States | -
Katsushika Hokusai | - | Tokyo
Jackson Pollock | United States | Cody
Edward Hopper | United States | -
Paul Cézanne | France | Aix-en-Provence
Pierre-Auguste Renoir | France | Limoges
Edgar Degas | France | Paris
Auguste Rodin | France | Paris
Caravaggio | - | Milan
Diego Velázquez | - | Seville
Albrecht Dürer | - | Nuremberg
J. M. W. Turner | - | London
William Blake | - | London
Georges Seurat | France | Paris
Eugène Delacroix | France | -
Théodore Géricault | France | Rouen
Caspar David Friedrich | - | -
Hieronymus Bosch | - | -
Gustave Eiffel | France | Dijon
Antoni Gaudí | Spain | Reus
Jørn Utzon | Denmark | Copenhagen
Frank Lloyd Wright | United States | -
Frank Gehry | - | Toronto
I. M. Pei | United States | Guangzhou
Frédéric Auguste Bartholdi | France | Colmar
Christopher Wren | - | -
# --- film directors, screenwriters, producers
Steven Spielberg | United States | Cincinnati
Martin Scorsese | United States | New York City
Francis Ford Coppola | United States | Detroit
Sofia Coppola | United States | New York City
August Coppola | United States | -
Nicolas Cage | United States | Long Beach
Stanley Kubrick | United States | New York City
Alfred Hitchcock | - | London
Quentin Tarantino | United States | Knoxville
Christopher Nolan | - | London
James Cameron | - | -
George Lucas | United States | Modesto
Irvin Kershner | United States | Philadelphia
Richard Marquand | United Kingdom | -
J. J. Abrams | United States | New York City
Rian Johnson | United States | -
Gareth Edwards | United Kingdom | -
Ridley Scott | United Kingdom | -
Tony Scott | United Kingdom | -
Tim Burton | United States | Burbank
Henry Selick | United States | -
David Fincher | United States | Denver
Woody Allen | United States | New York City
Spike Lee | United States | Atlanta
Orson Welles | United States | Kenosha
Billy Wilder | - | -
Charlie Chaplin | United Kingdom | London
Peter Jackson | New Zealand | -
Jane Campion | - | Wellington
Baz Luhrmann | Australia | Sydney
Guillermo del Toro | Mexico | Guadalajara
Alfonso Cuarón | Mexico | Mexico City
Alejandro González Iñárritu | Mexico | Mexico City
Pedro Almodóvar | Spain | -
Federico Fellini | Italy | Rimini
Sergio Leone | Italy | Rome
Roberto Benigni | Italy | -
Giuseppe Tornatore | Italy | -
Bernardo Bertolucci | Italy | Parma
Luca Guadagnino | Italy | Palermo
Paolo Sorrentino | Italy | Naples
Luc Besson | France | Paris
Jean-Pierre Jeunet | France | -
François Truffaut | France | Paris
Jean-Luc Godard | - | Paris
Akira Kurosawa | Japan | Tokyo
Hayao Miyazaki | Japan | Tokyo
Isao Takahata | Japan | -
Makoto Shinkai | Japan | -
Yasujirō Ozu | Japan | Tokyo
Ishirō Honda | Japan | -
Katsuhiro Otomo | Japan | -
Mamoru Oshii | Japan | Tokyo
Satoshi Kon | Japan | Sapporo
Hirokazu Kore-eda | Japan | Tokyo
Toshio Suzuki | Japan | Nagoya
Bong Joon-ho | South Korea | Daegu
Park Chan-wook | South Korea | Seoul
Ang Lee | - | -
Wong Kar-wai | - | Shanghai
Zhang Yimou | China | Xi'an
Chloé Zhao | - | Beijing
Satyajit Ray | India | Kolkata
S. S. Rajamouli | India | -
Aditya Chopra | India | Mumbai
Rajkumar Hirani | India | Nagpur
Ashutosh Gowariker | India | -
Karan Johar | India | Mumbai
K. Asif | India | -
Ramesh Sippy | India | Karachi
Ingmar Bergman | Sweden | Uppsala
Lars von Trier | Denmark | -
Sergei Eisenstein | - | Riga
Fritz Lang | - | Vienna
Werner Herzog | Germany | Munich
Wim Wenders | Germany | Düsseldorf
Florian Henckel von Donnersmarck | Germany | Cologne
Tom Tykwer | Germany | Wuppertal
Wolfgang Petersen | Germany | Emden
Roland Emmerich | Germany | Stuttgart
Michael Haneke | Austria | Munich
Roman Polanski | - | Paris
Krzysztof Kieślowski | Poland | Warsaw
Denis Villeneuve | Canada | -
David Cronenberg | Canada | Toronto
Jason Reitman | - | Montreal
Ivan Reitman | - | -
Asghar Farhadi | Iran | -
Abbas Kiarostami | Iran | Tehran
Majid Majidi | Iran | Tehran
Fernando Meirelles | Brazil | São Paulo
Walter Salles | Brazil | Rio de Janeiro
Juan José Campanella | Argentina | Buenos Aires
Robert Zemeckis | United States | Chicago
Clint Eastwood | United States | San Francisco
Greta Gerwig | United States | Sacramento
Jordan Peele | United States | New York City
Wes Anderson | United States | Houston
Sam Mendes | United Kingdom | Reading
Danny Boyle | United Kingdom | -
Guy Ritchie | United Kingdom | -
Emerald Fennell | United Kingdom | London
Michael Bay | United States | Los Angeles
Jon Favreau | United States | New York City
James Gunn | United States | St. Louis
Ryan Coogler | United States | Oakland
Damien Chazelle | - | Providence
Zack Snyder | United States | Green Bay
Paul Thomas Anderson | United States | Los Angeles
Oliver Stone | United States | New York City
Brian De Palma | United States | Newark
Wes Craven | United States | Cleveland
John Hughes | United States | Lansing
Rob Reiner | United States | New York City
Frank Darabont | - | Montbéliard
Mike Nichols | - | Berlin
Miloš Forman | - | -
Frank Capra | - | -
Victor Fleming | United States | -
Michael Curtiz | - | Budapest
David Lean | United Kingdom | Croydon
Carol Reed | United Kingdom | London
Steven Soderbergh | United States | Atlanta
Darren Aronofsky | United States | New York City
Spike Jonze | United States | Rockville
Harold Ramis | United States | Chicago
Penny Marshall | United States | New York City
Nora Ephron | United States | New York City
Ari Aster | United States | New York City
Robert Eggers | United States | -
James Mangold | United States | New York City
Todd Phillips | United States | New York City
Patty Jenkins | United States | -
Chris Columbus | United States | -
Ron Howard | United States | -
Richard Donner | United States | New York City
Sam Raimi | United States | -
John Lasseter | United States | Los Angeles
Pete Docter | United States | -
Andrew Stanton | United States | -
Brad Bird | United States | -
Lee Unkrich | United States | -
Taika Waititi | New Zealand | -
Jonathan Demme | United States | -
Kathryn Bigelow | United States | -
Terrence Malick | United States | -
Gore Verbinski | United States | -
Mel Gibson | - | -
Kevin Costner | United States | -
James Wan | - | -
M. Night Shyamalan | United States | -
Richard Linklater | United States | Houston
Kenneth Lonergan | United States | New York City
Blake Edwards | United States | Tulsa
John Sturges | United States | -
Robert Wise | United States | -
Sylvester Stallone | United States | New York City
Paul Schrader | United States | -
Robert Towne | United States | Los Angeles
Aaron Sorkin | United States | New York City
Alan Ball | United States | Atlanta
Diablo Cody | United States | -
Dan O'Bannon | United States | St. Louis
Melissa Mathison | United States | Los Angeles
Charlie Kaufman | United States | New York City
Randall Wallace | United States | -
Eric Roth | United States | New York City
Steven Zaillian | United States | Fresno
Gary Kurtz | United States | Los Angeles
Albert S. Ruddy | - | Montreal
Hal B. Wallis | United States | Chicago
Lawrence Bender | United States | New York City
# --- business
Jeff Bezos | United States | Albuquerque
Bill Gates | United States | Seattle
Melinda French Gates | United States | Dallas
Steve Jobs | United States | San Francisco
Elon Musk | - | Pretoria
Mark Zuckerberg | United States | White Plains
Priscilla Chan | United States | -
Sergey Brin | - | Moscow
Tim Cook | United States | -
Satya Nadella | United States | Hyderabad
Sundar Pichai | United States | Madurai
Jensen Huang | United States | Tainan
Lisa Su | United States | Tainan
Masayoshi Son | Japan | -
Ma Huateng | China | -
Jack Ma | China | Hangzhou
Ren Zhengfei | China | -
Wang Chuanfu | China | -
Li Shufu | China | -
Michael Dell | United States | Houston
Richard Branson | United Kingdom | London
James Dyson | United Kingdom | -
Sam Walton | United States | -
Henry Ford | United States | -
William C. Durant | United States | Boston
William Boeing | United States | Detroit
Walt Disney | United States | Chicago
Ingvar Kamprad | Sweden | -
Ole Kirk Christiansen | Denmark | -
Coco Chanel | France | Saumur
Christian Dior | France | -
Thierry Hermès | - | Krefeld
Louis-François Cartier | France | Paris
Guccio Gucci | - | Florence
Gianni Versace | Italy | Reggio Calabria
Enzo Ferrari | Italy | Modena
Ferruccio Lamborghini | Italy | -
Ferdinand Porsche | - | -
Ettore Bugatti | - | Milan
André Citroën | France | Paris
August Horch | - | -
Adolf Dassler | - | Herzogenaurach
Rudolf Dassler | - | Herzogenaurach
Robert Bosch | - | -
Hans Riegel | - | Bonn
Henri Nestlé | - | Frankfurt
Fritz Hoffmann-La Roche | - | Basel
Kiichiro Toyoda | Japan | -
Fusajiro Yamauchi | Japan | Kyoto
Kōnosuke Matsushita | Japan | -
Torakusu Yamaha | Japan | -
Michio Suzuki | Japan | Hamamatsu
Iwasaki Yatarō | Japan | -
Satoshi Tajiri | Japan | Tokyo
Lee Byung-chul | South Korea | -
Chung Ju-yung | South Korea | -
Jamsetji Tata | - | -
Dhirubhai Ambani | India | -
Erling Persson | Sweden | -
Lars Magnus Ericsson | Sweden | -
Fredrik Idestam | - | -
J. C. Jacobsen | Denmark | Copenhagen
Gerard Adriaan Heineken | - | Amsterdam
John Cadbury | - | Birmingham
Jack Cohen | United Kingdom | London
Thomas Burberry | - | -
Charles Henry Harrod | - | -
Arthur Guinness | - | -
Bruce McLaren | New Zealand | Auckland
Giovanni Battista Pirelli | - | -
Pietro Ferrero | Italy | -
Eugène Schueller | France | Paris
Daniel Swarovski | - | -
Ruben Rausing | Sweden | -
Levi Strauss | - | -
Henry J. Heinz | United States | Pittsburgh
Milton S. Hershey | United States | -
Frank C. Mars | United States | -
W. K. Kellogg | United States | Battle Creek
King C. Gillette | United States | -
George Eastman | United States | -
Harland Sanders | United States | -
Glen Bell | United States | -
Dave Thomas | United States | Atlantic City
William Rosenberg | United States | Boston
Conrad Hilton | United States | -
J. Willard Marriott | United States | -
Charles Walgreen | United States | -
Rowland Hussey Macy | United States | -
Hugh Hefner | United States | Chicago
Ted Turner | United States | Cincinnati
Trip Hawkins | United States | -
Tim Sweeney | United States | -
John Hanke | United States | -
Pierre Omidyar | - | Paris
Condé Montrose Nast | United States | New York City
Allen Lane | United Kingdom | Bristol
Sylvia Beach | United States | Baltimore
Gaston Gallimard | France | Paris
Martin Goodman | United States | New York City
Malcolm Wheeler-Nicholson | United States | -
Jimmy Wales | - | Huntsville
Linus Torvalds | - | Helsinki
Bjarne Stroustrup | - | Aarhus
Yukihiro Matsumoto | Japan | Osaka
Larry Wall | United States | -
Rasmus Lerdorf | - | -
Alexey Pajitnov | - | Moscow
Eric Barone | United States | -
Toby Fox | United States | -
Henry Dunant | - | Geneva
Robert Baden-Powell | - | London
William Booth | - | Nottingham
Peter Benenson | United Kingdom | London
Pierre de Coubertin | France | Paris
# --- politics and royalty
Barack Obama | United States | Honolulu
Michelle Obama | United States | Chicago
Bill Clinton | United States | -
Hillary Clinton | United States | Chicago
George W. Bush | United States | New Haven
George H. W. Bush | United States | -
Laura Bush | United States | Midland
Barbara Bush | United States | New York City
Jeb Bush | United States | Midland
Donald Trump | United States | New York City
Melania Trump | - | -
Donald Trump Jr. | United States | New York City
Ivanka Trump | United States | New York City
John F. Kennedy | United States | Brookline
Jacqueline Kennedy | United States | -
Robert F. Kennedy | United States | Brookline
Ethel Kennedy | United States | Chicago
Franklin D. Roosevelt | United States | -
Eleanor Roosevelt | United States | New York City
Abraham Lincoln | United States | -
Mary Todd Lincoln | United States | Lexington
John Adams | United States | -
Abigail Adams | United States | -
John Quincy Adams | United States | -
Martin Luther King Jr. | United States | Atlanta
Coretta Scott King | United States | -
Richard Nixon | United States | -
Pat Nixon | United States | -
Jimmy Carter | United States | -
Rosalynn Carter | United States | -
Gerald Ford | United States | Omaha
Nancy Reagan | United States | New York City
Ronald Reagan | United States | -
Kamala Harris | United States | Oakland
Joe Biden | United States | Scranton
Nelson Mandela | South Africa | -
Winnie Madikizela-Mandela | South Africa | -
Mahatma Gandhi | - | Porbandar
Kasturba Gandhi | - | Porbandar
Jawaharlal Nehru | India | Prayagraj
Kamala Nehru | - | -
Indira Gandhi | India | Prayagraj
Rajiv Gandhi | India | Mumbai
Sonia Gandhi | India | -
Rahul Gandhi | India | New Delhi
Benazir Bhutto | Pakistan | Karachi
Zulfikar Ali Bhutto | Pakistan | -
Justin Trudeau | Canada | Ottawa
Pierre Trudeau | Canada | Montreal
Winston Churchill | United Kingdom | -
Clementine Churchill | United Kingdom | London
Margaret Thatcher | United Kingdom | Grantham
Elizabeth II | United Kingdom | London
Prince Philip | - | -
Charles III | United Kingdom | London
Diana, Princess of Wales | United Kingdom | -
William, Prince of Wales | United Kingdom | London
Catherine, Princess of Wales | United Kingdom | Reading
Prince Harry | United Kingdom | London
George VI | - | -
George V | - | London
Queen Victoria | - | London
Prince Albert | - | -
Henry VIII | - | -
Anne Boleyn | - | -
Catherine of Aragon | - | -
Jane Seymour | - | -
Elizabeth I | - | -
Mary I | - | -
Edward VI | - | -
Marie Antoinette | - | Vienna
Maria Theresa | - | Vienna
Napoleon | - | Ajaccio
Emmanuel Macron | France | Amiens
Brigitte Macron | France | Amiens
Angela Merkel | Germany | Hamburg
Vladimir Putin | Russia | Saint Petersburg
Xi Jinping | China | Beijing
Peng Liyuan | China | -
Kim Jong-un | North Korea | -
Kim Jong-il | North Korea | -
Kim Il-sung | - | -
Shinzo Abe | Japan | Tokyo
Shintaro Abe | Japan | -
Park Geun-hye | South Korea | Daegu
Park Chung-hee | - | -
Bashar al-Assad | Syria | Damascus
Hafez al-Assad | - | -
Rainier III | Monaco | -
Grace Kelly | - | Philadelphia
Alexander the Great | - | Pella
Philip II of Macedon | - | Pella
Olympias | - | -
Julius Caesar | - | Rome
Augustus | - | Rome
Cleopatra | - | Alexandria
Nero | - | -
Agrippina the Younger | - | -
# --- sport
Lionel Messi | - | Rosario
Antonela Roccuzzo | - | Rosario
Cristiano Ronaldo | Portugal | Funchal
Diego Maradona | Argentina | -
Pelé | Brazil | Três Corações
Neymar | Brazil | -
Kylian Mbappé | France | Paris
Zinedine Zidane | France | Marseille
David Beckham | United Kingdom | London
Victoria Beckham | United Kingdom | -
Michael Jordan | United States | New York City
LeBron James | United States | Akron
Savannah James | United States | Akron
Kobe Bryant | United States | Philadelphia
Vanessa Bryant | United States | -
Stephen Curry | United States | Akron
Ayesha Curry | - | -
Serena Williams | United States | Saginaw
Alexis Ohanian | United States | New York City
Roger Federer | - | Basel
Mirka Federer | - | -
Novak Djokovic | Serbia | Belgrade
Muhammad Ali | United States | Louisville
Michael Phelps | United States | Baltimore
Tom Brady | United States | San Mateo
Gisele Bündchen | - | -
Lewis Hamilton | United Kingdom | Stevenage
Ayrton Senna | Brazil | São Paulo
Simone Biles | United States | Columbus
Sachin Tendulkar | India | Mumbai
Zlatan Ibrahimović | Sweden | Malmö
Erling Haaland | Norway | Leeds
Robert Lewandowski | Poland | Warsaw
Luka Modrić | Croatia | Zadar
Johan Cruyff | Netherlands | Amsterdam
Franz Beckenbauer | Germany | Munich
# --- film and TV actors (parents, children and spouses of the above)
Will Smith | United States | Philadelphia
Willow Smith | United States | Los Angeles
Jaden Smith | United States | -
Martin Sheen | United States | Dayton
Charlie Sheen | United States | New York City
Emilio Estevez | United States | New York City
Henry Fonda | United States | Grand Island
Jane Fonda | United States | New York City
Peter Fonda | United States | New York City
Bridget Fonda | United States | Los Angeles
Jon Voight | United States | Yonkers
Angelina Jolie | - | Los Angeles
Kirk Douglas | United States | -
Michael Douglas | United States | -
Donald Sutherland | Canada | -
Kiefer Sutherland | - | London
Debbie Reynolds | United States | El Paso
Eddie Fisher | United States | Philadelphia
Carrie Fisher | United States | Beverly Hills
Vincente Minnelli | United States | Chicago
Goldie Hawn | United States | Washington, D.C.
Kate Hudson | United States | Los Angeles
Bill Hudson | United States | -
Tippi Hedren | United States | -
Melanie Griffith | United States | New York City
Don Johnson | United States | -
Dakota Johnson | United States | Austin
Ingrid Bergman | Sweden | Stockholm
Roberto Rossellini | Italy | Rome
Isabella Rossellini | - | Rome
Blythe Danner | United States | Philadelphia
Bruce Paltrow | United States | New York City
Gwyneth Paltrow | United States | Los Angeles
John Drew Barrymore | United States | -
Drew Barrymore | United States | -
Hailey Bieber | - | Tucson
Blake Lively | United States | Los Angeles
Ryan Reynolds | - | Vancouver
Jackie Chan | - | Hong Kong
Joan Lin | - | -
Paul Newman | United States | -
Joanne Woodward | United States | -
Jada Pinkett Smith | United States | Baltimore
Doug Emhoff | United States | New York City
# --- added for anthems, poems, songs and families
Don McLean | United States | -
Walt Whitman | United States | -
T. S. Eliot | - | St. Louis
Allen Ginsberg | United States | Newark
Robert Frost | United States | San Francisco
John Keats | - | London
Samuel Taylor Coleridge | - | -
Edmond Rostand | France | Marseille
George Bernard Shaw | - | Dublin
Sophocles | - | -
Euripides | - | -
Harold Arlen | United States | Buffalo
Irving Berlin | - | -
Abel Meeropol | United States | New York City
Louiguy | - | -
Charles Dumont | France | -
Francesco Sartori | Italy | -
John Stafford Smith | - | -
Francisco Manuel da Silva | - | Rio de Janeiro
Blas Parera | - | -
Ahn Eak-tai | - | -
Ahmed Ghulamali Chagla | - | -
Meghan, Duchess of Sussex | United States | Los Angeles
Queen Elizabeth The Queen Mother | - | -
Mary of Teck | - | London
Cynthia Lennon | United Kingdom | -
Linda McCartney | United States | -
Rita Marley | - | -
Ivana Trump | - | -
Betty Ford | United States | Chicago
Denis Thatcher | United Kingdom | London
Courtney Love | United States | San Francisco
René Angélil | Canada | Montreal
Martin Brest | United States | New York City
John G. Avildsen | United States | -
George Miller | Australia | -
Peter Faiman | Australia | -
Hugh Hudson | United Kingdom | London
Gus Van Sant | United States | Louisville
Clint Mansell | United Kingdom | Coventry
Max Steiner | - | Vienna
Anton Karas | Austria | Vienna
Jerry Goldsmith | United States | Los Angeles
John Carpenter | United States | -
"""

# band | country of origin | location of formation
BANDS = """
The Beatles | United Kingdom | Liverpool
Queen | United Kingdom | London
The Rolling Stones | United Kingdom | London
Led Zeppelin | United Kingdom | London
Pink Floyd | United Kingdom | London
The Who | United Kingdom | London
The Kinks | United Kingdom | London
Radiohead | United Kingdom | -
Oasis | United Kingdom | Manchester
Coldplay | United Kingdom | London
Arctic Monkeys | United Kingdom | Sheffield
The Smiths | United Kingdom | Manchester
Joy Division | United Kingdom | Salford
New Order | United Kingdom | -
The Stone Roses | United Kingdom | Manchester
Black Sabbath | United Kingdom | Birmingham
Duran Duran | United Kingdom | Birmingham
Iron Maiden | United Kingdom | London
Deep Purple | United Kingdom | -
Def Leppard | United Kingdom | Sheffield
Dire Straits | United Kingdom | London
The Police | United Kingdom | London
Spice Girls | United Kingdom | London
One Direction | United Kingdom | London
Depeche Mode | United Kingdom | -
The Clash | United Kingdom | London
Sex Pistols | United Kingdom | London
The Cure | United Kingdom | -
Eurythmics | United Kingdom | London
Pet Shop Boys | United Kingdom | London
Wham! | United Kingdom | -
Fleetwood Mac | United Kingdom | London
Mumford & Sons | United Kingdom | London
Gorillaz | United Kingdom | London
Massive Attack | United Kingdom | Bristol
Portishead | United Kingdom | Bristol
Take That | United Kingdom | Manchester
Blur | United Kingdom | London
Pulp | United Kingdom | Sheffield
The Verve | United Kingdom | Wigan
Tears for Fears | United Kingdom | Bath
Simply Red | United Kingdom | Manchester
Snow Patrol | United Kingdom | Dundee
Franz Ferdinand | United Kingdom | Glasgow
Keane | United Kingdom | -
The Prodigy | United Kingdom | -
Muse | United Kingdom | -
Bee Gees | - | -
ABBA | Sweden | Stockholm
Roxette | Sweden | -
Ace of Base | Sweden | Gothenburg
Swedish House Mafia | Sweden | Stockholm
a-ha | Norway | Oslo
Aqua | Denmark | -
U2 | Ireland | Dublin
The Cranberries | Ireland | Limerick
Thin Lizzy | Ireland | Dublin
AC/DC | Australia | Sydney
INXS | Australia | Sydney
Men at Work | Australia | Melbourne
Crowded House | Australia | Melbourne
Tame Impala | Australia | Perth
Air Supply | Australia | Melbourne
Rammstein | Germany | Berlin
Scorpions | Germany | Hanover
Kraftwerk | Germany | Düsseldorf
Nena | Germany | Berlin
Alphaville | Germany | Münster
Modern Talking | Germany | -
Boney M. | Germany | -
Daft Punk | France | Paris
Måneskin | Italy | Rome
Eiffel 65 | Italy | Turin
Los del Río | Spain | -
t.A.T.u. | Russia | Moscow
Nirvana | United States | -
Pearl Jam | United States | Seattle
Soundgarden | United States | Seattle
Foo Fighters | United States | Seattle
Metallica | United States | Los Angeles
Guns N' Roses | United States | Los Angeles
The Doors | United States | Los Angeles
The Beach Boys | United States | -
Red Hot Chili Peppers | United States | Los Angeles
Eagles | United States | Los Angeles
The Velvet Underground | United States | New York City
Ramones | United States | New York City
Talking Heads | United States | New York City
Blondie | United States | New York City
The Strokes | United States | New York City
Kiss | United States | New York City
Aerosmith | United States | Boston
Bon Jovi | United States | -
Van Halen | United States | Pasadena
Journey | United States | San Francisco
Jefferson Airplane | United States | San Francisco
Green Day | United States | -
Linkin Park | United States | -
Maroon 5 | United States | Los Angeles
Imagine Dragons | United States | Las Vegas
The Killers | United States | Las Vegas
Backstreet Boys | United States | Orlando
NSYNC | United States | Orlando
Destiny's Child | United States | Houston
Earth, Wind & Fire | United States | Chicago
The Supremes | United States | Detroit
The Temptations | United States | Detroit
The Jackson 5 | United States | Gary
Simon & Garfunkel | United States | New York City
The Everly Brothers | United States | -
Creedence Clearwater Revival | United States | -
Lynyrd Skynyrd | United States | Jacksonville
ZZ Top | United States | Houston
Toto | United States | Los Angeles
The Chainsmokers | United States | New York City
Evanescence | United States | Little Rock
OneRepublic | United States | Colorado Springs
Village People | United States | New York City
Survivor | United States | Chicago
Hall & Oates | United States | Philadelphia
No Doubt | United States | Anaheim
Black Eyed Peas | United States | Los Angeles
LMFAO | United States | Los Angeles
OutKast | United States | Atlanta
Run-DMC | United States | New York City
Beastie Boys | United States | New York City
Wu-Tang Clan | United States | New York City
Salt-N-Pepa | United States | New York City
The Monkees | United States | Los Angeles
The Mamas & the Papas | United States | -
Bill Haley & His Comets | United States | -
The Dave Brubeck Quartet | United States | -
Nickelback | Canada | -
Rush | Canada | Toronto
Arcade Fire | Canada | Montreal
BTS | South Korea | Seoul
Blackpink | South Korea | Seoul
"""

# city | country (capitals come from countryinfo above)
CITIES = """
New York City | United States
Los Angeles | United States
Chicago | United States
Houston | United States
San Francisco | United States
Seattle | United States
Boston | United States
Philadelphia | United States
Miami | United States
Atlanta | United States
Detroit | United States
Dallas | United States
Fort Worth | United States
Austin | United States
San Antonio | United States
San Diego | United States
San Jose | United States
Las Vegas | United States
New Orleans | United States
Memphis | United States
Nashville | United States
Denver | United States
Phoenix | United States
Minneapolis | United States
Saint Paul | United States
St. Louis | United States
Pittsburgh | United States
Cleveland | United States
Cincinnati | United States
Columbus | United States
Baltimore | United States
Honolulu | United States
Orlando | United States
Sacramento | United States
Oakland | United States
Berkeley | United States
Long Beach | United States
Pasadena | United States
Burbank | United States
Glendale | United States
Santa Monica | United States
Santa Barbara | United States
Santa Clara | United States
Cupertino | United States
Mountain View | United States
Menlo Park | United States
Palo Alto | United States
Redwood City | United States
San Mateo | United States
Los Gatos | United States
Emeryville | United States
Irvine | United States
Anaheim | United States
Beverly Hills | United States
El Segundo | United States
Redmond | United States
Bellevue | United States
Issaquah | United States
Tacoma | United States
Albuquerque | United States
Tucson | United States
Boca Raton | United States
Jacksonville | United States
Gary | United States
Bay City | United States
Tupelo | United States
Newark | United States
Hoboken | United States
Jersey City | United States
Saginaw | United States
Macon | United States
Lubbock | United States
Alton | United States
Newport News | United States
Duluth | United States
Syracuse | United States
Virginia Beach | United States
Modesto | United States
Knoxville | United States
Kenosha | United States
Oak Park | United States
Salinas | United States
Hartford | United States
Providence | United States
Lowell | United States
Oklahoma City | United States
Indianapolis | United States
New Haven | United States
Midland | United States
Brookline | United States
Lexington | United States
Omaha | United States
Scranton | United States
Akron | United States
Louisville | United States
Dayton | United States
Grand Island | United States
Yonkers | United States
El Paso | United States
Cody | United States
White Plains | United States
Green Bay | United States
Lansing | United States
Rockville | United States
Bethesda | United States
McLean | United States
Fresno | United States
Tulsa | United States
Huntsville | United States
Battle Creek | United States
Atlantic City | United States
Bentonville | United States
Beaverton | United States
Dearborn | United States
Flint | United States
Armonk | United States
Round Rock | United States
Cary | United States
Plano | United States
Milwaukee | United States
Ann Arbor | United States
Pawtucket | United States
Rochester | United States
Colorado Springs | United States
Little Rock | United States
Albany | United States
Hillsboro | United States
Buffalo | United States
# United Kingdom and Ireland
Liverpool | United Kingdom
Manchester | United Kingdom
Birmingham | United Kingdom
Leeds | United Kingdom
Sheffield | United Kingdom
Bristol | United Kingdom
Glasgow | United Kingdom
Edinburgh | United Kingdom
Cardiff | United Kingdom
Belfast | United Kingdom
Aberdeen | United Kingdom
Dundee | United Kingdom
Oxford | United Kingdom
Cambridge | United Kingdom
Reading | United Kingdom
Nottingham | United Kingdom
Leicester | United Kingdom
Stoke-on-Trent | United Kingdom
Portsmouth | United Kingdom
Torquay | United Kingdom
Stratford-upon-Avon | United Kingdom
Shrewsbury | United Kingdom
Cheltenham | United Kingdom
Northampton | United Kingdom
Croydon | United Kingdom
Salford | United Kingdom
Wigan | United Kingdom
Bath | United Kingdom
Grantham | United Kingdom
Stevenage | United Kingdom
Woking | United Kingdom
Crewe | United Kingdom
York | United Kingdom
Newcastle upon Tyne | United Kingdom
Brighton | United Kingdom
Southampton | United Kingdom
Coventry | United Kingdom
Limerick | Ireland
Cork | Ireland
Galway | Ireland
# Canada, Australia, New Zealand
Toronto | Canada
Montreal | Canada
Vancouver | Canada
Calgary | Canada
Edmonton | Canada
Quebec City | Canada
Winnipeg | Canada
Waterloo | Canada
Sydney | Australia
Melbourne | Australia
Brisbane | Australia
Perth | Australia
Adelaide | Australia
Auckland | New Zealand
Christchurch | New Zealand
# Europe
Munich | Germany
Hamburg | Germany
Frankfurt | Germany
Cologne | Germany
Stuttgart | Germany
Düsseldorf | Germany
Leipzig | Germany
Dresden | Germany
Bonn | Germany
Hanover | Germany
Nuremberg | Germany
Wolfsburg | Germany
Herzogenaurach | Germany
Ingolstadt | Germany
Leverkusen | Germany
Ludwigshafen | Germany
Walldorf | Germany
Eisenach | Germany
Halle | Germany
Zwickau | Germany
Augsburg | Germany
Weimar | Germany
Ulm | Germany
Trier | Germany
Lübeck | Germany
Osnabrück | Germany
Münster | Germany
Würzburg | Germany
Kiel | Germany
Krefeld | Germany
Emden | Germany
Wuppertal | Germany
Rüsselsheim | Germany
Marseille | France
Lyon | France
Toulouse | France
Nice | France
Bordeaux | France
Lille | France
Strasbourg | France
Nantes | France
Rouen | France
Besançon | France
Tours | France
Grenoble | France
Brest | France
Amiens | France
Saumur | France
Limoges | France
Aix-en-Provence | France
Dijon | France
Colmar | France
Vannes | France
Montbéliard | France
Clermont-Ferrand | France
Molsheim | France
Ajaccio | France
Cannes | France
Milan | Italy
Naples | Italy
Turin | Italy
Florence | Italy
Venice | Italy
Genoa | Italy
Bologna | Italy
Palermo | Italy
Verona | Italy
Pisa | Italy
Modena | Italy
Parma | Italy
Lucca | Italy
Pesaro | Italy
Livorno | Italy
Cremona | Italy
Rimini | Italy
Urbino | Italy
Vinci | Italy
Alessandria | Italy
Reggio Calabria | Italy
Maranello | Italy
Sant'Agata Bolognese | Italy
Barcelona | Spain
Valencia | Spain
Seville | Spain
Bilbao | Spain
Málaga | Spain
Granada | Spain
Salamanca | Spain
Teruel | Spain
Figueres | Spain
Reus | Spain
Alcalá de Henares | Spain
Martorell | Spain
Porto | Portugal
Funchal | Portugal
Rotterdam | Netherlands
The Hague | Netherlands
Utrecht | Netherlands
Eindhoven | Netherlands
Leiden | Netherlands
Delft | Netherlands
Zundert | Netherlands
Veldhoven | Netherlands
Hoofddorp | Netherlands
Antwerp | Belgium
Ghent | Belgium
Bruges | Belgium
Leuven | Belgium
Zurich | Switzerland
Geneva | Switzerland
Basel | Switzerland
Lausanne | Switzerland
Vevey | Switzerland
Nyon | Switzerland
Salzburg | Austria
Innsbruck | Austria
Graz | Austria
Wattens | Austria
Fuschl am See | Austria
Gothenburg | Sweden
Malmö | Sweden
Uppsala | Sweden
Linköping | Sweden
Västerås | Sweden
Bergen | Norway
Aarhus | Denmark
Odense | Denmark
Billund | Denmark
Espoo | Finland
Tampere | Finland
Hämeenlinna | Finland
Kraków | Poland
Gdańsk | Poland
Toruń | Poland
Brno | Czech Republic
Mladá Boleslav | Czech Republic
Saint Petersburg | Russia
Thessaloniki | Greece
Pella | Greece
Istanbul | Turkey
Zadar | Croatia
# Asia
Osaka | Japan
Kyoto | Japan
Yokohama | Japan
Nagoya | Japan
Sapporo | Japan
Kobe | Japan
Hiroshima | Japan
Nagasaki | Japan
Kumamoto | Japan
Hamamatsu | Japan
Busan | South Korea
Daegu | South Korea
Incheon | South Korea
Shanghai | China
Hong Kong | China
Shenzhen | China
Guangzhou | China
Hangzhou | China
Xi'an | China
Kunming | China
Nanjing | China
Wuhan | China
Tianjin | China
Tainan | Taiwan
Kaohsiung | Taiwan
Mumbai | India
Kolkata | India
Chennai | India
Bengaluru | India
Hyderabad | India
Varanasi | India
Indore | India
Madurai | India
Nagpur | India
Prayagraj | India
Porbandar | India
Agra | India
Jaipur | India
Amritsar | India
Karachi | Pakistan
Lahore | Pakistan
Dubai | United Arab Emirates
Jeddah | Saudi Arabia
Mecca | Saudi Arabia
Dhahran | Saudi Arabia
Tel Aviv | Israel
# Africa
Alexandria | Egypt
Lagos | Nigeria
Port Harcourt | Nigeria
Enugu | Nigeria
Johannesburg | South Africa
Cape Town | South Africa
Durban | South Africa
Pretoria | South Africa
Bloemfontein | South Africa
Marrakesh | Morocco
# Latin America
São Paulo | Brazil
Rio de Janeiro | Brazil
Três Corações | Brazil
São José dos Campos | Brazil
Rosario | Argentina
Medellín | Colombia
Barranquilla | Colombia
Arequipa | Peru
Cusco | Peru
Guadalajara | Mexico
Monterrey | Mexico
Cancún | Mexico
Guanajuato | Mexico
Tijuana | Mexico
"""

# --------------------------------------------------------------------------- organisations
# company | country of origin | headquarters location | founded by  ('-' for co-founded companies)
COMPANIES = """
Apple | United States | Cupertino | -
Microsoft | United States | Redmond | -
Google | United States | Mountain View | -
Alphabet Inc. | United States | Mountain View | -
Meta Platforms | United States | Menlo Park | -
Amazon | United States | Seattle | Jeff Bezos
Netflix | United States | Los Gatos | -
Tesla | United States | Austin | -
SpaceX | United States | - | Elon Musk
Intel | United States | Santa Clara | -
Nvidia | United States | Santa Clara | -
AMD | United States | Santa Clara | -
Cisco | United States | San Jose | -
Adobe | United States | San Jose | -
eBay | United States | San Jose | Pierre Omidyar
PayPal | United States | San Jose | -
IBM | United States | Armonk | -
Dell Technologies | United States | Round Rock | Michael Dell
Oracle | United States | - | -
The Coca-Cola Company | United States | Atlanta | -
PepsiCo | United States | - | -
McDonald's | United States | Chicago | -
Walmart | United States | Bentonville | Sam Walton
Nike | United States | Beaverton | -
Starbucks | United States | Seattle | -
Boeing | United States | - | William Boeing
General Motors | United States | Detroit | William C. Durant
Ford Motor Company | United States | Dearborn | Henry Ford
The Walt Disney Company | United States | Burbank | -
Warner Bros. | United States | Burbank | -
Pixar | United States | Emeryville | -
DreamWorks Animation | United States | Glendale | -
Paramount Pictures | United States | Los Angeles | -
Lucasfilm | United States | San Francisco | George Lucas
Marvel Studios | United States | Burbank | -
Marvel Comics | United States | New York City | Martin Goodman
DC Comics | United States | Burbank | Malcolm Wheeler-Nicholson
Uber | United States | San Francisco | -
Airbnb | United States | San Francisco | -
Salesforce | United States | San Francisco | -
OpenAI | United States | San Francisco | -
Levi Strauss & Co. | United States | San Francisco | Levi Strauss
Wells Fargo | United States | San Francisco | -
Goldman Sachs | United States | New York City | -
JPMorgan Chase | United States | New York City | -
Morgan Stanley | United States | New York City | -
Citigroup | United States | New York City | -
Pfizer | United States | New York City | -
Verizon | United States | New York City | -
The New York Times Company | United States | New York City | -
Condé Nast | United States | New York City | Condé Montrose Nast
Dow Jones & Company | United States | New York City | -
Macy's | United States | New York City | Rowland Hussey Macy
Tiffany & Co. | United States | New York City | -
Colgate-Palmolive | United States | New York City | -
Procter & Gamble | United States | Cincinnati | -
Kroger | United States | Cincinnati | -
Texas Instruments | United States | Dallas | -
AT&T | United States | Dallas | -
Southwest Airlines | United States | Dallas | -
American Airlines | United States | Fort Worth | -
Delta Air Lines | United States | Atlanta | -
The Home Depot | United States | Atlanta | -
CNN | United States | Atlanta | Ted Turner
Berkshire Hathaway | United States | Omaha | -
Harley-Davidson | United States | Milwaukee | -
Target Corporation | United States | Minneapolis | -
Costco | United States | Issaquah | -
Mondelez International | United States | Chicago | -
Kraft Heinz | United States | - | -
Mars, Incorporated | United States | McLean | Frank C. Mars
The Hershey Company | United States | - | Milton S. Hershey
Brown–Forman | United States | Louisville | -
Gillette | United States | Boston | King C. Gillette
Kodak | United States | Rochester | George Eastman
KFC | United States | Louisville | Harland Sanders
Yum! Brands | United States | Louisville | -
Pizza Hut | United States | Plano | -
Taco Bell | United States | Irvine | Glen Bell
Wendy's | United States | - | Dave Thomas
Burger King | United States | Miami | -
Domino's | United States | Ann Arbor | -
Dunkin' | United States | - | William Rosenberg
Hilton Hotels & Resorts | United States | McLean | Conrad Hilton
Marriott International | United States | Bethesda | J. Willard Marriott
Walgreens | United States | - | Charles Walgreen
Mattel | United States | El Segundo | -
Hasbro | United States | - | -
Valve | United States | Bellevue | -
Bungie | United States | Bellevue | -
Blizzard Entertainment | United States | Irvine | -
Activision Blizzard | United States | Santa Monica | -
Riot Games | United States | Los Angeles | -
Epic Games | United States | Cary | Tim Sweeney
Rockstar Games | United States | New York City | -
Electronic Arts | United States | Redwood City | Trip Hawkins
Activision | United States | Santa Monica | -
Naughty Dog | United States | Santa Monica | -
Bethesda Game Studios | United States | Rockville | -
Bethesda Softworks | United States | Rockville | -
Santa Monica Studio | United States | - | -
Infinity Ward | United States | - | -
Maxis | United States | - | -
id Software | United States | - | -
Niantic | United States | San Francisco | John Hanke
Roblox Corporation | United States | San Mateo | -
Snap Inc. | United States | Santa Monica | -
Sony Interactive Entertainment | Japan | San Mateo | -
Mozilla | United States | San Francisco | -
Whole Foods Market | United States | Austin | -
Zappos | United States | Las Vegas | -
Twitch | United States | San Francisco | -
Beats Electronics | United States | - | -
Psyonix | United States | - | -
Innersloth | United States | - | -
Team Cherry | Australia | Adelaide | -
Studio MDHR | Canada | - | -
MathWorks | United States | - | -
Wolfram Research | United States | - | -
Autodesk | United States | San Francisco | -
JetBrains | - | - | -
Blender Foundation | Netherlands | Amsterdam | -
Simon & Schuster | United States | New York City | -
Scribner | United States | New York City | -
Doubleday | United States | New York City | -
Viking Press | United States | New York City | -
Scholastic | United States | New York City | -
HarperCollins | United States | New York City | -
Little, Brown and Company | United States | - | -
J. B. Lippincott & Co. | United States | Philadelphia | -
Ballantine Books | United States | New York City | -
Chilton Books | United States | - | -
Pantheon Books | United States | New York City | -
Penguin Books | United Kingdom | London | Allen Lane
Bloomsbury Publishing | United Kingdom | London | -
Secker & Warburg | United Kingdom | London | -
George Allen & Unwin | United Kingdom | London | -
Hogarth Press | United Kingdom | London | -
Macmillan Publishers | United Kingdom | London | -
Chatto & Windus | United Kingdom | London | -
Pan Books | United Kingdom | London | -
Heinemann | United Kingdom | London | -
John Murray | United Kingdom | London | -
Gallimard | France | Paris | Gaston Gallimard
Shakespeare and Company | France | Paris | Sylvia Beach
Editorial Sudamericana | Argentina | Buenos Aires | -
Casterman | Belgium | - | -
Shueisha | Japan | Tokyo | -
Kodansha | Japan | Tokyo | -
Hakusensha | Japan | Tokyo | -
Nintendo | Japan | Kyoto | Fusajiro Yamauchi
Sony | Japan | Tokyo | -
Toyota | Japan | - | Kiichiro Toyoda
Honda | Japan | Tokyo | -
Nissan | Japan | Yokohama | -
Mitsubishi | Japan | - | Iwasaki Yatarō
Panasonic | Japan | - | Kōnosuke Matsushita
Canon | Japan | Tokyo | -
Nikon | Japan | Tokyo | -
Toshiba | Japan | Tokyo | -
Hitachi | Japan | Tokyo | -
Sega | Japan | Tokyo | -
Square Enix | Japan | Tokyo | -
Square | Japan | - | -
Bandai Namco Entertainment | Japan | Tokyo | -
Namco | Japan | - | -
Capcom | Japan | Osaka | -
Konami | Japan | Tokyo | -
Taito | Japan | Tokyo | -
Game Freak | Japan | Tokyo | -
FromSoftware | Japan | Tokyo | -
Polyphony Digital | Japan | Tokyo | -
Sonic Team | Japan | Tokyo | -
Toho | Japan | Tokyo | -
Studio Ghibli | Japan | - | -
Yamaha | Japan | Hamamatsu | Torakusu Yamaha
Suzuki | Japan | Hamamatsu | Michio Suzuki
SoftBank Group | Japan | Tokyo | Masayoshi Son
Asahi Group Holdings | Japan | Tokyo | -
Samsung | South Korea | Seoul | Lee Byung-chul
Hyundai Motor Company | South Korea | Seoul | Chung Ju-yung
Kia | South Korea | Seoul | -
LG Corporation | South Korea | Seoul | -
Huawei | China | Shenzhen | Ren Zhengfei
Tencent | China | Shenzhen | -
BYD | China | Shenzhen | Wang Chuanfu
Alibaba Group | China | Hangzhou | -
Geely | China | Hangzhou | Li Shufu
Baidu | China | Beijing | -
Xiaomi | China | Beijing | -
ByteDance | China | - | -
miHoYo | China | Shanghai | -
Lenovo | China | - | -
Volkswagen Group | Germany | Wolfsburg | -
BMW | Germany | Munich | -
Mercedes-Benz Group | Germany | Stuttgart | -
Porsche | Germany | Stuttgart | Ferdinand Porsche
Audi | Germany | Ingolstadt | August Horch
Opel | Germany | Rüsselsheim | -
Siemens | Germany | Munich | -
Allianz | Germany | Munich | -
Adidas | Germany | Herzogenaurach | Adolf Dassler
Puma | Germany | Herzogenaurach | Rudolf Dassler
SAP | Germany | Walldorf | -
Deutsche Bank | Germany | Frankfurt | -
Lufthansa | Germany | Cologne | -
Bayer | Germany | Leverkusen | -
BASF | Germany | Ludwigshafen | -
Bosch | Germany | - | Robert Bosch
Haribo | Germany | - | Hans Riegel
Ferrari | Italy | Maranello | Enzo Ferrari
Lamborghini | Italy | Sant'Agata Bolognese | Ferruccio Lamborghini
Fiat | Italy | Turin | -
Alfa Romeo | Italy | Turin | -
Maserati | Italy | Modena | -
Ducati | Italy | Bologna | -
Gucci | Italy | Florence | Guccio Gucci
Prada | Italy | Milan | -
Versace | Italy | Milan | Gianni Versace
Armani | Italy | Milan | -
Pirelli | Italy | Milan | Giovanni Battista Pirelli
Ferrero | Italy | - | Pietro Ferrero
Barilla | Italy | Parma | -
Nestlé | Switzerland | Vevey | Henri Nestlé
Rolex | Switzerland | Geneva | -
Novartis | Switzerland | Basel | -
Roche | Switzerland | Basel | Fritz Hoffmann-La Roche
UBS | Switzerland | Zurich | -
H&M | Sweden | Stockholm | Erling Persson
Spotify | Sweden | Stockholm | -
Ericsson | Sweden | Stockholm | Lars Magnus Ericsson
Volvo Cars | Sweden | Gothenburg | -
IKEA | Sweden | - | Ingvar Kamprad
Mojang Studios | Sweden | Stockholm | -
Tetra Pak | Sweden | - | -
Nokia | Finland | Espoo | -
Rovio Entertainment | Finland | Espoo | -
Supercell | Finland | Helsinki | -
Lego | Denmark | Billund | Ole Kirk Christiansen
Carlsberg | Denmark | Copenhagen | J. C. Jacobsen
Maersk | Denmark | Copenhagen | -
Heineken | Netherlands | Amsterdam | Gerard Adriaan Heineken
Philips | Netherlands | Amsterdam | -
ASML | Netherlands | Veldhoven | -
Stellantis | Netherlands | Hoofddorp | -
AB InBev | Belgium | Leuven | -
Unilever | United Kingdom | London | -
BP | United Kingdom | London | -
HSBC | United Kingdom | London | -
BBC | United Kingdom | London | -
Virgin Group | United Kingdom | London | Richard Branson
Harrods | United Kingdom | London | Charles Henry Harrod
Burberry | United Kingdom | London | Thomas Burberry
Diageo | United Kingdom | London | -
Tesco | United Kingdom | - | Jack Cohen
Cadbury | United Kingdom | Birmingham | John Cadbury
Rolls-Royce Motor Cars | United Kingdom | - | -
Aston Martin | United Kingdom | - | -
Bentley | United Kingdom | Crewe | -
Jaguar Land Rover | United Kingdom | - | -
McLaren | United Kingdom | Woking | Bruce McLaren
Dyson | United Kingdom | - | James Dyson
Rockstar North | United Kingdom | Edinburgh | -
Louis Vuitton | France | Paris | -
LVMH | France | Paris | -
Kering | France | Paris | -
Hermès | France | Paris | Thierry Hermès
Cartier | France | Paris | Louis-François Cartier
Chanel | France | - | Coco Chanel
Dior | France | Paris | Christian Dior
L'Oréal | France | - | Eugène Schueller
Michelin | France | Clermont-Ferrand | -
Danone | France | Paris | -
Pernod Ricard | France | Paris | -
Bugatti | France | Molsheim | Ettore Bugatti
Citroën | France | - | André Citroën
Peugeot | France | - | -
EssilorLuxottica | France | - | -
SEAT | Spain | Martorell | -
Telefónica | Spain | Madrid | -
Škoda Auto | Czech Republic | Mladá Boleslav | -
CD Projekt | Poland | Warsaw | -
Red Bull | Austria | Fuschl am See | -
Swarovski | Austria | Wattens | -
Tata Group | India | Mumbai | Jamsetji Tata
Tata Motors | India | Mumbai | -
Reliance Industries | India | Mumbai | Dhirubhai Ambani
Infosys | India | Bengaluru | -
Wipro | India | Bengaluru | -
Emirates | United Arab Emirates | Dubai | -
Qatar Airways | Qatar | Doha | -
Qatar Investment Authority | Qatar | Doha | -
Aramco | Saudi Arabia | Dhahran | -
Ubisoft | France | - | -
Ubisoft Montreal | Canada | Montreal | -
BioWare | Canada | Edmonton | -
Shopify | Canada | Ottawa | -
Tim Hortons | Canada | Toronto | -
Restaurant Brands International | Canada | Toronto | -
BlackBerry | Canada | Waterloo | -
Embraer | Brazil | São José dos Campos | -
Petrobras | Brazil | Rio de Janeiro | -
Grupo Bimbo | Mexico | Mexico City | -
Crytek | Germany | Frankfurt | -
DICE | Sweden | Stockholm | -
Core Design | United Kingdom | - | -
Rare | United Kingdom | - | -
Mediatonic | United Kingdom | London | -
King | Sweden | - | -
Krafton | South Korea | - | -
The Economist Group | United Kingdom | London | -
HAL Laboratory | Japan | Tokyo | -
Laika | United States | Hillsboro | -
"""

# record label | country of origin | headquarters | founded by
RECORD_LABELS = """
Epic Records | United States | New York City | -
Columbia Records | United States | New York City | -
Atlantic Records | United States | New York City | -
Republic Records | United States | New York City | -
Capitol Records | United States | Los Angeles | -
Warner Records | United States | Los Angeles | -
Geffen Records | United States | - | David Geffen
DGC Records | United States | - | David Geffen
Big Machine Records | United States | Nashville | Scott Borchetta
Motown | United States | - | Berry Gordy
Def Jam Recordings | United States | New York City | -
Bad Boy Records | United States | New York City | Sean Combs
Death Row Records | United States | - | -
Reprise Records | United States | - | Frank Sinatra
Verve Records | United States | - | Norman Granz
Impulse! Records | United States | - | Creed Taylor
Blue Note Records | United States | - | -
Sun Records | United States | Memphis | -
Ode Records | United States | - | Lou Adler
Maverick Records | United States | - | -
Swan Song Records | United Kingdom | - | Led Zeppelin
Apple Records | United Kingdom | London | The Beatles
Island Records | United Kingdom | London | -
Creation Records | United Kingdom | - | -
Virgin Records | United Kingdom | London | -
Parlophone | United Kingdom | London | -
Polar Music | Sweden | Stockholm | -
"""

# brand or product | entity type | country of origin | owned by
BRANDS = """
Coca-Cola | brand | United States | The Coca-Cola Company
Sprite | brand | - | The Coca-Cola Company
Fanta | brand | Germany | The Coca-Cola Company
Pepsi | brand | United States | PepsiCo
Gatorade | brand | United States | PepsiCo
Lay's | brand | United States | PepsiCo
Doritos | brand | United States | PepsiCo
Nescafé | brand | Switzerland | Nestlé
Nespresso | brand | Switzerland | Nestlé
Oreo | brand | United States | Mondelez International
Toblerone | brand | Switzerland | Mondelez International
Nutella | brand | Italy | Ferrero
Kinder Surprise | brand | Italy | Ferrero
Tic Tac | brand | Italy | Ferrero
Ferrero Rocher | brand | Italy | Ferrero
M&M's | brand | United States | Mars, Incorporated
Snickers | brand | United States | Mars, Incorporated
Twix | brand | United Kingdom | Mars, Incorporated
Skittles | brand | United Kingdom | Mars, Incorporated
Heinz | brand | United States | Kraft Heinz
Budweiser | brand | United States | AB InBev
Stella Artois | brand | Belgium | AB InBev
Beck's | brand | Germany | AB InBev
Corona | brand | Mexico | -
Guinness | brand | Ireland | Diageo
Johnnie Walker | brand | United Kingdom | Diageo
Smirnoff | brand | - | Diageo
Baileys Irish Cream | brand | Ireland | Diageo
Jameson | brand | Ireland | Pernod Ricard
Absolut Vodka | brand | Sweden | Pernod Ricard
Jack Daniel's | brand | United States | Brown–Forman
Peroni | brand | Italy | Asahi Group Holdings
Pilsner Urquell | brand | Czech Republic | Asahi Group Holdings
Tsingtao | brand | China | -
Foster's Lager | brand | Australia | -
Inca Kola | brand | Peru | -
Irn-Bru | brand | United Kingdom | -
Dr Pepper | brand | United States | -
Vegemite | brand | Australia | -
Marmite | brand | United Kingdom | Unilever
Tim Tam | brand | Australia | -
Kellogg's | brand | United States | -
Converse | brand | United States | Nike
Air Jordan | brand | United States | Nike
Ray-Ban | brand | United States | EssilorLuxottica
Sephora | brand | France | LVMH
Moët & Chandon | brand | France | LVMH
Yves Saint Laurent | brand | France | Kering
Balenciaga | brand | - | Kering
Bottega Veneta | brand | Italy | Kering
Jeep | brand | United States | Stellantis
Chrysler | brand | United States | Stellantis
Dodge | brand | United States | Stellantis
Volkswagen | brand | Germany | Volkswagen Group
Mini | brand | United Kingdom | BMW
Chevrolet | brand | United States | General Motors
Cadillac | brand | United States | General Motors
Lexus | brand | Japan | Toyota
Duracell | brand | United States | Berkshire Hathaway
GEICO | company | United States | Berkshire Hathaway
Dairy Queen | company | United States | Berkshire Hathaway
Popeyes | company | United States | Restaurant Brands International
Instagram | online service | United States | Meta Platforms
WhatsApp | online service | United States | Meta Platforms
YouTube | online service | United States | Google
LinkedIn | online service | United States | Microsoft
GitHub | online service | United States | Microsoft
Fitbit | brand | United States | Google
Waymo | company | United States | Alphabet Inc.
IMDb | online service | - | Amazon
Audible | company | United States | Amazon
Shazam | online service | United Kingdom | Apple
American Broadcasting Company | company | United States | The Walt Disney Company
20th Century Studios | company | United States | The Walt Disney Company
Motorola Mobility | company | United States | Lenovo
Monopoly | board game | United States | Hasbro
Barbie doll | brand | United States | Mattel
Hot Wheels | brand | United States | Mattel
PlayStation | video game console | Japan | Sony Interactive Entertainment
Xbox | video game console | United States | Microsoft
"""

# subject | owner (both declared elsewhere)
OWNERSHIP = """
Google | Alphabet Inc.
Pixar | The Walt Disney Company
Lucasfilm | The Walt Disney Company
Marvel Studios | The Walt Disney Company
Mojang Studios | Microsoft
Activision Blizzard | Microsoft
Whole Foods Market | Amazon
Zappos | Amazon
Twitch | Amazon
Beats Electronics | Apple
Louis Vuitton | LVMH
Dior | LVMH
Tiffany & Co. | LVMH
Gucci | Kering
Fiat | Stellantis
Peugeot | Stellantis
Citroën | Stellantis
Maserati | Stellantis
Alfa Romeo | Stellantis
Opel | Stellantis
Audi | Volkswagen Group
Lamborghini | Audi
Bentley | Volkswagen Group
Škoda Auto | Volkswagen Group
SEAT | Volkswagen Group
Rolls-Royce Motor Cars | BMW
Volvo Cars | Geely
Jaguar Land Rover | Tata Motors
Cadbury | Mondelez International
Gillette | Procter & Gamble
KFC | Yum! Brands
Pizza Hut | Yum! Brands
Taco Bell | Yum! Brands
Burger King | Restaurant Brands International
Tim Hortons | Restaurant Brands International
Harrods | Qatar Investment Authority
Rockstar North | Rockstar Games
Naughty Dog | Sony Interactive Entertainment
Santa Monica Studio | Sony Interactive Entertainment
Polyphony Digital | Sony Interactive Entertainment
Bungie | Sony Interactive Entertainment
Sony Interactive Entertainment | Sony
Bethesda Game Studios | Bethesda Softworks
DICE | Electronic Arts
Maxis | Electronic Arts
BioWare | Electronic Arts
Ubisoft Montreal | Ubisoft
Infinity Ward | Activision
Rovio Entertainment | Sega
Supercell | Tencent
Riot Games | Tencent
"""

# organisation | location of formation (where it was founded)
COMPANY_FORMATION = """
Microsoft | Albuquerque
Amazon | Bellevue
Google | Menlo Park
Intel | Mountain View
Nintendo | Kyoto
Sony | Tokyo
Samsung | Daegu
Nokia | Tampere
Honda | Hamamatsu
The Coca-Cola Company | Atlanta
Starbucks | Seattle
Harley-Davidson | Milwaukee
Ford Motor Company | Detroit
General Motors | Flint
Dell Technologies | Austin
The Walt Disney Company | Los Angeles
BMW | Munich
Audi | Zwickau
Volkswagen | Berlin
Rolex | London
Haribo | Bonn
H&M | Västerås
Philips | Eindhoven
Carlsberg | Copenhagen
Heineken | Amsterdam
Adidas | Herzogenaurach
Lego | Billund
Motown | Detroit
Sun Records | Memphis
Island Records | Kingston
"""

# company | chief executive officer (long-standing as of 2024; CEOs change, so only a few)
CEOS = """
Apple | Tim Cook
Microsoft | Satya Nadella
Google | Sundar Pichai
Alphabet Inc. | Sundar Pichai
Meta Platforms | Mark Zuckerberg
Nvidia | Jensen Huang
AMD | Lisa Su
SpaceX | Elon Musk
Tesla | Elon Musk
Dell Technologies | Michael Dell
SoftBank Group | Masayoshi Son
Tencent | Ma Huateng
"""

# organisation | headquarters location (organisations that are not companies)
OTHER_HEADQUARTERS = """
United Nations | New York City
NATO | Brussels
UNESCO | Paris
World Health Organization | Geneva
International Committee of the Red Cross | Geneva
World Trade Organization | Geneva
FIFA | Zurich
UEFA | Nyon
International Olympic Committee | Lausanne
European Central Bank | Frankfurt
World Bank | Washington, D.C.
International Monetary Fund | Washington, D.C.
OPEC | Vienna
Interpol | Lyon
European Commission | Brussels
NASA | Washington, D.C.
Amnesty International | London
Greenpeace | Amsterdam
Wikimedia Foundation | San Francisco
The Salvation Army | London
"""

# organisation | founded by (single, uncontested founder)
OTHER_FOUNDERS = """
International Olympic Committee | Pierre de Coubertin
Amnesty International | Peter Benenson
The Salvation Army | William Booth
Scouting | Robert Baden-Powell
Wikimedia Foundation | Jimmy Wales
Playboy | Hugh Hefner
Heinz | Henry J. Heinz
Kellogg's | W. K. Kellogg
"""

# --------------------------------------------------------------------------- music
# song | performer (the original, best-known recording; songs famous in two versions are left out)
SONGS = """
Hey Jude | The Beatles
Yesterday | The Beatles
Here Comes the Sun | The Beatles
Come Together | The Beatles
Strawberry Fields Forever | The Beatles
Penny Lane | The Beatles
Eleanor Rigby | The Beatles
All You Need Is Love | The Beatles
Something | The Beatles
Blackbird | The Beatles
While My Guitar Gently Weeps | The Beatles
Lucy in the Sky with Diamonds | The Beatles
I Want to Hold Your Hand | The Beatles
She Loves You | The Beatles
Can't Buy Me Love | The Beatles
Ticket to Ride | The Beatles
Get Back | The Beatles
Love Me Do | The Beatles
Norwegian Wood (This Bird Has Flown) | The Beatles
In My Life | The Beatles
Hello, Goodbye | The Beatles
The Long and Winding Road | The Beatles
Ob-La-Di, Ob-La-Da | The Beatles
Octopus's Garden | The Beatles
Let It Be | The Beatles
Imagine | John Lennon
Jealous Guy | John Lennon
Instant Karma! | John Lennon
Working Class Hero | John Lennon
Maybe I'm Amazed | Paul McCartney
My Sweet Lord | George Harrison
Bohemian Rhapsody | Queen
We Will Rock You | Queen
We Are the Champions | Queen
Don't Stop Me Now | Queen
Another One Bites the Dust | Queen
Somebody to Love | Queen
Radio Ga Ga | Queen
I Want to Break Free | Queen
Killer Queen | Queen
Who Wants to Live Forever | Queen
The Show Must Go On | Queen
Crazy Little Thing Called Love | Queen
Bicycle Race | Queen
Fat Bottomed Girls | Queen
Billie Jean | Michael Jackson
Beat It | Michael Jackson
Smooth Criminal | Michael Jackson
Black or White | Michael Jackson
Man in the Mirror | Michael Jackson
Don't Stop 'Til You Get Enough | Michael Jackson
Rock with You | Michael Jackson
Human Nature | Michael Jackson
Heal the World | Michael Jackson
Earth Song | Michael Jackson
You Are Not Alone | Michael Jackson
Remember the Time | Michael Jackson
The Way You Make Me Feel | Michael Jackson
They Don't Care About Us | Michael Jackson
Wanna Be Startin' Somethin' | Michael Jackson
Dirty Diana | Michael Jackson
Rhythm Nation | Janet Jackson
That's the Way Love Goes | Janet Jackson
All for You | Janet Jackson
Together Again | Janet Jackson
Like a Virgin | Madonna
Like a Prayer | Madonna
Material Girl | Madonna
Vogue | Madonna
Papa Don't Preach | Madonna
La Isla Bonita | Madonna
Hung Up | Madonna
Into the Groove | Madonna
Express Yourself | Madonna
Ray of Light | Madonna
Jailhouse Rock | Elvis Presley
Heartbreak Hotel | Elvis Presley
Love Me Tender | Elvis Presley
Can't Help Falling in Love | Elvis Presley
Suspicious Minds | Elvis Presley
Don't Be Cruel | Elvis Presley
All Shook Up | Elvis Presley
Return to Sender | Elvis Presley
A Little Less Conversation | Elvis Presley
Burning Love | Elvis Presley
In the Ghetto | Elvis Presley
I Wanna Dance with Somebody (Who Loves Me) | Whitney Houston
How Will I Know | Whitney Houston
I Have Nothing | Whitney Houston
One Moment in Time | Whitney Houston
When Doves Cry | Prince
Little Red Corvette | Prince
Raspberry Beret | Prince
Purple Rain | Prince
Crazy in Love | Beyoncé
Single Ladies (Put a Ring on It) | Beyoncé
Halo | Beyoncé
Irreplaceable | Beyoncé
Formation | Beyoncé
Love On Top | Beyoncé
Drunk in Love | Beyoncé
Run the World (Girls) | Beyoncé
Cuff It | Beyoncé
Texas Hold 'Em | Beyoncé
Shake It Off | Taylor Swift
Blank Space | Taylor Swift
Love Story | Taylor Swift
You Belong with Me | Taylor Swift
Anti-Hero | Taylor Swift
Cruel Summer | Taylor Swift
Bad Blood | Taylor Swift
Look What You Made Me Do | Taylor Swift
We Are Never Ever Getting Back Together | Taylor Swift
All Too Well | Taylor Swift
Cardigan | Taylor Swift
Style | Taylor Swift
Delicate | Taylor Swift
Wildest Dreams | Taylor Swift
Our Song | Taylor Swift
Enchanted | Taylor Swift
Back to December | Taylor Swift
Mean | Taylor Swift
Poker Face | Lady Gaga
Bad Romance | Lady Gaga
Just Dance | Lady Gaga
Born This Way | Lady Gaga
Alejandro | Lady Gaga
Paparazzi | Lady Gaga
Applause | Lady Gaga
Million Reasons | Lady Gaga
Rolling in the Deep | Adele
Someone Like You | Adele
Set Fire to the Rain | Adele
Easy on Me | Adele
Chasing Pavements | Adele
Shape of You | Ed Sheeran
Thinking Out Loud | Ed Sheeran
Castle on the Hill | Ed Sheeran
The A Team | Ed Sheeran
Bad Habits | Ed Sheeran
Shivers | Ed Sheeran
Umbrella | Rihanna
We Found Love | Rihanna
Only Girl (In the World) | Rihanna
Rude Boy | Rihanna
Don't Stop the Music | Rihanna
Disturbia | Rihanna
Pon de Replay | Rihanna
Grenade | Bruno Mars
Locked Out of Heaven | Bruno Mars
24K Magic | Bruno Mars
That's What I Like | Bruno Mars
When I Was Your Man | Bruno Mars
Talking to the Moon | Bruno Mars
Uptown Funk | Mark Ronson
Roar | Katy Perry
Firework | Katy Perry
I Kissed a Girl | Katy Perry
California Gurls | Katy Perry
Teenage Dream | Katy Perry
Dark Horse | Katy Perry
Hot n Cold | Katy Perry
Last Friday Night (T.G.I.F.) | Katy Perry
Thank U, Next | Ariana Grande
7 Rings | Ariana Grande
Positions | Ariana Grande
Problem | Ariana Grande
Into You | Ariana Grande
No Tears Left to Cry | Ariana Grande
Break Free | Ariana Grande
God Is a Woman | Ariana Grande
Bad Guy | Billie Eilish
Ocean Eyes | Billie Eilish
When the Party's Over | Billie Eilish
Happier Than Ever | Billie Eilish
What Was I Made For? | Billie Eilish
Birds of a Feather | Billie Eilish
Everything I Wanted | Billie Eilish
Blinding Lights | The Weeknd
Starboy | The Weeknd
The Hills | The Weeknd
Can't Feel My Face | The Weeknd
Save Your Tears | The Weeknd
Earned It | The Weeknd
I Feel It Coming | The Weeknd
Love Yourself | Justin Bieber
Peaches | Justin Bieber
Yummy | Justin Bieber
What Do You Mean? | Justin Bieber
Hotline Bling | Drake
God's Plan | Drake
One Dance | Drake
In My Feelings | Drake
Started from the Bottom | Drake
Hold On, We're Going Home | Drake
Passionfruit | Drake
Lose Yourself | Eminem
Without Me | Eminem
The Real Slim Shady | Eminem
Stan | Eminem
Mockingbird | Eminem
Love the Way You Lie | Eminem
Not Afraid | Eminem
Rap God | Eminem
'Till I Collapse | Eminem
My Name Is | Eminem
Cleanin' Out My Closet | Eminem
When I'm Gone | Eminem
99 Problems | Jay-Z
Empire State of Mind | Jay-Z
Hard Knock Life (Ghetto Anthem) | Jay-Z
Izzo (H.O.V.A.) | Jay-Z
Gold Digger | Kanye West
Stronger | Kanye West
Heartless | Kanye West
Power | Kanye West
Runaway | Kanye West
Jesus Walks | Kanye West
Through the Wire | Kanye West
Flashing Lights | Kanye West
All of the Lights | Kanye West
Smells Like Teen Spirit | Nirvana
Come as You Are | Nirvana
Lithium | Nirvana
Heart-Shaped Box | Nirvana
In Bloom | Nirvana
All Apologies | Nirvana
Enter Sandman | Metallica
Nothing Else Matters | Metallica
Fade to Black | Metallica
The Unforgiven | Metallica
Seek & Destroy | Metallica
Stairway to Heaven | Led Zeppelin
Whole Lotta Love | Led Zeppelin
Kashmir | Led Zeppelin
Black Dog | Led Zeppelin
Immigrant Song | Led Zeppelin
Good Times Bad Times | Led Zeppelin
Another Brick in the Wall | Pink Floyd
Comfortably Numb | Pink Floyd
Shine On You Crazy Diamond | Pink Floyd
Hey You | Pink Floyd
(I Can't Get No) Satisfaction | The Rolling Stones
Paint It Black | The Rolling Stones
Sympathy for the Devil | The Rolling Stones
Gimme Shelter | The Rolling Stones
Angie | The Rolling Stones
Start Me Up | The Rolling Stones
Jumpin' Jack Flash | The Rolling Stones
Brown Sugar | The Rolling Stones
Wild Horses | The Rolling Stones
You Can't Always Get What You Want | The Rolling Stones
Highway to Hell | AC/DC
Thunderstruck | AC/DC
T.N.T. | AC/DC
You Shook Me All Night Long | AC/DC
Hells Bells | AC/DC
Sweet Child o' Mine | Guns N' Roses
Welcome to the Jungle | Guns N' Roses
November Rain | Guns N' Roses
Paradise City | Guns N' Roses
Hotel California | Eagles
Take It Easy | Eagles
Desperado | Eagles
Life in the Fast Lane | Eagles
Take It to the Limit | Eagles
Lyin' Eyes | Eagles
Go Your Own Way | Fleetwood Mac
The Chain | Fleetwood Mac
Landslide | Fleetwood Mac
Everywhere | Fleetwood Mac
Little Lies | Fleetwood Mac
Rhiannon | Fleetwood Mac
Dancing Queen | ABBA
The Winner Takes It All | ABBA
Fernando | ABBA
Take a Chance on Me | ABBA
Gimme! Gimme! Gimme! (A Man After Midnight) | ABBA
Super Trouper | ABBA
Knowing Me, Knowing You | ABBA
Money, Money, Money | ABBA
Chiquitita | ABBA
Voulez-Vous | ABBA
Thank You for the Music | ABBA
With or Without You | U2
Sunday Bloody Sunday | U2
Beautiful Day | U2
Where the Streets Have No Name | U2
I Still Haven't Found What I'm Looking For | U2
Pride (In the Name of Love) | U2
Elevation | U2
Yellow | Coldplay
Viva la Vida | Coldplay
Fix You | Coldplay
The Scientist | Coldplay
Clocks | Coldplay
A Sky Full of Stars | Coldplay
Hymn for the Weekend | Coldplay
Adventure of a Lifetime | Coldplay
Wonderwall | Oasis
Don't Look Back in Anger | Oasis
Champagne Supernova | Oasis
Live Forever | Oasis
Stop Crying Your Heart Out | Oasis
Supersonic | Oasis
Some Might Say | Oasis
Karma Police | Radiohead
Paranoid Android | Radiohead
No Surprises | Radiohead
High and Dry | Radiohead
Do I Wanna Know? | Arctic Monkeys
R U Mine? | Arctic Monkeys
I Bet You Look Good on the Dancefloor | Arctic Monkeys
505 | Arctic Monkeys
Fluorescent Adolescent | Arctic Monkeys
Every Breath You Take | The Police
Roxanne | The Police
Message in a Bottle | The Police
Don't Stand So Close to Me | The Police
Every Little Thing She Does Is Magic | The Police
Space Oddity | David Bowie
Heroes | David Bowie
Starman | David Bowie
Life on Mars? | David Bowie
Let's Dance | David Bowie
Rebel Rebel | David Bowie
Ashes to Ashes | David Bowie
Rocket Man | Elton John
Your Song | Elton John
Tiny Dancer | Elton John
Candle in the Wind | Elton John
Bennie and the Jets | Elton John
Crocodile Rock | Elton John
I'm Still Standing | Elton John
Can You Feel the Love Tonight | Elton John
Sacrifice | Elton John
Like a Rolling Stone | Bob Dylan
Blowin' in the Wind | Bob Dylan
The Times They Are a-Changin' | Bob Dylan
Knockin' on Heaven's Door | Bob Dylan
Subterranean Homesick Blues | Bob Dylan
Tangled Up in Blue | Bob Dylan
Lay Lady Lay | Bob Dylan
Born to Run | Bruce Springsteen
Born in the U.S.A. | Bruce Springsteen
Dancing in the Dark | Bruce Springsteen
Streets of Philadelphia | Bruce Springsteen
Thunder Road | Bruce Springsteen
Hungry Heart | Bruce Springsteen
Glory Days | Bruce Springsteen
Superstition | Stevie Wonder
Isn't She Lovely | Stevie Wonder
I Just Called to Say I Love You | Stevie Wonder
Sir Duke | Stevie Wonder
Signed, Sealed, Delivered I'm Yours | Stevie Wonder
Higher Ground | Stevie Wonder
You Are the Sunshine of My Life | Stevie Wonder
What's Going On | Marvin Gaye
Let's Get It On | Marvin Gaye
Sexual Healing | Marvin Gaye
(You Make Me Feel Like) A Natural Woman | Aretha Franklin
Think | Aretha Franklin
Chain of Fools | Aretha Franklin
My Way | Frank Sinatra
Strangers in the Night | Frank Sinatra
Come Fly with Me | Frank Sinatra
What a Wonderful World | Louis Armstrong
Johnny B. Goode | Chuck Berry
Roll Over Beethoven | Chuck Berry
Maybellene | Chuck Berry
Sweet Little Sixteen | Chuck Berry
Purple Haze | Jimi Hendrix
Foxy Lady | Jimi Hendrix
Voodoo Child (Slight Return) | Jimi Hendrix
The Wind Cries Mary | Jimi Hendrix
No Woman, No Cry | Bob Marley
One Love | Bob Marley
Redemption Song | Bob Marley
Three Little Birds | Bob Marley
Get Up, Stand Up | Bob Marley
Buffalo Soldier | Bob Marley
Is This Love | Bob Marley
Could You Be Loved | Bob Marley
Jamming | Bob Marley
...Baby One More Time | Britney Spears
Oops!... I Did It Again | Britney Spears
Toxic | Britney Spears
Womanizer | Britney Spears
Gimme More | Britney Spears
Genie in a Bottle | Christina Aguilera
Dirrty | Christina Aguilera
What a Girl Wants | Christina Aguilera
Fighter | Christina Aguilera
I Want It That Way | Backstreet Boys
Everybody (Backstreet's Back) | Backstreet Boys
As Long as You Love Me | Backstreet Boys
Larger than Life | Backstreet Boys
Quit Playing Games (with My Heart) | Backstreet Boys
Show Me the Meaning of Being Lonely | Backstreet Boys
Bye Bye Bye | NSYNC
It's Gonna Be Me | NSYNC
Tearin' Up My Heart | NSYNC
Wannabe | Spice Girls
Spice Up Your Life | Spice Girls
2 Become 1 | Spice Girls
Say You'll Be There | Spice Girls
Viva Forever | Spice Girls
Say My Name | Destiny's Child
Bootylicious | Destiny's Child
Independent Women | Destiny's Child
Bills, Bills, Bills | Destiny's Child
My Heart Will Go On | Celine Dion
Because You Loved Me | Celine Dion
That's the Way It Is | Celine Dion
All I Want for Christmas Is You | Mariah Carey
We Belong Together | Mariah Carey
Always Be My Baby | Mariah Carey
Vision of Love | Mariah Carey
Hips Don't Lie | Shakira
Whenever, Wherever | Shakira
Waka Waka (This Time for Africa) | Shakira
She Wolf | Shakira
La Tortura | Shakira
Despacito | Luis Fonsi
Gangnam Style | Psy
Boy with Luv | BTS
Fake Love | BTS
Blood Sweat & Tears | BTS
Spring Day | BTS
Permission to Dance | BTS
Life Goes On | BTS
Dynamite | BTS
Butter | BTS
Ddu-Du Ddu-Du | Blackpink
How You Like That | Blackpink
Kill This Love | Blackpink
Pink Venom | Blackpink
Lovesick Girls | Blackpink
Get Lucky | Daft Punk
One More Time | Daft Punk
Harder, Better, Faster, Stronger | Daft Punk
Instant Crush | Daft Punk
Da Funk | Daft Punk
Du hast | Rammstein
Sonne | Rammstein
Ich will | Rammstein
Links 2-3-4 | Rammstein
Wind of Change | Scorpions
Rock You Like a Hurricane | Scorpions
Still Loving You | Scorpions
Take On Me | a-ha
The Sun Always Shines on T.V. | a-ha
Hunting High and Low | a-ha
It Must Have Been Love | Roxette
The Look | Roxette
Listen to Your Heart | Roxette
All That She Wants | Ace of Base
The Sign | Ace of Base
Need You Tonight | INXS
Never Tear Us Apart | INXS
Down Under | Men at Work
Who Can It Be Now? | Men at Work
Don't Dream It's Over | Crowded House
The Less I Know the Better | Tame Impala
Chandelier | Sia
Cheap Thrills | Sia
Elastic Heart | Sia
Can't Get You Out of My Head | Kylie Minogue
Spinning Around | Kylie Minogue
Padam Padam | Kylie Minogue
I Should Be So Lucky | Kylie Minogue
Army of Me | Björk
Human Behaviour | Björk
Jóga | Björk
La Vie en rose | Édith Piaf
Non, je ne regrette rien | Édith Piaf
Milord | Édith Piaf
Hymne à l'amour | Édith Piaf
Alors on danse | Stromae
Papaoutai | Stromae
Bailando | Enrique Iglesias
Escape | Enrique Iglesias
Con te partirò | Andrea Bocelli
The Sound of Silence | Simon & Garfunkel
Mrs. Robinson | Simon & Garfunkel
Bridge over Troubled Water | Simon & Garfunkel
The Boxer | Simon & Garfunkel
Cecilia | Simon & Garfunkel
I Walk the Line | Johnny Cash
Folsom Prison Blues | Johnny Cash
A Boy Named Sue | Johnny Cash
Jolene | Dolly Parton
9 to 5 | Dolly Parton
Coat of Many Colors | Dolly Parton
What's Love Got to Do with It | Tina Turner
Private Dancer | Tina Turner
Stayin' Alive | Bee Gees
How Deep Is Your Love | Bee Gees
Night Fever | Bee Gees
Too Much Heaven | Bee Gees
More Than a Woman | Bee Gees
You Should Be Dancing | Bee Gees
Boogie Wonderland | Earth, Wind & Fire
Let's Groove | Earth, Wind & Fire
Y.M.C.A. | Village People
Macho Man | Village People
In the Navy | Village People
I Will Survive | Gloria Gaynor
Eye of the Tiger | Survivor
Don't Stop Believin' | Journey
Open Arms | Journey
Any Way You Want It | Journey
Separate Ways (Worlds Apart) | Journey
Rosanna | Toto
Hold the Line | Toto
Livin' on a Prayer | Bon Jovi
You Give Love a Bad Name | Bon Jovi
Wanted Dead or Alive | Bon Jovi
Dream On | Aerosmith
I Don't Want to Miss a Thing | Aerosmith
Walk This Way | Aerosmith
Sweet Emotion | Aerosmith
I Was Made for Lovin' You | Kiss
Rock and Roll All Nite | Kiss
Detroit Rock City | Kiss
Hot for Teacher | Van Halen
Runnin' with the Devil | Van Halen
Californication | Red Hot Chili Peppers
Under the Bridge | Red Hot Chili Peppers
Scar Tissue | Red Hot Chili Peppers
Otherside | Red Hot Chili Peppers
Can't Stop | Red Hot Chili Peppers
Give It Away | Red Hot Chili Peppers
By the Way | Red Hot Chili Peppers
Snow (Hey Oh) | Red Hot Chili Peppers
Dani California | Red Hot Chili Peppers
Everlong | Foo Fighters
The Pretender | Foo Fighters
Learn to Fly | Foo Fighters
Best of You | Foo Fighters
My Hero | Foo Fighters
Times Like These | Foo Fighters
Jeremy | Pearl Jam
Even Flow | Pearl Jam
Black Hole Sun | Soundgarden
Spoonman | Soundgarden
American Idiot | Green Day
Basket Case | Green Day
Boulevard of Broken Dreams | Green Day
Good Riddance (Time of Your Life) | Green Day
Wake Me Up When September Ends | Green Day
21 Guns | Green Day
In the End | Linkin Park
Numb | Linkin Park
Crawling | Linkin Park
What I've Done | Linkin Park
Faint | Linkin Park
One Step Closer | Linkin Park
Breaking the Habit | Linkin Park
She Will Be Loved | Maroon 5
This Love | Maroon 5
Moves like Jagger | Maroon 5
Girls Like You | Maroon 5
Payphone | Maroon 5
Radioactive | Imagine Dragons
Demons | Imagine Dragons
Believer | Imagine Dragons
Thunder | Imagine Dragons
Bones | Imagine Dragons
It's Time | Imagine Dragons
Mr. Brightside | The Killers
Somebody Told Me | The Killers
When You Were Young | The Killers
All These Things That I've Done | The Killers
Light My Fire | The Doors
Riders on the Storm | The Doors
Break On Through (To the Other Side) | The Doors
People Are Strange | The Doors
Hello, I Love You | The Doors
Roadhouse Blues | The Doors
Good Vibrations | The Beach Boys
Surfin' U.S.A. | The Beach Boys
God Only Knows | The Beach Boys
Wouldn't It Be Nice | The Beach Boys
Kokomo | The Beach Boys
I Get Around | The Beach Boys
California Girls | The Beach Boys
Baba O'Riley | The Who
My Generation | The Who
Won't Get Fooled Again | The Who
Pinball Wizard | The Who
Behind Blue Eyes | The Who
I Can See for Miles | The Who
You Really Got Me | The Kinks
Lola | The Kinks
Waterloo Sunset | The Kinks
All Day and All of the Night | The Kinks
London Calling | The Clash
Should I Stay or Should I Go | The Clash
Rock the Casbah | The Clash
Anarchy in the U.K. | Sex Pistols
Love Will Tear Us Apart | Joy Division
There Is a Light That Never Goes Out | The Smiths
This Charming Man | The Smiths
How Soon Is Now? | The Smiths
Friday I'm in Love | The Cure
Boys Don't Cry | The Cure
Just Like Heaven | The Cure
Close to Me | The Cure
Enjoy the Silence | Depeche Mode
Personal Jesus | Depeche Mode
Just Can't Get Enough | Depeche Mode
Hungry Like the Wolf | Duran Duran
Girls on Film | Duran Duran
Ordinary World | Duran Duran
Everybody Wants to Rule the World | Tears for Fears
Mad World | Tears for Fears
Sweet Dreams (Are Made of This) | Eurythmics
Last Christmas | Wham!
Wake Me Up Before You Go-Go | Wham!
Freedom! '90 | George Michael
Father Figure | George Michael
Praying for Time | George Michael
West End Girls | Pet Shop Boys
It's a Sin | Pet Shop Boys
Sultans of Swing | Dire Straits
Money for Nothing | Dire Straits
Walk of Life | Dire Straits
Brothers in Arms | Dire Straits
In the Air Tonight | Phil Collins
Another Day in Paradise | Phil Collins
You'll Be in My Heart | Phil Collins
Against All Odds (Take a Look at Me Now) | Phil Collins
Maggie May | Rod Stewart
Da Ya Think I'm Sexy? | Rod Stewart
Fields of Gold | Sting
Shape of My Heart | Sting
Englishman in New York | Sting
Rehab | Amy Winehouse
Back to Black | Amy Winehouse
You Know I'm No Good | Amy Winehouse
Tears Dry on Their Own | Amy Winehouse
Feel | Robbie Williams
Rock DJ | Robbie Williams
Let Me Entertain You | Robbie Williams
Back for Good | Take That
Never Forget | Take That
Rule the World | Take That
What Makes You Beautiful | One Direction
Story of My Life | One Direction
Drag Me Down | One Direction
Best Song Ever | One Direction
Little Things | One Direction
Watermelon Sugar | Harry Styles
As It Was | Harry Styles
Sign of the Times | Harry Styles
Adore You | Harry Styles
New Rules | Dua Lipa
Levitating | Dua Lipa
Don't Start Now | Dua Lipa
IDGAF | Dua Lipa
Stay with Me | Sam Smith
Too Good at Goodbyes | Sam Smith
Writing's on the Wall | Sam Smith
Someone You Loved | Lewis Capaldi
Before You Go | Lewis Capaldi
Supermassive Black Hole | Muse
Uprising | Muse
Starlight | Muse
Pour Some Sugar on Me | Def Leppard
Love Bites | Def Leppard
The Trooper | Iron Maiden
Run to the Hills | Iron Maiden
Fear of the Dark | Iron Maiden
The Number of the Beast | Iron Maiden
Paranoid | Black Sabbath
War Pigs | Black Sabbath
Children of the Grave | Black Sabbath
Crazy Train | Ozzy Osbourne
Mr. Crowley | Ozzy Osbourne
Bark at the Moon | Ozzy Osbourne
Smoke on the Water | Deep Purple
Highway Star | Deep Purple
Child in Time | Deep Purple
Holding Back the Years | Simply Red
Teardrop | Massive Attack
Unfinished Sympathy | Massive Attack
Glory Box | Portishead
Sour Times | Portishead
Feel Good Inc. | Gorillaz
On Melancholy Hill | Gorillaz
DARE | Gorillaz
19-2000 | Gorillaz
Little Lion Man | Mumford & Sons
The Cave | Mumford & Sons
I Will Wait | Mumford & Sons
Zombie | The Cranberries
Linger | The Cranberries
Ode to My Family | The Cranberries
The Boys Are Back in Town | Thin Lizzy
Jailbreak | Thin Lizzy
Orinoco Flow | Enya
Only Time | Enya
May It Be | Enya
Take Me to Church | Hozier
Too Sweet | Hozier
Limelight | Rush
The Spirit of Radio | Rush
Closer to the Heart | Rush
Rebellion (Lies) | Arcade Fire
No Cars Go | Arcade Fire
How You Remind Me | Nickelback
Ironic | Alanis Morissette
You Oughta Know | Alanis Morissette
Hand in My Pocket | Alanis Morissette
Complicated | Avril Lavigne
Sk8er Boi | Avril Lavigne
Girlfriend | Avril Lavigne
I'm with You | Avril Lavigne
Man! I Feel Like a Woman! | Shania Twain
You're Still the One | Shania Twain
That Don't Impress Me Much | Shania Twain
Summer of '69 | Bryan Adams
(Everything I Do) I Do It for You | Bryan Adams
Run to You | Bryan Adams
Hallelujah | Leonard Cohen
So Long, Marianne | Leonard Cohen
Dance Me to the End of Love | Leonard Cohen
Big Yellow Taxi | Joni Mitchell
A Case of You | Joni Mitchell
Heart of Gold | Neil Young
Rockin' in the Free World | Neil Young
Harvest Moon | Neil Young
Stitches | Shawn Mendes
Treat You Better | Shawn Mendes
There's Nothing Holdin' Me Back | Shawn Mendes
Call Me Maybe | Carly Rae Jepsen
I'm Like a Bird | Nelly Furtado
Promiscuous | Nelly Furtado
Maneater | Hall & Oates
Rich Girl | Hall & Oates
Private Eyes | Hall & Oates
You Make My Dreams | Hall & Oates
I Can't Go for That (No Can Do) | Hall & Oates
Girls Just Want to Have Fun | Cyndi Lauper
Time After Time | Cyndi Lauper
True Colors | Cyndi Lauper
Heart of Glass | Blondie
One Way or Another | Blondie
Psycho Killer | Talking Heads
Once in a Lifetime | Talking Heads
Burning Down the House | Talking Heads
Road to Nowhere | Talking Heads
Blitzkrieg Bop | Ramones
I Wanna Be Sedated | Ramones
Sheena Is a Punk Rocker | Ramones
Sweet Jane | The Velvet Underground
Venus in Furs | The Velvet Underground
I'm Waiting for the Man | The Velvet Underground
Walk on the Wild Side | Lou Reed
Perfect Day | Lou Reed
Last Nite | The Strokes
Reptilia | The Strokes
Sweet Home Alabama | Lynyrd Skynyrd
Free Bird | Lynyrd Skynyrd
Simple Man | Lynyrd Skynyrd
La Grange | ZZ Top
Sharp Dressed Man | ZZ Top
Gimme All Your Lovin' | ZZ Top
Fortunate Son | Creedence Clearwater Revival
Bad Moon Rising | Creedence Clearwater Revival
Proud Mary | Creedence Clearwater Revival
Have You Ever Seen the Rain | Creedence Clearwater Revival
White Rabbit | Jefferson Airplane
California Dreamin' | The Mamas & the Papas
Monday, Monday | The Mamas & the Papas
Baby Love | The Supremes
Where Did Our Love Go | The Supremes
Stop! In the Name of Love | The Supremes
You Can't Hurry Love | The Supremes
My Girl | The Temptations
Ain't Too Proud to Beg | The Temptations
Just My Imagination (Running Away with Me) | The Temptations
ABC | The Jackson 5
I Want You Back | The Jackson 5
I'll Be There | The Jackson 5
The Love You Save | The Jackson 5
(Sittin' On) The Dock of the Bay | Otis Redding
Stand by Me | Ben E. King
A Change Is Gonna Come | Sam Cooke
You Send Me | Sam Cooke
Wonderful World | Sam Cooke
Hit the Road Jack | Ray Charles
What'd I Say | Ray Charles
I Got a Woman | Ray Charles
I Got You (I Feel Good) | James Brown
Papa's Got a Brand New Bag | James Brown
Get Up (I Feel Like Being a) Sex Machine | James Brown
It's a Man's Man's Man's World | James Brown
Tutti Frutti | Little Richard
Long Tall Sally | Little Richard
Peggy Sue | Buddy Holly
That'll Be the Day | Buddy Holly
Great Balls of Fire | Jerry Lee Lewis
Oh, Pretty Woman | Roy Orbison
Only the Lonely | Roy Orbison
Rock Around the Clock | Bill Haley & His Comets
Bye Bye Love | The Everly Brothers
Wake Up Little Susie | The Everly Brothers
All I Have to Do Is Dream | The Everly Brothers
Unforgettable | Nat King Cole
L-O-V-E | Nat King Cole
The Christmas Song | Nat King Cole
White Christmas | Bing Crosby
That's Amore | Dean Martin
Over the Rainbow | Judy Garland
Strange Fruit | Billie Holiday
A-Tisket, A-Tasket | Ella Fitzgerald
Mississippi Goddam | Nina Simone
So What | Miles Davis
Take Five | The Dave Brubeck Quartet
American Pie | Don McLean
Vincent | Don McLean
Wonderful Tonight | Eric Clapton
Tears in Heaven | Eric Clapton
Total Eclipse of the Heart | Bonnie Tyler
It's a Heartache | Bonnie Tyler
Sweet Caroline | Neil Diamond
Cracklin' Rosie | Neil Diamond
I'm a Believer | The Monkees
Daydream Believer | The Monkees
It's Too Late | Carole King
So Far Away | Carole King
I'd Do Anything for Love (But I Won't Do That) | Meat Loaf
Paradise by the Dashboard Light | Meat Loaf
California Love | Tupac Shakur
Dear Mama | Tupac Shakur
Hit 'Em Up | Tupac Shakur
Juicy | The Notorious B.I.G.
Big Poppa | The Notorious B.I.G.
Hypnotize | The Notorious B.I.G.
Drop It Like It's Hot | Snoop Dogg
Gin and Juice | Snoop Dogg
Still D.R.E. | Dr. Dre
The Next Episode | Dr. Dre
Nuthin' but a 'G' Thang | Dr. Dre
In da Club | 50 Cent
Candy Shop | 50 Cent
P.I.M.P. | 50 Cent
21 Questions | 50 Cent
Humble | Kendrick Lamar
Not Like Us | Kendrick Lamar
Swimming Pools (Drank) | Kendrick Lamar
Money Trees | Kendrick Lamar
King Kunta | Kendrick Lamar
Sicko Mode | Travis Scott
Goosebumps | Travis Scott
Highest in the Room | Travis Scott
Better Now | Post Malone
White Iverson | Post Malone
Bodak Yellow | Cardi B
I Like It | Cardi B
WAP | Cardi B
Super Bass | Nicki Minaj
Starships | Nicki Minaj
Moment 4 Life | Nicki Minaj
Old Town Road | Lil Nas X
Montero (Call Me by Your Name) | Lil Nas X
Hey Ya! | OutKast
Ms. Jackson | OutKast
B.O.B. | OutKast
It's Tricky | Run-DMC
(You Gotta) Fight for Your Right (To Party!) | Beastie Boys
Sabotage | Beastie Boys
Intergalactic | Beastie Boys
C.R.E.A.M. | Wu-Tang Clan
Push It | Salt-N-Pepa
Shoop | Salt-N-Pepa
Get Ur Freak On | Missy Elliott
Work It | Missy Elliott
Doo Wop (That Thing) | Lauryn Hill
Happy | Pharrell Williams
Yeah! | Usher
U Got It Bad | Usher
Fallin' | Alicia Keys
No One | Alicia Keys
If I Ain't Got You | Alicia Keys
Girl on Fire | Alicia Keys
All of Me | John Legend
Ordinary People | John Legend
SexyBack | Justin Timberlake
Can't Stop the Feeling! | Justin Timberlake
Mirrors | Justin Timberlake
Rock Your Body | Justin Timberlake
Wrecking Ball | Miley Cyrus
Party in the U.S.A. | Miley Cyrus
The Climb | Miley Cyrus
Lose You to Love Me | Selena Gomez
Come & Get It | Selena Gomez
Sorry Not Sorry | Demi Lovato
Heart Attack | Demi Lovato
Skyscraper | Demi Lovato
Drivers License | Olivia Rodrigo
Good 4 U | Olivia Rodrigo
Royals | Lorde
Green Light | Lorde
Team | Lorde
Somebody That I Used to Know | Gotye
Tik Tok | Kesha
Die Young | Kesha
Your Love Is My Drug | Kesha
Get the Party Started | Pink
Just Give Me a Reason | Pink
Raise Your Glass | Pink
Just Like a Pill | Pink
Hollaback Girl | Gwen Stefani
The Sweet Escape | Gwen Stefani
Don't Speak | No Doubt
Just a Girl | No Doubt
I Gotta Feeling | Black Eyed Peas
Where Is the Love? | Black Eyed Peas
Boom Boom Pow | Black Eyed Peas
Pump It | Black Eyed Peas
My Humps | Black Eyed Peas
Party Rock Anthem | LMFAO
Sexy and I Know It | LMFAO
Give Me Everything | Pitbull
I Know You Want Me (Calle Ocho) | Pitbull
Low | Flo Rida
Whistle | Flo Rida
Right Round | Flo Rida
Wake Me Up | Avicii
Levels | Avicii
Hey Brother | Avicii
The Nights | Avicii
Don't You Worry Child | Swedish House Mafia
Save the World | Swedish House Mafia
Titanium | David Guetta
When Love Takes Over | David Guetta
This Is What You Came For | Calvin Harris
Feel So Close | Calvin Harris
Video Games | Lana Del Rey
Summertime Sadness | Lana Del Rey
Young and Beautiful | Lana Del Rey
Born to Die | Lana Del Rey
You're Beautiful | James Blunt
Somewhere Only We Know | Keane
Chasing Cars | Snow Patrol
Take Me Out | Franz Ferdinand
Song 2 | Blur
Parklife | Blur
Girls & Boys | Blur
Coffee & TV | Blur
Common People | Pulp
Bitter Sweet Symphony | The Verve
The Drugs Don't Work | The Verve
I Wanna Be Adored | The Stone Roses
Blue Monday | New Order
Firestarter | The Prodigy
Blue (Da Ba Dee) | Eiffel 65
Macarena | Los del Río
Livin' la Vida Loca | Ricky Martin
The Cup of Life | Ricky Martin
She Bangs | Ricky Martin
On the Floor | Jennifer Lopez
Jenny from the Block | Jennifer Lopez
Waiting for Tonight | Jennifer Lopez
If You Had My Love | Jennifer Lopez
Let's Get Loud | Jennifer Lopez
Dákiti | Bad Bunny
Tití Me Preguntó | Bad Bunny
Me Porto Bonito | Bad Bunny
Callaíta | Bad Bunny
Mi Gente | J Balvin
Ginza | J Balvin
Gasolina | Daddy Yankee
Tusa | Karol G
Provenza | Karol G
Malamente | Rosalía
Despechá | Rosalía
Felices los 4 | Maluma
La Camisa Negra | Juanes
Clandestino | Manu Chao
Me Gustas Tú | Manu Chao
Como la Flor | Selena
Bidi Bidi Bom Bom | Selena
Amor Prohibido | Selena
Volver, Volver | Vicente Fernández
Querida | Juan Gabriel
Amor Eterno | Juan Gabriel
La Bamba | Ritchie Valens
Donna | Ritchie Valens
Nel blu, dipinto di blu | Domenico Modugno
La solitudine | Laura Pausini
Zitti e buoni | Måneskin
I Wanna Be Your Slave | Måneskin
99 Luftballons | Nena
Rock Me Amadeus | Falco
Barbie Girl | Aqua
Big in Japan | Alphaville
You're My Heart, You're My Soul | Modern Talking
Rasputin | Boney M.
Daddy Cool | Boney M.
Ma Baker | Boney M.
All the Things She Said | t.A.T.u.
7 Seconds | Youssou N'Dour
Pata Pata | Miriam Makeba
Essence | Wizkid
Last Last | Burna Boy
Calm Down | Rema
Truth Hurts | Lizzo
Good as Hell | Lizzo
About Damn Time | Lizzo
Good Days | SZA
Snooze | SZA
Say So | Doja Cat
Kiss Me More | Doja Cat
Paint the Town Red | Doja Cat
Thinking Bout You | Frank Ocean
Novacane | Frank Ocean
Since U Been Gone | Kelly Clarkson
Because of You | Kelly Clarkson
Stronger (What Doesn't Kill You) | Kelly Clarkson
Don't Know Why | Norah Jones
The Way We Were | Barbra Streisand
Woman in Love | Barbra Streisand
"""

# album | performer | record label | producer  ('-' when several)
ALBUMS = """
Thriller | Michael Jackson | Epic Records | Quincy Jones
Bad | Michael Jackson | Epic Records | Quincy Jones
Off the Wall | Michael Jackson | Epic Records | Quincy Jones
Dangerous | Michael Jackson | Epic Records | -
Abbey Road | The Beatles | Apple Records | George Martin
Sgt. Pepper's Lonely Hearts Club Band | The Beatles | - | George Martin
Revolver | The Beatles | - | George Martin
Rubber Soul | The Beatles | - | George Martin
The Dark Side of the Moon | Pink Floyd | - | Pink Floyd
Wish You Were Here | Pink Floyd | - | Pink Floyd
The Wall | Pink Floyd | - | -
Led Zeppelin IV | Led Zeppelin | Atlantic Records | Jimmy Page
Houses of the Holy | Led Zeppelin | Atlantic Records | Jimmy Page
Physical Graffiti | Led Zeppelin | Swan Song Records | Jimmy Page
Nevermind | Nirvana | DGC Records | Butch Vig
In Utero | Nirvana | DGC Records | Steve Albini
Back in Black | AC/DC | - | Mutt Lange
Hysteria | Def Leppard | - | Mutt Lange
Appetite for Destruction | Guns N' Roses | Geffen Records | Mike Clink
Rumours | Fleetwood Mac | Warner Records | -
The Joshua Tree | U2 | Island Records | -
Achtung Baby | U2 | Island Records | -
OK Computer | Radiohead | - | -
Kid A | Radiohead | - | -
Definitely Maybe | Oasis | Creation Records | -
(What's the Story) Morning Glory? | Oasis | Creation Records | -
Parachutes | Coldplay | - | -
A Rush of Blood to the Head | Coldplay | - | -
Master of Puppets | Metallica | - | -
Ride the Lightning | Metallica | - | -
Pet Sounds | The Beach Boys | Capitol Records | Brian Wilson
Kind of Blue | Miles Davis | Columbia Records | -
A Love Supreme | John Coltrane | Impulse! Records | Bob Thiele
Giant Steps | John Coltrane | Atlantic Records | -
The Freewheelin' Bob Dylan | Bob Dylan | Columbia Records | -
Highway 61 Revisited | Bob Dylan | Columbia Records | -
Blonde on Blonde | Bob Dylan | Columbia Records | Bob Johnston
Blood on the Tracks | Bob Dylan | Columbia Records | Bob Dylan
Bat Out of Hell | Meat Loaf | - | Todd Rundgren
Tapestry | Carole King | Ode Records | Lou Adler
Fearless | Taylor Swift | Big Machine Records | -
Speak Now | Taylor Swift | Big Machine Records | -
1989 | Taylor Swift | Big Machine Records | -
Reputation | Taylor Swift | Big Machine Records | -
Folklore | Taylor Swift | Republic Records | -
Midnights | Taylor Swift | Republic Records | -
Lemonade | Beyoncé | - | -
The Fame | Lady Gaga | - | -
Future Nostalgia | Dua Lipa | Warner Records | -
After Hours | The Weeknd | - | -
Random Access Memories | Daft Punk | Columbia Records | Daft Punk
The Chronic | Dr. Dre | Death Row Records | Dr. Dre
The Marshall Mathers LP | Eminem | - | -
The Eminem Show | Eminem | - | -
Illmatic | Nas | Columbia Records | -
Ready to Die | The Notorious B.I.G. | Bad Boy Records | -
My Beautiful Dark Twisted Fantasy | Kanye West | - | -
The College Dropout | Kanye West | - | -
Yeezus | Kanye West | - | -
To Pimp a Butterfly | Kendrick Lamar | - | -
Good Kid, M.A.A.D City | Kendrick Lamar | - | -
Damn | Kendrick Lamar | - | -
Channel Orange | Frank Ocean | - | -
Songs in A Minor | Alicia Keys | - | -
The Miseducation of Lauryn Hill | Lauryn Hill | - | Lauryn Hill
Jagged Little Pill | Alanis Morissette | Maverick Records | Glen Ballard
Hybrid Theory | Linkin Park | Warner Records | Don Gilmore
Meteora | Linkin Park | Warner Records | -
Dookie | Green Day | Reprise Records | -
Superunknown | Soundgarden | - | -
Blood Sugar Sex Magik | Red Hot Chili Peppers | Warner Records | Rick Rubin
The Velvet Underground & Nico | The Velvet Underground | Verve Records | Andy Warhol
Never Mind the Bollocks, Here's the Sex Pistols | Sex Pistols | Virgin Records | -
The Queen Is Dead | The Smiths | - | -
Disintegration | The Cure | - | -
Violator | Depeche Mode | - | -
Tubular Bells | Mike Oldfield | Virgin Records | -
Come Away with Me | Norah Jones | Blue Note Records | -
Falling into You | Celine Dion | - | -
Music Box | Mariah Carey | Columbia Records | -
Daydream | Mariah Carey | Columbia Records | -
Arrival | ABBA | - | -
Sticky Fingers | The Rolling Stones | - | Jimmy Miller
Exile on Main St. | The Rolling Stones | - | Jimmy Miller
Let It Bleed | The Rolling Stones | - | Jimmy Miller
Beggars Banquet | The Rolling Stones | - | Jimmy Miller
Who's Next | The Who | - | -
Tommy | The Who | - | -
Quadrophenia | The Who | - | -
The Rise and Fall of Ziggy Stardust and the Spiders from Mars | David Bowie | - | -
Hunky Dory | David Bowie | - | -
Blackstar | David Bowie | - | -
Goodbye Yellow Brick Road | Elton John | - | Gus Dudgeon
Darkness on the Edge of Town | Bruce Springsteen | Columbia Records | -
Songs in the Key of Life | Stevie Wonder | - | Stevie Wonder
Innervisions | Stevie Wonder | - | Stevie Wonder
Talking Book | Stevie Wonder | - | Stevie Wonder
Sign o' the Times | Prince | - | -
Licensed to Ill | Beastie Boys | Def Jam Recordings | -
Paul's Boutique | Beastie Boys | Capitol Records | -
Harvest | Neil Young | Reprise Records | -
Exodus | Bob Marley | Island Records | -
Is This It | The Strokes | - | -
Whatever People Say I Am, That's What I'm Not | Arctic Monkeys | - | -
"""

# --------------------------------------------------------------------------- literature
# title | author | publisher (first publisher, '-' when not certain)
BOOKS = """
Pride and Prejudice | Jane Austen | -
Sense and Sensibility | Jane Austen | -
Persuasion | Jane Austen | -
Mansfield Park | Jane Austen | -
Northanger Abbey | Jane Austen | -
Oliver Twist | Charles Dickens | -
A Christmas Carol | Charles Dickens | -
Great Expectations | Charles Dickens | -
David Copperfield | Charles Dickens | -
A Tale of Two Cities | Charles Dickens | -
Bleak House | Charles Dickens | -
Jane Eyre | Charlotte Brontë | -
Wuthering Heights | Emily Brontë | -
The Tenant of Wildfell Hall | Anne Brontë | -
Agnes Grey | Anne Brontë | -
Frankenstein | Mary Shelley | -
Dracula | Bram Stoker | -
Treasure Island | Robert Louis Stevenson | -
Strange Case of Dr Jekyll and Mr Hyde | Robert Louis Stevenson | -
Kidnapped | Robert Louis Stevenson | -
The Picture of Dorian Gray | Oscar Wilde | -
A Study in Scarlet | Arthur Conan Doyle | -
The Hound of the Baskervilles | Arthur Conan Doyle | -
The Sign of the Four | Arthur Conan Doyle | -
Alice's Adventures in Wonderland | Lewis Carroll | Macmillan Publishers
Through the Looking-Glass | Lewis Carroll | Macmillan Publishers
The Jungle Book | Rudyard Kipling | Macmillan Publishers
The War of the Worlds | H. G. Wells | Heinemann
The Time Machine | H. G. Wells | Heinemann
The Invisible Man | H. G. Wells | -
Nineteen Eighty-Four | George Orwell | Secker & Warburg
Animal Farm | George Orwell | Secker & Warburg
Homage to Catalonia | George Orwell | Secker & Warburg
Brave New World | Aldous Huxley | Chatto & Windus
The Hobbit | J. R. R. Tolkien | George Allen & Unwin
The Lord of the Rings | J. R. R. Tolkien | George Allen & Unwin
The Fellowship of the Ring | J. R. R. Tolkien | George Allen & Unwin
The Two Towers | J. R. R. Tolkien | George Allen & Unwin
The Return of the King | J. R. R. Tolkien | George Allen & Unwin
The Silmarillion | J. R. R. Tolkien | George Allen & Unwin
The Lion, the Witch and the Wardrobe | C. S. Lewis | -
The Chronicles of Narnia | C. S. Lewis | -
Harry Potter and the Philosopher's Stone | J. K. Rowling | Bloomsbury Publishing
Harry Potter and the Chamber of Secrets | J. K. Rowling | Bloomsbury Publishing
Harry Potter and the Prisoner of Azkaban | J. K. Rowling | Bloomsbury Publishing
Harry Potter and the Goblet of Fire | J. K. Rowling | Bloomsbury Publishing
Harry Potter and the Order of the Phoenix | J. K. Rowling | Bloomsbury Publishing
Harry Potter and the Half-Blood Prince | J. K. Rowling | Bloomsbury Publishing
Harry Potter and the Deathly Hallows | J. K. Rowling | Bloomsbury Publishing
Murder on the Orient Express | Agatha Christie | -
And Then There Were None | Agatha Christie | -
The Murder of Roger Ackroyd | Agatha Christie | -
Death on the Nile | Agatha Christie | -
Charlie and the Chocolate Factory | Roald Dahl | -
Matilda | Roald Dahl | -
The BFG | Roald Dahl | -
James and the Giant Peach | Roald Dahl | -
The Witches | Roald Dahl | -
Fantastic Mr Fox | Roald Dahl | -
Casino Royale | Ian Fleming | -
Goldfinger | Ian Fleming | -
Dr. No | Ian Fleming | -
The Hitchhiker's Guide to the Galaxy | Douglas Adams | Pan Books
The Remains of the Day | Kazuo Ishiguro | -
Never Let Me Go | Kazuo Ishiguro | -
Midnight's Children | Salman Rushdie | -
The Satanic Verses | Salman Rushdie | -
Robinson Crusoe | Daniel Defoe | -
Gulliver's Travels | Jonathan Swift | -
The Canterbury Tales | Geoffrey Chaucer | -
Mrs Dalloway | Virginia Woolf | Hogarth Press
To the Lighthouse | Virginia Woolf | Hogarth Press
Ulysses | James Joyce | Shakespeare and Company
Dubliners | James Joyce | -
A Portrait of the Artist as a Young Man | James Joyce | -
Adventures of Huckleberry Finn | Mark Twain | -
The Adventures of Tom Sawyer | Mark Twain | -
The Old Man and the Sea | Ernest Hemingway | Scribner
A Farewell to Arms | Ernest Hemingway | Scribner
For Whom the Bell Tolls | Ernest Hemingway | Scribner
The Sun Also Rises | Ernest Hemingway | Scribner
The Great Gatsby | F. Scott Fitzgerald | Scribner
Tender Is the Night | F. Scott Fitzgerald | Scribner
The Grapes of Wrath | John Steinbeck | Viking Press
Of Mice and Men | John Steinbeck | -
East of Eden | John Steinbeck | Viking Press
To Kill a Mockingbird | Harper Lee | J. B. Lippincott & Co.
The Catcher in the Rye | J. D. Salinger | Little, Brown and Company
Moby-Dick | Herman Melville | -
The Scarlet Letter | Nathaniel Hawthorne | -
Little Women | Louisa May Alcott | -
Uncle Tom's Cabin | Harriet Beecher Stowe | -
Gone with the Wind | Margaret Mitchell | -
The Call of the Wild | Jack London | -
White Fang | Jack London | -
Fahrenheit 451 | Ray Bradbury | Ballantine Books
The Martian Chronicles | Ray Bradbury | -
Slaughterhouse-Five | Kurt Vonnegut | -
Catch-22 | Joseph Heller | Simon & Schuster
On the Road | Jack Kerouac | Viking Press
Invisible Man | Ralph Ellison | -
Beloved | Toni Morrison | -
The Bluest Eye | Toni Morrison | -
Song of Solomon | Toni Morrison | -
I Know Why the Caged Bird Sings | Maya Angelou | -
The Bell Jar | Sylvia Plath | -
In Cold Blood | Truman Capote | -
Breakfast at Tiffany's | Truman Capote | -
The Tell-Tale Heart | Edgar Allan Poe | -
The Shining | Stephen King | Doubleday
Pet Sematary | Stephen King | Doubleday
'Salem's Lot | Stephen King | Doubleday
Cujo | Stephen King | -
The Da Vinci Code | Dan Brown | Doubleday
Angels & Demons | Dan Brown | -
The Hunger Games | Suzanne Collins | Scholastic
Catching Fire | Suzanne Collins | Scholastic
Mockingjay | Suzanne Collins | Scholastic
Twilight | Stephenie Meyer | Little, Brown and Company
Breaking Dawn | Stephenie Meyer | Little, Brown and Company
A Game of Thrones | George R. R. Martin | -
A Clash of Kings | George R. R. Martin | -
A Song of Ice and Fire | George R. R. Martin | -
Dune | Frank Herbert | Chilton Books
Foundation | Isaac Asimov | -
I, Robot | Isaac Asimov | -
The Road | Cormac McCarthy | -
No Country for Old Men | Cormac McCarthy | -
Blood Meridian | Cormac McCarthy | -
The Kite Runner | Khaled Hosseini | -
A Thousand Splendid Suns | Khaled Hosseini | -
Life of Pi | Yann Martel | -
The Handmaid's Tale | Margaret Atwood | -
Anne of Green Gables | L. M. Montgomery | -
Lolita | Vladimir Nabokov | -
Pale Fire | Vladimir Nabokov | -
Atlas Shrugged | Ayn Rand | -
The Fountainhead | Ayn Rand | -
One Hundred Years of Solitude | Gabriel García Márquez | Editorial Sudamericana
Love in the Time of Cholera | Gabriel García Márquez | -
Chronicle of a Death Foretold | Gabriel García Márquez | -
Ficciones | Jorge Luis Borges | -
The Alchemist | Paulo Coelho | -
The House of the Spirits | Isabel Allende | -
The Feast of the Goat | Mario Vargas Llosa | -
Conversation in the Cathedral | Mario Vargas Llosa | -
Don Quixote | Miguel de Cervantes | -
The Shadow of the Wind | Carlos Ruiz Zafón | -
Les Misérables | Victor Hugo | -
The Hunchback of Notre-Dame | Victor Hugo | -
The Three Musketeers | Alexandre Dumas | -
The Count of Monte Cristo | Alexandre Dumas | -
Around the World in Eighty Days | Jules Verne | -
Twenty Thousand Leagues Under the Seas | Jules Verne | -
Journey to the Center of the Earth | Jules Verne | -
From the Earth to the Moon | Jules Verne | -
The Mysterious Island | Jules Verne | -
Madame Bovary | Gustave Flaubert | -
The Stranger | Albert Camus | Gallimard
The Plague | Albert Camus | Gallimard
In Search of Lost Time | Marcel Proust | -
The Little Prince | Antoine de Saint-Exupéry | -
Candide | Voltaire | -
Nausea | Jean-Paul Sartre | Gallimard
Being and Nothingness | Jean-Paul Sartre | Gallimard
The Second Sex | Simone de Beauvoir | Gallimard
Germinal | Émile Zola | -
Père Goriot | Honoré de Balzac | -
The Red and the Black | Stendhal | -
The Phantom of the Opera | Gaston Leroux | -
War and Peace | Leo Tolstoy | -
Anna Karenina | Leo Tolstoy | -
The Death of Ivan Ilyich | Leo Tolstoy | -
Crime and Punishment | Fyodor Dostoevsky | -
The Brothers Karamazov | Fyodor Dostoevsky | -
The Idiot | Fyodor Dostoevsky | -
Notes from Underground | Fyodor Dostoevsky | -
Dead Souls | Nikolai Gogol | -
The Master and Margarita | Mikhail Bulgakov | -
Doctor Zhivago | Boris Pasternak | -
The Gulag Archipelago | Aleksandr Solzhenitsyn | -
One Day in the Life of Ivan Denisovich | Aleksandr Solzhenitsyn | -
The Metamorphosis | Franz Kafka | -
The Trial | Franz Kafka | -
The Castle | Franz Kafka | -
The Unbearable Lightness of Being | Milan Kundera | -
The Sorrows of Young Werther | Johann Wolfgang von Goethe | -
The Magic Mountain | Thomas Mann | -
Buddenbrooks | Thomas Mann | -
Death in Venice | Thomas Mann | -
Siddhartha | Hermann Hesse | -
Steppenwolf | Hermann Hesse | -
The Glass Bead Game | Hermann Hesse | -
All Quiet on the Western Front | Erich Maria Remarque | -
The Tin Drum | Günter Grass | -
Perfume: The Story of a Murderer | Patrick Süskind | -
The Neverending Story | Michael Ende | -
Momo | Michael Ende | -
Das Kapital | Karl Marx | -
Thus Spoke Zarathustra | Friedrich Nietzsche | -
Beyond Good and Evil | Friedrich Nietzsche | -
Critique of Pure Reason | Immanuel Kant | -
The Diary of a Young Girl | Anne Frank | -
The Decameron | Giovanni Boccaccio | -
The Prince | Niccolò Machiavelli | -
The Name of the Rose | Umberto Eco | -
The Adventures of Pinocchio | Carlo Collodi | -
Invisible Cities | Italo Calvino | -
The Republic | Plato | -
Nicomachean Ethics | Aristotle | -
Euclid's Elements | Euclid | -
The Art of War | Sun Tzu | -
The Tale of Genji | Murasaki Shikibu | -
Norwegian Wood | Haruki Murakami | -
Kafka on the Shore | Haruki Murakami | -
1Q84 | Haruki Murakami | -
The Wind-Up Bird Chronicle | Haruki Murakami | -
The Temple of the Golden Pavilion | Yukio Mishima | -
Snow Country | Yasunari Kawabata | -
The True Story of Ah Q | Lu Xun | -
Dream of the Red Chamber | Cao Xueqin | -
Journey to the West | Wu Cheng'en | -
Romance of the Three Kingdoms | Luo Guanzhong | -
Things Fall Apart | Chinua Achebe | Heinemann
Half of a Yellow Sun | Chimamanda Ngozi Adichie | -
Americanah | Chimamanda Ngozi Adichie | -
The Cairo Trilogy | Naguib Mahfouz | -
My Name Is Red | Orhan Pamuk | -
The Little Mermaid | Hans Christian Andersen | -
The Ugly Duckling | Hans Christian Andersen | -
The Snow Queen | Hans Christian Andersen | -
The Emperor's New Clothes | Hans Christian Andersen | -
The Little Match Girl | Hans Christian Andersen | -
The Brothers Lionheart | Astrid Lindgren | -
The Girl with the Dragon Tattoo | Stieg Larsson | -
Sophie's World | Jostein Gaarder | -
The Prophet | Khalil Gibran | -
On the Origin of Species | Charles Darwin | John Murray
Philosophiæ Naturalis Principia Mathematica | Isaac Newton | -
The Wealth of Nations | Adam Smith | -
A Brief History of Time | Stephen Hawking | -
Pale Blue Dot | Carl Sagan | -
The Selfish Gene | Richard Dawkins | -
The God Delusion | Richard Dawkins | -
Sapiens: A Brief History of Humankind | Yuval Noah Harari | -
The Interpretation of Dreams | Sigmund Freud | -
Leviathan | Thomas Hobbes | -
The Social Contract | Jean-Jacques Rousseau | -
Common Sense | Thomas Paine | -
A Vindication of the Rights of Woman | Mary Wollstonecraft | -
Silent Spring | Rachel Carson | -
Dialogue Concerning the Two Chief World Systems | Galileo Galilei | -
De revolutionibus orbium coelestium | Nicolaus Copernicus | -
"""

PLAYS = """
Hamlet | William Shakespeare | -
Romeo and Juliet | William Shakespeare | -
Macbeth | William Shakespeare | -
Othello | William Shakespeare | -
King Lear | William Shakespeare | -
A Midsummer Night's Dream | William Shakespeare | -
The Tempest | William Shakespeare | -
The Merchant of Venice | William Shakespeare | -
Much Ado About Nothing | William Shakespeare | -
Twelfth Night | William Shakespeare | -
The Taming of the Shrew | William Shakespeare | -
As You Like It | William Shakespeare | -
Waiting for Godot | Samuel Beckett | -
The Importance of Being Earnest | Oscar Wilde | -
Death of a Salesman | Arthur Miller | -
The Crucible | Arthur Miller | -
A Streetcar Named Desire | Tennessee Williams | -
The Glass Menagerie | Tennessee Williams | -
Faust | Johann Wolfgang von Goethe | -
Tartuffe | Molière | -
The Misanthrope | Molière | -
The Cherry Orchard | Anton Chekhov | -
The Seagull | Anton Chekhov | -
Uncle Vanya | Anton Chekhov | -
Three Sisters | Anton Chekhov | -
A Doll's House | Henrik Ibsen | -
Peer Gynt | Henrik Ibsen | -
Hedda Gabler | Henrik Ibsen | -
Cyrano de Bergerac | Edmond Rostand | -
Pygmalion | George Bernard Shaw | -
Oedipus Rex | Sophocles | -
Antigone | Sophocles | -
Medea | Euripides | -
"""

POEMS = """
Iliad | Homer | -
Odyssey | Homer | -
Aeneid | Virgil | -
Metamorphoses | Ovid | -
Divine Comedy | Dante Alighieri | -
Paradise Lost | John Milton | -
Eugene Onegin | Alexander Pushkin | -
Les Fleurs du mal | Charles Baudelaire | -
The Raven | Edgar Allan Poe | -
Leaves of Grass | Walt Whitman | -
The Waste Land | T. S. Eliot | -
Howl | Allen Ginsberg | -
The Road Not Taken | Robert Frost | -
Ode to a Nightingale | John Keats | -
Ozymandias | Percy Bysshe Shelley | -
The Rime of the Ancient Mariner | Samuel Taylor Coleridge | -
Gitanjali | Rabindranath Tagore | -
"""

# title | type | author | publisher | country of origin
SERIALS = """
The Adventures of Tintin | comic | Hergé | Casterman | Belgium
Peanuts | comic strip | Charles M. Schulz | - | United States
Calvin and Hobbes | comic strip | Bill Watterson | - | United States
Garfield | comic strip | Jim Davis | - | United States
Maus | comic | Art Spiegelman | Pantheon Books | United States
Watchmen | comic | Alan Moore | DC Comics | -
V for Vendetta | comic | Alan Moore | - | -
One Piece | manga | Eiichiro Oda | Shueisha | Japan
Naruto | manga | Masashi Kishimoto | Shueisha | Japan
Dragon Ball | manga | Akira Toriyama | Shueisha | Japan
Death Note | manga | Tsugumi Ohba | Shueisha | Japan
Attack on Titan | manga | Hajime Isayama | Kodansha | Japan
Astro Boy | manga | Osamu Tezuka | - | Japan
Sailor Moon | manga | Naoko Takeuchi | Kodansha | Japan
Slam Dunk | manga | Takehiko Inoue | Shueisha | Japan
Fullmetal Alchemist | manga | Hiromu Arakawa | Square Enix | Japan
Demon Slayer: Kimetsu no Yaiba | manga | Koyoharu Gotouge | Shueisha | Japan
Jujutsu Kaisen | manga | Gege Akutami | Shueisha | Japan
Chainsaw Man | manga | Tatsuki Fujimoto | Shueisha | Japan
My Hero Academia | manga | Kōhei Horikoshi | Shueisha | Japan
Hunter × Hunter | manga | Yoshihiro Togashi | Shueisha | Japan
Berserk | manga | Kentaro Miura | Hakusensha | Japan
The Amazing Spider-Man | comic | - | Marvel Comics | United States
X-Men | comic | - | Marvel Comics | United States
Fantastic Four | comic | - | Marvel Comics | United States
Action Comics | comic | - | DC Comics | United States
Detective Comics | comic | - | DC Comics | United States
The New York Times | newspaper | - | The New York Times Company | United States
The Wall Street Journal | newspaper | - | Dow Jones & Company | United States
The Economist | magazine | - | The Economist Group | United Kingdom
The New Yorker | magazine | - | Condé Nast | United States
Vanity Fair | magazine | - | Condé Nast | United States
Wired | magazine | - | Condé Nast | United States
GQ | magazine | - | Condé Nast | United States
Playboy | magazine | - | - | United States
National Geographic | magazine | - | - | United States
Rolling Stone | magazine | - | - | United States
Le Monde | newspaper | - | - | France
The Guardian | newspaper | - | - | United Kingdom
The Times | newspaper | - | - | United Kingdom
Der Spiegel | magazine | - | - | Germany
"""

# --------------------------------------------------------------------------- film and television
# film | director | country of origin ('-' for international co-productions)
FILMS = """
Jaws | Steven Spielberg | United States
E.T. the Extra-Terrestrial | Steven Spielberg | United States
Jurassic Park | Steven Spielberg | United States
Schindler's List | Steven Spielberg | United States
Saving Private Ryan | Steven Spielberg | United States
Raiders of the Lost Ark | Steven Spielberg | United States
Indiana Jones and the Temple of Doom | Steven Spielberg | United States
Indiana Jones and the Last Crusade | Steven Spielberg | United States
Close Encounters of the Third Kind | Steven Spielberg | United States
Catch Me If You Can | Steven Spielberg | United States
Minority Report | Steven Spielberg | United States
Bridge of Spies | Steven Spielberg | -
The Fabelmans | Steven Spielberg | United States
Taxi Driver | Martin Scorsese | United States
Raging Bull | Martin Scorsese | United States
Goodfellas | Martin Scorsese | United States
The Departed | Martin Scorsese | United States
The Wolf of Wall Street | Martin Scorsese | United States
The Irishman | Martin Scorsese | United States
Gangs of New York | Martin Scorsese | United States
The Aviator | Martin Scorsese | United States
Mean Streets | Martin Scorsese | United States
The King of Comedy | Martin Scorsese | United States
Killers of the Flower Moon | Martin Scorsese | United States
The Godfather | Francis Ford Coppola | United States
The Godfather Part II | Francis Ford Coppola | United States
The Godfather Part III | Francis Ford Coppola | United States
Apocalypse Now | Francis Ford Coppola | United States
The Conversation | Francis Ford Coppola | United States
2001: A Space Odyssey | Stanley Kubrick | -
A Clockwork Orange | Stanley Kubrick | -
Dr. Strangelove | Stanley Kubrick | -
Full Metal Jacket | Stanley Kubrick | -
Barry Lyndon | Stanley Kubrick | -
Eyes Wide Shut | Stanley Kubrick | -
Paths of Glory | Stanley Kubrick | United States
Psycho | Alfred Hitchcock | United States
Vertigo | Alfred Hitchcock | United States
Rear Window | Alfred Hitchcock | United States
The Birds | Alfred Hitchcock | United States
North by Northwest | Alfred Hitchcock | United States
Dial M for Murder | Alfred Hitchcock | United States
Pulp Fiction | Quentin Tarantino | United States
Reservoir Dogs | Quentin Tarantino | United States
Kill Bill: Volume 1 | Quentin Tarantino | United States
Kill Bill: Volume 2 | Quentin Tarantino | United States
Inglourious Basterds | Quentin Tarantino | -
Django Unchained | Quentin Tarantino | United States
Once Upon a Time in Hollywood | Quentin Tarantino | -
The Hateful Eight | Quentin Tarantino | United States
Jackie Brown | Quentin Tarantino | United States
Death Proof | Quentin Tarantino | United States
Inception | Christopher Nolan | -
Interstellar | Christopher Nolan | -
The Dark Knight | Christopher Nolan | -
Batman Begins | Christopher Nolan | -
The Dark Knight Rises | Christopher Nolan | -
Memento | Christopher Nolan | United States
Dunkirk | Christopher Nolan | -
Tenet | Christopher Nolan | -
Oppenheimer | Christopher Nolan | -
Titanic | James Cameron | United States
Avatar | James Cameron | United States
The Terminator | James Cameron | United States
Terminator 2: Judgment Day | James Cameron | United States
Aliens | James Cameron | -
The Abyss | James Cameron | United States
True Lies | James Cameron | United States
Avatar: The Way of Water | James Cameron | United States
Star Wars | George Lucas | United States
American Graffiti | George Lucas | United States
THX 1138 | George Lucas | United States
Star Wars: Episode I – The Phantom Menace | George Lucas | United States
Star Wars: Episode II – Attack of the Clones | George Lucas | United States
Star Wars: Episode III – Revenge of the Sith | George Lucas | United States
The Empire Strikes Back | Irvin Kershner | United States
Return of the Jedi | Richard Marquand | United States
Star Wars: The Force Awakens | J. J. Abrams | United States
Star Wars: The Last Jedi | Rian Johnson | United States
Star Wars: The Rise of Skywalker | J. J. Abrams | United States
Rogue One | Gareth Edwards | United States
Super 8 | J. J. Abrams | United States
Knives Out | Rian Johnson | United States
Looper | Rian Johnson | -
Alien | Ridley Scott | -
Blade Runner | Ridley Scott | United States
Gladiator | Ridley Scott | -
Thelma & Louise | Ridley Scott | United States
Black Hawk Down | Ridley Scott | United States
Kingdom of Heaven | Ridley Scott | -
American Gangster | Ridley Scott | United States
Top Gun | Tony Scott | United States
Beverly Hills Cop | Martin Brest | United States
Edward Scissorhands | Tim Burton | United States
Beetlejuice | Tim Burton | United States
Corpse Bride | Tim Burton | -
Big Fish | Tim Burton | United States
Mars Attacks! | Tim Burton | United States
The Nightmare Before Christmas | Henry Selick | United States
Coraline | Henry Selick | United States
Fight Club | David Fincher | United States
Se7en | David Fincher | United States
The Social Network | David Fincher | United States
Gone Girl | David Fincher | United States
The Curious Case of Benjamin Button | David Fincher | United States
Panic Room | David Fincher | United States
Annie Hall | Woody Allen | United States
Midnight in Paris | Woody Allen | -
Match Point | Woody Allen | -
Hannah and Her Sisters | Woody Allen | United States
Vicky Cristina Barcelona | Woody Allen | -
Blue Jasmine | Woody Allen | United States
Do the Right Thing | Spike Lee | United States
BlacKkKlansman | Spike Lee | United States
Inside Man | Spike Lee | United States
Citizen Kane | Orson Welles | United States
Touch of Evil | Orson Welles | United States
Some Like It Hot | Billy Wilder | United States
Sunset Boulevard | Billy Wilder | United States
The Apartment | Billy Wilder | United States
The Great Dictator | Charlie Chaplin | United States
Modern Times | Charlie Chaplin | United States
City Lights | Charlie Chaplin | United States
The Gold Rush | Charlie Chaplin | United States
The Lord of the Rings: The Fellowship of the Ring | Peter Jackson | -
The Lord of the Rings: The Two Towers | Peter Jackson | -
The Lord of the Rings: The Return of the King | Peter Jackson | -
The Hobbit: An Unexpected Journey | Peter Jackson | -
Heavenly Creatures | Peter Jackson | New Zealand
The Piano | Jane Campion | -
The Power of the Dog | Jane Campion | -
Moulin Rouge! | Baz Luhrmann | -
Romeo + Juliet | Baz Luhrmann | United States
Pan's Labyrinth | Guillermo del Toro | -
The Shape of Water | Guillermo del Toro | United States
Pacific Rim | Guillermo del Toro | United States
Crimson Peak | Guillermo del Toro | -
Guillermo del Toro's Pinocchio | Guillermo del Toro | -
Gravity | Alfonso Cuarón | -
Roma | Alfonso Cuarón | Mexico
Children of Men | Alfonso Cuarón | -
Y tu mamá también | Alfonso Cuarón | Mexico
Birdman | Alejandro González Iñárritu | United States
The Revenant | Alejandro González Iñárritu | United States
Amores perros | Alejandro González Iñárritu | Mexico
21 Grams | Alejandro González Iñárritu | United States
All About My Mother | Pedro Almodóvar | -
Talk to Her | Pedro Almodóvar | Spain
Volver | Pedro Almodóvar | Spain
Pain and Glory | Pedro Almodóvar | Spain
La Dolce Vita | Federico Fellini | -
8½ | Federico Fellini | -
La Strada | Federico Fellini | Italy
Amarcord | Federico Fellini | -
Nights of Cabiria | Federico Fellini | -
The Good, the Bad and the Ugly | Sergio Leone | -
Once Upon a Time in the West | Sergio Leone | -
A Fistful of Dollars | Sergio Leone | -
For a Few Dollars More | Sergio Leone | -
Once Upon a Time in America | Sergio Leone | -
Life Is Beautiful | Roberto Benigni | Italy
Cinema Paradiso | Giuseppe Tornatore | -
The Last Emperor | Bernardo Bertolucci | -
Last Tango in Paris | Bernardo Bertolucci | -
Call Me by Your Name | Luca Guadagnino | -
Challengers | Luca Guadagnino | United States
The Great Beauty | Paolo Sorrentino | -
Léon: The Professional | Luc Besson | France
The Fifth Element | Luc Besson | France
Nikita | Luc Besson | -
Amélie | Jean-Pierre Jeunet | -
Delicatessen | Jean-Pierre Jeunet | France
The 400 Blows | François Truffaut | France
Jules and Jim | François Truffaut | France
Breathless | Jean-Luc Godard | France
Seven Samurai | Akira Kurosawa | Japan
Rashomon | Akira Kurosawa | Japan
Ran | Akira Kurosawa | -
Yojimbo | Akira Kurosawa | Japan
Ikiru | Akira Kurosawa | Japan
Throne of Blood | Akira Kurosawa | Japan
Kagemusha | Akira Kurosawa | Japan
The Hidden Fortress | Akira Kurosawa | Japan
Spirited Away | Hayao Miyazaki | Japan
My Neighbor Totoro | Hayao Miyazaki | Japan
Princess Mononoke | Hayao Miyazaki | Japan
Howl's Moving Castle | Hayao Miyazaki | Japan
Kiki's Delivery Service | Hayao Miyazaki | Japan
Nausicaä of the Valley of the Wind | Hayao Miyazaki | Japan
Castle in the Sky | Hayao Miyazaki | Japan
Porco Rosso | Hayao Miyazaki | Japan
Ponyo | Hayao Miyazaki | Japan
The Wind Rises | Hayao Miyazaki | Japan
The Boy and the Heron | Hayao Miyazaki | Japan
Grave of the Fireflies | Isao Takahata | Japan
The Tale of the Princess Kaguya | Isao Takahata | Japan
Your Name | Makoto Shinkai | Japan
Weathering with You | Makoto Shinkai | Japan
Suzume | Makoto Shinkai | Japan
Tokyo Story | Yasujirō Ozu | Japan
Godzilla | Ishirō Honda | Japan
Akira | Katsuhiro Otomo | Japan
Ghost in the Shell | Mamoru Oshii | -
Perfect Blue | Satoshi Kon | Japan
Paprika | Satoshi Kon | Japan
Shoplifters | Hirokazu Kore-eda | Japan
Like Father, Like Son | Hirokazu Kore-eda | Japan
Parasite | Bong Joon-ho | South Korea
Memories of Murder | Bong Joon-ho | South Korea
Snowpiercer | Bong Joon-ho | -
Okja | Bong Joon-ho | -
Oldboy | Park Chan-wook | South Korea
The Handmaiden | Park Chan-wook | South Korea
Decision to Leave | Park Chan-wook | South Korea
Crouching Tiger, Hidden Dragon | Ang Lee | -
Brokeback Mountain | Ang Lee | United States
In the Mood for Love | Wong Kar-wai | -
Chungking Express | Wong Kar-wai | -
Raise the Red Lantern | Zhang Yimou | -
House of Flying Daggers | Zhang Yimou | -
Red Sorghum | Zhang Yimou | China
Nomadland | Chloé Zhao | United States
Pather Panchali | Satyajit Ray | India
RRR | S. S. Rajamouli | India
Baahubali: The Beginning | S. S. Rajamouli | India
Dilwale Dulhania Le Jayenge | Aditya Chopra | India
3 Idiots | Rajkumar Hirani | India
PK | Rajkumar Hirani | India
Lagaan | Ashutosh Gowariker | India
Kuch Kuch Hota Hai | Karan Johar | India
Mughal-e-Azam | K. Asif | India
Sholay | Ramesh Sippy | India
The Seventh Seal | Ingmar Bergman | Sweden
Wild Strawberries | Ingmar Bergman | Sweden
Fanny and Alexander | Ingmar Bergman | -
Cries and Whispers | Ingmar Bergman | Sweden
Dancer in the Dark | Lars von Trier | -
Melancholia | Lars von Trier | -
Breaking the Waves | Lars von Trier | -
Battleship Potemkin | Sergei Eisenstein | -
Metropolis | Fritz Lang | Germany
Aguirre, the Wrath of God | Werner Herzog | -
Fitzcarraldo | Werner Herzog | -
Wings of Desire | Wim Wenders | -
Paris, Texas | Wim Wenders | -
The Lives of Others | Florian Henckel von Donnersmarck | Germany
Run Lola Run | Tom Tykwer | Germany
Das Boot | Wolfgang Petersen | -
Troy | Wolfgang Petersen | -
Air Force One | Wolfgang Petersen | United States
Independence Day | Roland Emmerich | United States
The Day After Tomorrow | Roland Emmerich | United States
2012 | Roland Emmerich | -
Amour | Michael Haneke | -
The White Ribbon | Michael Haneke | -
Funny Games | Michael Haneke | -
Chinatown | Roman Polanski | United States
Rosemary's Baby | Roman Polanski | United States
The Pianist | Roman Polanski | -
Three Colours: Blue | Krzysztof Kieślowski | -
Three Colours: Red | Krzysztof Kieślowski | -
Blade Runner 2049 | Denis Villeneuve | -
Sicario | Denis Villeneuve | United States
Prisoners | Denis Villeneuve | United States
Incendies | Denis Villeneuve | -
Dune: Part Two | Denis Villeneuve | United States
The Fly | David Cronenberg | -
Videodrome | David Cronenberg | -
A History of Violence | David Cronenberg | -
Eastern Promises | David Cronenberg | -
Juno | Jason Reitman | -
Up in the Air | Jason Reitman | United States
Thank You for Smoking | Jason Reitman | United States
Ghostbusters | Ivan Reitman | United States
A Separation | Asghar Farhadi | Iran
Taste of Cherry | Abbas Kiarostami | Iran
Children of Heaven | Majid Majidi | Iran
City of God | Fernando Meirelles | -
Central Station | Walter Salles | -
The Secret in Their Eyes | Juan José Campanella | -
Back to the Future | Robert Zemeckis | United States
Forrest Gump | Robert Zemeckis | United States
Who Framed Roger Rabbit | Robert Zemeckis | United States
Cast Away | Robert Zemeckis | United States
Unforgiven | Clint Eastwood | United States
Million Dollar Baby | Clint Eastwood | United States
Gran Torino | Clint Eastwood | United States
American Sniper | Clint Eastwood | United States
Mystic River | Clint Eastwood | United States
Letters from Iwo Jima | Clint Eastwood | United States
Lady Bird | Greta Gerwig | United States
Barbie | Greta Gerwig | United States
Get Out | Jordan Peele | United States
Us | Jordan Peele | United States
Nope | Jordan Peele | United States
The Grand Budapest Hotel | Wes Anderson | -
Moonrise Kingdom | Wes Anderson | United States
The Royal Tenenbaums | Wes Anderson | United States
Rushmore | Wes Anderson | United States
Isle of Dogs | Wes Anderson | -
Asteroid City | Wes Anderson | United States
The French Dispatch | Wes Anderson | United States
American Beauty | Sam Mendes | United States
1917 | Sam Mendes | -
Skyfall | Sam Mendes | -
Road to Perdition | Sam Mendes | United States
Revolutionary Road | Sam Mendes | -
Trainspotting | Danny Boyle | United Kingdom
Slumdog Millionaire | Danny Boyle | United Kingdom
28 Days Later | Danny Boyle | United Kingdom
127 Hours | Danny Boyle | -
Snatch | Guy Ritchie | -
Lock, Stock and Two Smoking Barrels | Guy Ritchie | United Kingdom
Promising Young Woman | Emerald Fennell | -
Saltburn | Emerald Fennell | -
Armageddon | Michael Bay | United States
Bad Boys | Michael Bay | United States
Iron Man | Jon Favreau | United States
Elf | Jon Favreau | United States
Chef | Jon Favreau | United States
Guardians of the Galaxy | James Gunn | United States
The Suicide Squad | James Gunn | United States
Black Panther | Ryan Coogler | United States
Creed | Ryan Coogler | United States
Fruitvale Station | Ryan Coogler | United States
La La Land | Damien Chazelle | United States
Whiplash | Damien Chazelle | United States
First Man | Damien Chazelle | United States
300 | Zack Snyder | United States
Man of Steel | Zack Snyder | -
There Will Be Blood | Paul Thomas Anderson | United States
Boogie Nights | Paul Thomas Anderson | United States
Magnolia | Paul Thomas Anderson | United States
Phantom Thread | Paul Thomas Anderson | -
The Master | Paul Thomas Anderson | United States
Licorice Pizza | Paul Thomas Anderson | United States
Punch-Drunk Love | Paul Thomas Anderson | United States
Platoon | Oliver Stone | United States
Wall Street | Oliver Stone | United States
Born on the Fourth of July | Oliver Stone | United States
Natural Born Killers | Oliver Stone | United States
Scarface | Brian De Palma | United States
The Untouchables | Brian De Palma | United States
Mission: Impossible | Brian De Palma | United States
A Nightmare on Elm Street | Wes Craven | United States
Scream | Wes Craven | United States
The Breakfast Club | John Hughes | United States
Ferris Bueller's Day Off | John Hughes | United States
Sixteen Candles | John Hughes | United States
Weird Science | John Hughes | United States
The Princess Bride | Rob Reiner | United States
When Harry Met Sally... | Rob Reiner | United States
A Few Good Men | Rob Reiner | United States
This Is Spinal Tap | Rob Reiner | United States
Misery | Rob Reiner | United States
The Shawshank Redemption | Frank Darabont | United States
The Green Mile | Frank Darabont | United States
The Graduate | Mike Nichols | United States
One Flew Over the Cuckoo's Nest | Miloš Forman | United States
Amadeus | Miloš Forman | United States
It's a Wonderful Life | Frank Capra | United States
It Happened One Night | Frank Capra | United States
Mr. Smith Goes to Washington | Frank Capra | United States
The Wizard of Oz | Victor Fleming | United States
Casablanca | Michael Curtiz | United States
Lawrence of Arabia | David Lean | United Kingdom
The Bridge on the River Kwai | David Lean | -
Brief Encounter | David Lean | United Kingdom
The Third Man | Carol Reed | United Kingdom
Oliver! | Carol Reed | United Kingdom
Ocean's Eleven | Steven Soderbergh | United States
Contagion | Steven Soderbergh | United States
Black Swan | Darren Aronofsky | United States
Requiem for a Dream | Darren Aronofsky | United States
The Wrestler | Darren Aronofsky | United States
The Whale | Darren Aronofsky | United States
Her | Spike Jonze | United States
Being John Malkovich | Spike Jonze | United States
Lost in Translation | Sofia Coppola | -
Groundhog Day | Harold Ramis | United States
Caddyshack | Harold Ramis | United States
A League of Their Own | Penny Marshall | United States
Sleepless in Seattle | Nora Ephron | United States
You've Got Mail | Nora Ephron | United States
Hereditary | Ari Aster | United States
Midsommar | Ari Aster | -
The Witch | Robert Eggers | -
The Lighthouse | Robert Eggers | -
The Northman | Robert Eggers | United States
Logan | James Mangold | United States
Walk the Line | James Mangold | United States
Ford v Ferrari | James Mangold | United States
Joker | Todd Phillips | United States
The Hangover | Todd Phillips | United States
Wonder Woman | Patty Jenkins | United States
Home Alone | Chris Columbus | United States
Mrs. Doubtfire | Chris Columbus | United States
Apollo 13 | Ron Howard | United States
A Beautiful Mind | Ron Howard | United States
Cinderella Man | Ron Howard | United States
Splash | Ron Howard | United States
The Goonies | Richard Donner | United States
Lethal Weapon | Richard Donner | United States
The Evil Dead | Sam Raimi | United States
Spider-Man | Sam Raimi | United States
Toy Story | John Lasseter | United States
Toy Story 2 | John Lasseter | United States
A Bug's Life | John Lasseter | United States
Cars | John Lasseter | United States
Monsters, Inc. | Pete Docter | United States
Up | Pete Docter | United States
Inside Out | Pete Docter | United States
Soul | Pete Docter | United States
Finding Nemo | Andrew Stanton | United States
WALL-E | Andrew Stanton | United States
The Incredibles | Brad Bird | United States
Ratatouille | Brad Bird | United States
The Iron Giant | Brad Bird | United States
Incredibles 2 | Brad Bird | United States
Toy Story 3 | Lee Unkrich | United States
Coco | Lee Unkrich | United States
Jojo Rabbit | Taika Waititi | -
Thor: Ragnarok | Taika Waititi | United States
The Silence of the Lambs | Jonathan Demme | United States
The Hurt Locker | Kathryn Bigelow | United States
Zero Dark Thirty | Kathryn Bigelow | United States
Point Break | Kathryn Bigelow | United States
The Tree of Life | Terrence Malick | United States
Days of Heaven | Terrence Malick | United States
Badlands | Terrence Malick | United States
The Thin Red Line | Terrence Malick | United States
Pirates of the Caribbean: The Curse of the Black Pearl | Gore Verbinski | United States
Rango | Gore Verbinski | United States
Braveheart | Mel Gibson | United States
The Passion of the Christ | Mel Gibson | United States
Apocalypto | Mel Gibson | United States
Hacksaw Ridge | Mel Gibson | -
Dances with Wolves | Kevin Costner | United States
Saw | James Wan | United States
The Conjuring | James Wan | United States
Insidious | James Wan | United States
Aquaman | James Wan | United States
The Sixth Sense | M. Night Shyamalan | United States
Unbreakable | M. Night Shyamalan | United States
Signs | M. Night Shyamalan | United States
Split | M. Night Shyamalan | United States
Boyhood | Richard Linklater | United States
Before Sunrise | Richard Linklater | -
Dazed and Confused | Richard Linklater | United States
Manchester by the Sea | Kenneth Lonergan | United States
Halloween | John Carpenter | United States
The Thing | John Carpenter | United States
The Great Escape | John Sturges | United States
The Pink Panther | Blake Edwards | United States
Mad Max | George Miller | Australia
Crocodile Dundee | Peter Faiman | Australia
Rocky | John G. Avildsen | United States
The Karate Kid | John G. Avildsen | United States
Chariots of Fire | Hugh Hudson | United Kingdom
Good Will Hunting | Gus Van Sant | United States
"""

# series | country of origin
TV_SERIES = """
Friends | United States
Seinfeld | United States
The Simpsons | United States
Breaking Bad | United States
Better Call Saul | United States
The Sopranos | United States
The Wire | United States
Mad Men | United States
Game of Thrones | United States
Stranger Things | United States
The Big Bang Theory | United States
How I Met Your Mother | United States
Grey's Anatomy | United States
Lost | United States
The Walking Dead | United States
Family Guy | United States
South Park | United States
Rick and Morty | United States
The Flintstones | United States
Happy Days | United States
Twin Peaks | United States
The X-Files | United States
Star Trek: The Original Series | United States
M*A*S*H | United States
Cheers | United States
Frasier | United States
Succession | United States
Sesame Street | United States
SpongeBob SquarePants | United States
Avatar: The Last Airbender | United States
Doctor Who | United Kingdom
Sherlock | United Kingdom
Downton Abbey | United Kingdom
Peaky Blinders | United Kingdom
Fawlty Towers | United Kingdom
Mr. Bean | United Kingdom
Monty Python's Flying Circus | United Kingdom
Blackadder | United Kingdom
Top Gear | United Kingdom
Fleabag | United Kingdom
Teletubbies | United Kingdom
Peppa Pig | United Kingdom
Squid Game | South Korea
Money Heist | Spain
Dark | Germany
Babylon Berlin | Germany
Lupin | France
Borgen | Denmark
Neon Genesis Evangelion | Japan
Cowboy Bebop | Japan
Bluey | Australia
Neighbours | Australia
Home and Away | Australia
Schitt's Creek | Canada
Trailer Park Boys | Canada
Yo soy Betty, la fea | Colombia
El Chavo del Ocho | Mexico
"""

# --------------------------------------------------------------------------- software and games
# title | type | developer | publisher | country of origin
SOFTWARE = """
Microsoft Windows | operating system | Microsoft | - | United States
Microsoft Office | software | Microsoft | - | -
Microsoft Word | software | Microsoft | - | -
Microsoft Excel | software | Microsoft | - | -
Microsoft PowerPoint | software | Microsoft | - | -
Microsoft Teams | software | Microsoft | - | -
Internet Explorer | web browser | Microsoft | - | -
Microsoft Edge | web browser | Microsoft | - | -
Visual Studio Code | software | Microsoft | - | -
C# | programming language | Microsoft | - | -
TypeScript | programming language | Microsoft | - | -
Cortana | virtual assistant | Microsoft | - | -
macOS | operating system | Apple | - | -
iOS | operating system | Apple | - | -
Safari | web browser | Apple | - | -
iTunes | software | Apple | - | -
Final Cut Pro | software | Apple | - | -
Swift | programming language | Apple | - | -
Siri | virtual assistant | Apple | - | -
iPhone | smartphone | Apple | - | -
iPad | tablet computer | Apple | - | -
Google Chrome | web browser | Google | - | -
Android | operating system | Google | - | -
Gmail | online service | Google | - | -
Google Maps | online service | Google | - | -
Amazon Alexa | virtual assistant | Amazon | - | -
Kindle | e-reader | Amazon | - | -
ChatGPT | chatbot | OpenAI | - | -
TikTok | online service | ByteDance | - | -
WeChat | online service | Tencent | - | -
Snapchat | online service | Snap Inc. | - | -
Firefox | web browser | Mozilla | - | -
Thunderbird | software | Mozilla | - | -
Adobe Photoshop | software | Adobe | - | -
Adobe Illustrator | software | Adobe | - | -
Adobe Acrobat | software | Adobe | - | -
AutoCAD | software | Autodesk | - | -
MATLAB | software | MathWorks | - | -
Mathematica | software | Wolfram Research | - | -
Blender | software | Blender Foundation | - | -
Kotlin | programming language | JetBrains | - | -
Linux | operating system | Linus Torvalds | - | -
Git | software | Linus Torvalds | - | -
C++ | programming language | Bjarne Stroustrup | - | -
Ruby | programming language | Yukihiro Matsumoto | - | -
Perl | programming language | Larry Wall | - | -
PHP | programming language | Rasmus Lerdorf | - | -
Nintendo Switch | video game console | Nintendo | - | Japan
Wii | video game console | Nintendo | - | Japan
Game Boy | video game console | Nintendo | - | Japan
Super Mario Bros. | video game | Nintendo | Nintendo | Japan
The Legend of Zelda | video game | Nintendo | Nintendo | Japan
Donkey Kong | video game | Nintendo | Nintendo | Japan
Animal Crossing | video game | Nintendo | Nintendo | Japan
Mario Kart 8 | video game | Nintendo | Nintendo | Japan
Splatoon | video game | Nintendo | Nintendo | Japan
Wii Sports | video game | Nintendo | Nintendo | Japan
Super Smash Bros. | video game | HAL Laboratory | Nintendo | Japan
Pokémon Red and Blue | video game | Game Freak | Nintendo | Japan
Pac-Man | video game | Namco | - | Japan
Galaga | video game | Namco | - | Japan
Tekken | video game | Namco | - | Japan
Space Invaders | video game | Taito | - | Japan
Street Fighter II | video game | Capcom | Capcom | Japan
Resident Evil | video game | Capcom | Capcom | Japan
Mega Man | video game | Capcom | Capcom | Japan
Metal Gear Solid | video game | Konami | Konami | Japan
Silent Hill | video game | Konami | Konami | Japan
Final Fantasy VII | video game | Square | - | Japan
Sonic the Hedgehog | video game | Sonic Team | Sega | Japan
Dark Souls | video game | FromSoftware | - | Japan
Elden Ring | video game | FromSoftware | - | Japan
Gran Turismo | video game | Polyphony Digital | Sony Interactive Entertainment | Japan
Minecraft | video game | Mojang Studios | - | Sweden
Fortnite | video game | Epic Games | Epic Games | United States
Tetris | video game | Alexey Pajitnov | - | -
Grand Theft Auto V | video game | Rockstar North | Rockstar Games | United Kingdom
Red Dead Redemption 2 | video game | Rockstar Games | Rockstar Games | United States
The Witcher 3: Wild Hunt | video game | CD Projekt | CD Projekt | Poland
Cyberpunk 2077 | video game | CD Projekt | CD Projekt | Poland
Half-Life | video game | Valve | - | United States
Portal | video game | Valve | - | United States
Dota 2 | video game | Valve | Valve | United States
World of Warcraft | video game | Blizzard Entertainment | Blizzard Entertainment | United States
StarCraft | video game | Blizzard Entertainment | Blizzard Entertainment | United States
Overwatch | video game | Blizzard Entertainment | Blizzard Entertainment | United States
League of Legends | video game | Riot Games | Riot Games | United States
Valorant | video game | Riot Games | Riot Games | United States
The Sims | video game | Maxis | Electronic Arts | United States
SimCity | video game | Maxis | - | United States
Halo: Combat Evolved | video game | Bungie | - | United States
Destiny | video game | Bungie | - | United States
Doom | video game | id Software | - | United States
Quake | video game | id Software | - | United States
Wolfenstein 3D | video game | id Software | - | United States
Uncharted: Drake's Fortune | video game | Naughty Dog | Sony Interactive Entertainment | United States
The Last of Us | video game | Naughty Dog | Sony Interactive Entertainment | United States
Crash Bandicoot | video game | Naughty Dog | Sony Interactive Entertainment | United States
God of War | video game | Santa Monica Studio | Sony Interactive Entertainment | United States
Tomb Raider | video game | Core Design | - | United Kingdom
The Elder Scrolls V: Skyrim | video game | Bethesda Game Studios | Bethesda Softworks | United States
Fallout 3 | video game | Bethesda Game Studios | Bethesda Softworks | United States
Mass Effect | video game | BioWare | - | Canada
Call of Duty | video game | Infinity Ward | Activision | United States
Battlefield 1942 | video game | DICE | Electronic Arts | Sweden
Crysis | video game | Crytek | Electronic Arts | Germany
Far Cry | video game | Crytek | Ubisoft | Germany
Assassin's Creed | video game | Ubisoft Montreal | Ubisoft | Canada
Rocket League | video game | Psyonix | - | United States
Fall Guys | video game | Mediatonic | - | United Kingdom
Among Us | video game | Innersloth | Innersloth | United States
Angry Birds | video game | Rovio Entertainment | Rovio Entertainment | Finland
Clash of Clans | video game | Supercell | Supercell | Finland
Candy Crush Saga | video game | King | King | -
Genshin Impact | video game | miHoYo | miHoYo | China
Pokémon Go | video game | Niantic | - | United States
Roblox | video game | Roblox Corporation | Roblox Corporation | United States
Stardew Valley | video game | Eric Barone | - | United States
Undertale | video game | Toby Fox | Toby Fox | United States
Hollow Knight | video game | Team Cherry | Team Cherry | Australia
Cuphead | video game | Studio MDHR | Studio MDHR | Canada
GoldenEye 007 | video game | Rare | Nintendo | United Kingdom
Donkey Kong Country | video game | Rare | Nintendo | United Kingdom
"""

# --------------------------------------------------------------------------- compositions
# work | type | composer (songs: the sole songwriter)
COMPOSITIONS = """
The Magic Flute | opera | Wolfgang Amadeus Mozart
The Marriage of Figaro | opera | Wolfgang Amadeus Mozart
Don Giovanni | opera | Wolfgang Amadeus Mozart
Così fan tutte | opera | Wolfgang Amadeus Mozart
Eine kleine Nachtmusik | musical work | Wolfgang Amadeus Mozart
Rondo alla Turca | musical work | Wolfgang Amadeus Mozart
Für Elise | musical work | Ludwig van Beethoven
Moonlight Sonata | musical work | Ludwig van Beethoven
Ode to Joy | musical work | Ludwig van Beethoven
Fidelio | opera | Ludwig van Beethoven
Brandenburg Concertos | musical work | Johann Sebastian Bach
Toccata and Fugue in D minor | musical work | Johann Sebastian Bach
The Well-Tempered Clavier | musical work | Johann Sebastian Bach
Mass in B minor | musical work | Johann Sebastian Bach
St Matthew Passion | musical work | Johann Sebastian Bach
Goldberg Variations | musical work | Johann Sebastian Bach
Air on the G String | musical work | Johann Sebastian Bach
Messiah | musical work | George Frideric Handel
Water Music | musical work | George Frideric Handel
Music for the Royal Fireworks | musical work | George Frideric Handel
Zadok the Priest | musical work | George Frideric Handel
The Four Seasons | musical work | Antonio Vivaldi
Swan Lake | ballet | Pyotr Ilyich Tchaikovsky
The Nutcracker | ballet | Pyotr Ilyich Tchaikovsky
The Sleeping Beauty | ballet | Pyotr Ilyich Tchaikovsky
1812 Overture | musical work | Pyotr Ilyich Tchaikovsky
Minute Waltz | musical work | Frédéric Chopin
Revolutionary Étude | musical work | Frédéric Chopin
Unfinished Symphony | musical work | Franz Schubert
Trout Quintet | musical work | Franz Schubert
The Blue Danube | musical work | Johann Strauss II
Die Fledermaus | opera | Johann Strauss II
Tales from the Vienna Woods | musical work | Johann Strauss II
Radetzky March | musical work | Johann Strauss I
Ride of the Valkyries | musical work | Richard Wagner
The Ring of the Nibelung | opera | Richard Wagner
Tristan und Isolde | opera | Richard Wagner
Lohengrin | opera | Richard Wagner
Tannhäuser | opera | Richard Wagner
Parsifal | opera | Richard Wagner
The Flying Dutchman | opera | Richard Wagner
La traviata | opera | Giuseppe Verdi
Aida | opera | Giuseppe Verdi
Rigoletto | opera | Giuseppe Verdi
Nabucco | opera | Giuseppe Verdi
Otello | opera | Giuseppe Verdi
Il trovatore | opera | Giuseppe Verdi
La bohème | opera | Giacomo Puccini
Tosca | opera | Giacomo Puccini
Madama Butterfly | opera | Giacomo Puccini
Turandot | opera | Giacomo Puccini
Nessun dorma | aria | Giacomo Puccini
O mio babbino caro | aria | Giacomo Puccini
The Barber of Seville | opera | Gioachino Rossini
William Tell Overture | musical work | Gioachino Rossini
Carmen | opera | Georges Bizet
Clair de lune | musical work | Claude Debussy
Prelude to the Afternoon of a Faun | musical work | Claude Debussy
La mer | musical work | Claude Debussy
Boléro | musical work | Maurice Ravel
Pavane for a Dead Princess | musical work | Maurice Ravel
Gymnopédies | musical work | Erik Satie
The Carnival of the Animals | musical work | Camille Saint-Saëns
Danse macabre | musical work | Camille Saint-Saëns
Symphonie fantastique | musical work | Hector Berlioz
Orpheus in the Underworld | opera | Jacques Offenbach
The Rite of Spring | ballet | Igor Stravinsky
The Firebird | ballet | Igor Stravinsky
Petrushka | ballet | Igor Stravinsky
Peter and the Wolf | musical work | Sergei Prokofiev
Dance of the Knights | musical work | Sergei Prokofiev
Rhapsody on a Theme of Paganini | musical work | Sergei Rachmaninoff
Pictures at an Exhibition | musical work | Modest Mussorgsky
Night on Bald Mountain | musical work | Modest Mussorgsky
Flight of the Bumblebee | musical work | Nikolai Rimsky-Korsakov
Scheherazade | musical work | Nikolai Rimsky-Korsakov
The Planets | musical work | Gustav Holst
Pomp and Circumstance Marches | musical work | Edward Elgar
Enigma Variations | musical work | Edward Elgar
In the Hall of the Mountain King | musical work | Edvard Grieg
Morning Mood | musical work | Edvard Grieg
Finlandia | musical work | Jean Sibelius
New World Symphony | musical work | Antonín Dvořák
Vltava | musical work | Bedřich Smetana
Liebestraum | musical work | Franz Liszt
Hungarian Rhapsody No. 2 | musical work | Franz Liszt
Hungarian Dances | musical work | Johannes Brahms
Canon in D | musical work | Johann Pachelbel
Carmina Burana | musical work | Carl Orff
Cavalleria rusticana | opera | Pietro Mascagni
Pagliacci | opera | Ruggero Leoncavallo
Also sprach Zarathustra | musical work | Richard Strauss
Rhapsody in Blue | musical work | George Gershwin
An American in Paris | musical work | George Gershwin
Porgy and Bess | opera | George Gershwin
Summertime | aria | George Gershwin
West Side Story | musical | Leonard Bernstein
Cats | musical | Andrew Lloyd Webber
Evita | musical | Andrew Lloyd Webber
Jesus Christ Superstar | musical | Andrew Lloyd Webber
Joseph and the Amazing Technicolor Dreamcoat | musical | Andrew Lloyd Webber
The Sound of Music | musical | Richard Rodgers
Oklahoma! | musical | Richard Rodgers
Hamilton | musical | Lin-Manuel Miranda
In the Heights | musical | Lin-Manuel Miranda
Miss Saigon | musical | Claude-Michel Schönberg
Sweeney Todd: The Demon Barber of Fleet Street | musical | Stephen Sondheim
Into the Woods | musical | Stephen Sondheim
Rent | musical | Jonathan Larson
Take Five | song | Paul Desmond
Bohemian Rhapsody | song | Freddie Mercury
We Are the Champions | song | Freddie Mercury
Don't Stop Me Now | song | Freddie Mercury
Somebody to Love | song | Freddie Mercury
Killer Queen | song | Freddie Mercury
Crazy Little Thing Called Love | song | Freddie Mercury
Bicycle Race | song | Freddie Mercury
We Will Rock You | song | Brian May
Who Wants to Live Forever | song | Brian May
Fat Bottomed Girls | song | Brian May
Another One Bites the Dust | song | John Deacon
I Want to Break Free | song | John Deacon
Radio Ga Ga | song | Roger Taylor
Something | song | George Harrison
Here Comes the Sun | song | George Harrison
While My Guitar Gently Weeps | song | George Harrison
My Sweet Lord | song | George Harrison
Octopus's Garden | song | Ringo Starr
Hallelujah | song | Leonard Cohen
Blowin' in the Wind | song | Bob Dylan
Like a Rolling Stone | song | Bob Dylan
Knockin' on Heaven's Door | song | Bob Dylan
The Times They Are a-Changin' | song | Bob Dylan
All Along the Watchtower | song | Bob Dylan
Mr. Tambourine Man | song | Bob Dylan
My Heart Will Go On | song | James Horner
I Will Always Love You | song | Dolly Parton
Jolene | song | Dolly Parton
Respect | song | Otis Redding
Hurt | song | Trent Reznor
Nothing Compares 2 U | song | Prince
Girls Just Want to Have Fun | song | Robert Hazard
Tainted Love | song | Ed Cobb
Blue Suede Shoes | song | Carl Perkins
Proud Mary | song | John Fogerty
Bad Moon Rising | song | John Fogerty
Fortunate Son | song | John Fogerty
Wonderful Tonight | song | Eric Clapton
Purple Haze | song | Jimi Hendrix
Johnny B. Goode | song | Chuck Berry
Wonderwall | song | Noel Gallagher
Don't Look Back in Anger | song | Noel Gallagher
Champagne Supernova | song | Noel Gallagher
Live Forever | song | Noel Gallagher
Every Breath You Take | song | Sting
Roxanne | song | Sting
Message in a Bottle | song | Sting
Fields of Gold | song | Sting
Sultans of Swing | song | Mark Knopfler
Brothers in Arms | song | Mark Knopfler
Private Dancer | song | Mark Knopfler
Last Christmas | song | George Michael
Space Oddity | song | David Bowie
Life on Mars? | song | David Bowie
Starman | song | David Bowie
Sweet Caroline | song | Neil Diamond
I'm a Believer | song | Neil Diamond
Red Red Wine | song | Neil Diamond
Total Eclipse of the Heart | song | Jim Steinman
It's All Coming Back to Me Now | song | Jim Steinman
Love Story | song | Taylor Swift
Our Song | song | Taylor Swift
Enchanted | song | Taylor Swift
Back to December | song | Taylor Swift
Mean | song | Taylor Swift
Happy | song | Pharrell Williams
Come as You Are | song | Kurt Cobain
Lithium | song | Kurt Cobain
Heart-Shaped Box | song | Kurt Cobain
Over the Rainbow | song | Harold Arlen
White Christmas | song | Irving Berlin
Strange Fruit | song | Abel Meeropol
La Vie en rose | song | Louiguy
Non, je ne regrette rien | song | Charles Dumont
Con te partirò | song | Francesco Sartori
Nel blu, dipinto di blu | song | Domenico Modugno
"""

# country | national anthem | composer of its music ('-' when several or unknown)
ANTHEMS = """
United States | The Star-Spangled Banner | John Stafford Smith
United Kingdom | God Save the King | -
France | La Marseillaise | Claude Joseph Rouget de Lisle
Germany | Deutschlandlied | Joseph Haydn
Italy | Il Canto degli Italiani | Michele Novaro
Spain | Marcha Real | -
Japan | Kimigayo | -
China | March of the Volunteers | Nie Er
Russia | State Anthem of the Russian Federation | Alexander Alexandrov
India | Jana Gana Mana | Rabindranath Tagore
Bangladesh | Amar Shonar Bangla | Rabindranath Tagore
Canada | O Canada | Calixa Lavallée
Australia | Advance Australia Fair | Peter Dodds McCormick
Mexico | Mexican National Anthem | Jaime Nunó
Brazil | Brazilian National Anthem | Francisco Manuel da Silva
Argentina | Argentine National Anthem | Blas Parera
South Korea | Aegukga | Ahn Eak-tai
Pakistan | Qaumi Taranah | Ahmed Ghulamali Chagla
Israel | Hatikvah | -
Greece | Hymn to Liberty | Nikolaos Mantzaros
Netherlands | Wilhelmus | -
Belgium | La Brabançonne | -
Switzerland | Swiss Psalm | -
Austria | Land der Berge, Land am Strome | -
Poland | Poland Is Not Yet Lost | -
Ireland | Amhrán na bhFiann | -
South Africa | National Anthem of South Africa | -
Turkey | İstiklal Marşı | -
Portugal | A Portuguesa | -
Sweden | Du gamla, Du fria | -
Norway | Ja, vi elsker dette landet | -
Finland | Maamme | -
Ukraine | Shche ne vmerla Ukrainy | -
Philippines | Lupang Hinirang | -
Indonesia | Indonesia Raya | -
Vietnam | Tiến Quân Ca | -
Egypt | Bilady, Bilady, Bilady | -
Kenya | Ee Mungu Nguvu Yetu | -
Ghana | God Bless Our Homeland Ghana | -
Jamaica | Jamaica, Land We Love | -
Chile | National Anthem of Chile | -
Colombia | National Anthem of Colombia | -
Peru | National Anthem of Peru | -
Cuba | La Bayamesa | -
Czech Republic | Kde domov můj | -
Slovakia | Nad Tatrou sa blýska | -
Hungary | Himnusz | -
Romania | Deșteaptă-te, române! | -
Serbia | Bože pravde | -
Croatia | Lijepa naša domovino | -
Estonia | Mu isamaa, mu õnn ja rõõm | -
Latvia | Dievs, svētī Latviju! | -
Lithuania | Tautiška giesmė | -
Iceland | Lofsöngur | -
Singapore | Majulah Singapura | -
Malaysia | Negaraku | -
Sri Lanka | Sri Lanka Matha | -
Nepal | Sayaun Thunga Phulka | -
Thailand | Thai National Anthem | -
Saudi Arabia | National Anthem of Saudi Arabia | -
Iran | National Anthem of the Islamic Republic of Iran | -
Kazakhstan | Meniñ Qazaqstanım | -
"""

# country | central bank | headquarters location
CENTRAL_BANKS = """
United States | Federal Reserve | Washington, D.C.
United Kingdom | Bank of England | London
Japan | Bank of Japan | Tokyo
China | People's Bank of China | Beijing
India | Reserve Bank of India | Mumbai
Russia | Central Bank of Russia | Moscow
Canada | Bank of Canada | Ottawa
Australia | Reserve Bank of Australia | Sydney
Brazil | Central Bank of Brazil | Brasília
Switzerland | Swiss National Bank | -
Sweden | Sveriges Riksbank | Stockholm
Norway | Norges Bank | Oslo
Denmark | Danmarks Nationalbank | Copenhagen
South Korea | Bank of Korea | Seoul
Mexico | Bank of Mexico | Mexico City
Turkey | Central Bank of the Republic of Turkey | Ankara
South Africa | South African Reserve Bank | Pretoria
New Zealand | Reserve Bank of New Zealand | Wellington
Israel | Bank of Israel | -
Poland | National Bank of Poland | Warsaw
Czech Republic | Czech National Bank | Prague
Hungary | Hungarian National Bank | Budapest
Romania | National Bank of Romania | Bucharest
Argentina | Central Bank of Argentina | Buenos Aires
Chile | Central Bank of Chile | Santiago
Colombia | Bank of the Republic | Bogotá
Peru | Central Reserve Bank of Peru | Lima
Indonesia | Bank Indonesia | Jakarta
Thailand | Bank of Thailand | Bangkok
Philippines | Bangko Sentral ng Pilipinas | Manila
Malaysia | Bank Negara Malaysia | Kuala Lumpur
Singapore | Monetary Authority of Singapore | -
Pakistan | State Bank of Pakistan | Karachi
Bangladesh | Bangladesh Bank | Dhaka
Sri Lanka | Central Bank of Sri Lanka | -
Vietnam | State Bank of Vietnam | Hanoi
Egypt | Central Bank of Egypt | Cairo
Nigeria | Central Bank of Nigeria | Abuja
Kenya | Central Bank of Kenya | Nairobi
Saudi Arabia | Saudi Central Bank | Riyadh
Iran | Central Bank of Iran | Tehran
Ireland | Central Bank of Ireland | Dublin
Iceland | Central Bank of Iceland | Reykjavík
Ukraine | National Bank of Ukraine | Kyiv
Germany | Deutsche Bundesbank | Frankfurt
France | Banque de France | Paris
Italy | Bank of Italy | Rome
Spain | Bank of Spain | Madrid
Netherlands | De Nederlandsche Bank | Amsterdam
Belgium | National Bank of Belgium | Brussels
Austria | Oesterreichische Nationalbank | Vienna
Portugal | Bank of Portugal | Lisbon
Greece | Bank of Greece | Athens
Finland | Bank of Finland | Helsinki
"""

# --------------------------------------------------------------------------- families
# name | father | mother | spouse  (spouse only for a single, unambiguous marriage)
FAMILY_PEOPLE = """
Kim Jong-un | Kim Jong-il | - | -
Kim Jong-il | Kim Il-sung | - | -
Elizabeth II | George VI | Queen Elizabeth The Queen Mother | Prince Philip
Prince Philip | - | - | Elizabeth II
George VI | George V | Mary of Teck | Queen Elizabeth The Queen Mother
Queen Elizabeth The Queen Mother | - | - | George VI
George V | - | - | Mary of Teck
Mary of Teck | - | - | George V
Charles III | Prince Philip | Elizabeth II | -
Diana, Princess of Wales | - | - | Charles III
William, Prince of Wales | Charles III | Diana, Princess of Wales | Catherine, Princess of Wales
Catherine, Princess of Wales | - | - | William, Prince of Wales
Prince Harry | Charles III | Diana, Princess of Wales | Meghan, Duchess of Sussex
Queen Victoria | - | - | Prince Albert
Prince Albert | - | - | Queen Victoria
Elizabeth I | Henry VIII | Anne Boleyn | -
Mary I | Henry VIII | Catherine of Aragon | -
Edward VI | Henry VIII | Jane Seymour | -
Marie Antoinette | - | Maria Theresa | -
Alexander the Great | Philip II of Macedon | Olympias | -
Nero | - | Agrippina the Younger | -
Miley Cyrus | Billy Ray Cyrus | - | -
Liza Minnelli | Vincente Minnelli | Judy Garland | -
Carrie Fisher | Eddie Fisher | Debbie Reynolds | -
Jaden Smith | Will Smith | Jada Pinkett Smith | -
Willow Smith | Will Smith | Jada Pinkett Smith | -
Jada Pinkett Smith | - | - | Will Smith
Sean Lennon | John Lennon | Yoko Ono | -
Julian Lennon | John Lennon | Cynthia Lennon | -
Kiefer Sutherland | Donald Sutherland | - | -
Jane Fonda | Henry Fonda | - | -
Peter Fonda | Henry Fonda | - | -
Bridget Fonda | Peter Fonda | - | -
Michael Douglas | Kirk Douglas | - | -
Charlie Sheen | Martin Sheen | - | -
Emilio Estevez | Martin Sheen | - | -
Sofia Coppola | Francis Ford Coppola | - | -
Nicolas Cage | August Coppola | - | -
Angelina Jolie | Jon Voight | - | -
Drew Barrymore | John Drew Barrymore | - | -
Gwyneth Paltrow | Bruce Paltrow | Blythe Danner | -
Kate Hudson | Bill Hudson | Goldie Hawn | -
Dakota Johnson | Don Johnson | Melanie Griffith | -
Melanie Griffith | - | Tippi Hedren | -
Isabella Rossellini | Roberto Rossellini | Ingrid Bergman | -
Norah Jones | Ravi Shankar | - | -
Natalie Cole | Nat King Cole | - | -
Enrique Iglesias | Julio Iglesias | - | -
Stella McCartney | Paul McCartney | Linda McCartney | -
Jakob Dylan | Bob Dylan | - | -
Ziggy Marley | Bob Marley | Rita Marley | -
Damian Marley | Bob Marley | - | -
Nancy Sinatra | Frank Sinatra | - | -
Lisa Marie Presley | Elvis Presley | Priscilla Presley | -
Elvis Presley | - | - | Priscilla Presley
Priscilla Presley | - | - | Elvis Presley
Paris Jackson | Michael Jackson | - | -
Michael Jackson | Joe Jackson | Katherine Jackson | -
Janet Jackson | Joe Jackson | Katherine Jackson | -
Donald Trump Jr. | Donald Trump | Ivana Trump | -
Ivanka Trump | Donald Trump | Ivana Trump | -
Melania Trump | - | - | Donald Trump
George W. Bush | George H. W. Bush | Barbara Bush | Laura Bush
Jeb Bush | George H. W. Bush | Barbara Bush | -
Laura Bush | - | - | George W. Bush
George H. W. Bush | - | - | Barbara Bush
Barbara Bush | - | - | George H. W. Bush
John Quincy Adams | John Adams | Abigail Adams | -
John Adams | - | - | Abigail Adams
Abigail Adams | - | - | John Adams
Barack Obama | - | - | Michelle Obama
Michelle Obama | - | - | Barack Obama
Bill Clinton | - | - | Hillary Clinton
Hillary Clinton | - | - | Bill Clinton
John F. Kennedy | - | - | Jacqueline Kennedy
Robert F. Kennedy | - | - | Ethel Kennedy
Ethel Kennedy | - | - | Robert F. Kennedy
Franklin D. Roosevelt | - | - | Eleanor Roosevelt
Eleanor Roosevelt | - | - | Franklin D. Roosevelt
Abraham Lincoln | - | - | Mary Todd Lincoln
Mary Todd Lincoln | - | - | Abraham Lincoln
Martin Luther King Jr. | - | - | Coretta Scott King
Coretta Scott King | - | - | Martin Luther King Jr.
Richard Nixon | - | - | Pat Nixon
Pat Nixon | - | - | Richard Nixon
Jimmy Carter | - | - | Rosalynn Carter
Rosalynn Carter | - | - | Jimmy Carter
Gerald Ford | - | - | Betty Ford
Nancy Reagan | - | - | Ronald Reagan
Kamala Harris | - | - | Doug Emhoff
Emmanuel Macron | - | - | Brigitte Macron
Peng Liyuan | - | - | Xi Jinping
Winston Churchill | - | - | Clementine Churchill
Clementine Churchill | - | - | Winston Churchill
Margaret Thatcher | - | - | Denis Thatcher
Winnie Madikizela-Mandela | - | - | Nelson Mandela
Mahatma Gandhi | - | - | Kasturba Gandhi
Kasturba Gandhi | - | - | Mahatma Gandhi
Jawaharlal Nehru | - | - | Kamala Nehru
Indira Gandhi | Jawaharlal Nehru | Kamala Nehru | -
Rajiv Gandhi | - | Indira Gandhi | Sonia Gandhi
Rahul Gandhi | Rajiv Gandhi | Sonia Gandhi | -
Benazir Bhutto | Zulfikar Ali Bhutto | - | -
Justin Trudeau | Pierre Trudeau | - | -
Shinzo Abe | Shintaro Abe | - | -
Park Geun-hye | Park Chung-hee | - | -
Bashar al-Assad | Hafez al-Assad | - | -
Rainier III | - | - | Grace Kelly
Grace Kelly | - | - | Rainier III
Irène Joliot-Curie | Pierre Curie | Marie Curie | -
Ève Curie | Pierre Curie | Marie Curie | -
Marie Curie | - | - | Pierre Curie
Pierre Curie | - | - | Marie Curie
Aage Bohr | Niels Bohr | - | -
Charles Darwin | Robert Darwin | - | -
Mary Shelley | William Godwin | Mary Wollstonecraft | Percy Bysshe Shelley
Wolfgang Amadeus Mozart | Leopold Mozart | - | Constanze Mozart
Johann Strauss II | Johann Strauss I | - | -
Carl Philipp Emanuel Bach | Johann Sebastian Bach | - | -
Robert Schumann | - | - | Clara Schumann
Clara Schumann | - | - | Robert Schumann
Leo Tolstoy | - | - | Sophia Tolstaya
Frida Kahlo | - | - | Diego Rivera
Jay-Z | - | - | Beyoncé
Beyoncé | - | - | Jay-Z
David Beckham | - | - | Victoria Beckham
Victoria Beckham | - | - | David Beckham
Justin Bieber | - | - | Hailey Bieber
Hailey Bieber | - | - | Justin Bieber
Blake Lively | - | - | Ryan Reynolds
Bill Gates | - | - | Melinda French Gates
Melinda French Gates | - | - | Bill Gates
Mark Zuckerberg | - | - | Priscilla Chan
Priscilla Chan | - | - | Mark Zuckerberg
Kurt Cobain | - | - | Courtney Love
Sharon Osbourne | - | - | Ozzy Osbourne
Celine Dion | - | - | René Angélil
Joanne Woodward | - | - | Paul Newman
Tom Brady | - | - | Gisele Bündchen
Gisele Bündchen | - | - | Tom Brady
Lionel Messi | - | - | Antonela Roccuzzo
Antonela Roccuzzo | - | - | Lionel Messi
LeBron James | - | - | Savannah James
Savannah James | - | - | LeBron James
Kobe Bryant | - | - | Vanessa Bryant
Vanessa Bryant | - | - | Kobe Bryant
Stephen Curry | - | - | Ayesha Curry
Ayesha Curry | - | - | Stephen Curry
Serena Williams | - | - | Alexis Ohanian
Alexis Ohanian | - | - | Serena Williams
Roger Federer | - | - | Mirka Federer
Mirka Federer | - | - | Roger Federer
Jackie Chan | - | - | Joan Lin
Joan Lin | - | - | Jackie Chan
"""

FAMILY_MYTH = """
Zeus | Cronus | Rhea | Hera
Hera | Cronus | Rhea | Zeus
Poseidon | Cronus | Rhea | Amphitrite
Hades | Cronus | Rhea | Persephone
Demeter | Cronus | Rhea | -
Hestia | Cronus | Rhea | -
Cronus | Uranus | Gaia | Rhea
Rhea | Uranus | Gaia | Cronus
Persephone | Zeus | Demeter | Hades
Athena | Zeus | Metis | -
Apollo | Zeus | Leto | -
Artemis | Zeus | Leto | -
Ares | Zeus | Hera | -
Hephaestus | - | Hera | Aphrodite
Aphrodite | - | - | Hephaestus
Hermes | Zeus | Maia | -
Dionysus | Zeus | Semele | -
Heracles | Zeus | Alcmene | -
Perseus | Zeus | Danaë | Andromeda
Helen of Troy | Zeus | Leda | Menelaus
Achilles | Peleus | Thetis | -
Odysseus | Laertes | Anticlea | Penelope
Penelope | - | - | Odysseus
Telemachus | Odysseus | Penelope | -
Oedipus | Laius | Jocasta | Jocasta
Thor | Odin | - | Sif
Baldr | Odin | Frigg | Nanna
Odin | - | - | Frigg
Frigg | - | - | Odin
Horus | Osiris | Isis | -
Osiris | - | - | Isis
Isis | - | - | Osiris
Romulus | Mars | Rhea Silvia | -
Remus | Mars | Rhea Silvia | -
"""

FAMILY_BIBLE = """
Cain | Adam | Eve | -
Abel | Adam | Eve | -
Seth | Adam | Eve | -
Adam | - | - | Eve
Eve | - | - | Adam
Abraham | - | - | Sarah
Sarah | - | - | Abraham
Isaac | Abraham | Sarah | Rebecca
Rebecca | - | - | Isaac
Jacob | Isaac | Rebecca | -
Esau | Isaac | Rebecca | -
Solomon | King David | Bathsheba | -
John the Baptist | Zechariah | Elizabeth | -
"""

FAMILY_FICTION = """
Luke Skywalker | Darth Vader | Padmé Amidala | -
Leia Organa | Darth Vader | Padmé Amidala | -
Kylo Ren | Han Solo | Leia Organa | -
Darth Vader | - | Shmi Skywalker | Padmé Amidala
Padmé Amidala | - | - | Darth Vader
Bart Simpson | Homer Simpson | Marge Simpson | -
Lisa Simpson | Homer Simpson | Marge Simpson | -
Maggie Simpson | Homer Simpson | Marge Simpson | -
Homer Simpson | Abe Simpson | Mona Simpson | Marge Simpson
Marge Simpson | - | - | Homer Simpson
Harry Potter | James Potter | Lily Potter | Ginny Weasley
Ginny Weasley | Arthur Weasley | Molly Weasley | Harry Potter
Ron Weasley | Arthur Weasley | Molly Weasley | Hermione Granger
Hermione Granger | - | - | Ron Weasley
Arthur Weasley | - | - | Molly Weasley
Molly Weasley | - | - | Arthur Weasley
James Potter | - | - | Lily Potter
Lily Potter | - | - | James Potter
Draco Malfoy | Lucius Malfoy | Narcissa Malfoy | -
Lucius Malfoy | - | - | Narcissa Malfoy
Narcissa Malfoy | - | - | Lucius Malfoy
Simba | Mufasa | Sarabi | -
Fred Flintstone | - | - | Wilma Flintstone
Wilma Flintstone | - | - | Fred Flintstone
Pebbles Flintstone | Fred Flintstone | Wilma Flintstone | -
Peter Griffin | - | - | Lois Griffin
Lois Griffin | - | - | Peter Griffin
Stewie Griffin | Peter Griffin | Lois Griffin | -
Meg Griffin | Peter Griffin | Lois Griffin | -
Chris Griffin | Peter Griffin | Lois Griffin | -
Superman | Jor-El | Lara | Lois Lane
Lois Lane | - | - | Superman
Batman | Thomas Wayne | Martha Wayne | -
"""

# character | the work it appears in (a single work)
CHARACTERS = """
Homer Simpson | The Simpsons
Marge Simpson | The Simpsons
Bart Simpson | The Simpsons
Lisa Simpson | The Simpsons
Peter Griffin | Family Guy
Stewie Griffin | Family Guy
Fred Flintstone | The Flintstones
Eric Cartman | South Park
Kenny McCormick | South Park
Stan Marsh | South Park
Rick Sanchez | Rick and Morty
Walter White | Breaking Bad
Jesse Pinkman | Breaking Bad
Tony Soprano | The Sopranos
Don Draper | Mad Men
Rachel Green | Friends
Ross Geller | Friends
Monica Geller | Friends
Chandler Bing | Friends
Joey Tribbiani | Friends
Phoebe Buffay | Friends
Cosmo Kramer | Seinfeld
George Costanza | Seinfeld
Elaine Benes | Seinfeld
Arthur Fonzarelli | Happy Days
Fox Mulder | The X-Files
Dana Scully | The X-Files
Dale Cooper | Twin Peaks
Naruto Uzumaki | Naruto
Son Goku | Dragon Ball
Monkey D. Luffy | One Piece
Light Yagami | Death Note
Eren Yeager | Attack on Titan
Tintin | The Adventures of Tintin
Charlie Brown | Peanuts
Snoopy | Peanuts
Ebenezer Scrooge | A Christmas Carol
Captain Ahab | Moby-Dick
Ishmael | Moby-Dick
Holden Caulfield | The Catcher in the Rye
Jay Gatsby | The Great Gatsby
Nick Carraway | The Great Gatsby
Daisy Buchanan | The Great Gatsby
Elizabeth Bennet | Pride and Prejudice
Fitzwilliam Darcy | Pride and Prejudice
Jean Valjean | Les Misérables
Javert | Les Misérables
Cosette | Les Misérables
Quasimodo | The Hunchback of Notre-Dame
Esmeralda | The Hunchback of Notre-Dame
Count Dracula | Dracula
Abraham Van Helsing | Dracula
Victor Frankenstein | Frankenstein
Winston Smith | Nineteen Eighty-Four
Scarlett O'Hara | Gone with the Wind
Rhett Butler | Gone with the Wind
Heathcliff | Wuthering Heights
Catherine Earnshaw | Wuthering Heights
Rodion Raskolnikov | Crime and Punishment
Gregor Samsa | The Metamorphosis
Bilbo Baggins | The Hobbit
Frodo Baggins | The Lord of the Rings
Phileas Fogg | Around the World in Eighty Days
Edmond Dantès | The Count of Monte Cristo
Long John Silver | Treasure Island
Jim Hawkins | Treasure Island
Lemuel Gulliver | Gulliver's Travels
Jo March | Little Women
Anne Shirley | Anne of Green Gables
Mowgli | The Jungle Book
Baloo | The Jungle Book
Pinocchio | The Adventures of Pinocchio
Dorian Gray | The Picture of Dorian Gray
Hester Prynne | The Scarlet Letter
Emma Bovary | Madame Bovary
Holly Golightly | Breakfast at Tiffany's
Sancho Panza | Don Quixote
Romeo Montague | Romeo and Juliet
Juliet Capulet | Romeo and Juliet
Prince Hamlet | Hamlet
Ophelia | Hamlet
Lady Macbeth | Macbeth
Shylock | The Merchant of Venice
Puck | A Midsummer Night's Dream
Prospero | The Tempest
Iago | Othello
Desdemona | Othello
Willy Loman | Death of a Salesman
Blanche DuBois | A Streetcar Named Desire
Stanley Kowalski | A Streetcar Named Desire
Nora Helmer | A Doll's House
Willy Wonka | Charlie and the Chocolate Factory
Charlie Bucket | Charlie and the Chocolate Factory
Matilda Wormwood | Matilda
Katniss Everdeen | The Hunger Games
Bella Swan | Twilight
Lisbeth Salander | The Girl with the Dragon Tattoo
Jack Torrance | The Shining
Travis Bickle | Taxi Driver
Tyler Durden | Fight Club
Amélie Poulain | Amélie
Chihiro Ogino | Spirited Away
"""

# person | notable work | work type ('-' when the work is declared in another table)
NOTABLE_WORKS = """
Harper Lee | To Kill a Mockingbird | -
Margaret Mitchell | Gone with the Wind | -
Mary Shelley | Frankenstein | -
Bram Stoker | Dracula | -
Miguel de Cervantes | Don Quixote | -
J. D. Salinger | The Catcher in the Rye | -
Herman Melville | Moby-Dick | -
Dante Alighieri | Divine Comedy | -
John Milton | Paradise Lost | -
Johann Wolfgang von Goethe | Faust | -
Anne Frank | The Diary of a Young Girl | -
Charles Darwin | On the Origin of Species | -
Isaac Newton | Philosophiæ Naturalis Principia Mathematica | -
Adam Smith | The Wealth of Nations | -
Karl Marx | Das Kapital | -
Niccolò Machiavelli | The Prince | -
Sun Tzu | The Art of War | -
Harriet Beecher Stowe | Uncle Tom's Cabin | -
Emily Brontë | Wuthering Heights | -
Charlotte Brontë | Jane Eyre | -
Lewis Carroll | Alice's Adventures in Wonderland | -
Antoine de Saint-Exupéry | The Little Prince | -
Carlo Collodi | The Adventures of Pinocchio | -
Boris Pasternak | Doctor Zhivago | -
Umberto Eco | The Name of the Rose | -
Yann Martel | Life of Pi | -
Paulo Coelho | The Alchemist | -
Khaled Hosseini | The Kite Runner | -
Joseph Heller | Catch-22 | -
Ralph Ellison | Invisible Man | -
Aldous Huxley | Brave New World | -
Ray Bradbury | Fahrenheit 451 | -
Stephen Hawking | A Brief History of Time | -
Frank Herbert | Dune | -
Patrick Süskind | Perfume: The Story of a Murderer | -
Gaston Leroux | The Phantom of the Opera | -
Hergé | The Adventures of Tintin | -
Charles M. Schulz | Peanuts | -
Bill Watterson | Calvin and Hobbes | -
Jim Davis | Garfield | -
Eiichiro Oda | One Piece | -
Masashi Kishimoto | Naruto | -
Akira Toriyama | Dragon Ball | -
Hajime Isayama | Attack on Titan | -
Naoko Takeuchi | Sailor Moon | -
Art Spiegelman | Maus | -
Osamu Tezuka | Astro Boy | -
Cao Xueqin | Dream of the Red Chamber | -
Murasaki Shikibu | The Tale of Genji | -
Wu Cheng'en | Journey to the West | -
Luo Guanzhong | Romance of the Three Kingdoms | -
Chinua Achebe | Things Fall Apart | -
Virgil | Aeneid | -
Jostein Gaarder | Sophie's World | -
Khalil Gibran | The Prophet | -
Rachel Carson | Silent Spring | -
Thomas Paine | Common Sense | -
Mary Wollstonecraft | A Vindication of the Rights of Woman | -
Simone de Beauvoir | The Second Sex | -
Jean-Jacques Rousseau | The Social Contract | -
Thomas Hobbes | Leviathan | -
Immanuel Kant | Critique of Pure Reason | -
Euclid | Euclid's Elements | -
Nicolaus Copernicus | De revolutionibus orbium coelestium | -
Richard Dawkins | The Selfish Gene | -
Yuval Noah Harari | Sapiens: A Brief History of Humankind | -
Sigmund Freud | The Interpretation of Dreams | -
J. R. R. Tolkien | The Lord of the Rings | -
George R. R. Martin | A Song of Ice and Fire | -
Douglas Adams | The Hitchhiker's Guide to the Galaxy | -
Suzanne Collins | The Hunger Games | -
Stephenie Meyer | Twilight | -
Dan Brown | The Da Vinci Code | -
F. Scott Fitzgerald | The Great Gatsby | -
Victor Hugo | Les Misérables | -
Gabriel García Márquez | One Hundred Years of Solitude | -
Franz Kafka | The Metamorphosis | -
Mikhail Bulgakov | The Master and Margarita | -
Vladimir Nabokov | Lolita | -
Ayn Rand | Atlas Shrugged | -
Jack Kerouac | On the Road | -
Sylvia Plath | The Bell Jar | -
Erich Maria Remarque | All Quiet on the Western Front | -
Günter Grass | The Tin Drum | -
Michael Ende | The Neverending Story | -
Marcel Proust | In Search of Lost Time | -
Gustave Flaubert | Madame Bovary | -
Mark Twain | Adventures of Huckleberry Finn | -
Samuel Beckett | Waiting for Godot | -
Arthur Miller | Death of a Salesman | -
Tennessee Williams | A Streetcar Named Desire | -
Oscar Wilde | The Picture of Dorian Gray | -
Robert Louis Stevenson | Treasure Island | -
Daniel Defoe | Robinson Crusoe | -
Jonathan Swift | Gulliver's Travels | -
Geoffrey Chaucer | The Canterbury Tales | -
Louisa May Alcott | Little Women | -
L. M. Montgomery | Anne of Green Gables | -
Walt Whitman | Leaves of Grass | -
T. S. Eliot | The Waste Land | -
Allen Ginsberg | Howl | -
Edmond Rostand | Cyrano de Bergerac | -
George Bernard Shaw | Pygmalion | -
Henrik Ibsen | A Doll's House | -
Lin-Manuel Miranda | Hamilton | -
Jonathan Larson | Rent | -
Antonio Vivaldi | The Four Seasons | -
Johann Pachelbel | Canon in D | -
Carl Orff | Carmina Burana | -
Gustav Holst | The Planets | -
Maurice Ravel | Boléro | -
George Gershwin | Rhapsody in Blue | -
Georges Bizet | Carmen | -
Pietro Mascagni | Cavalleria rusticana | -
Ruggero Leoncavallo | Pagliacci | -
Don McLean | American Pie | -
Gloria Gaynor | I Will Survive | -
Orson Welles | Citizen Kane | -
Linus Torvalds | Linux | -
Alexey Pajitnov | Tetris | -
Bjarne Stroustrup | C++ | -
Leonardo da Vinci | Mona Lisa | painting
Edvard Munch | The Scream | painting
Sandro Botticelli | The Birth of Venus | painting
Pablo Picasso | Guernica | painting
Salvador Dalí | The Persistence of Memory | painting
Johannes Vermeer | Girl with a Pearl Earring | painting
Grant Wood | American Gothic | painting
Katsushika Hokusai | The Great Wave off Kanagawa | print
Rembrandt | The Night Watch | painting
Vincent van Gogh | The Starry Night | painting
Michelangelo | Sistine Chapel ceiling | painting
Gustav Klimt | The Kiss | painting
Georges Seurat | A Sunday Afternoon on the Island of La Grande Jatte | painting
Edward Hopper | Nighthawks | painting
Andy Warhol | Campbell's Soup Cans | painting
Diego Velázquez | Las Meninas | painting
Caspar David Friedrich | Wanderer above the Sea of Fog | painting
Théodore Géricault | The Raft of the Medusa | painting
Eugène Delacroix | Liberty Leading the People | painting
Hieronymus Bosch | The Garden of Earthly Delights | painting
Frida Kahlo | The Two Fridas | painting
Claude Monet | Impression, Sunrise | painting
Raphael | The School of Athens | painting
Auguste Rodin | The Thinker | sculpture
Gustave Eiffel | Eiffel Tower | -
Antoni Gaudí | Sagrada Família | -
Jørn Utzon | Sydney Opera House | -
Frank Lloyd Wright | Fallingwater | -
Frank Gehry | Guggenheim Museum Bilbao | -
I. M. Pei | Louvre Pyramid | -
Frédéric Auguste Bartholdi | Statue of Liberty | -
Christopher Wren | St Paul's Cathedral | -
Albert Einstein | theory of relativity | scientific theory
Tim Berners-Lee | World Wide Web | technology
"""

# --------------------------------------------------------------------------- film credits
# film | composer of the score
FILM_COMPOSERS = """
Jaws | John Williams
E.T. the Extra-Terrestrial | John Williams
Star Wars | John Williams
The Empire Strikes Back | John Williams
Return of the Jedi | John Williams
Star Wars: Episode I – The Phantom Menace | John Williams
Star Wars: Episode II – Attack of the Clones | John Williams
Star Wars: Episode III – Revenge of the Sith | John Williams
Star Wars: The Force Awakens | John Williams
Star Wars: The Last Jedi | John Williams
Star Wars: The Rise of Skywalker | John Williams
Jurassic Park | John Williams
Schindler's List | John Williams
Raiders of the Lost Ark | John Williams
Indiana Jones and the Temple of Doom | John Williams
Indiana Jones and the Last Crusade | John Williams
Close Encounters of the Third Kind | John Williams
Home Alone | John Williams
Saving Private Ryan | John Williams
Catch Me If You Can | John Williams
Minority Report | John Williams
Titanic | James Horner
Braveheart | James Horner
Avatar | James Horner
Apollo 13 | James Horner
A Beautiful Mind | James Horner
Inception | Hans Zimmer
Interstellar | Hans Zimmer
Dune: Part Two | Hans Zimmer
Dunkirk | Hans Zimmer
Man of Steel | Hans Zimmer
The Godfather | Nino Rota
La Strada | Nino Rota
8½ | Nino Rota
La Dolce Vita | Nino Rota
The Good, the Bad and the Ugly | Ennio Morricone
Once Upon a Time in the West | Ennio Morricone
A Fistful of Dollars | Ennio Morricone
For a Few Dollars More | Ennio Morricone
Once Upon a Time in America | Ennio Morricone
The Hateful Eight | Ennio Morricone
The Untouchables | Ennio Morricone
The Thing | Ennio Morricone
Psycho | Bernard Herrmann
Vertigo | Bernard Herrmann
North by Northwest | Bernard Herrmann
Citizen Kane | Bernard Herrmann
Taxi Driver | Bernard Herrmann
The Lord of the Rings: The Fellowship of the Ring | Howard Shore
The Lord of the Rings: The Two Towers | Howard Shore
The Lord of the Rings: The Return of the King | Howard Shore
The Hobbit: An Unexpected Journey | Howard Shore
Se7en | Howard Shore
The Silence of the Lambs | Howard Shore
Back to the Future | Alan Silvestri
Forrest Gump | Alan Silvestri
Who Framed Roger Rabbit | Alan Silvestri
Cast Away | Alan Silvestri
Rocky | Bill Conti
Chariots of Fire | Vangelis
Blade Runner | Vangelis
Lawrence of Arabia | Maurice Jarre
Amélie | Yann Tiersen
Spirited Away | Joe Hisaishi
My Neighbor Totoro | Joe Hisaishi
Princess Mononoke | Joe Hisaishi
Howl's Moving Castle | Joe Hisaishi
Kiki's Delivery Service | Joe Hisaishi
Castle in the Sky | Joe Hisaishi
Porco Rosso | Joe Hisaishi
Ponyo | Joe Hisaishi
The Wind Rises | Joe Hisaishi
The Boy and the Heron | Joe Hisaishi
Nausicaä of the Valley of the Wind | Joe Hisaishi
Edward Scissorhands | Danny Elfman
Beetlejuice | Danny Elfman
The Nightmare Before Christmas | Danny Elfman
Spider-Man | Danny Elfman
Big Fish | Danny Elfman
Mission: Impossible | Danny Elfman
Toy Story | Randy Newman
Toy Story 2 | Randy Newman
Toy Story 3 | Randy Newman
Monsters, Inc. | Randy Newman
A Bug's Life | Randy Newman
Cars | Randy Newman
Finding Nemo | Thomas Newman
WALL-E | Thomas Newman
American Beauty | Thomas Newman
The Shawshank Redemption | Thomas Newman
Skyfall | Thomas Newman
1917 | Thomas Newman
Up | Michael Giacchino
Ratatouille | Michael Giacchino
The Incredibles | Michael Giacchino
Inside Out | Michael Giacchino
Coco | Michael Giacchino
Rogue One | Michael Giacchino
Oppenheimer | Ludwig Göransson
Black Panther | Ludwig Göransson
Tenet | Ludwig Göransson
La La Land | Justin Hurwitz
Whiplash | Justin Hurwitz
First Man | Justin Hurwitz
Joker | Hildur Guðnadóttir
The Shape of Water | Alexandre Desplat
The Grand Budapest Hotel | Alexandre Desplat
Isle of Dogs | Alexandre Desplat
Slumdog Millionaire | A. R. Rahman
RRR | M. M. Keeravani
Sholay | R. D. Burman
Parasite | Jung Jae-il
Crouching Tiger, Hidden Dragon | Tan Dun
Gravity | Steven Price
Birdman | Antonio Sánchez
Pan's Labyrinth | Javier Navarrete
Life Is Beautiful | Nicola Piovani
Halloween | John Carpenter
Top Gun | Harold Faltermeyer
Beverly Hills Cop | Harold Faltermeyer
Ghostbusters | Elmer Bernstein
The Great Escape | Elmer Bernstein
The Pink Panther | Henry Mancini
Requiem for a Dream | Clint Mansell
Black Swan | Clint Mansell
Casablanca | Max Steiner
The Third Man | Anton Karas
Chinatown | Jerry Goldsmith
Alien | Jerry Goldsmith
"""

# film | screenwriter (sole credited writer of the screenplay)
SCREENWRITERS = """
Reservoir Dogs | Quentin Tarantino
Inglourious Basterds | Quentin Tarantino
Django Unchained | Quentin Tarantino
The Hateful Eight | Quentin Tarantino
Once Upon a Time in Hollywood | Quentin Tarantino
Jackie Brown | Quentin Tarantino
Death Proof | Quentin Tarantino
Rocky | Sylvester Stallone
Taxi Driver | Paul Schrader
Chinatown | Robert Towne
Avatar | James Cameron
Titanic | James Cameron
The Social Network | Aaron Sorkin
A Few Good Men | Aaron Sorkin
Lost in Translation | Sofia Coppola
Star Wars | George Lucas
Inception | Christopher Nolan
Tenet | Christopher Nolan
Oppenheimer | Christopher Nolan
Dunkirk | Christopher Nolan
Pan's Labyrinth | Guillermo del Toro
American Beauty | Alan Ball
Juno | Diablo Cody
Get Out | Jordan Peele
Us | Jordan Peele
Nope | Jordan Peele
Spirited Away | Hayao Miyazaki
My Neighbor Totoro | Hayao Miyazaki
Princess Mononoke | Hayao Miyazaki
Alien | Dan O'Bannon
E.T. the Extra-Terrestrial | Melissa Mathison
Being John Malkovich | Charlie Kaufman
Her | Spike Jonze
Midnight in Paris | Woody Allen
Match Point | Woody Allen
Blue Jasmine | Woody Allen
Vicky Cristina Barcelona | Woody Allen
Hannah and Her Sisters | Woody Allen
Boyhood | Richard Linklater
Manchester by the Sea | Kenneth Lonergan
Lady Bird | Greta Gerwig
There Will Be Blood | Paul Thomas Anderson
Boogie Nights | Paul Thomas Anderson
Magnolia | Paul Thomas Anderson
Phantom Thread | Paul Thomas Anderson
The Master | Paul Thomas Anderson
Licorice Pizza | Paul Thomas Anderson
Punch-Drunk Love | Paul Thomas Anderson
Whiplash | Damien Chazelle
La La Land | Damien Chazelle
Roma | Alfonso Cuarón
Léon: The Professional | Luc Besson
Braveheart | Randall Wallace
Forrest Gump | Eric Roth
The Shawshank Redemption | Frank Darabont
The Green Mile | Frank Darabont
Schindler's List | Steven Zaillian
Ratatouille | Brad Bird
The Incredibles | Brad Bird
Incredibles 2 | Brad Bird
The Sixth Sense | M. Night Shyamalan
Unbreakable | M. Night Shyamalan
Signs | M. Night Shyamalan
Split | M. Night Shyamalan
Knives Out | Rian Johnson
Looper | Rian Johnson
Star Wars: The Last Jedi | Rian Johnson
Hereditary | Ari Aster
Midsommar | Ari Aster
The Breakfast Club | John Hughes
Ferris Bueller's Day Off | John Hughes
Sixteen Candles | John Hughes
Weird Science | John Hughes
Home Alone | John Hughes
Platoon | Oliver Stone
Scarface | Oliver Stone
The Conversation | Francis Ford Coppola
Thank You for Smoking | Jason Reitman
The Tree of Life | Terrence Malick
Days of Heaven | Terrence Malick
Badlands | Terrence Malick
The Thin Red Line | Terrence Malick
Amour | Michael Haneke
The White Ribbon | Michael Haneke
Funny Games | Michael Haneke
A Separation | Asghar Farhadi
The Lives of Others | Florian Henckel von Donnersmarck
Run Lola Run | Tom Tykwer
Taste of Cherry | Abbas Kiarostami
Pather Panchali | Satyajit Ray
Your Name | Makoto Shinkai
Weathering with You | Makoto Shinkai
Suzume | Makoto Shinkai
"""

# film | producer (sole credited producer)
FILM_PRODUCERS = """
Star Wars | Gary Kurtz
The Empire Strikes Back | Gary Kurtz
American Graffiti | Francis Ford Coppola
The Godfather | Albert S. Ruddy
Casablanca | Hal B. Wallis
Spirited Away | Toshio Suzuki
Princess Mononoke | Toshio Suzuki
Howl's Moving Castle | Toshio Suzuki
Ponyo | Toshio Suzuki
The Wind Rises | Toshio Suzuki
The Boy and the Heron | Toshio Suzuki
Pulp Fiction | Lawrence Bender
Reservoir Dogs | Lawrence Bender
Kill Bill: Volume 1 | Lawrence Bender
Kill Bill: Volume 2 | Lawrence Bender
Inglourious Basterds | Lawrence Bender
Jackie Brown | Lawrence Bender
Good Will Hunting | Lawrence Bender
"""

# film | production company
PRODUCTION_COMPANIES = """
Toy Story | Pixar
Toy Story 2 | Pixar
Toy Story 3 | Pixar
A Bug's Life | Pixar
Monsters, Inc. | Pixar
Finding Nemo | Pixar
The Incredibles | Pixar
Cars | Pixar
Ratatouille | Pixar
WALL-E | Pixar
Up | Pixar
Inside Out | Pixar
Coco | Pixar
Soul | Pixar
Incredibles 2 | Pixar
Spirited Away | Studio Ghibli
My Neighbor Totoro | Studio Ghibli
Princess Mononoke | Studio Ghibli
Howl's Moving Castle | Studio Ghibli
Kiki's Delivery Service | Studio Ghibli
Castle in the Sky | Studio Ghibli
Porco Rosso | Studio Ghibli
Ponyo | Studio Ghibli
The Wind Rises | Studio Ghibli
The Boy and the Heron | Studio Ghibli
Grave of the Fireflies | Studio Ghibli
The Tale of the Princess Kaguya | Studio Ghibli
Star Wars | Lucasfilm
The Empire Strikes Back | Lucasfilm
Return of the Jedi | Lucasfilm
Star Wars: Episode I – The Phantom Menace | Lucasfilm
Star Wars: Episode II – Attack of the Clones | Lucasfilm
Star Wars: Episode III – Revenge of the Sith | Lucasfilm
Star Wars: The Last Jedi | Lucasfilm
Rogue One | Lucasfilm
Raiders of the Lost Ark | Lucasfilm
Indiana Jones and the Temple of Doom | Lucasfilm
Indiana Jones and the Last Crusade | Lucasfilm
Iron Man | Marvel Studios
Guardians of the Galaxy | Marvel Studios
Black Panther | Marvel Studios
Thor: Ragnarok | Marvel Studios
Godzilla | Toho
Seven Samurai | Toho
Yojimbo | Toho
Ikiru | Toho
Throne of Blood | Toho
The Hidden Fortress | Toho
Coraline | Laika
"""

# --------------------------------------------------------------------------- food, breeds, places
# name | type | country of origin
FOODS = """
sushi | food | Japan
ramen | food | Japan
tempura | food | Japan
sashimi | food | Japan
miso soup | food | Japan
udon | food | Japan
sukiyaki | food | Japan
takoyaki | food | Japan
okonomiyaki | food | Japan
onigiri | food | Japan
mochi | food | Japan
sake | drink | Japan
pizza | food | Italy
lasagna | food | Italy
risotto | food | Italy
tiramisu | food | Italy
gelato | food | Italy
spaghetti alla carbonara | food | Italy
pesto | food | Italy
focaccia | food | Italy
bruschetta | food | Italy
cannoli | food | Italy
panettone | food | Italy
ossobuco | food | Italy
minestrone | food | Italy
gnocchi | food | Italy
mozzarella | food | Italy
Parmigiano-Reggiano | food | Italy
prosecco | drink | Italy
espresso | drink | Italy
cappuccino | drink | Italy
Negroni | drink | Italy
baguette | food | France
crêpe | food | France
bouillabaisse | food | France
foie gras | food | France
coq au vin | food | France
beef bourguignon | food | France
Camembert | food | France
Brie | food | France
Roquefort | food | France
soufflé | food | France
éclair | food | France
cassoulet | food | France
madeleine | food | France
tarte Tatin | food | France
Champagne | drink | France
paella | food | Spain
gazpacho | food | Spain
tapas | food | Spain
churros | food | Spain
sangria | drink | Spain
Spanish omelette | food | Spain
jamón ibérico | food | Spain
Manchego | food | Spain
pastel de nata | food | Portugal
port wine | drink | Portugal
bratwurst | food | Germany
Black Forest cake | food | Germany
currywurst | food | Germany
Jägermeister | drink | Germany
Wiener schnitzel | food | Austria
apple strudel | food | Austria
Sachertorte | food | Austria
fish and chips | food | United Kingdom
shepherd's pie | food | United Kingdom
scone | food | United Kingdom
haggis | food | United Kingdom
Yorkshire pudding | food | United Kingdom
Cheddar cheese | food | United Kingdom
Earl Grey tea | drink | United Kingdom
Scotch whisky | drink | United Kingdom
Cornish pasty | food | United Kingdom
trifle | food | United Kingdom
sticky toffee pudding | food | United Kingdom
beef Wellington | food | United Kingdom
Worcestershire sauce | food | United Kingdom
Irish stew | food | Ireland
Irish coffee | drink | Ireland
colcannon | food | Ireland
brownie | food | United States
chocolate chip cookie | food | United States
Buffalo wings | food | United States
New England clam chowder | food | United States
s'more | food | United States
Twinkie | food | United States
jambalaya | food | United States
gumbo | food | United States
bourbon whiskey | drink | United States
root beer | drink | United States
Cobb salad | food | United States
Waldorf salad | food | United States
Caesar salad | food | Mexico
bagel | food | Poland
taco | food | Mexico
burrito | food | Mexico
enchilada | food | Mexico
guacamole | food | Mexico
quesadilla | food | Mexico
tamale | food | Mexico
mole poblano | food | Mexico
chilaquiles | food | Mexico
pozole | food | Mexico
nachos | food | Mexico
tequila | drink | Mexico
mezcal | drink | Mexico
feijoada | food | Brazil
caipirinha | drink | Brazil
brigadeiro | food | Brazil
pão de queijo | food | Brazil
ceviche | food | Peru
chimichurri | food | Argentina
bandeja paisa | food | Colombia
poutine | food | Canada
butter tart | food | Canada
Nanaimo bar | food | Canada
jerk chicken | food | Jamaica
ackee and saltfish | food | Jamaica
mojito | drink | Cuba
Cuba libre | drink | Cuba
daiquiri | drink | Cuba
kimchi | food | South Korea
bibimbap | food | South Korea
bulgogi | food | South Korea
tteokbokki | food | South Korea
kimbap | food | South Korea
soju | drink | South Korea
dim sum | food | China
Peking duck | food | China
kung pao chicken | food | China
mapo tofu | food | China
chow mein | food | China
baozi | food | China
jiaozi | food | China
tofu | food | China
mooncake | food | China
xiaolongbao | food | China
char siu | food | China
sweet and sour pork | food | China
bubble tea | drink | Taiwan
pho | food | Vietnam
bánh mì | food | Vietnam
pad thai | food | Thailand
tom yum | food | Thailand
green curry | food | Thailand
som tam | food | Thailand
massaman curry | food | Thailand
mango sticky rice | food | Thailand
nasi goreng | food | Indonesia
rendang | food | Indonesia
satay | food | Indonesia
gado-gado | food | Indonesia
tempeh | food | Indonesia
kopi luwak | drink | Indonesia
nasi lemak | food | Malaysia
roti canai | food | Malaysia
chili crab | food | Singapore
adobo | food | Philippines
halo-halo | food | Philippines
sinigang | food | Philippines
balut | food | Philippines
butter chicken | food | India
masala dosa | food | India
idli | food | India
masala chai | drink | India
lassi | drink | India
chole bhature | food | India
pav bhaji | food | India
vada pav | food | India
palak paneer | food | India
Darjeeling tea | drink | India
Assam tea | drink | India
Ceylon tea | drink | Sri Lanka
Turkish delight | food | Turkey
Turkish coffee | drink | Turkey
tabbouleh | food | Lebanon
fattoush | food | Lebanon
mansaf | food | Jordan
kabsa | food | Saudi Arabia
koshari | food | Egypt
ful medames | food | Egypt
tagine | food | Morocco
harira | food | Morocco
injera | food | Ethiopia
bobotie | food | South Africa
biltong | food | South Africa
boerewors | food | South Africa
bunny chow | food | South Africa
rooibos | drink | South Africa
pelmeni | food | Russia
blini | food | Russia
beef Stroganoff | food | Russia
Olivier salad | food | Russia
pierogi | food | Poland
bigos | food | Poland
goulash | food | Hungary
chicken paprikash | food | Hungary
lángos | food | Hungary
Tokaji | drink | Hungary
moussaka | food | Greece
souvlaki | food | Greece
gyros | food | Greece
tzatziki | food | Greece
feta | food | Greece
spanakopita | food | Greece
ouzo | drink | Greece
Greek salad | food | Greece
smørrebrød | food | Denmark
Swedish meatballs | food | Sweden
surströmming | food | Sweden
fondue | food | Switzerland
raclette | food | Switzerland
rösti | food | Switzerland
Emmental cheese | food | Switzerland
Gruyère cheese | food | Switzerland
muesli | food | Switzerland
stroopwafel | food | Netherlands
Gouda cheese | food | Netherlands
Edam cheese | food | Netherlands
poffertjes | food | Netherlands
Belgian waffle | food | Belgium
moules-frites | food | Belgium
speculoos | food | Belgium
lamington | food | Australia
hokey pokey | food | New Zealand
khachapuri | food | Georgia
khinkali | food | Georgia
varenyky | food | Ukraine
svíčková | food | Czech Republic
kabuli palaw | food | Afghanistan
ghormeh sabzi | food | Iran
chelow kabab | food | Iran
German Shepherd | dog breed | Germany
Dachshund | dog breed | Germany
Rottweiler | dog breed | Germany
Dobermann | dog breed | Germany
Great Dane | dog breed | Germany
Boxer | dog breed | Germany
Weimaraner | dog breed | Germany
Schnauzer | dog breed | Germany
Chihuahua | dog breed | Mexico
Xoloitzcuintle | dog breed | Mexico
Shiba Inu | dog breed | Japan
Akita | dog breed | Japan
Pug | dog breed | China
Pekingese | dog breed | China
Chow Chow | dog breed | China
Shar Pei | dog breed | China
Bulldog | dog breed | United Kingdom
Yorkshire Terrier | dog breed | United Kingdom
Border Collie | dog breed | United Kingdom
Golden Retriever | dog breed | United Kingdom
Cavalier King Charles Spaniel | dog breed | United Kingdom
Shetland Sheepdog | dog breed | United Kingdom
Jack Russell Terrier | dog breed | United Kingdom
Whippet | dog breed | United Kingdom
Saint Bernard | dog breed | Switzerland
Bernese Mountain Dog | dog breed | Switzerland
Dalmatian | dog breed | Croatia
Siberian Husky | dog breed | Russia
Samoyed | dog breed | Russia
Borzoi | dog breed | Russia
Afghan Hound | dog breed | Afghanistan
Irish Wolfhound | dog breed | Ireland
Irish Setter | dog breed | Ireland
Newfoundland | dog breed | Canada
Alaskan Malamute | dog breed | United States
Boston Terrier | dog breed | United States
Australian Shepherd | dog breed | United States
French Bulldog | dog breed | France
Basset Hound | dog breed | France
Portuguese Water Dog | dog breed | Portugal
Jindo | dog breed | South Korea
Thai Ridgeback | dog breed | Thailand
Siamese cat | cat breed | Thailand
Persian cat | cat breed | Iran
Maine Coon | cat breed | United States
Sphynx cat | cat breed | Canada
Russian Blue | cat breed | Russia
Bengal cat | cat breed | United States
Ragdoll | cat breed | United States
British Shorthair | cat breed | United Kingdom
Scottish Fold | cat breed | United Kingdom
Norwegian Forest Cat | cat breed | Norway
Turkish Angora | cat breed | Turkey
Turkish Van | cat breed | Turkey
"""

# name | type | country
PLACES = """
Eiffel Tower | landmark | France
Louvre | landmark | France
Louvre Pyramid | landmark | France
Arc de Triomphe | landmark | France
Notre-Dame de Paris | landmark | France
Palace of Versailles | landmark | France
Mont-Saint-Michel | landmark | France
Château de Chambord | landmark | France
Centre Pompidou | landmark | France
Musée d'Orsay | landmark | France
Sacré-Cœur | landmark | France
Pont du Gard | landmark | France
Lascaux | landmark | France
Colosseum | landmark | Italy
Leaning Tower of Pisa | landmark | Italy
Trevi Fountain | landmark | Italy
Pantheon | landmark | Italy
Florence Cathedral | landmark | Italy
Milan Cathedral | landmark | Italy
Uffizi | landmark | Italy
St Mark's Basilica | landmark | Italy
Rialto Bridge | landmark | Italy
Pompeii | landmark | Italy
Big Ben | landmark | United Kingdom
Tower of London | landmark | United Kingdom
Stonehenge | landmark | United Kingdom
Buckingham Palace | landmark | United Kingdom
Tower Bridge | landmark | United Kingdom
London Eye | landmark | United Kingdom
Westminster Abbey | landmark | United Kingdom
St Paul's Cathedral | landmark | United Kingdom
British Museum | landmark | United Kingdom
Edinburgh Castle | landmark | United Kingdom
Giant's Causeway | landmark | United Kingdom
Loch Ness | landmark | United Kingdom
Cliffs of Moher | landmark | Ireland
Statue of Liberty | landmark | United States
Empire State Building | landmark | United States
Golden Gate Bridge | landmark | United States
Grand Canyon | landmark | United States
Mount Rushmore | landmark | United States
White House | landmark | United States
Times Square | landmark | United States
Hollywood Sign | landmark | United States
Yellowstone National Park | landmark | United States
Yosemite National Park | landmark | United States
Death Valley | landmark | United States
Everglades | landmark | United States
Las Vegas Strip | landmark | United States
Space Needle | landmark | United States
Alcatraz Island | landmark | United States
Lincoln Memorial | landmark | United States
Washington Monument | landmark | United States
United States Capitol | landmark | United States
The Pentagon | landmark | United States
Brooklyn Bridge | landmark | United States
Central Park | landmark | United States
Grand Central Terminal | landmark | United States
One World Trade Center | landmark | United States
Rockefeller Center | landmark | United States
Chrysler Building | landmark | United States
Willis Tower | landmark | United States
Gateway Arch | landmark | United States
The Alamo | landmark | United States
Hoover Dam | landmark | United States
Liberty Bell | landmark | United States
Independence Hall | landmark | United States
Kennedy Space Center | landmark | United States
Walt Disney World | landmark | United States
Disneyland | landmark | United States
Metropolitan Museum of Art | landmark | United States
Museum of Modern Art | landmark | United States
Fallingwater | landmark | United States
Fenway Park | landmark | United States
Madison Square Garden | landmark | United States
Great Wall of China | landmark | China
Forbidden City | landmark | China
Terracotta Army | landmark | China
Potala Palace | landmark | China
Tiananmen Square | landmark | China
The Bund | landmark | China
Oriental Pearl Tower | landmark | China
Taj Mahal | landmark | India
Red Fort | landmark | India
Qutub Minar | landmark | India
Gateway of India | landmark | India
Golden Temple | landmark | India
Hawa Mahal | landmark | India
Mount Fuji | landmark | Japan
Tokyo Tower | landmark | Japan
Tokyo Skytree | landmark | Japan
Fushimi Inari-taisha | landmark | Japan
Kinkaku-ji | landmark | Japan
Kiyomizu-dera | landmark | Japan
Himeji Castle | landmark | Japan
Itsukushima Shrine | landmark | Japan
Sensō-ji | landmark | Japan
Sydney Opera House | landmark | Australia
Sydney Harbour Bridge | landmark | Australia
Uluru | landmark | Australia
Great Barrier Reef | landmark | Australia
CN Tower | landmark | Canada
Banff National Park | landmark | Canada
Christ the Redeemer | landmark | Brazil
Sugarloaf Mountain | landmark | Brazil
Machu Picchu | landmark | Peru
Chichen Itza | landmark | Mexico
Teotihuacan | landmark | Mexico
Angkor Wat | landmark | Cambodia
Petra | landmark | Jordan
Great Pyramid of Giza | landmark | Egypt
Great Sphinx of Giza | landmark | Egypt
Abu Simbel | landmark | Egypt
Valley of the Kings | landmark | Egypt
Burj Khalifa | landmark | United Arab Emirates
Burj Al Arab | landmark | United Arab Emirates
Sheikh Zayed Grand Mosque | landmark | United Arab Emirates
Hagia Sophia | landmark | Turkey
Blue Mosque | landmark | Turkey
Topkapı Palace | landmark | Turkey
Ephesus | landmark | Turkey
Pamukkale | landmark | Turkey
Acropolis of Athens | landmark | Greece
Parthenon | landmark | Greece
Knossos | landmark | Greece
Mount Olympus | landmark | Greece
Sagrada Família | landmark | Spain
Alhambra | landmark | Spain
Park Güell | landmark | Spain
Prado Museum | landmark | Spain
Guggenheim Museum Bilbao | landmark | Spain
Brandenburg Gate | landmark | Germany
Neuschwanstein Castle | landmark | Germany
Cologne Cathedral | landmark | Germany
Reichstag building | landmark | Germany
Berlin Wall | landmark | Germany
Rijksmuseum | landmark | Netherlands
Anne Frank House | landmark | Netherlands
Atomium | landmark | Belgium
Manneken Pis | landmark | Belgium
Schönbrunn Palace | landmark | Austria
Charles Bridge | landmark | Czech Republic
Prague Castle | landmark | Czech Republic
Red Square | landmark | Russia
Saint Basil's Cathedral | landmark | Russia
Moscow Kremlin | landmark | Russia
Hermitage Museum | landmark | Russia
Lake Baikal | landmark | Russia
Petronas Towers | landmark | Malaysia
Marina Bay Sands | landmark | Singapore
Borobudur | landmark | Indonesia
Gyeongbokgung | landmark | South Korea
N Seoul Tower | landmark | South Korea
Table Mountain | landmark | South Africa
Mount Kilimanjaro | landmark | Tanzania
Serengeti National Park | landmark | Tanzania
Ha Long Bay | landmark | Vietnam
Shwedagon Pagoda | landmark | Myanmar
Wat Arun | landmark | Thailand
Grand Palace | landmark | Thailand
Sigiriya | landmark | Sri Lanka
Bran Castle | landmark | Romania
Blue Lagoon | landmark | Iceland
Tivoli Gardens | landmark | Denmark
Vasa Museum | landmark | Sweden
Moai | landmark | Chile
Galápagos Islands | landmark | Ecuador
Salar de Uyuni | landmark | Bolivia
Angel Falls | landmark | Venezuela
Panama Canal | landmark | Panama
Kaaba | landmark | Saudi Arabia
Masjid al-Haram | landmark | Saudi Arabia
Persepolis | landmark | Iran
Wembley Stadium | landmark | United Kingdom
Old Trafford | landmark | United Kingdom
Camp Nou | landmark | Spain
Santiago Bernabéu Stadium | landmark | Spain
Maracanã Stadium | landmark | Brazil
Allianz Arena | landmark | Germany
San Siro | landmark | Italy
Stade de France | landmark | France
Harvard University | university | United States
Yale University | university | United States
Princeton University | university | United States
Stanford University | university | United States
Massachusetts Institute of Technology | university | United States
Columbia University | university | United States
University of Chicago | university | United States
California Institute of Technology | university | United States
University of California, Berkeley | university | United States
University of California, Los Angeles | university | United States
Cornell University | university | United States
University of Pennsylvania | university | United States
Johns Hopkins University | university | United States
Duke University | university | United States
New York University | university | United States
University of Michigan | university | United States
Georgetown University | university | United States
Carnegie Mellon University | university | United States
Brown University | university | United States
Dartmouth College | university | United States
University of Oxford | university | United Kingdom
University of Cambridge | university | United Kingdom
Imperial College London | university | United Kingdom
London School of Economics | university | United Kingdom
University College London | university | United Kingdom
University of Edinburgh | university | United Kingdom
King's College London | university | United Kingdom
Trinity College Dublin | university | Ireland
Sorbonne University | university | France
École Polytechnique | university | France
ETH Zurich | university | Switzerland
EPFL | university | Switzerland
University of Tokyo | university | Japan
Kyoto University | university | Japan
Peking University | university | China
Tsinghua University | university | China
Fudan University | university | China
University of Hong Kong | university | China
National University of Singapore | university | Singapore
Seoul National University | university | South Korea
KAIST | university | South Korea
University of Toronto | university | Canada
McGill University | university | Canada
University of British Columbia | university | Canada
University of Melbourne | university | Australia
University of Sydney | university | Australia
Australian National University | university | Australia
Heidelberg University | university | Germany
Technical University of Munich | university | Germany
Humboldt University of Berlin | university | Germany
LMU Munich | university | Germany
University of Bologna | university | Italy
Sapienza University of Rome | university | Italy
University of Salamanca | university | Spain
Complutense University of Madrid | university | Spain
University of Copenhagen | university | Denmark
Uppsala University | university | Sweden
Karolinska Institute | university | Sweden
Lund University | university | Sweden
University of Helsinki | university | Finland
University of Oslo | university | Norway
Leiden University | university | Netherlands
University of Amsterdam | university | Netherlands
Delft University of Technology | university | Netherlands
KU Leuven | university | Belgium
University of Vienna | university | Austria
Charles University | university | Czech Republic
Jagiellonian University | university | Poland
Moscow State University | university | Russia
University of São Paulo | university | Brazil
National Autonomous University of Mexico | university | Mexico
University of Buenos Aires | university | Argentina
Indian Institute of Technology Bombay | university | India
University of Cape Town | university | South Africa
Cairo University | university | Egypt
Hebrew University of Jerusalem | university | Israel
Technion | university | Israel
Real Madrid | sports team | Spain
FC Barcelona | sports team | Spain
Atlético Madrid | sports team | Spain
Manchester United | sports team | United Kingdom
Manchester City | sports team | United Kingdom
Liverpool F.C. | sports team | United Kingdom
Arsenal F.C. | sports team | United Kingdom
Chelsea F.C. | sports team | United Kingdom
Tottenham Hotspur | sports team | United Kingdom
Celtic F.C. | sports team | United Kingdom
Rangers F.C. | sports team | United Kingdom
Bayern Munich | sports team | Germany
Borussia Dortmund | sports team | Germany
Juventus | sports team | Italy
AC Milan | sports team | Italy
Inter Milan | sports team | Italy
AS Roma | sports team | Italy
SSC Napoli | sports team | Italy
Paris Saint-Germain | sports team | France
Olympique de Marseille | sports team | France
AFC Ajax | sports team | Netherlands
PSV Eindhoven | sports team | Netherlands
FC Porto | sports team | Portugal
S.L. Benfica | sports team | Portugal
Sporting CP | sports team | Portugal
Galatasaray | sports team | Turkey
Fenerbahçe | sports team | Turkey
Boca Juniors | sports team | Argentina
River Plate | sports team | Argentina
Flamengo | sports team | Brazil
Santos FC | sports team | Brazil
Corinthians | sports team | Brazil
LA Galaxy | sports team | United States
Inter Miami CF | sports team | United States
Los Angeles Lakers | sports team | United States
Boston Celtics | sports team | United States
Chicago Bulls | sports team | United States
Golden State Warriors | sports team | United States
New York Yankees | sports team | United States
Boston Red Sox | sports team | United States
Los Angeles Dodgers | sports team | United States
Dallas Cowboys | sports team | United States
New England Patriots | sports team | United States
Green Bay Packers | sports team | United States
Toronto Maple Leafs | sports team | Canada
Montreal Canadiens | sports team | Canada
Toronto Raptors | sports team | Canada
"""

# label | type, for entities that only appear in two-column tables
ENTITIES = """
United Nations | organization
NATO | organization
UNESCO | organization
World Health Organization | organization
International Committee of the Red Cross | organization
World Trade Organization | organization
FIFA | organization
UEFA | organization
International Olympic Committee | organization
European Central Bank | central bank
World Bank | organization
International Monetary Fund | organization
OPEC | organization
Interpol | organization
European Commission | organization
NASA | organization
Amnesty International | organization
Greenpeace | organization
Wikimedia Foundation | organization
The Salvation Army | organization
Scouting | organization
Kellogg's | brand
"""

# --------------------------------------------------------------------------- aliases and ids
# label | aliases separated by ';'  (other names a correct answer may use; pycountry adds
# official country names and ISO currency/language names)
ALIASES = """
United States | USA; US; U.S.; U.S.A.; United States of America; America; the United States
United Kingdom | UK; U.K.; Britain; Great Britain; the United Kingdom
Czech Republic | Czechia
Ivory Coast | Côte d'Ivoire; Cote d'Ivoire
East Timor | Timor-Leste
Turkey | Türkiye; Turkiye
Netherlands | Holland; the Netherlands
South Korea | Korea; Republic of Korea
North Korea | DPRK; Democratic People's Republic of Korea
China | PRC
Myanmar | Burma
Democratic Republic of the Congo | DR Congo; DRC; Congo-Kinshasa
Republic of the Congo | Congo-Brazzaville
Bahamas | The Bahamas
Germany | Deutschland
United Arab Emirates | UAE
Vietnam | Viet Nam
Iran | Persia
Bosnia and Herzegovina | Bosnia
North Macedonia | Macedonia
Laos | Lao PDR
New York City | New York; NYC
Washington, D.C. | Washington; Washington DC; Washington D.C.
Los Angeles | LA; L.A.
San Francisco | SF
Kyiv | Kiev
Mumbai | Bombay
Kolkata | Calcutta
Chennai | Madras
Bengaluru | Bangalore
Prayagraj | Allahabad
Beijing | Peking
Reykjavík | Reykjavik
Bogotá | Bogota
Brasília | Brasilia
Mexico City | Ciudad de México
Chișinău | Chisinau
Munich | München
Cologne | Köln
Vienna | Wien
Rome | Roma
Prague | Praha
Lisbon | Lisboa
Copenhagen | København
Gothenburg | Göteborg
Nuremberg | Nürnberg
Hanover | Hannover
Florence | Firenze
Venice | Venezia
Milan | Milano
Naples | Napoli
Turin | Torino
Genoa | Genova
Seville | Sevilla
Málaga | Malaga
Zurich | Zürich
Frankfurt | Frankfurt am Main
Düsseldorf | Dusseldorf
Saint Petersburg | St. Petersburg; Leningrad
St. Louis | Saint Louis
Saint Paul | St. Paul
Xi'an | Xian
Guangzhou | Canton
Medellín | Medellin
Yaoundé | Yaounde
Asunción | Asuncion
Lomé | Lome
Malé | Male
Naypyidaw | Nay Pyi Taw
Kraków | Krakow
Gdańsk | Gdansk; Danzig
Toruń | Torun
Malmö | Malmo
São Paulo | Sao Paulo
Michael Jackson | MJ; King of Pop
Elvis Presley | Elvis; Elvis Aaron Presley
Madonna | Madonna Louise Ciccone
Lady Gaga | Stefani Germanotta
Beyoncé | Beyonce; Beyoncé Knowles
Rihanna | Robyn Rihanna Fenty
Jay-Z | Jay Z; Shawn Carter
Eminem | Marshall Mathers
Drake | Aubrey Graham
The Weeknd | Abel Tesfaye
Sting | Gordon Sumner
Prince | Prince Rogers Nelson
Elton John | Sir Elton John; Reginald Dwight
Freddie Mercury | Farrokh Bulsara
Ringo Starr | Richard Starkey
Björk | Bjork
Stromae | Paul Van Haver
Psy | PSY; Park Jae-sang
Snoop Dogg | Calvin Broadus
Dr. Dre | Andre Young; Dr Dre
50 Cent | Curtis Jackson
Tupac Shakur | 2Pac; Tupac
The Notorious B.I.G. | Biggie Smalls; Biggie; Notorious B.I.G.
Lorde | Ella Yelich-O'Connor
Sia | Sia Furler
Pink | P!nk; Alecia Moore
Kesha | Ke$ha
Pharrell Williams | Pharrell
Lil Nas X | Montero Hill
Post Malone | Austin Post
Bad Bunny | Benito Antonio Martínez Ocasio
Avicii | Tim Bergling
Falco | Johann Hölzel
Hozier | Andrew Hozier-Byrne
Meat Loaf | Marvin Lee Aday
Selena | Selena Quintanilla
Rosalía | Rosalia
Vangelis | Evángelos Papathanassíou
Joe Hisaishi | Mamoru Fujisawa
Mutt Lange | Robert John Lange
Wolfgang Amadeus Mozart | Mozart; W. A. Mozart
Ludwig van Beethoven | Beethoven
Johann Sebastian Bach | J. S. Bach; Bach
George Frideric Handel | Handel; Georg Friedrich Händel
Antonio Vivaldi | Vivaldi
Pyotr Ilyich Tchaikovsky | Tchaikovsky
Frédéric Chopin | Chopin; Frederic Chopin
Richard Wagner | Wagner
Giuseppe Verdi | Verdi
Giacomo Puccini | Puccini
William Shakespeare | Shakespeare
Charles Dickens | Dickens
J. K. Rowling | JK Rowling; Joanne Rowling
J. R. R. Tolkien | Tolkien; JRR Tolkien
George Orwell | Eric Arthur Blair
Mark Twain | Samuel Clemens; Samuel Langhorne Clemens
Lewis Carroll | Charles Lutwidge Dodgson
Voltaire | François-Marie Arouet
Molière | Moliere; Jean-Baptiste Poquelin
Hergé | Herge; Georges Remi
Albert Einstein | Einstein
Isaac Newton | Sir Isaac Newton; Newton
Charles Darwin | Darwin
Leonardo da Vinci | Leonardo; da Vinci
Michelangelo | Michelangelo Buonarroti
Raphael | Raffaello Sanzio
Rembrandt | Rembrandt van Rijn
Vincent van Gogh | Van Gogh
Pablo Picasso | Picasso
Salvador Dalí | Salvador Dali; Dalí
Katsushika Hokusai | Hokusai
Antoni Gaudí | Antoni Gaudi; Gaudí
Marie Curie | Maria Skłodowska-Curie; Madame Curie
Nicolaus Copernicus | Copernicus
Galileo Galilei | Galileo
Mahatma Gandhi | Gandhi; Mohandas Karamchand Gandhi
Martin Luther King Jr. | Martin Luther King; MLK
John F. Kennedy | JFK; Jack Kennedy
Franklin D. Roosevelt | FDR; Franklin Roosevelt
Abraham Lincoln | Lincoln
Barack Obama | Obama
Donald Trump | Donald J. Trump
Elizabeth II | Queen Elizabeth II
Charles III | King Charles III; Prince Charles
William, Prince of Wales | Prince William
Catherine, Princess of Wales | Kate Middleton; Catherine Middleton
Diana, Princess of Wales | Princess Diana; Lady Diana Spencer
Prince Philip | Prince Philip, Duke of Edinburgh; Philip Mountbatten
Meghan, Duchess of Sussex | Meghan Markle
Prince Harry | Prince Harry, Duke of Sussex
Queen Victoria | Victoria of the United Kingdom
Prince Albert | Albert, Prince Consort
Napoleon | Napoleon Bonaparte; Napoleon I
Julius Caesar | Caesar
Augustus | Octavian; Caesar Augustus
Alexander the Great | Alexander III of Macedon
Cleopatra | Cleopatra VII
Kim Jong-un | Kim Jong Un
Jacqueline Kennedy | Jackie Kennedy; Jacqueline Kennedy Onassis
Melinda French Gates | Melinda Gates
Hillary Clinton | Hillary Rodham Clinton
Pelé | Pele; Edson Arantes do Nascimento
Lionel Messi | Messi; Leo Messi
Cristiano Ronaldo | Ronaldo; CR7
Muhammad Ali | Cassius Clay
Gisele Bündchen | Gisele Bundchen
Grace Kelly | Princess Grace of Monaco
Kylian Mbappé | Kylian Mbappe
Zlatan Ibrahimović | Zlatan Ibrahimovic
Luka Modrić | Luka Modric
Johann Wolfgang von Goethe | Goethe
Fyodor Dostoevsky | Dostoevsky; Dostoyevsky
Leo Tolstoy | Tolstoy; Lev Tolstoy
Franz Kafka | Kafka
Miguel de Cervantes | Cervantes
Dante Alighieri | Dante
Hayao Miyazaki | Miyazaki
Akira Kurosawa | Kurosawa
Steven Spielberg | Spielberg
Stanley Kubrick | Kubrick
Alfred Hitchcock | Hitchcock
Quentin Tarantino | Tarantino
Christopher Nolan | Nolan
Charlie Chaplin | Charles Chaplin
Coco Chanel | Gabrielle Chanel
Kōnosuke Matsushita | Konosuke Matsushita
Kōhei Horikoshi | Kohei Horikoshi
Yasujirō Ozu | Yasujiro Ozu
Ishirō Honda | Ishiro Honda
Iwasaki Yatarō | Yataro Iwasaki
Édith Piaf | Edith Piaf
Émile Zola | Emile Zola
Antoine de Saint-Exupéry | Antoine de Saint-Exupery; Saint-Exupéry
Gabriel García Márquez | Gabriel Garcia Marquez; García Márquez
Karl Marx | Marx
Sigmund Freud | Freud
Hans Christian Andersen | H. C. Andersen
The Beatles | Beatles
The Rolling Stones | Rolling Stones; the Stones
AC/DC | ACDC
Guns N' Roses | Guns and Roses
Red Hot Chili Peppers | RHCP; Chili Peppers
Eagles | The Eagles
Bee Gees | The Bee Gees
NSYNC | *NSYNC; N Sync
Earth, Wind & Fire | Earth Wind and Fire
Simon & Garfunkel | Simon and Garfunkel
Hall & Oates | Hall and Oates; Daryl Hall & John Oates
The Jackson 5 | Jackson 5; The Jackson Five
Creedence Clearwater Revival | CCR; Creedence
The Mamas & the Papas | The Mamas and the Papas
Mumford & Sons | Mumford and Sons
Bill Haley & His Comets | Bill Haley and His Comets; Bill Haley
Run-DMC | Run DMC
Black Eyed Peas | The Black Eyed Peas
Ramones | The Ramones
Boney M. | Boney M
Måneskin | Maneskin
Spice Girls | The Spice Girls
Sex Pistols | The Sex Pistols
The Dave Brubeck Quartet | Dave Brubeck Quartet; Dave Brubeck
(I Can't Get No) Satisfaction | Satisfaction
I Wanna Dance with Somebody (Who Loves Me) | I Wanna Dance with Somebody
Single Ladies (Put a Ring on It) | Single Ladies
Gimme! Gimme! Gimme! (A Man After Midnight) | Gimme! Gimme! Gimme!
Sweet Dreams (Are Made of This) | Sweet Dreams
(Sittin' On) The Dock of the Bay | The Dock of the Bay; Dock of the Bay
Waka Waka (This Time for Africa) | Waka Waka
Only Girl (In the World) | Only Girl
Last Friday Night (T.G.I.F.) | Last Friday Night
(Everything I Do) I Do It for You | Everything I Do
Good Riddance (Time of Your Life) | Time of Your Life
Blue (Da Ba Dee) | Da Ba Dee
(You Make Me Feel Like) A Natural Woman | A Natural Woman; Natural Woman
I Got You (I Feel Good) | I Feel Good
Everybody (Backstreet's Back) | Backstreet's Back
Doo Wop (That Thing) | Doo Wop
Damn | DAMN.
Sgt. Pepper's Lonely Hearts Club Band | Sgt. Pepper
The Rise and Fall of Ziggy Stardust and the Spiders from Mars | Ziggy Stardust
(What's the Story) Morning Glory? | Morning Glory
The Dark Side of the Moon | Dark Side of the Moon
Nineteen Eighty-Four | 1984
Harry Potter and the Philosopher's Stone | Harry Potter and the Sorcerer's Stone
Strange Case of Dr Jekyll and Mr Hyde | Dr Jekyll and Mr Hyde; The Strange Case of Dr. Jekyll and Mr. Hyde
Alice's Adventures in Wonderland | Alice in Wonderland
Philosophiæ Naturalis Principia Mathematica | Principia
Euclid's Elements | Elements
On the Origin of Species | The Origin of Species
Das Kapital | Capital
Divine Comedy | The Divine Comedy
Iliad | The Iliad
Odyssey | The Odyssey
Aeneid | The Aeneid
The Stranger | The Outsider; L'Étranger
The Diary of a Young Girl | The Diary of Anne Frank
In Search of Lost Time | Remembrance of Things Past
Twenty Thousand Leagues Under the Seas | Twenty Thousand Leagues Under the Sea
Perfume: The Story of a Murderer | Perfume
Sapiens: A Brief History of Humankind | Sapiens
The Little Prince | Le Petit Prince
De revolutionibus orbium coelestium | On the Revolutions of the Heavenly Spheres
Les Fleurs du mal | The Flowers of Evil
Star Wars | Star Wars: Episode IV – A New Hope; A New Hope
The Empire Strikes Back | Star Wars: Episode V – The Empire Strikes Back
Return of the Jedi | Star Wars: Episode VI – Return of the Jedi
Rogue One | Rogue One: A Star Wars Story
E.T. the Extra-Terrestrial | E.T.
Dr. Strangelove | Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb
Se7en | Seven
Léon: The Professional | Léon; Leon: The Professional
Your Name | Kimi no Na wa
My Neighbor Totoro | My Neighbour Totoro
Castle in the Sky | Laputa: Castle in the Sky
Nausicaä of the Valley of the Wind | Nausicaa of the Valley of the Wind
Dilwale Dulhania Le Jayenge | DDLJ
8½ | 8 1/2; Otto e mezzo
Breathless | À bout de souffle
The 400 Blows | Les Quatre Cents Coups
Pan's Labyrinth | El laberinto del fauno
Run Lola Run | Lola rennt
Kill Bill: Volume 1 | Kill Bill Vol. 1
Kill Bill: Volume 2 | Kill Bill Vol. 2
WALL-E | WALL·E; Wall-E
Godzilla | Gojira
Three Colours: Blue | Three Colors: Blue
Three Colours: Red | Three Colors: Red
Apple | Apple Inc.
Meta Platforms | Meta; Facebook; Facebook, Inc.
Alphabet Inc. | Alphabet
Amazon | Amazon.com
AMD | Advanced Micro Devices
IBM | International Business Machines
The Walt Disney Company | Disney; Walt Disney Company
Mars, Incorporated | Mars Inc.
Volkswagen Group | VW Group
Mercedes-Benz Group | Mercedes-Benz; Daimler
LVMH | Moët Hennessy Louis Vuitton
H&M | Hennes & Mauritz
Lego | The Lego Group; LEGO
Samsung | Samsung Group
Hyundai Motor Company | Hyundai
LG Corporation | LG
Sony Interactive Entertainment | Sony Computer Entertainment; SIE
CD Projekt | CD Projekt Red
Mojang Studios | Mojang
Bandai Namco Entertainment | Bandai Namco
miHoYo | HoYoverse
Blizzard Entertainment | Blizzard
Electronic Arts | EA
Warner Records | Warner Bros. Records
Def Jam Recordings | Def Jam
Motown | Motown Records
Aramco | Saudi Aramco
Kodak | Eastman Kodak
KFC | Kentucky Fried Chicken
Dunkin' | Dunkin' Donuts
The Home Depot | Home Depot
Procter & Gamble | P&G
BBC | British Broadcasting Corporation
Škoda Auto | Škoda; Skoda
Citroën | Citroen
Nestlé | Nestle
Federal Reserve | the Fed; Federal Reserve System
Bank of England | BoE
European Central Bank | ECB
Central Bank of Russia | Bank of Russia
Deutsche Bundesbank | Bundesbank
Bank of Italy | Banca d'Italia
Bank of Spain | Banco de España
Bank of Mexico | Banco de México; Banxico
Hungarian National Bank | Magyar Nemzeti Bank
Swiss National Bank | SNB
Sveriges Riksbank | Riksbank
Reserve Bank of India | RBI
People's Bank of China | PBOC
The Star-Spangled Banner | Star-Spangled Banner
God Save the King | God Save the Queen
Deutschlandlied | Das Lied der Deutschen; Song of Germany
Il Canto degli Italiani | Fratelli d'Italia; Inno di Mameli
Marcha Real | Royal March
Wilhelmus | Het Wilhelmus
Poland Is Not Yet Lost | Mazurek Dąbrowskiego; Dąbrowski's Mazurka
Amhrán na bhFiann | The Soldier's Song
İstiklal Marşı | Independence March
Maamme | Our Land
Mexican National Anthem | Himno Nacional Mexicano
Brazilian National Anthem | Hino Nacional Brasileiro
Argentine National Anthem | Himno Nacional Argentino
United Nations | UN; U.N.
World Health Organization | WHO
World Trade Organization | WTO
International Monetary Fund | IMF
International Olympic Committee | IOC
NATO | North Atlantic Treaty Organization
NASA | National Aeronautics and Space Administration
International Committee of the Red Cross | ICRC; Red Cross
Massachusetts Institute of Technology | MIT
California Institute of Technology | Caltech
University of California, Berkeley | UC Berkeley
University of California, Los Angeles | UCLA
London School of Economics | LSE
University College London | UCL
University of Oxford | Oxford University
University of Cambridge | Cambridge University
National Autonomous University of Mexico | UNAM
Indian Institute of Technology Bombay | IIT Bombay
Manchester United | Man United; Man Utd
Manchester City | Man City
Liverpool F.C. | Liverpool FC
Arsenal F.C. | Arsenal
Chelsea F.C. | Chelsea
Bayern Munich | FC Bayern Munich; Bayern
Paris Saint-Germain | PSG
AFC Ajax | Ajax
S.L. Benfica | Benfica
Inter Milan | Internazionale
Juventus | Juve
FC Barcelona | Barça
Los Angeles Lakers | Lakers
New York Yankees | Yankees
Louvre | Louvre Museum; Musée du Louvre
Great Pyramid of Giza | Pyramid of Giza; Pyramid of Cheops
Leaning Tower of Pisa | Tower of Pisa
Big Ben | Elizabeth Tower
Colosseum | Flavian Amphitheatre
Notre-Dame de Paris | Notre-Dame Cathedral
Sagrada Família | Sagrada Familia
Uluru | Ayers Rock
Moscow Kremlin | the Kremlin
Blue Mosque | Sultan Ahmed Mosque
Sensō-ji | Senso-ji
Topkapı Palace | Topkapi Palace
Willis Tower | Sears Tower
Mount Fuji | Fuji; Fujisan
Mount Kilimanjaro | Kilimanjaro
Galápagos Islands | Galapagos Islands
taco | tacos
burrito | burritos
tamale | tamales
crêpe | crepe; crepes
jiaozi | Chinese dumplings
baozi | bao
pho | phở
bánh mì | banh mi
spaghetti alla carbonara | carbonara; spaghetti carbonara
Parmigiano-Reggiano | Parmesan
Spanish omelette | tortilla española; Spanish tortilla
Wiener schnitzel | schnitzel
Scotch whisky | Scotch
bourbon whiskey | bourbon
Swedish meatballs | köttbullar
mole poblano | mole
bubble tea | boba; pearl milk tea
masala chai | chai
beef bourguignon | bœuf bourguignon
éclair | eclair
soufflé | souffle
Earl Grey tea | Earl Grey
Cheddar cheese | Cheddar
Gouda cheese | Gouda
Edam cheese | Edam
Emmental cheese | Emmental
Gruyère cheese | Gruyère
German Shepherd | Alsatian; German Shepherd Dog
Dobermann | Doberman; Doberman Pinscher
Saint Bernard | St. Bernard
Xoloitzcuintle | Xolo; Mexican hairless dog
Bulldog | English Bulldog; British Bulldog
Siamese cat | Siamese
Sphynx cat | Sphynx
Chinese | Mandarin; Mandarin Chinese; Standard Chinese
Persian | Farsi
Bengali | Bangla
Slovene | Slovenian
Dhivehi | Maldivian
Malay | Bahasa Melayu
Indonesian | Bahasa Indonesia
Darth Vader | Anakin Skywalker
Padmé Amidala | Padme Amidala
Superman | Clark Kent; Kal-El
Batman | Bruce Wayne
Son Goku | Goku
Monkey D. Luffy | Luffy
Arthur Fonzarelli | Fonzie; The Fonz
Cosmo Kramer | Kramer
Fitzwilliam Darcy | Mr. Darcy
Abe Simpson | Grampa Simpson; Abraham Simpson
Kylo Ren | Ben Solo
Rodion Raskolnikov | Raskolnikov
Heracles | Hercules
Uranus | Ouranos
Cronus | Kronos
Baldr | Balder; Baldur
Helen of Troy | Helen
King David | David
Rebecca | Rebekah
Microsoft Windows | Windows
Adobe Photoshop | Photoshop
Linux | Linux kernel
Amazon Alexa | Alexa
Google Chrome | Chrome
Firefox | Mozilla Firefox
C# | C Sharp
Microsoft Excel | Excel
macOS | Mac OS X; OS X
The Elder Scrolls V: Skyrim | Skyrim
The Witcher 3: Wild Hunt | The Witcher 3
Grand Theft Auto V | GTA V; GTA 5
Red Dead Redemption 2 | RDR2
Super Mario Bros. | Super Mario Brothers
Pokémon Go | Pokemon Go
World of Warcraft | WoW
Street Fighter II | Street Fighter 2
Final Fantasy VII | Final Fantasy 7
"""

# label | Wikidata id.  Countries are in COUNTRIES; capitals checked against a public table of
# countries and capitals with Wikidata ids; the rest are ids we are certain of.
QIDS = """
Europe | Q46
Asia | Q48
Africa | Q15
North America | Q49
South America | Q18
Oceania | Q538
Washington, D.C. | Q61
London | Q84
Paris | Q90
Berlin | Q64
Rome | Q220
Madrid | Q2807
Moscow | Q649
Beijing | Q956
Tokyo | Q1490
Ottawa | Q1930
Canberra | Q3114
New Delhi | Q987
Brasília | Q2844
Buenos Aires | Q1486
Mexico City | Q1489
Vienna | Q1741
Stockholm | Q1754
Oslo | Q585
Copenhagen | Q1748
Helsinki | Q1757
Amsterdam | Q727
Brussels | Q239
Bern | Q70
Lisbon | Q597
Athens | Q1524
Warsaw | Q270
Prague | Q1085
Budapest | Q1781
Dublin | Q1761
Cairo | Q85
Ankara | Q3640
Seoul | Q8684
Hanoi | Q1858
Bangkok | Q1861
Jakarta | Q3630
Manila | Q1461
Kuala Lumpur | Q1865
Islamabad | Q1362
Dhaka | Q1354
Wellington | Q23661
Tehran | Q3616
Baghdad | Q1530
Riyadh | Q3692
Kyiv | Q1899
Reykjavík | Q1764
Tallinn | Q1770
Riga | Q1773
Vilnius | Q216
Bratislava | Q1780
Ljubljana | Q437
Zagreb | Q1435
Belgrade | Q3711
Sofia | Q472
Bucharest | Q19660
Tirana | Q19689
Sarajevo | Q11194
Skopje | Q384
Podgorica | Q23564
Minsk | Q2280
Chișinău | Q21197
Valletta | Q23800
Nicosia | Q3856
Luxembourg City | Q1842
Vaduz | Q1844
Tbilisi | Q994
Yerevan | Q1953
Baku | Q9248
Astana | Q1520
Tashkent | Q269
Bishkek | Q9361
Dushanbe | Q9365
Ashgabat | Q23438
Kabul | Q5838
Kathmandu | Q3037
Thimphu | Q9270
Malé | Q9347
Naypyidaw | Q37400
Vientiane | Q9326
Phnom Penh | Q1850
Ulaanbaatar | Q23430
Taipei | Q1867
Bandar Seri Begawan | Q9279
Dili | Q9310
Doha | Q3861
Manama | Q3882
Kuwait City | Q35178
Muscat | Q3826
Abu Dhabi | Q1519
Amman | Q3805
Beirut | Q3820
Damascus | Q3766
Algiers | Q3561
Rabat | Q3551
Tunis | Q3572
Tripoli | Q3579
Khartoum | Q1963
Addis Ababa | Q3624
Nairobi | Q3870
Kampala | Q3894
Kigali | Q3859
Dodoma | Q3866
Lusaka | Q3881
Harare | Q3921
Maputo | Q3889
Lilongwe | Q3876
Windhoek | Q3935
Luanda | Q3897
Antananarivo | Q3915
Port Louis | Q3929
Dakar | Q3718
Bamako | Q3703
Niamey | Q3674
N'Djamena | Q3659
Abuja | Q3787
Accra | Q3761
Lomé | Q3792
Yamoussoukro | Q3768
Monrovia | Q3748
Freetown | Q3780
Conakry | Q3733
Nouakchott | Q3688
Libreville | Q3825
Yaoundé | Q3808
Bangui | Q3832
Mogadishu | Q2449
Havana | Q1563
Kingston | Q34692
Nassau | Q2467
Bridgetown | Q36168
Belmopan | Q3043
Guatemala City | Q1555
San Salvador | Q3110
Tegucigalpa | Q3238
Managua | Q3274
San José | Q3070
Panama City | Q3306
Santo Domingo | Q34820
Port-au-Prince | Q34261
Port of Spain | Q39178
Caracas | Q1533
Bogotá | Q2841
Quito | Q2900
Lima | Q2868
Santiago | Q2887
Montevideo | Q1335
Asunción | Q2933
Georgetown | Q10717
Paramaribo | Q3001
Suva | Q38807
Port Moresby | Q36526
Apia | Q36260
New York City | Q60
Los Angeles | Q65
Chicago | Q1297
San Francisco | Q62
English | Q1860
French | Q150
German | Q188
Spanish | Q1321
Italian | Q652
Japanese | Q5287
Russian | Q7737
Portuguese | Q5146
Arabic | Q13955
United States dollar | Q4917
euro | Q4916
Japanese yen | Q8146
pound sterling | Q25224
Albert Einstein | Q937
William Shakespeare | Q692
Charles Darwin | Q1035
Isaac Newton | Q935
Wolfgang Amadeus Mozart | Q254
Ludwig van Beethoven | Q255
Johann Sebastian Bach | Q1339
Vincent van Gogh | Q5582
Leonardo da Vinci | Q762
Pablo Picasso | Q5593
Marie Curie | Q7186
Aristotle | Q868
Plato | Q859
John Lennon | Q1203
Paul McCartney | Q2599
The Beatles | Q1299
Michael Jackson | Q2831
Elvis Presley | Q303
Madonna | Q1744
Taylor Swift | Q26876
Barack Obama | Q76
Donald Trump | Q22686
Abraham Lincoln | Q91
Napoleon | Q517
Nelson Mandela | Q8023
Mahatma Gandhi | Q1001
Elizabeth II | Q9682
Apple | Q312
Microsoft | Q2283
Google | Q95
Amazon | Q3884
Meta Platforms | Q380
Nintendo | Q8093
"""


if __name__ == "__main__":
    main()
