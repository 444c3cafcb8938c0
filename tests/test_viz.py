"""Network pages (graph/viz.py): content, escaping, offline assets and layout.

These tests read the HTML. That the page draws in a browser was checked by
hand with Chromium:

    .venv/bin/python -c "from graph.viz import *; save_network(VizGraph(
        [VizNode('a', '<img src=x onerror=alert(1)>', 'State')], []), '/tmp/page.html')"
    chromium --headless --no-sandbox --disable-gpu --disable-background-networking \\
        --disable-component-update --no-first-run --screenshot=/tmp/viz.png \\
        --window-size=1200,800 file:///tmp/page.html
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

from graph.viz import (
    ASSETS_DIR,
    PHYSICS_NODE_LIMIT,
    VIS_NETWORK_JS,
    VizEdge,
    VizGraph,
    VizNode,
    build_network,
    network_data,
    render_network,
    save_network,
    script_json,
    spread_layout,
)

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "</script><script>alert(1)</script>"
IMG_HTML = "&lt;img src=x onerror=alert(1)&gt;"  # as Jinja autoescape writes it
IMG_JSON = "\\u003cimg src=x onerror=alert(1)\\u003e"  # as script_json writes it

#: every http(s) URL in vis-network 9.1.9: licence header and error messages, none loaded
VIS_URLS = {
    "http://almende.com",
    "http://naver.github.io/egjs",
    "http://opensource.org/licenses/MIT",
    "http://www.apache.org/licenses/LICENSE-2.0",
    "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
    "https://github.com/visjs",
    "https://github.com/zloirock/core-js",
    "https://github.com/zloirock/core-js/blob/v3.33.0/LICENSE",
    "https://visjs.github.io/vis-network/",
}
URL_RE = re.compile(r"https?://[^\s\"'()<>,;]+")


def three_nodes(**kwargs) -> VizGraph:
    return VizGraph(
        nodes=[
            VizNode("state/kz", "Kazakhstan", "State", title="Republic of Kazakhstan",
                    url="/viz/entity/state/kz", size=3),
            VizNode("official/tokayev", "Тоқаев", "Official", url="/viz/entity/official/tokayev"),
            VizNode("forum/unga", "UN General Assembly", "Forum"),
        ],
        edges=[
            VizEdge("official/tokayev", "state/kz", "represents",
                    title="Tokayev spoke for Kazakhstan. — Kazinform, 2025-09-23",
                    url="/articles/abc"),
            VizEdge("official/tokayev", "forum/unga", "participatedIn"),
        ],
        heading="Kazakhstan at the UN",
        **kwargs,
    )


def xss_graph() -> VizGraph:
    return VizGraph(
        nodes=[
            VizNode("a", IMG, "State", title=SCRIPT, url="javascript:alert(1)"),
            VizNode("b", SCRIPT, "Event", title=IMG, url="//evil.example/x"),
            VizNode("c", "plain", "Widget", group=IMG),
        ],
        edges=[VizEdge("a", "b", IMG, title=SCRIPT), VizEdge("b", "c", SCRIPT, title=IMG)],
        heading=IMG,
        note=SCRIPT,
    )


def page_data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="dkg-network-data">(.*?)</script>',
                      page, re.S)
    assert match, "the data script is missing"
    return json.loads(match.group(1))


def big_graph(n: int, m: int) -> VizGraph:
    nodes = [VizNode(f"n{i}", f"Node {i}", "Event" if i % 3 else "State") for i in range(n)]
    edges = [VizEdge(f"n{i % n}", f"n{(i * 7 + 1) % n}", "participatedIn") for i in range(m)]
    return VizGraph(nodes, edges)


class Resources(HTMLParser):
    """Collects what a page would load: URL-valued attributes and inline scripts/styles."""

    URL_ATTRS = {"src", "href", "action", "formaction", "poster", "data", "srcset", "background"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[tuple[str, str, str]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self.meta: list[dict] = []
        self._in: tuple[str, dict] | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.urls += [(tag, k, v or "") for k, v in attrs.items() if k in self.URL_ATTRS]
        if tag == "meta":
            self.meta.append(attrs)
        if tag in ("script", "style"):
            self._in = (tag, attrs)
            self._text = []

    def handle_data(self, data):
        if self._in:
            self._text.append(data)

    def handle_endtag(self, tag):
        if self._in and tag == self._in[0]:
            text = "".join(self._text)
            if tag == "script":
                self.scripts.append((self._in[1], text))
            else:
                self.styles.append(text)
            self._in = None


def parse(page: str) -> Resources:
    parser = Resources()
    parser.feed(page)
    parser.close()
    return parser


# --- the page -----------------------------------------------------------------------


def test_page_shows_labels_legend_and_inlines_vis_network():
    page = render_network(three_nodes(note="Showing 3 of 3 nodes"))
    data = page_data(page)
    assert [n["label"] for n in data["nodes"]] == ["Kazakhstan", "Тоқаев", "UN General Assembly"]
    assert "Тоқаев" in page  # non-ASCII text is kept as it is, not \u-escaped
    assert [e["label"] for e in data["edges"]] == ["represents", "participatedIn"]
    assert "<h1>Kazakhstan at the UN</h1>" in page
    assert "<title>Kazakhstan at the UN</title>" in page
    assert '<p class="dkg-note">Showing 3 of 3 nodes</p>' in page
    for kind in ("Official", "State", "Organization", "Forum", "Event", "Treaty",
                 "Initiative", "Place"):
        assert f'data-type="{kind}"' in page
    assert 'data-type="Other"' not in page  # only when a node has another type
    assert VIS_NETWORK_JS.read_text(encoding="utf-8") in page  # the whole library, unchanged
    assert "@version 9.1.9" in page
    assert "<script src" not in page and "<link" not in page


def test_nodes_are_styled_by_type_and_edges_carry_arrows_and_evidence():
    data = page_data(render_network(three_nodes()))
    by_id = {n["id"]: n for n in data["nodes"]}
    assert by_id["state/kz"]["shape"] == "diamond"
    assert by_id["official/tokayev"]["shape"] == "dot"
    assert by_id["forum/unga"]["shape"] == "hexagon"
    assert by_id["state/kz"]["color"]["background"] != by_id["forum/unga"]["color"]["background"]
    assert by_id["state/kz"]["title"] == "Republic of Kazakhstan"
    assert by_id["forum/unga"]["title"] == "UN General Assembly (Forum)"  # default tooltip
    assert by_id["state/kz"]["url"] == "/viz/entity/state/kz"
    assert by_id["state/kz"]["value"] == 3
    edge = data["edges"][0]
    assert (edge["from"], edge["to"], edge["url"]) == ("official/tokayev", "state/kz",
                                                       "/articles/abc")
    assert edge["title"] == "Tokayev spoke for Kazakhstan. — Kazinform, 2025-09-23"
    assert data["options"]["edges"]["arrows"]["to"]["enabled"] is True


def test_other_types_are_grey_and_get_a_legend_entry():
    graph = VizGraph([VizNode("x", "X", "Widget")], [])
    page = render_network(graph)
    assert 'data-type="Other"' in page
    node = page_data(page)["nodes"][0]
    assert (node["type"], node["legend"], node["color"]["background"]) == ("Widget", "Other",
                                                                           "#bab0ac")


def test_parallel_edges_get_their_own_curves():
    nodes = [VizNode("a", "A", "State"), VizNode("b", "B", "Event"), VizNode("c", "C", "Place")]
    graph = VizGraph(nodes, [VizEdge("a", "b", "participatedIn"), VizEdge("a", "b", "spoke"),
                             VizEdge("b", "a", "invited"), VizEdge("a", "c", "heldIn"),
                             VizEdge("c", "c", "self")])
    edges = page_data(render_network(graph))["edges"]
    assert [e["smooth"]["roundness"] for e in edges[:3]] == [0.15, 0.4, 0.65]
    assert "smooth" not in edges[3] and "smooth" not in edges[4]


def test_duplicate_nodes_and_dangling_edges_are_dropped():
    graph = VizGraph([VizNode("a", "first", "State"), VizNode("a", "second", "State")],
                     [VizEdge("a", "missing", "partOf"), VizEdge("a", "a", "self")])
    data = page_data(render_network(graph))
    assert [n["label"] for n in data["nodes"]] == ["first"]
    assert [e["label"] for e in data["edges"]] == ["self"]


def test_click_follows_only_safe_urls():
    page = render_network(xss_graph())
    data = page_data(page)
    assert all("url" not in n for n in data["nodes"])  # javascript: and //host dropped
    assert "javascript:" not in page
    assert "window.location.assign(url)" in page
    assert 'network.on("click"' in page


# --- escaping -----------------------------------------------------------------------


def test_xss_payloads_appear_only_escaped():
    page = render_network(xss_graph())
    assert IMG not in page
    assert "</script><script>" not in page
    assert "alert(1)</script>" not in page
    assert f"<h1>{IMG_HTML}</h1>" in page  # heading, autoescaped
    assert f"<title>{IMG_HTML}</title>" in page
    assert '<p class="dkg-note">&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>' in page
    assert IMG_JSON in page  # label and tooltips, escaped inside the JSON
    assert "\\u003c/script\\u003e\\u003cscript\\u003e" in page
    # exactly our three scripts: the data, vis-network and the app
    assert page.count("<script") == 3
    assert len(parse(page).scripts) == 3
    # escaping loses nothing: the browser gets the strings back exactly
    data = page_data(page)
    assert [n["label"] for n in data["nodes"]] == [IMG, SCRIPT, "plain"]
    assert [n["title"] for n in data["nodes"]] == [SCRIPT, IMG, "plain (Widget)"]
    assert [(e["label"], e["title"]) for e in data["edges"]] == [(IMG, SCRIPT), (SCRIPT, IMG)]
    assert data["nodes"][2]["group"] == IMG


def test_the_app_script_never_writes_data_as_html():
    page = render_network(three_nodes())
    app = parse(page).scripts[-1][1]
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                 "new Function", "setTimeout(\"", "multi:"):
        assert sink not in app
    assert "textContent" in app  # the only DOM text it sets


def test_tooltips_stay_plain_text_in_vis_network():
    # vis-network 9: Popup.setText appends an Element, and sets anything else with innerText
    code = VIS_NETWORK_JS.read_text(encoding="utf-8")
    assert ('{key:"setText",value:function(g){if(g instanceof Element){' in code
            and "this.frame.appendChild(g)}else this.frame.innerText=g}" in code)
    # and the titles we send are strings, never objects (Elements cannot travel in JSON)
    data = page_data(render_network(xss_graph()))
    assert all(isinstance(item["title"], str) for item in data["nodes"] + data["edges"])
    # labels are drawn on the canvas, with vis's HTML/markdown label parsing left off
    assert "multi" not in json.dumps(data["options"])


def test_script_json_escapes_what_could_end_a_script():
    value = {"s": "</script><!-- & \u2028\u2029 Қазақстан"}
    text = script_json(value)
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert "Қазақстан" in text
    assert json.loads(text) == value


def test_bad_height_and_external_asset_url_are_refused():
    with pytest.raises(ValueError, match="CSS length"):
        render_network(three_nodes(), height="100px; background:url(http://x)")
    for url in ("https://cdn.example/vis.js", "//cdn.example/vis.js", "javascript:alert(1)"):
        with pytest.raises(ValueError, match="path on our server"):
            render_network(three_nodes(), inline_assets=False, asset_url=url)


# --- offline: nothing is loaded from another host ------------------------------------


def _is_external(url: str) -> bool:
    return bool(re.match(r"\s*([a-z][a-z0-9+.-]*:|//|\\\\)", url, re.I)) and not url.startswith(
        "data:")


@pytest.mark.parametrize("inline", [True, False])
def test_page_loads_nothing_from_another_host(inline):
    page = render_network(three_nodes(), inline_assets=inline)
    found = parse(page)
    assert [u for u in found.urls if _is_external(u[2])] == []
    for text in found.styles:
        assert "@import" not in text
        assert not re.search(r"url\(\s*['\"]?(?!data:)", text)
    # outside the vendored library, the page has no http(s) URL at all
    rest = page.replace(VIS_NETWORK_JS.read_text(encoding="utf-8"), "")
    assert URL_RE.findall(rest) == []
    # and the library's own URLs are the known licence/error-message strings
    assert set(URL_RE.findall(VIS_NETWORK_JS.read_text(encoding="utf-8"))) == VIS_URLS
    # the page also tells the browser to load nothing from elsewhere
    csp = next(m["content"] for m in found.meta if m.get("http-equiv") == "Content-Security-Policy")
    assert csp.startswith("default-src 'none';")
    assert "http" not in csp and "*" not in csp


@pytest.mark.parametrize("inline", [True, False])
def test_csp_allows_exactly_the_page_scripts(inline):
    page = render_network(xss_graph(), inline_assets=inline)
    found = parse(page)
    csp = next(m["content"] for m in found.meta if m.get("http-equiv") == "Content-Security-Policy")
    script_src = re.search(r"script-src ([^;]*);", csp).group(1).split()
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"
        for attrs, text in found.scripts if attrs.get("type") != "application/json"
        and "src" not in attrs
    ]
    assert sorted(script_src) == sorted(hashes + ([] if inline else ["'self'"]))
    assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src


def test_inline_assets_false_references_the_asset_url():
    page = render_network(three_nodes(), inline_assets=False)
    assert '<script src="/static/vis-network.min.js"></script>' in page
    assert "@version 9.1.9" not in page
    assert len(page) < 20_000
    other = render_network(three_nodes(), inline_assets=False, asset_url="/assets/vis.js")
    assert '<script src="/assets/vis.js"></script>' in other


def test_save_network_writes_a_standalone_page(tmp_path):
    path = save_network(three_nodes(), tmp_path / "kz.html")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "@version 9.1.9" in page and "Kazakhstan" in page


# --- the vendored library ------------------------------------------------------------


def test_vendored_vis_network_matches_its_notice():
    notice = (ASSETS_DIR / "NOTICE").read_text(encoding="utf-8")
    digest = hashlib.sha256(VIS_NETWORK_JS.read_bytes()).hexdigest()
    assert f"SHA-256:  {digest}" in notice
    assert "vis-network 9.1.9" in notice and "Apache-2.0 OR MIT" in notice
    assert (ASSETS_DIR / "vis-network.LICENSE-MIT").is_file()
    assert (ASSETS_DIR / "vis-network.LICENSE-APACHE-2.0").is_file()
    code = VIS_NETWORK_JS.read_text(encoding="utf-8")
    assert "</script" not in code.lower() and "<!--" not in code  # safe to inline


# --- layout and physics --------------------------------------------------------------


def test_small_graph_uses_bounded_physics_then_stops():
    page = render_network(three_nodes())
    data = page_data(page)
    physics = data["options"]["physics"]
    assert data["physics"] is True and physics["enabled"] is True
    assert "barnesHut" in physics
    assert 0 < physics["stabilization"]["iterations"] <= 1000
    assert all("x" not in n for n in data["nodes"])
    # when stabilisation ends, physics is switched off so the page stops computing
    assert 'network.once("stabilizationIterationsDone"' in page
    assert "network.setOptions({physics: {enabled: false}})" in page


def test_large_graph_gets_precomputed_positions_and_no_physics():
    n = 1000
    assert n > PHYSICS_NODE_LIMIT
    data = page_data(render_network(big_graph(n, 2000)))
    assert data["physics"] is False and data["options"]["physics"]["enabled"] is False
    assert data["options"]["layout"] == {"improvedLayout": False}
    assert len(data["nodes"]) == n
    positions = {(node["x"], node["y"]) for node in data["nodes"]}
    assert len(positions) > 0.99 * n  # spread out, not piled up
    assert all(isinstance(node["x"], float) for node in data["nodes"])


def test_physics_can_be_forced_either_way():
    net = build_network(three_nodes(), physics=False)
    assert net.options.physics.enabled is False
    assert all("x" in node and "y" in node for node in net.nodes)
    net = build_network(big_graph(600, 600), physics=True)
    assert net.options.physics.enabled is True
    assert all("x" not in node for node in net.nodes)


def test_spread_layout_keeps_linked_nodes_closer_than_unlinked_ones():
    # two 20-node rings that are not connected to each other
    ids = [f"r{r}-{i}" for r in range(2) for i in range(20)]
    edges = [(f"r{r}-{i}", f"r{r}-{(i + 1) % 20}") for r in range(2) for i in range(20)]
    pos = spread_layout(ids, edges)

    def dist(a, b):
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5

    linked = sum(dist(a, b) for a, b in edges) / len(edges)
    apart = sum(dist(f"r0-{i}", f"r1-{i}") for i in range(20)) / 20
    assert linked < apart
    assert spread_layout([], []) == {}


# --- what the explorer needs ------------------------------------------------------------


def test_edges_carry_their_evidence_and_stable_ids():
    graph = VizGraph(
        [VizNode("a", "A", "Official", importance=4), VizNode("b", "B", "Initiative")],
        [VizEdge("a", "b", "proposed", evidence="A proposed B.", article="article/1",
                 article_title="News", article_url="https://example.org/n", date="2026-02",
                 facts=2),
         VizEdge("a", "b", "proposed", article_url="javascript:alert(1)")])
    data = network_data(graph)
    first, second = data["edges"]
    assert (first["id"], second["id"]) == ("a proposed b", "a proposed b #2")
    assert (first["evidence"], first["article"], first["article_title"], first["date"],
            first["facts"], first["article_url"]) == ("A proposed B.", "article/1", "News",
                                                      "2026-02", 2, "https://example.org/n")
    assert "article_url" not in second and "evidence" not in second  # unsafe and unset: left out
    assert data["nodes"][0]["importance"] == 4 and "importance" not in data["nodes"][1]
    assert data["total"] == 2 and data["note"] is None
    # the page shows the same graph, without the source addresses it has no use for
    page = page_data(render_network(graph))
    assert page["edges"][0]["evidence"] == "A proposed B."
    assert all("article_url" not in e for e in page["edges"])
