"""Mentions: tokens with their readings, gazetteer matches, and the article's entity registry.

Each language gives a function from a word to its *readings* (Kazakh stems,
Russian lemmas, English lower case); a gazetteer name and a text phrase match
when every token's readings meet. All-capital abbreviations read only as
themselves ("=БҰҰ"), so matching them is case-sensitive.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from graph.extract import kk
from graph.extract.normalize import Token, casefold, is_abbreviation, tokens
from graph.gazetteer import Gazetteer, Match, Matcher, Variants
from graph.models import Article, Entity, Event, Mention, Relation, Span

# -- readings of a word, per language -------------------------------------------------


def _abbrev_head(word: str, suffixes: frozenset[str] | None) -> str | None:
    """ "БҰҰ-ның" -> "БҰҰ"; "БҰҰ" -> "БҰҰ"; other words -> None."""
    if is_abbreviation(word) and word.isalpha():
        return word
    head, _, tail = word.partition("-")
    if (
        tail
        and is_abbreviation(head)
        and tail.islower()
        and (suffixes is None or casefold(tail) in suffixes)
    ):
        return head
    return None


@lru_cache(maxsize=65536)
def kk_readings(word: str) -> Variants:
    head = _abbrev_head(word, kk.SUFFIXES)
    if head:
        return frozenset({"=" + head})
    first, _, rest = word.partition("-")
    if rest and first.isdigit():  # 61-сессиясы
        return kk.stems(rest)
    return kk.stems(word)


_MORPH = None


def _morph():  # pymorphy3 loads its dictionaries once, on first use
    global _MORPH
    if _MORPH is None:
        import pymorphy3

        _MORPH = pymorphy3.MorphAnalyzer()
    return _MORPH


@lru_cache(maxsize=131072)
def ru_parses(word: str) -> tuple:
    """pymorphy3's readings of a word, parsed once per process (the costly step)."""
    return tuple(_morph().parse(word)[:4])


def ru_pos(word: str) -> str | None:
    """The part of speech of a Russian word's likeliest reading (pymorphy3's tag)."""
    parses = ru_parses(word)
    return parses[0].tag.POS if parses else None


@lru_cache(maxsize=65536)
def ru_readings(word: str) -> Variants:
    head = _abbrev_head(word, None)
    if head:
        return frozenset({"=" + head})
    low = casefold(word)
    if not any(c.isalpha() for c in low):
        return frozenset({low})
    out = {low}
    for parse in ru_parses(low):
        tag = parse.tag
        if "Apro" in tag or tag.POS in _RU_FUNCTION_POS:
            continue  # "том", "того": pronoun readings would meet names (Того)
        out.add(parse.normal_form.replace("ё", "е"))
    return frozenset(out)


_RU_SURNAME = re.compile(r"^(.+(?:ов|ев|ёв|ин|ын))(а|у|ым|е|ой|ою)?$", re.IGNORECASE)


def ru_surname_lemma(word: str, feminine: bool = False) -> str | None:
    """Nominative of a Russian-style surname in -ов/-ев/-ин/-ын, by the gender of the
    first name: "Смадиярова" -> "Смадияров" (a man's genitive) or "Смадиярова" (a woman).

    >>> ru_surname_lemma("Смадиярова"), ru_surname_lemma("Сарсенбаевой", feminine=True)
    ('Смадияров', 'Сарсенбаева')
    >>> ru_surname_lemma("Кошербаевым"), ru_surname_lemma("Лавров"), ru_surname_lemma("Мерц")
    ('Кошербаев', 'Лавров', None)
    """
    m = _RU_SURNAME.match(word)
    if m is None or len(m.group(1)) < 4:
        return None
    return m.group(1) + ("а" if feminine else "")


@lru_cache(maxsize=16384)
def ru_name_lemma(word: str) -> str:
    """Nominative of a Russian personal name: "Джайшанкаром" -> "Джайшанкар"."""
    for parse in ru_parses(word)[:3]:
        if {"Surn", "Name", "Patr"} & parse.tag.grammemes or (
            parse.tag.POS == "NOUN" and "anim" in parse.tag
        ):
            lemma = parse.normal_form
            return lemma[:1].upper() + lemma[1:] if word[:1].isupper() else lemma
    return word


