"""The SPARQL 1.1 Graph Store HTTP Protocol at ``/rdf-graphs``.

- ``/rdf-graphs?graph=IRI`` names a graph (indirect identification);
  ``/rdf-graphs/<path>`` names the graph whose IRI is that URL (direct identification);
- ``/rdf-graphs?default`` is the store's **real default graph** — not the union of
  all graphs that ``/sparql`` queries see by default. dkg keeps its own data in
  named graphs, so the default graph is empty unless a curator writes to it;
- GET/HEAD are reads (no token); PUT/POST/DELETE need the write token;
- ``POST /rdf-graphs`` with a graph format creates a new graph and answers 201 with
  its IRI in ``Location``; with N-Quads or TriG it adds the graphs the data names;
- ``GET /rdf-graphs`` with neither parameter returns the whole dataset (TriG/N-Quads).

Each write is one transaction.
"""

from __future__ import annotations

import uuid
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from api.conventions import (
    WRITE_ERRORS,
    no_content,
    ok,
    problems,
    query_params,
    text_body,
    write_token,
)
from api.deps import get_store
from api.problems import problem
from graph.errors import StoreError
from graph.sparql import GRAPH_MEDIA, negotiate
from graph.store import DATASET_FORMATS, RDF_FORMATS, BadData, is_iri

router = APIRouter(tags=["graph store"])

#: formats one graph is read and written in
TRIPLE_MEDIA = {k: v for k, v in GRAPH_MEDIA.items() if k not in DATASET_FORMATS}
TRIPLE_MEDIA["jsonld"] = GRAPH_MEDIA["jsonld"]
DATASET_MEDIA = {k: GRAPH_MEDIA[k] for k in ("trig", "nquads")}
#: request media type -> format name
BODY_FORMATS = {m: name for name, media in GRAPH_MEDIA.items() for m in media}

_DOC = __doc__
_READ = "Read a graph (Turtle, N-Triples, RDF/XML or JSON-LD, by Accept)."
_WRITE = "Needs `Authorization: Bearer <DKG_API_TOKEN>`. One transaction per request."

Target = tuple[str | None, bool]  # (graph IRI or None for the default graph, whole dataset?)


def _bad_iri(iri: str) -> bool:
    """Whether ``iri`` is no IRI the store can name a graph with."""
    return any(c in ' <>"{}|\\^`' for c in iri) or not is_iri(iri)


def _target(request: Request, direct: str | None) -> Target | Response:
    params = parse_qs(request.url.query, keep_blank_values=True)
    graphs, default = params.get("graph", []), "default" in params
    if direct is not None:
        if graphs or default:
            return problem(400, "a graph URL under /rdf-graphs/ names its graph itself: drop "
                           "?graph= and ?default", "bad-request")
        iri = str(request.url.replace(query="", fragment=""))
        if _bad_iri(iri):
            return problem(400, f"the graph URL {iri!r} is not a valid IRI", "bad-request")
        return iri, False
    if len(graphs) > 1 or (graphs and default):
        return problem(400, "name one graph: ?graph=IRI or ?default", "bad-request")
    if graphs:
        iri = graphs[0]
        if ":" not in iri or _bad_iri(iri):
            return problem(400, f"?graph= must be an absolute IRI, not {iri!r}", "bad-request")
        return iri, False
    if default:
        return None, False
    return None, True


_TURTLE = ("<https://w3id.org/dkg/id/state/kz> <http://www.w3.org/2000/01/rdf-schema#label> "
           "\"Kazakhstan\"@en .\n")
_TRIG = "<urn:dkg:curation> {\n  " + _TURTLE + "}\n"
_VARY = {"Vary": {"description": "Accept", "schema": {"type": "string"}}}
_GRAPH_PARAMS = query_params(
    {"name": "graph", "description": "the IRI of the graph (indirect identification)",
     "schema": {"type": "string"}, "example": "urn:dkg:curation"},
    {"name": "default", "description": "present (its value is ignored; usually `?default` "
     "alone): the store's real default graph", "schema": {"type": "string"}, "example": ""},
)
_GRAPH_MEDIA_TYPES = [m for media in TRIPLE_MEDIA.values() for m in media]
_DATASET_MEDIA_TYPES = [m for media in DATASET_MEDIA.values() for m in media]


