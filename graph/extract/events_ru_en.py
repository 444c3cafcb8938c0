"""Events in Russian and English text that the gazetteer cannot name:
anniversaries ("35-летие закрытия Семипалатинского полигона", "the 50th
anniversary of the Helsinki Final Act", "30 лет со дня открытия для
подписания ДВЗЯИ", "35 years since the closure of ..."), referendums and
review conferences, and where the events of a sentence took place ("в
Бишкеке", "in Samarkand", the dateline "ASTANA, June 10 —").

Labels follow the Kazakh rules of events.py ("35th anniversary of the closure
of the Semipalatinsk Test Site", "NPT Review Conference 2026"), so one event
gets one id in every language. Unknown Russian words are translated through
data/lexicon/ru-en.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from graph.config import DATA_DIR
from graph.extract.events import (
    _ANNIVERSARY_EN,
    _ANNIVERSARY_RU,
    _BODY_ANAPHORS,
    _new_event,
    abbreviation,
    body_named_before,
    ordinal,
)
from graph.extract.mentions import Doc, Hit, Sent, ru_cases, ru_parses, ru_past_verb, ru_pos
from graph.extract.officials import home_state

RU_LEXICON = DATA_DIR / "lexicon" / "ru-en.yaml"

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
_EN_ACTIONS = {
    ("closure",): "closure",
    ("closing",): "closure",
    ("opening", "for", "signature"): "opening for signature",
    ("opening",): "opening",
    ("signing",): "signing",
    ("founding",): "founding",
    ("establishment",): "founding",
    ("creation",): "founding",
    ("adoption",): "adoption",
    ("entry", "into", "force"): "entry into force",
}
_THINGS = ("Place", "Treaty", "Event", "Organization", "Forum", "Initiative", "State")
_LINK = frozenset(
    {
        "of",
        "the",
        "since",
        "со",
        "дня",
        "с",
        "момента",
        "для",
        "подписания",
        "в",
        "силу",
        "for",
        "signature",
        "into",
        "force",
        "its",
        "а",
        "and",
    }
)


@dataclass
class RuLexicon:
    words: dict[str, str] = field(default_factory=dict)
    actions: dict[str, str] = field(default_factory=dict)
    treaty_actions: dict[str, str] = field(default_factory=dict)
    national: frozenset[str] = frozenset()

    def word(self, reads: frozenset[str]) -> str | None:
        return next((self.words[r] for r in sorted(reads) if r in self.words), None)


@lru_cache(maxsize=2)
def _load(path: str, mtime: float) -> RuLexicon:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return RuLexicon(
        words=dict(data.get("words") or {}),
        actions=dict(data.get("actions") or {}),
        treaty_actions=dict(data.get("treaty_actions") or {}),
        national=frozenset(data.get("national") or ()),
    )


def ru_lexicon(path: Path = RU_LEXICON) -> RuLexicon:
    """The Russian -> English lexicon, cached by the file's modification time."""
    from graph.extract.lexicon import file_stamp

    return _load(str(path), file_stamp(path))


def _thing_after(sent: Sent, k: int, window: int = 9) -> Hit | None:
    """The first entity named within ``window`` tokens after ``k``, in the same clause;
    "its founding" refers to the organisation named before."""
    stop = _clause_end(sent, k)
    if k < len(sent.toks) and any(
        sent.toks[n].lower in ("its", "её", "ее", "его")
        for n in range(k, min(k + 3, len(sent.toks)))
    ):
        before = [
            h
            for h in sent.hits
            if h.j <= k and not h.nested and h.type in ("Organization", "Forum", "State", "Treaty")
        ]
        return max(before, key=lambda h: h.j) if before else None
    for h in sorted(sent.hits, key=lambda h: (h.i, -h.j)):
        if h.i >= stop:
            break
        if h.nested or h.type not in _THINGS or h.i < k or h.i > k + window:
            continue
        if h.type == "Event" and h.source in ("anniversary",):
            continue
        return h
    return None


def _clause_end(sent: Sent, k: int) -> int:
    """The first token after ``k`` that follows a ";", ":" or a dash."""
    base = sent.span.start
    for n in range(k + 1, len(sent.toks)):
        gap = sent.text[sent.toks[n - 1].end - base : sent.toks[n].start - base]
        if any(c in gap for c in ";:—–"):
            return n
    return len(sent.toks)


def _action(doc: Doc, sent: Sent, i: int, j: int, treaty: bool) -> str | None:
    """The action noun between an anniversary word and what it commemorates."""
    if doc.lang == "ru":
        lex = ru_lexicon()
        for k in range(i, j):
            for r in sorted(sent.reads[k]):
                if treaty and r in lex.treaty_actions:
                    return lex.treaty_actions[r]
                if r in lex.actions:
                    return lex.actions[r]
        return None
    words = [t.lower for t in sent.toks[i:j]]
    for key, en in sorted(_EN_ACTIONS.items(), key=lambda kv: -len(kv[0])):
        n = len(key)
        for s in range(len(words) - n + 1):
            if tuple(words[s : s + n]) == key:
                return "opening for signature" if treaty and en == "opening" else en
    return None


