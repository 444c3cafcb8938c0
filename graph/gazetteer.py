"""The gazetteer: dkg's reference data (data/gazetteer/*.yaml), loaded and checked.

>>> gaz = load_gazetteer()
>>> gaz.get("state/kz").names["en"]
'Kazakhstan'
>>> gaz.holder("role/president", "state/kz", "2026-02-27").id
'official/kassym-jomart-tokayev'
"""

from __future__ import annotations

import datetime as _dt
import gc
import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.config import GAZETTEER_DIR
from graph.errors import GazetteerError
from graph.models import ENTITY_TYPES, KIND_OF_TYPE, LANGS
from graph.name_matcher import Match, Matcher, Variants

__all__ = [
    "Entry",
    "Gazetteer",
    "Match",
    "Matcher",
    "Position",
    "Role",
    "Variants",
    "load_gazetteer",
]

_ID_RE = re.compile(r"^(?P<kind>[a-z]+)/(?P<slug>[a-z0-9][a-z0-9.-]*)$")
_REF_FIELDS = ("part_of", "located_in", "proposed_by")
#: a dash with spaces between two words of a name ("Қазақстан – Қырғызстан")
_SPACED_DASH = re.compile(r"(?<=\w) [–—-] (?=\w)")


@dataclass(frozen=True, slots=True)
class Position:
    role: str  # the office, in English
    of: str  # entity id of the state or organisation
    start: str | None = None  # YYYY[-MM-DD]
    end: str | None = None


@dataclass(slots=True)
class Entry:
    """One gazetteer entry (an entity dkg knows by name)."""

    id: str
    type: str
    names: dict[str, str]
    aliases: dict[str, list[str]] = field(default_factory=dict)
    wikidata: str | None = None
    iso: str | None = None
    part_of: str | None = None
    located_in: str | None = None
    proposed_by: str | None = None
    founded: str | None = None
    positions: list[Position] = field(default_factory=list)
    file: str = ""
    international: bool = False  # organisations: of many states (its bodies are too)

    @property
    def label(self) -> str:
        return self.names["en"]

    def all_names(self, lang: str | None = None) -> list[str]:
        """Names and aliases (of one language, or of all), name first."""
        langs = (
            [lang] if lang else list(self.names) + [x for x in self.aliases if x not in self.names]
        )
        out: list[str] = []
        for code in langs:
            for name in [self.names.get(code)] + list(self.aliases.get(code, [])):
                if name and name not in out:
                    out.append(name)
        return out


@dataclass(slots=True)
class Role:
    """An office (not an entity): its names are read in titles."""

    id: str
    names: dict[str, str]
    aliases: dict[str, list[str]] = field(default_factory=dict)
    scope: str = "state"  # "state" | "organization"
    file: str = ""
    ministry: dict[str, str] = field(default_factory=dict)  # the body a minister's title names

    @property
    def label(self) -> str:
        return self.names["en"]

    def all_names(self) -> list[str]:
        out: list[str] = []
        for code in list(self.names) + [x for x in self.aliases if x not in self.names]:
            for name in [self.names.get(code)] + list(self.aliases.get(code, [])):
                if name and name not in out:
                    out.append(name)
        return out


# -- the gazetteer ----------------------------------------------------------------------


def _date_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, _dt.date):
        return value.isoformat()
    return str(value)


def _bound(date: str | None, end: bool) -> str:
    if not date:
        return "9999-12-31" if end else "0000-01-01"
    parts = date.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if end else f"{parts[0]}-01-01"
    if len(parts) == 2:
        return f"{date}-31" if end else f"{date}-01"
    return date


