"""Checks of the gazetteer files (data/gazetteer/*.yaml) against their format.

The format is described in data/gazetteer/README.md. These tests read the
YAML directly (yaml.safe_load) so that they do not depend on the engine
module that loads the gazetteer.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

import pytest
import yaml

GAZ = Path(__file__).resolve().parents[1] / "data" / "gazetteer"

ENTITY_FILES = {
    "states.yaml": "State",
    "organizations.yaml": "Organization",
    "forums.yaml": "Forum",
    "treaties.yaml": "Treaty",
    "initiatives.yaml": "Initiative",
    "officials.yaml": "Official",
    "places.yaml": "Place",
    "places_world.yaml": "Place",
}
KIND_OF_TYPE = {
    "State": "state",
    "Organization": "organization",
    "Forum": "forum",
    "Treaty": "treaty",
    "Initiative": "initiative",
    "Official": "official",
    "Place": "place",
}
LANGS = {"en", "kk", "ru"}

COMMON_KEYS = {"id", "type", "wikidata", "names", "aliases", "founded"}
ALLOWED_KEYS = {
    "State": COMMON_KEYS | {"iso", "iso3", "isonum", "located_in"},
    "Organization": COMMON_KEYS | {"part_of", "located_in", "proposed_by", "international"},
    "Forum": COMMON_KEYS | {"part_of", "located_in", "proposed_by"},
    "Treaty": COMMON_KEYS | {"proposed_by", "located_in"},
    "Initiative": COMMON_KEYS | {"proposed_by", "part_of", "located_in"},
    "Official": COMMON_KEYS | {"positions"},
    "Place": COMMON_KEYS | {"located_in", "part_of"},
}
REQUIRED_KEYS = {"id", "type", "names"}
POSITION_KEYS = {"role", "of", "start", "end"}
ROLE_KEYS = {"id", "names", "aliases", "scope", "ministry"}
ROLE_SCOPES = {"state": ("state",), "organization": ("organization", "forum")}

# What each reference may point at (by id kind).
REF_KINDS = {
    "part_of": {"organization", "forum", "state", "place"},
    "located_in": {"place", "state"},
    "proposed_by": {"state", "organization", "official", "forum"},
}

ID_RE = re.compile(
    r"^(state|organization|forum|treaty|initiative|official|place)/[a-z0-9][a-z0-9-]*$"
)
ROLE_ID_RE = re.compile(r"^role/[a-z0-9][a-z0-9-]*$")
QID_RE = re.compile(r"^Q\d+$")
DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})-(\d{2}))?$")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
# An abbreviation printed in Latin letters inside kk/ru text (G20, BRICS, C5+1).
LATIN_ABBR = re.compile(r"^[A-Z0-9][A-Z0-9+.\- ]{0,9}$")

# (lang, normalised name) pairs that several entries may share on purpose.
# Each value lists the ids that are allowed to share the name.
ALLOWED_SHARED: dict[tuple[str, str], set[str]] = {}

# The entities of the seed gold (/work/shared/corpus/dev/kk-seed-unhrc61-cd-2026.json)
# that the gazetteer must know under exactly these canonical English names.
SEED_ENTITIES = [
    ("state/kz", "State", "Kazakhstan", "Q232"),
    ("organization/un", "Organization", "United Nations", "Q1065"),
    ("organization/mfa-kz", "Organization", "Ministry of Foreign Affairs of Kazakhstan", None),
    (
        "organization/un-sdg-centre-almaty",
        "Organization",
        "UN SDG Regional Centre for Central Asia and Afghanistan",
        None,
    ),
    ("forum/unhrc", "Forum", "United Nations Human Rights Council", None),
    ("forum/conference-on-disarmament", "Forum", "Conference on Disarmament", None),
    ("forum/unga", "Forum", "United Nations General Assembly", None),
    (
        "forum/congress-of-religious-leaders",
        "Forum",
        "Congress of Leaders of World and Traditional Religions",
        None,
    ),
    ("place/geneva", "Place", "Geneva", "Q71"),
    ("place/almaty", "Place", "Almaty", "Q35493"),
    ("place/semipalatinsk-test-site", "Place", "Semipalatinsk Test Site", None),
    ("official/antonio-guterres", "Official", "António Guterres", "Q311440"),
    ("official/volker-turk", "Official", "Volker Türk", None),
    ("official/kassym-jomart-tokayev", "Official", "Kassym-Jomart Tokayev", None),
    ("official/yerzhan-ashikbayev", "Official", "Yerzhan Ashikbayev", None),
    ("treaty/ctbt", "Treaty", "Comprehensive Nuclear-Test-Ban Treaty", None),
    ("treaty/canwfz", "Treaty", "Treaty on a Nuclear-Weapon-Free Zone in Central Asia", None),
    ("treaty/npt", "Treaty", "Treaty on the Non-Proliferation of Nuclear Weapons", None),
    ("treaty/tpnw", "Treaty", "Treaty on the Prohibition of Nuclear Weapons", None),
    ("treaty/bwc", "Treaty", "Biological Weapons Convention", None),
    ("initiative/just-kazakhstan", "Initiative", "Just Kazakhstan", None),
    ("initiative/law-and-order", "Initiative", "Law and Order", None),
    (
        "initiative/global-ihl-initiative",
        "Initiative",
        "Global initiative in support of international humanitarian law",
        None,
    ),
    ("initiative/regional-ecological-summit", "Initiative", "Regional Ecological Summit", None),
    (
        "initiative/international-water-organization",
        "Initiative",
        "International Water Organization",
        None,
    ),
    (
        "initiative/international-agency-for-biological-safety",
        "Initiative",
        "International Agency for Biological Safety",
        None,
    ),
]

# Mentions of the seed article (in their printed, possibly inflected form is not
# required: these are the dictionary forms) that must be names or aliases.
SEED_SURFACES = [
    ("state/kz", "kk", "Қазақстан"),
    ("state/kz", "kk", "Қазақстан Республикасы"),
    ("organization/un", "kk", "БҰҰ"),
    ("forum/unhrc", "kk", "СПЧ"),
    ("forum/unhrc", "kk", "БҰҰ Адам құқықтары жөніндегі кеңес"),
    ("forum/unga", "kk", "БҰҰ Бас Ассамблеясы"),
    ("forum/congress-of-religious-leaders", "kk", "Әлемдік және дәстүрлі діндер лидерлері съезі"),
    ("organization/un-sdg-centre-almaty", "kk", "БҰҰ ТДМ өңірлік орталығы"),
    ("treaty/npt", "kk", "ДНЯО"),
    ("treaty/tpnw", "kk", "ДЗЯО"),
    ("treaty/canwfz", "kk", "Семей шарты"),
    ("initiative/international-agency-for-biological-safety", "kk", "МАББ"),
    ("official/yerzhan-ashikbayev", "kk", "Ержан Ашықбаев"),
]


def _load(name: str) -> list[dict]:
    path = GAZ / name
    with path.open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    assert isinstance(data, list), f"{name}: top level must be a list"
    return data


@pytest.fixture(scope="module")
def entries() -> list[tuple[str, dict]]:
    out = []
    for fname in ENTITY_FILES:
        for e in _load(fname):
            out.append((fname, e))
    return out


@pytest.fixture(scope="module")
def by_id(entries) -> dict[str, dict]:
    return {e["id"]: e for _, e in entries if isinstance(e, dict) and "id" in e}


@pytest.fixture(scope="module")
def roles() -> list[dict]:
    return _load("roles.yaml")


def _normalise(name: str) -> str:
    s = unicodedata.normalize("NFC", name).casefold()
    s = s.replace("ё", "е").replace("’", "'").replace("‘", "'")
    s = re.sub(r"[«»\"“”„()\[\].,;:]", " ", s)
    s = s.replace("‑", "-").replace("–", "-").replace("—", "-")
    return re.sub(r"\s+", " ", s).strip()


def _all_names(e: dict) -> list[tuple[str, str]]:
    out = [(lang, n) for lang, n in (e.get("names") or {}).items()]
    for lang, lst in (e.get("aliases") or {}).items():
        out.extend((lang, n) for n in lst or [])
    return out


def _parse_date(value, *, end: bool = False) -> tuple[int, int, int]:
    """(year, month, day) of a YYYY / YYYY-MM-DD value; a bare year is its
    first day as a start and its last day as an end."""
    if isinstance(value, dt.date):
        return (value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        assert 1000 <= value <= 2100, f"year out of range: {value}"
        return (value, 12, 31) if end else (value, 1, 1)
    assert isinstance(value, str), f"bad date {value!r}"
    m = DATE_RE.match(value)
    assert m, f"bad date {value!r}"
    if m.group(2) is None:
        y = int(m.group(1))
        return (y, 12, 31) if end else (y, 1, 1)
    d = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))  # raises if invalid
    return (d.year, d.month, d.day)


def _check_script(where: str, lang: str, name: str) -> None:
    assert isinstance(name, str) and name.strip(), f"{where}: empty {lang} name"
    assert name == name.strip(), f"{where}: {lang} name {name!r} has outer spaces"
    for word in re.findall(r"\w+", name):
        if CYRILLIC.search(word) and LATIN.search(word):
            raise AssertionError(f"{where}: mixed Latin/Cyrillic word {word!r} in {name!r}")
    if lang == "en":
        assert LATIN.search(name), f"{where}: en name {name!r} has no Latin letters"
        assert not CYRILLIC.search(name), f"{where}: en name {name!r} has Cyrillic letters"
    else:
        if not CYRILLIC.search(name):
            assert LATIN_ABBR.match(name), (
                f"{where}: {lang} name {name!r} is not Cyrillic (nor a Latin abbreviation)"
            )


# ---------------------------------------------------------------- files


def test_all_files_exist():
    for fname in [*ENTITY_FILES, "roles.yaml"]:
        assert (GAZ / fname).is_file(), f"missing data/gazetteer/{fname}"


def test_entry_schema(entries):
    for fname, e in entries:
        assert isinstance(e, dict), f"{fname}: entry is not a mapping: {e!r}"
        where = f"{fname}:{e.get('id')}"
        missing = REQUIRED_KEYS - e.keys()
        assert not missing, f"{where}: missing keys {sorted(missing)}"
        typ = e["type"]
        assert typ == ENTITY_FILES[fname], f"{where}: type {typ} in {fname}"
        extra = set(e) - ALLOWED_KEYS[typ]
        assert not extra, f"{where}: keys not allowed for {typ}: {sorted(extra)}"
        assert isinstance(e["id"], str) and ID_RE.match(e["id"]), f"{where}: bad id"
        assert e["id"].split("/", 1)[0] == KIND_OF_TYPE[typ], f"{where}: id kind != type {typ}"
        names = e["names"]
        assert isinstance(names, dict) and names, f"{where}: names must be a mapping"
        assert isinstance(names.get("en"), str) and names["en"], f"{where}: names.en required"
        for lang, n in names.items():
            assert lang in LANGS, f"{where}: names key {lang!r} is not en/kk/ru"
            assert isinstance(n, str), f"{where}: names.{lang} must be a string"
        aliases = e.get("aliases")
        if aliases is not None:
            assert isinstance(aliases, dict), f"{where}: aliases must be a mapping"
            for lang, lst in aliases.items():
                assert lang in LANGS, f"{where}: aliases key {lang!r} is not en/kk/ru"
                assert isinstance(lst, list) and lst, f"{where}: aliases.{lang} must be a list"
                assert all(isinstance(a, str) for a in lst), f"{where}: aliases.{lang}"
                assert len(lst) == len(set(lst)), f"{where}: duplicate aliases.{lang}"
        if "wikidata" in e:
            assert isinstance(e["wikidata"], str) and QID_RE.match(e["wikidata"]), (
                f"{where}: wikidata {e['wikidata']!r} must match ^Q\\d+$"
            )
        for key in ("part_of", "located_in", "proposed_by"):
            if key in e:
                assert isinstance(e[key], str), f"{where}: {key} must be an id string"
        if "founded" in e:
            _parse_date(e["founded"])


def test_state_codes(entries):
    seen: dict[str, str] = {}
    for _, e in entries:
        if e["type"] != "State":
            continue
        iso = e.get("iso")
        assert isinstance(iso, str) and re.fullmatch(r"[A-Z]{2}", iso), f"{e['id']}: iso"
        assert e["id"] == f"state/{iso.lower()}", f"{e['id']}: id must be state/<iso2>"
        if "iso3" in e:
            assert re.fullmatch(r"[A-Z]{3}", e["iso3"]), f"{e['id']}: iso3"
        if "isonum" in e:
            assert re.fullmatch(r"\d{3}", str(e["isonum"])), f"{e['id']}: isonum"
        assert iso not in seen, f"{e['id']}: iso {iso} also used by {seen[iso]}"
        seen[iso] = e["id"]


def test_states_cover_un_members(by_id):
    states = [e for e in by_id.values() if e["type"] == "State"]
    # 193 members + 2 observers + USSR, Yugoslavia, Czechoslovakia
    assert len(states) >= 198
    for sid in ("state/va", "state/ps", "state/su", "state/yu", "state/cs"):
        assert sid in by_id, f"missing {sid}"
    for e in states:
        assert {"en", "kk", "ru"} <= set(e["names"]), f"{e['id']}: needs en, kk and ru names"


def test_ids_unique_across_files(entries, roles):
    seen: dict[str, str] = {}
    for fname, e in entries:
        assert e["id"] not in seen, f"{e['id']} in {fname} and {seen[e['id']]}"
        seen[e["id"]] = fname
    for r in roles:
        assert r["id"] not in seen, f"{r['id']} duplicated"
        seen[r["id"]] = "roles.yaml"


def test_names_script(entries, roles):
    for fname, e in entries:
        for lang, n in _all_names(e):
            _check_script(f"{fname}:{e['id']}", lang, n)
    for r in roles:
        for lang, n in _all_names(r):
            _check_script(f"roles.yaml:{r['id']}", lang, n)


def test_references_resolve(entries, by_id):
    for fname, e in entries:
        for key, kinds in REF_KINDS.items():
            if key not in e:
                continue
            target = e[key]
            assert target in by_id, f"{fname}:{e['id']}: {key} {target} does not exist"
            assert target.split("/", 1)[0] in kinds, (
                f"{fname}:{e['id']}: {key} {target} is not one of {sorted(kinds)}"
            )
            assert target != e["id"], f"{e['id']}: {key} points at itself"


def test_roles_schema(roles):
    for r in roles:
        assert isinstance(r, dict), f"roles.yaml: entry is not a mapping: {r!r}"
        where = f"roles.yaml:{r.get('id')}"
        assert {"id", "names", "scope"} <= r.keys(), f"{where}: needs id, names, scope"
        extra = set(r) - ROLE_KEYS
        assert not extra, f"{where}: keys not allowed: {sorted(extra)}"
        assert ROLE_ID_RE.match(r["id"]), f"{where}: bad id"
        assert r["scope"] in ROLE_SCOPES, f"{where}: scope must be state or organization"
        assert isinstance(r["names"], dict) and r["names"].get("en"), f"{where}: names.en"
        for lang in r["names"]:
            assert lang in LANGS, f"{where}: names key {lang!r}"
        if "ministry" in r:  # "Minister of Energy" -> "Ministry of Energy" (of the owner state)
            assert r["scope"] == "state" and r["ministry"].get("en"), f"{where}: ministry.en"
            assert r["ministry"]["en"].startswith("Ministry"), f"{where}: ministry.en"
            assert set(r["ministry"]) <= set(LANGS), f"{where}: ministry keys"
        for lang, lst in (r.get("aliases") or {}).items():
            assert lang in LANGS, f"{where}: aliases key {lang!r}"
            assert isinstance(lst, list) and all(isinstance(a, str) for a in lst), where
            assert len(lst) == len(set(lst)), f"{where}: duplicate aliases.{lang}"
    en = [r["names"]["en"] for r in roles]
    assert len(en) == len(set(en)), "roles: duplicate English names"


def test_positions(entries, by_id, roles):
    role_scope = {r["names"]["en"]: r["scope"] for r in roles}
    for fname, e in entries:
        if e["type"] != "Official":
            continue
        where = f"{fname}:{e['id']}"
        positions = e.get("positions", [])
        assert isinstance(positions, list), f"{where}: positions must be a list"
        for p in positions:
            assert isinstance(p, dict), f"{where}: position must be a mapping"
            assert {"role", "of"} <= p.keys(), f"{where}: position needs role and of"
            extra = set(p) - POSITION_KEYS
            assert not extra, f"{where}: position keys not allowed: {sorted(extra)}"
            assert p["role"] in role_scope, f"{where}: role {p['role']!r} not in roles.yaml"
            assert p["of"] in by_id, f"{where}: position of {p['of']} does not exist"
            kind = p["of"].split("/", 1)[0]
            assert kind in ROLE_SCOPES[role_scope[p["role"]]], (
                f"{where}: {p['role']} is held in a {role_scope[p['role']]}, not {p['of']}"
            )
            start = _parse_date(p["start"]) if p.get("start") is not None else None
            end = _parse_date(p["end"], end=True) if p.get("end") is not None else None
            if start and end:
                assert start <= end, f"{where}: {p['role']} of {p['of']} starts after it ends"


def test_no_shared_names(entries):
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for _, e in entries:
        for lang, n in _all_names(e):
            owners[(lang, _normalise(n))].add(e["id"])
    clashes = {
        k: ids
        for k, ids in owners.items()
        if len(ids) > 1 and not ids <= ALLOWED_SHARED.get(k, set())
    }
    assert not clashes, "names shared by several entries: " + "; ".join(
        f"{lang}:{n} -> {sorted(ids)}" for (lang, n), ids in sorted(clashes.items())
    )


def test_no_shared_role_names(roles):
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for r in roles:
        for lang, n in _all_names(r):
            owners[(lang, _normalise(n))].add(r["id"])
    clashes = {k: v for k, v in owners.items() if len(v) > 1}
    assert not clashes, f"role names shared by several roles: {clashes}"


# ---------------------------------------------------------------- seed gold


def test_seed_entities_present(by_id):
    for eid, typ, name_en, qid in SEED_ENTITIES:
        assert eid in by_id, f"missing {eid}"
        e = by_id[eid]
        assert e["type"] == typ, f"{eid}: type {e['type']} != {typ}"
        assert e["names"]["en"] == name_en, f"{eid}: names.en {e['names']['en']!r} != {name_en!r}"
        if qid:
            assert e.get("wikidata") == qid, f"{eid}: wikidata {e.get('wikidata')} != {qid}"
        assert "kk" in e["names"] and "ru" in e["names"], f"{eid}: needs kk and ru names"


def test_seed_surfaces(by_id):
    for eid, lang, surface in SEED_SURFACES:
        names = {_normalise(n) for lg, n in _all_names(by_id[eid]) if lg == lang}
        assert _normalise(surface) in names, f"{eid}: {lang} {surface!r} is not a name or alias"


def test_seed_positions(by_id):
    def holds(eid: str, role: str, of: str, on: str) -> bool:
        day = _parse_date(on)
        for p in by_id[eid].get("positions", []):
            if p["role"] != role or p["of"] != of:
                continue
            start = _parse_date(p["start"]) if p.get("start") is not None else (0, 0, 0)
            end = _parse_date(p["end"], end=True) if p.get("end") is not None else (9999, 0, 0)
            if start <= day <= end:
                return True
        return False

    on = "2026-02-27"
    assert holds("official/kassym-jomart-tokayev", "President", "state/kz", on)
    assert holds("official/antonio-guterres", "Secretary-General", "organization/un", on)
    assert holds(
        "official/volker-turk", "High Commissioner for Human Rights", "organization/un", on
    )
    assert holds(
        "official/yerzhan-ashikbayev", "First Deputy Minister of Foreign Affairs", "state/kz", on
    )


# Offices held by one person at a time in a state or organisation.
MULTI_HOLDER_ROLES = {
    "Ambassador",
    "Permanent Representative",
    "Deputy Prime Minister",
    "Deputy Minister of Foreign Affairs",
    "First Deputy Minister of Foreign Affairs",
    "Spokesperson",
    "Press Secretary",
}


def test_officials_have_positions(entries):
    for _, e in entries:
        if e["type"] == "Official":
            assert e.get("positions"), f"{e['id']}: an official needs at least one position"


def test_single_holder_offices_do_not_overlap(entries):
    """Two people cannot hold the same single-holder office on the same day.

    Bare years are read leniently (both ends as 1 January), so that
    "2019-12-18 .. 2023" and "2023 .. 2025-09-26" do not count as overlapping.
    """

    def bound(value):
        if value is None:
            return None
        if isinstance(value, int) or (isinstance(value, str) and len(value) == 4):
            return (int(value), 1, 1)
        return _parse_date(value)

    held: dict[tuple[str, str], list[tuple[str, tuple, tuple]]] = defaultdict(list)
    for _, e in entries:
        for p in e.get("positions", []) if e["type"] == "Official" else []:
            if p["role"] in MULTI_HOLDER_ROLES or p.get("start") is None:
                continue
            end = bound(p["end"]) if "end" in p else None
            held[(p["role"], p["of"])].append((e["id"], bound(p["start"]), end or (9999, 12, 31)))
    for (role, of), spans in held.items():
        for i, (a, s1, e1) in enumerate(spans):
            for b, s2, e2 in spans[i + 1 :]:
                if a != b and s1 < e2 and s2 < e1:
                    raise AssertionError(f"{role} of {of}: {a} and {b} overlap")


def test_an_index_of_names_by_key_marks_shared_keys():
    from graph.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    places = gaz.index(str.casefold, "Place")
    assert places["омск"] == "place/omsk" and places["geneva"] == "place/geneva"
    assert "казахстан" not in places  # (a State, not a Place)
    first = gaz.index(str.casefold, "Place")
    assert first is places  # built once per key

    def initial(name: str) -> str:
        return name[:1].casefold()
    assert gaz.index(initial, "State")["k"] is None  # Kazakhstan, Kyrgyzstan, Kenya, ...
