"""Saved queries over HTTP, and the graph view of CONSTRUCT answers.

- ``GET /api/queries``: the saved queries with their parameters (and the prefixes
  every query may use);
- ``GET /api/queries/{name}?PARAM=VALUE``: run one, answered like ``/sparql``
  (JSON by default; CSV, TSV, XML by ``Accept`` or ``format=``; CONSTRUCT in Turtle…);
- ``POST /sparql/graph``: a CONSTRUCT/DESCRIBE query in, a pyvis page drawing its
  triples out (the web editor shows it in a frame).
"""

from __future__ import annotations

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import BaseModel

from api.conventions import ok, problems, query_params
from api.deps import get_settings, get_store
from api.problems import problem
from graph.config import Settings
from graph.errors import QueryError
from graph.queries import SavedQuery, get_saved_query, load_saved_queries, run_saved
from graph.query_graph import construct_graph
from graph.sparql import GRAPH_MEDIA, RESULT_MEDIA, SHORT_NAMES, check_services, negotiate
from graph.store import Store
from graph.viz import render_network
from ontology import PREFIXES

router = APIRouter(tags=["queries"])

StoreDep = Annotated[Store, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


class QueryParamInfo(BaseModel):
    name: str
    kind: str
    expects: str
    default: str | None
    optional: bool
    doc: str


class SavedQueryInfo(BaseModel):
    name: str
    title: str
    description: str
    form: str
    params: list[QueryParamInfo]
    text: str
    url: str


class SavedQueryList(BaseModel):
    prefixes: dict[str, str]
    queries: list[SavedQueryInfo]


def _info(query: SavedQuery) -> SavedQueryInfo:
    return SavedQueryInfo(
        name=query.name, title=query.title, description=query.description, form=query.form,
        params=[QueryParamInfo(name=p.name, kind=p.kind, expects=p.expects,
                               default=p.default, optional=p.optional, doc=p.doc)
                for p in query.params],
        text=query.text, url=f"/api/queries/{query.name}",
    )


@router.get("/api/queries", summary="List the saved queries", response_model=SavedQueryList,
            responses={200: ok(examples={"application/json": {
                "prefixes": {"dkg": "https://w3id.org/dkg/ontology#"},
                "queries": [{"name": "most-mentioned", "title": "Most mentioned entities",
                             "description": "Entities by the number of articles that "
                             "mention them.", "form": "SELECT", "params": [
                                 {"name": "limit", "kind": "integer", "expects": "a number",
                                  "default": "20", "optional": True, "doc": "most rows"}],
                             "text": "SELECT ...", "url": "/api/queries/most-mentioned"}]}})})
def list_queries() -> SavedQueryList:
    """Every saved query (``ontology/queries/*.rq``): name, title, description, its
    parameters (name, kind, default, optional) and its SPARQL text."""
    return SavedQueryList(prefixes=PREFIXES,
                          queries=[_info(q) for q in load_saved_queries().values()])


@router.get(
    "/api/queries/{name}",
    summary="Run a saved query",
    response_model=None,
    response_class=Response,
    responses={
        200: ok("The answer, as /sparql gives it (SELECT: JSON, XML, CSV, TSV; CONSTRUCT: "
                "Turtle, N-Triples, RDF/XML, JSON-LD, N-Quads, TriG)",
                examples={"application/sparql-results+json": {
                    "head": {"vars": ["entity", "label"]}, "results": {"bindings": [
                        {"entity": {"type": "uri", "value": "https://w3id.org/dkg/id/state/kz"},
                         "label": {"type": "literal", "value": "Kazakhstan"}}]}}},
                media=[m for media in (*RESULT_MEDIA.values(), *GRAPH_MEDIA.values())
                       for m in media if m != "application/sparql-results+json"],
                headers={"Vary": {"description": "Accept", "schema": {"type": "string"}},
                         "Content-Disposition": {"description": "with format=csv|tsv: a "
                                                 "file name", "schema": {"type": "string"}}}),
        **problems(400, 404, 406, 422, 503, why={
            400: "a parameter is unknown, missing, repeated or malformed, or the format "
                 "does not fit the query",
            404: "no saved query of that name",
            422: "the answer has more than DKG_MAX_RESULTS rows or triples"}),
    },
    openapi_extra={"parameters": query_params(
        {"name": "format", "description": "the answer's format, instead of the Accept header "
         "(empty: by the Accept header)",
         "schema": {"type": "string", "enum": ["", *sorted(SHORT_NAMES)]}, "example": "csv"})},
)
def run_query(
    name: Annotated[str, Path(description="the saved query's name",
                              examples=["most-mentioned"])],
    request: Request, store: StoreDep,
) -> Response:
    """Run the saved query ``name``. Every query-string field other than ``format`` is a
    parameter (``?state=state:kz&since=2024``); missing ones take their defaults, and an
    empty value leaves an optional parameter unbound. The answer is negotiated like
    ``/sparql``: JSON by default, ``format=csv|tsv|xml|json`` (or ``turtle``… for CONSTRUCT)
    or the ``Accept`` header choose another."""
    query = get_saved_query(name)  # 404 problem when unknown
    fields = parse_qs(request.url.query, keep_blank_values=True)
    forced = fields.pop("format", [None])[0]
    params: dict[str, str] = {}
    for key, values in fields.items():
        if len(values) != 1:
            return problem(400, f"parameter {key!r} is given {len(values)} times; give it once",
                           "bad-query")
        params[key] = values[0]
    graph = query.form in ("CONSTRUCT", "DESCRIBE")
    if forced:
        short = SHORT_NAMES.get(forced.lower())
        if short is None or (short in RESULT_MEDIA) == graph:
            offers = GRAPH_MEDIA if graph else RESULT_MEDIA
            return problem(400, f"format {forced!r} does not fit a {query.form} query; use one "
                           f"of {', '.join(offers)}", "bad-request")
        chosen: str | None = short
    else:
        chosen = negotiate(request.headers.get("accept"), GRAPH_MEDIA if graph else RESULT_MEDIA,
                           "turtle" if graph else "json")
        if chosen is None:
            offers = GRAPH_MEDIA if graph else RESULT_MEDIA
            return problem(406, f"cannot answer in {request.headers.get('accept')}: this query's "
                           f"answer can be {', '.join(m[0] for m in offers.values())}",
                           "not-acceptable")
    result = run_saved(store, name, params,
                       result_format="json" if graph else chosen or "json",
                       graph_format=chosen if graph and chosen else "turtle")
    media_type = result.media_type
    if media_type.startswith("text/") or media_type.endswith(("+json", "+xml")):
        media_type += "; charset=utf-8"
    headers = {"Vary": "Accept"}
    if forced and chosen in ("csv", "tsv"):
        headers["Content-Disposition"] = f'attachment; filename="{name}.{chosen}"'
    return Response(result.body, media_type=media_type, headers=headers)


@router.post("/sparql/graph", response_class=HTMLResponse, include_in_schema=False)
async def sparql_graph(request: Request, store: StoreDep, settings: SettingsDep) -> Response:
    """A CONSTRUCT/DESCRIBE query (form field ``query`` or an application/sparql-query
    body) drawn as a network page."""
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    body = (await request.body()).decode("utf-8", errors="replace")
    if content_type == "application/sparql-query":
        query = body
    elif content_type == "application/x-www-form-urlencoded":
        query = (parse_qs(body).get("query") or [""])[0]
    else:
        return problem(415, "POST /sparql/graph takes a form with a 'query' field or an "
                       "application/sparql-query body", "unsupported-media-type")
    if not query.strip():
        return problem(400, "give a CONSTRUCT or DESCRIBE query in the 'query' field",
                       "bad-query")
    try:
        check_services(query, settings.service_allow)
        graph = construct_graph(store, query)
    except QueryError as e:
        return problem(400, str(e), "bad-query")
    page = render_network(graph, height="560px", inline_assets=False)
    return HTMLResponse(page, headers={"Cache-Control": "no-store"})
