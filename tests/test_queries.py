"""Saved queries: headers, parameter binding, the answer of each on the sample articles,
and the /api/queries endpoints on a real server.

Expectations come from reading data/articles: the English UNGA80 article (Tokayev
proposes an International Water Organization, calls for the CTBT, meets Guterres), the
Russian SCO CFM article (Nurtleu in Tianjin, meets Lavrov and Jaishankar, Tokayev's
initiative "On world unity…") and the Kazakh seed article (Ashikbayev at the UN HRC 61
high-level segment and the Conference on Disarmament in Geneva, Kazakhstan's initiatives,
the 35th/30th/20th anniversaries of 2026).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph.errors import NotFoundError, QueryError
from graph.queries import (
    KINDS,
    SavedQuery,
    bind_params,
    load_saved_queries,
    parse_saved_query,
    run_saved,
    select_saved,
)
from graph.store import EmbeddedStore
from ontology import ID, QUERIES_DIR
from tests.conftest import Server

QUERIES = load_saved_queries()
INJECTION = '"> } ; DROP ALL #'


def eid(value: str) -> str:
    """``state/kz`` -> its IRI, as rows give it."""
    return ID + value


@pytest.fixture(scope="module")
def store(
    sample_store_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[EmbeddedStore]:
    copy = tmp_path_factory.mktemp("queries") / "store"
    shutil.copytree(sample_store_dir, copy)
    st = EmbeddedStore(copy)
    yield st
    st.close()


def rows(store: EmbeddedStore, name: str, **params: str) -> list[dict]:
    return select_saved(store, name, params)


def column(result: list[dict], name: str) -> set:
    return {r.get(name) for r in result}


# -- the files ------------------------------------------------------------------------


def test_there_are_at_least_twenty_saved_queries_with_headers() -> None:
    assert len(QUERIES) >= 20
    for name, query in QUERIES.items():
        assert (QUERIES_DIR / f"{name}.rq").read_text(encoding="utf-8").startswith("# title: ")
        assert query.title and query.description, name
        assert query.form in ("SELECT", "CONSTRUCT"), name
        for param in query.params:
            assert param.kind in KINDS and param.doc, (name, param)
            assert param.default is not None or param.optional, (name, param)


def test_the_readme_documents_the_header_and_every_kind() -> None:
    readme = (QUERIES_DIR / "README.md").read_text(encoding="utf-8")
    for word in ("# title:", "# description:", "# param:", "(optional)", *KINDS):
        assert word in readme
    for name in QUERIES:
        assert f"| `{name}` |" in readme, f"ontology/queries/README.md does not list {name}"


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_saved_query_runs_with_its_defaults(store: EmbeddedStore, name: str) -> None:
    result = run_saved(store, name)
    if QUERIES[name].form == "SELECT":
        data = json.loads(result.body)
        assert data["results"]["bindings"], f"{name} gives no rows on the sample data"
        for param, value in bind_params(QUERIES[name], {}).items():
            # the bound value comes back in its column: proof that it was bound
            assert all(b[param]["value"] == str(value) for b in data["results"]["bindings"])
    else:
        assert result.kind == "graph"
        assert len(Graph().parse(data=result.body.decode(), format="turtle")) > 10


# -- one test per saved query: its answer on the sample articles -----------------------


def test_initiatives_proposed_by_state(store: EmbeddedStore) -> None:
    result = {r["initiative"]: r for r in rows(store, "initiatives-proposed-by-state")}
    iwo = result[eid("initiative/international-water-organization")]
    # proposed by Kazakhstan (kk article) and by Tokayev (en article, 23 September 2025)
    assert iwo["articles"] == 2 and iwo["first_reported"] == "2025-09-23"
    assert set(iwo["proposed_by"].split()) == {eid("state/kz"),
                                               eid("official/kassym-jomart-tokayev")}
    assert eid("initiative/regional-ecological-summit") in result
    # the gazetteer knows more of Kazakhstan's initiatives, with no article behind them
    assert result[eid("initiative/nuclear-weapon-free-world-2045")]["articles"] == 0
    # the kk article: Kazakhstan supports the idea of an International Agency for Biological Safety
    iabs = result[eid("initiative/international-agency-for-biological-safety")]
    assert iabs["supporters"] == eid("state/kz")
    later = {r["initiative"]: r for r in rows(store, "initiatives-proposed-by-state", since="2027")}
    assert "supporters" not in later[eid("initiative/international-agency-for-biological-safety")]
    russian = rows(store, "initiatives-proposed-by-state", state="state:ru")
    assert [(r["initiative_label"], r["articles"]) for r in russian] == [
        ("Greater Eurasian Partnership", 0)]  # the gazetteer's; no sample article proposes it


def test_initiative_supporters(store: EmbeddedStore) -> None:
    result = rows(store, "initiative-supporters")
    assert [(r["actor"], r["stance"].rsplit("#")[-1], r["date"]) for r in result] == [
        (eid("state/kz"), "supports", "2026-02-27")]
    assert "Халықаралық биологиялық қауіпсіздік агенттігін" in result[0]["evidence"]
    ctbt = rows(store, "initiative-supporters", target="treaty:ctbt")
    assert [(r["actor_label"], r["stance"].rsplit("#")[-1]) for r in ctbt] == [
        ("Kassym-Jomart Tokayev", "calledFor")]


def test_officials_at_forums_by_year(store: EmbeddedStore) -> None:
    result = {(r["year"], r["official"].rsplit("/")[-1], r["forum"].rsplit("/")[-1])
              for r in rows(store, "officials-at-forums-by-year")}
    assert result == {
        ("2025", "kassym-jomart-tokayev", "unga"),
        ("2025", "murat-nurtleu", "sco-council-of-foreign-ministers"),  # СМИД ШОС, Tianjin
        ("2026", "yerzhan-ashikbayev", "unhrc"),
        ("2026", "yerzhan-ashikbayev", "conference-on-disarmament"),
    }
    china = rows(store, "officials-at-forums-by-year", state="state:cn")
    assert [(r["official_label"], r["forum"].rsplit("/")[-1]) for r in china] == [
        ("Wang Yi", "sco-council-of-foreign-ministers")]  # China's foreign minister, Tianjin


def test_forum_timeline(store: EmbeddedStore) -> None:
    result = rows(store, "forum-timeline")
    assert [(r["kind"], r["date"], r["place"]) for r in result] == [
        ("Session", "2026-02", eid("place/geneva")),
        ("Segment", "2026-02", eid("place/geneva")),
    ]
    segment = result[1]
    assert set(segment["participants"].split()) == {
        eid("official/yerzhan-ashikbayev"), eid("official/antonio-guterres"),
        eid("official/volker-turk")}
    unga = rows(store, "forum-timeline", forum="forum:unga")
    assert unga[0]["event"] == eid("event/80th-session-of-the-un-general-assembly")
    assert unga[0]["date"] == "2025-09-23"  # the most precise of "2025" (kk) and the en date


def test_state_treaty_stances(store: EmbeddedStore) -> None:
    result = {r["treaty"].rsplit("/")[-1]: (r.get("stances", ""), r["articles"])
              for r in rows(store, "state-treaty-stances")}
    assert result == {
        "bwc": ("supports", 1),       # kk: Kazakhstan supports strengthening the BWC
        "ctbt": ("calledFor", 2),     # en: Tokayev called on nuclear powers to uphold the CTBT
        "npt": ("", 1), "tpnw": ("", 1), "canwfz": ("", 1),  # mentioned in the kk article
    }


def test_anniversaries_in_year(store: EmbeddedStore) -> None:
    result = {(r["years"], r["base_year"], r["commemorates"].rsplit("/")[-1])
              for r in rows(store, "anniversaries-in-year")}
    assert result == {(35, "1991", "semipalatinsk-test-site"), (30, "1996", "ctbt"),
                      (20, "2006", "canwfz")}
    assert rows(store, "anniversaries-in-year", year="2025") == []


def test_co_participants(store: EmbeddedStore) -> None:
    result = rows(store, "co-participants")
    # Kazakhstan with the UN at the HRC 61 high-level segment (Ashikbayev with Guterres and
    # Türk) and at Tokayev's meeting with Guterres; with Russia and India at Nurtleu's
    # meetings in Tianjin (Lavrov, Jaishankar); with China at the SCO ministers' meeting
    assert [(r["other"], r["events"]) for r in result] == [
        (eid("organization/un"), 2), (eid("state/cn"), 1), (eid("state/in"), 1),
        (eid("state/ru"), 1)]
    back = rows(store, "co-participants", actor="organization:un")
    assert [r["other"] for r in back] == [eid("state/kz")]


def test_fact_evidence(store: EmbeddedStore) -> None:
    result = rows(store, "fact-evidence")
    assert len(result) == 1
    assert result[0]["evidence"].startswith("He proposed establishing an International Water "
                                            "Organization within the UN system")
    assert result[0]["language"] == "en" and result[0]["published"] == "2025-09-23"
    # leave the subject open: Kazakhstan proposed it too, in the Kazakh article
    anyone = rows(store, "fact-evidence", subject="")
    assert {r["subject"] for r in anyone} == {eid("official/kassym-jomart-tokayev"),
                                              eid("state/kz")}
    assert any("Халықаралық су ұйымын" in r["evidence"] for r in anyone)


def test_articles_by_source_language(store: EmbeddedStore) -> None:
    result = {(r["source"], r["language"], r["articles"])
              for r in rows(store, "articles-by-source-language")}
    assert result == {("Example Ministry of Foreign Affairs", "en", 1),
                      ("Пресс-служба МИД РК (пример)", "ru", 1), ("(no source)", "kk", 1)}


def test_entities_in_one_language(store: EmbeddedStore) -> None:
    kk = column(rows(store, "entities-in-one-language"), "entity")
    assert {eid("place/geneva"), eid("forum/unhrc"), eid("official/yerzhan-ashikbayev"),
            eid("treaty/bwc")} <= kk
    assert eid("state/kz") not in kk and eid("place/new-york") not in kk
    ru = column(rows(store, "entities-in-one-language", language="ru"), "entity")
    assert {eid("official/sergey-lavrov"), eid("official/wang-yi"), eid("state/cn")} <= ru
    every = rows(store, "entities-in-one-language", language="")
    assert column(every, "only_in") == {"kk", "ru", "en"}
    assert eid("forum/unga") not in column(every, "entity")  # in the kk and en articles


def test_position_holders_on_date(store: EmbeddedStore) -> None:
    result = {(r["official"].rsplit("/")[-1], r["role_label"])
              for r in rows(store, "position-holders-on-date")}
    assert result >= {
        ("kassym-jomart-tokayev", "President"), ("olzhas-bektenov", "Prime Minister"),
        ("yermek-kosherbayev", "Minister of Foreign Affairs"),
        ("yerzhan-ashikbayev", "First Deputy Minister of Foreign Affairs"),
        ("maulen-ashimbayev", "Chairman of the Senate"), ("yerlan-koshanov", "Speaker"),
        ("roman-sklyar", "First Deputy Prime Minister"),  # the whole government is known
    }
    assert ("murat-nurtleu", "Minister of Foreign Affairs") not in result  # until 2025-09
    # the day of the SCO meeting, Murat Nurtleu was still the foreign minister
    july = {(r["official"].rsplit("/")[-1], r["role_label"])
            for r in rows(store, "position-holders-on-date", on="2025-07-15")}
    assert ("murat-nurtleu", "Minister of Foreign Affairs") in july
    assert ("yermek-kosherbayev", "Minister of Foreign Affairs") not in july
    un = rows(store, "position-holders-on-date", organization="organization/un", on="2026")
    assert ("official/antonio-guterres", "Secretary-General") in {
        (r["official"][len(ID):], r["role_label"]) for r in un}


def test_official_career(store: EmbeddedStore) -> None:
    result = rows(store, "official-career")
    held = [(r["role_label"], r.get("start"), r.get("end")) for r in result if "start" in r]
    assert ("President", "2019-03-20", None) in held
    assert ("Prime Minister", "1999-10-01", "2002-01-28") in held
    observed = sorted(r["observed_on"] for r in result if "observed_on" in r)
    assert observed == ["2025-07-15", "2025-09-23", "2026-02-27"]  # President, in each article


def test_meetings(store: EmbeddedStore) -> None:
    result = rows(store, "meetings")
    assert {(r["met"].rsplit("/")[-1], r["date"]) for r in result} == {
        ("sergey-lavrov", "2025-07-15"), ("subrahmanyam-jaishankar", "2025-07-15")}
    assert all("двусторонние встречи" in r["evidence"] for r in result)
    guterres = rows(store, "meetings", official="official:antonio-guterres")
    assert [r["met"] for r in guterres] == [eid("official/kassym-jomart-tokayev")]
    assert len(rows(store, "meetings", official="")) == 6  # three meetings, seen from each side


def test_events_in_range_at_place(store: EmbeddedStore) -> None:
    result = column(rows(store, "events-in-range-at-place"), "event")
    assert result == {eid("event/61st-session-of-the-un-human-rights-council"),
                      eid("event/high-level-segment-of-the-61st-session-of-the-un-human-rights-council"),
                      eid("event/high-level-segment-of-the-conference-on-disarmament-2026")}
    # in Switzerland: Geneva is located in it
    assert column(rows(store, "events-in-range-at-place", place="state:ch"), "event") == result
    # anywhere in 2025: the UNGA 80th session and the SCO meetings
    in_2025 = column(rows(store, "events-in-range-at-place", place="", **{"from": "2025",
                                                                          "until": "2025"}),
                     "event")
    assert eid("event/80th-session-of-the-un-general-assembly") in in_2025
    assert eid("event/meeting-of-the-sco-council-of-foreign-ministers-2025") in in_2025
    assert all(e.startswith(ID + "event/") for e in in_2025)
    assert not result & in_2025


def test_positions_observed(store: EmbeddedStore) -> None:
    result = {(r["official"].rsplit("/")[-1], r["role_label"], r["organization"].rsplit("/")[-1],
               r["observed_on"]) for r in rows(store, "positions-observed")}
    assert ("yerzhan-ashikbayev", "First Deputy Minister of Foreign Affairs", "kz",
            "2026-02-27") in result
    assert ("wang-yi", "Minister of Foreign Affairs", "cn", "2025-07-15") in result
    assert ("murat-nurtleu", "Deputy Prime Minister – Minister of Foreign Affairs", "kz",
            "2025-07-15") in result  # his title in the ru article, read as one office
    one = rows(store, "positions-observed", official="official/volker-turk")
    assert [r["role_label"] for r in one] == ["High Commissioner for Human Rights"]


def test_most_mentioned(store: EmbeddedStore) -> None:
    result = rows(store, "most-mentioned")
    assert {r["entity"] for r in result[:2]} == {eid("state/kz"),
                                                 eid("official/kassym-jomart-tokayev")}
    assert result[0]["articles"] == 3 and result[2]["articles"] == 2
    in_all = rows(store, "most-mentioned", min_articles="3")
    assert column(in_all, "entity") == {eid("state/kz"), eid("official/kassym-jomart-tokayev")}
    states = rows(store, "most-mentioned", type="dkg:State")
    assert column(states, "entity") == {eid(f"state/{c}") for c in ("kz", "ru", "cn", "in")}


def test_entities_without_wikidata(store: EmbeddedStore) -> None:
    result = {r["entity"]: r for r in rows(store, "entities-without-wikidata")}
    # a new initiative found in the ru article, a meeting found in the en article
    assert eid("initiative/o-vsemirnom-yedinstve-za-spravedlivyy-mir-i-garmoniyu") in result
    meeting = eid("event/meeting-of-kassym-jomart-tokayev-and-antonio-guterres-2025-09-23")
    assert result[meeting]["type"] == "Meeting"
    assert eid("state/kz") not in result  # Kazakhstan is wd:Q232


def test_state_actions_timeline(store: EmbeddedStore) -> None:
    result = rows(store, "state-actions-timeline")
    dates = [r["date"] for r in result]
    assert dates == sorted(dates) and dates[0] == "2025-07-15"
    actions = {(r["actor"].rsplit("/")[-1], r["action"], r["target"].rsplit("/")[-1])
               for r in result}
    assert ("murat-nurtleu", "met", "sergey-lavrov") in actions
    assert ("kassym-jomart-tokayev", "calledFor", "ctbt") in actions
    assert ("kz", "supported", "bwc") in actions
    since = rows(store, "state-actions-timeline", since="2026-01")
    assert {r["date"] for r in since} == {"2026-02-27"}


def test_entity_articles(store: EmbeddedStore) -> None:
    result = rows(store, "entity-articles")
    assert [(r["language"], r["published"]) for r in result] == [("kk", "2026-02-27"),
                                                                 ("en", "2025-09-23")]
    assert result[1]["headline"].startswith("President Tokayev proposes")


def test_find_by_label(store: EmbeddedStore) -> None:
    result = column(rows(store, "find-by-label"), "entity")
    assert eid("initiative/international-water-organization") in result
    russian = rows(store, "find-by-label", text="женев", language="ru")
    assert eid("place/geneva") in column(russian, "entity")
    assert column(russian, "label_language") == {"ru"}


def test_entity_names(store: EmbeddedStore) -> None:
    result = rows(store, "entity-names")
    preferred = {r["language"]: r["name"] for r in result if r["kind"] == "preferred"}
    assert preferred == {"kk": "Қазақстан", "ru": "Казахстан", "en": "Kazakhstan"}
    assert column(result, "wikidata") == {"http://www.wikidata.org/entity/Q232"}


def test_event_participants(store: EmbeddedStore) -> None:
    result = {r["participant"].rsplit("/")[-1]: r["on_behalf_of"]
              for r in rows(store, "event-participants")}
    assert result == {"yerzhan-ashikbayev": eid("state/kz"),
                      "antonio-guterres": eid("organization/un"),
                      "volker-turk": eid("organization/un")}


def _graph(store: EmbeddedStore, name: str) -> Graph:
    return Graph().parse(data=run_saved(store, name).body.decode(), format="turtle")


def test_initiatives_graph(store: EmbeddedStore) -> None:
    g = _graph(store, "initiatives-graph")
    dkg = "https://w3id.org/dkg/ontology#"
    assert (URIRef(eid("state/kz")), URIRef(dkg + "proposed"),
            URIRef(eid("initiative/international-water-organization"))) in g
    assert (URIRef(eid("official/yerzhan-ashikbayev")), URIRef(dkg + "calledFor"),
            URIRef(eid("initiative/strategic-dialogue-nuclear-powers"))) in g
    assert Literal("International Water Organization", lang="en") in set(g.objects())


def test_diplomatic_network(store: EmbeddedStore) -> None:
    g = _graph(store, "diplomatic-network")
    dkg = "https://w3id.org/dkg/ontology#"
    assert (URIRef(eid("official/murat-nurtleu")), URIRef(dkg + "metWith"),
            URIRef(eid("official/sergey-lavrov"))) in g
    assert (URIRef(eid("official/yerzhan-ashikbayev")), URIRef(dkg + "represents"),
            URIRef(eid("state/kz"))) in g


def test_every_saved_query_has_its_own_test() -> None:
    here = Path(__file__).read_text(encoding="utf-8")
    for name in QUERIES:
        assert f"def test_{name.replace('-', '_')}(" in here, f"no test for {name}"


# -- binding --------------------------------------------------------------------------


def test_iri_params_accept_prefixed_names_ids_and_full_iris() -> None:
    query = QUERIES["initiatives-proposed-by-state"]
    kz = URIRef(eid("state/kz"))
    for value in ("state:kz", "state/kz", eid("state/kz"), " state:kz "):
        assert bind_params(query, {"state": value})["state"] == kz
    evidence = QUERIES["fact-evidence"]
    assert bind_params(evidence, {"predicate": "dkg:supports"})["predicate"] == URIRef(
        "https://w3id.org/dkg/ontology#supports")
    for bad in ("id:state/kz> }", "nope:kz", "kz", "state:kz extra", "<state:kz>"):
        with pytest.raises(QueryError, match="parameter 'state'"):
            bind_params(query, {"state": bad})


def test_date_params_take_a_year_a_month_or_a_day() -> None:
    query = QUERIES["initiatives-proposed-by-state"]
    for value, datatype in (("2025", XSD.gYear), ("2025-09", XSD.gYearMonth),
                            ("2025-09-23", XSD.date)):
        assert bind_params(query, {"since": value})["since"] == Literal(value, datatype=datatype)
    for bad in ("2025-13", "2025-02-30", "23.09.2025", "2025-9-1", "yesterday"):
        with pytest.raises(QueryError, match=r"parameter 'since'.*YYYY, YYYY-MM or YYYY-MM-DD"):
            bind_params(query, {"since": bad})


def test_defaults_optional_unknown_and_missing_params(tmp_path: Path) -> None:
    query = QUERIES["initiatives-proposed-by-state"]
    assert set(bind_params(query, {})) == {"state", "since"}
    assert set(bind_params(query, {"since": ""})) == {"state"}  # optional: left unbound
    with pytest.raises(QueryError, match="is required"):
        bind_params(query, {"state": ""})
    with pytest.raises(QueryError, match="has no parameter 'stat'.*state, since"):
        bind_params(query, {"stat": "state:kz"})
    other = parse_saved_query(
        "# title: t\n# description: d\n# param: year integer — no default\n"
        "SELECT ?year WHERE { ?s ?p ?year }\n", tmp_path / "needs-year.rq")
    with pytest.raises(QueryError, match="needs the parameter 'year'"):
        bind_params(other, {})
    with pytest.raises(QueryError, match="parameter 'year'.*whole number"):
        bind_params(other, {"year": "20x6"})
    for kind, value, term in (
        ("lang", "KK", Literal("kk")),
        ("string", INJECTION, Literal(INJECTION)),
        ("literal", '"Женева"@ru', Literal("Женева", lang="ru")),
        ("literal", '"5"^^xsd:integer', Literal("5", datatype=XSD.integer)),
    ):
        q = parse_saved_query(f"# title: t\n# description: d\n# param: x {kind} — x\n"
                              "SELECT ?x WHERE { ?s ?p ?x }\n", tmp_path / "x.rq")
        assert bind_params(q, {"x": value})["x"] == term


def test_a_param_cannot_inject(store: EmbeddedStore) -> None:
    before = store.stats()
    # as text it is only a value that matches nothing
    assert rows(store, "find-by-label", text=INJECTION) == []
    # as an IRI or a date it is refused, saying which parameter and what it expects
    with pytest.raises(QueryError, match="parameter 'state'.*not an IRI"):
        rows(store, "initiatives-proposed-by-state", state="state:kz" + INJECTION)
    with pytest.raises(QueryError, match="parameter 'since'"):
        rows(store, "initiatives-proposed-by-state", since="2020" + INJECTION)
    with pytest.raises(QueryError, match="parameter 'language'"):
        rows(store, "entities-in-one-language", language="kk" + INJECTION)
    assert store.stats() == before


def test_unknown_saved_query_is_not_found(store: EmbeddedStore) -> None:
    with pytest.raises(NotFoundError, match="no saved query 'nope'.*initiatives-proposed"):
        run_saved(store, "nope")


# -- malformed files: clear errors naming the file and line --------------------------


@pytest.mark.parametrize(("text", "message"), [
    ("SELECT * WHERE { ?s ?p ?o }\n", r"bad\.rq:1: the header has no '# title: …' line"),
    ("# title: t\nSELECT * WHERE { ?s ?p ?o }\n", r"bad\.rq:1: .*no '# description"),
    ("# title: t\n# description: d\n# colour: red\nSELECT * { ?s ?p ?o }",
     r"bad\.rq:3: unknown header key 'colour'"),
    ("# title: t\n# description: d\n# param: s entity state:kz — s\nSELECT ?s { ?s ?p ?o }",
     r"bad\.rq:3: parameter 's': unknown kind 'entity'; use one of iri, date"),
    ("# title: t\n# description: d\n# param: s\nSELECT ?s { ?s ?p ?o }",
     r"bad\.rq:3: a parameter is '# param: NAME KIND"),
    ("# title: t\n# description: d\n# param: d date 2026-02-31 — d\nSELECT ?d { ?s ?p ?d }",
     r"bad\.rq:3: the default of parameter 'd'"),
    ("# title: t\n# description: d\n# param: s iri state:kz — s\nSELECT ?o { ?s ?p ?o }",
     r"bad\.rq:4: parameter \?s is not in this SELECT's projection"),
    ("# title: t\n# description: d\n# param: s iri state:kz — s\n"
     "SELECT ?s (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?o",
     r"bad\.rq:4: parameter \?s .* not in its GROUP BY"),
    ("# title: t\n# description: d\n# param: s iri state:kz — s\n"
     "SELECT ?s ?o {\n  { SELECT ?o { ?s ?p ?o } }\n}",
     r"bad\.rq:5: parameter \?s is not in this SELECT's projection"),
    ("# title: t\n# description: d\n# param: s iri state:kz — s\n"
     "SELECT ?s ?o { ?x ?p ?o FILTER(!BOUND(?s)) }",
     r"bad\.rq: BOUND\(\?s\) is always false"),
    ("# title: t\n# description: d\n# param: s iri state:kz — s\n"
     "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", r"only be bound in SELECT queries"),
    ("# title: t\n# description: d\n# param: s iri state:kz — s\nSELECT ?o { ?x ?p ?o }",
     r"parameter 's' is declared but the query has no \?s"),
    ("# title: t\n# description: d\n# param: format string csv — f\n"
     "SELECT ?format { ?s ?p ?format }",
     r"bad\.rq:3: parameter 'format': the name is reserved"),
])
def test_malformed_saved_queries_say_where(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "bad.rq").write_text(text, encoding="utf-8")
    with pytest.raises(QueryError, match=message):
        load_saved_queries(tmp_path)


def test_header_continuation_lines_and_a_good_file(tmp_path: Path) -> None:
    (tmp_path / "good-one.rq").write_text(
        "# title: Good\n# description: first line\n#   second line\n#\n"
        "# param: s iri state:kz (optional) — the state,\n#   any id\n"
        "SELECT DISTINCT ?s ?o WHERE { ?s ?p ?o }\n", encoding="utf-8")
    query = load_saved_queries(tmp_path)["good-one"]
    assert isinstance(query, SavedQuery)
    assert query.description == "first line second line"
    assert query.params[0].optional and query.params[0].default == "state:kz"
    assert query.params[0].doc == "the state, any id"


# -- the HTTP face ----------------------------------------------------------------------


def test_api_lists_the_saved_queries(server: Server) -> None:
    with server.client() as client:
        r = client.get("/api/queries")
    assert r.status_code == 200
    data = r.json()
    assert data["prefixes"]["state"] == ID + "state/"
    by_name = {q["name"]: q for q in data["queries"]}
    assert set(by_name) == set(QUERIES)
    proposed = by_name["initiatives-proposed-by-state"]
    assert proposed["title"] == "Initiatives a state proposed, and who supported them since"
    assert proposed["params"][0] == {
        "name": "state", "kind": "iri", "expects": KINDS["iri"], "default": "state:kz",
        "optional": False,
        "doc": "the state (any entity id works: prefix form or full IRI)"}
    assert proposed["url"] == "/api/queries/initiatives-proposed-by-state"


def test_api_runs_a_saved_query_in_each_format(server: Server) -> None:
    url = "/api/queries/initiatives-proposed-by-state"
    with server.client() as client:
        r = client.get(url, params={"state": "state:kz", "since": "2020"})
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/sparql-results+json")
        initiatives = {b["initiative"]["value"] for b in r.json()["results"]["bindings"]}
        assert eid("initiative/international-water-organization") in initiatives
        r = client.get(url, params={"format": "csv"})
        assert r.headers["content-type"].startswith("text/csv")
        table = list(csv.DictReader(io.StringIO(r.text)))
        assert eid("initiative/international-water-organization") in {t["initiative"]
                                                                     for t in table}
        r = client.get(url, headers={"Accept": "text/tab-separated-values"})
        assert r.headers["content-type"].startswith("text/tab-separated-values")
        assert "<https://w3id.org/dkg/id/initiative/international-water-organization>" in r.text
        r = client.get(url, params={"format": "xml"})
        assert "<sparql" in r.text and "international-water-organization" in r.text
        r = client.get("/api/queries/initiatives-graph")
        assert r.headers["content-type"].startswith("text/turtle")
        assert "international-water-organization" in r.text
        r = client.get("/api/queries/anniversaries-in-year", headers={"Accept": "image/png"})
        assert r.status_code == 406


def test_api_errors_are_problems(server: Server) -> None:
    with server.client() as client:
        r = client.get("/api/queries/no-such-query")
        assert r.status_code == 404
        assert r.headers["content-type"] == "application/problem+json"
        assert "no saved query 'no-such-query'" in r.json()["detail"]
        for params, words in (
            ({"state": "state:kz" + INJECTION}, "parameter 'state'"),
            ({"since": "last year"}, "parameter 'since'"),
            ({"colour": "red"}, "has no parameter 'colour'"),
            ({"state": ""}, "is required"),
            ({"format": "turtle"}, "does not fit a SELECT query"),
        ):
            r = client.get("/api/queries/initiatives-proposed-by-state", params=params)
            assert r.status_code == 400, params
            assert r.headers["content-type"] == "application/problem+json"
            assert words in r.json()["detail"]
        r = client.get("/api/queries/find-by-label", params={"text": INJECTION})
        assert r.status_code == 200 and r.json()["results"]["bindings"] == []
        r = client.get("/api/queries/initiatives-proposed-by-state")
        assert r.json()["results"]["bindings"]  # the store is intact


def test_construct_answers_are_drawn_as_a_graph_page(server: Server) -> None:
    query = QUERIES["initiatives-graph"].text
    with server.client() as client:
        r = client.post("/sparql/graph", data={"query": query})
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
        assert "initiative/international-water-organization" in r.text
        assert "/entity/state/kz" in r.text
        assert "https://cdn" not in r.text and 'src="http' not in r.text
        r = client.post("/sparql/graph", content=query,
                        headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 200
        r = client.post("/sparql/graph", data={"query": "SELECT * { ?s ?p ?o }"})
        assert r.status_code == 400 and "CONSTRUCT or DESCRIBE" in r.json()["detail"]
        far = "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE <http://x.example/> { ?s ?p ?o } }"
        r = client.post("/sparql/graph", data={"query": far})
        assert r.status_code == 400 and "SERVICE" in r.json()["detail"]


def test_the_editor_page_and_its_assets(server: Server) -> None:
    with server.client() as client:
        page = client.get("/sparql", headers={"Accept": "text/html"})
        assert page.status_code == 200
        assert '<script src="/assets/editor.js"' in page.text
        assert "http://" not in page.text.replace("http://www.w3.org", "")
        js = client.get("/assets/editor.js")
        assert js.status_code == 200 and "textContent" in js.text
        assert "innerHTML" not in js.text and "http" not in js.text.replace("https://w3id.org", "")
        assert client.get("/assets/editor.css").status_code == 200


def test_a_large_construct_is_cut_with_a_note(store: EmbeddedStore,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    import graph.query_graph as query_graph

    monkeypatch.setattr(query_graph, "MAX_TRIPLES", 5)
    picture = query_graph.construct_graph(store, QUERIES["initiatives-graph"].text)
    assert picture.note and picture.note.startswith("Only the first 5 of ")
    with pytest.raises(QueryError, match="draws CONSTRUCT or DESCRIBE answers"):
        query_graph.construct_graph(store, QUERIES["meetings"].text)
