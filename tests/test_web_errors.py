"""Every failure of the web app is answered in the one error shape, with its code and hint: no 500 for a
parameter out of range, no dropped connection when something does fail (issue 17).

The routes and their parameters are read from the routers, so a route added later is tried too.
"""

from __future__ import annotations

import http.client
import json
import logging
import re
import threading
import typing
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient

from extractor.errors import ExtractorError, FetchError, InputError, RuleError, StoreError, TooLarge
from extractor.store import QueryTimeout
from extractor.web import api, create_app, i18n, pages
from extractor.web.catalogue import extracted
from extractor.web.errors import InternalError
from extractor.web.schemas import ErrorBody
from extractor.web.server import background_server
from helpers.web_corpus import build_database

SQLITE_INTEGERS = range(-(2**63), 2**63)  # what SQLite can store; Python's OverflowError beyond
ROUTES = [r for r in (*api.router.routes, *pages.router.routes) if isinstance(r, APIRoute) and "GET" in r.methods]
# Already URL-encoded: a lone surrogate's UTF-8 bytes and a NUL cannot be written as str.
BAD_INTEGERS = ["99999999999999999999999", "-99999999999999999999999", str(2**63), "-1", "abc", "1.5", "%00"]
ODD_TEXTS = ["99999999999999999999999", "-1", "%00", "%ED%A0%80", quote("<script>alert(1)</script>"), "0001-01-01",
             "9999-12-31", "0000-00-00", "a" * 3000]


def parameters(route: APIRoute) -> list[tuple[str, Any]]:
    """("path" or "query", field) for every parameter of a route, its dependencies' included."""
    found, todo = [], [route.dependant]
    while todo:
        dependant = todo.pop()
        found += [("path", p) for p in dependant.path_params] + [("query", p) for p in dependant.query_params]
        todo += dependant.dependencies
    return found


def is_integer(field: Any) -> bool:
    annotation = field.field_info.annotation
    return annotation is int or int in typing.get_args(annotation)


def bounds(field: Any) -> tuple[int | None, int | None]:
    low = next((m.ge for m in field.field_info.metadata if hasattr(m, "ge")), None)
    high = next((m.le for m in field.field_info.metadata if hasattr(m, "le")), None)
    return low, high


INTEGER_PARAMETERS = [(r, where, f) for r in ROUTES for where, f in parameters(r) if is_integer(f)]
TEXT_PARAMETERS = [(r, where, f) for r in ROUTES for where, f in parameters(r)
                   if f.field_info.annotation is not bool and not is_integer(f)]


def is_page(route: APIRoute) -> bool:
    return not route.path.startswith("/api/") and not route.path.endswith(".csv")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_database(tmp_path_factory.mktemp("web_errors") / "web.sqlite")


@pytest.fixture(scope="module")
def client(db_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(db_path), raise_server_exceptions=False, headers={"accept-language": "en"}) as c:
        yield c


@pytest.fixture(scope="module")
def samples(client: TestClient) -> dict[str, str]:
    """A stored value for each path parameter, so a request reaches its view."""
    observation = client.get("/api/observations").json()["data"]["items"][0]
    province = client.get("/api/provinces").json()["data"]["provinces"][0]["value"]
    return {"observation_id": str(observation["id"]), "doc_id": observation["document_id"],
            "name": quote(province), "code": observation["indicator"]}


def url(route: APIRoute, samples: dict[str, str], where: str, name: str, value: str) -> str:
    """The route's URL with one parameter set to ``value`` (already encoded), the others valid."""
    path = route.path.format(**{**samples, name: value} if where == "path" else samples)
    return f"{path}?{name}={value}" if where == "query" else path


def assert_error_shape(response: Any, status: int | None = None) -> ErrorBody:
    assert response.headers["content-type"].startswith("application/json"), response.text[:300]
    body = ErrorBody.model_validate(response.json())
    assert body.status == response.status_code and body.code.startswith("E") and body.error
    assert status is None or body.status == status, (response.request.url, body)
    return body


# ---- parameters out of range -------------------------------------------------------------------------------

