"""Neighbourhoods of entities as pictures: store -> :class:`graph.viz.VizGraph`.

The neighbourhood is read from the direct edges between entities (``dkg:proposed``,
``dkg:participatedIn``, ...), each with the facts behind it: the strongest evidence
sentence, its article, and the newest date. Filters narrow it by entity type,
relation and time; large neighbourhoods are cut to the ``max_nodes`` most important
entities (nearest first, then by degree in the whole store, read from the cached
entity graph of :mod:`graph.projection`) with a note saying so.

One function draws both faces: the explorer (``/explore`` fetches it as JSON through
:func:`graph.viz.network_data`) and the static pages (``/viz/entity/...``,
``dkg viz -o file.html`` through :func:`graph.viz.render_network`).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import URIRef

from graph.entities import _type_of, entity_id, entity_iri
from graph.errors import DkgError, NotFoundError
from graph.models import ENTITY_TYPES
from graph.projection import projection
from graph.store import Store
from graph.viz import VizEdge, VizGraph, VizNode
from ontology import DKG, ID, ONTOLOGY_GRAPH

#: dkg: properties that are not drawn as edges: provenance, fact structure, positions
HIDDEN_PREDICATES = ("mentions", "reports", "holdsPosition", "actor", "target", "inEvent",
                     "heldIn", "asserts", "actionType")
_HIDDEN = ", ".join(f"dkg:{p}" for p in HIDDEN_PREDICATES)
_IS_ENTITY = """STRSTARTS(STR({v}), STR(id:))
  && !STRSTARTS(STR({v}), "https://w3id.org/dkg/id/fact/")
  && !STRSTARTS(STR({v}), "https://w3id.org/dkg/id/article/")"""

_AROUND = f"""
SELECT DISTINCT ?s ?p ?o WHERE {{
  VALUES ?x {{ %s }}
  {{ ?x ?p ?o BIND(?x AS ?s) }} UNION {{ ?s ?p ?x BIND(?x AS ?o) }}
  FILTER(STRSTARTS(STR(?p), STR(dkg:)) && ?p NOT IN ({_HIDDEN}))
  FILTER(isIRI(?o) && {_IS_ENTITY.format(v="?o")} && {_IS_ENTITY.format(v="?s")})
}}
"""

_FACT = """
  OPTIONAL {
    ?fact dkg:actor ?s ; dkg:asserts ?p ; dkg:target ?o ; dkg:evidence ?evidence ;
          prov:wasDerivedFrom ?article .
    OPTIONAL { ?fact dkg:confidence ?conf }
    OPTIONAL { ?fact dkg:date ?date }
    OPTIONAL { ?article schema:headline ?title }
    OPTIONAL { ?article schema:url ?url }
    OPTIONAL { ?article schema:datePublished ?published }
  }
