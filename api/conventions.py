"""The JSON API's conventions, in one place: pages, ETags, documented problems.

- Lists are JSON arrays; the next page is in ``Link: <...>; rel="next"`` and
  ``X-Next-Cursor`` (an opaque cursor: base64 of the last item's sort key).
- Entity resources carry an ``ETag`` made of the store version and the
  request; ``If-None-Match`` with it answers ``304 Not Modified``.
- Every error is ``application/problem+json``; :func:`problems` documents it
  in the OpenAPI document so that clients (and schemathesis) can rely on it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict

from api.deps import require_token
from graph import page, store_version
from graph.store import Store

T = TypeVar("T")

PROBLEM_MEDIA = "application/problem+json"


class Problem(BaseModel):
    """An error (RFC 9457)."""

    model_config = ConfigDict(extra="allow")
    type: str
    title: str
    status: int
    detail: str


_PROBLEM_SCHEMA = {
    "type": "object",
    "required": ["type", "title", "status", "detail"],
    "properties": {
        "type": {"type": "string"}, "title": {"type": "string"},
        "status": {"type": "integer"}, "detail": {"type": "string"},
        "errors": {"type": "array", "items": {"type": "object"}},
    },
}
_WHY = {
    400: "a parameter the server cannot use (an unknown method, a bad cursor, a malformed "
         "query or RDF body)",
    401: "the write token is missing or wrong",
    403: "writes are disabled (the server has no DKG_API_TOKEN)",
    404: "no such entity, article, graph or saved query",
    406: "no acceptable representation",
    415: "a request body in a media type the endpoint does not take",
    422: "a parameter fails validation (out of range, wrong pattern)",
    503: "a query timed out or the store is unavailable",
}
_PROBLEM_EXAMPLES = {
    401: ("unauthorized", "Unauthorized", "this endpoint needs the write token: send "
          "'Authorization: Bearer <DKG_API_TOKEN>'"),
    403: ("forbidden", "Forbidden", "writes are disabled: start the server with the setting "
          "DKG_API_TOKEN to allow them"),
    404: ("not-found", "Not Found", "no entity 'official/nobody' in the store: search with "
          "/api/entities?q=NAME"),
    406: ("not-acceptable", "Not Acceptable", "cannot answer in image/png: this query's answer "
          "can be application/sparql-results+json, text/csv"),
    415: ("unsupported-media-type", "Unsupported Media Type", "POST /sparql takes "
          "application/x-www-form-urlencoded (query=...) or application/sparql-query"),
    503: ("query-timeout", "Service Unavailable", "the query ran longer than 10 s"),
}


def _problem_example(code: int) -> dict[str, Any]:
    type_, title, detail = _PROBLEM_EXAMPLES.get(code, (
        "invalid-request" if code == 422 else "bad-request",
        "Unprocessable Content" if code == 422 else "Bad Request",
        "query.limit: Input should be greater than or equal to 1" if code == 422 else
        "cursor 'abc' is not one this server handed out"))
    return {"type": "https://w3id.org/dkg/problems/" + type_, "title": title, "status": code,
            "detail": detail}


def problems(*codes: int, why: dict[int, str] | None = None) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for error codes, each an application/problem+json body
    (``why`` overrides the description of some codes)."""
    return {
        code: {
            "description": f"Problem: {(why or {}).get(code) or _WHY.get(code, 'error')}",
            "content": {PROBLEM_MEDIA: {"schema": _PROBLEM_SCHEMA,
                                        "example": _problem_example(code)}},
        }
        for code in codes
    }


def ok(description: str = "OK", *, examples: dict[str, Any] | None = None,
       schemas: dict[str, dict[str, Any]] | None = None, media: Sequence[str] = (),
       headers: dict[str, Any] | None = None) -> dict[str, Any]:
    """An OpenAPI success response: each media type with its example and schema
    (``media`` adds types with neither)."""
    content: dict[str, Any] = {}
    for name in (*(examples or {}), *(schemas or {}), *media):
        entry = content.setdefault(name, {})
        if examples and name in examples:
            entry["example"] = examples[name]
        if schemas and name in schemas:
            entry["schema"] = schemas[name]
    out: dict[str, Any] = {"description": description, "content": content}
    if headers:
        out["headers"] = headers
    return out


