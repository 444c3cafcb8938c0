"""Read latency on the 1M-triple store: the library's queries and the analytic ones.

Needs the store from ``python bench/synthetic.py --triples 1000000 --out var/bench-store``
(opened read-only). Each operation runs in its own process: it is called once
(the "first" column: cold, it builds whatever the library caches), then
timed warm up to ``--runs`` times within ``--budget`` seconds: median and
p95 of the warm calls. A warm call slower than ``--slow`` seconds is not
repeated (n = 1); a call still running after ``--timeout`` seconds is
stopped and reported as such. Baselines in the same
run: ``ASK {}`` (the fixed cost of a query through the library) and a
single-pattern lookup.

The "diagnosis" part times the sub-queries of the slow functions as they are
written and in a rewritten form, on the same store, in the same run.

    python bench/queries.py [--store var/bench-store] [--only related,card,...]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ID = "https://w3id.org/dkg/id/"
FREQUENT = "state/kz"
TARGET_RELATED_MS = 100.0

CO_MENTIONS = """
SELECT ?other (COUNT(DISTINCT ?a) AS ?n) WHERE {
  ?a dkg:mentions <%s> , ?other . FILTER(?other != <%s>)
} GROUP BY ?other ORDER BY DESC(?n) LIMIT 50"""
EVENTS_IN_RANGE = """
SELECT DISTINCT ?e ?date WHERE {
  ?e a ?class ; dkg:date ?date .
  ?class rdfs:subClassOf* dkg:Event .
  FILTER(?date >= "2020-01-01"^^xsd:date && ?date <= "2020-12-31"^^xsd:date)
} ORDER BY ?date"""
CONTAINS_TEXT = """
SELECT ?fact ?evidence WHERE {
  ?fact dkg:evidence ?evidence . FILTER(CONTAINS(LCASE(STR(?evidence)), "water"))
}"""



def rare_entity(store) -> str:
    """An official mentioned in exactly two articles (the first by IRI)."""
    rows = store.select(
        """SELECT ?e WHERE { ?a dkg:mentions ?e
             FILTER(STRSTARTS(STR(?e), "https://w3id.org/dkg/id/official/")) }
           GROUP BY ?e HAVING(COUNT(DISTINCT ?a) = 2) ORDER BY ?e LIMIT 1""")
    return rows[0]["e"][len(ID):]


#: the three queries of related_entities as committed in b7566b1 (graph/related.py),
#: kept here so the diagnosis measures the same patterns whatever related.py becomes
RELATED_QUERIES = {
    "direct": """SELECT ?e ?other ?prop ?dir (COUNT(DISTINCT ?fact) AS ?n)
                      (SAMPLE(?ev) AS ?evidence) (SAMPLE(?a) AS ?article) WHERE {
                 { ?fact dkg:actor ?e ; dkg:target ?other BIND("out" AS ?dir) }
                 UNION { ?fact dkg:target ?e ; dkg:actor ?other BIND("in" AS ?dir) }
                 ?fact dkg:asserts ?prop ; dkg:evidence ?ev ; prov:wasDerivedFrom ?a .
               } GROUP BY ?e ?other ?prop ?dir""",
    "event": """SELECT DISTINCT ?e ?other ?ev ?how WHERE {
                 ?e dkg:participatedIn ?ev .
                 { ?ev dkg:partOf+ ?other BIND("part of" AS ?how) }
                 UNION { ?ev dkg:heldIn|dkg:locatedIn ?other BIND("held in" AS ?how) }
                 UNION { ?other dkg:participatedIn ?ev BIND("also took part in" AS ?how) }
               }""",
    "comention": """SELECT ?e ?other (COUNT(DISTINCT ?a) AS ?n) WHERE {
                 ?a dkg:mentions ?e , ?other .
               } GROUP BY ?e ?other""",
}


def _neighbours(store, node: str) -> str:
    rows = store.select(
        f"""SELECT DISTINCT ?x WHERE {{ VALUES ?e {{ <{node}> }}
            {{ ?a dkg:mentions ?e , ?x }} UNION {{ ?e dkg:participatedIn ?ev .
            ?x dkg:participatedIn ?ev }} }}""")
    return " ".join(f"<{r['x']}>" for r in rows)


def neighbourhood_graph(store, center: str, max_nodes: int):
    """A VizGraph of ``center`` and up to ``max_nodes`` entities linked to it by a direct
    edge, with the edges among them — built with plain queries, for timing the drawing."""
    from graph.viz import VizEdge, VizGraph, VizNode

    c = ID + center
    rows = store.select(
        f"""SELECT DISTINCT ?x WHERE {{ {{ <{c}> ?p ?x }} UNION {{ ?x ?p <{c}> }}
              FILTER(STRSTARTS(STR(?p), STR(dkg:)) && ?p NOT IN (dkg:mentions, dkg:reports,
                     dkg:actor, dkg:target, dkg:holdsPosition, dkg:inEvent, dkg:heldIn))
              FILTER(STRSTARTS(STR(?x), STR(id:))) }} ORDER BY ?x LIMIT {max_nodes - 1}""")
    members = [c] + [r["x"] for r in rows]
    values = " ".join(f"<{x}>" for x in members)
    edges = store.select(
        f"""SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?s {{ {values} }} VALUES ?o {{ {values} }}
              ?s ?p ?o FILTER(STRSTARTS(STR(?p), STR(dkg:))) }}""")
    labels = {r["x"]: r["l"] for r in store.select(
        f"""SELECT DISTINCT ?x ?l WHERE {{ VALUES ?x {{ {values} }}
              ?x skos:prefLabel ?l FILTER(LANG(?l) = "en") }}""")}
    short = lambda x: x[len(ID):]  # noqa: E731
    nodes = [VizNode(id=short(x), label=labels.get(x, short(x)),
                     type=short(x).split("/")[0].capitalize(), title=labels.get(x, short(x)),
                     url=f"/viz/entity/{short(x)}") for x in members]
    return VizGraph(nodes=nodes, edges=[
        VizEdge(source=short(e["s"]), target=short(e["o"]), label=e["p"].rsplit("#", 1)[-1],
                title=e["p"].rsplit("#", 1)[-1]) for e in edges], heading=f"{center}")


def operations(rare: str, diagnose: bool) -> list[tuple[str, str, str]]:
    """(group, key, description) of every operation, in order."""
    ops = [
        ("baseline", "ask", "ASK {}"),
        ("baseline", "pattern", f"single pattern: <{FREQUENT}> skos:prefLabel ?l"),
        ("related", "related-frequent", f"related_entities({FREQUENT})"),
        ("related", "related-rare", f"related_entities({rare}) (after one call for {FREQUENT})"),
        ("related", "rank-frequent", f"rank_related({FREQUENT}) on the built projection "
                                     "(what a related call costs when its list is not cached)"),
        ("related", "rank-spread", "rank_related of a different entity each call (every "
                                   "50th by popularity), projection built"),
        ("related", "projection-build", "build_projection (the entity graph, all queries)"),
        ("search", "search", "search_entities('Tokayev') (builds the label index)"),
        ("search", "index-build", "LabelIndex.build (all labels and types)"),
        ("search", "index-search", "LabelIndex.search('Tokayev') on a built index"),
        ("search", "index-search-common", "LabelIndex.search('Республика') on a built index"),
        ("card", "card-rare", f"entity_card({rare})"),
        ("card", "card-frequent", f"entity_card({FREQUENT})"),
        ("viz", "ego", f"ego_graph({FREQUENT}, max_nodes=300)"),
        ("viz", "ego-rare", f"ego_graph({rare}, max_nodes=300)"),
        ("viz", "render", f"render_network of {FREQUENT}'s 300 nearest entities -> HTML"),
        ("analytic", "comention", f"co-mentions of {FREQUENT} (top 50)"),
        ("analytic", "events", "events dated in 2020"),
        ("analytic", "contains", "CONTAINS 'water' over all evidence sentences"),
    ]
    if diagnose:
        for who in (rare, FREQUENT):
            for name in ("direct", "event", "comention"):
                ops.append(("diagnosis", f"sub:{who}:{name}:written",
                            f"{who}: related {name} query as written (substitutions)"))
                ops.append(("diagnosis", f"sub:{who}:{name}:values",
                            f"{who}: related {name} query with VALUES ?e {{ <iri> }}"))
            ops.append(("diagnosis", f"egolabels:{who}:optional",
                        f"{who}'s first neighbour: graph/explore.py _LABELS (VALUES + 3 "
                        "OPTIONAL), as ego_graph runs it"))
            ops.append(("diagnosis", f"egolabels:{who}:split",
                        f"{who}'s first neighbour: the same as two plain DISTINCT queries"))
            if who == rare:
                ops.append(("diagnosis", f"label:{who}:optional",
                            f"{who}: related._label as written (VALUES + 2 OPTIONAL)"))
            ops.append(("diagnosis", f"label:{who}:split",
                        f"{who}: labels rewritten (two plain queries: label, type)"))
    return ops


def make(key: str, store, rare: str) -> tuple[Callable[[], Any], Callable[[Any], str]]:
    """The callable of one operation and how to describe its result."""
    from rdflib import URIRef

    from graph.entities import LabelIndex, entity_card, search_entities
    from graph.explore import ego_graph
    from graph.related import related_entities
    from graph.viz import render_network

    kz = URIRef(ID + FREQUENT)
    n = lambda r: f"{len(r):,}"  # noqa: E731
    card = lambda c: f"{len(c.facts)} facts, {len(c.articles)} articles"  # noqa: E731
    graph = lambda g: f"{len(g.nodes)} nodes, {len(g.edges)} edges"  # noqa: E731
    simple: dict[str, tuple[Callable[[], Any], Callable[[Any], str]]] = {
        "ask": (lambda: store.ask("ASK {}"), str),
        "pattern": (lambda: store.select(f"SELECT ?l WHERE {{ <{kz}> skos:prefLabel ?l }}"), n),
        "related-frequent": (lambda: related_entities(store, FREQUENT), n),
        "related-rare": (lambda: related_entities(store, rare), n),
        "search": (lambda: search_entities(store, "Tokayev"), n),
        "index-build": (lambda: LabelIndex.build(store), lambda i: f"{len(i.labels):,} labels"),
        "card-rare": (lambda: entity_card(store, rare), card),
        "card-frequent": (lambda: entity_card(store, FREQUENT), card),
        "ego": (lambda: ego_graph(store, FREQUENT, max_nodes=300), graph),
        "ego-rare": (lambda: ego_graph(store, rare, max_nodes=300), graph),
        "comention": (lambda: store.select(CO_MENTIONS % (kz, kz)), n),
        "events": (lambda: store.select(EVENTS_IN_RANGE), n),
        "contains": (lambda: store.select(CONTAINS_TEXT), n),
    }
    if key == "related-rare":  # measured warm: the cold build is in related-frequent's first call
        related_entities(store, FREQUENT)
    if key in simple:
        return simple[key]
    if key in ("rank-frequent", "rank-spread", "projection-build"):
        from graph.projection import build_projection, projection
        from graph.related import rank_related

        if key == "projection-build":
            return (lambda: build_projection(store)), lambda p: f"{len(p.nodes):,} nodes"
        p = projection(store)
        if key == "rank-frequent":
            return (lambda: rank_related(p, ID + FREQUENT)), n
        popular = sorted(p.mentions, key=lambda e: (-len(p.mentions[e]), e))[::50]
        it = iter(popular * 10)
        return (lambda: rank_related(p, next(it))), n
    if key.startswith("egolabels:"):
        from graph import explore

        _, who, form = key.split(":")
        first = sorted({x for s, _, o in explore._edges_around(  # noqa: SLF001
            store, [ID + who], None, with_facts=False) for x in (s, o)} - {ID + who})[0]
        if form == "optional":
            return (lambda: store.select(explore._LABELS % f"<{first}>")), n  # noqa: SLF001
        q1 = f"""SELECT DISTINCT ?x ?en WHERE {{ VALUES ?x {{ <{first}> }}
              ?x skos:prefLabel ?en FILTER(LANG(?en) = "en") }}"""
        q2 = f"""SELECT DISTINCT ?x ?type WHERE {{ VALUES ?x {{ <{first}> }}
              ?x a ?type FILTER(STRSTARTS(STR(?type), STR(dkg:))) }}"""
        return (lambda: store.select(q1) + store.select(q2)), n
    if key.startswith("index-search"):
        index = LabelIndex.build(store)
        q = "Республика" if key.endswith("common") else "Tokayev"
        return (lambda: index.search(q)), n
    if key == "render":
        g = neighbourhood_graph(store, FREQUENT, 300)
        return (lambda: render_network(g)), lambda html: f"{len(html):,} chars, {graph(g)}"
    kind, who, *rest = key.split(":")
    node = ID + who
    if kind == "sub":
        name, form = rest
        q = RELATED_QUERIES[name]
        if form == "written":
            return (lambda: store.select(q, {"e": URIRef(node)})), n
        inline = q.replace("WHERE {", f"WHERE {{ VALUES ?e {{ <{node}> }}", 1)
        return (lambda: store.select(inline)), n
    values = _neighbours(store, node)
    size = len(values.split())
    counted = lambda r: f"{len(r):,} rows for {size:,} entities"  # noqa: E731
    if rest == ["optional"]:
        q = f"""SELECT ?x ?label ?type WHERE {{ VALUES ?x {{ {values} }}
              OPTIONAL {{ ?x skos:prefLabel ?label FILTER(LANG(?label) = "en") }}
              OPTIONAL {{ ?x a ?type FILTER(STRSTARTS(STR(?type), STR(dkg:))) }} }}"""
        return (lambda: store.select(q)), counted
    if rest == ["union"]:
        q = f"""SELECT DISTINCT ?x ?label ?type WHERE {{ VALUES ?x {{ {values} }}
              {{ ?x skos:prefLabel ?label FILTER(LANG(?label) = "en") }}
              UNION {{ ?x a ?type FILTER(STRSTARTS(STR(?type), STR(dkg:))) }} }}"""
        return (lambda: store.select(q)), counted
    q1 = f"""SELECT DISTINCT ?x ?label WHERE {{ VALUES ?x {{ {values} }}
          ?x skos:prefLabel ?label FILTER(LANG(?label) = "en") }}"""
    q2 = f"""SELECT DISTINCT ?x ?type WHERE {{ VALUES ?x {{ {values} }}
          ?x a ?type FILTER(STRSTARTS(STR(?type), STR(dkg:))) }}"""
    return (lambda: store.select(q1) + store.select(q2)), counted


def _worker(key: str, path: str, rare: str, runs: int, budget: float, slow: float,
            out: Any) -> None:
    from graph.store import EmbeddedStore

    store = EmbeddedStore(path, read_only=True)
    fn, size = make(key, store, rare)
    t0 = time.perf_counter()
    result = fn()
    first = time.perf_counter() - t0
    out.put(("first", first))
    # warm calls: a function that caches (per store generation) answers from its cache now
    times: list[float] = []
    start = time.perf_counter()
    while len(times) < runs and (time.perf_counter() - start < budget or len(times) < 3):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
        if times[-1] > slow:  # slow even when warm: one warm sample is enough
            break
    out.put(("done", sorted(times), size(result)))


def measure(key: str, args: argparse.Namespace, rare: str) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_worker, args=(key, args.store, rare, args.runs, args.budget,
                                             args.slow, queue))
    proc.start()
    deadline = time.monotonic() + args.timeout + 30  # + start-up and set-up
    while True:
        try:
            kind, first = queue.get(timeout=1)
            break
        except Exception:  # noqa: BLE001 - queue.Empty: not done yet
            if not proc.is_alive():
                return {"error": f"the worker failed (exit code {proc.exitcode})"}
            if time.monotonic() > deadline:
                proc.kill()
                proc.join()
                return {"timeout": True}
    try:
        _, times, size = queue.get(timeout=args.timeout + 30)
    except Exception:  # noqa: BLE001 - queue.Empty: the warm call did not finish
        proc.kill()
        proc.join()
        return {"first": first * 1000, "timeout-warm": True}
    proc.join()
    return {"first": first * 1000, "median": statistics.median(times) * 1000,
            "p95": times[max(0, -(-95 * len(times) // 100) - 1)] * 1000, "n": len(times), "size": size}  # noqa: E501


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default="var/bench-store")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--budget", type=float, default=10.0, help="seconds per operation")
    parser.add_argument("--slow", type=float, default=5.0)
    parser.add_argument("--timeout", type=float, default=120.0)
    parser.add_argument("--only", default="", help="comma-separated groups (baseline always)")
    parser.add_argument("--keys", default="", help="comma-separated operation keys")
    parser.add_argument("--no-diagnosis", action="store_true")
    args = parser.parse_args(argv)
    only = set(filter(None, args.only.split(",")))

    import pyoxigraph

    from graph.store import EmbeddedStore

    if not Path(args.store).exists():
        sys.exit(f"no store at {args.store}: build it with "
                 "python bench/synthetic.py --triples 1000000 --out var/bench-store")
    store = EmbeddedStore(args.store, read_only=True)
    quads = len(store._store)  # noqa: SLF001 - a count
    rare = rare_entity(store)
    del store  # EmbeddedStore.close() flushes, which a read-only store refuses
    print(f"# query benchmark — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}; store "
          f"{args.store}, {quads:,} quads; frequent entity {FREQUENT}, rare entity {rare}; "
          f"first call (cold), then up to {args.runs} warm runs / {args.budget:.0f} s; n=1 when "
          f"a warm call takes > {args.slow:.0f} s; stopped after {args.timeout:.0f} s\n")
    print("| group | operation | first ms | median ms | p95 ms | n | result | ratio to ASK {} |")
    print("|---|---|---|---|---|---|---|---|")
    base = None
    for group, key, name in operations(rare, not args.no_diagnosis):
        if only and group not in only and group != "baseline":
            continue
        if args.keys and key not in args.keys.split(",") and group != "baseline":
            continue
        r = measure(key, args, rare)
        if r.get("error"):
            print(f"| {group} | {name} | {r['error']} | | | | | |", flush=True)
            continue
        if r.get("timeout"):
            print(f"| {group} | {name} | > {args.timeout * 1000:,.0f} (stopped) | | | | | |",
                  flush=True)
            continue
        if r.get("timeout-warm"):
            print(f"| {group} | {name} | {r['first']:,.1f} | > {args.timeout * 1000:,.0f} "
                  "(stopped) | | | | |", flush=True)
            continue
        if key == "ask":
            base = r["median"]
        ratio = f"{r['median'] / base:,.0f}×" if base else ""
        print(f"| {group} | {name} | {r['first']:,.1f} | {r['median']:,.1f} | {r['p95']:,.1f} | "
              f"{r['n']} | {r['size']} | {ratio} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
