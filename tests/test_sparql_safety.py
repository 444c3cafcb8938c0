"""/sparql stays safe under any query: a time limit that really stops the work, a result
cap, SERVICE only to allow-listed endpoints, readers that block neither each other nor
a writer, and no worker process left behind."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import TOKEN, Server, free_port, start_server, stop_server

EXPLOSIVE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TRIPLES = 3000
CAP = 1000
JSON = {"Accept": "application/sparql-results+json"}
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def safe_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A server with a 2 s query limit and a 1000-row cap over 3000 triples; SERVICE may
    call only its own /sparql."""
    from graph.store import EmbeddedStore

    path = tmp_path_factory.mktemp("safety") / "store"
    st = EmbeddedStore(path)
    data = "".join(f"<urn:s{i}> <urn:p{i % 7}> {i} .\n" for i in range(TRIPLES)).encode()
    st.load(data, "turtle", "urn:graph:many")
    st.close()
    port = free_port()  # the allow-list names the server's own endpoint
    own = f"http://127.0.0.1:{port}/sparql"
    srv = _start_on(path, port, {
        "DKG_QUERY_TIMEOUT": "2", "DKG_MAX_RESULTS": str(CAP), "DKG_API_TOKEN": TOKEN,
        "DKG_SERVICE_ALLOW": json.dumps([own]),
    })
    yield srv
    stop_server(srv)


def _start_on(path: Path, port: int, env: dict[str, str]) -> Server:
    import tests.conftest as conftest

    original = conftest.free_port
    conftest.free_port = lambda: port  # start_server picks its port with free_port()
    try:
        return start_server(path, env)
    finally:
        conftest.free_port = original


# -- the process tree, from /proc --------------------------------------------------


def children(pid: int) -> set[int]:
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            text = (task / "children").read_text().split()
        except FileNotFoundError:
            continue  # a thread that ended between the listing and the read
        out.update(int(c) for c in text)
    return out


