"""Relations in Russian and English sentences (subject - verb - object order).

A trigger (a lemma or a word sequence) names the predicate; the subject is the
actor named before it (a Russian one in the nominative), else the last actor of
the article ("Он", "He"); the objects are the entities of the right types named
after it, up to a relative clause.
"""

from __future__ import annotations

from graph.extract.mentions import CAPITALS, Doc, Hit, Sent, ru_cases
from graph.extract.officials import Title
from graph.extract.relations import (
    RelationFinder,
    event_officials,
    named_officials,
    officials_told_of_last,
)

Trigger = tuple[str, ...]

TRIGGERS: dict[str, dict[str, tuple[Trigger, ...]]] = {
    "ru": {
        "participatedIn": (
            ("принять", "участие"),
            ("участвовать",),
            ("участие",),
            ("выступить",),
            ("председательствовать",),
            ("открыть",),
        ),
        "metWith": (("встретиться",), ("встреча",), ("переговоры",), ("беседа",)),
        "supports": (
            ("поддержать",),
            ("поддерживать",),
            ("поддержка",),
            ("приветствовать",),
            ("утвердить",),
            ("ратифицировать",),
            ("приверженность",),
            ("придавать",),
            ("уделить", "внимание"),
            ("важность",),  # "отметил важность Транскаспийского маршрута"
            ("заинтересованность",),  # "подтвердили заинтересованность в развитии коридора"
            ("выступить", "за"),  # "выступил за ускорение строительства ..." (backs it)
            ("выступать", "за"),
        ),
        "calledFor": (("призвать",), ("призывать",)),
        "proposed": (("предложить",), ("выдвинуть",), ("инициатива",), ("предложение",)),
        "signed": (("подписать",), ("скрепить", "подпись")),
        "partyTo": (("участник",), ("участница",)),
    },
    "en": {
        "participatedIn": (
            ("took", "part"),
            ("take", "part"),
            ("takes", "part"),
            ("participated",),
            ("attended",),
            ("attend",),  # "is scheduled to attend the Business Forum"
            ("attends",),
            ("attending",),
            ("addressed",),
            ("spoke", "at"),
            ("hosted",),
            ("host",),
            ("hosting",),
            ("chaired",),
            ("co-chaired",),  # "the One Water Summit, co-chaired by Kazakhstan and France"
            ("co-chairs",),
            ("among", "the", "participants"),
            ("arrived",),
            ("presided", "over"),
            ("sat",),
            ("seated",),
            ("joined",),
            ("opened",),
            ("opening",),
            ("told",),  # "Tokayev told the 16th BRICS summit" (an event must follow)
            ("remarks", "at"),
            ("speech", "at"),
            ("statement", "at"),
            ("speaking", "at"),
            ("addressing",),
            ("sent", "delegations"),
            ("sent", "ministerial", "delegations"),
            ("sent", "a", "delegation"),
        ),
        "metWith": (
            ("met",),
            ("meets",),
            ("meeting", "with"),
            ("meet", "with"),  # "where he will meet with Director-General Khaled El-Enany"
            ("talks", "with"),
            ("held", "talks"),
            ("held", "official", "talks"),  # "X and Y held an official talks session"
            ("held", "an", "official", "talks"),
            ("held", "bilateral", "talks"),
            ("held", "a", "meeting"),
            ("held", "a", "bilateral", "meeting"),
            ("meetings", "with"),  # "held bilateral meetings with X, with Y and with Z"
            ("called", "on"),
            ("calls", "on"),
        ),
        "supports": (
            ("supported",),
            ("supports",),
            ("support",),
            ("backed",),
            ("endorsed",),
            ("welcomed",),
            ("commitment", "to"),
            ("expressed", "support", "for"),
            ("attaches",),
            ("attached",),
            ("advocated",),
            ("championed",),
            ("voiced", "support", "for"),
            ("importance", "of"),  # "noted the importance of the Trans-Caspian route"
            ("relevance", "of"),  # "highlighted the continuing relevance of the Declaration"
            ("committed", "to"),  # "remains committed to the principles of the Final Act"
            ("interest", "in"),  # "confirmed their interest in developing the corridor"
        ),
        "calledFor": (
            ("called", "for"),
            ("calls", "for"),
            ("calling", "for"),  # "..., calling for swift implementation of the Vision"
            ("urged",),
            ("call", "for"),
            ("called", "again", "for"),  # "he called again for the creation of ..."
            ("called", "on"),
            ("calls", "on"),
            ("calling", "on"),  # "..., calling on states that have not yet done so to ratify"
        ),
        "proposed": (
            ("proposed",),
            ("initiative", "of"),
            ("put", "forward"),
            ("launched",),
            ("proposal",),
            ("advanced",),
        ),
        "signed": (("signed",), ("put", "their", "signatures"), ("inked",)),
        "partyTo": (("party", "to"), ("parties", "to"), ("a", "party"), ("are", "parties")),
    },
}

_BY_FIRST: dict[str, dict[str, list[tuple[str, Trigger]]]] = {}
for _lang, _table in TRIGGERS.items():
    for _predicate, _triggers in _table.items():
        for _trig in _triggers:
            _BY_FIRST.setdefault(_lang, {}).setdefault(_trig[0], []).append((_predicate, _trig))

OBJECT_TYPES = {
    "participatedIn": ("Event", "Forum"),
    "metWith": ("Official",),
    "supports": ("Initiative", "Treaty", "Forum"),
    "calledFor": ("Initiative", "Treaty"),
    "proposed": ("Initiative", "Treaty"),
    "signed": ("Treaty",),
    "partyTo": ("Treaty",),
}
CONFIDENCE = {
    "participatedIn": 0.7,
    "metWith": 0.7,
    "supports": 0.6,
    "calledFor": 0.6,
    "proposed": 0.6,
    "signed": 0.7,
    "partyTo": 0.6,
}
_CLAUSE = frozenset(
    {
        "который",
        "которая",
        "которое",
        "которые",
        "которого",
        "которой",
        "где",
        "which",
        "where",
        "who",
        "whose",
        "while",
    }
)
_ACTORS = ("Official", "State", "Organization")
#: participation said outright (not "spoke at"): a national official then represents the state
_TAKE_PART = frozenset(
    {"приня", "участ", "took", "take", "takes", "parti", "atten", "among", "arriv"}
)
#: participation verbs that need their event named after them (no "the event at hand")
_EXPLICIT = frozenset({"arrived", "presided", "joined", "told", "remarks", "speech",
                       "statement", "speaking", "addressing"})
