"""Events in Kazakh text: numbered sessions, high-level segments, review
conferences, referendums and anniversaries; their dates and places.

Labels are built in English from the gazetteer's names ("61st session of the
UN Human Rights Council"), so the same event meets across articles and languages.
"""

from __future__ import annotations

import re

from graph.extract import kk
from graph.extract.dates import dates_in
from graph.extract.entities import action_before
from graph.extract.lexicon import Lexicon
from graph.extract.mentions import Doc, Hit, Sent, ru_past_verb
from graph.extract.normalize import is_abbreviation, short_label
from graph.extract.officials import home_state
from graph.extract.translit import label_slug
from graph.models import Entity

_ORDINAL_TOKEN = re.compile(r"^(\d{1,3})(?:-?(?:ші|шы|інші|ыншы))?(?:-(.+))?$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_FUTURE = (
    "атын",
    "етін",
    "йтын",
    "йтін",
    "пақ",
    "пек",
    "мақ",
    "мек",
    "бақ",
    "бек",
    "мақшы",
    "мекші",
)
_FUTURE_WORDS = frozenset({"қатысады", "өтеді", "болады", "өткізіледі", "жоспарлануда"})
_PAST = ("ды", "ді", "ты", "ті", "ған", "ген", "қан", "кен", "дық", "дік", "тық", "тік")


def ordinal(n: int) -> str:
    """English ordinal of a number.

    >>> [ordinal(n) for n in (1, 2, 3, 11, 22, 61, 80)]
    ['1st', '2nd', '3rd', '11th', '22nd', '61st', '80th']
    """
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def abbreviation(doc: Doc, entity_id: str) -> str:
    """The English all-capital abbreviation of a gazetteer entry (NPT), else its label."""
    entry = doc.gaz.get(entity_id)
    if entry is None:
        return doc.entities[entity_id].label
    for alias in entry.aliases.get("en", []):
        if is_abbreviation(alias) and alias.isalpha():
            return alias
    return entry.label


def _new_event(
    doc: Doc, sent: Sent, label: str, kind: str, i: int, j: int, start: int | None = None
) -> Entity:
    ent = doc.entity("event/" + label_slug(label), "Event", label, kind=kind)
    doc.add_hit(sent, ent, i, j, source=kind.lower(), start=start)
    doc.event(ent, kind)
    return ent


def _year_before(sent: Sent, k: int, window: int = 4) -> str | None:
    for n in range(max(0, k - window), k):
        if (
            _YEAR.match(sent.toks[n].text)
            and n + 1 < len(sent.toks)
            and sent.lower(n + 1).startswith("жыл")
        ):
            return sent.toks[n].text
    return None


def _hit_ending_at(sent: Sent, k: int, types: tuple[str, ...], slack: int = 0) -> Hit | None:
    best = None
    for h in sent.hits:
        if not (h.type in types and k - slack <= h.j <= k and not h.nested):
            continue
        if best is None or h.j > best.j or (h.j == best.j and h.i < best.i):
            best = h
    return best


def _date(doc: Doc, sent: Sent, k: int) -> str | None:
    """An event's date from its sentence.

    "алдағы" (upcoming) or a future form -> unknown; past tense -> the article's month.
    """
    if any(sent.lower(n) in ("алдағы", "келесі", "алда") for n in range(max(0, k - 3), k)):
        return None
    words = [t.lower for t in sent.toks if t.text.isalpha()]
    if any(w.endswith(_FUTURE) or w in _FUTURE_WORDS for w in words):
        return None
    if words and words[-1].endswith(_PAST) or "өткен" in words:
        return doc.month or doc.year
    return None


