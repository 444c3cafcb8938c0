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

import re

from graph.extract.events import (
    ORDINAL_WORDS,
    _new_event,
    _year_before,
    abbreviation,
    ordinal,
    short_label,
)
from graph.extract.mentions import KK_NUMBER_PREFIX, Doc, Hit, Sent, word_key
from graph.extract.normalize import is_abbreviation
from graph.extract.visits import INVITE_EN, INVITE_RU

_SUMMIT = frozenset({"саммит", "summit", "саммиті"})
_MEETING = frozenset(
    {"отырыс", "заседание", "meeting", "совещание", "кеңес-мәжіліс", "session", "сессия",
     "дебаты", "debate", "дебат"}
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
    if kazakh and not before:
        # "БҰҰ Қауіпсіздік Кеңесінің Ауғанстан жөніндегі ашық отырысында": the body in the
        # genitive, then what the sitting is about and what kind it is
        before = [
            h for h in hits
            if h.case == "gen" and k - 5 <= h.j < k - 2
            and all(_kk_sitting_word(sent, n) for n in range(h.j, k))
        ]
    if kazakh and not before:
        # "«Орталық Азия – Қытай» форматындағы сыртқы істер министрлерінің алтыншы
        # кездесуі": the format's meeting of its foreign ministers
        before = [
            h for h in hits
            if h.type == "Forum" and k - 6 <= h.j < k - 2 and _kk_ministers_of(sent, h.j, k)
        ]
    later = [] if kazakh else [
        h for h in hits
        if k + 1 <= h.i <= k + 3
        and not any(sent.toks[n].lower in ("и", "and", "а", "but") for n in range(k + 1, h.i))
        and not any(c in _gap_text(sent, k, h.i) for c in ",;:()")
    ]  # ("к саммиту и работе Регионального центра ООН": the centre's work, not its summit;
    # "the sidelines of the debate, the Permanent Mission ...": the next clause's subject)
    order = (later, before) if after else (before, later)
    for group in order:
        if group:
            return sorted(group, key=lambda h: (-(h.j - h.i), h.i))[0]
    return None


def _gap_text(sent: Sent, k: int, i: int) -> str:
    """The text between the end of token ``k`` and the start of token ``i``."""
    base = sent.span.start
    return sent.text[sent.toks[k].end - base : sent.toks[i].start - base]


#: words between a format and its ministers' meeting: "форматындағы сыртқы істер
#: министрлерінің (алтыншы)", "министрлері деңгейіндегі"
_KK_MINISTERS_WORDS = ("формат", "сыртқы", "істер", "министрлер", "деңгей")


def _kk_ministers_of(sent: Sent, a: int, b: int) -> bool:
    words = [sent.toks[n].lower for n in range(a, b)]
    return any(w.startswith("министрлер") for w in words) and all(
        w.startswith(_KK_MINISTERS_WORDS) or w in ORDINAL_WORDS or KK_NUMBER_PREFIX.match(w)
        for w in words
    )


_KK_SITTING_WORDS = ("жөніндегі", "бойынша", "туралы", "ашық", "жабық", "кезекті", "бейресми",
                     "кеңейтілген", "арнайы", "төтенше", "жалпы", "пленарлық", "жоғары",
                     "деңгейдегі", "онлайн", "бүгінгі", "жағдай", "мәселе",
                     "ахуал", "арналған")


def _kk_sitting_word(sent: Sent, n: int) -> bool:
    """A word that may stand between a body and its sitting: a state or place (the topic),
    a postposition, a kind of sitting."""
    hit = sent.covered(n)
    if hit is not None:
        return hit.type in ("State", "Place")
    return sent.toks[n].lower.startswith(_KK_SITTING_WORDS)


def _numbered(sent: Sent, k: int) -> bool:
    """ "61-я сессия", "80th session", "31-отырысына": numbered sessions and meetings are
    read in events.py."""
    return (k > 0 and sent.toks[k - 1].text[:1].isdigit()) or sent.toks[k].text[:1].isdigit()


def _summit_held(doc: Doc, body: str) -> str | None:
    """The summit at hand of ``body`` or of the organisation ``body`` belongs to."""
    entry = doc.gaz.get(body)
    for b, (event, _) in doc.main_occurrence.items():
        other = doc.gaz.get(b)
        related = (  # the same body, or an organisation and its council of heads of state
            b == body
            or (entry is not None and entry.part_of == b and _is_heads(entry.label))
            or (other is not None and other.part_of == body and _is_heads(other.label))
        )
        if related and doc.events[event].kind == "Summit":
            return event
    return None


def _is_heads(label: str) -> bool:
    return any(w in label.casefold() for w in _HEADS)


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
    name = abbreviation(doc, owner)
    if name.casefold().endswith("summit"):  # the Caspian Summit's own name is a summit
        return f"{name} {year or ''}".strip()
    return f"{name} Summit {year or ''}".strip()


_NEXT = frozenset(
    {"next", "upcoming", "following", "следующий", "предстоящий", "келесі", "алдағы"}
)
#: words that set an occurrence apart from the one at hand: "БРИКС-тің алдыңғы, XV саммиті"
_OTHER = _NEXT | {"previous", "last", "предыдущий", "прошлый", "алдыңғы"}
_ROMAN_DIGITS = {"I": 1, "V": 5, "X": 10, "L": 50}
_ROMAN_FORM = re.compile(r"^(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})$")


#: Cyrillic letters that Kazakh and Russian pages type for Roman digits ("ХХ форум", "ІІІ")
_ROMAN_LOOKALIKES = str.maketrans({"Х": "X", "І": "I", "Ӏ": "I"})


def roman(word: str) -> int | None:
    """ "XII" -> 12, "XV" -> 15, "ХХ" (Cyrillic) -> 20; None for anything else (also for
    "I" alone, the pronoun)."""
    word = word.translate(_ROMAN_LOOKALIKES)
    if not word or word == "I" or not _ROMAN_FORM.match(word):
        return None
    values = [_ROMAN_DIGITS[c] for c in word]
    return sum(-v if n + 1 < len(values) and v < values[n + 1] else v for n, v in enumerate(values))


_ORDINAL_ENDINGS = frozenset(
    {"st", "nd", "rd", "th", "й", "я", "е", "ой", "ий", "ая", "ое", "ші", "шы", "інші", "ыншы"}
)


def _number_at(doc: Doc, sent: Sent, n: int) -> int | None:
    """The ordinal token ``n`` writes: "seventh", "Седьмая", "екінші", "XII", "7th", "23-й"."""
    word, low = sent.toks[n].text, sent.toks[n].lower
    reads = sent.reads[n] if doc.lang == "ru" else frozenset({low})
    num = next((ORDINAL_WORDS[r] for r in reads if r in ORDINAL_WORDS), None)
    if num is None:
        num = roman(word)
    if num is None and low[:1].isdigit():
        digits = "".join(c for c in low.split("-")[0] if c.isdigit())
        rest = low[len(digits) :].lstrip("-")
        if digits and len(digits) <= 2 and rest in _ORDINAL_ENDINGS:
            num = int(digits)
    return num


def qualifier(doc: Doc, sent: Sent, k: int, upto: int | None = None) -> str | None:
    """Which occurrence a summit word at ``k`` names: "#2" (an ordinal), "next", or a
    year the sentence gives ("2023"); None for the occurrence at hand. The words looked at
    are the four before ``k`` and, with ``upto``, those from ``k`` to ``upto`` (Kazakh puts
    the ordinal between the body and the summit: "ТМҰ-ның кезекті XII саммиті")."""
    between = range(k, upto) if upto is not None else range(0)
    nxt = False
    for n in [*range(max(0, k - 4), k), *between]:
        if sent.covered(n) is not None and n >= k:
            continue
        num = _number_at(doc, sent, n)
        if num is not None:
            return f"#{num}"  # "the next, 23rd round": the number says which
        reads = sent.reads[n] if doc.lang == "ru" else frozenset({sent.toks[n].lower})
        nxt = nxt or bool(reads & _NEXT)
    return "next" if nxt else _year_near(doc, sent, k)


def _year_near(doc: Doc, sent: Sent, k: int) -> str | None:
    """A year other than the article's within eight words of ``k``: "in 2023", "2023 жылы"."""
    for n, tok in enumerate(sent.toks):
        if _is_year(tok.text) and tok.text != doc.year and abs(n - k) <= 8:
            return tok.text
    return None


def _is_year(word: str) -> bool:
    return len(word) == 4 and word.isdigit() and word[:2] in ("19", "20")


def _occurrence_label(
    doc: Doc, base: str, year: str | None, qual: str | None
) -> tuple[str, str | None]:
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
        meeting = _is(doc, sent, k, _MEETING) or (  # "министрлерінің алтыншы кездесуі"
            doc.lang == "kk" and sent.toks[k].lower.startswith("кездесу")
            and any(t.lower.startswith("министрлер") for t in sent.toks[max(0, k - 2) : k])
        )
        if not summit and (outer is not None or not meeting):
            continue
        if not summit and _numbered(sent, k) and _is(doc, sent, k, _MEETING):
            continue  # (but "министрлерінің 21-ші кездесуі" is read here)
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
            sent,
            k,
            after=doc.lang == "ru" or (doc.lang == "en" and not summit),
            kazakh=doc.lang == "kk",
        )
        if body is None and summit and _of_the_organisation(doc, sent, k):
            # "XII саммита организации": the organisation the article told of last
            last = doc.last_of_type(("Organization",), sent.index)
            if last is not None and last.known:
                body = Hit(last.id, "Organization", sent.index, k, k + 2, 0, 0)
        if body is None and doc.main_occurrence:
            # "the first summit took place in Xi'an", "Следующее заседание …": an occurrence
            # of the body at hand
            qual = qualifier(doc, sent, k)
            last = list(doc.main_occurrence)[-1]
            if qual is not None and (summit or qual == "next") and last not in done:
                body = Hit(last, doc.entities[last].type, sent.index, k, k + 1, 0, 0)
        if body is None or body.entity in done or body.entity.endswith("-plus"):
            continue  # ("SCO Plus meeting": find_plus_meetings)
        year = _year_before(sent, min(body.i, k), window=5) or doc.year
        label_of = doc.entities[body.entity].label.casefold()
        qual = qualifier(doc, sent, min(k, body.i), upto=k if body.j <= k else None)
        glued = KK_NUMBER_PREFIX.match(sent.toks[k].text) if doc.lang == "kk" else None
        if qual is None and glued:
            qual = f"#{int(glued.group(1))}"  # "ТМҰ-ның 11-саммитінде"
        held = _summit_held(doc, body.entity)
        if not summit and held is not None and qual is None:
            # "the session of the SCO Council of Heads of State", "ШЫҰ отырысы": the summit
            doc.add_hit(sent, doc.entities[held], min(k, body.i), max(k + 1, body.j))
            done.add(body.entity)
            continue
        main = _main_occurrence(doc, body.entity)
        i0 = min(k, body.i)
        other = any(sent.reads[n] & _OTHER for n in range(max(0, i0 - 4), k))
        if qual is not None and main is not None and main[1] == qual:
            qual = None  # "the second summit" again: the one at hand
        if (
            qual is not None
            and qual.startswith("#")
            and main is not None
            and main[1] is None
            and sent.index <= 3
            and not any(_is_year(t.text) and t.text != doc.year for t in sent.toks)
            and not other
        ):  # the lead calls the summit at hand "the first C5+1 summit held in the US"
            doc.main_occurrence[body.entity] = (main[0], qual)
            qual = None
        first_ordinal = None
        if qual is not None and main is None and qual.startswith("#") and not other:
            first_ordinal, qual = qual, None  # the article's own summit, said with its number
        if summit or any(w in label_of for w in _HEADS[:2]):
            base, kind = summit_label(doc, body.entity, None), "Summit"
        else:
            base = f"Meeting of the {short_label(doc.entities[body.entity].label)}"
            kind = "Meeting"
        label, when = _occurrence_label(doc, base, year, qual)
        i, j = min(k, body.i), max(k + 1, body.j)
        if any(h.type == "Event" and h.i < j and i < h.j for h in sent.hits):
            continue  # "the sixth China-Central Asia Foreign Ministers' Meeting": named already
        ent = _new_event(doc, sent, label.strip(), kind, i, j)
        doc.event(ent, kind).date = doc.events[ent.id].date or when
        if qual is None:
            doc.main_occurrence.setdefault(body.entity, (ent.id, first_ordinal))
        elif qual.startswith("#") or qual == "next":
            year_said = next((t.text for t in sent.toks if _is_year(t.text)), None)
            doc.events[ent.id].date = doc.events[ent.id].date or year_said
        done.add(body.entity)
        doc.relate(ent.id, "partOf", body.entity, sent, 0.8)


