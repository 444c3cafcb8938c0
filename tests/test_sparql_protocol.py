"""/sparql against the W3C SPARQL 1.1 Protocol tests, and dkg's own guarantees."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SHARED, Server, start_server, stop_server

CHECKER = SHARED / "tools" / "sparql_protocol_check.py"


@pytest.fixture(scope="module")
def protocol_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over a scratch store holding the checker's fixture."""
    from graph.store import EmbeddedStore

    path = tmp_path_factory.mktemp("protocol") / "store"
    fixture = subprocess.run(
        [sys.executable, str(CHECKER), "--print-fixture", "trig"],
        check=True, capture_output=True,
    ).stdout
    st = EmbeddedStore(path)
    st.load(fixture, "trig", None)
    st.close()
    srv = start_server(path)
    yield srv
    stop_server(srv)


def run_checker(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHECKER), *args], capture_output=True, text=True, timeout=600
    )


def test_w3c_protocol_read_only_has_no_failures(protocol_server: Server) -> None:
    result = run_checker("--endpoint", protocol_server.url + "/sparql", "--read-only")
    summary = result.stdout.strip().splitlines()[-1]
    failures = [line for line in result.stdout.splitlines() if line.startswith("FAIL")]
    assert failures == [], "\n".join(failures)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    passed = int(summary.split(" passed")[0].split()[-1])
    assert passed >= 20, summary


def test_update_through_sparql_is_refused(protocol_server: Server) -> None:
    with protocol_server.client() as http:
        r = http.post("/sparql", data={"update": "DROP ALL"})
        assert r.status_code == 400
        assert r.headers["content-type"].startswith("application/problem+json")
        assert "read-only" in r.json()["detail"]
        r = http.post("/sparql", content="DROP ALL",
                      headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 400
        # the data is still there
        r = http.get("/sparql", params={"query": "ASK { GRAPH ?g { ?s ?p ?o } }"},
                     headers={"Accept": "application/sparql-results+json"})
        assert r.json()["boolean"] is True


def test_service_to_other_hosts_is_refused(protocol_server: Server) -> None:
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with protocol_server.client() as http:
        r = http.get("/sparql", params={"query": q})
    assert r.status_code == 400
    assert "SERVICE <http://127.0.0.1:9/sparql> is not allowed" in r.json()["detail"]


def test_malformed_query_gets_the_parsers_message(protocol_server: Server) -> None:
    with protocol_server.client() as http:
        r = http.get("/sparql", params={"query": "SELECT ?x WHERE { ?x"})
    assert r.status_code == 400
    body = r.json()
    assert body["title"] == "Bad Request"
    assert body["detail"].startswith("malformed SPARQL query: error at 1:")


@pytest.mark.parametrize(
    ("accept", "media", "marker"),
    [
        ("application/sparql-results+json", "application/sparql-results+json", '"bindings"'),
        ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql"),
        ("text/csv", "text/csv", "s\r\nhttp://kasei.us/2009/09/sparql/data/data1.rdf"),
        ("text/tab-separated-values", "text/tab-separated-values",
         "?s\n<http://kasei.us/2009/09/sparql/data/data1.rdf>"),
    ],
)
def test_select_content_negotiation(protocol_server: Server, accept: str, media: str,
                                    marker: str) -> None:
    q = ("SELECT ?s WHERE { GRAPH <http://kasei.us/2009/09/sparql/data/data1.rdf> "
         "{ ?s a ?t } }")
    with protocol_server.client() as http:
        r = http.get("/sparql", params={"query": q}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    assert marker in r.text


@pytest.mark.parametrize(("accept", "marker"), [
    ("text/turtle", "<http://kasei.us/2009/09/sparql/data/data2.rdf> a"),
    ("application/n-triples",
     "<http://kasei.us/2009/09/sparql/data/data2.rdf> "
     "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Document> ."),
])
def test_construct_as_turtle_and_ntriples(protocol_server: Server, accept: str, marker: str
                                          ) -> None:
    q = ("CONSTRUCT { ?s a ?t } WHERE { GRAPH <http://kasei.us/2009/09/sparql/data/data2.rdf> "
         "{ ?s a ?t } }")
    with protocol_server.client() as http:
        r = http.post("/sparql", data={"query": q}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(accept)
    assert marker in r.text