def find_events(doc: Doc, sent: Sent, lex: Lexicon) -> None:
    toks = sent.toks
    n_toks = len(toks)
    for k in range(n_toks):
        low = toks[k].lower
        # numbered session: "61-сессиясы", "61-ші сессиясы"
        m = _ORDINAL_TOKEN.match(low)
        if m and not _YEAR.match(m.group(1)):
            tail = m.group(2)
            head_k = k if tail else k + 1
            word = tail if tail else (toks[k + 1].lower if k + 1 < n_toks else "")
            if "сессия" in kk.stems(word) or word.startswith("сессия"):
                forum = _hit_ending_at(sent, k, ("Forum",), slack=4)
                if forum:
                    flabel = short_label(doc.entities[forum.entity].label)
                    ent = _new_event(
                        doc,
                        sent,
                        f"{ordinal(int(m.group(1)))} session of the {flabel}",
                        "Session",
                        k,
                        head_k + 1,
                    )
                    ev = doc.event(ent, "Session")
                    ev.ordinal = int(m.group(1))
                    year = _year_before(sent, forum.i)
                    ev.date = ev.date or year or _date(doc, sent, forum.i)
                    doc.relate(ent.id, "partOf", forum.entity, sent, 0.9)
            elif word.startswith("отырыс"):
                _numbered_meeting_kk(doc, sent, k, head_k + 1, int(m.group(1)))
            elif word.startswith("раунд") and sent.covered(head_k) is None:
                # "Сирия бойынша келіссөздердің 22-раунды": a round of the format told of
                when = _date(doc, sent, k)
                _numbered_of_format(doc, sent, k, head_k + 1, int(m.group(1)), True, when)
        # high-level segment
        if (
            low == "жоғары"
            and k + 2 < n_toks
            and sent.lower(k + 1).startswith("деңгейл")
            and "сегмент" in kk.stems(toks[k + 2].text)
        ):
            parent = _hit_ending_at(sent, k, ("Event", "Forum"), slack=0)
            if parent and (
                parent.type == "Forum" or doc.entities[parent.entity].event_kind == "Session"
            ):
                p = doc.entities[parent.entity]
                of = p.label if p.type == "Event" else f"{short_label(p.label)} {doc.year or ''}"
                label = f"High-level segment of the {of.strip()}"
                ent = _new_event(doc, sent, label, "Segment", k, k + 3)
                ev = doc.event(ent, "Segment")
                ev.date = (
                    ev.date
                    or (doc.events[p.id].date if p.id in doc.events else None)
                    or _date(doc, sent, k)
                )
                doc.relate(ent.id, "partOf", p.id, sent, 0.9)
            else:
                seg = doc.last_of_type(("Event",), sent.index, kinds=("Segment",))
                if seg:
                    doc.add_hit(sent, seg, k, k + 3, source="anaphor")
        # the general debate of a session: "80-сессиясының жалпы дебаттарында"
        if low == "жалпы" and k + 1 < n_toks and sent.lower(k + 1).startswith("дебат"):
            parent = _hit_ending_at(sent, k, ("Event",), slack=0)
            if parent and doc.entities[parent.entity].event_kind == "Session":
                p = doc.entities[parent.entity]
                ent = _new_event(doc, sent, f"General debate of the {p.label}", "Segment", k, k + 2)
                ev = doc.event(ent, "Segment")
                ev.date = ev.date or (doc.events[p.id].date if p.id in doc.events else None)
                doc.relate(ent.id, "partOf", p.id, sent, 0.9)
        # review conferences: "ДНЯО және ДЗЯО шолу конференциялары"
        if low == "шолу" and k + 1 < n_toks and "конференция" in kk.stems(toks[k + 1].text):
            treaties: list[Hit] = []
            end = k
            while True:
                h = _hit_ending_at(sent, end, ("Treaty",))
                if h is None or h.j != end:
                    break
                treaties.insert(0, h)
                end = (
                    h.i - 1
                    if h.i > 0 and sent.lower(h.i - 1) in ("және", "мен", "пен", "бен")
                    else h.i
                )
                if end == h.i:
                    break
            year = _year_before(sent, treaties[0].i if treaties else k) or doc.year
            for h in treaties:
                label = f"{abbreviation(doc, h.entity)} Review Conference {year or ''}".strip()
                ent = _new_event(doc, sent, label, "Conference", treaties[0].i, k + 2)
                doc.event(ent, "Conference").date = year
        # referendum
        if "референдум" in kk.stems(toks[k].text):
            start = k
            while start > 0 and not sent.covered(start - 1) and lex.word(toks[start - 1].text):
                start -= 1
            adj = lex.translate([t.text for t in toks[start:k]]) if start < k else None
            label = f"{adj[:1].upper() + adj[1:]} referendum" if adj else "Referendum"
            draft = next(
                (h for h in sent.hits if k < h.i <= k + 3 and h.type == "Initiative"), None
            )
            if draft:
                what = doc.entities[draft.entity].label
                what = what[len("Draft ") :] if what.startswith("Draft ") else what
                label += f" on the {what}"
            elif doc.year:
                label += f" {doc.year}"
            ent = _new_event(doc, sent, label, "Referendum", start, k + 1)
            ev = doc.event(ent, "Referendum")
            ev.date = ev.date or _date(doc, sent, start)
            ev.place = ev.place or home_state(doc)
    _anniversary(doc, sent, lex)


#: words that stand for an organisation or format named before: "ұйымның құрылғанына 25 жыл",
#: "the organisation's 25th anniversary", "25-летие организации"
_BODY_ANAPHORS = ("ұйым", "организаци", "organisation", "organization", "форматтың", "format")


def body_named_before(doc: Doc, sent: Sent, n: int, its: bool = False) -> Hit | None:
    """The organisation or forum the word at token ``n`` stands for: the one named last before
    it, in this sentence or an earlier one; a hit spanning that word. "its" may also stand for
    a treaty of the same sentence ("the Treaty ..., which was signed in 2006 and will mark its
    twentieth anniversary")."""
    types = ("Organization", "Forum")
    here = [
        h
        for h in sent.hits
        if h.j <= n and not h.nested and (h.type in types or (its and h.type == "Treaty"))
    ]
    if here:
        ent = doc.entities[max(here, key=lambda h: h.j).entity]
    else:
        ent = doc.last_of_type(types, sent.index - 1) if sent.index else None
    if ent is None:
        return None
    tok = sent.toks[n]
    return Hit(ent.id, ent.type, sent.index, n, n + 1, tok.start, tok.end, source="anaphor")


