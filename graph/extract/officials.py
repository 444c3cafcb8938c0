"""Officials and the offices they hold (all languages).

- a title (a role from roles.yaml) before a name: "<owner> <role> <name>", or
  with the owner after the role (Russian genitive: "министр иностранных дел
  Казахстана"); the owner, or the gazetteer's position, gives the office's
  state or organisation;
- a title alone ("Қазақстан Президенті") resolved through the gazetteer's
  positions on the article date;
- initials + surname and bare surnames of officials already met;
- the ministry a minister's title names ("Сыртқы істер министрінің").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from graph.config import DATA_DIR
from graph.extract import kk
from graph.extract.lexicon import Lexicon, load_lexicon
from graph.extract.mentions import (
    Doc,
    Hit,
    Sent,
    phrase_readings,
    ru_name_lemma,
    ru_name_nominatives,
    ru_parses,
    ru_surname_lemma,
)
from graph.extract.normalize import casefold, is_abbreviation
from graph.extract.translit import slug, to_latin
from graph.gazetteer import Role
from graph.models import Entity
from graph.name_matcher import Match


@dataclass(slots=True)
class Title:
    """ "<owner> <role> <person>": who holds which office of whom, said in one sentence."""

    sent: int
    person: str  # entity id
    role: str  # English office
    owner: str | None  # entity id of the state or organisation
    scope: str  # "state" | "organization"


def _starts(token: str, prefixes: tuple[str, ...]) -> bool:
    return casefold(token).startswith(prefixes)


def state_of(doc: Doc, entity_id: str | None) -> str | None:
    """The State an entity belongs to, following part_of/located_in in the gazetteer."""
    return doc.gaz.state_of(entity_id)


def international(doc: Doc, entity_id: str | None, depth: int = 0) -> bool:
    """Whether an organisation is of many states (the gazetteer says so of it or of the
    body it is part of): its president or secretary-general holds no post in the state
    where it sits."""
    entry = doc.gaz.get(entity_id) if entity_id and depth <= 4 else None
    if entry is None:
        return False
    return entry.international or international(doc, entry.part_of, depth + 1)


def home_state(doc: Doc) -> str | None:
    """The state the article is mostly about: the most mentioned one."""
    counts: dict[str, int] = {}
    for sent in doc.sents:
        for h in sent.hits:
            if h.type == "State":
                counts[h.entity] = counts.get(h.entity, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


# -- officials ---------------------------------------------------------------------------


def _is_name_token(sent: Sent, k: int) -> bool:
    tok = sent.toks[k].text
    return (
        tok[:1].isupper()
        and tok.replace("-", "").replace("'s", "").replace("’s", "").isalpha()
        and not is_abbreviation(tok)
        and sent.covered(k) is None
        and len(tok) > 1
    )


def _name_lemma(doc: Doc, word: str) -> str:
    if doc.lang == "kk":
        return kk.lemma_name(word)
    if doc.lang == "ru":
        return ru_name_lemma(word)
    if word.endswith(("'s", "’s")) and len(word) > 3:
        return word[:-2]  # "Japarov's state visit"
    return word


def _person_entity(doc: Doc, words: list[str]) -> Entity:
    """The official named by ``words``; a patronymic is left out of the id and label,
    so "Ғалымжан Сейітқалиұлы Қойшыбаев" and "Ғалымжан Қойшыбаев" meet."""
    if len(words) > 2:
        words = [
            w
            for n, w in enumerate(words)
            if n in (0, len(words) - 1) or not _PATRONYMIC.search(casefold(w))
        ]
    shared = None
    if doc.lang == "ru" and len(words) > 1:
        shared = ru_name_nominatives(words, _NAME_LINKS)
    if shared is not None:  # the words of a name agree in case: read them together
        name = " ".join(shared)
    else:
        last = _name_lemma(doc, words[-1])
        if doc.lang == "ru" and len(words) > 1:  # the first name tells the surname's gender
            female = _ru_female(words[0])
            last = ru_surname_lemma(words[-1], female) or last
        name = " ".join(
            [_name_lemma(doc, w) if doc.lang == "ru" else w for w in words[:-1]] + [last]
        )
    for ent in doc.entities.values():  # the same person, already met
        if ent.type == "Official" and slug(ent.labels.get(doc.lang, ent.label)) == slug(name):
            return ent
    known = _sounds_like(doc, name)
    if known is not None:  # "Мұхаммед бен Заид Әл Нахаян": the reference data's "Мұхаммед бин
        return doc.known(known)  # Зайд Әл Нахайян", spelt another way
    return doc.entity("official/" + slug(name), "Official", to_latin(name), name=name)


def _skeleton(name: str) -> str:
    """A spelling-blind key of a full name: each word's first letter and consonants, in Latin
    script, links left out ("Mukhammed ben Zaid Al Nakhayan" and "Mohamed bin Zayed Al Nahyan"
    -> "mhmd zd nhn"); empty for a one-word name (too short to tell people apart)."""
    words = [
        w[0] + re.sub(r"[aeiou]", "", w[1:])
        for w in re.findall(r"[^\W\d_]+", _name_key(to_latin(name)))
        if w not in _ARABIC_LINKS
    ]
    return " ".join(words) if len(words) > 1 else ""


#: the connectors of Arabic names as they read in Latin script, left out of a skeleton
_ARABIC_LINKS = frozenset({"bin", "ben", "ibn", "bint", "al", "el", "ul", "az", "ad", "as", "ash",
                           "at", "an", "ar", "ez", "ed", "es"})


def _sounds_like(doc: Doc, name: str) -> str | None:
    """The one known official whose name, in any language, has ``name``'s skeleton."""
    key = _skeleton(name)
    return doc.gaz.index(_skeleton, "Official").get(key) if key else None


def _surname_key(doc: Doc, ent: Entity) -> str:
    """The word a later bare mention uses: the last word, or the first for names written
    surname first (Xi Jinping -> Xi, Си Цзиньпин -> Си)."""
    words = (ent.labels.get(doc.lang) or ent.label).split()
    english = ent.label.split()
    if len(words) > 1 and len(english) > 1 and english[0] in _given_names()[1]:
        return slug(words[0])
    return slug(words[-1])


#: the Kazakh attributive locative: the state an office is held in, not whose it is
_KK_HOST = ("дағы", "дегі", "тағы", "тегі")


