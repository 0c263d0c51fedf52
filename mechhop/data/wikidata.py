"""Building the two-hop dataset from Wikidata's SPARQL endpoint.

The method follows Biran et al., "Hopping Too Late" (EMNLP 2024, §3;
docs/method/index.md): facts ``(subject, relation, object)`` over the paper's 29
Wikidata relations, restricted to popular subjects (popularity = number of
sitelinks, i.e. Wikipedia articles in any language), are chained into
two-hop queries by :func:`mechhop.data.compose.compose` (three distinct
entities; each (subject, relation) with a unique object).

For each relation one SPARQL query returns the most popular subjects (at
least ``min_sitelinks`` sitelinks, at most ``limit`` of them) with *all* their
truthy objects, the English labels and aliases of both, their ``instance of``
(P31) classes and their sitelink counts. A subject some of whose objects come
back without an English label is dropped, so that "unique object" is judged on
the complete set. An entity's type is its P31 class with the smallest numeric
id (e.g. "human" Q5, "country" Q6256): the oldest, most generic class.

Nothing is half-written: every response must parse as SPARQL 1.1 JSON results
(the endpoint cuts responses on timeouts), failures raise :class:`WikidataError`
naming the relation and query, the dataset file is written atomically at the
end, and raw responses are cached (atomically, only once validated) under
``cache_dir`` so a rerun resumes without repeating finished queries.

Example (needs network)::

    from mechhop.data.wikidata import WikidataConfig, build_dataset

    config = WikidataConfig(user_agent="my-study/0.1 (me@example.org)", cache_dir="wikidata-cache")
    dataset = build_dataset("two_hop.csv", config)
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import logging
import os
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from mechhop.data.compose import FACT_COLUMNS, compose
from mechhop.data.relations import BY_PID, PAPER_RELATIONS, RELATIONS, relation
from mechhop.data.schema import TwoHopDataset
from mechhop.errors import MechhopError
from mechhop.progress import tqdm

__all__ = [
    "DEFAULT_USER_AGENT",
    "FACT_TABLE_COLUMNS",
    "WIKIDATA_SPARQL_URL",
    "WikidataConfig",
    "WikidataError",
    "build_dataset",
    "cache_file",
    "fetch_facts",
    "fetch_relation",
    "sparql_query",
]

log = logging.getLogger(__name__)

WIKIDATA_SPARQL_URL = "https://query.wikidata.org/sparql"
ENTITY_PREFIX = "http://www.wikidata.org/entity/"
DEFAULT_USER_AGENT = "mechhop/0.1 (two-hop dataset builder; https://pypi.org/project/mechhop/) Python-urllib"
FACT_TABLE_COLUMNS: tuple[str, ...] = (*FACT_COLUMNS, "subject_popularity", "object_popularity")
DATASET_SUFFIXES = (".csv", ".jsonl", ".ndjson", ".parquet", ".pq")

# Variables every response binding must carry (aliases and types may be absent: no aliases / classes).
REQUIRED_VARS: tuple[str, ...] = ("s", "o", "sLabel", "oLabel", "sSitelinks", "oSitelinks", "objectCount")
OPTIONAL_VARS: tuple[str, ...] = ("sAliases", "oAliases", "sTypes", "oTypes")
SEPARATOR = "\t"  # GROUP_CONCAT separator: Wikidata labels and aliases never contain tabs
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER_S = 300.0


class WikidataError(MechhopError):
    """Fetching facts from Wikidata failed; the message names the relation, the query and what to do."""

    def __init__(self, message: str, *, relation: str = "", query: str = "") -> None:
        super().__init__(message)
        self.relation = relation
        self.query = query


@dataclass(frozen=True)
class WikidataConfig:
    """Where and how to query Wikidata.

    Attributes:
        endpoint: SPARQL endpoint URL (Wikidata Query Service by default).
        relations: Wikidata property ids (names such as ``"performer"`` are accepted and
            converted); default: the paper's 29 relations.
        min_sitelinks: popularity threshold on subjects (popularity = number of sitelinks).
        limit: at most this many subjects per relation, the most popular first.
        timeout: seconds to wait for one HTTP response (WDQS itself stops queries at 60 s).
        retries: further attempts after HTTP 429/5xx or a network error.
        backoff: seconds before the first retry, doubled each time (a larger ``Retry-After``
            header from the server wins, up to 5 minutes).
        user_agent: sent with every request; Wikidata's policy requires a descriptive one
            with contact information (https://meta.wikimedia.org/wiki/User-Agent_policy).
        cache_dir: if set, raw responses are cached there, keyed by a hash of endpoint and
            query; a cached response is reused without any HTTP request. ``None``: no cache.
        method: HTTP method; GET (WDQS caches GET results for a while) or POST.
    """

    endpoint: str = WIKIDATA_SPARQL_URL
    relations: tuple[str, ...] = field(
        default_factory=lambda: tuple(RELATIONS[n].pid for n in PAPER_RELATIONS)
    )
    min_sitelinks: int = 20
    limit: int = 5000
    timeout: float = 90.0
    retries: int = 3
    backoff: float = 5.0
    user_agent: str = DEFAULT_USER_AGENT
    cache_dir: str | os.PathLike[str] | None = None
    method: Literal["GET", "POST"] = "GET"

    def __post_init__(self) -> None:
        if isinstance(self.relations, str):
            raise WikidataError(
                f"WikidataConfig.relations must be a sequence of property ids, got the string "
                f"{self.relations!r}; write relations=({self.relations!r},)."
            )
        pids = tuple(relation(r).pid for r in self.relations)  # unknown names raise with a suggestion
        if not pids:
            raise WikidataError(
                "WikidataConfig.relations is empty; name at least one relation (e.g. 'P175')."
            )
        if len(set(pids)) != len(pids):
            raise WikidataError(f"WikidataConfig.relations repeats a relation: {list(pids)}.")
        object.__setattr__(self, "relations", pids)
        parsed = urllib.parse.urlparse(self.endpoint)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise WikidataError(
                f"WikidataConfig.endpoint {self.endpoint!r} is not an http(s) URL; "
                f"use {WIKIDATA_SPARQL_URL!r} or your mirror's SPARQL URL."
            )
        checks = (
            ("min_sitelinks", self.min_sitelinks >= 0, "at least 0"),
            ("limit", self.limit >= 1, "at least 1"),
            ("timeout", self.timeout > 0, "positive"),
            ("retries", self.retries >= 0, "at least 0"),
            ("backoff", self.backoff >= 0, "at least 0"),
        )
        for name, ok, what in checks:
            if not ok:
                raise WikidataError(f"WikidataConfig.{name} must be {what}, got {getattr(self, name)!r}.")
        if not self.user_agent.strip():
            raise WikidataError(
                "WikidataConfig.user_agent is empty; Wikidata requires a descriptive User-Agent, "
                "e.g. 'my-study/0.1 (me@example.org)'."
            )
        if self.method not in ("GET", "POST"):
            raise WikidataError(f"WikidataConfig.method must be 'GET' or 'POST', got {self.method!r}.")


# -- the query ---------------------------------------------------------------------------------
def sparql_query(pid: str, config: WikidataConfig | None = None) -> str:
    """The SPARQL query fetching one relation's facts (see the module docstring)."""
    config = config or WikidataConfig(relations=(pid,))
    rel = relation(pid)
    p = rel.pid

    def entity(v: str) -> str:
        return f"""
  ?{v} rdfs:label ?{v}Label . FILTER(LANG(?{v}Label) = "en")
  OPTIONAL {{ ?{v} skos:altLabel ?{v}Alias . FILTER(LANG(?{v}Alias) = "en") }}
  OPTIONAL {{
    ?{v} wdt:P31 ?{v}Class . ?{v}Class rdfs:label ?{v}ClassLabel . FILTER(LANG(?{v}ClassLabel) = "en")
    BIND(CONCAT(STRAFTER(STR(?{v}Class), "{ENTITY_PREFIX}"), " ", ?{v}ClassLabel) AS ?{v}Type)
  }}"""

    return f"""# mechhop: relation {rel.name!r} ({p}), subjects with >= {config.min_sitelinks} sitelinks
SELECT ?s ?o ?sLabel ?oLabel ?sSitelinks ?oSitelinks ?objectCount
  (GROUP_CONCAT(DISTINCT ?sAlias; separator="\\t") AS ?sAliases)
  (GROUP_CONCAT(DISTINCT ?oAlias; separator="\\t") AS ?oAliases)
  (GROUP_CONCAT(DISTINCT ?sType; separator="\\t") AS ?sTypes)
  (GROUP_CONCAT(DISTINCT ?oType; separator="\\t") AS ?oTypes)
WHERE {{
  {{
    SELECT ?s ?sSitelinks (COUNT(DISTINCT ?anyObject) AS ?objectCount) WHERE {{
      ?s wdt:{p} ?anyObject ;
         wikibase:sitelinks ?sSitelinks .
      FILTER(?sSitelinks >= {config.min_sitelinks})
    }}
    GROUP BY ?s ?sSitelinks
    ORDER BY DESC(?sSitelinks) ?s
    LIMIT {config.limit}
  }}
  ?s wdt:{p} ?o .
  ?o wikibase:sitelinks ?oSitelinks .{entity("s")}{entity("o")}
}}
GROUP BY ?s ?o ?sLabel ?oLabel ?sSitelinks ?oSitelinks ?objectCount
ORDER BY DESC(?sSitelinks) ?s ?o
"""


# -- HTTP and cache ----------------------------------------------------------------------------
def cache_file(config: WikidataConfig, query: str) -> Path | None:
    """Where the raw response to ``query`` is cached (``None`` without a cache_dir)."""
    if config.cache_dir is None:
        return None
    key = hashlib.sha256(f"{config.endpoint}\n{query}".encode()).hexdigest()
    return Path(config.cache_dir) / f"{key}.json"


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp_name, path)
    finally:
        Path(tmp_name).unlink(missing_ok=True)


