"""Per-article writes into the 1M-triple store, against plain ``pyoxigraph.Store.extend``.

Needs the store from ``python bench/synthetic.py --triples 1000000 --out var/bench-store``.
All writes go to new article graphs, which are dropped again at the end, so
the store is left as it was (checked).

1. baseline: ``extend()`` of each article's quads (prebuilt pyoxigraph quads)
   on the same underlying pyoxigraph store, one call per article;
2. ``EmbeddedStore.replace_graph`` (DROP SILENT GRAPH + INSERT DATA in one
   update) of new articles, from the rdflib triples the pipeline passes;
3. ``write_extraction`` (mapping + replace_graph), as ingest does;
4. re-ingest of the articles of (2): replace_graph again — the quad count
   must not change (idempotence);
5. ``ensure_reference``: the no-op check on an unchanged store, and a full
   reload (forced by removing the version marker).

    python bench/store.py [--store var/bench-store] [--articles 300]
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyoxigraph as ox  # noqa: E402 - the baseline talks to pyoxigraph directly
from synthetic import World, article_quads, generate, ingested_at  # noqa: E402


def to_ox(term):
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(term)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default="var/bench-store")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)

    from graph.gazetteer import load_gazetteer
    from graph.mapping import article_triples
    from graph.pipeline import ensure_reference, write_extraction
    from graph.store import EmbeddedStore
    from ontology import REFERENCE_GRAPH

    if not Path(args.store).exists():
        sys.exit(f"no store at {args.store}: build it with "
                 "python bench/synthetic.py --triples 1000000 --out var/bench-store")
    gazetteer = load_gazetteer()
    world = World(0, gazetteer=gazetteer)
    n = args.articles
    # four disjoint sets of new articles (a seed the store was not built with)
    extractions = list(generate(3 * n, args.seed, world=world))
    base_set, replace_set, write_set = extractions[:n], extractions[n:2 * n], extractions[2 * n:]
    base_quads = []
    for ex in base_set:
        graph, triples = article_quads(ex)
        g = ox.NamedNode(graph)
        base_quads.append([ox.Quad(to_ox(s), to_ox(p), to_ox(o), g) for s, p, o in triples])
    replace_items = [article_quads(ex) for ex in replace_set]
    per_article = sum(len(t) for _, t in replace_items) / n

    store = EmbeddedStore(args.store)
    raw = store._store  # noqa: SLF001 - the baseline writes through pyoxigraph itself
    t0 = time.perf_counter()
    first_reload = ensure_reference(store, gazetteer)  # reloads if the ontology files changed
    t_first = time.perf_counter() - t0
    before = len(raw)
    print(f"# store write benchmark — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"python {platform.python_version()}, pyoxigraph {ox.__version__}; store {args.store} "
          f"with {before:,} quads; {n} new articles per step, {per_article:.0f} quads each\n")
    rows = []

    t0 = time.perf_counter()
    for quads in base_quads:
        raw.extend(quads)
    t_base = time.perf_counter() - t0
    rows.append(("baseline: pyoxigraph Store.extend (prebuilt quads)", t_base))

    t0 = time.perf_counter()
    for graph, triples in replace_items:
        store.replace_graph(graph, triples)
    t_replace = time.perf_counter() - t0
    rows.append(("EmbeddedStore.replace_graph, new graph (DROP + INSERT DATA)", t_replace))
    after_first = len(raw)

    t0 = time.perf_counter()
    for ex in write_set:
        write_extraction(store, ex)
    t_write = time.perf_counter() - t0
    rows.append(("pipeline.write_extraction (mapping + replace_graph)", t_write))
    after_write = len(raw)

    t0 = time.perf_counter()
    for graph, triples in replace_items:
        store.replace_graph(graph, triples)
    t_again = time.perf_counter() - t0
    rows.append(("re-ingest: replace_graph of an existing graph", t_again))
    after_again = len(raw)

    t0 = time.perf_counter()
    for ex in replace_set[: n // 3]:
        article_triples(ex, ingested=ingested_at(ex))
    t_map = (time.perf_counter() - t0) / (n // 3) * n
    rows.append(("(mapping.article_triples alone)", t_map))

    print("| step | articles/s | ms/article | ratio to extend |")
    print("|---|---|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {n / seconds:,.0f} | {seconds / n * 1000:.2f} | "
              f"{seconds / t_base:.1f}× |")
    idempotent = after_again == after_write
    print(f"\nre-ingest idempotence: quads {before:,} -> {after_first:,} (new graphs) -> "
          f"{after_write:,} (write_extraction) -> {after_again:,} after re-writing the same "
          f"{n} articles: {'unchanged' if idempotent else 'CHANGED'}")

    t0 = time.perf_counter()
    changed = ensure_reference(store, gazetteer)
    t_noop = time.perf_counter() - t0
    store.update(f"DELETE WHERE {{ GRAPH <{REFERENCE_GRAPH}> {{ <{REFERENCE_GRAPH}> "
                 "dkg:contentHash ?v } }")
    quads_ref = len(raw)
    t0 = time.perf_counter()
    reloaded = ensure_reference(store, gazetteer)
    t_reload = time.perf_counter() - t0
    print(f"ensure_reference: first call {t_first * 1000:.0f} ms (reloaded: {first_reload}); "
          f"unchanged store {t_noop * 1000:.1f} ms (reloaded: {changed}); "
          f"forced reload of the ontology and reference graphs {t_reload * 1000:.0f} ms "
          f"(reloaded: {reloaded}; quads {quads_ref:,} -> {len(raw):,})")

    store.update(f"DELETE WHERE {{ GRAPH <{REFERENCE_GRAPH}> {{ <{REFERENCE_GRAPH}> "
                 "dkg:contentHash ?v } }")
    ensure_reference(store, gazetteer)  # the same graphs as before the benchmark
    t0 = time.perf_counter()
    for ex in base_set + replace_set + write_set:
        store.drop_graph(article_quads(ex)[0])
    t_drop = time.perf_counter() - t0
    print(f"drop_graph: {3 * n / t_drop:,.0f} articles/s; quads at the end {len(raw):,} "
          f"({'as before' if len(raw) == before else 'DIFFERENT from ' + format(before, ',')})")
    store.close()
    return 0 if idempotent else 1


if __name__ == "__main__":
    sys.exit(main())
