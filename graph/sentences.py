"""Sentences of an article's body, with exact offsets into its text.

A unit of evidence is a sentence, a bullet line ("  • ...;", the marker kept)
or a heading (a short line without final punctuation). Within a paragraph a
line break ends a unit unless the next line starts with a lowercase letter or
the line ends with a comma or hyphen (a wrapped line). Sentences end at ``.``,
``!``, ``?`` or ``…`` (closing quotes and brackets included) followed by space
and an uppercase letter, a digit, an opening quote or a dash; not after an
initial ("A. Guterres", "С. Лавров"), a dotted abbreviation ("т.б.", "U.S.",
"С.В."), or a known abbreviation ("г.", "ж.", "No.", "Mr."). Dates and
decimals ("27.02.2026", "3.5") have no space after the point and never split.

>>> text = "Е.Ашықбаев сөз сөйледі. U.S. officials met A. Guterres on 27.02.2026 in Geneva."
>>> [s.text for s in split_sentences(text, [Span(0, len(text), text)])]
['Е.Ашықбаев сөз сөйледі.', 'U.S. officials met A. Guterres on 27.02.2026 in Geneva.']
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from graph.article_layout import bullet_marker_end, is_heading_like
from graph.models import Span

#: lowercased words that take a point without ending a sentence
# fmt: off
ABBREVIATIONS = frozenset([
    # Russian and Kazakh
    "г", "гг", "ж", "жж", "т", "тт", "др", "пр", "им", "ул", "д", "стр", "млн", "млрд", "трлн",
    "тыс", "руб", "тг", "долл", "см", "ст", "п", "с", "н", "проф", "акад", "ген", "зам", "зав",
    "тов", "обл", "р-н", "респ", "ред",
    # English
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "vs", "jr", "sr", "gen", "col", "lt",
    "sen", "rep", "gov", "amb", "min", "dep", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "vol", "art",
    "para", "pp", "fig", "ch", "ed", "est", "e.g", "i.e", "cf", "al",
])
# fmt: on
_CLOSERS = "»\"”’')]"
_END = re.compile(r"[.!?…]+[»\"”’')\]]*(?=\s+(\S))")
_STARTS_SENTENCE = "«\"“„‘'([—–-•"
_WRAPPED_LINE_END = (",", "-", "‐", "(")


def split_sentences(text: str, body: list[Span]) -> list[Span]:
    """Split the ``body`` spans of ``text`` into sentence, bullet and heading spans."""
    sentences: list[Span] = []
    for span in body:
        for start, end in _units(text, span.start, span.end):
            sentences.extend(_sentences(text, start, end))
    return sentences


def _units(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Bullet lines, heading lines and runs of wrapped lines of one paragraph."""
    run_start = run_end = -1
    previous = ""
    for line_start, line_end in _lines(text, start, end):
        line = text[line_start:line_end]
        own_unit = bool(bullet_marker_end(line))
        joins = (
            run_start >= 0
            and not own_unit
            and not bullet_marker_end(previous)
            and (line[0].islower() or previous.endswith(_WRAPPED_LINE_END))
        )
        if joins:
            run_end = line_end
        else:
            if run_start >= 0:
                yield run_start, run_end
            run_start, run_end = line_start, line_end
        previous = line
    if run_start >= 0:
        yield run_start, run_end


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    offset = start
    for raw in text[start:end].split("\n"):
        stripped = raw.strip()
        if stripped:
            line_start = offset + raw.index(stripped[0])
            yield line_start, line_start + len(stripped)
        offset += len(raw) + 1


def _sentences(text: str, start: int, end: int) -> Iterator[Span]:
    unit = text[start:end]
    if bullet_marker_end(unit) or ("\n" not in unit and is_heading_like(unit)):
        yield Span(start, end, unit)
        return
    sentence_start = 0
    for match in _END.finditer(unit):
        following = match.group(1)
        if not (following.isupper() or following.isdigit() or following in _STARTS_SENTENCE):
            continue
        single_point = match.group(0).rstrip(_CLOSERS) == "."
        if single_point and _is_abbreviation(unit[sentence_start : match.start()]):
            continue
        yield _span(text, start + sentence_start, start + match.end())
        sentence_start = match.end()
    if sentence_start < len(unit):
        yield _span(text, start + sentence_start, end)


def _is_abbreviation(before: str) -> bool:
    """Whether the word just before a point is an initial or an abbreviation."""
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip("«\"“„‘'([")
    if not word:
        return False
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "A. Guterres", "С. Лавров"
    parts = [part for part in word.split(".") if part]
    if len(parts) > 1 and all(part.isalpha() and len(part) <= 2 for part in parts):
        return True  # "т.б", "U.S", "С.В", "e.g"
    return word.casefold() in ABBREVIATIONS


def _span(text: str, start: int, end: int) -> Span:
    piece = text[start:end]
    stripped = piece.strip()
    start += len(piece) - len(piece.lstrip())
    return Span(start, start + len(stripped), stripped)
