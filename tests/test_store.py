"""The embedded store: named graphs, union default graph, formats, errors."""

from __future__ import annotations

import json

import pytest
from rdflib import Dataset, Literal, URIRef

from graph.errors import QueryError, StoreError
from graph.store import EmbeddedStore, rdf_format_for

G1 = "https://w3id.org/dkg/id/article/one"
G2 = "https://w3id.org/dkg/id/article/two"
A, P, B = URIRef("urn:a"), URIRef("urn:p"), URIRef("urn:b")


def test_replace_graph_replaces_and_union_is_default(store: EmbeddedStore) -> None:
    store.replace_graph(G1, [(A, P, Literal("one", lang="en")), (A, P, B)])
    store.replace_graph(G2, [(A, P, B)])
    # the union default graph keeps one copy per graph (a fact stated by two articles
    # is seen twice); stats count distinct triples
    assert store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }") == [{"n": 3}]
    assert store.stats().triples == 2
    store.replace_graph(G1, [(A, P, Literal("uno", lang="es"))])
    rows = store.select(f"SELECT ?o WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
    assert rows == [{"o": "uno"}]
    assert store.graphs() == [G1, G2]
    assert store.stats().quads == 2


def test_bindings_are_bound_not_formatted(store: EmbeddedStore) -> None:
    store.replace_graph(G1, [(A, P, Literal('x" } ; DROP ALL ; #'))])
    rows = store.select("SELECT ?s ?o WHERE { ?s ?p ?o }", {"o": Literal('x" } ; DROP ALL ; #')})
    assert rows == [{"s": "urn:a", "o": 'x" } ; DROP ALL ; #'}]


def test_drop_graph(store: EmbeddedStore) -> None:
    store.replace_graph(G1, [(A, P, B)])
    assert store.drop_graph(G1) is True
    assert store.drop_graph(G1) is False
    assert not store.ask("ASK { ?s ?p ?o }")


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "rdfxml", "jsonld"])
def test_load_graph_formats_into_named_graph(store: EmbeddedStore, fmt: str) -> None:
    from rdflib import Graph

    g = Graph()
    g.add((A, P, Literal("Қазақстан", lang="kk")))
    data = g.serialize(format={"turtle": "turtle", "ntriples": "nt", "rdfxml": "xml",
                               "jsonld": "json-ld"}[fmt]).encode()
    assert store.load(data, fmt, G1) == 1
    assert store.select("SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }") == [{"o": "Қазақстан"}]
    assert store.graphs() == [G1]


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_export_and_reload_datasets(store: EmbeddedStore, tmp_path, fmt: str) -> None:
    store.replace_graph(G1, [(A, P, Literal("one", lang="en"))])
    store.replace_graph(G2, [(A, P, B)])
    data = store.export(fmt)
    ds = Dataset()
    ds.parse(data=data, format={"trig": "trig", "nquads": "nquads"}[fmt])
    assert {str(c.identifier) for c in ds.graphs() if len(c)} == {G1, G2}
    other = EmbeddedStore(tmp_path / "other")
    assert other.load(data, fmt, None) == 2
    assert other.graphs() == [G1, G2]
    other.close()


def test_export_union_as_turtle_and_jsonld(store: EmbeddedStore) -> None:
    store.replace_graph(G1, [(A, P, B)])
    assert b"<urn:a> <urn:p> <urn:b>" in store.export("turtle")
    doc = json.loads(store.export("jsonld"))
    assert doc[0]["@id"] == G1


def test_malformed_rdf_is_a_store_error_and_loads_nothing(store: EmbeddedStore) -> None:
    with pytest.raises(StoreError, match="turtle data is malformed"):
        store.load(b"<urn:a> <urn:p> <urn:b> . <urn:c> <urn:p> ", "turtle", G1)
    assert store.graphs() == []


def test_malformed_query_is_a_query_error(store: EmbeddedStore) -> None:
    with pytest.raises(QueryError, match="malformed SPARQL query"):
        store.select("SELECT ?x WHERE { ?x ")


def test_second_writer_gets_a_clear_error(store: EmbeddedStore) -> None:
    with pytest.raises(StoreError, match="in use by another dkg process"):
        EmbeddedStore(store.path)


