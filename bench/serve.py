"""Issue 5 end to end: a real `dkg serve` over a copy of the 1M store.

Copies the store, starts ``dkg serve`` on 127.0.0.1 with a write token, waits
for the warm-up, then times over HTTP (one keep-alive connection):

- baseline ``GET /sparql?query=ASK {}``;
- ``GET /api/entities/{id}/related`` for a hub, a mid and a rare entity, N times
  each (the same URL: the ranked list is cached per store generation after the
  first call), and once each for N *different* entities (every call ranks);
- ``GET /api/graph/neighbourhood/state/kz?max_nodes=300`` and ``/viz/entity/state/kz``;
- in headless Chromium, from navigation of ``/explore?entity=state/kz`` and of
  ``/viz/entity/state/kz`` until the network is drawn and stabilised;
- ``POST /api/articles`` (one article), then the first related request after it
  (which rebuilds the projection), repeated ``--ingests`` times;

stops the server (by its PID), then opens the copy in-process and times
``graph.projection.projection(store)`` after one ``write_extraction``.

    .venv/bin/python bench/serve.py --store /tmp/dkg-bench/store --runs 50
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

ID = "https://w3id.org/dkg/id/"
HUB = "state/kz"
TOKEN = "bench-token"
ROOT = Path(__file__).resolve().parent.parent


def pct(times: list[float], q: float) -> float:
    s = sorted(times)
    return s[max(0, -(-int(q) * len(s) // 100) - 1)]


def row(name: str, times_s: list[float], note: str = "", base: float | None = None) -> str:
    ms = [t * 1000 for t in times_s]
    med = statistics.median(ms)
    ratio = f"{med / base:,.0f}×" if base else ""
    return (f"| {name} | {ms[0]:,.1f} | {med:,.1f} | {pct(ms, 95):,.1f} | {max(ms):,.1f} | "
            f"{len(ms)} | {note} | {ratio} |")


def pick_entities(path: str, n: int) -> tuple[str, str, list[str], dict[str, int]]:
    """(mid, rare, n different entities spread over the popularity ranks, counts)."""
    from graph.store import EmbeddedStore

    store = EmbeddedStore(path, read_only=True)
    rows = store.select("""SELECT ?e (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a dkg:mentions ?e }
                           GROUP BY ?e ORDER BY DESC(?n) ?e""")
    store.close()
    counts = {r["e"][len(ID):]: int(r["n"]) for r in rows if r["e"].startswith(ID)}
    ranked = list(counts)
    mid = next(e for e in ranked if counts[e] <= 30)
    rare = next(e for e in ranked if counts[e] == 2 and e.startswith("official/"))
    step = max(1, len(ranked) // n)
    spread = [e for e in ranked[::step] if e not in (HUB, mid, rare)][:n]
    return mid, rare, spread, counts


class Client:
    def __init__(self, port: int) -> None:
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)

    def get(self, path: str) -> tuple[int, bytes, float]:
        t0 = time.perf_counter()
        self.conn.request("GET", path)
        r = self.conn.getresponse()
        body = r.read()
        return r.status, body, time.perf_counter() - t0

    def post(self, path: str, payload: dict) -> tuple[int, bytes, float]:
        t0 = time.perf_counter()
        self.conn.request("POST", path, body=json.dumps(payload), headers={
            "Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
        r = self.conn.getresponse()
        body = r.read()
        return r.status, body, time.perf_counter() - t0


def timed(client: Client, path: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        status, body, t = client.get(path)
        if status != 200:
            raise RuntimeError(f"GET {path}: {status} {body[:300]!r}")
        times.append(t)
    return times


def drawing_data(path: str) -> tuple[str, str, str]:
    """The explorer's JSON and the /viz page for HUB's 300 nearest entities, built with
    the plain queries of bench/queries.py (ego_graph on a hub does not finish: see the
    results), so that the browser's own part can be timed."""
    sys.path.insert(0, str(ROOT / "bench"))
    from queries import neighbourhood_graph

    from graph.store import EmbeddedStore
    from graph.viz import network_data, render_network

    store = EmbeddedStore(path, read_only=True)
    g = neighbourhood_graph(store, HUB, 300)
    store.close()
    return (json.dumps(network_data(g)), render_network(g, inline_assets=False),
            f"{len(g.nodes)} nodes, {len(g.edges)} edges")


