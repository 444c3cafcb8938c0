"""Scoring an extraction against a gold record."""

import json

import pytest

from graph.evaluate import evaluate, evaluate_dir, normalize_label
from graph.models import Article, Entity, Event, Extraction, Mention, Relation, Span

TEXT = "Тоқаев Гутерришпен Женевада кездесті. Ол БҰҰ-ға барды."


def mention(text, needle):
    i = text.index(needle)
    return Mention(i, i + len(needle), needle)


def gold_record(**extra):
    record = {
        "id": "g",
        "lang": "kk",
        "date": "2026-02-27",
        "text": TEXT,
        "entities": [
            {"type": "Official", "name_en": "Kassym-Jomart Tokayev", "mention": "Тоқаев"},
            {"type": "Official", "name_en": "António Guterres", "mention": "Гутерришпен"},
            {"type": "Place", "name_en": "Geneva", "mention": "Женевада"},
            {"type": "Organization", "name_en": "United Nations", "mention": "БҰҰ"},
        ],
        "relations": [
            {
                "subject": "Kassym-Jomart Tokayev",
                "predicate": "metWith",
                "object": "António Guterres",
            },
            {
                "subject": "Kassym-Jomart Tokayev",
                "predicate": "participatedIn",
                "object": "United Nations",
            },
        ],
        "events": [],
    }
    record.update(extra)
    return record


def extraction(entities, relations=(), events=()):
    article = Article(id="t", text=TEXT, lang="kk", sentences=[Span(0, len(TEXT), TEXT)])
    return Extraction(article, list(entities), list(relations), list(events), "test")


def rel(s, p, o):
    return Relation(s, p, o, TEXT, 0, len(TEXT), 1.0)


def test_alignment_by_overlapping_mention_or_label():
    ents = [
        Entity("official/tokayev", "Official", "Tokayev", mentions=[mention(TEXT, "Тоқаев")]),
        # no mention overlap, but the label is the gold name (accents and case aside)
        Entity("official/guterres", "Official", "antonio guterres"),
        Entity("place/geneva", "Place", "Genf", mentions=[mention(TEXT, "Женева")]),
        Entity("state/un", "State", "UN", mentions=[mention(TEXT, "БҰҰ")]),  # wrong type
    ]
    score = evaluate(
        extraction(ents, [rel("official/guterres", "metWith", "official/tokayev")]), gold_record()
    )
    assert score.alignment == {
        "Kassym-Jomart Tokayev": "official/tokayev",
        "António Guterres": "official/guterres",
        "Geneva": "place/geneva",
    }
    assert (score.entities.tp, score.entities.fp, score.entities.fn) == (3, 1, 1)
    assert (
        score.entities_by_type["Organization"].fn == 1 and score.entities_by_type["State"].fp == 1
    )
    assert score.entity_misses == ["Organization 'United Nations' ('БҰҰ')"]
    # metWith is symmetric
    assert score.relations_by_predicate["metWith"].tp == 1
    assert score.relations.recall == pytest.approx(0.5)
    assert score.relation_misses == ["Kassym-Jomart Tokayev participatedIn United Nations"]


def test_false_alarms_and_perfect_scores():
    ents = [
        Entity(
            "official/tokayev",
            "Official",
            "Kassym-Jomart Tokayev",
            mentions=[mention(TEXT, "Тоқаев")],
        ),
        Entity(
            "official/guterres",
            "Official",
            "António Guterres",
            mentions=[mention(TEXT, "Гутерришпен")],
        ),
        Entity("place/geneva", "Place", "Geneva", mentions=[mention(TEXT, "Женевада")]),
        Entity(
            "organization/un", "Organization", "United Nations", mentions=[mention(TEXT, "БҰҰ")]
        ),
    ]
    rels = [
        rel("official/tokayev", "metWith", "official/guterres"),
        rel("official/tokayev", "participatedIn", "organization/un"),
        rel("official/tokayev", "participatedIn", "organization/un"),  # a duplicate counts once
        rel("official/guterres", "locatedIn", "place/geneva"),
    ]
    score = evaluate(extraction(ents, rels), gold_record())
    assert score.entities.f1 == 1.0
    assert (score.relations.tp, score.relations.fp, score.relations.fn) == (2, 1, 0)
    assert score.relation_false_alarms == ["António Guterres locatedIn Geneva"]
    assert "relation false alarms" in score.report()
    assert score.as_dict()["relations"]["precision"] == pytest.approx(2 / 3, abs=1e-3)