def test_every_integer_parameter_is_bounded_within_what_sqlite_stores() -> None:
    unbounded = [f"{r.path} {f.alias}" for r, _, f in INTEGER_PARAMETERS
                 if not all(b is not None and b in SQLITE_INTEGERS for b in bounds(f))]
    assert INTEGER_PARAMETERS and not unbounded, unbounded


@pytest.mark.parametrize("route, where, field", INTEGER_PARAMETERS,
                         ids=[f"{r.path}:{f.alias}" for r, _, f in INTEGER_PARAMETERS])
def test_an_integer_out_of_range_or_malformed_is_a_422(client: TestClient, samples: dict[str, str],
                                                       route: APIRoute, where: str, field: Any) -> None:
    for value in BAD_INTEGERS:
        response = client.get(url(route, samples, where, field.alias, value))
        assert assert_error_shape(response, 422).code == "E422"
        assert field.alias in response.json()["error"]
        if is_page(route):
            page = client.get(url(route, samples, where, field.alias, value), headers={"accept": "text/html"})
            assert page.status_code == 422 and 'data-code="E422"' in page.text


def test_an_observation_id_beyond_64_bits_is_refused_not_a_crash(client: TestClient) -> None:
    body = assert_error_shape(client.get("/api/observations/99999999999999999999999"), 422)
    assert body.error.startswith("observation_id:") and body.hint


@pytest.mark.parametrize("route", [r for r in ROUTES if any(r is t for t, _, _ in TEXT_PARAMETERS)],
                         ids=lambda r: r.path)
def test_odd_text_in_any_parameter_is_an_answer_never_a_500(client: TestClient, samples: dict[str, str],
                                                            route: APIRoute) -> None:
    for where, field in [(w, f) for r, w, f in TEXT_PARAMETERS if r is route]:
        for value in ODD_TEXTS:
            response = client.get(url(route, samples, where, field.alias, value))
            assert response.status_code in (200, 404, 413, 422), (response.request.url, response.text[:300])
            if response.status_code != 200:
                assert_error_shape(response)


def test_a_date_at_the_start_of_the_calendar_ranks_an_indicator(client: TestClient, samples: dict[str, str]) -> None:
    response = client.get(f"/api/indicators/{samples['code']}?date=0001-01-01&window=120")
    assert response.status_code == 200, response.text
    assert response.json()["data"]["window_start"] == "0001-01-01"


def test_every_message_of_the_templates_survives_the_formatting_of_gettext() -> None:
    """Jinja's new-style gettext formats every message of a template (a ``%`` is written ``%%``): "0.14%"
    in the fact-check page's advice made the page a 500 whenever a text had no figure."""
    placeholders = re.compile(r"%%|%\([a-z_]+\)s")
    messages = [m for key, where in extracted().items() if any(w.startswith("templates") for w in where)
                for m in ([key] if isinstance(key, str) else key)]
    broken = [m for m in messages for lang in i18n.LANGS if "%" in placeholders.sub("", i18n.gettext(lang, m))]
    assert messages and not broken, broken


def test_a_text_without_figures_is_checked_on_the_page(client: TestClient) -> None:
    for lang in i18n.LANGS:
        page = client.get("/factcheck?text=99999999999999999999999", headers={"accept-language": lang})
        assert page.status_code == 200 and "%%" not in page.text


# ---- the library's coded errors ----------------------------------------------------------------------------

@pytest.mark.parametrize("error, status", [
    (InputError("the text cannot be read"), 422), (TooLarge("the text is too long", hint="Shorten it."), 413),
    (QueryTimeout("query stopped after 1000 ms"), 503), (FetchError("the site did not answer"), 502),
])
def test_a_coded_error_is_answered_with_its_status_code_and_hint(db_path: Path, error: ExtractorError,
                                                                 status: int) -> None:
    body = assert_error_shape(failing_client(db_path, error).get("/api/factcheck?text=VND+1+billion"), status)
    assert (body.error, body.code, body.hint) == (error.message, error.code, error.hint or None)


@pytest.mark.parametrize("error", [StoreError("cannot open /srv/secret/vbsp.sqlite"),
                                   RuleError(["rules/x.yaml:3: bad"]), RuntimeError("secret internals")],
                         ids=lambda e: type(e).__name__)
