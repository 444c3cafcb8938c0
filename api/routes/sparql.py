"""The SPARQL 1.1 Protocol query endpoint: read-only, content-negotiated."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import get_settings, get_store
from api.problems import problem
from graph.errors import QueryError
from graph.sparql import GRAPH_MEDIA, RESULT_MEDIA, SHORT_NAMES, check_services, negotiate, query_form

router = APIRouter(tags=["sparql"])

FORM = "application/x-www-form-urlencoded"
DIRECT = "application/sparql-query"

_DOC = """SPARQL 1.1 Protocol query endpoint (read-only).

The default graph is the union of all graphs unless `default-graph-uri` is given.
SELECT/ASK answer in JSON, XML, CSV or TSV; CONSTRUCT/DESCRIBE in Turtle, N-Triples,
RDF/XML, JSON-LD, N-Quads or TriG — chosen by the Accept header (or `format=`).
Updates are refused here; SERVICE calls only reach endpoints on the allow-list."""


@router.get("/sparql", summary="SPARQL query (GET)", description=_DOC, response_model=None)
async def sparql_get(request: Request) -> Response:
    params = _multi(request.url.query)
    if "query" not in params and _wants_html(request):
        return HTMLResponse(request.app.state.templates.get_template("sparql.html").render(
            request=request))
    return _answer(request, params, None)


@router.post("/sparql", summary="SPARQL query (POST)", description=_DOC, response_model=None)
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
        return _answer(request, params, None)
    if content_type == DIRECT:
        try:
            query = body.decode("utf-8")
        except UnicodeDecodeError:
            return problem(400, "the query body is not UTF-8", "bad-query")
        if "query" in params:
            return problem(400, "give the query either in the body or as ?query=, not both",
                           "bad-query")
        return _answer(request, params, query)
    if content_type == "application/sparql-update":
        return problem(400, "this endpoint is read-only: SPARQL Update goes to /sparql/update "
                       "with the write token", "read-only")
    return problem(
        415,
        f"POST /sparql takes {FORM} (query=...) or {DIRECT} (the query as the body), "
        f"not {content_type or 'a body without Content-Type'}",
        "unsupported-media-type",
    )


def _answer(request: Request, params: dict[str, list[str]], direct: str | None) -> Response:
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
    store = get_store(request)
    try:
        result = store.sparql(
            query,
            result_format=result_format or "json",
            graph_format=graph_format or "turtle",
            default_graphs=default_graphs,
            named_graphs=named_graphs,
            base_iri=str(request.url.replace(query="", fragment="")),
        )
    except QueryError as e:
        return problem(400, str(e), "bad-query")
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
