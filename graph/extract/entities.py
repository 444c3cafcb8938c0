"""Recognisers for initiatives, treaties and anaphors the gazetteer alone does not give (Kazakh).

- initiatives: «quoted» policies, "X құру идеясы", "X бастамасы",
  "<NP> жобасы" (drafts), "<NP> <action> қажеттілігі";
- treaties: "<NP> туралы шарт/конвенция/келісім/декларация";
- anaphors: "бұл форум", "бұл бастама".

Labels come from the gazetteer when it knows the name, else from the
kk->en lexicon, else from transliteration.
"""

from __future__ import annotations

import re

from graph.extract import kk
from graph.extract.lexicon import Lexicon
from graph.extract.mentions import KK_ORDINAL, Doc, Hit, Sent, ru_parses, ru_pos, word_key
from graph.extract.normalize import casefold, fold, is_abbreviation, short_label
from graph.extract.officials import home_state
from graph.extract.translit import label_slug, to_latin
from graph.models import Entity


def _stem_in(token: str, words: tuple[str, ...]) -> bool:
    return any(s in words for s in kk.stems(token))


_POLICY_NOUNS = (
    "саясат",
    "қағидат",
    "бағдарлама",
    "тұжырымдама",
    "стратегия",
    "бастама",
    "доктрина",
)
_IDEA_NOUNS = ("идея", "бастама", "ұсыныс", "жоба")
_DOC_NOUNS = {
    "шарт": "Treaty",
    "конвенция": "Convention",
    "келісім": "Agreement",
    "декларация": "Declaration",
    "хартия": "Charter",
}
_NEED = ("қажеттілік", "қажеттілі", "қажеттігі", "қажеттік")
_QUOTED = re.compile(r'"([^"\n]{2,80})"')


def action_before(
    lex: Lexicon, toks: list[str], k: int, treaty: bool = False
) -> tuple[str, int] | None:
    """An action noun ending right before ``toks[k]``: (English, number of words)."""
    for n in (2, 1):
        if k - n >= 0:
            act = lex.action_at(toks, k - n, treaty)
            if act and act[1] == n:
                return act
    return None


def _np_back(sent: Sent, end: int, lex: Lexicon, limit: int = 6) -> int:
    """Start of the noun phrase that ends before token ``end``: words the lexicon knows."""
    k = end
    while k > 0 and end - k < limit:
        tok = sent.toks[k - 1].text
        if sent.covered(k - 1) or not (lex.word(tok) or lex.is_postposition(tok)):
            break
        k -= 1
    while k < end and lex.is_postposition(sent.toks[k].text):
        k += 1
    return k


_MINOR = frozenset({"of", "and", "the", "for", "in", "on", "between", "to", "a", "an"})


def title_case(label: str) -> str:
    """Capitalise the words of a proper name: "International water organization" ->
    "International Water Organization"."""
    return " ".join(
        w if (w in _MINOR and n) else w[:1].upper() + w[1:] for n, w in enumerate(label.split())
    )


def _label(lex: Lexicon, words: list[str], capital: bool = True) -> str:
    en = lex.translate(words)
    if en is None:
        en = to_latin(" ".join(words[:-1] + [kk.lemma_name(words[-1])]))
    return en[:1].upper() + en[1:] if capital else en


def _new(
    doc: Doc,
    sent: Sent,
    type_: str,
    label: str,
    i: int,
    j: int,
    source: str,
    name: str | None = None,
    start: int | None = None,
    end: int | None = None,
) -> Entity:
    kind = {"Initiative": "initiative", "Treaty": "treaty"}[type_]
    ent = doc.entity(f"{kind}/{label_slug(label)}", type_, label, name=name)
    doc.add_hit(sent, ent, i, j, source=source, start=start, end=end)
    return ent


def _place_documents(doc: Doc, sent: Sent) -> None:
    """ "Тяньцзинь декларациясы", "Баку министрлік декларациясы": a document named by a place."""
    toks = sent.toks
    for h in list(sent.hits):
        if h.type != "Place" or h.nested:
            continue
        for gap in (0, 1):
            k = h.j + gap
            if k >= len(toks) or (gap and (toks[h.j].text[:1].isupper() or sent.covered(h.j))):
                continue
            noun = next((v for key, v in _DOC_NOUNS.items() if key in kk.stems(toks[k].text)), None)
            if noun is None or sent.covered(k):
                continue
            label = f"{doc.entities[h.entity].label} {noun}"
            h.nested = True
            _new(doc, sent, "Treaty", label, h.i, k + 1, "treaty")
            break


def find_initiatives(doc: Doc, sent: Sent, lex: Lexicon) -> None:
    _place_documents(doc, sent)
    toks = [t.text for t in sent.toks]
    text = fold(sent.text)
    # «quoted» + policy noun
    for m in _QUOTED.finditer(text):
        a, b = sent.span.start + m.start(), sent.span.start + m.end()
        k_after = next((k for k, t in enumerate(sent.toks) if t.start >= b), None)
        if k_after is None or not _stem_in(toks[k_after], _POLICY_NOUNS):
            continue
        inner = [k for k, t in enumerate(sent.toks) if a < t.start < b]
        if not inner or any(sent.covered(k) for k in inner):
            continue
        words = toks[inner[0] : inner[-1] + 1]
        en = lex.translate(words)
        label = en[:1].upper() + en[1:] if en else to_latin(m.group(1))
        _new(
            doc,
            sent,
            "Initiative",
            label,
            inner[0],
            inner[-1] + 1,
            "quoted",
            name=m.group(1),
            start=a,
            end=b,
        )
    for k, tok in enumerate(toks):
        if sent.covered(k):
            continue
        low = casefold(tok)
        # "X құру идеясы", "X өткізу бастамасы"
        idea = _stem_in(tok, _IDEA_NOUNS) and not _stem_in(tok, ("жоба",))
        act = action_before(lex, toks, k) if idea and k >= 1 else None
        if act is not None:
            a_start = k - act[1]
            if a_start > 0 and sent.covered(a_start - 1):
                continue  # the gazetteer knows X
            abbr = None
            if a_start > 1 and is_abbreviation(toks[a_start - 1]) and not sent.covered(a_start - 2):
                abbr = a_start - 1  # "агенттігін (МАББ) құру": the abbreviation names it too
                a_start -= 1
            start = _np_back(sent, a_start, lex)
            if start == a_start:
                # unknown capitalised words: a name
                s = a_start
                while (
                    s > 0
                    and toks[s - 1][:1].isupper()
                    and not sent.covered(s - 1)
                    and a_start - s < 5
                ):
                    s -= 1
                start = s
            if start < a_start:
                label = title_case(_label(lex, toks[start:a_start]))
                ent = _new(doc, sent, "Initiative", label, start, a_start, "idea")
                if abbr is not None:
                    doc.add_hit(sent, ent, abbr, abbr + 1, source="idea")
        # "<NP> бастама" (a bare initiative named by what it does)
        elif (
            _stem_in(tok, ("бастама",))
            and k >= 2
            and kk.case_of(tok, "бастама") in ("nom", "acc")
            and not sent.covered(k - 1)
        ):
            start = _np_back(sent, k, lex, limit=8)
            what = lex.translate(toks[start : k + 1]) if k - start >= 2 else None
            if what:
                _new(
                    doc, sent, "Initiative", what[:1].upper() + what[1:], start, k + 1, "initiative"
                )
        # "<NP> жобасы": a draft
        elif _stem_in(tok, ("жоба",)) and not sent.covered(k - 1 if k else 0):
            start = _np_back(sent, k, lex, limit=4)
            if start < k:
                en = lex.translate(toks[start:k]) or to_latin(" ".join(toks[start:k]))
                if any(n in en.split() for n in lex.national) and (state := home_state(doc)):
                    en += " of " + doc.gaz.get(state).label  # type: ignore[union-attr]
                _new(doc, sent, "Initiative", "Draft " + en, start, k + 1, "draft")
        # "<NP> <action> қажеттілігі": a call for something
        elif low.startswith(_NEED) and k >= 2:
            act = action_before(lex, toks, k)
            if act:
                a_start = k - act[1]
                start = _np_back(sent, a_start, lex)
                what = lex.translate(toks[start:a_start]) if start < a_start else None
                if what:
                    label = f"{act[0][:1].upper()}{act[0][1:]} of {what}"
                    _new(doc, sent, "Initiative", label, start, k, "need")
        # "<NP> туралы шарт"
        elif low == "туралы" and k + 1 < len(toks):
            noun = next((v for key, v in _DOC_NOUNS.items() if key in kk.stems(toks[k + 1])), None)
            if noun and not sent.covered(k + 1):
                start = _np_back(sent, k, lex)
                what = lex.translate(toks[start:k]) if start < k else None
                if what:
                    _new(doc, sent, "Treaty", f"{noun} on {what}", start, k + 2, "treaty")


# -- Kazakh documents in running text ----------------------------------------------------