def _kk_owner_before(sent: Sent, start: int) -> Hit | None:
    """ "Әзербайжан Республикасының Цифрлық даму және көлік министрі": the state in the
    genitive a few words before the office it names (the office's own words between)."""
    toks = sent.toks
    k = start
    while k > 0 and start - k < 5:
        hit = sent.covered(k - 1)
        gap = sent.text[toks[k - 1].end - sent.span.start : toks[k].start - sent.span.start]
        if any(c in gap for c in ",;:.()–—"):
            return None
        if hit is not None:
            return hit if hit.type == "State" and hit.case == "gen" and not hit.nested else None
        k -= 1
    return None


def _title_case(doc: Doc, toks: list[str], m: Match, end: int) -> str | None:
    """The case of a Kazakh title that names its holder, read after the form the reference
    data lists ("Франция Президенті" is a nominative: "-і" is the title's own possessive,
    not an accusative ending); elsewhere the default reading."""
    if doc.lang != "kk" or end != m.end:
        return None
    return kk.case_of(toks[end - 1], base=m.phrase.split()[-1])


def find_titles(doc: Doc, sent: Sent, lex: Lexicon) -> list[Title]:
    """Titles before names; ministries named by a minister's title."""
    out: list[Title] = []
    roles = doc.gaz.role_matcher(doc.lang, phrase_readings(doc.lang))
    toks = [t.text for t in sent.toks]
    found = roles.find(sent.reads)
    role_tokens = {k for m in found for k in range(m.start, m.end)}
    for m in found:
        role = doc.gaz.role(m.ids[0])
        if role is None:
            continue
        if any(
            h.i < m.end and m.start < h.j and h.type != "State" and h.j - h.i > m.end - m.start
            for h in sent.hits
            if not h.nested
        ):
            continue  # inside a longer name
        label, end = role.label, m.end
        for key, en in sorted(lex.modifiers.items(), key=lambda kv: -len(kv[0])):
            if end + len(key) <= len(toks) and all(
                key[n] == casefold(toks[end + n]) for n in range(len(key))
            ):
                label, end = f"{en} {label}", end + len(key)
                break
        if doc.lang == "en":
            _demonym_before(doc, sent, m.start)  # "South African President Cyril Ramaphosa"
        owner = next(
            (
                h
                for h in sent.hits
                if h.j == m.start
                and h.type in ("State", "Organization", "Forum")
                and not _punctuated(sent, h.j)  # "visit to the French Republic, President X"
                and (
                    doc.lang != "ru"
                    or h.type != "State"
                    or is_abbreviation(sent.toks[h.i].text)
                    or sent.toks[h.i].text[:1].islower()  # "казахстанский министр"
                )
            ),
            None,
        )  # Russian puts the state after the office ("визит в Казахстан Министра ... Венгрии")
        if owner is not None and doc.lang == "kk" and owner.j < len(toks) and (
            casefold(toks[owner.j]) in _KK_TOPIC
        ):  # "Сирия жөніндегі арнайы өкілі": the envoy on Syria, not Syria's
            owner = None
        if owner is not None and doc.lang == "kk" and owner.type == "State" and casefold(
            toks[owner.j - 1]
        ).endswith(_KK_HOST):  # "Қазақстанның Өзбекстандағы Елшісі": in Uzbekistan, of
            owner = _kk_owner_before(sent, owner.i)  # Kazakhstan (the genitive before)
        if owner is None and doc.lang == "kk":
            owner = _kk_owner_before(sent, m.start)
        if owner is None and doc.lang != "kk":  # "министра иностранных дел Казахстана"
            at = end
            while at < len(toks) and doc.lang == "en" and casefold(toks[at]) in ("of", "the"):
                at += 1
            owner = next(
                (
                    h
                    for h in sent.hits
                    if h.i == at and h.type in ("State", "Organization", "Forum") and not h.nested
                ),
                None,
            )
            if owner is not None:
                end = owner.j
        into = end + 1 < len(toks) and casefold(toks[end]) in ("в", "во", "to", "in")
        if owner is not None and into:
            there = next(  # "Посол Казахстана в Российской Федерации Даурен Абаев"
                (h for h in sent.hits if h.i == end + 1 and h.type in ("State", "Place")), None
            )
            if there is not None:
                end = there.j
        # the person: a known official right after, or capitalised name words
        person: Entity | None = None
        after = next((h for h in sent.hits if h.i == end and h.type == "Official"), None)
        if after:
            person = doc.entities[after.entity]
        else:
            while end < len(toks) and len(toks[end]) == 1 and toks[end].isupper():
                end += 1  # initials: "С.В. Лавровым"
            after = next((h for h in sent.hits if h.i == end and h.type == "Official"), None)
            if after:
                person = doc.entities[after.entity]
            k = end
            links = 0  # "Hamad bin Isa Al Khalifa": connectors of an Arabic name
            while person is None and k < len(toks):
                if (
                    k > end
                    and _name_link(toks, k)
                    and k + 1 < len(toks)
                    and _is_name_token(sent, k + 1)
                ):
                    k, links = k + 1, links + 1
                    continue
                if not (
                    k - end - links < 3
                    and _is_name_token(sent, k)
                    and k not in role_tokens
                    and _could_be_name(doc, lex, toks[k])
                    and (
                        k - end - links < 2
                        or links
                        or any(_PATRONYMIC.search(casefold(t)) for t in toks[end + 1 : k + 1])
                    )
                ):
                    break
                k += 1
            while k > end and casefold(toks[k - 1]) in _NAME_LINKS:
                k -= 1
            if k == end + 1 and doc.lang == "en" and not _is_given(doc, toks[end]) and not (
                k < len(toks) and toks[k][:1].isupper()
            ):
                k = end  # "Minister of Economy, Trade and Industry": one capitalised word
            if k == end + 1 and doc.lang in ("kk", "ru") and not (
                _SURNAME.search(casefold(_name_lemma(doc, toks[end])))
                or _is_given(doc, toks[end])
                or (end > 0 and _initial_before(sent, end))
            ):
                k = end  # one capitalised word that does not look like a name ("Шекара")
            known = next((h for h in sent.hits if h.i == k and h.type == "Official"), None)
            if k > end and known is not None:
                # "Түркия Президенті Режеп Тайип Ердоғанмен": the first names (spelt otherwise
                # than the gazetteer's) of a known person, not another one
                person = doc.entities[known.entity]
            elif k > end:
                person = _person_entity(doc, toks[end:k])
                doc.add_hit(sent, person, end, k, source="title")
        if person is None:  # "Murat Nurtleu, Deputy Prime Minister – Foreign Minister of ..."
            first = owner.i if owner is not None and owner.j == m.start else m.start
            person = _appositive(doc, sent, first, role_tokens)
        alone_ok = label == role.label and not _plural_title(toks[m.start : m.end]) and not (
            doc.lang == "kk"
            and (
                kk.case_of(toks[m.end - 1]) == "gen"  # "Бас хатшысының өкілі": his envoy
                or any(p in casefold(toks[m.end - 1]) for p in _KK_PLURAL)
            )
        )  # a title alone names its holder, unless it is a deputy's, a possessor's or plural
        # ("the foreign ministers of Kazakhstan and Kyrgyzstan" names no one)
        if person is None and owner is not None and doc.article.date and alone_ok:
            entry = doc.gaz.holder(role.id, owner.entity, doc.article.date)
            if entry:  # "Қазақстан Президенті" alone
                person = doc.known(entry.id)
                doc.add_hit(sent, person, min(owner.i, m.start), end, source="role",
                            case=_title_case(doc, toks, m, end))
        if person is None and owner is None and alone_ok and doc.lang == "en" and doc.article.date:
            # "The Federal Chancellor" told of again: the one person already named in the
            # article who holds that office on the article's date
            holders = [
                e
                for e in doc.entities.values()
                if e.type == "Official"
                and (entry := doc.gaz.get(e.id)) is not None
                and any(
                    pos.role.casefold() == role.label.casefold()
                    and (pos.start or "") <= doc.article.date <= (pos.end or "9999")
                    for pos in entry.positions
                )
            ]
            if len(holders) == 1 and sent.toks[m.start].text[:1].isupper():
                person = holders[0]
                doc.add_hit(sent, person, m.start, end, source="role",
                            case=_title_case(doc, toks, m, end))
        if person is not None:
            pass
        elif (
            person is None
            and owner is None
            and alone_ok
            and role.id in _HEAD_OF_STATE_ROLES
            and doc.article.date
            and sent.toks[m.start].text[:1].isupper()
            and (state := _head_of_state_country(doc))
        ):  # "Мемлекет басшысы", "Глава государства": the head of the article's state
            entry = doc.gaz.holder(role.id, state, doc.article.date)
            if entry and _bare_head_of_state(doc, sent, m.start, m.end):
                person = doc.known(entry.id)
                doc.add_hit(sent, person, m.start, end, source="role",
                            case=_title_case(doc, toks, m, end))
        if person is None:
            continue
        for h in sent.hits:  # "председатель КНР": a state inside the title's own words
            if h.type == "State" and m.start <= h.i and h.j <= m.end:
                h.in_title = True
        if owner:
            owner.in_title = True
        for h in sent.hits:
            if h.nested and owner and owner.i <= h.i and h.j <= owner.j:
                h.in_title = True
        owner_id = owner.entity if owner else None
        entry = doc.gaz.get(person.id)
        if entry:  # the position the gazetteer knows settles the owner and the office
            for pos in entry.positions:
                if pos.role.casefold() == label.casefold() and (
                    owner_id is None or pos.of == owner_id or state_of(doc, owner_id) == pos.of
                ):
                    owner_id = pos.of
                    break
        if owner_id and not _mentioned(doc, owner_id):
            owner_id = _mentioned_parent(doc, owner_id) or owner_id  # UNODA -> the UN named
        if (
            role.scope == "state"
            and owner_id
            and not owner_id.startswith("state/")
            and not international(doc, owner_id)  # "EBRD President": the bank's, not the UK's
        ):
            owner_id = state_of(doc, owner_id) or owner_id
        if owner_id is None and role.scope == "state":
            owner_id = _implied_state(doc, sent, role, m.start)
        out.append(Title(sent.index, person.id, label, owner_id, role.scope))
        if _plural_title(toks[m.start : m.end]):  # "министрлері Ермек Көшербаев пен Бахтиёр
            out += _fellow_holders(doc, sent, person.id, role, label)  # Саидов": both
        # a minister's title that names the state names the ministry (as the seed's
        # annotators read "Қазақстан Республикасы Сыртқы істер министрінің"), in every language
        kazakh = doc.lang == "kk" or (doc.lang == "ru" and owner and owner.entity == "state/kz")
        if owner is not None and kazakh and not _ministry(doc, sent, owner, m.start, m.end, toks):
            _ministry_of_state(doc, sent, owner, role, m.start, end)
        elif (
            doc.lang != "en"  # (English annotators name 15 in 53 such ministries: not read)
            and (doc.lang != "kk" or owner_id != "state/kz") and role.ministry and owner_id
            and (owner is not None
                 or (doc.lang != "en" and not _plural_title(toks[m.start : m.end])))
            and owner_id.startswith("state/") and doc.gaz.get(owner_id) is not None
        ):  # "Kazakh Foreign Minister", "министр иностранных дел Киргизии"; in Russian and
            # Kazakh (whose annotators read the seed's way) also the minister of a state the
            # text implies: "министр национальной экономики Серик Жумангарин"
            ent = ministry_entity(doc, role.ministry, owner_id)
            i0 = min(m.start, owner.i) if owner is not None else m.start
            hit = doc.add_hit(sent, ent, i0, max(end, owner.j) if owner is not None else end,
                              source="title", nested=True)
            hit.in_title = True
        elif (
            owner is None
            and doc.lang == "kk"
            and owner_id == "state/kz"
            and role.ministry
            and not any("министрлер" in casefold(t) for t in toks[m.start : m.end])
        ):  # (not "екі елдің Сыртқы істер министрлері": ministers of two states)
            # "Сыртқы істер министрі Ермек Көшербаев" in a Kazakh text: Kazakhstan's ministry
            _ministry(doc, sent, None, m.start, m.end, toks, implied="state/kz")
    if doc.lang == "en":
        out += _english_titles(doc, sent, {t.person for t in out})
    else:
        out += _generic_titles(doc, sent, {t.person for t in out})
    return out


