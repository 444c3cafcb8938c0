"""Time: the events in date order, and the dated actions of one entity."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.cache import cached
from graph.entities import entity_id, entity_iri
from graph.errors import NotFoundError
from graph.paths import EntityRef, entity_ref
from graph.projection import Projection, in_period, projection
from graph.store import Store

UNDATED = "~"  # sorts after every date: undated events come last


@dataclass
class Ref:
    id: str
    label: str


@dataclass
class TimelineEvent:
    id: str
    label: str
    kind: str  # Session, Segment, Summit, Meeting, ...
    date: str | None
    place: Ref | None = None
    forum: Ref | None = None
    participants: list[EntityRef] = field(default_factory=list)
    part_of: list[str] = field(default_factory=list)  # ids up the dkg:partOf chain


@dataclass
class Action:
    date: str
    predicate: str
    direction: str  # "out": the entity did it; "in": it was done to the entity
    other: EntityRef
    event: str | None
    evidence: str | None
    article: str | None
    article_title: str | None


def event_sort_key(e: TimelineEvent) -> tuple[str, str]:
    return (e.date or UNDATED, e.id)


def all_events(p: Projection) -> list[TimelineEvent]:
    """Every event of the projection, in date order (undated last), then by id."""
    out = []
    for iri, info in p.nodes.items():
        if info.type != "Event":
            continue
        chain = _up(p, iri)
        forum = next((n for n in chain if p.type(n) == "Forum"), None)
        place = None
        for node in (iri, *chain):
            places = sorted(o for _, o, k in p.graph.out_edges(node, keys=True)
                            if k in ("heldIn", "locatedIn"))
            if places:
                place = places[0]
                break
        who = sorted({s for s, _, k in p.graph.in_edges(iri, keys=True) if k == "participatedIn"})
        out.append(TimelineEvent(
            id=entity_id(iri), label=info.label, kind=info.kind or "Event", date=p.date(iri),
            place=Ref(entity_id(place), p.label(place)) if place else None,
            forum=Ref(entity_id(forum), p.label(forum)) if forum else None,
            participants=[entity_ref(p, w) for w in who],
            part_of=[entity_id(n) for n in chain],
        ))
    out.sort(key=event_sort_key)
    return out


def _up(p: Projection, iri: str) -> list[str]:
    chain: list[str] = []
    ring = [iri]
    for _ in range(6):
        ring = sorted({o for n in ring for _, o, k in p.graph.out_edges(n, keys=True)
                       if k == "partOf" and o not in chain and o != iri})
        if not ring:
            break
        chain += ring
    return chain


def events_timeline(
    store: Store, *, since: str | None = None, until: str | None = None,
    forum: str | None = None, participant: str | None = None, kind: str | None = None,
) -> list[TimelineEvent]:
    """Events in date order, filtered by period, forum (anywhere up the dkg:partOf
    chain: ``organization/un`` finds the sessions of its councils), participant and kind."""
    events = cached(store, "timeline", lambda st: all_events(projection(st)))
    forum_id = entity_id(entity_iri(forum)) if forum else None
    who = entity_id(entity_iri(participant)) if participant else None
    return [
        e for e in events
        if in_period(e.date, since, until)
        and (forum_id is None or forum_id in e.part_of)
        and (who is None or any(x.id == who for x in e.participants))
        and (kind is None or e.kind == kind)
    ]


def action_sort_key(a: Action) -> tuple[str, str, str, str]:
    return (a.date, a.predicate, a.other.id, a.article or "")


def entity_timeline(
    store: Store, id_or_iri: str, *, since: str | None = None, until: str | None = None
) -> list[Action]:
    """The dated facts about one entity, oldest first."""
    p = projection(store)
    iri = entity_iri(id_or_iri)
    if iri not in p.nodes and iri not in p.graph:
        raise NotFoundError(
            f"no entity {entity_id(iri)!r} in the store: search with /api/entities?q=NAME")
    out = []
    seen = set()
    for f in p.facts_of.get(iri, []):
        if f.fact in seen or not f.date or not in_period(f.date, since, until):
            continue
        seen.add(f.fact)
        direction = "out" if f.source == iri else "in"
        other = f.target if direction == "out" else f.source
        event = f.event or (other if p.type(other) == "Event" else None)
        out.append(Action(
            date=f.date, predicate=f.predicate, direction=direction, other=entity_ref(p, other),
            event=entity_id(event) if event else None, evidence=f.evidence, article=f.article,
            article_title=p.articles.get(f.article or "", (None, None))[0],
        ))
    out.sort(key=action_sort_key)
    return out
