"""HTML pages: home, entity card, pyvis views. Every label is escaped (Jinja autoescape)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from api.deps import get_settings, get_store
from graph.config import Settings
from graph.entities import entity_card, recent_articles, search_entities
from graph.explore import ego_graph
from graph.related import related_entities
from graph.store import Store
from graph.viz import render_network

router = APIRouter(tags=["pages"], include_in_schema=False)

StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def _render(request: Request, name: str, **context: object) -> HTMLResponse:
    template = request.app.state.templates.get_template(name)
    return HTMLResponse(template.render(request=request, **context))


@router.get("/", response_class=HTMLResponse)
def home(request: Request, store: StoreDep, q: Annotated[str | None, Query()] = None
         ) -> HTMLResponse:
    hits = search_entities(store, q, limit=50) if q else []
    return _render(request, "home.html", q=q or "", hits=hits,
                   articles=recent_articles(store, 20), stats=store.stats())


@router.get("/entity/{kind}/{slug}", response_class=HTMLResponse)
def entity_page(kind: str, slug: str, request: Request, store: StoreDep) -> HTMLResponse:
    card = entity_card(store, f"{kind}/{slug}")
    related = related_entities(store, card.id, limit=15)
    return _render(request, "entity.html", card=card, related=related)


@router.get("/viz/entity/{kind}/{slug}", response_class=HTMLResponse)
def viz_entity(
    kind: str, slug: str, store: StoreDep, settings: SettingsDep,
    depth: Annotated[int, Query(ge=1, le=3)] = 1,
    max_nodes: Annotated[int | None, Query(ge=1, le=5000)] = None,
) -> HTMLResponse:
    graph = ego_graph(store, f"{kind}/{slug}", depth=depth,
                      max_nodes=max_nodes or settings.viz_max_nodes)
    return HTMLResponse(render_network(graph, inline_assets=False))