def _anniversary(doc: Doc, sent: Sent, k: int, end: int, years: int) -> None:
    thing = _thing_after(sent, end)
    if thing is None:  # "the organisation's 25th anniversary", "its 10th", "25-летие организации"
        near = [*range(k - 1, max(-1, k - 4), -1), *range(end, min(end + 1, len(sent.toks)))]
        thing = next(
            (
                b
                for n in near
                if sent.toks[n].lower.startswith(_BODY_ANAPHORS)
                or (n < k and sent.toks[n].lower == "its")
                for b in [body_named_before(doc, sent, n, its=sent.toks[n].lower == "its")]
                if b is not None
            ),
            None,
        )
    if thing is None:
        return
    t_ent = doc.entities[thing.entity]
    for ev_id, known in doc.events.items():  # one anniversary of one thing per article
        if known.kind == "Anniversary" and known.years == years and known.commemorates == t_ent.id:
            doc.add_hit(sent, doc.entities[ev_id], k, max(thing.j, end), source="anniversary")
            return
    act = _action(doc, sent, end, thing.i, t_ent.type == "Treaty") if thing.i >= end else None
    name = abbreviation(doc, t_ent.id) if (act and t_ent.type == "Treaty") else t_ent.label
    if act:
        label = f"{ordinal(years)} anniversary of the {act} of the {name}"
    else:
        label = f"{ordinal(years)} anniversary of the {t_ent.label}"
    ent = _new_event(doc, sent, label, "Anniversary", k, max(thing.j, end))
    ev = doc.event(ent, "Anniversary")
    ev.years, ev.commemorates = years, t_ent.id
    if doc.year:
        ev.date, ev.base_year = doc.year, int(doc.year) - years
    doc.relate(ent.id, "commemorates", t_ent.id, sent, 0.8)


_EN_UNITS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
             "seventh": 7, "eighth": 8, "ninth": 9}
_EN_ORDINAL_WORDS = {"tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15,
                     "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
                     "sixtieth": 60, "seventieth": 70, "eightieth": 80, "hundredth": 100,
                     **_EN_UNITS}
_EN_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
            "seventy": 70, "eighty": 80, "ninety": 90}


def _spelled_ordinal(word: str) -> int | None:
    """ "tenth" -> 10, "thirty-fifth" -> 35."""
    if word in _EN_ORDINAL_WORDS:
        return _EN_ORDINAL_WORDS[word]
    tens, _, unit = word.partition("-")
    if tens in _EN_TENS and unit in _EN_UNITS:
        return _EN_TENS[tens] + _EN_UNITS[unit]
    return None


def find_anniversaries(doc: Doc, sent: Sent) -> None:
    toks = sent.toks
    for k, tok in enumerate(toks):
        low = tok.lower
        m = _ANNIVERSARY_RU.match(low) if doc.lang == "ru" else None
        if m:
            _anniversary(doc, sent, k, k + 1, int(m.group(1)))
            continue
        if not low.isdigit() or _YEAR.match(low) or k + 1 >= len(toks):
            m = _ANNIVERSARY_EN.match(low) if doc.lang == "en" else None
            years = int(m.group(1)) if m else _spelled_ordinal(low) if doc.lang == "en" else None
            if years and k + 1 < len(toks) and toks[k + 1].lower == "anniversary":
                _anniversary(doc, sent, k, k + 2, years)
            continue
        nxt = toks[k + 1].lower
        # "30 лет со дня ...", "35 years since the ..."
        if (
            doc.lang == "ru"
            and nxt in ("лет", "год", "года")
            and k + 2 < len(toks)
            and toks[k + 2].lower in ("со", "с")
        ):
            _anniversary(doc, sent, k, k + 2, int(low))
        elif (
            doc.lang == "en"
            and nxt == "years"
            and k + 2 < len(toks)
            and toks[k + 2].lower == "since"
        ):
            _anniversary(doc, sent, k, k + 3, int(low))


def find_referendums(doc: Doc, sent: Sent) -> None:
    """ "республиканский референдум по проекту новой Конституции", "a national referendum"."""
    lex = ru_lexicon()
    for k, tok in enumerate(sent.toks):
        if sent.covered(k) is not None:
            continue
        reads = sent.reads[k] if doc.lang == "ru" else frozenset({tok.lower})
        if "референдум" not in reads and "referendum" not in reads:
            continue
        start, adjs = k, []
        while start > 0 and sent.covered(start - 1) is None:
            prev = sent.toks[start - 1]
            en = (
                lex.word(sent.reads[start - 1])
                if doc.lang == "ru"
                else (prev.lower if prev.lower.endswith(("al", "ary", "an")) else None)
            )
            if not en or en in ("draft",):
                break
            adjs.insert(0, en)
            start -= 1
        state = home_state(doc)
        label = " ".join(adjs + ["referendum"])
        label = label[:1].upper() + label[1:]
        draft = next((h for h in sent.hits if k < h.i <= k + 4 and h.type == "Initiative"), None)
        if draft is not None:
            what = doc.entities[draft.entity].label
            label += " on the " + (what[len("Draft ") :] if what.startswith("Draft ") else what)
        elif state:
            label += f" in {doc.gaz.get(state).label if doc.gaz.get(state) else state}"
            label += f" {doc.year or ''}"
        ent = _new_event(doc, sent, label.strip(), "Referendum", start, k + 1)
        ev = doc.event(ent, "Referendum")
        ev.place = ev.place or state


_DRAFT_HEAD = frozenset({"проект", "draft"})


