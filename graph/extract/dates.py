"""Date phrases in Kazakh, Russian and English, normalised to YYYY-MM-DD / YYYY-MM.

A phrase without a year takes the article's year.

>>> [d for _, _, d in dates_in("2025 жылғы 15 шілдеде Астанада", "kk", "2025-07-20")]
['2025-07-15']
>>> [d for _, _, d in dates_in("прошло 15 июля 2025 г. в Тяньцзине", "ru", None)]
['2025-07-15']
>>> [d for _, _, d in dates_in("on 23 September and on October 1, 2024", "en", "2025-09-30")]
['2025-09-23', '2024-10-01']
>>> [d for _, _, d in dates_in("в марте 2026 года", "ru", None)]
['2026-03']
"""

from __future__ import annotations

import datetime as _dt
import re

MONTHS = {
    "kk": (
        "қаңтар",
        "ақпан",
        "наурыз",
        "сәуір",
        "мамыр",
        "маусым",
        "шілде",
        "тамыз",
        "қыркүйек",
        "қазан",
        "қараша",
        "желтоқсан",
    ),
    "ru": (
        "январ",
        "феврал",
        "март",
        "апрел",
        "ма",
        "июн",
        "июл",
        "август",
        "сентябр",
        "октябр",
        "ноябр",
        "декабр",
    ),
    "en": (
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ),
}
_RU_MONTH = r"(январ[яеь]|феврал[яеь]|март[ае]?|апрел[яеь]|ма[яей]|июн[яеь]|июл[яеь]|август[ае]?|сентябр[яеь]|октябр[яеь]|ноябр[яеь]|декабр[яеь])"  # noqa: E501
_EN_MONTH = (
    r"(January|February|March|April|May|June|July|August|September|October|November|December)"
)
_KK_MONTH = (
    r"(қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\w*"
)

_PATTERNS: dict[str, tuple[re.Pattern[str], ...]] = {
    "kk": (
        re.compile(rf"(?:(\d{{4}})\s+жылғы\s+)?(\d{{1,2}})\s+{_KK_MONTH}", re.I),
        re.compile(rf"(\d{{4}})\s+жылғы\s+{_KK_MONTH}", re.I),
    ),
    "ru": (
        re.compile(rf"(\d{{1,2}})\s+{_RU_MONTH}(?:\s+(\d{{4}}))?", re.I),
        re.compile(rf"\bв\s+{_RU_MONTH}\s+(\d{{4}})", re.I),
    ),
    "en": (
        re.compile(rf"(\d{{1,2}})\s+{_EN_MONTH}(?:,?\s+(\d{{4}}))?"),
        re.compile(rf"{_EN_MONTH}\s+(\d{{1,2}})(?:,\s*(\d{{4}}))?\b"),
        re.compile(rf"\bin\s+{_EN_MONTH}\s+(\d{{4}})"),
    ),
}


def _month(lang: str, word: str) -> int | None:
    low = word.casefold()
    if lang == "ru" and low.startswith("ма") and len(low) <= 3:
        return 5
    for n, stem in enumerate(MONTHS[lang], 1):
        if low.startswith(stem) and not (lang == "ru" and stem == "ма"):
            return n
    return None


#: days told by their weekday, or as yesterday
_WEEKDAYS = {
    "en": re.compile(r"\b(?:on|last)\s+(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                     r"Sunday)\b|\b(yesterday)\b", re.I),
    "ru": re.compile(r"\bво?\s+(понедельник|вторник|среду|четверг|пятницу|субботу|"
                     r"воскресенье)\b|\b(вчера)\b", re.I),
    "kk": re.compile(r"\b(дүйсенбі|сейсенбі|сәрсенбі|бейсенбі|жұма|сенбі|жексенбі)(?:де|да|"
                     r"\s+күні)\b|\b(кеше)\b", re.I),
}
_WEEKDAY_INDEX = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4,
    "субботу": 5, "воскресенье": 6, "дүйсенбі": 0, "сейсенбі": 1, "сәрсенбі": 2,
    "бейсенбі": 3, "жұма": 4, "сенбі": 5, "жексенбі": 6,
}


def weekdays_in(text: str, lang: str, article_date: str | None) -> list[tuple[int, int, str]]:
    """Days told by their weekday ("on Thursday", "в четверг", "бейсенбіде") or as
    yesterday, read as the last such day on or before the article's date (a news report
    tells of the days just past).

    >>> weekdays_in("Tokayev met Trump on Thursday.", "en", "2025-11-07")
    [(18, 29, '2025-11-06')]
    >>> [d for _, _, d in weekdays_in("Вчера в Астане ...", "ru", "2025-05-21")]
    ['2025-05-20']
    """
    if not article_date or len(article_date) < 10 or lang not in _WEEKDAYS:
        return []
    try:
        day = _dt.date.fromisoformat(article_date[:10])
    except ValueError:
        return []
    out = []
    for m in _WEEKDAYS[lang].finditer(text):
        weekday = _WEEKDAY_INDEX[m.group(1).casefold()] if m.group(1) else None
        back = 1 if weekday is None else (day.weekday() - weekday) % 7  # (1: yesterday)
        out.append((m.start(), m.end(), (day - _dt.timedelta(days=back)).isoformat()))
    return out


def dates_in(text: str, lang: str, article_date: str | None) -> list[tuple[int, int, str]]:
    """Date phrases of ``text``: (start, end, normalised date), in text order."""
    default_year = (article_date or "")[:4] or None
    out: list[tuple[int, int, str]] = []
    for pattern in _PATTERNS.get(lang, ()):
        for m in pattern.finditer(text):
            if any(a <= m.start() < b for a, b, _ in out):
                continue
            groups = m.groups()
            year = day = month = None
            if lang == "kk":
                if len(groups) == 3:
                    year, day, month = groups[0], groups[1], _month(lang, groups[2])
                else:
                    year, month = groups[0], _month(lang, groups[1])
            elif lang == "ru":
                if len(groups) == 3:
                    day, month, year = groups[0], _month(lang, groups[1]), groups[2]
                else:
                    month, year = _month(lang, groups[0]), groups[1]
            else:
                if pattern is _PATTERNS["en"][0]:
                    day, month, year = groups[0], _month(lang, groups[1]), groups[2]
                elif pattern is _PATTERNS["en"][1]:
                    month, day, year = _month(lang, groups[0]), groups[1], groups[2]
                else:
                    month, year = _month(lang, groups[0]), groups[1]
            year = year or default_year
            if not month or not year or (day and not 1 <= int(day) <= 31):
                continue
            date = f"{year}-{month:02d}" + (f"-{int(day):02d}" if day else "")
            out.append((m.start(), m.end(), date))
    return sorted(out)
