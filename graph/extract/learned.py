"""A learned layer over the rules: relations between entities the rules left unrelated.

The rules of ``graph/extract`` state a relation when a sentence uses a construction they
know; on text their writers never read, many relations are said in ways they do not
know. This layer looks at every pair of entities named in one sentence that the rules did
not relate, and scores each
pair and predicate with a logistic regression over sparse features: the entity types, the
words between and around the two mentions (Russian and Kazakh words cut to five letters,
a poor man's stem), their distance and order, what else the rules said of the two. A
pair scored at or above the model's threshold becomes a relation, with its sentence as
evidence and the score as confidence.

The model is trained on gold files (``dkg train-relations``, ``make model``) and kept in
``data/models/relations.json``; the one shipped was trained on the dev part of the blind
corpus and on dkg's own annotated texts, never on the held-out parts, which measure it.
Adding a relation scored p costs precision and buys recall: it raises F1 whenever p is
above F1/2, so the threshold (0.35) sits above half the relation F1 on unseen text.

>>> SIGNATURES["partyTo"]
(('State', 'Organization'), ('Treaty',))
"""

from __future__ import annotations

import fnmatch
import json
import math
import random
import re
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import repeat
from pathlib import Path
from typing import Any

from graph.config import DATA_DIR
from graph.errors import DkgError
from graph.gazetteer import Gazetteer
from graph.models import Entity, Extraction, Mention, Relation, Span

MODEL_FILE = DATA_DIR / "models" / "relations.json"
MODEL_FORMAT = "dkg-relations/1"

#: predicate -> (subject types, object types), as GUIDELINES.md defines them
SIGNATURES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "participatedIn": (("Official", "State", "Organization"), ("Event", "Forum")),
    "holdsPositionIn": (("Official",), ("State", "Organization", "Forum")),
    "represents": (("Official",), ("State", "Organization")),
    "metWith": (("Official",), ("Official",)),
    "proposed": (("Official", "State"), ("Initiative", "Treaty", "Organization")),
    "supports": (("Official", "State", "Organization"), ("Initiative", "Treaty", "Forum")),
    "calledFor": (("Official", "State"), ("Initiative", "Treaty")),
    "signed": (("Official", "State"), ("Treaty",)),
    "partyTo": (("State", "Organization"), ("Treaty",)),
    "locatedIn": (("Event", "Place", "Organization"), ("Place", "State")),
    "partOf": (("Event", "Organization", "Forum"), ("Event", "Forum", "Organization")),
}
_WORD = re.compile(r"\w+")
_BUCKETS = (0, 1, 2, 3, 5, 8, 12, 20)
_MAX_BETWEEN = 12  # words between two mentions read one by one (further apart: distance only)


@dataclass(slots=True)
class Candidate:
    """A relation the rules did not state, with the sentence it would come from. Its
    features are ``prefix|part`` for each of ``parts`` (the prefix is the predicate); the
    parts of one pair are shared by its predicates."""

    subject: str
    predicate: str
    object: str
    start: int  # the evidence sentence's offsets in the article's text
    end: int
    prefix: str
    parts: list[str]

    @property
    def features(self) -> list[str]:
        return [f"{self.prefix}|{part}" for part in self.parts]


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    threshold: float
    trained_on: tuple[str, ...]  # the gold files' names

    def score(self, features: Iterable[str]) -> float:
        return _sigmoid(sum(map(self.weights.get, features, repeat(0.0))))

    def score_candidate(self, c: Candidate) -> float:
        table = self._by_prefix.get(c.prefix, {})
        return _sigmoid(sum(map(table.get, c.parts, repeat(0.0))))

    @cached_property
    def _by_prefix(self) -> dict[str, dict[str, float]]:
        """The weights split by prefix (``partyTo|b|signed`` -> [partyTo][b|signed]), so that
        scoring builds no strings."""
        tables: dict[str, dict[str, float]] = defaultdict(dict)
        for feature, w in self.weights.items():
            prefix, _, part = feature.partition("|")
            tables[prefix][part] = w
        return dict(tables)


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _bucket(n: int) -> str:
    return _BUCKET_OF[n] if 0 <= n < len(_BUCKET_OF) else ("big" if n > 0 else "0")