def find_drafts(doc: Doc, sent: Sent) -> None:
    """ "проект новой Конституции" -> Initiative "Draft new Constitution of <state>"."""
    if doc.lang != "ru":
        return
    lex = ru_lexicon()
    toks = sent.toks
    for k in range(len(toks) - 1):
        if "проект" not in sent.reads[k] or sent.covered(k) is not None:
            continue
        words, j = [], k + 1
        while j < len(toks) and j - k <= 3 and sent.covered(j) is None:
            en = lex.word(sent.reads[j])
            if en is None:
                break
            words.append(en)
            j += 1
            if en[:1].isupper() or en in lex.national:
                break
        if not words or words[-1] not in lex.national:
            continue
        label = "Draft " + " ".join(words)
        state = home_state(doc)
        if state and doc.gaz.get(state):
            label += " of " + doc.gaz.get(state).label  # type: ignore[union-attr]
        from graph.extract.entities import _new

        _new(doc, sent, "Initiative", label, k, j, "draft")


_IN = frozenset({"в", "во", "in", "at"})


_CITY_WORDS = frozenset({"city", "town", "port", "capital", "village"})


def _place_in_state(doc: Doc, sent: Sent) -> None:
    """ "in Samarkand, Uzbekistan", "TIANJIN, China, Sept. 1", "in Kyzylorda (Kazakhstan)",
    "the port of Chabahar in Iran": a place followed by a comma, a bracket or "in" and one
    State (not a list of states) lies in that State; so does "the Chinese city of Xi'an"."""
    text, base = sent.text, sent.span.start
    by_start = {h.i: h for h in sent.hits if not h.nested}
    toks = sent.toks
    for h in sent.hits:
        if h.type != "Place" or h.nested:
            continue
        owner = by_start.get(h.i - 3)  # "the Chinese city of Xi'an"
        if (
            doc.lang == "en" and owner is not None and owner.type == "State"
            and owner.j == h.i - 2 and toks[h.i - 2].lower in _CITY_WORDS
            and toks[h.i - 1].lower == "of"
        ):
            doc.relate(h.entity, "locatedIn", owner.entity, sent, 0.7)
            continue
        g = by_start.get(h.j) or (
            by_start.get(h.j + 1) if h.j < len(toks) and toks[h.j].lower == "in" and (
                doc.lang == "en"
            ) else None
        )
        if g is None or g.type != "State" or g.in_title:
            continue
        gap = text[h.end - base : g.start - base].strip()
        if gap == "(" and text[g.end - base : g.end - base + 1] == ")":
            doc.relate(h.entity, "locatedIn", g.entity, sent, 0.7)  # "Kyzylorda (Kazakhstan)"
            continue
        if gap not in (",", "in"):
            continue
        if text[max(0, h.start - base - 2) : h.start - base].strip() == ",":
            continue  # "..., Samarkand, Uzbekistan": inside a list
        after = by_start.get(g.j)
        tail = text[g.end - base : g.end - base + 5].lstrip().lower()
        if tail.startswith(("and ", "и ")) or (
            tail.startswith(",") and after is not None and after.type in ("State", "Place")
        ):
            continue  # "Astana, Kazakhstan and Russia": a list
        doc.relate(h.entity, "locatedIn", g.entity, sent, 0.7)


_SEAT = ("headquartered", "based", "located", "seated", "расположен", "расположена",
         "находится", "размещается", "орналасқан")


def find_seats(doc: Doc, sent: Sent) -> None:
    """ "The bank ... is headquartered in Almaty", "хатшылығы Астанада орналасқан": an
    organisation is located in the place named with its seat."""
    toks = sent.toks
    for k, tok in enumerate(toks):
        if not tok.lower.startswith(_SEAT):
            continue
        place = next(
            (
                h for h in sent.hits
                if h.type == "Place" and not h.nested
                and (k < h.i <= k + 3 if doc.lang != "kk" else k - 2 <= h.j <= k)
            ),
            None,
        )
        body = next(
            (h for h in reversed(sent.hits) if h.type == "Organization" and h.j <= k
             and not h.nested and not h.in_title and (place is None or h.entity != place.entity)),
            None,
        )
        if place is not None and body is not None:
            doc.relate(body.entity, "locatedIn", place.entity, sent, 0.6)


_SEATED = frozenset({"headquartered", "based", "located", "seated", "opened", "operates",
                     "operated", "operating"})


#: "начал работу", "открылся", "действует" right after "в <city>": the body there
_RU_WORKS = frozenset({"начать", "открыться", "работать", "действовать", "открыть",
                       "разместиться", "функционировать"})
_RU_SEATED = frozenset({"расположить", "расположенный", "располагаться", "базироваться",
                        "находиться", "открыть", "открытый", "штаб-квартира"})