def no_content(description: str, headers: dict[str, Any] | None = None) -> dict[str, Any]:
    """A response without a body (204, 201 with Location, HEAD answers)."""
    out: dict[str, Any] = {"description": description}
    if headers:
        out["headers"] = headers
    return out


def query_params(*params: dict[str, Any]) -> list[dict[str, Any]]:
    """OpenAPI parameters of a route that reads its query string itself."""
    return [{"in": "query", "required": False, **p} for p in params]


def text_body(examples: dict[str, str], *, form: dict[str, Any] | None = None,
              required: bool = True) -> dict[str, Any]:
    """An OpenAPI ``requestBody`` of plain-text media types (SPARQL, RDF), each with an
    example; ``form`` adds an application/x-www-form-urlencoded variant with that schema."""
    content: dict[str, Any] = {m: {"schema": {"type": "string"}, "example": x}
                               for m, x in examples.items()}
    if form:
        content["application/x-www-form-urlencoded"] = {"schema": form}
    return {"required": required, "content": content}


#: the write token, as an OpenAPI security scheme (checked by :func:`write_token`)
_BEARER = HTTPBearer(auto_error=False, scheme_name="writeToken",
                     description="the server's DKG_API_TOKEN")


def write_token(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_BEARER)],
) -> None:
    """Writes need ``Authorization: Bearer <DKG_API_TOKEN>`` (401 without, 403 when
    the server has no token); documented as the ``writeToken`` security scheme."""
    require_token(request, request.headers.get("authorization"))


WRITE_ERRORS = (401, 403)


LIST_HEADERS = {
    "Link": {"description": 'the next page: `<URL>; rel="next"` (absent on the last page)',
             "schema": {"type": "string"}},
    "X-Next-Cursor": {"description": "the cursor of the next page (absent on the last page)",
                      "schema": {"type": "string"}},
}


def paginate(
    request: Request, response: Response, items: Sequence[T], key: Callable[[T], Any],
    limit: int, cursor: str | None,
) -> list[T]:
    """One page of ``items``; the next page's address goes into the response headers."""
    chunk, nxt = page(items, key, limit=limit, cursor=cursor)
    if nxt:
        url = request.url.include_query_params(cursor=nxt)
        response.headers["Link"] = f'<{url}>; rel="next"'
        response.headers["X-Next-Cursor"] = nxt
    return chunk


def etag_for(store: Store, request: Request, variant: str = "json") -> str:
    """A strong ETag for this request's answer from this version of the store."""
    raw = f"{store_version(store)}|{request.url.path}|{request.url.query}|{variant}"
    return '"' + hashlib.sha1(raw.encode()).hexdigest()[:20] + '"'


def not_modified(request: Request, etag: str) -> Response | None:
    """A 304 when the client's ``If-None-Match`` names this ETag."""
    given = request.headers.get("if-none-match")
    if not given:
        return None
    tags = {t.strip().removeprefix("W/") for t in given.split(",")}
    if etag in tags or "*" in tags:
        return Response(status_code=304, headers={"ETag": etag, "Vary": "Accept"})
    return None


def tagged_json(
    store: Store, request: Request, build: Callable[[], Any], *,
    media_type: str = "application/json", variant: str = "json",
) -> Response:
    """An entity resource with its ETag, or 304 when the client already has it."""
    etag = etag_for(store, request, variant)
    cached = not_modified(request, etag)
    if cached is not None:
        return cached
    return JSONResponse(jsonable_encoder(build()), media_type=media_type,
                        headers={"ETag": etag, "Vary": "Accept",
                                 "Cache-Control": "no-cache"})


ETAG_HEADERS = {"ETag": {"description": "the version of this answer; send it back in "
                         "If-None-Match to get 304 when nothing changed",
                         "schema": {"type": "string"}}}
NOT_MODIFIED = {304: {"description": "Not Modified: the ETag in If-None-Match is current"}}
