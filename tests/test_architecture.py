"""The floors of the house: imports run one way, api/ uses graph's public surface."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import graph
from tests.conftest import REPO


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every import in a file, at any depth."""
    out = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.append((node.module, [a.name for a in node.names]))
        elif isinstance(node, ast.Import):
            out += [(a.name, []) for a in node.names]
    return out


def files(folder: str) -> list[Path]:
    return sorted((REPO / folder).rglob("*.py"))


def test_every_public_name_resolves() -> None:
    for name in graph.__all__:
        assert getattr(graph, name) is not None, name
    with pytest.raises(AttributeError):
        graph.no_such_thing  # noqa: B018


@pytest.mark.parametrize("path", files("api"), ids=lambda p: str(p.relative_to(REPO)))
def test_api_uses_only_the_public_surface(path: Path) -> None:
    for module, names in imports(path):
        if module == "graph" or module.startswith("graph."):
            private = [n for n in names if n not in graph.__all__]
            assert private == [], f"{path.name} imports {private} from {module}"


@pytest.mark.parametrize("path", files("graph") + files("ontology"),
                         ids=lambda p: str(p.relative_to(REPO)))
def test_library_never_imports_the_faces(path: Path) -> None:
    for module, _ in imports(path):
        root = module.split(".")[0]
        assert root not in ("api", "fastapi", "typer", "starlette", "uvicorn"), \
            f"{path.name} imports {module}"
        if "ontology" in path.parts and path.parent.name == "ontology":
            assert root != "graph", f"{path.name} imports {module}"


@pytest.mark.parametrize("path", files("graph/extract"), ids=lambda p: p.name)
def test_extraction_knows_nothing_of_rdf(path: Path) -> None:
    for module, _ in imports(path):
        assert module.split(".")[0] not in ("rdflib", "pyoxigraph"), f"{path.name}: {module}"
        assert module not in ("graph.store", "graph.mapping"), f"{path.name}: {module}"


@pytest.mark.parametrize("path", files("graph"), ids=lambda p: p.name)
def test_only_the_store_touches_pyoxigraph(path: Path) -> None:
    if path.name == "store.py":
        return
    for module, _ in imports(path):
        assert module.split(".")[0] != "pyoxigraph", f"{path.name} imports pyoxigraph"
