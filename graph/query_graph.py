"""CONSTRUCT and DESCRIBE answers as network pictures: triples in, :class:`VizGraph` out.

Resources become nodes (labelled by ``skos:prefLabel``/``rdfs:label``, English
first, typed by their ``dkg:`` class), triples between two resources become
edges, and the other literal triples go into the node's plain-text tooltip.
Entities of the graph link to their page, ``/entity/<kind>/<slug>``.
"""

from __future__ import annotations

from collections import defaultdict

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS
from rdflib.term import Node

from graph.errors import QueryError
from graph.models import TYPE_OF_KIND
from graph.sparql import query_form
from graph.store import Store
from graph.viz import VizEdge, VizGraph, VizNode
from ontology import DKG, ID, PREFIXES

#: at most this many nodes are drawn; the rest are left out with a note
MAX_NODES = 2000
#: at most this many triples of an answer are read
MAX_TRIPLES = 20_000
_LABELS = (SKOS.prefLabel, RDFS.label)


def construct_graph(store: Store, query: str, *, max_nodes: int = MAX_NODES) -> VizGraph:
    """Run a CONSTRUCT/DESCRIBE query and turn its triples into a picture."""
    form = query_form(query)
    if form not in ("CONSTRUCT", "DESCRIBE"):
        raise QueryError(f"the graph view draws CONSTRUCT or DESCRIBE answers; this query is "
                         f"{'a ' + form if form else 'not a query'}: run it as a table instead")
    result = store.sparql(query, graph_format="ntriples")
    lines = result.body.decode("utf-8").splitlines()
    graph = Graph()
    graph.parse(data="\n".join(lines[:MAX_TRIPLES]), format="nt")
    picture = triples_graph(graph, max_nodes=max_nodes)
    if len(lines) > MAX_TRIPLES:
        cut = f"Only the first {MAX_TRIPLES} of {len(lines)} triples are drawn: add a LIMIT."
        picture.note = f"{picture.note} {cut}" if picture.note else cut
    return picture


def triples_graph(triples: Graph, *, max_nodes: int = MAX_NODES,
                  heading: str = "Query result") -> VizGraph:
    """The picture of an rdflib graph.

    >>> g = Graph()
    >>> kz, un = URIRef(ID + "state/kz"), URIRef(ID + "organization/un")
    >>> _ = g.add((kz, URIRef(DKG + "memberOf"), un))
    >>> _ = g.add((kz, SKOS.prefLabel, Literal("Kazakhstan", lang="en")))
    >>> v = triples_graph(g)
    >>> sorted((n.id, n.label, n.url) for n in v.nodes)[1]
    ('state/kz', 'Kazakhstan', '/entity/state/kz')
    >>> [(e.source, e.label, e.target) for e in v.edges]
    [('state/kz', 'dkg:memberOf', 'organization/un')]
    """
    labels: dict[Node, dict[str, str]] = defaultdict(dict)
    types: dict[Node, list[str]] = defaultdict(list)
    notes: dict[Node, list[str]] = defaultdict(list)
    edges: list[tuple[Node, Node, Node]] = []
    nodes: dict[Node, None] = {}
    for s, p, o in sorted(triples):
        nodes.setdefault(s)
        if p in _LABELS and isinstance(o, Literal):
            labels[s].setdefault(o.language or "", str(o))
        elif p == RDF.type and isinstance(o, URIRef):
            types[s].append(str(o))
        elif isinstance(o, Literal):
            notes[s].append(f"{short_name(p)}: {o}")
        else:
            nodes.setdefault(o)
            edges.append((s, p, o))
    note = None
    if len(nodes) > max_nodes:
        degree: dict[Node, int] = defaultdict(int)
        for s, _, o in edges:
            degree[s] += 1
            degree[o] += 1
        keep = sorted(nodes, key=lambda n: (-degree[n], str(n)))[:max_nodes]
        note = f"Showing {max_nodes} of {len(nodes)} resources, the most connected first."
        nodes = dict.fromkeys(keep)
    viz_nodes = []
    for node in nodes:
        names = labels.get(node, {})
        label = names.get("en") or next(iter(names.values()), None) or short_name(node)
        type_ = _type_name(types.get(node, []))
        tip = "\n".join([label, f"{type_} · {short_name(node)}", *notes.get(node, [])[:12]])
        viz_nodes.append(VizNode(id=_node_id(node), label=label, type=type_, title=tip,
                                 url=_entity_url(node)))
    viz_edges = [
        VizEdge(source=_node_id(s), target=_node_id(o), label=short_name(p),
                title=f"{short_name(s)} {short_name(p)} {short_name(o)}")
        for s, p, o in edges if s in nodes and o in nodes
    ]
    return VizGraph(nodes=viz_nodes, edges=viz_edges,
                    heading=f"{heading}: {len(viz_nodes)} resources, {len(viz_edges)} links",
                    note=note)


def short_name(term: Node) -> str:
    """A prefixed name where a prefix fits, else the IRI or literal text.

    >>> short_name(URIRef("https://w3id.org/dkg/ontology#proposed"))
    'dkg:proposed'
    """
    text = str(term)
    if isinstance(term, URIRef):
        for prefix, namespace in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if text.startswith(namespace) and prefix != "id":
                return f"{prefix}:{text[len(namespace):]}"
    return text


def _node_id(term: Node) -> str:
    text = str(term)
    return text[len(ID):] if isinstance(term, URIRef) and text.startswith(ID) else text


def _entity_url(term: Node) -> str | None:
    text = str(term)
    if not isinstance(term, URIRef) or not text.startswith(ID):
        return None
    kind, _, slug = text[len(ID):].partition("/")
    return f"/entity/{kind}/{slug}" if kind in TYPE_OF_KIND and slug else None


def _type_name(types: list[str]) -> str:
    names = [t[len(DKG):] for t in types if t.startswith(DKG)]
    for name in names:
        if name in TYPE_OF_KIND.values():
            return name
    return "Event" if names and any(n not in ("Article", "Fact", "Action") for n in names) \
        else (names[0] if names else "Resource")
