"""The Wikidata builder, fully offline: recorded SPARQL responses served from 127.0.0.1."""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from mechhop.data.compose import FACT_COLUMNS
from mechhop.data.relations import PAPER_RELATIONS, RELATIONS
from mechhop.data.schema import TwoHopDataset
from mechhop.data.wikidata import (
    FACT_TABLE_COLUMNS,
    WikidataConfig,
    WikidataError,
    build_dataset,
    cache_file,
    fetch_facts,
    main,
    sparql_query,
)
from mechhop.errors import MechhopError

RECORDED = Path(__file__).parent / "data" / "wikidata"
PIDS = ("P175", "P26", "P27", "P36", "P38")
USER_AGENT = "mechhop-tests/1.0 (offline fixture; no contact)"


# -- a local SPARQL endpoint -------------------------------------------------------------------
@dataclass
class Reply:
    status: int
    body: bytes
    content_type: str = "application/sparql-results+json; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    declared_length: int | None = None  # a Content-Length larger than the body: connection cut short


@dataclass
class Request:
    method: str
    pid: str
    query: str
    headers: dict[str, str]


class FakeEndpoint:
    """Serves tests/data/wikidata/<pid>.json for the relation pid in the query; counts requests."""

    def __init__(self) -> None:
        self.url = ""
        self.requests: list[Request] = []
        self.queued: dict[str, list[Reply]] = {}  # served first, once each
        self.always: dict[str, Reply] = {}  # then this, every time
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def answer(self, method: str, form: str, headers: dict[str, str]) -> Reply:
        query = urllib.parse.parse_qs(form).get("query", [""])[0]
        pids = sorted(set(re.findall(r"wdt:(P\d+)\b", query)) - {"P31"})
        pid = pids[0] if len(pids) == 1 else ""
        with self._lock:
            self.requests.append(Request(method, pid, query, headers))
            if self.queued.get(pid):
                return self.queued[pid].pop(0)
            if pid in self.always:
                return self.always[pid]
        path = RECORDED / f"{pid}.json"
        if not pid or not path.is_file():
            return Reply(400, f"no recorded response for {pids}".encode(), "text/plain")
        return Reply(200, path.read_bytes())

    def count(self, pid: str | None = None) -> int:
        return sum(1 for r in self.requests if pid is None or r.pid == pid)

    def start(self) -> None:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                self._reply(fake.answer("GET", urllib.parse.urlsplit(self.path).query, dict(self.headers)))

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                self._reply(fake.answer("POST", body, dict(self.headers)))

            def _reply(self, reply: Reply) -> None:
                self.send_response(reply.status)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Content-Length", str(reply.declared_length or len(reply.body)))
                for key, value in reply.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(reply.body)
                if reply.declared_length:
                    self.close_connection = True

            def log_message(self, format: str, *args: object) -> None:  # quiet
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.01,), daemon=True)
        self._thread.start()
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}/sparql"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            assert self._thread is not None
            self._thread.join(timeout=5)
            self._server = None


@pytest.fixture
def endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeEndpoint]:
    for var in ("no_proxy", "NO_PROXY"):  # a proxy configured in the environment must not see these
        monkeypatch.setenv(var, "127.0.0.1,localhost")
    fake = FakeEndpoint()
    fake.start()
    try:
        yield fake
    finally:
        fake.stop()


def config_for(endpoint: FakeEndpoint, **changes) -> WikidataConfig:
    settings = dict(
        endpoint=endpoint.url,
        relations=PIDS,
        min_sitelinks=20,
        limit=100,
        timeout=5.0,
        retries=0,
        backoff=0.0,
        user_agent=USER_AGENT,
    )
    return WikidataConfig(**{**settings, **changes})


def recorded_text(pid: str) -> str:
    return (RECORDED / f"{pid}.json").read_text(encoding="utf-8")


