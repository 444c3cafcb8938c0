"""SHACL validation: good data conforms, each kind of bad data fails with a clear message."""

from __future__ import annotations

import re

import pytest
from rdflib import Dataset, Graph, URIRef

from graph.validate import ValidationReport, validate_graph, validate_store
from ontology import ONTOLOGY_FILE, ONTOLOGY_GRAPH

PREFIXES = """
@prefix dkg:    <https://w3id.org/dkg/ontology#> .
@prefix id:     <https://w3id.org/dkg/id/> .
@prefix at:     <https://w3id.org/dkg/id/action-type/> .
@prefix rdf:    <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix owl:    <http://www.w3.org/2002/07/owl#> .
@prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
@prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix prov:   <http://www.w3.org/ns/prov#> .
@prefix org:    <http://www.w3.org/ns/org#> .
"""

ARTICLE = "https://w3id.org/dkg/id/article/a1"
FACT = "https://w3id.org/dkg/id/fact/f1"
OFFICIAL = "https://w3id.org/dkg/id/official/ashikbayev"
SESSION = "https://w3id.org/dkg/id/event/hrc-61"

ARTICLE_TTL = """
id:article/a1 a dkg:Article ;
    dkg:contentHash "3f1b2c9d8e7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c" ;
    schema:inLanguage "en" ;
    schema:datePublished "2026-02-27"^^xsd:date ;
    schema:headline "Kazakhstan at the 61st session of the Human Rights Council" ;
    dkg:source "MFA of Kazakhstan" ;
    dkg:mentions id:official/ashikbayev , id:state/kz ;
    dkg:reports id:event/hrc-61 .
"""

ENTITIES_TTL = """
id:official/ashikbayev a dkg:Official ;
    skos:prefLabel "Yerzhan Ashikbayev"@en , "Ержан Ашикбаев"@ru , "Ержан Ашықбаев"@kk ;
    skos:altLabel "Ashikbayev"@en ;
    dkg:holdsPositionIn id:state/kz ;
    dkg:holdsPosition id:membership/ashikbayev-kz .
id:membership/ashikbayev-kz a org:Membership ;
    org:member id:official/ashikbayev ;
    org:organization id:state/kz ;
    org:role id:role/minister-of-foreign-affairs ;
    dkg:observedOn "2026-02-27"^^xsd:date ;
    prov:wasDerivedFrom id:article/a1 .
id:state/kz a dkg:State ;
    skos:prefLabel "Kazakhstan"@en , "Казахстан"@ru , "Қазақстан"@kk ;
    owl:sameAs <http://www.wikidata.org/entity/Q232> ;
    dkg:isoCode "KZ" .
id:event/hrc-61 a dkg:Session ;
    skos:prefLabel "61st session of the Human Rights Council"@en ;
    dkg:ordinal 61 ;
    dkg:date "2026-02"^^xsd:gYearMonth .
"""

ACTION_TTL = """
id:fact/f1 a dkg:Action ;
    dkg:actor id:official/ashikbayev ;
    dkg:target id:event/hrc-61 ;
    dkg:asserts dkg:participatedIn ;
    dkg:actionType at:participated ;
    dkg:inEvent id:event/hrc-61 ;
    dkg:date "2026-02-27"^^xsd:date ;
    dkg:evidence "Ashikbayev took part in the 61st session of the Human Rights Council."@en ;
    dkg:evidenceStart 120 ;
    dkg:evidenceEnd 196 ;
    dkg:confidence 0.9 ;
    prov:wasDerivedFrom id:article/a1 ;
    prov:wasGeneratedBy id:extractor/dkg-rules .
"""


def graph_of(*parts: str) -> Graph:
    """Parse Turtle snippets; ``id:kind/slug`` is short for the full instance IRI."""
    text = re.sub(r"\bid:([a-z-]+)/([\w-]+)", r"<https://w3id.org/dkg/id/\1/\2>", "\n".join(parts))
    return Graph().parse(data=PREFIXES + text, format="turtle")


def good_graph() -> Graph:
    return graph_of(ARTICLE_TTL, ENTITIES_TTL, ACTION_TTL)


def the_violation(report: ValidationReport, focus: str, path: str) -> str:
    """The message of the one Violation on ``focus`` / ``path``; fails otherwise."""
    assert not report.conforms, report.format()
    found = [v for v in report.errors if v.focus == focus and v.path == path]
    assert len(found) == 1, report.format()
    return found[0].message


def test_good_data_conforms() -> None:
    report = validate_graph(good_graph())
    assert report.conforms, report.format()
    assert report.violations == []
    assert report.format() == "Conforms: 0 violations, 0 warnings"


def test_validation_does_not_change_the_data() -> None:
    data = good_graph()
    before = len(data)
    validate_graph(data)
    assert len(data) == before


def test_action_without_actor() -> None:
    data = good_graph()
    data.remove((URIRef(FACT), URIRef("https://w3id.org/dkg/ontology#actor"), None))
    report = validate_graph(data)
    message = the_violation(report, FACT, "https://w3id.org/dkg/ontology#actor")
    assert "needs exactly one actor (dkg:actor)" in message
    line = next(line for line in report.format().splitlines() if "dkg:actor" in line)
    assert line.startswith("Violation: <fact:f1> dkg:actor — every Action or Fact needs")


