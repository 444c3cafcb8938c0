"""The data model of the pipeline: plain dataclasses, no RDF.

Every offset is a character offset into ``Article.text``, the text exactly as
it was read (before any clean-up), so that ``article.text[m.start:m.end] ==
m.text`` holds for every mention and every evidence span.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal[
    "Official", "State", "Organization", "Forum", "Event", "Treaty", "Initiative", "Place"
]
ENTITY_TYPES: tuple[str, ...] = (
    "Official", "State", "Organization", "Forum", "Event", "Treaty", "Initiative", "Place",
)

#: the IRI path segment ("kind") of each entity type: https://w3id.org/dkg/id/<kind>/<slug>
KIND_OF_TYPE: dict[str, str] = {
    "Official": "official",
    "State": "state",
    "Organization": "organization",
    "Forum": "forum",
    "Event": "event",
    "Treaty": "treaty",
    "Initiative": "initiative",
    "Place": "place",
}
TYPE_OF_KIND: dict[str, str] = {kind: type_ for type_, kind in KIND_OF_TYPE.items()}

Predicate = Literal[
    "participatedIn", "holdsPositionIn", "represents", "proposed", "supports", "calledFor",
    "partyTo", "signed", "metWith", "locatedIn", "partOf", "commemorates",
]
PREDICATES: tuple[str, ...] = (
    "participatedIn", "holdsPositionIn", "represents", "proposed", "supports", "calledFor",
    "partyTo", "signed", "metWith", "locatedIn", "partOf", "commemorates",
)

#: event subtypes, mapped to ontology subclasses of dkg:Event
EVENT_KINDS: tuple[str, ...] = (
    "Session", "Segment", "Summit", "Meeting", "Visit", "Conference", "Referendum",
    "Anniversary", "Ceremony", "Event",
)

LANGS: tuple[str, ...] = ("kk", "ru", "en")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the original article text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Article:
    """One article as read from a file, with its metadata.

    ``text`` is the text exactly as read (decoded, newlines kept); ``body`` lists
    the spans of ``text`` that are article content (page clutter left out);
    ``sentences`` are the sentences (or bullet lines) of the body.
    """

    id: str  # slug of the article IRI: https://w3id.org/dkg/id/article/<id>
    text: str
    lang: str  # "kk" | "ru" | "en"
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD, YYYY-MM or YYYY
    url: str | None = None
    source: str | None = None  # publisher
    content_hash: str = ""  # sha256 hex of text
    path: str | None = None  # where it was read from, for messages
    title_span: Span | None = None
    body: list[Span] = field(default_factory=list)
    sentences: list[Span] = field(default_factory=list)
    clutter: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """An entity found in an article.

    ``id`` is ``<kind>/<slug>`` (the IRI without https://w3id.org/dkg/id/):
    the gazetteer's id for known entities, a slug of the transliterated,
    normalised name for new ones, so that the same entity gets the same id in
    every article and language.
    """

    id: str
    type: str  # one of ENTITY_TYPES
    label: str  # canonical English label
    labels: dict[str, str] = field(default_factory=dict)  # lang -> name in that language
    wikidata: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    known: bool = False  # True when it comes from the gazetteer
    event_kind: str | None = None  # for events: one of EVENT_KINDS


@dataclass(slots=True)
class Relation:
    """A fact stated (or clearly implied) by one sentence of the article."""

    subject: str  # entity id
    predicate: str  # one of PREDICATES
    object: str  # entity id
    evidence: str  # the sentence, exactly as in the text
    start: int  # offsets of the evidence in Article.text
    end: int
    confidence: float
    role: str | None = None  # for holdsPositionIn: the office, in English
    date: str | None = None  # when the fact held (observed on): YYYY[-MM[-DD]]
    event: str | None = None  # entity id of the event the fact belongs to, if any


@dataclass(slots=True)
class Event:
    """The event-specific facts about an Event entity."""

    id: str  # entity id of the Event
    date: str | None = None  # YYYY[-MM[-DD]]
    place: str | None = None  # entity id of a Place or State
    participants: list[str] = field(default_factory=list)  # entity ids
    kind: str = "Event"  # one of EVENT_KINDS
    ordinal: int | None = None  # 61 for "the 61st session"
    commemorates: str | None = None  # entity id, for anniversaries
    years: int | None = None  # 35 for "35 years since"
    base_year: int | None = None  # the commemorated year (date - years)


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    extractor: str = ""  # name/version of the extractor, e.g. "dkg-rules/0.1.0"

    def entity(self, entity_id: str) -> Entity | None:
        for entity in self.entities:
            if entity.id == entity_id:
                return entity
        return None