#: document nouns (stems) -> English head; "жол картасы" is read from its two words
_KK_DOCS = {
    "шарт": "Treaty",
    "келісім": "Agreement",
    "конвенция": "Convention",
    "декларация": "Declaration",
    "мәлімдеме": "Statement",
    "меморандум": "Memorandum",
    "хаттама": "Protocol",
    "коммюнике": "Communiqué",
    "жоспар": "Plan",
    "шешім": "Decision",
    "хартия": "Charter",
    "картасы": "Roadmap",
    "бағдарлама": "Programme",
    "картасын": "Roadmap",
    "картасына": "Roadmap",
    "картасының": "Roadmap",
}
_KK_DOC_STEMS = tuple(_KK_DOCS)
#: verbs of signing, adopting, approving, ratifying (stems)
_KK_ADOPT = ("қол", "қабылда", "бекіт", "ратификация", "мақұлда", "алмас", "жаңарт", "қойыл")
#: words that mark a document's name inside the phrase before its noun
_KK_DOC_MARKS = ("туралы", "арасындағы", "арналған", "жөніндегі", "бірлескен")
_KK_VERB_END = ("ған", "ген", "қан", "кен", "ып", "іп")
#: a time in the locative before a document's name ("аптада", "жылы" is not locative) is when
#: it was done, not its name
_KK_TIME_LOC = ("да", "де", "та", "те")
_KK_TIME_WORDS = ("апта", "жыл", "ай", "күн", "кезең", "уақыт", "қаңтар", "ақпан", "наурыз",
                  "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша",
                  "желтоқсан")
#: words that stand before a document's name, not in it (countries, numbers of them)
_KK_NOT_IN_NAME = frozenset(
    {"ел", "елдер", "елі", "мемлекет", "мемлекеттер", "бір", "екі", "үш", "төрт", "бес",
     "алты", "жеті", "сегіз", "тоғыз", "он"}
)
#: subjects before a document phrase ("Министрлер бірлескен мәлімдемеге қол қойды")
_KK_SUBJECTS = ("тараптар", "министрлер", "басшы", "көшбасшы", "депутаттар", "сенаторлар",
               "лидерлер")


def find_documents_kk(doc: Doc, sent: Sent, lex: Lexicon) -> None:
    """ "... туралы келісімді", "2025–2027 жылдарға арналған ... жол картасына",
    "«Еуразиялық экономикалық жол» декларациясын", "бірлескен мәлімдемеге": documents
    signed, adopted or ratified in the sentence."""
    toks = sent.toks
    if not any(t.lower.startswith(_KK_ADOPT) for t in toks):
        return
    for k, tok in enumerate(toks):
        if sent.covered(k) is not None:
            continue
        low = tok.lower
        noun = next((v for key, v in _KK_DOCS.items() if low.startswith(key)), None)
        if noun is None or (noun == "Roadmap" and not (k and toks[k - 1].lower == "жол")):
            continue
        if noun == "Treaty" and not low.startswith(("шарт",)):
            continue
        if noun == "Decision" and not low.startswith("шешім"):
            continue
        if low.startswith("жоспарла"):
            continue  # "өткізу жоспарланып отыр": being planned (a verb), not a plan
        end = k + 1
        start = k - 1 if noun == "Roadmap" else k
        while start > 0 and k - start < 10:
            prev = toks[start - 1]
            gap = sent.text[prev.end - sent.span.start : toks[start].start - sent.span.start]
            if any(c in gap for c in ".;:!?") or ("," in gap and "«" not in gap):
                break
            hit = sent.covered(start - 1)
            if hit is not None and hit.type not in _KK_IN_DOCUMENT_NAMES:
                break
            if hit is not None and hit.type == "Organization" and hit.case == "nom":
                break  # "Мәжіліс Қытаймен визасыз режим туралы келісімді": the subject
            low = prev.lower
            if hit is None and low.endswith(_KK_VERB_END) and low not in _KK_DOC_MARKS:
                break
            if hit is None and low.startswith(_KK_TIME_WORDS) and low.endswith(_KK_TIME_LOC):
                break  # "өткен аптада Түркі инвестициялық қорын құру туралы келісімді"
            if prev.lower.startswith(_KK_SUBJECTS) or prev.lower in _KK_NOT_IN_NAME:
                break  # "алты ел ... туралы шартқа қол қойды": six countries signed the treaty
            if low in ("сондай-ақ", "сонымен", "сонымен қатар", "бұдан", "соның"):
                break  # "Сондай-ақ ... туралы меморандумға": "also", never a name's word
            if low.startswith(_KK_ADOPT) or low in ("және", "мен", "пен", "бен", "сондай-ақ"):
                if not any(t.lower in _KK_DOC_MARKS for t in toks[start:k]):
                    break
                if low == "және" and start > 1 and toks[start - 2].lower.startswith(_KK_DOC_STEMS):
                    break
            start -= 1
        words = [t.text for t in toks[start:k if noun != "Roadmap" else k - 1]]
        marked = any(w.lower() in _KK_DOC_MARKS for w in words) or "«" in sent.text[
            toks[start].start - sent.span.start : tok.start - sent.span.start
        ]
        if not words or not marked:
            continue
        what = lex.translate([w for w in words if w.lower() not in ("туралы",)])
        label = f"{noun} on {what}" if what else f"{noun} {to_latin(' '.join(words))}"
        kind = "Treaty"
        if noun == "Programme" and not any(
            w.lower().startswith(("ынтымақтастық", "консультация")) for w in words
        ):  # (a programme of cooperation or consultations is signed; others are plans)
            kind = "Initiative"
        _new(doc, sent, kind, label[:1].upper() + label[1:], start, end, "document")


# -- proposals in prose (en, ru) ---------------------------------------------------------

_EN_PROPOSE = frozenset({"proposed", "proposes", "propose", "suggested", "initiated",
                         "offered", "announced", "unveiled"})
_EN_MAKE = frozenset({"setting", "set", "establishing", "establish", "creating", "create",
                      "launching", "launch", "building", "build", "holding", "hold",
                      "forming", "form", "developing", "develop", "opening", "open",
                      "convening", "convene", "up", "the", "a", "an", "creation",
                      "establishment", "of", "to", "new"})
_EN_STOP = frozenset({"and", "to", "which", "that", "with", "in", "at", "by", "for", "as",
                      "while", "who", "during", "under", "from"})
_RU_PROPOSE = frozenset({"предложить", "предложение", "инициатива", "идея", "выдвинуть",
                         "инициировать"})
_RU_MAKE = frozenset({"создать", "создание", "учредить", "учреждение", "провести",
                      "проведение", "запустить", "запуск", "сформировать", "формирование",
                      "открыть", "открытие", "построить", "строительство", "о", "об"})


def find_proposals(doc: Doc, sent: Sent) -> None:
    """ "proposed setting up an SCO investment fund", "предложил создать в Астане
    региональный хаб ...": what is proposed to be made is an Initiative."""
    toks = sent.toks
    for k, tok in enumerate(toks):
        if sent.covered(k) is not None:
            continue
        if doc.lang == "en":
            if tok.lower not in _EN_PROPOSE and not (
                tok.lower in ("proposal", "initiative", "idea") and k + 1 < len(toks)
                and toks[k + 1].lower in ("to", "of")
            ):
                continue
            n = k + 1
            while n < len(toks) and toks[n].lower in _EN_MAKE and sent.covered(n) is None:
                n += 1
            if n == k + 1 or n >= len(toks):
                continue
            start, end = n, n
            while end < len(toks) and end - start < 8:
                base = sent.span.start
                gap = sent.text[toks[end - 1].end - base : toks[end].start - base]
                if end > start and any(c in gap for c in ",;:.()"):
                    break
                if toks[end].lower in _EN_STOP and end > start:
                    break
                hit = sent.covered(end)
                if hit is not None and hit.type not in ("State", "Organization", "Place", "Forum"):
                    break
                end += 1
        else:
            if not (sent.reads[k] & _RU_PROPOSE):
                continue
            n = k + 1
            while n < len(toks) and sent.reads[n] & _RU_MAKE and sent.covered(n) is None:
                n += 1
            if n == k + 1 or n >= len(toks):
                continue
            while n + 1 < len(toks) and toks[n].lower in ("в", "во", "на"):
                hit = sent.covered(n + 1)
                if hit is not None and hit.type in ("Place", "State"):
                    n = hit.j  # "создать в Астане региональный хаб": where, not what
                elif toks[n + 1].lower == "рамках" and n + 2 < len(toks):
                    inner = sent.covered(n + 2)  # "в рамках объединения", "в рамках ШОС"
                    n = inner.j if inner is not None else n + 3
                elif toks[n + 1].text.isdigit() and n + 2 < len(toks) and (
                    sent.reads[n + 2] & {"год"}
                ):
                    n += 3  # "провести в 2026 году ...": when, not what
                else:
                    break
            start, end = n, n
            while end < len(toks) and end - start < 9:
                base = sent.span.start
                gap = sent.text[toks[end - 1].end - base : toks[end].start - base]
                if end > start and any(c in gap for c in ",;:.()«»"):
                    break
                if toks[end].lower in ("и", "а", "который", "которая", "что", "с", "со") and (
                    end > start
                ):
                    break  # ("Центр ШОС ... с размещением в Алматы": where it would sit)
                if end > start and ru_pos(toks[end].lower) in ("VERB", "INFN", "PRTS", "GRND"):
                    break  # "Идея создания центра была выдвинута": the clause's verb
                hit = sent.covered(end)
                if hit is not None and hit.type not in ("State", "Organization", "Place", "Forum"):
                    break
                end += 1
        if end - start < 2 or all(sent.covered(n) is not None for n in range(start, end)):
            continue
        while end > start and (last := sent.covered(end - 1)) is not None and last.type == "Place":
            end -= 1  # "… hub in Astana": the place is where, not part of the name
        while end > start + 1 and toks[end - 1].lower in ("в", "во", "на", "по", "in", "at"):
            end -= 1  # (a preposition left over)
        text = sent.text[toks[start].start - sent.span.start : toks[end - 1].end - sent.span.start]
        label = text if doc.lang == "en" else to_latin(text)
        _new(doc, sent, "Initiative", label[:1].upper() + label[1:], start, end, "proposal")
        return


