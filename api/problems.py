"""Every API error as application/problem+json (RFC 9457)."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import (
    ArticleError,
    DkgError,
    ExtractionError,
    NotFoundError,
    QueryError,
    QueryTimeout,
    StoreError,
)

log = logging.getLogger("dkg.api")

PROBLEM = "application/problem+json"
TYPE_BASE = "https://w3id.org/dkg/problems/"

#: status and problem type of each error class (most specific first)
STATUS: list[tuple[type[DkgError], int, str]] = [
    (NotFoundError, 404, "not-found"),
    (QueryTimeout, 503, "query-timeout"),
    (QueryError, 400, "bad-query"),
    (ArticleError, 422, "bad-article"),
    (ExtractionError, 500, "extraction-failed"),
    (StoreError, 503, "store-unavailable"),
    (DkgError, 400, "bad-request"),
]

TITLES = {
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 406: "Not Acceptable", 413: "Content Too Large",
    415: "Unsupported Media Type", 422: "Unprocessable Content", 500: "Internal Server Error",
    503: "Service Unavailable",
}


def problem(
    status: int, detail: str, type_: str | None = None, headers: dict | None = None, **extra
) -> JSONResponse:
    body = {
        "type": TYPE_BASE + type_ if type_ else "about:blank",
        "title": TITLES.get(status, "Error"),
        "status": status,
        "detail": detail,
        **extra,
    }
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


def install(app: FastAPI) -> None:
    @app.exception_handler(DkgError)
    async def dkg_error(request: Request, exc: DkgError) -> JSONResponse:
        for cls, status, type_ in STATUS:
            if isinstance(exc, cls):
                return problem(status, str(exc), type_)
        return problem(400, str(exc), "bad-request")  # pragma: no cover

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        return problem(exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return problem(500, f"dkg failed unexpectedly ({type(exc).__name__}); the server log "
                       "has the details — please report it", "internal-error")

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(x) for x in e.get("loc", ())], "msg": e.get("msg", "")}
            for e in exc.errors()
        ]
        detail = "; ".join(f"{'.'.join(e['loc'])}: {e['msg']}" for e in errors)
        return problem(422, detail or "invalid request", "invalid-request", errors=errors)
