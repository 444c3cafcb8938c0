"""Related entities, ranked, each with the reasons it is related.

Four methods, each a short pass over the cached entity graph
(:func:`graph.projection.projection`), never a query per request:

- ``direct``: edges that link the two entities, weighted by predicate and by
  the number of facts behind them, with the strongest evidence sentences;
- ``event``: both took part in the same event, or the entity took part in an
  event that is part of (or was held in) the other one — and the reverse;
- ``comention``: both are mentioned in the same articles;
- ``pagerank``: personalised PageRank restarting at the entity, on its
  two-hop neighbourhood, with the relation path that leads there.

A ranked list is kept (least recently used out) until the store changes.
"""

from __future__ import annotations

import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass, field

import networkx as nx

from graph.cache import store_version
from graph.entities import entity_id, entity_iri
from graph.errors import NotFoundError
from graph.projection import (
    PREDICATE_WEIGHT,
    EdgeFact,
    Projection,
    in_period,
    neighbourhood,
    pagerank,
    projection,
)
from graph.store import Store

EVENT_WEIGHT = 1.5
COMENTION_WEIGHT = 0.25
PAGERANK_WEIGHT = 2.0
METHODS = ("direct", "event", "comention", "pagerank")
PAGERANK_HOPS = 2
PAGERANK_NODES = 300
PAGERANK_TOP = 50
PER_METHOD = 300  # the strongest candidates each method contributes (hubs have thousands)
_DEPTH = 6  # how far up (or down) dkg:partOf chains are followed


@dataclass
class Evidence:
    """A sentence behind a reason, and where it was read."""

    text: str
    article: str | None = None
    article_title: str | None = None
    date: str | None = None


@dataclass
class Reason:
    method: str  # direct | event | comention | pagerank
    text: str  # one line a person reads
    evidence: str | None = None  # the strongest evidence sentence
    article: str | None = None  # the article it comes from
    via: str | None = None  # id of the event or entity in between
    score: float = 0.0  # what this reason adds to the entity's score
    count: int = 0  # facts, shared events or shared articles
    events: list[str] = field(default_factory=list)  # ids of the shared events
    path: list[str] = field(default_factory=list)  # ids from the entity to the related one
    evidences: list[Evidence] = field(default_factory=list)  # top evidence sentences
    articles: list[str] = field(default_factory=list)  # shared articles (comention)


@dataclass
class Related:
    id: str
    label: str
    type: str
    score: float
    reasons: list[Reason] = field(default_factory=list)
    scores: dict[str, float] = field(default_factory=dict)  # method -> its part of the score


_LRU: OrderedDict[tuple, list[Related]] = OrderedDict()
_LRU_SIZE = 512
_LRU_LOCK = threading.Lock()


def related_entities(
    store: Store,
    id_or_iri: str,
    *,
    limit: int | None = 20,
    types: set[str] | None = None,
    methods: tuple[str, ...] = METHODS,
    since: str | None = None,
    until: str | None = None,
) -> list[Related]:
    """Entities related to one entity, best first (ties by label, then id)."""
    iri = entity_iri(id_or_iri)
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        from graph.errors import DkgError

        raise DkgError(f"unknown method {unknown[0]!r}; use one of {', '.join(METHODS)}")
    key = (store_version(store), iri, tuple(sorted(set(methods))), since, until)
    with _LRU_LOCK:
        ranked = _LRU.get(key)
        if ranked is not None:
            _LRU.move_to_end(key)
    if ranked is None:
        p = projection(store)
        if iri not in p.nodes and iri not in p.graph:
            raise NotFoundError(
                f"no entity {entity_id(iri)!r} in the store: search with /api/entities?q=NAME"
            )
        ranked = rank_related(p, iri, methods=key[2], since=since, until=until)
        with _LRU_LOCK:
            _LRU[key] = ranked
            while len(_LRU) > _LRU_SIZE:
                _LRU.popitem(last=False)
    items = [x for x in ranked if not types or x.type in types]
    return items if limit is None else items[:limit]