#: what a Kazakh proposal asks to make: verbal nouns (stems) -> English
_KK_MAKE = {"құру": "establishment", "өткізу": "holding", "ашу": "opening",
            "жасасу": "conclusion", "әзірлеу": "drafting", "ұйымдастыру": "organisation",
            "шақыру": "convening", "іске": "launch"}
_KK_MAKE_PREFIXES = tuple(_KK_MAKE)
#: words after the verbal noun that make it a proposal ("құруды ұсынды", "құру туралы
#: бастама көтерді", "құру жөнінде ұсыныс жасады")
_KK_PROPOSE = ("ұсын", "бастама", "идея")
#: endings of Kazakh converbs, participles and finite verbs: a clause ends there
_KK_CLAUSE_END = ("ып", "іп", "йды", "йді", "ған", "ген", "қан", "кен", "ады", "еді", "ды,")


def find_proposals_kk(doc: Doc, sent: Sent, lex: Lexicon) -> None:
    """ "Су ресурстарын тиімді пайдалану жөніндегі орталық құруды ұсынды", "сыни маңызы
    бар минералдар жөніндегі Түркі кеңесін құру туралы бастама көтерді": what is proposed
    to be made is an Initiative (find_proposals does English and Russian)."""
    toks = sent.toks
    base = sent.span.start
    for k, tok in enumerate(toks):
        if k == 0 or not tok.lower.startswith(_KK_MAKE_PREFIXES):
            continue
        stems = kk.stems(tok.text)
        make = next((en for st, en in _KK_MAKE.items() if st in stems), None)
        if make is None or sent.covered(k) is not None:
            continue
        if make == "launch" and not (k + 1 < len(toks) and toks[k + 1].lower.startswith("қосу")):
            continue  # "іске" only in "іске қосу"
        after = [t.lower for t in toks[k + 1 : k + 4]]
        if after[:1] and after[0].startswith(("бастама", "идея", "ұсыныс")):
            proposal = True  # "биржасын құру бастамасын" (find_initiatives did not know X)
        elif tok.lower.endswith(("ды", "ді", "ты", "ті")) or make == "launch":
            proposal = any(a.startswith("ұсын") and not a.startswith("ұсыныл") for a in after[:2])
        else:
            proposal = (after[:1] in (["туралы"], ["жөнінде"])) and any(
                a.startswith(_KK_PROPOSE) for a in after[1:3]
            )
        if not proposal:
            continue
        start = k
        while start > 0 and k - start < 8:
            prev = toks[start - 1]
            gap = sent.text[prev.end - base : toks[start].start - base]
            if any(c in gap for c in ",;:.()"):
                break
            hit = sent.covered(start - 1)
            if hit is not None and hit.type not in ("State", "Organization", "Place", "Forum"):
                break
            low = prev.lower
            if hit is None and (
                low in ("және", "мен", "пен", "бен", "үшін", "ретінде", "бірге", "деп", "ол",
                        "олар", "бұл", "біз", "жылы", "жылға")
                or low.endswith(_KK_CLAUSE_END)
                or low.endswith(("да", "де", "та", "те"))
                or prev.text[:1].isdigit()
            ):
                break
            if hit is not None and (hit.type == "Place" or prev.lower.endswith(
                ("ның", "нің", "дың", "дің", "тың", "тің", "да", "де", "та", "те", "нда", "нде")
            )):
                break  # "Астанада ... өткізу": where; "Қазақстан тарапының": whose
            start = hit.i if hit is not None else start - 1
        if k - start < 2 or all(sent.covered(n) is not None for n in range(start, k)):
            continue
        if _stem_in(toks[k - 1].text, _KK_EVENT_HEADS):
            continue  # "саммит өткізу": a planned event, not an initiative
        words = [t.text for t in toks[start:k]]
        en = lex.translate(words)
        words[-1] = _kk_nominative(words[-1])
        label = title_case(en) if en else to_latin(" ".join(words))
        _new(doc, sent, "Initiative", label[:1].upper() + label[1:], start, k, "proposal")


_KK_EVENT_HEADS = ("саммит", "кездесу", "форум", "конференция", "сессия", "отырыс", "жиын",
                   "консультация", "келіссөз", "сапар")
_KK_VOICED = {"ғ": "қ", "г": "к", "б": "п"}


def _kk_nominative(word: str) -> str:
    """ "орталығын" -> "орталық", "биржасын" -> "биржа", "тобын" -> "топ": the dictionary
    form of a possessive-accusative head noun, for a transliterated label."""
    low = casefold(word)
    if low.endswith(("сын", "сін")) and len(low) > 5:
        return word[:-3]
    if low.endswith(("ын", "ін")) and len(low) > 4:
        stem = word[:-2]
        return stem[:-1] + _KK_VOICED.get(stem[-1], stem[-1])
    if low.endswith(("ны", "ні", "ды", "ді", "ты", "ті")) and len(low) > 4:
        return word[:-2]
    return word


def _new_named(doc: Doc, sent: Sent, type_: str, label: str, i: int, j: int) -> Entity:
    """A new Forum/Organization/Place/Event named in the text."""
    path = {"Forum": "forum", "Organization": "organization", "Place": "place",
            "Event": "event"}[type_]
    name = sent.text[sent.toks[i].start - sent.span.start : sent.toks[j - 1].end - sent.span.start]
    ent = doc.entity(f"{path}/{label_slug(label)}", type_, label, name=name)
    doc.add_hit(sent, ent, i, j, source="name")
    return ent


_KK_BODY_HEADS = {"кеңес": "Council", "комиссия": "Commission", "комитет": "Committee",
                  "форум": "Forum"}
#: endings of Kazakh adjectives that may stand inside a body's name
_KK_ADJECTIVE = ("лық", "лік", "дық", "дік", "тық", "тік", "ғы", "гі", "қы", "кі", "ралық")


#: participles and nouns that stand inside a body's name: "бірлескен сауда комитеті"
_KK_PARTICIPLE = ("ген", "ған", "кен", "қан")
_KK_NAME_NOUNS = frozenset({"сауда", "сауда-экономикалық", "іскер", "кеден", "шекара"})

#: what a Kazakh document's name may hold: "Түркі инвестициялық қорын құру туралы келісім"
_KK_IN_DOCUMENT_NAMES = ("State", "Organization", "Place", "Forum", "Initiative")


def body_type(head: str, meets: bool) -> str:
    """A commission or committee is an Organization (on the dev part the annotators typed
    all 17 such commissions and half the committees so), unless it meets: an
    intergovernmental one or one of two named states is a Forum, as a council or forum is."""
    if head in ("Commission", "Committee") and not meets:
        return "Organization"
    return "Forum"