class Gazetteer:
    """Entries and roles, with lookups and compiled name matchers."""

    def __init__(self, entries: Iterable[Entry], roles: Iterable[Role] = (), digest: str = ""):
        self._entries: dict[str, Entry] = {}
        for entry in entries:
            if entry.id in self._entries:
                raise GazetteerError(
                    f"gazetteer {entry.file}: id {entry.id!r} is also used in "
                    f"{self._entries[entry.id].file}; ids must be unique across all files"
                )
            self._entries[entry.id] = entry
        self._roles: dict[str, Role] = {role.id: role for role in roles}
        self._office_index: dict[tuple[str, str], list[tuple[str, str, Entry]]] | None = None
        self._digest = digest
        self._matchers: dict[str, Matcher] = {}
        self._bodies_of: dict[str, list[Entry]] | None = None
        self._indexes: dict[tuple[Callable[[str], str], str], dict[str, str | None]] = {}

    def index(self, key: Callable[[str], str], type_: str) -> dict[str, str | None]:
        """The ids of the entries of ``type_`` by ``key`` of each of their names (in every
        language), built once per key: None where two entries share a key, and no empty key
        (officials by the skeleton of their names, places by their Russian names)."""
        found = self._indexes.get((key, type_))
        if found is None:
            found = {}
            for entry in self._entries.values():
                if entry.type != type_:
                    continue
                for name in entry.all_names():
                    k = key(name)
                    if k:
                        found[k] = entry.id if found.get(k, entry.id) == entry.id else None
            self._indexes[(key, type_)] = found
        return found

    def bodies_of(self, state: str) -> list[Entry]:
        """The organisations the reference data places in ``state`` (through part_of and
        located_in), indexed once: a ministry named by a title is looked up among them."""
        if self._bodies_of is None:
            index: dict[str, list[Entry]] = {}
            for entry in self._entries.values():
                if entry.type == "Organization" and (home := self.state_of(entry.id)):
                    index.setdefault(home, []).append(entry)
            self._bodies_of = index
        return self._bodies_of.get(state, [])

    def state_of(self, entry_id: str | None, depth: int = 0) -> str | None:
        """The State an entry belongs to, following part_of, then located_in."""
        if not entry_id or depth > 4:
            return None
        if entry_id.startswith("state/"):
            return entry_id
        entry = self._entries.get(entry_id)
        if entry is None:
            return None
        return self.state_of(entry.part_of, depth + 1) or self.state_of(
            entry.located_in, depth + 1
        )

    def entries(self) -> list[Entry]:
        return list(self._entries.values())

    def roles(self) -> list[Role]:
        return list(self._roles.values())

    def get(self, entry_id: str) -> Entry | None:
        return self._entries.get(entry_id)

    def role(self, role_id: str) -> Role | None:
        return self._roles.get(role_id)

    def role_by_label(self, label: str) -> Role | None:
        low = label.casefold()
        for role in self._roles.values():
            if role.label.casefold() == low:
                return role
        return None

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def content_hash(self) -> str:
        """sha256 of the files the gazetteer was read from (or of its entries)."""
        if not self._digest:
            h = hashlib.sha256()
            for entry in sorted(self._entries.values(), key=lambda e: e.id):
                h.update(repr(entry).encode())
            for role in sorted(self._roles.values(), key=lambda r: r.id):
                h.update(repr(role).encode())
            self._digest = h.hexdigest()
        return self._digest

    def holder(self, role_id: str, of_id: str, on_date: str | None) -> Entry | None:
        """The official who held the office ``role_id`` of ``of_id`` on ``on_date``.

        ``on_date`` is YYYY[-MM[-DD]]; ``None`` means today. When several
        officials qualify (overlapping terms in the data) the latest start wins.
        """
        role = self._roles.get(role_id)
        label = (role.label if role else role_id.split("/", 1)[-1].replace("-", " ")).casefold()
        day = _bound(on_date or _dt.date.today().isoformat(), end=False)
        day_end = _bound(on_date or _dt.date.today().isoformat(), end=True)
        best: tuple[str, Entry] | None = None
        for start, end, entry in self._offices().get((of_id, label), ()):
            if start <= day_end and day <= end and (best is None or start > best[0]):
                best = (start, entry)
        return best[1] if best else None

    def _offices(self) -> dict[tuple[str, str], list[tuple[str, str, Entry]]]:
        """(body, office) -> the terms of its holders, indexed once (``holder`` is asked
        for every "Мемлекет басшысы" and "the Chinese leader" of every article)."""
        if self._office_index is None:
            index: dict[tuple[str, str], list[tuple[str, str, Entry]]] = {}
            for entry in self._entries.values():
                for pos in entry.positions:
                    index.setdefault((pos.of, pos.role.casefold()), []).append(
                        (_bound(pos.start, end=False), _bound(pos.end, end=True), entry)
                    )
            self._office_index = index
        return self._office_index

    def matcher(self, name: str, variants: Callable[[str], list[Variants]]) -> Matcher:
        """A compiled matcher over every entry name and alias, cached under ``name``.

        ``variants`` turns a phrase into its tokens' readings (the language's
        stemmer or lemmatiser); the extractor of each language passes its own.
        """
        if name not in self._matchers:
            phrases = []
            for entry in self._entries.values():
                for text in entry.all_names():
                    phrases.append((variants(text), entry.id, text))
                    joined = _SPACED_DASH.sub("-", text)
                    if joined != text:  # "Қазақстан-Қырғызстан …": pages drop the spaces
                        phrases.append((variants(joined), entry.id, joined))
            self._matchers[name] = Matcher(phrases)
            _settle()
        return self._matchers[name]

    def role_matcher(self, name: str, variants: Callable[[str], list[Variants]]) -> Matcher:
        """A compiled matcher over the names of the roles (offices)."""
        key = "roles:" + name
        if key not in self._matchers:
            phrases = []
            for role in self._roles.values():
                for text in role.all_names():
                    phrases.append((variants(text), role.id, text))
            self._matchers[key] = Matcher(phrases)
            _settle()
        return self._matchers[key]

    def ministry_matcher(self, lang: str, variants: Callable[[str], list[Variants]]) -> Matcher:
        """A compiled matcher over the ministries the roles name ("Министерство энергетики"
        for the Minister of Energy), in one language; a match's ids are those roles."""
        key = "ministries:" + lang
        if key not in self._matchers:
            self._matchers[key] = Matcher(
                (variants(role.ministry[lang]), role.id, role.ministry[lang])
                for role in self._roles.values()
                if role.ministry.get(lang) and role.ministry.get("en")
            )
            _settle()
        return self._matchers[key]


