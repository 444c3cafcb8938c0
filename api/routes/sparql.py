"""The SPARQL 1.1 Protocol: the read-only query endpoint ``/sparql`` (queries run in
worker processes with a time limit and a result cap, see graph.query_runner) and
the update endpoint ``/sparql/update`` (write token only)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, Response

from api.conventions import (
    WRITE_ERRORS,
    no_content,
    ok,
    problems,
    query_params,
    text_body,
    write_token,
)
from api.deps import get_settings, get_store
from api.problems import problem
from graph.errors import QueryError, QueryTimeout, StoreError
from graph.query_runner import QueryRunner
from graph.sparql import (
    GRAPH_MEDIA,
    RESULT_MEDIA,
    SHORT_NAMES,
    check_loads,
    check_services,
    negotiate,
    query_form,
    with_protocol_dataset,
)
from graph.store import EmbeddedStore, ResultTooLarge


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Start the query workers once the store is open; stop them (and delete their
    snapshots) before it closes."""
    settings = app.state.settings
    runner = QueryRunner(app.state.store, timeout=settings.query_timeout,
                         max_results=settings.max_results, workers=settings.query_workers)
    app.state.query_runner = runner
    try:
        yield
    finally:
        await run_in_threadpool(runner.close)


router = APIRouter(tags=["sparql"], lifespan=lifespan)

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"
UPDATE = "application/sparql-update"

_DOC = """SPARQL 1.1 Protocol query endpoint (read-only).

The default graph is the union of all graphs unless `default-graph-uri` is given.
SELECT/ASK answer in JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE in Turtle, N-Triples,
RDF/XML, JSON-LD, N-Quads or TriG — chosen by the Accept header (or `format=`).
Updates are refused here; SERVICE calls only reach endpoints on the allow-list.
A query may run DKG_QUERY_TIMEOUT seconds (then 503) and return DKG_MAX_RESULTS rows
or triples (past that the whole answer is refused with 422: add LIMIT/OFFSET)."""

_UPDATE_DOC = """SPARQL 1.1 Update (POST only; needs `Authorization: Bearer <DKG_API_TOKEN>`).

The body is `application/sparql-update`, or a form with `update=`; `using-graph-uri` and
`using-named-graph-uri` set the dataset of the WHERE clauses. Each request is one
transaction. Unlike queries, an update's default graph is the store's real default
graph (not the union of all graphs). LOAD only fetches from DKG_SERVICE_ALLOW."""


_SELECT = "SELECT ?s ?label WHERE { ?s rdfs:label ?label } LIMIT 2"
_QUERIES = {
    "select": _SELECT,
    "ask": "ASK { ?s a ?type }",
    "construct": "CONSTRUCT { ?s rdfs:label ?label } WHERE { ?s rdfs:label ?label } LIMIT 3",
    "describe": "DESCRIBE <https://w3id.org/dkg/id/state/kz>",
}
_RESULTS_JSON = {"head": {"vars": ["s", "label"]}, "results": {"bindings": [
    {"s": {"type": "uri", "value": "https://w3id.org/dkg/id/state/kz"},
     "label": {"type": "literal", "value": "Kazakhstan", "xml:lang": "en"}}]}}
#: what a query can answer: SELECT/ASK results, CONSTRUCT/DESCRIBE graphs
ANSWERS = ok(
    "The answer: SELECT/ASK results or a CONSTRUCT/DESCRIBE graph, in the negotiated format",
    examples={"application/sparql-results+json": _RESULTS_JSON,
              "text/csv": "s,label\r\nhttps://w3id.org/dkg/id/state/kz,Kazakhstan\r\n",
              "text/turtle": "<https://w3id.org/dkg/id/state/kz> "
                             "<http://www.w3.org/2000/01/rdf-schema#label> \"Kazakhstan\"@en .\n"},
    media=[m for media in (*RESULT_MEDIA.values(), *GRAPH_MEDIA.values()) for m in media
           if m not in ("application/sparql-results+json", "text/csv", "text/turtle")],
    headers={"Vary": {"description": "Accept", "schema": {"type": "string"}}},
)
QUERY_ERRORS = problems(400, 406, 422, 503, why={
    400: "the query is malformed, an update, or names an unknown format or a SERVICE "
         "off the allow-list",
    422: "the answer has more than DKG_MAX_RESULTS rows or triples: add LIMIT/OFFSET"})
