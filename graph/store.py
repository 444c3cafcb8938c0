"""The triple store: one interface, an embedded pyoxigraph backend.

This is the only module that touches pyoxigraph. Backend exceptions are
translated into :class:`~graph.errors.StoreError` / :class:`~graph.errors.QueryError`
here, never leaked. Queries see the union of all named graphs as the default
graph unless the caller names a dataset.
"""

from __future__ import annotations

import re
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, URIRef
from rdflib import Literal as RLiteral
from rdflib.term import Node

from graph.errors import QueryError, StoreError

#: RDF serialisation formats by short name: (pyoxigraph format, media type, file suffixes)
RDF_FORMATS: dict[str, tuple[ox.RdfFormat, str, tuple[str, ...]]] = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle", (".ttl",)),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples", (".nt",)),
    "nquads": (ox.RdfFormat.N_QUADS, "application/n-quads", (".nq",)),
    "trig": (ox.RdfFormat.TRIG, "application/trig", (".trig",)),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml", (".rdf", ".owl", ".xml")),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json", (".jsonld", ".json")),
    "n3": (ox.RdfFormat.N3, "text/n3", (".n3",)),
}
DATASET_FORMATS = {"nquads", "trig", "jsonld"}

#: SPARQL results formats by short name: (pyoxigraph format, media type)
RESULT_FORMATS: dict[str, tuple[ox.QueryResultsFormat, str]] = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values"),
}

_LOCK_HINT = re.compile(r"lock|resource temporarily unavailable|already in use", re.I)


def rdf_format_for(path: Path | str) -> str:
    """The short format name for a file name, from its suffix.

    >>> rdf_format_for("data/x.trig")
    'trig'
    """
    suffix = Path(path).suffix.lower()
    for name, (_, _, suffixes) in RDF_FORMATS.items():
        if suffix in suffixes:
            return name
    known = ", ".join(s for _, _, sfx in RDF_FORMATS.values() for s in sfx)
    raise StoreError(f"{path}: unknown RDF file type {suffix!r}; expected one of {known}")


@dataclass(frozen=True)
class StoreStats:
    triples: int  # distinct triples in the union of all graphs
    quads: int
    graphs: int
    articles: int
    entities: int
    facts: int


@dataclass(frozen=True)
class SparqlResult:
    """A serialised answer to a SPARQL query: ready to send on the wire."""

    body: bytes
    media_type: str
    kind: str  # "solutions" | "boolean" | "graph"


Triple = tuple[Node, Node, Node]


class Store(ABC):
    """What every backend offers. Terms in and out are rdflib terms or plain strings."""

    @abstractmethod
    def select(
        self, query: str, bindings: Mapping[str, Node] | None = None
    ) -> list[dict[str, Any]]:
        """Run a SELECT query; rows map variable names to Python values
        (IRIs and literals as ``str``, numbers as ``int``/``float``, unbound as absent)."""

    @abstractmethod
    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool: ...

    @abstractmethod
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
        """Run any read query and serialise its answer in the requested format."""

    @abstractmethod
    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> int:
        """Replace the named graph's content with ``triples`` in one transaction."""

    @abstractmethod
    def drop_graph(self, graph: str) -> bool:
        """Remove a named graph; False when it did not exist."""

    @abstractmethod
    def has_graph(self, graph: str) -> bool: ...

    @abstractmethod
    def graphs(self) -> list[str]: ...

    @abstractmethod
    def load(self, data: bytes, format: str, graph: str | None) -> int:
        """Parse RDF and add it (to ``graph``, or to the graphs a dataset format names)."""

    @abstractmethod
    def export(self, format: str, graph: str | None = None) -> bytes: ...

    @abstractmethod
    def stats(self) -> StoreStats: ...

    def close(self) -> None:  # noqa: B027 - optional for backends
        """Release the store."""


def _to_ox(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, RLiteral):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise StoreError(f"cannot store RDF term {term!r} of type {type(term).__name__}")


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger")}
_FLOATS = {_XSD + t for t in ("decimal", "double", "float")}


