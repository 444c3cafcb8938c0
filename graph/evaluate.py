"""Scoring an Extraction against a gold file (the format of data/…/dev/*.json,
described in GUIDELINES.md).

Alignment: a gold entity's ``mention`` is looked up in the text (every
occurrence); a predicted entity of the same type aligns with it when one of
its mentions overlaps an occurrence, or when its label equals ``name_en``
after normalisation. Alignment is one-to-one (label matches first). Relations
match when subject, predicate and object align (``metWith`` either way).
Gold events' ``commemorates`` count as gold relations too.
"""

from __future__ import annotations

import fnmatch
import json
import re
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.errors import DkgError
from graph.extract.normalize import fold
from graph.models import Article, Extraction


def normalize_label(label: str) -> str:
    """A label reduced for comparison: ASCII, lower case, single spaces.

    >>> normalize_label("António  Guterres") == normalize_label("antonio guterres")
    True
    """
    text = unicodedata.normalize("NFKD", fold(label)).encode("ascii", "ignore").decode() or label
    return re.sub(r"[^0-9a-z\u0400-\u04ff]+", " ", text.casefold()).strip()


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Score:
    entities: PRF = field(default_factory=PRF)
    relations: PRF = field(default_factory=PRF)
    entities_by_type: dict[str, PRF] = field(default_factory=dict)
    relations_by_predicate: dict[str, PRF] = field(default_factory=dict)
    events: PRF = field(default_factory=PRF)
    event_dates_correct: int = 0
    event_places_correct: int = 0
    entity_misses: list[str] = field(default_factory=list)
    entity_false_alarms: list[str] = field(default_factory=list)
    relation_misses: list[str] = field(default_factory=list)
    relation_false_alarms: list[str] = field(default_factory=list)
    alignment: dict[str, str] = field(default_factory=dict)  # gold name_en -> predicted id

    def add(self, other: Score) -> None:
        for mine, theirs in (
            (self.entities, other.entities),
            (self.relations, other.relations),
            (self.events, other.events),
        ):
            mine.add(theirs)
        for table, others in (
            (self.entities_by_type, other.entities_by_type),
            (self.relations_by_predicate, other.relations_by_predicate),
        ):
            for key, prf in others.items():
                table.setdefault(key, PRF()).add(prf)
        self.event_dates_correct += other.event_dates_correct
        self.event_places_correct += other.event_places_correct
        self.entity_misses += other.entity_misses
        self.entity_false_alarms += other.entity_false_alarms
        self.relation_misses += other.relation_misses
        self.relation_false_alarms += other.relation_false_alarms

    def as_dict(self) -> dict[str, Any]:
        return {
            "entities": self.entities.as_dict(),
            "relations": self.relations.as_dict(),
            "events": self.events.as_dict(),
            "event_dates_correct": self.event_dates_correct,
            "event_places_correct": self.event_places_correct,
            "entities_by_type": {k: v.as_dict() for k, v in sorted(self.entities_by_type.items())},
            "relations_by_predicate": {
                k: v.as_dict() for k, v in sorted(self.relations_by_predicate.items())
            },
            "entity_misses": self.entity_misses,
            "entity_false_alarms": self.entity_false_alarms,
            "relation_misses": self.relation_misses,
            "relation_false_alarms": self.relation_false_alarms,
        }

    def report(self, verbose: bool = True) -> str:
        """Printable scores: totals, then per entity type and per predicate;
        with ``verbose``, the misses and false alarms too."""
        found = self.events.tp
        lines = [
            _line("entities", self.entities),
            _line("relations", self.relations),
            f"{'events':<16} R {self.events.recall:.3f}  dates {self.event_dates_correct}/{found}"
            f"  places {self.event_places_correct}/{found}",
        ]
        lines += _table("entity type", self.entities_by_type)
        lines += _table("predicate", self.relations_by_predicate)
        if verbose:
            for title, items in (
                ("entity misses", self.entity_misses),
                ("entity false alarms", self.entity_false_alarms),
                ("relation misses", self.relation_misses),
                ("relation false alarms", self.relation_false_alarms),
            ):
                if items:
                    lines.append(f"{title} ({len(items)}):")
                    lines += [f"  - {item}" for item in items]
        return "\n".join(lines)

    def tagged(self, tag: str) -> Score:
        """A copy whose misses and false alarms start with ``[tag]`` (the gold file)."""
        out = Score()
        out.add(self)
        out.alignment = dict(self.alignment)
        for name in (
            "entity_misses",
            "entity_false_alarms",
            "relation_misses",
            "relation_false_alarms",
        ):
            setattr(out, name, [f"[{tag}] {item}" for item in getattr(self, name)])
        return out