def _read_responses(direct: bool, head: bool) -> dict:
    if head:
        ok_ = no_content("The graph exists: its headers, no body",
                         {"Content-Length": {"schema": {"type": "integer"}}, **_VARY})
        return {200: ok_, 404: no_content("No such graph"), **problems(400, 406)}
    media = _GRAPH_MEDIA_TYPES if direct else [*_GRAPH_MEDIA_TYPES, *_DATASET_MEDIA_TYPES]
    return {200: ok("The graph (or, with neither `graph` nor `default`, the whole dataset) "
                    "in the negotiated format",
                    examples={"text/turtle": _TURTLE, **({} if direct else {
                        "application/trig": _TRIG})},
                    media=[m for m in media if m not in ("text/turtle", "application/trig")],
                    headers=_VARY),
            **problems(400, 404, 406, why={404: "no such graph"})}


def _write_responses() -> dict:
    return {201: no_content("Created: a new graph (its IRI in Location on POST /rdf-graphs)",
                            {"Location": {"schema": {"type": "string"}}}),
            204: no_content("Done"),
            **problems(400, *WRITE_ERRORS, 404, 415, 503, why={
                400: "bad RDF, a bad graph IRI, or a write that needs a graph",
                404: "DELETE of a graph that does not exist"})}


def _write_body(post: bool) -> dict:
    body = text_body({"text/turtle": _TURTLE, "application/trig": _TRIG, **{
        m: "" for m in (*_GRAPH_MEDIA_TYPES, *_DATASET_MEDIA_TYPES)
        if m not in ("text/turtle", "application/trig")}})
    for entry in body["content"].values():
        if entry.get("example") == "":
            del entry["example"]
    # JSON-LD is JSON: whatever the JSON-LD parser takes (an object or an array)
    body["content"]["application/ld+json"] = {"schema": {}, "example": {
        "@id": "https://w3id.org/dkg/id/state/kz",
        "http://www.w3.org/2000/01/rdf-schema#label": {"@value": "Kazakhstan",
                                                         "@language": "en"}}}
    if post:
        body["content"]["multipart/form-data"] = {"schema": {
            "type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}}
    return body


async def read(request: Request) -> Response:
    return await _read(request, None)


async def read_direct(request: Request, path: str) -> Response:
    return await _read(request, path)


async def write(request: Request) -> Response:
    return await _write(request, None)


async def write_direct(request: Request, path: str) -> Response:
    return await _write(request, path)


_COMMON = {"response_model": None, "response_class": Response}
for _method in ("GET", "HEAD"):
    _m = _method.lower()
    router.add_api_route(
        "/rdf-graphs", read, methods=[_method], summary="Read a graph", description=_READ,
        operation_id=f"read_rdf_graphs_{_m}", **_COMMON,
        responses=_read_responses(False, _method == "HEAD"),
        openapi_extra={"parameters": _GRAPH_PARAMS})
    router.add_api_route(
        "/rdf-graphs/{path:path}", read_direct, methods=[_method],
        summary="Read a graph (direct identification)", description=_READ,
        operation_id=f"read_direct_rdf_graphs_{_m}", **_COMMON,
        responses={**_read_responses(True, _method == "HEAD"), **problems(422)})
for _method in ("PUT", "POST", "DELETE"):
    _m = _method.lower()
    _extra = {} if _method == "DELETE" else {"requestBody": _write_body(_method == "POST")}
    router.add_api_route(
        "/rdf-graphs", write, methods=[_method], summary=f"Write a graph ({_method})",
        description=_WRITE, operation_id=f"write_rdf_graphs_{_m}", **_COMMON,
        status_code=204, dependencies=[Depends(write_token)], responses=_write_responses(),
        openapi_extra={"parameters": _GRAPH_PARAMS, **_extra})
    router.add_api_route(
        "/rdf-graphs/{path:path}", write_direct, methods=[_method],
        summary=f"Write a graph ({_method}, direct identification)", description=_WRITE,
        operation_id=f"write_direct_rdf_graphs_{_m}", **_COMMON, status_code=204,
        dependencies=[Depends(write_token)],
        responses={**_write_responses(), **problems(422)}, openapi_extra=_extra)


async def _read(request: Request, direct: str | None) -> Response:
    target = _target(request, direct)
    if isinstance(target, Response):
        return target
    graph, dataset = target
    accept = request.headers.get("accept")
    offers = DATASET_MEDIA if dataset else TRIPLE_MEDIA
    name = negotiate(accept, offers, "trig" if dataset else "turtle")
    if name is None:
        media = ", ".join(m[0] for m in offers.values())
        return problem(406, f"cannot answer in {accept}: a graph can be {media}",
                       "not-acceptable")
    store = get_store(request)
    if dataset:
        body: bytes | None = await run_in_threadpool(store.export, name)
    else:
        body = await run_in_threadpool(store.read_graph, graph, name)
    if body is None:
        if request.method == "HEAD":
            return Response(status_code=404)
        return problem(404, f"there is no graph <{graph}> in the store", "not-found")
    media_type = RDF_FORMATS[name][1] + "; charset=utf-8"
    if request.method == "HEAD":
        return Response(status_code=200, media_type=media_type,
                        headers={"Content-Length": str(len(body)), "Vary": "Accept"})
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})


