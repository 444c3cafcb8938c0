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

from api.deps import get_store, require_token
from api.problems import problem
from graph.errors import StoreError
from graph.sparql import GRAPH_MEDIA, negotiate
from graph.store import DATASET_FORMATS, RDF_FORMATS, BadData

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


def _target(request: Request, direct: str | None) -> Target | Response:
    params = parse_qs(request.url.query, keep_blank_values=True)
    graphs, default = params.get("graph", []), "default" in params
    if direct is not None:
        if graphs or default:
            return problem(400, "a graph URL under /rdf-graphs/ names its graph itself: drop "
                           "?graph= and ?default", "bad-request")
        return str(request.url.replace(query="", fragment="")), False
    if len(graphs) > 1 or (graphs and default):
        return problem(400, "name one graph: ?graph=IRI or ?default", "bad-request")
    if graphs:
        iri = graphs[0]
        if ":" not in iri or any(c in iri for c in ' <>"{}|\\^`'):
            return problem(400, f"?graph= must be an absolute IRI, not {iri!r}", "bad-request")
        return iri, False
    if default:
        return None, False
    return None, True


@router.api_route("/rdf-graphs", methods=["GET", "HEAD"], summary="Read a graph",
                  description=_READ, response_model=None)
async def read(request: Request) -> Response:
    return await _read(request, None)


@router.api_route("/rdf-graphs/{path:path}", methods=["GET", "HEAD"],
                  summary="Read a graph (direct identification)", description=_READ,
                  response_model=None)
async def read_direct(request: Request, path: str) -> Response:
    return await _read(request, path)


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


@router.api_route("/rdf-graphs", methods=["PUT", "POST", "DELETE"], summary="Write a graph",
                  description=_WRITE, response_model=None, dependencies=[Depends(require_token)])
async def write(request: Request) -> Response:
    return await _write(request, None)


@router.api_route("/rdf-graphs/{path:path}", methods=["PUT", "POST", "DELETE"],
                  summary="Write a graph (direct identification)", description=_WRITE,
                  response_model=None, dependencies=[Depends(require_token)])
async def write_direct(request: Request, path: str) -> Response:
    return await _write(request, path)


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