def _to_python(term: Any) -> Any:
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        if datatype in _INTEGERS:
            try:
                return int(term.value)
            except ValueError:
                return term.value
        if datatype in _FLOATS:
            try:
                return float(term.value)
            except ValueError:
                return term.value
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


class EmbeddedStore(Store):
    """pyoxigraph on disk (RocksDB): ACID writes, full SPARQL 1.1.

    >>> import tempfile
    >>> store = EmbeddedStore(tempfile.mkdtemp())
    >>> g = "https://w3id.org/dkg/id/article/x"
    >>> store.replace_graph(g, [(URIRef("urn:a"), URIRef("urn:p"), RLiteral("b", lang="en"))])
    1
    >>> store.select("SELECT ?o WHERE { <urn:a> <urn:p> ?o }")
    [{'o': 'b'}]
    """

    def __init__(self, path: Path | str | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else None
        self._write_lock = threading.Lock()
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(self.path))
            else:
                self.path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(self.path))
        except OSError as e:
            if _LOCK_HINT.search(str(e)):
                raise StoreError(
                    f"the store at {self.path} is in use by another dkg process "
                    "(a running `dkg serve`?): stop it, or send articles to the running "
                    "server with POST /api/articles"
                ) from e
            raise StoreError(f"cannot open the store at {self.path}: {e}") from e

    # -- reading -----------------------------------------------------------

    def _query(
        self,
        query: str,
        *,
        default_graphs: Sequence[str] | None = None,
        named_graphs: Sequence[str] | None = None,
        bindings: Mapping[str, Node] | None = None,
        base_iri: str | None = None,
    ) -> Any:
        from ontology import PREFIXES

        kwargs: dict[str, Any] = {"prefixes": PREFIXES, "base_iri": base_iri}
        if default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in default_graphs]
        elif named_graphs:
            # named graphs alone leave the default graph empty (as FROM NAMED alone does)
            kwargs["default_graph"] = ox.DefaultGraph()
        else:
            kwargs["use_default_graph_as_union"] = True
        if named_graphs is not None:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in named_graphs]
        if bindings:
            kwargs["substitutions"] = {ox.Variable(k): _to_ox(v) for k, v in bindings.items()}
        try:
            return self._store.query(query, **kwargs)
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL query: {e}") from e
        except RuntimeError as e:  # e.g. a bound variable missing from the projection
            raise QueryError(f"the query cannot run: {e}") from e
        except (OSError, ValueError, TypeError) as e:
            raise QueryError(f"the query failed: {e}") from e

    def select(
        self, query: str, bindings: Mapping[str, Node] | None = None
    ) -> list[dict[str, Any]]:
        result = self._query(query, bindings=bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("expected a SELECT query")
        names = [v.value for v in result.variables]
        rows = []
        try:
            for solution in result:
                row = {}
                for name in names:
                    term = solution[name]
                    if term is not None:
                        row[name] = _to_python(term)
                rows.append(row)
        except OSError as e:
            raise QueryError(f"the query failed: {e}") from e
        return rows

    def ask(self, query: str, bindings: Mapping[str, Node] | None = None) -> bool:
        result = self._query(query, bindings=bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

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
        result = self._query(
            query, default_graphs=default_graphs, named_graphs=named_graphs, bindings=bindings,
            base_iri=base_iri,
        )
        try:
            if isinstance(result, ox.QueryTriples):
                fmt, media_type, _ = RDF_FORMATS[graph_format]
                return SparqlResult(result.serialize(format=fmt), media_type, "graph")
            fmt_r, media_type = RESULT_FORMATS[result_format]
            kind = "boolean" if isinstance(result, ox.QueryBoolean) else "solutions"
            return SparqlResult(result.serialize(format=fmt_r), media_type, kind)
        except OSError as e:
            raise QueryError(f"the query failed: {e}") from e

    def has_graph(self, graph: str) -> bool:
        return bool(self._store.contains_named_graph(ox.NamedNode(graph)))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def export(self, format: str, graph: str | None = None) -> bytes:
        fmt, _, _ = self._format(format)
        try:
            if graph is not None:
                return self._store.dump(format=fmt, from_graph=ox.NamedNode(graph))
            if format in DATASET_FORMATS:
                return self._store.dump(format=fmt, prefixes=self._prefixes(format))
            # a graph format for the whole store: the union of all graphs
            triples = self._store.query(
                "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", use_default_graph_as_union=True
            )
            return triples.serialize(format=fmt)
        except OSError as e:
            raise StoreError(f"export failed: {e}") from e

    def _prefixes(self, format: str) -> dict[str, str] | None:
        from ontology import PREFIXES

        return PREFIXES if format in ("trig", "turtle") else None

    def stats(self) -> StoreStats:
        row = self.select(
            "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }"
        )[0]
        counts = self.select(
            """SELECT
                 (COUNT(DISTINCT ?article) AS ?articles)
                 (COUNT(DISTINCT ?entity) AS ?entities)
                 (COUNT(DISTINCT ?fact) AS ?facts)
               WHERE {
                 { ?article a dkg:Article }
                 UNION { ?entity a/rdfs:subClassOf* dkg:Entity . FILTER(isIRI(?entity)) }
                 UNION { ?fact a/rdfs:subClassOf* dkg:Fact }
               }"""
        )[0]
        return StoreStats(
            triples=int(row["n"]),
            quads=len(self._store),
            graphs=len(self.graphs()),
            articles=int(counts.get("articles", 0)),
            entities=int(counts.get("entities", 0)),
            facts=int(counts.get("facts", 0)),
        )

    # -- writing -----------------------------------------------------------

    def replace_graph(self, graph: str, triples: Iterable[Triple]) -> int:
        g = ox.NamedNode(graph)
        lines = []
        for s, p, o in triples:
            lines.append(f"{_to_ox(s)} {_to_ox(p)} {_to_ox(o)} .")
        update = f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n" + "\n".join(lines)
        update += "\n} }"
        with self._write_lock:
            try:
                self._store.update(update)  # one update = one transaction
            except (OSError, SyntaxError, ValueError) as e:
                raise StoreError(f"could not write graph <{graph}>: {e}") from e
        return len(set(lines))

    def drop_graph(self, graph: str) -> bool:
        with self._write_lock:
            if not self.has_graph(graph):
                return False
            try:
                self._store.remove_graph(ox.NamedNode(graph))
            except OSError as e:
                raise StoreError(f"could not drop graph <{graph}>: {e}") from e
            return True

    def load(self, data: bytes, format: str, graph: str | None) -> int:
        fmt, _, _ = self._format(format)
        if graph is None and format not in DATASET_FORMATS:
            raise StoreError(f"a {format} file holds one graph: name the graph it goes into")
        before = len(self._store)
        with self._write_lock:
            try:
                quads = list(ox.parse(data, format=fmt))
                if graph is not None:
                    target = ox.NamedNode(graph)
                    quads = [ox.Quad(q.subject, q.predicate, q.object, target) for q in quads]
                self._store.extend(quads)
            except SyntaxError as e:
                raise StoreError(f"the {format} data is malformed: {e}") from e
            except (OSError, ValueError) as e:
                raise StoreError(f"could not load the {format} data: {e}") from e
        return len(self._store) - before

    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 Update (writes: for curators and the pipeline only)."""
        from ontology import PREFIXES

        with self._write_lock:
            try:
                self._store.update(update, prefixes=PREFIXES)
            except SyntaxError as e:
                raise QueryError(f"malformed SPARQL update: {e}") from e
            except OSError as e:
                raise StoreError(f"the update failed: {e}") from e

    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        try:
            self._store.flush()
        except OSError:
            pass
        del self._store

    @staticmethod
    def _format(format: str) -> tuple[ox.RdfFormat, str, tuple[str, ...]]:
        try:
            return RDF_FORMATS[format]
        except KeyError:
            raise StoreError(
                f"unknown RDF format {format!r}; use one of {', '.join(RDF_FORMATS)}"
            ) from None


def open_store(path: Path | str) -> Store:
    """Open the embedded store at ``path`` (created when missing)."""
    return EmbeddedStore(path)
