"""Visits, in every language: "мемлекеттік сапармен", "с официальным визитом",
"on a state visit to Uzbekistan" -> the Event "State visit of Kassym-Jomart
Tokayev to Uzbekistan 2026", with the visitor taking part (and acting for his
state) and the visit located in the most specific place the sentence names.

One visit per visitor, destination and year: later mentions ("сапар
барысында", "during the visit") point back at it.
"""

from __future__ import annotations

from graph.extract.events import _new_event
from graph.extract.mentions import Doc, Hit, Sent
from graph.extract.officials import Title, home_state, state_of

#: the word for a visit, per language (Kazakh stems, Russian lemmas, English forms)
_VISIT = {
    "kk": ("сапар",),
    "ru": ("визит",),
    "en": ("visit", "visits", "visited", "visiting"),
}
#: kinds of visit: the word before the visit word -> the label's first word
_KINDS = {
    "мемлекеттік": "State",
    "ресми": "Official",
    "жұмыс": "Working",
    "достық": "Friendly",
    "государственный": "State",
    "государственным": "State",
    "официальный": "Official",
    "рабочий": "Working",
    "дружественный": "Friendly",
    "state": "State",
    "official": "Official",
    "working": "Working",
    "friendly": "Friendly",
}
_EN_DEST = frozenset({"to", "in", "visit", "visits", "visited", "visiting"})  # ("visit Tehran")
#: "находящийся в нашей стране с государственным визитом", "прибывший ... с визитом"
_STAYING = frozenset({"находиться", "пребывать", "прибыть", "прибывший", "находящийся"})
_RU_DEST = frozenset({"в", "во", "на"})
#: Russian verbs of visiting, whose object is the destination ("посетить Иран с визитом")
_RU_VISIT_VERBS = frozenset({"посетить", "посещать"})
_KK_DEST_CASES = ("dat", "loc")


def _is_visit(doc: Doc, sent: Sent, k: int) -> bool:
    words = _VISIT[doc.lang]
    tok = sent.toks[k].lower
    if doc.lang == "en":
        return tok in words
    if doc.lang == "ru":
        return bool(sent.reads[k] & set(words))
    return tok.startswith(words) and not tok.startswith("сапарба")  # not Сапарбаев


def _kind(doc: Doc, sent: Sent, k: int) -> tuple[str | None, int]:
    """The kind said right before the visit word, and where the phrase starts."""
    for n in (k - 1, k - 2):
        if n < 0 or sent.covered(n) is not None:
            continue
        reads = sent.reads[n] if doc.lang == "ru" else frozenset({sent.toks[n].lower})
        for read in reads:
            kind = _KINDS.get(read) or _KINDS.get(read.split("-")[-1])
            if kind:
                return kind, n
    return None, k


def own_state(doc: Doc, titles: list[Title], person: str) -> str | None:
    """The state an official serves: from a national title in the article, else from
    the gazetteer's position on the article's date."""
    for t in titles:
        if t.person == person and t.scope == "state" and t.owner:
            return state_of(doc, t.owner) or t.owner
    entry = doc.gaz.get(person)
    day = doc.article.date or "9999"
    for pos in reversed(entry.positions if entry else []):
        if pos.of.startswith("state/") and (pos.start or "") <= day <= (pos.end or "9999"):
            return pos.of
    return None


def _destination(doc: Doc, sent: Sent, own: str | None, k: int | None = None) -> Hit | None:
    """Where the visit goes: the most specific place the sentence names as a
    destination ("to", "в", a Kazakh dative or locative), not the visitor's own state, and
    (in English) near the visit word ``k`` ("his first visit to Russia ... a
    just peace in Ukraine": Russia)."""
    found: list[Hit] = []
    for h in sent.hits:
        if h.type not in ("Place", "State") or h.nested or h.in_title:
            continue
        if k is not None and doc.lang == "en" and not (k - 10 <= h.i <= k + 6):
            continue
        if h.entity == own:
            continue
        prev = sent.toks[h.i - 1].lower if h.i else ""
        if doc.lang == "en" and prev == "the" and h.i > 1:
            prev = sent.toks[h.i - 2].lower  # "to the French Republic", "to the UAE"
        if doc.lang == "en" and prev not in _EN_DEST:
            continue
        if doc.lang == "ru" and prev not in _RU_DEST and not (
            h.i and sent.reads[h.i - 1] & _RU_VISIT_VERBS
        ):
            continue
        if doc.lang == "kk" and h.case not in _KK_DEST_CASES:
            continue
        found.append(h)
    if not found:
        return None
    places = [h for h in found if h.type == "Place"]
    return (places or found)[0]


