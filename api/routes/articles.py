"""Articles: list, add (token), delete (token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, Field

from api.conventions import WRITE_ERRORS, no_content, ok, problems, write_token
from api.deps import get_store
from graph.entities import ArticleRef, recent_articles
from graph.pipeline import ARTICLE_PREFIX, delete_article, ingest_text
from graph.store import Store

router = APIRouter(prefix="/api/articles", tags=["articles"])

StoreDep = Annotated[Store, Depends(get_store)]


class ArticleIn(BaseModel):
    text: str = Field(..., min_length=1, description="the article text")
    title: str | None = None
    date: str | None = Field(None, description="YYYY-MM-DD or DD.MM.YYYY")
    url: str | None = None
    lang: str | None = Field(None, pattern="^(kk|ru|en)$")
    source: str | None = Field(None, description="publisher")


class Ingested(BaseModel):
    iri: str
    id: str
    lang: str
    title: str | None
    entities: int
    relations: int
    triples: int


ARTICLE_EXAMPLE = [{"iri": "https://w3id.org/dkg/id/article/3f2a9c", "id": "3f2a9c",
                    "title": "Қазақстан БҰҰ алаңдарында", "date": "2026-02-27",
                    "lang": "kk", "url": "https://www.gov.kz/memleket/entities/mfa"}]
INGESTED_EXAMPLE = {"iri": "https://w3id.org/dkg/id/article/3f2a9c", "id": "3f2a9c",
                    "lang": "kk", "title": "Қазақстан БҰҰ алаңдарында", "entities": 12,
                    "relations": 9, "triples": 140}


@router.get("", response_model=list[ArticleRef], summary="Articles, newest first",
            responses={200: ok(examples={"application/json": ARTICLE_EXAMPLE}),
                       **problems(422)})
def list_articles(store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 50
                  ) -> list[ArticleRef]:
    return recent_articles(store, limit)


@router.post("", response_model=Ingested, status_code=201, summary="Add an article (token)",
             dependencies=[Depends(write_token)],
             responses={201: ok("Created: the article is in the store",
                                examples={"application/json": INGESTED_EXAMPLE}),
                        **problems(400, *WRITE_ERRORS, 422, why={
                            400: "the body is not JSON",
                            422: "a field fails validation, the article is too long or "
                                 "cannot be read (a bad date)"})})
def add_article(article: ArticleIn, request: Request, store: StoreDep) -> Ingested:
    max_bytes = request.app.state.settings.max_article_bytes
    if len(article.text.encode()) > max_bytes:
        from graph.errors import ArticleError

        raise ArticleError(
            f"the article is {len(article.text.encode())} bytes, over the limit of {max_bytes} "
            "(setting DKG_MAX_ARTICLE_BYTES)")
    extraction, count = ingest_text(
        store, article.text, gazetteer=request.app.state.gazetteer, title=article.title,
        date=article.date, url=article.url, lang=article.lang, source=article.source,
    )
    art = extraction.article
    return Ingested(
        iri=f"https://w3id.org/dkg/id/article/{art.id}", id=art.id, lang=art.lang,
        title=art.title, entities=len(extraction.entities),
        relations=len(extraction.relations), triples=count,
    )


@router.delete("/{article_id}", status_code=204, summary="Delete an article (token)",
               dependencies=[Depends(write_token)],
               responses={204: no_content("Deleted"), **problems(*WRITE_ERRORS, 404, 422)})
def remove_article(
    article_id: Annotated[str, Path(pattern=r"^[\w.~-]{1,200}$", examples=["3f2a9c0d1e2b4a5c"],
                                    description="the article's id (the last part of its IRI)")],
    store: StoreDep,
) -> None:
    # by id only: over HTTP the id never names a file on the server
    delete_article(store, ARTICLE_PREFIX + article_id)
