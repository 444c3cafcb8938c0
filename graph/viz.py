"""Network pages: plain nodes and edges in, one self-contained HTML page out.

pyvis holds the network model (``Network.nodes``/``edges``, filled directly
because ``add_node``/``add_edge`` are quadratic) and the vis-network options
(``barnes_hut``, ``toggle_physics``, ...); the page comes from our own template
(``graph/templates/network.html``), not pyvis's, which loads Bootstrap from a
CDN and inserts the heading unescaped. vis-network itself is vendored in
``graph/assets`` (see its README.md), so a page never loads anything from
another host, and a Content-Security-Policy in the page says so to the browser.

Every string from the data is shown as text: labels are drawn on the canvas,
tooltips are plain strings (vis-network sets them with ``innerText``), the
heading, note and legend go through Jinja's autoescape, and the data travels
as JSON in a ``<script type="application/json">`` element with ``<``, ``>``,
``&``, U+2028 and U+2029 escaped, so ``</script>`` in a label cannot end it.

>>> xss = "<img src=x onerror=alert(1)>"
>>> page = render_network(VizGraph([VizNode("a", xss, "Place")], [], heading=xss))
>>> xss in page, "<h1>&lt;img src=x onerror=alert(1)&gt;</h1>" in page
(False, True)
"""

from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

if TYPE_CHECKING:
    from pyvis.network import Network

ASSETS_DIR = Path(__file__).parent / "assets"
TEMPLATES_DIR = Path(__file__).parent / "templates"
VIS_NETWORK_JS = ASSETS_DIR / "vis-network.min.js"

#: graphs with more nodes than this get a layout computed here and physics off
PHYSICS_NODE_LIMIT = 200

#: entity type -> (colour, vis-network shape); any other type is drawn as OTHER_STYLE
TYPE_STYLES: dict[str, tuple[str, str]] = {
    "Official": ("#4e79a7", "dot"),
    "State": ("#e15759", "diamond"),
    "Organization": ("#f28e2b", "square"),
    "Forum": ("#76b7b2", "hexagon"),
    "Event": ("#59a14f", "star"),
    "Treaty": ("#b07aa1", "triangle"),
    "Initiative": ("#edc948", "triangleDown"),
    "Place": ("#9c755f", "dot"),
}
OTHER_STYLE: tuple[str, str] = ("#bab0ac", "dot")

_CSS_LENGTH = re.compile(r"\d{1,5}(\.\d+)?(px|%|vh|em|rem)")
_SAFE_URL = re.compile(r"/(?![/\\])|https?://", re.IGNORECASE)
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPE_RE = re.compile("[<>&\u2028\u2029]")


@dataclass(slots=True)
class VizNode:
    """A node: ``title`` is the plain-text tooltip, ``size`` a relative weight."""

    id: str
    label: str
    type: str  # one of models.ENTITY_TYPES; anything else is drawn grey
    title: str = ""
    url: str | None = None  # followed on click when it starts with "/" or "http(s)://"
    size: float = 1.0
    group: str | None = None  # e.g. a community; kept in the node data as vis `group`
    importance: float | None = None  # e.g. degree in the whole store; shown by the explorer


@dataclass(slots=True)
class VizEdge:
    """A directed edge: ``title`` is the evidence sentence and article name, as text.

    The optional fields travel with the edge's data so that a page can show the
    evidence and link the article when the edge is clicked (the explorer does).
    """

    source: str
    target: str
    label: str
    title: str = ""
    url: str | None = None
    evidence: str | None = None  # the strongest evidence sentence
    article: str | None = None  # id of the article it comes from (article/<hash>)
    article_title: str | None = None
    article_url: str | None = None  # the article's source page (explorer JSON only)
    date: str | None = None  # the newest date of its facts (YYYY[-MM[-DD]])
    facts: int = 0  # how many extracted facts support the edge


@dataclass(slots=True)
class VizGraph:
    nodes: list[VizNode] = field(default_factory=list)
    edges: list[VizEdge] = field(default_factory=list)
    heading: str = ""
    note: str | None = None  # e.g. "Showing the 300 most important of 812 nodes"
    center: str | None = None  # the node the picture is about, if any
    total: int | None = None  # nodes before a cut to the most important ones