_CASE_ENDINGS = ("ом", "ем", "ём", "ым", "им", "ой", "ей", "у", "ю", "а", "я", "е")


def _strip_case_ending(word: str) -> str:
    """A foreign name's stem without its Russian case ending ("шольцем" -> "шольц")."""
    return next(
        (word[: -len(e)] for e in _CASE_ENDINGS if word.endswith(e) and len(word) - len(e) >= 3),
        word,
    )


def ru_name_nominatives(words: list[str], links: frozenset[str] = frozenset()) -> list[str] | None:
    """The nominative of each word of one Russian name, read in the one case all of them can
    be in (a name's words agree): "Олафом Шольцем" -> Олаф Шольц (not the plural "Олафома"),
    "Дина Акимова" stays as it is (a woman, in the nominative), "Еркина Тукумова" -> Еркин
    Тукумов; the ``links`` of Arabic names ("бен", "Аль") are kept. None when the words share
    no case (the caller reads them one by one).

    >>> ru_name_nominatives(["Олафом", "Шольцем"]), ru_name_nominatives(["Дина", "Акимова"])
    (['Олаф', 'Шольц'], ['Дина', 'Акимова'])
    """
    readings = []
    for w in words:
        if casefold(w) in links:
            readings.append(None)
            continue
        parses = [q for q in ru_parses(casefold(w)) if q.tag.case and "plur" not in q.tag]
        if not parses:
            return None
        readings.append(parses)
    shared: set[str] | None = None
    for parses in readings:
        if parses is not None:
            cases = {q.tag.case for q in parses}
            shared = cases if shared is None else shared & cases
    last = next((r for r in reversed(readings) if r is not None), None)
    if not shared or last is None:
        return None
    case = "nomn" if "nomn" in shared else next(q.tag.case for q in last if q.tag.case in shared)
    out = []
    for w, parses in zip(words, readings, strict=True):
        if parses is None or case == "nomn":
            out.append(w)
            continue
        parse = next(q for q in parses if q.tag.case == case)
        form = parse.inflect({"nomn"})
        lemma = form.word if form is not None else parse.normal_form
        if not casefold(w).startswith(lemma[:-1]):  # a guess that moved a vowel ("Шолец")
            lemma = _strip_case_ending(casefold(w))
        out.append(lemma[:1].upper() + lemma[1:] if w[:1].isupper() else lemma)
    return out


@lru_cache(maxsize=65536)
def ru_past_verb(word: str) -> bool:
    """Is the most likely reading of a Russian word a past-tense verb?"""
    parse = ru_parses(casefold(word))[0]
    return parse.tag.POS == "VERB" and "past" in parse.tag


_RU_FUNCTION_POS = frozenset({"NPRO", "PREP", "CONJ", "PRCL", "INTJ", "PRED"})


@lru_cache(maxsize=65536)
def ru_cases(word: str) -> frozenset[str]:
    """Grammatical cases a Russian word form can have (empty when unknown/indeclinable)."""
    out = set()
    for parse in ru_parses(casefold(word)):
        if parse.tag.case:
            out.add(parse.tag.case)
    return frozenset(out)


@lru_cache(maxsize=65536)
def en_readings(word: str) -> Variants:
    head = _abbrev_head(word, frozenset({"s"}))
    if head:
        if len(head) >= 3 and head == word:  # "NEW YORK, Oct. 8": a dateline in capitals
            return frozenset({"=" + head, casefold(word)})
        return frozenset({"=" + head})
    low = casefold(word).replace("’", "'")
    out = {low}
    if low.endswith("'s"):
        out.add(low[:-2])
    if low.startswith(("then-", "ex-")) and len(low) > 5:  # "then-President Joe Biden"
        out.add(low.split("-", 1)[1])
    if low in _EN_PLURAL_OFFICES:  # "Foreign Ministers Yermek Kosherbayev and ...": the office
        out.add(_EN_PLURAL_OFFICES[low])
    return frozenset(out)


