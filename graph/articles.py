"""Reading articles: files to ``Article`` objects with metadata, body and sentences.

Formats, by suffix: ``.txt``/``.md`` (plain text: header, title, body, a date
line, footer), ``.json`` (one article: title, text, date, url, lang, source;
or a list of them), ``.jsonl``/``.ndjson`` (one article per line) and
``.html``/``.htm`` (main text extracted with trafilatura).

Offsets. ``Article.text`` is the text as decoded: UTF-8 with the BOM dropped
and every ``\\r\\n`` or ``\\r`` turned into ``\\n``; nothing else is changed,
page clutter included. Every span (title, body, sentences, clutter) is an
offset pair into that string. For JSON it is the "text" field; for HTML it is
the extracted main text, since the markup is not article text.

Errors. ``read_articles`` raises ``ArticleError`` at once for a file that
cannot be read as a whole (missing, empty, binary, not UTF-8, too large,
malformed JSON, another language). It returns an iterator of
``Article | ArticleError``: a record that fails inside a file of many (a JSONL
line, an item of a JSON list) is yielded as an ``ArticleError`` whose message
names the file and line, and the other records follow. A batch caller does::

    for path in expand_paths(args):
        try:
            results = read_articles(path)
        except ArticleError as error:
            report(error); continue
        for result in results:
            if isinstance(result, ArticleError):
                report(result)  # "data/x.jsonl line 7: field "date" is ..."
            else:
                ingest(result)

Language. When neither the caller nor the file states it, the language is
detected (``graph.language``). Text in another language or script is an
``ArticleError`` ("language not supported (detected German) ... pass --lang
to override"); a stated language (``lang=`` or the JSON "lang" field) is
trusted and skips detection. Precedence: the caller's ``lang``/``date``, then
the file's fields or metadata, then what the text shows.
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from graph.article_formats import (
    RawArticle,
    decode_text,
    parse_date_field,
    parse_lang_field,
    read_html,
    read_json,
    read_jsonl,
    too_large_message,
)
from graph.article_layout import find_layout, parse_date
from graph.errors import ArticleError
from graph.language import SAMPLE_CHARS, detect_language, identify_language
from graph.models import Article, Span
from graph.sentences import split_sentences

__all__ = [
    "SUFFIXES",
    "detect_language",
    "expand_paths",
    "parse_date",
    "parse_text",
    "read_articles",
    "split_sentences",
]

#: the suffixes dkg reads, and the format of each
SUFFIXES: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".html": "html",
    ".htm": "html",
}
_SUFFIX_LIST = " ".join(SUFFIXES)


def read_articles(
    path: Path,
    *,
    max_bytes: int = 5_000_000,
    lang: str | None = None,
    date: str | None = None,
) -> Iterator[Article | ArticleError]:
    """Read the article(s) in one file; see the module docstring for the error design.

    ``lang`` and ``date`` (from the command line) override what the file says.
    """
    path = Path(path)
    where = str(path)
    fmt = _format_of(path)
    lang = parse_lang_field(lang, where, "--lang") if lang else None
    date = parse_date_field(date, where, "--date") if date else None
    if not path.is_file():
        raise ArticleError(
            f"{where}: no such file" if not path.exists() else f"{where}: not a file"
        )
    size = path.stat().st_size
    if fmt == "jsonl":
        if size == 0:
            raise ArticleError(f"{where}: is empty (no lines); give it articles or leave it out")
        return _articles(read_jsonl(path, where, max_bytes), path, lang, date)
    if size > max_bytes:
        raise ArticleError(too_large_message(where, size, max_bytes))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ArticleError(f"{where}: cannot be read ({error.strerror})") from None
    if fmt == "text":
        text = decode_text(data, where)
        article = _build(RawArticle(text, where), path, lang, date)
        return iter([article])
    if fmt == "html":
        if not data.strip():
            raise ArticleError(f"{where}: is empty (no text); give it an article or leave it out")
        return iter([_build(read_html(data, where), path, lang, date)])
    records = read_json(data, where)
    if len(records) == 1 and isinstance(records[0], RawArticle):
        return iter([_build(records[0], path, lang, date)])
    return _articles(iter(records), path, lang, date)


def _articles(
    records: Iterator[RawArticle | ArticleError], path: Path, lang: str | None, date: str | None
) -> Iterator[Article | ArticleError]:
    for record in records:
        if isinstance(record, ArticleError):
            yield record
            continue
        try:
            yield _build(record, path, lang, date)
        except ArticleError as error:
            yield error


def parse_text(
    text: str,
    *,
    path: str | Path | None = None,
    lang: str | None = None,
    date: str | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    """Turn one article's text into an ``Article``: clutter, title, date, sentences, language.

    Stated metadata (``lang``, ``date``, ``title``...) wins over what the text
    shows. Newlines are normalised to ``\\n`` first; offsets refer to
    ``Article.text``.

    >>> article = parse_text("Tokayev meets Guterres\\n\\nThe sides met in New York. "
    ...                      "They discussed water.\\n\\n23.09.2025\\n\\nShare")
    >>> article.title, article.date, article.lang, [s.text for s in article.clutter]
    ('Tokayev meets Guterres', '2025-09-23', 'en', ['Share'])
    >>> [s.text for s in article.sentences][1:]
    ['The sides met in New York.', 'They discussed water.']
    """
    where = str(path) if path is not None else "article"
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise ArticleError(f"{where}: is empty (no text); give it an article or leave it out")
    raw = RawArticle(
        text,
        where,
        title=title,
        date=parse_date_field(date, where) if date else None,
        url=url,
        lang=parse_lang_field(lang, where) if lang else None,
        source=source,
    )
    return _build(raw, path, None, None)


def _build(raw: RawArticle, path: str | Path | None, lang: str | None, date: str | None) -> Article:
    text, where = raw.text, raw.where
    layout = find_layout(text, title=raw.title)
    if not layout.body:
        raise ArticleError(
            f"{where}: no article text left once page clutter is set aside "
            "(only a date line, navigation or sharing links)"
        )
    lang = lang or raw.lang or _detect(layout.body, raw.lang_hint, where)
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    url = raw.url
    return Article(
        id=hashlib.sha256(url.encode("utf-8")).hexdigest()[:16] if url else content_hash[:16],
        text=text,
        lang=lang,
        title=raw.title or (layout.title.text if layout.title else None),
        date=date or raw.date or layout.date,
        url=url,
        source=raw.source,
        content_hash=content_hash,
        path=str(path) if path is not None else None,
        title_span=layout.title,
        body=layout.body,
        sentences=split_sentences(text, layout.body),
        clutter=layout.clutter,
    )


def _detect(body: list[Span], hint: str | None, where: str) -> str:
    parts: list[str] = []
    size = 0
    for span in body:
        if size >= SAMPLE_CHARS:
            break
        parts.append(span.text[:SAMPLE_CHARS])
        size += len(parts[-1]) + 1
    sample = "\n".join(parts)[:SAMPLE_CHARS]
    guess = identify_language(sample)
    if guess.lang is not None:
        return guess.lang
    if hint is not None and guess.name == "no letters":
        return hint
    raise ArticleError(
        f"{where}: language not supported (detected {guess.name}); dkg reads Kazakh, "
        "Russian and English — pass --lang to override"
    )


def _format_of(path: Path) -> str:
    fmt = SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise ArticleError(
            f"{path}: unsupported file type {path.suffix or '(no suffix)'}; "
            f"dkg reads {_SUFFIX_LIST}"
        )
    return fmt


def expand_paths(args: Iterable[str | Path]) -> list[Path]:
    """Files named, files under folders (recursive) and files matching globs, in order.

    Folders and globs give only files with a supported suffix (hidden files
    skipped), sorted; a file named directly must have one. Duplicates are
    dropped. A path that does not exist, or a glob or folder that gives no
    file, is an ``ArticleError`` naming it.
    """
    found: dict[Path, None] = {}
    for arg in args:
        name = str(arg)
        path = Path(name)
        if path.is_dir():
            files = sorted(
                file
                for file in path.rglob("*")
                if file.is_file()
                and file.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in file.relative_to(path).parts)
            )
            if not files:
                raise ArticleError(
                    f"{name}: no article files in this folder (dkg reads {_SUFFIX_LIST})"
                )
        elif path.is_file():
            _format_of(path)
            files = [path]
        elif any(char in name for char in "*?["):
            files = sorted(
                Path(match)
                for match in glob.glob(name, recursive=True)
                if Path(match).is_file() and Path(match).suffix.lower() in SUFFIXES
            )
            if not files:
                raise ArticleError(f"{name}: no article files match this pattern")
        else:
            raise ArticleError(f"{name}: no such file or folder")
        for file in files:
            found.setdefault(file, None)
    return list(found)
