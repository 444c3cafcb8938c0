"""/sparql, /sparql/update and /rdf-graphs against the W3C SPARQL 1.1 Protocol and
Graph Store HTTP Protocol tests, and dkg's own guarantees."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.conftest import SHARED, TOKEN, Server, start_server, stop_server

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
    srv = start_server(path, {"DKG_API_TOKEN": ""})  # writes off
    yield srv
    stop_server(srv)


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server over an empty scratch store, with the write token set."""
    path = tmp_path_factory.mktemp("writable") / "store"
    srv = start_server(path, {"DKG_API_TOKEN": TOKEN})
    yield srv
    stop_server(srv)


AUTH = {"Authorization": f"Bearer {TOKEN}"}


def run_checker(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(CHECKER), *args], capture_output=True, text=True, timeout=600
    )


def counts(result: subprocess.CompletedProcess) -> tuple[int, int, list[str]]:
    """(passed, failed, FAIL lines) of a checker run."""
    summary = result.stdout.strip().splitlines()[-1]
    passed = int(summary.split(" passed")[0].split()[-1])
    failed = int(summary.split(" failed")[0].split()[-1])
    return passed, failed, [line for line in result.stdout.splitlines()
                            if line.startswith("FAIL")]


def test_w3c_update_and_graph_store_with_the_token(writable_server: Server) -> None:
    url = writable_server.url
    result = run_checker("--endpoint", url + "/sparql", "--update", url + "/sparql/update",
                         "--gsp", url + "/rdf-graphs", "--gsp-direct", "--setup",
                         "--header", f"Authorization: Bearer {TOKEN}")
    passed, failed, failures = counts(result)
    assert failures == [] and failed == 0, "\n".join(failures)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert passed >= 70, result.stdout[-2000:]
    for test_id in ("protocol:update_dataset_full", "gsp:post_get_post_get_indirect",
                    "gsp:post_get_new_graph", "gsp:put_get_default", "gsp:head_existing_direct"):
        assert f"PASS {test_id} " in result.stdout, test_id


def test_w3c_read_only_with_graph_store_and_no_token(protocol_server: Server) -> None:
    url = protocol_server.url
    result = run_checker("--endpoint", url + "/sparql", "--update", url + "/sparql/update",
                         "--gsp", url + "/rdf-graphs", "--read-only")
    passed, failed, failures = counts(result)
    assert failures == [] and failed == 0, "\n".join(failures)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert passed >= 55, result.stdout[-2000:]
    for test_id in ("gsp:readonly_put_refused", "gsp:readonly_post_refused",
                    "extra:readonly_insert_direct_refused"):
        assert f"PASS {test_id} " in result.stdout, test_id


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


@pytest.mark.parametrize(("accept", "check"), [
    ("application/rdf+xml", lambda text: "<rdf:RDF" in text and
     'rdf:about="http://kasei.us/2009/09/sparql/data/data2.rdf"' in text),
    ("application/ld+json", lambda text: '"@id":"http://kasei.us/2009/09/sparql/data/data2.rdf"'
     in text.replace(" ", "")),
    ("application/trig", lambda text: "<http://kasei.us/2009/09/sparql/data/data2.rdf> a" in text),
])
def test_construct_and_describe_in_rdfxml_jsonld_trig(protocol_server: Server, accept: str,
                                                      check) -> None:
    from rdflib import Dataset, URIRef

    q = ("CONSTRUCT { ?s a ?t } WHERE { GRAPH <http://kasei.us/2009/09/sparql/data/data2.rdf> "
         "{ ?s a ?t } }")
    fmt = {"application/rdf+xml": "xml", "application/ld+json": "json-ld",
           "application/trig": "trig"}[accept]
    with protocol_server.client() as http:
        for query in (q, "DESCRIBE <http://kasei.us/2009/09/sparql/data/data2.rdf>"):
            r = http.get("/sparql", params={"query": query}, headers={"Accept": accept})
            assert r.status_code == 200, r.text
            assert r.headers["content-type"].startswith(accept)
            assert check(r.text), r.text
            ds = Dataset()
            ds.parse(data=r.text, format=fmt)
            subject = URIRef("http://kasei.us/2009/09/sparql/data/data2.rdf")
            assert (subject, None, URIRef("http://xmlns.com/foaf/0.1/Document")) in ds


def test_writes_without_a_token_are_off(protocol_server: Server) -> None:
    with protocol_server.client() as http:
        for method, path in (("POST", "/sparql/update"), ("PUT", "/rdf-graphs?graph=urn:x"),
                             ("POST", "/rdf-graphs?graph=urn:x"),
                             ("DELETE", "/rdf-graphs?graph=urn:x")):
            r = http.request(method, path, content=b"<urn:a> <urn:b> <urn:c> .",
                             headers={"Content-Type": "text/turtle", **AUTH})
            assert r.status_code == 403, (method, path)
            assert r.headers["content-type"].startswith("application/problem+json")
            assert "DKG_API_TOKEN" in r.json()["detail"]
        # reads stay open
        r = http.get("/rdf-graphs", headers={"Accept": "application/n-triples"},
                     params={"graph": "http://kasei.us/2009/09/sparql/data/data1.rdf"})
        assert r.status_code == 200
        assert "<http://xmlns.com/foaf/0.1/Document>" in r.text


