"""What an article says across its sentences, read after the sentence rules:

- a meeting or talks between two officials is an Event of its own ("Meeting of
  Kassym-Jomart Tokayev and Xi Jinping 2025-06-16"), with both taking part;
- officials named in a sentence about an event took part in it (the nearest
  event of the sentence), and so do the states whose "leaders" or
  "delegations" a sentence lists;
- an event takes place where the text says it met (``locatedIn``);
- the states of the officials who signed a document, and the states its name
  joins ("... between Kazakhstan and Russia"), are parties to it.
"""

from __future__ import annotations

from collections.abc import Callable

from graph.extract.events import _new_event
from graph.extract.events_ru_en import _IN
from graph.extract.mentions import Doc, Hit, Sent, ru_cases, ru_pos, word_key
from graph.extract.relations import RelationFinder, named_officials, officials_told_of_last

#: words that name a meeting or talks (Kazakh stems by prefix, Russian lemmas, English forms)
_MEETING_WORDS = {
    "kk": ("кездес", "келіссөз", "қабылда", "әңгімелес", "сұхбаттас"),
    "ru": ("встреча", "встретиться", "переговоры", "беседа", "принять", "провести"),
    "en": ("met", "meet", "meets", "meeting", "talks", "received", "receives", "hosted"),
}
#: nouns for a meeting, preferred as its mention ("провел переговоры": "переговоры")
_MEETING_NOUNS = {
    "kk": ("келіссөз", "кездесу", "кездесуі", "әңгіме"),
    "ru": ("встреча", "переговоры", "беседа"),
    "en": ("talks", "meeting", "conversation", "call"),
}
#: events whose participants the text does not give by co-occurrence
_NOT_ATTENDED = ("Anniversary", "Referendum")
#: words after which a list of states stands for their leaders or delegations
_FOR_LEADERS = frozenset(
    {
        "leaders",
        "heads",
        "delegations",
        "representatives",
        "лидеры",
        "лидеров",
        "главы",
        "глав",
        "делегации",
        "делегаций",
        "представители",
        "басшылары",
        "басшыларының",
        "көшбасшылары",
        "делегациялары",
        "өкілдері",
    }
)


#: nouns that refer back to an event: word (en) / lemma (ru) / stem prefix (kk) -> kinds
_EVENT_NOUNS = {
    "en": {
        "summit": ("Summit",),
        "talks": ("Meeting", "Visit"),
        "meeting": ("Meeting", "Summit"),
        "session": ("Session", "Summit", "Meeting"),
        "visit": ("Visit",),
        "negotiations": ("Meeting", "Visit"),
        "gathering": (),
        "forum": (),
        "event": (),
        "delegations": ("Meeting", "Visit", "Summit"),
    },
    "ru": {
        "саммит": ("Summit",),
        "переговоры": ("Meeting", "Visit"),
        "встреча": ("Meeting", "Summit"),
        "заседание": ("Summit", "Meeting", "Session"),
        "сессия": ("Session",),
        "визит": ("Visit",),
        "совещание": ("Meeting", "Summit"),
        "мероприятие": (),
        "делегация": ("Meeting", "Visit", "Summit"),
    },
    "kk": {
        "саммит": ("Summit",),
        "келіссөз": ("Meeting", "Visit"),
        "кездесу": ("Meeting", "Summit"),
        "отырыс": ("Summit", "Meeting", "Session"),
        "сессия": ("Session",),
        "сапар": ("Visit",),
        "жиын": (),
    },
}
#: nouns for talks that name a meeting of the officials of the sentence
_TALKS = {
    "en": ("talks", "negotiations", "phone", "telephone"),
    "ru": ("переговоры", "телефонный"),
    "kk": ("келіссөз", "телефон"),
}


def read_discourse(doc: Doc, finder: RelationFinder) -> None:
    """Meetings, participation by co-occurrence and parties (before events are settled)."""
    _talks(doc, finder)
    grouped = _group_talks(doc, finder)
    _meetings(doc, grouped)
    _retarget_talks(doc)
    _event_nouns(doc)
    _anaphor_places(doc)
    _cooccurrence(doc)
    _main_event(doc, finder)
    _collective_acts(doc, finder)
    _ratification(doc)
    _membership(doc)
    _possessive_proposals(doc)
    _proposed_by(doc)
    _parties(doc, finder)
    _accessions(doc)
    _occasions_of_visit(doc)
    named_in = _sentences_naming(doc)
    _known_structure(doc, named_in)
    _known_positions(doc, named_in)


def _sentences_naming(doc: Doc) -> dict[str, list[Sent]]:
    """Each entity -> the sentences that name it, in text order (read once)."""
    out: dict[str, list[Sent]] = {}
    for sent in doc.sents:
        for eid in dict.fromkeys(h.entity for h in sent.hits):
            out.setdefault(eid, []).append(sent)
    return out


def _where_both(named_in: dict[str, list[Sent]], a: str, b: str) -> Sent | None:
    """The first sentence naming both ``a`` and ``b``, else the first naming ``a``."""
    where = named_in.get(a, [])
    others = {s.index for s in named_in.get(b, [])}
    return next((s for s in where if s.index in others), where[0] if where else None)


def _known_positions(doc: Doc, named_in: dict[str, list[Sent]]) -> None:
    """An official the reference data knows holds, on the article's date, an office of a
    state or body the article names (its title need not be written next to the name:
    "Тоқаев" in a text that names Kazakhstan): 67 of 74 such relations the rules did not
    already state were in the dev part's gold. Told where both are named, else where the
    official is first."""
    date = doc.article.date
    if not date:
        return
    for e in doc.entities.values():
        entry = doc.gaz.get(e.id) if e.type == "Official" and e.id in named_in else None
        if entry is None:
            continue
        for pos in entry.positions:
            if pos.of not in named_in or not (pos.start or "") <= date <= (pos.end or "9999"):
                continue
            sent = _where_both(named_in, e.id, pos.of)
            if sent is not None:
                doc.relate(e.id, "holdsPositionIn", pos.of, sent, 0.6, role=pos.role)


def _known_structure(doc: Doc, named_in: dict[str, list[Sent]]) -> None:
    """An organisation the reference data places inside another ("the Senate" in "the
    Parliament", "the Eurasian Economic Commission" in "the EAEU"), both named in the
    article: the one is part of the other, told where both are named (else where the part
    is first): 54 of 81 such relations on the dev part are in the annotators' gold (of those
    of councils and assemblies, formats that meet, and of ministries in their government,
    4 of 29 were: not read)."""
    for eid in named_in:
        entity = doc.entities.get(eid)
        entry = doc.gaz.get(eid) if entity is not None and entity.type == "Organization" else None
        parent = entry.part_of if entry is not None else None
        if parent is None or parent not in named_in:
            continue
        if parent.startswith("organization/government-"):
            continue  # (a ministry in its government: never in the training gold)
        sent = _where_both(named_in, eid, parent)
        both = sent is not None and any(h.entity == parent for h in sent.hits)
        if sent is not None:
            doc.relate(eid, "partOf", parent, sent, 0.7 if both else 0.5)