def safe_url(url: str | None) -> str | None:
    """``url`` if following it stays on our site or goes to a web page, else None.

    >>> safe_url("/viz/entity/state/kz"), safe_url("javascript:alert(1)"), safe_url("//x.org")
    ('/viz/entity/state/kz', None, None)
    """
    return url if url and _SAFE_URL.match(url) else None


def build_network(graph: VizGraph, *, height: str = "720px",
                  physics: bool | None = None) -> Network:
    """The pyvis model of ``graph``: styled node and edge dicts plus vis options.

    ``physics=None`` turns physics on up to PHYSICS_NODE_LIMIT nodes; with physics
    off every node gets a precomputed ``x``/``y``. Duplicate node ids keep the first
    node; edges to unknown nodes are dropped (vis-network would fail on both).
    """
    from pyvis.network import Network  # imports IPython: 0.3 s, so only when drawing

    node_dicts, edge_dicts, use_physics = vis_items(graph, physics=physics)
    net = Network(height=height, width="100%", directed=True, heading=graph.heading)
    net.nodes = node_dicts
    net.node_ids = [d["id"] for d in node_dicts]
    net.node_map = {d["id"]: d for d in net.nodes}
    net.edges = edge_dicts
    nodes, edges = net.node_ids, edge_dicts

    net.barnes_hut(gravity=-8000, central_gravity=0.3, spring_length=140,
                   spring_strength=0.04, damping=0.2, overlap=0.1)
    net.toggle_physics(use_physics)
    stabilization = net.options.physics.stabilization
    stabilization.iterations = 300 if len(nodes) <= 200 else 150  # bounded; then physics off
    stabilization.updateInterval = 25
    net.set_edge_smooth("continuous")
    net.options.edges.smooth.enabled = use_physics and len(edges) <= 2000
    net.inherit_edge_colors(False)
    net.toggle_hide_edges_on_drag(len(edges) > 2000)
    # vis options pyvis has no setter for: its Options objects serialise their __dict__
    edge_options = net.options.edges
    edge_options.arrows = {"to": {"enabled": True, "scaleFactor": 0.6}}
    edge_options.color = {"color": "#9aa0a6", "highlight": "#333333", "hover": "#555555",
                          "inherit": False}
    edge_options.font = {"size": 10, "color": "#555555", "strokeWidth": 3,
                         "strokeColor": "#ffffff", "align": "middle"}
    edge_options.width = 1
    net.options.nodes = {"borderWidth": 1.5, "scaling": {"min": 10, "max": 36},
                         "font": {"size": 14, "strokeWidth": 3, "strokeColor": "#ffffff"}}
    if not use_physics:
        net.options.layout = {"improvedLayout": False}
    interaction = net.options.interaction
    interaction.hover = True
    interaction.tooltipDelay = 150
    interaction.navigationButtons = False
    interaction.keyboard = False
    return net


def render_network(graph: VizGraph, *, height: str = "720px", inline_assets: bool = True,
                   asset_url: str = "/static/vis-network.min.js",
                   physics: bool | None = None) -> str:
    """A complete HTML page drawing ``graph``.

    With ``inline_assets`` the vis-network code is inside the page (a standalone
    file); otherwise the page loads it from ``asset_url``, a path on our own server.
    """
    if not _CSS_LENGTH.fullmatch(height):
        raise ValueError(f"height {height!r} is not a CSS length such as '720px' or '80vh'")
    if not inline_assets and (safe_url(asset_url) != asset_url or "://" in asset_url):
        raise ValueError(f"asset_url {asset_url!r} must be a path on our server, like "
                         "'/static/vis-network.min.js'")
    net = build_network(graph, height=height, physics=physics)
    nodes, edges, heading, height, _width, options_json = net.get_network_data()
    options = json.loads(options_json)
    # the page links nothing to another host: the source's address is for the explorer
    edges = [{k: v for k, v in edge.items() if k != "article_url"} for edge in edges]
    data = {"nodes": nodes, "edges": edges, "options": options,
            "physics": options["physics"]["enabled"]}  # what network_data gives the explorer

    vis_js = Markup(_vis_js()) if inline_assets else None
    page = _environment().get_template("network.html").render(
        heading=heading, note=graph.note, height=height, legend=_legend(graph.nodes),
        data_json=Markup(script_json(data)), inline_assets=inline_assets,
        asset_url=asset_url, vis_js=vis_js,
        vis_hash=_vis_hash() if inline_assets else None,
        n_nodes=len(nodes), n_edges=len(edges),
    )
    return page


