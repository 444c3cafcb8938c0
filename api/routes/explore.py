"""The visual explorer: the ``/explore`` page and the neighbourhood JSON it draws.

The page is static HTML plus our own script (``/assets/explore.js``); every piece of
data reaches it as JSON from the API and is written into the page as text. Its
Content-Security-Policy allows scripts and connections to this server only.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import HTMLResponse

from api.conventions import ok, problems
from api.deps import get_settings, get_store
from graph import ENTITY_TYPES, OTHER_STYLE, TYPE_STYLES, ego_graph, network_data, relation_types
from graph.config import Settings
from graph.store import Store

router = APIRouter(tags=["explore"])

StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]

#: nothing from another host, no inline script, no plugins, no framing
CSP = ("default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
       "style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"


@router.get("/explore", response_class=HTMLResponse, include_in_schema=False)
def explore_page(request: Request, store: StoreDep, settings: SettingsDep) -> HTMLResponse:
    """Search an entity, draw its neighbourhood, expand it, read the evidence."""
    legend = [{"type": t, "colour": c, "shape": s} for t, (c, s) in TYPE_STYLES.items()]
    template = request.app.state.templates.get_template("explore.html")
    page = template.render(
        request=request, legend=legend, other=OTHER_STYLE, relations=relation_types(store),
        max_nodes=settings.viz_max_nodes,
    )
    return HTMLResponse(page, headers={"Content-Security-Policy": CSP,
                                       "Referrer-Policy": "no-referrer",
                                       "X-Content-Type-Options": "nosniff"})


NEIGHBOURHOOD_EXAMPLE = {
    "heading": "Yerzhan Ashikbayev — neighbourhood",
    "note": "Showing the 2 most important of 5 entities around Yerzhan Ashikbayev ...",
    "center": "official/yerzhan-ashikbayev", "total": 5,
    "nodes": [{"id": "official/yerzhan-ashikbayev", "label": "Yerzhan Ashikbayev",
               "title": "Yerzhan Ashikbayev\nOfficial · official/yerzhan-ashikbayev\n"
                        "4 connections in the graph", "shape": "dot", "value": 2.61,
               "type": "Official", "legend": "Official",
               "url": "/viz/entity/official/yerzhan-ashikbayev", "importance": 4},
              {"id": "state/kz", "label": "Kazakhstan", "title": "Kazakhstan\nState · "
               "state/kz\n29 connections in the graph", "shape": "diamond", "value": 4.4,
               "type": "State", "legend": "State", "url": "/viz/entity/state/kz",
               "importance": 29}],
    "edges": [{"id": "official/yerzhan-ashikbayev represents state/kz",
               "from": "official/yerzhan-ashikbayev", "to": "state/kz", "label": "represents",
               "evidence": "Қазақстан Республикасы Сыртқы істер министрінің бірінші "
                           "орынбасары Ержан Ашықбаев ...",
               "article": "article/801bd29974421508",
               "article_title": "Қазақстан БҰҰ алаңдарында", "date": "2026-02-27",
               "facts": 1}],
    "physics": True,
}


@router.get("/api/graph/neighbourhood/{kind}/{slug}", summary="An entity's neighbourhood, "
            "ready to draw",
            responses={200: ok(examples={"application/json": NEIGHBOURHOOD_EXAMPLE},
                               schemas={"application/json": {"type": "object"}}),
                       **problems(400, 404, 422)})
def neighbourhood(
    kind: Annotated[str, Path(description="the entity's type, lower case",
                              examples=["official"])],
    slug: Annotated[str, Path(description="the entity's name part",
                              examples=["yerzhan-ashikbayev"])],
    store: StoreDep,
    settings: SettingsDep,
    depth: Annotated[int, Query(ge=1, le=3, description="hops around the entity")] = 1,
    types: Annotated[str | None, Query(
        description="comma-separated entity types to keep: " + ", ".join(ENTITY_TYPES),
        examples=["State,Forum"])] = None,
    predicates: Annotated[str | None, Query(
        description="comma-separated relations to keep", examples=["proposed,supports"])]
    = None,
    since: Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]]")] = None,
    until: Annotated[str | None, Query(pattern=DATE, description="YYYY[-MM[-DD]]")] = None,
    max_nodes: Annotated[int | None, Query(
        ge=1, le=5000, description="most entities returned (default: setting DKG_VIZ_MAX_NODES)")]
    = None,
) -> dict[str, Any]:
    """The entity and its neighbours as vis-network nodes and edges, styled as on the
    pyvis pages: nodes carry `type`, `importance` (degree in the whole store) and a
    plain-text `title`; edges carry the relation, the strongest `evidence` sentence,
    its `article`, `article_title`, `article_url`, `date` and the number of `facts`.
    When the neighbourhood has more than `max_nodes` entities, the nearest and best
    connected are kept, `total` says how many there were and `note` says how to see more.
    With `since`/`until`, only edges with a fact dated in the range are kept.
    """
    graph = ego_graph(
        store, f"{kind}/{slug}", depth=depth,
        max_nodes=max_nodes or settings.viz_max_nodes,
        types=types.split(",") if types else None,
        predicates=predicates.split(",") if predicates else None,
        since=since, until=until,
    )
    return network_data(graph)