#: plural nouns of offices, read as the office too (titles before several names)
_EN_PLURAL_OFFICES = {"ministers": "minister", "presidents": "president",
                      "ambassadors": "ambassador", "secretaries": "secretary"}


READINGS: dict[str, Callable[[str], Variants]] = {
    "kk": kk_readings,
    "ru": ru_readings,
    "en": en_readings,
}


@lru_cache(maxsize=65536)
def kk_name_readings(word: str) -> Variants:
    """Readings of a word of a gazetteer name (nominative): itself, without its possessive."""
    head = _abbrev_head(word, kk.SUFFIXES)
    if head:
        return frozenset({"=" + head})
    return kk.name_stems(word)


def phrase_readings(lang: str) -> Callable[[str], list[Variants]]:
    read = kk_name_readings if lang == "kk" else READINGS.get(lang, en_readings)

    def phrase(text: str) -> list[Variants]:
        return [read(t.text) for t in tokens(text)]

    return phrase


def word_key(lang: str, sent: Sent, k: int, table) -> str | None:
    """Which key of ``table`` token ``k`` is: a Russian lemma among its readings, a Kazakh
    stem it starts with, an English word as written (lower case)."""
    tok = sent.toks[k]
    if lang == "ru":
        return next((w for w in table if w in sent.reads[k]), None)
    if lang == "kk":
        return next((w for w in table if tok.lower.startswith(w)), None)
    return tok.lower if tok.lower in table else None


# -- sentences and hits -----------------------------------------------------------------


@dataclass(slots=True)
class Hit:
    """One mention of an entity, located by sentence and token range."""

    entity: str
    type: str
    sent: int
    i: int  # first token
    j: int  # one past the last token
    start: int  # character offsets in the article text
    end: int
    case: str = "nom"
    source: str = "gazetteer"
    in_title: bool = False  # part of an official's title (not an actor of the sentence)
    nested: bool = False  # inside a longer mention (БҰҰ in "БҰҰ Бас Ассамблеясы")


@dataclass(slots=True)
class Sent:
    index: int
    span: Span
    toks: list[Token]
    reads: list[Variants]
    hits: list[Hit] = field(default_factory=list)

    @property
    def text(self) -> str:
        return self.span.text

    @property
    def is_bullet(self) -> bool:
        return self.span.text.lstrip()[:1] in ("•", "-", "*", "–", "—", "·", "▪")

    def lower(self, k: int) -> str:
        return self.toks[k].lower

    def covered(self, k: int) -> Hit | None:
        """The outermost hit covering token ``k``."""
        best = None
        for h in self.hits:
            if h.i <= k < h.j and (best is None or h.j - h.i > best.j - best.i):
                best = h
        return best

    def hits_between(self, i: int, j: int) -> list[Hit]:
        return [h for h in self.hits if i <= h.i and h.j <= j]