def _fellow_holders(
    doc: Doc, sent: Sent, first: str, role: Role, label: str
) -> list[Title]:
    """The officials named with ``first`` after a plural title ("Foreign Ministers Yermek
    Kosherbayev and Bakhtiyor Saidov", "министры иностранных дел ... и ...", "премьер-
    министрлері – Олжас Бектенов пен Абдулла Арипов"), each holding the office where the
    reference data says he holds it on the article's date."""
    hits = sorted((h for h in sent.hits if h.type == "Official" and not h.nested),
                  key=lambda h: h.i)
    at = next((n for n, h in enumerate(hits) if h.entity == first), None)
    if at is None:
        return []
    out, last = [], hits[at]
    day = doc.article.date or "9999"
    for h in hits[at + 1 :]:
        between = {t.lower for t in sent.toks[last.j : h.i]}
        if h.i - last.j > 2 or not between <= {"and", "и", "мен", "пен", "бен", ",", "–"}:
            break
        entry = doc.gaz.get(h.entity)
        pos = next(
            (p for p in (entry.positions if entry else [])
             if p.role.casefold() == role.label.casefold()
             and (p.start or "") <= day <= (p.end or "9999")),
            None,
        )
        if pos is not None:
            out.append(Title(sent.index, h.entity, label, pos.of, role.scope))
        last = h
    return out