# Every chain the recorded facts allow under the paper's rules (and only those).
EXPECTED_CHAINS = {
    ("Single Ladies (Put a Ring on It)", "performer", "Beyoncé", "spouse", "Jay-Z"),
    ("Shape of You", "performer", "Ed Sheeran", "spouse", "Cherry Seaborn"),
    ("Imagine", "performer", "John Lennon", "country of citizenship", "United Kingdom"),
    ("Single Ladies (Put a Ring on It)", "performer", "Beyoncé", "country of citizenship",
     "United States of America"),
    ("Shape of You", "performer", "Ed Sheeran", "country of citizenship", "United Kingdom"),
    ("Beyoncé", "spouse", "Jay-Z", "country of citizenship", "United States of America"),
    ("Jay-Z", "spouse", "Beyoncé", "country of citizenship", "United States of America"),
    ("Yoko Ono", "spouse", "John Lennon", "country of citizenship", "United Kingdom"),
    ("Cynthia Lennon", "spouse", "John Lennon", "country of citizenship", "United Kingdom"),
    ("Beyoncé", "country of citizenship", "United States of America", "capital", "Washington, D.C."),
    ("Jay-Z", "country of citizenship", "United States of America", "capital", "Washington, D.C."),
    ("Ed Sheeran", "country of citizenship", "United Kingdom", "capital", "London"),
    ("John Lennon", "country of citizenship", "United Kingdom", "capital", "London"),
    ("Beyoncé", "country of citizenship", "United States of America", "currency", "United States dollar"),
    ("Jay-Z", "country of citizenship", "United States of America", "currency", "United States dollar"),
    ("Ed Sheeran", "country of citizenship", "United Kingdom", "currency", "pound sterling"),
    ("John Lennon", "country of citizenship", "United Kingdom", "currency", "pound sterling"),
}  # fmt: skip


def chains(dataset: TwoHopDataset) -> set[tuple[str, ...]]:
    return {(q.e1_label, q.r1_type, q.e2_label, q.r2_type, q.e3_label) for q in dataset}


# -- configuration and query -------------------------------------------------------------------
def test_config_defaults_to_the_paper_relations_and_validates():
    config = WikidataConfig()
    assert config.relations == tuple(RELATIONS[name].pid for name in PAPER_RELATIONS)
    assert len(config.relations) == 29
    assert config.endpoint == "https://query.wikidata.org/sparql"
    assert WikidataConfig(relations=("performer", "P26")).relations == ("P175", "P26")
    with pytest.raises(MechhopError, match="Did you mean 'performer'"):
        WikidataConfig(relations=("performr",))
    with pytest.raises(WikidataError, match="User-Agent"):
        WikidataConfig(user_agent=" ")
    with pytest.raises(WikidataError, match="not an http"):
        WikidataConfig(endpoint="query.wikidata.org/sparql")
    with pytest.raises(WikidataError, match="relations=\\('P175',\\)"):
        WikidataConfig(relations="P175")  # type: ignore[arg-type]
    with pytest.raises(WikidataError, match="limit must be at least 1"):
        WikidataConfig(limit=0)


def test_query_asks_for_the_relation_popular_subjects_and_entity_details():
    query = sparql_query("P175", WikidataConfig(relations=("P175",), min_sitelinks=35, limit=123))
    assert "?s wdt:P175 ?anyObject" in query and "?s wdt:P175 ?o ." in query
    assert "FILTER(?sSitelinks >= 35)" in query
    assert "LIMIT 123" in query
    assert "ORDER BY DESC(?sSitelinks)" in query
    for needed in ("skos:altLabel", "wdt:P31", 'LANG(?sLabel) = "en"', "wikibase:sitelinks ?oSitelinks"):
        assert needed in query
    assert 'GROUP_CONCAT(DISTINCT ?sAlias; separator="\\t")' in query


