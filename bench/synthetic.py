"""A synthetic news corpus with dkg's exact shape, and an on-disk store filled with it.

``generate(n, seed)`` yields :class:`graph.models.Extraction` objects as the
extractor would: a few thousand entities (the real gazetteer entries, known,
plus synthetic officials, states, organisations, forums, events, treaties,
initiatives and places with ids such as ``official/synthetic-123``) drawn with
a Zipf-like popularity; 8-15 entities and 10-20 relations of every predicate
per article; events dated 2015-2026; one evidence sentence per relation, in
Kazakh, Russian or English, set into the article text at the right offsets.

``build_store(path, target_triples)`` maps the articles through
:func:`graph.mapping.article_triples` (so the data is exactly what ingest
writes) and bulk-loads them as N-Quads, one named graph per article, after
the ontology and the reference graph.

    python bench/synthetic.py --triples 1000000 --out var/bench-store
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import random
import re
import shutil
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from rdflib import Literal, URIRef

from graph.mapping import article_iri, article_triples
from graph.models import Article, Entity, Event, Extraction, Mention, Relation, Span

EXTRACTOR = "dkg-rules/0.1.0"
LANG_SHARE = (("kk", 0.4), ("ru", 0.35), ("en", 0.25))
ZIPF_S = 1.05

#: synthetic entities per type (the gazetteer adds ~460 known ones)
POPULATION = {
    "Official": 1500, "State": 40, "Organization": 300, "Forum": 150, "Event": 1500,
    "Treaty": 200, "Initiative": 300, "Place": 300,
}
#: the gazetteer entities put at the head of their type's popularity ranking
HEAD = ("state/kz", "official/kassym-jomart-tokayev", "organization/un", "forum/unga",
        "place/astana")

_SYLLABLES = ("ka", "zan", "bek", "nur", "a", "li", "mar", "dan", "sul", "tan", "er", "zhan",
              "as", "kar", "ser", "gei", "vik", "tor", "ol", "ga", "mi", "ra", "sa", "bol",
              "at", "ay", "gul", "dar", "khan", "tem", "ir", "lan", "nis", "to", "mu", "rat",
              "e", "le", "na", "shy", "ba", "ros", "tu", "ko", "di", "yu")
_SURNAME_END = ("ov", "ev", "uly", "bayev", "in", "enko", "kyzy", "ova", "ski")
_CYR = [("zh", "ж"), ("kh", "х"), ("sh", "ш"), ("ch", "ч"), ("yu", "ю"), ("ya", "я"),
        ("ay", "ай"), ("ey", "ей"), ("y", "ы")] + list(zip(
            "abvgdezijklmnoprstufhc", "абвгдезийклмнопрстуфхц", strict=True))

ROLES = ("President", "Prime Minister", "Minister of Foreign Affairs",
         "First Deputy Minister of Foreign Affairs", "Deputy Minister of Foreign Affairs",
         "Ambassador", "Permanent Representative", "Secretary-General", "Special Envoy")
EVENT_KINDS = ("Session", "Segment", "Summit", "Meeting", "Visit", "Conference",
               "Referendum", "Anniversary", "Ceremony", "Event")
TOPICS = {
    "en": ("water security", "nuclear disarmament", "climate adaptation", "trade and transit",
           "transport connectivity", "human rights", "regional security", "food security",
           "digital cooperation", "the reform of the Security Council"),
    "ru": ("водной безопасности", "ядерного разоружения", "адаптации к изменению климата",
           "торговли и транзита", "транспортной связанности", "прав человека",
           "региональной безопасности", "продовольственной безопасности",
           "цифрового сотрудничества", "реформы Совета Безопасности"),
    "kk": ("су қауіпсіздігі", "ядролық қарусыздану", "климаттың өзгеруіне бейімделу",
           "сауда және транзит", "көлік байланысы", "адам құқықтары", "өңірлік қауіпсіздік",
           "азық-түлік қауіпсіздігі", "цифрлық ынтымақтастық", "Қауіпсіздік Кеңесінің реформасы"),
}
FILLER = {
    "en": ("The sides stressed the importance of {t} and agreed to continue a regular dialogue "
           "at the level of foreign ministries.",
           "Particular attention was paid to {t}, as well as to the preparation of upcoming "
           "high-level contacts."),
    "ru": ("Стороны подчеркнули важность {t} и договорились продолжить регулярный диалог "
           "на уровне внешнеполитических ведомств.",
           "Особое внимание было уделено вопросам {t}, а также подготовке предстоящих "
           "контактов на высшем уровне."),
    "kk": ("Тараптар {t} мәселесінің маңыздылығын атап өтіп, сыртқы саяси ведомстволар "
           "деңгейінде тұрақты диалогты жалғастыруға уағдаласты.",
           "Сондай-ақ {t} мәселелеріне және алдағы жоғары деңгейдегі байланыстарды "
           "дайындауға ерекше назар аударылды."),
}
#: one evidence sentence per predicate and language; {s} and {o} are entity names
TEMPLATES = {
    "participatedIn": {
        "en": "{s} took part in the {o}, where the delegation set out its position on {t}.",
        "ru": "{s} принял участие в мероприятии «{o}», где изложил позицию по вопросам {t}.",
        "kk": "{s} {o} жұмысына қатысып, {t} мәселесі бойынша ұстанымын баяндады."},
    "holdsPositionIn": {
        "en": "{r} of {o} {s} noted that {t} remains a priority of the country's foreign policy.",
        "ru": "{r} ({o}) {s} отметил, что вопросы {t} остаются приоритетом внешней политики.",
        "kk": "{o} {r} {s} {t} сыртқы саясаттың басым бағыты болып қала беретінін атап өтті."},
    "represents": {
        "en": "{s}, representing {o}, delivered a statement on {t} before the delegations.",
        "ru": "{s}, представляющий {o}, выступил с заявлением по вопросам {t}.",
        "kk": "{o} атынан {s} {t} мәселесі бойынша мәлімдеме жасады."},
    "proposed": {
        "en": "{s} proposed the {o} as a practical contribution to {t}.",
        "ru": "{s} выдвинул инициативу «{o}» как практический вклад в решение вопросов {t}.",
        "kk": "{s} {t} саласындағы нақты үлес ретінде «{o}» бастамасын ұсынды."},
    "supports": {
        "en": "{s} expressed support for the {o} and its goals in the field of {t}.",
        "ru": "{s} выразил поддержку «{o}» и ее целям в области {t}.",
        "kk": "{s} «{o}» бастамасына және оның {t} саласындағы мақсаттарына қолдау білдірді."},
    "calledFor": {
        "en": "{s} called on the international community to advance the {o} in the interests of {t}.",  # noqa: E501
        "ru": "{s} призвал международное сообщество продвигать «{o}» в интересах {t}.",
        "kk": "{s} халықаралық қоғамдастықты {t} мүддесі үшін «{o}» ілгерілетуге шақырды."},
    "partyTo": {
        "en": "{s} has been a party to the {o} since its entry into force and upholds its provisions on {t}.",  # noqa: E501
        "ru": "{s} является участником «{o}» с момента его вступления в силу.",
        "kk": "{s} «{o}» күшіне енген сәттен бастап оның қатысушысы болып табылады."},
    "signed": {
        "en": "{s} signed the {o}, which opens new opportunities for {t}.",
        "ru": "{s} подписал «{o}», открывающий новые возможности в сфере {t}.",
        "kk": "{s} {t} саласында жаңа мүмкіндіктер ашатын «{o}» құжатына қол қойды."},
    "metWith": {
        "en": "{s} met {o} to discuss {t} and the schedule of bilateral contacts.",
        "ru": "{s} встретился с {o}, обсудив вопросы {t} и график двусторонних контактов.",
        "kk": "{s} {o} кездесіп, {t} мәселесін және екіжақты байланыстар кестесін талқылады."},
    "locatedIn": {
        "en": "The {s} took place in {o}, bringing together delegations working on {t}.",
        "ru": "{s} прошло в городе {o} и собрало делегации, работающие над вопросами {t}.",
        "kk": "{s} {o} қаласында өтіп, {t} мәселесімен айналысатын делегацияларды жинады."},
    "partOf": {
        "en": "The {s} was held within the framework of the {o} and focused on {t}.",
        "ru": "{s} состоялось в рамках «{o}» и было посвящено вопросам {t}.",
        "kk": "{s} «{o}» аясында өтіп, {t} мәселесіне арналды."},
    "commemorates": {
        "en": "The {s} marked the anniversary of the {o} and recalled its role in {t}.",
        "ru": "{s} было приурочено к годовщине «{o}» и напомнило о его роли в вопросах {t}.",
        "kk": "{s} «{o}» мерейтойына арналып, оның {t} саласындағы рөлін еске салды."},
}
#: (subject types, object types) of each predicate; the weights give all predicates
SIGNATURES = {
    "participatedIn": (("Official", "Official", "State", "Organization"), ("Event",), 5),
    "holdsPositionIn": (("Official",), ("State", "State", "Organization"), 3),
    "represents": (("Official",), ("State",), 2),
    "proposed": (("Official", "State"), ("Initiative",), 2),
    "supports": (("State", "Official", "Organization"), ("Initiative", "Treaty"), 2),
    "calledFor": (("Official", "State"), ("Initiative", "Treaty"), 1.5),
    "partyTo": (("State",), ("Treaty",), 1),
    "signed": (("Official", "State"), ("Treaty",), 1),
    "metWith": (("Official",), ("Official",), 3),
    "locatedIn": (("Event",), ("Place", "State"), 1.5),
    "partOf": (("Event",), ("Forum", "Event"), 2),
    "commemorates": (("Event",), ("Treaty", "Event"), 0.5),
}
_PREDICATES = tuple(SIGNATURES)
_PRED_CUM = list(itertools.accumulate(w for *_, w in SIGNATURES.values()))
_PLACEHOLDER = re.compile(r"\{([a-z])\}")
_EPOCH = date(2015, 1, 1)
_DAYS = (date(2026, 12, 31) - _EPOCH).days


@dataclass
class _Node:
    """One entity of the synthetic world."""

    id: str
    type: str
    labels: dict[str, str]
    known: bool = False
    wikidata: str | None = None
    event: Event | None = None  # for events: date, place, kind, ...
    extra: dict = field(default_factory=dict)


def _latin(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(n)).capitalize()


def _cyrillic(latin: str) -> str:
    out, i, low = [], 0, latin.lower()
    while i < len(low):
        for src, dst in _CYR:
            if low.startswith(src, i):
                out.append(dst)
                i += len(src)
                break
        else:
            out.append(low[i])
            i += 1
    word = "".join(out)
    return word[:1].upper() + word[1:]


def _names(en: str, ru: str, kk: str) -> dict[str, str]:
    return {"en": en, "ru": ru, "kk": kk}


def _synthetic_node(rng: random.Random, type_: str, n: int) -> _Node:
    stem = _latin(rng, rng.randint(2, 3))
    cyr = _cyrillic(stem)
    eid = f"{type_.lower()}/synthetic-{n}"
    if type_ == "Official":
        first = _latin(rng, 2)
        last = _latin(rng, rng.randint(2, 3)) + rng.choice(_SURNAME_END)
        labels = _names(f"{first} {last}", f"{_cyrillic(first)} {_cyrillic(last)}",
                        f"{_cyrillic(first)} {_cyrillic(last)}")
    elif type_ == "State":
        labels = _names(f"Republic of {stem}", f"Республика {cyr}", f"{cyr} Республикасы")
    elif type_ == "Organization":
        labels = _names(f"{stem} Development Agency", f"Агентство развития {cyr}",
                        f"{cyr} даму агенттігі")
    elif type_ == "Forum":
        labels = _names(f"{stem} Dialogue Forum", f"Форум диалога {cyr}",
                        f"{cyr} диалог форумы")
    elif type_ == "Treaty":
        labels = _names(f"Treaty of {stem} on Cooperation", f"Договор {cyr} о сотрудничестве",
                        f"{cyr} ынтымақтастық туралы шарты")
    elif type_ == "Initiative":
        labels = _names(f"{stem} Partnership Initiative", f"Инициатива партнерства {cyr}",
                        f"{cyr} серіктестік бастамасы")
    elif type_ == "Place":
        labels = _names(stem, cyr, cyr)
    else:
        raise ValueError(type_)
    wikidata = f"Q{rng.randint(1000, 9_999_999)}" if rng.random() < 0.2 else None
    return _Node(eid, type_, labels, wikidata=wikidata)


def _random_date(rng: random.Random) -> str:
    day = _EPOCH + timedelta(days=rng.randrange(_DAYS + 1))
    r = rng.random()
    if r < 0.8:
        return day.isoformat()
    return f"{day.year:04d}-{day.month:02d}" if r < 0.95 else f"{day.year:04d}"


class World:
    """The entities of the synthetic corpus, ranked by popularity within each type."""

    def __init__(self, seed: int = 0, *, gazetteer: object | None = None) -> None:
        rng = random.Random(f"world-{seed}")
        pools: dict[str, list[_Node]] = {t: [] for t in POPULATION}
        if gazetteer is not None:
            for entry in gazetteer.entries():  # type: ignore[attr-defined]
                if entry.type in pools:
                    names = {lang: entry.names.get(lang) or entry.label for lang in ("en", "ru", "kk")}  # noqa: E501
                    pools[entry.type].append(_Node(entry.id, entry.type, names, known=True))
        for type_, count in POPULATION.items():
            if type_ == "Event":
                continue
            pools[type_] += [_synthetic_node(rng, type_, i) for i in range(count)]
        for nodes in pools.values():
            rng.shuffle(nodes)
            nodes.sort(key=lambda n: HEAD.index(n.id) if n.id in HEAD else len(HEAD))
        for i in range(POPULATION["Event"]):
            pools["Event"].append(self._event(rng, i, pools))
        self.pools = pools
        self.by_id = {n.id: n for nodes in pools.values() for n in nodes}
        self.anniversaries = [n for n in pools["Event"] if n.event and n.event.kind == "Anniversary"]  # noqa: E501
        self.cum = {
            t: list(itertools.accumulate(1 / (r + 1) ** ZIPF_S for r in range(len(nodes))))
            for t, nodes in pools.items()
        }

    @staticmethod
    def _event(rng: random.Random, i: int, pools: dict[str, list[_Node]]) -> _Node:
        kind = rng.choices(EVENT_KINDS, weights=(5, 2, 3, 4, 3, 3, 0.5, 1, 1, 1))[0]
        forum = pools["Forum"][min(int(rng.paretovariate(1.0)) - 1, len(pools["Forum"]) - 1)]
        place = pools["Place"][min(int(rng.paretovariate(0.8)) - 1, len(pools["Place"]) - 1)]
        when = _random_date(rng)
        year = when[:4]
        ev = Event(id=f"event/synthetic-{i}", date=when, place=place.id, kind=kind)
        fen, fru = forum.labels["en"], forum.labels["ru"]
        if kind == "Session":
            ev.ordinal = rng.randint(1, 80)
            labels = _names(f"{ev.ordinal}th session of the {fen}", f"{ev.ordinal}-я сессия {fru}",
                            f"{forum.labels['kk']} {ev.ordinal}-сессиясы")
        elif kind == "Anniversary":
            ev.years = rng.choice((5, 10, 20, 25, 30, 35, 50, 75, 80))
            ev.base_year = int(year) - ev.years
            labels = _names(f"{ev.years}th anniversary of the {fen}",
                            f"{ev.years}-летие {fru}", f"{forum.labels['kk']} {ev.years} жылдығы")
        else:
            labels = _names(f"{fen} {kind.lower()} {year} #{i}", f"{fru}: {kind.lower()} {year} #{i}",  # noqa: E501
                            f"{forum.labels['kk']} {year} #{i}")
        node = _Node(ev.id, "Event", labels, event=ev)
        node.extra["forum"] = forum.id
        return node

    def draw(self, rng: random.Random, type_: str) -> _Node:
        cum = self.cum[type_]
        return self.pools[type_][bisect.bisect_left(cum, rng.random() * cum[-1])]

    def __len__(self) -> int:
        return len(self.by_id)


class _ArticleBuilder:
    """Collects sentences, mentions and relations of one article, keeping offsets exact."""

    def __init__(self, lang: str, title: str) -> None:
        self.lang = lang
        self.parts: list[str] = [title, "\n\n"]
        self.pos = len(title) + 2
        self.sentences: list[Span] = []
        self.mentions: dict[str, list[Mention]] = {}

    def sentence(self, template: str, values: dict[str, str], ids: dict[str, str]) -> Span:
        if self.sentences and self.parts[-1] != "\n\n":
            self.parts.append(" ")
            self.pos += 1
        start = offset = self.pos
        text_parts: list[str] = []
        cursor = 0
        for m in _PLACEHOLDER.finditer(template):
            literal = template[cursor:m.start()]
            text_parts.append(literal)
            offset += len(literal)
            value = values[m.group(1)]
            if m.group(1) in ids:
                self.mentions.setdefault(ids[m.group(1)], []).append(
                    Mention(offset, offset + len(value), value))
            text_parts.append(value)
            offset += len(value)
            cursor = m.end()
        text_parts.append(template[cursor:])
        text = "".join(text_parts)
        self.parts.append(text)
        self.pos = start + len(text)
        span = Span(start, self.pos, text)
        self.sentences.append(span)
        return span

    def paragraph(self) -> None:
        self.parts.append("\n\n")
        self.pos += 2

    @property
    def text(self) -> str:
        return "".join(self.parts)


def _title(lang: str, node: _Node, topic: str) -> str:
    name = node.labels[lang]
    return {"en": f"{name}: talks on {topic}", "ru": f"{name}: переговоры по вопросам {topic}",
            "kk": f"{name}: {topic} мәселесі бойынша келіссөздер"}[lang]


def generate(n_articles: int, seed: int = 0, *, world: World | None = None) -> Iterator[Extraction]:
    """``n_articles`` synthetic extractions, deterministic for a seed."""
    if world is None:
        from graph.gazetteer import load_gazetteer

        world = World(seed, gazetteer=load_gazetteer())
    for i in range(n_articles):
        yield _article(world, random.Random(f"article-{seed}-{i}"), i)


def _article(world: World, rng: random.Random, n: int) -> Extraction:
    lang = rng.choices([lang for lang, _ in LANG_SHARE], [w for _, w in LANG_SHARE])[0]
    topics = TOPICS[lang]
    main_event = world.draw(rng, "Event") if rng.random() < 0.85 else None
    n_entities = rng.randint(8, 15)
    n_relations = rng.randint(10, 20)
    chosen: dict[str, _Node] = {}
    by_type: dict[str, list[_Node]] = {}

    def take(node: _Node) -> _Node:
        if node.id not in chosen:
            chosen[node.id] = node
            by_type.setdefault(node.type, []).append(node)
        return node

    def pick(types: tuple[str, ...], avoid: str | None = None) -> _Node:
        type_ = rng.choice(types)
        have = [x for x in by_type.get(type_, ()) if x.id != avoid]
        if have and (len(chosen) >= n_entities or rng.random() < 0.5):
            return rng.choice(have)
        for _ in range(5):
            node = world.draw(rng, type_)
            if node.id != avoid:
                return take(node)
        return take(world.pools[type_][-1])

    if main_event is not None:
        take(main_event)
    triples: dict[tuple[str, str, str], str | None] = {}
    rel_specs: list[tuple[str, _Node, _Node, str | None]] = []
    if main_event is not None:
        forum = world.by_id[main_event.extra["forum"]]
        take(forum)
        rel_specs.append(("partOf", main_event, forum, None))
    for _ in range(n_relations * 3):
        if len(rel_specs) >= n_relations:
            break
        pred = _PREDICATES[bisect.bisect_left(_PRED_CUM, rng.random() * _PRED_CUM[-1])]
        subj_types, obj_types, _ = SIGNATURES[pred]
        if pred == "participatedIn" and main_event is not None and rng.random() < 0.7:
            s, o = pick(subj_types), main_event
        elif pred == "commemorates":
            anniversaries = world.anniversaries
            s = take(anniversaries[min(int(rng.paretovariate(1.0)) - 1, len(anniversaries) - 1)])
            o = pick(obj_types, avoid=s.id)
        else:
            s = pick(subj_types)
            o = pick(obj_types, avoid=s.id)
        if s.id == o.id or (s.id, pred, o.id) in triples:
            continue
        role = rng.choice(ROLES) if pred == "holdsPositionIn" else None
        triples[(s.id, pred, o.id)] = role
        rel_specs.append((pred, s, o, role))

    published = (main_event.event.date if main_event and main_event.event else None) or \
        _random_date(rng)
    if len(published) != 10:
        published = _random_date(rng)
    topic = rng.randrange(len(topics))
    headline_node = next(iter(chosen.values()))
    builder = _ArticleBuilder(lang, _title(lang, headline_node, topics[topic]))
    relations: list[Relation] = []
    for k, (pred, s, o, role) in enumerate(rel_specs):
        if k and k % 4 == 0:
            builder.paragraph()
        values = {"s": s.labels[lang], "o": o.labels[lang], "r": role or "",
                  "t": topics[rng.randrange(len(topics))]}
        span = builder.sentence(TEMPLATES[pred][lang], values, {"s": s.id, "o": o.id})
        if rng.random() < 0.3:
            builder.sentence(rng.choice(FILLER[lang]),
                             {"t": topics[rng.randrange(len(topics))]}, {})
        event_date = o.event.date if o.event is not None else None
        relations.append(Relation(
            subject=s.id, predicate=pred, object=o.id, evidence=span.text, start=span.start,
            end=span.end, confidence=round(rng.uniform(0.6, 0.95), 2), role=role,
            date=None if event_date else published,
            event=main_event.id if main_event is not None and o.id != main_event.id else None,
        ))
    text = builder.text
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    article = Article(
        id=content_hash[:16], text=text, lang=lang,
        title=builder.parts[0], date=published,
        url=f"https://news.example.org/{lang}/{published[:4]}/{content_hash[:12]}",
        source="Synthetic News Agency", content_hash=content_hash,
        title_span=Span(0, len(builder.parts[0]), builder.parts[0]),
        body=[Span(s.start, s.end, s.text) for s in builder.sentences],
        sentences=builder.sentences,
    )
    entities: list[Entity] = []
    events: list[Event] = []
    for node in chosen.values():
        mentions = builder.mentions.get(node.id)
        if not mentions:  # every entity of an extraction is mentioned
            continue
        entities.append(Entity(
            id=node.id, type=node.type, label=node.labels["en"], labels=dict(node.labels),
            wikidata=node.wikidata, mentions=mentions, known=node.known,
            event_kind=node.event.kind if node.event else None,
        ))
        if node.event is not None:
            ev = node.event
            participants = [s for (s, p, o) in triples if p == "participatedIn" and o == node.id]
            events.append(Event(
                id=ev.id, date=ev.date, place=ev.place, participants=participants, kind=ev.kind,
                ordinal=ev.ordinal, commemorates=ev.commemorates, years=ev.years,
                base_year=ev.base_year,
            ))
    return Extraction(article=article, entities=entities, relations=relations, events=events,
                      extractor=EXTRACTOR)


# -- into a store ---------------------------------------------------------------


def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r"))


def nq_term(term: object) -> str:
    """One rdflib term in N-Quads syntax.

    >>> nq_term(Literal("a\\"b", lang="kk")), nq_term(URIRef("urn:x"))
    ('"a\\\\"b"@kk', '<urn:x>')
    """
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        if term.language:
            return f'"{_escape(str(term))}"@{term.language}'
        if term.datatype is not None:
            return f'"{_escape(str(term))}"^^<{term.datatype}>'
        return f'"{_escape(str(term))}"'
    raise TypeError(f"cannot write {term!r} as N-Quads")


def nquads(graph: str, triples: Iterable[tuple[object, object, object]]) -> str:
    """N-Quads of ``triples`` in the named graph ``graph``."""
    g = f"<{graph}>"
    return "".join(f"{nq_term(s)} {nq_term(p)} {nq_term(o)} {g} .\n" for s, p, o in triples)


def ingested_at(extraction: Extraction) -> datetime:
    """A fixed ingest time for an article (its publication day), so data is reproducible."""
    year, month, day = ((extraction.article.date or "2020").split("-") + ["01", "01"])[:3]
    return datetime(int(year), int(month), int(day), 9, tzinfo=UTC)


def article_quads(extraction: Extraction) -> tuple[str, list]:
    """(graph IRI, triples) of one article, mapped exactly as ingest does."""
    return (str(article_iri(extraction.article)),
            article_triples(extraction, ingested=ingested_at(extraction)))


@dataclass
class BuildReport:
    articles: int
    quads: int  # quads added in article graphs
    reference_quads: int
    seconds_generate: float  # generating + mapping + formatting N-Quads
    seconds_load: float
    path: str


def build_store(path: str | Path, target_triples: int = 1_000_000, seed: int = 0, *,
                chunk: int = 400, fresh: bool = True,
                progress: bool = False) -> BuildReport:
    """Fill an on-disk store with synthetic articles (one named graph each) up to
    about ``target_triples`` quads, after the ontology and reference graphs."""
    from graph.gazetteer import load_gazetteer
    from graph.pipeline import ensure_reference
    from graph.store import EmbeddedStore

    path = Path(path)
    if fresh and path.exists():
        shutil.rmtree(path)
    gazetteer = load_gazetteer()
    store = EmbeddedStore(path)
    try:
        ensure_reference(store, gazetteer)
        reference = len(store._store)  # noqa: SLF001 - a count, read only
        world = World(seed, gazetteer=gazetteer)
        total, articles, t_gen, t_load = 0, 0, 0.0, 0.0
        batch: list[str] = []
        batch_quads = 0
        for extraction in generate(10**9, seed, world=world):
            t0 = time.perf_counter()
            graph, triples = article_quads(extraction)
            batch.append(nquads(graph, triples))
            t_gen += time.perf_counter() - t0
            batch_quads += len(triples)
            articles += 1
            done = total + batch_quads >= target_triples
            if len(batch) >= chunk or done:
                t0 = time.perf_counter()
                total += store.load("".join(batch).encode("utf-8"), "nquads", None)
                t_load += time.perf_counter() - t0
                batch, batch_quads = [], 0
                if progress:
                    print(f"  {articles} articles, {total:,} quads", file=sys.stderr)
            if done:
                break
        store.flush()
    finally:
        store.close()
    return BuildReport(articles, total, reference, t_gen, t_load, str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument("--out", default="var/bench-store")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    report = build_store(args.out, args.triples, args.seed, progress=args.progress)
    wall = time.perf_counter() - t0
    print(f"{report.articles} articles, {report.quads:,} article quads + "
          f"{report.reference_quads:,} reference/ontology quads in {report.path}")
    print(f"generate+map+serialise {report.seconds_generate:.1f} s, load "
          f"{report.seconds_load:.1f} s, total {wall:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