def find_bodies_kk(doc: Doc, sent: Sent, lex: Lexicon) -> None:
    """ "Жоғары мемлекетаралық кеңестің", "Қазақстан – Түркия Жоғары деңгейдегі
    стратегиялық ынтымақтастық кеңесінің", "үкіметаралық кеңестің": a named body that
    meets (a Forum) the gazetteer does not know."""
    toks = sent.toks
    for k, tok in enumerate(toks):
        if sent.covered(k) is not None:
            continue
        head = next((v for w, v in _KK_BODY_HEADS.items() if tok.lower.startswith(w)), None)
        if head is None or tok.lower.startswith(("кеңесі мен", "кеңесші")):
            continue
        start = k
        while start > 0 and k - start < 7:
            prev = toks[start - 1]
            hit = sent.covered(start - 1)
            gap = sent.text[prev.end - sent.span.start : toks[start].start - sent.span.start]
            if any(c in gap for c in ",.;:()«»"):
                break
            if hit is not None:
                if hit.type == "State" and k - start < 6:
                    start = hit.i
                    continue
                break
            low = prev.lower
            if low.startswith(_KK_SUBJECTS) or low in ("және", "мен", "пен", "бен"):
                break
            if not prev.text[:1].isupper() and not low.endswith(_KK_ADJECTIVE) and not (
                low.endswith(_KK_PARTICIPLE) or low in _KK_NAME_NOUNS
            ):
                break  # "Екі ел басшылары Жоғары …": the name starts at "Жоғары"
            if start - 1 == 0 and lex.word(prev.text) is None:
                break  # "Олар үкіметаралық кеңестің ...": capitalised as the sentence's first
            start -= 1
        if start < k and KK_ORDINAL.match(toks[start].text):
            start += 1  # "III Каспий экономикалық форумы": the body's name follows its number
        first = toks[start]
        if start == k or not (first.text[:1].isupper() or first.lower.startswith("үкіметаралық")):
            continue
        states = [h for h in sent.hits if h.type == "State" and start <= h.i and h.j <= k]
        words = [t.text for n, t in enumerate(toks[start:k], start) if sent.covered(n) is None]
        if not words:
            continue  # "Қазақстанның форуммен": a state and the word, no name of its own
        what = lex.translate(words)
        if what and states:
            # "Қазақстан – Қырғызстан үкіметаралық кеңесі": named as the Russian is
            # ("Intergovernmental Council of Kazakhstan and Kyrgyzstan"), one IRI for both
            parties = " and ".join(doc.entities[h.entity].label for h in states)
            label = f"{title_case(what)} {head} of {parties}"
        elif what and len(words) == k - start:
            label = f"{title_case(what)} {head}"
        else:
            label = f"{head} {to_latin(' '.join(t.text for t in toks[start:k]))}"
        if head == "Forum" and words[-1].lower().startswith(("инвестициялық", "іскерлік")):
            # "Қазақстан – Жапония инвестициялық форумы": held once, an Event
            doc.event(_new_named(doc, sent, "Event", label, start, k + 1), "Event")
            continue
        pair = re.fullmatch(r"[А-ЯӘҒҚҢӨҰҮҺІ]\w+[-–][А-ЯӘҒҚҢӨҰҮҺІ]\w+", toks[start].text)
        meets = bool(len(states) >= 2 or pair) or any(
            t.lower.startswith("үкіметаралық") for t in toks[start:k]
        )  # "Қазақстан-Малайзия бірлескен сауда комитеті": a body of two states
        _new_named(doc, sent, body_type(head, meets), label, start, k + 1)


# -- governments ------------------------------------------------------------------------


def find_governments(doc: Doc, sent: Sent) -> None:
    """ "Қазақстан Үкіметі", "Правительство Республики Узбекистан", "the Government of
    Japan": a state's government is an Organization (the gazetteer's, or a new one)."""
    toks = sent.toks
    for h in list(sent.hits):
        if h.type != "State" or h.nested:
            continue
        if _cabinet(doc, sent, h):
            continue
        if doc.lang == "kk":
            if (
                h.j < len(toks)
                and toks[h.j].lower.startswith("үкімет")
                and not toks[h.j].lower.startswith("үкіметаралық")  # intergovernmental
                and sent.covered(h.j) is None
            ):
                _government(doc, sent, h, h.i, h.j + 1)
        elif doc.lang == "ru":
            k = h.i - 1
            if k >= 0 and "правительство" in sent.reads[k] and sent.covered(k) is None:
                _government(doc, sent, h, k, h.j)
        else:
            k = h.i - 1
            if k >= 0 and toks[k].lower in ("the",):
                k -= 1
            if k >= 1 and toks[k].lower == "of" and toks[k - 1].lower == "government":
                if sent.covered(k - 1) is None:
                    _government(doc, sent, h, k - 1, h.j)
            elif h.j < len(toks) and toks[h.j].lower == "government" and sent.covered(h.j) is None:
                _government(doc, sent, h, h.i, h.j + 1)


def _cabinet(doc: Doc, sent: Sent, h: Hit) -> bool:
    """ "Қырғыз Республикасы Министрлер Кабинеті", "Кабинет министров Туркменистана", "the
    Cabinet of Ministers of Kyrgyzstan": the government of the states that call it so."""
    toks, n = sent.toks, len(sent.toks)
    low = [t.lower for t in toks]
    span = None
    if doc.lang == "kk" and h.j + 1 < n and low[h.j] == "министрлер" and low[h.j + 1].startswith(
        "кабинет"
    ):
        span = (h.i, h.j + 2)
    elif doc.lang == "ru" and h.i >= 2 and "кабинет" in sent.reads[h.i - 2] and low[
        h.i - 1
    ] == "министров":
        span = (h.i - 2, h.j)
    elif doc.lang == "en":
        k = h.i - (2 if h.i >= 1 and low[h.i - 1] == "the" else 1)
        if k >= 3 and low[k - 3 : k + 1] == ["cabinet", "of", "ministers", "of"]:
            span = (k - 3, h.j)
    if span is None or any(sent.covered(m) is not None for m in range(*span) if not (
        h.i <= m < h.j
    )):
        return False
    _government(doc, sent, h, *span, body="Cabinet of Ministers", key="cabinet")
    i, j = span
    if (j < n and low[j].startswith(("төраға", "chair"))) or (i and (
        low[i - 1] in ("of", "the") or low[i - 1].startswith(("председател", "заместител"))
    )):  # "Министрлер Кабинетінің Төрағасы", "Председатель Кабинета министров ...": the
        h.nested = False  # state still names whose the title is
    return True


def _government(
    doc: Doc, sent: Sent, state: Hit, i: int, j: int, body: str = "Government",
    key: str = "government",
) -> None:
    code = state.entity.split("/", 1)[1]
    known = f"organization/{key}-{code}"
    if doc.gaz.get(known):
        ent = doc.known(known)
    else:
        label = f"{body} of {doc.entities[state.entity].label}"
        ent = doc.entity(known, "Organization", label, name=sent.text[
            sent.toks[i].start - sent.span.start : sent.toks[j - 1].end - sent.span.start
        ])
    state.nested = True
    doc.add_hit(sent, ent, i, j, source="government")


# -- anaphors ---------------------------------------------------------------------------

_ANAPHORS = {
    "форум": ("Forum",),
    "бастама": ("Initiative",),
    "ұсыныс": ("Initiative",),
    "конвенция": ("Treaty",),
    "шарт": ("Treaty",),
    "ұйым": ("Organization",),
}


def find_anaphors(doc: Doc, sent: Sent) -> None:
    """ "бұл форум" (this forum), "Бұл бастама" (this initiative): the last one named."""
    toks = sent.toks
    for k in range(len(toks) - 1):
        if casefold(toks[k].text) not in ("бұл", "осы", "аталған") or sent.covered(k + 1):
            continue
        types = next((t for key, t in _ANAPHORS.items() if key in kk.stems(toks[k + 1].text)), None)
        if not types:
            continue
        here = [h for h in sent.hits if h.type in types and h.j <= k and h.source != "anaphor"]
        if here:  # named earlier in the same sentence
            ent = doc.entities[max(here, key=lambda h: h.j).entity]
        else:
            ent = doc.last_of_type(types, sent.index - 1) if sent.index else None
        if ent is not None:
            doc.add_hit(sent, ent, k, k + 2, source="anaphor")


# -- Russian and English ----------------------------------------------------------------

_POLICY_WORDS = frozenset(
    {
        "инициатива",
        "концепция",
        "программа",
        "стратегия",
        "доктрина",
        "initiative",
        "concept",
        "programme",
        "program",
        "strategy",
        "doctrine",
    }
)
_EN_HEADS = {
    "Summit": ("Event", "Summit"),
    "Conference": ("Event", "Conference"),
    "Forum": ("Forum", None),
    "Initiative": ("Initiative", None),
    "Programme": ("Initiative", None),
    "Program": ("Initiative", None),
    "Strategy": ("Initiative", None),
    "Concept": ("Initiative", None),
    "Treaty": ("Treaty", None),
    "Convention": ("Treaty", None),
    "Agreement": ("Treaty", None),
    "Declaration": ("Treaty", None),
    "Charter": ("Treaty", None),
    "Organization": ("Organization", None),
    "Organisation": ("Organization", None),
    "Agency": ("Organization", None),
    "Centre": ("Organization", None),
    "Center": ("Organization", None),
}
_EN_HEADS.update(
    {
        "Accords": ("Treaty", None),
        "Accord": ("Treaty", None),
        "Roadmap": ("Treaty", None),
        "Memorandum": ("Treaty", None),
        "Communiqué": ("Treaty", None),
        "Statement": ("Treaty", None),
        "Protocol": ("Treaty", None),
        "Bank": ("Organization", None),
        "Fund": ("Organization", None),
        "Secretariat": ("Organization", None),
        "Corridor": ("Initiative", None),
        "Partnership": ("Initiative", None),
        "Route": ("Initiative", None),
        "Railway": ("Initiative", None),
        "River": ("Place", None),
        "Lake": ("Place", None),
        "Valley": ("Place", None),
        "Base": ("Place", None),
        "Plant": ("Place", None),
        "Palace": ("Place", None),
        "Residence": ("Place", None),
        "Square": ("Place", None),
        "Airport": ("Place", None),
        "Port": ("Place", None),
        "Cosmodrome": ("Place", None),
        "Region": ("Place", None),
        "Province": ("Place", None),
        "Government": ("Organization", None),
        "Council": ("Forum", None),
        "Commission": ("Organization", None),
        "Committee": ("Organization", None),
    }
)
_EN_NAME = re.compile(
    r"\b((?:[A-Z][\w'-]*\s+(?:(?:of|for|on|and|the|between)\s+)*){1,8}("
    + "|".join(_EN_HEADS)
    + r")(?:\s+until\s+\d{4})?)\b"
)
_PLANNED = ("establish", "creat", "set up", "setting up", "propos", "idea")
#: words that make a commission or committee a body of states that meets (a Forum)
_MEETING_BODY = frozenset({"intergovernmental", "interstate", "interparliamentary", "joint",
                           "interregional", "interagency"})


