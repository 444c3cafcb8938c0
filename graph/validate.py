"""SHACL validation of instance data, with reports a person can read.

The data is checked against ``ontology/shapes.ttl`` with the ontology
(``ontology/dkg.ttl``) added to the data, so that class targets reach subclasses (a
``dkg:Session`` is checked as a ``dkg:Event`` and a ``dkg:Entity``) and the
action-type concepts are known. No RDFS inference is run: it is not needed for
that, and it is several times slower.

A non-conforming report is a result, not an error:

>>> from rdflib import Graph
>>> report = validate_graph(Graph())
>>> report.conforms, report.violations
(True, [])
>>> report.format()
'Conforms: 0 violations, 0 warnings'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Protocol

import pyshacl
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.exceptions import ParserError
from rdflib.graph import ConjunctiveGraph
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from graph.errors import ValidationError
from ontology import ONTOLOGY_FILE, ONTOLOGY_GRAPH, PREFIXES, SHAPES_FILE

__all__ = ["ValidationReport", "Violation", "validate_graph", "validate_store"]

_SEVERITIES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}
_SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}
#: namespaces longest first, so that the most specific prefix wins
_NAMESPACES = sorted(PREFIXES.items(), key=lambda item: len(item[1]), reverse=True)


class _Exporting(Protocol):
    """What ``validate_store`` needs of a store: an export of every graph."""

    def export(self, format: str) -> bytes: ...  # noqa: A002 - the store's own signature


@dataclass(frozen=True, slots=True)
class Violation:
    """One validation result.

    ``focus`` and ``shape`` are IRIs (or ``_:id`` for blank nodes), ``path`` the
    IRI of the property (``None`` for node-level results), ``value`` the
    offending value in Turtle form with prefixes (``None`` when the problem is
    a missing value), ``severity`` one of ``"Violation"``, ``"Warning"``,
    ``"Info"``.
    """

    focus: str
    path: str | None
    value: str | None
    message: str
    severity: str
    shape: str | None

    def format(self) -> str:
        """One line: ``Violation: <id:fact/ab12> dkg:actor — every Action ...``."""
        parts = [f"{self.severity}: <{shorten(self.focus)}>"]
        if self.path:
            parts.append(shorten(self.path))
        line = " ".join(parts) + f" — {self.message}"
        if self.value is not None:
            line += f" (value: {self.value})"
        return line


@dataclass(slots=True)
class ValidationReport:
    """The outcome of a validation: ``conforms`` is False when any result has
    severity Violation; warnings and infos are listed but do not fail it."""

    conforms: bool
    violations: list[Violation] = field(default_factory=list)

    @property
    def errors(self) -> list[Violation]:
        """The results of severity Violation only."""
        return [v for v in self.violations if v.severity == "Violation"]

    @property
    def warnings(self) -> list[Violation]:
        """The results of severity Warning or Info."""
        return [v for v in self.violations if v.severity != "Violation"]

    def format(self) -> str:
        """A readable report: a summary line, then one line per result."""
        head = "Conforms" if self.conforms else "Does not conform"
        lines = [f"{head}: {len(self.errors)} violations, {len(self.warnings)} warnings"]
        lines += [v.format() for v in self.violations]
        return "\n".join(lines)


def shorten(iri: str) -> str:
    """An IRI as a prefixed name when a known namespace matches.

    >>> shorten("https://w3id.org/dkg/id/official/tokayev")
    'official:tokayev'
    >>> shorten("https://w3id.org/dkg/ontology#actor")
    'dkg:actor'
    >>> shorten("urn:x")
    'urn:x'
    """
    for prefix, namespace in _NAMESPACES:
        if iri.startswith(namespace) and len(iri) > len(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _term(node: Node) -> str:
    """A node as text: an IRI or ``_:id``."""
    return f"_:{node}" if isinstance(node, BNode) else str(node)


def _value(node: Node) -> str:
    """A value in Turtle form with prefixed datatypes: ``"1.5"^^xsd:decimal``."""
    if isinstance(node, Literal):
        text = '"' + str(node).replace("\\", "\\\\").replace('"', '\\"') + '"'
        if node.language:
            return f"{text}@{node.language}"
        if node.datatype:
            return f"{text}^^{shorten(str(node.datatype))}"
        return text
    if isinstance(node, URIRef):
        short = shorten(str(node))
        return short if short != str(node) else f"<{node}>"
    return _term(node)


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def _union(data: Graph | Dataset) -> Graph:
    """A fresh graph holding every triple of ``data`` outside the ontology graph."""
    union = Graph()
    if isinstance(data, (Dataset, ConjunctiveGraph)):
        ontology = URIRef(ONTOLOGY_GRAPH)
        for s, p, o, g in data.quads((None, None, None, None)):
            name = g.identifier if isinstance(g, Graph) else g
            if name != ontology:
                union.add((s, p, o))
    else:
        for triple in data:
            union.add(triple)
    return union


def _results(results: Graph) -> list[Violation]:
    found = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        shape = results.value(result, SH.sourceShape)
        found.append(
            Violation(
                focus=_term(focus) if focus is not None else "",
                path=_term(path) if path is not None else None,
                value=_value(value) if value is not None else None,
                message=str(message) if message is not None else "(no message)",
                severity=_SEVERITIES.get(severity, str(severity)),  # type: ignore[arg-type]
                shape=_term(shape) if shape is not None else None,
            )
        )
    found.sort(key=lambda v: (_SEVERITY_ORDER.get(v.severity, 3), v.focus, v.path or "", v.message))
    return found


def validate_graph(data: Graph | Dataset, ontology: Graph | None = None) -> ValidationReport:
    """Check ``data`` against the dkg SHACL shapes.

    A Dataset is validated as the union of its graphs, leaving out the
    ontology graph (https://w3id.org/dkg/graph/ontology). ``ontology`` defaults
    to ``ontology/dkg.ttl``; the data is not modified.
    """
    union = _union(data)
    # Mix the whole ontology in ourselves: pySHACL's ont_graph copies only
    # classes and properties (not the action-type concepts), and its deep copy
    # of named individuals explodes on the SKOS scheme.
    for triple in ontology if ontology is not None and len(ontology) else _ontology():
        union.add(triple)
    conforms, results, _text = pyshacl.validate(
        union,
        shacl_graph=_shapes(),
        inference="none",
        inplace=True,  # ``union`` is our own copy
        allow_warnings=True,
        allow_infos=True,
        advanced=False,
    )
    return ValidationReport(conforms=bool(conforms), violations=_results(results))


def validate_store(store: _Exporting) -> ValidationReport:
    """Validate everything in a store: the union of all its graphs but the
    ontology graph, with the store's ontology graph (or ``dkg.ttl`` when the
    store has none) as the ontology."""
    try:
        dataset = Dataset()
        dataset.parse(data=store.export("nquads"), format="nquads")
    except (ParserError, UnicodeDecodeError) as exc:
        raise ValidationError(
            f"could not read the store's N-Quads export for validation: {exc}; "
            "check that the store opens and `dkg export` works"
        ) from exc
    stored_ontology = Graph()
    for triple in dataset.graph(URIRef(ONTOLOGY_GRAPH)):
        stored_ontology.add(triple)
    return validate_graph(dataset, ontology=stored_ontology if len(stored_ontology) else None)
