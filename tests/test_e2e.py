"""The whole path: seed article -> store -> SPARQL -> related API -> pyvis page."""

from __future__ import annotations

import re

from tests.conftest import SEED, Server

ASHIKBAYEV = "official/yerzhan-ashikbayev"

SESSION_QUERY = """
SELECT DISTINCT ?event ?label WHERE {
  ?official skos:prefLabel "Yerzhan Ashikbayev"@en ;
            dkg:participatedIn/dkg:partOf* ?event .
  ?event a dkg:Session ; dkg:partOf ?forum ; skos:prefLabel ?label .
  ?forum skos:prefLabel "United Nations Human Rights Council"@en .
  FILTER(LANG(?label) = "en")
}"""


def test_seed_end_to_end(server: Server) -> None:
    assert SEED.is_file()
    with server.client() as http:
        # SPARQL: Ashikbayev took part in (a segment of) the HRC 61st session
        r = http.get("/sparql", params={"query": "PREFIX skos: <http://www.w3.org/2004/02/"
                                        "skos/core#>\nPREFIX dkg: <https://w3id.org/dkg/"
                                        "ontology#>\n" + SESSION_QUERY},
                     headers={"Accept": "application/sparql-results+json"})
        assert r.status_code == 200, r.text
        rows = r.json()["results"]["bindings"]
        assert [row["label"]["value"] for row in rows] == \
            ["61st session of the UN Human Rights Council"]
        session = rows[0]["event"]["value"].removeprefix("https://w3id.org/dkg/id/")

        # related: Kazakhstan, that session and the Conference on Disarmament
        r = http.get(f"/api/entities/{ASHIKBAYEV}/related", params={"limit": 50})
        assert r.status_code == 200, r.text
        related = {item["id"]: item for item in r.json()}
        for expected in ("state/kz", session, "forum/conference-on-disarmament"):
            assert expected in related, sorted(related)
            assert related[expected]["reasons"], expected
        assert any(reason["method"] == "direct" and reason["evidence"]
                   for reason in related["state/kz"]["reasons"])

        # the picture: those nodes, and nothing loaded from another host
        r = http.get(f"/viz/entity/{ASHIKBAYEV}", params={"depth": 2})
        assert r.status_code == 200
        page = r.text
        for expected in ("state/kz", session, "forum/conference-on-disarmament", ASHIKBAYEV):
            assert f'"id": "{expected}"' in page or f'"id":"{expected}"' in page, expected
        assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
        assert "https://" not in page and "http://" not in page