def _occasions_of_visit(doc: Doc) -> None:
    """An article about a visit (named in its first sentences): the ceremonies and business
    forums it tells of, held while the visit lasts, are part of it ("the Kazakhstan–Japan
    Business Forum held in Tokyo as part of President Tokayev's official visit")."""
    visit = _opening_event(doc, ("Visit",))
    if visit is None:
        return
    month = (doc.events[visit].date or doc.article.date or "")[:7]
    parented = {s for s, p, _o in doc.relations if p == "partOf"}
    for eid, ev in list(doc.events.items()):
        if eid == visit or eid in parented or ev.kind != "Event":
            continue  # (talks are tied to the visit in _meetings; summits are a forum's)
        if doc.entities[eid].label.startswith(("Press conference", "Briefing")):
            continue  # what the press is told of the visit, not a part of it
        if ev.date and month and ev.date[:7] != month:
            continue  # another time's ceremony
        hits = doc.hits_of(eid)
        if hits:
            doc.relate(eid, "partOf", visit, doc.sents[hits[0].sent], 0.45)


def _noun_at(doc: Doc, sent: Sent, k: int, table: dict) -> str | None:
    return word_key(doc.lang, sent, k, table)


def _talks(doc: Doc, finder: RelationFinder) -> None:
    """ "talks held in narrow and expanded formats" with two officials of two states named:
    they met."""
    words = {w: () for w in _TALKS[doc.lang]}
    for sent in doc.sents:
        if not any(
            sent.covered(k) is None and _noun_at(doc, sent, k, words) for k in range(len(sent.toks))
        ):
            continue
        people = [
            h.entity for h in sent.hits if h.type == "Official" and not h.in_title and not h.nested
        ]
        people = list(dict.fromkeys(people))
        words = {t.lower for t in sent.toks} | {r for rs in sent.reads for r in rs}
        if words & {"участие", "приняли", "part", "attended", "included", "қатысты"}:
            continue  # who took part in the talks, not the two sides of them
        phone = any(t.lower.startswith(("телефон", "phone", "telephone")) for t in sent.toks)
        if not phone and words & {"during", "барысында", "ходе", "болды", "присутствовали",
                                  "present"}:
            continue  # ("Келіссөздер барысында ... министрлері да болды": present at them)
        if len(people) < 2 or any(
            (a, "metWith", b) in doc.relations or (b, "metWith", a) in doc.relations
            for a in people
            for b in people
        ):
            continue
        a, b = people[0], people[1]
        sa, sb = finder.national_state(a), finder.national_state(b)
        if (sa and sb and sa != sb) or (phone and len(people) == 2):
            doc.relate(a, "metWith", b, sent, 0.5)


#: "on the sidelines of", "на полях", "аясында": a meeting held within another event
_SIDELINES = ("sidelines", "margins", "полях", "кулуарах", "аясында", "кулуарында",
              "шеңберінде")


def _sidelines_of(doc: Doc, sent: Sent, meeting: str) -> str | None:
    """The event a bilateral meeting was held on the sidelines of: the one the sentence
    names, else the event the article opens with."""
    if not any(t.lower in _SIDELINES for t in sent.toks):
        return None
    named = [
        h.entity for h in sent.hits
        if h.entity in doc.events and h.entity != meeting and not _is_talks(doc, h.entity)
        and doc.events[h.entity].kind in ("Summit", "Session", "Meeting", "Conference")
    ]
    if named:
        return named[0]
    return _opening_event(
        doc,
        ("Summit", "Session", "Conference", "Meeting"),
        skip=lambda e: e == meeting or _is_talks(doc, e),
    )


def _opening_event(
    doc: Doc, kinds: tuple[str, ...], skip: Callable[[str], bool] | None = None
) -> str | None:
    """The event the article opens with: the first one of ``kinds`` its first four
    sentences name that is not still ahead (nor one ``skip`` rules out)."""
    for sent in doc.sents[:4]:
        for h in sorted(sent.hits, key=lambda h: h.i):
            ev = doc.events.get(h.entity)
            if (
                ev is not None
                and ev.kind in kinds
                and not (skip and skip(h.entity))
                and not _ahead(doc, h.entity)
            ):
                return h.entity
    return None


def _event_nouns(doc: Doc) -> None:
    """ "the talks", "на саммите", "отырысты": the event of that kind told of last."""
    table = _EVENT_NOUNS[doc.lang]
    for sent in doc.sents:
        if any(h.entity in doc.events for h in sent.hits):
            continue
        for k in range(len(sent.toks)):
            if sent.covered(k) is not None:
                continue
            noun = _noun_at(doc, sent, k, table)
            if noun is None:
                continue
            kinds = table[noun]
            ev = None
            if noun in _TALK_NOUNS:  # "В переговорах приняли участие": the talks, not a session
                ev = _last_talks(doc, sent.index)
            ev = ev or _last_event(doc, sent.index, kinds)
            if ev is not None:
                doc.add_hit(sent, doc.entities[ev], k, k + 1, source="anaphor")
                break


_TALK_NOUNS = frozenset({"talks", "negotiations", "переговоры", "келіссөз"})


#: words that set another occurrence in another time ("прошлогоднем саммите", "last year")
_ANOTHER_TIME = ("last", "previous", "прошлогодн", "прошл", "предыдущ", "былтыр", "алдыңғы",
                 "next", "следующ", "келесі")


def _anaphor_places(doc: Doc) -> None:
    """ "Астанадағы саммит", "the summit in Astana", "саммит в Астане": the place said with an
    event noun that refers back is where that event took place."""
    for sent in doc.sents:
        for h in sent.hits:
            if h.source != "anaphor" or h.entity not in doc.events:
                continue
            ev = doc.events[h.entity]
            if ev.kind in ("Visit", "Anniversary") or any(
                t.lower.startswith(_ANOTHER_TIME)
                or (t.text.isdigit() and len(t.text) == 4 and t.text != doc.year)
                for t in sent.toks
            ):
                continue  # ("на прошлогоднем саммите в Астане": another occurrence)
            if doc.lang == "kk":
                place = next(
                    (g for g in sent.hits
                     if g.j == h.i and g.type == "Place" and g.case == "adj" and not g.nested),
                    None,
                )
                if place is None and any(  # "Саммит «Астана» ... конгресс-орталығында өтті"
                    t.lower.startswith(("өтті", "өтеді", "ұйымдастырыл")) for t in sent.toks
                ):
                    place = next(
                        (g for g in sent.hits
                         if g.type == "Place" and g.case == "loc" and not g.nested
                         and not g.in_title),
                        None,
                    )
            else:
                place = next(
                    (g for g in sent.hits
                     if g.i == h.j + 1 and g.type == "Place" and not g.nested
                     and sent.toks[h.j].lower in _IN),
                    None,
                )
            if place is None:
                continue
            if ev.place is None:
                ev.place = place.entity
            doc.relate(h.entity, "locatedIn", place.entity, sent, 0.6)


def _is_talks(doc: Doc, event: str) -> bool:
    """A meeting or telephone conversation of two named people (not a body's meeting)."""
    label = doc.entities[event].label
    return (
        doc.events[event].kind == "Meeting"
        and label.startswith(("Meeting of ", "Telephone"))
        and label.split(" of ", 1)[1][:1].isupper()
        and not label.startswith("Meeting of the ")
    )