# -- loading and checking ---------------------------------------------------------------


def _fail(path: Path, index: int, entry_id: str | None, message: str) -> GazetteerError:
    where = f"entry {index}" + (f" ({entry_id})" if entry_id else "")
    return GazetteerError(f"gazetteer {path.name}: {where}: {message}")


def _names(path: Path, i: int, eid: str | None, raw: Any, field_name: str) -> dict[str, str]:
    if not isinstance(raw, dict) or not raw:
        raise _fail(path, i, eid, f'field "{field_name}" must be a mapping of language -> name')
    for lang, name in raw.items():
        if lang not in LANGS:
            raise _fail(
                path,
                i,
                eid,
                f'field "{field_name}": language {lang!r} is not one of {", ".join(LANGS)}',
            )
        if not isinstance(name, str) or not name.strip():
            raise _fail(path, i, eid, f'field "{field_name}.{lang}" must be a non-empty string')
    if "en" not in raw:
        raise _fail(path, i, eid, f'field "{field_name}" needs an "en" name')
    return {lang: name.strip() for lang, name in raw.items()}


def _aliases(path: Path, i: int, eid: str | None, raw: Any) -> dict[str, list[str]]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _fail(path, i, eid, 'field "aliases" must be a mapping of language -> list of names')
    out: dict[str, list[str]] = {}
    for lang, names in raw.items():
        if lang not in LANGS:
            raise _fail(
                path, i, eid, f'field "aliases": language {lang!r} is not one of {", ".join(LANGS)}'
            )
        if isinstance(names, str):
            names = [names]
        if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
            raise _fail(path, i, eid, f'field "aliases.{lang}" must be a list of non-empty strings')
        out[lang] = [n.strip() for n in names]
    return out