class Doc:
    """The working state of one extraction: sentences, hits, entities."""

    def __init__(self, article: Article, gaz: Gazetteer, lang: str):
        self.article = article
        self.gaz = gaz
        self.lang = lang
        self.read = READINGS.get(lang, en_readings)
        self.sents: list[Sent] = []
        for n, span in enumerate(article.sentences):
            toks = tokens(span.text, span.start)
            self.sents.append(Sent(n, span, toks, [self.read(t.text) for t in toks]))
        self.entities: dict[str, Entity] = {}
        self.events: dict[str, Event] = {}
        self.relations: dict[tuple[str, str, str], Relation] = {}
        self.forum_places: dict[str, str] = {}  # forum -> where the text says it met
        #: body -> (its meeting the article is about, that meeting's ordinal "#2" or None)
        self.main_occurrence: dict[str, tuple[str, str | None]] = {}
        #: visits someone is invited to pay: whoever else the sentence names is not in them
        self.planned: set[str] = set()
        self.year = (article.date or "")[:4] or None
        self.month = article.date[:7] if article.date and len(article.date) >= 7 else None

    def other_year(self, date: str | None) -> bool:
        """Whether ``date`` falls in another year than the article: an event it recalls or
        announces, not the one it reports (an undated event is not told apart)."""
        return bool(date and self.year and date[:4] != self.year)

    # entities ------------------------------------------------------------------------

    def entity(
        self,
        entity_id: str,
        type_: str,
        label: str,
        *,
        known: bool = False,
        wikidata: str | None = None,
        name: str | None = None,
        kind: str | None = None,
    ) -> Entity:
        ent = self.entities.get(entity_id)
        if ent is None:
            ent = Entity(entity_id, type_, label, wikidata=wikidata, known=known, event_kind=kind)
            entry = self.gaz.get(entity_id)
            if entry:
                ent.labels = dict(entry.names)
            if name and self.lang not in ent.labels:
                ent.labels[self.lang] = name
            self.entities[entity_id] = ent
        return ent

    def known(self, entity_id: str) -> Entity:
        entry = self.gaz.get(entity_id)
        assert entry is not None, entity_id
        return self.entity(entry.id, entry.type, entry.label, known=True, wikidata=entry.wikidata)

    def add_hit(
        self,
        sent: Sent,
        entity: Entity,
        i: int,
        j: int,
        *,
        case: str | None = None,
        source: str = "gazetteer",
        start: int | None = None,
        nested: bool = False,
        end: int | None = None,
    ) -> Hit:
        start = sent.toks[i].start if start is None else start
        end = sent.toks[j - 1].end if end is None else end
        hit = Hit(
            entity.id,
            entity.type,
            sent.index,
            i,
            j,
            start,
            end,
            case or self.case_of(sent.toks[j - 1].text),
            source,
            nested=nested,
        )
        sent.hits.append(hit)
        if not any(m.start == start and m.end == end for m in entity.mentions):
            entity.mentions.append(Mention(start, end, self.article.text[start:end]))
        return hit

    def case_of(self, word: str, base: str | None = None) -> str:
        if self.lang == "kk":
            return kk.case_of(word, base)
        return "nom"

    def forget(self, sent: Sent, hit: Hit) -> None:
        """Undo one hit: the sentence loses it and its entity that mention."""
        ent = self.entities.get(hit.entity)
        if ent is not None:
            ent.mentions = [m for m in ent.mentions if m.start != hit.start]
        sent.hits[:] = [x for x in sent.hits if x is not hit]

    def relate(
        self,
        subject: str,
        predicate: str,
        obj: str,
        sent: Sent,
        confidence: float,
        role: str | None = None,
        event: str | None = None,
    ) -> None:
        """Record a fact stated by ``sent`` (the first sentence stating it is kept)."""
        if subject == obj:
            return
        key = (subject, predicate, obj)
        if predicate == "metWith" and (obj, predicate, subject) in self.relations:
            return
        if key not in self.relations:
            span = sent.span
            self.relations[key] = Relation(
                subject,
                predicate,
                obj,
                span.text,
                span.start,
                span.end,
                confidence,
                role=role,
                date=self.article.date,
                event=event,
            )

    def event(self, entity: Entity, kind: str) -> Event:
        if entity.id not in self.events:
            self.events[entity.id] = Event(entity.id, kind=kind)
        return self.events[entity.id]

    def is_headline(self, sent: Sent) -> bool:
        """Is ``sent`` the article's headline (its title, read as the first sentence)?"""
        return bool(self.article.title) and sent.text.strip() == self.article.title.strip()

    def hits_of(self, entity_id: str) -> list[Hit]:
        return [h for s in self.sents for h in s.hits if h.entity == entity_id]

    def last_of_type(
        self, types: tuple[str, ...], before: int, kinds: tuple[str, ...] = ()
    ) -> Entity | None:
        """The entity of one of ``types`` mentioned last before sentence ``before``."""
        for sent in reversed(self.sents[: before + 1]):
            for h in sorted(sent.hits, key=lambda h: -h.start):
                ent = self.entities[h.entity]
                if h.type in types and (not kinds or ent.event_kind in kinds):
                    return ent
        return None


