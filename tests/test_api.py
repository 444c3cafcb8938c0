"""The HTTP API on a real server: search, cards, related, writes, errors, pages."""

from __future__ import annotations

import pytest

from tests.conftest import TOKEN, Server

PROBLEM = "application/problem+json"


@pytest.mark.parametrize(("q", "expected"), [
    ("Ашықбаев", "official/yerzhan-ashikbayev"),
    ("Казахстан", "state/kz"),
    ("Geneva", "place/geneva"),
    ("БҰҰ", "organization/un"),
    ("conference on disarmament", "forum/conference-on-disarmament"),
])
def test_search_by_any_label_in_any_language(server: Server, q: str, expected: str) -> None:
    with server.client() as http:
        r = http.get("/api/entities", params={"q": q})
    assert r.status_code == 200
    ids = [hit["id"] for hit in r.json()]
    assert expected in ids[:3], ids


def test_search_filters_by_type(server: Server) -> None:
    with server.client() as http:
        hits = http.get("/api/entities", params={"q": "a", "type": "State", "limit": 200}).json()
    assert hits and {h["type"] for h in hits} == {"State"}


def test_entity_card(server: Server) -> None:
    with server.client() as http:
        card = http.get("/api/entities/state/kz").json()
    assert card["label"] == "Kazakhstan"
    assert card["type"] == "State"
    assert card["wikidata"] == "Q232"
    assert "Қазақстан" in card["labels"]["kk"] and "Казахстан" in card["labels"]["ru"]
    supported = {f["other"] for f in card["facts"] if f["predicate"] == "supports"}
    assert "treaty/bwc" in supported
    fact = next(f for f in card["facts"] if f["other"] == "treaty/bwc")
    assert "Биологиялық қаруға тыйым салу туралы конвенцияны" in fact["evidence"]
    assert fact["article"].startswith("https://w3id.org/dkg/id/article/")
    assert any(a["lang"] == "kk" for a in card["articles"])


def test_unknown_entity_is_a_404_problem(server: Server) -> None:
    with server.client() as http:
        r = http.get("/api/entities/official/nobody-at-all")
        assert r.status_code == 404
        assert r.headers["content-type"].startswith(PROBLEM)
        assert "search for it with /api/entities?q=NAME" in r.json()["detail"]
        r = http.get("/api/entities/official/nobody-at-all/related")
        assert r.status_code == 404 and r.json()["status"] == 404
        r = http.get("/viz/entity/official/nobody-at-all")
        assert r.status_code == 404


def test_related_filters_and_rejects_unknown_methods(server: Server) -> None:
    with server.client() as http:
        items = http.get("/api/entities/official/yerzhan-ashikbayev/related",
                         params={"types": "State"}).json()
        assert [i["id"] for i in items] == ["state/kz"]
        r = http.get("/api/entities/state/kz/related", params={"method": "telepathy"})
        assert r.status_code == 400 and "unknown method 'telepathy'" in r.json()["detail"]
        r = http.get("/api/entities/state/kz/related", params={"limit": 0})
        assert r.status_code == 422 and r.headers["content-type"].startswith(PROBLEM)


def test_writes_need_the_token(server: Server) -> None:
    article = {
        "text": "Astana, 3 March 2026. The Minister of Foreign Affairs of Kazakhstan met the "
                "Secretary-General of the OSCE in Vienna.",
        "title": "Test article", "date": "2026-03-03", "lang": "en",
        "url": "https://example.org/test-write",
    }
    with server.client() as http:
        r = http.post("/api/articles", json=article)
        assert r.status_code == 401 and r.headers["content-type"].startswith(PROBLEM)
        r = http.post("/api/articles", json=article,
                      headers={"Authorization": "Bearer wrong"})
        assert r.status_code == 401
        r = http.post("/api/articles", json=article,
                      headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201, r.text
        created = r.json()
        assert created["entities"] >= 2 and created["triples"] > 10
        titles = [a["title"] for a in http.get("/api/articles").json()]
        assert "Test article" in titles
        r = http.delete(f"/api/articles/{created['id']}")
        assert r.status_code == 401
        r = http.delete(f"/api/articles/{created['id']}",
                        headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 204
        titles = [a["title"] for a in http.get("/api/articles").json()]
        assert "Test article" not in titles
        r = http.delete(f"/api/articles/{created['id']}",
                        headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 404


def test_home_page_escapes_the_query_and_lists_articles(server: Server) -> None:
    payload = "<img src=x onerror=alert(1)>"
    with server.client() as http:
        page = http.get("/", params={"q": payload}).text
        assert payload not in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
        home = http.get("/").text
        assert "Қазақстан БҰҰ алаңдарында" in home
        for link in ("/sparql", "/docs", "/api/entities?q="):
            assert link in home
        results = http.get("/", params={"q": "Женева"}).text
        assert "/entity/place/geneva" in results


def test_entity_page_shows_facts_with_evidence(server: Server) -> None:
    with server.client() as http:
        page = http.get("/entity/official/yerzhan-ashikbayev").text
    assert "Yerzhan Ashikbayev" in page
    assert "Ержан Ашықбаев" in page
    assert "participatedIn" in page and "evidence" in page


def test_openapi_documents_every_api_route(server: Server) -> None:
    with server.client() as http:
        spec = http.get("/openapi.json").json()
        assert http.get("/docs").status_code == 200
    paths = set(spec["paths"])
    for route in ("/sparql", "/api/entities", "/api/entities/{kind}/{slug}",
                  "/api/entities/{kind}/{slug}/related", "/api/articles",
                  "/api/articles/{article_id}"):
        assert route in paths
