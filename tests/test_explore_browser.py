"""The explorer in a real browser: headless Chromium (Debian's), driven by Playwright.

The page's CSP forbids eval, so waits poll with ``page.evaluate`` (which the CSP
does not govern) instead of ``wait_for_function``.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import ARTIFACTS, TOKEN, Server, start_server, stop_server

XSS = "<img src=x onerror=alert(1)>"
XSS_TITLE = "<script>alert(2)</script> Kazakhstan proposes"
XSS_ID = "initiative/img-src-x-onerror-alert-1"
ASHIKBAYEV = "official/yerzhan-ashikbayev"




class Watch:
    """What a page did that it should not: dialogs, errors, requests to other hosts."""

    def __init__(self, page, server: Server) -> None:
        self.host = urlparse(server.url).netloc
        self.hosts: set[str] = set()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        page.on("request", lambda r: self.hosts.add(urlparse(r.url).netloc or r.url[:30]))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))

    def assert_clean(self) -> None:
        assert self.dialogs == [], self.dialogs
        assert self.errors == [], self.errors
        assert self.hosts == {self.host}, self.hosts  # nothing left 127.0.0.1:PORT


def wait(page, expression: str, timeout: float = 20.0):
    """Poll ``expression`` until it is truthy (wait_for_function needs eval: CSP says no)."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {expression}")
        time.sleep(0.1)


def idle(page) -> None:
    wait(page, "window.dkgExplorer && window.dkgExplorer.pending() === 0 "
               "&& window.dkgExplorer.state.settled")


def open_explorer(browser, server: Server):
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    watch = Watch(page, server)
    page.goto(server.url + "/explore")
    wait(page, "document.getElementById('x-app').getAttribute('data-ready') === 'true'")
    return page, watch


def search_and_pick(page, text: str, entity: str) -> None:
    page.fill("#x-q", text)
    page.press("#x-q", "Enter")
    button = f'#x-hits button[data-id="{entity}"]'
    # one hit loads at once; several are listed to pick from
    wait(page, f"window.dkgExplorer.state.root === {entity!r} "
               f"|| !!document.querySelector({button!r})")
    if page.locator(button).count():
        page.click(button)
    wait(page, f"window.dkgExplorer.state.root === {entity!r} "
               "&& window.dkgExplorer.nodes.length > 1")
    idle(page)


def click_node(page, node: str, *, double: bool = False) -> None:
    point = page.evaluate(
        "id => window.dkgNetwork.canvasToDOM(window.dkgNetwork.getPositions([id])[id])", node)
    box = page.locator("#x-network").bounding_box()
    x, y = box["x"] + point["x"], box["y"] + point["y"]
    if double:
        page.mouse.dblclick(x, y)
    else:
        page.mouse.click(x, y)


def card_text(page, entity: str) -> str:
    wait(page, f"document.getElementById('x-panel').getAttribute('data-entity') === {entity!r} "
               "&& !!document.getElementById('x-card-labels')")
    return page.inner_text("#x-panel")


