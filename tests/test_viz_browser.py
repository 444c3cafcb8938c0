"""The pyvis page in a real browser: headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

from urllib.parse import urlparse

from tests.conftest import ARTIFACTS, Server


def test_ego_graph_draws_offline_in_chromium(server: Server, browser) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    hosts: set[str] = set()
    errors: list[str] = []
    dialogs: list[str] = []
    page.on("request", lambda r: hosts.add(urlparse(r.url).netloc))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server.url + "/viz/entity/official/yerzhan-ashikbayev?depth=2")
    page.wait_for_function("window.dkgNetwork !== undefined", timeout=20_000)
    ids = page.evaluate("window.dkgNetwork.body.data.nodes.getIds()")
    assert {"official/yerzhan-ashikbayev", "state/kz",
            "forum/conference-on-disarmament"} <= set(ids)
    positions = page.evaluate("window.dkgNetwork.getPositions(['state/kz'])")
    assert "state/kz" in positions
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "viz-ashikbayev.png"))
    assert hosts == {urlparse(server.url).netloc}
    assert errors == [] and dialogs == []
    page.close()
