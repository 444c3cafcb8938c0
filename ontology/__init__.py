"""The dkg ontology: namespaces, IRIs and the files that define them.

Imports nothing from ``graph`` or ``api``.
"""

from __future__ import annotations

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "dkg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
QUERIES_DIR = ONTOLOGY_DIR / "queries"

DKG = "https://w3id.org/dkg/ontology#"
ID = "https://w3id.org/dkg/id/"
GRAPH = "https://w3id.org/dkg/graph/"
ONTOLOGY_GRAPH = GRAPH + "ontology"
REFERENCE_GRAPH = GRAPH + "reference"
ACTION_TYPES = ID + "action-type/"  # SKOS concepts of the dkg:ActionType scheme
WIKIDATA = "http://www.wikidata.org/entity/"

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SCHEMA = "https://schema.org/"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
TIME = "http://www.w3.org/2006/time#"
FOAF = "http://xmlns.com/foaf/0.1/"
DCT = "http://purl.org/dc/terms/"
SH = "http://www.w3.org/ns/shacl#"

#: prefixes declared for every SPARQL query and every Turtle export
PREFIXES: dict[str, str] = {
    "dkg": DKG,
    "id": ID,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "schema": SCHEMA,
    "prov": PROV,
    "org": ORG,
    "sem": SEM,
    "time": TIME,
    "foaf": FOAF,
    "dct": DCT,
    "wd": WIKIDATA,
    # one prefix per kind of resource, so that ids read as state:kz, official:…, forum:unhrc
    "state": ID + "state/",
    "official": ID + "official/",
    "organization": ID + "organization/",
    "forum": ID + "forum/",
    "event": ID + "event/",
    "treaty": ID + "treaty/",
    "initiative": ID + "initiative/",
    "place": ID + "place/",
    "article": ID + "article/",
    "fact": ID + "fact/",
    "role": ID + "role/",
    "actiontype": ACTION_TYPES,
}


def sparql_prefixes() -> str:
    """The PREFIX lines for every namespace in ``PREFIXES``.

    >>> sparql_prefixes().splitlines()[0]
    'PREFIX dkg: <https://w3id.org/dkg/ontology#>'
    """
    return "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items())