#: the protocol's parameters (read from the query string or the form body)
QUERY_PARAMS = query_params(
    {"name": "query", "description": "the SPARQL query", "schema": {"type": "string"},
     "examples": {name: {"value": text} for name, text in _QUERIES.items()}},
    {"name": "default-graph-uri",
     "description": "a graph of the default graph (repeat it for more)",
     "schema": {"type": "string"}},
    {"name": "named-graph-uri",
     "description": "a named graph of the dataset (repeat it for more)",
     "schema": {"type": "string"}},
    {"name": "format", "description": "the answer's format, instead of the Accept header "
     "(empty: by the Accept header)",
     "schema": {"type": "string", "enum": ["", *sorted(SHORT_NAMES)]}, "example": "csv"},
)
_FORM = {"type": "object", "properties": {
    "query": {"type": "string"}, "default-graph-uri": {"type": "string"},
    "named-graph-uri": {"type": "string"}, "format": {"type": "string"}}}


@router.get("/sparql", summary="SPARQL query (GET)", description=_DOC, response_model=None,
            response_class=Response,
            responses={200: {**ANSWERS, "content": {
                **ANSWERS["content"], "text/html": {
                    "example": "<!doctype html>...", "schema": {"type": "string"}}}},
                **QUERY_ERRORS},
            openapi_extra={"parameters": QUERY_PARAMS})
async def sparql_get(request: Request) -> Response:
    params = _multi(request.url.query)
    if "query" not in params and _wants_html(request):
        return HTMLResponse(request.app.state.templates.get_template("sparql.html").render(
            request=request))
    return await _answer(request, params, None)


@router.post("/sparql", summary="SPARQL query (POST)", description=_DOC, response_model=None,
            response_class=Response,
             responses={200: ANSWERS, **QUERY_ERRORS, **problems(415)},
             openapi_extra={"parameters": QUERY_PARAMS, "requestBody": text_body(
                 {DIRECT: _QUERIES["construct"]}, form=_FORM)})
async def sparql_post(request: Request) -> Response:
    content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
    body = await request.body()
    params = _multi(request.url.query)
    if content_type == FORM:
        charset_ok = "charset" not in (request.headers.get("content-type") or "").lower() or \
            "utf-8" in (request.headers.get("content-type") or "").lower()
        if not charset_ok:
            return problem(415, "form bodies must be UTF-8", "unsupported-media-type")
        form = _multi(body.decode("utf-8", errors="replace"))
        if "update" in form:
            return problem(
                400, "this endpoint is read-only: SPARQL Update goes to /sparql/update with "
                "the write token", "read-only")
        for key, values in form.items():
            params.setdefault(key, []).extend(values)
        return await _answer(request, params, None)
    if content_type == DIRECT:
        try:
            query = body.decode("utf-8")
        except UnicodeDecodeError:
            return problem(400, "the query body is not UTF-8", "bad-query")
        if "query" in params:
            return problem(400, "give the query either in the body or as ?query=, not both",
                           "bad-query")
        return await _answer(request, params, query)
    if content_type == UPDATE:
        return problem(400, "this endpoint is read-only: SPARQL Update goes to /sparql/update "
                       "with the write token", "read-only")
    return problem(
        415,
        f"POST /sparql takes {FORM} (query=...) or {DIRECT} (the query as the body), "
        f"not {content_type or 'a body without Content-Type'}",
        "unsupported-media-type",
    )


async def _answer(request: Request, params: dict[str, list[str]], direct: str | None
                  ) -> Response:
    settings = get_settings(request)
    if direct is None:
        queries = params.get("query", [])
        if "update" in params:
            return problem(400, "this endpoint is read-only: SPARQL Update goes to "
                           "/sparql/update with the write token", "read-only")
        if len(queries) != 1:
            return problem(
                400, "give exactly one query: ?query=SELECT... (GET or form POST) or a "
                f"{DIRECT} body" + (f"; got {len(queries)}" if queries else ""), "bad-query")
        query = queries[0]
    else:
        query = direct
    check_services(query, settings.service_allow)
    form = query_form(query)
    forced = params.get("format", [None])[0]
    accept = request.headers.get("accept")
    if forced:
        name = SHORT_NAMES.get(forced.lower())
        if name is None:
            return problem(400, f"unknown format {forced!r}; use one of "
                           f"{', '.join(sorted(SHORT_NAMES))}", "bad-request")
        result_format = name if name in RESULT_MEDIA else "json"
        graph_format = name if name in GRAPH_MEDIA else "turtle"
    else:
        result_format = negotiate(accept, RESULT_MEDIA, "json")
        graph_format = negotiate(accept, GRAPH_MEDIA, "turtle")
        if form in ("CONSTRUCT", "DESCRIBE") and graph_format is None:
            return _not_acceptable(accept, GRAPH_MEDIA)
        if form in ("SELECT", "ASK") and result_format is None:
            return _not_acceptable(accept, RESULT_MEDIA)
    default_graphs = params.get("default-graph-uri")
    named_graphs = params.get("named-graph-uri")
    runner: QueryRunner | None = getattr(request.app.state, "query_runner", None)
    if runner is None:  # the app runs without its lifespan (a bare TestClient): in-process
        runner = QueryRunner(get_store(request), timeout=settings.query_timeout,
                             max_results=settings.max_results, workers=0)
    try:
        result = await run_in_threadpool(
            runner.run,
            query,
            result_format=result_format or "json",
            graph_format=graph_format or "turtle",
            default_graphs=default_graphs,
            named_graphs=named_graphs,
            base_iri=str(request.url.replace(query="", fragment="")),
        )
    except QueryTimeout as e:
        return problem(503, str(e), "query-timeout",
                       headers={"Retry-After": str(int(settings.query_timeout))})
    except ResultTooLarge as e:
        return problem(422, str(e), "result-too-large", limit=settings.max_results)
    except QueryError as e:
        return problem(400, str(e), "bad-query")
    except StoreError as e:
        return problem(503, str(e), "store-unavailable")
    media_type = result.media_type
    if media_type.startswith("text/") or media_type.endswith(("+xml", "+json")) or \
            media_type in ("application/n-triples", "application/trig", "application/n-quads"):
        media_type += "; charset=utf-8"
    return Response(result.body, media_type=media_type, headers={"Vary": "Accept"})


