"""The web API and pages against a database filled by ingesting the seeds and fixture articles."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from extractor.fetch import Fetcher
from extractor.fetch.options import FetchOptions
from extractor.store import QueryTimeout
from extractor.web import create_app
from extractor.web.db import Database
from extractor.web.errors import InternalError, NotFound
from helpers.web_corpus import HOSTILE, build_database

NGHE_AN = quote("Nghệ An")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_database(tmp_path_factory.mktemp("web") / "web.sqlite")


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    # These tests read the English pages; tests/test_web_i18n.py reads the Vietnamese ones.
    with TestClient(create_app(db_path), raise_server_exceptions=False, headers={"accept-language": "en"}) as c:
        yield c


def data(client: TestClient, url: str) -> Any:
    response = client.get(url)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["ok"] is True
    return body["data"]


def csv_rows(client: TestClient, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def observation_id(client: TestClient, **filters: str) -> int:
    query = "&".join(f"{k}={quote(v)}" for k, v in filters.items())
    items = data(client, f"/api/observations?{query}")["items"]
    assert items, filters
    return int(items[0]["id"])


# ---- schema ---------------------------------------------------------------------------------------

def test_openapi_schema_describes_every_api_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in ("/api/search", "/api/observations", "/api/observations/{observation_id}", "/api/documents/{doc_id}",
                 "/api/factcheck", "/api/provinces/{name}", "/api/indicators/{code}", "/api/conflicts",
                 "/api/overview", "/api/ingest", "/api/provinces"):
        assert path in paths, path
    params = {p["name"] for p in paths["/api/observations"]["get"]["parameters"]}
    assert {"province", "indicator", "from", "to", "boundaries", "limit", "offset"} <= params


# ---- search ---------------------------------------------------------------------------------------

def test_search_ignores_diacritics(client: TestClient) -> None:
    plain = data(client, "/api/search?q=du+no+Nghe+An")["items"]
    marked = data(client, f"/api/search?q={quote('dư nợ Nghệ An')}")["items"]
    assert plain and [h["sentence_id"] for h in plain] == [h["sentence_id"] for h in marked]
    assert any("13.357 tỷ đồng" in h["sentence"] for h in plain)


def test_search_finds_a_number_however_it_is_written(client: TestClient) -> None:
    english = {h["sentence_id"] for h in data(client, "/api/search?q=13%2C357+billion")["items"]}
    vietnamese = {h["sentence_id"] for h in data(client, f"/api/search?q={quote('13.357 tỷ')}")["items"]}
    assert english == vietnamese and len(english) >= 2


def test_search_facets_count_and_narrow(client: TestClient) -> None:
    result = data(client, "/api/search?q=outstanding+loans")
    provinces = {f["value"]: f["count"] for f in result["facets"]["province"]}
    assert "Hà Nội" in provinces and "Nghệ An" in provinces
    assert {"province", "indicator", "year", "language", "source"} <= set(result["facets"])
    narrowed = data(client, f"/api/search?q=outstanding+loans&province={quote('Ha Noi')}")["items"]
    assert narrowed and all(o["province"] == "Hà Nội" for h in narrowed for o in h["observations"])
    assert len(narrowed) == provinces["Hà Nội"]


@pytest.mark.parametrize("facet, value, check", [
    ("language", "vi", lambda h: h["language"] == "vi"),
    ("year", "2023", lambda h: any(o["obs_date"].startswith("2023") for o in h["observations"])),
    ("indicator", "overdue_debt_rate", lambda h: any(o["indicator"] == "overdue_debt_rate" for o in h["observations"])),
    ("source", "local file", lambda h: not h["source"].startswith("http")),
])
def test_each_search_facet_filters(client: TestClient, facet: str, value: str, check: Any) -> None:
    items = data(client, f"/api/search?q=&{facet}={quote(value)}&limit=100")["items"]
    assert items and all(check(h) for h in items)


def test_search_pages_and_csv(client: TestClient) -> None:
    first = data(client, "/api/search?q=loans&limit=2")
    second = data(client, "/api/search?q=loans&limit=2&offset=2")
    assert first["has_more"] and len(first["items"]) == 2
    assert not {h["sentence_id"] for h in first["items"]} & {h["sentence_id"] for h in second["items"]}
    rows = csv_rows(client, "/search.csv?q=outstanding+loans")
    assert rows and {"sentence", "value", "province", "source"} <= set(rows[0])
    assert client.get("/search?q=outstanding+loans", headers={"accept": "text/html"}).status_code == 200


def test_an_empty_search_lists_nothing(client: TestClient) -> None:
    assert data(client, "/api/search?q=")["items"] == []


# ---- observations ----------------------------------------------------------------------------------

def test_observations_filter_like_extractor_query(client: TestClient) -> None:
    rows = data(client, "/api/observations?province=nghe+an&indicator=outstanding_loans&from=2024-01-01&to=2024-12-31")
    values = sorted(o["value"] for o in rows["items"])
    assert values == [13_357_000_000_000, 13_357_000_000_000, 13_400_000_000_000]
    assert data(client, "/api/observations?boundaries=2025")["items"]
    assert all(o["boundaries"] == "2025" for o in data(client, "/api/observations?boundaries=2025")["items"])


def test_observations_page_size_is_capped(client: TestClient) -> None:
    assert data(client, "/api/observations?limit=3")["limit"] == 3
    response = client.get("/api/observations?limit=100000")
    assert response.status_code == 422 and response.json()["ok"] is False


def test_observations_csv_has_export_columns(client: TestClient) -> None:
    rows = csv_rows(client, "/observations.csv?province=Ha+Noi")
    assert rows and {"value", "unit", "source", "sentence", "document_id"} <= set(rows[0])
    assert {r["province"] for r in rows} == {"Hà Nội"}


def test_observation_has_sentence_document_source_and_conflicts(client: TestClient) -> None:
    oid = observation_id(client, province="Nghe An", indicator="outstanding_loans",
                         **{"from": "2024-06-30", "to": "2024-06-30"})
    view = data(client, f"/api/observations/{oid}")
    obs = view["observation"]
    assert obs["text"] in obs["sentence"] and view["document"]["id"] == obs["document_id"]
    other = {o["value"] for o in view["disagreeing"]}
    assert other and obs["value"] not in other
    page = client.get(f"/observations/{oid}").text
    assert "Other sources, other values" in page and f"/documents/{obs['document_id']}?obs={oid}" in page


def test_unknown_observation_is_404(client: TestClient) -> None:
    response = client.get("/api/observations/999999")
    assert response.status_code == 404
    assert response.json() == {"ok": False, "error": "no observation 999999", "status": 404, "code": "E404",
                               "hint": NotFound.hint}


# ---- documents -------------------------------------------------------------------------------------

def test_document_has_text_figures_and_their_records(client: TestClient) -> None:
    oid = observation_id(client, province="Ha Noi", indicator="outstanding_loans")
    doc_id = data(client, f"/api/observations/{oid}")["observation"]["document_id"]
    view = data(client, f"/api/documents/{doc_id}")
    text = view["document"]["text"]
    assert view["figures"] and all(text[f["figure"]["start"]:f["figure"]["end"]] == f["figure"]["text"]
                                   for f in view["figures"])
    assert any(f["observation"] and f["observation"]["id"] == oid for f in view["figures"])
    page = client.get(f"/documents/{doc_id}?obs={oid}").text
    assert 'class="hl"' in page and 'data-fig="0"' in page
    assert csv_rows(client, f"/documents/{doc_id}.csv")


def test_unknown_document_is_404(client: TestClient) -> None:
    assert client.get("/api/documents/nope").status_code == 404
    assert client.get("/api/documents/bad%20id").status_code == 422


# ---- provinces and indicators ---------------------------------------------------------------------

def test_province_series_over_time(client: TestClient) -> None:
    view = data(client, "/api/provinces/ha%20noi")
    assert view["province"] == "Hà Nội"
    loans = [s for s in view["series"] if s["indicator"] == "outstanding_loans"]
    assert len(loans) == 1 and loans[0]["boundaries"] == "pre-2025"
    dates = [p["date"] for p in loans[0]["points"]]
    assert dates == sorted(dates) and len(dates) == 3
    page = client.get("/provinces/H%C3%A0%20N%E1%BB%99i").text
    assert 'data-chart="chart-outstanding_loans"' in page and "pre-2025 map" in page
    assert csv_rows(client, "/provinces/Ha%20Noi.csv")


def test_province_with_two_values_on_a_date_shows_the_one_most_sources_give(client: TestClient) -> None:
    loans = [s for s in data(client, f"/api/provinces/{NGHE_AN}")["series"] if s["indicator"] == "outstanding_loans"]
    june = next(p for s in loans for p in s["points"] if p["date"] == "2024-06-30")
    assert june["value"] == 13_357_000_000_000 and june["values_given"] == 2 and june["sources"] == 2


def test_unknown_province_is_404(client: TestClient) -> None:
    response = client.get("/api/provinces/Atlantis")
    assert response.status_code == 404 and response.json()["ok"] is False


def test_indicator_ranks_provinces_for_a_date(client: TestClient) -> None:
    view = data(client, "/api/indicators/outstanding_loans")
    values = [r["value"] for r in view["rows"]]
    assert values == sorted(values, reverse=True) and len(values) >= 3
    earlier = data(client, "/api/indicators/outstanding_loans?date=2023-12-31")
    by_province = {r["province"]: r for r in earlier["rows"]}
    assert by_province["Hà Nội"]["as_of"] == "2023-12-31" and "Quảng Trị" not in by_province
    assert data(client, "/api/indicators/outstanding_loans?boundaries=2025")["rows"] != view["rows"]
    assert csv_rows(client, "/indicators/outstanding_loans.csv")[0]["rank"] == "1"
    assert 'data-chart="chart-bars"' in client.get("/indicators/outstanding_loans").text


def test_indicator_errors(client: TestClient) -> None:
    assert client.get("/api/indicators/no_such_thing").status_code == 404
    assert client.get("/api/indicators/outstanding_loans?date=2024-13-40").json()["status"] == 422


# ---- fact-check ------------------------------------------------------------------------------------

def test_factcheck_marks_supported_different_and_not_found(client: TestClient) -> None:
    text = ("Nghe An's outstanding loans reached VND 13,357 billion by June 30, 2024. As of December 31, 2024, "
            "total outstanding loans of Hanoi reached VND 16,000 billion. Overdue debt in Ca Mau was 0.9%.")
    checks = data(client, f"/api/factcheck?text={quote(text)}")["checks"]
    verdicts = {c["claim"]["text"]: c for c in checks}
    supported = verdicts["VND 13,357 billion"]
    assert supported["verdict"] == "supported" and supported["matches"][0]["source"]
    different = verdicts["VND 16,000 billion"]
    assert different["verdict"] == "different"
    assert [m["value"] for m in different["matches"]] == [16_250_000_000_000]
    assert verdicts["0.9%"]["verdict"] == "not_found"


def test_factcheck_reads_a_figure_without_an_indicator_by_value(client: TestClient) -> None:
    claim = quote("Nghe An policy loans reached 13,357 billion VND by mid-2024")
    checks = data(client, f"/api/factcheck?text={claim}")["checks"]
    assert [c["verdict"] for c in checks] == ["supported"]
    assert {m["indicator"] for m in checks[0]["matches"]} == {"outstanding_loans"}


def test_factcheck_page_and_csv(client: TestClient) -> None:
    text = quote("Nghe An's outstanding loans reached VND 13,357 billion by June 30, 2024")
    assert "Supported" in client.get(f"/factcheck?text={text}").text
    assert csv_rows(client, f"/factcheck.csv?text={text}")[0]["verdict"] == "supported"
    assert client.get("/api/factcheck?text=").json()["status"] == 422


# ---- conflicts --------------------------------------------------------------------------------------

def test_conflicts_list_the_two_nghe_an_values(client: TestClient) -> None:
    items = data(client, "/api/conflicts")["items"]
    nghe_an = [c for c in items if c["province"] == "Nghệ An" and c["indicator"] == "outstanding_loans"]
    assert {nghe_an[0]["a"]["value"], nghe_an[0]["b"]["value"]} == {13_357_000_000_000, 13_400_000_000_000}
    assert csv_rows(client, "/conflicts.csv")
    assert data(client, "/api/conflicts?province=Atlantis")["items"] == []


def test_home_page_and_overview(client: TestClient) -> None:
    overview = data(client, "/api/overview")
    assert overview["observations"] > 10 and any(p["value"] == "Nghệ An" for p in overview["provinces"])
    assert "Nghệ An" in client.get("/").text


# ---- safety -----------------------------------------------------------------------------------------

def hostile_ids(client: TestClient) -> tuple[str, int]:
    oid = observation_id(client, province="Quang Tri")
    return data(client, f"/api/observations/{oid}")["document"]["id"], oid


def assert_inert(page: str) -> None:
    assert "<script>alert" not in page and "<img src=x" not in page and "<b onmouseover" not in page
    assert "&lt;script&gt;alert" in page


@pytest.mark.parametrize("which", ["document", "observation", "search", "factcheck"])
def test_scraped_html_is_escaped(client: TestClient, which: str) -> None:
    doc_id, oid = hostile_ids(client)
    url = {"document": f"/documents/{doc_id}?obs={oid}", "observation": f"/observations/{oid}",
           "search": "/search?q=Quang+Tri",
           "factcheck": "/factcheck?text=" + quote('<script>alert("x")</script> 5 billion VND')}[which]
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code == 200
    assert_inert(response.text)
    assert "script-src 'self'" in response.headers["content-security-policy"]


def test_hostile_file_is_a_fixture_with_markup() -> None:
    from helpers.web_corpus import ARTICLES

    assert "<script>" in ARTICLES[HOSTILE] and "onerror=" in ARTICLES[HOSTILE]


def test_readers_cannot_write(db_path: Path) -> None:
    conn = Database(db_path).reader()
    with pytest.raises(sqlite3.OperationalError, match=r"readonly|read-only|query_only"):
        conn.execute("DELETE FROM observation_rows")


def test_reads_are_time_limited(db_path: Path) -> None:
    database = Database(db_path, time_limit_ms=1)
    slow = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000000) SELECT count(*) FROM n"
    with pytest.raises(QueryTimeout):
        database.read(lambda conn: conn.execute(slow).fetchone())


def test_a_timeout_is_answered_in_the_error_shape(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from extractor.store import facets

    def too_slow(*args: object, **kwargs: object) -> None:
        raise QueryTimeout("query stopped after 1000 ms")

    monkeypatch.setattr(facets, "search_sentences", too_slow)
    with TestClient(create_app(db_path), raise_server_exceptions=False) as c:
        body = c.get("/api/search?q=loans").json()
    assert body["ok"] is False and body["status"] == 503 and "stopped" in body["error"] and body["hint"]
    assert body["code"] == QueryTimeout.code


# ---- one error shape ------------------------------------------------------------------------------

@pytest.mark.parametrize("url, status", [
    ("/api/nothing-here", 404), ("/nothing-here", 404), ("/api/observations/abc", 422),
    ("/api/observations?from=yesterday", 422), ("/api/search?year=20x4", 422), ("/static/nope.js", 404),
])
def test_error_shape(client: TestClient, url: str, status: int) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["ok"] is False and body["status"] == status and isinstance(body["error"], str) and body["error"]


def test_a_crash_is_a_500_in_the_error_shape(db_path: Path) -> None:
    def broken(text: str) -> None:
        raise RuntimeError("secret internals")

    with TestClient(create_app(db_path, extract=broken), raise_server_exceptions=False) as c:
        response = c.get("/api/factcheck?text=anything")
    assert response.status_code == 500
    assert response.json() == {"ok": False, "error": "internal error: the server could not answer this request",
                                "status": 500, "code": "E500", "hint": InternalError.hint}


def test_browsers_get_an_html_error_page(client: TestClient) -> None:
    response = client.get("/provinces/Atlantis", headers={"accept": "text/html"})
    assert response.status_code == 404 and "<h1>Not found</h1>" in response.text


# ---- writes -----------------------------------------------------------------------------------------

ARTICLE = b"""<html><head><title>Ben Tre policy credit</title></head><body><article>
<h1>Ben Tre policy credit</h1><p>March 3, 2024 - Report.</p>
<p>The Ben Tre branch of the Vietnam Bank for Social Policies held a conference to review the implementation
of social policy credit programmes in the province, with representatives of the provincial People's Committee,
departments, mass organisations and district transaction offices attending the meeting in person and online.</p>
<p>As of December 31, 2023, total outstanding loans of Ben Tre reached VND 6,120 billion. The branch said that
policy credit had helped tens of thousands of poor and near-poor households invest in production and stable jobs.</p>
</article></body></html>"""


@pytest.fixture()
def site() -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            found = self.path == "/ben-tre.html"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(ARTICLE if found else b"not found")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def local_fetcher() -> Fetcher:
    return Fetcher(FetchOptions(allow_private=True, delay=0, retries=0))


def test_ingest_is_refused_on_a_read_only_server(client: TestClient) -> None:
    response = client.post("/api/ingest", json={"urls": ["http://example.org/a"]})
    assert response.status_code == 403 and response.json()["ok"] is False


def test_ingest_needs_the_token(db_path: Path, tmp_path: Path, site: str) -> None:
    target = tmp_path / "w.sqlite"
    target.write_bytes(db_path.read_bytes())
    app = create_app(target, write_token="s3cret", fetcher=local_fetcher)
    with TestClient(app, raise_server_exceptions=False) as c:
        body = {"urls": [f"{site}/ben-tre.html", f"{site}/missing.html"]}
        assert c.post("/api/ingest", json=body).status_code == 403
        assert c.post("/api/ingest", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 403
        response = c.post("/api/ingest", json=body, headers={"Authorization": "Bearer s3cret"})
        assert response.status_code == 200, response.text
        items = response.json()["data"]["items"]
        assert [i["status"] for i in items] == ["new", "failed"] and "404" in items[1]["reason"]
        found = data(c, "/api/observations?province=Ben+Tre")["items"]
    assert [o["value"] for o in found] == [6_120_000_000_000]


# ---- copies and an empty table ---------------------------------------------------------------------

def test_copies_show_on_the_document_and_observation_pages(db_path: Path, tmp_path: Path) -> None:
    from extractor.store import connect, mark_copy

    target = tmp_path / "copies.sqlite"
    target.write_bytes(db_path.read_bytes())
    with TestClient(create_app(target), raise_server_exceptions=False) as c:
        vi, en = (observation_id(c, province="Nghe An", indicator="outstanding_loans", **{"from": "2024-06-30",
                                                                                        "to": "2024-06-30"}),
                  observation_id(c, province="Ha Noi"))
        copy_doc = data(c, f"/api/observations/{vi}")["observation"]["document_id"]
        original = data(c, f"/api/observations/{en}")["observation"]["document_id"]
    conn = connect(target)
    mark_copy(conn, copy_doc, original, similarity=0.93)
    conn.close()
    with TestClient(create_app(target), raise_server_exceptions=False) as c:
        assert [d["id"] for d in data(c, f"/api/observations/{vi}")["copies"]] == [original]
        assert [d["id"] for d in data(c, f"/api/documents/{copy_doc}")["copy_documents"]] == [original]
        assert "Hanoi expands policy credit" in c.get(f"/observations/{vi}").text


def test_an_empty_database_serves_every_page(tmp_path: Path) -> None:
    with TestClient(create_app(tmp_path / "empty.sqlite"), raise_server_exceptions=False) as c:
        for url in ("/", "/search?q=loans", "/observations", "/conflicts", "/indicators/outstanding_loans",
                    "/factcheck?text=" + quote("Loans reached VND 5 billion")):
            assert c.get(url).status_code == 200, url
        checks = data(c, "/api/factcheck?text=" + quote("Loans reached VND 5 billion"))["checks"]
        assert checks[0]["verdict"] == "not_found"
        assert c.get("/api/indicators/not_a_code").status_code == 404


def test_search_marks_the_words_found(client: TestClient) -> None:
    page = client.get("/search?q=hoi+nghi", headers={"accept": "text/html"}).text
    assert '<mark class="word">hội</mark> <mark class="word">nghị</mark>' in page


def test_a_supported_vietnamese_claim_still_shows_the_disputing_sources(client: TestClient) -> None:
    text = quote("Tính đến 30/6/2024, tổng dư nợ của Nghệ An đạt 13.400 tỷ đồng.")
    check = data(client, f"/api/factcheck?text={text}")["checks"][0]
    assert check["verdict"] == "supported" and check["claim"]["province"] == "Nghệ An"
    assert {m["value"] for m in check["matches"]} == {13_400_000_000_000}
    assert {o["value"] for o in check["others"]} == {13_357_000_000_000}
    assert "Other sources record a different value" in client.get(f"/factcheck?text={text}").text


def test_province_list_and_the_merger(client: TestClient) -> None:
    names = [p["value"] for p in data(client, "/api/provinces")["provinces"]]
    assert {"Hà Nội", "Nghệ An", "Ninh Bình"} <= set(names)
    ninh_binh = data(client, "/api/provinces/ninh%20binh")
    assert set(ninh_binh["formed_from"]) == {"Ninh Bình", "Nam Định", "Hà Nam"} and ninh_binh["merged_into"] is None
    quang_tri = data(client, "/api/provinces/quang%20tri")
    assert quang_tri["merged_into"] is None and "Quảng Bình" in quang_tri["formed_from"]
    assert "Provinces" in client.get("/provinces").text


def test_observations_roll_up_like_extractor_query(client: TestClient) -> None:
    from extractor.store import connect
    from extractor.store.rollup import default_mapping, rolled_up_observations

    plain = data(client, "/api/observations?province=Ninh+Binh")
    assert plain["rolled_up"] == []
    rolled = data(client, "/api/observations?province=Ninh+Binh&roll_up=true")["rolled_up"]
    conn = connect(client.app.state.db.path)  # type: ignore[attr-defined]
    expected = rolled_up_observations(conn, province="Ninh Bình", mapping=default_mapping())
    assert len(rolled) == len(expected) >= 1 and all(r["id"] is None and len(r["parts"]) == 3 for r in rolled)
    loans = [r for r in rolled if r["indicator"] == "outstanding_loans"]
    assert [(r["province"], r["boundaries"], r["value"]) for r in loans] == [("Ninh Bình", "2025", 15_600_000_000_000)]
    assert client.get("/observations?province=Ninh+Binh&roll_up=true").status_code == 200


def test_the_api_is_described_for_people(client: TestClient) -> None:
    page = client.get("/api-docs").text
    for path in ("/api/search", "/api/observations", "/api/factcheck", "/api/documents/{doc_id}"):
        assert path in page
    example = re.search(r'href="(/api/factcheck\?text=[^"]+)"', page)
    assert example and data(client, example.group(1).replace("&amp;", "&"))["checks"]


@pytest.mark.parametrize(("claimed", "verdict"), [
    ("VND 13,357.2 billion", "supported"),  # written finer than the record: within its rounding
    ("VND 13,358 billion", "different"),  # one billion off, at the record's own precision
])
def test_factcheck_reads_an_exact_claim_to_the_precision_written(client: TestClient, claimed: str,
                                                                   verdict: str) -> None:
    text = quote(f"Nghe An's outstanding loans reached {claimed} by June 30, 2024")
    check = data(client, f"/api/factcheck?text={text}")["checks"][0]
    assert check["verdict"] == verdict
    if verdict == "supported":
        assert "recorded as" in check["reason"] and "13,357" in check["reason"]
