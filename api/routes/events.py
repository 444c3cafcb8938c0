"""Events: a timeline, filtered by period, forum, participant and kind."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from api.conventions import LIST_HEADERS, paginate, problems
from api.deps import get_store
from graph import Store, TimelineEvent, event_sort_key, events_timeline

router = APIRouter(prefix="/api/events", tags=["events"])

StoreDep = Annotated[Store, Depends(get_store)]
DATE = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"
ENTITY_ID = r"^[a-z-]+/[\w.~-]+$"
EventKind = Literal["Session", "Segment", "Summit", "Meeting", "Visit", "Conference",
                    "Referendum", "Anniversary", "Ceremony", "Event"]

EXAMPLE = [{
    "id": "event/high-level-segment-of-the-61st-session-of-the-un-human-rights-council",
    "label": "High-level segment of the 61st session of the UN Human Rights Council",
    "kind": "Segment", "date": "2026-02",
    "place": {"id": "place/geneva", "label": "Geneva"},
    "forum": {"id": "forum/unhrc", "label": "United Nations Human Rights Council"},
    "participants": [{"id": "official/yerzhan-ashikbayev", "label": "Yerzhan Ashikbayev",
                      "type": "Official"}],
    "part_of": ["event/61st-session-of-the-un-human-rights-council", "forum/unhrc",
                "organization/un"],
}]


@router.get(
    "", response_model=list[TimelineEvent], summary="A timeline of events",
    description="Events sorted by date (coarse dates such as `2026` before `2026-02`, undated "
    "events last), then by id. `forum` matches anywhere up the `dkg:partOf` chain "
    "(`organization/un` finds the sessions of its councils). Pages through `Link` / "
    "`X-Next-Cursor`.",
    responses={200: {"description": "OK", "headers": LIST_HEADERS,
                     "content": {"application/json": {"example": EXAMPLE}}},
               **problems(400, 422)},
)
def events(
    request: Request,
    response: Response,
    store: StoreDep,
    since: Annotated[str | None, Query(alias="from", pattern=DATE, examples=["2026-01-01"],
                                       description="on or after this date")] = None,
    until: Annotated[str | None, Query(alias="to", pattern=DATE, examples=["2026-12-31"],
                                       description="on or before this date")] = None,
    forum: Annotated[str | None, Query(pattern=ENTITY_ID, examples=["forum/unhrc"],
                                       description="a forum or organisation id")] = None,
    participant: Annotated[str | None, Query(
        pattern=ENTITY_ID, examples=["official/yerzhan-ashikbayev"],
        description="an entity that took part")] = None,
    type: Annotated[EventKind | None, Query(description="the kind of event",
                                            examples=["Session"])] = None,
    limit: Annotated[int, Query(ge=1, le=500, examples=[50],
                                description="most events on one page")] = 50,
    cursor: Annotated[str | None, Query(max_length=1000, examples=["WyIyMDI2IiwiZXZlbnQveCJd"],
                                        description="from the previous page's headers")] = None,
) -> list[TimelineEvent]:
    items = events_timeline(store, since=since, until=until, forum=forum,
                            participant=participant, kind=type)
    return paginate(request, response, items, event_sort_key, limit, cursor)
