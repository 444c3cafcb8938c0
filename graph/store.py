"""The triple store: one interface, an embedded pyoxigraph backend.

This is the only module that touches pyoxigraph. Backend exceptions are
translated into :class:`~graph.errors.StoreError` / :class:`~graph.errors.QueryError`
here, never leaked. Queries see the union of all named graphs as the default
graph unless the caller names a dataset.

Two default graphs, on purpose:

- for **queries** (``select``, ``ask``, ``sparql``) the default graph is the
  union of all named graphs (every article, the ontology, the reference data);
- for **updates** and the **graph store** methods (``read_graph``,
  ``put_graph``, ``post_graph``, ``delete_graph`` with ``graph=None``) it is
  the store's real default graph, which dkg itself leaves empty. SPARQL
  Update and the Graph Store HTTP Protocol need a graph that can be written;
  the union cannot be.
"""

from __future__ import annotations

import contextlib
import json
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
from graph.sparql import where_group_start

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


class BadData(StoreError):
    """RDF data sent to the store is malformed or of the wrong kind."""


def is_iri(value: str) -> bool:
    """Whether ``value`` is an absolute IRI the store accepts as a graph or node name."""
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return True


class ResultTooLarge(QueryError):
    """A query's answer has more rows or triples than the result cap allows."""


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
    def quad_count(self) -> int:
        """Quads in all graphs (a triple stated in two graphs counts twice)."""

    def stats(self) -> StoreStats:
        """Counts: distinct triples, quads, graphs, articles, entities, facts."""
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
            quads=self.quad_count(),
            graphs=len(self.graphs()),
            articles=int(counts.get("articles", 0)),
            entities=int(counts.get("entities", 0)),
            facts=int(counts.get("facts", 0)),
        )

    def close(self) -> None:  # noqa: B027 - optional for backends
        """Release the store."""

    # writes by curators (SPARQL Update, the graph store); a backend may refuse them
    def update(self, update: str, *, base_iri: str | None = None) -> None:
        raise StoreError(f"{type(self).__name__} does not take SPARQL updates")

    def read_graph(self, graph: str | None, format: str) -> bytes | None:
        raise StoreError(f"{type(self).__name__} has no graph store")

    def put_graph(self, graph: str | None, payloads: Sequence[tuple[bytes, str]],
                  base_iri: str | None = None) -> bool:
        raise StoreError(f"{type(self).__name__} has no graph store")

    def post_graph(self, graph: str | None, payloads: Sequence[tuple[bytes, str]],
                   base_iri: str | None = None) -> bool:
        raise StoreError(f"{type(self).__name__} has no graph store")

    def delete_graph(self, graph: str | None) -> bool:
        raise StoreError(f"{type(self).__name__} has no graph store")