def _last_talks(doc: Doc, before: int) -> str | None:
    """The talks told of last, up to sentence ``before``."""
    for sent in reversed(doc.sents[: before + 1]):
        for h in sorted(sent.hits, key=lambda h: -h.start):
            if h.entity in doc.events and _is_talks(doc, h.entity):
                return h.entity
    return None


def _last_event(doc: Doc, before: int, kinds: tuple[str, ...]) -> str | None:
    """The event of one of ``kinds`` told of last: in the latest sentence that names one,
    the first it names (the sentence's own subject more often than an aside)."""
    for sent in reversed(doc.sents[: before + 1]):
        for h in sorted(sent.hits, key=lambda h: h.start):
            ev = doc.events.get(h.entity)
            if (
                ev is None
                or ev.kind in _NOT_ATTENDED
                or doc.other_year(ev.date)
            ):
                continue
            if not kinds or ev.kind in kinds:
                return h.entity
    return None


def _sent_at(doc: Doc, start: int) -> Sent | None:
    return next((s for s in doc.sents if s.span.start <= start < s.span.end), None)


def _meeting_word(doc: Doc, sent: Sent) -> tuple[int, int] | None:
    for k, tok in enumerate(sent.toks):  # "телефонный разговор", "phone call"
        if tok.lower.startswith(("телефон", "phone", "telephone")) and sent.covered(k) is None:
            return k, min(k + 2, len(sent.toks))
    found = [
        next(
            (k for k in range(len(sent.toks))
             if sent.covered(k) is None and word_key(doc.lang, sent, k, words) is not None
             and not sent.toks[k].lower.startswith("қабылдан")),  # ("шақыру қабылданды")
            None,
        )
        for words in (_MEETING_NOUNS[doc.lang], _MEETING_WORDS[doc.lang])  # "переговоры" first
    ]
    noun, verb = found
    light = verb is not None and bool(sent.reads[verb] & {"провести"})  # "провел переговоры"
    people = {h.entity for h in sent.hits if h.type == "Official" and not h.nested}
    if (
        noun is not None
        and verb is not None
        and 0 < noun - verb <= 4
        and not light
        and (  # (the words are not needed for another meeting of the sentence)
            len(people) == 2
            or any(
                sent.covered(k) is None
                and word_key(doc.lang, sent, k, _MEETING_NOUNS[doc.lang]) is not None
                for k in range(noun + 1, len(sent.toks))
            )
        )
    ):
        return verb, noun + 1  # "met Putin for talks": the verb through its noun
    at = noun if noun is not None else verb
    return (at, at + 1) if at is not None else None


#: words for the two sides of talks when no one is named: "екі көшбасшы", "екі ел басшылары",
#: "президенттер", "the two leaders", "the presidents", "лидеры двух стран", "президенты"
_PAIR_WORDS = {
    "kk": ("көшбасшы", "басшылар", "президенттер"),
    "ru": ("лидер", "глава", "президент"),
    "en": ("leaders", "presidents", "heads"),
}
_TWO = frozenset({"екі", "two", "both", "двух", "два", "оба", "обоих"})


def _group_talks(doc: Doc, finder: RelationFinder) -> dict[frozenset[str], Sent]:
    """ "Одан кейін екі ел басшылары шағын құрамда келіссөз жүргізді", "Оның алдында екі
    көшбасшы Ақордада оңаша әңгімелесті", "The two presidents then held talks": no one named,
    the two officials of two states named last met (the sentence is their meeting's)."""
    out: dict[frozenset[str], Sent] = {}
    for sent in doc.sents:
        if named_officials(sent) or doc.is_headline(sent):
            continue
        toks = sent.toks
        group = next(
            (k for k, t in enumerate(toks)
             if sent.covered(k) is None and _pair_word(doc, sent, k)
             and (t.lower in ("президенттер", "presidents", "президенты")
                  or any(toks[x].lower in _TWO
                         for x in range(max(0, k - 3), min(len(toks), k + 3))))),
            None,
        )
        if group is None or _meeting_word(doc, sent) is None:
            continue
        meeting = frozenset(_MEETING_WORDS[doc.lang])
        if not any(t.lower.startswith(_MEETING_WORDS[doc.lang]) or sent.reads[k] & meeting
                   for k, t in enumerate(toks) if k > group):
            continue  # (the talks come after their subject)
        pair = officials_told_of_last(doc, sent, window=4)
        if len(pair) != 2:
            continue
        a, b = pair
        sa, sb = finder.national_state(a), finder.national_state(b)
        if not (sa and sb and sa != sb):
            continue
        doc.relate(a, "metWith", b, sent, 0.5)
        out.setdefault(frozenset(pair), sent)
    return out


def _pair_word(doc: Doc, sent: Sent, k: int) -> bool:
    word = sent.toks[k].lower
    if doc.lang == "ru":
        return any(r.startswith(_PAIR_WORDS["ru"]) for r in sent.reads[k])
    return word.startswith(_PAIR_WORDS[doc.lang])


def _meetings(doc: Doc, grouped: dict[frozenset[str], Sent] | None = None) -> None:
    """Every pair of officials who met gets one meeting event (``grouped``: the sentences
    where a pair met as "the two leaders")."""
    seen: set[frozenset[str]] = set()
    for (a, p, b), rel in list(doc.relations.items()):
        if p != "metWith" or frozenset((a, b)) in seen:
            continue
        seen.add(frozenset((a, b)))
        sent, where = None, None
        also: list[tuple[Sent, tuple[int, int]]] = []
        for cand in doc.sents:  # the sentences naming both and their meeting
            names = {h.entity for h in cand.hits}
            people = {h.entity for h in cand.hits if h.type == "Official"}
            busy = (  # (talks "in the framework of the state visit" are still talks)
                any(h.entity in doc.events and doc.events[h.entity].kind != "Visit"
                    for h in cand.hits)
                or len(people) > 3
            )
            if a in names and b in names and not busy and (found := _meeting_word(doc, cand)):
                if sent is None:
                    sent, where = cand, found
                elif len(people) == 2:
                    also.append((cand, found))  # the headline's talks and the lead's
        if sent is None and grouped and frozenset((a, b)) in grouped:
            sent = grouped[frozenset((a, b))]
            where = _meeting_word(doc, sent)
        if sent is None:
            sent = _sent_at(doc, rel.start)
            where = _meeting_word(doc, sent) if sent is not None else None
        if sent is None or where is None:
            continue
        when = doc.article.date or doc.year or ""
        phone = any(t.lower.startswith(("телефон", "phone", "telephone")) for t in sent.toks)
        kind = "Telephone conversation" if phone else "Meeting"
        label = f"{kind} of {doc.entities[a].label} and {doc.entities[b].label} {when}".strip()
        ent = _new_event(doc, sent, label, "Meeting", *where)
        for other, (i, j) in also[:2]:
            doc.add_hit(other, ent, i, j, source="meeting")
        ev = doc.event(ent, "Meeting")
        ev.date = ev.date or doc.article.date
        for who in (a, b):
            doc.relate(who, "participatedIn", ent.id, sent, 0.6)
        venue = _venue(sent)
        if venue is not None:
            ev.place = venue.entity
        visit = next(
            (
                e
                for e, v in doc.events.items()
                if v.kind == "Visit"
                and any(
                    (w, "participatedIn", e) in doc.relations
                    and doc.entities[w].label in doc.entities[e].label  # (the visitor's)
                    for w in (a, b)
                )
                and not doc.other_year(v.date)
            ),
            None,
        )
        if (host := _sidelines_of(doc, sent, ent.id)) is not None:
            doc.relate(ent.id, "partOf", host, sent, 0.5)  # "on the sidelines of the summit"
        elif visit:  # talks held during a visit (one of them paid) are part of it
            doc.relate(ent.id, "partOf", visit, sent, 0.5)