# -- happy path --------------------------------------------------------------------------------
def test_fetch_facts_gives_the_fact_table(endpoint: FakeEndpoint):
    facts = fetch_facts(config_for(endpoint), progress=False)
    assert tuple(facts.columns) == (*FACT_COLUMNS, "subject_popularity", "object_popularity")
    assert tuple(facts.columns) == FACT_TABLE_COLUMNS
    assert set(facts["relation"]) == {"performer", "spouse", "country of citizenship", "capital", "currency"}
    assert set(facts["source"]) == {"wikidata"}
    # "Under Pressure" has a second performer that did not come back: dropped as incomplete.
    assert "Under Pressure" not in set(facts["subject"])
    # Cherry Seaborn (8 sitelinks) is below min_sitelinks as a subject, kept as an object.
    assert not (facts["subject"] == "Cherry Seaborn").any()
    assert ((facts["object"] == "Cherry Seaborn") & (facts["relation"] == "spouse")).sum() == 1
    # Non-unique objects stay in the fact table; compose() applies the paper's rule.
    assert sorted(facts.loc[facts["subject"] == "John Lennon"].query("relation == 'spouse'")["object"]) == [
        "Cynthia Lennon",
        "Yoko Ono",
    ]
    usa = facts.loc[(facts["subject"] == "United States of America") & (facts["relation"] == "capital")]
    row = usa.iloc[0].to_dict()
    assert row == {
        "subject": "United States of America",
        "relation": "capital",
        "object": "Washington, D.C.",
        "subject_type": "country",  # smallest class id: Q6256 country < Q43702 < Q3624078
        "object_type": "capital city",
        "subject_aliases": '["America", "the States", "the United States", "U.S.", "US", "USA"]',
        "object_aliases": '["D.C.", "DC", "District of Columbia", "Washington"]',
        "subject_qid": "Q30",
        "object_qid": "Q61",
        "source": "wikidata",
        "subject_popularity": 330,
        "object_popularity": 284,
    }
    assert str(facts["subject_popularity"].dtype) == "int64"
    types = dict(zip(facts["subject"], facts["subject_type"], strict=False))
    assert types["Shape of You"] == "song"  # listed as "single" first, song has the smaller id
    assert types["Beyoncé"] == "human"
    assert json.loads(facts.loc[facts["subject"] == "Shape of You", "subject_aliases"].iloc[0]) == []


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_build_dataset_composes_writes_and_reads_back(endpoint: FakeEndpoint, tmp_path: Path, method: str):
    out = tmp_path / "two_hop.csv"
    dataset = build_dataset(out, config_for(endpoint, method=method), progress=False)

    assert chains(dataset) == EXPECTED_CHAINS
    assert len(dataset) == 17
    q = next(q for q in dataset if (q.e1_label, q.r2_type) == ("Single Ladies (Put a Ring on It)", "spouse"))
    assert q.prompts() == {
        "two_hop": "the spouse of the performer of Single Ladies (Put a Ring on It) is",
        "first_hop": "the performer of Single Ladies (Put a Ring on It) is",
        "second_hop": "the spouse of Beyoncé is",
        "entity_shortcut": "the spouse of Single Ladies (Put a Ring on It) is",
        "relation_shortcut": "the spouse of the performer",
    }
    assert (q.e1, q.r1, q.e2, q.r2, q.e3) == ("Q212762", "P175", "Q36153", "P26", "Q62766")
    assert q.e1_aliases == ("Single Ladies",)
    assert q.e2_aliases == ("Beyonce", "Beyoncé Giselle Knowles-Carter", "Beyoncé Knowles", "Queen Bey")
    assert q.e3_aliases == ("Hova", "Jay Z", "Jigga", "Shawn Corey Carter")
    assert q.answers("e3") == ("Jay-Z", "Hova", "Jay Z", "Jigga", "Shawn Corey Carter")
    assert (q.e1_type, q.e2_type, q.e3_type) == ("song", "human", "human")
    assert (q.e1_popularity, q.e2_popularity, q.e3_popularity) == (48.0, 163.0, 97.0)
    dollar = next(q for q in dataset if (q.e1_label, q.r2_type) == ("Jay-Z", "currency"))
    assert dollar.two_hop_prompt == "the currency of the country of citizenship of Jay-Z is"
    assert dollar.answers("e3") == ("United States dollar", "dollar", "U.S. dollar", "US$", "USD")
    assert "$" in dollar.e3_aliases  # one-character aliases are kept, only answers() drops them

    assert TwoHopDataset.read(out).to_frame().equals(dataset.to_frame())
    assert list(TwoHopDataset.read(out)) == list(dataset)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["two_hop.csv"]  # no temp files left

    assert Counter(r.pid for r in endpoint.requests) == dict.fromkeys(PIDS, 1)
    assert {r.method for r in endpoint.requests} == {method}
    for r in endpoint.requests:
        assert r.headers["User-Agent"] == USER_AGENT
        assert r.headers["Accept"] == "application/sparql-results+json"


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_build_dataset_other_formats(endpoint: FakeEndpoint, tmp_path: Path, suffix: str):
    out = tmp_path / f"two_hop{suffix}"
    dataset = build_dataset(out, config_for(endpoint), progress=False)
    assert list(TwoHopDataset.read(out)) == list(dataset)


