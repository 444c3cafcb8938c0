"""An extraction as the documented JSON contract of ``dkg extract --format json``.

    {"article": {"id", "lang", "date", "title"},
     "entities": [{"id": IRI, "type", "label", "labels": {"kk", "ru", "en"},
                   "wikidata": "Q…"|null, "mentions": [{"start", "end", "text"}]}],
     "relations": [{"subject": IRI, "predicate", "object": IRI, "role": str|null,
                    "evidence", "start", "end", "confidence"}],
     "events": [{"id": IRI, "date": "YYYY[-MM[-DD]]"|null, "place": IRI|null,
                 "participants": [IRI]}]}

Offsets are character offsets into the file's text exactly as read.
"""

from __future__ import annotations

from typing import Any

from graph.models import Extraction
from ontology import ID


def _iri(entity_id: str | None) -> str | None:
    return None if entity_id is None else ID + entity_id


def extraction_json(ex: Extraction) -> dict[str, Any]:
    art = ex.article
    return {
        "article": {"id": ID + "article/" + art.id, "lang": art.lang, "date": art.date,
                    "title": art.title},
        "entities": [
            {
                "id": _iri(e.id), "type": e.type, "label": e.label, "labels": dict(e.labels),
                "wikidata": e.wikidata,
                "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in e.mentions],
            }
            for e in ex.entities
        ],
        "relations": [
            {
                "subject": _iri(r.subject), "predicate": r.predicate, "object": _iri(r.object),
                "role": r.role, "evidence": r.evidence, "start": r.start, "end": r.end,
                "confidence": r.confidence,
            }
            for r in ex.relations
        ],
        "events": [
            {"id": _iri(v.id), "date": v.date, "place": _iri(v.place),
             "participants": [_iri(p) for p in v.participants]}
            for v in ex.events
        ],
        "extractor": ex.extractor,
    }
