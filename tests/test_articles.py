"""Reading articles: the seed against its gold, every format, and every kind of bad input."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from graph.article_layout import parse_date
from graph.articles import expand_paths, parse_text, read_articles, split_sentences
from graph.errors import ArticleError
from graph.language import detect_language
from graph.models import Article, Span

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures" / "articles"
SEED = REPO / "data" / "articles" / "kk-unhrc61-cd-2026.txt"
SHARED = Path("/work/shared/corpus")
GOLD = SHARED / "dev" / "kk-seed-unhrc61-cd-2026.json"


def read_one(path: Path, **kwargs: object) -> Article:
    results = list(read_articles(path, **kwargs))  # type: ignore[arg-type]
    assert len(results) == 1
    assert isinstance(results[0], Article), results[0]
    return results[0]


def assert_offsets(article: Article) -> None:
    spans = [*article.body, *article.sentences, *article.clutter]
    if article.title_span is not None:
        spans.append(article.title_span)
    for span in spans:
        assert article.text[span.start : span.end] == span.text
        assert span.text == span.text.strip() and span.text


# --- the seed against its gold -------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> dict:
    if not GOLD.exists():
        pytest.skip("the shared corpus is not mounted")
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed() -> Article:
    return read_one(SEED)


def test_seed_copy_is_the_seed(gold: dict) -> None:
    assert SEED.read_text(encoding="utf-8") == gold["text"]


def test_seed_metadata_matches_gold(seed: Article, gold: dict) -> None:
    assert seed.title == gold["title"]
    assert seed.date == gold["date"] == "2026-02-27"
    assert seed.lang == gold["lang"] == "kk"
    assert seed.title_span is not None and seed.title_span.text == gold["title"]
    assert seed.path == str(SEED)


def test_seed_clutter_is_gold_boilerplate(seed: Article, gold: dict) -> None:
    assert [span.text for span in seed.clutter] == gold["boilerplate"]
    body_text = " ".join(span.text for span in seed.body)
    assert "27.02.2026" not in body_text  # the date line is metadata, not body
    for line in gold["boilerplate"]:
        assert line not in body_text


def test_seed_every_gold_evidence_is_a_sentence(seed: Article, gold: dict) -> None:
    sentences = {span.text for span in seed.sentences}
    two_sentence = 0
    for relation in gold["relations"]:
        evidence = relation["evidence"]
        if evidence in sentences:
            continue
        # evidence of two sentences: each one must be a sentence span
        first, second = evidence.split(". ", 1)
        assert first + "." in sentences and second in sentences, evidence
        two_sentence += 1
    assert two_sentence == 1


def test_seed_offsets_and_units(seed: Article, gold: dict) -> None:
    assert_offsets(seed)
    texts = [span.text for span in seed.sentences]
    assert texts[0] == gold["title"]
    assert "Жоғары деңгейлі сегменттің жұмысы" in texts  # a heading is its own unit
    assert "• өңірлік экологиялық саммит өткізу бастамасы;" in texts
    assert "Олардың қатарында:" in texts
    assert sum(text.startswith("•") for text in texts) == 8
    initials = [text for text in texts if "Е.Ашықбаев" in text]
    assert all(text.startswith("Е.Ашықбаев") or text.startswith("Сессияның") for text in initials)


def test_seed_id_and_hash(seed: Article) -> None:
    import hashlib

    assert seed.content_hash == hashlib.sha256(seed.text.encode()).hexdigest()
    assert seed.id == seed.content_hash[:16]
    assert seed.url is None


# --- formats --------------------------------------------------------------------------------


def test_plain_text_with_date_on_top_and_footer() -> None:
    article = read_one(FIXTURES / "ru-date-on-top.txt")
    assert article.lang == "ru"
    assert article.title == "Казахстан и Россия обсудили повестку Каспийского саммита"
    assert article.date == "2026-02-27"  # from "Опубликовано: 27 февраля 2026, 14:35"
    assert [span.text for span in article.clutter] == [
        "Новости МИД",
        "Поделиться",
        "Все права защищены",
    ]
    texts = [span.text for span in article.sentences]
    assert (
        "Министр иностранных дел Казахстана провел телефонный разговор с Министром "
        "иностранных дел России С. Лавровым." in texts
    )
    assert (
        "Товарооборот двух стран в 2025 г. вырос на 2.5 процента, т.е. почти до 28 млрд "
        "долларов." in texts
    )
    assert "Следующий раунд консультаций назначен на 27.02.2026 в Астане." in texts
    assert "Итоги разговора" in texts
    assert "• продолжить работу над Каспийской конвенцией." in texts
    assert_offsets(article)


def test_markdown_with_wrapped_lines() -> None:
    article = read_one(FIXTURES / "en-wrapped.md")
    assert article.title == "Kazakhstan and the UN Secretary-General discuss water"
    assert article.title_span is not None
    assert article.text[article.title_span.start - 2 : article.title_span.start] == "# "
    texts = [span.text for span in article.sentences]
    assert texts[2] == (
        "The President of Kazakhstan met UN Secretary-General A. Guterres on the\n"
        "margins of the General Assembly."
    )
    assert texts[3].startswith("They discussed the U.S. proposal")
    assert texts[3].endswith(
        "resolution No. 5 of the Commission and a 3.5 per cent rise in funding."
    )
    assert texts[-1] == "Mr. Guterres said the UN would support it!"
    assert article.clutter == []
    assert_offsets(article)


def test_json_article() -> None:
    article = read_one(FIXTURES / "en-release.json")
    assert article.title == "Kazakhstan and the OSCE discuss regional security"
    assert article.title_span is None  # the title is not repeated in the text
    assert article.date == "2025-12-04"
    assert article.url == "https://example.org/en/news/osce-vienna"
    assert article.source == "Example MFA"
    assert article.lang == "en"
    assert article.id == __import__("hashlib").sha256(article.url.encode()).hexdigest()[:16]
    assert [span.text for span in article.sentences] == [
        "The Minister of Foreign Affairs of Kazakhstan met the OSCE Secretary General in Vienna.",
        "The sides discussed regional security, water cooperation and the U.S. position on "
        "arms control.",
        "The Minister invited the OSCE to take part in the Regional Climate Summit in Astana.",
    ]
    assert_offsets(article)


def test_jsonl_bad_lines_are_reported_and_the_rest_read() -> None:
    results = list(read_articles(FIXTURES / "batch.jsonl"))
    articles = [r for r in results if isinstance(r, Article)]
    errors = [str(r) for r in results if isinstance(r, ArticleError)]
    assert [a.lang for a in articles] == ["ru", "en", "kk"]
    assert [a.title for a in articles] == [
        "Токаев выступил в ООН",
        "Tokayev at the UN",
        "Тоқаев БҰҰ-да",
    ]
    assert all(a.date == "2025-09-23" for a in articles)
    where = str(FIXTURES / "batch.jsonl")
    assert errors == [
        f'{where} line 3: field "date" is "31.02.2026", not a date '
        "(expected YYYY-MM-DD or DD.MM.YYYY)",
        f"{where} line 5: is not valid JSON (Invalid control character at column 51); "
        "each line must be one JSON object",
        f'{where} line 6: field "text" is missing; an article needs its text',
    ]
    assert len({a.id for a in articles}) == 3


def test_html_main_text_and_metadata() -> None:
    article = read_one(FIXTURES / "en-page.html")
    assert article.title == "Kazakhstan hosts the Astana International Forum"
    assert article.date == "2026-05-29"
    assert article.url == "https://example.org/news/aif-2026"
    assert article.source == "Example News"
    assert article.lang == "en"  # the page says lang="ru": detection wins over the template
    assert "Home" not in article.text and "All rights reserved" not in article.text
    assert "Share this article" not in article.text
    texts = [span.text for span in article.sentences]
    assert texts[0] == article.title
    delegations = (
        "Delegations from more than sixty countries came to the capital for two days of talks."
    )
    assert delegations in texts
    assert "- a panel on water diplomacy;" in texts
    assert_offsets(article)


def test_sample_articles_all_read() -> None:
    folder = REPO / "data" / "articles"
    paths = expand_paths([str(folder)])
    assert {path.suffix for path in paths} >= {".txt", ".json", ".html"}
    langs = set()
    for path in paths:
        for result in read_articles(path):
            assert isinstance(result, Article), result
            assert result.title and result.date and len(result.sentences) >= 5
            langs.add(result.lang)
            assert_offsets(result)
    assert langs == {"kk", "ru", "en"}


def test_parse_text_overrides_and_newlines() -> None:
    article = parse_text(
        "Title line\r\n\r\nThe minister met the delegation. They talked.\r\n",
        lang="kk",
        date="2026-03",
        title="Given title",
        url="https://x.test/a",
    )
    assert "\r" not in article.text
    assert article.lang == "kk" and article.date == "2026-03" and article.title == "Given title"
    assert [s.text for s in article.sentences] == [
        "Title line",
        "The minister met the delegation.",
        "They talked.",
    ]
    with pytest.raises(ArticleError, match='field "date" is "2026-13-01", not a date'):
        parse_text("Some text here.", date="2026-13-01", lang="en")
    with pytest.raises(ArticleError, match='field "lang" is "de"'):
        parse_text("Some text here.", lang="de")


def test_split_sentences_on_its_own() -> None:
    text = "Heading\nС.В. Лавров и А. Гутерриш встретились 27.02.2026 г. в Женеве. Итоги — позже."
    spans = split_sentences(text, [Span(0, len(text), text)])
    assert [s.text for s in spans] == [
        "Heading",
        "С.В. Лавров и А. Гутерриш встретились 27.02.2026 г. в Женеве.",
        "Итоги — позже.",
    ]


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("27.02.2026", "2026-02-27"),
        ("2026-02-27", "2026-02-27"),
        ("27 февраля 2026", "2026-02-27"),
        ("27 ақпан 2026", "2026-02-27"),
        ("February 27, 2026", "2026-02-27"),
        ("27 Feb 2026", "2026-02-27"),
        ("2026 жылғы 27 ақпанда", "2026-02-27"),
        ("1 мая 2025 года", "2025-05-01"),
        ("31.02.2026", None),
        ("27.13.2026", None),
        ("not a date", None),
    ],
)
def test_parse_date(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso


# --- bad input: a clear error naming the file and the fix ------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("  \n\n ", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"empty\.txt: is empty"):
        read_articles(path)


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(ArticleError, match=r"image\.txt: is a binary file.*dkg reads UTF-8 text"):
        read_articles(path)


def test_cp1251_file(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes("Министр иностранных дел Казахстана встретился с послом.".encode("cp1251"))
    with pytest.raises(ArticleError) as caught:
        read_articles(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: is not UTF-8 text (byte 0xcc at offset 0)")
    assert "Windows-1251" in message and "iconv -f cp1251 -t utf-8 win.txt" in message


def test_too_large_file(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    sentence = b"The minister of Kazakhstan met the delegation in Astana.\n"
    path.write_bytes(sentence * 90_000)  # 5,130,000 bytes
    limit = (
        r"big\.txt: is 5,130,000 bytes, more than the limit of 5,000,000 bytes; "
        r"split it, or raise the limit with DKG_MAX_ARTICLE_BYTES"
    )
    with pytest.raises(ArticleError, match=limit):
        read_articles(path)
    assert isinstance(next(read_articles(path, max_bytes=6_000_000)), Article)


def test_malformed_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"title": "x", "text": "A text."', encoding="utf-8")
    with pytest.raises(ArticleError, match=r"bad\.json: is not valid JSON .*line 1.*json\.tool"):
        read_articles(path)
    path.write_text('{"title": "x"}', encoding="utf-8")
    with pytest.raises(ArticleError, match=r'bad\.json: field "text" is missing'):
        read_articles(path)
    path.write_text('{"text": "A text.", "date": "31.02.2026"}', encoding="utf-8")
    with pytest.raises(
        ArticleError, match=r'bad\.json: field "date" is "31\.02\.2026", not a date'
    ):
        read_articles(path)


def test_json_list_reports_bad_items(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    items = [{"text": "The minister met the ambassador in Astana."}, {"title": "no text"}]
    path.write_text(json.dumps(items), encoding="utf-8")
    results = list(read_articles(path))
    assert isinstance(results[0], Article) and results[0].lang == "en"
    assert str(results[1]) == f'{path} item 2: field "text" is missing; an article needs its text'


def test_chinese_text(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_text(
        "哈萨克斯坦外交部长出席了上海合作组织外长理事会会议。\n\n双方讨论了地区安全问题。",
        encoding="utf-8",
    )
    with pytest.raises(ArticleError) as caught:
        read_articles(path)
    assert str(caught.value) == (
        f"{path}: language not supported (detected Chinese); dkg reads Kazakh, Russian and "
        "English — pass --lang to override"
    )


def test_german_text_and_lang_override(tmp_path: Path) -> None:
    path = tmp_path / "de.txt"
    path.write_text(
        "Die Bundesregierung hat heute beschlossen, die Zusammenarbeit mit Kasachstan im Bereich "
        "der Energie zu vertiefen. Der Außenminister reiste nach Astana, um Gespräche zu führen.",
        encoding="utf-8",
    )
    with pytest.raises(ArticleError, match=r"de\.txt: language not supported \(detected German\)"):
        read_articles(path)
    assert read_one(path, lang="en").lang == "en"  # --lang: the caller's word is trusted


def test_only_clutter(tmp_path: Path) -> None:
    path = tmp_path / "clutter.txt"
    path.write_text("27.02.2026\n\nShare\n\nSubscribe\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"clutter\.txt: no article text left"):
        read_articles(path)


def test_unsupported_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match=r"x\.pdf: unsupported file type \.pdf; dkg reads"):
        read_articles(tmp_path / "x.pdf")
    with pytest.raises(ArticleError, match=r"nothing\.txt: no such file"):
        read_articles(tmp_path / "nothing.txt")


# --- expand_paths ---------------------------------------------------------------------------


def test_expand_paths_folder_glob_missing(tmp_path: Path) -> None:
    nested = tmp_path / "in" / "deeper"
    nested.mkdir(parents=True)
    shutil.copy(FIXTURES / "en-release.json", nested / "b.json")
    shutil.copy(FIXTURES / "ru-date-on-top.txt", tmp_path / "in" / "a.txt")
    (tmp_path / "in" / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "in" / ".hidden.txt").write_text("x", encoding="utf-8")
    folder = expand_paths([str(tmp_path / "in")])
    assert folder == [tmp_path / "in" / "a.txt", nested / "b.json"]
    globbed = expand_paths([str(tmp_path / "in" / "**" / "*.json"), str(tmp_path / "in" / "a.txt")])
    assert globbed == [nested / "b.json", tmp_path / "in" / "a.txt"]
    assert expand_paths([str(tmp_path / "in"), str(tmp_path / "in" / "a.txt")]) == folder
    with pytest.raises(ArticleError, match=r"missing\.txt: no such file or folder"):
        expand_paths([str(tmp_path / "in" / "a.txt"), str(tmp_path / "missing.txt")])
    with pytest.raises(ArticleError, match=r"\*\.html: no article files match"):
        expand_paths([str(tmp_path / "*.html")])
    with pytest.raises(ArticleError, match=r"notes\.pdf: unsupported file type"):
        expand_paths([str(tmp_path / "in" / "notes.pdf")])


def test_expand_paths_fixture_folder_is_sorted() -> None:
    paths = expand_paths([FIXTURES])
    assert [path.name for path in paths] == sorted(path.name for path in paths)
    assert {path.suffix for path in paths} == {".txt", ".md", ".json", ".jsonl", ".html"}


# --- language detection ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Қазақстан Президенті Қасым-Жомарт Тоқаев БҰҰ Бас Ассамблеясында сөз сөйледі.", "kk"),
        ("Ол Халықаралық су ұйымын құруды ұсынды.", "kk"),
        ("Қазақстан", "kk"),
        ("Президент Казахстана выступил на сессии Генеральной Ассамблеи ООН.", "ru"),
        ("Стороны обсудили вопросы региональной безопасности.", "ru"),
        ("President Tokayev addressed the UN General Assembly.", "en"),
        ("The sides discussed regional security and water cooperation.", "en"),
        ("2026 — 35", None),
    ],
)
def test_detect_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_detect_language_rejects_other_languages() -> None:
    ukrainian = (
        "Міністр закордонних справ України зустрівся з колегою з Казахстану. Сторони "
        "обговорили питання двосторонньої співпраці та безпеки в регіоні."
    )
    assert detect_language(ukrainian) is None
    assert detect_language("哈萨克斯坦外交部长出席了会议。") is None


def test_command_line_options_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("The minister met the ambassador in Astana.", encoding="utf-8")
    with pytest.raises(ArticleError, match=r'a\.txt: --lang is "de", not a language dkg reads'):
        read_articles(path, lang="de")
    with pytest.raises(ArticleError, match=r'a\.txt: --date is "2026-02-30", not a date'):
        read_articles(path, date="2026-02-30")
    article = read_one(path, lang="ru-RU", date="27.02.2026")
    assert (article.lang, article.date) == ("ru", "2026-02-27")


def test_page_layout_one_paragraph_per_line() -> None:
    text = (
        "Главная / Новости / Политика\n"
        "Токаев провел переговоры с Президентом Узбекистана\n"
        "27.02.2026 14:35\n"
        "Президент Казахстана Касым-Жомарт Токаев провел переговоры с Президентом Узбекистана "
        "Шавкатом Мирзиёевым. Стороны обсудили торговлю, воду и энергетику.\n"
        "— Мы открываем новую страницу, — сказал Токаев.\n"
        "Читайте также\n"
        "Просмотров: 1520\n"
    )
    article = parse_text(text)
    assert article.title == "Токаев провел переговоры с Президентом Узбекистана"
    assert article.date == "2026-02-27"
    assert [span.text for span in article.clutter] == [
        "Главная / Новости / Политика",
        "Читайте также",
        "Просмотров: 1520",
    ]
    assert [span.text for span in article.sentences][1:] == [
        "Президент Казахстана Касым-Жомарт Токаев провел переговоры с Президентом Узбекистана "
        "Шавкатом Мирзиёевым.",
        "Стороны обсудили торговлю, воду и энергетику.",
        "— Мы открываем новую страницу, — сказал Токаев.",
    ]


def test_html_in_a_declared_legacy_charset(tmp_path: Path) -> None:
    body = (
        "Министр иностранных дел Казахстана провел встречу с послом Японии в Астане. "
        "Стороны обсудили подготовку к саммиту «Центральная Азия – Япония» и сотрудничество "
        "в области энергетики, транспорта и образования. "
    ) * 2
    page = (
        '<html lang="ru"><head><meta charset="windows-1251"><title>Встреча с послом Японии'
        f"</title></head><body><article><h1>Встреча с послом Японии</h1><p>{body}</p>"
        "</article></body></html>"
    )
    path = tmp_path / "cp1251.html"
    path.write_bytes(page.encode("cp1251"))
    article = read_one(path)
    assert article.lang == "ru" and article.title == "Встреча с послом Японии"
    assert "Министр иностранных дел Казахстана провел встречу" in article.text


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"nav\.html: no article text found in the HTML page"):
        read_articles(path)


def test_files_without_articles(tmp_path: Path) -> None:
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n", encoding="utf-8")
    assert [str(r) for r in read_articles(blank)] == [
        f"{blank}: has no articles (only blank lines)"
    ]
    empty_list = tmp_path / "none.json"
    empty_list.write_text("[]", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"none\.json: is an empty list"):
        read_articles(empty_list)


def test_credit_lines_are_clutter_and_their_journalists_are_no_officials() -> None:
    from graph.extract import extract

    text = "\n\n".join([
        "Kazakhstan courts investors in Davos",
        "By Dana Kulbayeva and Mark Trevelyan",
        "January 21, 2026",
        "DAVOS, Switzerland, Jan 21 (Reuters) - Kazakh Foreign Minister Yermek Kosherbayev met"
        " World Economic Forum President Borge Brende on Wednesday.",
        "By 2030, Kazakhstan plans to double its trade with Switzerland, he said.",
        "Reporting by Dana Kulbayeva in Davos; Additional reporting by Olga Orlova in Almaty;"
        " Editing by Mark Potter",
    ])
    article = parse_text(text, lang="en")
    clutter = [s.text for s in article.clutter]
    assert "By Dana Kulbayeva and Mark Trevelyan" in clutter
    assert any(c.startswith("Reporting by Dana Kulbayeva") for c in clutter)
    assert any(s.text.startswith("By 2030") for s in article.sentences)  # a sentence, kept
    officials = {e.label for e in extract(article).entities if e.type == "Official"}
    assert "Yermek Kosherbayev" in officials
    assert not officials & {"Dana Kulbayeva", "Mark Trevelyan", "Olga Orlova", "Mark Potter"}


def test_related_headlines_captions_and_bylines_are_clutter() -> None:
    from graph.extract import extract

    text = "\n\n".join([
        "Тоқаев ҰҚШҰ саммитіне қатысты",
        "Бауыржан ТОҚТАРОВ",
        "Суретте: Бішкектегі «Ынтымақ ордасы» резиденциясы. Фото: akorda.kz",
        "Мемлекет басшысы Қасым-Жомарт Тоқаев Бішкекте өткен Ұжымдық қауіпсіздік туралы шарт"
        " ұйымының саммитіне қатысты.",
        "Подписание соглашения состоялось в Минске.",  # a sentence that looks like "подпис…"
        "Kazinform-ның Telegram арнасына жазылыңыз",
        "Оқи отырыңыз:\nПесков: Кремль рассчитывает на диалог с Ереваном\n"
        "Қазақстан мен Финляндия арасында консультациялар өтті",
        "Related: Tokayev Outlines UN Reform Vision in New York",
    ])
    article = parse_text(text, lang="kk")
    clutter = {s.text for s in article.clutter}
    assert {"Бауыржан ТОҚТАРОВ", "Kazinform-ның Telegram арнасына жазылыңыз",
            "Оқи отырыңыз:", "Песков: Кремль рассчитывает на диалог с Ереваном",
            "Қазақстан мен Финляндия арасында консультациялар өтті",
            "Related: Tokayev Outlines UN Reform Vision in New York"} <= clutter
    assert any(c.startswith("Суретте:") for c in clutter)
    assert any(s.text.startswith("Подписание соглашения") for s in article.sentences)
    ids = {e.id for e in extract(article).entities}
    assert "official/kassym-jomart-tokayev" in ids
    assert not ids & {"state/fi", "place/yerevan", "official/dmitry-peskov", "place/kremlin",
                      "place/yntymak-ordasy-residence"}
    assert not any("toktarov" in i for i in ids)