def _of_the_organisation(doc: Doc, sent: Sent, k: int) -> bool:
    """ "саммита организации", "the organisation's summit": the summit word at ``k`` is of
    an organisation the text names otherwise."""
    toks = sent.toks
    if doc.lang == "ru":
        return k + 1 < len(toks) and toks[k + 1].lower.startswith("организаци")
    if doc.lang == "en":
        return k >= 1 and toks[k - 1].lower in ("organization's", "organisation's")
    return False


def _ordinal_before(doc: Doc, sent: Sent, i: int) -> int | None:
    """The ordinal right before token ``i``: "VIII", "7th", "Седьмая", "екінші"."""
    for n in (i - 1, i - 2):
        if n < 0 or sent.covered(n) is not None:
            continue
        num = _number_at(doc, sent, n)
        if num is not None:
            return num
        if n == i - 1 and sent.toks[n].lower not in ("the", "its"):
            break
    return None


def _ordinal_inside(doc: Doc, sent: Sent, h: Hit) -> int | None:
    """The number written inside a Kazakh name: "лидерлерінің VIII съезі", "8-съезі"."""
    for n in range(h.i + 1, h.j):
        num = _number_at(doc, sent, n)
        if num is None and (m := KK_NUMBER_PREFIX.match(sent.toks[n].text)):
            num = int(m.group(1))
        if num is not None:
            return num
    return None