def rank_related(
    p: Projection, iri: str, *, methods: tuple[str, ...] = METHODS,
    since: str | None = None, until: str | None = None,
) -> list[Related]:
    """Every entity related to ``iri`` in the projection, best first."""
    found: dict[str, Related] = {}

    def add(other: str, method: str, reason: Reason) -> None:
        if other == iri:
            return
        item = found.get(other)
        if item is None:
            item = found[other] = Related(id=entity_id(other), label=p.label(other),
                                          type=p.type(other), score=0.0)
        item.score += reason.score
        item.scores[method] = round(item.scores.get(method, 0.0) + reason.score, 3)
        item.reasons.append(reason)

    for method, signal in (("direct", _direct), ("event", _event),
                           ("comention", _comention), ("pagerank", _pagerank)):
        if method in methods:
            for other, reason in signal(p, iri, since, until):
                add(other, method, reason)
    items = list(found.values())
    for item in items:
        item.score = round(item.score, 3)
        item.reasons.sort(key=lambda r: -r.score)
    items.sort(key=lambda x: (-x.score, x.label, x.id))
    return items


def _evidences(facts: list[EdgeFact], p: Projection, n: int = 3) -> list[Evidence]:
    out: list[Evidence] = []
    seen: set[str] = set()
    for f in facts:
        if f.evidence and f.evidence not in seen:
            seen.add(f.evidence)
            title = p.articles.get(f.article or "", (None, None))[0]
            out.append(Evidence(f.evidence, f.article, title, f.date))
            if len(out) == n:
                break
    return out


def _direct(p: Projection, iri: str, since: str | None, until: str | None):
    dated = since is not None or until is not None
    edges = [(o, k, d, "out") for _, o, k, d in p.graph.out_edges(iri, keys=True, data=True)]
    edges += [(s, k, d, "in") for s, _, k, d in p.graph.in_edges(iri, keys=True, data=True)]
    if len(edges) > PER_METHOD:
        edges.sort(key=lambda e: (-PREDICATE_WEIGHT.get(e[1], 1.0) * max(len(e[2]["facts"]), 1),
                                  e[0], e[1]))
        edges = edges[:PER_METHOD]
    for other, pred, data, direction in edges:
        facts = [f for f in data["facts"] if in_period(f.date, since, until)]
        if dated and not facts:
            continue
        n = len(facts)
        arrow = f"{pred} →" if direction == "out" else f"← {pred}"
        weight = PREDICATE_WEIGHT.get(pred, 1.0)
        if n:
            text = f"{arrow} {p.label(other)} ({n} fact{'s' * (n > 1)})"
            score = weight * (1 + 0.5 * (n - 1))
        else:
            text = f"{arrow} {p.label(other)} (reference data)"
            score = weight
        top = _evidences(facts, p)
        yield other, Reason(
            "direct", text, evidence=top[0].text if top else None,
            article=top[0].article if top else None, score=round(score, 3), count=n,
            path=[entity_id(iri), entity_id(other)], evidences=top,
        )


def _chain(p: Projection, start: str, step, limit: int = 2000) -> list[str]:
    """Nodes reached from ``start`` by repeating ``step`` (up to _DEPTH times), nearest first."""
    seen = {start}
    order: list[str] = []
    ring = [start]
    for _ in range(_DEPTH):
        nxt = []
        for node in ring:
            for n in step(node):
                if n not in seen:
                    seen.add(n)
                    nxt.append(n)
        order += nxt
        ring = nxt
        if not ring or len(order) >= limit:
            break
    return order[:limit]


def _event_dated(p: Projection, iri: str, event: str, since, until) -> bool:
    if since is None and until is None:
        return True
    if any(in_period(d, since, until) for d in p.dates.get(event, [])):
        return True
    return any(in_period(f.date, since, until) for f in p.facts(iri, event, "participatedIn"))


