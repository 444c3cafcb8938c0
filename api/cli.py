"""The ``dkg`` command line: thin over the ``graph`` library.

Every command honours ``--store PATH`` and the setting ``DKG_STORE``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import asdict
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Column, Table

from graph import DkgError, Settings, Store, open_store, shorten

app = typer.Typer(
    name="dkg",
    help="A knowledge graph of diplomatic initiatives and events (kk/ru/en news → RDF).",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", help="store directory (default: setting DKG_STORE, else var/store)"),
]


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


class ExportFormat(StrEnum):
    trig = "trig"
    nquads = "nquads"
    turtle = "turtle"
    ntriples = "ntriples"
    jsonld = "jsonld"


def _settings(store: Path | None, endpoint: str | None = None) -> Settings:
    settings = Settings()
    if store is not None:
        settings = settings.model_copy(update={"store": store, "endpoint": None})
    if endpoint is not None:
        settings = settings.model_copy(update={"endpoint": endpoint})
    return settings


def _open(store: Path | None, endpoint: str | None = None) -> Store:
    """The store the options and settings name (DKG_ENDPOINT: a remote SPARQL server)."""
    return open_store(_settings(store, endpoint))


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False, markup=True)
    return typer.Exit(code)


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="files, folders or globs")],
    store: StoreOpt = None,
    lang: Annotated[str | None, typer.Option(help="language of all articles (kk, ru, en)")] = None,
    date: Annotated[str | None, typer.Option(help="publication date when the files lack one")]
    = None,
) -> None:
    """Read articles, extract entities and facts, and store one named graph per article."""
    from graph.articles import expand_paths
    from graph.pipeline import ingest_paths

    settings = _settings(store)
    try:
        files = expand_paths(paths)
    except DkgError as e:
        raise _fail(str(e)) from e
    try:
        st = _open(store)
    except DkgError as e:
        raise _fail(str(e)) from e
    with Progress(
        TextColumn("[bold]ingest[/]"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.description}"), console=err, transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("", total=len(files))

        def step(path: Path) -> None:
            progress.update(task, advance=1, description=path.name)

        report = ingest_paths(
            st, [str(f) for f in files], max_bytes=settings.max_article_bytes, lang=lang,
            date=date, progress=step,
        )
    st.close()
    for error in report.errors:
        err.print(f"[red]✗[/] {error.source}: {error.message}", highlight=False)
    out.print(report.summary(), highlight=False)
    if report.errors and not report.articles:
        raise typer.Exit(1)


@app.command()
def delete(
    article: Annotated[str, typer.Argument(help="article IRI, id, URL or the file it came from")],
    store: StoreOpt = None,
) -> None:
    """Drop an article's named graph."""
    from graph.pipeline import delete_article

    try:
        st = _open(store)
        graph = delete_article(st, article)
    except DkgError as e:
        raise _fail(str(e)) from e
    st.close()
    out.print(f"deleted {graph}", highlight=False)


@app.command()
def load(
    file: Annotated[Path, typer.Argument(help="Turtle, TriG, N-Triples, N-Quads or JSON-LD file")],
    graph: Annotated[str | None, typer.Option(help="named graph IRI (default: from the file name)")]
    = None,
    store: StoreOpt = None,
) -> None:
    """Load existing RDF into a named graph."""
    from graph.store import DATASET_FORMATS, rdf_format_for

    try:
        fmt = rdf_format_for(file)
        data = file.read_bytes()
    except (DkgError, OSError) as e:
        raise _fail(str(e)) from e
    if graph is None and fmt not in DATASET_FORMATS:
        graph = f"https://w3id.org/dkg/graph/loaded/{file.stem}"
    try:
        st = _open(store)
        added = st.load(data, fmt, graph)
    except DkgError as e:
        raise _fail(f"{file}: {e}") from e
    st.close()
    where = f"into <{graph}>" if graph else "into the graphs the file names"
    out.print(f"loaded {added} quads from {file} {where}", highlight=False)


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.trig,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="file (default stdout)")]
    = None,
    graph: Annotated[str | None, typer.Option(help="only this named graph")] = None,
    store: StoreOpt = None,
) -> None:
    """Write the store (all graphs, or one) as TriG, N-Quads, Turtle, N-Triples or JSON-LD."""
    try:
        st = _open(store)
        data = st.export(format.value, graph)
    except DkgError as e:
        raise _fail(str(e)) from e
    st.close()
    if output:
        output.write_bytes(data)
        err.print(f"wrote {len(data)} bytes to {output}")
    else:
        sys.stdout.buffer.write(data)