def is_query_worker(pid: int) -> bool:
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except FileNotFoundError:
        return False
    return b"spawn_main" in cmd


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def cpu_seconds(pid: int) -> float:
    """CPU time of a process and its live children, in seconds."""
    total = 0.0
    for p in {pid} | children(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def workers(server: Server) -> set[int]:
    return {p for p in children(server.process.pid) if is_query_worker(p)}


def age(pid: int) -> float:
    """Seconds since a process started."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")


def wait_for_workers(server: Server, n: int = 2, within: float = 30) -> set[int]:
    """The server's query workers, once ``n`` of them have had 3 s to boot."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        found = {p for p in workers(server) if alive(p)}
        if len(found) >= n and all(age(p) >= 3 for p in found):
            return found
        time.sleep(0.1)
    raise AssertionError(f"expected {n} query workers, found {workers(server)}")


# -- the tests ---------------------------------------------------------------------


def test_explosive_query_is_stopped_while_others_are_served(safe_server: Server) -> None:
    before = wait_for_workers(safe_server)
    outcome: dict[str, object] = {}

    def explode() -> None:
        started = time.monotonic()
        with safe_server.client() as http:
            outcome["response"] = http.get("/sparql", params={"query": EXPLOSIVE}, headers=JSON)
        outcome["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=explode)
    thread.start()
    time.sleep(0.5)
    # meanwhile, other queries are answered at once and correctly
    with safe_server.client() as http:
        for _ in range(3):
            started = time.monotonic()
            r = http.get("/sparql", headers=JSON, params={
                "query": "SELECT ?o WHERE { <urn:s42> ?p ?o }"})
            assert time.monotonic() - started < 1.0
            assert r.json()["results"]["bindings"][0]["o"]["value"] == "42"
            r = http.get("/api/entities", params={"q": "x"})  # the library's own routes too
            assert r.status_code < 500
    thread.join(30)
    response = outcome["response"]
    assert isinstance(response, httpx.Response)
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["type"].endswith("/query-timeout")
    assert body["detail"] == (
        "the query ran longer than the limit of 2 s (setting DKG_QUERY_TIMEOUT); "
        "narrow it with LIMIT or more specific patterns")
    assert 2.0 <= outcome["seconds"] < 4.0  # type: ignore[operator]
    # the worker that ran it is gone (SIGKILL), and the CPU work stopped with it
    killed = before - workers(safe_server)
    assert killed and not any(alive(p) for p in killed)
    time.sleep(0.5)
    used_before = cpu_seconds(safe_server.process.pid)
    time.sleep(1.5)
    assert cpu_seconds(safe_server.process.pid) - used_before < 0.4
    # a fresh worker took its place and the endpoint still answers
    after = wait_for_workers(safe_server)
    assert after - before
    with safe_server.client() as http:
        r = http.get("/sparql", params={"query": "ASK { <urn:s1> ?p 1 }"}, headers=JSON)
        assert r.json()["boolean"] is True


def test_a_writer_is_not_blocked_by_a_running_query(safe_server: Server) -> None:
    wait_for_workers(safe_server)
    result: dict[str, httpx.Response] = {}

    def explode() -> None:
        with safe_server.client() as http:
            result["r"] = http.get("/sparql", params={"query": EXPLOSIVE}, headers=JSON)

    thread = threading.Thread(target=explode)
    thread.start()
    time.sleep(0.5)
    with safe_server.client(headers=AUTH) as http:
        started = time.monotonic()
        r = http.post("/sparql/update", content="INSERT DATA { GRAPH <urn:graph:new> "
                      "{ <urn:new> <urn:p> 'written' } }",
                      headers={"Content-Type": "application/sparql-update"})
        assert r.status_code == 204
        assert time.monotonic() - started < 1.0
        # the next query sees the write (a new snapshot is taken for it)
        r = http.get("/sparql", params={"query": "SELECT ?o WHERE { <urn:new> ?p ?o }"},
                     headers=JSON)
        assert r.json()["results"]["bindings"] == [
            {"o": {"type": "literal", "value": "written"}}]
        assert time.monotonic() - started < 1.5
    thread.join(30)
    assert result["r"].status_code == 503
    with safe_server.client(headers=AUTH) as http:
        http.post("/sparql/update", data={"update": "DROP GRAPH <urn:graph:new>"})


def test_result_cap_refuses_large_answers_with_a_clear_message(safe_server: Server) -> None:
    wait_for_workers(safe_server)  # the pool is whole again after the previous test's kill
    with safe_server.client() as http:
        r = http.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers=JSON)
        assert r.status_code == 422
        body = r.json()
        assert body["type"].endswith("/result-too-large")
        assert body["limit"] == CAP
        assert body["detail"].startswith(
            f"the answer has more than {CAP} rows (setting DKG_MAX_RESULTS): add LIMIT")
        r = http.get("/sparql", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
        assert r.status_code == 422
        assert f"more than {CAP} triples" in r.json()["detail"]
        # at the cap, the whole answer comes back
        r = http.get("/sparql", headers={"Accept": "text/csv"}, params={
            "query": f"SELECT ?s WHERE {{ ?s ?p ?o }} ORDER BY ?s LIMIT {CAP}"})
        assert r.status_code == 200
        assert r.text.count("\r\n") == CAP + 1
        # aggregates over everything are fine: one row
        r = http.get("/sparql", headers=JSON, params={
            "query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <urn:graph:many> { ?s ?p ?o } }"})
        assert r.json()["results"]["bindings"][0]["n"]["value"] == str(TRIPLES)


def test_service_only_to_the_allow_list(safe_server: Server) -> None:
    own = safe_server.url + "/sparql"
    with safe_server.client() as http:
        q = "SELECT * WHERE { SERVICE <http://169.254.169.254/latest> { ?s ?p ?o } }"
        r = http.get("/sparql", params={"query": q})
        assert r.status_code == 400
        assert r.json()["detail"] == (
            "SERVICE <http://169.254.169.254/latest> is not allowed: federated queries may "
            f"only call the endpoints in the setting DKG_SERVICE_ALLOW ({own})")
        # hidden in a comment or a string it is not a call; a real call is refused
        q = ('SELECT ?x WHERE { BIND("SERVICE <http://evil/>" AS ?x) } # SERVICE <http://evil/>\n'
             "VALUES ?y { 1 }")
        assert http.get("/sparql", params={"query": q}, headers=JSON).status_code == 200
        # the allow-listed endpoint is called (here: this very server, via the other worker)
        q = f"SELECT ?o WHERE {{ SERVICE <{own}> {{ <urn:s7> ?p ?o }} }}"
        r = http.get("/sparql", params={"query": q}, headers=JSON)
        assert r.status_code == 200, r.text
        assert r.json()["results"]["bindings"][0]["o"]["value"] == "7"


def test_no_update_through_the_query_endpoint(safe_server: Server) -> None:
    with safe_server.client(headers=AUTH) as http:
        for kwargs in ({"data": {"update": "DROP ALL"}},
                       {"content": "DROP ALL",
                        "headers": {"Content-Type": "application/sparql-update"}}):
            r = http.post("/sparql", **kwargs)
            assert r.status_code == 400 and "read-only" in r.json()["detail"]
        r = http.get("/sparql", params={"query": "DROP ALL"})
        assert r.status_code == 400
        r = http.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}, headers=JSON)
        assert r.json()["boolean"] is True


