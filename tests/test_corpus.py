"""The evaluation corpus (tests/corpus/{kk,ru,en}/*.json): every gold file is well formed.

Gold files follow /work/shared/corpus/GUIDELINES.md: the schema, mentions and
evidence that occur in the text, relations between listed entities, known
predicates, at least ten texts per language, and every entity type and every
predicate covered in each language.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph.models import ENTITY_TYPES, LANGS

CORPUS = Path(__file__).parent / "corpus"
GOLD_PREDICATES = (
    "participatedIn",
    "holdsPositionIn",
    "represents",
    "proposed",
    "supports",
    "calledFor",
    "partyTo",
    "signed",
    "metWith",
    "locatedIn",
    "partOf",
)
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
FILES = sorted(CORPUS.glob("*/*.json"))


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


BLIND = Path(__file__).parent / "corpus_blind"
BLIND_FILES = sorted(BLIND.glob("*/*.json"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path):
    check_gold(path, 120, 300)


@pytest.mark.parametrize("path", BLIND_FILES, ids=lambda p: p.stem)
def test_blind_gold_file_is_well_formed(path):
    """The blind corpus (tests/corpus_blind/README.md): longer pages, same format."""
    check_gold(path, 200, 900)


def test_the_blind_corpus_has_twenty_texts_per_language():
    for lang in LANGS:
        assert len([p for p in BLIND_FILES if p.parent.name == lang]) >= 20, lang


def check_gold(path: Path, min_words: int, max_words: int) -> None:
    gold = load(path)
    assert {"id", "lang", "date", "text", "entities", "relations", "events"} <= set(gold)
    assert gold["id"] == path.stem and gold["lang"] == path.parent.name
    assert DATE.match(gold["date"])
    text = gold["text"]
    assert min_words <= len(text.split()) <= max_words
    if gold.get("title"):
        assert gold["title"] in text
    for line in gold.get("boilerplate", []):
        assert line in text
    names: dict[str, str] = {}
    for e in gold["entities"]:
        assert e["type"] in ENTITY_TYPES, e
        assert e["mention"] and e["mention"] in text, e
        assert e["name_en"] not in names, f"{e['name_en']} listed twice"
        assert e.get("wikidata") is None or re.match(r"^Q\d+$", e["wikidata"])
        names[e["name_en"]] = e["type"]
    for r in gold["relations"]:
        assert r["predicate"] in GOLD_PREDICATES, r
        assert r["subject"] in names and r["object"] in names, r
        assert r["evidence"] in text, r
        assert (r["predicate"] == "holdsPositionIn") == bool(r.get("role")), r
        if r["predicate"] == "holdsPositionIn":
            assert names[r["subject"]] == "Official"
        if r["predicate"] == "metWith":
            assert names[r["subject"]] == names[r["object"]] == "Official"
    events = {e["name_en"] for e in gold["events"]}
    assert events == {n for n, t in names.items() if t == "Event"}
    for ev in gold["events"]:
        assert ev["date"] is None or DATE.match(ev["date"]), ev
        assert ev["place"] is None or names.get(ev["place"]) in ("Place", "State"), ev
        assert all(p in names for p in ev["participants"]), ev
        if ev.get("commemorates"):
            assert ev["commemorates"] in names and isinstance(ev["base_year"], int)


@pytest.mark.parametrize("lang", LANGS)
def test_each_language_has_ten_texts_covering_every_type_and_predicate(lang):
    golds = [load(p) for p in FILES if p.parent.name == lang]
    assert len(golds) >= 10
    types = {e["type"] for g in golds for e in g["entities"]}
    predicates = {r["predicate"] for g in golds for r in g["relations"]}
    assert set(ENTITY_TYPES) <= types, set(ENTITY_TYPES) - types
    assert set(GOLD_PREDICATES) <= predicates, set(GOLD_PREDICATES) - predicates


def test_names_are_canonical_across_languages():
    """One real-world entity has one name_en (and one type) in every language."""
    seen: dict[str, str] = {}
    for path in FILES:
        for e in load(path)["entities"]:
            assert seen.setdefault(e["name_en"], e["type"]) == e["type"], (path.name, e)
