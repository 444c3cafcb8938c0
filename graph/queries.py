"""Saved queries: the ``ontology/queries/*.rq`` files, their headers and parameters.

A saved query is a SPARQL file whose leading comment lines say what it is
(ontology/queries/README.md describes the header)::

    # title: Initiatives a state proposed, and who supported them since
    # description: ...
    # param: state iri state:kz — the state
    # param: since date 2020-01-01 (optional) — supporters since this date

Parameters are bound by the store, never formatted into the query text: a
value is converted to one RDF term by its kind and the store binds it (a
VALUES block of serialised terms at the start of the WHERE group), so nothing a
caller sends can change the query. :func:`load_saved_queries` also checks that
every parameter is in the SELECT projection (and in GROUP BY when the query
groups) of every SELECT that uses it, so that a query means the same under
SPARQL's substitution semantics (SEP-0007) on any server.

>>> queries = load_saved_queries()
>>> q = queries["initiatives-proposed-by-state"]
>>> bind_params(q, {"state": "state/kz"})["state"]
rdflib.term.URIRef('https://w3id.org/dkg/id/state/kz')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from graph.errors import NotFoundError, QueryError
from graph.sparql import blank_literals, matching_brace
from graph.store import SparqlResult, Store
from ontology import ID, PREFIXES, QUERIES_DIR

#: what each parameter kind accepts (used in error messages and the README)
KINDS: dict[str, str] = {
    "iri": "an entity id such as state:kz or state/kz, a prefixed name such as dkg:proposed, "
           "or a full http(s) IRI",
    "date": "a date as YYYY, YYYY-MM or YYYY-MM-DD",
    "integer": "a whole number such as 2026",
    "string": "any text",
    "lang": "a language tag such as kk, ru or en",
    "literal": 'a literal: plain text, "text"@lang or "text"^^xsd:type',
}
#: query-string names the API keeps for itself; no parameter may use them
RESERVED = {"format", "query"}

_KEYS = ("title", "description", "param")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DOC_SEPARATOR = re.compile(r"\s+(?:—|--)\s*")
_IRI_SCHEME = re.compile(r"^(https?|urn):", re.I)
_IRI_BAD = re.compile(r'[\s<>"{}|^`\\]')
_PREFIXED = re.compile(r"^([A-Za-z][\w-]*):([\w.-]*[\w-])$|^([A-Za-z][\w-]*):$")
_ID_PATH = re.compile(r"^[a-z][a-z-]*/[^/\s]+$")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_INTEGER = re.compile(r"^[+-]?\d{1,18}$")
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_LANG_LITERAL = re.compile(r'^"(.*)"@([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)$', re.S)
_TYPED_LITERAL = re.compile(r'^"(.*)"\^\^(\S+)$', re.S)
_MAX_VALUE = 2000

_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.I)
_VAR = re.compile(r"[?$]([A-Za-z_][A-Za-z0-9_]*)")


@dataclass(frozen=True)
class QueryParam:
    """One parameter of a saved query."""

    name: str
    kind: str  # one of KINDS
    default: str | None = None  # used when the caller gives no value
    optional: bool = False  # an empty value leaves the variable unbound
    doc: str = ""

    @property
    def expects(self) -> str:
        """What a value of this parameter looks like, for forms and error messages."""
        return KINDS[self.kind]


@dataclass(frozen=True)
class SavedQuery:
    """A saved query: its file name (without .rq), header and SPARQL text."""

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    text: str
    form: str  # SELECT, ASK, CONSTRUCT or DESCRIBE

    def param(self, name: str) -> QueryParam | None:
        return next((p for p in self.params if p.name == name), None)


def load_saved_queries(dir: Path | str = QUERIES_DIR) -> dict[str, SavedQuery]:
    """Every ``*.rq`` file of ``dir`` by name, headers parsed and parameters checked.

    A malformed file raises :class:`QueryError` naming the file and line.
    """
    path = Path(dir)
    files = sorted(path.glob("*.rq"))
    stamp = tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files)
    return dict(_load(str(path), stamp))


@lru_cache(maxsize=8)
def _load(dir: str, stamp: tuple[tuple[str, int, int], ...]) -> tuple[tuple[str, SavedQuery], ...]:
    out = []
    for name, _, _ in stamp:
        file = Path(dir) / name
        out.append((file.stem, parse_saved_query(file.read_text(encoding="utf-8"), file)))
    return tuple(out)


def parse_saved_query(text: str, path: Path | str) -> SavedQuery:
    """Parse one saved query; ``path`` names it (its stem is the query's name) in errors."""
    path = Path(path)
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", path.stem):
        raise QueryError(f"{path}: a saved query's file name must be lower-case words joined "
                         "by '-' (it is the query's name in URLs), like state-treaties.rq")
    fields: dict[str, str] = {}
    params: list[QueryParam] = []
    last: str | None = None
    lineno = 0
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            break
        body = stripped[1:]
        if not body.strip():
            last = None
            continue
        match = re.match(r"\s?([a-z]+):\s*(.*)$", body)
        if match and match.group(1) in _KEYS:
            key, value = match.group(1), match.group(2).strip()
            if key == "param":
                params.append(_parse_param(value, path, lineno, {p.name for p in params}))
            elif key in fields:
                raise QueryError(f"{path}:{lineno}: '{key}:' given twice")
            elif not value:
                raise QueryError(f"{path}:{lineno}: '{key}:' is empty")
            else:
                fields[key] = value
            last = key
        elif match and not body.startswith("  "):
            raise QueryError(f"{path}:{lineno}: unknown header key {match.group(1)!r}; "
                             f"use one of {', '.join(k + ':' for k in _KEYS)}")
        elif body.startswith("  ") and last == "description":
            fields["description"] += " " + body.strip()
        elif body.startswith("  ") and last == "param":
            p = params[-1]
            params[-1] = QueryParam(p.name, p.kind, p.default, p.optional,
                                    (p.doc + " " + body.strip()).strip())
        else:
            raise QueryError(f"{path}:{lineno}: a header line is 'KEY: value' with KEY one of "
                             f"{', '.join(_KEYS)}, or a continuation indented by two spaces")
    for key in ("title", "description"):
        if key not in fields:
            raise QueryError(f"{path}:1: the header has no '# {key}: …' line "
                             "(see ontology/queries/README.md)")
    blank = blank_literals(text)
    form_match = _FORM.search(blank)
    if not form_match:
        raise QueryError(f"{path}:{lineno}: no SELECT, ASK, CONSTRUCT or DESCRIBE in the query")
    form = form_match.group(1).upper()
    query = SavedQuery(path.stem, fields["title"], fields["description"], tuple(params),
                       text, form)
    _check_params(query, blank, path)
    return query


def _parse_param(value: str, path: Path, lineno: int, seen: set[str]) -> QueryParam:
    spec, doc = _split_doc(value)
    optional = spec.endswith("(optional)")
    tokens = spec.removesuffix("(optional)").split(None, 2)
    if len(tokens) < 2:
        raise QueryError(f"{path}:{lineno}: a parameter is "
                         "'# param: NAME KIND [DEFAULT] [(optional)] — DOC'")
    name, kind = tokens[0], tokens[1]
    where = f"{path}:{lineno}: parameter {name!r}"
    if not _NAME.fullmatch(name):
        raise QueryError(f"{where}: a name is letters, digits and '_' (it is the variable ?{name})")
    if name in RESERVED:
        raise QueryError(f"{where}: the name is reserved by the API; rename it")
    if name in seen:
        raise QueryError(f"{where}: declared twice")
    if kind not in KINDS:
        raise QueryError(f"{where}: unknown kind {kind!r}; use one of {', '.join(KINDS)}")
    default = tokens[2].strip() if len(tokens) > 2 else None
    param = QueryParam(name, kind, default or None, optional, doc.strip())
    if default is not None:
        try:
            convert_value(param, default)
        except QueryError as e:
            raise QueryError(f"{path}:{lineno}: the default of {e}") from None
    return param


def _split_doc(value: str) -> tuple[str, str]:
    """``NAME KIND [DEFAULT] [(optional)] — DOC`` -> (the part before the dash, DOC)."""
    parts = _DOC_SEPARATOR.split(" " + value, maxsplit=1)
    return parts[0].strip(), parts[1] if len(parts) > 1 else ""


def _projected(projection: str) -> tuple[set[str], bool]:
    """The variables a SELECT clause projects, and whether it is ``SELECT *``."""
    aliases = set(re.findall(r"\bAS\s+[?$](\w+)", projection, re.I))
    depth = 0
    top = []
    for ch in projection:
        depth += ch == "("
        top.append(ch if depth == 0 else " ")
        depth -= ch == ")"
    outside = "".join(top)
    return set(_VAR.findall(outside)) | aliases, "*" in outside


def _check_params(query: SavedQuery, blank: str, path: Path) -> None:
    names = [p.name for p in query.params]
    used = set(_VAR.findall(blank))
    for name in names:
        if name not in used:
            raise QueryError(f"{path}: parameter {name!r} is declared but the query has no ?{name}")
    for name in names:
        if re.search(rf"\bBOUND\s*\(\s*[?$]{name}\s*\)", blank, re.I):
            raise QueryError(
                f"{path}: BOUND(?{name}) is always false for a parameter (the store decides it "
                f"before binding): test 'not given' with COALESCE(STR(?{name}), \"\") = \"\"")
    if names and query.form != "SELECT":
        raise QueryError(f"{path}: parameters can only be bound in SELECT queries (the store "
                         f"binds them through the projection); this is a {query.form}")
    for index, match in enumerate(re.finditer(r"\bSELECT\b", blank, re.I)):
        brace = blank.find("{", match.end())
        if brace < 0:
            continue
        projection = blank[match.end():brace]
        projection = re.sub(r"\bWHERE\b", " ", projection, flags=re.I)
        end = matching_brace(blank, brace)
        body_vars = set(_VAR.findall(blank[brace:end]))
        projected, star = _projected(projection)
        after = blank[end + 1:]
        group = re.match(r"\s*GROUP\s+BY\s+(.*?)(?=\bHAVING\b|\bORDER\b|\bLIMIT\b|\bOFFSET\b"
                         r"|\bVALUES\b|}|$)", after, re.I | re.S)
        line = blank.count("\n", 0, match.start()) + 1
        for name in names:
            if index > 0 and name not in body_vars:
                continue  # a subquery that does not use the parameter
            if name not in projected and not star:
                raise QueryError(
                    f"{path}:{line}: parameter ?{name} is not in this SELECT's projection, so "
                    f"the store cannot bind it: add ?{name} to the SELECT clause")
            if star and index == 0 and group is None and name not in body_vars:
                raise QueryError(f"{path}:{line}: SELECT * does not project ?{name}")
            if group and name not in set(_VAR.findall(group.group(1))):
                raise QueryError(
                    f"{path}:{line}: parameter ?{name} is projected by a grouped SELECT but is "
                    f"not in its GROUP BY: add ?{name} to GROUP BY")


# -- binding -------------------------------------------------------------------


def bind_params(query: SavedQuery, given: Mapping[str, str] | None = None) -> dict[str, Node]:
    """RDF terms for the parameters of ``query``: the values ``given``, else the defaults.

    An empty value for an optional parameter leaves its variable unbound.

    >>> q = load_saved_queries()["anniversaries-in-year"]
    >>> bind_params(q, {"year": "2026"})["year"].toPython()
    2026
    >>> bind_params(q, {"yaer": "2026"})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: saved query 'anniversaries-in-year' has no parameter 'yaer'; ...
    """
    given = dict(given or {})
    unknown = sorted(set(given) - {p.name for p in query.params})
    if unknown:
        known = ", ".join(p.name for p in query.params) or "none"
        raise QueryError(f"saved query {query.name!r} has no parameter {unknown[0]!r}; "
                         f"its parameters are: {known}")
    out: dict[str, Node] = {}
    for param in query.params:
        value = given.get(param.name)
        if value is not None and not value.strip():
            if param.optional:
                continue
            raise QueryError(f"parameter {param.name!r} of saved query {query.name!r} is "
                             f"required: give {KINDS[param.kind]}")
        if value is None:
            value = param.default
        if value is None:
            if param.optional:
                continue
            raise QueryError(f"saved query {query.name!r} needs the parameter {param.name!r}: "
                             f"{KINDS[param.kind]} ({param.doc or 'no description'})")
        out[param.name] = convert_value(param, value)
    return out


def convert_value(param: QueryParam, value: str) -> Node:
    """One parameter value as an RDF term, by the parameter's kind.

    >>> convert_value(QueryParam("d", "date"), "2026-02").datatype
    rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth')
    >>> convert_value(QueryParam("e", "iri"), "state:kz> } ; DROP ALL #")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.QueryError: parameter 'e': 'state:kz> } ; DROP ALL #' is not an IRI: ...
    """
    value = value.strip()
    what = "an IRI" if param.kind == "iri" else "valid"
    fail = QueryError(f"parameter {param.name!r}: {value!r} is not {what}: "
                      f"expected {KINDS[param.kind]}")
    if len(value) > _MAX_VALUE:
        raise QueryError(f"parameter {param.name!r}: the value is longer than {_MAX_VALUE} "
                         "characters")
    if param.kind == "iri":
        return _iri(value, fail)
    if param.kind == "date":
        return _date(value, fail)
    if param.kind == "integer":
        if not _INTEGER.match(value):
            raise fail
        return Literal(int(value))
    if param.kind == "lang":
        if not _LANG.match(value):
            raise fail
        return Literal(value.lower())
    if param.kind == "literal":
        lang = _LANG_LITERAL.match(value)
        if lang:
            return Literal(lang.group(1), lang=lang.group(2).lower())
        typed = _TYPED_LITERAL.match(value)
        if typed:
            datatype = _iri(typed.group(2).removeprefix("<").removesuffix(">"), fail)
            return Literal(typed.group(1), datatype=datatype)
        return Literal(value)
    return Literal(value)  # string


def _iri(value: str, fail: QueryError) -> URIRef:
    if not value or _IRI_BAD.search(value):
        raise fail
    if _IRI_SCHEME.match(value):
        return URIRef(value)
    prefixed = _PREFIXED.match(value)
    if prefixed:
        prefix = prefixed.group(1) or prefixed.group(3)
        if prefix in PREFIXES:
            return URIRef(PREFIXES[prefix] + (prefixed.group(2) or ""))
        if prefix != "id":
            raise QueryError(f"{fail} (unknown prefix {prefix!r}; known: "
                             f"{', '.join(sorted(PREFIXES))})")
    if _ID_PATH.match(value):
        return URIRef(ID + value)
    raise fail


def _date(value: str, fail: QueryError) -> Literal:
    match = _DATE.match(value)
    if not match:
        raise fail
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise fail from None
    datatype = XSD.date if day else XSD.gYearMonth if month else XSD.gYear
    return Literal(value, datatype=datatype)


# -- running ---------------------------------------------------------------------


def get_saved_query(name: str, dir: Path | str = QUERIES_DIR) -> SavedQuery:
    queries = load_saved_queries(dir)
    try:
        return queries[name]
    except KeyError:
        raise NotFoundError(
            f"no saved query {name!r}; the saved queries are: {', '.join(queries)} "
            "(GET /api/queries lists them with their parameters)"
        ) from None


def run_saved(
    store: Store,
    name: str,
    params: Mapping[str, str] | None = None,
    result_format: str = "json",
    *,
    graph_format: str = "turtle",
    dir: Path | str = QUERIES_DIR,
) -> SparqlResult:
    """Run the saved query ``name`` with ``params`` (strings, converted by kind) and
    serialise its answer: SELECT/ASK in ``result_format``, CONSTRUCT in ``graph_format``.

    Unknown names raise :class:`NotFoundError`; bad parameters :class:`QueryError`.
    """
    query = get_saved_query(name, dir)
    bindings = bind_params(query, params)
    return store.sparql(query.text, result_format=result_format, graph_format=graph_format,
                        bindings=bindings)


def select_saved(
    store: Store, name: str, params: Mapping[str, str] | None = None,
    *, dir: Path | str = QUERIES_DIR,
) -> list[dict]:
    """The rows of a saved SELECT query as dicts of Python values (see ``Store.select``)."""
    query = get_saved_query(name, dir)
    if query.form != "SELECT":
        raise QueryError(f"saved query {name!r} is a {query.form}, not a SELECT: use run_saved")
    return store.select(query.text, bind_params(query, params))