def find_seats_late(doc: Doc) -> None:
    """ "the Secretariat, headquartered in Xi'an", "the UN Regional Centre ..., opened in
    Almaty", "университета ..., расположенного в Туркестане": an organisation's seat (run
    after the discourse pass has found the organisations its anaphors name)."""
    if doc.lang == "kk":
        return
    for sent in doc.sents:
        toks = sent.toks
        located = [
            h for h in sent.hits
            if h.type == "Place" and not h.nested and h.i > 0 and toks[h.i - 1].lower in _IN
        ]
        if doc.lang == "ru":  # "в Алматы начал полноценную работу Региональный центр ООН"
            for g in located:
                verb = next((n for n in range(g.j, min(g.j + 4, len(toks)))
                             if sent.reads[n] & _RU_WORKS), None)
                org = verb is not None and next(
                    (h for h in sent.hits if h.type == "Organization" and not h.nested
                     and not h.in_title and verb < h.i <= verb + 4), None)
                if org:
                    doc.relate(org.entity, "locatedIn", g.entity, sent, 0.5)
        for h in sent.hits:
            if h.type != "Organization" or h.nested or h.in_title:
                continue
            for n in range(h.j, min(h.j + 6, len(toks))):
                if toks[n].lower in _SEATED or sent.reads[n] & _RU_SEATED:
                    there = next((g for g in located if n < g.i <= n + 3), None)
                    if there is not None and not any(
                        sent.covered(m) is not None for m in range(h.j, n)
                    ):
                        doc.relate(h.entity, "locatedIn", there.entity, sent, 0.5)
                    break


def find_places_svo(doc: Doc, sent: Sent) -> None:
    """Where a sentence's events took place: "в Бишкеке", "in Samarkand", and the
    dateline of a first sentence ("ASTANA, June 10 —", "Минск, 26 июня.")."""
    located = [
        h
        for h in sent.hits
        if h.type in ("Place", "State")
        and not h.nested
        and not h.in_title
        and h.i > 0
        and (
            sent.toks[h.i - 1].lower in _IN
            or (h.i > 1 and sent.toks[h.i - 1].lower == "the" and sent.toks[h.i - 2].lower in _IN)
        )
    ]
    by_start = {h.i: h for h in located}
    for h in located:  # "at the Palace of Independence in Astana", "во Дворце ... в Астане"
        g = by_start.get(h.j + 1)
        if h.type == "Place" and g is not None and sent.toks[h.j].lower in _IN:
            doc.relate(h.entity, "locatedIn", g.entity, sent, 0.6)
    places = [h for h in located if h.type == "Place"] or located
    first = sent.toks[0] if sent.toks else None
    dateline = None
    if first is not None:
        lead = next((h for h in sent.hits if h.i == 0 and h.type == "Place" and not h.nested), None)
        rest = sent.text[lead.end - sent.span.start :][:3] if lead else ""
        if lead is not None and rest.lstrip()[:1] in (",", "–", "—", "-", "."):
            dateline = lead  # "ASTANA, June 10 —", "NEW YORK –", "TOKYO. KAZINFORM –"
    _place_in_state(doc, sent)
    if not places and dateline is None:
        return
    for h in sent.hits:
        if h.type != "Event" or h.nested or (h.source == "anaphor" and dateline is None):
            continue
        ev = doc.events.get(h.entity)
        if ev is None or ev.kind in ("Anniversary",):
            continue
        if ev.kind == "Visit" and ev.place is not None:
            continue  # a visit's place is its destination ("his visit to Russia ... in Ukraine")
        near = [p for p in places if p.i > h.j or p.j < h.i]
        place = min(near, key=lambda p: abs(p.i - h.i)) if near else dateline
        if place is None or (h.source == "anaphor" and place is not dateline):
            continue
        if ev.place is None:
            ev.place = place.entity
        doc.relate(h.entity, "locatedIn", place.entity, sent, 0.6)
        city = next(  # "во Дворце Независимости в Астане": in the city too
            (g for g in located if g.i == place.j + 1 and sent.toks[place.j].lower in _IN),
            None,
        )
        if city is not None:
            doc.relate(h.entity, "locatedIn", city.entity, sent, 0.5)
    for h in sent.hits:  # "Региональный центр ООН … в Алматы": an organisation's seat
        if h.type != "Organization" or h.nested or h.in_title or h.j + 1 >= len(sent.toks):
            continue
        if sent.toks[h.j].lower in ("в", "во", "in"):
            there = next((g for g in located if g.i == h.j + 1 and g.type == "Place"), None)
            if there is not None:
                doc.relate(h.entity, "locatedIn", there.entity, sent, 0.5)


_RU_DOCS = {
    "договор": "Treaty",
    "соглашение": "Agreement",
    "декларация": "Declaration",
    "конвенция": "Convention",
    "меморандум": "Memorandum",
    "хартия": "Charter",
    "коммюнике": "Communiqué",
    "план": "Plan",
    "решение": "Decision",
    "заявление": "Statement",
    "обращение": "Appeal",
    "программа": "Programme",
    "протокол": "Protocol",
    "карта": "Roadmap",
    "стратегия": "Strategy",
    "концепция": "Concept",
}
_RU_ADOPT = frozenset(
    {
        "подписать",
        "принять",
        "утвердить",
        "ратифицировать",
        "одобрить",
        "подписание",
        "подписанный",
        "скрепить",
        "обменяться",
        "ратификация",
        "принятый",
        "заключить",
    }
)
#: adjectives of document names, ru -> en
_RU_DOC_ADJ = {
    "совместный": "Joint",
    "межправительственный": "Intergovernmental",
    "дорожный": "",
    "итоговый": "Final",
    "двусторонний": "Bilateral",
    "комплексный": "Comprehensive",
}


def _ru_verb(word: str) -> bool:
    """A finite verb, infinitive or short participle ("закрепляет", "станет", "подписан")."""
    from graph.extract.mentions import ru_parses

    parses = ru_parses(word)
    return bool(parses) and parses[0].tag.POS in ("VERB", "INFN", "PRTS")