@app.command()
def stats(store: StoreOpt = None) -> None:
    """Counts: triples, graphs, articles, entities, facts."""
    try:
        st = _open(store)
        s = st.stats()
    except DkgError as e:
        raise _fail(str(e)) from e
    st.close()
    table = Table(show_header=False, box=None)
    for key, value in asdict(s).items():
        table.add_row(key, str(value))
    out.print(table)


@app.command()
def query(
    sparql: Annotated[str | None, typer.Argument(help="the query; '-' reads stdin")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-f", help="read the query from a file")]
    = None,
    format: Annotated[TableFormat, typer.Option("--format", help="output format")]
    = TableFormat.table,
    endpoint: Annotated[str | None, typer.Option(
        help="a remote SPARQL endpoint URL to query instead of the store")] = None,
    saved: Annotated[str | None, typer.Option(
        "--saved", help="run a saved query (ontology/queries/NAME.rq); 'list' lists them")] = None,
    param: Annotated[list[str] | None, typer.Option(
        "--param", help="a saved query's parameter, NAME=VALUE (repeatable)")] = None,
    store: StoreOpt = None,
) -> None:
    """Run a SPARQL query against the store (or a remote endpoint) and print the answer."""
    if saved is not None:
        _run_saved(saved, param or [], format, store, endpoint)
        return
    if file is not None:
        text = file.read_text(encoding="utf-8")
    elif sparql == "-" or (sparql is None and not sys.stdin.isatty()):
        text = sys.stdin.read()
    elif sparql:
        text = sparql
    else:
        raise _fail("give a query: dkg query 'SELECT …', -f file.rq, or on stdin", 2)
    from graph.sparql import query_form

    try:
        st = _open(store, endpoint)
    except DkgError as e:
        raise _fail(str(e)) from e
    try:
        if query_form(text) in ("CONSTRUCT", "DESCRIBE"):
            sys.stdout.write(st.sparql(text, graph_format="turtle").body.decode())
            return
        result = st.sparql(text, result_format="json")
    except DkgError as e:
        raise _fail(str(e)) from e
    finally:
        st.close()
    _print_results(json.loads(result.body), format)


def _run_saved(name: str, params: list[str], format: TableFormat, store: Path | None,
               endpoint: str | None) -> None:
    from graph import load_saved_queries, run_saved

    if name == "list":
        table = Table(Column("name", no_wrap=True), "title", "parameters")
        for query in sorted(load_saved_queries().values(), key=lambda q: q.name):
            table.add_row(query.name, query.title, ", ".join(p.name for p in query.params))
        out.print(table)
        return
    given: dict[str, str] = {}
    for item in params:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise _fail(f"--param {item!r}: write NAME=VALUE, e.g. --param state=state:kz", 2)
        given[key.strip()] = value
    try:
        st = _open(store, endpoint)
    except DkgError as e:
        raise _fail(str(e)) from e
    try:
        result = run_saved(st, name, given, result_format="json")
    except DkgError as e:
        raise _fail(str(e)) from e
    finally:
        st.close()
    if result.kind == "graph":
        sys.stdout.write(result.body.decode())
    else:
        _print_results(json.loads(result.body), format)


def _print_results(data: dict, format: TableFormat) -> None:
    if "boolean" in data:
        out.print("true" if data["boolean"] else "false")
        return
    names = data["head"]["vars"]
    rows = [[_show(b.get(n)) for n in names] for b in data["results"]["bindings"]]
    if format is TableFormat.json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    elif format in (TableFormat.csv, TableFormat.tsv):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if format is TableFormat.csv else "\t",
                            lineterminator="\n")
        writer.writerow(names)
        writer.writerows(rows)
        sys.stdout.write(buf.getvalue())
    else:
        table = Table(*names, show_lines=False)
        for row in rows:
            table.add_row(*row)
        out.print(table)
        err.print(f"{len(rows)} row{'s' * (len(rows) != 1)}")


