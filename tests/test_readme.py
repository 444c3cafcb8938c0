"""The README is tested: its queries give what it says, it names every command."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

from api.cli import app
from tests.conftest import REPO

README = (REPO / "README.md").read_text("utf-8")
PAIRS = re.findall(r"```sparql\n(.*?)```\s*```csv\n(.*?)```", README, re.S)


def test_readme_opens_with_the_two_commands() -> None:
    first_block = README.split("```")[1]
    assert "make run" in first_block and "make test" in first_block


def test_readme_has_worked_queries() -> None:
    assert len(PAIRS) >= 5


@pytest.mark.parametrize(("query", "expected"), PAIRS, ids=[f"q{i}" for i in range(len(PAIRS))])
def test_readme_query_gives_the_documented_answer(sample_store_dir: Path, query: str,
                                                  expected: str) -> None:
    from graph.store import EmbeddedStore

    store = EmbeddedStore(sample_store_dir)
    try:
        body = store.sparql(query, result_format="csv").body.decode()
    finally:
        store.close()
    got = list(csv.reader(io.StringIO(body)))
    want = list(csv.reader(io.StringIO(expected)))
    assert got == want


def test_readme_names_every_command() -> None:
    names = [c.name or c.callback.__name__ for c in app.registered_commands]
    assert len(names) >= 11
    for name in names:
        assert f"`dkg {name}" in README, name


def test_readme_names_every_setting() -> None:
    from graph.config import Settings

    for field in Settings.model_fields:
        assert f"DKG_{field.upper()}" in README, field


def test_readme_names_every_saved_query() -> None:
    from graph.queries import load_saved_queries

    names = list(load_saved_queries())
    assert len(names) >= 20
    for name in names:
        assert f"`{name}`" in README, name
