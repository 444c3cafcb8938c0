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
    rows = store.select("SELECT ?o WHERE { GRAPH <%s> { ?s ?p ?o } }" % G1)
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
    assert b"<literal xml:lang=\"fr\">\xc3\xa9</literal>" in store.sparql(q, result_format="xml").body
    assert store.sparql(q, result_format="csv").body == "o\r\né\r\n".encode()
    assert store.sparql(q, result_format="tsv").body == '?o\n"é"@fr\n'.encode()
    ttl = store.sparql("CONSTRUCT WHERE { ?s ?p ?o }", graph_format="ntriples")
    assert ttl.body == '<urn:a> <urn:p> "é"@fr .\n'.encode()
