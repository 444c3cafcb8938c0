"""The one orchestrator: files -> articles -> extraction -> RDF -> store.

Bad input loses nothing: a file that cannot be read, or an article that fails,
is reported with the reason and the batch goes on; each article is written in
one transaction (its named graph is replaced whole), so the store never holds
half an article.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from graph.articles import expand_paths, parse_text, read_articles
from graph.errors import ArticleError, DkgError, ExtractionError, NotFoundError
from graph.extract import EXTRACTOR_VERSION, extract
from graph.gazetteer import Gazetteer, load_gazetteer
from graph.mapping import D, article_iri, article_triples, reference_triples
from graph.models import Article, Extraction
from graph.store import Store
from ontology import ID, ONTOLOGY_FILE, ONTOLOGY_GRAPH, REFERENCE_GRAPH, SHAPES_FILE

ARTICLE_PREFIX = ID + "article/"


@dataclass
class IngestError:
    source: str  # file (and line) the error is about
    message: str


@dataclass
class IngestReport:
    """What one ingest run did."""

    articles: int = 0
    entities: int = 0
    relations: int = 0
    triples: int = 0
    replaced: int = 0  # articles that were already in the store (graph replaced)
    errors: list[IngestError] = field(default_factory=list)
    graphs: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.articles} articles ({self.replaced} replaced), {self.entities} entities, "
            f"{self.relations} relations, {self.triples} triples, {len(self.errors)} errors"
        )


def ensure_reference(store: Store, gazetteer: Gazetteer | None = None) -> bool:
    """Load the ontology and the gazetteer's reference graph when missing or changed.

    Returns True when anything was (re)loaded. The content hash of the ontology
    files and the gazetteer is kept in the reference graph, so an unchanged
    store is left alone.
    """
    gazetteer = gazetteer or load_gazetteer()
    digest = hashlib.sha256()
    digest.update(ONTOLOGY_FILE.read_bytes())
    digest.update(SHAPES_FILE.read_bytes())
    digest.update(gazetteer.content_hash().encode())
    version = digest.hexdigest()
    marker = URIRef(REFERENCE_GRAPH)
    current = store.select(
        "SELECT ?g ?m ?v WHERE { GRAPH ?g { ?m dkg:contentHash ?v } }",
        {"g": marker, "m": marker},
    )
    if current and current[0].get("v") == version and store.has_graph(ONTOLOGY_GRAPH):
        return False
    ontology = Graph().parse(ONTOLOGY_FILE, format="turtle")
    store.replace_graph(ONTOLOGY_GRAPH, ontology)
    triples = reference_triples(gazetteer.entries(), gazetteer.roles())
    triples.append((marker, D.contentHash, Literal(version)))
    store.replace_graph(REFERENCE_GRAPH, triples)
    return True


def write_extraction(store: Store, extraction: Extraction) -> int:
    """Replace the article's named graph with the extraction's triples; returns their count."""
    triples = article_triples(extraction, ingested=datetime.now(UTC))
    return store.replace_graph(str(article_iri(extraction.article)), triples)


def ingest_article(store: Store, article: Article, gazetteer: Gazetteer) -> tuple[Extraction, int]:
    extraction = extract_safely(article, gazetteer)
    return extraction, write_extraction(store, extraction)


def extract_safely(article: Article, gazetteer: Gazetteer | None = None) -> Extraction:
    """``extract``, with a failure of the extractor itself (a bug, not bad input) turned
    into an ExtractionError that names the article, so that a batch reports it and goes on;
    nothing of the article is written."""
    try:
        return extract(article, gazetteer)
    except DkgError:
        raise
    except Exception as exc:  # noqa: BLE001 — any bug in the rules must not sink the batch
        where = article.path or article.id
        raise ExtractionError(
            f"{where}: the extractor failed ({type(exc).__name__}: {exc}); this is a bug in "
            "dkg, not in the article: the rest of the batch is loaded; please report it with "
            "this file"
        ) from exc


def ingest_paths(
    store: Store,
    paths: Iterable[str],
    *,
    gazetteer: Gazetteer | None = None,
    max_bytes: int = 5_000_000,
    lang: str | None = None,
    date: str | None = None,
    progress: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Ingest files, folders and globs; every bad file or line is reported, the rest load."""
    gazetteer = gazetteer or load_gazetteer()
    ensure_reference(store, gazetteer)
    report = IngestReport()
    try:
        files = expand_paths(paths)
    except ArticleError as e:
        report.errors.append(IngestError("arguments", str(e)))
        return report
    for path in files:
        try:
            for item in read_articles(path, max_bytes=max_bytes, lang=lang, date=date):
                if isinstance(item, ArticleError):
                    report.errors.append(IngestError(str(path), str(item)))
                    continue
                _ingest_one(store, item, gazetteer, report)
        except DkgError as e:
            report.errors.append(IngestError(str(path), str(e)))
        if progress:
            progress(path)
    return report


def ingest_text(
    store: Store,
    text: str,
    *,
    gazetteer: Gazetteer | None = None,
    **metadata: str | None,
) -> tuple[Extraction, int]:
    """Ingest one article given as text (the API's POST /api/articles)."""
    gazetteer = gazetteer or load_gazetteer()
    ensure_reference(store, gazetteer)
    article = parse_text(text, **metadata)
    return ingest_article(store, article, gazetteer)


def _ingest_one(store: Store, article: Article, gazetteer: Gazetteer, report: IngestReport) -> None:
    existed = store.has_graph(str(article_iri(article)))
    try:
        extraction, count = ingest_article(store, article, gazetteer)
    except DkgError as e:
        report.errors.append(IngestError(article.path or article.id, str(e)))
        return
    report.articles += 1
    report.replaced += existed
    report.entities += len(extraction.entities)
    report.relations += len(extraction.relations)
    report.triples += count
    report.graphs.append(str(article_iri(article)))


def resolve_article(store: Store, ref: str) -> str:
    """The graph IRI of an article given by IRI, id, URL or file path."""
    if ref.startswith(ARTICLE_PREFIX):
        candidates = [ref]
    elif "://" in ref:
        rows = store.select(
            "SELECT ?a ?ref WHERE { ?a a dkg:Article ; schema:url ?u FILTER(STR(?u) = ?ref) }",
            {"ref": Literal(ref)},
        )
        candidates = [r["a"] for r in rows]
    elif Path(ref).is_file():
        candidates = []
        for item in read_articles(Path(ref)):
            if isinstance(item, Article):
                candidates.append(ARTICLE_PREFIX + item.id)
    else:
        candidates = [ARTICLE_PREFIX + ref]
    for graph in candidates:
        if store.has_graph(graph):
            return graph
    raise NotFoundError(
        f"no article {ref!r} in the store: give its IRI, its id (the last part of the IRI), "
        "its URL or the file it was ingested from; `dkg query` with "
        "'SELECT ?a WHERE { ?a a dkg:Article }' lists them"
    )


def delete_article(store: Store, ref: str) -> str:
    graph = resolve_article(store, ref)
    store.drop_graph(graph)
    return graph


__all__ = [
    "EXTRACTOR_VERSION",
    "IngestError",
    "IngestReport",
    "delete_article",
    "ensure_reference",
    "ingest_article",
    "ingest_paths",
    "ingest_text",
    "resolve_article",
    "write_extraction",
]