def _line(name: str, prf: PRF) -> str:
    return (
        f"{name:<16} P {prf.precision:.3f} R {prf.recall:.3f} F1 {prf.f1:.3f}"
        f"  ({prf.tp} tp, {prf.fp} fp, {prf.fn} fn)"
    )


def _table(title: str, table: dict[str, PRF]) -> list[str]:
    if not table:
        return []
    return [f"by {title}:"] + ["  " + _line(key, table[key]) for key in sorted(table)]


@dataclass
class CorpusScore:
    """Scores of a directory of gold files: in all, per language and per file.

    ``report(verbose)`` is the printable form (what ``dkg eval`` shows). For
    compatibility it unpacks as ``total, per_file``.
    """

    total: Score = field(default_factory=Score)
    by_lang: dict[str, Score] = field(default_factory=dict)
    per_file: dict[str, Score] = field(default_factory=dict)
    langs_of: dict[str, str] = field(default_factory=dict)  # file -> language
    seconds: float = 0.0
    words: int = 0

    def __iter__(self) -> Iterator[Any]:
        return iter((self.total, self.per_file))

    def report(self, verbose: bool = False) -> str:
        head = (
            f"{len(self.per_file)} gold files, {self.words} words, "
            f"extraction {1000 * self.seconds:.0f} ms "
            f"({1000 * self.seconds / max(self.words, 1) * 1000:.1f} ms per 1,000 words)"
        )
        lines = [head, "", "language  entities P/R/F1      relations P/R/F1"]
        for lang, sc in sorted(self.by_lang.items()) + [("all", self.total)]:
            e, r = sc.entities, sc.relations
            lines.append(
                f"{lang:<9} {e.precision:.3f} {e.recall:.3f} {e.f1:.3f}   "
                f"{r.precision:.3f} {r.recall:.3f} {r.f1:.3f}"
            )
        for lang, sc in sorted(self.by_lang.items()):
            lines += ["", f"== {lang} ==", sc.report(verbose)]
        if len(self.by_lang) != 1:
            lines += ["", "== all ==", self.total.report(verbose=False)]
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": self.total.as_dict(),
            "by_lang": {k: v.as_dict() for k, v in sorted(self.by_lang.items())},
            "per_file": {k: v.as_dict() for k, v in sorted(self.per_file.items())},
            "seconds": round(self.seconds, 4),
            "words": self.words,
        }


def _occurrences(text: str, mention: str) -> list[tuple[int, int]]:
    hay, needle = fold(text), fold(mention)
    out, i = [], hay.find(needle)
    while needle and i >= 0:
        out.append((i, i + len(needle)))
        i = hay.find(needle, i + 1)
    return out


def align_entities(extraction: Extraction, gold: dict[str, Any]) -> dict[str, str]:
    """Gold ``name_en`` -> the predicted entity id it aligns with (see the module's doc)."""
    text = extraction.article.text
    predicted = extraction.entities
    taken: set[str] = set()
    out: dict[str, str] = {}
    gold_entities = gold.get("entities", [])
    for g in gold_entities:  # pass 1: equal labels
        want = normalize_label(g["name_en"])
        for p in predicted:
            if p.id not in taken and p.type == g["type"] and normalize_label(p.label) == want:
                out[g["name_en"]] = p.id
                taken.add(p.id)
                break
    for g in gold_entities:  # pass 2: overlapping mentions, earliest occurrence first
        if g["name_en"] in out:
            continue
        spans = _occurrences(text, g.get("mention") or "")
        best: tuple[int, str] | None = None
        for p in predicted:
            if p.id in taken or p.type != g["type"]:
                continue
            for rank, (a, b) in enumerate(spans):
                if any(m.start < b and a < m.end for m in p.mentions):
                    if best is None or rank < best[0]:
                        best = (rank, p.id)
                    break
        if best:
            out[g["name_en"]] = best[1]
            taken.add(best[1])
    return out


