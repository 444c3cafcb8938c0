"""Which language an article is in: Kazakh, Russian, English, or something dkg does not read.

Detection runs on a bounded sample of the text (the first ``SAMPLE_CHARS``
characters of the article body), so it costs well under a millisecond
whatever the article's length.

1. Letters are counted by script. When fewer than half are Cyrillic or Latin
   the text is in another script (Chinese, Arabic, ...): not supported.
2. Letters only Kazakh uses among the three languages (ә ғ қ ң ө ұ ү һ) are a
   strong hint: a text with enough of them is Kazakh.
3. Otherwise lingua, restricted to Kazakh, Russian and English, decides.
4. A restricted detector always answers one of its three languages, so a
   German or Ukrainian text would come out as "en" or "ru". When the sample is
   long enough and looks doubtful (Latin text with few English function words;
   Cyrillic text detected as Russian), a second lingua detector over every
   language of that script checks it; if it is sure of another language, the
   text is not supported.

The lingua detectors are built once, lazily, in low-accuracy mode (trigrams
only), which is right on every test sentence and ~10x faster.

>>> detect_language("Қазақстан Республикасы Сыртқы істер министрі")
'kk'
>>> detect_language("Министр иностранных дел Казахстана принял участие в заседании.")
'ru'
>>> detect_language("The minister took part in the meeting of the Council.")
'en'
>>> detect_language("12345") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lingua import LanguageDetector

#: characters of text given to the detectors (the start of the body)
SAMPLE_CHARS = 1000
#: characters given to the second, all-language check (it is slower)
CHECK_CHARS = 400
#: fewer letters than this: no second check (too little text to be sure)
CHECK_MIN_LETTERS = 80

KAZAKH_LETTERS = frozenset("әғқңөұүһӘҒҚҢӨҰҮҺ")
_LINGUA_CODES = {"KAZAKH": "kk", "RUSSIAN": "ru", "ENGLISH": "en"}
_NAMES = {"kk": "Kazakh", "ru": "Russian", "en": "English"}
_SCRIPT_LANGUAGES = {
    "CJK": "Chinese",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
}
# fmt: off
_ENGLISH_WORDS = frozenset([
    "the", "of", "and", "to", "in", "a", "is", "for", "on", "that", "with", "by", "was", "as",
    "at", "from", "be", "it", "has", "have", "are", "this", "an", "will", "which", "were", "his",
    "its", "their", "not", "or", "said", "he", "she", "they", "we",
])
# fmt: on
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class LanguageGuess:
    """The outcome of detection: ``lang`` is kk/ru/en or None; ``name`` is what was seen."""

    lang: str | None
    name: str  # "Kazakh", "German", "Chinese", "CJK script", "no letters", ...


def detect_language(text: str) -> str | None:
    """Return "kk", "ru" or "en" for ``text``, or None (no letters, or another language)."""
    return identify_language(text).lang


def identify_language(text: str) -> LanguageGuess:
    """Detect the language of ``text``, naming the language when it is not one dkg reads.

    >>> identify_language("Die Bundesregierung hat heute beschlossen, die Zusammenarbeit mit "
    ...                   "Kasachstan im Bereich der Energie und des Verkehrs zu vertiefen.")
    LanguageGuess(lang=None, name='German')
    >>> identify_language("哈萨克斯坦外交部长出席了会议。")
    LanguageGuess(lang=None, name='Chinese')
    """
    sample = text[:SAMPLE_CHARS]
    cyrillic = latin = kazakh = 0
    others: dict[str, int] = {}
    for char in sample:
        if not char.isalpha():
            continue
        if char in KAZAKH_LETTERS:
            kazakh += 1
            cyrillic += 1
        elif "\u0400" <= char <= "\u04ff":
            cyrillic += 1
        elif char.isascii() or "\u00c0" <= char <= "\u024f":
            latin += 1
        else:
            script = unicodedata.name(char, "UNKNOWN").split()[0]
            others[script] = others.get(script, 0) + 1
    letters = cyrillic + latin + sum(others.values())
    if letters == 0:
        return LanguageGuess(None, "no letters")
    if cyrillic + latin < letters / 2:
        script = max(others, key=lambda name: others[name])
        return LanguageGuess(None, _SCRIPT_LANGUAGES.get(script, f"{script.title()} script"))
    if cyrillic >= latin and (kazakh >= 2 or kazakh >= 0.01 * cyrillic):
        return LanguageGuess("kk", "Kazakh")
    found = _restricted_detector().detect_language_of(sample)
    lang = _LINGUA_CODES.get(found.name) if found is not None else None
    if lang is None:
        lang = "ru" if cyrillic >= latin else "en"
    if cyrillic + latin >= CHECK_MIN_LETTERS and _doubtful(sample, lang):
        other = _script_detector(lang != "en").detect_language_of(sample[:CHECK_CHARS])
        if other is not None and other.name not in _LINGUA_CODES:
            return LanguageGuess(None, other.name.title())
    return LanguageGuess(lang, _NAMES[lang])


def _doubtful(sample: str, lang: str) -> bool:
    """Whether a text detected as ``lang`` may be another language of the same script."""
    if lang == "ru":
        return True  # Ukrainian, Belarusian, Bulgarian... look Russian to a 3-language detector
    if lang == "en":
        words = _WORD.findall(sample.lower())
        common = sum(1 for word in words if word in _ENGLISH_WORDS)
        return common < 0.1 * len(words)
    return False


@cache
def _restricted_detector() -> LanguageDetector:
    from lingua import Language, LanguageDetectorBuilder

    languages = (Language.KAZAKH, Language.RUSSIAN, Language.ENGLISH)
    return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()


@cache
def _script_detector(cyrillic: bool) -> LanguageDetector:
    from lingua import LanguageDetectorBuilder

    if cyrillic:
        builder = LanguageDetectorBuilder.from_all_languages_with_cyrillic_script()
    else:
        builder = LanguageDetectorBuilder.from_all_languages_with_latin_script()
    return builder.with_low_accuracy_mode().build()


def normalise_lang(value: str) -> str | None:
    """Map a language code ("kk", "KZ", "kaz", "ru-RU", "en_US"...) to kk/ru/en, else None.

    >>> normalise_lang("ru-RU"), normalise_lang("kaz"), normalise_lang("de")
    ('ru', 'kk', None)
    """
    base = re.split(r"[-_]", value.strip().casefold(), maxsplit=1)[0]
    return _LANG_CODES.get(base)


_LANG_CODES = {
    "kk": "kk",
    "kz": "kk",
    "kaz": "kk",
    "kazakh": "kk",
    "ru": "ru",
    "rus": "ru",
    "russian": "ru",
    "en": "en",
    "eng": "en",
    "english": "en",
}