class _Failure(Exception):
    """One failed attempt: why, and whether trying again may help."""

    def __init__(self, reason: str, *, retry: bool, wait: float = 0.0, hint: str = "") -> None:
        super().__init__(reason)
        self.retry = retry
        self.wait = wait
        self.hint = hint


def _retry_after(headers: Message | None) -> float:
    value = headers.get("Retry-After") if headers is not None else None
    try:
        return min(max(float(value), 0.0), MAX_RETRY_AFTER_S) if value else 0.0
    except ValueError:
        return 0.0  # an HTTP date: fall back to our own backoff


def _snippet(body: bytes, n: int = 300) -> str:
    text = " ".join(body.decode("utf-8", "replace").split())
    return text[:n] + ("..." if len(text) > n else "")


def _timeout_hint(body: bytes) -> str:
    if b"TimeoutException" in body or b"timeout" in body.lower():
        return (
            " The query timed out on the server: raise min_sitelinks or lower limit so it "
            "finishes within the endpoint's time limit (60 s on query.wikidata.org)."
        )
    return ""


def _http_once(config: WikidataConfig, query: str) -> bytes:
    encoded = urllib.parse.urlencode({"query": query})
    headers = {"Accept": "application/sparql-results+json", "User-Agent": config.user_agent}
    if config.method == "GET":
        sep = "&" if "?" in config.endpoint else "?"
        request = urllib.request.Request(f"{config.endpoint}{sep}{encoded}", headers=headers, method="GET")
    else:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(
            config.endpoint, data=encoded.encode(), headers=headers, method="POST"
        )
    try:
        with urllib.request.urlopen(request, timeout=config.timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        try:
            body = exc.read()
        except (OSError, http.client.HTTPException):
            body = b""
        reason = (
            f"HTTP {exc.code} {exc.reason}: {_snippet(body)}" if body else f"HTTP {exc.code} {exc.reason}"
        )
        hint = _timeout_hint(body)
        if exc.code == 403:
            hint += " A 403 often means the User-Agent was refused: set a descriptive user_agent."
        if exc.code == 400:
            hint += (
                " A 400 means the endpoint rejected the query; check the endpoint is a Wikidata SPARQL one."
            )
        retry = exc.code in RETRY_STATUSES or 500 <= exc.code < 600
        raise _Failure(reason, retry=retry, wait=_retry_after(exc.headers), hint=hint) from exc
    except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
        # Connection refused/reset, DNS, socket timeouts, and bodies cut short (IncompleteRead).
        cause = getattr(exc, "reason", None) or exc
        raise _Failure(f"network error: {type(exc).__name__}: {cause}", retry=True) from exc


def _parse_response(body: bytes) -> dict[str, Any]:
    """The SPARQL JSON results in ``body``; raises _Failure (not retried) if invalid or truncated."""
    try:
        payload = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        stripped = body.lstrip()
        if stripped.startswith((b"{", b"[")):
            what = f"the JSON is truncated or malformed ({exc})"
        elif stripped[:1] == b"<":
            what = f"an HTML page instead of JSON: {_snippet(body, 200)}"
        elif not stripped:
            what = "an empty response"
        else:
            what = f"text instead of JSON: {_snippet(body, 200)}"
        raise _Failure(f"invalid response: {what}", retry=False, hint=_timeout_hint(body)) from exc
    head = payload.get("head") if isinstance(payload, dict) else None
    results = payload.get("results") if isinstance(payload, dict) else None
    variables = head.get("vars") if isinstance(head, dict) else None
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(variables, list) or not isinstance(bindings, list):
        raise _Failure(
            "invalid response: not SPARQL 1.1 JSON results (needs head.vars and results.bindings)",
            retry=False,
        )
    missing = [v for v in REQUIRED_VARS if v not in variables]
    if missing:
        raise _Failure(f"invalid response: head.vars lacks {missing} (got {variables})", retry=False)
    return payload


def _fetch_facts(config: WikidataConfig, pid: str, query: str) -> pd.DataFrame:
    """One relation's validated fact table, from the cache or the endpoint."""
    path = cache_file(config, query)
    if path is not None and path.is_file():
        try:
            return _facts_from_payload(_parse_response(path.read_bytes()), pid, config)
        except _Failure as exc:
            log.warning("Ignoring invalid cache entry %s (%s); fetching again.", path, exc)
    attempts = config.retries + 1
    for attempt in range(attempts):
        try:
            body = _http_once(config, query)
            facts = _facts_from_payload(_parse_response(body), pid, config)  # validates every binding
        except _Failure as exc:
            if exc.retry and attempt + 1 < attempts:
                wait = max(config.backoff * 2**attempt, exc.wait)
                log.info("Wikidata %s: %s; retrying in %.1f s.", pid, exc, wait)
                time.sleep(wait)
                continue
            raise _error(config, pid, query, exc, attempt + 1) from exc
        if path is not None:
            _write_atomic(path, body)  # only a response that parsed and validated is cached
        return facts
    raise AssertionError("unreachable")  # pragma: no cover


def _error(config: WikidataConfig, pid: str, query: str, exc: _Failure, attempts: int) -> WikidataError:
    name = BY_PID[pid].name
    advice = (
        f"Retry later (the endpoint may be busy or rate-limiting), or check that the endpoint "
        f"{config.endpoint!r} is reachable and answers SPARQL."
    )
    if not exc.retry:
        advice = (
            f"Check that the endpoint {config.endpoint!r} is a Wikidata SPARQL endpoint, "
            "or retry later if the response was cut off."
        )
    cached = (
        f" Responses already fetched are cached in {str(config.cache_dir)!r} and will be reused."
        if config.cache_dir is not None
        else " Set cache_dir so that a retry reuses the relations already fetched."
    )
    return WikidataError(
        f"Wikidata query for relation {name!r} ({pid}) failed after {attempts} attempt(s): {exc}."
        f"{exc.hint} {advice} Nothing was written.{cached}\nQuery:\n{query}",
        relation=name,
        query=query,
    )


# -- responses to facts ------------------------------------------------------------------------
def _value(binding: dict[str, Any], var: str) -> str:
    cell = binding.get(var)
    if cell is None:
        return ""
    if not isinstance(cell, dict) or not isinstance(cell.get("value"), str):
        raise _Failure(f"invalid response: binding of ?{var} is not a SPARQL term: {cell!r}", retry=False)
    return cell["value"]


def _qid(iri: str) -> str:
    return iri[len(ENTITY_PREFIX) :] if iri.startswith(ENTITY_PREFIX) else ""


def _count(binding: dict[str, Any], var: str) -> int:
    text = _value(binding, var)
    try:
        return int(text)
    except ValueError:
        raise _Failure(f"invalid response: ?{var} = {text!r} is not an integer", retry=False) from None


def _aliases(text: str, label: str) -> str:
    aliases = {a.strip() for a in text.split(SEPARATOR)} - {"", label}
    return json.dumps(sorted(aliases, key=lambda a: (a.casefold(), a)), ensure_ascii=False)


def _entity_type(text: str) -> str:
    """The label of the P31 class with the smallest numeric id among ``"Q5 human\\tQ..."``."""
    best: tuple[int, str] | None = None
    for item in text.split(SEPARATOR):
        qid, _, label = item.strip().partition(" ")
        if qid[:1] == "Q" and qid[1:].isdigit() and label.strip():
            candidate = (int(qid[1:]), label.strip())
            best = candidate if best is None or candidate < best else best
    return best[1] if best else ""


def _facts_from_payload(payload: dict[str, Any], pid: str, config: WikidataConfig) -> pd.DataFrame:
    """One relation's fact table from a validated response (raises _Failure on a bad binding)."""
    name = BY_PID[pid].name
    rows: list[dict[str, Any]] = []
    object_count: dict[str, int] = {}
    for binding in payload["results"]["bindings"]:
        if not isinstance(binding, dict):
            raise _Failure(f"invalid response: a binding is not an object: {binding!r}", retry=False)
        missing = [v for v in REQUIRED_VARS if v not in binding]
        if missing:
            raise _Failure(f"invalid response: a binding lacks {missing}: {binding!r}", retry=False)
        s_qid, o_qid = _qid(_value(binding, "s")), _qid(_value(binding, "o"))
        if not s_qid:
            raise _Failure(f"invalid response: ?s is not a Wikidata item: {binding['s']!r}", retry=False)
        object_count[s_qid] = _count(binding, "objectCount")
        subject, obj = _value(binding, "sLabel").strip(), _value(binding, "oLabel").strip()
        s_links, o_links = _count(binding, "sSitelinks"), _count(binding, "oSitelinks")
        if not o_qid or not subject or not obj or s_links < config.min_sitelinks:
            continue
        rows.append(
            {
                "subject": subject,
                "relation": name,
                "object": obj,
                "subject_type": _entity_type(_value(binding, "sTypes")),
                "object_type": _entity_type(_value(binding, "oTypes")),
                "subject_aliases": _aliases(_value(binding, "sAliases"), subject),
                "object_aliases": _aliases(_value(binding, "oAliases"), obj),
                "subject_qid": s_qid,
                "object_qid": o_qid,
                "source": "wikidata",
                "subject_popularity": s_links,
                "object_popularity": o_links,
            }
        )
    frame = pd.DataFrame(rows, columns=list(FACT_TABLE_COLUMNS))
    frame = frame.drop_duplicates(["subject_qid", "object_qid"], ignore_index=True)
    # A subject some of whose objects did not come back (no English label, an unknown value)
    # would look as if its object were unique: drop it.
    returned: dict[str, int] = defaultdict(int)
    for qid in frame["subject_qid"]:
        returned[qid] += 1
    complete = [returned[q] >= object_count[q] for q in frame["subject_qid"]]
    dropped = complete.count(False)
    if dropped:
        log.debug("%s: dropped %d facts of subjects with objects lacking an English label.", name, dropped)
    frame = frame.loc[pd.Series(complete, index=frame.index, dtype=bool)].astype(
        {"subject_popularity": "int64", "object_popularity": "int64"}
    )
    frame = frame.sort_values(
        ["subject_popularity", "subject_qid", "object_qid"], ascending=[False, True, True], ignore_index=True
    )
    return frame


# -- public entry points -----------------------------------------------------------------------
def fetch_relation(pid: str, config: WikidataConfig | None = None) -> pd.DataFrame:
    """The fact table of one relation (a pid or name); see :func:`fetch_facts`."""
    config = config or WikidataConfig(relations=(pid,))
    pid = relation(pid).pid
    return _fetch_facts(config, pid, sparql_query(pid, config))


def fetch_facts(config: WikidataConfig | None = None, *, progress: bool = True) -> pd.DataFrame:
    """Facts of every configured relation, one SPARQL query each.

    Returns a table with ``FACT_COLUMNS`` plus ``subject_popularity`` and
    ``object_popularity`` (sitelink counts): relation names (keys of ``RELATIONS``),
    English labels, aliases as JSON lists, P31 types, Wikidata ids, ``source="wikidata"``.
    Raises :class:`WikidataError` if any query fails; nothing partial is returned.
    """
    config = config or WikidataConfig()
    frames: list[pd.DataFrame] = []
    bar = tqdm(config.relations, desc="wikidata", unit="relation", disable=not progress)
    try:
        for pid in bar:
            bar.set_postfix_str(f"{BY_PID[pid].name} ({pid})")
            frames.append(fetch_relation(pid, config))
    finally:
        bar.close()
    frame = pd.concat(frames, ignore_index=True)
    return frame.astype({"subject_popularity": "int64", "object_popularity": "int64"})


def build_dataset(
    out_path: str | os.PathLike[str],
    config: WikidataConfig | None = None,
    *,
    progress: bool = True,
) -> TwoHopDataset:
    """Fetch facts, compose two-hop queries (paper rules), and write them to ``out_path``.

    The format follows the suffix (.csv, .jsonl, .parquet). The file is written
    atomically and only after every query succeeded; on any failure a
    :class:`WikidataError` is raised and no file is written.
    """
    out = Path(out_path)
    if out.suffix.lower() not in DATASET_SUFFIXES:
        raise WikidataError(
            f"Output {str(out)!r}: unsupported suffix {out.suffix!r}; "
            f"use one of {', '.join(DATASET_SUFFIXES)}."
        )
    config = config or WikidataConfig()
    facts = fetch_facts(config, progress=progress)
    dataset = compose(facts)
    if len(dataset) == 0:
        raise WikidataError(
            f"The {len(facts)} facts fetched for relations {list(config.relations)} form no two-hop "
            "query (no object of one relation is the subject of another). Nothing was written. "
            "Add relations, lower min_sitelinks or raise limit."
        )
    dataset.write(out)
    return dataset


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m mechhop.data.wikidata OUT``: build the dataset from the command line."""
    defaults = WikidataConfig()
    parser = argparse.ArgumentParser(
        prog="python -m mechhop.data.wikidata",
        description="Build the two-hop dataset (Biran et al., 2024) from Wikidata's SPARQL endpoint.",
    )
    parser.add_argument("out", help="output file: .csv, .jsonl or .parquet")
    parser.add_argument("--relations", nargs="+", default=list(defaults.relations), help="pids or names")
    parser.add_argument("--min-sitelinks", type=int, default=defaults.min_sitelinks)
    parser.add_argument("--limit", type=int, default=defaults.limit, help="subjects per relation")
    parser.add_argument("--endpoint", default=defaults.endpoint)
    parser.add_argument("--user-agent", default=defaults.user_agent, help="descriptive, with contact info")
    parser.add_argument("--cache-dir", default=None, help="cache raw responses here (resumable)")
    parser.add_argument("--retries", type=int, default=defaults.retries)
    parser.add_argument("--timeout", type=float, default=defaults.timeout)
    args = parser.parse_args(argv)
    try:
        config = WikidataConfig(
            endpoint=args.endpoint,
            relations=tuple(args.relations),
            min_sitelinks=args.min_sitelinks,
            limit=args.limit,
            timeout=args.timeout,
            retries=args.retries,
            user_agent=args.user_agent,
            cache_dir=args.cache_dir,
        )
        dataset = build_dataset(args.out, config)
    except MechhopError as exc:
        parser.exit(1, f"error: {exc}\n")
    print(f"Wrote {dataset!r} to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