def _anniversary(doc: Doc, sent: Sent, lex: Lexicon) -> None:
    """ "<X>-ның жабылуына — 35 жыл", "<X>-ның 35 жылдығы"."""
    toks = sent.toks
    text = sent.span.text
    for k in range(len(toks) - 1):
        if not toks[k].text.isdigit() or not toks[k + 1].lower.startswith("жыл"):
            continue
        years = int(toks[k].text)
        if not 1 <= years <= 1000 or _YEAR.match(toks[k].text):
            continue
        gap = text[: toks[k].start - sent.span.start].rstrip()
        dashed = gap.endswith(("—", "–", "-", "‑"))
        turned = k + 2 < len(toks) and toks[k + 2].lower.startswith("тол")  # "34 жыл толды"
        since = k > 0 and toks[k - 1].lower.endswith(
            ("ғанына", "геніне", "қанына", "кеніне", "уына", "уіне")
        )  # "жабылғанына 34 жыл"
        if not (dashed or turned or since) and "жылдығ" not in toks[k + 1].lower:
            continue
        thing = _hit_ending_at(
            sent, k, ("Place", "Treaty", "Event", "Organization", "Forum", "Initiative"), slack=3
        ) or next(  # "ұйымның құрылғанына 25 жыл": the organisation named before
            (
                b
                for n in range(k - 1, max(-1, k - 4), -1)
                if toks[n].lower.startswith(_BODY_ANAPHORS)
                for b in [body_named_before(doc, sent, n)]
                if b is not None
            ),
            None,
        )
        if thing is None:
            continue
        t_ent = doc.entities[thing.entity]
        act = action_before(lex, [t.text for t in toks], k, treaty=t_ent.type == "Treaty")
        if act and thing.j == k - act[1]:
            name = abbreviation(doc, t_ent.id) if t_ent.type == "Treaty" else t_ent.label
            label = f"{ordinal(years)} anniversary of the {act[0]} of the {name}"
        else:
            label = f"{ordinal(years)} anniversary of the {t_ent.label}"
        first = next((n for n, t in enumerate(toks) if t.start >= sent.span.start), 0)
        ent = _new_event(doc, sent, label, "Anniversary", min(first, thing.i), k + 2)
        ev = doc.event(ent, "Anniversary")
        ev.years, ev.commemorates = years, t_ent.id
        year = doc.year
        if year:
            ev.date, ev.base_year = year, int(year) - years
        doc.relate(ent.id, "commemorates", t_ent.id, sent, 0.9)


#: words after a Kazakh place that make it a town, port or area
_KK_TOWN = ("қала", "порт", "аймағ", "ауыл", "кент")


def find_places(doc: Doc, sent: Sent) -> None:
    """ "Женевада өткен <event>": the event took place there; "Алматыдағы <organisation>";
    the dateline of a lead ("Қазан, 24 қазан – ...", "Самарқанд. ...")."""
    toks = sent.toks
    _kk_dateline(doc, sent)
    for h in list(sent.hits):
        if h.type not in ("Place", "State") or h.nested:
            continue
        j = h.j
        if h.type == "Place" and any(  # "Қытайдың Сиань қаласында (қ.)", "Иранның Чабахар
            t.lower.startswith(_KK_TOWN) or t.lower == "қ" for t in toks[j : j + 3]  # порты":
        ):  # a city, a port or an area of the state named before it
            owner = next((g for g in sent.hits if g.type == "State" and not g.nested
                          and g.j == h.i and g.case == "gen"), None)
            if owner is not None:
                doc.relate(h.entity, "locatedIn", owner.entity, sent, 0.7)
        if j < len(toks) and toks[j].lower in ("қаласында", "қ"):  # "Тяньцзинь қаласында өткен"
            j += 1
            h.case = "loc"
        if (
            h.case == "loc"
            and j < len(toks)
            and toks[j].lower not in ("өткен", "өтетін", "өтіп", "өтеді")
        ):
            # "Бішкекте ... сессиясы өтті", "Ташкентте өтетін ... кездесуіне"
            held = any(
                t.lower.startswith(("өтті", "өтеді", "өтетін", "өткен", "өтпек", "өткіз",
                                    "қатысты", "қатысады", "ұйымдастырыл"))
                for t in toks[j:]
            )  # ("Бішкекте ... отырысына қатысты": the sitting was held there)
            later = [
                g
                for g in sent.hits
                if g.i >= j
                and g.type == "Event"
                and not g.nested
                and g.source not in ("anaphor", "anniversary")
            ]
            if held and later:
                g = min(later, key=lambda g: g.i)
                ev = doc.events.get(g.entity)
                if ev and ev.place is None:
                    ev.place = h.entity
                doc.relate(g.entity, "locatedIn", h.entity, sent, 0.7)
            continue
        if (
            h.case == "loc"
            and j < len(toks)
            and toks[j].lower in ("өткен", "өтетін", "өтіп", "өтеді")
        ):
            first_conjunct = True
            for g in sorted(sent.hits, key=lambda g: g.i):
                if g.i <= j or g.nested:
                    continue
                if any(sent.lower(n) in ("және", "мен") for n in range(j, g.i)):
                    first_conjunct = False
                if g.type == "Event":
                    ev = doc.events.get(g.entity)
                    if ev and ev.place is None:
                        ev.place = h.entity
                    if first_conjunct:
                        doc.relate(g.entity, "locatedIn", h.entity, sent, 0.8)
                elif g.type == "Forum":
                    doc.forum_places.setdefault(g.entity, h.entity)
                if g.case in ("dat", "loc") and not first_conjunct:
                    break
        elif h.case == "adj":  # Алматыдағы <organisation>
            nxt = next((g for g in sent.hits if g.i == h.j and not g.nested), None)
            if nxt and nxt.type in ("Organization", "Event", "Forum", "Place"):
                doc.relate(nxt.entity, "locatedIn", h.entity, sent, 0.8)
                if nxt.type == "Event" and nxt.entity in doc.events:
                    doc.events[nxt.entity].place = doc.events[nxt.entity].place or h.entity