#: capitals of the states diplomacy news name most (slugs of place/ entries)
CAPITAL_NAMES = (
    "moscow beijing washington astana tashkent bishkek dushanbe ashgabat ankara baku "
    "tehran tokyo seoul berlin paris london kyiv minsk new-delhi islamabad kabul "
    "ulaanbaatar budapest rome tbilisi yerevan doha abu-dhabi riyadh"
)
CAPITALS = frozenset(f"place/{c}" for c in CAPITAL_NAMES.split())


def capital_of(gaz: Gazetteer, state: str) -> str | None:
    """The capital (a place/ id) of ``state`` among CAPITALS."""
    for place in CAPITALS:
        entry = gaz.get(place)
        if entry is not None and entry.located_in == state:
            return place
    return None


def drop_currencies(doc: Doc, sent: Sent) -> None:
    """ "US$280 million", "C$5": a currency sign right after a state's code is money, not
    the state."""
    text = doc.article.text
    for h in [h for h in sent.hits if h.type == "State" and text[h.end : h.end + 1] == "$"]:
        doc.forget(sent, h)


def find_capitals(doc: Doc, sent: Sent) -> None:
    """ "the Kazakh capital", "the capital of Kyrgyzstan", "в белорусской столице", "в столице
    Казахстана", "Ресей елордасы", "елордада": the capital named by its state (a bare Kazakh
    "елорда" is Astana)."""
    toks = sent.toks
    for k, tok in enumerate(toks):
        if sent.covered(k) is not None:
            continue
        low = tok.lower
        if doc.lang == "en":
            word = low in ("capital", "capital's")
        elif doc.lang == "ru":
            word = "столица" in sent.reads[k]
        else:
            word = low.startswith("елорда")
        if not word:
            continue
        states = [h for h in sent.hits if h.type == "State" and not h.nested]
        before = next((h for h in states if h.j == k), None)
        after = next(
            (
                h for h in states
                if h.i == k + 1 and doc.lang == "ru"
                or h.i == k + 2 and doc.lang == "en" and k + 1 < len(toks)
                and toks[k + 1].lower == "of"
            ),
            None,
        )
        state = before or after
        if state is not None:
            place = capital_of(doc.gaz, state.entity)
            i, j = (state.i, k + 1) if state is before else (k, state.j)
        elif doc.lang == "kk":
            place, i, j = "place/astana", k, k + 1
        else:
            continue
        if place is None or doc.gaz.get(place) is None:
            continue
        state_hit = state
        if state_hit is not None:
            state_hit.nested = True  # "the Kazakh capital" names a city, not the state acting
        doc.add_hit(sent, doc.known(place), i, j, source="capital")


def match_known(doc: Doc, sent: Sent) -> list[Match]:
    """Gazetteer names in a sentence; adds hits (and nested hits of containing bodies)."""
    matcher = doc.gaz.matcher(doc.lang, phrase_readings(doc.lang))
    matches = matcher.find(sent.reads)
    if doc.lang == "kk":
        matches = _across_ordinals(sent, matcher, matches)
    for m in matches:
        entry = doc.gaz.get(_prefer(doc, m.ids))
        if entry is None:
            continue
        if (
            m.end - m.start == 1
            and sent.toks[m.start].text[:1].islower()
            and m.phrase[:1].isupper()
        ):
            continue  # "oral statement" is not Oral, "до того" is not Togo
        if entry.type == "State" and _currency(sent, m):
            continue  # "US dollars", "долларов США": money, not the state
        ent = doc.known(entry.id)
        last = sent.toks[m.end - 1].text
        base = _last_word(m.phrase) if doc.lang == "kk" else None
        doc.add_hit(sent, ent, m.start, m.end, case=doc.case_of(last, base))
        if m.end - m.start > 1 and entry.type == "Organization":
            _nested_states(doc, sent, matcher, m)  # "МИД Японии": Japan is named too
        if m.end - m.start > 1 and entry.type in _COMPOSITE:
            _nested_bodies(doc, sent, matcher, m)
        # a body's name often holds its organisation's (БҰҰ Адам құқықтары жөніндегі кеңес)
        if m.end - m.start > 1 and entry.part_of:
            for k in range(m.start, m.end):
                inner = matcher.at(sent.reads, k, end=m.end, want=entry.part_of)
                if inner:
                    doc.add_hit(
                        sent,
                        doc.known(entry.part_of),
                        inner.start,
                        inner.end,
                        case="gen",
                        nested=True,
                    )
                    break
    if doc.lang == "kk":
        extend_state_forms(doc, sent)
        _kk_month_cities(doc, sent)
    return matches


