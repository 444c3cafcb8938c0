"""Paths: how two entities are connected, with the evidence of every edge."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, Field

from api.conventions import problems
from api.deps import get_store
from graph import EntityRef, Path, Store, connecting_paths

router = APIRouter(prefix="/api/paths", tags=["paths"])

StoreDep = Annotated[Store, Depends(get_store)]
ENTITY_ID = r"^[a-z-]+/[\w.~-]+$"


class Paths(BaseModel):
    """The shortest paths between two entities (empty when none is short enough)."""

    model_config = ConfigDict(populate_by_name=True)
    from_: EntityRef = Field(alias="from")
    to: EntityRef
    paths: list[Path]


EXAMPLE = {
    "from": {"id": "official/yerzhan-ashikbayev", "label": "Yerzhan Ashikbayev",
             "type": "Official"},
    "to": {"id": "official/kassym-jomart-tokayev", "label": "Kassym-Jomart Tokayev",
           "type": "Official"},
    "paths": [{"length": 2, "nodes": [
        {"id": "official/yerzhan-ashikbayev", "label": "Yerzhan Ashikbayev", "type": "Official"},
        {"id": "state/kz", "label": "Kazakhstan", "type": "State"},
        {"id": "official/kassym-jomart-tokayev", "label": "Kassym-Jomart Tokayev",
         "type": "Official"}],
        "edges": [
            {"source": "official/yerzhan-ashikbayev", "target": "state/kz",
             "predicate": "represents", "evidence": "Қазақстан Республикасы ...",
             "article": "https://w3id.org/dkg/id/article/3f2a9c",
             "article_title": "Қазақстан БҰҰ алаңдарында", "date": "2026-02-27"},
            {"source": "official/kassym-jomart-tokayev", "target": "state/kz",
             "predicate": "holdsPositionIn", "evidence": "President Tokayev ...",
             "article": "https://w3id.org/dkg/id/article/9b1e",
             "article_title": "Tokayev at UNGA80", "date": "2025-09-23"}]}],
}


@router.get(
    "", response_model=Paths, summary="Shortest paths between two entities",
    description="The shortest paths (all of the smallest length, at most `max_paths`) over "
    "the entity graph, edges taken in either direction; every edge as stated (source, "
    "predicate, target) with its strongest evidence sentence and article.",
    responses={200: {"description": "OK", "content": {"application/json": {"example": EXAMPLE}}},
               **problems(404, 422)},
)
def paths(
    store: StoreDep,
    source: Annotated[str, Query(alias="from", pattern=ENTITY_ID, max_length=300,
                                 examples=["official/yerzhan-ashikbayev"],
                                 description="entity id where the paths start")],
    target: Annotated[str, Query(alias="to", pattern=ENTITY_ID, max_length=300,
                                 examples=["official/kassym-jomart-tokayev"],
                                 description="entity id where the paths end")],
    max_length: Annotated[int, Query(ge=1, le=6, examples=[4],
                                     description="most edges in a path")] = 4,
    max_paths: Annotated[int, Query(ge=1, le=20, examples=[5],
                                    description="most paths returned")] = 5,
) -> Paths:
    found = connecting_paths(store, source, target, max_length=max_length, max_paths=max_paths)
    return Paths(from_=found.source, to=found.target, paths=found.paths)
