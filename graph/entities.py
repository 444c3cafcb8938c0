"""Entities as the faces show them: search, cards, article lists.

Read-only functions over a :class:`~graph.store.Store`, returning plain
dataclasses the API serialises.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, field

from rdflib import URIRef

from graph.cache import cached
from graph.errors import NotFoundError
from graph.extract.translit import slug
from graph.models import TYPE_OF_KIND
from graph.store import Store
from ontology import DKG, ID, WIKIDATA

_ID = re.compile(r"^(?P<kind>[a-z-]+)/(?P<slug>[\w.~-]+)$")
ENTITY_CLASSES = tuple(DKG + t for t in TYPE_OF_KIND.values())


def entity_iri(entity_id: str) -> str:
    """The IRI of an entity id (``official/yerzhan-ashikbayev``) or of an IRI itself.

    >>> entity_iri("state/kz")
    'https://w3id.org/dkg/id/state/kz'
    >>> entity_iri("nonsense")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.NotFoundError: 'nonsense' is not an entity id: ids look like 'state/kz' ...
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
    """Every label of every entity, folded and transliterated, for forgiving search.

    A query matches a label word by word, in two spellings (the folded text and
    its Latin slug, so Ашикбаев, Ашықбаев and Ashikbayev meet): exactly, as the
    beginning of a word (typing), as an inflected form of a word (Казахстана,
    Ашықбаевтың: the label word plus a case ending), or with a typo (a trigram
    look-up, then an edit distance of 1, or 2 for long words). Ranked: whole
    label > every word exact > prefix > inflected > typo. Built once per store
    generation (:func:`label_index`) and kept in memory.

    >>> index = LabelIndex([
    ...     {"e": ID + "official/yerzhan-ashikbayev", "label": "Ержан Ашықбаев", "lang": "kk"},
    ...     {"e": ID + "official/yerzhan-ashikbayev", "label": "Yerzhan Ashikbayev",
    ...      "lang": "en", "pref": True},
    ...     {"e": ID + "state/kz", "label": "Казахстан", "lang": "ru"}])
    >>> [h.id for h in index.search("Ашикбаев")], [h.id for h in index.search("Ashkbayev")]
    (['official/yerzhan-ashikbayev'], ['official/yerzhan-ashikbayev'])
    >>> [h.label for h in index.search("Казахстана")], index.search("казах")[0].matched
    (['Казахстан'], 'Казахстан')
    """

    def __init__(self, rows: list[dict]) -> None:
        self.labels: list[tuple[str, str, str, str]] = []  # (folded, iri, label, lang)
        self.pref: dict[str, str] = {}
        self.types: dict[str, str] = {}
        self._words: list[tuple[list[str], list[str]]] = []  # (folded, Latin) words of labels
        self._slugs: list[str] = []
        self._index: dict[str, list[int]] = {}  # word -> labels
        seen: set[tuple[str, str, str]] = set()
        for row in rows:
            iri = row["e"]
            kind = iri[len(ID):].split("/", 1)[0] if iri.startswith(ID) else ""
            if kind not in TYPE_OF_KIND or "label" not in row:
                continue
            self.types[iri] = TYPE_OF_KIND[kind]
            label, lang = row["label"], row.get("lang", "")
            if row.get("pref") and lang == "en":
                self.pref[iri] = label
            if (iri, label, lang) in seen:
                continue
            seen.add((iri, label, lang))
            folded = fold(label)
            words = (_words(folded), _words(_spelling(label)))
            i = len(self.labels)
            self.labels.append((folded, iri, label, lang))
            self._words.append(words)
            self._slugs.append(_spelling(label))
            for w in {*words[0], *words[1]}:
                self._index.setdefault(w, []).append(i)
        self._sorted = sorted(self._index)
        self._trigrams: dict[str, list[str]] = {}
        for w in self._sorted:
            if len(w) >= 4:
                for t in _trigrams(w):
                    self._trigrams.setdefault(t, []).append(w)

    @classmethod
    def build(cls, store: Store) -> LabelIndex:
        rows = store.select(
            """SELECT DISTINCT ?e ?label (LANG(?label) AS ?lang) ?pref WHERE {
                 { ?e skos:prefLabel ?label BIND(true AS ?pref) }
                 UNION { ?e skos:altLabel ?label }
                 FILTER(STRSTARTS(STR(?e), STR(id:)))
               }"""
        )
        return cls(rows)

    def _matches(self, token: str, prefix: bool = True) -> dict[str, float]:
        """Label words that a query word may stand for, with how well it matches."""
        out: dict[str, float] = {}
        if token in self._index:
            out[token] = 1.0
        i = bisect_left(self._sorted, token)
        for w in self._sorted[i:i + 5000] if prefix else ():
            if not w.startswith(token):
                break
            out.setdefault(w, 0.8)
        for cut in range(len(token) - 1, max(len(token) - 6, 3) - 1, -1):
            stem = token[:cut]  # the query word with a case ending cut off
            if stem in self._index:
                out.setdefault(stem, 0.8)
            j = bisect_left(self._sorted, stem)
            for w in self._sorted[j:j + 50]:  # Казахстана ~ Казахстане ~ Казахстан
                if not w.startswith(stem):
                    break
                if len(w) - len(stem) <= 2 and len(stem) >= 5:
                    out.setdefault(w, 0.75)
        if len(token) >= 4:
            counts: dict[str, int] = {}
            for t in _trigrams(token):
                for w in self._trigrams.get(t, ()):
                    counts[w] = counts.get(w, 0) + 1
            for w, n in counts.items():
                if w not in out and n >= len(token) // 3 and abs(len(w) - len(token)) <= 2 \
                        and _distance(token, w, 2) <= (1 if len(token) < 7 else 2):
                    out[w] = 0.5
        return out

    def search(
        self, q: str, *, type: str | None = None, lang: str | None = None, limit: int = 20
    ) -> list[EntityHit]:
        needle = fold(q)
        if not needle:
            return []
        spelled = _spelling(q)
        tokens = [t for t in dict.fromkeys(_words(needle) + _words(spelled))]
        fold_tokens, slug_tokens = _words(needle), _words(spelled)
        # a short word is a prefix only when it is the whole query ("БҰҰ" is "bu" in Latin)
        matches = {t: self._matches(t, len(t) >= 3 or len(needle) < 3) for t in tokens}
        candidates: set[int] = set()
        for found in matches.values():
            for w in found:
                candidates.update(self._index[w])
        if len(needle) >= 3:  # a piece of a word (old behaviour): "stan", "disarm"
            candidates.update(i for i, (folded, *_) in enumerate(self.labels) if needle in folded)
        hits: dict[str, EntityHit] = {}
        for i in candidates:
            folded, iri, label, label_lang = self.labels[i]
            if lang and label_lang != lang:
                continue
            entity_type = self.types.get(iri)
            if entity_type is None or (type and entity_type != type):
                continue
            quality = coverage = 0.0
            for group, words in zip((fold_tokens, slug_tokens), self._words[i], strict=True):
                if not group or not words:
                    continue
                best = [max((matches[t].get(w, 0.0) for w in words), default=0.0)
                        for t in group]
                if sum(b > 0 for b in best) * 2 >= len(group) and sum(best) / len(group) > quality:
                    quality = sum(best) / len(group)
                    used = sum(1 for w in words if any(matches[t].get(w) for t in group))
                    coverage = used / len(words)
            if folded == needle or (spelled and self._slugs[i] == spelled):
                score = 4.0
            elif quality:
                score = 1.0 + 1.5 * quality + coverage
            elif needle in folded:
                score = 1.0
            else:
                continue
            score += 0.5 * min(len(needle) / max(len(folded), 1), 1.0)
            hit = hits.get(iri)
            if hit is None or score > hit.score:
                hits[iri] = EntityHit(
                    id=entity_id(iri), iri=iri, type=entity_type,
                    label=self.pref.get(iri, label), matched=label, lang=label_lang or None,
                    score=round(score, 3),
                )
        out = sorted(hits.values(), key=lambda h: (-h.score, h.label, h.id))
        return out[:limit]


