"""Extraction quality: floors on the hand-written corpus (tests/corpus) and on the
blind corpus (tests/corpus_blind, written by annotators who did not see the rules;
its dev part was read while improving the rules, its six held-out parts were not: the
second one, b21-b28, was written after the first had been used for a whole session, the
third, b37-b44, while the rules of a third session were being written, and scored once
at its end; the fourth, b45-b52, after the fifth round's changes, and scored once; the
fifth, b69-b76, by the seventh round's annotators while a sixth session's changes were
being made, scored with the rules of that session's start and again at its end; the
sixth, b93-b100, by the tenth round's annotators on topics no other part covers, the same
way in the seventh session).

The floors are a little below what the extractor reaches today, so a change
that loses quality fails here. Raise them when the extractor gets better;
never lower them to make a change pass without saying why.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.evaluate import evaluate_dir

HERE = Path(__file__).parent
HELD_OUT = ["*-b0[7-9]-*", "*-b1[0-2]-*"]
HELD_OUT_2 = ["*-b2[1-8]-*"]
HELD_OUT_3 = ["*-b3[7-9]-*", "*-b4[0-4]-*"]
HELD_OUT_4 = ["*-b4[5-9]-*", "*-b5[0-2]-*"]
HELD_OUT_5 = ["*-b69-*", "*-b7[0-6]-*"]
HELD_OUT_6 = ["*-b9[3-9]-*", "*-b100-*"]
#: the held-out parts by name (as FLOORS and the reports call them) -> their globs
HELD_OUT_PARTS = {"blind-held-out": HELD_OUT, "blind-held-out-2": HELD_OUT_2,
                  "blind-held-out-3": HELD_OUT_3, "blind-held-out-4": HELD_OUT_4,
                  "blind-held-out-5": HELD_OUT_5, "blind-held-out-6": HELD_OUT_6}
DEV = ["*-b0[1-6]-*", "*-b1[3-9]-*", "*-b20-*", "*-b29-*", "*-b3[0-6]-*", "*-b5[3-9]-*",
       "*-b60-*", "*-b6[1-8]-*", "*-b7[7-9]-*", "*-b8[0-9]-*", "*-b9[0-2]-*"]

#: set -> language -> (entity F1, relation F1, relation precision) floors. The precision
#: floors went down by up to 0.02 with the learned relation layer, which trades precision
#: for recall by design (it keeps a relation right with p >= 0.35; F1 went up or stayed);
#: held-out 1's Kazakh one once more (0.75 -> 0.73) when the layer was retrained on the
#: third dev round (b61-b68): it adds more, and relation F1 there stayed at 0.69. Held-out
#: 1's English relation floor went 0.48 -> 0.47 when lists of other articles' headlines
#: ("Related:", "Read also", "Оқи отырыңыз:") became clutter: every line it drops there
#: is in the annotators' own boilerplate list, but five relations the rules found went
#: with them (one read from a headline, four through what the headlines had named); the
#: dev part lost none. Held-out 1's and 3's English precision floors went down by 0.02
#: and 0.01 when the layer was retrained on 194 files (the eighth and ninth rounds): it
#: adds more there; relation F1 stayed (0.476, 0.511). Held-out 2's Russian precision floor
#: went 0.69 -> 0.68 in the seventh session, when the layer was retrained after the rules
#: typed programmes of cooperation as treaties: its proposals moved (precision 0.686),
#: relation F1 went up (0.620; rules alone: unchanged on the five held-out parts together).
#: Held-out 4's English entity floor went 0.84 -> 0.83 in the eighth session, when
#: ministries read from English titles alone ("Kazakh Foreign Minister") were dropped:
#: English annotators named 15 of 53 on the dev part, and entity F1 rose on held-out 1, 2,
#: 3 and 5 (+0.002 to +0.017) and fell on 4 (0.857 -> 0.840), whose annotator names them.
#: In the same session the own corpus's Russian and held-out 1's English precision floors
#: went 0.74 -> 0.73 and 0.61 -> 0.60 when an organisation the reference data places in
#: another became part of it: relation F1 rose on held-out 1-5 together (rules alone 0.563
#: -> 0.569) and on the own Russian texts (0.718 -> 0.720), held-out 1's English fell 0.491
#: -> 0.488 (two such relations its annotator did not give). The own corpus's English
#: precision floor went 0.81 -> 0.80 when a known official came to hold the office of the
#: article's date in a state the text names ("Tokayev of Kazakhstan"): the blind annotators
#: give that post (67 of 74 on the dev part), the own corpus's gold does not always;
#: relation F1 rose on held-out 1-5 (0.599 -> 0.604 on held-out 1, 0.594 -> 0.602 on 2).
FLOORS = {
    "own": {
        "kk": (0.91, 0.77, 0.81),
        "ru": (0.90, 0.71, 0.73),  # 0.74 -> 0.73: see above
        "en": (0.93, 0.77, 0.80),  # 0.81 -> 0.80: see above
    },
    "blind-dev": {  # 162 files since the eighth and ninth rounds joined it
        "kk": (0.88, 0.65, 0.70),
        "ru": (0.87, 0.64, 0.67),
        "en": (0.86, 0.63, 0.66),
    },
    "blind-held-out": {
        "kk": (0.90, 0.69, 0.75),
        "ru": (0.86, 0.57, 0.61),
        "en": (0.82, 0.47, 0.60),  # 0.48 -> 0.47, 0.63 -> 0.61 -> 0.60: see above
    },
    "blind-held-out-2": {
        "kk": (0.83, 0.55, 0.73),
        "ru": (0.86, 0.61, 0.68),  # 0.69 -> 0.68: see above
        "en": (0.85, 0.55, 0.63),
    },
    "blind-held-out-3": {
        "kk": (0.85, 0.58, 0.70),
        "ru": (0.81, 0.56, 0.64),
        "en": (0.81, 0.50, 0.64),  # 0.65 -> 0.64: see above
    },
    "blind-held-out-4": {
        "kk": (0.82, 0.46, 0.50),
        "ru": (0.82, 0.51, 0.53),
        "en": (0.83, 0.60, 0.71),  # 0.84 -> 0.83: see above
    },
    "blind-held-out-5": {
        "kk": (0.82, 0.52, 0.59),
        "ru": (0.84, 0.48, 0.52),
        "en": (0.82, 0.54, 0.58),
    },
    "blind-held-out-6": {  # new topics (NATO, UNESCO, a referendum, Vietnam, water)
        "kk": (0.80, 0.49, 0.70),
        "ru": (0.77, 0.46, 0.54),
        "en": (0.81, 0.48, 0.58),
    },
}


@pytest.fixture(scope="module")
def results():
    return {
        "own": evaluate_dir(HERE / "corpus"),
        "blind-dev": evaluate_dir(HERE / "corpus_blind", only=DEV),
        **{part: evaluate_dir(HERE / "corpus_blind", only=globs)
           for part, globs in HELD_OUT_PARTS.items()},
    }


@pytest.mark.parametrize(
    ("corpus", "lang"), [(c, lang) for c in FLOORS for lang in sorted(FLOORS[c])]
)
def test_scores_per_language_stay_above_the_floors(results, corpus, lang):
    result = results[corpus]
    score = result.by_lang[lang]
    entity_f1, relation_f1, relation_p = FLOORS[corpus][lang]
    report = result.report()
    assert score.entities.f1 >= entity_f1, report
    assert score.relations.f1 >= relation_f1, report
    assert score.relations.precision >= relation_p, report


def test_the_blind_parts_are_disjoint_and_cover_the_corpus(results):
    parts = ["blind-dev", *HELD_OUT_PARTS]
    files = {part: set(results[part].per_file) for part in parts}
    for n, a in enumerate(parts):
        for b in parts[n + 1 :]:
            assert not files[a] & files[b], (a, b)
    assert [len(files[p]) for p in parts] == [162, 18, 24, 24, 24, 24, 24]
    blind = HERE / "corpus_blind"
    every = {p.relative_to(blind).as_posix() for p in blind.glob("*/*.json")}
    assert set().union(*files.values()) == every


def test_the_report_names_every_language_type_and_predicate(results):
    text = results["own"].report(verbose=True)
    for lang in FLOORS["own"]:
        assert f"== {lang} ==" in text
    for word in ("Official", "Event", "participatedIn", "holdsPositionIn", "relation misses"):
        assert word in text


@pytest.mark.parametrize("part", list(HELD_OUT_PARTS))
def test_the_learned_layer_raises_relation_f1_on_text_it_never_saw(results, part):
    """The learned relation layer was trained on the dev part and our own texts only: on
    each held-out part it must find relations the rules miss and raise relation F1. When it
    was last trained (on 194 files, five dev rounds among them; no participations since) it
    did by +0.002 (held-out 1), +0.007 (2), +0.006 (3), +0.009 (4), +0.009 (5) and
    +0.013 (6)."""
    rules_only = evaluate_dir(HERE / "corpus_blind", only=HELD_OUT_PARTS[part],
                              learned=False).total
    rules, both = rules_only.relations, results[part].total.relations
    assert both.tp > rules.tp and both.fn < rules.fn
    assert both.f1 > rules.f1, (rules.as_dict(), both.as_dict())
    # the entities are the rules' own
    assert results[part].total.entities.as_dict() == rules_only.entities.as_dict()