def browser(port: int, runs: int, data: tuple[str, str, str]) -> list[str]:
    """Navigation → drawn and stabilised, the server's neighbourhood answer replaced by
    ``data`` (fulfilled by Playwright, 0 ms server time); the card request is aborted."""
    from playwright.sync_api import sync_playwright

    nb_json, viz_html, what = data

    out = []
    explore = """() => { const x = window.dkgExplorer; if (!x) return null;
        return [x.nodes.length, x.edges.length, x.state.settled, x.pending()]; }"""
    viz = """() => { const s = document.getElementById("dkg-status");
        return [!!window.dkgNetwork, s ? s.textContent : null]; }"""
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--no-first-run"])
        for kind, url in (("explore", f"/explore?entity={HUB}"), ("viz", f"/viz/entity/{HUB}")):
            drawn, settled, idle, sizes = [], [], [], ""
            for i in range(runs + 1):  # the first run is a warm-up (browser cache, JIT)
                ctx = b.new_context(viewport={"width": 1400, "height": 900})
                page = ctx.new_page()
                page.route("**/api/graph/neighbourhood/**", lambda r: r.fulfill(
                    status=200, content_type="application/json", body=nb_json))
                page.route(f"**/viz/entity/{HUB}", lambda r: r.fulfill(
                    status=200, content_type="text/html", body=viz_html))
                page.route("**/api/entities/**", lambda r: r.abort())
                t0 = time.perf_counter()
                page.goto(f"http://127.0.0.1:{port}{url}", wait_until="commit")
                t_drawn = t_settled = t_idle = None
                while time.perf_counter() - t0 < 30:
                    v = page.evaluate(explore if kind == "explore" else viz)
                    now = time.perf_counter() - t0
                    if kind == "explore" and v:
                        if v[0] > 0 and t_drawn is None:
                            t_drawn = now
                        if v[0] > 0 and v[2] and t_settled is None:
                            t_settled = now
                            sizes = f"{v[0]} nodes, {v[1]} edges"
                        if t_settled is not None and v[3] == 0:
                            t_idle = now
                            break
                    elif kind == "viz" and v and v[0]:
                        if t_drawn is None:
                            t_drawn = now
                        if v[1] and "Arranging" not in v[1]:
                            t_settled = t_idle = now
                            sizes = v[1].strip()
                            break
                    time.sleep(0.01)
                if i:
                    drawn.append(t_drawn or float("nan"))
                    settled.append(t_settled or float("nan"))
                    idle.append(t_idle or float("nan"))
                ctx.close()
            out.append(row(f"browser {url}: nodes added to the network", drawn,
                           f"data: {what} (server part replaced)"))
            out.append(row(f"browser {url}: drawn and stabilised (physics off)", settled, sizes))
        b.close()
    return out