#: a Kazakh ordinal written as a word of its own ("VIII", "ХХ", "8-ші") or before the noun it
#: numbers ("8-съезіне")
KK_ORDINAL = re.compile(
    r"^(?:(?-i:[IVXLХІ]+)|\d{1,3}-(?:ші|шы|інші|ыншы)|бірінші|екінші|үшінші|төртінші|бесінші"
    r"|алтыншы|жетінші|сегізінші|тоғызыншы|оныншы)$",
    re.IGNORECASE,
)
#: a number glued to the Kazakh noun it counts ("8-съезіне", "11-саммитінде")
KK_NUMBER_PREFIX = re.compile(r"^(\d{1,3})-(?=\w)")


def _across_ordinals(sent: Sent, matcher: Matcher, matches: list[Match]) -> list[Match]:
    """Kazakh numbers an occurrence inside the body's name: "Әлемдік және дәстүрлі діндер
    лидерлерінің VIII съезі", "… лидерлерінің 8-съезі" is the named Congress (with its
    number, read by find_numbered_forums)."""
    toks, reads = sent.toks, sent.reads
    for t in range(1, len(toks)):
        word = toks[t].text
        if any(m.start <= t < m.end for m in matches):
            continue
        if KK_ORDINAL.match(word) and t + 1 < len(toks):
            seq, after = reads[:t] + reads[t + 1 :], 1  # read as if the number were not there
        elif (rest := KK_NUMBER_PREFIX.sub("", word)) != word and rest[:1].isalpha():
            seq, after = [*reads[:t], READINGS["kk"](rest), *reads[t + 1 :]], 0
        else:
            continue
        best = None
        for s in range(max(0, t - 8), t):
            m = matcher.at(seq, s)
            if m and m.end > t and (best is None or m.end - m.start > best.end - best.start):
                best = m
        if best is None:
            continue
        found = Match(best.start, best.end + after, best.ids, best.phrase)
        inside = [m for m in matches if m.start < found.end and found.start < m.end]
        if any(m.start < found.start or m.end > found.end for m in inside):
            continue  # (a longer name already read there)
        matches = [m for m in matches if m not in inside]
        matches.append(found)
    return sorted(matches, key=lambda m: m.start)


#: Kazakh city names that are also month names ("қазан", October): the city when written
#: with a capital inside a sentence and no day number next to it
_KK_MONTH_CITIES = {"қазан": "place/kazan"}


def _kk_month_cities(doc: Doc, sent: Sent) -> None:
    toks = sent.toks
    base = sent.span.start
    for k in range(len(toks)):
        tok = toks[k]
        city = next((c for w, c in _KK_MONTH_CITIES.items() if tok.lower.startswith(w)), None)
        if city is None or not tok.text[:1].isupper() or sent.covered(k) is not None:
            continue
        after = sent.text[tok.end - base : tok.end - base + 1]
        if k == 0 and not (after == "," and tok.lower == "қазан"):
            continue  # (a capital opening a sentence says nothing, but "Қазан, 24 қазан –" is
            # a dateline)
        if len(tok.text) - len("қазан") > 4 or (k and toks[k - 1].text[:1].isdigit()) or (
            k and k + 1 < len(toks) and toks[k + 1].text[:1].isdigit()
        ):
            continue  # "24 Қазан", "Қазан 2024": the month
        if doc.gaz.get(city) is not None:
            doc.add_hit(sent, doc.known(city), k, k + 1, case=doc.case_of(tok.text))


