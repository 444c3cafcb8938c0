"""Relations stated by Kazakh sentences: triggers (қатысты, қолдады, шақырды,
ұсынды, кездесті, қол қойды), titles, lists, and the gazetteer's structure.

Each relation's evidence is its sentence; confidence is set per rule. A
sentence without a named actor takes the last actor named ("Ол ...").
"""

from __future__ import annotations

from graph.extract import kk
from graph.extract.mentions import Doc, Hit, Sent
from graph.extract.normalize import casefold
from graph.extract.officials import Title, state_of

ACTOR_TYPES = ("Official", "State", "Organization")
_PARTICIPATE = ("қатыс",)
#: backing: "қолдады", "құптады", "жобасына қатысуға мүдделі екенін", "маршрутына
#: қызығушылық танытты" (interest in it, as the English and Russian rules read it)
_SUPPORT = ("қолда", "құпта", "мүдделі", "қызығушылы")
#: "X-ға адалдығын растады": commitment to a document or an initiative
_COMMITTED = ("адалдығ", "адалдық")
_CALL = ("шақыр",)
_NEED = ("қажеттіл", "қажеттіг")
_PROPOSE = ("ұсынды", "ұсыныс", "ұсынған", "ұсынат", "бастамашы", "ұсынып")
#: participles that tie an author to the thing named right after ("Қазақстан ұсынған X")
_PROPOSED_BY = ("ұсынған", "бастамашы")
_INITIATED = ("бастамасымен", "бастамасы бойынша")
_MEET = ("кездес", "келіссөз", "әңгімелес", "сұхбаттас")  # (a short conversation too)
_CONJ = ("және", "мен", "пен", "бен")
#: plural subjects standing for the officials of the event at hand ("көшбасшылар қол қойды")
_COLLECTIVE = ("көшбасшылар", "басшылары", "министрлер", "лидерлер", "министр", "президенттер")
#: group words that, counted, can be the subject of a signing ("екі көшбасшы")
_KK_GROUP = ("көшбасшы", "басшы", "лидер", "президент")
#: words referring back to the event at hand ("Оған ... қатысты", "Жиынға ...")
_EVENT_ANAPHORS = (
    "оған", "жиынға", "саммитке", "отырысқа", "сессияға", "кездесуге", "іс-шараға", "рәсімге",
    "жұмысына", "келіссөзге", "форумға", "конференцияға", "басқосуға", "шараға",
)
#: the event at hand said in the locative ("жиында баяндама жасады")
_EVENT_AT = ("жиында", "саммитте", "отырыста", "кездесуде", "сессияда", "форумда", "шарада")
#: words that date or place an event elsewhere ("былтыр Астанада өткен саммитте")
_ELSEWHERE = ("өткен", "былтыр", "бұрын", "алдағы", "келесі")
#: nouns of an event a chair conducts ("Отырысты жүргізген Мәжіліс Төрағасы")
_CHAIRED = ("отырыс", "жиын", "саммит", "кездесу", "сессия", "форум", "конференция", "рәсім")


def _trigger(sent: Sent, prefixes: tuple[str, ...], exclude: tuple[str, ...] = ()) -> list[int]:
    out = []
    for k, tok in enumerate(sent.toks):
        low = tok.lower
        if low.startswith(prefixes) and not low.startswith(exclude) and sent.covered(k) is None:
            out.append(k)
    return out


def _authors_clause(sent: Sent, h: Hit) -> bool:
    """ "Ресей тарапы ұсынған X": the author of a participle clause, not the sentence's
    subject."""
    nxt = [t.lower for t in sent.toks[h.j : h.j + 2]]
    if nxt[:1] and nxt[0] in ("тарапы", "тараптары"):
        nxt = nxt[1:]
    return bool(nxt) and nxt[0].startswith(_PROPOSED_BY)


#: Kazakh postpositions that take a noun in the nominative, which is then not a subject
_GOVERNING_POSTPOSITIONS = frozenset(
    {"арқылы", "үшін", "туралы", "бойынша", "сияқты", "секілді", "қарсы", "жөнінде"}
)


