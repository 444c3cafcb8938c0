"""Text normalisation that keeps offsets.

Every fold here replaces one character by one character, so a position in the
folded text is the same position in the original text: ``fold(t)[i]`` stands
for ``t[i]``. Case folding is done per token (see :func:`tokens`), never on
the whole text, for the same reason.

>>> fold("«Әділетті Қазақстан» 61‑сессия")
'"Әділетті Қазақстан" 61-сессия'
>>> [t.text for t in tokens("Е.Ашықбаев СПЧ-ның 61‑сессиясы")]
['Е', 'Ашықбаев', 'СПЧ-ның', '61-сессиясы']
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FOLD = str.maketrans(
    {
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "ʼ": "'",
        "`": "'",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": "-",
    }
)

#: a word: letters/digits, with inner hyphens or apostrophes ("Қасым-Жомарт", "СПЧ-ның")
WORD_RE = re.compile(r"\w+(?:[-'’]\w+)*")


def fold(text: str) -> str:
    """Fold quotes, dashes, hyphens and unusual spaces to ASCII; same length as ``text``."""
    return text.translate(_FOLD)


def casefold(word: str) -> str:
    """Lower case for matching (``ё`` read as ``е``)."""
    return word.casefold().replace("ё", "е")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a sentence; ``start``/``end`` are offsets into the article text."""

    start: int
    end: int
    text: str  # the folded surface form
    lower: str  # casefolded, for matching

    @property
    def is_capitalized(self) -> bool:
        return self.text[:1].isupper()


def tokens(text: str, offset: int = 0) -> list[Token]:
    """The words of ``text`` (folded), with offsets shifted by ``offset``."""
    folded = fold(text)
    return [
        Token(m.start() + offset, m.end() + offset, m.group(), casefold(m.group()))
        for m in WORD_RE.finditer(folded)
    ]


def is_abbreviation(word: str) -> bool:
    """All-capital word of 2-5 letters (БҰҰ, ООН, UN, ДНЯО): matched case-sensitively.

    >>> is_abbreviation("БҰҰ"), is_abbreviation("Бұу"), is_abbreviation("ҚАЗАҚСТАН")
    (True, False, False)
    """
    letters = [c for c in word if c.isalpha()]
    return 2 <= len(letters) <= 5 and all(c.isupper() for c in letters)


def short_label(label: str) -> str:
    """ "United Nations Human Rights Council" -> "UN Human Rights Council"."""
    return re.sub(r"^United Nations\b", "UN", label)