def _kk_dateline(doc: Doc, sent: Sent) -> None:
    """ "Қазан, 24 қазан – Қасым-Жомарт Тоқаев ... кездесуге қатысты", "Нью-Йорк, 11 наурыз
    2025 жыл – ...": the city a lead opens with is where its events took place."""
    if sent.index > 4 or not sent.toks:
        return
    lead = next((h for h in sent.hits if h.i == 0 and h.type == "Place" and not h.nested), None)
    if lead is None:
        return
    rest = sent.text[lead.end - sent.span.start :][:2].strip()
    if rest[:1] not in (",", ".", "–", "—"):
        return
    for h in sent.hits:
        ev = doc.events.get(h.entity)
        if ev is None or h.source == "anaphor" or ev.kind in ("Anniversary", "Visit"):
            continue
        if ev.place is None:
            ev.place = lead.entity
        doc.relate(h.entity, "locatedIn", lead.entity, sent, 0.6)


# -- Russian and English -----------------------------------------------------------------

_ORDINAL_SVO = re.compile(r"^(\d{1,3})(?:-?(?:й|я|ой|ая|ый|ого|го|ей|ом|м|е|st|nd|rd|th))?$")
_SESSION = frozenset({"сессия", "session"})
#: "the 26th meeting of the Intergovernmental Commission": a numbered meeting of a body
_NUMBERED_MEETING = frozenset({"заседание", "meeting"})
_SEGMENT = (
    ("сегмент", "высокий", "уровень"),
    ("high-level", "segment"),
    ("high", "level", "segment"),
)
#: the general debate of a session: "General debate of the 80th session of the UN General Assembly"
_DEBATE = (("общий", "дебаты"), ("general", "debate"))
_SEGMENT_FIRST = frozenset(words[0] for words in _SEGMENT + _DEBATE)


def _reads(doc: Doc, sent: Sent, k: int) -> frozenset[str]:
    return sent.reads[k] if doc.lang == "ru" else frozenset({sent.toks[k].lower})


def _past_svo(doc: Doc, sent: Sent) -> bool:
    """Does the sentence tell of the past (Russian past-tense verb, English -ed or irregular)?"""
    if doc.lang == "ru":
        return any(ru_past_verb(t.lower) for t in sent.toks)
    irregular = {"took", "met", "was", "were", "held", "spoke", "made", "gave", "said"}
    return any(
        t.lower in irregular or (t.lower.endswith("ed") and len(t.lower) > 4) for t in sent.toks
    )


#: a body convening: "The Supreme Eurasian Economic Council met ... for its regular session"
_CONVENE = frozenset({"met", "convened", "gathered", "meets", "convenes"})
_MEETING_NOUNS = frozenset({"session", "meeting", "sitting"})
_DETERMINERS = frozenset({"its", "a", "the", "their"})


def _convened_session(doc: Doc, sent: Sent, when: str | None) -> None:
    """English "<Forum> met [on Monday in <Place>] for its [regular] session": one meeting
    of the forum, named by the noun phrase of the session (only when the sentence names
    no event already)."""
    if any(h.type == "Event" for h in sent.hits):
        return
    if doc.lang == "ru":
        _meeting_took_place_ru(doc, sent, when)
        return
    if doc.lang != "en":
        return
    toks = sent.toks
    for h in sent.hits:
        if h.type != "Forum" or h.nested or h.in_title:
            continue
        verb = next(
            (k for k in range(h.j, min(h.j + 2, len(toks))) if toks[k].lower in _CONVENE), None
        )
        if verb is None:
            continue
        for k in range(verb + 1, min(verb + 14, len(toks))):
            if toks[k].lower not in _MEETING_NOUNS or sent.covered(k):
                continue
            det = next(
                (n for n in range(k - 1, max(verb, k - 5), -1) if toks[n].lower in _DETERMINERS),
                None,
            )
            if det is None:
                break
            forum = short_label(doc.entities[h.entity].label)
            label = f"Meeting of the {forum} {when or doc.year or ''}"
            ent = _new_event(doc, sent, label.strip(), "Meeting", det + 1, k + 1)
            ev = doc.event(ent, "Meeting")
            ev.date = ev.date or when
            doc.relate(ent.id, "partOf", h.entity, sent, 0.8)
            return


