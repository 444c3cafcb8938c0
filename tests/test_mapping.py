"""Extraction results -> RDF: named graph, direct edges, fact nodes, ontology coverage."""

from __future__ import annotations

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from graph.mapping import D, article_triples, date_literal, reference_triples
from graph.models import Article, Entity, Event, Extraction, Mention, Relation
from graph.validate import validate_graph
from ontology import ID, ONTOLOGY_FILE

TEXT = "Ержан Ашықбаев Женевада өткен сессияға қатысты."


def make_extraction() -> Extraction:
    art = Article(id="abc123", text=TEXT, lang="kk", title="Тест", date="2026-02-27",
                  content_hash="f" * 64, source="Test press office")
    official = Entity("official/yerzhan-test", "Official", "Yerzhan Test",
                      {"kk": "Ержан Тест", "en": "Yerzhan Test"},
                      mentions=[Mention(0, 14, "Ержан Ашықбаев")])
    geneva = Entity("place/geneva", "Place", "Geneva", {"kk": "Женева"}, wikidata="Q71",
                    mentions=[Mention(15, 23, "Женевада")], known=True)
    session = Entity("event/test-session-2026", "Event", "Test session 2026",
                     {"kk": "сессия"}, mentions=[Mention(30, 38, "сессияға")],
                     event_kind="Session")
    rel = [
        Relation("official/yerzhan-test", "participatedIn", "event/test-session-2026",
                 TEXT, 0, len(TEXT), 0.9),
        Relation("official/yerzhan-test", "holdsPositionIn", "state/kz", TEXT, 0, len(TEXT),
                 0.8, role="First Deputy Minister of Foreign Affairs"),
        Relation("event/test-session-2026", "locatedIn", "place/geneva", TEXT, 0, len(TEXT), 0.7),
    ]
    events = [Event("event/test-session-2026", date="2026-02", place="place/geneva",
                    participants=["official/yerzhan-test"], kind="Session", ordinal=61)]
    return Extraction(art, [official, geneva, session], rel, events, extractor="dkg-rules/0.1.0")


def graph_of(ex: Extraction) -> Graph:
    g = Graph()
    for t in article_triples(ex):
        g.add(t)
    return g


def test_direct_edges_and_fact_nodes() -> None:
    g = graph_of(make_extraction())
    official = URIRef(ID + "official/yerzhan-test")
    session = URIRef(ID + "event/test-session-2026")
    assert (official, D.participatedIn, session) in g
    facts = list(g.subjects(D.asserts, D.participatedIn))
    assert len(facts) == 1
    fact = facts[0]
    assert (fact, RDF.type, D.Action) in g
    assert (fact, D.actionType, URIRef(ID + "action-type/participated")) in g
    assert g.value(fact, D.evidence) == Literal(TEXT, lang="kk")
    assert g.value(fact, D.evidenceEnd).toPython() == len(TEXT)
    assert str(g.value(fact, URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"))) == \
        ID + "article/abc123"
    # positions: a Fact (not an Action) and an org:Membership with the role
    position_fact = next(g.subjects(D.asserts, D.holdsPositionIn))
    assert (position_fact, RDF.type, D.Fact) in g
    membership = g.value(official, D.holdsPosition)
    assert str(g.value(membership, URIRef("http://www.w3.org/ns/org#organization"))) == \
        ID + "state/kz"


def test_typed_dates_and_event_class() -> None:
    g = graph_of(make_extraction())
    session = URIRef(ID + "event/test-session-2026")
    assert (session, RDF.type, D.Session) in g
    assert g.value(session, D.date) == Literal("2026-02", datatype=XSD.gYearMonth)
    assert date_literal("2026-02-27").datatype == XSD.date
    assert date_literal("1991").datatype == XSD.gYear


def test_known_entities_are_described_only_in_the_reference_graph() -> None:
    g = graph_of(make_extraction())
    geneva = URIRef(ID + "place/geneva")
    assert (None, D.mentions, geneva) in g
    assert (geneva, SKOS.prefLabel, None) not in g
    new = URIRef(ID + "official/yerzhan-test")
    assert g.value(new, SKOS.prefLabel) == Literal("Yerzhan Test", lang="en")
    assert (new, SKOS.altLabel, Literal("Ержан Тест", lang="kk")) in g


def test_every_term_the_mapping_emits_is_declared_in_the_ontology(gazetteer) -> None:
    ontology = Graph().parse(ONTOLOGY_FILE)
    declared = set(ontology.subjects(RDF.type, None))
    g = graph_of(make_extraction())
    for t in reference_triples(gazetteer.entries(), gazetteer.roles()):
        g.add(t)
    used_classes = {o for o in g.objects(None, RDF.type) if str(o).startswith(str(D))}
    used_props = {p for p in g.predicates() if str(p).startswith(str(D))}
    used_concepts = set(g.objects(None, D.actionType))
    assert used_classes and used_props and used_concepts
    missing = sorted(str(x) for x in (used_classes | used_props | used_concepts) - declared)
    assert missing == []
    # and the classes are classes, the properties properties
    for cls in used_classes:
        assert (cls, RDF.type, OWL.Class) in ontology
    for prop in used_props:
        assert any((prop, RDF.type, t) in ontology for t in
                   (OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property, OWL.SymmetricProperty))
    assert all((c, RDFS.label, None) in ontology or (c, SKOS.prefLabel, None) in ontology
               for c in used_concepts)


def test_article_and_reference_graphs_conform_to_the_shapes(gazetteer) -> None:
    ds = Dataset()
    article = ds.graph(URIRef(ID + "article/abc123"))
    for t in article_triples(make_extraction()):
        article.add(t)
    reference = ds.graph(URIRef("https://w3id.org/dkg/graph/reference"))
    for t in reference_triples(gazetteer.entries(), gazetteer.roles()):
        reference.add(t)
    report = validate_graph(ds)
    assert report.conforms, report.format()