def test_action_without_type() -> None:
    data = graph_of(
        ARTICLE_TTL, ENTITIES_TTL, ACTION_TTL.replace("dkg:actionType at:participated ;", "")
    )
    message = the_violation(validate_graph(data), FACT, "https://w3id.org/dkg/ontology#actionType")
    assert "every Action needs exactly one type (dkg:actionType)" in message


def test_action_type_outside_the_scheme() -> None:
    data = graph_of(ARTICLE_TTL, ENTITIES_TTL, ACTION_TTL.replace("at:participated", "at:danced"))
    message = the_violation(validate_graph(data), FACT, "https://w3id.org/dkg/ontology#actionType")
    assert "concept of the dkg:ActionTypes scheme" in message


def test_entity_without_preflabel() -> None:
    data = good_graph()
    kz = URIRef("https://w3id.org/dkg/id/state/kz")
    data.remove((kz, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), None))
    message = the_violation(
        validate_graph(data), str(kz), "http://www.w3.org/2004/02/skos/core#prefLabel"
    )
    assert message.startswith("every entity needs a name (skos:prefLabel)")


def test_event_subclass_is_checked_as_entity() -> None:
    """dkg:Session reaches the entity shape through rdfs:subClassOf in the ontology."""
    data = good_graph()
    session = URIRef(SESSION)
    data.remove((session, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"), None))
    message = the_violation(
        validate_graph(data), SESSION, "http://www.w3.org/2004/02/skos/core#prefLabel"
    )
    assert "every entity needs a name" in message


def test_two_english_preflabels() -> None:
    data = graph_of(
        ARTICLE_TTL,
        ENTITIES_TTL,
        ACTION_TTL,
        'id:official/ashikbayev skos:prefLabel "Erzhan Ashikbaev"@en .',
    )
    message = the_violation(
        validate_graph(data), OFFICIAL, "http://www.w3.org/2004/02/skos/core#prefLabel"
    )
    assert "at most one name (skos:prefLabel) per language" in message


def test_untagged_preflabel() -> None:
    data = graph_of(ARTICLE_TTL, ENTITIES_TTL, ACTION_TTL, 'id:state/kz skos:prefLabel "KZ" .')
    message = the_violation(
        validate_graph(data),
        "https://w3id.org/dkg/id/state/kz",
        "http://www.w3.org/2004/02/skos/core#prefLabel",
    )
    assert "must carry a language tag" in message


def test_sameas_not_wikidata() -> None:
    data = graph_of(
        ARTICLE_TTL,
        ENTITIES_TTL.replace(
            "<http://www.wikidata.org/entity/Q232>", "<https://www.wikidata.org/wiki/Q232>"
        ),
        ACTION_TTL,
    )
    report = validate_graph(data)
    message = the_violation(
        report, "https://w3id.org/dkg/id/state/kz", "http://www.w3.org/2002/07/owl#sameAs"
    )
    assert "must be a Wikidata item IRI" in message
    assert report.errors[0].value == "<https://www.wikidata.org/wiki/Q232>"


def test_event_date_typed_string() -> None:
    data = graph_of(
        ARTICLE_TTL,
        ENTITIES_TTL.replace('"2026-02"^^xsd:gYearMonth', '"2026-02"^^xsd:string'),
        ACTION_TTL,
    )
    report = validate_graph(data)
    message = the_violation(report, SESSION, "https://w3id.org/dkg/ontology#date")
    assert "an Event's date (dkg:date) must be a valid xsd:date" in message
    assert report.errors[0].value == '"2026-02"^^xsd:string'


def test_event_date_ill_formed() -> None:
    data = graph_of(
        ARTICLE_TTL,
        ENTITIES_TTL.replace('"2026-02"^^xsd:gYearMonth', '"2026-02-31"^^xsd:date'),
        ACTION_TTL,
    )
    message = the_violation(validate_graph(data), SESSION, "https://w3id.org/dkg/ontology#date")
    assert "dkg:date" in message


def test_confidence_above_one() -> None:
    data = graph_of(ARTICLE_TTL, ENTITIES_TTL, ACTION_TTL.replace("0.9", "1.5"))
    report = validate_graph(data)
    message = the_violation(report, FACT, "https://w3id.org/dkg/ontology#confidence")
    assert "is one xsd:decimal from 0 to 1" in message
    assert report.errors[0].value == '"1.5"^^xsd:decimal'
    assert '(value: "1.5"^^xsd:decimal)' in report.format()


def test_confidence_as_double() -> None:
    data = graph_of(ARTICLE_TTL, ENTITIES_TTL, ACTION_TTL.replace("0.9", "0.9e0"))
    message = the_violation(validate_graph(data), FACT, "https://w3id.org/dkg/ontology#confidence")
    assert "xsd:decimal" in message


def test_negative_offset_and_reversed_span() -> None:
    data = graph_of(ARTICLE_TTL, ENTITIES_TTL, ACTION_TTL.replace("120 ;", "-1 ;"))
    message = the_violation(
        validate_graph(data), FACT, "https://w3id.org/dkg/ontology#evidenceStart"
    )
    assert "0 or more" in message
    data = graph_of(ARTICLE_TTL, ENTITIES_TTL, ACTION_TTL.replace("120 ;", "500 ;"))
    message = the_violation(
        validate_graph(data), FACT, "https://w3id.org/dkg/ontology#evidenceStart"
    )
    assert "cannot start after it ends" in message


def test_fact_derived_from_a_non_article() -> None:
    data = graph_of(
        ARTICLE_TTL,
        ENTITIES_TTL,
        ACTION_TTL.replace(
            "prov:wasDerivedFrom id:article/a1", "prov:wasDerivedFrom id:article/zz"
        ),
    )
    message = the_violation(validate_graph(data), FACT, "http://www.w3.org/ns/prov#wasDerivedFrom")
    assert "must be derived from a dkg:Article" in message


def test_blank_evidence() -> None:
    data = graph_of(
        ARTICLE_TTL,
        ENTITIES_TTL,
        ACTION_TTL.replace(
            '"Ashikbayev took part in the 61st session of the Human Rights Council."@en',
            '"  "@en',
        ),
    )
    message = the_violation(validate_graph(data), FACT, "https://w3id.org/dkg/ontology#evidence")
    assert "non-empty sentence" in message


def test_article_without_content_hash() -> None:
    data = good_graph()
    data.remove((URIRef(ARTICLE), URIRef("https://w3id.org/dkg/ontology#contentHash"), None))
    message = the_violation(
        validate_graph(data), ARTICLE, "https://w3id.org/dkg/ontology#contentHash"
    )
    assert message.startswith("every Article needs exactly one content hash (dkg:contentHash)")


def test_article_bad_language() -> None:
    data = graph_of(ARTICLE_TTL.replace('"en"', '"de"'), ENTITIES_TTL, ACTION_TTL)
    message = the_violation(validate_graph(data), ARTICLE, "https://schema.org/inLanguage")
    assert '"kk", "ru" or "en"' in message


def test_membership_without_organization() -> None:
    data = graph_of(
        ARTICLE_TTL, ENTITIES_TTL.replace("org:organization id:state/kz ;", ""), ACTION_TTL
    )
    message = the_violation(
        validate_graph(data),
        "https://w3id.org/dkg/id/membership/ashikbayev-kz",
        "http://www.w3.org/ns/org#organization",
    )
    assert "exactly one organisation (org:organization)" in message


def test_untyped_actor_is_only_a_warning() -> None:
    data = graph_of(
        ARTICLE_TTL,
        ENTITIES_TTL,
        ACTION_TTL.replace("dkg:actor id:official/ashikbayev", "dkg:actor id:official/nobody"),
    )
    report = validate_graph(data)
    assert report.conforms, report.format()
    assert [(w.severity, w.focus) for w in report.warnings] == [("Warning", FACT)]
    assert report.format().splitlines()[1].startswith("Warning: <fact:f1> dkg:actor")


def test_dataset_union_leaves_out_the_ontology_graph() -> None:
    dataset = Dataset()
    article_graph = dataset.graph(URIRef(ARTICLE))
    for triple in graph_of(ARTICLE_TTL, ACTION_TTL):
        article_graph.add(triple)
    reference = dataset.graph(URIRef("https://w3id.org/dkg/graph/reference"))
    for triple in graph_of(ENTITIES_TTL):
        reference.add(triple)
    # an ontology graph whose own nodes would fail the entity shape if validated as data
    ontology = dataset.graph(URIRef(ONTOLOGY_GRAPH))
    ontology.parse(ONTOLOGY_FILE, format="turtle")
    for triple in graph_of("id:state/xx a dkg:State ."):
        ontology.add(triple)
    report = validate_graph(dataset)
    assert report.conforms, report.format()


class ExportingStore:
    """The part of graph.store.Store that validate_store uses."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset

    def export(self, format: str) -> bytes:
        assert format == "nquads"
        return self.dataset.serialize(format="nquads", encoding="utf-8")


def test_validate_store() -> None:
    dataset = Dataset()
    article_graph = dataset.graph(URIRef(ARTICLE))
    bad = ACTION_TTL.replace("dkg:actor id:official/ashikbayev ;", "")
    for triple in graph_of(ARTICLE_TTL, ENTITIES_TTL, bad):
        article_graph.add(triple)
    dataset.graph(URIRef(ONTOLOGY_GRAPH)).parse(ONTOLOGY_FILE, format="turtle")
    report = validate_store(ExportingStore(dataset))
    message = the_violation(report, FACT, "https://w3id.org/dkg/ontology#actor")
    assert "actor" in message


def test_validate_store_unreadable_export() -> None:
    from graph.errors import ValidationError

    class Broken:
        def export(self, format: str) -> bytes:
            return b"<urn:a> <urn:b> .\n"

    with pytest.raises(ValidationError, match="N-Quads export"):
        validate_store(Broken())