def _only_parties(sent: Sent, i: int, j: int, links: tuple[str, ...]) -> bool:
    """Do tokens i..j name only the other parties ("с ОАЭ и Монголией")?"""
    if i >= j:
        return False
    for k in range(i, j):
        hit = sent.covered(k)
        if hit is not None and hit.type == "State":
            continue
        if sent.toks[k].lower not in links:
            return False
    return True


def english_name(doc: Doc, sent: Sent, i: int, j: int) -> str | None:
    """English for tokens i..j of a Russian name (graph/extract/ru_label.py); named
    entities inside keep their labels. None when a word is unknown; "" when empty."""
    from graph.extract.ru_label import english_label

    if i >= j:
        return ""
    inner = {h.i: h for h in sent.hits if i <= h.i and h.j <= j and h.type != "Event"}

    def entity_at(k: int) -> tuple[str, int] | None:
        h = inner.get(i + k)
        return (doc.entities[h.entity].label, h.j - i) if h is not None else None

    return english_label([t.text for t in sent.toks[i:j]], entity_at, after_noun=True)


def find_documents_ru(doc: Doc, sent: Sent) -> None:
    """Documents the gazetteer does not know: "Договор о вечном добрососедстве, ...",
    "подписали План консультаций ...", "Бакинская министерская декларация".

    The name runs from the document noun (or a place adjective before it) to the
    end of the clause; the label is the English noun and the transliterated rest.
    """
    if doc.lang != "ru":
        return
    from graph.extract.entities import _new
    from graph.extract.translit import to_latin

    toks = sent.toks
    base = sent.span.start
    for k, tok in enumerate(toks):
        noun = next((v for r, v in _RU_DOCS.items() if r in sent.reads[k]), None)
        if noun is None or sent.covered(k) is not None:
            continue
        if noun == "Roadmap" and not (k and "дорожный" in sent.reads[k - 1]):
            continue
        adopted = any(r & _RU_ADOPT for r in sent.reads)
        start = k
        adjectives = []
        while start > 0 and sent.covered(start - 1) is None and k - start < 2:
            adj = next((v for r, v in _RU_DOC_ADJ.items() if r in sent.reads[start - 1]), None)
            if adj is None:
                break
            adjectives.insert(0, adj)
            start -= 1
        while (
            start > 0
            and sent.covered(start - 1) is None
            and toks[start - 1].text[:1].isupper()
            and toks[start - 1].lower.endswith(("ская", "скую", "ский", "ское", "ской"))
        ):
            start -= 1  # "Бакинская (министерская) декларация"
        if (
            start > 0
            and toks[start - 1].lower.endswith(("ская", "скую"))
            and start - 2 >= 0
            and toks[start - 2].text[:1].isupper()
        ):
            start -= 2
        direct = k > 0 and bool(sent.reads[k - 1] & _RU_ADOPT)
        generic = noun in ("Decision", "Plan", "Programme", "Statement", "Appeal", "Strategy",
                           "Concept")
        if not (tok.text[:1].isupper() or start < k or (direct if generic else adopted)):
            continue
        end = k + 1
        while end < len(toks) and end - k <= 14:
            gap = sent.text[toks[end - 1].end - base : toks[end].start - base]
            if any(c in gap for c in ".;:") or ("," in gap and not toks[end].lower[:1].isalpha()):
                break
            if "," in gap and not any(t.lower == "и" for t in toks[end : end + 3]):
                break  # "Договор о ..., дружбе и сотрудничестве" goes on; "договора, лидеры" not
            if sent.covered(end) is not None and sent.covered(end).type not in (
                "State",
                "Place",
                "Organization",
            ):
                break
            state = sent.covered(end)
            if toks[end].lower == "не" or (
                state is not None and state.type == "State" and state.i == end
                and ru_cases(toks[end].text) <= {"nomn", "accs"}
                and toks[end - 1].lower not in ("в", "во", "на", "с", "со", "и", "между", "для")
            ):
                break  # "Концепцию ... Азербайджан не подписал": the subject, not the name
            if sent.reads[end] & _RU_ADOPT or ru_past_verb(toks[end].lower) or _ru_verb(
                toks[end].lower
            ) or (
                "," in gap and toks[end].lower in ("который", "которая", "которое", "а", "и")
            ):
                break
            if toks[end].lower in ("и", "а") and end + 1 < len(toks) and (
                any(r in sent.reads[end + 1] for r in _RU_DOCS)
                or (
                    any(r in sent.reads[end + 1] for r in _RU_DOC_ADJ)
                    and end + 2 < len(toks)
                    and any(r in sent.reads[end + 2] for r in _RU_DOCS)
                )
            ):
                break  # "Совместное заявление ... и Дорожную карту ...", not "и совместном"
            end += 1
        while end - 1 > k and toks[end - 1].lower in ("и", "а", "также"):
            end -= 1
        if end - start < 2:
            continue
        if _only_parties(sent, k + 1, end, ("с", "со", "и")):
            continue  # "соглашения с ОАЭ и Монголией": the documents named elsewhere
        english = english_name(doc, sent, k + 1, end) if end > k + 1 else ""
        if (adjectives or start == k) and english is not None:
            # "Совместное заявление ...": English head, then the rest, translated if it can be
            tail = sent.text[toks[k].end - base : toks[end - 1].end - base].strip()
            label = " ".join(a for a in adjectives + [noun] if a)
            rest = f"{english[:1].lower()}{english[1:]}" if english else to_latin(tail)
            label = f"{label} {rest}".strip()
        elif adjectives or start == k:
            tail = sent.text[toks[k].end - base : toks[end - 1].end - base].strip()
            label = " ".join(a for a in adjectives + [noun] if a)
            label = f"{label} {to_latin(tail)}".strip()
        else:
            label = to_latin(sent.text[toks[start].start - base : toks[end - 1].end - base])
        label = label[:1].upper() + label[1:]
        _new(doc, sent, _document_type(noun, label), label, start, end, "document")


