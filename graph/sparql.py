"""SPARQL requests as the protocol sees them: which form a query has, which
format to answer in, and which queries are refused (updates, SERVICE calls
to hosts not on the allow-list).

Pure functions over strings; the store runs the query.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from graph.errors import QueryError

#: media types of SELECT/ASK answers, by short name
RESULT_MEDIA = {
    "json": ("application/sparql-results+json", "application/json"),
    "xml": ("application/sparql-results+xml", "application/xml", "text/xml"),
    "csv": ("text/csv",),
    "tsv": ("text/tab-separated-values",),
}
#: media types of CONSTRUCT/DESCRIBE answers, by short name (graph.store.RDF_FORMATS)
GRAPH_MEDIA = {
    "turtle": ("text/turtle", "application/x-turtle"),
    "ntriples": ("application/n-triples", "text/plain"),
    "rdfxml": ("application/rdf+xml",),
    "jsonld": ("application/ld+json",),
    "nquads": ("application/n-quads",),
    "trig": ("application/trig",),
}
SHORT_NAMES = {
    "json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "turtle": "turtle", "ttl": "turtle",
    "nt": "ntriples", "ntriples": "ntriples", "rdfxml": "rdfxml", "jsonld": "jsonld",
    "nquads": "nquads", "trig": "trig",
}

# strings, IRIs and comments are skipped when looking for keywords
_SKIP = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*"
)
_STRINGS_COMMENTS = re.compile(
    r"<[^<>\"{}|^`\\\s]*>|"
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|#[^\n]*'
)
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE\s+(?:SILENT\s+)?(<[^<>\s]*>|\S+)", re.I)
_FORM = re.compile(r"(?<![\w?$:])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:])", re.I)


@dataclass(frozen=True)
class Accept:
    media_type: str
    q: float


def parse_accept(header: str | None) -> list[Accept]:
    """Accept header entries, best first.

    >>> [a.media_type for a in parse_accept("text/csv;q=0.5, application/json")]
    ['application/json', 'text/csv']
    """
    if not header:
        return []
    out = []
    for index, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        out.append((Accept(fields[0].lower(), q), index))
    out.sort(key=lambda item: (-item[0].q, item[1]))
    return [a for a, _ in out if a.q > 0]


def negotiate(accept: str | None, offers: dict[str, tuple[str, ...]], default: str) -> str | None:
    """The short name of the best offer for an Accept header; None when nothing fits.

    >>> negotiate("text/csv", RESULT_MEDIA, "json")
    'csv'
    >>> negotiate("*/*", RESULT_MEDIA, "json")
    'json'
    >>> negotiate("image/png", RESULT_MEDIA, "json") is None
    True
    """
    entries = parse_accept(accept)
    if not entries:
        return default
    for entry in entries:
        if entry.media_type in ("*/*", "application/*", "text/*") and default:
            main = entry.media_type.split("/")[0]
            if main == "*" or any(m.startswith(main + "/") for m in offers[default]):
                return default
            for name, media in offers.items():
                if any(m.startswith(main + "/") for m in media):
                    return name
        for name, media in offers.items():
            if entry.media_type in media:
                return name
    return None


def strip_literals(query: str) -> str:
    """The query with strings, IRIs and comments blanked out (for keyword checks)."""
    return _SKIP.sub(lambda m: "<>" if m.group(0).startswith("<") else " ", query)


def query_form(query: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE — the first form keyword of the query.

    >>> query_form('PREFIX a: <http://x/SELECT> # ASK\\nCONSTRUCT { ?s ?p "SELECT" } WHERE {}')
    'CONSTRUCT'
    """
    match = _FORM.search(strip_literals(query))
    return match.group(1).upper() if match else None


def check_services(query: str, allowed: Iterable[str] = ()) -> None:
    """Refuse SERVICE calls to endpoints not on the allow-list.

    >>> check_services("SELECT * { ?s ?p ?o }")
    >>> check_services("SELECT * { SERVICE <http://evil.example/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: SERVICE <http://evil.example/sparql> is not allowed: federated queries may only call the endpoints in the setting DKG_SERVICE_ALLOW (now empty)
    """
    allowed = set(allowed)
    # find SERVICE keywords outside strings/comments, then read the IRI from the original
    blanked = _STRINGS_COMMENTS.sub(
        lambda m: m.group(0) if m.group(0).startswith("<") else " " * len(m.group(0)), query
    )
    for match in _SERVICE.finditer(blanked):
        target = match.group(1).strip("<>")
        if target not in allowed:
            now = ", ".join(sorted(allowed)) or "now empty"
            raise QueryError(
                f"SERVICE <{target}> is not allowed: federated queries may only call the "
                f"endpoints in the setting DKG_SERVICE_ALLOW ({now})"
            )
