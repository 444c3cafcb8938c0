"""English labels for Russian names the gazetteer does not know ("План консультаций между
министерствами иностранных дел Российской Федерации и Республики Казахстан на 2026–2027 годы"
-> "Plan of consultations between ministries of foreign affairs of Russia and Kazakhstan for
2026–2027"), word by word from data/lexicon/ru-en.yaml: prepositions and conjunctions map
to English ones, a genitive after a noun gets "of", named entities inside keep their
English labels, years stay. When a word is unknown the caller falls back to
transliteration, so a label is either English or plainly transliterated, never a mix.

>>> from graph.extract.mentions import ru_readings
>>> english_label(["Соглашение", "о", "сотрудничестве"], lambda k: None)
'Agreement on cooperation'
>>> english_label(["консультаций", "на", "2026–2027", "годы"], lambda k: None, after_noun=True)
'Of consultations for 2026–2027'
"""

from __future__ import annotations

import re
from collections.abc import Callable

from graph.extract.mentions import ru_parses, ru_readings

#: prepositions and conjunctions
_LINKS = {
    "о": "on", "об": "on", "обо": "on", "по": "on", "между": "between", "на": "for",
    "с": "with", "со": "with", "в": "in", "во": "in", "и": "and", "для": "for", "к": "to",
    "из": "from", "до": "until", "от": "from", "при": "at", "против": "against",
    "а": "and", "также": "also", "за": "for", "через": "through",
}
#: words dropped after a year ("на 2026–2027 годы")
_YEAR_WORDS = frozenset({"год", "годы", "годов", "годах", "года", "гг", "г"})
_NUMBER = re.compile(r"^(\d[\d–—\-./]*|[ivxlc]+)$")
#: two-word Russian terms with one English word
_PAIRS = {("дорожный", "карта"): "roadmap", ("иностранный", "дело"): "foreign affairs",
          ("сельский", "хозяйство"): "agriculture", ("взаимный", "понимание"): "understanding"}


def _kind(word: str) -> tuple[str, bool]:
    """(part of speech, genitive?) of the likeliest reading."""
    parses = ru_parses(word.casefold())
    if not parses:
        return "", False
    tag = parses[0].tag
    return str(tag.POS or ""), tag.case == "gent"


def english_label(
    words: list[str],
    entity_at: Callable[[int], tuple[str, int] | None],
    lexicon: dict[str, str] | None = None,
    after_noun: bool = False,
) -> str | None:
    """English for Russian ``words``; ``entity_at(k)`` gives (English label, next index)
    for a named entity starting at word k; ``after_noun``: the words follow a head noun
    ("План" + "консультаций ..."). None when a word is unknown."""
    from graph.extract.events_ru_en import ru_lexicon

    lex = lexicon if lexicon is not None else ru_lexicon().words
    out: list[str] = []
    last = "noun" if after_noun else ""  # the kind of the last English word: noun, adj, link
    k = 0
    while k < len(words):
        named = entity_at(k)
        if named is not None:
            label, k = named
            if last == "noun":
                out.append("of")
            out.append(label)
            last = "noun"
            continue
        word = words[k]
        low = word.casefold()
        if low in _LINKS:
            out.append(_LINKS[low])
            last = "link"
            k += 1
            continue
        if _NUMBER.match(low):
            out.append(word)
            last = "noun"
            k += 1
            while k < len(words) and words[k].casefold().strip(".") in _YEAR_WORDS:
                k += 1
            continue
        reads = ru_readings(word)
        pair = None
        if k + 1 < len(words):
            nxt = ru_readings(words[k + 1])
            pair = next((v for (a, b), v in _PAIRS.items() if a in reads and b in nxt), None)
        en = pair or next((lex[r] for r in sorted(reads) if r in lex), None)
        if en is None:
            return None
        pos, genitive = _kind(word)
        adjective = pos in ("ADJF", "PRTF") and pair is None
        if genitive and last == "noun":
            out.append("of")
        out.append(en)
        last = "adj" if adjective else "noun"
        k += 2 if pair else 1
    if not out:
        return None
    text = " ".join(out)
    return text[:1].upper() + text[1:]