def _is_meeting_format(doc: Doc, forum: str) -> bool:
    """A forum whose own name is a meeting ("Consultative Meeting of ...")."""
    name = doc.entities[forum].label.casefold()
    return any(w in name for w in ("meeting", "congress", "conference"))


def find_numbered_forums(doc: Doc, sent: Sent) -> None:
    """ "VIII Congress of Leaders of World and Traditional Religions", "Седьмая
    Консультативная встреча ...": a numbered occurrence of a forum is an event of it."""
    for h in list(sent.hits):
        if h.type != "Forum" or h.nested:
            continue
        num = _ordinal_before(doc, sent, h.i)
        inner = _ordinal_inside(doc, sent, h) if num is None and doc.lang == "kk" else None
        if inner is not None:  # "діндер лидерлерінің VIII съезі" (mentions._across_ordinals)
            num = inner
        year = sent.toks[h.i - 1].text if h.i and _is_year(sent.toks[h.i - 1].text) else None
        if num is None and year and _is_meeting_format(doc, h.entity):
            # "the 2026 NPT Review Conference": that year's occurrence of the forum
            label = f"{short_label(doc.entities[h.entity].label)} {year}"
            ent = _new_event(doc, sent, label, "Conference", h.i - 1, h.j)
            doc.event(ent, "Conference").date = year
            doc.relate(ent.id, "partOf", h.entity, sent, 0.8)
            continue
        if num is None:
            continue
        if any(
            k < len(sent.toks) and (_is(doc, sent, k, _SUMMIT) or _is(doc, sent, k, _MEETING))
            for k in (h.j - 1, h.j)
        ) and not _is_meeting_format(doc, h.entity):
            continue  # "the first C5+1 summit": a summit of the forum (find_meetings)
        start = h.i if inner is not None else next(
            n for n in (h.i - 1, h.i - 2) if n >= 0 and _ordinal_before(doc, sent, n + 1) == num
        )
        label = f"{ordinal(num)} {short_label(doc.entities[h.entity].label)}"
        ent = _new_event(doc, sent, label, "Session", start, h.j)
        ev = doc.event(ent, "Session")
        ev.ordinal = num
        later = _year_near(doc, sent, h.j)
        if later and doc.year and later > doc.year:  # "XXII Форум ..., который пройдет в 2026"
            ev.date = ev.date or later
        doc.relate(ent.id, "partOf", h.entity, sent, 0.8)
        doc.main_occurrence.setdefault(h.entity, (ent.id, f"#{num}"))


#: nouns an occurrence of a body is counted in, by language (en word, ru lemma, kk stem)
_OCCURRENCE_NOUNS = {
    "en": {"forum": "forum", "congress": "congress", "session": "session", "meeting": "meeting"},
    "ru": {"форум": "forum", "съезд": "congress", "сессия": "session", "заседание": "meeting"},
    "kk": {"форум": "forum", "съез": "congress", "сессия": "session", "отырыс": "meeting",
           "кездесу": "meeting"},
}  # (a numbered summit is read by find_meetings, which knows the summit at hand)
#: "the organisation's" said of the organisation named before: "XX заседание организации"
_ORGANISATION_WORDS = ("organi", "организац", "ұйым")