def _plural_title(words: list[str]) -> bool:
    """ "ministers of foreign affairs", "министры", "министрлері": ministers of several
    states, whose ministries the title does not tell."""
    return any(casefold(w).startswith(("ministers", "министры", "министров", "министрлер"))
               for w in words)


#: heads of offices the roles do not list, in Russian (lemmas) and Kazakh (stems) -> English
_RU_TITLE_HEADS = {
    "министр": "Minister", "посол": "Ambassador", "председатель": "Chairman",
    "заместитель": "Deputy", "советник": "Adviser", "помощник": "Assistant",
    "представитель": "Representative", "директор": "Director", "губернатор": "Governor",
    "мэр": "Mayor", "аким": "Akim", "спикер": "Speaker", "секретарь": "Secretary",
    "комиссар": "Commissioner", "координатор": "Coordinator", "руководитель": "Head",
    "глава": "Head", "вице-премьер": "Deputy Prime Minister", "сенатор": "Senator",
    "депутат": "Member of Parliament", "консул": "Consul",
}
_KK_TITLE_HEADS = {
    "министрі": "Minister", "елшісі": "Ambassador", "төрағасы": "Chairman",
    "орынбасары": "Deputy", "кеңесшісі": "Adviser", "көмекшісі": "Assistant",
    "өкілі": "Representative", "директоры": "Director", "әкімі": "Akim",
    "хатшысы": "Secretary", "комиссары": "Commissioner", "үйлестірушісі": "Coordinator",
    "басшысы": "Head", "сенаторы": "Senator", "депутаты": "Member of Parliament",
}


_KK_TOPIC = frozenset({"жөніндегі", "бойынша", "туралы", "жөнінде"})


def _generic_titles(doc: Doc, sent: Sent, done: set[str]) -> list[Title]:
    """An office the roles do not list, right before a name: "министр экономики ОАЭ
    Абдулла бин Тук", "Цифрлық даму және көлік министрі Рашад Нәбиев": its head gives the
    English office, a state named in it its owner."""
    out = []
    toks = sent.toks
    for h in sent.hits:
        if h.type != "Official" or h.entity in done or h.nested or h.i == 0:
            continue
        owner, head = None, None
        k = h.i
        while k > 0 and h.i - k < 9:
            prev = toks[k - 1]
            hit = sent.covered(k - 1)
            if hit is not None:
                if hit.type == "State":
                    owner = owner or hit.entity
                    k = hit.i
                    continue
                break
            if doc.lang == "ru":
                head = next((v for w, v in _RU_TITLE_HEADS.items() if w in sent.reads[k - 1]), None)
            else:
                low = prev.lower
                head = next((v for w, v in _KK_TITLE_HEADS.items() if low.startswith(w)), None)
            if head is not None:
                if doc.lang == "kk":  # Kazakh: the state is named before the office
                    j = k - 1
                    while j > 0 and k - 1 - j < 6 and not owner:
                        g = sent.covered(j - 1)
                        if g is not None and g.type == "State" and not (
                            g.j < len(toks) and toks[g.j].lower in _KK_TOPIC
                        ):  # (not "Сирия жөніндегі арнайы өкілі": the envoy on Syria)
                            owner = g.entity
                        j -= 1
                break
            if any(c in sent.text[prev.end - sent.span.start : toks[k].start - sent.span.start]
                   for c in ",;:.()"):
                break
            k -= 1
        if head is None:
            continue
        owner = owner or _implied_state_en(doc, sent, h)
        out.append(Title(sent.index, h.entity, head, owner, "state"))
        done.add(h.entity)
    return out


_LEADER_WORDS = ("leader", "лидер", "лидері", "лидеры")


def find_leaders(doc: Doc, sent: Sent) -> None:
    """ "the Kazakh leader", "Казахстанский лидер", "Қазақстан лидері", "the Chinese
    leader": the state's president on the article's date."""
    if not doc.article.date:
        return
    toks = sent.toks
    for h in list(sent.hits):
        if h.type != "State" or h.nested or h.j >= len(toks):
            continue
        word = toks[h.j].lower
        if not word.startswith(_LEADER_WORDS) or word.startswith(("лидеры", "leaders")):
            continue
        entry = doc.gaz.holder("role/president", h.entity, doc.article.date)
        if entry is None:
            continue
        h.in_title = True
        doc.add_hit(sent, doc.known(entry.id), h.i, h.j + 1, source="role")


#: last words of English titles the roles do not list ("Commerce Secretary", "Kremlin aide")
_EN_TITLE_HEADS = frozenset(
    {"minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "ambassador",
     "president", "chairman", "chairwoman", "chair", "speaker", "administrator", "aide",
     "adviser", "advisor", "director", "governor", "mayor", "commissioner", "envoy", "chief",
     "head", "representative", "premier", "counsellor", "counselor", "consul", "senator",
     "deputy", "coordinator", "executive", "prosecutor", "general"}
)
_EN_TITLE_LINKS = frozenset({"of", "and", "for", "the", "on"})


