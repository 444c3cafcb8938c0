"""Related entities, ranked, each with the reasons it is related.

Three signals, each a SPARQL query over the union graph:

- direct: facts that link the two entities (weighted by predicate, with the
  strongest evidence sentence);
- via an event: the entity took part in an event that is part of (or took
  place in) the other one, or both took part in the same event;
- co-mention: both are mentioned in the same articles.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from graph.entities import _type_of, entity_iri, entity_id
from graph.errors import NotFoundError
from graph.store import Store
from ontology import DKG

#: how much one fact of each predicate counts
PREDICATE_WEIGHT = {
    "metWith": 3.0, "represents": 3.0, "holdsPositionIn": 3.0, "participatedIn": 2.5,
    "proposed": 2.5, "signed": 2.5, "supports": 2.0, "calledFor": 2.0, "partyTo": 2.0,
    "partOf": 2.0, "locatedIn": 1.5, "commemorates": 1.5,
}
EVENT_WEIGHT = 1.5
COMENTION_WEIGHT = 0.25
METHODS = ("direct", "event", "comention")


@dataclass
class Reason:
    method: str  # direct | event | comention
    text: str  # one line a person reads
    evidence: str | None = None
    article: str | None = None
    via: str | None = None  # id of the event or entity in between


@dataclass
class Related:
    id: str
    label: str
    type: str
    score: float
    reasons: list[Reason] = field(default_factory=list)


def related_entities(
    store: Store,
    id_or_iri: str,
    *,
    limit: int = 20,
    types: set[str] | None = None,
    methods: tuple[str, ...] = METHODS,
) -> list[Related]:
    """Entities related to one entity, best first."""
    iri = entity_iri(id_or_iri)
    node = URIRef(iri)
    if not store.ask("ASK { ?e ?p ?o }", {"e": node}):
        raise NotFoundError(
            f"no entity {entity_id(iri)!r} in the store: search with /api/entities?q=NAME"
        )
    found: dict[str, Related] = {}

    def add(other: str, score: float, reason: Reason) -> None:
        if other == iri:
            return
        item = found.get(other)
        if item is None:
            item = found[other] = Related(id=entity_id(other), label="", type="", score=0.0)
        item.score += score
        item.reasons.append(reason)

    if "direct" in methods:
        rows = store.select(
            """SELECT ?e ?other ?prop ?dir (COUNT(DISTINCT ?fact) AS ?n) (SAMPLE(?ev) AS ?evidence)
                      (SAMPLE(?a) AS ?article) WHERE {
                 { ?fact dkg:actor ?e ; dkg:target ?other BIND("out" AS ?dir) }
                 UNION { ?fact dkg:target ?e ; dkg:actor ?other BIND("in" AS ?dir) }
                 ?fact dkg:asserts ?prop ; dkg:evidence ?ev ; prov:wasDerivedFrom ?a .
               } GROUP BY ?e ?other ?prop ?dir""",
            {"e": node},
        )
        for r in rows:
            prop = r["prop"][len(DKG):]
            n = int(r["n"])
            arrow = f"{prop} →" if r["dir"] == "out" else f"← {prop}"
            add(r["other"], PREDICATE_WEIGHT.get(prop, 1.0) * (1 + 0.5 * (n - 1)),
                Reason("direct", f"{arrow} ({n} fact{'s' * (n > 1)})",
                       evidence=r.get("evidence"), article=r.get("article")))

    if "event" in methods:
        # the entity took part in an event that is part of / held in the other entity
        rows = store.select(
            """SELECT DISTINCT ?e ?other ?ev ?how WHERE {
                 ?e dkg:participatedIn ?ev .
                 { ?ev dkg:partOf+ ?other BIND("part of" AS ?how) }
                 UNION { ?ev dkg:heldIn|dkg:locatedIn ?other BIND("held in" AS ?how) }
                 UNION { ?other dkg:participatedIn ?ev BIND("also took part in" AS ?how) }
               }""",
            {"e": node},
        )
        for r in rows:
            ev = entity_id(r["ev"])
            if r["how"] == "also took part in":
                text = f"both took part in {ev}"
            else:
                text = f"took part in {ev}, {r['how']} it"
            add(r["other"], EVENT_WEIGHT, Reason("event", text, via=ev))

    if "comention" in methods:
        rows = store.select(
            """SELECT ?e ?other (COUNT(DISTINCT ?a) AS ?n) WHERE {
                 ?a dkg:mentions ?e , ?other .
               } GROUP BY ?e ?other""",
            {"e": node},
        )
        for r in rows:
            n = int(r["n"])
            add(r["other"], COMENTION_WEIGHT * n,
                Reason("comention", f"mentioned together in {n} article{'s' * (n > 1)}"))

    _label(store, found)
    items = [x for x in found.values() if not types or x.type in types]
    items.sort(key=lambda x: (-x.score, x.label))
    for item in items:
        item.score = round(item.score, 3)
    return items[:limit]


def _label(store: Store, found: dict[str, Related]) -> None:
    if not found:
        return
    values = " ".join(f"<{iri}>" for iri in found)
    rows = store.select(
        f"""SELECT ?x ?label ?type WHERE {{
              VALUES ?x {{ {values} }}
              OPTIONAL {{ ?x skos:prefLabel ?label FILTER(LANG(?label) = "en") }}
              OPTIONAL {{ ?x a ?type FILTER(STRSTARTS(STR(?type), STR(dkg:))) }}
            }}"""
    )
    types: dict[str, list[str]] = {}
    for r in rows:
        item = found[r["x"]]
        if r.get("label") and not item.label:
            item.label = r["label"]
        if r.get("type"):
            types.setdefault(r["x"], []).append(r["type"])
    for iri, item in found.items():
        item.type = _type_of(types.get(iri, []))
        item.label = item.label or item.id