def _visitor(doc: Doc, sent: Sent, k: int) -> Hit | None:
    """The official who visits: in Kazakh the nominative official; in Russian and
    English the official before the visit word, else the one right after it
    ("визит Токаева", "the visit of President Tokayev")."""
    people = [h for h in sent.hits if h.type == "Official" and not h.nested]
    if doc.lang == "kk":
        owner = [h for h in people if h.case == "gen" and k - 6 <= h.j <= k]
        if owner:  # "Юн Сок Ёльдің Астанаға жасаған мемлекеттік сапары": his visit
            return owner[-1]
        nominative = [h for h in people if h.case == "nom"]
        return (nominative or people or [None])[0]
    before = [h for h in people if h.j <= k]
    staying = [  # "Кошербаевым, находящимся в России с первым официальным визитом": his visit
        h for h in before
        if h.j < len(sent.toks) and sent.reads[h.j] & _STAYING and h.j >= k - 8
    ]
    if staying:
        return staying[-1]
    owner = doc.lang == "en" and [  # "on the occasion of the Kazakh President's state visit"
        h for h in before if k - 3 <= h.j and (
            sent.toks[h.j - 1].text.endswith(("'s", "’s"))
            or h.j < k and sent.toks[h.j].text in ("'s", "’s")  # ("Japarov" "'s")
        )
    ]
    if owner:
        return owner[-1]
    # Russian may name the visitor after the title and the destination ("визит в Казахстан
    # Министра иностранных дел Венгрии Петера Сийярто"), within the same clause
    reach = 10 if doc.lang == "ru" else 4
    after = [
        h for h in people
        if k < h.i <= k + reach
        and not any(c in sent.text[sent.toks[k].end - sent.span.start
                                   : h.start - sent.span.start] for c in ",;:()")
    ]
    if not before and doc.lang == "en" and any(
        t.lower in ("his", "her") for t in sent.toks[max(0, k - 3) : k]
    ):  # "As part of his state visit to France, President Tokayev held talks ..."
        later = [h for h in people if h.i > k]
        return later[0] if later else None
    if after and doc.lang == "ru" and not before:
        return after[0]
    if after and doc.lang == "en" and k + 1 < len(sent.toks) and sent.toks[k + 1].lower == "of":
        return after[0]
    return before[0] if before else (after[0] if after else None)


#: words of inviting (English forms, Russian lemmas); Kazakh "шақыр-" follows the visit
INVITE_EN = frozenset({"invited", "invites", "inviting", "invitation"})
INVITE_RU = frozenset({"пригласить", "приглашение"})
_ACCEPT = frozenset({"accepted", "accepts", "accept", "принять"})


def _invitation(doc: Doc, sent: Sent, k: int) -> tuple[bool, Hit | None]:
    """Is the visit at ``k`` one someone is invited to pay ("Tokayev invited Merz to pay an
    official visit", "пригласил ... посетить Казахстан с визитом", "Қазақстанға ресми
    сапармен келуге шақырды"), and who is invited: the official after the inviting word
    (en, ru), the accusative one (kk); (False, None) when no one is invited, or the visitor
    accepted ("accepted an invitation to visit China" is his own visit)."""
    toks = sent.toks
    people = [h for h in sent.hits if h.type == "Official" and not h.nested]
    if doc.lang == "kk":
        if not any(t.lower.startswith("шақыр") for t in toks[k + 1 : k + 4]):
            return False, None
        if any(t.lower.startswith("шақыруды") for t in toks):
            return False, None  # "шақыруды қабылдады": he accepted, the visit is his
        return True, next((h for h in reversed(people) if h.j <= k and h.case == "acc"), None)
    if doc.lang == "ru":
        at = next((n for n in range(k - 1, -1, -1) if sent.reads[n] & INVITE_RU), None)
        accepted = any(sent.reads[n] & _ACCEPT for n in range(0, k))
    else:
        at = next((n for n in range(k - 1, -1, -1) if toks[n].lower in INVITE_EN), None)
        accepted = any(t.lower in _ACCEPT for t in toks[:k])
    if at is None or accepted:
        return False, None
    return True, next((h for h in people if at < h.i < k), None)