_BUCKET_OF = [next((str(b) for b in _BUCKETS if n <= b), "big") for n in range(64)]
#: the predicates the layer proposes: those whose proposals held on unseen text. Who met,
#: represented, proposed, backed, called for or signed what, it learnt by heart from its
#: training texts (right on them, never kept on the held-out parts), so it leaves them to
#: the rules. Who took part in what it no longer proposes either: in five-fold
#: cross-validation on its own training texts its participations cost relation F1 at every
#: threshold from 0.35 to 0.75 (at 0.35: 32 right, 102 wrong), while the four kept gained.
LEARNED = ("holdsPositionIn", "partOf", "partyTo", "locatedIn")
#: (subject type, object type) -> the learned predicates whose signature fits
_FITTING: dict[tuple[str, str], list[str]] = defaultdict(list)
for _p, (_subjects, _objects) in ((p, SIGNATURES[p]) for p in LEARNED):
    for _s in _subjects:
        for _o in _objects:
            _FITTING[(_s, _o)].append(_p)


def _sentence_at(sentences: list[Span], starts: list[int], offset: int) -> int | None:
    """The index of the sentence holding ``offset`` (``starts``: the sentences' starts)."""
    n = bisect_right(starts, offset) - 1
    return n if n >= 0 and offset < sentences[n].end else None


def _words(text: str, lang: str, base: int) -> tuple[list[int], list[int], list[str]]:
    """The words of a sentence: their start and end offsets and their normal forms (Russian
    and Kazakh words cut to five letters)."""
    starts, ends, words = [], [], []
    for m in _WORD.finditer(text):
        starts.append(base + m.start())
        ends.append(base + m.end())
        w = m.group().casefold()
        words.append(w if lang == "en" else w[:5])
    return starts, ends, words


def candidates(extraction: Extraction) -> list[Candidate]:
    """The pairs the layer scores: entities of one sentence, fitting a predicate's signature,
    that the rules did not relate; and every official, state and organisation not said to
    have taken part in the article's first event."""
    art = extraction.article
    lang = art.lang
    stated = {(r.subject, r.predicate, r.object) for r in extraction.relations}
    said_of: dict[tuple[str, str], set[str]] = defaultdict(set)
    per_subject: Counter[tuple[str, str]] = Counter()
    per_object: Counter[tuple[str, str]] = Counter()
    stated_of: Counter[str] = Counter()  # how many relations the rules gave each subject
    for s, p, o in stated:
        stated_of[s] += p in SIGNATURES
        said_of[(s, o)].add(p)
        said_of[(o, s)].add("~" + p)
        per_subject[(s, p)] += 1
        per_object[(o, p)] += 1
    first_event = next((e.id for e in extraction.entities if e.type == "Event"), None)
    seen: set[tuple[str, str, str]] = set()
    out: list[Candidate] = []
    starts = [s.start for s in art.sentences]
    by_sentence: dict[int, dict[str, tuple[Entity, list[Mention]]]] = defaultdict(dict)
    for e in extraction.entities:
        for m in e.mentions:
            n = _sentence_at(art.sentences, starts, m.start)
            if n is not None:
                by_sentence[n].setdefault(e.id, (e, []))[1].append(m)
    for index in sorted(by_sentence):
        sent = art.sentences[index]
        inside = list(by_sentence[index].values())
        if len(inside) < 2:
            continue
        of_type = Counter(e.type for e, _ in inside)
        tokens: tuple[list[int], list[int], list[str]] | None = None  # read when first needed
        for a, a_mentions in inside:
            for b, b_mentions in inside:
                if a.id == b.id:
                    continue
                shared: list[str] | None = None  # the pair's parts, read once
                for p in _FITTING.get((a.type, b.type), ()):
                    key = (a.id, p, b.id)
                    if key in seen:
                        continue
                    seen.add(key)
                    if key in stated or (p == "metWith" and (b.id, p, a.id) in stated):
                        continue
                    if _settled(p, a.id, per_subject):
                        continue
                    if p in _FUNCTIONAL and b.type == "State" and any(
                        _topic(art.text, m, lang) for m in b_mentions
                    ):
                        continue
                    if p == "metWith":
                        seen.add((b.id, p, a.id))
                    if shared is None:
                        tokens = tokens or _words(sent.text, lang, sent.start)
                        shared = _pair_parts(a, a_mentions, b, b_mentions, lang, index,
                                             of_type, first_event, *tokens)
                    parts = shared + [
                        "sp" + _bucket(per_subject[(a.id, p)]),
                        "op" + _bucket(per_object[(b.id, p)]),
                    ]
                    parts += ["pp|" + q for q in said_of.get((a.id, b.id), ()) if q != p]
                    if a.type == "Official":
                        parts.append("rels" + _bucket(stated_of[a.id]))
                    out.append(Candidate(a.id, p, b.id, sent.start, sent.end, p, parts))
    return out