def _venue(sent: Sent) -> Hit | None:
    """The most specific place a sentence names (a venue before a city)."""
    places = [h for h in sent.hits if h.type == "Place" and not h.nested and not h.in_title]
    return min(places, key=lambda h: (h.j - h.i == 1, h.i)) if places else None


def _leaders_of(doc: Doc, sent: Sent, k: int) -> bool:
    """ "the leaders of Kyrgyzstan and Iran", "лидеры Казахстана": states named as whose
    leaders, not "the leaders exchanged views on the situation in Afghanistan"."""
    if doc.lang != "en":
        return True
    nxt = sent.toks[k + 1].lower if k + 1 < len(sent.toks) else ""
    return nxt in ("of", "from")


_TOPIC_WORDS = frozenset({"in", "on", "about", "в", "во", "о", "об", "по", "на", "вокруг"})


def _topic(sent: Sent, h: Hit) -> bool:
    """ "обсудили ситуацию в Афганистане", "views on Ukraine": a state talked about."""
    return h.i > 0 and sent.toks[h.i - 1].lower in _TOPIC_WORDS


def _cooccurrence(doc: Doc) -> None:
    for sent in doc.sents:
        events = [
            h
            for h in sent.hits
            if h.entity in doc.events
            and doc.events[h.entity].kind not in _NOT_ATTENDED
            and not h.nested
            and not _ahead(doc, h.entity)
            and h.entity not in doc.planned
            and (doc.events[h.entity].date or doc.year or "")[:4] == (doc.year or "")
        ]  # an event of another year is recalled, not attended by whoever the sentence names
        if not events:
            continue
        here = {e.entity for e in events}
        for h in sent.hits:
            if h.type != "Official" or h.in_title or h.nested or _attributed(doc, sent, h):
                continue
            if _negated(sent, h):
                continue  # "Пашинян в Минск не приехал"
            if any((h.entity, "participatedIn", e) in doc.relations for e in here):
                continue  # the sentence already says which of its events he attended
            nearest = min(events, key=lambda e: min(abs(e.i - h.j), abs(h.i - e.j)))
            if any(
                (h.entity, "participatedIn", other) in doc.relations
                for a, p, b in doc.relations
                if p == "partOf"
                for other in ((a,) if b == nearest.entity else (b,) if a == nearest.entity else ())
                if not (other in doc.events and _is_talks(doc, other))
            ):
                continue  # he attended a segment of it, or its forum (resolved to a segment)
            doc.relate(h.entity, "participatedIn", nearest.entity, sent, 0.45)
        for k, tok in enumerate(sent.toks):
            if tok.lower not in _FOR_LEADERS or not _leaders_of(doc, sent, k):
                continue
            for h in sent.hits:  # "the leaders of Kyrgyzstan, Tajikistan and Iran"
                if (
                    h.type == "State" and k < h.i <= k + 12 and not h.nested and not h.in_title
                    and not _topic(sent, h)
                ):
                    nearest = min(events, key=lambda e: abs(e.i - h.i))
                    doc.relate(h.entity, "participatedIn", nearest.entity, sent, 0.45)


_MAIN_KINDS = ("Summit", "Meeting", "Session", "Visit", "Conference")


def _main_event(doc: Doc, finder: RelationFinder) -> None:
    """An article about one summit or meeting (named in its first sentences): the officials
    with a title that its other sentences name, in sentences about no other event, took
    part in it ("Around the table sat Chinese President Xi Jinping, ...")."""
    main = _opening_event(doc, _MAIN_KINDS)
    if main is None:
        return
    titled = {t.person for t in finder.titles}
    parts = {s for s, p, o in doc.relations if p == "partOf" and o == main} | {main}
    placed = {s for s, p, o in doc.relations if p == "participatedIn" and o in parts}
    titled -= placed  # said outright
    for sent in doc.sents:
        if any(h.entity in doc.events and h.entity != main for h in sent.hits):
            continue
        if _other_time(doc, sent):
            continue
        for h in sent.hits:
            if (
                h.type == "Official"
                and h.entity in titled
                and not h.in_title
                and not h.nested
                and not _attributed(doc, sent, h)
                and _in_subject_form(doc, sent, h)
            ):
                doc.relate(h.entity, "participatedIn", main, sent, 0.4)
        for k, tok in enumerate(sent.toks):  # "as well as the leaders of Kyrgyzstan and Iran"
            if tok.lower in _FOR_LEADERS and sent.covered(k) is None and _leaders_of(doc, sent, k):
                for h in sent.hits:
                    if h.type == "State" and k < h.i <= k + 12 and not h.nested and not _topic(
                        sent, h
                    ):
                        doc.relate(h.entity, "participatedIn", main, sent, 0.4)


#: plural subjects that stand for the officials of the event at hand: word -> heads or ministers
_COLLECTIVE = {
    "leaders": "heads",
    "heads": "heads",
    "presidents": "heads",
    "ministers": "ministers",
    "лидеры": "heads",
    "главы": "heads",
    "президенты": "heads",
    "министры": "ministers",
    "көшбасшылар": "heads",
    "басшылары": "heads",
    "президенттер": "heads",
    "министрлер": "ministers",
    "министрлері": "ministers",
}
#: acts of a collective subject on a document: word / lemma / stem -> predicate
_COLLECTIVE_ACTS = {
    "en": {
        "signed": "signed",
        "adopted": "supports",
        "approved": "supports",
        "endorsed": "supports",
    },
    "ru": {
        "подписать": "signed",
        "утвердить": "supports",
        "принять": "supports",
        "одобрить": "supports",
    },
    "kk": {"қол": "signed", "бекіт": "supports", "қабылда": "supports", "мақұлда": "supports"},
}
_HEAD_ROLES = ("president", "prime minister", "chairman", "king", "emir", "chancellor")


