"""Summits and meetings of a forum or organisation, in every language:
"ШЫҰ саммиті", "саммит ШОС", "SCO summit" -> "SCO Summit 2025";
"СМИД отырысы", "заседание Совета ...", "meeting of the ..." -> "Meeting of the ... 2025".
"""

from __future__ import annotations

from graph.extract.events import _new_event, _year_before, abbreviation, short_label
from graph.extract.mentions import Doc, Hit, Sent

_SUMMIT = frozenset({"саммит", "summit"})
_MEETING = frozenset({"отырыс", "заседание", "meeting"})
_BODIES = ("Forum", "Organization")


def _is(doc: Doc, sent: Sent, k: int, words: frozenset[str]) -> bool:
    return bool(sent.reads[k] & words) if doc.lang != "en" else sent.toks[k].lower in words


def _body(sent: Sent, k: int, after: bool) -> Hit | None:
    """The forum/organisation named right before (kk, en) or right after (ru, en "of the") ``k``."""
    hits = [h for h in sent.hits if h.type in _BODIES and not h.nested]
    before = [h for h in hits if k - 2 <= h.j <= k]
    later = [h for h in hits if k + 1 <= h.i <= k + 3]
    order = (later, before) if after else (before, later)
    for group in order:
        if group:
            return sorted(group, key=lambda h: (-(h.j - h.i), h.i))[0]
    return None


def find_meetings(doc: Doc, sent: Sent) -> None:
    for k in range(len(sent.toks)):
        if sent.covered(k):
            continue
        summit = _is(doc, sent, k, _SUMMIT)
        if not summit and not _is(doc, sent, k, _MEETING):
            continue
        body = _body(sent, k, after=doc.lang == "ru" or (doc.lang == "en" and not summit))
        if body is None:
            continue
        year = _year_before(sent, min(body.i, k), window=5) or doc.year
        if summit:
            label = f"{abbreviation(doc, body.entity)} Summit {year or ''}".strip()
            kind = "Summit"
        else:
            label = f"Meeting of the {short_label(doc.entities[body.entity].label)} {year or ''}"
            kind = "Meeting"
        i, j = min(k, body.i), max(k + 1, body.j)
        ent = _new_event(doc, sent, label.strip(), kind, i, j)
        doc.event(ent, kind).date = doc.events[ent.id].date or year
        doc.relate(ent.id, "partOf", body.entity, sent, 0.8)
