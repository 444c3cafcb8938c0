"""The HTTP API on a real server: search, cards, related, writes, errors, pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import httpx
import pytest

from tests.conftest import TOKEN, Server, start_server, stop_server

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
        assert r.status_code == 422 and r.headers["content-type"].startswith(PROBLEM)
        assert "direct|event|comention|pagerank" in r.json()["detail"]
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


# -- related, paths, events, timelines ---------------------------------------------


def test_related_reasons_name_methods_paths_and_evidence(server: Server) -> None:
    with server.client() as http:
        items = http.get("/api/entities/official/yerzhan-ashikbayev/related",
                         params={"limit": 50}).json()
        by_id = {i["id"]: i for i in items}
        kz = by_id["state/kz"]
        assert set(kz["scores"]) >= {"direct", "pagerank"} and kz["score"] == items[0]["score"]
        direct = next(r for r in kz["reasons"] if r["method"] == "direct")
        assert direct["evidences"][0]["text"] == direct["evidence"]
        assert direct["path"] == ["official/yerzhan-ashikbayev", "state/kz"]
        cd = by_id["forum/conference-on-disarmament"]["reasons"]
        assert any(r["events"] == ["event/high-level-segment-of-the-conference-on-disarmament-"
                                   "2026"] for r in cd)
        only = http.get("/api/entities/official/yerzhan-ashikbayev/related",
                        params={"method": "comention"}).json()
        assert only and all(r["method"] == "comention" for i in only for r in i["reasons"])
        late = http.get("/api/entities/official/yerzhan-ashikbayev/related",
                        params={"since": "2027"}).json()
        assert late == []  # every fact and article about him is of 2026


def test_paths_between_two_officials(server: Server) -> None:
    with server.client() as http:
        r = http.get("/api/paths", params={"from": "official/yerzhan-ashikbayev",
                                           "to": "official/sergey-lavrov"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["from"] == {"id": "official/yerzhan-ashikbayev",
                                "label": "Yerzhan Ashikbayev", "type": "Official"}
        assert body["to"]["label"] == "Sergey Lavrov"
        path = body["paths"][0]
        assert path["length"] == 3 == len(path["edges"]) == len(path["nodes"]) - 1
        assert path["nodes"][1]["id"] == "state/kz"
        met = path["edges"][-1]
        assert met["predicate"] == "metWith" and met["evidence"] and met["article_title"]
        r = http.get("/api/paths", params={"from": "official/nobody", "to": "state/kz"})
        assert r.status_code == 404 and r.headers["content-type"].startswith(PROBLEM)


def test_events_timeline_and_filters(server: Server) -> None:
    with server.client() as http:
        events = http.get("/api/events", params={"limit": 500}).json()
        dated = [e["date"] for e in events if e["date"]]
        assert dated == sorted(dated) and len(events) >= 10
        hrc = http.get("/api/events", params={"forum": "forum/unhrc"}).json()
        assert {e["id"] for e in hrc} == {
            "event/61st-session-of-the-un-human-rights-council",
            "event/high-level-segment-of-the-61st-session-of-the-un-human-rights-council"}
        segment = next(e for e in hrc if e["kind"] == "Segment")
        assert segment["place"] == {"id": "place/geneva", "label": "Geneva"}
        assert segment["forum"]["id"] == "forum/unhrc"
        assert "official/yerzhan-ashikbayev" in {p["id"] for p in segment["participants"]}
        mine = http.get("/api/events", params={"participant": "official/kassym-jomart-tokayev",
                                               "from": "2025-09", "to": "2025-09-30"}).json()
        assert "event/80th-session-of-the-un-general-assembly" in [e["id"] for e in mine]
        assert all(e["date"].startswith("2025") for e in mine)
        sessions = http.get("/api/events", params={"type": "Session"}).json()
        assert sessions and {e["kind"] for e in sessions} == {"Session"}


def test_entity_timeline_is_sorted_with_evidence(server: Server) -> None:
    with server.client() as http:
        actions = http.get("/api/entities/official/kassym-jomart-tokayev/timeline").json()
    assert [a["date"] for a in actions] == sorted(a["date"] for a in actions)
    unga = next(a for a in actions if a["predicate"] == "participatedIn"
                and a["other"]["id"] == "event/80th-session-of-the-un-general-assembly")
    assert unga["event"] == "event/80th-session-of-the-un-general-assembly"
    assert unga["other"]["type"] == "Event" and unga["evidence"] and unga["article_title"]


# -- pages, ETags, JSON-LD, CORS, problems -------------------------------------------


def walk(http: httpx.Client, url: str, params: dict) -> list[list[dict]]:
    """Every page of a list, following the Link headers."""
    pages = []
    r = http.get(url, params=params)
    while True:
        assert r.status_code == 200, r.text
        pages.append(r.json())
        link = r.headers.get("link")
        if not link:
            assert "x-next-cursor" not in r.headers
            return pages
        assert link.endswith('>; rel="next"') and r.headers["x-next-cursor"] in link
        r = http.get(link[1:link.index(">")])


@pytest.mark.parametrize(("url", "params", "key"), [
    ("/api/events", {}, "id"),
    ("/api/entities", {"q": "ministry"}, "id"),
    ("/api/entities/state/kz/related", {}, "id"),
    ("/api/entities/state/kz/timeline", {}, None),
])
def test_pages_follow_link_headers_without_gaps_or_duplicates(
    server: Server, url: str, params: dict, key: str | None
) -> None:
    with server.client() as http:
        whole = http.get(url, params={**params, "limit": 200}).json()
        pages = walk(http, url, {**params, "limit": 3})
    assert len(pages) > 1 and all(len(p) == 3 for p in pages[:-1])
    joined = [item for p in pages for item in p]
    assert joined == whole[:len(joined)] and len(joined) == len(whole)
    if key:
        assert len({item[key] for item in joined}) == len(joined)


def test_a_bad_cursor_is_a_400_problem(server: Server) -> None:
    with server.client() as http:
        for url, params in (("/api/events", {}), ("/api/entities", {"q": "a"}),
                            ("/api/entities/state/kz/related", {})):
            r = http.get(url, params={**params, "cursor": "bm90LWEtY3Vyc29y"})
            assert r.status_code == 400, (url, r.text)
            assert r.headers["content-type"].startswith(PROBLEM)
            assert "not one this server handed out" in r.json()["detail"]


def test_entity_etag_and_304(server: Server) -> None:
    with server.client() as http:
        r = http.get("/api/entities/state/kz")
        etag = r.headers["etag"]
        assert etag.startswith('"') and r.headers["vary"] == "Accept"
        again = http.get("/api/entities/state/kz", headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
        stale = http.get("/api/entities/state/kz", headers={"If-None-Match": '"old"'})
        assert stale.status_code == 200 and stale.json()["id"] == "state/kz"
        other = http.get("/api/entities/state/ru")
        assert other.headers["etag"] != etag
        ld = http.get("/api/entities/state/kz", headers={"Accept": "application/ld+json"})
        assert ld.headers["etag"] != etag  # another representation, another tag


def test_entity_as_json_ld(server: Server) -> None:
    with server.client() as http:
        r = http.get("/api/entities/state/kz", headers={"Accept": "application/ld+json"})
        assert r.headers["content-type"].startswith("application/ld+json")
        doc = r.json()
        assert doc["@context"]["schema"] == "https://schema.org/"
        assert doc["@id"] == "https://w3id.org/dkg/id/state/kz"
        assert "schema:Country" in doc["@type"]
        assert doc["name"]["kk"] == "Қазақстан" and doc["name"]["en"] == "Kazakhstan"
        assert doc["sameAs"] == "http://www.wikidata.org/entity/Q232"
        plain = http.get("/api/entities/state/kz",
                         headers={"Accept": "application/json, application/ld+json;q=0.5"})
        assert plain.headers["content-type"].startswith("application/json")


@pytest.fixture(scope="module")
def cors_server(sample_store_dir: Path, tmp_path_factory: pytest.TempPathFactory):
    copy = tmp_path_factory.mktemp("cors") / "store"
    shutil.copytree(sample_store_dir, copy)
    srv = start_server(copy, {"DKG_CORS_ORIGINS": '["https://explorer.example"]'})
    yield srv
    stop_server(srv)


def test_cors_allows_only_the_configured_origins(cors_server: Server) -> None:
    with cors_server.client() as http:
        ok = http.get("/api/events", params={"limit": 2},
                      headers={"Origin": "https://explorer.example"})
        assert ok.headers["access-control-allow-origin"] == "https://explorer.example"
        exposed = ok.headers["access-control-expose-headers"]
        assert "Link" in exposed and "ETag" in exposed
        other = http.get("/api/events", headers={"Origin": "https://elsewhere.example"})
        assert "access-control-allow-origin" not in other.headers
        pre = http.options("/api/entities/state/kz", headers={
            "Origin": "https://explorer.example", "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "If-None-Match"})
        assert pre.status_code == 200
        assert pre.headers["access-control-allow-origin"] == "https://explorer.example"


BAD = {"integer": "-7", "string": "\u00a7\u00a7 no such thing \u00a7\u00a7"}


def test_every_api_route_answers_bad_input_with_a_problem(server: Server) -> None:
    """Walk the OpenAPI document: every GET route under /api and /sparql, given bad
    input, answers 4xx application/problem+json with a detail."""
    with server.client() as http:
        spec = http.get("/openapi.json").json()
        checked = 0
        for path, operations in spec["paths"].items():
            if "get" not in operations or not path.startswith(("/api/", "/sparql")):
                continue
            params = operations["get"].get("parameters", [])
            url = path
            for p in params:
                if p["in"] == "path":
                    url = url.replace("{" + p["name"] + "}", "no-such-" + p["name"])
            if not params:
                continue  # nothing to get wrong
            query = {}
            for p in params:
                if p["in"] == "query":
                    schema = p.get("schema", {})
                    kinds = {s.get("type") for s in schema.get("anyOf", [schema])}
                    query[p["name"]] = BAD["integer"] if "integer" in kinds else BAD["string"]
            r = http.get(url, params=query)
            assert 400 <= r.status_code < 500, (path, r.status_code, r.text[:200])
            assert r.headers["content-type"].startswith(PROBLEM), (path, r.headers)
            problem = r.json()
            assert problem["status"] == r.status_code and problem["detail"], path
            checked += 1
        r = http.get("/api/no-such-route")
        assert r.status_code == 404 and r.headers["content-type"].startswith(PROBLEM)
        r = http.put("/api/events")
        assert r.status_code == 405 and r.headers["content-type"].startswith(PROBLEM)
    assert checked >= 8


def test_openapi_documents_the_new_routes_with_examples(server: Server) -> None:
    with server.client() as http:
        spec = http.get("/openapi.json").json()
    for route in ("/api/entities/{kind}/{slug}/timeline", "/api/events", "/api/paths"):
        op = spec["paths"][route]["get"]
        assert op["summary"] and op["description"]
        assert all(p.get("examples") or p["schema"].get("examples") or p["in"] == "path"
                   for p in op["parameters"]), route
        assert "example" in op["responses"]["200"]["content"]["application/json"]
        for code in ("404", "422"):
            if code in op["responses"]:
                assert PROBLEM in op["responses"][code]["content"]
    card = spec["paths"]["/api/entities/{kind}/{slug}"]["get"]["responses"]
    assert "application/ld+json" in card["200"]["content"] and "304" in card
    assert "ETag" in card["200"]["headers"]
