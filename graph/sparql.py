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
    ... # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: SERVICE <http://evil.example/sparql> is not allowed: ...(now empty)
    """
    for target, now in _disallowed(query, _SERVICE, allowed):
        raise QueryError(
            f"SERVICE <{target}> is not allowed: federated queries may only call the "
            f"endpoints in the setting DKG_SERVICE_ALLOW ({now})"
        )


def _disallowed(text: str, keyword: re.Pattern[str], allowed: Iterable[str]
                ) -> Iterable[tuple[str, str]]:
    """(target, the allow-list as text) for each SERVICE/LOAD target not on the list,
    keywords inside strings and comments left out."""
    allowed = set(allowed)
    blanked = _STRINGS_COMMENTS.sub(
        lambda m: m.group(0) if m.group(0).startswith("<") else " " * len(m.group(0)), text
    )
    for match in keyword.finditer(blanked):
        target = match.group(1).strip("<>")
        if target not in allowed:
            yield target, ", ".join(sorted(allowed)) or "now empty"


_UPDATE_WORDS = re.compile(r"(?<![\w?$:])(USING|WITH|WHERE|DELETE|INSERT)(?![\w:-])|[{}]", re.I)


def blank_literals(text: str) -> str:
    """``text`` with strings, IRIs and comments blanked to spaces, keeping every offset
    and every newline: keywords and braces can then be found by position.

    >>> blank_literals('ASK { <urn:x> ?p "{" } # }')
    'ASK {         ?p     }    '
    """
    return _SKIP.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def with_protocol_dataset(
    update: str, using: Iterable[str] = (), using_named: Iterable[str] = ()
) -> str:
    """Apply the protocol's ``using-graph-uri`` / ``using-named-graph-uri`` to an update
    by adding ``USING`` / ``USING NAMED`` clauses to each operation with a WHERE.

    >>> with_protocol_dataset("INSERT { ?s a ?t } WHERE { ?s a ?t }", ["http://g"])
    'INSERT { ?s a ?t } USING <http://g> WHERE { ?s a ?t }'
    >>> with_protocol_dataset("DELETE { ?s ?p 1 } WHERE { ?s ?p 1 }", ["http://g"])
    'DELETE { ?s ?p 1 } USING <http://g> WHERE { ?s ?p 1 }'
    >>> with_protocol_dataset("DELETE WHERE { ?s ?p ?o }", using_named=["http://g"])
    'DELETE { ?s ?p ?o } USING NAMED <http://g> WHERE { ?s ?p ?o }'
    """
    using, using_named = list(using), list(using_named)
    if not using and not using_named:
        return update
    clauses = " ".join([f"USING <{g}>" for g in using]
                       + [f"USING NAMED <{g}>" for g in using_named])
    blanked = blank_literals(update)
    depth = 0
    previous = ""
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), in order
    for token in _UPDATE_WORDS.finditer(blanked):
        word = token.group(0).upper()
        if word == "{":
            depth += 1
            continue
        if word == "}":
            depth -= 1
            previous = "}"
            continue
        if depth:
            continue
        if word in ("USING", "WITH"):
            raise QueryError(
                f"the update has its own {word} clause and the request gives "
                "using-graph-uri/using-named-graph-uri: use one or the other (SPARQL 1.1 "
                "Protocol 2.2.3)")
        if word == "WHERE":
            if previous == "DELETE":  # DELETE WHERE { P } -> DELETE { P } USING ... WHERE { P }
                start = blanked.find("{", token.end())
                end = matching_brace(blanked, start)
                pattern = update[start:end + 1]
                edits.append((token.start(), token.end(), f"{pattern} {clauses} WHERE"))
            else:
                edits.append((token.start(), token.start(), clauses + " "))
        previous = word
    out = update
    for start, end, text in reversed(edits):
        out = out[:start] + text + out[end:]
    return out


def where_group_start(query: str) -> int:
    """The offset just inside the opening brace of the query's top-level WHERE group.

    >>> q = 'CONSTRUCT { ?s ?p "{" } WHERE { ?s ?p ?o }'
    >>> q[where_group_start(q):].strip()
    '?s ?p ?o }'
    >>> q = "SELECT * { ?s ?p ?o }"
    >>> q[where_group_start(q):].strip()
    '?s ?p ?o }'
    """
    blanked = blank_literals(query)
    form = _FORM.search(blanked)
    if form is None:
        raise QueryError("not a query: expected SELECT, ASK, CONSTRUCT or DESCRIBE")
    where = re.compile(r"(?<![\w?$:])WHERE(?![\w:])", re.I).search(blanked, form.end())
    start = blanked.find("{", where.end() if where else form.end())
    if start < 0:
        raise QueryError("malformed SPARQL query: no WHERE group")
    return start + 1


def matching_brace(text: str, start: int) -> int:
    """The index of the ``}`` closing the ``{`` at ``start`` (in blanked text)."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i
    raise QueryError("malformed SPARQL: unbalanced braces { }")


_LOAD = re.compile(r"(?<![\w?$:])LOAD\s+(?:SILENT\s+)?(<[^<>\s]*>|\S+)", re.I)


def check_loads(update: str, allowed: Iterable[str] = ()) -> None:
    """Refuse ``LOAD`` from sources not on the allow-list (the server would fetch them).

    >>> check_loads("LOAD <http://10.0.0.1/admin> INTO GRAPH <urn:g>")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: LOAD <http://10.0.0.1/admin> is not allowed: ... DKG_SERVICE_ALLOW ...
    """
    for target, now in _disallowed(update, _LOAD, allowed):
        raise QueryError(
            f"LOAD <{target}> is not allowed: the server only fetches from the endpoints "
            f"in the setting DKG_SERVICE_ALLOW ({now}); send the data to /rdf-graphs instead"
        )