_TOOK_PLACE_RU = frozenset({"состояться", "пройти", "открыться"})
_MEETING_HEAD_RU = frozenset({"совещание", "заседание", "конференция"})


def _meeting_took_place_ru(doc: Doc, sent: Sent, when: str | None) -> None:
    """ "состоялось Совещание министров иностранных дел СВМДА", "Совещание ... прошло в Баку":
    a forum whose name is a meeting ("Совещание ...") said to take place is one meeting of it."""
    verbs = [k for k in range(len(sent.toks)) if sent.reads[k] & _TOOK_PLACE_RU]
    if not verbs:
        return
    for h in sent.hits:
        if h.type != "Forum" or h.nested or h.in_title:
            continue
        if not (sent.reads[h.i] & _MEETING_HEAD_RU):
            continue
        if not any(h.j <= v <= h.j + 1 or h.i - 2 <= v < h.i for v in verbs):
            continue
        year = when or doc.year or ""
        label = f"Meeting of the {short_label(doc.entities[h.entity].label)} {year}".strip()
        ent = _new_event(doc, sent, label, "Meeting", h.i, h.j)
        ev = doc.event(ent, "Meeting")
        ev.date = ev.date or when
        doc.relate(ent.id, "partOf", h.entity, sent, 0.8)
        return


def find_events_svo(doc: Doc, sent: Sent) -> None:
    """Numbered sessions and high-level segments in Russian and English."""
    toks = sent.toks
    when = (doc.month or doc.year) if _past_svo(doc, sent) else None
    n_toks = len(toks)
    for k in range(n_toks - 1):
        m = _ORDINAL_SVO.match(toks[k].lower)
        if not m or _YEAR.match(m.group(1)):
            number = None if m else _word_ordinal(doc, sent, k)
            if number is not None and number >= 3:  # "its tenth session" (not "first meeting")
                _unnamed_numbered(doc, sent, k, number, when)
            continue
        if _unnamed_numbered(doc, sent, k, int(m.group(1)), when):
            continue  # "the 22nd international meeting on Syria", "23-й раунд"
        right = next((h for h in sent.hits if h.i == k + 1 and h.type == "Forum"), None)
        if right is not None and not (_reads(doc, sent, k + 1) & _SESSION):
            # "the 5th India–Central Asia Dialogue": one occurrence of a format
            name = short_label(doc.entities[right.entity].label)
            ent = _new_event(doc, sent, f"{ordinal(int(m.group(1)))} {name}", "Meeting", k, right.j)
            ev = doc.event(ent, "Meeting")
            ev.ordinal, ev.date = int(m.group(1)), ev.date or when
            doc.relate(ent.id, "partOf", right.entity, sent, 0.8)
            if doc.is_headline(sent):
                # the headline's "32nd OSCE Ministerial Council" is the lead's "32nd meeting
                # of the OSCE Ministerial Council"
                doc.main_occurrence.setdefault(right.entity, (ent.id, f"#{ev.ordinal}"))
            continue
        noun = _reads(doc, sent, k + 1)
        if not (noun & (_SESSION | _NUMBERED_MEETING)):
            continue
        meeting = not (noun & _SESSION)  # "26-го заседания Межправкомиссии", "the 5th meeting of"
        forum = next(
            (
                h
                for h in sorted(sent.hits, key=lambda h: h.i)
                if h.type == "Forum" and k + 2 <= h.i <= k + 5 and not h.nested
            ),
            None,
        )
        forum = forum or _hit_ending_at(sent, k, ("Forum",), slack=2)
        if forum is None:
            _numbered_of_format(doc, sent, k, k + 2, int(m.group(1)), meeting, when)
            continue
        flabel = short_label(doc.entities[forum.entity].label)
        if meeting and "heads of state" in doc.entities[forum.entity].label.casefold():
            # "the 25th meeting of the SCO Council of Heads of State": the SCO summit
            from graph.extract.meetings import summit_label

            if forum.entity in doc.main_occurrence:
                continue
            label, kind = summit_label(doc, forum.entity, (when or doc.year or "")[:4]), "Summit"
        else:
            known = doc.main_occurrence.get(forum.entity)
            if known is not None and known[1] == f"#{int(m.group(1))}":
                # "32nd OSCE Ministerial Council" in the headline, "the 32nd meeting of the
                # OSCE Ministerial Council" in the lead: one occurrence
                doc.add_hit(sent, doc.entities[known[0]], k, k + 2, source="anaphor")
                continue
            head, kind = ("meeting", "Meeting") if meeting else ("session", "Session")
            label = f"{ordinal(int(m.group(1)))} {head} of the {flabel}"
        ent = _new_event(doc, sent, label, kind, k, k + 2)
        ev = doc.event(ent, kind)
        ev.ordinal = int(m.group(1))
        ev.date = ev.date or when
        doc.relate(ent.id, "partOf", forum.entity, sent, 0.9)
        if kind == "Summit":
            doc.main_occurrence.setdefault(forum.entity, (ent.id, f"#{ev.ordinal}"))
    _convened_session(doc, sent, when)
    for k in range(n_toks):
        if not _SEGMENT_FIRST & _reads(doc, sent, k):
            continue  # (no segment or debate starts here: most words)
        for words in _SEGMENT + _DEBATE:
            n = len(words)
            if k + n > n_toks or not all(words[i] in _reads(doc, sent, k + i) for i in range(n)):
                continue
            after = sorted(
                (
                    h
                    for h in sent.hits
                    if k + n <= h.i <= k + n + 3 and not h.nested and h.type in ("Event", "Forum")
                ),
                key=lambda h: (h.i, -h.j),
            )
            parent = after[0] if after else _hit_ending_at(sent, k, ("Event", "Forum"), slack=1)
            if parent is None:
                seg = doc.last_of_type(("Event",), sent.index, kinds=("Segment",))
                if seg:
                    doc.add_hit(sent, seg, k, k + n, source="anaphor")
                continue
            p = doc.entities[parent.entity]
            of = p.label if p.type == "Event" else f"{short_label(p.label)} {doc.year or ''}"
            head = "General debate" if words in _DEBATE else "High-level segment"
            ent = _new_event(doc, sent, f"{head} of the {of.strip()}", "Segment", k, k + n)
            ev = doc.event(ent, "Segment")
            ev.date = ev.date or (doc.events[p.id].date if p.id in doc.events else None) or when
            doc.relate(ent.id, "partOf", p.id, sent, 0.9)


