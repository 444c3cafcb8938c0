"""Property-based contract test: schemathesis against the live server's OpenAPI document.

Every operation of the OpenAPI document is called with generated requests —
valid and invalid ones — and each answer must be no server error and must
match what the document promises: status codes, media types
(application/problem+json for errors), headers and JSON schemas.

- reads (GET, HEAD, and the read-only POST /sparql) run against the shared
  ``server`` fixture;
- writes (POST/PUT/DELETE on /api/articles, /sparql/update, /rdf-graphs) run
  with the write token against a scratch server over a copy of the sample store,
  so the shared server's data stays as it was.

Bounded: a few examples per operation, derandomized, no deadline.

(schemathesis' pytest plugin reads a private attribute that pytest 9 removed,
so the operations are driven with hypothesis directly.)
"""

from __future__ import annotations

import shutil
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

schemathesis = pytest.importorskip("schemathesis")

from hypothesis import HealthCheck, Phase, given, settings  # noqa: E402
from hypothesis.errors import Unsatisfiable  # noqa: E402
from schemathesis import GenerationMode  # noqa: E402
from schemathesis.checks import positive_data_acceptance  # noqa: E402
from schemathesis.generation.hypothesis.builder import add_examples  # noqa: E402

from tests.conftest import TOKEN, Server, start_server, stop_server  # noqa: E402

#: SPARQL and RDF bodies go on the wire as text
schemathesis.serializer.alias(
    ["application/sparql-query", "application/sparql-update", "application/n-triples",
     "application/rdf+xml", "application/n-quads", "application/trig",
     "application/x-turtle"], "text/plain")

READS = {"GET", "HEAD"}
#: writes, run against the scratch server
WRITE_PATHS = ("/api/articles", "/sparql/update", "/rdf-graphs")
EXAMPLES = 25
WRITE_EXAMPLES = 15


@pytest.fixture(scope="module")
def scratch_server(sample_store_dir: Path, tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[Server]:
    """A server of its own for the write operations, over another copy of the samples."""
    copy = tmp_path_factory.mktemp("contract-scratch") / "store"
    shutil.copytree(sample_store_dir, copy)
    srv = start_server(copy, {"DKG_API_TOKEN": TOKEN})
    yield srv
    stop_server(srv)


def _log_lines(srv: Server) -> list[str]:
    """The server's log (tests.conftest writes it to a file), for the failure message."""
    if srv.log is None or not srv.log.exists():
        return []
    return srv.log.read_text("utf-8", errors="replace").splitlines()[-2000:]


def _is_write(method: str, path: str) -> bool:
    return method.upper() not in READS and path.startswith(WRITE_PATHS)


def _run(operation, base_url: str, examples: int, headers: dict[str, str] | None,  # noqa: ANN001
         mode: GenerationMode, seen: Counter) -> None:
    strategy = operation.as_strategy(generation_mode=mode)

    @given(case=strategy)
    @settings(max_examples=examples, deadline=None, derandomize=True, database=None,
              phases=[Phase.explicit, Phase.generate],
              suppress_health_check=list(HealthCheck))
    def check(case) -> None:  # noqa: ANN001
        # a cursor is opaque, a saved query's parameters and a SPARQL text have a
        # grammar no schema can express: a well-formed string the server cannot use is
        # a 400 — so "schema-valid input is accepted" is left out
        response = case.call_and_validate(base_url=base_url, headers=headers,
                                          excluded_checks=[positive_data_acceptance])
        seen[response.status_code] += 1

    if mode is GenerationMode.POSITIVE:
        # the document's examples first (explicit phase), missing parts filled in
        check = add_examples(check, operation, fill_missing=True)
    try:
        check()
    except Unsatisfiable:
        if mode is GenerationMode.POSITIVE:
            raise
        # nothing in this operation can be made invalid (no parameters, free-form strings)


def test_api_keeps_its_contract(server: Server, scratch_server: Server) -> None:
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    # like most HTTP servers, dkg ignores query parameters it does not know: an extra
    # parameter alone does not make a request invalid
    schema.config.generation.update(allow_extra_parameters=False)
    operations = [result.ok() for result in schema.get_all_operations()]
    labels = {op.label for op in operations}
    # every operation of the document is exercised
    assert len(operations) >= 25, sorted(labels)
    failures: dict[str, str] = {}
    timings: dict[str, float] = {}
    statuses: dict[str, Counter] = {}
    for operation in operations:
        write = _is_write(operation.method, operation.path)
        seen = statuses[operation.label] = Counter()
        start = time.monotonic()
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            try:
                if write:
                    _run(operation, scratch_server.url, WRITE_EXAMPLES,
                         {"Authorization": f"Bearer {TOKEN}"}, mode, seen)
                else:
                    _run(operation, server.url, EXAMPLES, None, mode, seen)
            except (Exception, BaseExceptionGroup) as e:  # noqa: BLE001 - collect them all
                failures[f"{operation.label} ({mode.value})"] = str(e)[:3000]
        timings[operation.label] = time.monotonic() - start
    for label, seen in statuses.items():
        print(f"{label}: {timings[label]:.1f}s, statuses {dict(sorted(seen.items()))}")
    # every operation was really called
    assert all(statuses.values()), [label for label, seen in statuses.items() if not seen]
    logs = [_log_lines(server), _log_lines(scratch_server)]
    errors = [line[:500] for log in logs for line in log
              if "Traceback" in line or "Error" in line]
    assert not failures, "\n\n".join(f"{k}:\n{v}" for k, v in failures.items()) + \
        "\n\nserver log:\n" + "\n".join(errors[-40:])


def test_openapi_document_is_complete(server: Server) -> None:
    """Every operation documents its answers: errors as problem+json with an example,
    bodies with an example, writes behind the write token; operation ids are unique."""
    import httpx

    spec = httpx.get(server.url + "/openapi.json", timeout=30).json()
    ids: list[str] = []
    for path, item in spec["paths"].items():
        for method, op in item.items():
            label = f"{method.upper()} {path}"
            ids.append(op["operationId"])
            responses = op["responses"]
            assert any(code.startswith("2") for code in responses), label
            for code, response in responses.items():
                content = response.get("content", {})
                if int(code) >= 400 and method != "head":
                    assert list(content) == ["application/problem+json"], (label, code)
                    assert "example" in content["application/problem+json"], (label, code)
                if code.startswith("2") and content:
                    assert any("example" in m or "examples" in m for m in content.values()), \
                        (label, code)
            if _is_write(method, path):
                assert op.get("security") == [{"writeToken": []}], label
                assert {"401", "403"} <= set(responses), label
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