def test_format_from_suffix() -> None:
    assert rdf_format_for("x.nq") == "nquads"
    with pytest.raises(StoreError, match="unknown RDF file type '.csv'"):
        rdf_format_for("x.csv")


def test_sparql_serialises_every_results_format(store: EmbeddedStore) -> None:
    store.replace_graph(G1, [(A, P, Literal("é", lang="fr"))])
    q = "SELECT ?o WHERE { ?s ?p ?o }"
    assert json.loads(store.sparql(q).body)["results"]["bindings"][0]["o"]["value"] == "é"
    xml = store.sparql(q, result_format="xml").body
    assert b"<literal xml:lang=\"fr\">\xc3\xa9</literal>" in xml
    assert store.sparql(q, result_format="csv").body == "o\r\né\r\n".encode()
    assert store.sparql(q, result_format="tsv").body == '?o\n"é"@fr\n'.encode()
    ttl = store.sparql("CONSTRUCT WHERE { ?s ?p ?o }", graph_format="ntriples")
    assert ttl.body == '<urn:a> <urn:p> "é"@fr .\n'.encode()


# -- the result cap, the graph store methods, snapshots ---------------------------


def _many(store: EmbeddedStore, n: int) -> None:
    store.replace_graph(G1, [(URIRef(f"urn:s{i}"), P, Literal(i)) for i in range(n)])


@pytest.mark.parametrize("fmt", ["json", "xml", "csv", "tsv"])
def test_capped_answer_is_byte_identical_to_uncapped(store: EmbeddedStore, fmt: str) -> None:
    store.replace_graph(G1, [(A, P, Literal("é", lang="fr")), (A, P, Literal(3)),
                             (A, P, B), (URIRef("urn:c"), P, Literal("x"))])
    q = "SELECT ?s ?o ?none WHERE { ?s ?p ?o } ORDER BY ?o"
    capped = store.sparql(q, result_format=fmt, max_results=4)
    assert capped.body == store.sparql(q, result_format=fmt).body
    assert capped.kind == "solutions"


def test_result_cap_refuses_the_whole_answer(store: EmbeddedStore) -> None:
    from graph.store import ResultTooLarge

    _many(store, 50)
    with pytest.raises(ResultTooLarge, match=r"more than 10 rows \(setting DKG_MAX_RESULTS\)"):
        store.sparql("SELECT * WHERE { ?s ?p ?o }", max_results=10)
    with pytest.raises(ResultTooLarge, match="more than 10 triples"):
        store.sparql("CONSTRUCT WHERE { ?s ?p ?o }", max_results=10)
    body = store.sparql("SELECT * WHERE { ?s ?p ?o } LIMIT 10", max_results=10).body
    assert len(json.loads(body)["results"]["bindings"]) == 10
    nt = store.sparql("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 10", graph_format="ntriples",
                      max_results=10).body
    assert nt.count(b"\n") == 10
    # ASK is never capped
    assert store.sparql("ASK { ?s ?p ?o }", max_results=1).kind == "boolean"


def test_graph_store_methods(store: EmbeddedStore) -> None:
    ttl = '<urn:a> <urn:p> "Қазақстан"@kk .'.encode()
    assert store.put_graph(G1, [(ttl, "turtle")]) is True
    assert store.put_graph(G1, [(b"<urn:a> <urn:p> <urn:b> .", "ntriples")]) is False
    assert store.read_graph(G1, "ntriples") == b"<urn:a> <urn:p> <urn:b> .\n"
    assert store.post_graph(G1, [(ttl, "turtle"), (b"<x> <urn:p> <urn:b> .", "turtle")],
                            base_iri="http://base/") is False
    rows = store.select(f"SELECT ?s ?o WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }} ORDER BY ?s ?o")
    assert rows == [{"s": "http://base/x", "o": "urn:b"}, {"s": "urn:a", "o": "urn:b"},
                    {"s": "urn:a", "o": "Қазақстан"}]
    # the default graph is the real one, not the union
    assert store.read_graph(None, "ntriples") == b""
    assert store.put_graph(None, [(b"<urn:d> <urn:p> <urn:b> .", "ntriples")]) is False
    assert store.read_graph(None, "ntriples") == b"<urn:d> <urn:p> <urn:b> .\n"
    assert store.delete_graph(None) is True
    assert store.read_graph(None, "ntriples") == b""
    assert store.delete_graph(G1) is True
    assert store.read_graph(G1, "turtle") is None
    assert store.delete_graph(G1) is False


