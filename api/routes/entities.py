"""Entities: search, cards, related entities."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from api.deps import get_store
from graph.entities import EntityCard, EntityHit, entity_card, search_entities
from graph.models import EntityType
from graph.related import METHODS, Related, related_entities
from graph.store import Store

router = APIRouter(prefix="/api/entities", tags=["entities"])

StoreDep = Annotated[Store, Depends(get_store)]


@router.get("", response_model=list[EntityHit], summary="Search entities by any label")
def search(
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="a name in any language",
                            examples=["Ашықбаев"])],
    type: Annotated[EntityType | None, Query(description="entity type")] = None,
    lang: Annotated[str | None, Query(pattern="^(kk|ru|en)$", description="label language")] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[EntityHit]:
    return search_entities(store, q, type=type, lang=lang, limit=limit)


@router.get("/{kind}/{slug}", response_model=EntityCard, summary="An entity card")
def card(kind: str, slug: str, store: StoreDep) -> EntityCard:
    """Labels in every language, types, facts with their evidence, and articles."""
    return entity_card(store, f"{kind}/{slug}")


@router.get("/{kind}/{slug}/related", response_model=list[Related],
            summary="Related entities, ranked, with reasons")
def related(
    kind: str,
    slug: str,
    store: StoreDep,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    types: Annotated[str | None, Query(description="comma-separated entity types")] = None,
    method: Annotated[str | None, Query(description="comma-separated: " + ", ".join(METHODS))]
    = None,
) -> list[Related]:
    wanted = {t.strip() for t in types.split(",")} if types else None
    methods = tuple(m.strip() for m in method.split(",")) if method else METHODS
    unknown = [m for m in methods if m not in METHODS]
    if unknown:
        from graph.errors import DkgError

        raise DkgError(f"unknown method {unknown[0]!r}; use one of {', '.join(METHODS)}")
    return related_entities(store, f"{kind}/{slug}", limit=limit, types=wanted, methods=methods)
