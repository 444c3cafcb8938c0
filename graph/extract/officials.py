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

from graph.extract import kk
from graph.extract.lexicon import Lexicon
from graph.extract.mentions import Doc, Hit, Sent, phrase_readings, ru_name_lemma
from graph.extract.normalize import casefold, is_abbreviation
from graph.extract.translit import slug, to_latin
from graph.models import Entity


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


def state_of(doc: Doc, entity_id: str | None, depth: int = 0) -> str | None:
    """The State an entity belongs to, following part_of/located_in in the gazetteer."""
    if not entity_id or depth > 4:
        return None
    if entity_id.startswith("state/"):
        return entity_id
    entry = doc.gaz.get(entity_id)
    if entry is None:
        return None
    return state_of(doc, entry.part_of, depth + 1) or state_of(doc, entry.located_in, depth + 1)


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
        and tok.replace("-", "").isalpha()
        and not is_abbreviation(tok)
        and sent.covered(k) is None
        and len(tok) > 1
    )


def _name_lemma(doc: Doc, word: str) -> str:
    if doc.lang == "kk":
        return kk.lemma_name(word)
    if doc.lang == "ru":
        return ru_name_lemma(word)
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
    name = " ".join(
        [_name_lemma(doc, w) if doc.lang == "ru" else w for w in words[:-1]]
        + [_name_lemma(doc, words[-1])]
    )
    for ent in doc.entities.values():  # the same person, already met
        if ent.type == "Official" and slug(ent.labels.get(doc.lang, ent.label)) == slug(name):
            return ent
    return doc.entity("official/" + slug(name), "Official", to_latin(name), name=name)


def _surname_key(doc: Doc, ent: Entity) -> str:
    names = [ent.labels.get(doc.lang) or ent.label]
    return slug(names[0].split()[-1])


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
        owner = next(
            (
                h
                for h in sent.hits
                if h.j == m.start and h.type in ("State", "Organization", "Forum")
            ),
            None,
        )
        if owner is None:  # "министра иностранных дел Казахстана", "Secretary-General of the UN"
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
            while (
                person is None
                and k < len(toks)
                and k - end < 3
                and _is_name_token(sent, k)
                and k not in role_tokens
                and (
                    k - end < 2
                    or any(_PATRONYMIC.search(casefold(t)) for t in toks[end + 1 : k + 1])
                )
            ):
                k += 1
            if k > end:
                person = _person_entity(doc, toks[end:k])
                doc.add_hit(sent, person, end, k, source="title")
        if person is None and owner is not None and doc.article.date:
            entry = doc.gaz.holder(role.id, owner.entity, doc.article.date)
            if entry:  # "Қазақстан Президенті" alone
                person = doc.known(entry.id)
                doc.add_hit(sent, person, min(owner.i, m.start), end, source="role")
        if person is None:
            continue
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
        if role.scope == "state" and owner_id and not owner_id.startswith("state/"):
            owner_id = state_of(doc, owner_id) or owner_id
        out.append(Title(sent.index, person.id, label, owner_id, role.scope))
        _ministry(doc, sent, owner, m.start, m.end, toks)
    return out


def _ministry(doc: Doc, sent: Sent, owner: Hit | None, i: int, j: int, toks: list[str]) -> None:
    """ "Сыртқы істер министрінің" names the ministry "Сыртқы істер министрлігі"."""
    k = next(
        (
            n
            for n in range(i, j)
            if _starts(toks[n], ("министр",)) and "министрлі" not in casefold(toks[n])
        ),
        None,
    )
    if k is None:
        return
    phrase = " ".join(toks[i:k] + ["министрлігі"])
    matcher = doc.gaz.matcher(doc.lang, phrase_readings(doc.lang))
    found = matcher.find(phrase_readings(doc.lang)(phrase))
    state = owner.entity if owner else None
    for m in found:
        cands = [e for e in m.ids if (g := doc.gaz.get(e)) and g.type == "Organization"]
        pick = next(
            (e for e in cands if state and state_of(doc, e) == state), cands[0] if cands else None
        )
        if pick:
            hit = doc.add_hit(sent, doc.known(pick), owner.i if owner else i, k + 1, source="title")
            hit.in_title = True
            return


_SURNAME = re.compile(
    r"(ов|ев|ёв|ин|ын|ова|ева|ёва|ина|ына|ұлы|улы|қызы|кызы|енко|ский|цкий|ская|бек|бай|ян|дзе|швили)$"
)


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


# -- initiatives and treaties -----------------------------------------------------------
