"""The web app in Vietnamese and English, read as its users would (issue 16): language choice,
numbers and dates per language, a search that understands names, the ranking at a date, province
key figures, the fact-check's differences and citations, sources in words, CSV names."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from extractor.folding import fold_key
from extractor.link.why import _INDICATOR_WORDS as INDICATOR_REASONS
from extractor.registry.bundle import bundled
from extractor.store.labels import THEMES, document_title, meaning_order
from extractor.store.rounding import same_within_rounding
from extractor.web import catalogue, create_app, words
from extractor.web.i18n import from_accept_language, pick_lang
from helpers.web_corpus import build_database

HTML = {"accept": "text/html"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = build_database(tmp_path_factory.mktemp("i18n") / "web.sqlite")
    with TestClient(create_app(db), raise_server_exceptions=False) as c:
        yield c


def page(client: TestClient, url: str, lang: str) -> str:
    response = client.get(url, headers={**HTML, "accept-language": lang}, cookies={})
    assert response.status_code == 200, response.text[:500]
    return response.text


def api(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()["data"]


# ---- 1. two languages --------------------------------------------------------------------------

def test_the_catalogue_has_every_message_in_vietnamese() -> None:
    assert catalogue.problems() == []


@pytest.mark.parametrize("kind", sorted(INDICATOR_REASONS))
def test_every_indicator_reason_the_linker_writes_reads_in_vietnamese(kind: str) -> None:
    # A reason form added to the linker without its catalogue message would show in English.
    english = INDICATOR_REASONS[kind].format(detail="tổng dư nợ", earlier="")
    assert words.why_words(english, "vi") != english


def test_every_indicator_has_a_vietnamese_name_a_definition_and_a_theme() -> None:
    rules = bundled().indicators.indicators
    themed = [code for _, codes in THEMES for code in codes]
    assert sorted(themed) == sorted(rules) and len(themed) == len(set(themed))
    for rule in rules.values():
        assert rule.name_vi and rule.definition and rule.definition_vi, rule.code
    assert sorted(rules, key=meaning_order)[:3] == ["total_capital", "local_entrusted_capital", "outstanding_loans"]


@pytest.mark.parametrize("query, cookie, accept, lang", [
    (None, None, None, "vi"), (None, None, "en-GB,en;q=0.9", "en"), (None, None, "fr,vi;q=0.5", "vi"),
    (None, "en", "vi", "en"), ("vi", "en", "en", "vi"), ("xx", None, "en", "en"),
])
def test_the_language_comes_from_the_url_then_the_cookie_then_the_browser(
        query: str | None, cookie: str | None, accept: str | None, lang: str) -> None:
    assert pick_lang(query=query, cookie=cookie, accept=accept) == lang


def test_accept_language_weights_are_read() -> None:
    assert from_accept_language("en;q=0.3, vi;q=0.8") == "vi" and from_accept_language("de") is None


def test_a_language_chosen_in_the_url_is_kept_in_a_cookie(client: TestClient) -> None:
    response = client.get("/?lang=en", headers={**HTML, "accept-language": "vi"})
    assert response.headers["content-language"] == "en" and "lang=en" in response.headers["set-cookie"]
    assert '<html lang="en">' in response.text
    client.cookies.set("lang", "en")
    try:
        assert '<html lang="en">' in client.get("/provinces", headers={**HTML, "accept-language": "vi"}).text
    finally:
        client.cookies.clear()


def test_values_and_dates_in_each_languages_conventions(client: TestClient) -> None:
    url = "/provinces/" + quote("Nghệ An")
    vi, en = page(client, url, "vi"), page(client, url, "en")
    assert "13.357 tỷ đồng" in vi and "30/6/2024" in vi and "Dư nợ" in vi
    assert "VND 13,357 billion" in en and "30 Jun 2024" in en and "Outstanding loans" in en
    assert "billion" not in vi.split("<footer")[0]


def test_indicator_definitions_are_shown_in_the_pages_language(client: TestClient) -> None:
    vi = page(client, "/indicators/outstanding_loans", "vi")
    en = page(client, "/indicators/outstanding_loans", "en")
    assert bundled().indicators.indicators["outstanding_loans"].definition_vi[1:] in vi
    assert bundled().indicators.indicators["outstanding_loans"].definition[1:] in en


# ---- 3. search that understands the query ---------------------------------------------------------

@pytest.mark.parametrize("query", ["tổng dư nợ Nghệ An", "dư nợ Nghệ An", "du no nghe an", "outstanding loans Nghe An"])
def test_a_province_and_an_indicator_named_in_the_query_become_filters(client: TestClient, query: str) -> None:
    result = api(client, f"/api/search?q={quote(query)}")
    assert result["understood"] == ["indicator", "province"]
    assert result["filters"]["province"] == "Nghệ An" and result["filters"]["indicator"] == "outstanding_loans"
    assert len(result["items"]) >= 3
    for hit in result["items"]:
        assert any(o["province"] == "Nghệ An" and o["indicator"] == "outstanding_loans" for o in hit["observations"])


def test_a_filter_chip_removes_its_filter_and_keeps_the_rest(client: TestClient) -> None:
    html = page(client, f"/search?q={quote('dư nợ Nghệ An')}", "en")
    chips = dict(re.findall(r'data-filter="(\w+)">.*?href="([^"]+)"', html, re.S))
    assert chips.keys() == {"province", "indicator"}
    assert chips["province"].replace("&amp;", "&") == "/search?indicator=outstanding_loans"
    assert chips["indicator"].replace("&amp;", "&").startswith("/search?province=")


def test_highlights_are_whole_words_and_the_number_searched_for(client: TestClient) -> None:
    html = page(client, "/search?q=" + quote("du 13,357 billion"), "en")
    marks = re.findall(r'<mark class="word">([^<]*)</mark>', html)
    assert "13.357" in marks and all(m.lower() in ("du", "dư", "13.357", "13,357") for m in marks)


def test_each_result_opens_its_document_at_the_sentence(client: TestClient) -> None:
    result = api(client, f"/api/search?q={quote('hội nghị')}")
    hit = result["items"][0]
    html = page(client, "/search?q=" + quote("hội nghị"), "vi")
    assert f'/documents/{hit["document_id"]}?s={hit["sentence_id"]}#sentence' in html
    doc = page(client, f'/documents/{hit["document_id"]}?s={hit["sentence_id"]}', "vi")
    highlighted = "".join(re.findall(r'<span class="hl">(.*?)</span>', doc, re.S))
    assert "hội nghị" in re.sub(r"<[^>]+>", "", highlighted)


def test_the_ordering_is_said_honestly(client: TestClient) -> None:
    html = page(client, "/search?q=" + quote("hội nghị"), "en")
    assert 'data-order="relevance"' in html and "Best matches first" in html
    html = page(client, "/search?province=" + quote("Nghệ An"), "en")
    assert 'data-order="added"' in html and "newest" not in html.lower()


# ---- 4. compare and trend ---------------------------------------------------------------------------

def test_the_ranking_is_at_one_date_within_a_window_that_is_shown(client: TestClient) -> None:
    view = api(client, "/api/indicators/outstanding_loans?date=2024-12-31&window=12")
    assert view["window_start"] == "2023-12-31" and view["date"] == "2024-12-31"
    assert all("2023-12-31" <= r["as_of"] <= "2024-12-31" for r in view["rows"])
    assert [r["value"] for r in view["rows"]] == sorted((r["value"] for r in view["rows"]), reverse=True)
    short = api(client, "/api/indicators/outstanding_loans?date=2024-12-31&window=3")
    assert "Nghệ An" in [r["province"] for r in short["older"]]
    assert "31/12/2023" in page(client, "/indicators/outstanding_loans?date=2024-12-31&window=12", "vi")


def test_columns_sort_and_chosen_provinces_are_drawn_over_time(client: TestClient) -> None:
    view = api(client, "/api/indicators/outstanding_loans?date=2024-12-31&sort=province&order=asc"
                       "&p=" + quote("Hà Nội") + "&p=" + quote("Nghệ An"))
    names = [r["province"] for r in view["rows"]]
    assert names == sorted(names, key=fold_key) and view["sort"] == "province" and not view["descending"]
    assert view["chosen"] == ["Hà Nội", "Nghệ An"]
    assert {s["province"] for s in view["series"]} == {"Hà Nội", "Nghệ An"}
    assert len(next(s for s in view["series"] if s["province"] == "Hà Nội")["points"]) == 3


def test_a_province_page_leads_with_key_figures_in_the_order_of_meaning(client: TestClient) -> None:
    view = api(client, "/api/provinces/" + quote("Hà Nội"))
    assert [k["indicator"] for k in view["key_figures"]][:2] == ["outstanding_loans", "borrowers_outstanding"]
    codes = list(dict.fromkeys(s["indicator"] for s in view["series"]))
    assert codes == sorted(codes, key=meaning_order)
    html = page(client, "/provinces/" + quote("Hà Nội"), "vi")
    assert html.index('class="keyfigs"') < html.index('class="indicator-grid"')


def test_units_that_mean_the_same_share_one_series(client: TestClient) -> None:
    series = api(client, "/api/provinces/" + quote("Nghệ An"))["series"]
    units = {s["unit"] for s in series if s["indicator"] == "borrowers_outstanding"}
    assert units <= {"households or customers"}


# ---- 5. the fact-check -------------------------------------------------------------------------------

def test_a_different_figure_says_by_how_much(client: TestClient) -> None:
    text = quote("As of December 31, 2024, total outstanding loans of Hanoi reached VND 16,000 billion.")
    check = api(client, f"/api/factcheck?text={text}")["checks"][0]
    assert check["verdict"] == "different" and check["difference"] == "−1.5%"
    html = page(client, f"/factcheck?text={text}", "vi")
    assert "−1,5%" in html and "16.250 tỷ đồng" in html


def test_nothing_at_the_date_gives_the_nearest_and_latest_values_with_sources(client: TestClient) -> None:
    text = quote("Tính đến 31/1/2024, tổng dư nợ của Nghệ An đạt 13.000 tỷ đồng.")
    check = api(client, f"/api/factcheck?text={text}")["checks"][0]
    assert check["verdict"] == "not_found"
    assert {o["obs_date"] for o in check["nearest"]} == {"2023-12-31"}
    assert {o["obs_date"] for o in check["latest"]} == {"2024-06-30"}
    html = page(client, f"/factcheck?text={text}", "en")
    assert "Nearest recorded date" in html and "Latest recorded value" in html
    assert html.count('class="cite"') >= 2 and "retrieved" in html and 'blockquote class="sentence' in html


def test_a_supported_figure_can_be_cited(client: TestClient) -> None:
    text = quote("Tính đến 30/6/2024, tổng dư nợ của Nghệ An đạt 13.357 tỷ đồng.")
    html = page(client, f"/factcheck?text={text}", "vi")
    cite = re.sub(r"\s+", " ", re.search(r'<span class="cite" data-cite>(.*?)</span>', html, re.S).group(1))
    assert "Dư nợ, Nghệ An: 13.357 tỷ đồng (30/6/2024)" in cite and "truy cập" in cite


# ---- 6. sources in words ---------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["vi", "en"])
def test_no_rule_id_or_raw_value_is_shown(client: TestClient, lang: str) -> None:
    oid = api(client, "/api/observations?province=Nghe+An&indicator=outstanding_loans&from=2024-06-30&to=2024-06-30"
              )["items"][0]["id"]
    html = page(client, f"/observations/{oid}", lang)
    assert not re.search(r"\b(cue|cue-after|sentence|document|since):[\w\[]", html)
    assert "13357000000000" not in html and "13,357,000,000,000" not in html
    assert ("ngày theo" in html) if lang == "vi" else ("date from" in html)


def test_an_official_document_is_titled_by_its_type_line() -> None:
    head = "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 12/KH-UBND\nKẾ HOẠCH\nVề tín dụng chính sách năm 2024\n\nCăn cứ …"
    assert document_title("ỦY BAN NHÂN DÂN", head) == "Kế hoạch về tín dụng chính sách năm 2024"


def test_rounding_within_the_written_precision_is_not_a_conflict() -> None:
    from decimal import Decimal

    assert same_within_rounding(Decimal("13625E9"), "13,625 billion", Decimal("13625214E6"), "13.625,214 tỷ")
    assert not same_within_rounding(Decimal("13625E9"), "13.625 tỷ", Decimal("13626E9"), "13.626 tỷ")


def test_national_rows_carry_no_map_badge(client: TestClient) -> None:
    html = page(client, "/provinces/national", "en")
    assert "pre-2025 map</span>" not in html and "2025 map</span>" not in html.split("<nav class=\"toc\"")[1]


def test_an_error_page_points_to_no_file(client: TestClient) -> None:
    html = client.get("/indicators/not_a_code", headers={**HTML, "accept-language": "vi"}).text
    assert "shared/spec" not in html and "Không tìm thấy" in html


# ---- 7. CSV downloads -------------------------------------------------------------------------------

def test_csv_downloads_are_named_after_what_they_hold_and_carry_sentence_and_source(client: TestClient) -> None:
    response = client.get("/provinces/" + quote("Nghệ An") + ".csv?indicator=outstanding_loans")
    assert 'filename="nghe-an-outstanding_loans.csv"' in response.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows and {"sentence", "source_url"} <= rows[0].keys()
    assert all(r["indicator"] == "outstanding_loans" and r["sentence"] for r in rows)
    response = client.get("/indicators/outstanding_loans.csv?date=2024-12-31")
    assert 'filename="outstanding_loans-2024-12-31.csv"' in response.headers["content-disposition"]
    assert "sentence" in response.content.decode("utf-8-sig").splitlines()[0]


def test_copies_are_folded_into_their_original(tmp_path: Path) -> None:
    from extractor.pipeline.batch import ingest_paths
    from extractor.store import connect, search_sentences
    from extractor.store.overview import recent_documents
    from extractor.store.records import SearchFilters
    from helpers.web_corpus import ARTICLES

    folder = tmp_path / "docs"
    folder.mkdir()
    text = ARTICLES["12_ha_noi.txt"]
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text.replace("reviewed 2024.", "reviewed the year 2024."), encoding="utf-8")
    conn = connect(tmp_path / "copies.sqlite")
    ingest_paths(conn, [folder], registry=bundled())
    if conn.execute("SELECT count(*) FROM doc_copies").fetchone()[0] == 0:
        pytest.skip("the two texts were not linked as copies")
    assert len(recent_documents(conn)) == 1
    hits = search_sentences(conn, SearchFilters(q="16,250 billion")).items
    assert len(hits) == 1