def _entry(path: Path, i: int, raw: Any) -> Entry:
    if not isinstance(raw, dict):
        raise _fail(path, i, None, "must be a mapping (id, type, names, ...)")
    eid = raw.get("id")
    if not isinstance(eid, str) or not (m := _ID_RE.match(eid)):
        raise _fail(path, i, None, f'field "id" is {eid!r}, not <kind>/<slug> (e.g. state/kz)')
    etype = raw.get("type")
    if etype not in ENTITY_TYPES:
        raise _fail(
            path, i, eid, f'field "type" is {etype!r}, not one of {", ".join(ENTITY_TYPES)}'
        )
    if KIND_OF_TYPE[etype] != m.group("kind"):
        raise _fail(
            path,
            i,
            eid,
            f'field "id": kind {m.group("kind")!r} does not fit type {etype} '
            f"(expected {KIND_OF_TYPE[etype]}/...)",
        )
    refs = {}
    for name in _REF_FIELDS:
        value = raw.get(name)
        if value is not None and (not isinstance(value, str) or not _ID_RE.match(value)):
            raise _fail(path, i, eid, f'field "{name}" is {value!r}, not an entry id')
        refs[name] = value
    positions = []
    for j, pos in enumerate(raw.get("positions") or []):
        if (
            not isinstance(pos, dict)
            or not isinstance(pos.get("role"), str)
            or not isinstance(pos.get("of"), str)
        ):
            raise _fail(
                path,
                i,
                eid,
                f'field "positions[{j}]" needs "role" (English office) and "of" (entry id)',
            )
        positions.append(
            Position(pos["role"], pos["of"], _date_str(pos.get("start")), _date_str(pos.get("end")))
        )
    wikidata = raw.get("wikidata")
    if wikidata is not None and not re.fullmatch(r"Q\d+", str(wikidata)):
        raise _fail(path, i, eid, f'field "wikidata" is {wikidata!r}, not a Wikidata id like Q232')
    international = raw.get("international", False)
    if not isinstance(international, bool):
        raise _fail(path, i, eid, f'field "international" is {international!r}, not true/false')
    return Entry(
        id=eid,
        type=etype,
        names=_names(path, i, eid, raw.get("names"), "names"),
        aliases=_aliases(path, i, eid, raw.get("aliases")),
        wikidata=wikidata,
        iso=raw.get("iso"),
        founded=_date_str(raw.get("founded")),
        positions=positions,
        file=path.name,
        international=international,
        **refs,
    )


def _role(path: Path, i: int, raw: Any) -> Role:
    if not isinstance(raw, dict):
        raise _fail(path, i, None, "must be a mapping (id, names, aliases, scope)")
    rid = raw.get("id")
    if not isinstance(rid, str) or not rid.startswith("role/"):
        raise _fail(path, i, None, f'field "id" is {rid!r}, not role/<slug>')
    scope = raw.get("scope", "state")
    if scope not in ("state", "organization"):
        raise _fail(path, i, rid, f'field "scope" is {scope!r}, not "state" or "organization"')
    return Role(
        rid,
        _names(path, i, rid, raw.get("names"), "names"),
        _aliases(path, i, rid, raw.get("aliases")),
        scope,
        path.name,
        _names(path, i, rid, raw["ministry"], "ministry") if raw.get("ministry") else {},
    )


#: libyaml's safe loader when PyYAML was built with it (about ten times faster), else Python's
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path) -> list[Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except yaml.YAMLError as exc:
        raise GazetteerError(
            f"gazetteer {path.name}: not valid YAML ({exc}); fix the file"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise GazetteerError(f"gazetteer {path}: cannot read ({exc})") from exc
    if data is None:
        return []
    if not isinstance(data, list):
        raise GazetteerError(f"gazetteer {path.name}: must be a list of entries (- id: ...)")
    return data


_CACHE: dict[tuple[str, tuple[tuple[str, int, int], ...]], Gazetteer] = {}


def load_gazetteer(directory: str | Path | None = None) -> Gazetteer:
    """Read and check every ``*.yaml`` of ``directory`` (default data/gazetteer).

    The result is cached by the files' names, sizes and modification times.
    """
    root = Path(directory) if directory is not None else GAZETTEER_DIR
    if not root.is_dir():
        raise GazetteerError(f"gazetteer directory {root} does not exist; set DKG_GAZETTEER")
    files = sorted(root.glob("*.yaml"))
    key = (
        str(root.resolve()),
        tuple((f.name, f.stat().st_mtime_ns, f.stat().st_size) for f in files),
    )
    if key in _CACHE:
        return _CACHE[key]
    digest = hashlib.sha256()
    entries: list[Entry] = []
    roles: list[Role] = []
    for path in files:
        raw_bytes = path.read_bytes()
        digest.update(path.name.encode() + b"\0" + raw_bytes + b"\0")
        for i, raw in enumerate(_read(path)):
            if path.stem == "roles":
                roles.append(_role(path, i, raw))
            else:
                entries.append(_entry(path, i, raw))
    gaz = Gazetteer(entries, roles, digest.hexdigest())
    for old in [k for k in _CACHE if k[0] == key[0]] + list(_CACHE)[:-3]:
        _CACHE.pop(old, None)  # keep the newest version of a few directories
    _CACHE[key] = gaz
    _settle()
    return gaz


def _settle() -> None:
    """Move the reference data just built (entries, name indexes: hundreds of thousands of
    objects that live as long as the process) out of the garbage collector's sight, so that
    its full passes do not walk them again and again: one such pass took 250 ms of a
    40 ms extraction before (``gc.freeze``)."""
    gc.freeze()