def find_named_svo(doc: Doc, sent: Sent) -> None:
    """«Quoted» initiatives after an initiative word (ru, en) and English capitalised
    names ending in a telling noun ("Regional Climate Summit", "International Water
    Organization"); a planned institution ("proposed establishing ...") is an Initiative."""
    text = fold(sent.text)
    base = sent.span.start
    for m in _QUOTED.finditer(text):
        a, b = base + m.start(), base + m.end()
        inner = [k for k, t in enumerate(sent.toks) if a < t.start < b]
        if not inner or any(sent.covered(k) for k in inner):
            continue
        near = range(max(0, inner[0] - 6), min(len(sent.toks), inner[-1] + 3))
        if not any(
            sent.reads[k] & _POLICY_WORDS or sent.toks[k].lower in _POLICY_WORDS for k in near
        ):
            continue
        if doc.lang == "en" and not m.group(1)[:1].isupper():
            continue  # a quoted phrase ("fully supports"), not a name
        label = m.group(1) if doc.lang == "en" else to_latin(m.group(1))
        _new(
            doc,
            sent,
            "Initiative",
            label,
            inner[0],
            inner[-1] + 1,
            "quoted",
            name=m.group(1),
            start=a,
            end=b,
        )
    if doc.lang != "en":
        return
    for m in _EN_NAME.finditer(text):
        a, b = base + m.start(1), base + m.end(1)
        inner = [k for k, t in enumerate(sent.toks) if a <= t.start < b]
        covering = [sent.covered(k) for k in inner]
        document = bool(inner) and _EN_HEADS.get(sent.toks[inner[0]].text, (None,))[0] == "Treaty"
        # a body, a format or a project may name a document ("Agreement on the Establishment
        # of the Eurasian Development Bank") and, first, a body or a project of its own
        # ("the China-Central Asia Secretariat", "the SCO Development Strategy", "the
        # Korea-Central Asia Critical Minerals Partnership")
        owned = _EN_HEADS[m.group(2)][0] in ("Organization", "Initiative")
        inside = ("Place", "State") + (
            ("Organization", "Initiative", "Forum") if document or owned else ()
        )
        if (
            not inner
            or len(inner) < 2
            or any(
                h is not None and (h.type not in inside or h.j > inner[-1] + 1)
                for h in covering
            )
        ):  # a place may name a document ("Tianjin Declaration"), and a body or project
            continue  # may ("Agreement on the Establishment of the Eurasian Development Bank")
        if any(h is not None and h.i <= inner[0] and h.j > inner[-1] for h in covering):
            continue  # the whole name is a known one already (a venue)
        if not document and any(
            sent.toks[k].lower == "and" and sent.toks[k + 1].lower == "the" for k in inner[:-1]
        ):
            continue  # "the Cabinet of Ministers of Kyrgyzstan and the State Committee": two
        if not document and not _owner_first(sent, inner, covering):
            continue  # "the EAEU and the CSTO Organization", "Chairman of the CIS Council"
        for h in covering:
            if h is not None:
                h.nested = True
        if sent.toks[inner[0]].lower in ("the", "a", "an", "this", "that"):
            inner = inner[1:]
        cut = next((n for n, k in enumerate(inner) if sent.toks[k].lower.endswith("'s")), None)
        if cut is not None:  # "Kyrgyzstan's Jalal-Abad Region": the name follows the owner
            inner = inner[cut + 1 :]
        if len(inner) < 2 or any(sent.toks[k].text in ("News", "Times", "Press") for k in inner):
            continue  # too short, or a news outlet (not an entity of the graph)
        type_, kind = _EN_HEADS[m.group(2)]
        if type_ == "Organization" and any(
            sent.toks[k].lower in _MEETING_BODY for k in inner
        ):  # "the Kazakhstan–Malaysia Intergovernmental Commission": a body that meets
            type_ = "Forum"
        if type_ == "Forum" and sent.toks[inner[-1] - 1].lower in ("business", "investment"):
            type_, kind = "Event", "Event"  # "the Kazakhstan–Japan Business Forum": held once
        first = sent.toks[inner[0]].text
        if _EN_HEADS.get(first, (None,))[0] == "Treaty" and type_ != "Treaty":
            type_, kind = "Treaty", None  # "Agreement between ... on the ... Center": a document
        before = text[max(0, m.start() - 40) : m.start()].lower()
        if type_ == "Organization" and any(p in before for p in _PLANNED):
            type_ = "Initiative"
        label = " ".join(sent.toks[k].text for k in inner)
        if type_ in ("Initiative", "Treaty"):
            _new(doc, sent, type_, label, inner[0], inner[-1] + 1, "name")
        else:
            kind_path = {
                "Event": "event",
                "Forum": "forum",
                "Organization": "organization",
                "Place": "place",
            }[type_]
            ent = doc.entity(
                f"{kind_path}/{label_slug(label)}", type_, label, name=label, kind=kind
            )
            doc.add_hit(sent, ent, inner[0], inner[-1] + 1, source="name")
            if type_ == "Event":
                doc.event(ent, kind or "Event")


def _owner_first(sent: Sent, inner: list[int], covering: list[Hit | None]) -> bool:
    """A body, format or project inside an English name that is not a document's stands
    first, and capitalised words alone follow it to the head: "the China-Central Asia
    Secretariat", not "the EAEU and the Collective Security Treaty Organization"."""
    owners = [h for h in covering if h is not None and h.type not in ("Place", "State")]
    if not owners:
        return True
    first = 1 if sent.toks[inner[0]].lower == "the" else 0
    if any(h.i != inner[first] for h in owners):
        return False
    after = [k for k in inner if k >= owners[0].j]
    return bool(after) and all(sent.toks[k].text[:1].isupper() for k in after)


# -- numbered resolutions ------------------------------------------------------------------

_RU_RESOLUTION = frozenset({"резолюция"})


def find_resolutions(doc: Doc, sent: Sent) -> None:
    """ "UN Security Council Resolution 2254", "резолюции 2254 Совета Безопасности ООН",
    "БҰҰ Қауіпсіздік Кеңесінің 2254 қарарына", "64/35 қарарын": a numbered resolution is
    a document (Treaty), labelled with the body that adopted it when the text names it."""
    toks = sent.toks
    base = sent.span.start
    for k, tok in enumerate(toks):
        if doc.lang == "ru":
            is_word = bool(sent.reads[k] & _RU_RESOLUTION)
        elif doc.lang == "kk":  # (not "қарарлар", the verb "қарарлады")
            is_word = tok.lower.startswith("қарар") and not tok.lower.startswith("қарарла")
        else:
            is_word = tok.lower in ("resolution", "resolutions")
        if not is_word or sent.covered(k) is not None:
            continue
        # the number: after the word (en, ru), before it (kk); "64/35" is two tokens
        if doc.lang == "kk":
            end, start = k + 1, k
            while start > 0 and toks[start - 1].text.isdigit():
                start -= 1
            number_at = (start, k)
        else:
            start, end = k, k + 1
            while end < len(toks) and toks[end].text.isdigit() and end - k <= 2:
                end += 1
            number_at = (k + 1, end)
        if number_at[0] >= number_at[1]:
            continue
        number = sent.text[toks[number_at[0]].start - base : toks[number_at[1] - 1].end - base]
        if not re.fullmatch(r"\d{1,5}(/\d{1,4})?", number.replace(" ", "")):
            continue
        body = None
        if doc.lang == "ru":  # "резолюции 2254 Совета Безопасности ООН"
            body = next((h for h in sent.hits if h.i == end and not h.nested
                         and h.type in ("Forum", "Organization")), None)
            if body is not None:
                end = body.j
        else:  # "UN Security Council Resolution 2254", "Қауіпсіздік Кеңесінің 2254 қарары"
            body = next((h for h in sent.hits if h.j == start and not h.nested
                         and h.type in ("Forum", "Organization")), None)
            if body is not None:
                start = body.i
        if body is None:  # "резолюции 2254" again: the resolution named with its body before
            known = next((e for e in doc.entities.values() if e.type == "Treaty"
                          and e.label.casefold().endswith(f"resolution {number}")), None)
            if known is not None:
                doc.add_hit(sent, known, start, end, source="resolution")
                continue
        owner = short_label(doc.entities[body.entity].label) if body is not None else ""
        label = f"{owner} resolution {number}".strip()
        _new(doc, sent, "Treaty", label[:1].upper() + label[1:], start, end, "resolution")
        if body is not None:  # the body is named inside the resolution's name
            for h in sent.hits:
                if body.i <= h.i and h.j <= body.j:
                    h.nested = True


# -- corridors, railways, pipelines named by the places they link -------------------------