def _document_type(noun: str, label: str = "") -> str:
    """A programme, a strategy or a concept is an Initiative (GUIDELINES.md: "programmes, …
    named policies"), the other documents are Treaties; but a programme of cooperation or
    of consultations is a document two parties sign (26 of 30 times in the training gold):
    a Treaty."""
    if noun == "Programme" and not _AGREED_PLAN.search(label):
        return "Initiative"
    if noun in ("Strategy", "Concept"):  # a named policy ("Антинаркотическая стратегия ОДКБ")
        return "Initiative"
    return "Treaty"


#: what makes a programme a signed document: cooperation or consultations between parties
_AGREED_PLAN = re.compile(r"(?i)cooperation|consultation|sotrudnichestv|konsultats")


_EN_DOCS = {
    "memorandum": "Memorandum",
    "agreement": "Agreement",
    "declaration": "Declaration",
    "statement": "Statement",
    "treaty": "Treaty",
    "roadmap": "Roadmap",
    "communique": "Communiqué",
    "communiqué": "Communiqué",
    "convention": "Convention",
    "charter": "Charter",
    "appeal": "Appeal",
    "decision": "Decision",
}
_EN_DOCS.update({"programme": "Programme", "program": "Programme", "plan": "Plan",
                 "protocol": "Protocol", "accords": "Accords", "accord": "Accord",
                 "resolution": "Resolution"})
_EN_ADOPT = frozenset(
    {"signed", "adopted", "approved", "ratified", "sign", "adopt", "concluded", "exchanged",
     "ratify", "signing", "documents"}
)
#: words that end a document's name ("a joint statement as the leader pays a visit")
_EN_DOC_STOP = frozenset(
    {"and", "which", "that", "to", "as", "after", "while", "during", "following", "when",
     "amid", "under", "with", "before", "by", "since", "at", "was", "were", "is", "are",
     "will", "would", "has", "have", "had", "signed", "adopted"}
)
#: words that may stand before a document noun in its name
_EN_DOC_ADJ = frozenset(
    {"joint", "new", "final", "intergovernmental", "bilateral", "draft", "comprehensive",
     "trilateral", "multilateral", "free", "trade", "interim"}
)


#: heads of English document titles ("Agreement on Visa-Free Travel")
_EN_TITLE_HEADS = frozenset(
    {"Treaty", "Agreement", "Convention", "Declaration", "Statement", "Memorandum", "Protocol",
     "Charter", "Communiqué", "Communique", "Roadmap", "Accord", "Resolution"}
)
#: lower-case words inside a title ("Treaty on the Non-Proliferation of Nuclear Weapons")
_EN_TITLE_LINKS = frozenset(
    {"of", "on", "the", "and", "between", "for", "in", "to", "a", "an", "with", "against",
     "regarding", "concerning", "among", "by"}
)
#: what may follow a document's head to make a title
_EN_TITLE_AFTER = frozenset({"of", "on", "between", "for", "regarding", "concerning", "among"})


def find_titled_documents_en(doc: Doc, sent: Sent) -> None:
    """Documents named by a title that starts with its head: "Agreement on Visa-Free
    Travel", "Joint Statement on Comprehensive Strategic Partnership", "Memorandum of
    Understanding on Water Cooperation", "Treaty on Allied Relations between Kazakhstan and
    Uzbekistan" (read before other English names, whose pattern stops at a comma)."""
    if doc.lang != "en":
        return
    from graph.extract.entities import _new

    toks = sent.toks
    base = sent.span.start
    n = 0
    while n < len(toks):
        tok = toks[n]
        if tok.text not in _EN_TITLE_HEADS or sent.covered(n) is not None:
            n += 1
            continue
        start = n
        while start > 0 and toks[start - 1].text[:1].isupper() and (
            toks[start - 1].lower in _EN_DOC_ADJ
        ) and sent.covered(start - 1) is None:
            start -= 1  # "Joint Statement", "Intergovernmental Agreement"
        end = n + 1
        if end < len(toks) and toks[end].lower == "of" and end + 1 < len(toks) and (
            toks[end + 1].text == "Understanding"
        ):
            end += 2
        if end >= len(toks) or toks[end].lower not in _EN_TITLE_AFTER:
            n += 1
            continue
        last = end - 1
        k = end
        while k < len(toks) and k - n <= 16:
            gap = sent.text[toks[k - 1].end - base : toks[k].start - base]
            if any(c in gap for c in ".;:()«»\"“”") or (
                "," in gap and not toks[k].text[:1].isupper()
            ):  # "Good-Neighbourliness, Friendship and Cooperation" stays one title
                break
            word = toks[k]
            hit = sent.covered(k)
            if word.lower in ("in", "at") and k + 1 < len(toks):
                after = sent.covered(k + 1)
                if after is not None and after.type == "Place":
                    break  # "signed the Treaty on the State Border in Bishkek"
            if hit is not None and hit.type not in ("State", "Place", "Organization", "Forum"):
                break
            if word.text in _EN_TITLE_HEADS and any(
                toks[x].lower == "and" for x in range(last + 1, k)
            ):
                break  # "the Treaty on ... and a Memorandum on ...": two documents
            if word.text[:1].isupper() or word.text[:1].isdigit() or hit is not None:
                last = k
            elif word.lower not in _EN_TITLE_LINKS:
                break
            k += 1
        if last < end:
            n += 1
            continue  # "Agreement on cooperation": no title
        for h in sent.hits:
            if start <= h.i and h.j <= last + 1:
                h.nested = True
        label = sent.text[toks[start].start - base : toks[last].end - base]
        _new(doc, sent, "Treaty", label, start, last + 1, "document")
        n = last + 1