def article(i: int) -> dict:
    texts = sorted((ROOT / "data" / "articles").glob("*.txt"))
    text = texts[i % len(texts)].read_text(encoding="utf-8")
    return {"text": text + f"\n\n(bench ingest {i} {time.time()})",
            "title": f"bench ingest {i}", "date": "2026-11-24"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", default="/tmp/dkg-bench/store")
    parser.add_argument("--copy", default="/tmp/dkg-bench/serve-store")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--browser-runs", type=int, default=5)
    parser.add_argument("--ingests", type=int, default=3)
    parser.add_argument("--skip-browser", action="store_true")
    parser.add_argument("--page-timeout", type=float, default=60.0)
    args = parser.parse_args(argv)

    import pyoxigraph

    print(f"# serve benchmark — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
          f"load {os.getloadavg()[0]:.2f}")
    t0 = time.perf_counter()
    mid, rare, spread, counts = pick_entities(args.store, args.runs)
    print(f"python {sys.version.split()[0]}, pyoxigraph {pyoxigraph.__version__}; "
          f"hub {HUB} ({counts[HUB]} articles), mid {mid} ({counts[mid]}), rare {rare} "
          f"({counts[rare]}); {len(spread)} different entities for uncached calls "
          f"({min(counts[e] for e in spread)}–{max(counts[e] for e in spread)} articles); "
          f"picked in {time.perf_counter() - t0:.1f} s")
    drawing = ("", "", "") if args.skip_browser else drawing_data(args.store)
    for old in (Path(args.copy), Path(args.copy + ".snapshots")):  # the server's read snapshots
        if old.exists():
            shutil.rmtree(old)
    t0 = time.perf_counter()
    shutil.copytree(args.store, args.copy)
    print(f"copied the store to {args.copy} in {time.perf_counter() - t0:.1f} s\n")

    env = dict(os.environ, DKG_API_TOKEN=TOKEN)
    log = open(Path(args.copy).parent / "serve.log", "w")  # noqa: SIM115
    t_start = time.perf_counter()
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/dkg"), "serve", "--store", args.copy, "--host", "127.0.0.1",
         "--port", str(args.port)], env=env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT)
    print(f"server PID {server.pid}")
    lines: list[str] = []
    try:
        client = None
        while client is None:
            try:
                c = Client(args.port)
                c.get("/sparql?query=" + urllib.parse.quote("ASK {}"))
                client = c
            except OSError:
                if server.poll() is not None:
                    sys.exit("the server stopped; see serve.log")
                time.sleep(0.2)
        up = time.perf_counter() - t_start
        rel = lambda e: f"/api/entities/{e}/related"  # noqa: E731
        status, _, first = client.get(rel(HUB))
        ready = time.perf_counter() - t_start
        print(f"server answering after {up:.1f} s; first related({HUB}) took {first:.1f} s "
              f"(waits for the warm-up's projection build), {ready:.1f} s after start\n")
        # warm-up of the other routes
        for e in (mid, rare):
            client.get(rel(e))
        base = statistics.median(timed(client, "/sparql?query=" + urllib.parse.quote("ASK {}"),
                                       args.runs)) * 1000
        lines.append(row("baseline: GET /sparql?query=ASK {}",
                         timed(client, "/sparql?query=" + urllib.parse.quote("ASK {}"),
                               args.runs), "", base))
        for label, e in (("hub", HUB), ("mid", mid), ("rare", rare)):
            lines.append(row(f"GET related {label} {e} (same URL, list cached)",
                             timed(client, rel(e), args.runs), f"{counts[e]} articles", base))
        uncached = []
        for e in spread:
            uncached.append(timed(client, rel(e), 1)[0])
        lines.append(row(f"GET related, {len(spread)} different entities (each ranked: "
                         "projection warm, list not cached)", uncached, "", base))
        hub_methods = timed(client, rel(HUB) + "?method=direct,event,comention", 1)
        lines.append(row(f"GET related {HUB} ?method=direct,event,comention (first call)",
                         hub_methods, "", base))
        # ingest, then the first related request (which rebuilds the projection)
        for i in range(args.ingests):
            status, body, t_post = client.post("/api/articles", article(i))
            if status != 201:
                raise RuntimeError(f"POST /api/articles: {status} {body[:300]!r}")
            got = json.loads(body)
            t_after = time.perf_counter()
            status, _, t_rel = client.get(rel(HUB))
            refreshed = time.perf_counter() - t_after
            status2, _, t_again = client.get(rel(mid))
            lines.append(
                f"| ingest {i + 1}: POST /api/articles ({got['triples']} triples, "
                f"{got['entities']} entities) | {t_post * 1000:,.0f} | | | | 1 | "
                f"then first GET related {HUB}: {t_rel * 1000:,.0f} ms (rebuild); next GET "
                f"related {mid}: {t_again * 1000:,.1f} ms; POST → refreshed answer "
                f"{(t_post + refreshed) * 1000:,.0f} ms | |")
        if not args.skip_browser:
            lines.extend(browser(args.port, args.browser_runs, drawing))
        for path in (f"/api/graph/neighbourhood/{HUB}?max_nodes=300", f"/viz/entity/{HUB}",
                     f"/api/graph/neighbourhood/{rare}?max_nodes=300"):
            c = http.client.HTTPConnection("127.0.0.1", args.port, timeout=args.page_timeout)
            t0 = time.perf_counter()
            try:
                c.request("GET", path)
                r = c.getresponse()
                body = r.read()
                lines.append(row(f"GET {path}", [time.perf_counter() - t0],
                                 f"{r.status}, {len(body):,} bytes", base))
            except TimeoutError:
                lines.append(f"| GET {path} | > {args.page_timeout * 1000:,.0f} (stopped) "
                             "| | | | 1 | no answer | |")
                break  # the server thread is still busy with it
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        log.close()
        print(f"server {server.pid} stopped (exit {server.returncode})\n")

    print(f"HTTP over one keep-alive connection; first / median / p95 / max in ms; ratio of the "
          f"median to the baseline ({base:.2f} ms)\n")
    print("| request | first ms | median ms | p95 ms | max ms | n | result | ratio |")
    print("|---|---|---|---|---|---|---|---|")
    for line in lines:
        print(line)
    print()
    inprocess(args.copy, rare)
    return 0