def find_numbered_occurrences(doc: Doc, sent: Sent) -> None:
    """ "Келесі, XXI форум Омбыда өтеді", "на VII Съезде", "33-е заседание СМИД": a numbered
    occurrence of a body the article has named — the one named right after (ru, en) or
    before (kk), "the organisation" named last, the body whose occurrence the article is
    about (the forum for "форум", the congress for "съезд"), or the body an abbreviation
    after the noun named before. A number equal to the occurrence at hand names that
    occurrence. (Numbered summits are find_meetings': it knows the summit at hand.)"""
    table = _OCCURRENCE_NOUNS[doc.lang]
    for k in range(len(sent.toks)):
        if sent.covered(k) is not None:
            continue
        word, num = sent.toks[k].text, None
        prefixed = doc.lang == "kk" and KK_NUMBER_PREFIX.match(word)
        if prefixed:  # "33-отырысы"
            num = int(prefixed.group(1))
            key = next((w for w in table if word.split("-", 1)[1].casefold().startswith(w)), None)
        else:
            key = word_key(doc.lang, sent, k, table)
            n = k - 1
            if doc.lang == "kk" and n > 0 and sent.toks[n].text == ",":
                n -= 1
            if key is not None and n >= 0 and sent.covered(n) is None:
                num = _number_at(doc, sent, n)
        if key is None or num is None:
            continue
        noun = table[key]
        body = _numbered_body(doc, sent, k, noun, bool(prefixed))
        if body is None:
            continue
        main = doc.main_occurrence.get(body)
        start = k if prefixed else k - 1 - (sent.toks[k - 1].text == ",")
        if main is not None and main[1] == f"#{num}":
            doc.add_hit(sent, doc.entities[main[0]], start, k + 1, source="anaphor")
            continue
        label = doc.entities[body].label
        short = short_label(label)
        if noun in label.casefold() or noun in ("forum", "congress"):
            name = f"{ordinal(num)} {short}"
        else:
            name = f"{ordinal(num)} {noun} of the {short}"
        ent = _new_event(doc, sent, name, "Session", start, k + 1)
        ev = doc.event(ent, "Session")
        ev.ordinal = num
        year = next((t.text for t in sent.toks if _is_year(t.text)), None)
        if year and year != doc.year:
            ev.date = ev.date or year
        doc.relate(ent.id, "partOf", body, sent, 0.8)


def _numbered_body(doc: Doc, sent: Sent, k: int, noun: str, prefixed: bool) -> str | None:
    """Whose occurrence the noun at ``k`` counts (see find_numbered_occurrences)."""
    ends = (k, k - 1) if prefixed else (k - 1, k - 2)  # "кеңесінің 7-отырысы", "… VII съезі"
    near = [
        h for h in sent.hits
        if h.type in _BODIES and not h.nested and not h.in_title
        and (h.i in (k + 1, k + 2) if doc.lang != "kk" else h.j in ends)
    ]
    if near:
        return near[0].entity
    after = sent.toks[k + 1].text if k + 1 < len(sent.toks) else ""
    before = sent.toks[k - 2].lower if k >= 2 else ""
    said = (before if doc.lang == "kk" else after.casefold()).startswith(_ORGANISATION_WORDS) or (
        doc.lang == "en" and after == "of" and k + 3 < len(sent.toks)
        and sent.toks[k + 3].lower.startswith(_ORGANISATION_WORDS)
    )
    if said:
        org = doc.last_of_type(("Organization",), sent.index)
        return org.id if org is not None else None
    if noun in ("forum", "congress"):
        for body in reversed(list(doc.main_occurrence)):
            if noun in doc.entities[body].label.casefold():
                return body
        return None
    if noun in ("session", "meeting") and is_abbreviation(after):
        # "33-е заседание СМИД" after "32-м заседании СМИД ОБСЕ": the body counted before,
        # when the abbreviation is part of how it was named
        for s, p, o in reversed(list(doc.relations)):
            if p == "partOf" and s in doc.events and doc.events[s].ordinal is not None:
                named = (m.text.split() for m in doc.entities[o].mentions)
                return o if any(after in words for words in named) else None
    return None


#: consultations: word (en) / lemma (ru) / stem prefix (kk) -> label. A press briefing is
#: not a diplomatic event (the annotators of the blind corpus leave it out three times in four)
_CONSULTATIONS = {
    "en": {"consultations": "Political consultations"},
    "ru": {"консультация": "Political consultations"},
    "kk": {"консультация": "Political consultations"},
}


def find_consultations(doc: Doc, sent: Sent) -> None:
    """ "14th round of political consultations", "саяси консультациялар": consultations
    between two states' foreign ministries are events."""
    table = _CONSULTATIONS[doc.lang]
    for k in range(len(sent.toks)):
        if sent.covered(k) is not None:
            continue
        key = word_key(doc.lang, sent, k, table)
        if key is None:
            continue
        start = k
        if k and sent.covered(k - 1) is None and sent.toks[k - 1].lower.startswith(
            ("polit", "полит", "саяси", "consular", "консул")
        ):
            start = k - 1
        states = list(
            dict.fromkeys(h.entity for h in sent.hits if h.type == "State" and not h.nested)
        )
        known = doc.last_of_type(("Event",), sent.index, kinds=("Consultations",))
        if known is not None and known.label.startswith("Next "):
            known = None
        if not states and known is None:
            continue
        if states:
            names = [doc.entities[s].label for s in states[:2]]
            label = f"Political consultations between {' and '.join(names)}" if len(
                states
            ) > 1 else f"Political consultations with {names[0]}"
        else:  # "Консультациялар барысында", "the next round": the states said before
            head, _, last = known.label.rpartition(" ")
            label = head if last[:1].isdigit() else known.label  # (without its date)
        upcoming = any(sent.toks[n].lower in _NEXT or sent.reads[n] & _NEXT
                       for n in range(max(0, start - 3), start))
        if upcoming:  # "the next round of consultations", "Келесі саяси консультациялар"
            ent = _new_event(doc, sent, f"Next {label[0].lower()}{label[1:]}", "Consultations",
                             start, k + 1)
            ev = doc.event(ent, "Consultations")
            ev.date = ev.date or next((t.text for t in sent.toks if _is_year(t.text)), None)
            return
        if known is not None:
            # the consultations the article reports, named again (with one state, two or none)
            doc.add_hit(sent, known, start, k + 1, source="anaphor")
            return
        label += f" {doc.article.date or doc.year or ''}"
        ent = _new_event(doc, sent, label.strip(), "Consultations", start, k + 1)
        ev = doc.event(ent, "Consultations")
        ev.date = ev.date or doc.article.date
        return