def test_a_wrong_token_gets_401_with_a_challenge(writable_server: Server) -> None:
    with writable_server.client() as http:
        for headers in ({}, {"Authorization": "Bearer nope"}, {"Authorization": f"Basic {TOKEN}"}):
            r = http.post("/sparql/update", content="INSERT DATA { <urn:a> <urn:b> <urn:c> }",
                          headers={"Content-Type": "application/sparql-update", **headers})
            assert r.status_code == 401
            assert r.headers["www-authenticate"].startswith("Bearer")
            assert "Authorization: Bearer <DKG_API_TOKEN>" in r.json()["detail"]
            r = http.put("/rdf-graphs?graph=urn:w", content="<urn:a> <urn:b> <urn:c> .",
                         headers={"Content-Type": "text/turtle", **headers})
            assert r.status_code == 401
        assert http.get("/rdf-graphs?graph=urn:w").status_code == 404


def test_graph_store_formats_and_datasets(writable_server: Server) -> None:
    from rdflib import Graph

    g = "http://example.org/dkg-test/formats"
    rdfxml = ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
              ' xmlns:s="https://schema.org/"><rdf:Description rdf:about="urn:kz">'
              '<s:name xml:lang="kk">Қазақстан</s:name></rdf:Description></rdf:RDF>')
    with writable_server.client(headers=AUTH) as http:
        r = http.put("/rdf-graphs", params={"graph": g}, content=rdfxml.encode(),
                     headers={"Content-Type": "application/rdf+xml"})
        assert r.status_code == 201
        r = http.post("/rdf-graphs", params={"graph": g},
                      content=b'{"@id": "urn:kz", "https://schema.org/sameAs": '
                              b'{"@id": "http://www.wikidata.org/entity/Q232"}}',
                      headers={"Content-Type": "application/ld+json"})
        assert r.status_code == 204
        for accept, fmt in (("application/ld+json", "json-ld"), ("application/rdf+xml", "xml"),
                            ("text/turtle", "turtle"), ("application/n-triples", "nt")):
            r = http.get("/rdf-graphs", params={"graph": g}, headers={"Accept": accept})
            assert r.status_code == 200 and r.headers["content-type"].startswith(accept)
            parsed = Graph().parse(data=r.text, format=fmt)
            assert {str(o) for o in parsed.objects()} == {
                "Қазақстан", "http://www.wikidata.org/entity/Q232"}
        r = http.get("/rdf-graphs", params={"graph": g}, headers={"Accept": "image/png"})
        assert r.status_code == 406
        # a dataset (TriG) POSTed to the store itself lands in the graphs it names
        trig = b"<http://example.org/dkg-test/t1> { <urn:a> <urn:p> <urn:b> } " \
               b"<http://example.org/dkg-test/t2> { <urn:a> <urn:p> <urn:c> }"
        r = http.post("/rdf-graphs", content=trig, headers={"Content-Type": "application/trig"})
        assert r.status_code == 204
        r = http.get("/rdf-graphs", headers={"Accept": "application/n-quads"})
        assert "<urn:a> <urn:p> <urn:c> <http://example.org/dkg-test/t2> ." in r.text
        # a graph format POSTed to the store itself creates a new graph
        r = http.post("/rdf-graphs", content=b"<urn:n> <urn:p> <urn:q> .",
                      headers={"Content-Type": "application/n-triples"})
        assert r.status_code == 201
        location = r.headers["location"]
        assert location.startswith(writable_server.url + "/rdf-graphs/")
        r = http.get("/rdf-graphs", params={"graph": location},
                     headers={"Accept": "application/n-triples"})
        assert r.text == "<urn:n> <urn:p> <urn:q> .\n"
        # malformed data: 400 with the parser's message, nothing written
        r = http.put("/rdf-graphs", params={"graph": g}, content=b"<urn:a> <urn:p> ",
                     headers={"Content-Type": "text/turtle"})
        assert r.status_code == 400 and "turtle data is malformed" in r.json()["detail"]
        r = http.put("/rdf-graphs", params={"graph": g}, content=b"x",
                     headers={"Content-Type": "application/pdf"})
        assert r.status_code == 415
        r = http.get("/sparql", params={"query": f"ASK {{ GRAPH <{g}> {{ <urn:kz> ?p ?o }} }}"},
                     headers={"Accept": "application/sparql-results+json"})
        assert r.json()["boolean"] is True
        for graph in (g, location, "http://example.org/dkg-test/t1",
                      "http://example.org/dkg-test/t2"):
            assert http.delete("/rdf-graphs", params={"graph": graph}).status_code == 204


def test_update_applies_the_protocol_dataset_and_is_seen_at_once(writable_server: Server
                                                                  ) -> None:
    with writable_server.client(headers=AUTH) as http:
        r = http.post("/sparql/update", content=(
            "INSERT DATA { GRAPH <urn:u1> { <urn:a> <urn:p> 'один' } "
            "GRAPH <urn:u2> { <urn:b> <urn:p> 'екі' } }"),
            headers={"Content-Type": "application/sparql-update"})
        assert r.status_code == 204
        r = http.post("/sparql/update", params={"using-graph-uri": "urn:u1"}, content=(
            "INSERT { GRAPH <urn:u3> { ?s <urn:copied> ?o } } WHERE { ?s <urn:p> ?o }"),
            headers={"Content-Type": "application/sparql-update"})
        assert r.status_code == 204
        r = http.get("/sparql", params={"query": "SELECT ?o WHERE { GRAPH <urn:u3> { ?s ?p ?o } }"},
                     headers={"Accept": "text/csv"})
        assert r.text == "o\r\nодин\r\n"  # only urn:u1 was the WHERE's default graph
        r = http.post("/sparql/update", data={"update": "LOAD <http://127.0.0.1:9/x>"})
        assert r.status_code == 400 and "DKG_SERVICE_ALLOW" in r.json()["detail"]
        r = http.get("/sparql/update")
        assert r.status_code == 405
        drops = " ; ".join(f"DROP SILENT GRAPH <urn:u{i}>" for i in (1, 2, 3))
        assert http.post("/sparql/update", data={"update": drops}).status_code == 204