def _bind(query: str, bindings: Mapping[str, Node]) -> str:
    """Bind variables with a VALUES block at the start of the query's WHERE group.

    The terms are serialised by pyoxigraph (N-Triples syntax, escaped), so a value is
    always one RDF term: no text of it can become query syntax. pyoxigraph's own
    ``substitutions`` would do the same job, but measured on a 1M-triple store they
    are up to 10x slower (the optimiser does not start from the bound value) and
    demand that bound variables be projected; the VALUES block has neither cost.

    >>> _bind("SELECT ?o WHERE { ?s ?p ?o }", {"s": URIRef("urn:a")})
    'SELECT ?o WHERE { VALUES (?s) { (<urn:a>) } ?s ?p ?o }'
    """
    at = where_group_start(query)
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(_to_ox(term)) for term in bindings.values())
    return f"{query[:at]} VALUES ({names}) {{ ({values}) }}{query[at:]}"


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
        self._generation = 0
        self.read_only = read_only
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
            query = _bind(query, bindings)
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
        max_results: int | None = None,
    ) -> SparqlResult:
        """Run any read query and serialise its answer.

        With ``max_results``, reading stops at the first solution (or triple) past
        the cap and :class:`ResultTooLarge` is raised: an answer is whole or refused,
        never silently cut.
        """
        result = self._query(
            query, default_graphs=default_graphs, named_graphs=named_graphs, bindings=bindings,
            base_iri=base_iri,
        )
        try:
            if isinstance(result, ox.QueryTriples):
                fmt, media_type, _ = RDF_FORMATS[graph_format]
                if max_results is None:
                    return SparqlResult(result.serialize(format=fmt), media_type, "graph")
                triples = _take(result, max_results, "triples")
                return SparqlResult(ox.serialize(triples, format=fmt), media_type, "graph")
            fmt_r, media_type = RESULT_FORMATS[result_format]
            if isinstance(result, ox.QueryBoolean):
                return SparqlResult(result.serialize(format=fmt_r), media_type, "boolean")
            if max_results is None:
                return SparqlResult(result.serialize(format=fmt_r), media_type, "solutions")
            names = [v.value for v in result.variables]
            rows = _take(result, max_results, "rows")
            return SparqlResult(_solutions_bytes(names, rows, fmt_r), media_type, "solutions")
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

    def quad_count(self) -> int:
        return len(self._store)

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
            finally:
                self._generation += 1
        return len(set(lines))

    def drop_graph(self, graph: str) -> bool:
        with self._write_lock:
            if not self.has_graph(graph):
                return False
            try:
                self._store.remove_graph(ox.NamedNode(graph))
            except OSError as e:
                raise StoreError(f"could not drop graph <{graph}>: {e}") from e
            finally:
                self._generation += 1
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
                raise BadData(f"the {format} data is malformed: {e}") from e
            except ValueError as e:
                raise BadData(f"could not load the {format} data: {e}") from e
            except OSError as e:
                raise StoreError(f"could not load the {format} data: {e}") from e
            finally:
                self._generation += 1
        return len(self._store) - before

    def update(self, update: str, *, base_iri: str | None = None) -> None:
        """Run a SPARQL 1.1 Update in one transaction (for curators and the pipeline only).

        Its default graph is the store's real default graph, not the union
        (see the module docstring). Updates have no time limit: they need the
        write token, and a write cannot be stopped half way.
        """
        from ontology import PREFIXES

        with self._write_lock:
            try:
                self._store.update(update, prefixes=PREFIXES, base_iri=base_iri)
            except SyntaxError as e:
                raise QueryError(f"malformed SPARQL update: {e}") from e
            except (ValueError, RuntimeError) as e:
                raise QueryError(f"the update cannot run: {e}") from e
            except OSError as e:
                raise StoreError(f"the update failed: {e}") from e
            finally:
                self._generation += 1

    # -- the graph store (SPARQL 1.1 Graph Store HTTP Protocol) -------------
    # ``graph=None`` is the store's real default graph (not the query union).

    def graph_exists(self, graph: str | None) -> bool:
        """Whether a graph exists; the default graph always does."""
        return graph is None or self.has_graph(graph)

    def read_graph(self, graph: str | None, format: str) -> bytes | None:
        """A graph's triples in a graph format; None when the named graph does not exist."""
        fmt, _, _ = self._format(format)
        if not self.graph_exists(graph):
            return None
        target = ox.DefaultGraph() if graph is None else ox.NamedNode(graph)
        try:
            return self._store.dump(format=fmt, from_graph=target,
                                    prefixes=self._prefixes(format))
        except (OSError, ValueError) as e:
            raise StoreError(f"could not read the graph: {e}") from e

    def put_graph(self, graph: str | None, payloads: Sequence[tuple[bytes, str]],
                  base_iri: str | None = None) -> bool:
        """Replace a graph with the parsed payloads, in one transaction. True when created."""
        return self._write_graph(graph, payloads, base_iri, replace=True)

    def post_graph(self, graph: str | None, payloads: Sequence[tuple[bytes, str]],
                   base_iri: str | None = None) -> bool:
        """Add the parsed payloads to a graph, in one transaction. True when created."""
        return self._write_graph(graph, payloads, base_iri, replace=False)

    def delete_graph(self, graph: str | None) -> bool:
        """Drop a named graph or empty the default graph; False when the graph did not exist."""
        if graph is None:
            with self._write_lock:
                try:
                    self._store.clear_graph(ox.DefaultGraph())
                except OSError as e:
                    raise StoreError(f"could not clear the default graph: {e}") from e
                finally:
                    self._generation += 1
            return True
        return self.drop_graph(graph)

    def _write_graph(self, graph: str | None, payloads: Sequence[tuple[bytes, str]],
                     base_iri: str | None, *, replace: bool) -> bool:
        lines = []
        for data, format in payloads:
            fmt, _, _ = self._format(format)
            try:
                for quad in ox.parse(data, format=fmt, base_iri=base_iri):
                    if not isinstance(quad.graph_name, ox.DefaultGraph):
                        raise BadData(
                            f"the {format} data names graphs; send a graph format (Turtle, "
                            "N-Triples, RDF/XML, JSON-LD) to the graph store")
                    lines.append(f"{quad.subject} {quad.predicate} {quad.object} .")
            except SyntaxError as e:
                raise BadData(f"the {format} data is malformed: {e}") from e
            except (OSError, ValueError) as e:
                raise BadData(f"could not read the {format} data: {e}") from e
        steps = []
        if graph is None:
            if replace:
                steps.append("CLEAR SILENT DEFAULT")
            steps.append("INSERT DATA {\n" + "\n".join(lines) + "\n}")
        else:
            try:
                g = str(ox.NamedNode(graph))
            except ValueError as e:
                raise BadData(f"<{graph}> is not a valid graph IRI: {e}") from e
            if replace:
                steps.append(f"DROP SILENT GRAPH {g}")
            steps.append(f"CREATE SILENT GRAPH {g}")
            steps.append(f"INSERT DATA {{ GRAPH {g} {{\n" + "\n".join(lines) + "\n} }")
        with self._write_lock:
            created = not self.graph_exists(graph)
            try:
                self._store.update(" ;\n".join(steps))  # one update = one transaction
            except (OSError, SyntaxError, ValueError) as e:
                raise StoreError(f"could not write the graph: {e}") from e
            finally:
                self._generation += 1
        return created

    # -- snapshots for query workers ----------------------------------------

    @property
    def generation(self) -> int:
        """A counter bumped by every write: a snapshot of generation g is current
        while the counter is still g."""
        return self._generation

    def checkpoint(self, target: Path | str) -> None:
        """A consistent on-disk copy of the store at ``target`` (a RocksDB checkpoint:
        hard links on the same file system, ~1 ms). Open it with ``read_only=True``."""
        if self.path is None:
            raise StoreError("an in-memory store has no checkpoints")
        try:
            self._store.backup(str(target))
        except OSError as e:
            raise StoreError(f"could not make a snapshot of the store at {target}: {e}") from e

    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        if not self.read_only:
            with contextlib.suppress(OSError, RuntimeError):
                self._store.flush()
        del self._store

    @staticmethod
    def _format(format: str) -> tuple[ox.RdfFormat, str, tuple[str, ...]]:
        try:
            return RDF_FORMATS[format]
        except KeyError:
            raise StoreError(
                f"unknown RDF format {format!r}; use one of {', '.join(RDF_FORMATS)}"
            ) from None