def _spelling(text: str) -> str:
    """The Latin slug of a text with spaces: one spelling for kk, ru and en names."""
    return slug(text).replace("-", " ")


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", text) if w]


def _trigrams(word: str) -> set[str]:
    padded = f" {word} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}


def _distance(a: str, b: str, cap: int) -> int:
    """Levenshtein distance, giving up (returning cap + 1) past ``cap``.

    >>> _distance("ashkbayev", "ashikbayev", 2), _distance("abc", "xyz", 1)
    (1, 2)
    """
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > cap:
            return cap + 1
        prev = cur
    return prev[-1]


def label_index(store: Store) -> LabelIndex:
    """The label index of the store, rebuilt only after the store changed."""
    return cached(store, "labels", LabelIndex.build)


def search_entities(
    store: Store, q: str, *, type: str | None = None, lang: str | None = None, limit: int = 20
) -> list[EntityHit]:
    """Entities named like the query in any language, spelling or inflection, best first."""
    return label_index(store).search(q, type=type, lang=lang, limit=limit)


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


#: schema.org classes of the entity types (the alignment declared in the ontology)
SCHEMA_TYPES = {
    "Official": "schema:Person", "State": "schema:Country",
    "Organization": "schema:GovernmentOrganization", "Forum": "schema:EventSeries",
    "Event": "schema:Event", "Treaty": "schema:Legislation", "Initiative": "schema:Project",
    "Place": "schema:Place",
}
JSONLD_CONTEXT = {
    "schema": "https://schema.org/",
    "dkg": DKG,
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "name": {"@id": "schema:name", "@container": "@language"},
    "alternateName": {"@id": "schema:alternateName", "@container": "@language"},
    "sameAs": {"@id": "schema:sameAs", "@type": "@id"},
    "startDate": {"@id": "schema:startDate"},
    "location": {"@id": "schema:location", "@type": "@id"},
    "superEvent": {"@id": "schema:superEvent", "@type": "@id"},
    "subjectOf": {"@id": "schema:subjectOf", "@type": "@id"},
}