def test_workers_and_snapshots_are_cleaned_up_on_shutdown(tmp_path: Path) -> None:
    path = tmp_path / "store"
    srv = start_server(path, {"DKG_QUERY_TIMEOUT": "2", "DKG_API_TOKEN": TOKEN})
    try:
        pids = wait_for_workers(srv)
        with srv.client() as http:
            assert http.get("/sparql", params={"query": "ASK {}"}, headers=JSON).status_code == 200
        assert (tmp_path / "store.snapshots").is_dir()
    finally:
        stop_server(srv)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(p) for p in pids):
        time.sleep(0.1)
    assert not any(alive(p) for p in pids)
    assert not (tmp_path / "store.snapshots").exists()


def test_query_runner_snapshots_follow_writes_and_are_removed(tmp_path: Path) -> None:
    from graph.errors import QueryTimeout
    from graph.query_runner import QueryRunner
    from graph.store import EmbeddedStore

    store = EmbeddedStore(tmp_path / "store")
    data = "".join(f"<urn:s{i}> <urn:p> {i} .\n" for i in range(2000)).encode()
    store.load(data, "turtle", "urn:graph:g")
    runner = QueryRunner(store, timeout=1, max_results=10, workers=2)
    snapshots = tmp_path / "store.snapshots"
    try:
        deadline = time.monotonic() + 30
        while runner.idle_workers < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        ask = "ASK { GRAPH <urn:graph:new> { ?s ?p ?o } }"
        assert runner.run(ask).body.endswith(b"false}")
        for i in range(4):  # every write is visible to the next query; old snapshots go
            store.update(f"INSERT DATA {{ GRAPH <urn:graph:new> {{ <urn:x> <urn:p> {i} }} }}")
            assert runner.run(ask).body.endswith(b"true}")
            assert len(list(snapshots.iterdir())) <= 3  # one per worker + the current one
        pids = set(runner.worker_pids())
        with pytest.raises(QueryTimeout, match="limit of 1 s"):
            runner.run(EXPLOSIVE)
        assert len(pids - set(runner.worker_pids())) == 1
        # in-process (workers=0): the same answers, the cap, no snapshots
        inline = QueryRunner(store, timeout=1, max_results=10, workers=0)
        assert not inline.isolated
        assert inline.run(ask).body == runner.run(ask).body
    finally:
        runner.close()
        store.close()
    assert not snapshots.exists()