#: an occurrence's noun after its number: "22nd meeting", "23-й раунд", "tenth session"
_ROUND = frozenset({"round", "раунд", "встреча"})  # ("22-я международная встреча по Сирии")
#: words that may stand between the number and the noun ("22nd international meeting")
_OCCURRENCE_ADJ = frozenset({"international", "regular", "международный", "очередной"})
#: ordinals spelt out (en word; ru lemma; kk word) -> number: "first", "девятый", "оныншы"
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "inaugural": 1,
    "first-ever": 1,
    "первый": 1, "второй": 2, "третий": 3, "четвёртый": 4, "четвертый": 4, "пятый": 5,
    "шестой": 6, "седьмой": 7, "восьмой": 8, "девятый": 9, "десятый": 10,
    "одиннадцатый": 11, "двенадцатый": 12,
    "бірінші": 1, "алғашқы": 1, "екінші": 2, "үшінші": 3, "төртінші": 4, "бесінші": 5,
    "алтыншы": 6, "жетінші": 7, "сегізінші": 8, "тоғызыншы": 9, "оныншы": 10,
}


def _word_ordinal(doc: Doc, sent: Sent, k: int) -> int | None:
    """An ordinal spelt out: "tenth", "Eightieth", "девятой"."""
    if doc.lang == "en":
        from graph.extract.events_ru_en import _spelled_ordinal

        return _spelled_ordinal(sent.toks[k].lower)
    return next((n for r in sent.reads[k] if (n := ORDINAL_WORDS.get(r))), None)


def _unnamed_numbered(doc: Doc, sent: Sent, k: int, number: int, when: str | None) -> bool:
    """ "the 22nd international meeting on Syria", "its tenth session", "23-й раунд": a
    numbered meeting, round or session whose body the sentence does not name right there.
    Whether it was read (a body named around it is left to the caller)."""
    toks = sent.toks
    n = k + 1
    if n < len(toks) and _reads(doc, sent, n) & _OCCURRENCE_ADJ:
        n += 1
    if n >= len(toks) or sent.covered(n) is not None:
        return False
    noun = _reads(doc, sent, n)
    if not noun & (_SESSION | _NUMBERED_MEETING | _ROUND):
        return False
    near = [
        h for h in sent.hits
        if h.type in ("Forum", "Organization") and not h.nested
        and (n + 1 <= h.i <= n + 4 or k - 2 <= h.j <= k)
    ]
    if near and n == k + 1 and not noun & _ROUND:
        return False  # "the 26th meeting of the Intergovernmental Commission": the caller's
    if near and near[0].type == "Forum":  # "22-я международная встреча ... в астанинском формате"
        _numbered_of_format(doc, sent, k, n + 1, number, not noun & _SESSION, when,
                            forum=near[0].entity)
        return True
    after = [t.lower for t in toks[n + 1 : n + 4]]
    parties = after[:3] == ["of", "states", "parties"]
    if parties or (after[:1] and after[0].startswith("государств")):
        # "the Third Meeting of States Parties to the TPNW": a treaty's, not a format's
        treaty = next(
            (h for h in sent.hits if h.type == "Treaty" and n < h.i <= n + 8 and not h.nested),
            None,
        )
        if treaty is not None:
            name = abbreviation(doc, treaty.entity)
            label = f"{ordinal(number)} Meeting of States Parties to the {name}"
            ent = _new_event(doc, sent, label, "Meeting", k, n + 1)
            ev = doc.event(ent, "Meeting")
            ev.ordinal, ev.date = number, ev.date or when
        return True
    nxt = toks[n + 1].text if n + 1 < len(toks) else ""
    if (doc.lang == "ru" and nxt[:1].isupper()) or (
        doc.lang == "en" and after[:1] == ["of"] and toks[n + 2].text[:1].isupper()
        if n + 2 < len(toks) else False
    ):
        return True  # "девятой сессии Конституционного комитета": a body not known
    _numbered_of_format(doc, sent, k, n + 1, number, not noun & _SESSION, when)
    return True