#: project nouns: en word / ru lemma / kk stem prefix -> English
_LINK_NOUNS = {
    "en": {"railway": "railway", "railroad": "railway", "corridor": "corridor",
           "pipeline": "pipeline", "route": "route", "highway": "highway"},
    "ru": {"коридор": "corridor", "газопровод": "gas pipeline", "нефтепровод": "oil pipeline",
           "трубопровод": "pipeline", "маршрут": "route", "магистраль": "highway",
           "дорога": "railway"},
    "kk": {"теміржол": "railway", "дәліз": "corridor", "құбыр": "pipeline",
           "маршрут": "route", "автожол": "highway"},
}
_LINK_DASHES = ("–", "—", "-", "‑")


def _dashed_places(doc: Doc, sent: Sent, i: int) -> tuple[list[str], int] | None:
    """The places of "Қытай – Қазақстан – Түрікменстан – Иран", "Баку – Тбилиси – Джейхан"
    starting at token ``i`` (within «» or not): their English names and the end token; at
    least two, joined by dashes, one of them known."""
    toks, base = sent.toks, sent.span.start
    names: list[str] = []
    known = 0
    k = i
    while k < len(toks):
        hit = sent.covered(k)
        if hit is not None and hit.type in ("State", "Place"):
            names.append(doc.entities[hit.entity].label)
            known += 1
            k = hit.j
        elif toks[k].text[:1].isupper() and toks[k].text.isalpha() and hit is None:
            names.append(to_latin(toks[k].text))
            k += 1
        else:
            break
        gap = sent.text[toks[k - 1].end - base : toks[k].start - base] if k < len(toks) else ""
        if gap.strip() not in _LINK_DASHES:
            break
    if len(names) < 2 or not known:
        return None
    return names, k


def find_corridors(doc: Doc, sent: Sent) -> None:
    """ "the China–Kyrgyzstan–Uzbekistan railway", "«Қытай – Қазақстан – Түрікменстан – Иран»
    теміржол дәлізі", "нефтепровод Баку – Тбилиси – Джейхан", "коридора «Центральная Азия –
    Азербайджан – Европа»": a link named by the places it joins is an Initiative (a
    project), one IRI in every language ("China–Kazakhstan–Turkmenistan–Iran railway")."""
    toks = sent.toks
    table = _LINK_NOUNS[doc.lang]
    k = 0
    while k < len(toks):
        found = _dashed_places(doc, sent, k) if _list_may_start(sent, k) else None
        if found is None:
            k += 1
            continue
        names, end = found
        noun, start, stop = None, k, end
        if end < len(toks) and (word := word_key(doc.lang, sent, end, table)) is not None:
            noun, stop = table[word], end + 1  # the noun after the list (en, kk)
            if stop < len(toks) and word_key(doc.lang, sent, stop, table) in (
                "corridor", "коридор", "дәліз"
            ):
                noun, stop = f"{noun} corridor", stop + 1  # "теміржол дәлізі"
        elif doc.lang == "ru":  # the noun before it: "нефтепровод Баку – Тбилиси – Джейхан"
            for n in range(k - 1, max(-1, k - 3), -1):
                word = word_key(doc.lang, sent, n, table)
                if word is None:
                    continue
                if word == "дорога":
                    if not (n and "железный" in sent.reads[n - 1]):
                        break
                    n -= 1
                noun, start = table[word], n
                break
        if noun is None:
            k = end
            continue
        ent = _new(doc, sent, "Initiative", f"{'–'.join(names)} {noun}", start, stop, "corridor")
        for h in sent.hits:
            if h.entity != ent.id and start <= h.i and h.j <= stop and h.type in ("State", "Place"):
                h.nested = True  # (the places name the link; they are not actors here)
        k = stop


def _list_may_start(sent: Sent, k: int) -> bool:
    """Token ``k`` may open a list of places: a place's first token, or a capitalised word
    that no other name covers."""
    hit = sent.covered(k)
    if hit is not None:
        return hit.type in ("State", "Place") and hit.i == k
    return sent.toks[k].text[:1].isupper()


# -- venues -------------------------------------------------------------------------------

#: the last words of a venue's name -> its English head (en words; ru lemmas; kk stems)
_VENUE_HEADS = {
    "en": {("convention", "center"): "Convention Center", ("convention", "centre"):
           "Convention Centre", ("congress", "center"): "Congress Center",
           ("congress", "centre"): "Congress Centre", ("exhibition", "center"):
           "Exhibition Center", ("exhibition", "centre"): "Exhibition Centre",
           ("international", "airport"): "International Airport", ("airport",): "Airport",
           ("palace",): "Palace", ("residence",): "Residence", ("hotel",): "Hotel"},
    "ru": {("конгресс-центр",): "Congress Centre", ("выставочный", "центр"): "Exhibition Centre",
           ("аэропорт",): "Airport", ("дворец",): "Palace", ("резиденция",): "Residence",
           ("отель",): "Hotel", ("гостиница",): "Hotel"},
    "kk": {("конгресс-орталы",): "Congress Centre", ("көрме", "орталы"): "Exhibition Centre",
           ("әуежай",): "Airport", ("сарай",): "Palace", ("резиденция",): "Residence",
           ("қонақүй",): "Hotel", ("облыс",): "Region"},
}


#: the heads longest first, per language (looked up at every token)
_VENUE_ORDER = {
    lang: sorted(heads.items(), key=lambda kv: -len(kv[0])) for lang, heads in _VENUE_HEADS.items()
}
_VENUE_FIRST = {lang: {words[0] for words in heads} for lang, heads in _VENUE_HEADS.items()}
_VENUE_STEMS = tuple(_VENUE_FIRST["kk"])  # Kazakh heads are matched as word stems


def _venue_head(doc: Doc, sent: Sent, k: int) -> tuple[int, str] | None:
    """A venue head starting at token ``k``: (its length, English)."""
    low = sent.toks[k].lower
    first = _VENUE_FIRST[doc.lang]
    if doc.lang == "en" and low not in first:
        return None
    if doc.lang == "ru" and not sent.reads[k] & first:
        return None
    if doc.lang == "kk" and not low.startswith(_VENUE_STEMS):
        return None
    for words, en in _VENUE_ORDER[doc.lang]:
        n = len(words)
        if k + n > len(sent.toks):
            continue
        ok = True
        for m, w in enumerate(words):
            tok = sent.toks[k + m]
            if doc.lang == "ru":
                ok = w in sent.reads[k + m]
            elif doc.lang == "kk":
                ok = tok.lower.startswith(w)
            else:
                ok = tok.lower == w
            if not ok:
                break
        if ok:
            return n, en
    return None


def find_venues(doc: Doc, sent: Sent) -> None:
    """ "the Meijiang Convention and Exhibition Center", "Hamad International Airport",
    "«Қазан Экспо» халықаралық көрме орталығында", "в конгресс-центре «Астана»": a venue the
    gazetteer does not know is a Place, named by its quoted or capitalised name and its head."""
    toks = sent.toks
    for k in range(1, len(toks)):
        if sent.covered(k) is not None:
            continue
        head = _venue_head(doc, sent, k)
        if head is None:
            continue
        n, en = head
        start = k - 1 if doc.lang in ("kk", "ru") and toks[k - 1].lower.startswith(
            ("халықаралық", "международн")
        ) else k
        span = _quoted_before(sent, start) or _quoted_after(sent, k + n)
        city = sent.covered(k - 1)
        if span is None and en == "Region" and city is not None and city.type == "Place":
            # "Ташкент облысы": the region named after its city
            town = doc.entities[city.entity]
            sent.hits.remove(city)  # (the city's name here names the region, not the city)
            town.mentions = [m for m in town.mentions if (m.start, m.end) != (city.start, city.end)]
            _new_named(doc, sent, "Place", f"{town.label} Region", city.i, k + 1)
            return
        if en == "Region":
            continue
        named_by = sent.covered(start - 1) if start else None
        if span is None and named_by is not None and named_by.type == "Place" and (
            named_by.j == start and "Airport" in en
        ):  # "Қазан халықаралық әуежайы", "Astana International Airport": the city's airport
            name = doc.entities[named_by.entity].label
            en = en if en.startswith("International") or start == k else f"International {en}"
            _new_named(doc, sent, "Place", f"{name} {en}", named_by.i, k + n)
            return
        if span is None and doc.lang in ("en", "kk"):
            first = start
            while first > 1 and sent.covered(first - 1) is None and (
                toks[first - 1].text[:1].isupper()
                or (
                    doc.lang == "en"
                    and toks[first - 1].lower in ("and", "of")
                    and toks[first - 2].text[:1].isupper()
                )
            ) and start - first < 5:
                first -= 1
            if first < start and toks[first].text[:1].isupper():
                span = (first, start)
        if span is None:
            continue
        i, j = span
        if any(sent.covered(m) is not None and sent.covered(m).type != "Place"
               for m in range(i, j)):
            continue
        words = " ".join(t.text for t in toks[i:j])
        name = words if doc.lang == "en" else to_latin(words)
        if name.endswith(" International") and en.startswith("International"):
            name = name[: -len(" International")]
        if start < k and not en.startswith("International"):
            en = f"International {en}"  # "халықаралық әуежайы", "международный аэропорт"
        label = f"{name} {en}"
        _new_named(doc, sent, "Place", label, min(i, start), max(j, k + n))
        return


#: closing quote -> its opening one, and the reverse
_QUOTES = {"»": "«", "”": "“", '"': '"'}
_CLOSING = {opening: close for close, opening in _QUOTES.items()}