def vis_items(graph: VizGraph, *, physics: bool | None = None
              ) -> tuple[list[dict[str, Any]], list[dict[str, Any]], bool]:
    """vis-network node and edge dicts of ``graph``, and whether physics should run.

    The one place that styles a graph: the pages of :func:`render_network` and the
    explorer's JSON (:func:`network_data`) both use it. ``physics=None`` means on up to
    PHYSICS_NODE_LIMIT nodes; with physics off every node gets a precomputed ``x``/``y``.
    Duplicate node ids keep the first node; edges to unknown nodes are dropped.
    """
    nodes: dict[str, VizNode] = {}
    for node in graph.nodes:
        nodes.setdefault(node.id, node)
    edges = [e for e in graph.edges if e.source in nodes and e.target in nodes]
    use_physics = len(nodes) <= PHYSICS_NODE_LIMIT if physics is None else physics
    node_dicts = [_node_dict(node) for node in nodes.values()]
    if not use_physics:
        positions = spread_layout(list(nodes), [(e.source, e.target) for e in edges])
        for d in node_dicts:
            d["x"], d["y"] = positions[d["id"]]
    return node_dicts, _edge_dicts(edges), use_physics


def network_data(graph: VizGraph, *, physics: bool | None = None) -> dict[str, Any]:
    """``graph`` as JSON for a page that draws it itself (the explorer): the same nodes,
    edges and vis options as :func:`render_network`'s page, plus heading, note and legend.

    >>> data = network_data(VizGraph([VizNode("state/kz", "Kazakhstan", "State")], []))
    >>> data["nodes"][0]["shape"], data["physics"], data["legend"][1]["type"]
    ('diamond', True, 'State')
    """
    net = build_network(graph, physics=physics)
    options = json.loads(net.options.to_json())
    return {"heading": graph.heading, "note": graph.note, "center": graph.center,
            "total": graph.total if graph.total is not None else len(net.nodes),
            "nodes": net.nodes,
            "edges": net.edges, "options": options, "physics": options["physics"]["enabled"],
            "legend": _legend(graph.nodes)}


def save_network(graph: VizGraph, path: str | Path, **options: Any) -> Path:
    """Write ``graph`` as a standalone page (vis-network inlined) to ``path``."""
    path = Path(path)
    path.write_text(render_network(graph, inline_assets=True, **options), encoding="utf-8")
    return path