def find_documents_en(doc: Doc, sent: Sent) -> None:
    """Documents named in lower (or mixed) case where they are signed: "signed a memorandum
    of understanding on critical minerals", "adopted a joint declaration of the summit"."""
    if doc.lang != "en":
        return
    from graph.extract.entities import _new

    toks = sent.toks
    base = sent.span.start
    adopted = any(t.lower in _EN_ADOPT for t in toks)
    for n, tok in enumerate(toks):
        if tok.lower not in _EN_DOCS or sent.covered(n) is not None:
            continue
        if tok.text[:1].isupper() and (n == 0 or toks[n - 1].lower not in ("a", "an", "the")):
            continue  # ("a Memorandum of Understanding on critical minerals": one in mixed case)
        if n + 1 < len(toks) and toks[n + 1].lower in ("signed", "adopted"):
            pass  # "the agreement signed in 2013"
        start = n
        while start > 0 and toks[start - 1].lower in _EN_DOC_ADJ and not sent.covered(start - 1):
            start -= 1
        drafted = any(toks[x].lower in ("draft", "free", "interim") for x in range(start, n))
        if not adopted and not drafted:
            continue  # a document is named where it is signed, adopted or drafted
        if start == n and (n == 0 or toks[n - 1].lower not in ("a", "an", "the")):
            continue  # a bare "agreement" in running text
        end = n + 1
        while end < len(toks) and end - n <= 10:
            gap = sent.text[toks[end - 1].end - base : toks[end].start - base]
            if any(c in gap for c in ".,;:") or toks[end].lower in _EN_DOC_STOP:
                break
            hit = sent.covered(end)
            if hit is not None and hit.type not in ("State", "Place", "Organization", "Forum"):
                break
            end += 1
        if end - start < 2 or _only_parties(sent, n + 1, end, ("with", "and", "the")):
            continue  # "agreements with the UAE": the documents named elsewhere
        label = sent.text[toks[start].start - base : toks[end - 1].end - base]
        kind = _document_type(_EN_DOCS.get(toks[n].lower, ""), label)
        _new(doc, sent, kind, label[:1].upper() + label[1:], start, end, "document")


#: heads of names of recurring bodies the gazetteer may not know
_RU_BODY_HEADS = {"совет": "Council", "комиссия": "Commission", "форум": "Forum",
                  "комитет": "Committee"}
_RU_BODY_ADJ = {"межправительственный": "Intergovernmental", "высший": "Supreme",
                "межгосударственный": "Interstate", "деловой": "Business",
                "экономический": "Economic", "совместный": "Joint",
                "межпарламентский": "Interparliamentary", "консультативный": "Consultative"}


#: parts of speech that end a body's name ("Форум пройдет", "Форум давно", "Совет избраны")
_NOT_IN_NAME = frozenset({"VERB", "INFN", "ADVB", "PRTS", "PRED", "GRND", "ADJS"})


def _ends_name(word: str) -> bool:
    return ru_pos(word) in _NOT_IN_NAME