#: words of a state's official form after its name in Kazakh ("Пәкістан Ислам Республикасы")
_KK_STATE_FORM = (
    "республика",
    "ислам",
    "халық",
    "федерация",
    "корольдi",
    "корольдік",
    "біріккен",
    "әмірлі",
    "демократиялық",
    "социалистік",
    "сұлтанат",
    "мемлекеті",
)


def extend_state_forms(doc: Doc, sent: Sent) -> None:
    """A Kazakh state name followed by words of its official form ("Пәкістан Ислам
    Республикасының") is one mention, so no word of it is read as a name or a title."""
    for h in sent.hits:
        if h.type != "State" or h.nested:
            continue
        k = h.j
        while (
            k < len(sent.toks)
            and k - h.j < 3
            and sent.toks[k].lower.startswith(_KK_STATE_FORM)
            and sent.toks[k].text[:1].isupper()
            and sent.covered(k) is None
        ):
            k += 1
        if k == h.j:
            continue
        ent = doc.entities[h.entity]
        for m in ent.mentions:
            if m.start == h.start and m.end == h.end:
                m.end = sent.toks[k - 1].end
                m.text = doc.article.text[m.start : m.end]
        h.j, h.end = k, sent.toks[k - 1].end
        h.case = doc.case_of(sent.toks[k - 1].text)


def _currency(sent: Sent, m) -> bool:
    toks = sent.toks
    after = toks[m.end].lower if m.end < len(toks) else ""
    before = toks[m.start - 1].lower if m.start else ""
    return after.startswith(("dollar", "доллар")) or before.startswith(("доллар", "dollar"))


#: reference entries whose names are made of other entries' names ("Reform of the UN Security
#: Council", "реформа Совета Безопасности ООН")
_COMPOSITE = ("Initiative",)
_NAMED_INSIDE = ("Forum", "Organization")


def _nested_bodies(doc: Doc, sent: Sent, matcher, m) -> None:
    """The forums and organisations named inside an initiative's name: they are named in the
    text too ("Президент выступил за реформу Совета Безопасности ООН")."""
    k = m.start
    while k < m.end:
        inner = next(
            (
                x for e in range(m.end, k, -1)
                if (x := matcher.at(sent.reads, k, end=e)) is not None
                and (x.start, x.end) != (m.start, m.end)
                and (entry := doc.gaz.get(_prefer(doc, x.ids))) is not None
                and entry.type in _NAMED_INSIDE
            ),
            None,
        )
        if inner is None:
            k += 1
            continue
        body = doc.known(_prefer(doc, inner.ids))
        doc.add_hit(sent, body, inner.start, inner.end, case="gen", nested=True)
        k = inner.end


def _nested_states(doc: Doc, sent: Sent, matcher, m) -> None:
    """States named inside an organisation's name ("Government of Uzbekistan")."""
    for k in range(m.start, m.end):
        inner = matcher.at(sent.reads, k, end=m.end)
        if inner is None or (inner.start, inner.end) == (m.start, m.end):
            continue
        state = next((e for e in inner.ids if e.startswith("state/")), None)
        if state and doc.gaz.get(state):
            doc.add_hit(
                sent, doc.known(state), inner.start, inner.end, case="gen", nested=True
            )
            return


@lru_cache(maxsize=16384)
def _last_word(phrase: str) -> str:
    return tokens(phrase)[-1].text


def _prefer(doc: Doc, ids: tuple[str, ...]) -> str:
    """Of several entries sharing a name, the one already seen in the article, else the first."""
    for entity_id in ids:
        if entity_id in doc.entities:
            return entity_id
    return ids[0]
