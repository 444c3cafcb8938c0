"""Articles: list, add (token), delete (token)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from api.deps import get_store, require_token
from graph.entities import ArticleRef, recent_articles
from graph.pipeline import delete_article, ingest_text
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


@router.get("", response_model=list[ArticleRef], summary="Articles, newest first")
def list_articles(store: StoreDep, limit: Annotated[int, Query(ge=1, le=1000)] = 50
                  ) -> list[ArticleRef]:
    return recent_articles(store, limit)


@router.post("", response_model=Ingested, status_code=201, summary="Add an article (token)",
             dependencies=[Depends(require_token)])
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
               dependencies=[Depends(require_token)])
def remove_article(article_id: str, store: StoreDep) -> None:
    delete_article(store, article_id)
