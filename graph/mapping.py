"""Extraction results and reference data -> RDF triples.

The only place that turns the pipeline's dataclasses into triples. An article
becomes one named graph whose IRI is the article's IRI; the gazetteer becomes
the reference graph. Every extracted relation is emitted twice: as the direct
edge (``<official> dkg:participatedIn <event>``) that makes queries and
pictures simple, and as a ``dkg:Fact`` (or its subclass ``dkg:Action``) node
that keeps the proof: evidence sentence, offsets, confidence, article,
extractor.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime

from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS, XSD, Namespace

from graph.models import Article, Extraction
from ontology import ACTION_TYPES, DKG, ID, ORG, PROV, SCHEMA, WIKIDATA

D = Namespace(DKG)
SDO = Namespace(SCHEMA)
P = Namespace(PROV)
ORGNS = Namespace(ORG)

Triple = tuple[URIRef, URIRef, URIRef | Literal]

#: the ontology class of each entity type and event kind
CLASS_OF = {
    name: D[name]
    for name in (
        "Official", "State", "Organization", "Forum", "Event", "Treaty", "Initiative", "Place",
        "Session", "Segment", "Summit", "Meeting", "Visit", "Conference", "Referendum",
        "Anniversary", "Ceremony",
    )
}

#: extracted predicates that are diplomatic actions, and their dkg:ActionType concept
ACTION_TYPE_OF = {
    "participatedIn": "participated",
    "proposed": "proposed",
    "supports": "supported",
    "calledFor": "calledFor",
    "signed": "signed",
    "metWith": "met",
    "commemorates": "commemorated",
}

_DATE_PATTERNS = (
    (re.compile(r"^\d{4}-\d{2}-\d{2}$"), XSD.date),
    (re.compile(r"^\d{4}-\d{2}$"), XSD.gYearMonth),
    (re.compile(r"^\d{4}$"), XSD.gYear),
)


def iri(entity_id: str) -> URIRef:
    """The IRI of an entity id such as ``official/yerzhan-ashikbayev``.

    >>> iri("state/kz")
    rdflib.term.URIRef('https://w3id.org/dkg/id/state/kz')
    """
    return URIRef(ID + entity_id)


def article_iri(article: Article) -> URIRef:
    return URIRef(f"{ID}article/{article.id}")


def date_literal(value: str) -> Literal:
    """A typed literal for YYYY-MM-DD, YYYY-MM or YYYY.

    >>> date_literal("2026-02").datatype
    rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth')
    """
    for pattern, datatype in _DATE_PATTERNS:
        if pattern.match(value):
            return Literal(value, datatype=datatype)
    raise ValueError(f"not a date: {value!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)")


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode()).hexdigest()[:16]


def extractor_iri(version: str) -> URIRef:
    """``dkg-rules/0.1.0`` -> ``.../id/extractor/dkg-rules-0.1.0``."""
    return URIRef(ID + "extractor/" + re.sub(r"[^A-Za-z0-9.]+", "-", version).strip("-"))


def article_triples(extraction: Extraction, *, ingested: datetime | None = None) -> list[Triple]:
    """All triples of one article's named graph."""
    return list(_article_triples(extraction, ingested or datetime.now(UTC)))


def _article_triples(ex: Extraction, ingested: datetime) -> Iterator[Triple]:
    art = ex.article
    a = article_iri(art)
    lang = art.lang
    extractor = extractor_iri(ex.extractor or "dkg-rules/unknown")

    yield a, RDF.type, D.Article
    yield a, D.contentHash, Literal(art.content_hash)
    yield a, SDO.inLanguage, Literal(lang)
    yield a, SDO.text, Literal(art.text, lang=lang)
    if art.title:
        yield a, SDO.headline, Literal(art.title, lang=lang)
    if art.date:
        yield a, SDO.datePublished, date_literal(art.date)
    if art.url:
        yield a, SDO.url, Literal(art.url, datatype=XSD.anyURI)
    if art.source:
        yield a, D.source, Literal(art.source)
    yield a, P.wasGeneratedBy, extractor
    yield a, P.generatedAtTime, Literal(ingested.isoformat(timespec="seconds"),
                                        datatype=XSD.dateTime)
    yield extractor, RDF.type, D.Extractor
    name, _, version = (ex.extractor or "dkg-rules/unknown").partition("/")
    yield extractor, SKOS.prefLabel, Literal(name, lang="en")
    if version:
        yield extractor, SDO.softwareVersion, Literal(version)

    events = {e.id: e for e in ex.events}
    for entity in ex.entities:
        e = iri(entity.id)
        cls = CLASS_OF[entity.type]
        if entity.type == "Event":
            kind = events[entity.id].kind if entity.id in events else entity.event_kind
            cls = CLASS_OF.get(kind or "Event", cls)
        yield a, D.mentions, e
        if entity.type == "Event":
            yield a, D.reports, e
        if entity.known:
            continue  # described once, in the reference graph
        yield e, RDF.type, cls
        yield e, SKOS.prefLabel, Literal(entity.label, lang="en")
        # a new entity's names in other languages are alternative labels: the
        # next article may name it in another inflection or spelling
        for label_lang, label in sorted(entity.labels.items()):
            if label_lang != "en" or label != entity.label:
                yield e, SKOS.altLabel, Literal(label, lang=label_lang)
        if entity.wikidata:
            yield e, OWL.sameAs, URIRef(WIKIDATA + entity.wikidata)

    for event in ex.events:
        e = iri(event.id)
        if event.date:
            yield e, D.date, date_literal(event.date)
        if event.place:
            yield e, D.heldIn, iri(event.place)
        if event.ordinal is not None:
            yield e, D.ordinal, Literal(event.ordinal)
        if event.years is not None:
            yield e, D.years, Literal(event.years)
        if event.base_year is not None:
            yield e, D.baseYear, Literal(f"{event.base_year:04d}", datatype=XSD.gYear)

    for rel in ex.relations:
        s, o = iri(rel.subject), iri(rel.object)
        yield s, D[rel.predicate], o
        key = _hash(art.id, rel.subject, rel.predicate, rel.object, rel.start)
        fact = URIRef(f"{ID}fact/{key}")
        action_type = ACTION_TYPE_OF.get(rel.predicate)
        yield fact, RDF.type, D.Action if action_type else D.Fact
        if action_type:
            yield fact, D.actionType, URIRef(ACTION_TYPES + action_type)
        yield fact, D.actor, s
        yield fact, D.asserts, D[rel.predicate]
        yield fact, D.target, o
        yield fact, D.evidence, Literal(rel.evidence, lang=lang)
        yield fact, D.evidenceStart, Literal(rel.start)
        yield fact, D.evidenceEnd, Literal(rel.end)
        yield fact, D.confidence, Literal(f"{rel.confidence:.3f}", datatype=XSD.decimal)
        yield fact, P.wasDerivedFrom, a
        yield fact, P.wasGeneratedBy, extractor
        if rel.event:
            yield fact, D.inEvent, iri(rel.event)
        when = rel.date or (events[rel.object].date if rel.object in events else None)
        if when:
            yield fact, D.date, date_literal(when)
        if rel.predicate == "holdsPositionIn":
            yield from _membership(rel.subject, rel.object, rel.role, rel.date or art.date, a)
            if rel.role:
                yield fact, D.role, Literal(rel.role, lang="en")