#: one-off occasions a text reports: noun (en word / ru lemma / kk stem prefix) -> English
_OCCASIONS = {
    "en": {"ceremony": "Ceremony", "conference": "Conference", "roundtable": "Round table",
           "plenary": "Plenary session", "forum": "Forum"},
    "ru": {"церемония": "Ceremony", "конференция": "Conference", "пресс-конференция":
           "Press conference", "бизнес-форум": "Business forum", "пленарный": "Plenary session",
           "форум": "Business forum"},
    "kk": {"рәсім": "Ceremony", "конференция": "Conference", "бизнес-форум": "Business forum",
           "баспасөз": "Press conference"},
}
#: the keys of business forums (Russian "форум" and English "forum" after "деловой",
#: "business")
_BUSINESS_FORUM = ("бизнес-форум", "форум", "forum")
#: words before "рәсім" when it means a procedure (legal, internal), not a ceremony
_KK_PROCEDURE = ("мемлекетішілік", "ішкі", "қажетті", "құқықтық", "заңнамалық", "тиісті")
_OCCASION_MODIFIERS = {
    "en": {"signing": "Signing", "welcome": "Welcome", "welcoming": "Welcome",
           "international": "International", "press": "Press", "official": "Official",
           "scientific": "Scientific", "business": "Business"},
}


def find_occasions(doc: Doc, sent: Sent) -> None:
    """ "the signing ceremony", "международная конференция", "салтанатты рәсім",
    "пленарное заседание": an occasion the sentence reports is an Event of its own
    (dated by the article), unless the sentence names its event already."""
    named = any(
        h.entity in doc.events and doc.events[h.entity].kind != "Anniversary"
        for h in sent.hits
        if h.source != "anaphor"
    )
    table = _OCCASIONS[doc.lang]
    found = [
        (key not in _BUSINESS_FORUM, k, key)
        for k in range(len(sent.toks))
        if sent.covered(k) is None and (key := word_key(doc.lang, sent, k, table)) is not None
    ]  # a business forum first: "пленарное заседание бизнес-форума" names the forum
    for _, k, key in sorted(found):
        if named and key not in _BUSINESS_FORUM:
            continue  # (a business forum is named though the visit it is part of is too)
        if key == "forum" and doc.lang == "en" and not (k and sent.toks[k - 1].lower == "business"):
            continue
        if key == "пленарный" and not (k + 1 < len(sent.toks) and "заседание" in sent.reads[k + 1]):
            continue
        after = sent.toks[k + 1].text if k + 1 < len(sent.toks) else ""
        if key == "plenary" and after not in ("session", "meeting"):
            continue
        if key == "форум" and not (k and sent.reads[k - 1] & {"деловой", "инвестиционный"}):
            continue  # "казахстанско-узбекский деловой форум"; other forums are bodies
        if key == "баспасөз" and not after.startswith("конференция"):
            continue
        if key == "рәсім" and (
            sent.toks[k].lower[5:8] in ("дер", "тер")
            or (k and sent.toks[k - 1].lower.startswith(_KK_PROCEDURE))
        ):
            continue  # "мемлекетішілік рәсімдерді": the internal procedures, not a ceremony
        start, end = k, k + 1
        label = table[key]
        mods = _OCCASION_MODIFIERS.get(doc.lang, {})
        if start and sent.toks[start - 1].lower in mods and sent.covered(start - 1) is None:
            start -= 1
            if sent.toks[start].lower != "international":  # (as "международная конференция"
                label = f"{mods[sent.toks[start].lower]} {label.lower()}"  # is named: one IRI)
        if key in ("пленарный", "plenary", "баспасөз"):
            end = k + 2
        elif doc.lang in ("ru", "kk") and start and sent.covered(start - 1) is None and (
            sent.toks[start - 1].lower.endswith(
                ("ая", "ый", "ой", "ое", "лы", "лі", "дық", "дік", "лық", "лік", "тық", "тік")
            )
        ) and (  # (an adjective, not the gerund of "Открывая конференцию")
            doc.lang == "kk"
            or any(r.endswith(("ый", "ий", "ой")) for r in sent.reads[start - 1])
        ):
            start -= 1  # "международная конференция", "салтанатты рәсім", "халықаралық
            # конференция"
        if table[key] == "Conference" and start == k:
            continue  # a bare "conference" is too often a forum's own name or a review conference
        pair = _state_pair_before(doc, sent, start) if key in _BUSINESS_FORUM else None
        if pair is not None:  # "Қазақстан – Германия бизнес-форумы": the two states' forum
            start, states = pair
            label = f"{states} Business Forum"
        elif key in _BUSINESS_FORUM:
            told = next((e for e in doc.entities.values() if e.id in doc.events
                         and "business forum" in e.label.casefold()), None)
            if told is not None:  # "the business forum" again: the one named before
                doc.add_hit(sent, told, start, end, source="anaphor")
                return
        when = doc.article.date or doc.year or ""
        owner = next(
            (
                h
                for h in sent.hits
                if h.type in ("Organization", "Forum") and abs(h.i - k) <= 4 and not h.nested
                and not h.in_title and h.source != "title-org"  # ("Рәсімге ҚР Сыртқы істер
            ),  # министрі ... қатысты": the minister's ministry does not own the ceremony)
            None,
        )
        if owner is not None:
            label += f" of the {doc.entities[owner.entity].label}"
        ent = _new_event(doc, sent, f"{label} {when}".strip(), "Event", start, end)
        ev = doc.event(ent, "Event")
        ev.date = ev.date or doc.article.date
        if owner is not None and owner.type in ("Forum", "Organization"):
            doc.relate(ent.id, "partOf", owner.entity, sent, 0.5)
        return