async def _write(request: Request, direct: str | None) -> Response:
    target = _target(request, direct)
    if isinstance(target, Response):
        return target
    graph, dataset = target
    store = get_store(request)
    base = str(request.url.replace(query="", fragment=""))
    if request.method == "DELETE":
        if dataset:
            return problem(400, "DELETE needs ?graph=IRI or ?default (dkg does not drop the "
                           "whole store over HTTP)", "bad-request")
        existed = await run_in_threadpool(store.delete_graph, graph)
        if not existed:
            return problem(404, f"there is no graph <{graph}> in the store", "not-found")
        return Response(status_code=204)
    payloads = await _payloads(request)
    if isinstance(payloads, Response):
        return payloads
    dataset_formats = [fmt for _, fmt in payloads if fmt in DATASET_FORMATS - {"jsonld"}]
    try:
        if dataset:
            if request.method == "PUT":
                return problem(400, "PUT needs ?graph=IRI or ?default", "bad-request")
            if dataset_formats:  # N-Quads / TriG: add the graphs the data names
                for data, fmt in payloads:
                    await run_in_threadpool(store.load, data, fmt, None)
                return Response(status_code=204)
            # a new graph, named by the server
            graph = str(request.url.replace(query="", fragment="")).rstrip("/") + \
                "/" + uuid.uuid4().hex
            await run_in_threadpool(store.put_graph, graph, payloads, graph)
            return Response(status_code=201, headers={"Location": graph})
        if dataset_formats:
            return problem(415, f"a graph is sent as Turtle, N-Triples, RDF/XML or JSON-LD, "
                           f"not {dataset_formats[0]} (POST a dataset to /rdf-graphs itself)",
                           "unsupported-media-type")
        method = store.put_graph if request.method == "PUT" else store.post_graph
        created = await run_in_threadpool(method, graph, payloads, base)
    except BadData as e:
        return problem(400, str(e), "bad-rdf")
    except StoreError as e:
        return problem(503, str(e), "store-unavailable")
    return Response(status_code=201 if created else 204)


async def _payloads(request: Request) -> list[tuple[bytes, str]] | Response:
    """The RDF documents of a PUT/POST body, with their format names."""
    raw_type = request.headers.get("content-type") or ""
    content_type = raw_type.split(";")[0].strip().lower()
    if content_type == "multipart/form-data" and request.method == "POST":
        form = await request.form()
        out = []
        for _, part in form.multi_items():
            if isinstance(part, str):
                continue
            part_type = (part.content_type or "").split(";")[0].strip().lower()
            fmt = BODY_FORMATS.get(part_type)
            if fmt is None:
                return _unsupported(part_type or "a part without Content-Type")
            out.append((await part.read(), fmt))
        return out
    fmt = BODY_FORMATS.get(content_type)
    if fmt is None:
        return _unsupported(content_type or "a body without Content-Type")
    return [(await request.body(), fmt)]


def _unsupported(what: str) -> Response:
    media = ", ".join(m[0] for m in GRAPH_MEDIA.values())
    return problem(415, f"the graph store takes {media} (or multipart/form-data of those on "
                   f"POST), not {what}", "unsupported-media-type")
