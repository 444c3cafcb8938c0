"""dkg's library: articles -> extraction -> RDF -> store -> analytics and pictures.

``__all__`` is the public surface: the faces in ``api/`` use these names and no
others (``tests/test_architecture.py`` checks it). Names are loaded lazily, so
``import graph`` stays cheap for the command line.
"""

from __future__ import annotations

import importlib
from typing import Any

#: public name -> the module that defines it
_PUBLIC: dict[str, str] = {
    # floor 1: data, errors, settings
    "Settings": "graph.config",
    "DkgError": "graph.errors",
    "ArticleError": "graph.errors",
    "GazetteerError": "graph.errors",
    "ExtractionError": "graph.errors",
    "QueryError": "graph.errors",
    "QueryTimeout": "graph.errors",
    "StoreError": "graph.errors",
    "NotFoundError": "graph.errors",
    "ValidationError": "graph.errors",
    "Article": "graph.models",
    "Entity": "graph.models",
    "EntityType": "graph.models",
    "Event": "graph.models",
    "Extraction": "graph.models",
    "Relation": "graph.models",
    "ENTITY_TYPES": "graph.models",
    "EVENT_KINDS": "graph.models",
    # floor 2: articles, gazetteer, mapping, store
    "expand_paths": "graph.articles",
    "parse_text": "graph.articles",
    "read_articles": "graph.articles",
    "Gazetteer": "graph.gazetteer",
    "load_gazetteer": "graph.gazetteer",
    "Store": "graph.store",
    "EmbeddedStore": "graph.store",
    "SparqlResult": "graph.store",
    "DATASET_FORMATS": "graph.store",
    "RDF_FORMATS": "graph.store",
    "rdf_format_for": "graph.store",
    "BadData": "graph.store",
    "ResultTooLarge": "graph.store",
    "is_iri": "graph.store",
    "RemoteStore": "graph.remote_store",
    "open_store": "graph.backends",
    # floor 3: extraction, protocol, validation, entities, related, paths, timeline, queries
    "extract": "graph.extract",
    "extract_safely": "graph.pipeline",
    "EXTRACTOR_VERSION": "graph.extract",
    "train_relation_model": "graph.extract.learned",
    "cross_validate_relations": "graph.extract.learned",
    "save_relation_model": "graph.extract.learned",
    "load_relation_model": "graph.extract.learned",
    "evaluate": "graph.evaluate",
    "evaluate_dir": "graph.evaluate",
    "extraction_json": "graph.report",
    "GRAPH_MEDIA": "graph.sparql",
    "RESULT_MEDIA": "graph.sparql",
    "SHORT_NAMES": "graph.sparql",
    "check_services": "graph.sparql",
    "negotiate": "graph.sparql",
    "query_form": "graph.sparql",
    "check_loads": "graph.sparql",
    "with_protocol_dataset": "graph.sparql",
    "QueryRunner": "graph.query_runner",
    "validate_store": "graph.validate",
    "shorten": "graph.validate",
    "ValidationReport": "graph.validate",
    "ArticleRef": "graph.entities",
    "EntityCard": "graph.entities",
    "EntityHit": "graph.entities",
    "entity_card": "graph.entities",
    "recent_articles": "graph.entities",
    "search_entities": "graph.entities",
    "entity_jsonld": "graph.entities",
    "label_index": "graph.entities",
    "store_version": "graph.cache",
    "CursorError": "graph.paging",
    "decode_cursor": "graph.paging",
    "encode_cursor": "graph.paging",
    "page": "graph.paging",
    "Projection": "graph.projection",
    "projection": "graph.projection",
    "personalized_pagerank": "graph.projection",
    "shortest_paths": "graph.projection",
    "importance": "graph.projection",
    "METHODS": "graph.related",
    "Evidence": "graph.related",
    "Reason": "graph.related",
    "Related": "graph.related",
    "related_entities": "graph.related",
    "Connection": "graph.paths",
    "EntityRef": "graph.paths",
    "Path": "graph.paths",
    "PathEdge": "graph.paths",
    "connecting_paths": "graph.paths",
    "Action": "graph.timeline",
    "TimelineEvent": "graph.timeline",
    "action_sort_key": "graph.timeline",
    "entity_timeline": "graph.timeline",
    "event_sort_key": "graph.timeline",
    "events_timeline": "graph.timeline",
    "QueryParam": "graph.queries",
    "SavedQuery": "graph.queries",
    "bind_params": "graph.queries",
    "get_saved_query": "graph.queries",
    "load_saved_queries": "graph.queries",
    "run_saved": "graph.queries",
    "select_saved": "graph.queries",
    # floor 4: orchestration and pictures
    "delete_article": "graph.pipeline",
    "ARTICLE_PREFIX": "graph.pipeline",
    "ensure_reference": "graph.pipeline",
    "ingest_paths": "graph.pipeline",
    "ingest_text": "graph.pipeline",
    "IngestReport": "graph.pipeline",
    "ego_graph": "graph.explore",
    "construct_graph": "graph.query_graph",
    "relation_types": "graph.explore",
    "network_data": "graph.viz",
    "render_network": "graph.viz",
    "TYPE_STYLES": "graph.viz",
    "OTHER_STYLE": "graph.viz",
    "save_network": "graph.viz",
    "VizGraph": "graph.viz",
}

__all__ = sorted(_PUBLIC)


def __getattr__(name: str) -> Any:
    module = _PUBLIC.get(name)
    if module is None:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
