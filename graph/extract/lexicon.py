"""A small Kazakh -> English phrase lexicon (data/lexicon/kk-en.yaml) for labels
of entities the gazetteer does not know.

>>> lex = load_lexicon()
>>> lex.translate(["ядролық", "державалар", "арасындағы", "стратегиялық", "диалогты"])
'strategic dialogue between nuclear powers'
>>> lex.translate(["жаңа", "Конституция"]), lex.translate(["Бірдеңе"])
('new Constitution', None)
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from graph.config import DATA_DIR
from graph.errors import ExtractionError
from graph.extract import kk
from graph.extract.normalize import casefold

LEXICON_FILE = DATA_DIR / "lexicon" / "kk-en.yaml"


def plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


@dataclass
class Lexicon:
    words: dict[str, str] = field(default_factory=dict)
    postpositions: dict[str, str] = field(default_factory=dict)
    actions: dict[tuple[str, ...], str] = field(default_factory=dict)
    treaty_actions: dict[tuple[str, ...], str] = field(default_factory=dict)
    national: frozenset[str] = frozenset()
    modifiers: dict[tuple[str, ...], str] = field(default_factory=dict)

    def word(self, token: str) -> str | None:
        """English for one (inflected) Kazakh word, plural when the word is."""
        low = casefold(token)
        best = None
        for stem in kk.stems(token):
            if stem in self.words and (best is None or len(stem) > len(best)):
                best = stem
        if best is None:
            return None
        en = self.words[best]
        rest = low[len(best) :]
        if rest.startswith(kk.PLURAL):
            en = plural(en)
        return en

    def __post_init__(self) -> None:
        self._postposition_words = frozenset(w for key in self.postpositions for w in key.split())

    def is_postposition(self, token: str) -> bool:
        """A postposition, or a word of a two-word one ("қолдауға арналған")."""
        return casefold(token) in self._postposition_words

    def action_at(self, toks: list[str], k: int, treaty: bool = False) -> tuple[str, int] | None:
        """An action noun (one or two words) starting at ``toks[k]``: (English, length)."""
        for table in ((self.treaty_actions,) if treaty else ()) + (self.actions,):
            for key, en in sorted(table.items(), key=lambda kv: -len(kv[0])):
                n = len(key)
                if k + n <= len(toks) and all(key[m] in kk.stems(toks[k + m]) for m in range(n)):
                    return en, n
        return None

    def translate(self, toks: list[str]) -> str | None:
        """English for a Kazakh noun phrase, or None when a word is unknown.

        Word order is kept (adjective before noun, as in English) except
        around postpositions: "A арасындағы B" -> "B between A".
        """
        if not toks:
            return None
        for k in range(len(toks) - 1, -1, -1):
            for n in (2, 1):  # "қолдауға арналған" (in support of), "арасындағы" (between)
                if k - n + 1 <= 0 or k >= len(toks) - 1:
                    continue
                key = " ".join(casefold(t) for t in toks[k - n + 1 : k + 1])
                if key in self.postpositions:
                    left = self.translate(toks[: k - n + 1])
                    right = self.translate(toks[k + 1 :])
                    if left is None or right is None:
                        return None
                    return f"{right} {self.postpositions[key]} {left}"
        out = []
        for tok in toks:
            en = self.word(tok)
            if en is None:
                return None
            out.append(en)
        return " ".join(out)


def _keys(table: dict | None) -> dict[tuple[str, ...], str]:
    return {tuple(casefold(k).split()): v for k, v in (table or {}).items()}


@lru_cache(maxsize=4)
def _load(path: str, mtime: float) -> Lexicon:
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ExtractionError(
            f"lexicon {path}: cannot read ({exc}); fix or restore the file"
        ) from exc
    return Lexicon(
        words={casefold(k): v for k, v in (data.get("words") or {}).items() if " " not in k},
        postpositions={casefold(k): v for k, v in (data.get("postpositions") or {}).items()},
        actions=_keys(data.get("actions")),
        treaty_actions=_keys(data.get("treaty_actions")),
        national=frozenset(data.get("national") or ()),
        modifiers=_keys(data.get("title_modifiers")),
    )


_CHECKED: dict[str, tuple[float, float]] = {}  # path -> (when checked, mtime seen)


def file_stamp(path: Path) -> float:
    """The file's modification time, looked at once a second at most (lexicons are asked
    for in every sentence; an edit is picked up within a second)."""
    now = time.monotonic()
    seen = _CHECKED.get(str(path))
    if seen is None or now - seen[0] > 1.0:
        seen = (now, path.stat().st_mtime if path.exists() else 0.0)
        _CHECKED[str(path)] = seen
    return seen[1]


def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    """The lexicon, cached by the file's modification time."""
    return _load(str(path), file_stamp(path))
