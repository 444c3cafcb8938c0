"""The layout of an article's text: page clutter, title, date line, body paragraphs.

Works on structure, not on known strings. A text is read as lines:

- a standalone date line ("27.02.2026", "27 февраля 2026 г.", "February 27,
  2026", optionally with a label or a time) gives the publication date and is
  neither body nor clutter; when only short lines follow the last one, it ends
  the article and those lines are the page footer (clutter);
- lines matching a small list of page-furniture patterns in kk/ru/en (app
  download prompts, "Share", "Subscribe", "Partners", cookie notices, "All
  rights reserved", view counters...) are clutter wherever they stand;
- before the first paragraph, the heading-like lines (short, no final
  ``.,;:``) are the masthead and the title: the longest is the title, those
  before it are header clutter, those after it are body headings. When the
  title is known (JSON, HTML metadata) the line equal to it is the title and
  the lines before it are header clutter.

Every span is a stretch of the text with the surrounding whitespace left out,
so ``text[span.start:span.end] == span.text``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field

from graph.models import Span

#: the longest line (in characters) that can be a heading or a title
HEADING_MAX_CHARS = 200
#: the longest line that can be page footer after the closing date line
FOOTER_LINE_MAX_CHARS = 120
#: the most footer lines after the closing date line
FOOTER_MAX_LINES = 12

_MONTHS: tuple[tuple[str, int], ...] = (
    # Russian (stems: января, январь; the May forms are matched whole)
    ("январ", 1),
    ("феврал", 2),
    ("март", 3),
    ("апрел", 4),
    ("июн", 6),
    ("июл", 7),
    ("август", 8),
    ("сентябр", 9),
    ("октябр", 10),
    ("ноябр", 11),
    ("декабр", 12),
    # Kazakh (stems: ақпан, ақпанда, ақпандағы)
    ("қаңтар", 1),
    ("ақпан", 2),
    ("наурыз", 3),
    ("сәуір", 4),
    ("мамыр", 5),
    ("маусым", 6),
    ("шілде", 7),
    ("тамыз", 8),
    ("қыркүйек", 9),
    ("қазан", 10),
    ("қараша", 11),
    ("желтоқсан", 12),
    # English (full names and three-letter abbreviations)
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
)
_MAY = {"май": 5, "мая": 5, "may": 5}

_TIME = r"(?:[,|\s]+(?:в\s+)?\d{1,2}:\d{2}(?::\d{2})?)?"
_YEAR_WORD = r"(?:\s*(?:г\.|года?|ж\.|жылы|жылғы|жыл))?"
_DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"), "ymd"),
    (re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})" + _YEAR_WORD), "dmy"),
    (re.compile(r"(\d{1,2})\s+([^\W\d_]+)\.?,?\s+(\d{4})" + _YEAR_WORD), "d month y"),
    (re.compile(r"([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})"), "month d y"),
    (re.compile(r"(\d{4})\s*(?:ж\.|жылы|жылғы|жыл)?\s+(\d{1,2})\s+([^\W\d_]+)"), "y d month"),
)
_DATE_LABEL = re.compile(
    r"^(?:[^\W\d_][\w .-]{0,30}:\s*)?(?P<date>.+?)\s*$"  # "Published: ...", "Жарияланды: ..."
)

# page furniture, as three patterns: found anywhere in a short line, at its start, or whole
_CLUTTER_ANYWHERE = re.compile(
    r"\b(?:download|get|install)\b.*\bapp\b|(?:скачайте|скачать|установите).*приложени"
    r"|қосымша.*(?:жүктеп|жүктеу|орнатыңыз)|app store|google play"
    r"|\bcookies?\b|all rights reserved|все права защищены|барлық құқықтар қорғалған"
    # "Kazinform-ның Telegram арнасына жазылыңыз", "Follow Trend on Telegram"
    r"|telegram[- ]?(?:арна|канал)|(?:follow|join)\b.*\btelegram|\bnewsletter\b"
    r"|contributed to this report|hyperlink|гиперсілтеме|гиперссылк|сілтеме жасау міндетті"
    r"|\b(?:photo(?: credit)?|фото|сурет)\s*:",  # a caption's credit
    re.IGNORECASE,
)
_CLUTTER_START = re.compile(
    r"(?:subscribe|подпи(?:сывайтесь|саться|шитесь)|жазылу|жазылыңыз"
    r"|follow us|мы в соцсетях|бізді әлеуметтік желілерде|біз әлеуметтік желілерде"
    r"|read (?:also|more)|also read|see also|related (?:news|articles|stories)"
    r"|читайте (?:также|еще|ещё)"
    r"|похожие новости|тағы оқыңыз|сондай-ақ оқыңыз|ұқсас жаңалықтар"
    r"|photo credit|суретті түсірген)\b"
    r"|(?:related|read next|popular|latest|suggested topics|суретте)\s*:"
    r"|©|\(c\)\s*\d{4}|(?:tags|теги|тегтер)\s*:",
    re.IGNORECASE,
)
#: headers of a list of other articles' headlines: the short lines after them are clutter
_RELATED_HEADER = re.compile(
    r"(?:related(?: news| articles| stories)?|read (?:also|more|next)|also read|see also"
    r"|more news|latest news|popular|suggested topics|читайте (?:также|еще|ещё)"
    r"|похожие новости|другие новости|все новости|лента новостей|по теме|популярное"
    r"|соңғы жаңалықтар|тақырып бойынша|оқи отырыңыз|тағы оқыңыз|ұқсас (?:жаңалықтар|мақалалар)"
    r"|сондай-ақ оқыңыз)\s*:?",
    re.IGNORECASE,
)
_CLUTTER_WHOLE = re.compile(
    r"(?:our\s+)?partners|партн[её]ры|серіктестер(?:іміз)?"
    r"|share(?: this(?: article| page)?)?|поделиться|бөлісу|tweet|print|печать"
    r"|басып шығару|версия для печати|back to top|наверх|жоғары"
    r"|(?:views|просмотр(?:ов|ы)?|қаралым|оқылды|қаралды)\s*:?\s*\d+"
    r"|(?:photo|фото|сурет)\s*:.{0,80}",
    re.IGNORECASE,
)
#: credit lines: "Reporting by Dana Kulbayeva in Davos; Editing by Mark Potter", "By Dana
#: Kulbayeva and Mark Trevelyan", "Автор: …", "Тілші: …" (journalists are not annotated)
_CREDIT_START = re.compile(
    r"(?:(?:additional\s+)?reporting|writing|editing|edited|written|compiled)\s+by\b"
    r"|(?:автор(?:ы)?|author|текст|редактор|корреспондент|тілші|авторы|мәтін)\s*:",
    re.IGNORECASE,
)
_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,2}"
#: "By Dana Kulbayeva and Mark Trevelyan", "By Aibarshyn Akhmetkali in Diplomacy on 10 …"
_BYLINE = re.compile(
    rf"By\s+{_NAME}(?:(?:,\s*|\s+and\s+|\s*&\s*){_NAME})*(?:\s+(?:in|on|for|\|)\s.*)?"
)
#: a Kazakh or Russian byline: a given name and the surname in capitals ("Бауыржан
#: ТОҚТАРОВ", "Мұрат ӘЛІМҰЛЫ, «Egemen Qazaqstan»")
_CAPS_BYLINE = re.compile(r"[А-ЯЁӘҒҚҢӨҰҮҺІ][а-яёәғқңөұүһі]+\s+[А-ЯЁӘҒҚҢӨҰҮҺІ-]{3,}(?:,.{0,40})?")
_DIGIT = re.compile(r"\d")
_BULLET = re.compile(r"(?:[•·▪►●◦‣∙*]|[-–—](?=\s)|\d{1,2}[.)](?=\s)|[^\W\d_][)](?=\s))")
_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
_CLOSING = "»\"”’')]"
_OPENING = "«\"“„‘'(["
_ENDS_PARAGRAPH = ".,;:"


def parse_date(value: str) -> str | None:
    """Normalise a written date to ``YYYY-MM-DD``; None when it is not a real date.

    >>> parse_date("27.02.2026"), parse_date("2026-02-27T10:00:00Z")
    ('2026-02-27', '2026-02-27')
    >>> parse_date("27 февраля 2026 г."), parse_date("27 ақпан 2026")
    ('2026-02-27', '2026-02-27')
    >>> parse_date("February 27, 2026"), parse_date("27 Feb 2026")
    ('2026-02-27', '2026-02-27')
    >>> parse_date("2026 жылғы 27 ақпанда"), parse_date("31.02.2026")
    ('2026-02-27', None)
    """
    value = value.strip()
    for pattern, order in _DATE_PATTERNS:
        match = pattern.fullmatch(value)
        if match is None:
            continue
        a, b, c = match.groups()
        if order == "ymd":
            year, month, day = int(a), int(b), int(c)
        elif order == "dmy":
            day, month, year = int(a), int(b), int(c)
        elif order == "d month y":
            day, month, year = int(a), _month(b), int(c)
        elif order == "month d y":
            month, day, year = _month(a), int(b), int(c)
        else:
            year, day, month = int(a), int(b), _month(c)
        valid = 1 <= month <= 12 and 1900 <= year <= 2100
        if valid and 1 <= day <= calendar.monthrange(year, month)[1]:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return None
    return None


def _month(word: str) -> int:
    word = word.casefold()
    if word in _MAY:
        return _MAY[word]
    for stem, number in _MONTHS:
        if word.startswith(stem):
            return number
    return 0


def parse_date_line(line: str) -> str | None:
    """The date of a standalone date line (label and time allowed), else None.

    >>> parse_date_line("Опубликовано: 27 февраля 2026, 14:35")
    '2026-02-27'
    >>> parse_date_line("27.02.2026 жылы Женевада") is None
    True
    """
    if len(line) > 60 or not _DIGIT.search(line):
        return None
    label = _DATE_LABEL.match(line)
    candidate = label.group("date") if label else line
    for text in (line, candidate):
        text = re.sub(_TIME + r"$", "", text.strip(" |·—–-"))
        date = parse_date(text)
        if date is not None:
            return date
    return None


def is_clutter_line(line: str) -> bool:
    """Whether a (stripped) line is page furniture: sharing, subscribing, copyright...

    >>> is_clutter_line("Ыңғайлы қосымшаны жүктеп алыңыз"), is_clutter_line("Все права защищены")
    (True, True)
    >>> is_clutter_line("Қазақстан көпжақты жүйені қолдайды.")
    False
    >>> is_clutter_line("By Dana Kulbayeva and Mark Trevelyan"), is_clutter_line("By 2030, it is.")
    (True, False)
    """
    return len(line) <= FOOTER_LINE_MAX_CHARS and bool(
        _CLUTTER_WHOLE.fullmatch(line)
        or _CLUTTER_START.match(line)
        or _CLUTTER_ANYWHERE.search(line)
        or _CREDIT_START.match(line)
        or _BYLINE.fullmatch(line)
        or _CAPS_BYLINE.fullmatch(line)
    )


def bullet_marker_end(line: str) -> int:
    """Length of the bullet marker at the start of a stripped line (0 when none)."""
    match = _BULLET.match(line)
    return match.end() if match else 0


def is_heading_like(line: str) -> bool:
    """A short line without the punctuation that ends a paragraph: a title or heading."""
    stripped = line.rstrip(_CLOSING)
    return (
        0 < len(line) <= HEADING_MAX_CHARS
        and not stripped.endswith(tuple(_ENDS_PARAGRAPH))
        and not bullet_marker_end(line)
    )


@dataclass(slots=True)
class Line:
    """A non-blank line: ``start``/``end`` are the offsets of its text without whitespace."""

    start: int
    end: int
    text: str
    blank_before: bool
    kind: str = "text"  # text | bullet | date | clutter | title
    marked_heading: bool = False  # a Markdown heading ("# ...")


@dataclass(slots=True)
class Layout:
    """Where the parts of an article are in its text."""

    title: Span | None = None
    date: str | None = None
    body: list[Span] = field(default_factory=list)
    clutter: list[Span] = field(default_factory=list)


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with exact offsets (surrounding whitespace left out)."""
    lines: list[Line] = []
    offset = 0
    blank = True
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = offset + raw.index(stripped[0])
            heading = _MARKDOWN_HEADING.match(stripped)
            if heading:
                start += heading.end()
                stripped = stripped[heading.end() :]
            lines.append(Line(start, start + len(stripped), stripped, blank, "text", bool(heading)))
            blank = False
        else:
            blank = True
        offset += len(raw) + 1
    return lines


