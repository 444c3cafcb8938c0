"""Which store the settings name: the embedded one, or a remote SPARQL endpoint."""

from __future__ import annotations

from graph.config import Settings
from graph.store import EmbeddedStore, Store


def open_store(settings: Settings) -> Store:
    """The remote store when ``DKG_ENDPOINT`` is set, else the embedded store at ``DKG_STORE``."""
    if settings.endpoint:
        from graph.remote_store import RemoteStore

        headers = {"Authorization": f"Bearer {settings.api_token}"} if settings.api_token else {}
        return RemoteStore(settings.endpoint, settings.update_endpoint, headers=headers,
                           timeout=settings.query_timeout + 5)
    return EmbeddedStore(settings.store)