def actors(
    sent: Sent, cases: tuple[str, ...] = ("nom",), types: tuple[str, ...] = ACTOR_TYPES
) -> list[Hit]:
    """The named actors of a sentence: officials, states, organisations outside titles."""
    out, seen = [], set()
    for h in sorted(sent.hits, key=lambda h: h.i):
        if (
            h.type in types
            and not h.in_title
            and not h.nested
            and h.case in cases
            and h.source != "title-org"
        ):
            outer = sent.covered(h.i)
            if outer is not None and outer is not h and outer.type not in ACTOR_TYPES:
                continue  # inside an initiative's or an event's name
            if h.j < len(sent.toks) and sent.toks[h.j].lower in _GOVERNING_POSTPOSITIONS:
                continue  # "Қытай арқылы" (via China): a nominative that is no subject
            if h.entity not in seen:
                seen.add(h.entity)
                out.append(h)
    return out


#: endings of a Kazakh complement clause's verb ("... қолдайтынын растады": that it supports)
_THAT = ("тынын", "тінін", "йтынын", "йтінін", "атынын", "етінін", "ғанын", "генін", "қанын",
         "кенін")


def _clause_subject(sent: Sent, hits: list[Hit], k: int) -> Hit | None:
    """In "А.Смадияров Қазақстан ... процесін қолдайтынын растады" the speaker tells what
    a state does: the nominative state that opens the complement clause ending at ``k`` is
    its subject, not the speaker before it."""
    if not hits or k >= len(sent.toks) or not sent.toks[k].lower.endswith(_THAT):
        return None
    later = [
        h for h in actors(sent, types=("State",))
        if hits[0].j <= h.i < k and h.entity not in {x.entity for x in hits}
    ]
    return later[0] if later and hits[0].type == "Official" else None


#: "Келіссөздер барысында", "кездесу кезінде": during the talks told of
_DURING = ("барысында", "кезінде")


def during_talks(doc: Doc, sent: Sent) -> None:
    """The officials a sentence names "during the talks" took part in the talks told of last
    (an event of two named people)."""
    talks = None
    for prev in reversed(doc.sents[: sent.index]):
        for h in sorted(prev.hits, key=lambda h: -h.start):
            ev = doc.events.get(h.entity)
            label = doc.entities[h.entity].label
            if ev is not None and ev.kind == "Meeting" and label.startswith("Meeting of ") and (
                label[len("Meeting of ") : len("Meeting of ") + 1].isupper()
            ):
                talks = h.entity
                break
        if talks:
            break
    if talks is None:
        return
    for h in sent.hits:
        if h.type == "Official" and not h.nested and not h.in_title:
            doc.relate(h.entity, "participatedIn", talks, sent, 0.6)


def named_officials(sent: Sent, before: int | None = None) -> list[str]:
    """The officials a sentence names (up to token ``before``), in order, each once."""
    return list(dict.fromkeys(
        h.entity for h in sorted(sent.hits, key=lambda h: h.i)
        if h.type == "Official" and not h.nested and not h.in_title
        and (before is None or h.j <= before)
    ))


def officials_told_of_last(doc: Doc, sent: Sent, window: int = 8) -> list[str]:
    """The officials of the last earlier sentence (within ``window``) that names two or more:
    whom "the presidents", "Собеседники", "Президенттер" stand for when no event is at hand."""
    for prev in reversed(doc.sents[max(0, sent.index - window) : sent.index]):
        people = named_officials(prev)
        if len(people) >= 2:
            return people
    return []


def conjoined(sent: Sent, hits: list[Hit]) -> list[Hit]:
    """The first actor and those joined to it by "мен/пен/бен/және" ("Қазақстан мен Қытай")."""
    if not hits:
        return []
    out = [hits[0]]
    base = sent.span.start
    for h in hits[1:]:
        gap = [sent.toks[k].lower for k in range(out[-1].j, h.i)]
        between = sent.text[sent.toks[out[-1].j - 1].end - base : sent.toks[h.i].start - base]
        listed = not gap and between.strip() == ","  # "Қ.Тоқаев, Си Цзиньпин, В.Путин"
        if not listed and (not gap or not set(gap) <= set(_CONJ)):
            break
        out.append(h)
    return out


_LEADERS = frozenset(
    {"president", "prime minister", "vice president", "king", "emir", "chancellor",
     "federal chancellor", "crown prince", "sultan", "supreme leader",
     "chairman of the cabinet of ministers", "head of government"}
)


_HEADS_OF_GOVERNMENT = frozenset(
    {"prime minister", "chancellor", "federal chancellor", "chairman of the cabinet of ministers",
     "head of government"}
)


