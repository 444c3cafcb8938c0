"""Entities as the faces show them: search, cards, article lists.

Read-only functions over a :class:`~graph.store.Store`, returning plain
dataclasses the API serialises.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from rdflib import Literal, URIRef

from graph.errors import NotFoundError
from graph.models import TYPE_OF_KIND
from graph.store import Store
from ontology import DKG, ID

_ID = re.compile(r"^(?P<kind>[a-z-]+)/(?P<slug>[\w.~-]+)$")
ENTITY_CLASSES = tuple(DKG + t for t in TYPE_OF_KIND.values())


def entity_iri(entity_id: str) -> str:
    """The IRI of an entity id (``official/yerzhan-ashikbayev``) or of an IRI itself.

    >>> entity_iri("state/kz")
    'https://w3id.org/dkg/id/state/kz'
    >>> entity_iri("nonsense")
    Traceback (most recent call last):
    ...
    graph.errors.NotFoundError: 'nonsense' is not an entity id: ids look like 'state/kz' or 'official/yerzhan-ashikbayev' (kind/slug); search with /api/entities?q=NAME
    """
    if entity_id.startswith(ID):
        entity_id = entity_id[len(ID):]
    if not _ID.match(entity_id):
        raise NotFoundError(
            f"{entity_id!r} is not an entity id: ids look like 'state/kz' or "
            "'official/yerzhan-ashikbayev' (kind/slug); search with /api/entities?q=NAME"
        )
    return ID + entity_id


def entity_id(iri: str) -> str:
    """The short id of an entity IRI.

    >>> entity_id("https://w3id.org/dkg/id/state/kz")
    'state/kz'
    """
    return iri[len(ID):] if iri.startswith(ID) else iri


def fold(text: str) -> str:
    """Lower-case, accents and quotes removed, Unicode hyphens folded: for matching.

    >>> fold("António «Гутерриш»")
    'antonio гутерриш'
    """
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c) or c in "\u0306\u0308")
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = re.sub(r"[«»“”„\"'’]", "", text)
    return re.sub(r"\s+", " ", text).strip().casefold()


@dataclass
class EntityHit:
    id: str
    iri: str
    type: str
    label: str
    matched: str  # the label that matched the query
    lang: str | None
    score: float


@dataclass
class Fact:
    predicate: str
    direction: str  # "out" (entity is the subject) or "in"
    other: str  # id of the other entity
    other_label: str
    other_type: str
    evidence: str
    article: str  # article IRI
    article_title: str | None
    confidence: float
    start: int
    end: int
    role: str | None = None
    date: str | None = None


@dataclass
class ArticleRef:
    iri: str
    id: str
    title: str | None
    date: str | None
    lang: str | None
    url: str | None = None


@dataclass
class EntityCard:
    id: str
    iri: str
    type: str
    types: list[str]
    label: str
    labels: dict[str, list[str]]  # lang -> labels (preferred first)
    wikidata: str | None
    facts: list[Fact] = field(default_factory=list)
    articles: list[ArticleRef] = field(default_factory=list)
    properties: dict[str, list[str]] = field(default_factory=dict)  # date, heldIn, ...


def _type_of(types: list[str]) -> str:
    """The most specific dkg entity type name among rdf:types."""
    names = [t[len(DKG):] for t in types if t.startswith(DKG)]
    for name in names:
        if name in TYPE_OF_KIND.values():
            return name
    return "Event" if names else "Entity"


class LabelIndex:
    """Every label of every entity, folded, for forgiving search in any language.

    Built once per store generation (see :meth:`graph.store.Store.generation`)
    and kept in memory: a million-triple store has some 10^5 labels.
    """

    def __init__(self, rows: list[dict]) -> None:
        self.labels: list[tuple[str, str, str, str]] = []  # (folded, iri, label, lang)
        self.types: dict[str, str] = {}
        self.pref: dict[str, str] = {}
        types: dict[str, list[str]] = {}
        for row in rows:
            iri = row["e"]
            if "type" in row:
                types.setdefault(iri, []).append(row["type"])
            if "label" in row:
                label = row["label"]
                self.labels.append((fold(label), iri, label, row.get("lang", "")))
                if row.get("pref") and row.get("lang") == "en":
                    self.pref[iri] = label
        self.types = {iri: _type_of(t) for iri, t in types.items()}

    @classmethod
    def build(cls, store: Store) -> LabelIndex:
        rows = store.select(
            """SELECT ?e ?label (LANG(?label) AS ?lang) ?pref ?type WHERE {
                 { ?e skos:prefLabel ?label BIND(true AS ?pref) }
                 UNION { ?e skos:altLabel ?label }
                 UNION { ?e a ?type FILTER(STRSTARTS(STR(?type), STR(dkg:))) }
                 FILTER(STRSTARTS(STR(?e), STR(id:)) && !STRSTARTS(STR(?e), "https://w3id.org/dkg/id/role/"))
               }"""
        )
        return cls(rows)

    def search(
        self, q: str, *, type: str | None = None, lang: str | None = None, limit: int = 20
    ) -> list[EntityHit]:
        needle = fold(q)
        if not needle:
            return []
        hits: dict[str, EntityHit] = {}
        for folded, iri, label, label_lang in self.labels:
            if needle not in folded:
                continue
            if lang and label_lang != lang:
                continue
            entity_type = self.types.get(iri)
            if entity_type is None or (type and entity_type != type):
                continue
            score = 3.0 if folded == needle else 2.0 if folded.startswith(needle) else 1.0
            score += min(len(needle) / max(len(folded), 1), 1.0)
            hit = hits.get(iri)
            if hit is None or score > hit.score:
                hits[iri] = EntityHit(
                    id=entity_id(iri), iri=iri, type=entity_type,
                    label=self.pref.get(iri, label), matched=label, lang=label_lang or None,
                    score=round(score, 3),
                )
        out = sorted(hits.values(), key=lambda h: (-h.score, h.label))
        return out[:limit]


def search_entities(
    store: Store, q: str, *, type: str | None = None, lang: str | None = None, limit: int = 20
) -> list[EntityHit]:
    """Entities whose labels (any language) contain the query, best first."""
    return LabelIndex.build(store).search(q, type=type, lang=lang, limit=limit)


def entity_card(store: Store, id_or_iri: str, *, max_facts: int = 200) -> EntityCard:
    iri = entity_iri(id_or_iri)
    node = URIRef(iri)
    rows = store.select(
        """SELECT ?e ?p ?o WHERE { ?e ?p ?o
             FILTER(?p IN (rdf:type, skos:prefLabel, skos:altLabel, owl:sameAs, dkg:date,
                           dkg:heldIn, dkg:ordinal, dkg:years, dkg:baseYear, dkg:isoCode)) }""",
        {"e": node},
    )
    if not rows:
        raise NotFoundError(
            f"no entity {entity_id(iri)!r} in the store: search for it with "
            "/api/entities?q=NAME (any language) to find its id"
        )
    types: list[str] = []
    labels: dict[str, list[str]] = {}
    props: dict[str, list[str]] = {}
    wikidata = None
    pref_en = None
    lang_rows = store.select(
        "SELECT ?e ?l (LANG(?l) AS ?lang) ?pref WHERE { "
        "{ ?e skos:prefLabel ?l BIND(true AS ?pref) } UNION { ?e skos:altLabel ?l } }",
        {"e": node},
    )
    for row in sorted(lang_rows, key=lambda r: "pref" not in r):
        lang = row.get("lang") or ""
        bucket = labels.setdefault(lang, [])
        if row["l"] not in bucket:
            bucket.append(row["l"])
        if lang == "en" and "pref" in row and pref_en is None:
            pref_en = row["l"]
    for row in rows:
        p, o = row["p"], row["o"]
        if p.endswith("#type"):
            types.append(o)
        elif p.endswith("#sameAs"):
            wikidata = o.rsplit("/", 1)[-1]
        elif p.startswith(DKG):
            name = p[len(DKG):]
            value = entity_id(str(o)) if isinstance(o, str) else str(o)
            props.setdefault(name, []).append(value)
    label = pref_en or next(iter(next(iter(labels.values()), [])), entity_id(iri))
    card = EntityCard(
        id=entity_id(iri), iri=iri, type=_type_of(types), types=sorted(types), label=label,
        labels=labels, wikidata=wikidata, properties=props,
    )
    card.facts = entity_facts(store, iri, limit=max_facts)
    card.articles = entity_articles(store, iri)
    return card


def entity_facts(store: Store, iri: str, *, limit: int = 200) -> list[Fact]:
    rows = store.select(
        """SELECT ?e ?fact ?prop ?dir ?other ?olabel ?otype ?evidence ?article ?title ?conf
                  ?start ?end ?role ?date WHERE {
             { ?fact dkg:actor ?e ; dkg:target ?other BIND("out" AS ?dir) }
             UNION { ?fact dkg:target ?e ; dkg:actor ?other BIND("in" AS ?dir) }
             ?fact dkg:asserts ?prop ; dkg:evidence ?evidence ; prov:wasDerivedFrom ?article ;
                   dkg:confidence ?conf ; dkg:evidenceStart ?start ; dkg:evidenceEnd ?end .
             OPTIONAL { ?fact dkg:role ?role }
             OPTIONAL { ?fact dkg:date ?date }
             OPTIONAL { ?article schema:headline ?title }
             OPTIONAL { ?other skos:prefLabel ?olabel FILTER(LANG(?olabel) = "en") }
             OPTIONAL { ?other a ?otype FILTER(STRSTARTS(STR(?otype), STR(dkg:))) }
           } ORDER BY DESC(?conf) ?prop ?other LIMIT 2000""",
        {"e": URIRef(iri)},
    )
    facts: dict[tuple, Fact] = {}
    other_types: dict[str, list[str]] = {}
    for r in rows:
        other_types.setdefault(r["other"], []).append(r.get("otype", ""))
        key = (r["fact"],)
        if key in facts:
            continue
        facts[key] = Fact(
            predicate=r["prop"][len(DKG):], direction=r["dir"], other=entity_id(r["other"]),
            other_label=r.get("olabel") or entity_id(r["other"]), other_type="",
            evidence=r["evidence"], article=r["article"], article_title=r.get("title"),
            confidence=float(r["conf"]), start=int(r["start"]), end=int(r["end"]),
            role=r.get("role"), date=r.get("date"),
        )
    out = list(facts.values())[:limit]
    for fact in out:
        fact.other_type = _type_of(other_types.get(ID + fact.other, []))
    return out


def entity_articles(store: Store, iri: str) -> list[ArticleRef]:
    rows = store.select(
        """SELECT ?e ?a ?title ?date ?lang ?url WHERE {
             ?a dkg:mentions ?e .
             OPTIONAL { ?a schema:headline ?title }
             OPTIONAL { ?a schema:datePublished ?date }
             OPTIONAL { ?a schema:inLanguage ?lang }
             OPTIONAL { ?a schema:url ?url }
           } ORDER BY DESC(?date) ?a""",
        {"e": URIRef(iri)},
    )
    return [_article_ref(r) for r in rows]


def recent_articles(store: Store, limit: int = 20) -> list[ArticleRef]:
    rows = store.select(
        f"""SELECT ?a ?title ?date ?lang ?url WHERE {{
             ?a a dkg:Article .
             OPTIONAL {{ ?a schema:headline ?title }}
             OPTIONAL {{ ?a schema:datePublished ?date }}
             OPTIONAL {{ ?a schema:inLanguage ?lang }}
             OPTIONAL {{ ?a schema:url ?url }}
           }} ORDER BY DESC(?date) ?a LIMIT {int(limit)}"""
    )
    return [_article_ref(r) for r in rows]


def _article_ref(r: dict) -> ArticleRef:
    return ArticleRef(
        iri=r["a"], id=entity_id(r["a"]).removeprefix("article/"), title=r.get("title"),
        date=r.get("date"), lang=r.get("lang"), url=r.get("url"),
    )
