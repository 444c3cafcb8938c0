"""Neighbourhoods of entities as pictures: store -> :class:`graph.viz.VizGraph`.

The neighbourhood is read from the direct edges between entities, with the
strongest evidence sentence of each edge for its tooltip; large
neighbourhoods are cut to the most connected ``max_nodes`` with a note
saying so.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx
from rdflib import URIRef

from graph.entities import _type_of, entity_id, entity_iri
from graph.errors import NotFoundError
from graph.store import Store
from graph.viz import VizEdge, VizGraph, VizNode
from ontology import DKG, ID

_EDGES = """
SELECT ?s ?p ?o (SAMPLE(?evidence) AS ?ev) (SAMPLE(?title) AS ?art) (COUNT(?fact) AS ?n) WHERE {
  VALUES ?x { %s }
  { ?x ?p ?o BIND(?x AS ?s) } UNION { ?s ?p ?x BIND(?x AS ?o) }
  FILTER(STRSTARTS(STR(?p), STR(dkg:)) && ?p NOT IN (dkg:mentions, dkg:reports,
         dkg:holdsPosition, dkg:actor, dkg:target, dkg:inEvent, dkg:heldIn))
  FILTER(isIRI(?o) && STRSTARTS(STR(?o), STR(id:)) && STRSTARTS(STR(?s), STR(id:)))
  FILTER(!STRSTARTS(STR(?s), "https://w3id.org/dkg/id/fact/")
         && !STRSTARTS(STR(?s), "https://w3id.org/dkg/id/article/"))
  OPTIONAL {
    ?fact dkg:actor ?s ; dkg:asserts ?p ; dkg:target ?o ; dkg:evidence ?evidence ;
          prov:wasDerivedFrom ?a .
    OPTIONAL { ?a schema:headline ?title }
  }
} GROUP BY ?s ?p ?o
"""


def ego_graph(store: Store, id_or_iri: str, *, depth: int = 1, max_nodes: int = 300) -> VizGraph:
    """The entity, its neighbours up to ``depth`` hops, and the edges among them."""
    center = entity_iri(id_or_iri)
    if not store.ask("ASK { ?e a ?t }", {"e": URIRef(center)}):
        raise NotFoundError(
            f"no entity {entity_id(center)!r} in the store: search with /api/entities?q=NAME"
        )
    g = nx.MultiDiGraph()
    g.add_node(center)
    frontier = {center}
    visited = {center}
    edge_info: dict[tuple[str, str, str], tuple[str, str, int]] = {}
    for _ in range(depth):
        values = " ".join(f"<{x}>" for x in sorted(frontier))
        reached: set[str] = set()
        for row in store.select(_EDGES % values):
            s, p, o = row["s"], row["p"][len(DKG):], row["o"]
            if (s, p, o) not in edge_info:
                g.add_edge(s, o, key=p)
                edge_info[(s, p, o)] = (row.get("ev") or "", row.get("art") or "",
                                        int(row.get("n", 0)))
            reached.update((s, o))
        frontier = reached - visited
        visited |= reached
        if not frontier or g.number_of_nodes() > max_nodes * 4:
            break
    total = g.number_of_nodes()
    note = None
    if total > max_nodes:
        degree = dict(g.degree())
        keep = sorted(g.nodes, key=lambda n: (n != center, -degree[n], n))[:max_nodes]
        g = g.subgraph(keep).copy()
        note = (f"Showing the {max_nodes} most connected of {total} entities around this one. "
                f"To see more, add ?max_nodes=N to the address (or lower the depth).")
    labels, types = _labels(store, list(g.nodes))
    degree = dict(g.degree())
    nodes = []
    for n in g.nodes:
        short = entity_id(n)
        type_ = types.get(n, "Entity")
        nodes.append(VizNode(
            id=short, label=labels.get(n, short), type=type_,
            title=f"{labels.get(n, short)}\n{type_} · {short}",
            url=f"/viz/entity/{short}", size=1.0 + min(degree.get(n, 0), 30) / 6,
        ))
    edges = []
    for s, o, p in g.edges(keys=True):
        evidence, article, count = edge_info[(s, p, o)]
        tip = p if not evidence else f"{p}\n“{evidence}”\n— {article or 'article'}"
        if count > 1:
            tip += f"\n({count} facts)"
        edges.append(VizEdge(source=entity_id(s), target=entity_id(o), label=p, title=tip))
    heading = f"{labels.get(center, entity_id(center))} — neighbourhood"
    return VizGraph(nodes=nodes, edges=edges, heading=heading, note=note)


def _labels(store: Store, iris: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    labels: dict[str, str] = {}
    types: dict[str, list[str]] = defaultdict(list)
    for start in range(0, len(iris), 500):
        values = " ".join(f"<{x}>" for x in iris[start:start + 500] if x.startswith(ID))
        for row in store.select(
            f"""SELECT ?x ?label ?type WHERE {{ VALUES ?x {{ {values} }}
                  OPTIONAL {{ ?x skos:prefLabel ?label FILTER(LANG(?label) = "en") }}
                  OPTIONAL {{ ?x a ?type FILTER(STRSTARTS(STR(?type), STR(dkg:))) }} }}"""
        ):
            if row.get("label"):
                labels.setdefault(row["x"], row["label"])
            if row.get("type"):
                types[row["x"]].append(row["type"])
    return labels, {x: _type_of(t) for x, t in types.items()}