def find_visits(doc: Doc, sent: Sent, titles: list[Title]) -> None:
    for k in range(len(sent.toks)):
        if sent.covered(k) is not None or not _is_visit(doc, sent, k):
            continue
        kind, start = _kind(doc, sent, k)
        invited, invitee = _invitation(doc, sent, k)
        if invited and invitee is None:
            continue  # an invitation to someone the sentence does not name: not the host's
        visitor = invitee if invited else _visitor(doc, sent, k)
        own = own_state(doc, titles, visitor.entity) if visitor else None
        dest = _destination(doc, sent, own, k)
        known = doc.last_of_type(("Event",), sent.index, kinds=("Visit",))
        if known is not None and _another_visit(doc, sent, known.id, dest):
            known = None  # "посетить Иран с ответным визитом", "his visit to Astana in 2023"
        if known is not None and (dest is None or visitor is None or kind is None):
            doc.add_hit(sent, known, start, k + 1, source="anaphor")  # "during the visit"
            _hosts(doc, sent, known.id)
            break
        if visitor is None and kind is not None and dest is not None:
            visitor = _last_official(doc, sent)  # "Он прибыл в Астану с рабочим визитом"
            own = own_state(doc, titles, visitor.entity) if visitor else None
        if visitor is None or (dest is None and kind is None):
            continue  # "visits" in general, or a visit with no one and nowhere named
        if dest is not None and own is not None and state_of(doc, dest.entity) == own:
            continue  # a visitor does not visit his own state
        who = doc.entities[visitor.entity]
        where = doc.entities[dest.entity] if dest else None
        if where is None:  # "Doha: ... the Kazakh President's state visit to the country"
            abroad = [
                h for h in sent.hits
                if h.type == "Place" and not h.nested and not h.in_title
                and state_of(doc, h.entity) not in (None, own)
            ]
            where = doc.entities[abroad[0].entity] if abroad else None
        if where is None:  # "arrived on an official visit" with the place in the dateline
            state = home_state(doc)
            where = doc.entities.get(state) if state and state != own else None
        country = doc.gaz.get(state_of(doc, where.id) or "") if where else None
        label = f"{kind or 'Visit'}{' visit' if kind else ''} of {who.label}"
        label += f" to {(country or where).label}" if where else ""  # (the state visited)
        year = (
            next(
                (
                    t.text
                    for t in sent.toks
                    if len(t.text) == 4 and t.text.isdigit() and t.text[:2] in ("19", "20")
                ),
                None,
            )
            or _relative_year(doc, sent)
            or doc.year
        )
        label += f" {year}" if year else ""
        ent = _new_event(doc, sent, label, "Visit", start, k + 1)
        ev = doc.event(ent, "Visit")
        ev.date = ev.date or (doc.article.date if year == doc.year else year)
        doc.relate(who.id, "participatedIn", ent.id, sent, 0.7)
        if where is not None:
            ev.place = ev.place or where.id
            doc.relate(ent.id, "locatedIn", where.id, sent, 0.6)
        if invited:  # a visit still to be paid: the host who invites is not in it yet
            doc.planned.add(ent.id)
        else:
            _hosts(doc, sent, ent.id)
        break  # one visit per sentence


def _another_visit(doc: Doc, sent: Sent, known: str, dest: Hit | None) -> bool:
    """Does the sentence tell of a visit other than ``known``: to another state, or in a
    year the sentence names that is not the known visit's?"""
    record = doc.events[known]
    if dest is not None and record.place is not None:
        there = state_of(doc, dest.entity) or dest.entity
        if there != (state_of(doc, record.place) or record.place):
            return True
    years = [t.text for t in sent.toks if len(t.text) == 4 and t.text[:2] in ("19", "20")]
    said = next((y for y in years if y.isdigit()), None) or _relative_year(doc, sent)
    return said is not None and said != (record.date or doc.year or "")[:4]


_LAST_YEAR = ("прошлого", "прошлом", "last", "былтыр", "өткен")


def _relative_year(doc: Doc, sent: Sent) -> str | None:
    """ "в прошлом году", "last year", "былтыр": the year before the article's."""
    words = [t.lower for t in sent.toks]
    for n, w in enumerate(words):
        if w in _LAST_YEAR and (
            w == "былтыр"
            or (n + 1 < len(words) and words[n + 1].startswith(("год", "year", "жыл")))
        ):
            return str(int(doc.year) - 1) if doc.year else None
    return None


def _last_official(doc: Doc, sent: Sent) -> Hit | None:
    """The official the text named last before this sentence (the one "he" is)."""
    for prev in reversed(doc.sents[max(0, sent.index - 2) : sent.index]):
        people = [h for h in prev.hits if h.type == "Official" and not h.in_title and not h.nested]
        if people:
            return people[0]
    return None


def _hosts(doc: Doc, sent: Sent, visit: str) -> None:
    """The officials a sentence about the visit names take part in it (the hosts) — for
    the visit the article reports, not one it recalls."""
    date = doc.events[visit].date or ""
    if doc.year and date[:4] != doc.year:
        return
    for h in sent.hits:
        if h.type == "Official" and not h.nested and not h.in_title:
            doc.relate(h.entity, "participatedIn", visit, sent, 0.5)