def test_a_server_failure_is_a_500_with_its_code_and_no_details(db_path: Path, error: Exception,
                                                                caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        response = failing_client(db_path, error).get("/api/factcheck?text=VND+1+billion")
    body = assert_error_shape(response, 500)
    assert body.code == getattr(error, "code", InternalError.code) and body.hint == InternalError.hint
    assert "secret" not in response.text and "rules/x.yaml" not in response.text
    assert [r.exc_info[1] for r in caplog.records if r.exc_info] == [error]


def failing_client(db_path: Path, error: Exception) -> TestClient:
    """A client of the app whose fact-check raises ``error`` (the route stands for any library call)."""
    def extract(text: str) -> None:
        raise error

    return TestClient(create_app(db_path, extract=extract), raise_server_exceptions=False)


def test_an_unreadable_database_is_a_store_error(db_path: Path, tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_bytes(db_path.read_bytes())
    app = create_app(damaged)
    data = bytearray(damaged.read_bytes())
    half = len(data) // 2 // 4096 * 4096  # the schema's pages stay: the file opens, reading it fails
    damaged.write_bytes(bytes(data[:half]) + b"\xff" * (len(data) - half))
    with TestClient(app, raise_server_exceptions=False) as c:
        response = c.get("/api/overview")
    body = assert_error_shape(response, 500)
    assert body.code == StoreError.code and "malformed" not in body.error


# ---- the HTML error page ------------------------------------------------------------------------------------

def test_the_error_page_shows_code_and_hint_with_the_message_escaped(client: TestClient) -> None:
    page = client.get("/provinces/" + quote('<script>alert("x")</script>'), headers={"accept": "text/html"})
    assert page.status_code == 404 and 'data-code="E404"' in page.text and "/api/provinces" in page.text
    assert "<script>alert" not in page.text and "&lt;script&gt;alert" in page.text


def test_a_crash_on_a_page_is_the_500_page(db_path: Path) -> None:
    page = failing_client(db_path, RuntimeError("secret <b>internals</b>")).get(
        "/factcheck?text=VND+1+billion", headers={"accept": "text/html"})
    assert page.status_code == 500 and 'data-code="E500"' in page.text and "secret" not in page.text
    assert page.headers["content-security-policy"]


# ---- a real server under many clients -------------------------------------------------------------------

CLIENTS, REQUESTS_EACH = 200, 3


def test_failures_under_many_keep_alive_clients_never_drop_a_connection(
        db_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """Each client sends its requests on one kept-alive connection, all at once, to a route that fails.

    Starlette's handler for ``Exception`` answered and then re-raised; uvicorn logged it and closed the
    connection, so a client's next request on it was reset.
    """
    answers: Counter[str] = Counter()
    with caplog.at_level(logging.ERROR, logger="extractor.web"), \
            background_server(create_app(db_path, extract=crash)) as base:
        run_clients(urlsplit(base), lambda c: answers.update([one_request(c)]))
    assert answers == Counter({"500 E500": CLIENTS * REQUESTS_EACH}), answers
    logged = [r for r in caplog.records if r.name.startswith("extractor.web") and r.exc_info]
    assert len(logged) == CLIENTS * REQUESTS_EACH


def crash(text: str) -> None:
    raise RuntimeError("an unexpected failure")


def run_clients(base: Any, request: Callable[[http.client.HTTPConnection], None]) -> None:
    """``CLIENTS`` threads, started together, each making ``REQUESTS_EACH`` requests on its connection."""
    start = threading.Barrier(CLIENTS)

    def client() -> None:
        connection = http.client.HTTPConnection(base.hostname, base.port, timeout=60)
        start.wait()
        for _ in range(REQUESTS_EACH):
            request(connection)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def one_request(connection: http.client.HTTPConnection) -> str:
    """"status code" of one complete JSON answer, or the name of what went wrong instead."""
    try:
        connection.request("GET", "/api/factcheck?text=VND+1+billion")
        response = connection.getresponse()
        body = json.loads(response.read())
    except (OSError, http.client.HTTPException, ValueError) as exc:
        return type(exc).__name__
    return f"{response.status} {body.get('code')}"
