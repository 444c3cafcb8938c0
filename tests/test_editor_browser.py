"""The SPARQL editor in a real headless Chromium: a saved query by click, its table, its
CSV download, a CONSTRUCT drawn as a graph, and no request to any other host."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from urllib.parse import urlsplit

from tests.conftest import ARTIFACTS, Server


def test_saved_query_by_click_table_csv_graph_and_nothing_from_other_hosts(
    server: Server, browser, tmp_path: Path
) -> None:
    own = urlsplit(server.url).netloc
    requests: list[str] = []
    errors: list[str] = []
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))

    page.goto(server.url + "/sparql")
    button = page.locator('button.saved-query[data-name="initiatives-proposed-by-state"]')
    button.wait_for()
    assert page.locator("button.saved-query").count() >= 20
    # the highlighter colours the default query
    assert page.locator("#highlight .tok-kw").first.text_content() == "SELECT"

    button.click()
    page.wait_for_selector("#results tbody tr")
    assert page.locator("#status").text_content().endswith(" ms")
    assert page.locator("#param-state").input_value() == "state:kz"
    assert page.locator("#saved-title").text_content() == (
        "Initiatives a state proposed, and who supported them since")
    headers = page.locator("#results th").all_text_contents()
    assert headers[:3] == ["state", "since", "initiative"]
    link = page.locator('#results a[href="/entity/initiative/international-water-organization"]')
    assert link.count() == 1
    assert link.text_content() == "initiative/international-water-organization"
    rows = page.locator("#results tbody tr").count()
    with server.client() as client:  # the table shows every row of the answer
        answer = client.get("/api/queries/initiatives-proposed-by-state").json()
    assert rows == len(answer["results"]["bindings"]) >= 5
    # the code box shows the saved query, highlighted
    assert page.locator("#highlight .tok-var", has_text="?initiative").count() > 0
    assert page.locator("#highlight .tok-pname", has_text="dkg:proposed").count() > 0

    with page.expect_download() as info:
        page.locator("#csv").click()
    download = info.value
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    assert download.suggested_filename == "initiatives-proposed-by-state.csv"
    table = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"))))
    assert len(table) == rows
    iwo = next(t for t in table if t["initiative"].endswith("/international-water-organization"))
    assert iwo["articles"] == "2" and iwo["first_reported"] == "2025-09-23"

    # change a parameter: a state with no initiatives gives no rows
    page.locator("#param-state").fill("state:fr")
    page.locator("#run").click()
    page.wait_for_function("document.getElementById('status').textContent.startsWith('0 rows')")

    ARTIFACTS.mkdir(exist_ok=True)
    page.locator('button.saved-query[data-name="most-mentioned"]').click()
    page.wait_for_function(
        "document.querySelectorAll('#results tbody tr').length > 10")
    page.screenshot(path=str(ARTIFACTS / "editor.png"), full_page=True)

    # a CONSTRUCT is drawn as a graph in the frame
    page.locator('button.saved-query[data-name="initiatives-graph"]').click()
    frame = page.frame_locator("#graph-frame")
    frame.locator("#dkg-network canvas").wait_for(timeout=30_000)
    page.wait_for_selector("details summary")
    assert "Turtle" in page.locator("details summary").text_content()
    assert page.locator("#csv").text_content() == "Download Turtle"
    with page.expect_download() as info:
        page.locator("#csv").click()
    assert info.value.suggested_filename == "initiatives-graph.ttl"
    assert "/id/initiative/international-water-organization>" in Path(info.value.path()).read_text()
    page.screenshot(path=str(ARTIFACTS / "editor-graph.png"), full_page=False)

    # a free query, typed, with a value that would be markup if inserted as HTML
    page.locator("#query").fill('SELECT ?x WHERE { BIND("<b id=\\"pwned\\">x</b>" AS ?x) }')
    page.locator("#run").click()
    page.wait_for_selector("#results tbody tr")
    assert page.locator("#results td").first.text_content() == '<b id="pwned">x</b>'
    assert page.locator("#pwned").count() == 0

    context.close()
    assert not errors, errors
    web = [u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")]
    foreign = [u for u in web if urlsplit(u).netloc != own]
    assert not foreign, foreign
    assert any("/api/queries/initiatives-proposed-by-state" in u for u in requests)