def _pair_parts(
    a: Entity,
    a_mentions: list[Mention],
    b: Entity,
    b_mentions: list[Mention],
    lang: str,
    index: int,
    of_type: Counter[str],
    first_event: str | None,
    w_starts: list[int],
    w_ends: list[int],
    words: list[str],
) -> list[str]:
    """What a pair of one sentence looks like, whatever the predicate: types, distance,
    order, the words between and around its two closest mentions."""
    ma, mb = min(
        ((x, y) for x in a_mentions for y in b_mentions),
        key=lambda xy: abs(xy[0].start - xy[1].start),
    )
    lo, hi = (ma, mb) if ma.start <= mb.start else (mb, ma)
    first = bisect_left(w_starts, lo.end)  # words wholly between the mentions
    last = bisect_right(w_ends, hi.start)
    between = words[first:last] if hi.start > lo.end else []
    parts = [
        "bias",
        f"{a.type}>{b.type}",
        f"{lang}|{a.type}>{b.type}",
        "d" + _bucket(len(between)),
        "sfirst" if ma.start <= mb.start else "ofirst",
        "nested" if hi.start < lo.end else "sep",
        "no" + _bucket(of_type[b.type] - 1),
        "ns" + _bucket(of_type[a.type] - 1),
        "si" + _bucket(index),
        "main" if b.id == first_event else "notmain",
        "known_s" if a.known else "new_s",
        "known_o" if b.known else "new_o",
    ]
    if len(between) <= _MAX_BETWEEN:
        parts += ["b|" + w for w in between]
    before = bisect_right(w_ends, lo.start)
    after = bisect_left(w_starts, hi.end)
    parts += ["bef|" + w for w in words[max(0, before - 3) : before]]
    parts += ["aft|" + w for w in words[after : after + 3]]
    return parts


#: a predicate the rules read whole where they read it at all: an official's post (one per
#: official in a text: "the Secretary-General's envoy for Syria" holds no post in Syria)
_FUNCTIONAL = frozenset({"holdsPositionIn"})


#: words that make a state named the topic or the place of an office, not its holder's state:
#: "Special Envoy for Syria", "посол Японии в Казахстане", "Сирия жөніндегі арнайы өкілі",
#: "Қазақстандағы елшісі"
_TOPIC_BEFORE = {"en": ("for", "on", "to", "in"), "ru": ("по", "в", "во", "при", "к")}
_TOPIC_AFTER = {"kk": ("жөніндегі", "бойынша", "туралы")}
_KK_WHERE = ("дағы", "дегі", "тағы", "тегі")


def _topic(text: str, mention: Mention, lang: str) -> bool:
    before = _WORD.findall(text[max(0, mention.start - 12) : mention.start])
    after = _WORD.findall(text[mention.end : mention.end + 16])
    if lang == "kk":
        word = mention.text.casefold()
        return word.endswith(_KK_WHERE) or bool(after) and after[0].casefold() in _TOPIC_AFTER["kk"]
    return bool(before) and before[-1].casefold() in _TOPIC_BEFORE[lang]


def _settled(predicate: str, subject: str, per_subject: Counter[tuple[str, str]]) -> bool:
    """Whether the rules already settled this question, so that the model must not add to
    their answer."""
    return predicate in _FUNCTIONAL and per_subject[(subject, predicate)] > 0


def propose(
    extraction: Extraction, model: Model | None = None, gazetteer: Gazetteer | None = None
) -> list[Relation]:
    """The relations the model adds to the rules' extraction (none without a model). With
    the ``gazetteer``, an official it knows holds only the posts it lists, an event is placed
    only where the rules' places allow (one holds the other), and nothing is made part of
    what the reference data says is part of it."""
    model = model or load_relation_model()
    if model is None:
        return []
    art = extraction.article
    kept: dict[tuple[str, str, str], tuple[float, Candidate]] = {}
    located = defaultdict(set)  # where the rules placed what
    for r in extraction.relations:
        if r.predicate == "locatedIn":
            located[r.subject].add(r.object)
    for c in candidates(extraction):
        p = model.score_candidate(c)
        if p < model.threshold:
            continue
        if c.predicate == "holdsPositionIn" and not _known_post(gazetteer, c.subject, c.object):
            continue
        if c.predicate == "locatedIn" and any(
            not _compatible(gazetteer, c.object, there) for there in located[c.subject]
        ):
            continue  # held in Tianjin (say the rules), so not in Astana
        if c.predicate == "partOf" and gazetteer is not None and c.subject in _part_chain(
            gazetteer, c.object
        ):
            continue  # the Commission is the EU's, so the EU is not the Commission's
        # one post per official: the likeliest
        key = (c.subject, c.predicate, "" if c.predicate in _FUNCTIONAL else c.object)
        if key not in kept or p > kept[key][0]:
            kept[key] = (p, c)
    return [
        Relation(c.subject, c.predicate, c.object, art.text[c.start : c.end], c.start, c.end,
                 round(p, 3), date=art.date)
        for p, c in kept.values()
    ]


