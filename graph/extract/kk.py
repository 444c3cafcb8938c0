"""Kazakh morphology for matching: suffix chains, stems, cases, name lemmas.

Kazakh words take a chain of suffixes: plural, possessive, case, each in
vowel-harmony variants (-ның/-нің/-дың/-дің/-тың/-тің...). :func:`stems`
returns every reading of a word with a plausible chain removed; two words
match when their stem sets meet, so the nominative "Ассамблеясы" of a
gazetteer name and the text's "Ассамблеясының" meet at "ассамблея".

>>> "қазақстан" in stems("Қазақстанның")
True
>>> "женева" in stems("Женевада") and "алматы" in stems("Алматыдағы")
True
>>> bool(stems("конференцияға") & stems("конференция"))
True
>>> case_of("сегментіне"), case_of("кеңестің"), case_of("Женевада")
('dat', 'gen', 'loc')
>>> case_of("сегменті", "сегмент")
'nom'
>>> [lemma_name(w) for w in ("Ашықбаевтың", "Тоқаевқа", "Гутерришпен", "Ержан")]
['Ашықбаев', 'Тоқаев', 'Гутерриш', 'Ержан']
"""

from __future__ import annotations

from functools import lru_cache

from graph.extract.normalize import casefold

PLURAL = ("лар", "лер", "дар", "дер", "тар", "тер")
POSSESSIVE = ("ы", "і", "сы", "сі", "ым", "ім", "м", "ың", "ің", "ымыз", "іміз", "мыз", "міз")
CASES: dict[str, tuple[str, ...]] = {
    "gen": ("ның", "нің", "дың", "дің", "тың", "тің"),
    "dat": ("ға", "ге", "қа", "ке", "на", "не", "а", "е"),
    "acc": ("ны", "ні", "ды", "ді", "ты", "ті", "н"),
    "loc": ("да", "де", "та", "те", "нда", "нде"),
    "abl": ("дан", "ден", "тан", "тен", "нан", "нен", "ндан", "нден"),
    "ins": ("мен", "пен", "бен", "менен", "пенен", "бенен"),
    "adj": ("дағы", "дегі", "тағы", "тегі", "ндағы", "ндегі", "ғы", "гі", "қы", "кі"),
}
_CASE_SUFFIXES = tuple(s for forms in CASES.values() for s in forms)
_CASE_OF_SUFFIX = {s: case for case, forms in CASES.items() for s in forms}


def _chains() -> frozenset[str]:
    out: set[str] = set()
    for pl in ("",) + PLURAL:
        for poss in ("",) + POSSESSIVE:
            for case in ("",) + _CASE_SUFFIXES:
                if pl or poss or case:
                    out.add(pl + poss + case)
    return frozenset(out)


SUFFIXES = _chains()
_MAX_SUFFIX = max(map(len, SUFFIXES))
_SOFT = {"г": "к", "ғ": "қ", "б": "п"}  # агенттігі -> агенттік, орталығы -> орталық
_SHORT = frozenset(s for s in SUFFIXES if len(s) == 1)


@lru_cache(maxsize=65536)
def stems(word: str) -> frozenset[str]:
    """Every stem of ``word`` (casefolded) left by removing a suffix chain, and the word."""
    low = casefold(word)
    out = {low}
    n = len(low)
    for k in range(1, min(_MAX_SUFFIX, n - 2) + 1):
        suffix = low[n - k :]
        if suffix not in SUFFIXES:
            continue
        stem = low[: n - k]
        if len(stem) < 3 and (suffix in _SHORT or len(stem) < 2):
            continue
        out.add(stem)
        soft = _SOFT.get(stem[-1])
        if soft:
            out.add(stem[:-1] + soft)
    return frozenset(out)


@lru_cache(maxsize=65536)
def name_stems(word: str) -> frozenset[str]:
    """Readings of a word in a dictionary-form name: itself, and without a possessive -ы/-і/-сы/-сі.

    Text words are read with every chain removed (:func:`stems`); names only
    lose what a nominative can carry, so "Астана" does not meet "астам".
    """
    low = casefold(word)
    out = {low}
    for poss in ("сы", "сі", "ы", "і"):
        if low.endswith(poss) and len(low) - len(poss) >= 3:
            stem = low[: -len(poss)]
            out.add(stem)
            soft = _SOFT.get(stem[-1])
            if soft:
                out.add(stem[:-1] + soft)
            break
    return frozenset(out)


def case_of(word: str, base: str | None = None) -> str:
    """The grammatical case the ending of ``word`` shows: nom, gen, dat, acc, loc, abl, ins, adj.

    ``base`` is the dictionary form of the word, when known (from a gazetteer
    name): only what follows it is read as an ending.
    """
    low = casefold(word)
    if base is not None:
        b = casefold(base)
        i = 0
        while i < min(len(low), len(b)) and low[i] == b[i]:
            i += 1
        if i >= len(b) - 1:  # the base, possibly with its last consonant softened
            low = low[i:] if i == len(b) else low[i + 1 :]
            if not low:
                return "nom"
    for k in range(min(5, len(low)), 0, -1):
        suffix = low[-k:]
        case = _CASE_OF_SUFFIX.get(suffix)
        if case and (k > 1 or len(low) > 1 or base is not None):
            if case == "dat" and k == 1 and base is None:
                continue  # a bare -а/-е is a nominative ending far more often
            if case == "acc" and k == 1 and not low[:-1].endswith(("ы", "і")) and base is None:
                continue
            return case
    return "nom"


_NAME_CASES = (
    "тың",
    "дың",
    "тің",
    "дің",
    "ның",
    "нің",
    "ға",
    "ге",
    "қа",
    "ке",
    "ты",
    "ды",
    "ті",
    "ді",
    "ны",
    "ні",
    "та",
    "да",
    "те",
    "де",
    "тан",
    "дан",
    "тен",
    "ден",
    "нан",
    "нен",
    "пен",
    "бен",
    "мен",
    "ның",
    "тағы",
    "дағы",
    "тегі",
    "дегі",
)
_NAME_CASES_SORTED = tuple(sorted(set(_NAME_CASES), key=len, reverse=True))


def lemma_name(word: str) -> str:
    """The nominative of a proper name (surname, first name) in Kazakh text."""
    low = casefold(word)
    for suffix in _NAME_CASES_SORTED:
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            stem = word[: len(word) - len(suffix)]
            last = casefold(stem[-1])
            vowel_final = last in "аәеиоөуұүыіэюя"
            if suffix[0] == "н" and suffix not in ("нан", "нен") and not vowel_final:
                continue
            if suffix[0] in "дт" and vowel_final and suffix[0] == "т":
                continue
            return stem
    return word
