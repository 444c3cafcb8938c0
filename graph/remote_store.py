"""The remote backend: any SPARQL 1.1 Query + Update (+ Graph Store) endpoint.

For users who outgrow one machine: Oxigraph server, Apache Jena Fuseki,
Virtuoso, GraphDB, Amazon Neptune. It speaks only the W3C protocols, so every
write is one SPARQL Update request (one transaction on every server named
above), and reads go through the query endpoint. The server must answer
queries over the union of its named graphs (Oxigraph: ``--union-default-graph``;
Fuseki: ``tdb2:unionDefaultGraph true``; Virtuoso and GraphDB do by default).

The embedded backend (graph/store.py) and this one are the only modules that
talk to a store; both pass tests/test_store_contract.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import httpx
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from graph.errors import QueryError, StoreError
from graph.sparql import where_group_start
from graph.store import DATASET_FORMATS, RDF_FORMATS, RESULT_FORMATS, SparqlResult, Store

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMBERS = {_XSD + t: int for t in ("integer", "int", "long", "nonNegativeInteger")} | {
    _XSD + t: float for t in ("decimal", "double", "float")
}
_RDFLIB_FORMAT = {
    "turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig",
    "rdfxml": "xml", "jsonld": "json-ld", "n3": "n3",
}


def _n3(term: Node) -> str:
    """A term in SPARQL/N-Triples syntax (rdflib escapes literals)."""
    if isinstance(term, (URIRef, Literal, BNode)):
        return term.n3()
    raise StoreError(f"cannot send RDF term {term!r} of type {type(term).__name__}")


def _with_prefixes(text: str) -> str:
    """dkg's prefixes (ontology.PREFIXES) declared before a query or update, as the
    embedded store declares them — except those the text declares itself.

    >>> _with_prefixes("PREFIX dkg: <urn:x#> ASK {}").count("PREFIX dkg:")
    1
    """
    from ontology import PREFIXES

    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w-]*):", text, re.I)}
    lines = [f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items() if p.lower() not in declared]
    return "\n".join([*lines, text])


def _python(term: dict[str, Any]) -> Any:
    if term["type"] == "bnode":
        return "_:" + term["value"]
    convert = _NUMBERS.get(term.get("datatype", ""))
    if convert is not None:
        try:
            return convert(term["value"])
        except ValueError:
            return term["value"]
    return term["value"]


class RemoteStore(Store):
    """A store behind SPARQL endpoints.

    ``query_url`` answers queries; ``update_url`` takes updates (often the same
    URL, or ``…/update``); ``headers`` carry authentication.
    """

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        *,
        headers: Mapping[str, str] | None = None,
        timeout: float = 60.0,
    ) -> None:
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.generation = 0  # writes made through this object
        self._http = httpx.Client(headers=dict(headers or {}), timeout=timeout)

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url!r})"

    # -- reading -----------------------------------------------------------

    def _post_query(
        self,
        query: str,
        accept: str,
        *,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        bindings: Mapping[str, Node] | None = None,
    ) -> httpx.Response:
        if bindings:
            # the protocol has no parameter binding: bind with a VALUES block at the start
            # of the WHERE group (so that every FILTER and OPTIONAL sees the values), whose
            # terms rdflib serialises and escapes — never raw string formatting
            names = " ".join(f"?{k}" for k in bindings)
            values = " ".join(_n3(v) for v in bindings.values())
            at = where_group_start(query)
            query = f"{query[:at]} VALUES ({names}) {{ ({values}) }} {query[at:]}"
        params: dict[str, Any] = {"query": _with_prefixes(query)}
        if default_graphs:
            params["default-graph-uri"] = list(default_graphs)
        if named_graphs:
            params["named-graph-uri"] = list(named_graphs)
        try:
            response = self._http.post(self.query_url, data=params, headers={"Accept": accept})
        except httpx.HTTPError as e:
            raise StoreError(f"the SPARQL endpoint {self.query_url} did not answer: {e}") from e
        if response.status_code == 400:
            raise QueryError(f"the endpoint refused the query: {response.text.strip()[:500]}")
        if response.status_code >= 300:
            raise StoreError(
                f"the SPARQL endpoint {self.query_url} answered {response.status_code}: "
                f"{response.text.strip()[:300]}"
            )
        return response

    def select(
        self, query: str, bindings: Mapping[str, Node] | None = None
    ) -> list[dict[str, Any]]:
        data = self._post_query(query, "application/sparql-results+json", bindings=bindings).json()
        if "results" not in data:
            raise QueryError("expected a SELECT query")
        return [
            {name: _python(term) for name, term in row.items()}
            for row in data["results"]["bindings"]
        ]

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        data = self._post_query(query, "application/sparql-results+json", bindings=bindings).json()
        if "boolean" not in data:
            raise QueryError("expected an ASK query")
        return bool(data["boolean"])

    def sparql(
        self,
        query: str,
        *,
        result_format: str = "json",
        graph_format: str = "turtle",
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        bindings: Mapping[str, Node] | None = None,
        base_iri: str | None = None,
    ) -> SparqlResult:
        _, result_media = RESULT_FORMATS[result_format]
        _, graph_media, _ = RDF_FORMATS[graph_format]
        accept = f"{result_media}, {graph_media};q=0.9"
        response = self._post_query(
            query, accept, default_graphs=default_graphs, named_graphs=named_graphs,
            bindings=bindings,
        )
        media = response.headers.get("content-type", "").split(";")[0].strip()
        if media == graph_media:
            kind = "graph"
        elif media in ("application/sparql-results+json", "application/json"):
            kind = "boolean" if '"boolean"' in response.text[:200] else "solutions"
        else:
            kind = "solutions"
        return SparqlResult(response.content, media or result_media, kind)

    def has_graph(self, graph: str) -> bool:
        return self.ask("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph)})

    def graphs(self) -> list[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(r["g"] for r in rows if not r["g"].startswith("_:"))

    def export(self, format: str, graph: str | None = None) -> bytes:
        if format not in _RDFLIB_FORMAT:
            raise StoreError(f"unknown RDF format {format!r}; use one of {', '.join(RDF_FORMATS)}")
        dataset = Dataset()
        graphs = [graph] if graph else self.graphs()
        for name in graphs:
            response = self._post_query(
                "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                "application/n-triples", bindings={"g": URIRef(name)},
            )
            dataset.graph(URIRef(name)).parse(data=response.text, format="nt")
        if format in DATASET_FORMATS and graph is None:
            return dataset.serialize(format=_RDFLIB_FORMAT[format]).encode()
        union = Graph()
        for context in dataset.graphs():
            for triple in context:
                union.add(triple)
        return union.serialize(format=_RDFLIB_FORMAT[format]).encode()

    def quad_count(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(rows[0]["n"])

    # -- writing -----------------------------------------------------------

    def update(self, update: str, *, base_iri: str | None = None) -> None:
        if base_iri:
            update = f"BASE <{base_iri}>\n{update}"
        try:
            response = self._http.post(
                self.update_url, content=_with_prefixes(update).encode("utf-8"),
                headers={"Content-Type": "application/sparql-update; charset=utf-8"},
            )
        except httpx.HTTPError as e:
            raise StoreError(f"the SPARQL endpoint {self.update_url} did not answer: {e}") from e
        if response.status_code == 400:
            raise QueryError(f"the endpoint refused the update: {response.text.strip()[:500]}")
        if response.status_code >= 300:
            raise StoreError(
                f"the update endpoint {self.update_url} answered {response.status_code}: "
                f"{response.text.strip()[:300]}"
            )
        self.generation += 1

    def replace_graph(self, graph: str, triples: Iterable[tuple[Node, Node, Node]]) -> int:
        lines = {f"{_n3(s)} {_n3(p)} {_n3(o)} ." for s, p, o in triples}
        g = URIRef(graph).n3()
        body = "\n".join(sorted(lines))
        self.update(f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")
        return len(lines)

    def drop_graph(self, graph: str) -> bool:
        if not self.has_graph(graph):
            return False
        self.update(f"DROP SILENT GRAPH {URIRef(graph).n3()}")
        return True

    def load(self, data: bytes, format: str, graph: str | None) -> int:
        if format not in _RDFLIB_FORMAT:
            raise StoreError(f"unknown RDF format {format!r}; use one of {', '.join(RDF_FORMATS)}")
        if graph is None and format not in DATASET_FORMATS:
            raise StoreError(f"a {format} file holds one graph: name the graph it goes into")
        dataset = Dataset()
        try:
            if format in DATASET_FORMATS:
                dataset.parse(data=data, format=_RDFLIB_FORMAT[format])
            else:
                dataset.graph(URIRef(graph)).parse(data=data, format=_RDFLIB_FORMAT[format])
        except Exception as e:  # rdflib raises many parser exception types
            raise StoreError(f"the {format} data is malformed: {e}") from e
        blocks, count = [], 0
        for context in dataset.graphs():
            if not len(context):
                continue
            name = URIRef(graph) if graph else context.identifier
            triples = "\n".join(f"{_n3(s)} {_n3(p)} {_n3(o)} ." for s, p, o in context)
            blocks.append(f"GRAPH {_n3(name)} {{\n{triples}\n}}")
            count += len(context)
        if blocks:
            self.update("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
        return count

    def close(self) -> None:
        self._http.close()