def find_layout(text: str, *, title: str | None = None) -> Layout:
    """Split ``text`` into title, date, body paragraphs and page clutter.

    >>> text = "Site\\n\\nTokayev meets Guterres\\n\\nThey met.\\n\\n27.02.2026\\n\\nShare"
    >>> layout = find_layout(text)
    >>> layout.title.text, layout.date, [s.text for s in layout.body]
    ('Tokayev meets Guterres', '2026-02-27', ['Tokayev meets Guterres', 'They met.'])
    >>> [s.text for s in layout.clutter]
    ['Site', 'Share']
    """
    lines = split_lines(text)
    layout = Layout()
    for line in lines:
        if bullet_marker_end(line.text):
            line.kind = "bullet"
        elif (date := parse_date_line(line.text)) is not None:
            line.kind = "date"
            layout.date = layout.date or date
        elif is_clutter_line(line.text):
            line.kind = "clutter"
    _mark_related(lines)
    _mark_footer(lines, layout)
    _mark_title(lines, title)
    for line in lines:
        if line.kind == "clutter":
            layout.clutter.append(Span(line.start, line.end, line.text))
        elif line.kind == "title":
            layout.title = Span(line.start, line.end, line.text)
    layout.body = _paragraphs(text, lines)
    return layout


def _mark_related(lines: list[Line]) -> None:
    """ "Related:", "Соңғы жаңалықтар", "Оқи отырыңыз:" and the headlines listed under it
    (short lines that end no sentence) are other articles, not this one — once the
    article's text has begun (a menu's "Latest news" above the title takes nothing)."""
    index = next(
        (n for n, line in enumerate(lines)
         if len(line.text) > 80 and line.text.rstrip(_CLOSING).endswith(".")),
        len(lines),
    )
    while index < len(lines):
        if not _RELATED_HEADER.fullmatch(lines[index].text):
            index += 1
            continue
        lines[index].kind = "clutter"
        index += 1
        while (  # (the lines of the header's own block: a blank line ends the list)
            index < len(lines)
            and not lines[index].blank_before
            and lines[index].kind in ("text", "clutter")
            and len(lines[index].text) <= HEADING_MAX_CHARS
            and not lines[index].text.rstrip(_CLOSING).endswith((".", ";", ":"))
        ):
            lines[index].kind = "clutter"
            index += 1


