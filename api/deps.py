"""Shared request dependencies: the store, the settings, the write token."""

from __future__ import annotations

import hmac

from fastapi import Header, HTTPException, Request

from graph.config import Settings
from graph.store import Store


def get_store(request: Request) -> Store:
    return request.app.state.store


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def require_token(request: Request, authorization: str | None = Header(None)) -> None:
    """Writes need ``Authorization: Bearer <DKG_API_TOKEN>``; with no token set, writes are off."""
    token = request.app.state.settings.api_token
    if not token:
        raise HTTPException(
            403,
            "writes are disabled: start the server with the setting DKG_API_TOKEN to allow them",
        )
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), token):
        raise HTTPException(
            401,
            "this endpoint needs the write token: send 'Authorization: Bearer <DKG_API_TOKEN>'",
            headers={"WWW-Authenticate": 'Bearer realm="dkg"'},
        )