def find_bodies_ru(doc: Doc, sent: Sent) -> None:
    """ "Межправительственной комиссии по сотрудничеству между Российской Федерацией и
    Республикой Казахстан", "Совета стратегического сотрудничества высокого уровня":
    a named body that meets (a Forum) the gazetteer does not know."""
    if doc.lang != "ru":
        return
    from graph.extract.entities import _new_named, body_type
    from graph.extract.translit import to_latin

    toks = sent.toks
    base = sent.span.start
    for k in range(len(toks)):
        if sent.covered(k) is not None:
            continue
        head = next((v for w, v in _RU_BODY_HEADS.items() if w in sent.reads[k]), None)
        if head is None:
            continue
        start = k
        adjs = []
        while start > 0 and sent.covered(start - 1) is None:
            adj = next((v for w, v in _RU_BODY_ADJ.items() if w in sent.reads[start - 1]), None)
            if adj is None and toks[start - 1].lower.startswith("высш"):
                adj = "Supreme"  # (pymorphy reads "Высшего" as a form of "высокий")
            prev = toks[start - 1]
            if adj is None and prev.text.islower() and ru_pos(prev.lower) == "ADJF":
                adj = ""  # "Межгосударственной координационной водохозяйственной комиссии"
            if adj is None:
                break
            adjs.insert(0, adj)
            start -= 1
        if "" in adjs and not any(adjs):
            start, adjs = k, []  # "Исполнительного комитета", "Предыдущий форум": no name
        if not toks[start].text[:1].isupper():
            continue  # a body's name is capitalised ("Межправительственной комиссии")
        end = k + 1
        while end < len(toks) and end - k <= 10:
            gap = sent.text[toks[end - 1].end - base : toks[end].start - base]
            pair = (  # "совета Казахстан – Азербайджан": the two states of the body
                gap.strip() in ("–", "—", "-")
                and getattr(sent.covered(end - 1), "type", None) == "State"
                and getattr(sent.covered(end), "type", None) == "State"
            )
            if any(c in gap for c in ",.;:()«»–—") and not pair:
                break
            hit = sent.covered(end)
            if hit is not None and hit.type != "State":
                break
            if hit is None and (
                sent.reads[end] & _RU_ADOPT or ru_past_verb(toks[end].lower)
                or _ends_name(toks[end].lower)
            ):
                break
            if hit is not None and "gent" not in ru_cases(toks[hit.i].text) and not pair and not (
                hit.j < len(toks)
                and sent.text[toks[hit.j - 1].end - base : toks[hit.j].start - base].strip()
                in ("–", "—", "-")
                and getattr(sent.covered(hit.j), "type", None) == "State"
            ):  # "В Совете Казахстан будет ...": the subject, not the council's state (but
                break  # "совета Казахстан – Азербайджан" names the pair)
            if toks[end].lower in ("в", "во", "на", "который", "которая"):
                break
            if toks[end].lower in ("и", "а") and end + 1 < len(toks) and (
                toks[end + 1].text[:1].isupper() and sent.covered(end + 1) is None
            ):
                break  # "... комиссии и Межправительственной комиссии": the next body
            end += 1
        if start == k == 0 and end - start < 3:
            continue  # "Форум давно ...": capitalised as the sentence's first word only
        if end - start < 2 or (adjs == ["Supreme"] and end == k + 1):
            continue  # ("Высшего совета": the council named before, by its short name)
        rest = sent.text[toks[k].end - base : toks[end - 1].end - base].strip()
        english = english_name(doc, sent, k + 1, end)
        parties = [h for h in sent.hits if h.type == "State" and k < h.i and h.j <= end]
        if parties and all(
            sent.covered(n) is not None or toks[n].lower == "и" for n in range(k + 1, end)
        ):  # "совета Казахстан – Азербайджан", "совета Казахстана и Азербайджана"
            english = "of " + " and ".join(doc.entities[h.entity].label for h in parties)
        if "" in adjs:  # an adjective with no English of its own: the name transliterated
            whole = sent.text[toks[start].start - base : toks[end - 1].end - base]
            label = f"{head} {to_latin(whole)}"
        elif english:
            label = " ".join(adjs + [head]) + f" {english[:1].lower()}{english[1:]}"
        else:
            label = " ".join(adjs + [head]) + (f" {to_latin(rest)}" if rest else "")
        if head == "Forum" and "Business" in adjs:  # "Деловой форум ...": held once, an Event
            doc.event(_new_named(doc, sent, "Event", label, start, end), "Event")
            continue
        meets = "Intergovernmental" in adjs or len(parties) >= 2
        _new_named(doc, sent, body_type(head, meets), label, start, end)




#: Russian words for a region after its adjective ("Оренбургская область", "Алтайский край")
_RU_REGIONS = {"область": "Region", "край": "Krai", "округ": "Okrug"}


def find_regions_ru(doc: Doc, sent: Sent) -> None:
    """ "губернатор Оренбургской области", "делегации Омской и Тюменской областей": a region
    the reference data does not know, named by its adjective (each of a pair), labelled by
    the city it is named after when the reference data knows it ("Orenburg Region")."""
    if doc.lang != "ru":
        return
    from graph.extract.entities import _new_named
    from graph.extract.translit import to_latin

    toks = sent.toks
    for k in range(1, len(toks)):
        word = next((w for w in _RU_REGIONS if w in sent.reads[k]), None)
        if word is None or sent.covered(k) is not None:
            continue
        names: list[int] = []  # the adjectives, last first
        n = k - 1
        while n >= 0 and sent.covered(n) is None:
            parses = ru_parses(toks[n].lower)
            if not (toks[n].text[:1].isupper() and parses and parses[0].tag.POS == "ADJF"):
                break
            names.append(n)
            if n >= 2 and toks[n - 1].lower == "и":
                n -= 2  # "Омской и Тюменской областей"
                continue
            break
        for n in reversed(names):
            stem = ru_parses(toks[n].lower)[0].normal_form
            base = re.sub(r"(ий|ой)$", "", stem)  # "омский" -> "омск", "оренбургский" ->
            places = doc.gaz.index(str.casefold, "Place")  # "оренбург", "тюменский" -> "тюмень"
            city = next((places[c] for c in (base, base[:-2], base[:-2] + "ь") if places.get(c)),
                        None)
            known = doc.gaz.get(city).label if city else None
            label = f"{known or to_latin(stem).capitalize()} {_RU_REGIONS[word]}"
            _new_named(doc, sent, "Place", label, n, k + 1 if n == names[0] else n + 1)
