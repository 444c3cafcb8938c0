"""Russian and English extraction: gazetteer names through inflection, titles,
sessions and segments, and the main relations. Same ids as in Kazakh."""

import pytest

from graph.articles import parse_text
from graph.extract import extract

RU = "\n\n".join(
    [
        "Визит в Женеву",
        "Первый заместитель министра иностранных дел Казахстана Ержан Ашикбаев принял участие"
        " в сегменте высокого уровня 61-й сессии Совета ООН по правам человека в Женеве.",
        "Он встретился с Генеральным секретарем ООН Антониу Гутеррешем.",
        "Министр иностранных дел Индии С. Джайшанкар также выступил.",
        "27.02.2026",
    ]
)
EN = "\n\n".join(
    [
        "Kazakh diplomat in Geneva",
        "Kazakhstan's First Deputy Foreign Minister Yerzhan Ashikbayev took part in the"
        " high-level segment of the 61st session of the UN Human Rights Council in Geneva.",
        "He met UN Secretary-General António Guterres.",
        "27.02.2026",
    ]
)
SEGMENT = "event/high-level-segment-of-the-61st-session-of-the-un-human-rights-council"
SESSION = "event/61st-session-of-the-un-human-rights-council"


@pytest.fixture(scope="module", params=["ru", "en"])
def result(request):
    text = RU if request.param == "ru" else EN
    return extract(parse_text(text, lang=request.param))


def facts(extraction):
    return {(r.subject, r.predicate, r.object) for r in extraction.relations}


def test_known_entities(result):
    ids = {e.id for e in result.entities}
    assert {
        "state/kz",
        "place/geneva",
        "organization/un",
        "forum/unhrc",
        "official/yerzhan-ashikbayev",
        "official/antonio-guterres",
        SEGMENT,
        SESSION,
    } <= ids


def test_relations(result):
    found = facts(result)
    ash, gut = "official/yerzhan-ashikbayev", "official/antonio-guterres"
    assert (ash, "participatedIn", SEGMENT) in found
    assert (ash, "represents", "state/kz") in found
    assert (ash, "metWith", gut) in found  # "Он"/"He": the last actor
    assert (SEGMENT, "partOf", SESSION) in found and (SESSION, "partOf", "forum/unhrc") in found
    assert (SESSION, "locatedIn", "place/geneva") in found
    rel = next(r for r in result.relations if r.subject == ash and r.predicate == "holdsPositionIn")
    assert rel.object == "state/kz" and rel.role == "First Deputy Minister of Foreign Affairs"
    segment = next(e for e in result.events if e.id == SEGMENT)
    assert segment.date == "2026-02" and ash in segment.participants


def test_official_with_initial_and_title_after_the_state_in_russian():
    result = extract(parse_text(RU, lang="ru"))
    found = [e for e in result.entities if e.id == "official/subrahmanyam-jaishankar"]
    assert len(found) == 1 and found[0].mentions[0].text.endswith("Джайшанкар")
    assert (found[0].id, "holdsPositionIn", "state/in") in facts(result)


def test_unknown_official_gets_one_id_in_kazakh_russian_and_english():
    """A new name meets across languages: Василенко / Vassilenko -> one slug."""
    texts = {
        "kk": "Тақырып\n\nСыртқы істер министрінің орынбасары Роман Василенко Женевада болды."
        "\n\n26.08.2026",
        "ru": "Заголовок\n\nЗаместитель министра иностранных дел Роман Василенко посетил Женеву."
        "\n\n26.08.2026",
        "en": "Title\n\nDeputy Foreign Minister Roman Vassilenko visited Geneva.\n\n26.08.2026",
    }
    ids = set()
    for lang, text in texts.items():
        result = extract(parse_text(text, lang=lang))
        ids |= {e.id for e in result.entities if e.type == "Official"}
    assert ids == {"official/roman-vasilenko"}


def test_quoted_initiative_and_its_author_in_russian():
    text = "\n\n".join(
        [
            "Заголовок",
            "Министр напомнил об инициативе Президента Казахстана Касым-Жомарта Токаева"
            " «О всемирном единстве за справедливый мир и гармонию».",
            "15.07.2025",
        ]
    )
    result = extract(parse_text(text, lang="ru"))
    initiative = next(e for e in result.entities if e.type == "Initiative")
    assert initiative.mentions[0].text == "«О всемирном единстве за справедливый мир и гармонию»"
    assert ("official/kassym-jomart-tokayev", "proposed", initiative.id) in facts(result)


def test_english_names_with_a_telling_head_noun():
    text = "\n\n".join(
        [
            "Headline",
            "Kazakhstan will host the Regional Climate Summit in Astana.",
            "The President proposed establishing a Central Asian Digital Agency.",
            "23.09.2025",
        ]
    )
    result = extract(parse_text(text, lang="en"))
    by_label = {e.label: e for e in result.entities}
    assert by_label["Regional Climate Summit"].type == "Event"
    assert by_label["Central Asian Digital Agency"].type == "Initiative"  # planned, not existing