def _state_pair_before(doc: Doc, sent: Sent, k: int) -> tuple[int, str] | None:
    """Two states named one after the other right before token ``k`` ("Kazakhstan – India":
    a dash is no token): where the pair starts and its English name ("Kazakhstan–India")."""
    second = next((h for h in sent.hits if h.type == "State" and h.j == k), None)
    if second is None:
        return None
    first = next((h for h in sent.hits if h.type == "State" and h.j == second.i), None)
    if first is None:
        return None
    names = [doc.entities[h.entity].label for h in (first, second)]
    return first.i, "–".join(names)


#: words that tell of an occurrence being held or attended (en word, ru lemma, kk stem)
_HOLDING = {
    "en": ("host", "hosts", "hosted", "hosting", "held", "take", "takes", "convene", "attend"),
    "ru": ("пройти", "проходить", "состояться", "провести", "проводить", "участие", "принять"),
    "kk": ("өтетін", "өтеді", "өтті", "өткізіл", "қатыс", "өтк"),
}
#: a gathering still to be held, when the sentence gives no year
_WILL_BE_HELD = frozenset({"will", "пройдет", "пройдёт", "состоится", "будет", "өтетін", "өтеді"})
#: heads of initiative names that are gatherings
_GATHERINGS = ("summit", "forum", "conference", "congress")


def find_planned_occurrences(doc: Doc, sent: Sent) -> None:
    """ "the Regional Climate Summit that Kazakhstan will host in Astana in 2026",
    "Региональный климатический саммит пройдет в Астане": a proposed gathering (an
    Initiative in the reference data) said to be held is also an Event of that year, held
    at the place the sentence names."""
    toks = sent.toks
    if not _said(doc, sent, _HOLDING[doc.lang]):
        return
    for h in list(sent.hits):
        if h.type != "Initiative" or h.nested:
            continue
        label = doc.entities[h.entity].label
        if label.casefold().split()[-1] not in _GATHERINGS or len(label.split()) < 2:
            continue  # (nor "саммит өткізу идеясы", the idea of a summit no name says)
        year = next((t.text for t in toks if _is_year(t.text)), None)
        if year is None and any(t.lower in _WILL_BE_HELD for t in toks):
            year = doc.year  # "пройдет в Астане 22–24 апреля": this year's
        if not year:
            continue
        ent = _new_event(doc, sent, f"{label} {year}", "Summit", h.i, h.j, start=h.start)
        ev = doc.events[ent.id]
        ev.date = ev.date or year
        _held_at(doc, sent, ent.id, next(
            (p for p in sent.hits if p.type == "Place" and not p.nested and p.entity != h.entity),
            None,
        ))
        if not _tells_of_proposal(doc, sent):  # "invited them to the summit Kazakhstan will
            doc.forget(sent, h)  # host": the gathering, not the idea of holding it
        return


#: words that make a planned gathering an idea someone had or backs, not only an event
_PROPOSAL = {
    "en": ("initiative", "idea", "proposal", "propos", "back", "support", "endors"),
    "ru": ("инициатив", "иде", "предлож", "поддерж"),
    "kk": ("бастама", "идея", "ұсыныс", "ұсын", "қолда"),
}


#: ... and the nouns that refer back to it from the next sentence ("бұл бастаманы")
_PROPOSAL_NOUN = {"en": ("initiative", "idea", "proposal"), "ru": ("инициатив", "иде"),
                  "kk": ("бастама", "идея")}


def _tells_of_proposal(doc: Doc, sent: Sent) -> bool:
    if any(t.lower.startswith(_PROPOSAL[doc.lang]) for t in sent.toks):
        return True
    after = doc.sents[sent.index + 1] if sent.index + 1 < len(doc.sents) else None
    return after is not None and any(
        t.lower.startswith(_PROPOSAL_NOUN[doc.lang]) for t in after.toks[:8]
    )


def _said(doc: Doc, sent: Sent, words: tuple[str, ...]) -> set[str]:
    """Which of ``words`` (English forms, Russian lemmas, Kazakh stems) the sentence says."""
    if doc.lang == "ru":
        wanted = set(words)
        return {w for reads in sent.reads for w in reads & wanted}
    if doc.lang == "kk":
        return {w for t in sent.toks for w in words if t.lower.startswith(w)}
    return {t.lower for t in sent.toks if t.lower in words}


def _held_at(doc: Doc, sent: Sent, event: str, place: Hit | None) -> None:
    """The event took place at ``place`` (unless it has a place already)."""
    ev = doc.events[event]
    if place is not None and ev.place is None:
        ev.place = place.entity
        doc.relate(event, "locatedIn", place.entity, sent, 0.6)


def find_plus_meetings(doc: Doc, sent: Sent) -> None:
    """ "the SCO Plus meeting", "«БРИКС плюс/аутрич» форматындағы кездесу", "в формате «ШОС
    плюс»": an outreach meeting of a summit is an Event of its own, part of the format and
    of the summit at hand of the format's organisation."""
    for h in list(sent.hits):
        plus = _plus_sign(doc, sent, h)
        if plus is not None:  # "«ШЫҰ+» форматындағы кездесу", "SCO+": the organisation's outreach
            h = doc.add_hit(sent, doc.known(plus), h.i, h.j, source="plus", end=h.end + 1)
        if h.type != "Forum" or h.nested or not h.entity.endswith("-plus"):
            continue  # ("C5+1", "Central Asia plus Japan" are formats with meetings of their own)
        entry = doc.gaz.get(h.entity)
        if entry is None:
            continue
        year = next(
            (t.text for n, t in enumerate(sent.toks) if _is_year(t.text) and abs(n - h.i) <= 4),
            None,
        ) or doc.year or ""
        label = f"{entry.label} meeting {year}".strip()
        ent = _new_event(doc, sent, label, "Meeting", h.i, h.j, start=h.start)
        ev = doc.events[ent.id]
        ev.date = ev.date or doc.article.date or year or None
        doc.relate(ent.id, "partOf", h.entity, sent, 0.7)
        summit = _summit_held(doc, entry.part_of) if entry.part_of else None
        if summit is not None and summit != ent.id:
            doc.relate(ent.id, "partOf", summit, sent, 0.6)
            ev.place = ev.place or doc.events[summit].place
        return


