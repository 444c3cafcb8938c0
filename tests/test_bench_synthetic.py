"""The synthetic corpus generator (bench/synthetic.py) makes valid dkg data."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

import pytest

from graph.models import ENTITY_TYPES, PREDICATES

BENCH = Path(__file__).resolve().parent.parent / "bench"


@pytest.fixture(scope="module")
def synthetic():
    spec = importlib.util.spec_from_file_location("bench_synthetic", BENCH / "synthetic.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def world(synthetic, gazetteer):
    return synthetic.World(0, gazetteer=gazetteer)


def test_offsets_and_shape(synthetic, world):
    extractions = list(synthetic.generate(60, seed=1, world=world))
    predicates: Counter[str] = Counter()
    for ex in extractions:
        text = ex.article.text
        assert ex.article.lang in ("kk", "ru", "en")
        assert 8 <= len(ex.entities) <= 20
        assert 10 <= len(ex.relations) <= 20
        ids = {e.id for e in ex.entities}
        for rel in ex.relations:
            assert text[rel.start:rel.end] == rel.evidence
            assert {rel.subject, rel.object} <= ids
            predicates[rel.predicate] += 1
        for entity in ex.entities:
            assert entity.type in ENTITY_TYPES
            assert entity.mentions
            for m in entity.mentions:
                assert text[m.start:m.end] == m.text
        for event in ex.events:
            assert event.date and "2015" <= event.date[:4] <= "2026"
    assert set(predicates) == set(PREDICATES)


def test_deterministic_with_a_seed(synthetic, world):
    def ids(seed: int) -> list[tuple[str, list[str], int]]:
        return [(ex.article.id, [e.id for e in ex.entities], len(ex.relations))
                for ex in synthetic.generate(10, seed=seed, world=world)]

    assert ids(3) == ids(3)
    assert ids(3) != ids(4)
    # stable ids: an entity keeps its id in every article and every world built from the seed
    other = synthetic.World(0, gazetteer=None)
    assert world.pools["Official"][5].id.startswith(("official/synthetic-", "official/"))
    assert {n.id for n in other.pools["Treaty"]} <= {n.id for n in world.pools["Treaty"]}


def test_store_conforms_to_shapes(synthetic, tmp_path):
    from graph.store import EmbeddedStore
    from graph.validate import validate_store

    report = synthetic.build_store(tmp_path / "store", target_triples=20 * 280, seed=0)
    assert 15 <= report.articles <= 30
    store = EmbeddedStore(tmp_path / "store")
    try:
        assert len(store.graphs()) == report.articles + 2  # + ontology, reference
        validation = validate_store(store)
    finally:
        store.close()
    assert validation.conforms, validation.format()