def _collective_acts(doc: Doc, finder: RelationFinder) -> None:
    """ "the leaders signed the Astana Declaration", "главы государств утвердили Дорожную
    карту", "министрлер қол қойды": each official of the event at hand who holds such an
    office signed (or approved) the documents of the sentence."""
    acts = _COLLECTIVE_ACTS[doc.lang]
    roles: dict[str, list[str]] = {}
    for t in finder.titles:
        roles.setdefault(t.person, []).append(t.role.casefold())
    for sent in doc.sents:
        at = next(
            (
                k
                for k, t in enumerate(sent.toks)
                if t.lower in _COLLECTIVE and sent.covered(k) is None
            ),
            None,
        )  # the plural subject itself, not a word of a name ("Совет глав государств")
        if at is None:
            continue
        who = _COLLECTIVE[sent.toks[at].lower]
        if any(h.type == "Official" and h.j <= at and not h.in_title for h in sent.hits):
            continue  # "Тоқаев, Си Цзиньпин және басқа да мемлекет басшылары": the named ones
        documents = [h.entity for h in sent.hits if h.type == "Treaty" and not h.nested]
        if not documents:
            continue
        for k in range(len(sent.toks)):
            if not at < k <= at + 14:
                continue
            predicate = _act_at(doc, sent, k, acts)
            if predicate is None:
                continue
            event = _event_of(doc, sent)
            if event is None:
                break
            later = [
                n for n in range(k + 1, len(sent.toks)) if _act_at(doc, sent, n, acts) is not None
            ]
            stop = later[0] if later else len(sent.toks)
            clause = [
                h.entity
                for h in sent.hits
                if h.type == "Treaty" and not h.nested and k < h.i < stop
            ] or documents
            for person in _participants(doc, event):
                offices = roles.get(person, [])
                heads = any(r.startswith(_HEAD_ROLES) for r in offices)
                ministers = any("minister" in r and not r.startswith("prime") for r in offices)
                if (who == "heads" and heads) or (who == "ministers" and ministers):
                    for d in clause:
                        doc.relate(person, predicate, d, sent, 0.5)
            documents = [d for d in documents if d not in clause]
            if not documents:
                break


def _act_at(doc: Doc, sent: Sent, k: int, acts: dict[str, str]) -> str | None:
    key = word_key(doc.lang, sent, k, acts)
    return acts[key] if key is not None else None


_RATIFY = {
    "en": ("ratified", "ratifies", "ratify", "ratifying"),
    "ru": ("ратифицировать", "ратификация"),
    "kk": ("ратификация", "ратифицирла"),
}
_MEMBERS = {
    "senators": "senate",
    "lawmakers": "parliament",
    "deputies": "mazhilis",
    "mps": "parliament",
    "сенаторы": "senate",
    "депутаты": "mazhilis",
    "парламентарии": "parliament",
    "сенаторлар": "senate",
    "сенаторлары": "senate",
    "депутаттар": "mazhilis",
    "депутаттары": "mazhilis",
}
_CHAMBERS = {
    "senate": "organization/senate-kz",
    "mazhilis": "organization/mazhilis",
    "parliament": "organization/parliament-kz",
}


def _ratification(doc: Doc) -> None:
    """ "The Senate ratified the agreement", "сенаторы ратифицировали Договор", "Мәжіліс
    депутаттары келісімді ратификациялады": the chamber supports the document; a state
    that ratified it is a party."""
    words = _RATIFY[doc.lang]
    for sent in doc.sents:
        at = None
        for k, tok in enumerate(sent.toks):
            if doc.lang == "ru":
                hit = any(w in sent.reads[k] for w in words)
            else:
                hit = tok.lower.startswith(words)
            if hit:
                at = k
                break
        if at is None:
            continue
        documents = [h.entity for h in sent.hits if h.type == "Treaty" and not h.nested]
        if not documents:
            last = doc.last_of_type(("Treaty",), sent.index)
            documents = [last.id] if last else []
        if not documents:
            continue
        actors = [
            h
            for h in sent.hits
            if h.type in ("Organization", "State")
            and not h.nested
            and not h.in_title
            and (doc.lang == "kk" or h.i < at)
        ]
        bodies = [h.entity for h in actors if h.type == "Organization"]
        member = next((_MEMBERS[t.lower] for t in sent.toks if t.lower in _MEMBERS), None)
        if member and not bodies:
            chamber = _CHAMBERS[member]
            if doc.gaz.get(chamber):
                bodies = [doc.known(chamber).id]
        for body in bodies:
            for d in documents:
                doc.relate(body, "supports", d, sent, 0.5)
        for h in actors:
            if h.type == "State":
                for d in documents:
                    doc.relate(h.entity, "partyTo", d, sent, 0.5)


#: words of membership: "full member", "членом", "мүшесі", "joined", "вступила"
_MEMBER = {
    "en": ("member", "members", "joined", "joins", "accession", "chairmanship", "chaired",
           "chairs", "presidency"),
    "ru": ("член", "вступить", "вступление", "присоединиться", "членство", "председательство",
           "председательствовать"),
    "kk": ("мүше", "мүшелік", "қосылд"),
}
#: a word that refers back to the organisation told of ("the bloc's tenth member")
_BODY_ANAPHORS = {
    "en": ("bloc", "bloc's", "organisation", "organization", "organisation's", "organization's",
           "union", "alliance", "grouping"),
    "ru": ("организация", "объединение", "блок"),
    "kk": ("ұйым", "бірлестік"),
}


def _membership(doc: Doc) -> None:
    """ "Belarus became the tenth full member of the SCO", "Беларусь стала полноправным
    членом ШОС", "Беларусь ШЫҰ-ның мүше мемлекеті атанды": the state is part of the body."""
    words = _MEMBER[doc.lang]
    for sent in doc.sents:
        for k in range(len(sent.toks)):
            if sent.covered(k) is not None or word_key(doc.lang, sent, k, words) is None:
                continue
            states = [
                h for h in sent.hits
                if h.type == "State" and not h.nested and not h.in_title and k - 7 <= h.j <= k
                and not _apart(sent, h.j, k)
            ]
            bodies = [
                h for h in sent.hits
                if h.type in ("Organization", "Forum") and not h.nested and not h.in_title
                and abs(h.i - k) <= 4 and not h.entity.startswith("organization/government-")
                and not h.entity.endswith("-plus")
            ]
            if not bodies and _body_anaphor(doc, sent, k):
                told = doc.last_of_type(("Organization",), sent.index)
                members = [states[0].entity] if len(states) == 1 else _listed_states(sent, k)
                if told is not None and not told.id.startswith("organization/government-"):
                    for st in members:  # "членами объединения стали Египет, Эфиопия, Иран ..."
                        doc.relate(st, "partOf", told.id, sent, 0.5)
                continue
            if len(states) == 1 and bodies:
                doc.relate(states[0].entity, "partOf", bodies[0].entity, sent, 0.5)
            elif bodies and (listed := _listed_states(sent, k)):
                # "BRICS members Brazil, Russia, India, China and South Africa"
                for st in listed:
                    doc.relate(st, "partOf", bodies[0].entity, sent, 0.5)
        _grouping(doc, sent)


#: "BRICS, which brought together Brazil, Russia, India and China, expanded to include ..."
_GATHERS = frozenset({"include", "includes", "included", "including", "together", "comprises",
                      "comprising", "unites", "united", "включает", "объединяет", "объединил"})


def _grouping(doc: Doc, sent: Sent) -> None:
    """An organisation said to bring together or include three or more states listed:
    they are part of it."""
    toks = sent.toks
    orgs = [h for h in sent.hits if h.type == "Organization" and not h.nested and not h.in_title]
    if not orgs:
        return
    for k, tok in enumerate(toks):
        if tok.lower not in _GATHERS or sent.covered(k) is not None:
            continue
        before = [h for h in orgs if h.j <= k]
        if not before or (toks[k].lower == "including" and k - before[-1].j > 1):
            continue
        for st in _listed_states(sent, k):
            doc.relate(st, "partOf", before[0].entity, sent, 0.5)