def _plus_sign(doc: Doc, sent: Sent, h: Hit) -> str | None:
    """The "plus" format of an organisation written with a sign right after its name
    ("ШЫҰ+", "BRICS+"): its forum/…-plus entry, when the gazetteer has one."""
    if h.type != "Organization" or h.nested:
        return None
    after = doc.article.text[h.end : h.end + 1]
    plus = f"forum/{h.entity.split('/', 1)[1]}-plus"
    return plus if after == "+" and doc.gaz.get(plus) is not None else None


#: how many sides a meeting has (kk stem, ru lemma, en word) -> English (a bilateral
#: meeting is one of two officials, read with their metWith)
_SIDES = {
    "kk": {"үшжақты": "Trilateral", "төртжақты": "Quadrilateral", "көпжақты": "Multilateral"},
    "ru": {"трехсторонний": "Trilateral", "трёхсторонний": "Trilateral",
           "четырехсторонний": "Quadrilateral", "многосторонний": "Multilateral"},
    "en": {"trilateral": "Trilateral", "quadrilateral": "Quadrilateral",
           "multilateral": "Multilateral"},
}
_MEETING_NOUN = {"kk": "кездесу", "ru": "встреча", "en": "meeting"}
_KK_HELD = ("өтті", "өтеді", "өтетін", "өткен", "өткізілді", "өткізіледі", "өтпек")
_TO_COME = ("өтеді", "өтетін", "өткізіледі", "өтпек", "will", "next", "пройдет", "пройдёт",
            "состоится", "следующая", "следующую", "следующей")


def find_sided_meetings(doc: Doc, sent: Sent) -> None:
    """ "Қазақстан, Әзербайжан және Грузия көлік ведомстволары басшыларының кезекті
    үшжақты кездесуі бүгін Ақтауда өтті", "трехсторонняя встреча министров транспорта
    Казахстана, Азербайджана и Грузии", "a trilateral meeting of the transport ministers
    of ...": a meeting of the states named with it (before it in Kazakh, after it in
    Russian and English) is an Event they take part in, dated by the article unless it is
    still to come."""
    toks = sent.toks
    sides_of, noun = _SIDES[doc.lang], _MEETING_NOUN[doc.lang]
    for k in range(1, len(toks)):
        if doc.lang == "ru":
            if noun not in sent.reads[k]:
                continue
            sides = next((en for w, en in sides_of.items() if w in sent.reads[k - 1]), None)
        else:
            if not toks[k].lower.startswith(noun):
                continue
            sides = next(
                (en for w, en in sides_of.items() if toks[k - 1].lower.startswith(w)), None
            )
        if sides is None or sent.covered(k) is not None:
            continue
        if doc.lang == "kk" and not any(t.lower.startswith(_KK_HELD) for t in toks[k + 1 :]):
            continue
        if any(h.type == "Event" and not h.nested for h in sent.hits):
            return  # the sentence names its event already
        states = [
            h for h in sorted(sent.hits, key=lambda h: h.i)
            if h.type == "State" and not h.nested
            and (h.j <= k if doc.lang == "kk" else k < h.i <= k + 12)
        ]
        if len(states) < 2:
            continue
        names = [doc.entities[h.entity].label for h in states]
        parties = ", ".join(names[:-1]) + " and " + names[-1]
        future = any(t.lower.startswith(_TO_COME) for t in toks)
        when = None if future else doc.article.date
        label = f"{sides} meeting of {parties} {when or doc.year or ''}".strip()
        ent = _new_event(doc, sent, label, "Meeting", k - 1, k + 1)
        ev = doc.event(ent, "Meeting")
        ev.date = ev.date or when
        for h in states:
            doc.relate(h.entity, "participatedIn", ent.id, sent, 0.6)
        return


#: words that put a summit named by its city in the past year
_LAST_YEAR = ("last", "прошлом", "прошлогодн", "былтыр")


def find_city_summits(doc: Doc, sent: Sent) -> None:
    """ "at the Astana summit last July", "на саммите в Йоханнесбурге", "Астанада өткен
    саммитте": a summit named by the city it was held in. When the article's own summit
    (or the one of the body the sentence names) was held elsewhere, this is another
    occurrence of the same body, in that city; when held there, it is the article's own
    summit, which find_meetings reads."""
    toks = sent.toks
    for k in range(len(toks)):
        if not _is(doc, sent, k, _SUMMIT) or sent.covered(k) is not None:
            continue
        city = None
        if doc.lang == "en" and k:  # "the Astana summit"
            city = next((h for h in sent.hits if h.j == k and h.type == "Place" and not h.nested),
                        None)
        elif doc.lang == "ru" and k + 2 < len(toks) and toks[k + 1].lower in ("в", "во"):
            city = next(  # "саммите в Йоханнесбурге"
                (h for h in sent.hits if h.i == k + 2 and h.type == "Place" and not h.nested), None
            )
        elif doc.lang == "kk" and k > 1 and toks[k - 1].lower == "өткен":
            city = next(  # "Астанада өткен саммитте"
                (h for h in sent.hits if h.j == k - 1 and h.type == "Place" and h.case == "loc"),
                None,
            )
        if city is None:
            continue
        bodies = [h for h in sent.hits if h.type in _BODIES and not h.nested and not h.in_title]
        body = bodies[0].entity if len(bodies) == 1 else (
            list(doc.main_occurrence)[-1] if doc.main_occurrence and not bodies else None
        )
        if body is None:
            continue
        lead = {h.entity for s in doc.sents[: min(sent.index, 4)] for h in s.hits}
        here = {doc.events[e].place for e, _q in doc.main_occurrence.values()}
        if city.entity in lead or city.entity in here:
            continue  # the article's own summit, in the city its lead names (find_meetings)
        said = next((t.text for t in toks if _is_year(t.text) and t.text != doc.year), None)
        last = doc.year and any(t.lower.startswith(_LAST_YEAR) for t in toks)
        year = said or (str(int(doc.year) - 1) if last else None)
        if year is None:
            continue  # another occurrence is told with its time ("last July", "в 2023 году")
        base = summit_label(doc, body, None)
        label = f"{base} in {doc.entities[city.entity].label} {year}"
        ent = _new_event(doc, sent, label, "Summit", min(k, city.i), max(k + 1, city.j))
        ev = doc.event(ent, "Summit")
        ev.place = ev.place or city.entity
        ev.date = ev.date or year
        doc.relate(ent.id, "partOf", body, sent, 0.6)
        doc.relate(ent.id, "locatedIn", city.entity, sent, 0.6)