def test_search_draw_click_expand_and_timeline(server: Server, browser) -> None:
    page, watch = open_explorer(browser, server)
    search_and_pick(page, "Ашықбаев", ASHIKBAYEV)

    ids = set(page.evaluate("window.dkgNetwork.body.data.nodes.getIds()"))
    assert {ASHIKBAYEV, "state/kz", "initiative/strategic-dialogue-nuclear-powers"} <= ids
    drawn = page.evaluate("Object.keys(window.dkgNetwork.getPositions())")
    assert set(drawn) == ids  # every node is on the canvas
    assert "neighbourhood" in page.inner_text("#x-status")

    # a click on a node opens its card: names in kk, ru and en, facts with evidence, articles
    click_node(page, "state/kz")
    text = card_text(page, "state/kz")
    langs = page.evaluate("[...document.querySelectorAll('#x-card-labels tr')]"
                          ".map(tr => tr.dataset.lang)")
    assert langs[:3] == ["kk", "ru", "en"]
    for name in ("Қазақстан", "Казахстан", "Kazakhstan"):
        assert name in text
    assert page.locator("#x-card-facts li").count() > 3
    assert "“" in page.inner_text("#x-card-facts") and page.locator("#x-card-articles li").count()
    ARTIFACTS.mkdir(exist_ok=True)
    page.mouse.move(5, 5)  # no tooltip over the drawing
    page.screenshot(path=str(ARTIFACTS / "explore.png"))

    # a double click expands the node: its neighbours join the drawing
    before = page.evaluate("window.dkgExplorer.nodes.length")
    click_node(page, "state/kz", double=True)
    wait(page, f"window.dkgExplorer.nodes.length > {before}")
    idle(page)
    after = set(page.evaluate("window.dkgNetwork.body.data.nodes.getIds()"))
    assert {"official/kassym-jomart-tokayev", "place/astana"} & after
    assert page.evaluate("window.dkgExplorer.state.expanded['state/kz']") is True
    page.screenshot(path=str(ARTIFACTS / "explore-expanded.png"))

    # the timeline of the entity in the panel
    page.click('#x-panel button[data-action="timeline"]')
    wait(page, "document.querySelectorAll('#x-timeline-list li').length > 0")
    timeline = page.inner_text("#x-timeline")
    assert "2025-07-15" in timeline and "2026-02-27" in timeline
    dates = page.evaluate("[...document.querySelectorAll('#x-timeline-list .x-tl-date')]"
                          ".map(e => e.textContent)")
    assert dates == sorted(dates)
    assert page.locator("#x-timeline svg circle").count() == len(dates)
    page.screenshot(path=str(ARTIFACTS / "explore-timeline.png"))

    # a forum's timeline is its events (/api/events?forum=), each with place and participants
    page.evaluate("window.dkgExplorer.showTimeline('forum/unhrc', 'Forum', 'UN HRC')")
    wait(page, "document.getElementById('x-timeline').textContent.includes('UN HRC') "
               "&& window.dkgExplorer.pending() === 0")
    timeline = page.inner_text("#x-timeline")
    if "/api/events" in page.evaluate("fetch('/openapi.json').then(r => r.json())"
                                      ".then(s => Object.keys(s.paths))"):
        assert "61st session of the UN Human Rights Council" in timeline and "Geneva" in timeline
    watch.assert_clean()
    page.close()


def test_edge_click_shows_evidence_and_filters_redraw(server: Server, browser) -> None:
    page, watch = open_explorer(browser, server)
    search_and_pick(page, "Ashikbayev", ASHIKBAYEV)
    edge = f"{ASHIKBAYEV} calledFor initiative/strategic-dialogue-nuclear-powers"
    point = page.evaluate(
        "id => { const n = window.dkgNetwork; const e = n.body.edges[id];"
        " return n.canvasToDOM(e.edgeType.getPoint(0.35)); }", edge)
    box = page.locator("#x-network").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    wait(page, "!!document.getElementById('x-edge-evidence')")
    evidence = page.inner_text("#x-edge-evidence")
    assert "стратегиялық диалогты" in evidence and "Қазақстан БҰҰ алаңдарында" in evidence
    # the article, as RDF: its named graph from the Graph Store endpoint of this server
    href = page.get_attribute("#x-edge-evidence a", "href")
    assert href.startswith("/rdf-graphs?graph=https%3A%2F%2Fw3id.org%2Fdkg%2Fid%2Farticle%2F")
    with server.client() as http:
        article = http.get(href, headers={"Accept": "text/turtle"})
    assert article.status_code == 200 and "стратегиялық диалогты" in article.text

    # filters: only States, then only 'participatedIn' relations
    page.click("#x-filters summary")
    for kind in ("Official", "Organization", "Forum", "Event", "Treaty", "Initiative", "Place"):
        page.click(f'.x-legend-item[data-type="{kind}"]')
        idle(page)
    types = page.evaluate("window.dkgExplorer.nodes.get().map(n => n.type)")
    assert set(types) == {"Official", "State"}  # the entity itself stays
    page.click("#x-reset")
    idle(page)
    assert page.evaluate("window.dkgExplorer.nodes.length") > len(types)
    page.fill("#x-since", "2030")
    page.click("#x-apply")
    idle(page)
    assert page.evaluate("window.dkgExplorer.nodes.getIds()") == [ASHIKBAYEV]
    watch.assert_clean()
    page.close()