def _event(p: Projection, iri: str, since: str | None, until: str | None):
    links: dict[str, dict[str, str]] = {}  # other -> event -> how

    def link(other: str, event: str, how: str) -> None:
        if other != iri and event != other:
            links.setdefault(other, {}).setdefault(event, how)

    for ev in p.out(iri, "participatedIn"):
        if not _event_dated(p, iri, ev, since, until):
            continue
        name = p.label(ev)
        for up in _chain(p, ev, lambda n: p.out(n, "partOf"), limit=50):
            link(up, ev, f"took part in {name}, part of it")
        for place in p.out(ev, "heldIn", "locatedIn"):
            link(place, ev, f"took part in {name}, held in it")
        for co in p.into(ev, "participatedIn"):
            link(co, ev, f"both took part in {name}")
    # the reverse: events that are part of (or held in) this entity, and who took part
    below = _chain(p, iri, lambda n: p.into(n, "partOf"))
    below += [e for e in p.into(iri, "heldIn") if e not in set(below)]
    dated = since is not None or until is not None
    for ev in below[:2000]:
        if dated and not any(in_period(d, since, until) for d in p.dates.get(ev, [])):
            continue
        for who in p.into(ev, "participatedIn"):
            link(who, ev, f"took part in {p.label(ev)}, part of this")
    strongest = sorted(links.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:PER_METHOD]
    for other, events in strongest:
        first, how = next(iter(events.items()))
        n = len(events)
        text = how if n == 1 else f"{how}, and {n - 1} more event{'s' * (n > 2)}"
        facts = [f for ev in events for f in p.facts(other, ev, "participatedIn")]
        top = _evidences(facts, p)
        yield other, Reason(
            "event", text, via=entity_id(first), score=round(EVENT_WEIGHT * n, 3), count=n,
            events=[entity_id(e) for e in events], path=[entity_id(iri), entity_id(first),
                                                         entity_id(other)],
            evidence=top[0].text if top else None, article=top[0].article if top else None,
            evidences=top,
        )


def _comention(p: Projection, iri: str, since: str | None, until: str | None):
    shared: Counter[str] = Counter()
    where: dict[str, list[str]] = {}
    for article in p.mentions.get(iri, []):
        if not in_period(p.articles.get(article, (None, None))[1], since, until):
            continue
        for other in p.article_entities.get(article, []):
            if other != iri:
                shared[other] += 1
                if len(where.setdefault(other, [])) < 5:
                    where[other].append(article)
    for other, n in sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))[:PER_METHOD]:
        yield other, Reason(
            "comention", f"mentioned together in {n} article{'s' * (n > 1)}",
            article=where[other][0], score=round(COMENTION_WEIGHT * n, 3), count=n,
            articles=where[other],
        )


def _pagerank(p: Projection, iri: str, since: str | None, until: str | None):
    nodes = neighbourhood(p.weighted, iri, hops=PAGERANK_HOPS, max_nodes=PAGERANK_NODES)
    if len(nodes) < 2:
        return
    g: nx.Graph = p.weighted
    if since is not None or until is not None:
        g = _dated_subgraph(p, nodes, since, until)
        if iri not in g:
            return
    ranks = pagerank(g, [n for n in nodes if n in g], {iri: 1.0})
    ranks.pop(iri, None)
    if not ranks:
        return
    top = sorted(ranks.items(), key=lambda kv: (-kv[1], kv[0]))[:PAGERANK_TOP]
    best = top[0][1] or 1.0
    paths = _bfs_paths(g, iri, set(nodes), PAGERANK_HOPS)
    for other, rank in top:
        path = paths.get(other, [iri, other])
        via = " → ".join(p.label(n) for n in path)
        yield other, Reason(
            "pagerank", f"personalised PageRank {rank:.3f} ({len(path) - 1} hop"
            f"{'s' * (len(path) > 2)}: {via})",
            via=entity_id(path[1]) if len(path) > 2 else None,
            score=round(PAGERANK_WEIGHT * rank / best, 3), count=len(path) - 1,
            path=[entity_id(n) for n in path],
        )


def _bfs_paths(g: nx.Graph, source: str, keep: set[str], hops: int) -> dict[str, list[str]]:
    """A shortest path from ``source`` to each node of ``keep`` within ``hops``."""
    paths = {source: [source]}
    ring = [source]
    for _ in range(hops):
        nxt = []
        for node in ring:
            for other in g[node]:
                if other in keep and other not in paths:
                    paths[other] = [*paths[node], other]
                    nxt.append(other)
        ring = nxt
    return paths


def _dated_subgraph(p: Projection, nodes: list[str], since, until) -> nx.Graph:
    keep = set(nodes)
    g = nx.Graph()
    for s in nodes:
        for _, o, pred, data in p.graph.out_edges(s, keys=True, data=True):
            if o not in keep:
                continue
            n = sum(1 for f in data["facts"] if in_period(f.date, since, until))
            if n:
                w = PREDICATE_WEIGHT.get(pred, 1.0) * (1 + 0.5 * (n - 1))
                g.add_edge(s, o, weight=g[s][o]["weight"] + w if g.has_edge(s, o) else w)
    return g