#: words between a state and "member" that put it in another clause ("ties with the United
#: States and the EU while remaining a member of the EAEU")
_APART = frozenset({"while", "with", "unlike", "whereas", "but", "а", "но"})


def _agent_after(
    sent: Sent, k: int, types: tuple[str, ...], case: str | None = None
) -> Hit | None:
    """Whose the Russian word at ``k`` is: an official within five words after it, past his
    title ("инициатива Президента Казахстана Касым-Жомарта Токаева", "выдвинута Главой
    государства Касымом-Жомартом Токаевым"), else whoever stands right after it; in
    ``case`` when given, never across punctuation."""
    near = [
        h for h in sent.hits
        if k < h.i <= k + 5 and not h.nested and h.type in types and not _cut(sent, k, h.i)
        and (case is None or case in ru_cases(sent.toks[h.j - 1].text))
    ]
    return next((h for h in near if h.type == "Official"), None) or next(
        (h for h in near if h.i == k + 1), None
    )


def _cut(sent: Sent, k: int, i: int) -> bool:
    """Does punctuation stand between tokens ``k`` and ``i``?"""
    base = sent.span.start
    return any(c in sent.text[sent.toks[k].end - base : sent.toks[i].start - base] for c in ",;:()")


def _apart(sent: Sent, i: int, k: int) -> bool:
    """Is the state ending at token ``i`` cut off from the member word at ``k``?"""
    return any(sent.toks[n].lower in _APART for n in range(i, k))


def _listed_states(sent: Sent, k: int) -> list[str]:
    """Three or more states listed (commas, "and", "и", "мен") right after or right before
    token ``k``."""
    states = sorted(
        (h for h in sent.hits if h.type == "State" and not h.nested and not h.in_title),
        key=lambda h: h.i,
    )
    base = sent.span.start
    runs: list[list[Hit]] = []
    for h in states:
        if runs:
            prev = runs[-1][-1]
            gap = sent.text[sent.toks[prev.j - 1].end - base : sent.toks[h.i].start - base]
            words = {sent.toks[n].lower for n in range(prev.j, h.i)}
            if words <= {"and", "и", "және", "мен", "the"} and (gap.strip(" ,") == "" or words):
                runs[-1].append(h)
                continue
        runs.append([h])
    for run in runs:
        if len(run) >= 3 and (k < run[0].i <= k + 3 or k - 2 <= run[-1].j <= k):
            return [h.entity for h in run]
    return []


def _body_anaphor(doc: Doc, sent: Sent, k: int) -> bool:
    """ "the bloc's tenth full member", "вступление в организацию": the body told of."""
    words = _BODY_ANAPHORS[doc.lang]
    for n in range(max(0, k - 3), min(len(sent.toks), k + 5)):
        if sent.covered(n) is not None:
            continue
        low = sent.toks[n].lower
        if doc.lang == "ru" and sent.reads[n] & set(words):
            return True
        if doc.lang == "kk" and low.startswith(words):
            return True
        if doc.lang == "en" and low in words:
            return True
    return False


_PROPOSAL_NOUNS = frozenset({"initiative", "proposal", "idea", "инициатива", "предложение",
                             "идея", "бастамасы", "бастамасын", "бастамасына", "ұсынысы"})


def _possessive_proposals(doc: Doc) -> None:
    """ "Kazakhstan's initiative to establish an International Agency …", "инициатива
    Казахстана о создании …", "Қазақстанның … бастамасы": the owner proposed it."""
    for sent in doc.sents:
        toks = sent.toks
        for k in range(len(toks)):
            noun = toks[k].lower
            ru_noun = doc.lang == "ru" and sent.reads[k] & _PROPOSAL_NOUNS
            if noun not in _PROPOSAL_NOUNS and not ru_noun:
                continue
            owner = None
            if doc.lang == "en":  # "Kazakhstan's initiative"
                owner = next(
                    (h for h in sent.hits if h.j == k and h.type in ("State", "Official")
                     and toks[h.j - 1].text.endswith(("'s", "’s"))),
                    None,
                )
            elif doc.lang == "ru":  # "инициатива Казахстана", "инициатива Президента
                # Казахстана Касым-Жомарта Токаева": the official after his title, else the state
                owner = _agent_after(sent, k, ("State", "Official"))
            else:  # "Қазақстанның ... бастамасы"
                owner = next(
                    (h for h in reversed(sent.hits) if h.j <= k and k - h.j <= 8
                     and h.type in ("State", "Official") and h.case == "gen"),
                    None,
                )
            if owner is None:
                continue
            events = [h for h in sent.hits if h.type == "Event"]
            target = next(
                (h for h in sorted(sent.hits, key=lambda h: h.i)
                 if h.type in ("Initiative", "Treaty", "Organization", "Forum")
                 and not h.nested and not h.in_title
                 and (max(k, owner.j - 1) < h.i <= k + 12 if doc.lang != "kk"
                      else owner.j <= h.i and h.j <= k + 1)  # (after the owner and his title)
                 # "Қазақстанның ШЫҰ-ның саммитін өткізу туралы ұсынысы": the summit's owner
                 and not (h.case == "gen" and any(e.i <= h.j + 1 and e.j > h.j for e in events))),
                None,
            )
            if target is not None:
                doc.relate(owner.entity, "proposed", target.entity, sent, 0.5)


#: "the project initiated by Uzbekistan", "проект, инициированный Узбекистаном": en words,
#: ru lemmas of the participle
_BY_WORDS = {
    "en": frozenset({"initiated", "launched", "proposed", "sponsored", "co-sponsored",
                     "championed", "introduced"}),
    "ru": frozenset({"инициировать", "предложить", "выдвинуть"}),
}
#: words that may stand between a proposal and "initiated by": its kind, a comma
_BY_GAP = frozenset({",", "project", "programme", "program", "initiative", "idea", "проект",
                     "программа", "инициатива", "идея", "был", "была", "было", "были"})
_PROPOSABLE = ("Initiative", "Treaty", "Organization")


def _proposed_by(doc: Doc) -> None:
    """ "the Trans-Afghan railway project initiated by Uzbekistan", "resolution 64/35,
    initiated by Kazakhstan", "проект, инициированный Узбекистаном", "идея … была выдвинута
    Главой государства Касымом-Жомартом Токаевым": the one named after the participle
    proposed what it follows."""
    words = _BY_WORDS.get(doc.lang)
    if words is None:
        return
    for sent in doc.sents:
        toks = sent.toks
        for k, tok in enumerate(toks):
            if sent.covered(k) is not None:
                continue
            if doc.lang == "en":
                if tok.lower not in words or k + 1 >= len(toks) or toks[k + 1].lower != "by":
                    continue
                at = k + 2 + (k + 2 < len(toks) and toks[k + 2].lower == "the")
                by = [h for h in sent.hits if h.i == at and h.type in ("State", "Official",
                                                                        "Organization")]
                before = k
            else:  # "инициированный Узбекистаном", "была выдвинута Главой государства
                # Касымом-Жомартом Токаевым" (the official after his title)
                if not (sent.reads[k] & words and ru_pos(tok.lower) in ("PRTF", "PRTS")):
                    continue
                agent = _agent_after(sent, k, ("State", "Official", "Organization"), "ablt")
                by = [agent] if agent is not None else []
                before = k
            if not by:
                continue
            n = before - 1
            while n >= 0 and sent.covered(n) is None and toks[n].lower in _BY_GAP:
                n -= 1  # "the Trans-Afghan railway project initiated by", "resolution 64/35,"
            target = sent.covered(n) if n >= 0 else None
            if target is None or target.type not in _PROPOSABLE or target.in_title:
                continue
            for h in by:
                if h.entity != target.entity:
                    doc.relate(h.entity, "proposed", target.entity, sent, 0.5)


