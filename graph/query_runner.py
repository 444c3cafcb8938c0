"""User SPARQL queries in worker processes, with a time limit that really stops them.

pyoxigraph cannot cancel a query (it has no timeout, and it releases the GIL
while it evaluates, so a thread cannot be interrupted). So each query from
``/sparql`` runs in one of a small pool of worker processes:

- the server's store stays in the main process (the only read-write opener;
  writes and the library's own queries run there);
- before a query, the runner makes a **snapshot** of the store when it changed
  since the last one (``EmbeddedStore.checkpoint``: a RocksDB checkpoint of hard
  links, about 1 ms) and the worker opens the newest snapshot read-only. Every
  query sees a consistent state that includes every write completed before it
  arrived; snapshots nobody holds any more are deleted;
- a query that runs past the limit gets its worker killed (SIGKILL): its CPU
  work stops at once, a fresh worker takes its place, the other workers keep
  serving;
- the worker serialises the answer and sends bytes back; the result cap
  (``max_results``) is applied there, while reading solutions.

Readers never block each other or a writer: the main process only makes a
snapshot; the evaluation happens in the workers, on files no writer touches.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import shutil
import signal
import threading
import time
import uuid
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from graph.errors import DkgError, QueryError, QueryTimeout, StoreError
from graph.store import EmbeddedStore, ResultTooLarge, SparqlResult, Store

log = logging.getLogger("dkg.query")

_ERRORS: dict[str, type[DkgError]] = {
    "QueryError": QueryError,
    "ResultTooLarge": ResultTooLarge,
    "StoreError": StoreError,
}


def timeout_message(limit: float) -> str:
    return (f"the query ran longer than the limit of {limit:g} s (setting DKG_QUERY_TIMEOUT); "
            "narrow it with LIMIT or more specific patterns")


@dataclass
class _Worker:
    process: Any  # multiprocessing.Process (spawn context)
    conn: Connection
    snapshot: str | None = None  # the snapshot it has open


@dataclass
class _Snapshots:
    root: Path
    generation: int = -1
    current: str | None = None
    holders: dict[str, int] = field(default_factory=dict)


class QueryRunner:
    """Runs read queries for the SPARQL endpoint; see the module docstring.

    With ``workers=0``, or a store without a path on disk (which cannot be
    snapshotted), queries run in-process,
    with the result cap but without a hard time limit. A remote store's queries are
    passed through (its server's limits apply).
    """

    def __init__(self, store: Store, *, timeout: float, max_results: int,
                 workers: int = 2) -> None:
        self.store = store
        self.timeout = timeout
        self.max_results = max_results
        self.size = workers
        self._lock = threading.Lock()
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._closed = False
        self._snaps: _Snapshots | None = None
        if workers > 0 and isinstance(store, EmbeddedStore) and store.path is not None:
            root = store.path.parent / (store.path.name + ".snapshots")
            shutil.rmtree(root, ignore_errors=True)  # left over from a crash
            root.mkdir(parents=True)
            self._snaps = _Snapshots(root)
            self._context = multiprocessing.get_context("spawn")
            for _ in range(workers):
                self._start_worker()

    @property
    def isolated(self) -> bool:
        """True when queries run in worker processes (the time limit is enforced)."""
        return self._snaps is not None

    @property
    def idle_workers(self) -> int:
        """Workers booted and waiting for a query."""
        return self._idle.qsize()

    def worker_pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._all]

    # -- running -------------------------------------------------------------

    def run(self, query: str, **kwargs: Any) -> SparqlResult:
        """Run a read query (keyword arguments as ``Store.sparql``) within the limits."""
        if self._snaps is None:
            if isinstance(self.store, EmbeddedStore):  # in memory: cap, no hard time limit
                return self.store.sparql(query, max_results=self.max_results, **kwargs)
            return self.store.sparql(query, **kwargs)  # a remote server applies its own limits
        try:  # waiting for a free worker is bounded too, but not part of the query's time
            worker = self._idle.get(timeout=self.timeout)
        except queue.Empty:
            raise QueryTimeout(
                f"all {self.size} query workers stayed busy for {self.timeout:g} s "
                "(setting DKG_QUERY_TIMEOUT); try again shortly") from None
        try:
            snapshot = self._snapshot()
        except StoreError:
            self._idle.put(worker)
            raise
        try:
            worker.conn.send({"snapshot": snapshot, "query": query,
                              "max_results": self.max_results, "kwargs": kwargs})
            self._hold(worker, snapshot)
            if not worker.conn.poll(self.timeout):
                self._replace(worker)
                raise QueryTimeout(timeout_message(self.timeout))
            answer = worker.conn.recv()
        except (EOFError, OSError, BrokenPipeError) as e:
            self._replace(worker)
            raise StoreError(f"a query worker stopped unexpectedly ({e or type(e).__name__}); "
                             "the query was not answered — try again") from e
        self._idle.put(worker)
        self._sweep()
        if answer[0] == "ok":
            _, body, media_type, kind = answer
            return SparqlResult(body, media_type, kind)
        _, name, message = answer
        raise _ERRORS.get(name, QueryError)(message)

    # -- snapshots -------------------------------------------------------------

    def _snapshot(self) -> str:
        assert self._snaps is not None and isinstance(self.store, EmbeddedStore)
        snaps = self._snaps
        with self._lock:
            generation = self.store.generation
            if snaps.current is None or snaps.generation != generation:
                path = snaps.root / f"g{generation}-{uuid.uuid4().hex[:8]}"
                self.store.checkpoint(path)
                snaps.current, snaps.generation = str(path), generation
                snaps.holders.setdefault(str(path), 0)
            return snaps.current

    def _hold(self, worker: _Worker, snapshot: str) -> None:
        assert self._snaps is not None
        with self._lock:
            if worker.snapshot != snapshot:
                if worker.snapshot is not None:
                    self._snaps.holders[worker.snapshot] -= 1
                self._snaps.holders[snapshot] = self._snaps.holders.get(snapshot, 0) + 1
                worker.snapshot = snapshot

    def _sweep(self) -> None:
        """Delete the snapshots no worker holds, except the current one."""
        assert self._snaps is not None
        with self._lock:
            for path, count in list(self._snaps.holders.items()):
                if count <= 0 and path != self._snaps.current:
                    del self._snaps.holders[path]
                    shutil.rmtree(path, ignore_errors=True)

    # -- workers -------------------------------------------------------------

    def _start_worker(self) -> None:
        """Start a worker; it joins the idle pool once it has booted (in the background,
        so that boot time never counts against a query's limit)."""
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_serve, args=(child, os.getpid()),
                                        name="dkg-query-worker", daemon=True)
        process.start()
        child.close()
        worker = _Worker(process, parent)
        with self._lock:
            self._all.append(worker)

        def when_ready() -> None:
            try:
                ready = parent.poll(120) and parent.recv() == "ready"
            except (EOFError, OSError):
                ready = False
            if self._closed:
                return
            if ready:
                self._idle.put(worker)
            else:
                log.error("a query worker did not start; starting another")
                self._kill(worker)
                self._start_worker()

        threading.Thread(target=when_ready, name="dkg-query-worker-boot", daemon=True).start()

    def _kill(self, worker: _Worker) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(worker.process.pid, signal.SIGKILL)
        worker.process.join(5)
        worker.conn.close()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
            if worker.snapshot is not None and self._snaps is not None:
                self._snaps.holders[worker.snapshot] -= 1
                worker.snapshot = None

    def _replace(self, worker: _Worker) -> None:
        """Kill a worker now; its successor boots in the background."""
        self._kill(worker)
        self._sweep()
        if not self._closed:
            self._start_worker()

    def close(self) -> None:
        """Stop every worker and delete the snapshots."""
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            self._kill(worker)
        if self._snaps is not None:
            shutil.rmtree(self._snaps.root, ignore_errors=True)


def _serve(conn: Connection, parent: int) -> None:
    """A worker's loop: open the snapshot it is told to, answer, repeat."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself

    def orphan_watch() -> None:  # the server died without stopping us
        while True:
            time.sleep(1)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=orphan_watch, daemon=True).start()
    store: EmbeddedStore | None = None
    opened: str | None = None
    conn.send("ready")
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            os._exit(0)
        try:
            if request["snapshot"] != opened:
                if store is not None:
                    store.close()
                store, opened = None, None
                store = EmbeddedStore(request["snapshot"], read_only=True)
                opened = request["snapshot"]
            assert store is not None
            result = store.sparql(request["query"], max_results=request["max_results"],
                                  **request["kwargs"])
            answer: tuple[Any, ...] = ("ok", result.body, result.media_type, result.kind)
        except DkgError as e:
            answer = ("error", type(e).__name__, str(e))
        except Exception as e:  # noqa: BLE001 - reported to the server, which answers 400
            answer = ("error", "QueryError", f"the query failed: {type(e).__name__}: {e}")
        try:
            conn.send(answer)
        except (EOFError, OSError):
            os._exit(0)

