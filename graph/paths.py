"""How two entities are connected: the shortest paths, with the proof of every edge."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.entities import entity_id, entity_iri
from graph.errors import NotFoundError
from graph.projection import Projection, projection, shortest_paths
from graph.store import Store


@dataclass
class EntityRef:
    id: str
    label: str
    type: str


@dataclass
class PathEdge:
    source: str  # the edge as stored: source -predicate-> target
    target: str
    predicate: str
    evidence: str | None = None
    article: str | None = None
    article_title: str | None = None
    date: str | None = None


@dataclass
class Path:
    length: int
    nodes: list[EntityRef] = field(default_factory=list)
    edges: list[PathEdge] = field(default_factory=list)


@dataclass
class Connection:
    source: EntityRef
    target: EntityRef
    paths: list[Path] = field(default_factory=list)


def entity_ref(p: Projection, iri: str) -> EntityRef:
    return EntityRef(id=entity_id(iri), label=p.label(iri), type=p.type(iri))


def connecting_paths(
    store: Store, from_id: str, to_id: str, *, max_length: int = 4, max_paths: int = 5
) -> Connection:
    """The shortest paths (up to ``max_length`` edges, either direction) between two
    entities, each edge with its strongest evidence sentence and article."""
    p = projection(store)
    ends = []
    for given in (from_id, to_id):
        iri = entity_iri(given)
        if iri not in p.nodes and iri not in p.graph:
            raise NotFoundError(
                f"no entity {entity_id(iri)!r} in the store: search with /api/entities?q=NAME")
        ends.append(iri)
    source, target = ends
    out = Connection(source=entity_ref(p, source), target=entity_ref(p, target))
    for nodes in shortest_paths(p.weighted, source, target, max_length=max_length,
                                max_paths=max_paths):
        out.paths.append(Path(
            length=len(nodes) - 1, nodes=[entity_ref(p, n) for n in nodes],
            edges=[path_edge(p, a, b) for a, b in zip(nodes, nodes[1:], strict=False)],
        ))
    return out


def path_edge(p: Projection, a: str, b: str) -> PathEdge:
    """The best-documented edge between a and b, in whichever direction it was stated."""
    facts = sorted(p.facts(a, b) + p.facts(b, a),
                   key=lambda f: (-f.confidence, f.evidence is None, f.fact))
    if facts:
        f = facts[0]
        title = p.articles.get(f.article or "", (None, None))[0]
        return PathEdge(source=entity_id(f.source), target=entity_id(f.target),
                        predicate=f.predicate, evidence=f.evidence, article=f.article,
                        article_title=title, date=f.date)
    forward = p.graph.get_edge_data(a, b)
    s, o, data = (a, b, forward) if forward else (b, a, p.graph.get_edge_data(b, a) or {})
    return PathEdge(source=entity_id(s), target=entity_id(o), predicate=min(data, default=""))
