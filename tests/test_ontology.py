"""The ontology and the shapes: they parse, declare the whole vocabulary, and are well formed."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, SKOS

from ontology import ACTION_TYPES, DKG, ONTOLOGY_FILE, SHAPES_FILE

D = Namespace(DKG)

#: every class the mapping may emit, with what it must be aligned to (a superclass or match)
CLASSES: dict[str, list[str]] = {
    "Entity": [],
    "Official": ["https://schema.org/Person", "http://xmlns.com/foaf/0.1/Person"],
    "State": ["https://schema.org/Country", "http://www.wikidata.org/entity/Q6256"],
    "Organization": [
        "http://www.w3.org/ns/org#FormalOrganization",
        "https://schema.org/GovernmentOrganization",
    ],
    "Forum": ["http://www.w3.org/ns/org#FormalOrganization", "https://schema.org/EventSeries"],
    "Event": ["http://semanticweb.cs.vu.nl/2009/11/sem/Event", "https://schema.org/Event"],
    "Session": [],
    "Segment": [],
    "Summit": [],
    "Meeting": [],
    "Visit": [],
    "Conference": [],
    "Referendum": [],
    "Anniversary": [],
    "Ceremony": [],
    "Treaty": ["https://schema.org/Legislation", "http://www.wikidata.org/entity/Q131569"],
    "Initiative": ["https://schema.org/Project"],
    "Place": ["https://schema.org/Place"],
    "Article": ["https://schema.org/NewsArticle", "http://www.w3.org/ns/prov#Entity"],
    "Fact": [str(RDF.Statement), "http://www.w3.org/ns/prov#Entity"],
    "Action": [DKG + "Fact", "http://semanticweb.cs.vu.nl/2009/11/sem/Event"],
    "ActionType": [str(SKOS.Concept)],
    "Extractor": ["http://www.w3.org/ns/prov#SoftwareAgent"],
}
ENTITY_CLASSES = [
    "Official",
    "State",
    "Organization",
    "Forum",
    "Event",
    "Treaty",
    "Initiative",
    "Place",
]
EVENT_SUBCLASSES = [
    "Session",
    "Segment",
    "Summit",
    "Meeting",
    "Visit",
    "Conference",
    "Referendum",
    "Anniversary",
    "Ceremony",
]

OBJECT_PROPERTIES = [
    "participatedIn",
    "holdsPositionIn",
    "holdsPosition",
    "represents",
    "proposed",
    "supports",
    "calledFor",
    "partyTo",
    "signed",
    "metWith",
    "locatedIn",
    "partOf",
    "heldIn",
    "commemorates",
    "mentions",
    "reports",
    "actor",
    "target",
    "asserts",
    "actionType",
    "inEvent",
]
DATATYPE_PROPERTIES = [
    "date",
    "role",
    "ordinal",
    "years",
    "baseYear",
    "evidence",
    "evidenceStart",
    "evidenceEnd",
    "confidence",
    "observedOn",
    "startDate",
    "endDate",
    "contentHash",
    "source",
    "isoCode",
]
ACTION_TYPE_NAMES = [
    "participated",
    "spoke",
    "proposed",
    "supported",
    "calledFor",
    "met",
    "signed",
    "commemorated",
    "visited",
    "hosted",
    "criticized",
    "ratified",
]
#: the real CAMEO 1.1b3 codes chosen for each action type
CAMEO_CODES = {
    "participated": "044",
    "spoke": "010",
    "proposed": "030",
    "supported": "051",
    "calledFor": "020",
    "met": "040",
    "signed": "057",
    "commemorated": "017",
    "visited": "042",
    "hosted": "043",
    "criticized": "111",
    "ratified": "057",
}
CAMEO = "https://w3id.org/dkg/cameo/"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def langs(graph: Graph, subject: URIRef, predicate: URIRef) -> set[str | None]:
    return {o.language for o in graph.objects(subject, predicate) if isinstance(o, Literal)}


def test_ontology_header(ontology: Graph) -> None:
    header = URIRef("https://w3id.org/dkg/ontology")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(header, URIRef("http://purl.org/dc/terms/title")) is not None
    assert ontology.value(header, URIRef("http://purl.org/dc/terms/license")) is not None


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_class_declared_labelled_aligned(ontology: Graph, name: str) -> None:
    cls = D[name]
    assert (cls, RDF.type, OWL.Class) in ontology, f"dkg:{name} is not declared an owl:Class"
    assert {"en", "kk", "ru"} <= langs(ontology, cls, RDFS.label), f"dkg:{name} labels"
    assert "en" in langs(ontology, cls, RDFS.comment), f"dkg:{name} has no @en comment"
    aligned = {
        str(o)
        for p in (RDFS.subClassOf, OWL.equivalentClass, SKOS.exactMatch, SKOS.closeMatch)
        for o in ontology.objects(cls, p)
    }
    assert set(CLASSES[name]) <= aligned, f"dkg:{name} misses alignments"


def test_entity_hierarchy(ontology: Graph) -> None:
    for name in ENTITY_CLASSES:
        assert (D[name], RDFS.subClassOf, D.Entity) in ontology
    for name in EVENT_SUBCLASSES:
        assert (D[name], RDFS.subClassOf, D.Event) in ontology


@pytest.mark.parametrize("name", OBJECT_PROPERTIES)
def test_object_property_declared(ontology: Graph, name: str) -> None:
    prop = D[name]
    assert (prop, RDF.type, OWL.ObjectProperty) in ontology, f"dkg:{name} not declared"
    assert "en" in langs(ontology, prop, RDFS.label)
    assert "en" in langs(ontology, prop, RDFS.comment)


@pytest.mark.parametrize("name", DATATYPE_PROPERTIES)
def test_datatype_property_declared(ontology: Graph, name: str) -> None:
    prop = D[name]
    assert (prop, RDF.type, OWL.DatatypeProperty) in ontology, f"dkg:{name} not declared"
    assert "en" in langs(ontology, prop, RDFS.label)
    assert "en" in langs(ontology, prop, RDFS.comment)
    assert ontology.value(prop, RDFS.range) is not None


def test_property_details(ontology: Graph) -> None:
    assert (D.metWith, RDF.type, OWL.SymmetricProperty) in ontology
    assert (D.heldIn, RDFS.subPropertyOf, D.locatedIn) in ontology
    assert (
        D.heldIn,
        RDFS.subPropertyOf,
        URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace"),
    ) in ontology
    assert (D.mentions, RDFS.subPropertyOf, URIRef("https://schema.org/mentions")) in ontology
    assert ontology.value(D.confidence, RDFS.range) == URIRef(
        "http://www.w3.org/2001/XMLSchema#decimal"
    )


def test_action_type_scheme(ontology: Graph) -> None:
    scheme = D.ActionTypes
    assert (scheme, RDF.type, SKOS.ConceptScheme) in ontology
    in_scheme = set(ontology.subjects(SKOS.inScheme, scheme))
    assert in_scheme == {URIRef(ACTION_TYPES + n) for n in ACTION_TYPE_NAMES}


@pytest.mark.parametrize("name", ACTION_TYPE_NAMES)
def test_action_type_concept(ontology: Graph, name: str) -> None:
    concept = URIRef(ACTION_TYPES + name)
    assert (concept, RDF.type, D.ActionType) in ontology
    assert (concept, RDF.type, SKOS.Concept) in ontology
    assert {"en", "kk", "ru"} <= langs(ontology, concept, SKOS.prefLabel)
    assert "en" in langs(ontology, concept, SKOS.definition)
    matches = [str(o) for o in ontology.objects(concept, SKOS.closeMatch)]
    assert matches == [CAMEO + CAMEO_CODES[name]], f"{name}: CAMEO closeMatch {matches}"
    assert ontology.value(concept, SKOS.notation) == Literal("CAMEO:" + CAMEO_CODES[name])


def test_every_node_shape_has_a_target_and_every_shape_a_message(shapes: Graph) -> None:
    targets = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
    node_shapes = set(shapes.subjects(RDF.type, SH.NodeShape))
    assert node_shapes
    for shape in node_shapes:
        assert any(shapes.value(shape, t) is not None for t in targets), f"{shape} has no target"
    for shape in shapes.subjects(RDF.type, SH.PropertyShape):
        assert shapes.value(shape, SH.message) is not None, f"{shape} has no sh:message"
        assert any(shapes.subjects(SH.property, shape)), f"{shape} is used by no node shape"


def test_shape_targets_are_declared_classes(ontology: Graph, shapes: Graph) -> None:
    for cls in shapes.objects(None, SH.targetClass):
        if str(cls).startswith(DKG):
            assert (cls, RDF.type, OWL.Class) in ontology, f"shapes target undeclared {cls}"


def test_shapes_pass_shacl_meta_validation(shapes: Graph) -> None:
    """pySHACL checks the shapes graph against SHACL-SHACL (raises when it is invalid)."""
    conforms, _, text = pyshacl.validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, text


def test_shapes_use_only_declared_dkg_terms(ontology: Graph, shapes: Graph) -> None:
    declared = set(ontology.subjects(RDF.type, None))
    used = {o for o in shapes.objects(None, SH.path) if str(o).startswith(DKG)}
    used |= {o for o in shapes.objects(None, SH.targetClass) if str(o).startswith(DKG)}
    used |= {o for o in shapes.objects(None, SH["class"]) if str(o).startswith(DKG)}
    assert used - declared == set()