def _not_acceptable(accept: str | None, offers: dict[str, tuple[str, ...]]) -> Response:
    media = ", ".join(m[0] for m in offers.values())
    return problem(406, f"cannot answer in {accept}: this query's answer can be {media}",
                   "not-acceptable")


def _wants_html(request: Request) -> bool:
    accept = request.headers.get("accept") or ""
    return "text/html" in accept


def _multi(query_string: str) -> dict[str, list[str]]:
    return parse_qs(query_string, keep_blank_values=True)


_INSERT = ("INSERT DATA { GRAPH <urn:dkg:curation> { <https://w3id.org/dkg/id/state/kz> "
           "<http://www.w3.org/2000/01/rdf-schema#comment> \"checked\" } }")


@router.post("/sparql/update", summary="SPARQL update", description=_UPDATE_DOC,
             response_model=None, response_class=Response, status_code=204,
             dependencies=[Depends(write_token)],
             responses={204: no_content("Done: the update is committed"),
                        **problems(400, *WRITE_ERRORS, 415, 503, why={
                            400: "the update is malformed or LOADs from a host off the "
                                 "allow-list"})},
             openapi_extra={
                 "parameters": query_params(
                     {"name": "using-graph-uri", "schema": {"type": "string"},
                      "description": "a graph of the WHERE clauses' default graph (repeat it "
                      "for more)"},
                     {"name": "using-named-graph-uri", "schema": {"type": "string"},
                      "description": "a named graph of the WHERE clauses' dataset (repeat it "
                      "for more)"}),
                 "requestBody": text_body({UPDATE: _INSERT}, form={
                     "type": "object", "properties": {
                         "update": {"type": "string"}, "using-graph-uri": {"type": "string"},
                         "using-named-graph-uri": {"type": "string"}}})})
async def sparql_update(request: Request) -> Response:
    raw_type = request.headers.get("content-type") or ""
    content_type = raw_type.split(";")[0].strip().lower()
    charset = raw_type.lower().partition("charset=")[2].split(";")[0].strip().strip('"')
    if charset and charset not in ("utf-8", "utf8"):
        return problem(415, f"updates must be UTF-8, not {charset}", "unsupported-media-type")
    body = await request.body()
    params = _multi(request.url.query)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return problem(400, "the update body is not UTF-8", "bad-update")
    if content_type == FORM:
        form = _multi(text)
        if "query" in form:
            return problem(400, "queries go to /sparql, not /sparql/update", "bad-update")
        for key, values in form.items():
            params.setdefault(key, []).extend(values)
        updates = params.get("update", [])
    elif content_type == UPDATE:
        if "update" in params:
            return problem(400, "give the update either in the body or as update=, not both",
                           "bad-update")
        updates = [text]
    else:
        return problem(
            415, f"POST /sparql/update takes {FORM} (update=...) or {UPDATE} (the update as "
            f"the body), not {content_type or 'a body without Content-Type'}",
            "unsupported-media-type")
    if len(updates) != 1:
        return problem(400, "give exactly one update" + (f"; got {len(updates)}" if updates
                                                           else ""), "bad-update")
    settings = get_settings(request)
    try:
        check_loads(updates[0], settings.service_allow)
        update = with_protocol_dataset(updates[0], params.get("using-graph-uri", []),
                                       params.get("using-named-graph-uri", []))
        store = get_store(request)
        if isinstance(store, EmbeddedStore):
            await run_in_threadpool(store.update, update,
                                    base_iri=str(request.url.replace(query="", fragment="")))
        else:  # a remote server resolves relative IRIs against its own base
            await run_in_threadpool(store.update, update)
    except QueryError as e:
        return problem(400, str(e), "bad-update")
    except StoreError as e:
        return problem(503, str(e), "store-unavailable")
    return Response(status_code=204)
