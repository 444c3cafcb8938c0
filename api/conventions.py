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
from typing import Any, TypeVar

from fastapi import Request, Response
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict

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
    400: "a parameter the server cannot use (an unknown method, a bad cursor)",
    404: "no such entity",
    406: "no acceptable representation",
    422: "a parameter fails validation (out of range, wrong pattern)",
}


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for error codes, each an application/problem+json body."""
    return {
        code: {
            "description": f"Problem: {_WHY.get(code, 'error')}",
            "content": {PROBLEM_MEDIA: {"schema": _PROBLEM_SCHEMA, "example": {
                "type": "https://w3id.org/dkg/problems/not-found", "title": "Not Found",
                "status": 404, "detail": "no entity 'official/nobody' in the store: search "
                "with /api/entities?q=NAME"} if code == 404 else {
                "type": "https://w3id.org/dkg/problems/invalid-request",
                "title": "Unprocessable Content", "status": code,
                "detail": "query.limit: Input should be greater than or equal to 1"}}},
        }
        for code in codes
    }


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
