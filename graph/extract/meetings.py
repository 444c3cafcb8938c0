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

from graph.extract.events import _new_event, _year_before, abbreviation, ordinal, short_label
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


def _body(sent: Sent, k: int, after: bool, kazakh: bool = False) -> Hit | None:
    """The forum/organisation named right before (kk, en) or right after (ru, en "of the") ``k``;
    not a ministry named in an official's title."""
    hits = [
        h
        for h in sent.hits
        if h.type in _BODIES and not h.nested and not h.in_title and h.source != "title"
    ]
    inside = [h for h in hits if h.i <= k < h.j]
    if inside:  # "C5+1 summit": the summit word is part of the forum's name
        return inside[0]
    before = [h for h in hits if k - 2 <= h.j <= k]
    later = [] if kazakh else [h for h in hits if k + 1 <= h.i <= k + 3]
    order = (later, before) if after else (before, later)
    for group in order:
        if group:
            return sorted(group, key=lambda h: (-(h.j - h.i), h.i))[0]
    return None


def _numbered(sent: Sent, k: int) -> bool:
    """ "61-я сессия", "80th session": numbered sessions are read in events.py."""
    return k > 0 and sent.toks[k - 1].text[:1].isdigit()


def _summit_held(doc: Doc, body: str) -> str | None:
    """The summit at hand of ``body`` or of the organisation ``body`` belongs to."""
    entry = doc.gaz.get(body)
    for b, (event, _) in doc.main_occurrence.items():
        other = doc.gaz.get(b)
        related = (
            b == body
            or (entry is not None and entry.part_of == b)
            or (other is not None and other.part_of == body)
        )
        if related and doc.events[event].kind == "Summit":
            return event
    return None


def _main_occurrence(doc: Doc, body: str) -> tuple[str, str | None] | None:
    """The occurrence of ``body``'s meetings the article is about (the first one named)."""
    return doc.main_occurrence.get(body)


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


_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "inaugural": 1,
    "first-ever": 1,
    "первый": 1, "второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5,
    "шестой": 6, "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10,
    "одиннадцатый": 11, "двенадцатый": 12,
    "бірінші": 1, "алғашқы": 1, "екінші": 2, "үшінші": 3, "төртінші": 4, "бесінші": 5,
    "алтыншы": 6, "жетінші": 7, "сегізінші": 8, "тоғызыншы": 9, "оныншы": 10,
}
_NEXT = frozenset(
    {"next", "upcoming", "following", "следующий", "предстоящий", "келесі", "алдағы"}
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9,
          "X": 10, "XI": 11, "XII": 12, "XX": 20, "XXI": 21, "XXII": 22, "XXIII": 23}


def qualifier(doc: Doc, sent: Sent, k: int) -> str | None:
    """Which occurrence a summit word at ``k`` names: "#2" (an ordinal), "next", or a
    year the sentence gives ("2023"); None for the occurrence at hand."""
    for n in range(max(0, k - 4), k):
        word = sent.toks[n].text
        low = sent.toks[n].lower
        reads = sent.reads[n] if doc.lang == "ru" else frozenset({low})
        num = next((_ORDINALS[r] for r in reads if r in _ORDINALS), None)
        if num is None and word in _ROMAN:
            num = _ROMAN[word]
        if num is None and low[:1].isdigit():
            digits = "".join(c for c in low.split("-")[0] if c.isdigit())
            rest = low[len(digits):].lstrip("-")
            if digits and len(digits) <= 2 and (rest in ("st", "nd", "rd", "th", "й", "я", "ші", "шы", "ой", "ий") or not rest):
                num = int(digits)
        if num is not None:
            return f"#{num}"
        if reads & _NEXT:
            return "next"
    for n, tok in enumerate(sent.toks):  # "in 2023", "2023 жылы", "в 2023 году"
        if _is_year(tok.text) and tok.text != doc.year and abs(n - k) <= 8:
            return tok.text
    return None


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def _occurrence_label(doc: Doc, base: str, year: str | None, qual: str | None) -> tuple[str, str | None]:
    """The label and date of the occurrence: the one at hand carries the article's year;
    an ordinal or "next" one is its own event."""
    if qual is None:
        return f"{base} {year or ''}".strip(), year
    if qual.startswith("#"):
        return f"{ordinal(int(qual[1:]))} {base}", None
    if qual == "next":
        return f"Next {base}", None
    return f"{base} {qual}", qual


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
        body = _body(
            sent, k, after=doc.lang == "ru" or (doc.lang == "en" and not summit), kazakh=doc.lang == "kk"
        )
        if body is None and summit and doc.main_occurrence:
            # "the first summit took place in Xi'an": a summit of the body at hand
            qual = qualifier(doc, sent, k)
            last = list(doc.main_occurrence)[-1]
            if qual is not None and last not in done:
                body = Hit(last, doc.entities[last].type, sent.index, k, k + 1, 0, 0)
        if body is None or body.entity in done:
            continue
        year = _year_before(sent, min(body.i, k), window=5) or doc.year
        label_of = doc.entities[body.entity].label.casefold()
        qual = qualifier(doc, sent, min(k, body.i))
        held = _summit_held(doc, body.entity)
        if not summit and held is not None and qual is None:
            # "the session of the SCO Council of Heads of State", "ШЫҰ отырысы": the summit
            doc.add_hit(sent, doc.entities[held], min(k, body.i), max(k + 1, body.j))
            done.add(body.entity)
            continue
        main = _main_occurrence(doc, body.entity)
        if qual is not None and main is not None and main[1] == qual:
            qual = None  # "the second summit" again: the one at hand
        first_ordinal = None
        if qual is not None and main is None and qual.startswith("#"):
            first_ordinal, qual = qual, None  # the article's own summit, said with its number
        if summit or any(w in label_of for w in _HEADS[:2]):
            base, kind = summit_label(doc, body.entity, None), "Summit"
        else:
            base = f"Meeting of the {short_label(doc.entities[body.entity].label)}"
            kind = "Meeting"
        label, when = _occurrence_label(doc, base, year, qual)
        i, j = min(k, body.i), max(k + 1, body.j)
        ent = _new_event(doc, sent, label.strip(), kind, i, j)
        doc.event(ent, kind).date = doc.events[ent.id].date or when
        if qual is None:
            doc.main_occurrence.setdefault(body.entity, (ent.id, first_ordinal))
        elif qual.startswith("#") or qual == "next":
            year_said = next((t.text for t in sent.toks if _is_year(t.text)), None)
            doc.events[ent.id].date = doc.events[ent.id].date or year_said
        done.add(body.entity)
        doc.relate(ent.id, "partOf", body.entity, sent, 0.8)