def _english_titles(doc: Doc, sent: Sent, done: set[str]) -> list[Title]:
    """A title the roles do not know, in capitals right before a name ("Commerce
    Secretary Howard Lutnick", "Minister of Industry and Construction Yersayin
    Nagaspayev", "Kremlin aide Yury Ushakov"): the office, and its state when named."""
    out = []
    toks = sent.toks
    for h in sent.hits:
        if h.type != "Official" or h.entity in done or h.nested or h.i == 0:
            continue
        k = h.i
        words: list[str] = []
        owner = None
        while k > 0 and h.i - k < 8:
            prev = toks[k - 1]
            hit = sent.covered(k - 1)
            if hit is not None and hit.type == "State":
                owner = owner or hit.entity
                k = hit.i
                continue
            if hit is not None and hit.type == "Place" and words and words[0] == "aide":
                owner = owner or state_of(doc, hit.entity)  # "Kremlin aide"
                break
            if hit is not None:
                break
            if prev.text[:1].isupper() or (prev.lower in _EN_TITLE_LINKS and words):
                words.insert(0, prev.text)
                k -= 1
                continue
            if prev.lower in ("aide",):
                words.insert(0, prev.text)
                k -= 1
                continue
            break
        while words and words[0].lower() in _EN_TITLE_LINKS:
            words.pop(0)
        if not words or words[-1].casefold() not in _EN_TITLE_HEADS:
            continue
        if k > 0 and toks[k - 1].lower in ("of", "by") and not owner:
            pass
        label = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words)
        owner = owner or _implied_state_en(doc, sent, h)
        out.append(Title(sent.index, h.entity, label, owner, "state"))
        done.add(h.entity)
    return out


def _implied_state_en(doc: Doc, sent: Sent, h: Hit) -> str | None:
    """ "Kremlin aide" -> Russia; otherwise the one state the sentence names."""
    states = {
        g.entity for g in sent.hits if g.type == "State" and not g.nested and not g.in_title
    }
    return states.pop() if len(states) == 1 else None


_HEAD_OF_STATE_ROLES = frozenset({"role/president"})
_KK_PLURAL = ("лері", "лары", "дері", "дары", "тері", "тары")


def _head_of_state_country(doc: Doc) -> str | None:
    """Whose "Head of State" an article means: Kazakhstan's in Kazakh texts and in texts
    that name Kazakhstan (Kazakh press usage), else the most mentioned state."""
    text = doc.article.text
    if doc.lang == "kk" or any(w in text for w in ("Казахстан", "Kazakhstan", "Kazakh ")):
        return "state/kz"
    return home_state(doc)


def _bare_head_of_state(doc: Doc, sent: Sent, i: int, j: int) -> bool:
    """The title is "Head of State" itself, singular: "Мемлекет басшысы(ның)", "Глава
    государства", "the Head of State" (not "мемлекет басшылары", "главы государств")."""
    words = [t.lower for t in sent.toks[i:j]]
    if len(words) >= 2 and words[0] == "мемлекет":
        return words[1].startswith("басшыс")
    if len(words) >= 2 and words[0] in ("глава", "главы", "главой", "главе", "главу"):
        return words[1] == "государства"
    return words[:3] == ["head", "of", "state"]


#: offices held at home, whose state a text about that state does not repeat
_DOMESTIC = frozenset(
    {"senator", "member of parliament", "akim", "chairman of the senate", "speaker",
     "deputy chairman of the senate", "deputy chairman of the mazhilis", "state counsellor",
     "head of the presidential administration", "press secretary", "prosecutor general"}
)


def _implied_state(doc: Doc, sent: Sent, role, i: int) -> str | None:
    """The state of an office the sentence names without its state: the one state the
    sentence names ("Армению на заседании представлял вице-премьер Мгер Григорян"),
    or, for an office held at home (a senator, an akim), the article's state."""
    states = {
        h.entity
        for h in sent.hits
        if h.type == "State" and not h.nested and not h.in_title
        and not (h.i and sent.toks[h.i - 1].lower in ("to", "в", "во", "in", "on", "for", "по"))
        and not (h.j < len(sent.toks) and sent.toks[h.j].lower in _KK_TOPIC)  # "Сирия жөніндегі"
    }
    if len(states) == 1:
        return states.pop()
    if role.label.casefold() in _DOMESTIC:
        return _head_of_state_country(doc)
    return None


def _gap(sent: Sent, k: int) -> str:
    """The characters between token ``k - 1`` and token ``k``."""
    toks = sent.toks
    return sent.text[toks[k - 1].end - sent.span.start : toks[k].start - sent.span.start]


def _appositive(doc: Doc, sent: Sent, first: int, role_tokens: set[int]) -> Entity | None:
    """The official named right before a title set off by a comma or a dash."""
    k = first
    while k > 0 and (k - 1) in role_tokens:  # "Deputy Prime Minister – Foreign Minister"
        k -= 1
    while k > 0 and any(h.j == k and h.type == "State" for h in sent.hits):
        k = min(h.i for h in sent.hits if h.j == k and h.type == "State")  # "Kazakh"
    if k == 0 or _gap(sent, k).strip() not in (",", "—", "–", "-", "("):
        return None
    hit = next((h for h in sent.hits if h.j == k and h.type == "Official"), None)
    return doc.entities[hit.entity] if hit else None


def _ministry_of_state(doc: Doc, sent: Sent, owner: Hit, role, i: int, j: int) -> None:
    """A Kazakh minister's title with its state names the ministry: "Қазақстан Энергетика
    министрі" (find_titles does the same for Russian and English titles)."""
    if not role.ministry or owner.type != "State" or (owner.j == i and doc.lang != "kk"):
        return
    ent = ministry_entity(doc, role.ministry, owner.entity)
    hit = doc.add_hit(sent, ent, min(i, owner.i), max(j, owner.j), source="title", nested=True)
    hit.in_title = True


