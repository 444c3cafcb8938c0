"""The entity graph: entity -> entity edges read from the store, for ranking and paths.

:func:`projection` reads the direct edges between entities (``dkg:participatedIn``,
``dkg:partOf``, ...), the fact nodes behind them (evidence, article, date,
confidence), the events' dates and the articles' mentions with a handful of
SPARQL queries, and keeps the result per store until the next write
(:mod:`graph.cache`). The analytics below are short pure functions over a
networkx graph — graph in, dict or list out — so they run on the cached
projection or on any small graph in a test.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import networkx as nx

from graph.cache import cached, store_generation
from graph.models import EVENT_KINDS, PREDICATES, TYPE_OF_KIND
from graph.store import Store
from ontology import DKG, ID

#: how much one fact of each predicate counts
PREDICATE_WEIGHT = {
    "metWith": 3.0, "represents": 3.0, "holdsPositionIn": 3.0, "participatedIn": 2.5,
    "proposed": 2.5, "signed": 2.5, "supports": 2.0, "calledFor": 2.0, "partyTo": 2.0,
    "partOf": 2.0, "locatedIn": 1.5, "commemorates": 1.5, "heldIn": 1.5,
}
EDGE_PREDICATES = (*PREDICATES, "heldIn")
_NOT_ENTITY_TYPES = ("Action", "Fact", "Article", "Extractor")


@dataclass(frozen=True, slots=True)
class EdgeFact:
    """One extracted fact behind a direct edge: the proof a person can read."""

    fact: str
    source: str
    predicate: str
    target: str
    evidence: str | None = None
    article: str | None = None
    date: str | None = None
    confidence: float = 0.0
    event: str | None = None


@dataclass(slots=True)
class NodeInfo:
    label: str
    type: str  # Official, State, ..., Event
    kind: str | None = None  # the event subclass: Session, Summit, ...


@dataclass
class Projection:
    """The entity graph of one store generation (see :func:`projection`)."""

    generation: int | None
    nodes: dict[str, NodeInfo] = field(default_factory=dict)
    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)  # key = predicate
    weighted: nx.Graph = field(default_factory=nx.Graph)  # undirected, weight = strength
    mentions: dict[str, list[str]] = field(default_factory=dict)  # entity -> articles
    article_entities: dict[str, list[str]] = field(default_factory=dict)
    articles: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    dates: dict[str, list[str]] = field(default_factory=dict)  # event -> dates, best first
    facts_of: dict[str, list[EdgeFact]] = field(default_factory=dict)  # entity -> its facts
    out_by: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # pred -> s -> [o]
    in_by: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # pred -> o -> [s]

    def out(self, node: str, *predicates: str) -> list[str]:
        """Targets of the node's edges with these predicates."""
        return [o for pred in predicates for o in self.out_by.get(pred, {}).get(node, ())]

    def into(self, node: str, *predicates: str) -> list[str]:
        """Sources of the edges with these predicates that end at the node."""
        return [s for pred in predicates for s in self.in_by.get(pred, {}).get(node, ())]

    def label(self, iri: str) -> str:
        info = self.nodes.get(iri)
        return info.label if info else short_id(iri)

    def type(self, iri: str) -> str:
        info = self.nodes.get(iri)
        return info.type if info else "Entity"

    def facts(self, source: str, target: str, predicate: str | None = None) -> list[EdgeFact]:
        """The facts behind the edges source -> target (one predicate or all), best first."""
        data = self.graph.get_edge_data(source, target) or {}
        out = [f for key, d in data.items() if predicate in (None, key) for f in d["facts"]]
        return sorted(out, key=_fact_rank)

    def date(self, event: str) -> str | None:
        dates = self.dates.get(event)
        return dates[0] if dates else None


def short_id(iri: str) -> str:
    """``https://w3id.org/dkg/id/state/kz`` -> ``state/kz``.

    >>> short_id("https://w3id.org/dkg/id/state/kz")
    'state/kz'
    """
    return iri[len(ID):] if iri.startswith(ID) else iri