# -- cache -------------------------------------------------------------------------------------
def test_cached_responses_are_reused_without_http(
    endpoint: FakeEndpoint, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    config = config_for(endpoint, cache_dir=tmp_path / "cache")
    first = build_dataset(tmp_path / "a.csv", config, progress=False)
    assert endpoint.count() == 5
    files = sorted((tmp_path / "cache").iterdir())
    assert len(files) == 5
    for pid in PIDS:
        path = cache_file(config, sparql_query(pid, config))
        assert path is not None and path.read_text(encoding="utf-8") == recorded_text(pid)

    endpoint.stop()  # any HTTP request now fails
    second = build_dataset(tmp_path / "b.csv", config, progress=True)
    assert endpoint.count() == 5
    assert "wikidata" in capsys.readouterr().err  # the progress bar over relations
    assert list(second) == list(first)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_a_corrupt_cache_entry_is_fetched_again(endpoint: FakeEndpoint, tmp_path: Path):
    config = config_for(endpoint, cache_dir=tmp_path / "cache")
    build_dataset(tmp_path / "a.csv", config, progress=False)
    path = cache_file(config, sparql_query("P36", config))
    assert path is not None
    path.write_text('{"head": {"vars": ["s"', encoding="utf-8")
    again = build_dataset(tmp_path / "b.csv", config, progress=False)
    assert endpoint.count() == 6 and endpoint.count("P36") == 2
    assert chains(again) == EXPECTED_CHAINS
    assert path.read_text(encoding="utf-8") == recorded_text("P36")


# -- failures ----------------------------------------------------------------------------------
def test_http_500_fails_naming_the_relation_and_writes_nothing(endpoint: FakeEndpoint, tmp_path: Path):
    endpoint.always["P26"] = Reply(500, b"Internal Server Error", "text/plain")
    config = config_for(endpoint, cache_dir=tmp_path / "cache", retries=2, backoff=0.001)
    out = tmp_path / "two_hop.csv"
    with pytest.raises(WikidataError) as info:
        build_dataset(out, config, progress=False)
    message = str(info.value)
    assert "relation 'spouse' (P26)" in message
    assert "after 3 attempt(s)" in message and "HTTP 500" in message
    assert "Retry later" in message and config.endpoint in message
    assert sparql_query("P26", config) in message  # the query itself, to rerun or report
    assert info.value.relation == "spouse" and info.value.query == sparql_query("P26", config)
    assert endpoint.count("P26") == 3  # first try + 2 retries
    assert endpoint.count("P27") == 0  # stopped at the first failing relation
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache"]
    failed = cache_file(config, sparql_query("P26", config))
    done = cache_file(config, sparql_query("P175", config))
    assert failed is not None and not failed.exists()
    assert done is not None and done.exists()  # relations before the failure are cached for a retry
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == [done.name]  # no temp files


def _cut(pid: str) -> bytes:
    text = recorded_text(pid).encode()
    return text[: len(text) // 2]


TIMEOUT_PAGE = (RECORDED / "timeout_error.txt").read_bytes()


@pytest.mark.parametrize(
    "reply, expected",
    [
        pytest.param(Reply(200, _cut("P175")), "truncated or malformed", id="json-cut-in-the-middle"),
        pytest.param(
            Reply(200, _cut("P175") + b"\n" + TIMEOUT_PAGE), "timed out", id="json-then-timeout-trace"
        ),
        pytest.param(Reply(200, TIMEOUT_PAGE, "text/plain"), "timed out", id="timeout-text-page"),
        pytest.param(Reply(200, b"<html><body>Bad gateway</body></html>", "text/html"), "HTML", id="html"),
        pytest.param(
            Reply(200, b'{"head": {"vars": ["s"]}}'), "head.vars and results.bindings", id="no-results"
        ),
        pytest.param(
            Reply(200, recorded_text("P175").replace('"objectCount",', "").encode()),
            "lacks ['objectCount']",
            id="missing-variable",
        ),
    ],
)
def test_invalid_responses_raise_and_write_nothing(
    endpoint: FakeEndpoint, tmp_path: Path, reply: Reply, expected: str
):
    endpoint.always["P175"] = reply
    config = config_for(endpoint, cache_dir=tmp_path / "cache", retries=2, backoff=0.001)
    out = tmp_path / "two_hop.csv"
    with pytest.raises(WikidataError, match=re.escape(expected)) as info:
        build_dataset(out, config, progress=False)
    assert "relation 'performer' (P175)" in str(info.value)
    assert "invalid response" in str(info.value)
    assert endpoint.count() == 1  # a complete but invalid answer is not retried
    assert not out.exists()
    assert not (tmp_path / "cache").exists() or not any((tmp_path / "cache").iterdir())


def test_server_timeout_error_500_is_retried_then_explained(endpoint: FakeEndpoint, tmp_path: Path):
    endpoint.always["P175"] = Reply(500, TIMEOUT_PAGE, "text/plain")
    out = tmp_path / "two_hop.csv"
    with pytest.raises(WikidataError, match="timed out on the server: raise min_sitelinks or lower limit"):
        build_dataset(out, config_for(endpoint, retries=1, backoff=0.001), progress=False)
    assert endpoint.count() == 2
    assert not out.exists()


def test_a_connection_cut_short_is_retried_then_fails(endpoint: FakeEndpoint, tmp_path: Path):
    body = recorded_text("P175").encode()
    endpoint.always["P175"] = Reply(200, body[:500], declared_length=len(body))
    config = config_for(endpoint, cache_dir=tmp_path / "cache", retries=1, backoff=0.001)
    with pytest.raises(WikidataError, match="network error: IncompleteRead"):
        build_dataset(tmp_path / "two_hop.csv", config, progress=False)
    assert endpoint.count() == 2
    assert list(tmp_path.iterdir()) == []


def test_http_429_once_is_retried_and_succeeds(endpoint: FakeEndpoint, tmp_path: Path):
    endpoint.queued["P175"] = [Reply(429, b"Too Many Requests", "text/plain", {"Retry-After": "0"})]
    dataset = build_dataset(tmp_path / "two_hop.csv", config_for(endpoint, retries=1), progress=False)
    assert chains(dataset) == EXPECTED_CHAINS
    assert endpoint.count("P175") == 2 and endpoint.count() == 6


def test_http_403_is_not_retried_and_points_at_the_user_agent(endpoint: FakeEndpoint, tmp_path: Path):
    endpoint.always["P175"] = Reply(403, b"Please set a user-agent", "text/plain")
    with pytest.raises(WikidataError, match="user_agent"):
        build_dataset(tmp_path / "two_hop.csv", config_for(endpoint, retries=3), progress=False)
    assert endpoint.count() == 1


def test_facts_without_chains_and_bad_suffixes_write_nothing(endpoint: FakeEndpoint, tmp_path: Path):
    with pytest.raises(WikidataError, match="form no two-hop query"):
        build_dataset(tmp_path / "two_hop.csv", config_for(endpoint, relations=("P38",)), progress=False)
    assert endpoint.count() == 1
    with pytest.raises(WikidataError, match=re.escape("unsupported suffix '.txt'")):
        build_dataset(tmp_path / "two_hop.txt", config_for(endpoint), progress=False)
    assert endpoint.count() == 1  # checked before any request
    assert list(tmp_path.iterdir()) == []


def test_command_line_entry(endpoint: FakeEndpoint, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    out = tmp_path / "two_hop.jsonl"
    args = [str(out), "--endpoint", endpoint.url, "--relations", *PIDS, "--user-agent", USER_AGENT]
    assert main([*args, "--retries", "0", "--cache-dir", str(tmp_path / "cache")]) == 0
    assert chains(TwoHopDataset.read(out)) == EXPECTED_CHAINS
    assert "Wrote TwoHopDataset(17 queries" in capsys.readouterr().out
    endpoint.always["P38"] = Reply(503, b"Service Unavailable", "text/plain")
    with pytest.raises(SystemExit) as info:
        main(
            [str(tmp_path / "other.csv"), "--endpoint", endpoint.url, "--relations", "P38", "--retries", "0"]
        )
    assert info.value.code == 1
    assert "relation 'currency' (P38)" in capsys.readouterr().err
    assert not (tmp_path / "other.csv").exists()


def test_the_command_line_builds_the_dataset_and_fails_in_one_line(endpoint: FakeEndpoint, tmp_path: Path):
    from typer.testing import CliRunner

    from mechhop.apps.cli import app

    out = tmp_path / "two_hop.csv"
    args = ["data", "wikidata", str(out), "--endpoint", endpoint.url, "--relations", ",".join(PIDS),
            "--limit", "100", "--user-agent", USER_AGENT, "--retries", "0"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "wrote 17 queries" in result.output and chains(TwoHopDataset.read(out)) == EXPECTED_CHAINS

    endpoint.always["P26"] = Reply(500, b"Internal Server Error", "text/plain")
    result = CliRunner().invoke(app, [*args[:2], str(tmp_path / "again.csv"), *args[3:]])
    assert result.exit_code == 2 and "relation 'spouse' (P26)" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "again.csv").exists()