def ministry_entity(doc: Doc, names: dict[str, str], state_id: str) -> Entity:
    """The ministry called ``names`` (kk/ru/en, from roles.yaml) of the state: the reference
    data's entry when it has one, else a new entity "Ministry of Energy of Kazakhstan"."""
    state = doc.entities[state_id] if state_id in doc.entities else doc.known(state_id)
    name = f"{names['en']} of {state.label}"
    known = next(
        (e.id for e in doc.gaz.bodies_of(state.id)
         if e.label.casefold().startswith(name.casefold())),
        None,
    )
    if known:
        return doc.known(known)
    ent = doc.entity("organization/" + slug(name), "Organization", name)
    for lang, ministry in names.items():
        ent.labels.setdefault(lang, ministry)
    ent.labels["en"] = name
    return ent


def find_ministries(doc: Doc, sent: Sent) -> None:
    """Ministries named in full, with their state: after them ("Ministry of Energy of
    Kazakhstan", "Министерство энергетики Казахстана"), before them ("Kazakhstan's Ministry
    of Energy", "the French Ministry of ...", "Франция ... министрлігі"); a Kazakh text's
    ministry with no state named is Kazakhstan's, as its titles are."""
    matcher = doc.gaz.ministry_matcher(doc.lang, phrase_readings(doc.lang))
    toks = sent.toks
    for m in matcher.find(sent.reads):
        if any(sent.covered(k) is not None for k in range(m.start, m.end)):
            continue  # (a ministry the reference data knows, or part of a longer name)
        if doc.lang == "kk" and not toks[m.end - 1].lower.startswith("министрлі"):
            continue  # "Энергетика министрі" is a minister's title
        states = [h for h in sent.hits if h.type == "State" and not h.in_title]
        after = None
        if doc.lang == "ru":
            after = next((h for h in states if h.i == m.end), None)
        elif doc.lang == "en" and m.end < len(toks) and toks[m.end].lower == "of":
            the = m.end + 1 < len(toks) and toks[m.end + 1].lower == "the"
            after = next((h for h in states if h.i == m.end + 1 + the), None)
        before = next((h for h in states if h.j == m.start or (
            doc.lang == "en" and h.j == m.start - 1 and toks[m.start - 1].lower in ("'s", "’s")
        )), None)
        owner = after or before
        state = owner.entity if owner else (
            "state/kz" if doc.lang == "kk" or toks[m.start].text[:1].isupper() else None
        )
        if state is None or doc.gaz.get(state) is None:
            continue
        role = doc.gaz.role(m.ids[0])
        assert role is not None, m.ids
        ent = ministry_entity(doc, role.ministry, state)
        i, j = (min(m.start, owner.i), max(m.end, owner.j)) if owner else (m.start, m.end)
        doc.add_hit(sent, ent, i, j)


def _ministry(
    doc: Doc,
    sent: Sent,
    owner: Hit | None,
    i: int,
    j: int,
    toks: list[str],
    implied: str | None = None,
) -> bool:
    """ "Сыртқы істер министрінің" names the ministry "Сыртқы істер министрлігі" (of the
    owner named, else of the ``implied`` state)."""
    k = next(
        (
            n
            for n in range(i, j)
            if _starts(toks[n], ("министр",)) and "министрлі" not in casefold(toks[n])
        ),
        None,
    )
    if k is None:
        return False
    phrase = " ".join(toks[i:k] + ["министрлігі"])
    matcher = doc.gaz.matcher(doc.lang, phrase_readings(doc.lang))
    found = matcher.find(phrase_readings(doc.lang)(phrase))
    state = owner.entity if owner else implied
    for m in found:
        cands = [e for e in m.ids if (g := doc.gaz.get(e)) and g.type == "Organization"]
        pick = next(
            (e for e in cands if state and state_of(doc, e) == state),
            # a ministry of the state named, not Kazakhstan's of the same name
            cands[0] if cands and not implied and not (owner and owner.type == "State") else None,
        )
        if pick:
            hit = doc.add_hit(sent, doc.known(pick), owner.i if owner else i, k + 1, source="title")
            hit.in_title = True
            return True
    return False


_SURNAME = re.compile(
    r"(ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ұлы|улы|қызы|кызы|енко|ский|цкий|ская|бек|бай|ян|дзе|швили)$"
)


#: words inside Arabic names ("Tamim bin Hamad Al Thani", "Абдулла бин Тук аль-Марри")
_NAME_LINKS = frozenset({"bin", "ibn", "bint", "al", "бин", "ибн", "аль", "әл", "бен", "ben"})
#: "бен" is also Kazakh for "and": a link only when the name goes on with "Al" ("Мұхаммед бен
#: Заид Әл Нахаян"), not in "Тоқаев бен Путин"
_AL = ("al", "аль", "әл")


def _name_link(words: list[str], k: int) -> bool:
    """Is ``words[k]`` a connector inside an Arabic name ("bin", "Al", "бен ... Аль")?"""
    w = casefold(words[k])
    if w not in _NAME_LINKS:
        return False
    if w not in ("бен", "ben"):
        return True
    return any(casefold(x).split("-")[0] in _AL for x in words[k + 2 : k + 4])


_PATRONYMIC = re.compile(r"(ұлы|улы|қызы|кызы|ович|евич|ич|овна|евна|ична)$")


def _initial_before(sent: Sent, k: int) -> bool:
    """ "Е.Ашықбаев", "С. Лавров": an initial and a dot right before token ``k``."""
    if k == 0 or len(sent.toks[k - 1].text) != 1 or not sent.toks[k - 1].text.isupper():
        return False
    gap = sent.text[sent.toks[k - 1].end - sent.span.start : sent.toks[k].start - sent.span.start]
    return gap.strip() == "."


def find_people(doc: Doc, sent: Sent) -> None:
    """Initials + surname ("Е.Ашықбаев") and bare surnames of officials met earlier;
    initials + an unknown surname ("Б.Сапарбаев") are a new official."""
    officials = [e for e in doc.entities.values() if e.type == "Official"]
    cached = getattr(doc, "_surnames", None)
    if cached is None or cached[0] != len(officials):
        cached = (len(officials), {_surname_key(doc, e): e for e in officials})
        doc._surnames = cached  # type: ignore[attr-defined]
    keys = cached[1]
    toks = sent.toks
    for k in range(len(toks)):
        if not _is_name_token(sent, k):
            continue
        lemma = _name_lemma(doc, toks[k].text)
        ent = keys.get(slug(lemma))
        if ent is None and doc.lang == "ru":  # "Смадиярова": a man's genitive or a woman
            for female in (False, True):
                alt = ru_surname_lemma(toks[k].text, female)
                if alt and slug(alt) in keys:
                    lemma, ent = alt, keys[slug(alt)]
                    break
        initial = _initial_before(sent, k)
        start = k - 1 if initial else k
        if (
            ent is None
            and initial
            and doc.lang in ("kk", "ru")
            and _SURNAME.search(casefold(lemma))
        ):
            name = f"{toks[k - 1].text}. {lemma}"
            ent = doc.entity("official/" + slug(name), "Official", to_latin(name), name=name)
        if ent is not None:
            doc.add_hit(sent, ent, start, k + 1, source="surname")