def test_graph_store_write_is_all_or_nothing(store: EmbeddedStore) -> None:
    from graph.store import BadData

    store.put_graph(G1, [(b"<urn:a> <urn:p> <urn:b> .", "ntriples")])
    with pytest.raises(BadData, match="turtle data is malformed"):
        store.put_graph(G1, [(b"<urn:c> <urn:p> <urn:d> .", "turtle"),
                             (b"<urn:c> <urn:p>", "turtle")])
    with pytest.raises(BadData, match="names graphs"):
        store.put_graph(G1, [(b"<urn:c> <urn:p> <urn:d> <urn:g> .", "nquads")])
    assert store.read_graph(G1, "ntriples") == b"<urn:a> <urn:p> <urn:b> .\n"


def test_update_with_base_and_errors(store: EmbeddedStore) -> None:
    store.update("INSERT DATA { GRAPH <urn:g> { <s> <urn:p> 1 } }", base_iri="http://base/")
    assert store.select("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }") == [{"s": "http://base/s"}]
    with pytest.raises(QueryError, match="malformed SPARQL update"):
        store.update("INSERT DATA { ")
    with pytest.raises(QueryError, match="cannot run.*does not exist"):
        store.update("DROP GRAPH <urn:nothing>")


def test_every_write_bumps_the_generation_and_checkpoints_are_consistent(
        store: EmbeddedStore, tmp_path) -> None:
    seen = [store.generation]
    store.replace_graph(G1, [(A, P, B)])
    seen.append(store.generation)
    store.checkpoint(tmp_path / "snap")
    store.update(f"INSERT DATA {{ GRAPH <{G2}> {{ <urn:x> <urn:p> <urn:y> }} }}")
    seen.append(store.generation)
    store.put_graph(G2, [(b"<urn:x> <urn:p> <urn:z> .", "ntriples")])
    seen.append(store.generation)
    store.delete_graph(G2)
    seen.append(store.generation)
    assert seen == sorted(set(seen))  # strictly increasing
    snap = EmbeddedStore(tmp_path / "snap", read_only=True)
    try:  # the snapshot holds the state when it was taken, nothing later
        assert snap.graphs() == [G1]
        assert snap.sparql("ASK { <urn:a> <urn:p> <urn:b> }").body.endswith(b"true}")
    finally:
        snap.close()


def test_with_protocol_dataset_rewrites_and_refuses_conflicts() -> None:
    from graph.sparql import with_protocol_dataset

    text = 'PREFIX ex: <http://ex/>\nINSERT { ?s ex:where "WHERE {" } WHERE { ?s ?p ?o } ;\n' \
           "DELETE WHERE { ?s ex:p ?o }"
    out = with_protocol_dataset(text, ["http://g1"], ["http://g2"])
    assert out == (
        'PREFIX ex: <http://ex/>\nINSERT { ?s ex:where "WHERE {" } USING <http://g1> USING '
        "NAMED <http://g2> WHERE { ?s ?p ?o } ;\nDELETE { ?s ex:p ?o } USING <http://g1> "
        "USING NAMED <http://g2> WHERE { ?s ex:p ?o }")
    assert with_protocol_dataset(text) == text
    for own in ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
                "DELETE { ?s ?p ?o } USING <http://g> WHERE { ?s ?p ?o }"):
        with pytest.raises(QueryError, match="use one or the other"):
            with_protocol_dataset(own, ["http://g1"])


def test_load_needs_the_allow_list() -> None:
    from graph.sparql import check_loads

    check_loads("LOAD <http://ok/data.ttl>", ["http://ok/data.ttl"])
    with pytest.raises(QueryError, match="LOAD <http://127.0.0.1/x> is not allowed"):
        check_loads("# LOAD <http://nothing>\nLOAD SILENT <http://127.0.0.1/x>")