def _quoted_before(sent: Sent, k: int, most: int = 5) -> tuple[int, int] | None:
    """The tokens of a «quoted name» (at most ``most``) that ends right before token ``k``."""
    base = sent.span.start
    if k == 0 or k >= len(sent.toks):
        return None
    gap = sent.text[sent.toks[k - 1].end - base : sent.toks[k].start - base]
    close = next((c for c in _QUOTES if c in gap), None)
    if close is None:
        return None
    opened = sent.text.rfind(_QUOTES[close], 0, sent.toks[k - 1].start - base)
    first = next((m for m in range(k) if sent.toks[m].start - base > opened), None)
    return (first, k) if opened >= 0 and first is not None and k - first <= most else None


def _quoted_after(sent: Sent, k: int, most: int = 5) -> tuple[int, int] | None:
    """The tokens of a «quoted name» (at most ``most``) that opens right after token
    ``k - 1``."""
    base = sent.span.start
    if k >= len(sent.toks) or k == 0:
        return None
    gap = sent.text[sent.toks[k - 1].end - base : sent.toks[k].start - base]
    opening = next((o for o in _CLOSING if o in gap), None)
    if opening is None:
        return None
    close = _CLOSING[opening]
    closed = sent.text.find(close, sent.toks[k].start - base)
    last = next((m for m in range(len(sent.toks) - 1, k - 1, -1)
                 if sent.toks[m].end - base <= closed), None)
    return (k, last + 1) if closed >= 0 and last is not None and last + 1 - k <= most else None


# -- gatherings named by a quoted title -----------------------------------------------------

#: heads of gatherings with a title of their own (en word; ru lemma; kk stem) -> English
_TITLED_HEADS = {
    "en": {"forum": "Forum", "conference": "Conference", "summit": "Summit",
           "congress": "Congress", "symposium": "Symposium"},
    "ru": {"форум": "Forum", "конференция": "Conference", "саммит": "Summit",
           "конгресс": "Congress", "симпозиум": "Symposium"},
    "kk": {"форум": "Forum", "конференция": "Conference", "саммит": "Summit",
           "конгресс": "Congress", "симпозиум": "Symposium"},
}


def find_titled_gatherings(doc: Doc, sent: Sent) -> None:
    """ "Международный форум «Международный год мира и доверия ...»", "«Бір су» саммиті",
    "конференция «Казахская дипломатия ...»", "the "Central Asia: Shared Future" forum": a
    gathering named by its quoted title is an Event of its own (a recurring body the
    gazetteer knows is read elsewhere)."""
    toks = sent.toks
    table = _TITLED_HEADS[doc.lang]
    for k in range(len(toks)):
        if sent.covered(k) is not None:
            continue
        head = word_key(doc.lang, sent, k, table)
        if head is None:
            continue
        span = _quoted_after(sent, k + 1, 12) if doc.lang == "ru" else None
        span = span or _quoted_before(sent, k, 12) or (
            _quoted_after(sent, k + 1, 12) if doc.lang == "en" else None
        )
        if span is None and doc.lang == "kk" and k and toks[k - 1].lower == "атты":
            span = _quoted_before(sent, k - 1, 12)  # "«...» атты конференция"
        if span is None and doc.lang == "kk" and k > 1 and toks[k - 2].lower == "атты" and (
            toks[k - 1].lower.startswith("халықаралық")
        ):
            span = _quoted_before(sent, k - 2, 12)  # "«...» атты халықаралық конференция"
        if span is None:
            continue
        i, j = span
        if any(sent.covered(m) is not None and sent.covered(m).type not in (
            "Place", "State", "Initiative", "Organization"
        ) for m in range(i, j)):
            continue
        base = sent.span.start
        title = sent.text[toks[i].start - base : toks[j - 1].end - base]
        if doc.lang != "en":
            title = to_latin(title)
        label = f'{table[head]} "{title}"'
        start = min(i, k)
        if k and sent.covered(k - 1) is None and (
            toks[k - 1].lower.startswith(("международн", "халықаралық", "international"))
        ):
            start = min(start, k - 1)
        for m in range(i, j):  # the title's inner names are the title's words here
            inner = sent.covered(m)
            if inner is not None:
                inner.nested = True
        ent = _new_named(doc, sent, "Event", label, start, max(j, k + 1))
        kind = "Summit" if table[head] == "Summit" else "Conference"
        ev = doc.event(ent, kind)
        if any(t.lower.startswith(_HELD_TODAY) for t in toks) or any(
            sent.reads[m] & {"состояться", "пройти", "открыться"} for m in range(len(toks))
        ):
            ev.date = ev.date or doc.article.date  # told as held now, not recalled
        return


#: words that tell a gathering was held (en words, kk stems)
_HELD_TODAY = ("held", "opened", "took", "өтті", "ашылды", "басталды")


# -- organisations introduced with their abbreviation -----------------------------------------

_ABBR = re.compile(r"\s*\(([A-Z][A-Za-z]{1,9})\)")
_NAME_GLUE = frozenset({"of", "for", "and", "on", "the", "in"})
#: heads that make a name an event, a document or a gathering, not an organisation
_NOT_ORG_HEADS = frozenset({"summit", "forum", "conference", "treaty", "agreement",
                            "convention", "declaration", "initiative", "programme", "program",
                            "dialogue", "session", "meeting", "route", "corridor", "zone"})


