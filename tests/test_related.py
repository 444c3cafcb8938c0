"""Related entities, paths, timelines and forgiving search, on the sample articles and on a
small crafted store whose answers are known exactly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.entities import search_entities
from graph.paths import connecting_paths
from graph.projection import projection
from graph.related import related_entities
from graph.timeline import entity_timeline, events_timeline

ASHIKBAYEV = "official/yerzhan-ashikbayev"

CRAFTED = """
@prefix dkg: <https://w3id.org/dkg/ontology#> .
@prefix id: <https://w3id.org/dkg/id/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix schema: <https://schema.org/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

id:article/one {
  id:article/one a dkg:Article ; schema:headline "One"@en ;
      schema:datePublished "2024-05-01"^^xsd:date ;
      dkg:mentions id:official/anna, id:official/boris, id:event/s1 .
  id:official/anna a dkg:Official ; skos:prefLabel "Anna Alieva"@en ;
      skos:altLabel "Анна Алиева"@ru .
  id:official/boris a dkg:Official ; skos:prefLabel "Boris Berikov"@en .
  id:event/s1 a dkg:Session ; skos:prefLabel "First session"@en ; dkg:date "2024-05-01"^^xsd:date ;
      dkg:partOf id:forum/f ; dkg:heldIn id:place/p .
  id:forum/f a dkg:Forum ; skos:prefLabel "The Forum"@en .
  id:place/p a dkg:Place ; skos:prefLabel "Parkton"@en .
  id:official/anna dkg:participatedIn id:event/s1 .
  id:official/boris dkg:participatedIn id:event/s1 .
  id:fact/1 a dkg:Action ; dkg:actor id:official/anna ; dkg:asserts dkg:participatedIn ;
      dkg:target id:event/s1 ; dkg:evidence "Anna spoke at the first session."@en ;
      dkg:confidence 0.9 ; dkg:date "2024-05-01"^^xsd:date ; prov:wasDerivedFrom id:article/one .
  id:fact/2 a dkg:Action ; dkg:actor id:official/boris ; dkg:asserts dkg:participatedIn ;
      dkg:target id:event/s1 ; dkg:evidence "Boris was there too."@en ;
      dkg:confidence 0.8 ; dkg:date "2024-05-01"^^xsd:date ; prov:wasDerivedFrom id:article/one .
}
id:article/two {
  id:article/two a dkg:Article ; schema:headline "Two"@en ;
      schema:datePublished "2025-03-03"^^xsd:date ;
      dkg:mentions id:official/anna, id:official/cyril, id:state/x .
  id:official/cyril a dkg:Official ; skos:prefLabel "Cyril Chen"@en .
  id:state/x a dkg:State ; skos:prefLabel "Xland"@en .
  id:event/s2 a dkg:Summit ; skos:prefLabel "Second summit"@en ;
      dkg:date "2025-03"^^xsd:gYearMonth ;
      dkg:heldIn id:place/p .
  id:official/anna dkg:represents id:state/x .
  id:official/cyril dkg:represents id:state/x .
  id:official/cyril dkg:participatedIn id:event/s2 .
  id:fact/3 a dkg:Action ; dkg:actor id:official/anna ; dkg:asserts dkg:represents ;
      dkg:target id:state/x ; dkg:evidence "Anna, the envoy of Xland, said."@en ;
      dkg:confidence 0.95 ; dkg:date "2023-01-10"^^xsd:date ; prov:wasDerivedFrom id:article/two .
  id:fact/4 a dkg:Action ; dkg:actor id:official/cyril ; dkg:asserts dkg:represents ;
      dkg:target id:state/x ; dkg:evidence "Cyril represented Xland."@en ;
      dkg:confidence 0.9 ; dkg:date "2025-03-03"^^xsd:date ; prov:wasDerivedFrom id:article/two .
}
"""


@pytest.fixture
def crafted(store):
    trig = re.sub(r"(?<![\w])id:([\w/-]+)", r"<https://w3id.org/dkg/id/\1>", CRAFTED)
    store.load(trig.encode(), "trig", None)
    return store


@pytest.fixture(scope="module")
def sample(sample_store_dir: Path):
    from graph.store import EmbeddedStore

    st = EmbeddedStore(sample_store_dir, read_only=True)
    yield st
    st.close()


def by_id(items):
    return {item.id: item for item in items}


# -- each method on the crafted store --------------------------------------------


def test_direct_relations_carry_their_evidence(crafted) -> None:
    items = by_id(related_entities(crafted, "official/anna", methods=("direct",)))
    assert set(items) == {"event/s1", "state/x"}
    reason = items["state/x"].reasons[0]
    assert reason.method == "direct" and reason.count == 1
    assert reason.evidence == "Anna, the envoy of Xland, said."
    assert reason.article == "https://w3id.org/dkg/id/article/two"
    assert reason.evidences[0].article_title == "Two"
    assert reason.path == ["official/anna", "state/x"]
    assert items["state/x"].score > items["event/s1"].score  # represents weighs more


def test_shared_events_and_the_forums_above_them(crafted) -> None:
    items = by_id(related_entities(crafted, "official/anna", methods=("event",)))
    assert set(items) == {"official/boris", "forum/f", "place/p"}
    boris = items["official/boris"].reasons[0]
    assert boris.text == "both took part in First session"
    assert boris.events == ["event/s1"] and boris.via == "event/s1"
    assert boris.evidence == "Boris was there too."
    assert items["forum/f"].reasons[0].text == "took part in First session, part of it"
    # and the reverse: from the forum, who took part in its events
    reverse = by_id(related_entities(crafted, "forum/f", methods=("event",)))
    assert set(reverse) == {"official/anna", "official/boris"}


def test_comention_counts_shared_articles(crafted) -> None:
    items = by_id(related_entities(crafted, "official/anna", methods=("comention",)))
    assert set(items) == {"official/boris", "event/s1", "official/cyril", "state/x"}
    reason = items["official/cyril"].reasons[0]
    assert reason.count == 1 and reason.text == "mentioned together in 1 article"
    assert reason.articles == ["https://w3id.org/dkg/id/article/two"]


def test_pagerank_reaches_two_hops_with_the_path(crafted) -> None:
    items = related_entities(crafted, "official/anna", methods=("pagerank",), limit=None)
    found = by_id(items)
    assert "official/cyril" in found and "official/cyril" not in by_id(
        related_entities(crafted, "official/anna", methods=("direct", "event")))
    reason = found["official/cyril"].reasons[0]
    assert reason.path == ["official/anna", "state/x", "official/cyril"]
    assert "Anna Alieva → Xland → Cyril Chen" in reason.text
    assert items[0].id in ("state/x", "event/s1")  # neighbours outrank the second ring


def test_since_and_until_filter_by_fact_and_event_dates(crafted) -> None:
    late = by_id(related_entities(crafted, "official/anna", since="2025"))
    assert "event/s1" not in late  # its fact, its event and its article are of 2024
    assert "state/x" in late and all(r.method != "direct" for r in late["state/x"].reasons)
    early = by_id(related_entities(crafted, "official/anna", methods=("direct",), until="2023"))
    assert set(early) == {"state/x"}


def test_types_limit_and_unknown_entities(crafted) -> None:
    items = related_entities(crafted, "official/anna", types={"Official"})
    assert {i.type for i in items} == {"Official"}
    assert len(related_entities(crafted, "official/anna", limit=1)) == 1
    from graph.errors import DkgError, NotFoundError

    with pytest.raises(NotFoundError, match="no entity 'official/nobody'"):
        related_entities(crafted, "official/nobody")
    with pytest.raises(DkgError, match="unknown method 'telepathy'"):
        related_entities(crafted, "official/anna", methods=("telepathy",))


def test_projection_is_cached_until_the_store_changes(crafted) -> None:
    first = projection(crafted)
    assert projection(crafted) is first
    assert len(related_entities(crafted, "official/boris", methods=("direct",))) == 1
    crafted.load(b"<https://w3id.org/dkg/id/official/boris> <https://w3id.org/dkg/ontology#"
                 b"represents> <https://w3id.org/dkg/id/state/x> .",
                 "ntriples", "https://w3id.org/dkg/id/article/three")
    second = projection(crafted)
    assert second is not first
    assert "state/x" in by_id(related_entities(crafted, "official/boris", methods=("direct",)))


# -- paths, timelines, events ------------------------------------------------------


def test_paths_have_evidence_on_every_edge(crafted) -> None:
    found = connecting_paths(crafted, "official/anna", "official/cyril")
    assert found.source.label == "Anna Alieva" and found.target.id == "official/cyril"
    assert [[n.id for n in p.nodes] for p in found.paths] == [
        ["official/anna", "state/x", "official/cyril"]]
    edges = found.paths[0].edges
    assert [(e.source, e.predicate, e.target) for e in edges] == [
        ("official/anna", "represents", "state/x"), ("official/cyril", "represents", "state/x")]
    assert [e.evidence for e in edges] == ["Anna, the envoy of Xland, said.",
                                           "Cyril represented Xland."]
    assert edges[0].article_title == "Two"
    assert connecting_paths(crafted, "official/anna", "official/cyril", max_length=1).paths == []
    two = connecting_paths(crafted, "official/boris", "place/p").paths
    assert [[n.id for n in p.nodes] for p in two] == [["official/boris", "event/s1", "place/p"]]
    assert two[0].edges[1].evidence is None and two[0].edges[1].predicate == "heldIn"


def test_entity_timeline_is_in_date_order(crafted) -> None:
    actions = entity_timeline(crafted, "official/anna")
    assert [(a.date, a.predicate, a.other.id) for a in actions] == [
        ("2023-01-10", "represents", "state/x"), ("2024-05-01", "participatedIn", "event/s1")]
    assert actions[1].event == "event/s1" and actions[1].article_title == "One"
    assert entity_timeline(crafted, "official/anna", since="2024")[0].other.id == "event/s1"


def test_events_timeline_filters(crafted) -> None:
    events = events_timeline(crafted)
    assert [e.id for e in events] == ["event/s1", "event/s2"]
    s1 = events[0]
    assert (s1.kind, s1.date, s1.place.id, s1.forum.id) == ("Session", "2024-05-01", "place/p",
                                                            "forum/f")
    assert [p.id for p in s1.participants] == ["official/anna", "official/boris"]
    assert [e.id for e in events_timeline(crafted, forum="forum/f")] == ["event/s1"]
    assert [e.id for e in events_timeline(crafted, participant="official/cyril")] == ["event/s2"]
    assert [e.id for e in events_timeline(crafted, since="2025-01")] == ["event/s2"]
    assert [e.id for e in events_timeline(crafted, until="2024")] == ["event/s1"]
    assert [e.id for e in events_timeline(crafted, kind="Summit")] == ["event/s2"]


# -- the sample articles -----------------------------------------------------------


def test_sample_related_to_ashikbayev(sample) -> None:
    items = by_id(related_entities(sample, ASHIKBAYEV, limit=50))
    kz = items["state/kz"]
    assert {r.method for r in kz.reasons} >= {"direct", "pagerank", "comention"}
    direct = next(r for r in kz.reasons if r.method == "direct" and r.evidence)
    assert "Ашықбаев" in direct.evidence
    cd = next(r for r in items["forum/conference-on-disarmament"].reasons if r.method == "event")
    assert cd.events == ["event/high-level-segment-of-the-conference-on-disarmament-2026"]
    session = items["event/61st-session-of-the-un-human-rights-council"]
    assert any(r.method == "event" and "part of it" in r.text for r in session.reasons)
    tokayev = next(r for r in items["official/kassym-jomart-tokayev"].reasons
                   if r.method == "pagerank")
    assert tokayev.path[0] == ASHIKBAYEV and tokayev.path[-1] == "official/kassym-jomart-tokayev"
    assert list(items)[0] == "state/kz"


def test_sample_path_from_ashikbayev_to_lavrov(sample) -> None:
    found = connecting_paths(sample, ASHIKBAYEV, "official/sergey-lavrov", max_length=4)
    assert found.paths and all(p.length == 3 for p in found.paths)
    assert all(e.evidence for p in found.paths for e in p.edges)


@pytest.mark.parametrize(("q", "expected"), [
    ("Ашикбаев", ASHIKBAYEV), ("Ashikbayev", ASHIKBAYEV), ("Ашықбаевтың", ASHIKBAYEV),
    ("Ashikbayef", ASHIKBAYEV),  # a typo
    ("ООН", "organization/un"), ("БҰҰ", "organization/un"), ("Казахстана", "state/kz"),
    ("Қазақстанның", "state/kz"), ("Tokaev", "official/kassym-jomart-tokayev"),
    ("Тоқаевтың", "official/kassym-jomart-tokayev"), ("Guteres", "official/antonio-guterres"),
    ("Женеве", "place/geneva"), ("Женевада", "place/geneva"),
])
def test_forgiving_search(sample, q: str, expected: str) -> None:
    hits = search_entities(sample, q, limit=5)
    assert hits and hits[0].id == expected, [(h.id, h.score, h.matched) for h in hits]


def test_search_ranks_exact_before_prefix_before_typo(sample) -> None:
    exact = search_entities(sample, "Geneva")[0]
    prefix = search_entities(sample, "Genev")[0]
    typo = search_entities(sample, "Gneva")[0]
    assert exact.id == prefix.id == typo.id == "place/geneva"
    assert exact.score > prefix.score > typo.score