#: words that tell of a gathering being attended, held or opened (en word, ru lemma, kk stem)
_ATTENDING = {
    "en": ("took", "take", "takes", "taking", "attended", "attend", "attends", "attending",
           "participated", "participate", "participates", "held", "hosted", "host", "hosts",
           "hosting", "invited", "opened", "addressed", "spoke", "speaking", "convened"),
    "ru": ("участие", "участвовать", "пройти", "проходить", "состояться", "провести",
           "пригласить", "выступить", "открыть", "посетить", "принять"),
    "kk": ("қатыс", "өтетін", "өтеді", "өтті", "өткен", "өткіз", "шақыр", "сөз сөйле",
           "ашыл"),
}
#: invitations, which name an occurrence only with its year
_INVITING = INVITE_EN | INVITE_RU | {"шақыр"}
#: the last word of a recurring gathering's English name ("Astana International Forum")
_GATHERING_NAMES = ("Forum", "Conference", "Congress")


def find_forum_occurrences(doc: Doc, sent: Sent) -> None:
    """ "Bektenov took part in the Eurasian Economic Forum in Minsk", "Астана халықаралық
    форумына шақырды", "Астанинский международный форум, который состоится в мае 2026
    года": a recurring gathering the reference data knows as a Forum, attended or held, is
    that year's Event, part of the Forum and held where the sentence says (annotators give
    the participation to the occurrence, not to the series)."""
    toks = sent.toks
    said = _said(doc, sent, _ATTENDING[doc.lang])
    year = next((t.text for t in toks if _is_year(t.text)), None)
    if not said or (said & _INVITING and year is None):
        return  # ("invited her to take part in the Astana International Forum": which year's?)
    for h in list(sent.hits):
        if h.type != "Forum" or h.nested or h.in_title:
            continue
        label = doc.entities[h.entity].label
        if label.split()[-1] not in _GATHERING_NAMES or len(label.split()) < 2:
            continue
        if any(
            x.entity in doc.events and x.i <= h.j and h.i <= x.j for x in sent.hits if x is not h
        ):
            continue  # a numbered or dated occurrence found already ("XXII Forum")
        when = year or doc.year
        if not when:
            continue
        ent = _new_event(doc, sent, f"{label} {when}", "Event", h.i, h.j, start=h.start)
        ev = doc.events[ent.id]
        ev.date = ev.date or when
        h.nested = True  # (who took part, took part in the occurrence)
        doc.relate(ent.id, "partOf", h.entity, sent, 0.7)
        _held_at(doc, sent, ent.id, next(
            (p for p in sent.hits if p.type == "Place" and not p.nested and p.entity != h.entity
             and p.i >= h.j and p.i - h.j <= 3),
            None,
        ))


# -- meetings of a treaty's states parties -------------------------------------------------


def _treaty_at(sent: Sent, k: int) -> Hit | None:
    return next((h for h in sent.hits if h.type == "Treaty" and h.i == k), None)


def find_parties_meetings(doc: Doc, sent: Sent) -> None:
    """ "the Third Meeting of States Parties to the TPNW", "ДЗЯО қатысушы мемлекеттерінің
    үшінші кеңесі", "третье Совещание государств – участников Договора о запрещении ядерного
    оружия": a meeting of a treaty's states parties is an Event ("3rd Meeting of States
    Parties to the TPNW"), held where the sentence says; "to that instrument" is the treaty
    named last."""
    toks, n = sent.toks, len(sent.toks)
    low = [t.lower for t in toks]
    for k in range(n):
        if sent.covered(k) is not None:
            continue
        treaty: str | None = None
        if doc.lang == "en" and low[k] == "meeting" and low[k + 1 : k + 4] == [
            "of", "states", "parties"
        ]:
            i, j, number = k, k + 4, _ordinal_before(doc, sent, k)
            if j < n and low[j] == "to":
                hit = _treaty_at(sent, j + 1) or _treaty_at(sent, j + 2)
                if hit is not None:
                    treaty, j = hit.entity, hit.j
            if treaty is None:
                last = doc.last_of_type(("Treaty",), sent.index)
                treaty = last.id if last is not None else None
        elif doc.lang == "kk" and low[k].startswith(("кеңес", "кездесу")):
            number = _number_at(doc, sent, k - 1) if k else None
            at = k - 1 if number is not None else k
            if at < 3 or not low[at - 1].startswith("мемлекеттері") or low[at - 2] != "қатысушы":
                continue
            hit = next((h for h in sent.hits if h.type == "Treaty" and h.j == at - 2), None)
            if hit is None:
                continue
            treaty, i, j = hit.entity, hit.i, k + 1
        elif doc.lang == "ru" and "совещание" in sent.reads[k] and low[k + 1 : k + 3] == [
            "государств", "участников"
        ]:
            hit = _treaty_at(sent, k + 3)
            if hit is None:
                continue
            treaty, i, j, number = hit.entity, k, hit.j, _ordinal_before(doc, sent, k)
        else:
            continue
        if treaty is None:
            continue
        label = f"Meeting of States Parties to the {abbreviation(doc, treaty)}"
        if number is not None:
            label = f"{ordinal(number)} {label}"
            if doc.lang != "kk" and i and _number_at(doc, sent, i - 1) is not None:
                i -= 1  # ("the Third Meeting ...", "третьего Совещания ...")
        ent = _new_event(doc, sent, label, "Meeting", i, j)
        _held_at(doc, sent, ent.id, next(
            (h for h in sent.hits if h.type == "Place" and not h.nested), None
        ))
        return