def test_path_view(server: Server, browser) -> None:
    page, watch = open_explorer(browser, server)
    has_paths = "/api/paths" in page.evaluate("fetch('/openapi.json').then(r => r.json())"
                                              ".then(s => Object.keys(s.paths))")
    page.click("#x-tab-path")
    for end, text, entity in (("from", "Ашықбаев", ASHIKBAYEV), ("to", "Тоқаев",
                                                                 "official/kassym-jomart-tokayev")):
        page.fill(f"#x-{end}", text)
        page.click(f'#x-{end}-hits button[data-id="{entity}"]', timeout=20_000)
    page.click("#x-path-go")
    if not has_paths:  # the paths API is another part of dkg; the page says it is missing
        wait(page, "document.getElementById('x-status').textContent.includes('/api/paths')")
        watch.assert_clean()
        page.close()
        return
    wait(page, "document.querySelectorAll('#x-panel .x-path').length > 0")
    ids = set(page.evaluate("window.dkgExplorer.nodes.getIds()"))
    assert {ASHIKBAYEV, "official/kassym-jomart-tokayev"} <= ids
    assert "“" in page.inner_text("#x-panel")  # each step with its evidence
    page.screenshot(path=str(ARTIFACTS / "explore-path.png"))
    watch.assert_clean()
    page.close()


# --- hostile data -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile_server(sample_store_dir: Path, tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[Server]:
    """A server of its own (the shared one stays as the other tests expect it), with an
    article that names an initiative «<img src=x onerror=alert(1)>», added through the API."""
    copy = tmp_path_factory.mktemp("hostile") / "store"
    shutil.copytree(sample_store_dir, copy)
    srv = start_server(copy, {"DKG_API_TOKEN": TOKEN})
    text = (f"Ержан Ашикбаев предложил инициативу «{XSS}» на Конференции по разоружению "
            f"в Женеве 27 февраля 2026 года. Казахстан поддержал инициативу «{XSS}».")
    with srv.client(headers={"Authorization": "Bearer " + TOKEN}) as http:
        response = http.post("/api/articles", json={"text": text, "title": XSS_TITLE,
                                                    "date": "2026-02-28", "lang": "ru"})
        assert response.status_code == 201, response.text
        card = http.get("/api/entities/" + XSS_ID)
        assert card.status_code == 200, "the extractor did not make an entity of the payload"
        assert card.json()["label"] == XSS
    yield srv
    stop_server(srv)


