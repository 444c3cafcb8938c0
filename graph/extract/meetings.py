"""Summits and meetings of a forum or organisation, in every language:
"ШЫҰ саммиті", "саммит ШОС", "SCO summit" -> "SCO Summit 2025";
"СМИД отырысы", "заседание Совета ...", "meeting of the ..." -> "Meeting of the ... 2025".

A meeting of a council of heads of state is that organisation's summit, so
"ШЫҰ Мемлекет басшылары кеңесінің отырысы", "заседание Совета глав
государств ШОС" and "SCO summit" are one event, "SCO Summit 2025", in every
language. A summit word inside a forum's own name ("C5+1 summit") still names
an occurrence. One sentence names one meeting of a body.
"""

from __future__ import annotations

from graph.extract.events import _new_event, _year_before, abbreviation, short_label
from graph.extract.mentions import Doc, Hit, Sent

_SUMMIT = frozenset({"саммит", "summit", "саммиті"})
_MEETING = frozenset(
    {"отырыс", "заседание", "meeting", "совещание", "кеңес-мәжіліс", "session", "сессия"}
)
_BODIES = ("Forum", "Organization")
_HEADS = (
    "heads of state",
    "council of heads",
    "supreme eurasian economic council",
    "collective security council",
)


def _is(doc: Doc, sent: Sent, k: int, words: frozenset[str]) -> bool:
    if doc.lang == "en":
        return sent.toks[k].lower in words
    return bool(sent.reads[k] & words) or sent.toks[k].lower in words


def _body(sent: Sent, k: int, after: bool) -> Hit | None:
    """The forum/organisation named right before (kk, en) or right after (ru, en "of the") ``k``."""
    hits = [h for h in sent.hits if h.type in _BODIES and not h.nested]
    inside = [h for h in hits if h.i <= k < h.j]
    if inside:  # "C5+1 summit": the summit word is part of the forum's name
        return inside[0]
    before = [h for h in hits if k - 2 <= h.j <= k]
    later = [h for h in hits if k + 1 <= h.i <= k + 3]
    order = (later, before) if after else (before, later)
    for group in order:
        if group:
            return sorted(group, key=lambda h: (-(h.j - h.i), h.i))[0]
    return None


def _numbered(sent: Sent, k: int) -> bool:
    """ "61-я сессия", "80th session": numbered sessions are read in events.py."""
    return k > 0 and sent.toks[k - 1].text[:1].isdigit()


def summit_label(doc: Doc, body: str, year: str | None) -> str:
    """ "SCO Summit 2025" for the SCO and for its Council of Heads of State."""
    entry = doc.gaz.get(body)
    owner = body
    if (
        entry
        and entry.type == "Forum"
        and entry.part_of
        and any(w in entry.label.casefold() for w in ("heads of state",))
    ):
        owner = entry.part_of
    return f"{abbreviation(doc, owner)} Summit {year or ''}".strip()


def find_meetings(doc: Doc, sent: Sent) -> None:
    done: set[str] = set()
    for k in range(len(sent.toks)):
        outer = sent.covered(k)
        if outer is not None and outer.type not in _BODIES:
            continue
        summit = _is(doc, sent, k, _SUMMIT)
        if not summit and (outer is not None or not _is(doc, sent, k, _MEETING)):
            continue
        if not summit and _numbered(sent, k):
            continue
        if (
            summit
            and doc.lang == "en"
            and k + 1 < len(sent.toks)
            and sent.toks[k + 1].lower == "between"
        ):
            # "the summit between the EU and the five Central Asian states": the parties
            # follow, not the summit's body; it is the summit the article named before
            known = doc.last_of_type(("Event",), sent.index, kinds=("Summit",))
            if known is not None:
                doc.add_hit(sent, known, k, k + 1, source="anaphor")
            continue
        body = _body(sent, k, after=doc.lang == "ru" or (doc.lang == "en" and not summit))
        if body is None or body.entity in done:
            continue
        year = _year_before(sent, min(body.i, k), window=5) or doc.year
        label_of = doc.entities[body.entity].label.casefold()
        if summit or any(w in label_of for w in _HEADS[:2]):
            label, kind = summit_label(doc, body.entity, year), "Summit"
        else:
            label = f"Meeting of the {short_label(doc.entities[body.entity].label)} {year or ''}"
            kind = "Meeting"
        i, j = min(k, body.i), max(k + 1, body.j)
        ent = _new_event(doc, sent, label.strip(), kind, i, j)
        doc.event(ent, kind).date = doc.events[ent.id].date or year
        done.add(body.entity)
        doc.relate(ent.id, "partOf", body.entity, sent, 0.8)