#: verbs of adopting or ratifying a document: not a stance the annotators read as support,
#: but where the objects of the verb before them end
_ADOPTED_EN = frozenset({"approved", "adopted", "ratified", "endorsed"})
_ADOPTED_RU = frozenset({"утвердить", "одобрить", "принять", "ратифицировать"})
#: speaking at an event: the speaker may follow ("In his remarks at X, Tokayev said")
_SPEECH = frozenset({"remarks", "speech", "statement", "speaking", "addressing"})
#: hosting: the guests named after the verb take part too
_HOSTING = frozenset({"hosted", "welcomed", "hosts", "host", "hosting"})
#: a plural subject that stands for the officials taking part in the event at hand
_COLLECTIVE = frozenset(
    {"leaders", "ministers", "лидеры", "министры", "главы", "участники", "participants"}
)
#: nouns of meeting that need "с/with" before the one met
_TALK_NOUNS = frozenset({"переговоры", "встреча", "беседа", "talks", "meeting"})
#: a word that refers back to the event at hand ("the summit", "заседание")
_EVENT_WORDS = frozenset(
    {
        "talks",
        "negotiations",
        "переговоры",
        "summit",
        "meeting",
        "session",
        "conference",
        "event",
        "dialogue",
        "vote",
        "саммит",
        "заседание",
        "встреча",
        "сессия",
        "совещание",
        "конференция",
        "мероприятие",
    }
)
#: nouns for a kind of gathering, which an anaphor keeps to (en word or ru lemma -> English)
_GATHERING_NOUNS = {"dialogue": "dialogue", "forum": "forum", "conference": "conference",
                    "congress": "congress", "диалог": "dialogue", "форум": "forum",
                    "конференция": "conference", "конгресс": "congress"}
_CONJ = frozenset({"и", "а", "также", "and", "as", "well"})
#: words between "and" and a second verb: "and then met", "and held a separate meeting with"
_BETWEEN_VERBS = frozenset({"then", "also", "later", "held", "had", "a", "an", "separate",
                            "bilateral", "brief", "затем", "также", "потом", "провел", "провёл"})
#: organising an event: "Организаторами ... выступили", "organized by"
_ORGANISE = frozenset({"организатор", "организаторами", "organized", "organised",
                       "co-organized", "co-organised"})
#: backing a proposal someone else made (ru lemmas, en words)
_BACKING = frozenset({"поддержать", "поддерживать", "поддержка", "приветствовать", "одобрить",
                      "оценить", "supported", "support", "supports", "backed", "welcomed",
                      "endorsed", "praised", "commended", "appreciated"})
#: the officials who met, said together ("Собеседники подтвердили заинтересованность")
_INTERLOCUTORS = frozenset({"собеседники", "interlocutors", "президенты", "presidents"})
#: "all six countries", "both countries", "обе страны": the states of the event at hand
_COUNTED = frozenset({"two", "three", "four", "five", "six", "seven", "both", "all", "обе",
                      "две", "три", "пять", "шесть", "все"})
_PREPOSITIONS = frozenset({"in", "of", "with", "to", "for", "among", "at", "on", "from", "by",
                           "between", "across", "about", "в", "во", "на", "с", "со", "среди",
                           "для", "из", "к", "о", "об", "между", "по"})
#: a pronoun subject that stands for the official spoken of last
_HE = frozenset({"he", "she", "он", "она"})
_LINKS = _CONJ | frozenset({"в", "во", "на", "the", "in", "at", "of"})
#: verbs of saying: "Tokayev said the Kazakh side supports ...", "Лавров заявил, что Москва ..."
_SAYING = frozenset(
    {
        "said", "says", "told", "noted", "stated", "stressed", "emphasized", "emphasised",
        "added", "declared", "confirmed", "underlined", "reaffirmed", "assured", "adding",
        "заявить", "сказать", "отметить", "подчеркнуть", "сообщить", "добавить",
        "заверить", "подтвердить", "указать",
    }
)
#: stances an official voices for his state
_STANCES = frozenset({"supports", "calledFor"})
#: words for a group of officials or states that can be a sentence's subject
_GROUP_WORDS = frozenset({"leaders", "heads", "presidents", "sides", "parties", "лидеры",
                          "главы", "президенты", "стороны", "собеседники"})
#: group words that stand for heads of state or government only
_HEADS_WORDS = frozenset({"leaders", "heads", "лидеры", "главы"})
#: the predicates a group subject is read for (participation has its own reading)
_GROUP_PREDICATES = frozenset({"signed"})
#: endings of Russian passive participles ("выдвинутая", "предложенной")
_RU_PARTICIPLE = ("нный", "нная", "нное", "нные", "нной", "нную", "нного", "нным", "тый", "тая",
                  "тое", "тые", "той", "тую", "того", "тым")
#: a definite noun that refers back to the initiative or the document told of last
_BACK_INITIATIVE = frozenset(
    {"initiative", "idea", "proposal", "project", "инициатива", "идея", "предложение", "проект"}
)
_BACK_DOCUMENT = frozenset(
    {
        "agreement", "treaty", "document", "convention", "declaration", "statement",
        "соглашение", "договор", "документ", "конвенция", "декларация", "заявление",
    }
)
_DEFINITE = frozenset(
    {"the", "this", "that", "these", "its", "his", "their", "этот", "эта", "это", "данный"}
)