def inprocess(path: str, rare: str) -> None:
    """projection() after one write, in-process, on the copy (writable)."""
    from graph.cache import store_generation
    from graph.pipeline import write_extraction
    from graph.projection import build_projection, projection
    from graph.related import rank_related
    from graph.store import EmbeddedStore

    sys.path.insert(0, str(ROOT / "bench"))
    from synthetic import generate

    store = EmbeddedStore(path)
    t0 = time.perf_counter()
    p = projection(store)
    cold = time.perf_counter() - t0
    extractions = list(generate(3, seed=99))
    print("In-process on the copy (read-write), after the server stopped:\n")
    print("| step | ms | note |")
    print("|---|---|---|")
    print(f"| baseline: `store.select('ASK {{}}')`-like `ASK {{}}` | "
          f"{_t(lambda: store.ask('ASK {}')) * 1000:.2f} | |")
    print(f"| `projection(store)` cold (first build in this process) | {cold * 1000:,.0f} | "
          f"{len(p.nodes):,} nodes, {p.graph.number_of_edges():,} edges, "
          f"{len(p.articles):,} articles |")
    print(f"| `projection(store)` again, unchanged store (cached) | "
          f"{_t(lambda: projection(store)) * 1000:.3f} | |")
    for i, ex in enumerate(extractions):
        t0 = time.perf_counter()
        write_extraction(store, ex)
        t_write = time.perf_counter() - t0
        t0 = time.perf_counter()
        p = projection(store)
        t_proj = time.perf_counter() - t0
        fresh = p.generation == store_generation(store)
        t0 = time.perf_counter()
        rank_related(p, ID + HUB)
        t_rank = time.perf_counter() - t0
        print(f"| write {i + 1} (`write_extraction`, 1 article) {t_write * 1000:,.0f} ms → "
              f"`projection(store)` | {t_proj * 1000:,.0f} | fresh: {fresh}; then "
              f"`rank_related({HUB})` {t_rank * 1000:,.0f} ms |")
    t0 = time.perf_counter()
    build_projection(store)
    print(f"| `build_projection(store)` alone | {(time.perf_counter() - t0) * 1000:,.0f} | |")
    for e in (HUB, rare):
        times = []
        for _ in range(5):
            t0 = time.perf_counter()
            rank_related(p, ID + e)
            times.append(time.perf_counter() - t0)
        print(f"| `rank_related({e})` on the built projection, median of 5 | "
              f"{statistics.median(times) * 1000:,.1f} | max {max(times) * 1000:,.1f} |")
    store.close()
    print()


def _t(fn) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


if __name__ == "__main__":
    sys.exit(main())
