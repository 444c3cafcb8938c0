"""The gazetteer engine: loading, checking, caching, offices, name matching."""

import textwrap

import pytest

from graph.errors import GazetteerError
from graph.extract.mentions import kk_readings, phrase_readings, ru_readings
from graph.extract.normalize import tokens
from graph.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def ids_in(gaz, text, lang="kk"):
    read = {"kk": kk_readings, "ru": ru_readings}[lang]
    toks = tokens(text)
    matcher = gaz.matcher(lang, phrase_readings(lang))
    return [
        (" ".join(t.text for t in toks[m.start : m.end]), m.ids[0])
        for m in matcher.find([read(t.text) for t in toks])
    ]


def test_entries_have_the_documented_fields(gaz):
    kz = gaz.get("state/kz")
    assert (
        kz.type == "State"
        and kz.names["en"] == "Kazakhstan"
        and kz.wikidata == "Q232"
        and kz.iso == "KZ"
    )
    assert gaz.get("forum/unhrc").part_of == "organization/un"
    assert gaz.get("place/geneva").names["kk"] == "Женева"
    assert any(r.id == "role/president" for r in gaz.roles())
    assert len(gaz.entries()) == len(gaz)


def test_holder_of_an_office_on_a_date(gaz):
    assert (
        gaz.holder("role/president", "state/kz", "2026-02-27").id
        == "official/kassym-jomart-tokayev"
    )
    assert gaz.holder("role/president", "state/kz", "2026").id == "official/kassym-jomart-tokayev"
    assert (
        gaz.holder("role/secretary-general", "organization/un", "2026-02-27").id
        == "official/antonio-guterres"
    )
    assert (
        gaz.holder("role/secretary-general", "organization/un", "2010-05-01").id
        != "official/antonio-guterres"
    )
    assert gaz.holder("role/secretary-general", "organization/un", "1930-01-01") is None
    assert (
        gaz.holder("role/chairman-of-the-senate", "state/kz", "2015-01-01").id
        == "official/kassym-jomart-tokayev"
    )
    assert gaz.holder("role/no-such-office", "state/kz", "2026-02-27") is None


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("Қазақстанның", "state/kz"),
        ("Қазақстанға", "state/kz"),
        ("Женевада", "place/geneva"),
        ("Женевадағы", "place/geneva"),
        ("Алматыдағы", "place/almaty"),
        ("Тоқаевтың", "official/kassym-jomart-tokayev"),
        ("Тоқаевқа", "official/kassym-jomart-tokayev"),
        ("Қарусыздану жөніндегі конференциясына", "forum/conference-on-disarmament"),
        ("Қарусыздану жөніндегі конференцияның", "forum/conference-on-disarmament"),
        ("БҰҰ Адам құқықтары жөніндегі кеңестің", "forum/unhrc"),
        ("БҰҰ Бас Ассамблеясының", "forum/unga"),
        ("БҰҰ-ның", "organization/un"),
        ("Семей ядролық полигонының", "place/semipalatinsk-test-site"),
        ("Семей шартына", "treaty/canwfz"),
    ],
)
def test_inflected_kazakh_forms_match(gaz, text, entity_id):
    found = ids_in(gaz, text)
    assert found and found[0][1] == entity_id, found


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("Казахстана", "state/kz"),
        ("в Женеве", "place/geneva"),
        ("Совета ООН по правам человека", "forum/unhrc"),
        ("Генеральной Ассамблеи ООН", "forum/unga"),
    ],
)
def test_inflected_russian_forms_match(gaz, text, entity_id):
    assert entity_id in [i for _, i in ids_in(gaz, text, "ru")]


def test_abbreviations_are_case_sensitive(gaz):
    assert ids_in(gaz, "БҰҰ") == [("БҰҰ", "organization/un")]
    assert ids_in(gaz, "бұу") == []
    assert ids_in(gaz, "Бұу") == []


def test_longest_match_wins(gaz):
    assert ids_in(gaz, "«Әділетті Қазақстан» саясаты") == [
        ("Әділетті Қазақстан", "initiative/just-kazakhstan")
    ]
    assert ids_in(gaz, "Қазақстан Республикасы") == [("Қазақстан Республикасы", "state/kz")]


def test_a_dictionary_form_does_not_match_unrelated_words(gaz):
    assert ids_in(gaz, "100-ден астам мемлекет") == []  # not Астана


def _write(tmp_path, name, body):
    (tmp_path / name).write_text(textwrap.dedent(body), encoding="utf-8")


def test_errors_name_file_entry_and_field(tmp_path):
    _write(
        tmp_path,
        "states.yaml",
        """\
        - id: state/kz
          type: State
          names: {kk: Қазақстан}
        """,
    )
    with pytest.raises(
        GazetteerError, match=r'states.yaml: entry 0 \(state/kz\): field "names" needs an "en"'
    ):
        load_gazetteer(tmp_path)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("- id: Kazakhstan\n  type: State\n  names: {en: K}\n", 'field "id"'),
        ("- id: state/kz\n  type: Country\n  names: {en: K}\n", 'field "type"'),
        ("- id: place/kz\n  type: State\n  names: {en: K}\n", "does not fit type State"),
        ("- id: state/kz\n  type: State\n  names: {en: K, de: K}\n", "language 'de'"),
        (
            "- id: state/kz\n  type: State\n  names: {en: K}\n  aliases: {en: 5}\n",
            'field "aliases.en"',
        ),
        ("- id: state/kz\n  type: State\n  names: {en: K}\n  wikidata: 232\n", 'field "wikidata"'),
        ("- id: state/kz\n  type: State\n  names: {en: K}\n  part_of: UN\n", 'field "part_of"'),
        ("id: state/kz\n", "must be a list"),
        ("- id: state/kz\n  names: [\n", "not valid YAML"),
    ],
)
def test_malformed_entries_are_refused(tmp_path, body, message):
    (tmp_path / "states.yaml").write_text(body, encoding="utf-8")
    with pytest.raises(GazetteerError, match=message):
        load_gazetteer(tmp_path)


def test_duplicate_ids_across_files(tmp_path):
    entry = "- id: state/kz\n  type: State\n  names: {en: Kazakhstan}\n"
    _write(tmp_path, "a.yaml", entry)
    _write(tmp_path, "b.yaml", entry)
    with pytest.raises(GazetteerError, match="unique"):
        load_gazetteer(tmp_path)


def test_cached_until_a_file_changes(tmp_path):
    _write(tmp_path, "states.yaml", "- id: state/kz\n  type: State\n  names: {en: Kazakhstan}\n")
    first = load_gazetteer(tmp_path)
    assert load_gazetteer(tmp_path) is first
    _write(tmp_path, "places.yaml", "- id: place/geneva\n  type: Place\n  names: {en: Geneva}\n")
    second = load_gazetteer(tmp_path)
    assert second is not first and "place/geneva" in second
    assert second.content_hash() != first.content_hash()


def test_missing_directory(tmp_path):
    with pytest.raises(GazetteerError, match="does not exist"):
        load_gazetteer(tmp_path / "nowhere")