def _numbered_of_format(
    doc: Doc,
    sent: Sent,
    i: int,
    j: int,
    number: int,
    meeting: bool,
    when: str | None,
    forum: str | None = None,
) -> None:
    """The ``number``-th meeting (or session) of ``forum`` or of the format told of: the
    forum "its" stands for, else the forum the article names most ("at its 20th meeting",
    "22-раунды")."""
    if forum is None and i and sent.toks[i - 1].lower in ("its", "его", "её", "ее"):
        hit = body_named_before(doc, sent, i - 1)
        if hit is None or hit.type != "Forum":
            return  # "the Syrian Constitutional Committee ... its tenth session": not known
        forum = hit.entity
    if forum is None:
        counts: dict[str, int] = {}
        for s in doc.sents:
            for h in s.hits:
                if h.type == "Forum" and not h.nested:
                    counts[h.entity] = counts.get(h.entity, 0) + 1
        forum = max(counts, key=lambda f: counts[f]) if counts else None
    if forum is None:
        return
    label_of = doc.entities[forum].label
    known = doc.main_occurrence.get(forum)
    if known is not None and known[1] == f"#{number}":
        doc.add_hit(sent, doc.entities[known[0]], i, j, source="anaphor")
        return
    head, kind = ("meeting", "Meeting") if meeting else ("session", "Session")
    ent = _new_event(doc, sent, f"{ordinal(number)} {head} of the {short_label(label_of)}",
                     kind, i, j)
    ev = doc.event(ent, kind)
    ev.ordinal = number
    ev.date = ev.date or when
    doc.relate(ent.id, "partOf", forum, sent, 0.8)


def _numbered_meeting_kk(doc: Doc, sent: Sent, k: int, end: int, number: int) -> None:
    """ "ШЫҰ-ға мүше мемлекеттер басшылары кеңесінің 25-отырысы": the 25th meeting of a
    body; of a council of heads of state, the organisation's summit (the summit the rest of
    the article calls "саммит")."""
    from graph.extract.meetings import summit_label

    forum = _hit_ending_at(sent, k, ("Forum", "Organization"), slack=1) or _hit_ending_at(
        sent, k, ("Forum",), slack=3  # "ЕҚЫҰ Министрлер кеңесінің келесі, 32-отырысы"
    )
    if forum is None or forum.entity in doc.main_occurrence:
        return
    label_of = doc.entities[forum.entity].label
    year = _year_before(sent, forum.i) or doc.year
    if "heads of state" in label_of.casefold():
        label, kind = summit_label(doc, forum.entity, year), "Summit"
    else:
        label, kind = f"{ordinal(number)} meeting of the {short_label(label_of)}", "Meeting"
    ent = _new_event(doc, sent, label, kind, forum.i, end)
    ev = doc.event(ent, kind)
    ev.ordinal = number
    ev.date = ev.date or _date(doc, sent, forum.i) or year
    doc.relate(ent.id, "partOf", forum.entity, sent, 0.9)
    doc.main_occurrence.setdefault(forum.entity, (ent.id, f"#{number}"))


# -- diplomatic relations ----------------------------------------------------------------

#: "two countries" without their names: the two states the article speaks of most
_TWO_STATES = (("two", "countries"), ("двумя", "странами"), ("двух", "стран"), ("екі", "ел"),
               ("both", "countries"), ("екі", "мемлекет"))


def _diplomatic_relations_at(doc: Doc, sent: Sent, k: int) -> int:
    """How many tokens "diplomatic relations" takes at ``k`` (0 when it is not there):
    "diplomatic relations/ties", "дипломатических отношений", "дипломатиялық қатынастар"."""
    toks = sent.toks
    if k + 1 >= len(toks) or sent.covered(k) is not None:
        return 0
    first, second = toks[k].lower, toks[k + 1].lower
    if doc.lang == "en":
        return 2 if first == "diplomatic" and second in ("relations", "ties") else 0
    if doc.lang == "ru":
        return 2 if first.startswith("дипломатическ") and second.startswith("отношени") else 0
    return 2 if first.startswith("дипломатиялық") and second.startswith("қатынас") else 0


