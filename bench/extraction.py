"""Extraction speed: ``parse_text`` + ``extract`` on a ~1,000-word article per language.

The articles are built from the sample articles in data/articles/ (their body
paragraphs repeated to ~1,000 words under the original title). Each figure is
the median of N timed runs on one core, after one warm-up run (the cold first
call, which loads the lexicon and the morphology, is reported separately).

Baseline, measured in the same run: ``str.split()`` of the same text and a set
lookup of every token in the set of all gazetteer name tokens — the cost floor
of any gazetteer pass.

    python bench/extraction.py [--runs 30] [--words 1000] [--unseen tests/corpus_blind]
                               [--rules-only]

``--rules-only`` leaves out the learned relation layer (graph/extract/learned.py), to
measure what it costs.

``--unseen DIR`` adds the figure that matters for a stream of new articles: every gold
file's text is extracted once, right after the warm-up, so its words are new to the
Russian morphology's cache (the costly part); ms per 1,000 words over the folder, and the
slowest article scaled to 1,000 words.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
import timeit
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = {
    "kk": REPO / "data" / "articles" / "kk-unhrc61-cd-2026.txt",
    "ru": REPO / "data" / "articles" / "ru-sco-cfm-tianjin-2025.json",
    "en": REPO / "data" / "articles" / "en-unga80-water-2025.html",
}
TARGET_MS = 50.0


def long_article(path: Path, words: int = 1000) -> tuple[str, str, str]:
    """(text, title, date) of an article of about ``words`` words from a sample's body."""
    from graph.articles import read_articles

    article = next(a for a in read_articles(path) if not isinstance(a, Exception))
    paragraphs = [s.text for s in article.body if s != article.title_span and s.text.strip()]
    out: list[str] = []
    count = 0
    while count < words:
        for p in paragraphs:
            out.append(p)
            count += len(p.split())
            if count >= words:
                break
    return article.title + "\n\n" + "\n\n".join(out), article.title, article.date


def extractor(learned: bool):  # noqa: ANN201
    """``extract(article, gazetteer)`` with or without the learned relation layer."""
    from functools import partial

    from graph.extract import extract

    return partial(extract, learned=learned)


def name_tokens(gazetteer) -> set[str]:
    tokens: set[str] = set()
    for entry in gazetteer.entries():
        for name in entry.all_names():
            tokens.update(t.casefold() for t in name.split())
    for role in gazetteer.roles():
        for name in role.all_names():
            tokens.update(t.casefold() for t in name.split())
    return tokens


def baseline(text: str, tokens: set[str]) -> int:
    return sum(1 for t in text.split() if t.casefold() in tokens)


def median_ms(fn, runs: int) -> tuple[float, float]:
    times = timeit.Timer(fn).repeat(repeat=runs, number=1)
    times.sort()
    return statistics.median(times) * 1000, times[int(0.95 * (len(times) - 1))] * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--unseen", type=Path, default=None,
                        help="a folder of gold files to extract once each (new words)")
    parser.add_argument("--rules-only", action="store_true",
                        help="without the learned relation layer")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core

    import pyoxigraph

    from graph.articles import parse_text
    from graph.extract import EXTRACTOR_VERSION
    from graph.gazetteer import load_gazetteer

    extract = extractor(learned=not args.rules_only)

    t0 = time.perf_counter()
    gazetteer = load_gazetteer()
    t_gaz = (time.perf_counter() - t0) * 1000
    tokens = name_tokens(gazetteer)
    print(f"# extraction benchmark — {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"python {platform.python_version()}, pyoxigraph {pyoxigraph.__version__}, "
          f"extractor {EXTRACTOR_VERSION}{' (rules only)' if args.rules_only else ''}, "
          f"one core, median of {args.runs} runs")
    print(f"gazetteer: {len(gazetteer)} entries, {len(tokens)} name tokens, "
          f"loaded in {t_gaz:.0f} ms (once per process)\n")
    print("| lang | words | sentences | entities | relations | cold first call ms | "
          "parse_text ms | extract ms | parse+extract ms (p95) | baseline ms | ratio | "
          f"< {TARGET_MS:.0f} ms |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for lang, path in SAMPLES.items():
        text, title, date = long_article(path, args.words)
        t0 = time.perf_counter()
        article = parse_text(text, title=title, date=date)
        ex = extract(article, gazetteer)
        cold = (time.perf_counter() - t0) * 1000
        assert article.lang == lang, (article.lang, lang)
        parse_ms, _ = median_ms(
            lambda text=text, title=title, date=date: parse_text(text, title=title, date=date),
            args.runs)
        extract_ms, _ = median_ms(lambda a=article: extract(a, gazetteer), args.runs)
        both_ms, both_p95 = median_ms(
            lambda text=text, title=title, date=date: extract(
                parse_text(text, title=title, date=date), gazetteer),
            args.runs)
        base_ms, _ = median_ms(lambda text=text: baseline(text, tokens), args.runs * 10)
        print(f"| {lang} | {len(text.split())} | {len(article.sentences)} | "
              f"{len(ex.entities)} | {len(ex.relations)} | {cold:.0f} | {parse_ms:.1f} | "
              f"{extract_ms:.1f} | {both_ms:.1f} ({both_p95:.1f}) | {base_ms:.3f} | "
              f"{both_ms / base_ms:.0f}× | {'yes' if both_ms < TARGET_MS else 'NO'} |")
        sys.stdout.flush()
    if args.unseen:
        unseen(args.unseen, gazetteer, learned=not args.rules_only)
    return 0


def unseen(folder: Path, gazetteer, learned: bool = True) -> None:
    """Each article once, first time seen (after a warm-up on a few articles of
    tests/corpus): per language, ms per 1,000 words (all its articles) and the slowest
    article's ms per 1,000 words."""
    import json

    from graph.articles import parse_text

    extract = extractor(learned)

    # a serving process has read articles before: warm the lazy parts (lexicons, name
    # lists, morphology of common words) on the hand-written corpus, not on the measured one
    warm = Path(__file__).resolve().parent.parent / "tests" / "corpus"
    for path in sorted(warm.rglob("*.json"))[:: 5] if warm.is_dir() else []:
        gold = json.loads(path.read_text(encoding="utf-8"))
        extract(parse_text(gold["text"], lang=gold["lang"], date=gold.get("date")), gazetteer)
    per_lang: dict[str, list[tuple[float, int]]] = {}
    for path in sorted(folder.rglob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        t0 = time.perf_counter()
        extract(parse_text(gold["text"], lang=gold["lang"], date=gold.get("date")), gazetteer)
        ms = (time.perf_counter() - t0) * 1000
        per_lang.setdefault(gold["lang"], []).append((ms, len(gold["text"].split())))
    print(f"\nunseen articles ({folder}), each extracted once, parse + extract:\n")
    print(f"| lang | articles | words | ms per 1,000 words | slowest article, ms per 1,000 words "
          f"| < {TARGET_MS:.0f} ms |")
    print("|---|---|---|---|---|---|")
    for lang, rows in sorted(per_lang.items()):
        ms = sum(r[0] for r in rows)
        words = sum(r[1] for r in rows)
        rate = 1000 * ms / words
        worst = max(1000 * m / w for m, w in rows)
        print(f"| {lang} | {len(rows)} | {words} | {rate:.1f} | {worst:.1f} | "
              f"{'yes' if rate < TARGET_MS else 'NO'} |")


if __name__ == "__main__":
    sys.exit(main())