def _roles_on(doc: Doc, official: str) -> list[str]:
    """The roles the gazetteer gives the official on the article's date."""
    entry = doc.gaz.get(official)
    day = doc.article.date or "9999"
    return [
        pos.role.casefold() for pos in (entry.positions if entry else ())
        if (pos.start or "") <= day <= (pos.end or "9999")
    ]


def event_officials(doc: Doc) -> list[str]:
    """The officials taking part in the event the article told of last: what
    "the leaders", "министры", "көшбасшылар" stand for."""
    last = None
    for _s, p, o in doc.relations:
        if p == "participatedIn" and o in doc.events:
            last = o
    return [
        s
        for s, p, o in doc.relations
        if p == "participatedIn" and o == last and doc.entities[s].type == "Official"
    ]


class RelationFinder:
    """Reads the sentences of a document in order, remembering the last actor."""

    def __init__(self, doc: Doc, titles: list[Title]):
        self.doc = doc
        self.titles = titles
        self.last_actor: str | None = None
        self.participants: dict[str, list[str]] = {}
        #: "<official> of <State>" said in the text (read by the ru/en finder)
        self.of_state: dict[str, str] = {}

    def national_state(self, official: str) -> str | None:
        if official in self.of_state:
            return self.of_state[official]
        for t in self.titles:
            if (
                t.person == official
                and t.scope == "state"
                and t.owner
                and t.owner.startswith("state/")
            ):
                return t.owner
        return None

    def home_state(self, official: str) -> str | None:
        """The state an official serves: said in the text, else the reference data's office
        held on the article's date."""
        state = self.national_state(official)
        if state is not None:
            return state
        entry = self.doc.gaz.get(official)
        day = self.doc.article.date or "9999"
        return next(
            (
                pos.of for pos in (entry.positions if entry else [])
                if pos.of.startswith("state/") and (pos.start or "") <= day <= (pos.end or "9999")
            ),
            None,
        )

    def leads(self, official: str, bodies: bool = False, state: bool = False) -> bool:
        """Is the official a head of state or government (by a title in the text, or on the
        article's date by the reference data); with ``bodies``, or a president of a body
        ("the leaders" of an EU summit: the presidents of the European Council and
        Commission); with ``state``, a head of state only?"""
        roles = [t.role.casefold() for t in self.titles if t.person == official]
        roles += _roles_on(self.doc, official)
        return any(
            (r in _LEADERS or (bodies and r.startswith("president")))
            and not (state and r in _HEADS_OF_GOVERNMENT)
            for r in roles
        )

    def acts_for_state(self, official: str, event: str) -> str | None:
        """The state an official implicitly represents at an event: a minister or diplomat
        (not a head of state or government, whose presence the texts do not call
        representation) at a session of a multilateral forum held outside the state."""
        state = self.national_state(official)
        if state is None or state_of(self.doc, event) == state:
            return None
        if self.of_state.get(official) == state:  # "attended by Tokayev of Kazakhstan"
            return state
        if self.leads(official):
            return None
        parent = next(
            (o for s, p, o in self.doc.relations if s == event and p == "partOf"), event
        )
        while parent in self.doc.events:  # a segment of a session of a forum
            parent = next(
                (o for s, p, o in self.doc.relations if s == parent and p == "partOf"), None
            )
        return state if parent and self.doc.entities[parent].type == "Forum" else None

    def run(self) -> None:
        for sent in self.doc.sents:
            self.sentence(sent)

    def subjects(
        self, sent: Sent, before: int | None = None, types: tuple[str, ...] = ACTOR_TYPES
    ) -> list[str]:
        hits = [h for h in actors(sent, types=types) if before is None or h.i < before]
        if hits:
            return [h.entity for h in hits]
        if self.last_actor and self.doc.entities[self.last_actor].type in types:
            return [self.last_actor]
        return []

    def sentence(self, sent: Sent) -> None:
        doc = self.doc
        for t in self.titles:
            if t.sent == sent.index and t.owner:
                doc.relate(t.person, "holdsPositionIn", t.owner, sent, 0.9, role=t.role)
        self._structure(sent)
        self._participation(sent)
        self._support(sent)
        self._calls(sent)
        self._proposals(sent)
        self._meetings(sent)
        self._received(sent)
        self._on_behalf(sent)
        self._signing(sent)
        self._chaired(sent)
        self._participant_of(sent)
        if sent.is_bullet:
            self._bullet(sent)
            self._listed(sent)
        named = actors(sent, types=("Official", "State"))
        if named:
            self.last_actor = named[0].entity

    def _participant_of(self, sent: Sent) -> None:
        """ "Қазақстан Ядролық қаруға тыйым салу туралы шарттың белсенді қатысушысы", "Екі ел
        де ... конвенцияның қатысушылары болып табылады": the states are parties to it."""
        toks = sent.toks
        for k, tok in enumerate(toks):
            if not tok.lower.startswith("қатысушы") or sent.covered(k) is not None:
                continue
            treaty = next(
                (h for h in sent.hits if h.type == "Treaty" and h.case == "gen"
                 and not h.nested and k - 2 <= h.j <= k),
                None,
            )
            if treaty is None:
                continue
            states = [
                h.entity for h in actors(sent, types=("State",)) if h.i < treaty.i
            ]
            if not states and any(
                toks[n].lower == "екі" and toks[n + 1].lower.startswith(("ел", "мемлекет"))
                for n in range(treaty.i - 1)
            ):  # "Екі ел де": the two states of the talks at hand
                states = list(dict.fromkeys(
                    st for o in self.event_officials() if (st := self.national_state(o))
                ))[:2]
            for state in states:
                self.doc.relate(state, "partyTo", treaty.entity, sent, 0.7)

    def _structure(self, sent: Sent) -> None:
        present = {h.entity for h in sent.hits}
        for h in sent.hits:
            entry = self.doc.gaz.get(h.entity)
            if entry and h.type == "Forum" and entry.part_of in present:
                self.doc.relate(h.entity, "partOf", entry.part_of, sent, 0.9)

    def _participation(self, sent: Sent) -> None:
        doc = self.doc
        self._event_anaphor(sent)
        chaired = [  # "Саммитке Си Цзиньпин төрағалық етті"
            k for k in _trigger(sent, ("төрағалық",))
            if k + 1 < len(sent.toks) and sent.toks[k + 1].lower.startswith("ет")
        ]
        for k in _trigger(sent, _PARTICIPATE) + chaired:
            objects = [
                h.entity
                for h in sent.hits
                if h.type in ("Event", "Forum") and h.case == "dat" and not h.nested
            ]
            if not objects and any(t.lower in _EVENT_ANAPHORS for t in sent.toks[:k]):
                last = self._last_event(sent)
                objects = [last] if last else []
            for subj in self.subjects(sent, before=k):
                for obj in objects:
                    doc.relate(subj, "participatedIn", obj, sent, 0.8)
                    if state := self.acts_for_state(subj, obj):
                        doc.relate(subj, "represents", state, sent, 0.6)
        # an official doing something at an event ("...80-сессиясында көтерген ұсынысы")
        at = [h for h in sent.hits if h.type == "Event" and h.case == "loc" and not h.nested]
        toks = sent.toks
        said_at = [
            k for k, t in enumerate(toks)
            if t.lower in _EVENT_AT and sent.covered(k) is None
            and not any(toks[n].lower.startswith(_ELSEWHERE) for n in range(max(0, k - 4), k))
            and not any(h.type in ("Place",) and k - 3 <= h.j <= k for h in sent.hits)
        ]
        if not at and said_at and (last := self._last_event(sent)):
            for h in actors(sent, types=("Official",)):
                doc.relate(h.entity, "participatedIn", last, sent, 0.5)
        if any(t.lower.startswith("делегация") for t in toks) and any(
            t.lower == "құрамында" for t in toks
        ) and (main := self._first_event()):  # "делегациясының құрамында X пен Y болды"
            for h in actors(sent, types=("Official",)):
                doc.relate(h.entity, "participatedIn", main, sent, 0.5)
            for k, t in enumerate(toks):  # "Қазақстан делегациясы": the state's too
                if t.lower.startswith("делегация"):
                    for h in sent.hits:
                        if h.type == "State" and h.j == k and not h.nested:
                            doc.relate(h.entity, "participatedIn", main, sent, 0.5)
        if at:
            for h in actors(sent, cases=("nom", "gen"), types=("Official", "State")):
                for ev in at:
                    if h.type == "Official":
                        doc.relate(h.entity, "participatedIn", ev.entity, sent, 0.6)
                    else:
                        self.participants.setdefault(ev.entity, []).append(h.entity)

    def _first_event(self) -> str | None:
        """The event the article is about: the first one its opening sentences name."""
        for sent in self.doc.sents[:4]:
            for h in sorted(sent.hits, key=lambda h: h.i):
                ev = self.doc.events.get(h.entity)
                if ev is not None and ev.kind in ("Summit", "Meeting", "Session", "Visit"):
                    return h.entity
        return None

    def _chaired(self, sent: Sent) -> None:
        """ "Отырысты жүргізген Мәжіліс Төрағасы Ерлан Қошанов", "Жиынды Х жүргізді": the
        chair of the event takes part in it."""
        toks = sent.toks
        for k, tok in enumerate(toks):
            if not tok.lower.startswith("жүргіз") or sent.covered(k) is not None:
                continue
            noun = next(
                (n for n in range(max(0, k - 4), k) if toks[n].lower.startswith(_CHAIRED)), None
            )
            if noun is None:
                continue
            held = sent.covered(noun)
            event = held.entity if held is not None and held.entity in self.doc.events else (
                self._last_event(sent)
            )
            if event is None:
                continue
            chairs = [
                h.entity for h in actors(sent, types=("Official",))
                if (h.i > k and h.i - k <= 6) or h.j <= noun
            ]
            for who in chairs[:1]:
                self.doc.relate(who, "participatedIn", event, sent, 0.6)

    def _listed(self, sent: Sent) -> None:
        """A bullet naming officials under an intro about an event ("Сенім грамоталарын
        тапсырған елшілер:" after the ceremony): they take part in it."""
        intro = next((s for s in reversed(self.doc.sents[: sent.index]) if not s.is_bullet), None)
        if intro is None or not intro.text.rstrip().endswith(":"):
            return
        people = [h.entity for h in actors(sent, types=("Official",))]
        if not people:
            return
        event = self._last_event(intro)
        if event is None:
            return
        for who in people:
            self.doc.relate(who, "participatedIn", event, sent, 0.5)

    def _last_event(self, sent: Sent) -> str | None:
        """The event named last, up to this sentence (not an anniversary)."""
        for prev in reversed(self.doc.sents[: sent.index + 1]):
            for h in sorted(prev.hits, key=lambda h: -h.i):
                ev = self.doc.events.get(h.entity)
                if ev is not None and ev.kind not in ("Anniversary", "Referendum"):
                    return h.entity
        return None

    def event_officials(self) -> list[str]:
        return event_officials(self.doc)

    def _event_anaphor(self, sent: Sent) -> None:
        """ "СПЧ-ның негізгі іс-шарасына": the forum's event named last."""
        doc = self.doc
        for k, tok in enumerate(sent.toks):
            if not casefold(tok.text).startswith("іс-шара") or sent.covered(k):
                continue
            forum = next(
                (h for h in sent.hits if h.type == "Forum" and h.j <= k and k - h.j <= 2), None
            )
            if forum is None:
                continue
            for ent in reversed(list(doc.entities.values())):
                if ent.type == "Event" and self._part_of(ent.id, forum.entity):
                    doc.add_hit(sent, ent, forum.i, k + 1, source="anaphor")
                    break

    def _part_of(self, child: str, parent: str, depth: int = 0) -> bool:
        if depth > 3:
            return False
        for s, p, o in self.doc.relations:
            if (
                s == child
                and p == "partOf"
                and (o == parent or self._part_of(o, parent, depth + 1))
            ):
                return True
        return False

    def _objects_between(self, sent: Sent, i: int, j: int, types: tuple[str, ...]) -> list[Hit]:
        events = [h for h in sent.hits if h.type == "Event"]
        out = []
        for h in sent.hits:
            if h.type in types and i <= h.i and h.j <= j and not h.nested and h.case != "loc":
                if any(e.i <= h.i and h.j <= e.j and e is not h for e in events):
                    continue  # a treaty inside an event's name
                out.append(h)
        return out

    def _with_actor(
        self, sent: Sent, k: int, predicate: str, types: tuple[str, ...], conf: float
    ) -> None:
        hits = conjoined(sent, [
            h for h in actors(sent, types=("Official", "State"))
            if h.i < k and not _authors_clause(sent, h)
        ])
        clause = _clause_subject(sent, hits, k)
        if clause is not None:  # "Смадияров Қазақстан ... процесін қолдайтынын растады"
            hits = [clause]
        subjects = [h.entity for h in hits]
        group = self._group(sent, hits[-1].j if hits else 0, k) if predicate == "signed" else None
        if group:  # "Путин Рахмонмен келіссөз жүргізді, екі көшбасшы ... қол қойды"
            subjects, hits = group, []
        if not subjects and any(t.lower in _COLLECTIVE for t in sent.toks[:k]):
            subjects = self.event_officials() or officials_told_of_last(self.doc, sent)
        subjects = subjects or ([self.last_actor] if self.last_actor else [])
        start = hits[-1].j if hits else 0
        objects = self._objects_between(sent, start, k, types)
        if not objects and hits and predicate == "signed":
            # "Нахчыван келісіміне 2009 жылы Әзербайжан, Қазақстан ... қол қойған": the
            # document (in the dative) before the signers
            objects = [
                h for h in self._objects_between(sent, 0, hits[0].i, types) if h.case == "dat"
            ]
        for obj in objects:
            for subj in subjects:
                self.doc.relate(subj, predicate, obj.entity, sent, conf)

    def _group(self, sent: Sent, after: int, k: int) -> list[str]:
        """Whom "екі көшбасшы" (the two leaders) between the last actor and the verb
        stands for: the two officials just named."""
        at = next((n for n in range(max(after, 1), k) if sent.toks[n].lower.startswith(_KK_GROUP)
                   and sent.toks[n - 1].lower in ("екі", "екеуі")), None)
        if at is None:
            return []
        here = named_officials(sent, before=at)
        return here if len(here) >= 2 else officials_told_of_last(self.doc, sent)

    def _support(self, sent: Sent) -> None:
        for k in _trigger(sent, _COMMITTED):
            # "Василенко Қазақстанның ... Хельсинки қорытынды актісінің қағидаттарына
            # адалдығын растады": the speaker and the state committed to it support it
            self._with_actor(sent, k, "supports", ("Initiative", "Treaty"), 0.6)
            objects = self._objects_between(sent, 0, k, ("Initiative", "Treaty"))
            states = [
                h.entity for h in sent.hits
                if h.type == "State" and h.case == "gen" and not h.nested
                and h.j <= objects[0].i
            ] if objects else []
            for state in states:
                for obj in objects:
                    self.doc.relate(state, "supports", obj.entity, sent, 0.6)
        for k, tok in enumerate(sent.toks):  # "X-тың маңызды екенін / маңыздылығын атап өтті"
            low = tok.lower
            if sent.covered(k) is None and (
                low.startswith("маңыздылығ")
                or (low == "маңызды" and k + 1 < len(sent.toks)
                    and sent.toks[k + 1].lower.startswith("екен"))
            ):
                self._with_actor(sent, k, "supports", ("Initiative", "Treaty"), 0.6)
        for k in _trigger(sent, _SUPPORT):
            self._with_actor(sent, k, "supports", ("Initiative", "Treaty", "Forum"), 0.7)
            backer = next(  # "... бастамасына Түркияның қолдауын білдірді": Turkey's support
                (
                    h for h in sent.hits
                    if h.j == k and h.case == "gen" and h.type in ("State", "Official")
                    and not h.nested
                ),
                None,
            )
            if backer is not None:
                for obj in self._objects_between(sent, 0, backer.i, ("Initiative", "Treaty")):
                    self.doc.relate(backer.entity, "supports", obj.entity, sent, 0.7)

    def _calls(self, sent: Sent) -> None:
        for k in _trigger(sent, _CALL + _NEED):
            self._with_actor(sent, k + 1, "calledFor", ("Initiative", "Treaty"), 0.7)

    def _authored(self, sent: Sent) -> bool:
        """ "Қазақстан ұсынған Тұрғұнди – Һерат жобасы мен Өзбекстан бастамашы болған
        Транс-ауған дәлізі": each author with the thing named right after his participle."""
        found = False
        for k in _trigger(sent, _PROPOSED_BY):
            author = next(
                (
                    h for h in sorted(sent.hits, key=lambda h: -h.j)
                    if h.type in ("Official", "State") and h.j <= k and k - h.j <= 1
                    and not h.nested
                ),
                None,
            )
            if author is None:
                continue
            after = [
                h for h in sorted(sent.hits, key=lambda h: h.i)
                if k < h.i <= k + 10 and not h.nested and not h.in_title
            ]
            thing = next((h for h in after if h.type in ("Initiative", "Treaty")), None) or next(
                (h for h in after[:1] if h.type == "Organization"), None
            )
            if thing is not None:
                self.doc.relate(author.entity, "proposed", thing.entity, sent, 0.7)
                found = True
        return found

    def _proposals(self, sent: Sent) -> None:
        if self._authored(sent):
            return
        initiated = _trigger(sent, _INITIATED)  # "Тоқаевтың бастамасымен құрылған ..."
        raised = any(  # "... құру туралы бастама көтерді": raised an initiative
            t.lower.startswith("бастама") and n + 1 < len(sent.toks)
            and sent.toks[n + 1].lower.startswith("көтер")
            for n, t in enumerate(sent.toks)
        )
        if not initiated and not raised and not _trigger(sent, _PROPOSE, exclude=("ұсыныл",)):
            return
        proposers = actors(sent, cases=("nom", "gen"), types=("Official", "State"))
        if initiated:
            proposers = [h for h in proposers if h.j == initiated[0]] or proposers
        subj = proposers[-1].entity if proposers else self.last_actor
        if subj is None:
            return
        types = ("Initiative", "Treaty", "Organization", "Forum") if initiated else ("Initiative",)
        for h in sent.hits:
            held = h.type == "Event" and any(  # "үшінші саммитті Астанада өткізу туралы ұсынысы"
                t.lower.startswith("өткіз") for t in sent.toks[h.j : h.j + 4]
            )
            if (h.type in types or held) and not h.nested and not h.in_title and h.entity != subj:
                if initiated and h.i < initiated[0]:
                    continue
                self.doc.relate(subj, "proposed", h.entity, sent, 0.7)

    def _received(self, sent: Sent) -> None:
        """ "Көшбасшы Синирлиоғлуды қабылдады": the host received (met) the guest."""
        for k in _trigger(sent, ("қабылда",), exclude=("қабылдан",)):  # (not "was accepted")
            guests = [
                h.entity
                for h in sent.hits
                if h.type == "Official" and h.case == "acc" and h.i < k and not h.in_title
            ]
            hosts = [h.entity for h in actors(sent, types=("Official",)) if h.i < k]
            hosts = hosts or ([self.last_actor] if self.last_actor else [])
            for host in hosts[:1]:
                if self.doc.entities[host].type != "Official":
                    continue
                for guest in guests:
                    self.doc.relate(host, "metWith", guest, sent, 0.7)
            break

    def _on_behalf(self, sent: Sent) -> None:
        """ "Үндістан атынан ... Джайшанкар келді", "Иран делегациясын Мохбер басқарды":
        the official acts for the state."""
        toks = sent.toks
        for k, tok in enumerate(toks):
            low = tok.lower
            if low == "атынан" or low.startswith("делегациясы"):
                state = next(
                    (h for h in sent.hits if h.type == "State" and h.j == k and not h.nested),
                    None,
                )
                if state is None:
                    continue
                if low != "атынан" and not any(
                    t.lower.startswith(("басқар", "бастад", "бастап")) for t in toks[k:]
                ):
                    continue
                clause_end = next(
                    (n for n in range(k + 3, len(toks)) if toks[n].lower in ("ал", "және")
                     or toks[n].lower.startswith("делегация")),  # the next delegation's
                    len(toks),
                )
                people = [
                    h.entity
                    for h in sent.hits
                    if h.type == "Official" and k < h.i < clause_end and not h.nested
                    and not h.in_title
                ]
                for who in people[:1]:  # "Иран делегациясын Президенттің міндетін
                    # атқарушы Мохбер басқарды": he represents Iran, and his office is Iran's
                    self.doc.relate(who, "represents", state.entity, sent, 0.6)
                    self._office_of(sent, who, state.entity)

    def _office_of(self, sent: Sent, who: str, state: str) -> bool:
        """A national title this sentence gives ``who`` without its state ("Deputy Foreign
        Minister") is held in ``state``, the state he acts for; whether there was one."""
        found = False
        for t in self.titles:
            if t.sent == sent.index and t.person == who and not t.owner and t.scope == "state":
                self.doc.relate(who, "holdsPositionIn", state, sent, 0.7, role=t.role)
                found = True
        return found

    def _meetings(self, sent: Sent) -> None:
        self._welcomed(sent)
        for _k in _trigger(sent, _MEET):
            if _k + 1 < len(sent.toks) and sent.toks[_k + 1].lower.startswith(_DURING):
                # "Келіссөздер барысында ... Ермек Көшербаев пен Ван И да болды": present at
                # the talks told of (read in discourse.py), not a meeting of their own
                during_talks(self.doc, sent)
                break
            subj = self.subjects(sent, types=("Official",))
            others = [h.entity for h in sent.hits if h.type == "Official" and h.case == "ins"]
            pair = conjoined(sent, actors(sent, types=("Official",)))
            met = [o for o in others if o not in {h.entity for h in pair}]
            if len(pair) > 1 and met:  # "Жұманғарин мен Көшербаев Пармеленмен кездесті":
                subj, others = [h.entity for h in pair], met  # the two met the third
            elif len(pair) > 1:  # "Тоқаев пен Си Цзиньпин кездесті"
                subj, others = [pair[0].entity], [h.entity for h in pair[1:]]
            subj = [w for w in subj if w not in others]  # (his title read as a subject)
            if not subj and others and not any(
                t.lower.startswith("делегация") for t in sent.toks
            ):  # "Сапар бағдарламасы ... Қасымалиевпен шағын құрамдағы келіссөздерден
                # басталды": the talks of the official the text spoke of last (a delegation
                # that met someone is not its head)
                subj = [w for w in [self._named_before(sent)] if w and w not in others]
            for s in subj:
                for o in others:
                    self.doc.relate(s, "metWith", o, sent, 0.8)
            break

    def _welcomed(self, sent: Sent) -> None:
        """ "Қазақстан Президентін әуежайда Татарстан Раисі Минниханов қарсы алды": the one
        who welcomed the guest met him."""
        toks = sent.toks
        at = next((k for k in range(len(toks) - 1) if toks[k].lower == "қарсы"
                   and toks[k + 1].lower.startswith("ал")), None)
        if at is None:
            return
        people = [h for h in sent.hits if h.type == "Official" and not h.nested and h.i < at]
        guests = [h.entity for h in people if h.case == "acc"]
        hosts = [h.entity for h in people if h.case == "nom" and not h.in_title]
        for host in hosts[-1:]:
            for guest in guests:
                if guest != host:
                    self.doc.relate(host, "metWith", guest, sent, 0.6)

    def _named_before(self, sent: Sent, window: int = 3) -> str | None:
        """The official named last as a sentence's subject (nominative) in the ``window``
        sentences before ``sent``."""
        for prev in reversed(self.doc.sents[max(0, sent.index - window) : sent.index]):
            people = [
                h.entity for h in prev.hits
                if h.type == "Official" and h.case == "nom" and not h.nested and not h.in_title
            ]
            if people:
                return people[0]
        return None

    def _signing(self, sent: Sent) -> None:
        for k, tok in enumerate(sent.toks[:-1]):
            after = sent.toks[k + 1].lower
            if tok.lower == "қол" and after.startswith(("қойд", "қойға", "қойып")):
                self._with_actor(sent, k, "signed", ("Treaty",), 0.8)
                if not any(h.type == "Treaty" for h in sent.hits) and any(
                    t.lower.startswith("құжат") for t in sent.toks[:k]
                ):  # "Құжатқа Тоқаев, Си Цзиньпин ... қол қойды": the document named before
                    document = self.doc.last_of_type(("Treaty",), sent.index)
                    signers = [
                        h.entity
                        for h in actors(sent, types=("Official",))
                        if h.i < k
                    ]
                    if document is not None:
                        for who in dict.fromkeys(signers):
                            self.doc.relate(who, "signed", document.id, sent, 0.6)

    def _bullet(self, sent: Sent) -> None:
        """A bullet of a list introduced by "... бастамаларын таныстырды. Олардың қатарында:".

        Initiatives in it were proposed by the intro's actor; forums and
        treaties it names are supported.
        """
        doc = self.doc
        intro = [s for s in doc.sents[: sent.index] if not s.is_bullet][-2:]
        if not intro:
            return
        if len(intro[-1].toks) > 4:
            intro = intro[-1:]
        if not any(
            any(st.startswith(("бастама", "ұсыныс")) for st in kk.stems(t.text))
            for s in intro
            for t in s.toks
        ):
            return
        subj = next(
            (h.entity for s in reversed(intro) for h in actors(s, types=("Official", "State"))),
            None,
        )
        subj = subj or self.last_actor
        heads = [
            h
            for h in sent.hits
            if not h.nested and h.type in ("Initiative", "Forum", "Treaty", "Organization")
        ]
        if not heads or subj is None:
            return
        head = heads[-1]
        if head.type == "Initiative":
            doc.relate(subj, "proposed", head.entity, sent, 0.6)
        elif head.type in ("Forum", "Treaty"):
            doc.relate(subj, "supports", head.entity, sent, 0.6)
