"""Entities: search, cards (JSON or JSON-LD, with ETags), related entities, timelines."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request, Response

from api.conventions import (
    ETAG_HEADERS,
    LIST_HEADERS,
    NOT_MODIFIED,
    paginate,
    problems,
    tagged_json,
)
from api.deps import get_store
from graph import (
    ENTITY_TYPES,
    METHODS,
    Action,
    DkgError,
    EntityCard,
    EntityHit,
    EntityType,
    Related,
    Store,
    action_sort_key,
    entity_card,
    entity_jsonld,
    entity_timeline,
    related_entities,
    search_entities,
)

router = APIRouter(prefix="/api/entities", tags=["entities"])

StoreDep = Annotated[Store, Depends(get_store)]
DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
JSONLD = "application/ld+json"
_TYPE = "(" + "|".join(ENTITY_TYPES) + ")"
_METHOD = "(" + "|".join(METHODS) + ")"

Kind = Annotated[str, Path(description="the entity's type, lower case (the id's first part)",
                           examples=["official"])]
Slug = Annotated[str, Path(description="the entity's name part (the id's second part)",
                           examples=["yerzhan-ashikbayev"])]
Limit = Annotated[int, Query(ge=1, le=200, description="most items on one page",
                             examples=[20])]
Cursor = Annotated[str | None, Query(
    max_length=1000, description="the page after this cursor: copy it from the previous "
    "page's `Link` or `X-Next-Cursor` header", examples=["WyJzdGF0ZS9reiJd"])]
Since = Annotated[str | None, Query(
    pattern=DATE, description="only facts, events and articles dated on or after this "
    "(YYYY, YYYY-MM or YYYY-MM-DD)", examples=["2026-01-01"])]
Until = Annotated[str | None, Query(
    pattern=DATE, description="only facts, events and articles dated on or before this",
    examples=["2026-12-31"])]

HIT_EXAMPLE = [{"id": "official/yerzhan-ashikbayev",
                "iri": "https://w3id.org/dkg/id/official/yerzhan-ashikbayev",
                "type": "Official", "label": "Yerzhan Ashikbayev", "matched": "Ашикбаев",
                "lang": "ru", "score": 4.5}]
RELATED_EXAMPLE = [{
    "id": "state/kz", "label": "Kazakhstan", "type": "State", "score": 8.25,
    "scores": {"direct": 6.0, "comention": 0.25, "pagerank": 2.0},
    "reasons": [{
        "method": "direct", "text": "represents → Kazakhstan (1 fact)",
        "evidence": "Қазақстан Республикасы Сыртқы істер министрінің бірінші орынбасары "
                    "Ержан Ашықбаев ...",
        "article": "https://w3id.org/dkg/id/article/3f2a9c", "via": None, "score": 3.0,
        "count": 1, "events": [], "path": ["official/yerzhan-ashikbayev", "state/kz"],
        "evidences": [{"text": "Қазақстан Республикасы ...", "article":
                       "https://w3id.org/dkg/id/article/3f2a9c",
                       "article_title": "Қазақстан БҰҰ алаңдарында", "date": "2026-02-27"}],
        "articles": [],
    }],
}]
TIMELINE_EXAMPLE = [{
    "date": "2025-09-23", "predicate": "participatedIn", "direction": "out",
    "other": {"id": "event/80th-session-of-the-un-general-assembly",
              "label": "80th session of the UN General Assembly", "type": "Event"},
    "event": "event/80th-session-of-the-un-general-assembly",
    "evidence": "New York, 23 September 2025 – President Tokayev ...",
    "article": "https://w3id.org/dkg/id/article/9b1e", "article_title": "Tokayev at UNGA80",
}]
JSONLD_EXAMPLE = {
    "@context": {"schema": "https://schema.org/", "name": {"@id": "schema:name",
                                                          "@container": "@language"}},
    "@id": "https://w3id.org/dkg/id/state/kz", "@type": ["schema:Country", "dkg:State"],
    "name": {"en": "Kazakhstan", "kk": "Қазақстан", "ru": "Казахстан"},
    "sameAs": "http://www.wikidata.org/entity/Q232",
}


def _ok(example: object, headers: dict | None = None) -> dict:
    out: dict = {"description": "OK", "content": {"application/json": {"example": example}}}
    if headers:
        out["headers"] = headers
    return out


@router.get(
    "", response_model=list[EntityHit], summary="Search entities by any name",
    description="Entities whose labels match the query in any language (kk, ru, en), "
    "spelling (Ашикбаев, Ашықбаев, Ashikbayev), inflection (Казахстана, Ашықбаевтың), "
    "abbreviation (ООН, БҰҰ) or with a typo (Tokaev, Guteres). Best first: whole label, "
    "every word, word beginnings, inflected words, typos.",
    responses={200: _ok(HIT_EXAMPLE, LIST_HEADERS), **problems(400, 422)},
)
def search(
    request: Request,
    response: Response,
    store: StoreDep,
    q: Annotated[str, Query(min_length=1, max_length=200, description="a name in any language",
                            examples=["Ашықбаев", "Tokaev", "Казахстана", "ООН"])],
    type: Annotated[EntityType | None, Query(description="entity type",
                                             examples=["Official"])] = None,
    lang: Annotated[str | None, Query(pattern="^(kk|ru|en)$", description="label language",
                                      examples=["kk"])] = None,
    limit: Limit = 20,
    cursor: Cursor = None,
) -> list[EntityHit]:
    hits = search_entities(store, q, type=type, lang=lang, limit=1000)
    return paginate(request, response, hits, lambda h: (-h.score, h.label, h.id), limit, cursor)


@router.get(
    "/{kind}/{slug}", response_model=EntityCard, summary="An entity card (JSON or JSON-LD)",
    description="Labels in every language, types, facts with their evidence, and articles. "
    "With `Accept: application/ld+json`, the entity as JSON-LD with schema.org terms. "
    "Carries an `ETag`: send it back in `If-None-Match` to get `304` while nothing changed.",
    responses={200: {"description": "OK", "headers": ETAG_HEADERS, "content": {
        JSONLD: {"schema": {"type": "object"}, "example": JSONLD_EXAMPLE}}},
        **NOT_MODIFIED, **problems(404, 422)},
)
def card(kind: Kind, slug: Slug, request: Request, store: StoreDep) -> Response:
    entity = f"{kind}/{slug}"
    if _wants_jsonld(request.headers.get("accept", "")):
        return tagged_json(store, request, lambda: entity_jsonld(entity_card(store, entity)),
                           media_type=JSONLD, variant="jsonld")
    return tagged_json(store, request, lambda: entity_card(store, entity))


def _wants_jsonld(accept: str) -> bool:
    """Whether JSON-LD comes before plain JSON in an Accept header."""
    ranked = []
    for i, part in enumerate(accept.lower().split(",")):
        media, *params = (x.strip() for x in part.split(";"))
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranked.append((-q, i, media))
    for _, _, media in sorted(ranked):
        if media == JSONLD:
            return True
        if media in ("application/json", "application/*", "*/*"):
            return False
    return False


@router.get(
    "/{kind}/{slug}/related", response_model=list[Related],
    summary="Related entities, ranked, with reasons",
    description="Ranked by up to four methods — `direct` relations (weighted by predicate "
    "and number of facts), shared `event`s, `comention` in articles, and personalised "
    "`pagerank` on the two-hop neighbourhood — each reason with its score, the shared "
    "events, the relation path, the number of facts or articles and the top evidence "
    "sentences. `since`/`until` keep only facts, events and articles of that period.",
    responses={200: _ok(RELATED_EXAMPLE, LIST_HEADERS), **problems(400, 404, 422)},
)
def related(
    kind: Kind,
    slug: Slug,
    request: Request,
    response: Response,
    store: StoreDep,
    limit: Limit = 20,
    cursor: Cursor = None,
    types: Annotated[str | None, Query(
        max_length=200, pattern=f"^{_TYPE}(,{_TYPE})*$",
        description="comma-separated entity types: " + ", ".join(ENTITY_TYPES),
        examples=["State,Official"])] = None,
    since: Since = None,
    until: Until = None,
    method: Annotated[str | None, Query(
        max_length=200, pattern=f"^{_METHOD}(,{_METHOD})*$",
        description="comma-separated methods: " + ", ".join(METHODS),
        examples=["direct,event"])] = None,
) -> list[Related]:
    wanted = {t.strip() for t in types.split(",") if t.strip()} if types else None
    unknown = sorted((wanted or set()) - set(ENTITY_TYPES))
    if unknown:
        raise DkgError(f"unknown entity type {unknown[0]!r}; use one of {', '.join(ENTITY_TYPES)}")
    methods = tuple(m.strip() for m in method.split(",") if m.strip()) if method else METHODS
    items = related_entities(store, f"{kind}/{slug}", limit=None, types=wanted,
                             methods=methods, since=since, until=until)
    return paginate(request, response, items, lambda x: (-x.score, x.label, x.id), limit,
                    cursor)


@router.get(
    "/{kind}/{slug}/timeline", response_model=list[Action],
    summary="An entity's dated actions, oldest first",
    description="Every dated fact about the entity (what it did, and what was done to it), "
    "with the other entity, the event, the evidence sentence and the article.",
    responses={200: _ok(TIMELINE_EXAMPLE, LIST_HEADERS), **problems(400, 404, 422)},
)
def timeline(
    kind: Kind,
    slug: Slug,
    request: Request,
    response: Response,
    store: StoreDep,
    since: Since = None,
    until: Until = None,
    limit: Annotated[int, Query(ge=1, le=500, description="most items on one page",
                                examples=[100])] = 100,
    cursor: Cursor = None,
) -> list[Action]:
    items = entity_timeline(store, f"{kind}/{slug}", since=since, until=until)
    return paginate(request, response, items, action_sort_key, limit, cursor)