def _compatible(gazetteer: Gazetteer | None, a: str, b: str) -> bool:
    """Can one thing be in both places: one holds the other (Palace of Nations, Geneva,
    Switzerland), or the reference data cannot tell (an unknown venue)?"""
    if gazetteer is None or gazetteer.get(a) is None or gazetteer.get(b) is None:
        return True
    return b in _container_chain(gazetteer, a) or a in _container_chain(gazetteer, b)


def _container_chain(gazetteer: Gazetteer, place: str) -> set[str]:
    chain, entry = {place}, gazetteer.get(place)
    while entry is not None and entry.located_in and entry.located_in not in chain:
        chain.add(entry.located_in)
        entry = gazetteer.get(entry.located_in)
    return chain


def _part_chain(gazetteer: Gazetteer, entry_id: str) -> set[str]:
    """What the reference data says ``entry_id`` is part of, however far up."""
    chain, entry = set(), gazetteer.get(entry_id)
    while entry is not None and entry.part_of and entry.part_of not in chain:
        chain.add(entry.part_of)
        entry = gazetteer.get(entry.part_of)
    return chain


def _known_post(gazetteer: Gazetteer | None, person: str, body: str) -> bool:
    """Can ``person`` hold a post in ``body``: yes, unless the reference data lists his
    posts and none is in ``body`` (or in what it is part of): "Tokayev ... the Security
    Council" is no post of his."""
    entry = gazetteer.get(person) if gazetteer is not None else None
    if entry is None or not entry.positions:
        return True
    posts = {pos.of for pos in entry.positions}
    posts |= {part for of in posts if (part := getattr(gazetteer.get(of), "part_of", None))}
    return body in posts


# -- training --------------------------------------------------------------------------


def labelled(extraction: Extraction, gold: dict[str, Any]) -> list[tuple[Candidate, bool]]:
    """The candidates of an extraction, each with whether the gold file states it."""
    from graph.evaluate import align_entities

    align = align_entities(extraction, gold)
    truth: set[tuple[str, str, str]] = set()
    for r in gold.get("relations", []):
        s, p, o = align.get(r["subject"]), r["predicate"], align.get(r["object"])
        if s and o:
            truth.add((s, p, o))
            if p == "metWith":
                truth.add((o, p, s))
    return [(c, (c.subject, c.predicate, c.object) in truth) for c in candidates(extraction)]