# -- names without a title ----------------------------------------------------------------

GIVEN_NAMES_FILE = DATA_DIR / "lexicon" / "given_names.yaml"
_KK_TO_RU = str.maketrans("әғқңөұүһіӘҒҚҢӨҰҮҺІ", "агкноуухиАГКНОУУХИ")


@lru_cache(maxsize=1)
def _given_names() -> tuple[frozenset[str], frozenset[str]]:
    """(given names, surnames written first) in Latin script, from data/lexicon/given_names.yaml."""
    if not GIVEN_NAMES_FILE.exists():
        return frozenset(), frozenset()
    data = yaml.safe_load(GIVEN_NAMES_FILE.read_text(encoding="utf-8")) or {}
    first = {"chinese_surnames"}
    given = {n for key, names in data.items() if key not in first for n in names or []}
    surnames = {n for key in first for n in data.get(key) or []}
    return frozenset(given), frozenset(surnames)


def _dictionary_parses(word: str) -> list:
    """pymorphy3's readings of ``word`` from its dictionary (not guessed from the ending)."""
    return [
        p
        for p in ru_parses(casefold(word))
        if type(p.methods_stack[0][0]).__name__ == "DictionaryAnalyzer"
    ]


@lru_cache(maxsize=16384)
def _ru_female(word: str) -> bool:
    """Is ``word`` a woman's first name (pymorphy3's dictionary)?"""
    names = [p for p in _dictionary_parses(word) if "Name" in p.tag]
    return bool(names) and "femn" in names[0].tag


@lru_cache(maxsize=16384)
def _ru_given(word: str, nominative: bool) -> bool:
    """Does pymorphy3's dictionary read ``word`` as a first name (in the nominative only)?"""
    return any(
        "Name" in p.tag and (not nominative or "nomn" in p.tag) for p in _dictionary_parses(word)
    )


@lru_cache(maxsize=16384)
def _ru_surname_ok(word: str) -> bool:
    """Could ``word`` be a surname: a name in the dictionary, or a word it does not know
    ("Кнайп"); not an ordinary word or a place ("Конституция", "Азия")."""
    parses = _dictionary_parses(word)
    if any({"Surn", "Name", "Patr"} & p.tag.grammemes for p in parses):
        return True
    if any(p.tag.POS == "NOUN" and "anim" in p.tag and "Geox" not in p.tag for p in parses):
        return True  # a person noun the dictionary knows ("Мохбер")
    return not parses


def _name_key(name: str) -> str:
    """A spelling-insensitive key of a Latin name: Mokhammad, Mohammad and Muhammad meet
    less often than Mokhammad/Mohammad, but Yerzhan/Erzhan and Dzhamshid/Jamshid do."""
    key = name.casefold()
    for a, b in (("dzh", "j"), ("kh", "h"), ("zh", "j"), ("ye", "e"), ("yu", "u"), ("ya", "a"),
                 ("y", "i"), ("w", "v"), ("q", "k"), ("ou", "u")):
        key = key.replace(a, b)
    return re.sub(r"(.)\1", r"\1", key)


@lru_cache(maxsize=1)
def _given_keys() -> frozenset[str]:
    return frozenset(_name_key(n) for n in _given_names()[0])


def _is_given(doc: Doc, word: str) -> bool:
    given, _ = _given_names()
    if doc.lang == "en":
        return word in given or word.split("-")[0] in given
    latin = to_latin(word)
    if latin in given or (len(latin) > 3 and _name_key(latin) in _given_keys()):
        return True
    if doc.lang == "kk":  # the first name stays in the nominative: "Ерланмен" is not one
        return _ru_given(word.translate(_KK_TO_RU), True)
    return _ru_given(word, False)


def _could_be_name(doc: Doc, lex: Lexicon, word: str) -> bool:
    """A capitalised word after a title that may be part of a name: not a word the
    Kazakh lexicon or the Russian dictionary knows as an ordinary word ("Ислам
    Республикасының", "Мәңгілік", "Государственной")."""
    if doc.lang == "kk":
        return lex.word(word) is None and _is_surname(doc, word)
    return _is_given(doc, word) or _is_surname(doc, word)


def _is_surname(doc: Doc, word: str) -> bool:
    if doc.lang == "en":
        return word not in _NOT_SURNAME_EN
    if doc.lang == "kk":
        ru = kk.lemma_name(word).translate(_KK_TO_RU)
        return _ru_surname_ok(ru) or _not_a_russian_lemma(ru)
    return _ru_surname_ok(word)


def _not_a_russian_lemma(word: str) -> bool:
    """In Kazakh text, a name the Russian dictionary reads only as an inflected form of a
    rare word ("Парвиз" as a genitive of "парвиза") or as a place with a surname's ending
    ("Шахбазов"): not an ordinary word written in its dictionary form, so it may be a name."""
    low = word.casefold()
    parses = _dictionary_parses(word)
    if _SURNAME.search(low) and len(low) >= 7:
        return True
    return bool(parses) and not any(p.normal_form == low for p in parses)


_NOT_SURNAME_EN = frozenset(
    {"The", "A", "An", "And", "Of", "In", "On", "At", "For", "To", "With", "By", "As", "He",
     "She", "His", "Her", "They", "It", "This", "That", "Monday", "Tuesday", "Wednesday",
     "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April",
     "May", "June", "July", "August", "September", "October", "November", "December"}
)


_BYLINE = re.compile(
    r"^\s*(автор|авторы|author|by|фото|photo|текст|тілші|редактор|editor|источник|дереккөз)"
    r"\b[\s:|-]",
    re.IGNORECASE,
)