def script_json(value: Any) -> str:
    """JSON that is safe as the text of a ``<script>`` element.

    >>> script_json({"label": "</script><b>&"})
    '{"label":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group()], text)


def spread_layout(node_ids: list[str], edges: list[tuple[str, str]], *,
                  spacing: float = 120.0, iterations: int = 15) -> dict[str, tuple[float, float]]:
    """Positions for a large graph, in pure Python (no numpy here), in about linear time.

    Each connected component starts on rings around its best-connected node (BFS
    levels), is relaxed by a few Fruchterman-Reingold steps in which only nodes in
    neighbouring grid cells repel, and the components are packed in rows.

    >>> pos = spread_layout(["a", "b", "c"], [("a", "b")])
    >>> sorted(pos) == ["a", "b", "c"] and pos["a"] != pos["b"]
    True
    """
    adjacency: dict[str, set[str]] = {n: set() for n in node_ids}
    for source, target in edges:
        if source != target and source in adjacency and target in adjacency:
            adjacency[source].add(target)
            adjacency[target].add(source)
    seen: set[str] = set()
    boxes: list[tuple[float, float, dict[str, tuple[float, float]]]] = []
    for start in sorted(node_ids, key=lambda n: -len(adjacency[n])):
        if start in seen:
            continue
        component = _rings(start, adjacency, spacing)
        seen.update(component)
        if len(component) > 2:
            _relax(component, adjacency, spacing, iterations)
        xs = [x for x, _ in component.values()]
        ys = [y for _, y in component.values()]
        x0, y0 = min(xs), min(ys)
        shifted = {n: (x - x0, y - y0) for n, (x, y) in component.items()}
        boxes.append((max(xs) - x0 + spacing, max(ys) - y0 + spacing, shifted))
    row_width = math.sqrt(sum(w * h for w, h, _ in boxes)) * 1.2
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for w, h, component in boxes:  # largest first: shelf packing
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (nx_, ny_) in component.items():
            positions[n] = (round(x + nx_, 1), round(y + ny_, 1))
        x, row_height = x + w, max(row_height, h)
    return positions


def _rings(start: str, adjacency: dict[str, set[str]],
           spacing: float) -> dict[str, tuple[float, float]]:
    """A radial tree of ``start``'s component: BFS depth is the ring, and each node
    shares out its angular wedge among its BFS children by their subtree sizes."""
    parent = {start: start}
    order = [start]
    depth = {start: 0}
    for node in order:  # BFS: ``order`` grows while it is read
        for other in sorted(adjacency[node]):
            if other not in parent:
                parent[other] = node
                depth[other] = depth[node] + 1
                order.append(other)
    weight = dict.fromkeys(order, 1)
    children: dict[str, list[str]] = defaultdict(list)
    for node in reversed(order[1:]):
        weight[parent[node]] += weight[node]
        children[parent[node]].append(node)
    per_ring: dict[int, int] = defaultdict(int)
    for node in order:
        per_ring[depth[node]] += 1
    radius = {0: 0.0}
    for d in range(1, max(per_ring) + 1):
        radius[d] = max(radius[d - 1] + spacing, per_ring[d] * spacing * 0.4 / (2 * math.pi))
    wedge = {start: (0.0, 2 * math.pi)}
    positions = {}
    for node in order:
        low, high = wedge[node]
        angle = (low + high) / 2
        positions[node] = (radius[depth[node]] * math.cos(angle),
                           radius[depth[node]] * math.sin(angle))
        for child in children[node]:
            share = (high - low) * weight[child] / (weight[node] - 1)
            wedge[child] = (low, low + share)
            low += share
    return positions


def _relax(positions: dict[str, tuple[float, float]], adjacency: dict[str, set[str]],
           k: float, iterations: int) -> None:
    """Fruchterman-Reingold steps, repulsion only within neighbouring cells of size 2k."""
    names = list(positions)
    index = {n: i for i, n in enumerate(names)}
    xs = [positions[n][0] for n in names]
    ys = [positions[n][1] for n in names]
    links = [(index[a], index[b]) for a in names for b in adjacency[a] if index[a] < index[b]]
    cell, k2 = 2 * k, k * k
    start_temperature = max(2 * k, math.sqrt(len(names)) * k / 4)
    for step in range(iterations):
        temperature = start_temperature * (1 - step / iterations) + k * 0.1
        dx = [0.0] * len(names)
        dy = [0.0] * len(names)
        grid: dict[tuple[int, int], list[int]] = defaultdict(list)
        for i in range(len(names)):
            grid[(int(xs[i] // cell), int(ys[i] // cell))].append(i)
        centroids = {key: (sum(xs[i] for i in members) / len(members),
                           sum(ys[i] for i in members) / len(members), len(members))
                     for key, members in grid.items()}
        for (cx, cy), members in grid.items():
            # exact repulsion inside the cell; the 8 neighbouring cells act as their centroids
            near = [centroids[key] for key in ((cx + ox, cy + oy) for ox in (-1, 0, 1)
                                              for oy in (-1, 0, 1) if ox or oy) if key in centroids]
            for i in members:
                xi, yi = xs[i], ys[i]
                fx = fy = 0.0
                for j in members:
                    ddx, ddy = xi - xs[j], yi - ys[j]
                    d2 = ddx * ddx + ddy * ddy
                    if d2 > 0:
                        fx += ddx * k2 / d2
                        fy += ddy * k2 / d2
                    elif i != j:
                        fx += k * 0.1 * (1 if i > j else -1)
                for ox_, oy_, count in near:
                    ddx, ddy = xi - ox_, yi - oy_
                    d2 = ddx * ddx + ddy * ddy
                    if 0 < d2 < 4 * k2:
                        fx += ddx * k2 * count / d2
                        fy += ddy * k2 * count / d2
                dx[i] += fx
                dy[i] += fy
        for i, j in links:
            ddx, ddy = xs[i] - xs[j], ys[i] - ys[j]
            d = math.sqrt(ddx * ddx + ddy * ddy) or 0.01
            f = d / k  # |attraction| / d = d / k
            dx[i] -= ddx * f
            dy[i] -= ddy * f
            dx[j] += ddx * f
            dy[j] += ddy * f
        for i in range(len(names)):
            length = math.sqrt(dx[i] * dx[i] + dy[i] * dy[i])
            if length > 0:
                scale = min(length, temperature) / length
                xs[i] += dx[i] * scale
                ys[i] += dy[i] * scale
    for i, n in enumerate(names):
        positions[n] = (xs[i], ys[i])


def _node_dict(node: VizNode) -> dict[str, Any]:
    colour, shape = TYPE_STYLES.get(node.type, OTHER_STYLE)
    border = _darker(colour)
    d: dict[str, Any] = {
        "id": node.id,
        "label": node.label,
        "title": node.title or f"{node.label} ({node.type})",
        "shape": shape,
        "value": max(float(node.size), 0.0),
        "color": {"background": colour, "border": border,
                  "highlight": {"background": colour, "border": "#222222"},
                  "hover": {"background": colour, "border": "#222222"}},
        "type": node.type,
        "legend": node.type if node.type in TYPE_STYLES else "Other",
    }
    if url := safe_url(node.url):
        d["url"] = url
    if node.group is not None:
        d["group"] = node.group
    if node.importance is not None:
        d["importance"] = node.importance
    return d


def _edge_dicts(edges: list[VizEdge]) -> list[dict[str, Any]]:
    """vis edge dicts; edges between the same two nodes each get their own curve."""
    def pair(edge: VizEdge) -> tuple[str, str]:
        return min(edge.source, edge.target), max(edge.source, edge.target)

    pair_count: dict[tuple[str, str], int] = defaultdict(int)
    for edge in edges:
        pair_count[pair(edge)] += 1
    seen: dict[tuple[str, str], int] = defaultdict(int)
    ids: dict[str, int] = defaultdict(int)  # stable ids: the explorer merges edges by id
    result = []
    for edge in edges:
        key = f"{edge.source} {edge.label} {edge.target}"
        ids[key] += 1
        d: dict[str, Any] = {"id": key if ids[key] == 1 else f"{key} #{ids[key]}",
                             "from": edge.source, "to": edge.target,
                             "label": edge.label, "title": edge.title or edge.label}
        if url := safe_url(edge.url):
            d["url"] = url
        for name in ("evidence", "article", "article_title", "date"):
            if (value := getattr(edge, name)) is not None:
                d[name] = value
        if article_url := safe_url(edge.article_url):
            d["article_url"] = article_url
        if edge.facts:
            d["facts"] = edge.facts
        if pair_count[pair(edge)] > 1:
            nth = seen[pair(edge)]
            seen[pair(edge)] += 1
            d["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": 0.15 + 0.25 * nth}
        result.append(d)
    return result


def _legend(nodes: list[VizNode]) -> list[dict[str, str]]:
    entries = [{"type": t, "colour": c, "shape": s} for t, (c, s) in TYPE_STYLES.items()]
    if any(node.type not in TYPE_STYLES for node in nodes):
        entries.append({"type": "Other", "colour": OTHER_STYLE[0], "shape": OTHER_STYLE[1]})
    return entries


def _darker(colour: str, factor: float = 0.7) -> str:
    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(int(c * factor) for c in (r, g, b)))


def _csp_hash(text: str) -> Markup:
    """The CSP source expression that allows an inline script with exactly ``text``."""
    digest = hashlib.sha256(str(text).encode("utf-8")).digest()
    return Markup("'sha256-{}'").format(base64.b64encode(digest).decode("ascii"))


@cache
def _vis_js() -> str:
    code = VIS_NETWORK_JS.read_text(encoding="utf-8")
    # never true for 9.1.9; kept so an updated bundle cannot end its <script> early
    return re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE).replace("<!--", "<\\!--")


@cache
def _vis_hash() -> str:
    return _csp_hash(_vis_js())


@cache
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(TEMPLATES_DIR),
                      autoescape=select_autoescape(["html"]), keep_trailing_newline=True)
    env.filters["csp_hash"] = _csp_hash
    return env