def test_events_and_commemorations():
    gold = gold_record(
        entities=[
            {"type": "Event", "name_en": "35th anniversary", "mention": "кездесті"},
            {"type": "Place", "name_en": "Geneva", "mention": "Женевада"},
        ],
        relations=[],
        events=[
            {
                "name_en": "35th anniversary",
                "date": "2026",
                "place": "Geneva",
                "participants": [],
                "commemorates": "Geneva",
            }
        ],
    )
    ents = [
        Entity("event/a", "Event", "x", mentions=[mention(TEXT, "кездесті")]),
        Entity("place/geneva", "Place", "Geneva", mentions=[mention(TEXT, "Женевада")]),
    ]
    score = evaluate(
        extraction(
            ents,
            [rel("event/a", "commemorates", "place/geneva")],
            [Event("event/a", date="2026", place="place/geneva")],
        ),
        gold,
    )
    assert score.relations.tp == 1 and score.events.tp == 1
    assert score.event_dates_correct == 1 and score.event_places_correct == 1


def test_normalize_label():
    assert normalize_label("Volker Türk") == normalize_label("volker turk")
    assert normalize_label("High-level segment") == "high level segment"


def test_evaluate_dir(tmp_path):
    text = "Тақырып\n\nҚазақстан Президенті Қасым-Жомарт Тоқаев Женевада болды.\n\n27.02.2026\n"
    gold = {
        "id": "x",
        "lang": "kk",
        "date": "2026-02-27",
        "text": text,
        "entities": [
            {"type": "State", "name_en": "Kazakhstan", "mention": "Қазақстан"},
            {
                "type": "Official",
                "name_en": "Kassym-Jomart Tokayev",
                "mention": "Қасым-Жомарт Тоқаев",
            },
            {"type": "Place", "name_en": "Geneva", "mention": "Женевада"},
        ],
        "relations": [
            {
                "subject": "Kassym-Jomart Tokayev",
                "predicate": "holdsPositionIn",
                "object": "Kazakhstan",
                "role": "President",
            }
        ],
        "events": [],
    }
    (tmp_path / "x.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    total, per_file = evaluate_dir(tmp_path)
    assert list(per_file) == ["x.json"]
    assert total.entities.recall == 1.0 and total.relations.recall == 1.0


def test_evaluate_dir_scores_per_language_and_prints_a_report(tmp_path):
    text = "Тақырып\n\nҚазақстан Президенті Қасым-Жомарт Тоқаев Женевада болды.\n\n27.02.2026\n"
    gold = {
        "id": "x",
        "lang": "kk",
        "date": "2026-02-27",
        "text": text,
        "entities": [
            {"type": "State", "name_en": "Kazakhstan", "mention": "Қазақстан"},
            {"type": "Place", "name_en": "Atlantis", "mention": "Тақырып"},
        ],
        "relations": [],
        "events": [],
    }
    (tmp_path / "kk").mkdir()
    (tmp_path / "kk" / "x.json").write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = evaluate_dir(tmp_path)
    assert list(result.by_lang) == ["kk"] and list(result.per_file) == ["kk/x.json"]
    assert result.by_lang["kk"].entities_by_type["State"].tp == 1
    assert result.by_lang["kk"].entities_by_type["Place"].fn == 1
    brief, full = result.report(), result.report(verbose=True)
    assert "kk" in brief and "by entity type:" in brief and "entity misses" not in brief
    assert "[x] Place 'Atlantis'" in full
    assert result.as_dict()["by_lang"]["kk"]["entities"]["tp"] == 1


def test_evaluate_dir_without_gold_files_says_so(tmp_path):
    with pytest.raises(Exception, match="no \\*.json gold files"):
        evaluate_dir(tmp_path)


def test_a_gold_file_that_breaks_the_extractor_is_named(tmp_path):
    import shutil

    from graph.errors import DkgError
    from tests.conftest import REPO

    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(REPO.parent / "shared" / "corpus" / "dev" / "kk-seed-unhrc61-cd-2026.json", gold)

    def broken(article):
        raise IndexError("list index out of range")

    with pytest.raises(DkgError, match=r"kk-seed-unhrc61-cd-2026\.json: the extractor failed "
                                       r"\(IndexError"):
        evaluate_dir(gold, extract_fn=broken)