def _show(term: dict | None) -> str:
    if term is None:
        return ""
    return shorten(term["value"]) if term["type"] == "uri" else term["value"]


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="port")] = 8000,
    store: StoreOpt = None,
) -> None:
    """Serve the API, the SPARQL endpoint and the pages."""
    import uvicorn

    from api.app import create_app

    try:
        application = create_app(_settings(store))
    except DkgError as e:
        raise _fail(str(e)) from e
    uvicorn.run(application, host=host, port=port, log_level="info")


@app.command()
def validate(store: StoreOpt = None) -> None:
    """Check the store against the SHACL shapes (ontology/shapes.ttl)."""
    from graph.validate import validate_store

    try:
        st = _open(store)
        report = validate_store(st)
    except DkgError as e:
        raise _fail(str(e)) from e
    st.close()
    out.print(report.format(), highlight=False)
    if not report.conforms:
        raise typer.Exit(1)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="one article file")],
    lang: Annotated[str | None, typer.Option(help="kk, ru or en (default: detected)")] = None,
    date: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD")] = None,
    format: Annotated[str, typer.Option(help="json")] = "json",
) -> None:
    """Print the extraction of one article (nothing is stored)."""
    from graph import extract_safely
    from graph.articles import read_articles
    from graph.errors import ArticleError
    from graph.report import extraction_json

    if format != "json":
        raise _fail(f"unknown format {format!r}: use --format json", 2)
    try:
        items = list(read_articles(file, lang=lang, date=date))
    except DkgError as e:
        raise _fail(str(e)) from e
    docs = []
    for item in items:
        if isinstance(item, ArticleError):
            err.print(f"[red]✗[/] {item}", highlight=False)
            continue
        try:
            docs.append(extraction_json(extract_safely(item)))
        except DkgError as e:
            err.print(f"[red]✗[/] {e}", highlight=False, markup=False)
    payload = docs[0] if len(docs) == 1 else docs
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")


@app.command()
def related(
    entity: Annotated[str, typer.Argument(help="entity id (state/kz) or a name to search")],
    limit: Annotated[int, typer.Option(help="how many")] = 20,
    store: StoreOpt = None,
) -> None:
    """Print the entities related to one, ranked, with the reasons."""
    from graph.related import related_entities

    try:
        st = _open(store)
        entity_id = _resolve(st, entity)
        items = related_entities(st, entity_id, limit=limit)
    except DkgError as e:
        raise _fail(str(e)) from e
    st.close()
    table = Table("score", "entity", "type", "why")
    for item in items:
        why = "; ".join(r.text for r in item.reasons[:3])
        table.add_row(f"{item.score:.2f}", f"{item.label}\n[dim]{item.id}[/]", item.type, why)
    out.print(table)