def _mark_footer(lines: list[Line], layout: Layout) -> None:
    """The last date line followed only by a few short lines ends the article."""
    for index in range(len(lines) - 1, -1, -1):
        if lines[index].kind == "date":
            after = lines[index + 1 :]
            if len(after) <= FOOTER_MAX_LINES and all(
                len(line.text) <= FOOTER_LINE_MAX_CHARS for line in after
            ):
                for line in after:
                    line.kind = "clutter"
                layout.date = parse_date_line(lines[index].text)
            return


def _mark_title(lines: list[Line], title: str | None) -> None:
    content = [line for line in lines if line.kind in ("text", "bullet")]
    if title is not None:
        wanted = " ".join(title.split()).casefold()
        for index, line in enumerate(content[:6]):
            if " ".join(line.text.split()).casefold() == wanted:
                line.kind = "title"
                for before in content[:index]:
                    before.kind = "clutter"
                return
        return
    leading: list[Line] = []
    for index, line in enumerate(content[:5]):
        following = content[index + 1] if index + 1 < len(content) else None
        wrapped = (
            following is not None
            and not following.blank_before
            and (following.text[0].islower() or line.text.endswith((",", "-")))
        )
        if line.kind != "text" or wrapped or not is_heading_like(line.text):
            break
        leading.append(line)
    if not leading:
        return
    marked = [line for line in leading if line.marked_heading]
    best = marked[0] if marked else max(leading, key=lambda line: len(line.text))
    best.kind = "title"
    for line in leading[: leading.index(best)]:
        line.kind = "clutter"


def _paragraphs(text: str, lines: list[Line]) -> list[Span]:
    """Runs of consecutive content lines (not split by a blank line, a date or clutter)."""
    spans: list[Span] = []
    run: list[Line] = []

    def flush() -> None:
        if run:
            start, end = run[0].start, run[-1].end
            spans.append(Span(start, end, text[start:end]))
            run.clear()

    for line in lines:
        if line.kind in ("date", "clutter"):
            flush()
            continue
        if line.blank_before or line.kind == "title" or (run and run[-1].kind == "title"):
            flush()
        run.append(line)
    flush()
    return spans