"""

_AROUND_WITH_FACTS = _AROUND.replace("SELECT DISTINCT ?s ?p ?o WHERE {", (
    "SELECT ?s ?p ?o ?fact ?evidence ?conf ?date ?article ?title ?url ?published WHERE {"
)).replace("\n}\n", _FACT + "}\n")

# plain DISTINCT look-ups: OPTIONALs over the union graph multiply rows (each label and
# type is repeated once per article graph that states it): 55 s vs 8 ms on 1M triples
_LABELS = """
SELECT DISTINCT ?x ?label (LANG(?label) AS ?lang) WHERE {
  VALUES ?x { %s } ?x skos:prefLabel ?label
}
"""

_TYPES = """
SELECT DISTINCT ?x ?type WHERE {
  VALUES ?x { %s } ?x a ?type FILTER(STRSTARTS(STR(?type), STR(dkg:)))
}
"""

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_PREDICATE = re.compile(r"^[A-Za-z][A-Za-z0-9]{0,63}$")
_BATCH = 400


@dataclass(slots=True)
class _Fact:
    evidence: str
    confidence: float
    date: str | None  # the fact's date, else its article's
    article: str
    title: str | None
    url: str | None


def ego_graph(
    store: Store,
    id_or_iri: str,
    *,
    depth: int = 1,
    max_nodes: int = 300,
    types: Iterable[str] | None = None,
    predicates: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
) -> VizGraph:
    """The entity, its neighbours up to ``depth`` hops, and the edges among them.

    ``types`` keeps neighbours of those entity types (the entity itself always stays);
    ``predicates`` keeps those relations (``proposed``, ``participatedIn``, ...);
    ``since``/``until`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) keep the edges with
    at least one fact dated in the range (the fact's date, else its article's), so
    undated edges drop out while a time filter is on. Beyond ``max_nodes`` entities
    the nearest and best connected are kept and ``note`` says how many were cut.
    """
    center = entity_iri(id_or_iri)
    if not store.ask("ASK { ?e a ?t }", {"e": URIRef(center)}):
        raise NotFoundError(
            f"no entity {entity_id(center)!r} in the store: search with /api/entities?q=NAME"
        )
    if depth < 1:
        raise DkgError(f"depth is {depth}; it must be 1 or more")
    wanted_types = _check_types(types)
    wanted_predicates = _check_predicates(predicates)
    low, high = _bounds(since, until)

    dated = bool(low or high)
    kinds: dict[str, str] = {}
    hop = {center: 0}
    edges: dict[tuple[str, str, str], list[_Fact]] = {}
    frontier = [center]
    complete = True  # False when the walk stopped early because it found too much
    for level in range(1, depth + 1):
        # with a time filter the facts decide which edges count, so they come at once;
        # without one they are read after the cut, for the edges that are drawn only
        found = _edges_around(store, frontier, wanted_predicates, with_facts=dated)
        if dated:
            found = {key: kept for key, facts in found.items()
                     if (kept := [f for f in facts if f.date and _overlaps(f.date, low, high)])}
        new = sorted({n for s, _, o in found for n in (s, o)} - hop.keys())
        if wanted_types is not None:
            kinds.update(_labels(store, new, with_labels=False)[1])
            new = [n for n in new if kinds.get(n, "Entity") in wanted_types]
        for n in new:
            hop[n] = level
        for (s, p, o), facts in found.items():
            if s in hop and o in hop:
                edges.setdefault((s, p, o), facts)
        frontier = new
        if not frontier:
            break
        if len(hop) > max_nodes * 4 and level < depth:
            complete = False
            break

    total = len(hop)
    if total > max_nodes:
        # the nearer levels are kept whole; the level where the cut falls keeps its best
        # connected entities
        per_level = sorted(hop.values())
        boundary = per_level[max_nodes - 1]
        importance = _degrees(store, [n for n in hop if hop[n] == boundary])
        ranked = sorted(hop, key=lambda n: (hop[n], -importance.get(n, 0), n))
        hop = {n: hop[n] for n in ranked[:max_nodes]}
        importance.update(_degrees(store, [n for n in hop if n not in importance]))
    else:
        importance = _degrees(store, list(hop))
    labels, more_kinds = _labels(store, list(hop))
    kinds.update(more_kinds)
    edges = {key: facts for key, facts in edges.items() if key[0] in hop and key[2] in hop}
    if not dated:
        edges = _facts_of(store, list(edges))
    note = None
    if total > max_nodes:
        more = "" if complete else "more than "
        note = (f"Showing the {max_nodes} most important of {more}{total} entities around "
                f"{labels.get(center, entity_id(center))} (nearest first, then by number of "
                "connections). To see more, raise the maximum number of nodes (max_nodes, "
                "up to 5000), lower the depth, or filter by type, relation or time.")

    nodes = [_node(n, labels, kinds, importance) for n in hop]
    drawn = [_edge(s, p, o, facts) for (s, p, o), facts in edges.items()
             if s in hop and o in hop]
    heading = f"{labels.get(center, entity_id(center))} — neighbourhood"
    return VizGraph(nodes=nodes, edges=drawn, heading=heading, note=note,
                    center=entity_id(center), total=total)


def relation_types(store: Store) -> list[str]:
    """The relations the explorer can filter by: dkg: object properties of the
    ontology that are drawn as edges, sorted."""
    rows = store.select(
        f"""SELECT DISTINCT ?p WHERE {{ GRAPH <{ONTOLOGY_GRAPH}> {{ ?p a owl:ObjectProperty }}
              FILTER(STRSTARTS(STR(?p), STR(dkg:)) && ?p NOT IN ({_HIDDEN})) }}""")
    return sorted(row["p"][len(DKG):] for row in rows)


def _node(iri: str, labels: dict[str, str], kinds: dict[str, str],
          importance: dict[str, int]) -> VizNode:
    short = entity_id(iri)
    label = labels.get(iri, short)
    type_ = kinds.get(iri, "Entity")
    degree = importance.get(iri, 0)
    plural = "" if degree == 1 else "s"
    return VizNode(
        id=short, label=label, type=type_,
        title=f"{label}\n{type_} · {short}\n{degree} connection{plural} in the graph",
        url=f"/viz/entity/{short}", size=1.0 + math.log1p(degree), importance=degree,
    )


def _edge(s: str, p: str, o: str, facts: list[_Fact]) -> VizEdge:
    if not facts:  # a reference fact (gazetteer structure), no sentence behind it
        return VizEdge(source=entity_id(s), target=entity_id(o), label=p,
                       title=f"{p}\n(from the reference data)")
    best = max(facts, key=lambda f: (f.confidence, f.date or "", f.article))
    newest = max((f.date for f in facts if f.date), default=None)
    tip = f"{p}\n“{best.evidence}”\n— {best.title or 'article'}"
    if best.date:
        tip += f", {best.date}"
    if len(facts) > 1:
        tip += f"\n({len(facts)} facts)"
    return VizEdge(source=entity_id(s), target=entity_id(o), label=p, title=tip,
                   evidence=best.evidence, article=entity_id(best.article),
                   article_title=best.title,
                   article_url=best.url, date=newest, facts=len(facts))


def _check_types(types: Iterable[str] | None) -> set[str] | None:
    if types is None:
        return None
    wanted = {t.strip() for t in types if t.strip()}
    unknown = sorted(wanted - set(ENTITY_TYPES))
    if unknown:
        raise DkgError(f"unknown entity type {unknown[0]!r}; use one of {', '.join(ENTITY_TYPES)}")
    return wanted


def _check_predicates(predicates: Iterable[str] | None) -> set[str] | None:
    if predicates is None:
        return None
    wanted = {p.strip().removeprefix("dkg:") for p in predicates if p.strip()}
    bad = sorted(p for p in wanted if not _PREDICATE.match(p))
    if bad:
        raise DkgError(f"{bad[0]!r} is not a relation name; use names such as 'proposed' or "
                       "'participatedIn' (the list is on /explore)")
    return wanted


def _bounds(since: str | None, until: str | None) -> tuple[str | None, str | None]:
    """The time filter as two comparable day strings.

    >>> _bounds("2025", "2026-02")
    ('2025-01-01', '2026-02-31')
    """
    for name, value in (("since", since), ("until", until)):
        if value and not _DATE.match(value):
            raise DkgError(f"{name}={value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    low = _span(since)[0] if since else None
    high = _span(until)[1] if until else None
    if low and high and low > high:
        raise DkgError(f"since={since} is after until={until}: swap them")
    return low, high


def _span(date: str) -> tuple[str, str]:
    """First and last day of a date, month or year, as strings that sort as dates
    (month ends are written -31, which sorts right).

    >>> _span("2026"), _span("2026-02"), _span("2026-02-27")
    (('2026-01-01', '2026-12-31'), ('2026-02-01', '2026-02-31'), ('2026-02-27', '2026-02-27'))
    """
    date = date[:10]
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    if len(date) == 7:
        return f"{date}-01", f"{date}-31"
    return date, date


def _overlaps(date: str, low: str | None, high: str | None) -> bool:
    first, last = _span(date)
    return (low is None or last >= low) and (high is None or first <= high)


def _chunks(iris: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(iris), _BATCH):
        yield [x for x in iris[start:start + _BATCH] if x.startswith(ID)]


def _edges_around(store: Store, frontier: list[str], predicates: set[str] | None, *,
                  with_facts: bool) -> dict[tuple[str, str, str], list[_Fact]]:
    """The direct edges touching ``frontier``; with their facts when ``with_facts``."""
    query = _AROUND_WITH_FACTS if with_facts else _AROUND
    found: dict[tuple[str, str, str], dict[str, _Fact]] = defaultdict(dict)
    for chunk in _chunks(frontier):
        for row in store.select(query % " ".join(f"<{x}>" for x in chunk)):
            predicate = row["p"][len(DKG):]
            if predicates is None or predicate in predicates:
                _add_fact(found[(row["s"], predicate, row["o"])], row)
    return {key: list(facts.values()) for key, facts in found.items()}


def _facts_of(store: Store, keys: list[tuple[str, str, str]]
              ) -> dict[tuple[str, str, str], list[_Fact]]:
    """The facts behind each edge (s, predicate, o), from the cached entity graph
    (graph.projection): reading them from the store for a 300-node neighbourhood of a
    hub took 3–6 s on 1M triples; the projection already holds them."""
    p = projection(store)
    found = {key: [f for f in p.facts(key[0], key[2], key[1])
                   if f.evidence is not None and f.article is not None] for key in keys}
    urls = _article_urls(store, {f.article for facts in found.values() for f in facts})
    out: dict[tuple[str, str, str], list[_Fact]] = {}
    for key, facts in found.items():
        out[key] = []
        for f in facts:
            title, published = p.articles.get(f.article, (None, None))
            out[key].append(_Fact(evidence=f.evidence, confidence=f.confidence,
                                  date=f.date or published, article=f.article, title=title,
                                  url=urls.get(f.article)))
    return out


def _article_urls(store: Store, articles: set[str]) -> dict[str, str]:
    urls: dict[str, str] = {}
    for chunk in _chunks(sorted(articles)):
        values = " ".join(f"<{x}>" for x in chunk)
        for row in store.select(
                f"SELECT DISTINCT ?a ?url WHERE {{ VALUES ?a {{ {values} }} ?a schema:url ?url }}"):
            urls.setdefault(row["a"], row["url"])
    return urls


def _add_fact(facts: dict[str, _Fact], row: dict) -> None:
    if "fact" in row and row["fact"] not in facts:  # a fact shows once per named graph
        facts[row["fact"]] = _Fact(
            evidence=row["evidence"], confidence=float(row.get("conf", 0.0)),
            date=row.get("date") or row.get("published"), article=row["article"],
            title=row.get("title"), url=row.get("url"))


def _degrees(store: Store, iris: list[str]) -> dict[str, int]:
    """Each entity's number of distinct neighbours in the whole store, from the entity
    graph that :func:`graph.projection.projection` keeps until the next write."""
    g = projection(store).weighted
    return {x: g.degree(x) if x in g else 0 for x in iris}


def _labels(store: Store, iris: list[str], *, with_labels: bool = True
            ) -> tuple[dict[str, str], dict[str, str]]:
    """English preferred labels (else any preferred label) and entity types."""
    labels: dict[str, str] = {}
    fallback: dict[str, str] = {}
    types: dict[str, list[str]] = defaultdict(list)
    for chunk in _chunks(iris):
        values = " ".join(f"<{x}>" for x in chunk)
        if with_labels:
            for row in store.select(_LABELS % values):
                if row.get("lang") == "en":
                    labels.setdefault(row["x"], row["label"])
                fallback.setdefault(row["x"], row["label"])
        for row in store.select(_TYPES % values):
            types[row["x"]].append(row["type"])
    return {**fallback, **labels}, {x: _type_of(t) for x, t in types.items()}