def evaluate(extraction: Extraction, gold: dict[str, Any]) -> Score:
    """Score one extraction against one gold record."""
    score = Score()
    align = align_entities(extraction, gold)
    score.alignment = align
    labels = {e.id: e.label for e in extraction.entities}
    # entities
    for g in gold.get("entities", []):
        prf = score.entities_by_type.setdefault(g["type"], PRF())
        if g["name_en"] in align:
            prf.tp += 1
        else:
            prf.fn += 1
            score.entity_misses.append(f"{g['type']} {g['name_en']!r} ({g.get('mention')!r})")
    aligned = set(align.values())
    for p in extraction.entities:
        if p.id not in aligned:
            score.entities_by_type.setdefault(p.type, PRF()).fp += 1
            score.entity_false_alarms.append(
                f"{p.type} {p.id} ({p.mentions[0].text if p.mentions else ''!r})"
            )
    for prf in score.entities_by_type.values():
        score.entities.add(prf)
    # relations
    gold_rel = [(r["subject"], r["predicate"], r["object"]) for r in gold.get("relations", [])]
    for ev in gold.get("events", []):
        if ev.get("commemorates"):
            gold_rel.append((ev["name_en"], "commemorates", ev["commemorates"]))

    def key(s: str, p: str, o: str) -> tuple[str, str, str]:
        return (min(s, o), p, max(s, o)) if p == "metWith" else (s, p, o)

    predicted = {key(r.subject, r.predicate, r.object) for r in extraction.relations}
    matched: set[tuple[str, str, str]] = set()
    for s, p, o in dict.fromkeys(gold_rel):
        prf = score.relations_by_predicate.setdefault(p, PRF())
        k = key(align.get(s, "?" + s), p, align.get(o, "?" + o))
        if k in predicted:
            prf.tp += 1
            matched.add(k)
        else:
            prf.fn += 1
            score.relation_misses.append(f"{s} {p} {o}")
    for r in extraction.relations:
        k = key(r.subject, r.predicate, r.object)
        if k not in matched:
            score.relations_by_predicate.setdefault(r.predicate, PRF()).fp += 1
            score.relation_false_alarms.append(
                f"{labels.get(r.subject, r.subject)} {r.predicate} {labels.get(r.object, r.object)}"
            )
            matched.add(k)  # count a duplicate once
    for prf in score.relations_by_predicate.values():
        score.relations.add(prf)
    # events: found (aligned), with the right date and place
    records = {e.id: e for e in extraction.events}
    for ev in gold.get("events", []):
        pid = align.get(ev["name_en"])
        record = records.get(pid or "")
        if record is None:
            score.events.fn += 1
            continue
        score.events.tp += 1
        score.event_dates_correct += record.date == ev.get("date")
        place = align.get(ev["place"]) if ev.get("place") else None
        score.event_places_correct += record.place == place
    return score


def load_gold(path: str | Path) -> dict[str, Any]:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DkgError(
            f"gold file {path}: cannot read ({exc}); expected JSON as in GUIDELINES.md"
        ) from exc


def evaluate_dir(
    directory: str | Path,
    extract_fn: Callable[[Article], Extraction] | None = None,
    only: list[str] | None = None,
    learned: bool = True,
) -> CorpusScore:
    """Extract the text of every gold file under ``directory`` (its subfolders
    too, e.g. tests/corpus/{kk,ru,en}/) and score it: in all, per language
    (the gold's ``lang``) and per file. ``.report(verbose)`` prints it.
    ``only`` keeps the files whose name matches one of these globs; ``learned=False``
    scores the rules without the learned relation layer.
    """
    from graph.articles import parse_text  # floor 2, read lazily to keep this module light
    from graph.extract import extract

    run = extract_fn or (lambda article: extract(article, learned=learned))
    root = Path(directory)
    paths = sorted(root.rglob("*.json"))
    if only:
        paths = [p for p in paths if any(fnmatch.fnmatch(p.name, g) for g in only)]
    if not paths:
        raise DkgError(
            f"gold directory {directory}: no *.json gold files found"
            + (f" matching {' or '.join(only)}" if only else "")
        )
    out = CorpusScore()
    if extract_fn is None:  # load the gazetteer, lexicons and morphology before timing
        for lang, text in (("kk", "Қазақстан"), ("ru", "Казахстан"), ("en", "Kazakhstan")):
            run(parse_text(text + " БҰҰ.", lang=lang))
    for path in paths:
        gold = load_gold(path)
        if not isinstance(gold, dict) or "text" not in gold:
            raise DkgError(f'gold file {path}: no "text" field; expected JSON as in GUIDELINES.md')
        article = parse_text(
            gold["text"],
            lang=gold.get("lang"),
            date=gold.get("date"),
            title=gold.get("title"),
            path=path,
        )
        t0 = time.perf_counter()
        try:
            extraction = run(article)
        except DkgError:
            raise
        except Exception as exc:  # noqa: BLE001 — say which gold file broke the extractor
            raise DkgError(
                f"gold file {path}: the extractor failed ({type(exc).__name__}: {exc}); "
                "this is a bug in dkg: fix it or leave the file out with --only"
            ) from exc
        out.seconds += time.perf_counter() - t0
        out.words += len(gold["text"].split())
        name = path.relative_to(root).as_posix()
        score = evaluate(extraction, gold).tagged(path.stem)
        lang = gold.get("lang") or article.lang
        out.per_file[name] = score
        out.langs_of[name] = lang
        out.by_lang.setdefault(lang, Score()).add(score)
        out.total.add(score)
    return out