def entity_jsonld(card: EntityCard) -> dict:
    """An entity card as JSON-LD with schema.org terms (for linked-data clients).

    >>> card = EntityCard(id="state/kz", iri=ID + "state/kz", type="State",
    ...                   types=[DKG + "State"], label="Kazakhstan",
    ...                   labels={"en": ["Kazakhstan"], "kk": ["Қазақстан", "ҚР"]},
    ...                   wikidata="Q232")
    >>> doc = entity_jsonld(card)
    >>> doc["@type"], doc["name"], doc["sameAs"]
    (['schema:Country', 'dkg:State'], {'en': 'Kazakhstan', 'kk': 'Қазақстан'}, 'http://www.wikidata.org/entity/Q232')
    """
    dkg_types = [f"dkg:{t[len(DKG):]}" for t in card.types if t.startswith(DKG)]
    doc: dict = {
        "@context": JSONLD_CONTEXT,
        "@id": card.iri,
        "@type": [SCHEMA_TYPES.get(card.type, "schema:Thing"), *dkg_types],
        "name": {lang: names[0] for lang, names in sorted(card.labels.items()) if names and lang},
    }
    alternate = {lang: names[1:] for lang, names in sorted(card.labels.items())
                 if len(names) > 1 and lang}
    if alternate:
        doc["alternateName"] = alternate
    if card.wikidata:
        doc["sameAs"] = WIKIDATA + card.wikidata
    props = card.properties
    if props.get("date"):
        doc["startDate"] = sorted(props["date"], key=lambda d: (-len(d), d))[0]
    if props.get("heldIn"):
        doc["location"] = ID + props["heldIn"][0]
    if card.articles:
        doc["subjectOf"] = [a.iri for a in card.articles]
    return doc