def _event_of(doc: Doc, sent: Sent) -> str | None:
    """The event a sentence is about: one it names, else the one told of last."""
    here = [h.entity for h in sent.hits if h.entity in doc.events and not _ahead(doc, h.entity)]
    return here[0] if here else _last_event(doc, sent.index, ())


def _participants(doc: Doc, event: str) -> list[str]:
    return [
        s
        for s, p, o in doc.relations
        if p == "participatedIn" and o == event and doc.entities[s].type == "Official"
    ]


def _in_subject_form(doc: Doc, sent: Sent, h: Hit) -> bool:
    """Named as someone acting, not as an owner ("инициатива Президента Токаева",
    "Тоқаевтың бастамасы", "the initiative of President Tokayev")."""
    if doc.lang == "kk":
        return h.case in ("nom", "ins")
    if doc.lang == "ru":
        from graph.extract.mentions import ru_cases

        start = min(
            (t.i for t in sent.hits if t.j == h.i and t.type in ("State", "Organization")),
            default=h.i,
        )
        cases = ru_cases(sent.toks[h.j - 1].text)
        before = sent.toks[start - 1].text if start else ""
        title_case = ru_cases(before) if before[:1].isalpha() else frozenset()
        return "nomn" in cases and ("gent" not in title_case or "nomn" in title_case)
    prev = sent.toks[h.i - 1].lower if h.i else ""
    return prev not in ("of", "by")


def _other_time(doc: Doc, sent: Sent) -> bool:
    """A sentence about another time: it opens with a year other than the article's, or
    with "last year", "next", "earlier" ("In 2023 ...", "Былтыр ...", "В прошлом году ...")."""
    words = [t.lower for t in sent.toks[:5]]
    if any(len(w) == 4 and w.isdigit() and w[:2] in ("19", "20") and w != doc.year for w in words):
        return True
    return bool(
        set(words)
        & {
            "last",
            "next",
            "previous",
            "earlier",
            "өткен",
            "былтыр",
            "келесі",
            "прошлом",
            "прошлого",
            "следующем",
            "следующий",
            "ранее",
            "бұрын",
        }
    )


_NEGATION = frozenset({"не", "not", "didn't", "емес", "жоқ", "never", "ни"})


def _negated(sent: Sent, h: Hit) -> bool:
    """Said not to have done it: a negation right after the name ("X did not attend")."""
    return any(t.lower in _NEGATION for t in sent.toks[h.j : h.j + 5])


def _retarget_talks(doc: Doc) -> None:
    """Participation stated in a sentence about talks ("В переговорах приняли участие X")
    goes to the talks the article told of by then, not to another event."""
    talks = [
        (min(h.sent for h in doc.hits_of(e)), e)
        for e in doc.events
        if _is_talks(doc, e) and doc.hits_of(e)
    ]
    if not talks:
        return
    words = {"переговоры", "talks", "negotiations", "келіссөз"}
    for key, rel in list(doc.relations.items()):
        s, p, o = key
        if p != "participatedIn" or o in {e for _, e in talks}:
            continue
        if o in doc.events and doc.events[o].kind == "Visit" and (
            doc.entities[s].label in doc.entities[o].label
        ):
            continue  # "As part of his state visit ..., Tokayev held talks": both hold (for
            # the visitor; others "in the talks" took part in the talks)
        sent = _sent_at(doc, rel.start)
        if sent is None:
            continue
        said = {t.lower for t in sent.toks} | {r for rs in sent.reads for r in rs}
        if not (said & words or any(t.lower.startswith("келіссөз") for t in sent.toks)):
            continue
        if doc.entities[s].type != "Official":
            continue
        before = [e for first, e in talks if first <= sent.index]
        if not before:
            continue
        doc.relations.pop(key)
        rel.object = before[-1]
        doc.relations.setdefault((s, p, before[-1]), rel)


def _ahead(doc: Doc, event: str) -> bool:
    """An event still to come ("the next summit", one dated after the article)."""
    ev = doc.events[event]
    if doc.entities[event].label.startswith("Next "):
        return True
    date = doc.article.date or ""
    return bool(ev.date and date and ev.date[: len(date)] > date[: len(ev.date)])


def _attributed(doc: Doc, sent: Sent, h: Hit) -> bool:
    """ "Бақаевтың айтуынша", "по словам Бакаева", "according to Bakayev": a source of
    what is said, not a participant."""
    toks = sent.toks
    if doc.lang == "kk":
        return h.j < len(toks) and toks[h.j].lower.startswith(("айтуынша", "сөзінше"))
    before = " ".join(t.lower for t in toks[max(0, h.i - 2) : h.i])
    return before.endswith(
        ("по словам", "according to", "слова", "said", "attributable to", "spokesperson",
         "spokesman", "spokeswoman")
    )


#: "did not travel", "не приехал", "қатыспады": one named as absent takes no part
_ABSENT = {
    "en": (("did", "not"), ("didn't",), ("was", "not"), ("were", "not"), ("could", "not"),
           ("couldn't",), ("was", "absent"), ("skipped",),
           ("will", "not", "*attend"), ("won't", "*attend"), ("would", "not", "*attend")),
    "ru": (("не", "*прие"), ("не", "*приб"), ("не", "*смог"), ("не", "*участв"),
           ("не", "*присутств"), ("не", "*посет"), ("не", "*приня"), ("отсутствовал",),
           ("отсутствовала",)),
    "kk": (("қатыспады",), ("келмеді",), ("бармады",), ("қатыса", "алмады")),
}


def drop_absent(doc: Doc) -> None:
    """Participation of someone the sentence says stayed away ("Prime Minister Nikol
    Pashinyan did not travel to Minsk", "Пашинян в Минск не приехал"); "*" marks a word
    given by its beginning."""
    markers = _ABSENT[doc.lang]
    for key in list(doc.relations):
        s, p, _o = key
        if p not in ("participatedIn", "represents") or doc.entities[s].type != "Official":
            continue  # "India, whose prime minister skipped the gathering, was represented"
        rel = doc.relations[key]
        sent = _sent_at(doc, rel.start)
        if sent is None:
            continue
        toks = sent.toks
        for h in sent.hits:
            if h.entity != s or h.nested:
                continue
            window = [t.lower for t in toks[h.j : h.j + 5]]
            if any(
                len(window) >= n + len(m)
                and all(
                    window[n + x].startswith(w[1:]) if w[0] == "*" else window[n + x] == w
                    for x, w in enumerate(m)
                )
                for m in markers
                for n in range(len(window))
            ):
                doc.relations.pop(key)
                break


