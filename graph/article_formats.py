"""Article file formats: bytes to text, JSON and JSONL records, HTML main text.

Each reader returns ``RawArticle`` records (text plus the metadata the file
gives); ``graph.articles`` turns them into ``Article`` objects. Every error is
an ``ArticleError`` whose message starts with where the problem is ("x.jsonl
line 7: ...") and says what to do.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.article_layout import parse_date
from graph.errors import ArticleError
from graph.language import normalise_lang

#: the fields of a JSON article; others are ignored
JSON_FIELDS = ("title", "text", "date", "url", "lang", "source")
#: the shortest main text accepted from a page (less is navigation, not an article)
MIN_HTML_CHARS = 100
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@dataclass(slots=True)
class RawArticle:
    """An article's text and the metadata its file states (None: not stated)."""

    text: str
    where: str  # "data/x.json", "data/x.jsonl line 7": where to point in messages
    title: str | None = None
    date: str | None = None
    url: str | None = None
    lang: str | None = None
    source: str | None = None
    lang_hint: str | None = None  # a weak hint (HTML lang attribute), used if detection fails


def decode_text(data: bytes, where: str) -> str:
    """Decode article bytes as UTF-8 (BOM dropped), with ``\\r\\n`` and ``\\r`` made ``\\n``.

    UTF-16 with a byte-order mark is decoded too. Anything else that is not
    UTF-8 is an error that says how to convert it: guessing an 8-bit encoding
    silently would put wrong letters into the graph.

    >>> decode_text(b"\\xef\\xbb\\xbfA\\r\\nB", "x.txt")
    'A\\nB'
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        if data.startswith(b"%PDF-"):
            raise ArticleError(
                f"{where}: is a PDF file, not text; extract its text first (e.g. `pdftotext`)"
            )
        if b"\x00" in data:
            raise ArticleError(
                f"{where}: is a binary file (it contains NUL bytes), not an article; "
                "dkg reads UTF-8 text, JSON, JSONL and HTML"
            )
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ArticleError(_not_utf8_message(data, where, error)) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{where}: is empty (no text); give it an article or leave it out")
    return text


def _not_utf8_message(data: bytes, where: str, error: UnicodeDecodeError) -> str:
    byte = data[error.start]
    guess = data.decode("cp1251", errors="replace")
    letters = [char for char in guess if char.isalpha()]
    cyrillic = sum(1 for char in letters if _CYRILLIC.match(char))
    hint = "it looks like Windows-1251 (Cyrillic); " if cyrillic > 0.5 * len(letters) else ""
    name = Path(where.split(" line ")[0]).name
    return (
        f"{where}: is not UTF-8 text (byte 0x{byte:02x} at offset {error.start}); {hint}"
        f"convert it with `iconv -f cp1251 -t utf-8 {name} > {Path(name).stem}.utf8"
        f"{Path(name).suffix}` (use the file's real encoding)"
    )


def parse_date_field(value: str, where: str, subject: str = 'field "date"') -> str:
    """Check a stated date: a full date in a common form, or ``YYYY-MM`` / ``YYYY``.

    >>> parse_date_field("27.02.2026", "x.json"), parse_date_field("2026-02", "x.json")
    ('2026-02-27', '2026-02')
    """
    value = value.strip()
    partial = re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value)
    if (
        partial
        and 1900 <= int(partial.group(1)) <= 2100
        and (partial.group(2) is None or 1 <= int(partial.group(2)) <= 12)
    ):
        return value
    date = parse_date(value)
    if date is None:
        raise ArticleError(
            f"{where}: {subject} is {json.dumps(value, ensure_ascii=False)}, not a date "
            "(expected YYYY-MM-DD or DD.MM.YYYY)"
        )
    return date


def parse_lang_field(value: str, where: str, subject: str = 'field "lang"') -> str:
    """Check a stated language: kk, ru or en (codes such as "ru-RU" or "kaz" are mapped)."""
    lang = normalise_lang(value)
    if lang is None:
        raise ArticleError(
            f"{where}: {subject} is {json.dumps(value, ensure_ascii=False)}, not a language "
            "dkg reads (expected kk, ru or en)"
        )
    return lang


def record_from_json(obj: Any, where: str) -> RawArticle:
    """One article from a decoded JSON object; unknown fields are ignored."""
    if not isinstance(obj, dict):
        raise ArticleError(
            f'{where}: expected a JSON object with a "text" field, got {_json_type(obj)}'
        )
    fields: dict[str, str | None] = {}
    for name in JSON_FIELDS:
        value = obj.get(name)
        if value is not None and not isinstance(value, str):
            raise ArticleError(f'{where}: field "{name}" is {_json_type(value)}, not a string')
        fields[name] = (value.strip() or None) if isinstance(value, str) else None
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        state = "missing" if text is None else "empty"
        raise ArticleError(f'{where}: field "text" is {state}; an article needs its text')
    date, lang = fields["date"], fields["lang"]
    return RawArticle(
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        where=where,
        title=fields["title"],
        date=parse_date_field(date, where) if date else None,
        url=fields["url"],
        lang=parse_lang_field(lang, where) if lang else None,
        source=fields["source"],
    )


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else "a string"


def read_json(data: bytes, where: str) -> list[RawArticle | ArticleError]:
    """A JSON file: one article object, or (best effort) a list of them.

    A malformed file is an error; in a list, a bad item is reported as an
    ``ArticleError`` in its place ("x.json item 3: ...") and the others are kept.
    """
    text = decode_text(data, where)
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleError(
            f"{where}: is not valid JSON ({error.msg.removesuffix(' at')} at line "
            f"{error.lineno}, column {error.colno}); fix it, or check it with "
            f"`python -m json.tool {Path(where).name}`"
        ) from None
    if not isinstance(obj, list):
        return [record_from_json(obj, where)]
    if not obj:
        raise ArticleError(f"{where}: is an empty list; it has no articles")
    records: list[RawArticle | ArticleError] = []
    for number, item in enumerate(obj, start=1):
        try:
            records.append(record_from_json(item, f"{where} item {number}"))
        except ArticleError as error:
            records.append(error)
    return records


def read_jsonl(path: Path, where: str, max_bytes: int) -> Iterator[RawArticle | ArticleError]:
    """The lines of a JSONL file, one article each, read lazily.

    A bad line (not UTF-8, not JSON, a missing or malformed field, longer
    than ``max_bytes``) becomes an ``ArticleError`` naming the line; the other
    lines are read on. Blank lines are skipped.
    """
    try:
        file = path.open("rb")
    except OSError as error:
        yield ArticleError(f"{where}: cannot be read ({error.strerror})")
        return
    records = 0
    with file:
        for number, raw in enumerate(file, start=1):
            line_where = f"{where} line {number}"
            if number == 1:
                raw = raw.removeprefix(b"\xef\xbb\xbf")
            if not raw.strip():
                continue
            records += 1
            if len(raw) > max_bytes:
                yield ArticleError(too_large_message(line_where, len(raw), max_bytes))
                continue
            try:
                obj = json.loads(decode_text(raw, line_where))
                yield record_from_json(obj, line_where)
            except json.JSONDecodeError as error:
                yield ArticleError(
                    f"{line_where}: is not valid JSON ({error.msg.removesuffix(' at')} at "
                    f"column {error.colno}); "
                    "each line must be one JSON object"
                )
            except ArticleError as error:
                yield error
    if records == 0:
        yield ArticleError(f"{where}: has no articles (only blank lines)")


def too_large_message(where: str, size: int, max_bytes: int) -> str:
    return (
        f"{where}: is {size:,} bytes, more than the limit of {max_bytes:,} bytes; "
        "split it, or raise the limit with DKG_MAX_ARTICLE_BYTES"
    )


def read_html(data: bytes, where: str) -> RawArticle:
    """The main text of an HTML page (trafilatura) and its metadata.

    The text is what trafilatura extracts (navigation, footers and comments
    dropped; one paragraph, heading or list item per line), so offsets refer
    to the extracted text, not to the markup. Title, date, URL and publisher
    come from the page's metadata (``<title>``, ``og:*``, ``article:*``); the
    ``<html lang>`` attribute is only a hint, because site templates often
    declare the wrong language.
    """
    from trafilatura import extract, extract_metadata
    from trafilatura.utils import load_html

    if b"\x00" in data:
        raise ArticleError(f"{where}: is a binary file (it contains NUL bytes), not HTML")
    tree = load_html(data)
    if tree is None:
        raise ArticleError(f"{where}: could not be parsed as HTML; check that it is a web page")
    lang_hint = tree.get("lang") or _meta_content(tree, "og:locale")
    metadata = extract_metadata(tree)
    options = {"include_comments": False, "include_tables": False, "deduplicate": False}
    text = extract(load_html(data), favor_precision=True, **options)
    if not text:  # a short page: precision mode may drop everything; recall keeps more
        text = extract(load_html(data), favor_recall=True, **options)
    if not text or len(text.strip()) < MIN_HTML_CHARS:  # nothing, or a few navigation words
        raise ArticleError(
            f"{where}: no article text found in the HTML page (only navigation or markup); "
            "save the article page itself, or pass its text as .txt"
        )
    date = metadata.date if metadata is not None else None
    return RawArticle(
        text=text.replace("\r\n", "\n").replace("\r", "\n"),
        where=where,
        title=metadata.title if metadata is not None else None,
        date=parse_date(date) if date else None,
        url=metadata.url if metadata is not None else None,
        source=metadata.sitename if metadata is not None else None,
        lang_hint=normalise_lang(lang_hint) if lang_hint else None,
    )


def _meta_content(tree: Any, prop: str) -> str | None:
    for element in tree.iter("meta"):
        if element.get("property") == prop or element.get("name") == prop:
            content = element.get("content")
            return str(content) if content else None
    return None
