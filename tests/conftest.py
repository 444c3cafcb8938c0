"""Shared fixtures: real on-disk stores, a real server on loopback."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SEED = REPO / "data" / "articles" / "kk-unhrc61-cd-2026.txt"
SEED_GOLD = SHARED / "corpus" / "dev" / "kk-seed-unhrc61-cd-2026.json"
TOKEN = "test-token-5f1c"
ARTIFACTS = REPO / "artifacts"  # screenshots; git-ignored, kept by CI as artefacts
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync",
                 "--disable-quic"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def store(tmp_path: Path):
    from graph.store import EmbeddedStore

    st = EmbeddedStore(tmp_path / "store")
    yield st
    st.close()


@pytest.fixture(scope="session")
def gazetteer():
    from graph.gazetteer import load_gazetteer

    return load_gazetteer()


@pytest.fixture(scope="session")
def sample_store_dir(tmp_path_factory: pytest.TempPathFactory, gazetteer) -> Path:
    """A store with every sample article of data/articles ingested (read-only use)."""
    from graph.pipeline import ingest_paths
    from graph.store import EmbeddedStore

    path = tmp_path_factory.mktemp("samples") / "store"
    st = EmbeddedStore(path)
    report = ingest_paths(st, [str(REPO / "data" / "articles")], gazetteer=gazetteer)
    assert not report.errors, report.errors
    assert report.articles >= 3
    st.close()
    return path


class Server:
    def __init__(self, url: str, process: subprocess.Popen, store: Path,
                 log: Path | None = None) -> None:
        self.url = url
        self.process = process
        self.store = store
        self.log = log

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=60, **kwargs)


def start_server(store: Path, env: dict[str, str] | None = None) -> Server:
    port = free_port()
    environment = {**os.environ, **(env or {})}
    # the server's log goes to a file: a pipe nobody reads fills up and freezes the server
    log = Path(tempfile.mkstemp(prefix=f"dkg-serve-{port}-", suffix=".log")[1])
    with log.open("wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "api.cli", "serve", "--store", str(store), "--port", str(port)],
            cwd=REPO, env=environment, stdout=sink, stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = log.read_text("utf-8", errors="replace")
            raise RuntimeError(f"dkg serve exited with {process.returncode}:\n{output}")
        try:
            if httpx.get(url + "/openapi.json", timeout=1).status_code == 200:
                return Server(url, process, store, log)
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("dkg serve did not answer within 60 s")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(10)
    except subprocess.TimeoutExpired:
        server.process.kill()


@pytest.fixture(scope="session")
def server(sample_store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """`dkg serve` on loopback over a copy of the sample store, with a write token."""
    copy = tmp_path_factory.mktemp("served") / "store"
    shutil.copytree(sample_store_dir, copy)
    srv = start_server(copy, {"DKG_API_TOKEN": TOKEN})
    yield srv
    stop_server(srv)


@pytest.fixture(scope="session")
def browser():
    """Headless Chromium (Debian's), driven by Playwright; a missing browser fails the
    tests that need it rather than skipping them."""
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is needed for the browser tests: apt-get install chromium "
                    "(.ci/run installs it)")
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
