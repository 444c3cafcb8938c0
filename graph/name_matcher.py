"""Longest-match lookup of many token phrases (gazetteer names) in a token sequence.

Tokens are compared through their *readings* (sets of strings: stems, lemmas,
an exact abbreviation); a phrase matches when every token's readings meet.
The language-specific readings come from ``graph.extract``; this module only
indexes and matches.

>>> m = Matcher([([frozenset({"женева"})], "place/geneva", "Женева")])
>>> m.find([frozenset({"в"}), frozenset({"женева", "женеве"})])
[Match(start=1, end=2, ids=('place/geneva',), phrase='Женева')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

#: a token as the matcher sees it: the set of its readings (stems, lemmas, exact abbreviation)
Variants = frozenset[str]


@dataclass(frozen=True, slots=True)
class Match:
    start: int  # index of the first token
    end: int  # index after the last token
    ids: tuple[str, ...]  # entry (or role) ids named by the phrase
    phrase: str  # the gazetteer name that matched


class Matcher:
    """Longest-match lookup of many token phrases in a token sequence.

    Phrases are indexed by every reading of their first token, so a lookup
    costs a few dict probes per token whatever the size of the gazetteer.
    """

    def __init__(self, phrases: Iterable[tuple[Sequence[Variants], str, str]]):
        self._first: dict[str, list[int]] = {}
        self._phrases: list[tuple[tuple[Variants, ...], list[str], str]] = []
        seen: dict[tuple[Variants, ...], int] = {}
        for toks, entry_id, phrase in phrases:
            key = tuple(toks)
            if not key:
                continue
            if key in seen:
                ids = self._phrases[seen[key]][1]
                if entry_id not in ids:
                    ids.append(entry_id)
                continue
            seen[key] = len(self._phrases)
            self._phrases.append((key, [entry_id], phrase))
            for variant in key[0]:
                self._first.setdefault(variant, []).append(seen[key])

    def __len__(self) -> int:
        return len(self._phrases)

    def at(
        self, toks: Sequence[Variants], i: int, end: int | None = None, want: str | None = None
    ) -> Match | None:
        """The longest phrase starting at token ``i`` (ending by ``end``, naming ``want``)."""
        best: Match | None = None
        first = self._first
        cands: list[int] = []
        for variant in toks[i]:
            found = first.get(variant)
            if found:
                cands += found
        if not cands:
            return None
        limit = len(toks) if end is None else end
        for idx in set(cands):
            key, ids, phrase = self._phrases[idx]
            n = len(key)
            if i + n > limit or (best and n <= best.end - best.start) or (want and want not in ids):
                continue
            if all(key[j] & toks[i + j] for j in range(1, n)):
                best = Match(i, i + n, tuple(ids), phrase)
        return best

    def find(self, toks: Sequence[Variants]) -> list[Match]:
        """Non-overlapping matches, leftmost-longest."""
        out: list[Match] = []
        i = 0
        while i < len(toks):
            m = self.at(toks, i)
            if m and m.phrase.casefold().startswith("the ") and i + 1 < len(toks):
                # "the Élysée Palace": "Élysée Palace" rather than the alias "the Élysée"
                inner = self.at(toks, i + 1)
                if inner and inner.end > m.end:
                    m = inner
            if m:
                out.append(m)
                i = m.end
            else:
                i += 1
        return out