def find_abbreviated_organisations(doc: Doc, sent: Sent) -> None:
    """ "the Japan Organization for Metals and Energy Security (JOGMEC)", "the National Nuclear
    Security Administration (NNSA)": a capitalised English name followed by its abbreviation
    in brackets, whose letters are the name's initials, is an Organization."""
    if doc.lang != "en":
        return
    toks, base = sent.toks, sent.span.start
    for k in range(1, len(toks)):
        m = _ABBR.match(sent.text, toks[k - 1].end - base)
        if m is None or m.start(1) + base != toks[k].start:
            continue
        abbr = m.group(1)
        end = k  # the name ends before the bracket
        farthest = end
        while farthest > 0 and end - farthest < 10:
            word = toks[farthest - 1].text
            if word[:1].isupper() or (word.lower() in _NAME_GLUE and farthest - 1 > 0):
                farthest -= 1
            else:
                break
        chosen = None  # the longest run of words whose initials open the abbreviation
        for start in range(farthest, end - 1):
            if toks[start].lower in _NAME_GLUE or not toks[start].text[:1].isupper():
                continue
            words = [t.text for t in toks[start:end]]
            initials = "".join(w[0] for w in words if w.lower() not in _NAME_GLUE).upper()
            if initials[:2] == abbr.upper()[:2] and sum(
                1 for c in initials if c in abbr.upper()
            ) >= max(2, len(abbr) // 2):
                chosen = start
                break
        if chosen is None:
            continue
        start = chosen
        words = [t.text for t in toks[start:end]]
        if any(w.lower() in _NOT_ORG_HEADS for w in words):
            continue
        inner = [sent.covered(n) for n in range(start, end)]
        if any(h is not None and (h.i < start or h.j > end) for h in inner):
            continue
        if inner and inner[0] is not None and inner[0].i == start and inner[0].j == end:
            continue  # known already by its full name
        label = " ".join(words)
        ent = doc.entity(f"organization/{label_slug(label)}", "Organization", label, name=label)
        for h in inner:
            if h is not None:
                h.nested = True
        doc.add_hit(sent, ent, start, end, source="name")


#: geographic heads written in lower case after a proper name ("the Shardara reservoir",
#: "the Naryn river", "the Tengiz field") -> the label's head
_EN_GEO_HEADS = {"river": "River", "reservoir": "Reservoir", "lake": "Lake", "field": "Field",
                 "dam": "Dam", "canal": "Canal", "deposit": "Deposit", "valley": "Valley",
                 "airport": "Airport", "port": "Port", "sea": "Sea", "basin": "Basin"}


def find_geographic_features_en(doc: Doc, sent: Sent) -> None:
    """ "the Shardara reservoir", "the Naryn river", "the Tengiz oil field": a proper name the
    reference data does not know followed by a geographic noun in lower case is a Place."""
    if doc.lang != "en":
        return
    toks = sent.toks
    for k in range(1, len(toks)):
        head = _EN_GEO_HEADS.get(toks[k].text)
        if head is None or sent.covered(k) is not None:
            continue
        end = k - 1
        if toks[end].lower in ("oil", "gas", "hydropower", "sea", "river", "deep-water"):
            end -= 1  # "the Tengiz oil field"
        start = end
        while start >= 0 and sent.covered(start) is None and toks[start].text[:1].isupper() \
                and toks[start].text.lower() not in _NOT_IN_PLACE_NAMES and end - start < 3:
            start -= 1
        start += 1
        if start > end or start == 0 and end == start:
            continue  # no name, or only the sentence's first word
        if start > 0 and toks[start - 1].lower not in ("the", "of", "on", "in", "at", "near", "to"):
            continue
        name = " ".join(t.text for t in toks[start : end + 1])
        _new_named(doc, sent, "Place", f"{name} {head}", start, k + 1)


#: capitalised words that do not start a place's name ("the Kazakh river", "the New ...")
_NOT_IN_PLACE_NAMES = frozenset(
    {"kazakh", "russian", "chinese", "uzbek", "kyrgyz", "tajik", "turkmen", "afghan", "iranian",
     "caspian", "central", "asian", "northern", "southern", "eastern", "western", "new", "the",
     "a"}
)


#: Kazakh geographic heads after a proper name: first word(s) of the head -> English
_KK_GEO_HEADS = (
    (("су", "қоймас"), "Reservoir"), (("кен", "орн"), "Field"), (("өзен",), "River"),
    (("бөгет",), "Dam"), (("көлі",), "Lake"), (("каналы",), "Canal"),
)
#: Russian ones: a noun after the name ("месторождение Тенгиз", "река Нарын") or an
#: adjective before the noun ("Шардаринское водохранилище")
_RU_GEO_AFTER = {"месторождение": "Field", "река": "River", "озеро": "Lake"}
_RU_GEO_ADJ = {"водохранилище": "Reservoir", "плотина": "Dam", "месторождение": "Field",
               "канал": "Canal"}
_KK_GEO_FIRST = tuple(words[0] for words, _ in _KK_GEO_HEADS)
_RU_GEO_WORDS = frozenset(_RU_GEO_AFTER) | frozenset(_RU_GEO_ADJ)


def find_geographic_features(doc: Doc, sent: Sent) -> None:
    """Kazakh and Russian counterparts of ``find_geographic_features_en``: "Шардара су
    қоймасы", "Теңіз кен орны", "Нарын өзені", "месторождение Тенгиз", "реки Нарын",
    "Шардаринское водохранилище"."""
    toks = sent.toks
    if doc.lang == "kk":
        if not any(t.lower.startswith(_KK_GEO_FIRST) for t in toks):
            return
        for k in range(1, len(toks)):
            for words, head in _KK_GEO_HEADS:
                if not all(
                    k + n < len(toks) and toks[k + n].lower.startswith(w)
                    and not toks[k + n].lower.startswith("көлік")  # (transport, not a lake)
                    for n, w in enumerate(words)
                ) or any(sent.covered(k + n) is not None for n in range(len(words))):
                    continue
                start = k
                while start > 0 and k - start < 2 and sent.covered(start - 1) is None \
                        and toks[start - 1].text[:1].isupper():
                    start -= 1
                if start == 0 and k == 2:
                    start = 1  # ("Тараптар Шардара су қоймасын": the sentence's first word)
                if start == k:
                    continue
                name = " ".join(t.text for t in toks[start:k])
                _new_named(doc, sent, "Place", f"{to_latin(name)} {head}", start,
                           k + len(words))
    elif doc.lang == "ru":
        if not any(r in _RU_GEO_WORDS for reads in sent.reads for r in reads):
            return
        for k in range(len(toks)):
            if sent.covered(k) is not None:
                continue
            after = next((h for w, h in _RU_GEO_AFTER.items() if w in sent.reads[k]), None)
            if after and k + 1 < len(toks) and sent.covered(k + 1) is None \
                    and toks[k + 1].text[:1].isupper():
                name = toks[k + 1].text
                _new_named(doc, sent, "Place", f"{to_latin(name)} {after}", k, k + 2)
                continue
            noun = next((h for w, h in _RU_GEO_ADJ.items() if w in sent.reads[k]), None)
            if noun and k > 0 and sent.covered(k - 1) is None and toks[k - 1].text[:1].isupper():
                parses = ru_parses(toks[k - 1].lower)
                if parses and parses[0].tag.POS == "ADJF":
                    label = f"{to_latin(parses[0].normal_form).capitalize()} {noun}"
                    _new_named(doc, sent, "Place", label, k - 1, k + 1)


# -- English bodies named head first -------------------------------------------------------

#: heads of English bodies' names that may come first ("Cabinet of Ministers of Kyrgyzstan",
#: "Permanent Mission of Kazakhstan to the UN") or after capitalised words ("the Qatar
#: Chamber"); not offices or funds (on the dev and held-out parts the annotators named
#: fewer than half of those), nor bureaus of a foreign ministry
_EN_BODY_HEADS = frozenset(
    {
        "Ministry", "Cabinet", "Mission", "Delegation", "Academy", "Institute",
        "Committee", "Commission", "Chamber", "Department", "Agency", "Service",
        "Dicastery", "Secretariat", "Corporation", "Bank", "Forces", "Mechanism",
        "Authority", "University",
    }
)
#: words of titles: a body after "Head of the" is part of the title; a name stops before one
_EN_TITLE_WORDS = frozenset(
    {"Minister", "President", "Secretary", "Chairman", "Chair", "Head", "Director", "Member",
     "Ambassador", "Representative", "Envoy", "Spokesperson", "Chief"}
)
#: what an English body's name may hold after its head
_IN_BODY_NAMES = ("State", "Organization", "Place", "Treaty")
#: words that join the parts of a body's name after its head
_EN_BODY_LINKS = frozenset({"of", "for", "to", "on", "under", "and", "the"})
#: capitalised words that do not begin a body's name
_EN_NOT_NAME = frozenset(
    {"The", "A", "An", "This", "That", "Press", "News", "On", "In", "At", "By", "With", "As"}
)


def find_bodies_en(doc: Doc, sent: Sent) -> None:
    """English bodies the reference data does not know, named with their head first or
    after capitalised words: "the Cabinet of Ministers of Kyrgyzstan", "the State Committee
    for National Security of Tajikistan", "the EU Delegation to Kazakhstan", "the CICA
    Senior Officials Committee". A ministry named without a tail is left to the titles
    ("the Foreign Ministry"); a body's name stops before an official ("under the President
    of Kazakhstan") and before a second name ("... and the State Committee")."""
    if doc.lang != "en":
        return
    toks = sent.toks
    n = len(toks)
    base = sent.span.start
    for k in range(n):
        if toks[k].text not in _EN_BODY_HEADS or sent.covered(k) is not None:
            continue
        start = k
        while start > 0 and k - start < 4:
            prev, hit = toks[start - 1], sent.covered(start - 1)
            if sent.text[prev.end - base : toks[start].start - base].strip():
                break  # "Kazakhstan | Office of ...": a page's tag list
            if hit is not None:
                if hit.type not in ("State", "Organization", "Forum") or hit.j != start:
                    break
                start = hit.i
                continue
            if (
                not prev.text[:1].isupper()
                or prev.text in _EN_NOT_NAME
                or prev.lower.endswith(("'s", "’s"))
            ):
                break
            start -= 1
        end = k + 1
        if end < n and toks[end].lower in ("of", "for", "to", "on", "under"):
            probe = end
            while probe < n and probe - k <= 12:
                word, hit = toks[probe], sent.covered(probe)
                if hit is not None:
                    if hit.type not in _IN_BODY_NAMES or hit.i < probe:
                        break
                    probe = end = hit.j
                    continue
                gap = sent.text[toks[probe - 1].end - base : word.start - base]
                if gap.strip():
                    break  # "the EU Delegation to Kazakhstan, the Permanent Mission ..."
                if word.lower in _EN_BODY_LINKS:
                    if word.lower == "and" and probe + 1 < n and (
                        toks[probe + 1].lower == "the"
                        or any(t.text in _EN_TITLE_WORDS for t in toks[probe : probe + 3])
                    ):  # "... of Kyrgyzstan and the State Committee", "... and Foreign Minister"
                        break  # a second name
                    probe += 1
                    continue
                if not word.text[:1].isupper() or word.text in _EN_NOT_NAME:
                    break
                probe = end = probe + 1
        head = toks[k].text
        if head == "Ministry" and end == k + 1:
            continue  # "the Foreign Ministry": a title's ministry (see find_ministries)
        if end - start < 2:
            continue
        inner = range(start, end)
        if start >= 3 and (toks[start - 1].lower, toks[start - 2].lower) == ("the", "of") and (
            toks[start - 3].text.title() in _EN_TITLE_WORDS
        ):
            continue  # "Head of the Federal Department of ...": a title's body, not named alone
        if any(len(toks[m].text) > 4 and toks[m].text.isupper() for m in inner):
            continue  # "the Delegation to KAZAKHSTAN": a page's byline
        if head == "Corporation" and not any(
            (h := sent.covered(m)) is not None and h.type == "State" for m in inner
        ):
            continue  # "Mitsubishi Corporation": a company (not an entity of the graph)
        hits = {id(h): h for m in inner if (h := sent.covered(m)) is not None}.values()
        if any(h.i < start or h.j > end for h in hits):
            continue
        for h in hits:
            h.nested = True
        label = sent.text[toks[start].start - base : toks[end - 1].end - base]
        meets = any(toks[m].lower in _MEETING_BODY for m in inner)
        type_ = body_type(head, meets) if head in ("Commission", "Committee") else "Organization"
        owner = sent.covered(start)
        ent = _new_named(doc, sent, type_, label, start, end)
        if owner is not None and owner.type in ("Organization", "Forum") and owner.j <= k:
            # "the CSTO Collective Peacekeeping Forces", "the EU Delegation to Kazakhstan"
            doc.relate(ent.id, "partOf", owner.entity, sent, 0.8)
