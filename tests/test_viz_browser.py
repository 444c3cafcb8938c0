"""The pyvis page in a real browser: headless Chromium (Debian's), driven by Playwright."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.conftest import REPO, Server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = REPO / "artifacts"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"]


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is needed for the browser tests: apt-get install chromium "
                    "(.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


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
