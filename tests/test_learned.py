"""The learned relation layer (graph/extract/learned.py): candidates, scores, training, the
shipped model and the command that trains it."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.articles import parse_text
from graph.errors import DkgError
from graph.extract import extract
from graph.extract.learned import (
    MODEL_FILE,
    SIGNATURES,
    Model,
    candidates,
    fit,
    load_relation_model,
    propose,
    save_relation_model,
    train_relation_model,
)
from tests.conftest import REPO

HELD_OUT = re.compile(r"-b(0[7-9]|1[0-2]|2[1-8]|3[7-9]|4[0-9]|5[0-2]|69|7[0-6]|9[3-9]|100)-")
TEXT = (
    "Тақырып\n\nКазахстан и Россия подписали Договор о союзнических отношениях.\n\n"
    "Президент Казахстана Касым-Жомарт Токаев встретился с Шавкатом Мирзиёевым.\n\n12.10.2025"
)


def rules_only():
    return extract(parse_text(TEXT, lang="ru"), learned=False)


def test_candidates_are_pairs_of_one_sentence_the_rules_left_unrelated():
    ex = rules_only()
    stated = {(r.subject, r.predicate, r.object) for r in ex.relations}
    types = {e.id: e.type for e in ex.entities}
    found = candidates(ex)
    assert found, "two sentences naming states, a treaty and officials give candidates"
    for c in found:
        assert (c.subject, c.predicate, c.object) not in stated
        subjects, objects = SIGNATURES[c.predicate]
        assert types[c.subject] in subjects and types[c.object] in objects
        sentence = ex.article.text[c.start : c.end]
        assert any(s.text == sentence for s in ex.article.sentences)
    # the rules say the two presidents met; that Mirziyoyev holds a post in Kazakhstan is a
    # candidate, read through the words between the mentions (Russian cut to five letters)
    tokayev, mirziyoyev = "official/kassym-jomart-tokayev", "official/shavkat-mirziyoyev"
    assert not any(c.predicate == "metWith" and {c.subject, c.object} == {tokayev, mirziyoyev}
                   for c in found)
    post = next(c for c in found if c.predicate == "holdsPositionIn"
                and (c.subject, c.object) == (mirziyoyev, "state/kz"))
    assert "holdsPositionIn|b|встре" in post.features


def test_a_scored_pair_above_the_threshold_becomes_a_relation_with_its_sentence():
    ex = rules_only()
    mirziyoyev = "official/shavkat-mirziyoyev"
    model = Model({"holdsPositionIn|b|встре": 3.0, "holdsPositionIn|bias": -1.0}, 0.6, ())
    added = propose(ex, model)
    assert {(r.subject, r.predicate, r.object) for r in added} == {
        (mirziyoyev, "holdsPositionIn", "state/kz")
    }
    rel = added[0]
    assert rel.evidence == ex.article.text[rel.start : rel.end]
    assert rel.evidence.startswith("Президент Казахстана Касым-Жомарт Токаев встретился")
    assert rel.confidence == pytest.approx(1 / (1 + 2.718281828 ** -2.0), abs=1e-3)
    assert len(propose(ex, Model({}, 0.35, ()))) == len(candidates(ex))  # p = 0.5 for all
    assert propose(ex, Model({}, 0.6, ())) == []  # ... and none at a threshold above it


def test_the_layer_only_adds_to_the_rules():
    text = parse_text(TEXT, lang="ru")
    rules, both = extract(text, learned=False), extract(text)
    key = lambda r: (r.subject, r.predicate, r.object)  # noqa: E731
    assert {key(r) for r in rules.relations} <= {key(r) for r in both.relations}
    assert [e.id for e in rules.entities] == [e.id for e in both.entities]


def test_the_shipped_model_was_never_trained_on_the_held_out_parts():
    model = load_relation_model()
    assert model is not None and MODEL_FILE.is_file()
    assert 0.0 < model.threshold < 1.0
    assert len(model.trained_on) >= 90
    assert not [n for n in model.trained_on if HELD_OUT.search(n)]
    assert any(n.startswith("kk-b01-") for n in model.trained_on)  # the dev part is in


def test_the_shipped_model_reads_a_post_the_rules_do_not():
    # "Chairman of the Eurasian Economic Commission <name>": no title rule reads it, and on
    # a date before the reference data's tenure (2024-) the rules do not read it from there
    text = parse_text("Headline\n\nChairman of the Eurasian Economic Commission Bakytzhan"
                      " Sagintayev opened the meeting in Almaty.\n\n12.10.2023", lang="en")
    post = ("official/bakytzhan-sagintayev", "holdsPositionIn",
            "organization/eurasian-economic-commission")
    key = lambda r: (r.subject, r.predicate, r.object)  # noqa: E731
    assert post not in {key(r) for r in extract(text, learned=False).relations}
    added = next(r for r in extract(text).relations if key(r) == post)
    assert load_relation_model().threshold <= added.confidence < 1.0
    assert added.evidence.startswith("Chairman of the Eurasian Economic Commission")


def test_training_is_deterministic_and_the_model_round_trips(tmp_path: Path):
    gold = tmp_path / "gold"
    gold.mkdir()
    for name in ("ru/ru-03-cd-geneva-ashikbayev.json", "en/en-05-bwc-geneva-bakayev.json"):
        shutil.copy(REPO / "tests" / "corpus" / name, gold)
    first, counts = train_relation_model([gold], epochs=3)
    second, _ = train_relation_model([gold], epochs=3)
    assert first.weights == second.weights and first.weights
    assert counts["files"] == 2 and 0 < counts["positives"] < counts["candidates"]
    assert first.trained_on == ("en-05-bwc-geneva-bakayev.json", "ru-03-cd-geneva-ashikbayev.json")
    path = tmp_path / "model.json"
    save_relation_model(first, path)
    again = load_relation_model(path)
    assert again == first
    only_one, counts = train_relation_model([gold], epochs=1, exclude=["en-*"])
    assert only_one.trained_on == ("ru-03-cd-geneva-ashikbayev.json",)


def test_fit_learns_a_separating_feature():
    rows = [(["x|bias", "x|good"], True)] * 20 + [(["x|bias", "x|bad"], False)] * 20
    weights = fit(rows, epochs=20)
    model = Model(weights, 0.5, ())
    assert model.score(["x|bias", "x|good"]) > 0.8 > 0.2 > model.score(["x|bias", "x|bad"])


def test_a_broken_model_file_says_how_to_fix_it(tmp_path: Path):
    bad = tmp_path / "relations.json"
    bad.write_text("{not json", "utf-8")
    with pytest.raises(DkgError, match="train-relations"):
        load_relation_model(bad)
    bad.write_text(json.dumps({"format": "something else"}), "utf-8")
    with pytest.raises(DkgError, match="not a dkg-relations/1 model"):
        load_relation_model(bad)
    assert load_relation_model(tmp_path / "none.json") is None


def test_the_train_relations_command(tmp_path: Path):
    runner = CliRunner()
    gold = tmp_path / "gold"
    gold.mkdir()
    shutil.copy(REPO / "tests" / "corpus" / "ru" / "ru-03-cd-geneva-ashikbayev.json", gold)
    out = tmp_path / "m.json"
    result = runner.invoke(app, ["train-relations", str(gold), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "from 1 gold files" in result.output and out.is_file()
    assert load_relation_model(out).trained_on == ("ru-03-cd-geneva-ashikbayev.json",)
    wrong = runner.invoke(app, ["train-relations", str(gold), "--threshold", "2"])
    assert wrong.exit_code != 0 and "between 0 and 1" in wrong.output
    empty = runner.invoke(app, ["train-relations", str(tmp_path / "nothing")])
    assert empty.exit_code != 0 and "no *.json gold files" in empty.output


def test_the_shipped_model_is_what_make_model_trains_today():
    """`make model` (same files, same held-out exclusions) reproduces the shipped weights:
    the model was retrained after the last change of the rules or of the training gold."""
    held_out = ["*-b0[7-9]-*", "*-b1[0-2]-*", "*-b2[1-8]-*", "*-b3[7-9]-*", "*-b4[0-9]-*",
                "*-b5[0-2]-*", "*-b69-*", "*-b7[0-6]-*", "*-b9[3-9]-*", "*-b100-*"]
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert all(f"--exclude '{glob}'" in makefile for glob in held_out)
    dirs = [REPO / "tests" / "corpus", REPO / "tests" / "corpus_blind",
            REPO.parent / "shared" / "corpus" / "dev"]
    fresh, _ = train_relation_model(dirs, exclude=held_out)
    shipped = load_relation_model()
    assert fresh.trained_on == shipped.trained_on
    assert fresh.weights == shipped.weights, "retrain with `make model` and commit the model"


def test_an_official_the_reference_data_knows_holds_only_the_posts_it_lists():
    from graph.extract.learned import _known_post
    from graph.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    tokayev = "official/kassym-jomart-tokayev"
    assert _known_post(gaz, tokayev, "state/kz")
    assert not _known_post(gaz, tokayev, "forum/unsc")
    assert _known_post(gaz, "official/someone-new", "forum/unsc")  # unknown: the model decides
    assert _known_post(None, tokayev, "forum/unsc")  # no reference data, no restraint
    text = "Заголовок\n\nСовет Безопасности все чаще оказывается парализованным, заявил Токаев."
    result = extract(parse_text(text + "\n\n24.09.2025", lang="ru"))
    assert "forum/unsc" in {e.id for e in result.entities}  # the bare Russian name
    assert not [r for r in result.relations if r.predicate == "holdsPositionIn"]


def test_the_layer_leaves_who_took_part_in_what_to_the_rules():
    """In cross-validation on its own training texts the layer's participations cost
    relation F1 at every threshold: it proposes none, however sure a model is of them."""
    from graph.extract.learned import Model, propose

    text = (
        "Заголовок\n\nВ рамках государственного визита в Российскую Федерацию Касым-Жомарт"
        " Токаев провел переговоры с Президентом России Владимиром Путиным.\n\nВ переговорах"
        " также приняли участие Премьер-министр Республики Казахстан Олжас Бектенов.\n\n12.10.2025"
    )
    rules = extract(parse_text(text, lang="ru"), learned=False)
    eager = Model({"participatedIn|bias": 9.0, "locatedIn|bias": 9.0}, 0.35, ())
    proposed = {r.predicate for r in propose(rules, eager)}
    assert "participatedIn" not in proposed
    assert "locatedIn" in proposed  # (it does propose others)


def test_the_layer_places_nothing_where_the_rules_placed_it_elsewhere():
    from graph.extract.learned import _compatible
    from graph.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    assert _compatible(gaz, "place/geneva", "place/palace-of-nations")  # venue in the city
    assert _compatible(gaz, "place/palace-of-nations", "place/geneva")
    assert not _compatible(gaz, "place/astana", "place/tianjin")
    assert _compatible(gaz, "place/astana", "place/some-new-venue")  # unknown: cannot tell
    text = ("Заголовок\n\nТокаев вылетел из Астаны в Тяньцзинь на саммит ШОС.\n\nИнициатива"
            " была одобрена на прошлогоднем саммите в Астане.\n\n12.10.2025")
    result = extract(parse_text(text, lang="ru"))
    summit = next(e.id for e in result.entities if e.type == "Event")
    got = {(r.subject, r.predicate, r.object) for r in result.relations}
    assert (summit, "locatedIn", "place/tianjin") in got
    assert (summit, "locatedIn", "place/astana") not in got


def test_the_layer_makes_nothing_part_of_its_own_part():
    """The reference data says the Commission is part of the EU: a learned partOf the other
    way round is dropped, whatever the model scores it (it once proposed "the EU partOf the
    European Commission" from a sentence naming both)."""
    from graph.extract.learned import Model, _part_chain, propose
    from graph.gazetteer import load_gazetteer
    from graph.models import Extraction

    gaz = load_gazetteer()
    assert "organization/eu" in _part_chain(gaz, "organization/european-commission")
    text = "Заголовок\n\nThe European Union and the European Commission announced a package.\n"
    result = extract(parse_text(text, lang="en"), learned=False)
    ids = {e.id for e in result.entities}
    assert {"organization/eu", "organization/european-commission"} <= ids
    always = Model({"partOf|bias": 30.0}, 0.35, ())  # a model that proposes every pair
    bare = Extraction(article=result.article, entities=result.entities, relations=[],
                      events=[], extractor=result.extractor)
    proposed = {(r.subject, r.object) for r in propose(bare, always, gaz)
                if r.predicate == "partOf"}
    assert ("organization/european-commission", "organization/eu") in proposed
    assert ("organization/eu", "organization/european-commission") not in proposed


def test_cross_validation_scores_each_file_with_a_layer_that_never_saw_it():
    """Every file is scored once, with the rules alone and with a layer trained on the other
    folds: the gold counts agree, the layer only adds, and "all" sums the predicates."""
    from graph import cross_validate_relations

    totals = cross_validate_relations([REPO / "tests" / "corpus"], folds=3)
    rules_all, both_all = totals["all"]
    assert rules_all.tp + rules_all.fn > 300  # (the own corpus's gold relations)
    for predicate, (rules, both) in totals.items():
        assert rules.tp + rules.fn == both.tp + both.fn, predicate  # the same gold
        assert both.tp >= rules.tp and both.fp >= rules.fp, predicate  # it only adds
    parts = [pair for p, pair in totals.items() if p != "all"]
    assert sum(r.tp for r, _ in parts) == rules_all.tp
    assert sum(b.fp for _, b in parts) == both_all.fp
    assert both_all.tp > rules_all.tp  # (it proposes something right on this corpus)


def test_the_train_relations_command_cross_validates(tmp_path: Path):
    runner = CliRunner()
    out = tmp_path / "m.json"
    result = runner.invoke(app, ["train-relations", str(REPO / "tests" / "corpus"), "--folds",
                                 "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2-fold cross-validation" in result.output
    rows = {line.split()[0]: line.split() for line in result.output.splitlines()[2:]}
    assert {"all", "partyTo", "holdsPositionIn"} <= set(rows)
    assert len(rows["all"]) == 8 and rows["all"][-1].startswith(("+", "-"))
    assert not out.exists()  # cross-validation writes no model
    few = runner.invoke(app, ["train-relations", str(REPO / "tests" / "corpus"), "--folds", "1"])
    assert few.exit_code != 0 and "at least 2 folds" in few.output