def is_entity(iri: str) -> bool:
    """Whether an IRI names an entity (not a fact, article, position or role).

    >>> is_entity("https://w3id.org/dkg/id/forum/unhrc"), is_entity("https://w3id.org/dkg/id/fact/1")
    (True, False)
    """
    return iri.startswith(ID) and iri[len(ID):].split("/", 1)[0] in TYPE_OF_KIND


def _fact_rank(f: EdgeFact) -> tuple:
    return (-f.confidence, f.evidence is None, f.date or "", f.fact)


def in_period(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether a date (YYYY, YYYY-MM or YYYY-MM-DD) may fall in [since, until].

    A coarse date overlaps the period: 2026 is in [2026-02-01, 2026-02-28].
    Without bounds every date passes; with a bound an undated item does not.

    >>> in_period("2026", "2026-02-01", "2026-02-28"), in_period("2025-12-31", "2026", None)
    (True, False)
    >>> in_period(None, None, None), in_period(None, "2020", None)
    (True, False)
    """
    if since is None and until is None:
        return True
    if not date:
        return False
    if since and _last(date) < _first(since):
        return False
    return not (until and _first(date) > _last(until))


def _first(date: str) -> str:
    return date + "-01-01"[len(date) - 4:] if len(date) < 10 else date


def _last(date: str) -> str:
    return date + "-12-31"[len(date) - 4:] if len(date) < 10 else date


# -- building ------------------------------------------------------------------


def projection(store: Store) -> Projection:
    """The entity graph of the store, rebuilt only after the store changed."""
    return cached(store, "projection", build_projection)


def build_projection(store: Store) -> Projection:
    """Read the entity graph from the store (a dozen one-pattern SPARQL queries, joined in
    memory; no per-entity work)."""
    p = Projection(generation=store_generation(store))
    # one simple pattern per query, DISTINCT (the union graph repeats a triple once per
    # article that states it), joined here: much faster than one query with OPTIONALs
    types: dict[str, list[str]] = {}
    for row in store.select(
        """SELECT DISTINCT ?e ?type WHERE { ?e a ?type FILTER(STRSTARTS(STR(?type), STR(dkg:))
             && ?type NOT IN (dkg:Action, dkg:Fact, dkg:Article, dkg:Extractor)) }"""
    ):
        if is_entity(row["e"]):
            types.setdefault(row["e"], []).append(row["type"][len(DKG):])
    labels = {row["e"]: row["label"] for row in store.select(
        """SELECT DISTINCT ?e ?label WHERE { ?e skos:prefLabel ?label
             FILTER(LANG(?label) = "en") }""")}
    for e, names in types.items():
        kind = short_id(e).split("/", 1)[0]
        p.nodes[e] = NodeInfo(label=labels.get(e) or short_id(e), type=TYPE_OF_KIND[kind])
        if kind == "event":
            specific = sorted(n for n in names if n in EVENT_KINDS and n != "Event")
            p.nodes[e].kind = specific[0] if specific else "Event"

    values = " ".join(f"dkg:{name}" for name in EDGE_PREDICATES)
    edges = f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {values} }} ?s ?p ?o }}"
    for row in store.select(edges):
        s, o = row["s"], row["o"]
        if is_entity(s) and is_entity(o) and s != o:
            p.graph.add_edge(s, o, key=row["p"][len(DKG):], facts=[])

    def column(pattern: str) -> dict[str, object]:
        return {r["f"]: r["x"] for r in store.select(f"SELECT ?f ?x WHERE {{ {pattern} }}")}

    actors = column("?f dkg:actor ?x")
    asserts, targets = column("?f dkg:asserts ?x"), column("?f dkg:target ?x")
    evidence, sources = column("?f dkg:evidence ?x"), column("?f prov:wasDerivedFrom ?x")
    dates, confidence = column("?f dkg:date ?x"), column("?f dkg:confidence ?x")
    in_event = column("?f dkg:inEvent ?x")
    for f in sorted(actors):
        s, o, pred = str(actors[f]), str(targets.get(f, "")), str(asserts.get(f, ""))[len(DKG):]
        if not (pred and is_entity(s) and is_entity(o)) or s == o:
            continue
        conf = confidence.get(f, 0.0)
        fact = EdgeFact(
            fact=f, source=s, predicate=pred, target=o, evidence=_str(evidence.get(f)),
            article=_str(sources.get(f)), date=_str(dates.get(f)),
            confidence=float(conf) if isinstance(conf, int | float) else 0.0,
            event=_str(in_event.get(f)),
        )
        if not p.graph.has_edge(s, o, key=pred):
            p.graph.add_edge(s, o, key=pred, facts=[])
        p.graph.edges[s, o, pred]["facts"].append(fact)
        p.facts_of.setdefault(s, []).append(fact)
        p.facts_of.setdefault(o, []).append(fact)
    for _, _, data in p.graph.edges(data=True):
        data["facts"].sort(key=_fact_rank)
    for s, o, pred, data in p.graph.edges(keys=True, data=True):
        p.out_by.setdefault(pred, {}).setdefault(s, []).append(o)
        p.in_by.setdefault(pred, {}).setdefault(o, []).append(s)
        n = len(data["facts"])
        strength = PREDICATE_WEIGHT.get(pred, 1.0) * (1 + 0.5 * max(n - 1, 0))
        if p.weighted.has_edge(s, o):
            p.weighted[s][o]["weight"] += strength
        else:
            p.weighted.add_edge(s, o, weight=strength)

    for row in store.select("SELECT ?a ?e WHERE { ?a dkg:mentions ?e }"):
        if is_entity(row["e"]):
            p.mentions.setdefault(row["e"], []).append(row["a"])
            p.article_entities.setdefault(row["a"], []).append(row["e"])
    for row in store.select(
        """SELECT ?a ?title ?date WHERE { ?a a dkg:Article
             OPTIONAL { ?a schema:headline ?title } OPTIONAL { ?a schema:datePublished ?date } }"""
    ):
        p.articles[row["a"]] = (row.get("title"), row.get("date"))
    for row in store.select("SELECT DISTINCT ?e ?d WHERE { ?e dkg:date ?d }"):
        if is_entity(row["e"]):
            p.dates.setdefault(row["e"], []).append(str(row["d"]))
    for dates in p.dates.values():
        dates.sort(key=lambda d: (-len(d), d))  # the most precise, then the earliest
    return p


def _str(value: object) -> str | None:
    return None if value is None else str(value)


# -- analytics: graph in, dict out ------------------------------------------------


def neighbourhood(g: nx.Graph, source: str, *, hops: int = 2, max_nodes: int = 1000) -> list[str]:
    """Nodes within ``hops`` of ``source``, nearest first (strongest edges first within a
    ring), at most ``max_nodes``: the part of the graph a ranking needs to look at.

    >>> g = nx.Graph([("a", "b"), ("b", "c"), ("c", "d")])
    >>> neighbourhood(g, "a", hops=2)
    ['a', 'b', 'c']
    """
    if source not in g:
        return []
    seen = {source}
    order = [source]
    ring = [source]
    for _ in range(hops):
        nxt: list[str] = []
        for node in ring:
            ranked = sorted(g[node].items(), key=lambda kv: (-kv[1].get("weight", 1.0), kv[0]))
            for other, _ in ranked:
                if other not in seen:
                    seen.add(other)
                    nxt.append(other)
                    order.append(other)
                    if len(order) >= max_nodes:
                        return order
        ring = nxt
    return order


def personalized_pagerank(
    g: nx.Graph, source: str, *, hops: int = 2, max_nodes: int = 1000, alpha: float = 0.85
) -> dict[str, float]:
    """PageRank restarting at ``source``, on its ``hops`` neighbourhood only (so the cost
    does not grow with the whole graph); the source itself is left out.

    >>> g = nx.Graph()
    >>> g.add_weighted_edges_from([("a", "b", 3.0), ("a", "c", 1.0), ("c", "d", 1.0)])
    >>> ranks = personalized_pagerank(g, "a")
    >>> sorted(ranks, key=ranks.get, reverse=True)
    ['b', 'c', 'd']
    """
    nodes = neighbourhood(g, source, hops=hops, max_nodes=max_nodes)
    if len(nodes) < 2:
        return {}
    ranks = pagerank(g, nodes, {source: 1.0}, alpha=alpha)
    ranks.pop(source, None)
    return ranks


def pagerank(
    g: nx.Graph, nodes: list[str], restart: dict[str, float], *, alpha: float = 0.85,
    max_iter: int = 50, tol: float = 1e-6,
) -> dict[str, float]:
    """Weighted PageRank by power iteration on the subgraph of ``nodes`` (pure Python: no
    numpy needed), jumping back to the ``restart`` distribution.

    >>> g = nx.Graph([("a", "b"), ("b", "c")])
    >>> ranks = pagerank(g, ["a", "b", "c"], {"a": 1, "b": 1, "c": 1})
    >>> round(sum(ranks.values()), 6), max(ranks, key=ranks.get)
    (1.0, 'b')
    """
    keep = set(nodes)
    adj = {n: [(m, d.get("weight", 1.0)) for m, d in g[n].items() if m in keep] for n in nodes}
    out = {n: sum(w for _, w in edges) for n, edges in adj.items()}
    total = sum(restart.values())
    jump = {n: v / total for n, v in restart.items() if n in keep}
    x = dict.fromkeys(nodes, 0.0)
    x.update(jump)
    for _ in range(max_iter):
        nxt = dict.fromkeys(nodes, 0.0)
        dangling = 0.0
        for n, xn in x.items():
            if not xn:
                continue
            if not out[n]:
                dangling += xn
                continue
            share = alpha * xn / out[n]
            for m, w in adj[n]:
                nxt[m] += share * w
        back = 1.0 - alpha + alpha * dangling
        for n, v in jump.items():
            nxt[n] += back * v
        err = sum(abs(nxt[n] - x[n]) for n in nodes)
        x = nxt
        if err < tol * len(nodes):
            break
    return x


def shortest_paths(
    g: nx.Graph, source: str, target: str, *, max_length: int = 4, max_paths: int = 5
) -> list[list[str]]:
    """The shortest paths (all of the same, smallest length up to ``max_length`` edges)
    from ``source`` to ``target``, at most ``max_paths``, in a stable order.

    >>> g = nx.Graph([("a", "b"), ("b", "d"), ("a", "c"), ("c", "d"), ("d", "e")])
    >>> shortest_paths(g, "a", "d")
    [['a', 'b', 'd'], ['a', 'c', 'd']]
    >>> shortest_paths(g, "a", "e", max_length=2)
    []
    """
    if source not in g or target not in g:
        return []
    if source == target:
        return [[source]]
    preds: dict[str, list[str]] = {source: []}
    ring = [source]
    found = False
    for _ in range(max_length):
        level: dict[str, list[str]] = {}
        for node in ring:
            for other in g[node]:
                if other not in preds:
                    level.setdefault(other, []).append(node)
        if not level:
            break
        preds.update(level)
        if target in level:
            found = True
            break
        ring = sorted(level)
    if not found:
        return []
    paths: list[list[str]] = []
    stack: deque[list[str]] = deque([[target]])
    while stack and len(paths) < max_paths:
        path = stack.popleft()
        head = path[0]
        if head == source:
            paths.append(path)
            continue
        for prev in sorted(preds[head]):
            stack.append([prev, *path])
    return sorted(paths)


def importance(g: nx.Graph, method: str = "degree") -> dict[str, float]:
    """How central each node is in the whole graph: weighted ``degree`` (cheap) or global
    ``pagerank`` (seconds on a large graph: cache it with the projection).

    >>> g = nx.Graph([("hub", "a"), ("hub", "b"), ("a", "b"), ("hub", "c")])
    >>> importance(g)["hub"], importance(g)["c"]
    (3.0, 1.0)
    >>> max(importance(g, "pagerank").items(), key=lambda kv: kv[1])[0]
    'hub'
    """
    if method == "degree":
        return {n: float(d) for n, d in g.degree(weight="weight")}
    if method == "pagerank":
        nodes = sorted(g)
        return pagerank(g, nodes, dict.fromkeys(nodes, 1.0)) if nodes else {}
    raise ValueError(f"unknown importance method {method!r}; use 'degree' or 'pagerank'")