#: words of a candidacy for a seat in a body ("Kazakhstan's candidacy for a non-permanent
#: seat on the UN Security Council"): backing it is not support for the body itself
_CANDIDACY = ("candidacy", "candidature", "bid", "кандидатур", "мүшелікке", "членств")


def drop_candidacies(doc: Doc) -> None:
    """``supports`` of a body whose seat someone seeks: the support is for the candidacy,
    which the graph does not hold."""
    for key in list(doc.relations):
        s, p, o = key
        if p != "supports" or doc.entities[o].type not in ("Forum", "Organization"):
            continue
        sent = _sent_at(doc, doc.relations[key].start)
        if sent is None:
            continue
        marks = [k for k, t in enumerate(sent.toks) if t.lower.startswith(_CANDIDACY)]
        if any(
            h.entity == o and not h.nested and any(abs(h.i - k) <= 8 for k in marks)
            for h in sent.hits
        ):
            doc.relations.pop(key)


def _place_of_first_mention(doc: Doc, event: str) -> str | None:
    """The one place the first sentence after the headline that mentions ``event`` puts
    something in ("3 октября в Москве состоялись переговоры ...", "Астанада өткен
    келіссөздер"), when that sentence tells of no other event: events found by the
    discourse pass (after the sentence-by-sentence one) get their place so."""
    for sent in doc.sents:
        if not any(h.entity == event and not h.nested for h in sent.hits):
            continue
        if doc.is_headline(sent):
            continue
        if any(h.type == "Event" and h.entity != event and not h.nested for h in sent.hits):
            return None
        places = {
            h.entity
            for h in sent.hits
            if h.type == "Place" and not h.nested and not h.in_title
            and (h.case == "loc" if doc.lang == "kk" else (
                h.i > 0 and sent.toks[h.i - 1].lower in _IN
            ))
        }
        return places.pop() if len(places) == 1 else None
    return None


def event_places(doc: Doc) -> None:
    """``locatedIn`` for every event whose place is known (after events are settled)."""
    for ev in doc.events.values():
        if ev.place is None and ev.kind not in _NOT_ATTENDED + ("Visit",):
            ev.place = _place_of_first_mention(doc, ev.id)
        if ev.place is None or ev.kind in _NOT_ATTENDED:
            continue
        hits = doc.hits_of(ev.id)
        if not hits:
            continue
        sent = next(
            (
                doc.sents[h.sent]
                for h in hits
                if any(x.entity == ev.place for x in doc.sents[h.sent].hits)
            ),
            doc.sents[hits[0].sent],
        )
        doc.relate(ev.id, "locatedIn", ev.place, sent, 0.5)


#: documents whose signatories become parties (not declarations, statements or plans; a
#: memorandum is: 20 of the 36 in the training gold have parties)
_BINDING = ("treaty", "agreement", "convention", "accord", "protocol", "charter", "memorand")


def _binding(doc: Doc, document: str) -> bool:
    label = doc.entities[document].label.casefold()
    return any(w in label for w in _BINDING) and not any(
        w in label for w in ("declaration", "statement", "communiqu", "roadmap")
    )


def _bilateral_statement(doc: Doc, finder: RelationFinder, document: str) -> bool:
    """A declaration or joint statement signed for two states ("Tokayev and Putin
    signed the Declaration on …"): its signatories' states are parties to it (a summit's
    declaration of many is not read so)."""
    label = doc.entities[document].label.casefold()
    if not any(w in label for w in ("declaration", "statement")):
        return False
    states = {
        s if doc.entities[s].type == "State" else finder.home_state(s)
        for (s, p, o) in doc.relations
        if p == "signed" and o == document
    }
    states.discard(None)
    return len(states) == 2


_BETWEEN = frozenset({"арасындағы", "арасында", "between", "между"})


def _between_before(doc: Doc, sent: Sent, t: Hit) -> None:
    """ "Әзербайжан, Қазақстан және Өзбекстан арасында ... қол қойылған келісім", "the
    agreement between Kazakhstan and France": the states named just before "between" that
    comes right before the document are its parties."""
    toks = sent.toks
    at = next(
        (k for k in range(max(0, t.i - 8), t.i) if toks[k].lower in _BETWEEN), None
    )
    if at is None or doc.lang in ("ru", "en"):  # (ru/en put the parties after "between")
        return
    for h in sent.hits:
        if h.nested or h.in_title or not (at - 10 <= h.i and h.j <= at):
            continue
        if h.type == "State" or h.entity.startswith("organization/government-"):
            doc.relate(h.entity, "partyTo", t.entity, sent, 0.5)


#: joining a treaty: en words, ru lemmas, kk stems
_JOIN = {"en": ("joined", "acceded", "accession"), "ru": ("присоединиться", "присоединение"),
         "kk": ("қосылд", "қосылған", "қосылу")}


def _accessions(doc: Doc) -> None:
    """ "Kazakhstan ... joined the Treaty on the Non-Proliferation of Nuclear Weapons",
    "Kazakhstan's accession to the NPT", "Казахстан присоединился к Договору ...", "Қазақстан
    ... шартқа қосылды": the state that joins a treaty is a party to it."""
    words = _JOIN[doc.lang]
    for sent in doc.sents:
        toks = sent.toks
        for k in range(len(toks)):
            if doc.lang == "ru":
                hit_word = bool(sent.reads[k] & set(words))
            elif doc.lang == "kk":
                hit_word = toks[k].lower.startswith(words)
            else:
                hit_word = toks[k].lower in words
            if not hit_word or sent.covered(k) is not None:
                continue
            if doc.lang == "kk":  # the treaty in the dative right before the verb
                treaty = next((h for h in sent.hits if h.type == "Treaty" and h.j in (k, k - 1)
                               and not h.nested), None)
            else:  # "joined the NPT", "accession to the NPT", "присоединился к Договору"
                treaty = next((h for h in sorted(sent.hits, key=lambda h: h.i)
                               if h.type == "Treaty" and k < h.i <= k + 3 and not h.nested), None)
            if treaty is None:
                continue
            states = [
                h for h in sent.hits
                if h.type == "State" and not h.nested and not h.in_title and h.j <= k
                and (doc.lang != "kk" or h.case == "nom")
            ]
            if states:
                doc.relate(states[-1].entity, "partyTo", treaty.entity, sent, 0.6)


def _parties(doc: Doc, finder: RelationFinder) -> None:
    for (s, p, o), rel in list(doc.relations.items()):
        if p != "signed" or not (_binding(doc, o) or _bilateral_statement(doc, finder, o)):
            continue
        state = s if doc.entities[s].type == "State" else finder.home_state(s)
        sent = _sent_at(doc, rel.start)
        if state and sent is not None:
            doc.relate(state, "partyTo", o, sent, 0.5)
    for sent in doc.sents:  # "Договор ... между Казахстаном и Россией"
        for t in sent.hits:
            if t.type != "Treaty":
                continue
            if not _binding(doc, t.entity):
                continue
            _between_before(doc, sent, t)
            for h in sent.hits:
                if not (t.i <= h.i and h.j <= t.j) or h is t:
                    continue
                if h.type == "State" or h.entity.startswith("organization/government-"):
                    doc.relate(h.entity, "partyTo", t.entity, sent, 0.5)  # "между Правительством …"