def _relation_parties(doc: Doc, sent: Sent) -> list[str] | None:
    """The two states of a bilateral relationship the sentence tells of: the two it names,
    the one it names and the article's own state, or "the two countries"."""
    named = list(
        dict.fromkeys(
            h.entity for h in sorted(sent.hits, key=lambda h: h.i)
            if h.type == "State" and not h.nested and not h.in_title
        )
    )
    home = home_state(doc)
    if len(named) == 1 and home and home != named[0]:
        named = [home, named[0]]
    if len(named) < 2 and any(
        (sent.toks[n].lower, sent.toks[n + 1].lower) in _TWO_STATES
        for n in range(len(sent.toks) - 1)
    ):
        counts: dict[str, int] = {}
        for s in doc.sents[: sent.index + 1]:
            for h in s.hits:
                if h.type == "State":
                    counts[h.entity] = counts.get(h.entity, 0) + 1
        named = sorted(counts, key=lambda e: -counts[e])[:2]
    if len(named) != 2:
        return None
    # one order whichever article tells of it (one IRI): Kazakhstan first, then by name
    return sorted(named, key=lambda s: (s != "state/kz", doc.entities[s].label))


def find_diplomatic_relations(doc: Doc, sent: Sent) -> None:
    """ "the two countries established diplomatic relations in December 1991", "установили
    дипломатические отношения в 1992 году", "дипломатиялық қатынас орнатқан": the act is an
    Event ("Establishment of diplomatic relations between Kazakhstan and the United States"),
    dated by the sentence. An anniversary of the relations ("35-летие установления
    дипломатических отношений", "the 30th anniversary of diplomatic relations",
    "дипломатиялық қатынастар орнатылғанына 30 жыл") is an Event of its own."""
    toks = sent.toks
    for k in range(len(toks)):
        n = _diplomatic_relations_at(doc, sent, k)
        if not n:
            continue
        window = [t.lower for t in toks[max(0, k - 3) : k + n + 2]]
        established = any(
            w.startswith(("establish", "установ", "орнат")) for w in window
        )
        years = _anniversary_years(doc, sent, k)
        if not established and years is None:
            continue
        parties = _relation_parties(doc, sent)
        if parties is None:
            return
        a, b = (doc.entities[p].label for p in parties)
        what = f"diplomatic relations between {a} and {b}"
        if years is not None:
            y = years[1]  # "35-летия ... отношений", "қатынастар орнатылғанына 33 жыл"
            i, j = (k, y + 2) if y > k else (y, k + n)
            label = f"{ordinal(years[0])} anniversary of {what}"
            ent = _new_event(doc, sent, label, "Anniversary", i, j)
            ev = doc.event(ent, "Anniversary")
            ev.years = years[0]
            if doc.year:
                ev.date = ev.date or _anniversary_year(doc, sent)
                ev.base_year = int(ev.date or doc.year) - years[0]
            return
        stated = dates_in(sent.text, doc.lang, doc.article.date)
        when = stated[0][2] if stated else next(
            (t.text for t in toks if _YEAR.match(t.text)), None
        )
        if when is None or (doc.year and when[:4] >= doc.year):
            return  # (relations "to be established", or no time: not an act told of)
        ent = _new_event(doc, sent, f"Establishment of {what}", "Event", k, k + n)
        doc.event(ent, "Event").date = when
        return


#: "35-летие", "35-летия" ...; "30th"
_ANNIVERSARY_RU = re.compile(r"^(\d{1,3})-?(?:лети[еяюи]|летием)$")
_ANNIVERSARY_EN = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$")


def _anniversary_years(doc: Doc, sent: Sent, k: int) -> tuple[int, int] | None:
    """The years of an anniversary the words around ``k`` name, and the token that says it:
    "35-летия установления ...", "30th anniversary of ...", "... орнатылғанына 30 жыл"."""
    toks = sent.toks
    if doc.lang == "kk":
        for n in range(k + 2, min(k + 5, len(toks) - 1)):
            if toks[n].text.isdigit() and toks[n + 1].lower.startswith("жыл"):
                return int(toks[n].text), n
        return None
    for n in range(max(0, k - 5), k):
        low = toks[n].lower
        m = _ANNIVERSARY_RU.match(low) if doc.lang == "ru" else _ANNIVERSARY_EN.match(low)
        if m and (
            doc.lang == "ru" or (n + 1 < len(toks) and toks[n + 1].lower == "anniversary")
        ):
            return int(m.group(1)), n
    return None


def _anniversary_year(doc: Doc, sent: Sent) -> str | None:
    """The year an anniversary falls in: "в следующем году", "next year" -> the next one."""
    words = " ".join(t.lower for t in sent.toks)
    if doc.year and any(w in words for w in ("следующем году", "next year", "келесі жылы")):
        return str(int(doc.year) + 1)
    return doc.year