def test_hostile_labels_are_shown_as_text_and_run_nothing(hostile_server: Server,
                                                          browser) -> None:
    page, watch = open_explorer(browser, hostile_server)
    search_and_pick(page, XSS, XSS_ID)  # the search results show the label too
    assert page.evaluate("id => window.dkgExplorer.nodes.get(id).label", XSS_ID) == XSS
    assert page.inner_text("#x-card-label") == XSS
    card = card_text(page, XSS_ID)
    assert XSS in card and XSS_TITLE in card  # the article's title, literally

    # the tooltip: vis-network writes string titles with innerText
    click_node(page, XSS_ID)
    point = page.evaluate(
        "id => window.dkgNetwork.canvasToDOM(window.dkgNetwork.getPositions([id])[id])", XSS_ID)
    box = page.locator("#x-network").bounding_box()
    page.mouse.move(box["x"] + point["x"] + 2, box["y"] + point["y"] + 2)
    wait(page, "(document.querySelector('div.vis-tooltip') || {}).innerText")
    tooltip = page.evaluate("document.querySelector('div.vis-tooltip').innerText")
    assert XSS in tooltip
    # innerText turns the line breaks into <br>: those are the only elements in it
    assert set(page.evaluate("[...document.querySelector('div.vis-tooltip').children]"
                             ".map(e => e.tagName)")) <= {"BR"}
    card_text(page, XSS_ID)
    page.screenshot(path=str(ARTIFACTS / "explore-xss.png"))

    # the neighbour's card lists the facts whose evidence names the payload
    page.evaluate(f"window.dkgExplorer.select({ASHIKBAYEV!r})")
    wait(page, f"window.dkgExplorer.pending() === 0 && document.getElementById('x-panel')"
               f".getAttribute('data-entity') === {ASHIKBAYEV!r}")
    assert XSS in page.inner_text("#x-card-facts")

    # nothing of it became markup anywhere in the page
    assert page.evaluate("document.querySelectorAll('img, script:not([src])').length") == 0
    assert page.evaluate("[...document.querySelectorAll('*')].some(e => "
                         "[...e.attributes].some(a => a.name.startsWith('on')))") is False
    time.sleep(0.5)  # a payload that ran would show its dialog by now
    watch.assert_clean()
    page.close()


# --- a large neighbourhood ------------------------------------------------------------------


@pytest.fixture(scope="module")
def hub_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A scratch store whose forum has 2,000 member states (a third also party to a treaty)."""
    from graph.store import EmbeddedStore

    d, i_ = "https://w3id.org/dkg/ontology#", "https://w3id.org/dkg/id/"
    lines = [f'<{i_}forum/hub> a <{d}Forum> ; <http://www.w3.org/2004/02/skos/core#prefLabel> '
             '"Hub forum"@en .']
    for i in range(2000):
        lines.append(f"<{i_}state/s{i}> a <{d}State> ; <{d}partOf> <{i_}forum/hub> .")
        if i % 3 == 0:
            lines.append(f"<{i_}state/s{i}> <{d}partyTo> <{i_}treaty/t> .")
    lines.append(f"<{i_}treaty/t> a <{d}Treaty> .")
    path = tmp_path_factory.mktemp("hub") / "store"
    store = EmbeddedStore(path)
    store.load("\n".join(lines).encode(), "turtle", "https://example.org/hub")
    store.close()
    srv = start_server(path)
    yield srv
    stop_server(srv)


def test_a_large_neighbourhood_is_cut_and_never_freezes_the_page(hub_server: Server,
                                                                 browser) -> None:
    page = browser.new_page(viewport={"width": 1400, "height": 950})
    watch = Watch(page, hub_server)
    page.goto(hub_server.url + "/explore?entity=forum/hub")
    wait(page, "window.dkgExplorer && window.dkgExplorer.nodes.length > 0")
    idle(page)
    assert page.evaluate("window.dkgExplorer.nodes.length") == 300
    note = page.inner_text("#x-note")
    assert note.startswith("Showing the 300 most important of 2001 entities around Hub forum")
    assert "raise the maximum number of nodes" in note

    # all of it: over 200 nodes, so a layout from the server and no physics
    page.fill("#x-max", "2001")
    started = time.monotonic()
    page.press("#x-max", "Tab")  # a change of the maximum redraws
    wait(page, "window.dkgExplorer.nodes.length === 2001")
    idle(page)
    assert time.monotonic() - started < 20
    assert page.evaluate("window.dkgNetwork.physics.options.enabled") is False
    assert page.locator("#x-note").is_hidden()
    assert page.evaluate("1 + 1") == 2  # the page still answers
    page.screenshot(path=str(ARTIFACTS / "explore-large.png"))
    watch.assert_clean()
    page.close()