def _membership(
    official: str, of: str, role: str | None, observed: str | None, source: URIRef
) -> Iterator[Triple]:
    m = URIRef(f"{ID}position/{_hash(official, of, role, observed, source)}")
    yield iri(official), D.holdsPosition, m
    yield m, RDF.type, ORGNS.Membership
    yield m, ORGNS.member, iri(official)
    yield m, ORGNS.organization, iri(of)
    if role:
        r = role_iri(role)
        yield m, ORGNS.role, r
        yield r, RDF.type, ORGNS.Role
        yield r, SKOS.prefLabel, Literal(role, lang="en")
    if observed:
        yield m, D.observedOn, date_literal(observed)
    yield m, P.wasDerivedFrom, source


def role_iri(role: str) -> URIRef:
    """``First Deputy Minister of Foreign Affairs`` -> ``.../id/role/first-deputy-minister-of-…``"""
    return URIRef(ID + "role/" + re.sub(r"[^a-z0-9]+", "-", role.lower()).strip("-"))


# -- the reference graph ------------------------------------------------------


def reference_triples(entries: Iterable[object], roles: Iterable[object] = ()) -> list[Triple]:
    """Triples of the gazetteer: types, labels in every language, Wikidata links,
    structure (part of, located in) and known positions with their dates.

    ``entries`` and ``roles`` are gazetteer entries (see graph/gazetteer.py);
    read duck-typed so that this module stays on its floor.
    """
    out: list[Triple] = []
    for entry in entries:
        e = iri(entry.id)  # type: ignore[attr-defined]
        out.append((e, RDF.type, CLASS_OF[entry.type]))  # type: ignore[attr-defined]
        for lang, name in sorted(entry.names.items()):  # type: ignore[attr-defined]
            out.append((e, SKOS.prefLabel, Literal(name, lang=lang)))
        for lang, aliases in sorted(entry.aliases.items()):  # type: ignore[attr-defined]
            for alias in aliases:
                out.append((e, SKOS.altLabel, Literal(alias, lang=lang)))
        wikidata = getattr(entry, "wikidata", None)
        if wikidata:
            out.append((e, OWL.sameAs, URIRef(WIKIDATA + wikidata)))
        iso = getattr(entry, "iso", None)
        if iso:
            out.append((e, D.isoCode, Literal(iso)))
        for attr, prop in (("part_of", D.partOf), ("located_in", D.locatedIn),
                           ("proposed_by", None)):
            target = getattr(entry, attr, None)
            if not target:
                continue
            if prop is None:
                out.append((iri(target), D.proposed, e))
            else:
                out.append((e, prop, iri(target)))
        for position in getattr(entry, "positions", ()) or ():
            key = _hash(entry.id, position.role, position.of, position.start)  # type: ignore[attr-defined]
            m = URIRef(f"{ID}position/{key}")
            out += [
                (e, D.holdsPosition, m),
                (m, RDF.type, ORGNS.Membership),
                (m, ORGNS.member, e),
                (m, ORGNS.organization, iri(position.of)),
            ]
            if position.role:
                out.append((m, ORGNS.role, role_iri(position.role)))
            if position.start:
                out.append((m, D.startDate, date_literal(str(position.start))))
            if position.end:
                out.append((m, D.endDate, date_literal(str(position.end))))
    for role in roles:
        r = role_iri(role.names["en"])  # type: ignore[attr-defined]
        out.append((r, RDF.type, ORGNS.Role))
        for lang, name in sorted(role.names.items()):  # type: ignore[attr-defined]
            out.append((r, SKOS.prefLabel, Literal(name, lang=lang)))
    return out