@app.command()
def viz(
    entity: Annotated[str, typer.Argument(help="entity id (state/kz) or a name to search")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write")]
    = Path("graph.html"),
    depth: Annotated[int, typer.Option(help="hops around the entity")] = 1,
    store: StoreOpt = None,
) -> None:
    """Write an entity's neighbourhood as a standalone, offline HTML page."""
    from graph.explore import ego_graph
    from graph.viz import save_network

    settings = _settings(store)
    try:
        st = _open(store)
        entity_id = _resolve(st, entity)
        graph = ego_graph(st, entity_id, depth=depth, max_nodes=settings.viz_max_nodes)
    except DkgError as e:
        raise _fail(str(e)) from e
    st.close()
    save_network(graph, output)
    out.print(f"wrote {output} ({len(graph.nodes)} nodes, {len(graph.edges)} edges)")


@app.command(name="eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="a folder of gold files (searched recursively)")],
    verbose: Annotated[bool, typer.Option("--verbose", "-v",
                                          help="list every miss and false alarm")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
    only: Annotated[list[str] | None, typer.Option(
        "--only", help="score only gold files whose name matches this glob (repeatable), "
                       "e.g. --only '*-b0[7-9]*'")] = None,
    rules_only: Annotated[bool, typer.Option(
        "--rules-only", help="score the rules without the learned relation layer")] = False,
) -> None:
    """Score extraction against gold files: P/R/F1 per language, entity type and predicate."""
    from graph import evaluate_dir

    try:
        result = evaluate_dir(gold, only=only or None, learned=not rules_only)
    except DkgError as e:
        raise _fail(str(e)) from e
    if as_json:
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=1) + "\n")
    else:
        out.print(result.report(verbose), highlight=False, markup=False)


@app.command(name="train-relations")
def train_relations(
    gold: Annotated[list[Path], typer.Argument(
        help="folders of gold files to learn from (never the ones you measure with)")],
    output: Annotated[Path, typer.Option("--out", "-o", help="where to write the model")] = (
        Path("data/models/relations.json")),
    threshold: Annotated[float, typer.Option(
        help="score from which a proposed relation is kept")] = 0.35,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", help="leave out gold files whose name matches this glob (repeatable): "
                          "the ones kept for measuring")] = None,
    folds: Annotated[int | None, typer.Option(
        help="cross-validate instead of training: deal the gold files into this many parts, "
             "score each with the rules alone and with a layer trained on the others, and "
             "print relation P/R/F1 per predicate (writes no model)")] = None,
) -> None:
    """Train the learned relation layer on gold files (see graph/extract/learned.py)."""
    from graph import cross_validate_relations, save_relation_model, train_relation_model

    if not 0.0 < threshold < 1.0:
        raise _fail(f"--threshold {threshold}: give a score between 0 and 1, e.g. 0.35")
    if folds is not None:
        try:
            totals = cross_validate_relations(gold, folds=folds, threshold=threshold,
                                              exclude=exclude or ())
        except DkgError as e:
            raise _fail(str(e)) from e
        lines = [f"{folds}-fold cross-validation, threshold {threshold}: relations P/R/F1",
                 f"{'predicate':16} {'rules':>20}   {'rules + layer':>20}   F1 change"]
        for predicate in ["all", *sorted(p for p in totals if p != "all")]:
            rules, both = totals[predicate]
            cells = [f"{x.precision:.3f} {x.recall:.3f} {x.f1:.3f}" for x in (rules, both)]
            lines.append(f"{predicate:16} {cells[0]:>20}   {cells[1]:>20}   "
                         f"{both.f1 - rules.f1:+.4f}")
        out.print("\n".join(lines), highlight=False, markup=False)
        return
    try:
        model, counts = train_relation_model(gold, threshold=threshold, exclude=exclude or ())
    except DkgError as e:
        raise _fail(str(e)) from e
    save_relation_model(model, output)
    out.print(
        f"wrote {output}: {counts['weights']} weights from {counts['files']} gold files "
        f"({counts['candidates']} candidate relations, {counts['positives']} in the gold); "
        f"threshold {threshold}",
        highlight=False, markup=False,
    )


def _resolve(st, entity: str) -> str:  # noqa: ANN001
    """An entity id as given, or the best search hit for a name."""
    from graph.entities import search_entities
    from graph.errors import NotFoundError

    if "/" in entity:
        return entity
    hits = search_entities(st, entity, limit=1)
    if not hits:
        raise NotFoundError(
            f"no entity is named like {entity!r}; try `dkg query` or the web search")
    return hits[0].id


def main() -> None:
    app()


if __name__ == "__main__":
    main()