class SvoRelationFinder(RelationFinder):
    """Russian and English: subject–verb–object order, with the Kazakh finder's memory
    of the last actor and of who holds which national office."""

    def __init__(self, doc: Doc, titles: list[Title]):
        super().__init__(doc, titles)
        self.triggers = TRIGGERS.get(doc.lang, {})
        self.last_official: str | None = None
        self._joint: bool | None = None

    def _word(self, sent: Sent, k: int, word: str) -> bool:
        return word in sent.reads[k] if self.doc.lang == "ru" else sent.toks[k].lower == word

    def _find(self, sent: Sent) -> list[tuple[int, int, str]]:
        """Triggers outside entity names: (first token, last token + 1, predicate)."""
        out = []
        by_first = _BY_FIRST.get(self.doc.lang, {})
        for k in range(len(sent.toks)):
            words = sent.reads[k] if self.doc.lang == "ru" else (sent.toks[k].lower,)
            for word in words:
                for predicate, trig in by_first.get(word, ()):
                    n = len(trig)
                    if (
                        k + n <= len(sent.toks)
                        and all(self._word(sent, k + m, trig[m]) for m in range(1, n))
                        and sent.covered(k) is None
                    ):
                        out.append((k, k + n, predicate))
        return sorted(set(out))

    def _subject_ok(self, sent: Sent, h: Hit) -> bool:
        if self.doc.lang != "ru" or h.type == "Official":
            return True  # pymorphy often misreads foreign surnames' cases
        cases = ru_cases(sent.toks[h.j - 1].text)
        return not cases or "nomn" in cases

    def _actors(self, sent: Sent, before: int) -> list[Hit]:
        """The actors before token ``before``, in text order (hits are stored in the order
        the recognisers found them)."""
        return [
            h
            for h in sorted(sent.hits, key=lambda h: (h.i, -h.j))
            if h.type in _ACTORS
            and h.i < before
            and not h.in_title
            and not h.nested
            and self._subject_ok(sent, h)
        ]

    def _conjoined(self, sent: Sent, hits: list[Hit]) -> list[Hit]:
        """The last actor before the trigger and those joined to it ("A and B signed")."""
        if not hits:
            return []
        out = [hits[-1]]
        for h in reversed(hits[:-1]):
            gap = {sent.toks[k].lower for k in range(h.j, out[0].i)}
            if gap and not gap <= _CONJ:
                break
            out.insert(0, h)
        return out

    def _of_states(self, sent: Sent) -> dict[int, str]:
        """ "Kassym-Jomart Tokayev of Kazakhstan": the State hit (by first token) that
        qualifies the official before it, and records it as his state."""
        out: dict[int, str] = {}
        if self.doc.lang != "en":
            return out
        by_start = {h.i: h for h in sent.hits if not h.nested}
        for h in sent.hits:
            if h.type != "Official" or h.nested or h.j >= len(sent.toks):
                continue
            if sent.toks[h.j].lower != "of":
                continue
            g = by_start.get(h.j + 1)
            if g is not None and g.type == "State":
                out[g.i] = g.entity
                self.of_state[h.entity] = g.entity
        return out

    def _capitals_as_states(self, sent: Sent) -> list[Hit]:
        """ "Moscow fully supports", "Сеул готов": a capital acting stands for its state."""
        out = []
        for h in sent.hits:
            if h.type != "Place" or h.nested or h.in_title or h.entity not in CAPITALS:
                continue
            prev = sent.toks[h.i - 1].lower if h.i else ""
            if prev in _LINKS or prev in ("из", "from", "до", "to", "между", "between", "и", "and"):
                continue
            entry = self.doc.gaz.get(h.entity)
            state = entry.located_in if entry else None
            if not state or not state.startswith("state/"):
                continue
            self.doc.known(state)
            out.append(
                Hit(state, "State", h.sent, h.i, h.j, h.start, h.end, h.case, "capital")
            )
        return out

    def sentence(self, sent: Sent) -> None:
        capitals = self._capitals_as_states(sent)
        if capitals:
            spans = {(c.i, c.j) for c in capitals}
            saved = sent.hits
            sent.hits = [h for h in saved if (h.i, h.j) not in spans] + capitals
            try:
                self._sentence_of(sent)
            finally:
                sent.hits = saved
            return
        self._sentence_of(sent)

    def _sentence_of(self, sent: Sent) -> None:
        qualifying = self._of_states(sent)
        if qualifying:
            sent_hits = sent.hits
            sent.hits = [h for h in sent_hits if not (h.type == "State" and h.i in qualifying)]
            try:
                self._sentence(sent)
            finally:
                sent.hits = sent_hits
            return
        self._sentence(sent)

    def _possessive_states(self, sent: Sent) -> None:
        """ "Uzbekistan's Shavkat Mirziyoyev", "Turkmenistan's Serdar Berdimuhamedov": a known
        official named after his state's possessive holds his office there."""
        if self.doc.lang != "en":
            return
        titled = {t.person for t in self.titles if t.sent == sent.index}
        by_start = {h.i: h for h in sent.hits if not h.nested and h.type == "Official"}
        day = self.doc.article.date or "9999"
        for h in sent.hits:
            if h.type != "State" or h.nested or not sent.toks[h.j - 1].text.endswith(("'s", "’s")):
                continue
            person = by_start.get(h.j)
            if person is None or person.entity in titled:
                continue
            entry = self.doc.gaz.get(person.entity)
            pos = next(
                (
                    p for p in (entry.positions if entry else [])
                    if p.of == h.entity and (p.start or "") <= day <= (p.end or "9999")
                ),
                None,
            )
            if pos is not None:
                self.doc.relate(
                    person.entity, "holdsPositionIn", h.entity, sent, 0.7, role=pos.role
                )
                self.of_state.setdefault(person.entity, h.entity)

    def _sentence(self, sent: Sent) -> None:
        doc = self.doc
        for t in self.titles:
            if t.sent == sent.index and t.owner:
                doc.relate(t.person, "holdsPositionIn", t.owner, sent, 0.9, role=t.role)
        self._possessive_states(sent)
        for h in sent.hits:
            entry = doc.gaz.get(h.entity)
            if entry and h.type == "Forum" and entry.part_of in {g.entity for g in sent.hits}:
                doc.relate(h.entity, "partOf", entry.part_of, sent, 0.9)
        found = self._find(sent)
        for i, j, predicate in found:
            actors = self._actors(sent, i)
            if predicate == "metWith":  # people meet people ("visit Paris to meet with X")
                actors = [h for h in actors if h.type == "Official"]
            before = i - 1
            while before > 0 and sent.toks[before].lower in _BETWEEN_VERBS:
                before -= 1  # "... and then met King Hamad", "and held a separate meeting"
            if i and sent.toks[before].lower in ("and", "и") and predicate != "participatedIn":
                # "Tokayev welcomed the interest of German companies in Kazakhstan and
                # proposed ...": the second verb's subject is the first one's, not an actor
                # inside its object
                actors = [
                    h for h in actors
                    if not h.i or sent.toks[h.i - 1].lower not in _PREPOSITIONS
                ] or actors
                first = min((a for a, _b, _p in found if a < i), default=None)
                if first is not None and any(h.j <= first for h in actors):
                    # "Tokayev met Putin ... and held a separate meeting with Pezeshkian": the
                    # first verb's subject, not its object
                    actors = [h for h in actors if h.j <= first]
            subjects = [h.entity for h in self._conjoined(sent, actors)]
            owner = self._committed_state(sent, i, j) if predicate == "supports" else None
            if owner is not None and owner not in subjects:  # "reaffirmed Kazakhstan's
                subjects = [*subjects, owner]  # commitment to": the state's, and the speaker's
            if not subjects and self.last_official and any(
                sent.toks[k].lower in _HE for k in range(max(0, i - 3), i)
            ):  # "He proposed establishing ...": the official spoken of last
                subjects = [self.last_official]
            officials = [h for h in actors if h.type == "Official"]
            if len(officials) > 1 and any(
                sent.toks[k].lower in ("and", "и") for k in range(officials[0].j, officials[-1].i)
            ):  # "Putin, Indian Prime Minister Modi and Tokayev were among the participants"
                subjects = list(dict.fromkeys(h.entity for h in officials))
            group = self._group(sent, i, actors) if predicate in _GROUP_PREDICATES else None
            if group is not None:  # "the two leaders signed", "the heads of the member states
                subjects = group  # signed", "the sides signed": who the group word stands for
            if not subjects and self._interlocutors(sent, i):
                # "Собеседники уделили внимание ...": the two of the meeting told of last
                subjects = officials_told_of_last(doc, sent)
            if not subjects and self._collective(sent, i):
                subjects = self.event_officials()
            if not subjects and predicate in _STANCES and self._sides(sent, i):
                # "Стороны подтвердили приверженность Договору": the states of the talks
                subjects = self._states_of_talks()
            if predicate == "proposed" and self._backed_noun(sent, i):
                continue  # "поддержал инициативу ...": backing it, not its authorship
            if predicate == "proposed" and not subjects:  # "инициатива Президента Казахстана ..."
                subjects = [
                    h.entity
                    for h in sent.hits
                    if h.i >= j and h.type in ("Official", "State") and not h.in_title
                ][:1]
            inverted = False
            speech = predicate == "participatedIn" and sent.toks[i].lower in _SPEECH
            if speech and not subjects:
                # "In his remarks at the SCO Plus meeting, Tokayev urged ...": the speaker
                # follows what he spoke at
                speaker = [
                    h.entity for h in sorted(sent.hits, key=lambda h: h.i)
                    if h.type == "Official" and h.i >= j and not h.nested and not h.in_title
                ][:1]
                subjects = speaker or ([self.last_official] if self.last_official else [])
            if predicate == "participatedIn" and not speech and (
                not subjects or (j < len(sent.toks) and sent.toks[j].lower == "by")
            ):  # "В ней приняли участие X и Y", "attended by X"
                after = self._after(sent, j)
                if after:
                    subjects, inverted = after, True
            if predicate == "participatedIn" and sent.toks[i].lower.startswith(("open", "откр")):
                # "Форум открыл Президент", "Opening the conference, Nurtleu said": only a
                # person opens an event he takes part in (a centre "opened in Almaty" does not)
                if not subjects or inverted:
                    subjects = [
                        h.entity for h in sent.hits
                        if h.type == "Official" and h.i > i and not h.nested and not h.in_title
                    ][:1]
                    inverted = True
                subjects = [x for x in subjects if doc.entities[x].type == "Official"]
            if predicate == "participatedIn" and sent.toks[i].lower == "joined":
                # "the leaders were joined in the SCO Plus format by A, B and C"
                by = next(
                    (n for n in range(j, len(sent.toks)) if sent.toks[n].lower == "by"), None
                )
                if by is not None and (after := self._after(sent, by + 1)):
                    subjects, inverted = after, True
            signers = None
            if predicate == "signed" and (
                not subjects or (j < len(sent.toks) and sent.toks[j].lower == "by")
            ):  # "signed by Lavrov and Nurtleu", "Документ скрепили подписями Токаев, Си ..."
                after = [
                    h.entity
                    for h in sent.hits
                    if h.i >= j and h.type == "Official" and not h.nested and not h.in_title
                ]
                if after:
                    signers = list(dict.fromkeys(after))
                heads = next(
                    (n for n in range(j, min(j + 8, len(sent.toks)))
                     if sent.toks[n].lower in ("главами", "heads", "leaders", "лидерами")),
                    None,
                )
                if not signers and heads is not None:  # "подписано … главами Казахстана, Китая"
                    states = [
                        h.entity for h in sent.hits
                        if h.type == "State" and h.i > heads and not h.nested
                    ]
                    signers = list(dict.fromkeys(states)) or None
            passive = (
                self._by_author(sent, i, j) if predicate in ("proposed", "supports") else None
            )
            if passive is not None:  # "the GDI and the GSI put forward by the Chinese leader",
                authors, authored = passive  # "..., which was supported by the Kazakh side"
                for a in authors:
                    for o in authored:
                        doc.relate(a, predicate, o, sent, CONFIDENCE[predicate])
                continue
            if signers:
                subjects, inverted = signers, True
                before = [h for h in sent.hits if h.type == "Treaty" and h.j <= i and not h.nested]
                document = before[-1].entity if before else self._last_document(sent)
                objects = [document] if document else []
            elif not subjects and self.last_actor:
                subjects = [self.last_actor]
            if predicate == "calledFor" and not signers:
                # "called on all States that have not yet done so to ratify the CTBT",
                # "призвал партнеров поддержать создание агентства": what is called for
                # comes later, past the ones called on
                objects = [
                    h
                    for h in sent.hits
                    if h.i >= j and h.type in OBJECT_TYPES["calledFor"]
                    and not h.nested and not h.in_title
                ][:2]
            elif signers:
                pass
            else:
                objects = (
                    []
                    if inverted
                    else self._objects(
                        sent,
                        j,
                        OBJECT_TYPES[predicate],
                        predicate == "participatedIn",
                        self._limit(sent, found, j, predicate),
                    )
                )
            if speech:  # "at the SCO Plus meeting": the event right after "at"
                objects = [o for o in objects if isinstance(o, str) or o.i <= j + 2]
            if predicate == "participatedIn" and not objects and sent.toks[i].lower in _EXPLICIT:
                continue  # "arrived in Astana", "presided over <an unknown body>"
            if predicate == "participatedIn" and not objects:
                event = self._event_before(sent, i) or self._event_anaphor(sent)
                objects = [event] if event else []
            if predicate == "participatedIn" and objects and sent.toks[i].lower in _HOSTING:
                first = (
                    min(o.i for o in objects if not isinstance(o, str))
                    if any(not isinstance(o, str) for o in objects)
                    else len(sent.toks)
                )
                subjects = subjects + [  # "Trump hosted the leaders of A, B and C for the summit"
                    h.entity
                    for h in sent.hits
                    if j <= h.i < first
                    and h.type in ("Official", "State")
                    and not h.in_title
                    and not h.nested
                ]
            if predicate == "metWith" and sent.toks[i].lower in ("called", "calls"):
                # "called on President X" (a courtesy call), not "called on X to do ..."
                objects = [
                    o
                    for o in objects[:1]
                    if o.i - j <= 3 and not (o.j < len(sent.toks) and sent.toks[o.j].lower == "to")
                ]
                if not objects:
                    continue
            noun = sent.reads[i] if self.doc.lang == "ru" else {sent.toks[i].lower}
            if predicate == "metWith" and noun & _TALK_NOUNS:
                # "переговоры с X", "talks with X"; not "в переговорах приняли участие X"
                objects = [
                    o for o in objects
                    if not isinstance(o, str)
                    and any(sent.toks[n].lower in ("с", "со", "with") for n in range(i, o.i))
                ]
            if predicate == "metWith" and not objects and len(subjects) > 1:
                objects = subjects[1:]  # "Putin and Modi held talks"
                subjects = subjects[:1]
            if predicate == "supports" and not inverted and not signers:
                referred = [o for o in self._referred(sent, j) if o not in objects]
                objects = referred + objects
            if predicate in _STANCES and objects and subjects:
                subjects = subjects + self._speakers(sent, i, subjects)
            if predicate == "partyTo":  # "to which Kazakhstan is a party", "участник ДНЯО"
                subjects, objects = self._parties(sent, i, j, subjects)
            if predicate == "metWith":  # people meet people (a state "met" nobody)
                subjects = [s for s in subjects if doc.entities[s].type == "Official"]
                objects = [
                    o for o in objects
                    if doc.entities[o if isinstance(o, str) else o.entity].type == "Official"
                ]
            for s in subjects:
                for o in objects:
                    oid = o if isinstance(o, str) else o.entity
                    doc.relate(s, predicate, oid, sent, CONFIDENCE[predicate])
                    took_part = sent.toks[i].lower[:5] in _TAKE_PART
                    if (
                        predicate == "participatedIn"
                        and took_part
                        and (doc.lang == "en" or len(subjects) == 1)  # (a Russian list of
                        # those taking part: none of the 15 such on the dev part was in the
                        # gold; in English 8 of 19 were)
                        and (state := self.acts_for_state(s, oid))
                    ):
                        doc.relate(s, "represents", state, sent, 0.5)
        self._represented_by(sent)
        self._heads_delegation(sent)
        self._host_welcomed(sent)
        self._organisers(sent)
        named = [
            h
            for h in sent.hits
            if h.type in ("Official", "State")
            and not h.in_title
            and not h.nested
            and self._subject_ok(sent, h)
        ]
        if named:
            self.last_actor = named[0].entity
        people = [h for h in named if h.type == "Official"]
        if people:
            self.last_official = people[0].entity

    def _by_author(
        self, sent: Sent, i: int, j: int
    ) -> tuple[list[str], list[str]] | None:
        """ "X, proposed by President Tokayev", "a proposal advanced by the Kazakh
        chairmanship": the author after "by", the initiatives or documents just before."""
        toks = sent.toks
        if self.doc.lang == "ru":  # "инициатива, выдвинутая Президентом Казахстана"
            if not toks[i].lower.endswith(_RU_PARTICIPLE):
                return None
            by = j - 1
        elif j >= len(toks) or toks[j].lower != "by":
            return None
        else:
            by = j
        authors = [
            h for h in sorted(sent.hits, key=lambda h: (h.i, h.type != "Official"))
            if by < h.i <= by + 4 and h.type in ("Official", "State")
            and not h.nested and not h.in_title
            and (self.doc.lang != "ru" or "ablt" in ru_cases(toks[h.i].text))
        ][:1]
        if not authors:
            return None
        filler = {"the", "a", "an", "and", "proposal", "initiative", "idea", "project", "и",
                  "which", "that", "was", "were", "is", "has", "been", "also", "fully"}
        authored: list[str] = []
        end = i
        for h in sorted(sent.hits, key=lambda h: -h.j):
            if h.j > end or h.nested or h.in_title:
                continue
            gap = {toks[k].lower for k in range(h.j, end)}
            if not gap <= filler:
                break
            if h.type not in ("Initiative", "Treaty"):
                break
            authored.insert(0, h.entity)
            end = h.i
        return ([a.entity for a in authors], authored) if authored else None

    def _speakers(self, sent: Sent, i: int, subjects: list[str]) -> list[str]:
        """The official who voices a state's stance: "Tokayev said the Kazakh side supports",
        "Putin told reporters that Moscow fully supports", "He reaffirmed Kazakhstan's
        commitment to": the official too, when he acts for that state."""
        states = [s for s in subjects if self.doc.entities[s].type == "State"]
        if not states or len(states) != len(subjects):
            return []
        first = min(
            (h.i for h in sent.hits if h.entity in states and h.i < i), default=None
        )
        if first is None:
            return []
        toks, ru = sent.toks, self.doc.lang == "ru"
        said = any(
            (sent.reads[k] if ru else {toks[k].lower}) & _SAYING for k in range(first)
        )
        speaker = None
        officials = [
            h for h in sent.hits
            if h.type == "Official" and h.j <= first and not h.nested and not h.in_title
        ]
        if officials and said:
            speaker = officials[-1].entity
        elif (
            not officials
            and first > 0
            and toks[first].text.endswith(("'s", "’s"))
            and toks[0].lower in ("he", "she")
        ):  # "He reaffirmed Kazakhstan's commitment"
            speaker = self.last_actor
        if speaker is None or self.doc.entities[speaker].type != "Official":
            return []
        state = self.national_state(speaker) or next(
            (
                o for s, p, o in self.doc.relations
                if s == speaker and p == "holdsPositionIn" and o.startswith("state/")
            ),
            None,
        )
        if state is None:  # a known official: the states of his offices in the reference data
            entry = self.doc.gaz.get(speaker)
            held = {pos.of for pos in entry.positions} if entry else set()
            state = next((s for s in states if s in held), None)
        return [speaker] if state in states else []

    def _referred(self, sent: Sent, j: int) -> list[str]:
        """ "supports the initiative", "backs this idea", "поддержал эту инициативу": the
        initiative (or document) the article named last, up to this sentence."""
        toks, ru = sent.toks, self.doc.lang == "ru"
        for k in range(j, min(j + 4, len(toks))):
            words = sent.reads[k] if ru else {toks[k].lower}
            if sent.covered(k) is not None:
                return []
            kind = (
                ("Initiative",) if words & _BACK_INITIATIVE
                else ("Treaty",) if words & _BACK_DOCUMENT
                else None
            )
            if kind is None:
                continue
            before = toks[k - 1].lower if k > 0 else ""
            if not ru and before not in _DEFINITE:
                return []
            if ru and k > j + 1:
                return []  # "поддержал (астанинскую) инициативу"
            for prev in reversed(self.doc.sents[: sent.index + 1]):
                for h in sorted(prev.hits, key=lambda h: -h.start):
                    if h.type in kind and (prev is not sent or h.j <= j) and not h.nested:
                        return [h.entity]
            return []
        return []

    def _represented_by(self, sent: Sent) -> None:
        """ "The EU was represented by A and B": A and B represent it; they and it take
        part in the event at hand."""
        if self.doc.lang == "ru":
            self._represented_ru(sent)
            return
        if self.doc.lang != "en":
            return
        self._on_behalf_en(sent)
        toks = sent.toks
        for k in range(len(toks) - 1):
            if toks[k].lower != "represented" or toks[k + 1].lower != "by" or sent.covered(k):
                continue
            actors = [h for h in self._actors(sent, k) if h.type in ("State", "Organization")]
            if not actors:
                continue
            body = actors[-1].entity
            stop = next((n for n in range(k + 2, len(toks)) if toks[n].lower in _CLAUSE), len(toks))
            pairs = self._gapped(sent, k + 2, stop)
            if pairs:  # "Kazakhstan was represented by A, Kyrgyzstan by B and Tajikistan by C"
                stop = min(stop, min(b for b, _s, _o in pairs))
            officials = [
                h.entity
                for h in sent.hits
                if k + 1 < h.i < stop and h.type == "Official" and not h.nested and not h.in_title
            ]
            event = self._event_named_before(sent, k)
            self._acts_for(sent, officials, body, event)
            if officials and event:
                self.doc.relate(body, "participatedIn", event, sent, 0.6)
            for _b, state, official in pairs:
                self._acts_for(sent, [official], state, event)
                if event:
                    self.doc.relate(state, "participatedIn", event, sent, 0.6)
        self._led_by_list(sent)

    def _gapped(self, sent: Sent, start: int, stop: int) -> list[tuple[int, str, str]]:
        """ ", Kyrgyzstan by President Sadyr Japarov", ", the Iranian delegation by X":
        (the "by", the state, the official) of each gapped clause after ``start``."""
        toks = sent.toks
        out = []
        for b in range(start, stop):
            if toks[b].lower != "by" or sent.covered(b) is not None:
                continue
            state = next(
                (
                    h for h in sent.hits
                    if h.type == "State" and not h.nested and b - 3 <= h.j <= b
                ),
                None,
            )
            official = next(
                (
                    h for h in sorted(sent.hits, key=lambda h: h.i)
                    if h.type == "Official" and not h.nested and not h.in_title and b < h.i <= b + 9
                ),
                None,
            )
            if state is not None and official is not None:
                out.append((b, state.entity, official.entity))
        return out

    def _led_by_list(self, sent: Sent) -> None:
        """ "The Russian delegation was led by A, the Iranian delegation by B, and the
        Turkish one by C": each official represents his state at the event at hand."""
        toks = sent.toks
        for k in range(len(toks) - 1):
            if toks[k].lower not in ("led", "headed") or toks[k + 1].lower != "by":
                continue
            if not any(t.lower in ("delegation", "delegations") for t in toks[:k]):
                continue
            pairs = self._gapped(sent, k + 1, len(toks))
            if len(pairs) < 2:
                return  # a single delegation: _heads_delegation
            event = self._event_named_before(sent, len(toks)) or self._event_anaphor(sent)
            for _b, state, official in pairs:
                self._acts_for(sent, [official], state, event)
                if event:
                    self.doc.relate(state, "participatedIn", event, sent, 0.5)
            return

    def _represented_ru(self, sent: Sent) -> None:
        """ "Армению на заседании представлял вице-премьер Мгер Григорян", "от имени
        Казахстана выступил X": X represents the state at the event at hand."""
        toks = sent.toks
        for k in range(len(toks)):
            reads = sent.reads[k]
            on_behalf = toks[k].lower == "имени" and k > 0 and toks[k - 1].lower == "от"
            if not (reads & {"представлять", "представить"} or on_behalf) or sent.covered(k):
                continue
            if on_behalf:
                states = [h for h in sent.hits if h.type == "State" and h.i == k + 1]
            else:
                states = sorted(
                    (
                        h for h in sent.hits
                        if h.type in ("State", "Organization") and h.j <= k and not h.nested
                        and not h.in_title and "accs" in ru_cases(toks[h.j - 1].text)
                        and not (h.i and toks[h.i - 1].lower in _PREPOSITIONS)  # "при ЕАЭС"
                    ),
                    key=lambda h: (h.type == "State", h.i),  # a state before a body
                )
            officials = [
                h.entity for h in sorted(sent.hits, key=lambda h: h.i)
                if h.type == "Official" and h.i > k and not h.nested and not h.in_title
            ]
            if states and officials:
                event = self._event_named_before(sent, k)
                self._acts_for(sent, officials[:1], states[-1].entity, event)
                if event:
                    self.doc.relate(officials[0], "participatedIn", event, sent, 0.6)
                    self.doc.relate(states[-1].entity, "participatedIn", event, sent, 0.5)
                return

    def _on_behalf_en(self, sent: Sent) -> None:
        """ "Speaking on behalf of his country, Kazakhstan's Permanent Representative
        Kairat Umarov said", "on behalf of Kazakhstan, X": X represents the state."""
        toks = sent.toks
        for k in range(1, len(toks) - 2):
            if toks[k].lower != "behalf" or toks[k - 1].lower != "on" or toks[k + 1].lower != "of":
                continue
            officials = [
                h.entity for h in sorted(sent.hits, key=lambda h: h.i)
                if h.type == "Official" and not h.nested and not h.in_title
            ]
            if not officials:
                return
            named = next((h for h in sent.hits if h.type == "State" and h.i in (k + 2, k + 3)
                          and not h.nested), None)
            if named is not None:
                state = named.entity
            elif toks[k + 2].lower in ("his", "her", "their", "the") and toks[k + 3].lower in (
                "country", "government", "state"
            ):
                state = self.national_state(officials[0])
            else:
                return
            if state and state in self.doc.entities:
                self._acts_for(sent, officials[:1], state, self._event_named_before(sent, k))
            return

    def _acts_for(self, sent: Sent, officials: list[str], body: str, event: str | None) -> None:
        """Officials said to act for ``body`` at ``event``: they represent it and take part;
        a national title without its state ("Deputy Foreign Minister") is the body's."""
        for who in dict.fromkeys(officials):
            self.doc.relate(who, "represents", body, sent, 0.6)
            if self.doc.entities[body].type == "State" and self._office_of(sent, who, body):
                self.of_state.setdefault(who, body)
            if event:
                self.doc.relate(who, "participatedIn", event, sent, 0.6)

    def _heads_delegation(self, sent: Sent) -> None:
        """ "Казахстанскую делегацию возглавил X", "X headed the Kazakh delegation",
        "the delegation of Kazakhstan was led by X": X represents the State at the event."""
        toks, ru = sent.toks, self.doc.lang == "ru"
        words = [sent.reads[k] if ru else frozenset({toks[k].lower}) for k in range(len(toks))]
        heads = {"возглавить", "возглавлять", "led", "headed", "leads", "heads"}
        led_by = any(  # "Делегация Республики Казахстан во главе с X"
            "глава" in words[k] and k > 0 and toks[k - 1].lower == "во" for k in range(len(toks))
        )
        if not any(w & heads for w in words) and not led_by:
            return
        for k, w in enumerate(words):
            if not (w & {"делегация", "delegation"}) or sent.covered(k):
                continue
            state = next(
                (
                    h.entity
                    for h in sent.hits
                    if h.type == "State" and not h.nested and (h.j == k or k < h.i <= k + 2)
                ),
                None,
            )
            if state is None:
                continue
            officials = list(dict.fromkeys(
                h.entity
                for h in sorted(sent.hits, key=lambda h: h.i)
                if h.type == "Official" and not h.nested and not h.in_title
            ))
            if len(officials) > 1:
                # "Индийскую делегацию возглавил министр X, зачитавший обращение Моди": the
                # one right after the verb (ru), or right before it or after "by" (en)
                verb = next((n for n, w in enumerate(words) if w & heads), None)
                after = [
                    h for h in sorted(sent.hits, key=lambda h: (h.source == "role", h.i))
                    if h.type == "Official" and not h.nested and not h.in_title
                    and verb is not None and verb < h.i <= verb + 8
                ]  # a named person before one a title stands for ("представитель президента")
                by = verb is not None and verb + 1 < len(toks) and toks[verb + 1].lower == "by"
                officials = [after[0].entity] if after and (ru or by) else []
            if len(officials) != 1:
                continue
            event = self._event_named_before(sent, len(toks))
            self._acts_for(sent, officials, state, event)
            if event is not None:  # the state's delegation took part
                self.doc.relate(state, "participatedIn", event, sent, 0.5)
            return

    def _event_named_before(self, sent: Sent, k: int) -> str | None:
        """The event named last before token ``k`` of this sentence or in the sentences
        before (a commemoration too; not a referendum)."""
        for prev in reversed(self.doc.sents[: sent.index + 1]):
            for h in sorted(prev.hits, key=lambda h: -h.i):
                if prev is sent and h.j > k:
                    continue
                ev = self.doc.events.get(h.entity)
                if ev is not None and ev.kind != "Referendum":
                    return h.entity
        return None

    def _host_welcomed(self, sent: Sent) -> None:
        """ "Host Shavkat Mirziyoyev welcomed A, B and C": the host and his guests take part
        in the event at hand."""
        if self.doc.lang != "en":
            return
        toks = sent.toks
        for k in range(len(toks)):
            if toks[k].lower not in ("welcomed", "welcomes", "hosted") or sent.covered(k):
                continue
            host = [h for h in self._actors(sent, k) if h.type == "Official"]
            if not host or host[-1].i == 0 or toks[host[-1].i - 1].lower != "host":
                continue
            guests = []
            for h in sorted(sent.hits, key=lambda h: h.i):
                if h.i <= k or h.nested or h.in_title:
                    continue
                if h.type != "Official":
                    break
                guests.append(h.entity)
            event = self._event_anaphor(sent)
            if not guests or not event:
                continue
            for who in [host[-1].entity, *guests]:
                self.doc.relate(who, "participatedIn", event, sent, 0.6)

    def _parties(
        self, sent: Sent, i: int, j: int, subjects: list[str]
    ) -> tuple[list[str], list[str]]:
        """States that are parties, and the treaty: named after the trigger, else before."""
        states = [s for s in subjects if self.doc.entities[s].type == "State"]
        if not states:
            states = [h.entity for h in sent.hits if h.type == "State" and not h.nested][:1]
        after = [h.entity for h in sent.hits if h.type == "Treaty" and h.i >= j and not h.nested]
        before = [h for h in sent.hits if h.type == "Treaty" and h.j <= i and not h.nested]
        treaty = after[:1] or ([max(before, key=lambda h: h.j).entity] if before else [])
        return states, treaty

    def _group(self, sent: Sent, i: int, actors: list[Hit]) -> list[str] | None:
        """The subject a group word right before the verb ``i`` stands for, when no one
        named stands between them: "the two leaders" (the officials of this sentence or the
        last one naming two), "the heads of the member states", "the leaders" (the officials
        of the event at hand), "the sides" (the states of the talks)."""
        at = None
        for k in range(i - 1, max(-1, i - 7), -1):
            if sent.covered(k) is not None or sent.toks[k].text in (",", ";"):
                break
            if sent.toks[k].lower in _GROUP_WORDS:
                at = k
        if at is None or any(at <= h.i < i for h in actors):
            return None
        word = sent.toks[at].lower
        if word in ("sides", "parties", "стороны"):
            return self._states_of_talks(officials_told_of_last(self.doc, sent)) or None
        counted = at > 0 and sent.toks[at - 1].lower in _COUNTED
        if counted or word in _INTERLOCUTORS:
            here = named_officials(sent, before=at)
            return (here if len(here) >= 2 else officials_told_of_last(self.doc, sent)) or None
        if word in _HEADS_WORDS:  # "the leaders signed": those of the event who lead a state
            # (or a body, for "leaders"; "главы государств", "heads of state": its head only)
            bodies = word in ("leaders", "лидеры")
            state = at + 1 < len(sent.toks) and sent.toks[at + 1].lower in ("государств", "of")
            return [o for o in self.event_officials() if self.leads(o, bodies, state)] or None
        return self.event_officials() or None

    def _states_of_talks(self, otherwise: list[str] | None = None) -> list[str]:
        """The states of the officials of the event at hand and of those who met (else of
        ``otherwise``): whom "the sides" stand for; a state the text never names is none."""
        met = [x for a, p, b in self.doc.relations if p == "metWith" for x in (a, b)]
        people = [*self.event_officials(), *met] or (otherwise or [])
        return list(dict.fromkeys(
            st for o in people if (st := self.national_state(o)) and st in self.doc.entities
        ))

    def _sides(self, sent: Sent, before: int) -> bool:
        """ "Стороны", "the sides", "the parties", "all six countries", "both countries"
        before the trigger; "We" in a joint statement."""
        words = [sent.toks[k].lower for k in range(max(0, before - 4), before)]
        if any(w in ("стороны", "sides", "parties") for w in words):
            return True
        if any(
            a in _COUNTED and b in ("countries", "states", "страны", "государства")
            for a, b in zip(words, words[1:], strict=False)
        ):
            return True
        return any(w in ("we", "мы") for w in words) and self._joint_text()

    def _committed_state(self, sent: Sent, i: int, j: int) -> str | None:
        """The state whose commitment the trigger at ``i``..``j`` names: "Kazakhstan's
        commitment to", "приверженность Казахстана"."""
        toks = sent.toks
        if toks[i].lower not in ("commitment", "приверженность"):
            return None
        for h in sent.hits:
            if h.type != "State" or h.in_title:
                continue
            if self.doc.lang == "en" and (
                h.j == i and toks[h.j - 1].text.endswith(("'s", "’s"))
                or h.j == i - 1 and toks[i - 1].text in ("'s", "’s")
            ):
                return h.entity
            if self.doc.lang == "ru" and h.i == i + 1 and "gent" in ru_cases(toks[h.i].text):
                return h.entity
        return None

    def _joint_text(self) -> bool:
        """Does the article give a joint statement or declaration (whose "we" is its
        parties)?"""
        if self._joint is None:
            text = self.doc.article.text.casefold()
            self._joint = any(
                w in text for w in ("joint statement", "joint declaration", "совместное заявление",
                                    "совместной декларации", "совместного заявления")
            )
        return self._joint

    def _backed_noun(self, sent: Sent, i: int) -> bool:
        """Is the proposal noun at ``i`` ("инициативу", "proposal") the object of backing or
        of a call to back it ("поддержал инициативу", "призвал поддержать инициативу")?"""
        words = sent.reads[i] if self.doc.lang == "ru" else {sent.toks[i].lower}
        if not words & {"инициатива", "предложение", "initiative", "proposal", "idea", "идея"}:
            return False
        return any(
            (sent.reads[k] if self.doc.lang == "ru" else {sent.toks[k].lower}) & _BACKING
            for k in range(max(0, i - 3), i)
        )

    def _interlocutors(self, sent: Sent, before: int) -> bool:
        """ "Собеседники", "the presidents", "the two leaders" before the trigger: the
        officials who met."""
        return any(
            sent.toks[k].lower in _INTERLOCUTORS for k in range(max(0, before - 4), before)
        )

    def _collective(self, sent: Sent, before: int) -> bool:
        return any(sent.toks[k].lower in _COLLECTIVE for k in range(max(0, before - 4), before))

    def event_officials(self) -> list[str]:
        return event_officials(self.doc)

    def _after(self, sent: Sent, j: int) -> list[str]:
        hits = [
            h
            for h in sent.hits
            if h.i >= j and not h.nested and not h.in_title and h.type in ("Official", "State")
        ]
        return list(dict.fromkeys(h.entity for h in hits))

    def _last_document(self, sent: Sent) -> str | None:
        """ "Документ", "the document": the document named last, up to this sentence."""
        ent = self.doc.last_of_type(("Treaty",), sent.index)
        return ent.id if ent else None

    def _organisers(self, sent: Sent) -> None:
        """ "Организаторами мероприятия выступили МИД и Секретариат ШОС", "The forum, organized
        by Kazakh Invest and JETRO": the organisers (bodies too) take part in the event."""
        toks = sent.toks
        for k in range(len(toks)):
            low = toks[k].lower
            words = sent.reads[k] if self.doc.lang == "ru" else {low}
            if not (words & _ORGANISE) or sent.covered(k) is not None:
                continue
            by = self.doc.lang == "ru" or (k + 1 < len(toks) and toks[k + 1].lower == "by")
            if not by:
                continue
            stop = next(
                (n for n in range(k + 2, len(toks)) if toks[n].text in (",", ";")
                 or sent.text[toks[n - 1].end - sent.span.start : toks[n].start
                              - sent.span.start].strip() in (",", ";")),
                len(toks),
            )
            who = [
                h.entity for h in sorted(sent.hits, key=lambda h: h.i)
                if k < h.i < stop and not h.nested and not h.in_title
                and h.type in ("Official", "Organization")  # ("the Qatar Chamber": no state)
            ]
            noun = next(  # "The forum, organized by ...": the forum told of last
                (toks[n].lower for n in range(k - 1, max(-1, k - 4), -1)
                 if toks[n].lower in ("forum", "conference", "summit", "meeting", "event")),
                None,
            )
            named = self.doc.last_of_type(("Event",), sent.index) if noun else None
            if named is not None and noun not in named.label.casefold():
                named = next(
                    (
                        self.doc.entities[h.entity]
                        for prev in reversed(self.doc.sents[: sent.index + 1])
                        for h in sorted(prev.hits, key=lambda h: -h.i)
                        if h.type == "Event"
                        and noun in self.doc.entities[h.entity].label.casefold()
                    ),
                    None,
                )
            event = (
                (named.id if named is not None else None)
                or self._event_before(sent, k)
                or self._event_anaphor(sent)
            )
            if event is None or not who:
                continue
            for w in dict.fromkeys(who):
                self.doc.relate(w, "participatedIn", event, sent, 0.6)
            return

    def _event_before(self, sent: Sent, i: int) -> str | None:
        before = [h for h in sent.hits if h.type == "Event" and h.j <= i and not h.nested]
        return max(before, key=lambda h: h.j).entity if before else None

    def _event_anaphor(self, sent: Sent) -> str | None:
        """ "the summit", "В ней" (in it), "заседание": the event the article told of last;
        without such a word, an event named in this or the two sentences before."""
        words = {t.lower for t in sent.toks} | {r for reads in sent.reads for r in reads}
        referred = bool(words & _EVENT_WORDS or words & {"ней", "нем", "нём", "it"})
        window = (
            self.doc.sents[: sent.index + 1]
            if referred
            else self.doc.sents[max(0, sent.index - 2) : sent.index + 1]
        )
        talks = bool(words & {"переговоры", "talks", "negotiations", "беседа"})
        sitting = bool(words & {"заседание", "meeting", "session", "сессия", "совещание"})
        # "The dialogue was attended by": not the forum or conference named in between
        named = next((_GATHERING_NOUNS[w] for w in words if w in _GATHERING_NOUNS), None)
        later = None
        for prev in reversed(window):
            # the sentence's own events from the last; an earlier sentence's from its first,
            # its topic ("A meeting ... was held in Gabala, on the eve of the 12th Summit")
            order = (lambda h: -h.i) if prev is sent else (lambda h: h.i)
            for h in sorted(prev.hits, key=order):
                ev = self.doc.events.get(h.entity)
                if ev is None or ev.kind in ("Anniversary", "Referendum"):
                    continue
                if talks and ev.kind not in ("Meeting", "Visit"):
                    continue  # "в переговорах": the talks, not the summit named before
                label = self.doc.entities[h.entity].label.casefold()
                if named and named not in label and any(
                    other in label for other in _GATHERING_NOUNS.values() if other != named
                ):
                    continue
                here = prev is sent  # (an event the sentence itself names is meant)
                if sitting and not talks and ev.kind in ("Event", "Visit") and not here:
                    later = later or h.entity  # "в заседании": a sitting, not a ceremony
                    continue
                if self.doc.entities[h.entity].label.startswith("Next ") or (
                    self.doc.other_year(ev.date) and not here
                ):
                    later = later or h.entity  # ("the next summit", one held another year)
                    continue
                return h.entity
        return later

    def _limit(
        self, sent: Sent, found: list[tuple[int, int, str]], j: int, predicate: str
    ) -> int | None:
        """Where the objects of a stance or a signing end: the next stance of another kind,
        or a verb of adopting ("signed the Joint Statement and approved the Roadmap")."""
        stance = self._next_stance(found, j, predicate)
        if predicate not in ("signed", "supports", "calledFor", "proposed"):
            return stance
        adopt = next(
            (
                k for k in range(j, len(sent.toks))
                if sent.covered(k) is None and (
                    sent.toks[k].lower in _ADOPTED_EN
                    or (self.doc.lang == "ru" and sent.reads[k] & _ADOPTED_RU)
                )
            ),
            None,
        )
        return min((x for x in (stance, adopt) if x is not None), default=None)

    @staticmethod
    def _next_stance(found: list[tuple[int, int, str]], j: int, predicate: str) -> int | None:
        """Where the next stance of another kind starts: "reaffirmed its commitment to the
        TPNW and called for the CTBT" (the CTBT is called for, not supported); "подписали
        Совместное заявление, а также утвердили Дорожную карту" (the roadmap is approved,
        not signed)."""
        if predicate not in _STANCES and predicate not in ("proposed", "signed"):
            return None
        return next(
            (
                a
                for a, _b, p in found
                if a >= j and p != predicate and p in _STANCES | {"proposed", "signed"}
            ),
            None,
        )

    def _objects(
        self,
        sent: Sent,
        j: int,
        types: tuple[str, ...],
        first_only: bool,
        limit: int | None = None,
    ) -> list[Hit]:
        """Entities after the trigger (up to a relative clause or ``limit``); for events,
        the first one and its conjuncts."""
        stop = next(
            (k for k in range(j, len(sent.toks)) if sent.toks[k].lower in _CLAUSE), len(sent.toks)
        )
        if limit is not None:
            stop = min(stop, limit)
        hits = sorted(
            (h for h in sent.hits if j <= h.i < stop and not h.nested and not h.in_title),
            key=lambda h: (h.i, -h.j),
        )
        out: list[Hit] = []
        end = j
        for h in hits:
            if h.i < end:
                continue  # inside the previous object
            gap = {sent.toks[k].lower for k in range(end, h.i)}
            if first_only and out and not (gap and gap <= _LINKS and gap & _CONJ):
                break
            if h.type in types:
                out.append(h)
            elif first_only and out:
                break
            end = h.j
        return out
