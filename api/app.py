"""The FastAPI application: ``create_app(settings)``."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape

from api import problems
from api.routes import (
    articles,
    entities,
    events,
    explore,
    graph_store,
    pages,
    paths,
    queries,
    sparql,
)
from graph import (
    DkgError,
    Settings,
    Store,
    ensure_reference,
    label_index,
    load_gazetteer,
    open_store,
    projection,
)

log = logging.getLogger("dkg.api")
HERE = Path(__file__).resolve().parent
ASSETS = HERE.parent / "graph" / "assets"

DESCRIPTION = """dkg: a knowledge graph of diplomatic initiatives and events, extracted from
Kazakh, Russian and English news with the evidence sentence behind every fact.

- `/sparql`: SPARQL 1.1 Protocol (read-only) over the union of all graphs
- `/api/entities`: search, entity cards (JSON / JSON-LD), related entities with reasons,
  timelines
- `/api/events`: a timeline of events; `/api/paths`: how two entities are connected
- `/api/articles`: the articles; adding and deleting needs the write token
- `/viz/entity/{kind}/{slug}`: an interactive ego graph (pyvis); `/explore`: the explorer
- `/api/queries`: saved SPARQL queries; `/sparql/update`, `/rdf-graphs`: writes (token)
"""


def _warm_up(store: Store) -> None:
    try:
        projection(store)
        label_index(store)
    except DkgError:
        log.exception("warming up the caches failed; they will be built on first use")


def create_app(settings: Settings | None = None, store: Store | None = None) -> FastAPI:
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        own = app.state.store is None
        if own:
            app.state.store = open_store(settings)
        ensure_reference(app.state.store, app.state.gazetteer)
        # build the entity graph and the label index in the background, so that the
        # first request does not pay for them
        threading.Thread(target=_warm_up, args=(app.state.store,), daemon=True).start()
        try:
            yield
        finally:
            if own:
                app.state.store.close()

    app = FastAPI(
        title="dkg",
        version="0.1.0",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.gazetteer = load_gazetteer(settings.gazetteer)
    app.state.templates = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
    )
    problems.install(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Accept", "If-None-Match"],
            expose_headers=["Link", "X-Next-Cursor", "ETag"],
        )
    app.mount("/static", StaticFiles(directory=ASSETS), name="static")
    app.mount("/assets", StaticFiles(directory=HERE / "static"), name="assets")
    for module in (sparql, graph_store, queries, entities, events, paths, articles, pages,
                   explore):
        app.include_router(module.router)
    return app