def fit(
    rows: list[tuple[list[str], bool]], epochs: int = 12, rate: float = 0.1, l2: float = 1e-4,
    seed: int = 0,
) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent; deterministic for a seed."""
    weights: dict[str, float] = defaultdict(float)
    data = list(rows)
    rnd = random.Random(seed)
    for epoch in range(epochs):
        rnd.shuffle(data)
        eta = rate / (1 + epoch)
        for features, truth in data:
            z = sum(weights[f] for f in features)
            g = (1.0 if truth else 0.0) - 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for f in features:
                weights[f] += eta * (g - l2 * weights[f])
    return {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 5e-4}


def _training_files(
    gold_dirs: Iterable[str | Path], exclude: Iterable[str] = ()
) -> list[tuple[str, dict[str, Any], Extraction]]:
    """Every gold file under ``gold_dirs`` (but those whose name matches a glob of
    ``exclude``), with its gold and its extraction by the rules alone."""
    from graph.articles import parse_text
    from graph.evaluate import load_gold
    from graph.extract import extract

    exclude = tuple(exclude)
    out = []
    for directory in gold_dirs:
        paths = [
            p for p in sorted(Path(directory).rglob("*.json"))
            if not any(fnmatch.fnmatch(p.name, glob) for glob in exclude)
        ]
        if not paths:
            raise DkgError(f"gold directory {directory}: no *.json gold files found")
        for path in paths:
            gold = load_gold(path)
            if not isinstance(gold, dict) or "text" not in gold:
                raise DkgError(f"gold file {path}: no \"text\" field; expected the gold format")
            article = parse_text(gold["text"], lang=gold.get("lang"), date=gold.get("date"),
                                 title=gold.get("title"), path=path)
            out.append((path.name, gold, extract(article, learned=False)))
    return out


def train_relation_model(
    gold_dirs: Iterable[str | Path],
    threshold: float = 0.35,
    epochs: int = 12,
    seed: int = 0,
    exclude: Iterable[str] = (),
) -> tuple[Model, dict[str, int]]:
    """Extract every gold file under ``gold_dirs`` (but those whose name matches a glob of
    ``exclude``) with the rules alone and fit the model on the candidates; returns it with
    counts (files, candidates, positives, weights)."""
    files = _training_files(gold_dirs, exclude)
    rows = [(c.features, truth) for _, gold, x in files for c, truth in labelled(x, gold)]
    names = [name for name, _, _ in files]
    model = Model(fit(rows, epochs=epochs, seed=seed), threshold, tuple(sorted(names)))
    counts = {"files": len(names), "candidates": len(rows),
              "positives": sum(1 for _, t in rows if t), "weights": len(model.weights)}
    return model, counts


def cross_validate_relations(
    gold_dirs: Iterable[str | Path],
    folds: int = 5,
    threshold: float = 0.35,
    exclude: Iterable[str] = (),
    seed: int = 0,
) -> dict[str, tuple[Any, Any]]:
    """What the layer would add on text it was not trained on, measured on its own training
    files: they are dealt into ``folds`` parts (a seeded shuffle); each part is scored with
    the rules alone and with a layer trained on the other parts. Returns, per predicate and
    for "all", the relation counts (``graph.evaluate.PRF``) of the rules and of rules plus
    layer over all parts."""
    from graph.evaluate import PRF, evaluate
    from graph.gazetteer import load_gazetteer

    if folds < 2:
        raise DkgError(f"--folds {folds}: cross-validation needs at least 2 folds, e.g. 5")
    files = _training_files(gold_dirs, exclude)
    if len(files) < folds:
        raise DkgError(f"{len(files)} gold files cannot be dealt into {folds} folds; "
                       "give fewer folds or more files")
    rows = [[(c.features, truth) for c, truth in labelled(x, gold)] for _, gold, x in files]
    order = list(range(len(files)))
    random.Random(seed).shuffle(order)
    gazetteer = load_gazetteer()
    totals: dict[str, tuple[PRF, PRF]] = defaultdict(lambda: (PRF(), PRF()))
    for fold in range(folds):
        held = set(order[fold::folds])
        train = [r for n, file_rows in enumerate(rows) if n not in held for r in file_rows]
        model = Model(fit(train, seed=seed), threshold, ())
        for n in sorted(held):
            _, gold, rules = files[n]
            both = Extraction(article=rules.article, entities=rules.entities,
                              relations=rules.relations + propose(rules, model, gazetteer),
                              events=rules.events, extractor=rules.extractor)
            for x, side in ((rules, 0), (both, 1)):
                score = evaluate(x, gold)
                for predicate, prf in [("all", score.relations),
                                       *score.relations_by_predicate.items()]:
                    totals[predicate][side].add(prf)
    return dict(totals)


def save_relation_model(model: Model, path: str | Path = MODEL_FILE) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"format": MODEL_FORMAT, "threshold": model.threshold,
            "trained_on": list(model.trained_on), "weights": model.weights}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=0, sort_keys=False) + "\n",
                    encoding="utf-8")


def load_relation_model(path: str | Path | None = None) -> Model | None:
    """The model at ``path`` (default data/models/relations.json); None when there is none."""
    path = Path(path) if path is not None else MODEL_FILE
    if not path.is_file():
        return None
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4)
def _load(path: str, _mtime: int, _size: int) -> Model:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DkgError(f"relation model {path}: cannot read ({exc}); retrain it with "
                       "`dkg train-relations`") from exc
    if not isinstance(data, dict) or data.get("format") != MODEL_FORMAT:
        raise DkgError(f"relation model {path}: not a {MODEL_FORMAT} model; retrain it with "
                       "`dkg train-relations`")
    return Model(dict(data["weights"]), float(data["threshold"]), tuple(data["trained_on"]))