def _take(results: Iterable[Any], limit: int, what: str) -> list[Any]:
    """At most ``limit`` items; reading stops at the first one past the cap."""
    items = []
    for item in results:
        if len(items) == limit:
            raise ResultTooLarge(
                f"the answer has more than {limit} {what} (setting DKG_MAX_RESULTS): add "
                "LIMIT (with OFFSET to page through it) or more specific patterns")
        items.append(item)
    return items


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
            if getattr(term, "direction", None) is not None:
                out["its:dir"] = str(term.direction.value if hasattr(term.direction, "value")
                                     else term.direction).lower()
        elif term.datatype.value != _XSD + "string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    raise QueryError(f"cannot serialise the RDF term {term!r}")  # pragma: no cover


def _solutions_bytes(names: list[str], rows: list[Any], fmt: ox.QueryResultsFormat) -> bytes:
    """Serialise collected solutions exactly as pyoxigraph would (via SPARQL JSON)."""
    bindings = []
    for solution in rows:
        row = {}
        for name in names:
            term = solution[name]
            if term is not None:
                row[name] = _json_term(term)
        bindings.append(row)
    doc = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}},
                     ensure_ascii=False, separators=(",", ":")).encode()
    if fmt == ox.QueryResultsFormat.JSON:
        return doc
    return ox.parse_query_results(doc, ox.QueryResultsFormat.JSON).serialize(format=fmt)


def open_store(path: Path | str) -> Store:
    """Open the embedded store at ``path`` (created when missing)."""
    return EmbeddedStore(path)