def is_byline(sent: Sent) -> bool:
    """ "Автор: Айгерим Сарсенбаева", "By Aiman Nakispekova in Politics": a byline, whose
    people are journalists, not officials."""
    return bool(_BYLINE.match(sent.text))


def find_names(doc: Doc, sent: Sent) -> None:
    """People named in full without a title the roles know: a first name (pymorphy3's
    names for Cyrillic, data/lexicon/given_names.yaml for Latin script), an optional
    patronymic or middle name, and a surname ("Моникой Кнайп", "Ерлан Аккенженов",
    "Recep Tayyip Erdogan"); in English also surname-first East Asian names ("Wang Yi")."""
    if is_byline(sent):
        return
    toks = sent.toks
    _, surname_first = _given_names()
    roles = doc.gaz.role_matcher(doc.lang, phrase_readings(doc.lang))
    in_role = {n for m in roles.find(sent.reads) for n in range(m.start, m.end)}
    lex = load_lexicon() if doc.lang == "kk" else None
    k = 0
    while k < len(toks) - 1:
        if not _is_name_token(sent, k) or (k and _initial_before(sent, k)) or k in in_role:
            k += 1
            continue
        word = toks[k].text
        if casefold(word) in _NAME_LINKS:
            k += 1  # "Аль Сауд" after "Фейсал бин Фархан": the end of a name, not a new one
            continue
        asian = doc.lang == "en" and word in surname_first
        if lex is not None and lex.word(word) is not None:
            k += 1
            continue  # a Kazakh word ("Төрағасы"), not a first name
        if not (asian or _is_given(doc, word)):
            k += 1
            continue
        end = k + 1
        links = 0
        while end < len(toks):
            if (
                casefold(toks[end].text) in _NAME_LINKS
                and _name_link([t.text for t in toks[end : end + 4]], 0)
                and end + 1 < len(toks)
                and toks[end + 1].text[:1].isupper()
                and not asian
            ):  # "Hamad bin Isa Al Khalifa": the name goes on past "bin" and "Al"
                end, links = end + 1, links + 1
                continue
            if not (
                end - k - links < 3
                and _is_name_token(sent, end)
                and toks[end].start - toks[end - 1].end <= 1
                and end not in in_role
                and (links or _is_surname(doc, toks[end].text))
                and (lex is None or lex.word(toks[end].text) is None)
            ):
                break
            end += 1
            if asian:
                break
        while end > k + 1 and casefold(toks[end - 1].text) in _NAME_LINKS:
            end -= 1
        if end - k < 2:
            k += 1
            continue
        nxt = sent.covered(end) if end < len(toks) else None
        if nxt is not None and nxt.type == "Official":
            k = end  # "Ермеком Жумабаевичем Кошербаевым": first names of a known person
            continue
        person = _person_entity(doc, [t.text for t in toks[k:end]])
        doc.add_hit(sent, person, k, end, source="name")
        k = end


# -- initiatives and treaties -----------------------------------------------------------


def _mentioned(doc: Doc, entity_id: str) -> bool:
    ent = doc.entities.get(entity_id)
    return ent is not None and bool(ent.mentions)


def _mentioned_parent(doc: Doc, entity_id: str) -> str | None:
    """The nearest body ``entity_id`` is part of that the article names: an office the
    reference data places in UNODA is the UN's when only the UN is named."""
    seen = {entity_id}
    entry = doc.gaz.get(entity_id)
    while entry is not None and entry.part_of and entry.part_of not in seen:
        seen.add(entry.part_of)
        if _mentioned(doc, entry.part_of):
            return entry.part_of
        entry = doc.gaz.get(entry.part_of)
    return None


def _punctuated(sent: Sent, k: int) -> bool:
    """Is there punctuation right before token ``k`` (the words are not one phrase)?"""
    if k <= 0 or k >= len(sent.toks):
        return False
    base = sent.span.start
    gap = sent.text[sent.toks[k - 1].end - base : sent.toks[k].start - base]
    return any(c in gap for c in ",;:()")


#: English adjectives of states the reference data does not list as names of the state
#: (they are read only right before an office: "Swiss President", "Bahraini King")
_DEMONYMS = {
    "south african": "za", "bahraini": "bh", "omani": "om", "kuwaiti": "kw", "jordanian": "jo",
    "iraqi": "iq", "syrian": "sy", "lebanese": "lb", "malaysian": "my", "indonesian": "id",
    "vietnamese": "vn", "thai": "th", "brazilian": "br", "argentine": "ar", "mexican": "mx",
    "canadian": "ca", "australian": "au", "spanish": "es", "polish": "pl", "austrian": "at",
    "swiss": "ch", "dutch": "nl", "belgian": "be", "greek": "gr", "serbian": "rs",
    "czech": "cz", "slovak": "sk", "romanian": "ro", "bulgarian": "bg", "latvian": "lv",
    "lithuanian": "lt", "estonian": "ee", "swedish": "se", "norwegian": "no", "danish": "dk",
    "irish": "ie", "portuguese": "pt", "ethiopian": "et", "nigerian": "ng", "kenyan": "ke",
    "algerian": "dz", "moroccan": "ma", "tunisian": "tn", "libyan": "ly", "bangladeshi": "bd",
    "nepalese": "np", "sri lankan": "lk", "cambodian": "kh", "filipino": "ph",
    "singaporean": "sg", "georgian": "ge", "moldovan": "md", "croatian": "hr",
    "slovenian": "si", "albanian": "al", "cypriot": "cy", "maltese": "mt", "korean": "kr",
    "south korean": "kr", "american": "us", "british": "gb", "emirati": "ae",
}


def _demonym_before(doc: Doc, sent: Sent, k: int) -> None:
    """A state adjective right before an office the reference data does not know as a name
    of the state: a State hit, part of the title ("South African President")."""
    if k == 0 or any(h.j == k for h in sent.hits):
        return
    for n in (2, 1):
        if k - n < 0 or any(sent.covered(x) is not None for x in range(k - n, k)):
            continue
        words = " ".join(sent.toks[x].lower for x in range(k - n, k))
        code = _DEMONYMS.get(words)
        if code is None or not sent.toks[k - n].text[:1].isupper():
            continue
        entry = doc.gaz.get(f"state/{code}")
        if entry is None:
            return
        hit = doc.add_hit(sent, doc.known(entry.id), k - n, k, source="demonym")
        hit.in_title = True
        return
