"""The FastAPI app: server-rendered pages, their JSON twins under /api/, CSV downloads, one error shape.

    app = create_app("vbsp.sqlite")                       # read-only
    app = create_app("vbsp.sqlite", write_token="s3cret")  # adds token-guarded POST /api/ingest
"""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from extractor.errors import ExtractorError
from extractor.registry.bundle import bundled
from extractor.web import api, pages
from extractor.web.db import Database
from extractor.web.errors import InternalError, InvalidRequest, status_of, web_error
from extractor.web.factcheck import default_extract
from extractor.web.schemas import ErrorBody

HERE = Path(__file__).parent
log = logging.getLogger(__name__)
INTERNAL = InternalError("internal error: the server could not answer this request")
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"), (b"x-frame-options", b"DENY")]


class SecurityHeaders:
    """Adds a strict Content-Security-Policy and friends to every response (pure ASGI: cheap)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request through, adding the headers to the response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Load the extraction pipeline before the first fact-check, then freeze what is loaded.

    Python's full garbage collections walk every live object; with spaCy and the rules loaded that
    made one page in ten 3× slower (bench/web_speed.py). ``gc.freeze`` leaves start-up objects out.
    """
    if app.state.extract is default_extract:
        with suppress(ExtractorError):  # a broken rule set is reported by the first fact-check, not here
            await run_in_threadpool(default_extract, "VND 1 billion")
    gc.collect()
    gc.freeze()
    yield


def create_app(db: str | Path | None = None, *, write_token: str | None = None,
               extract: Callable[..., Any] | None = None, fetcher: Callable[..., Any] | None = None) -> FastAPI:
    """The web app on the database at ``db``; writes exist only when ``write_token`` is given."""
    app = FastAPI(title="VBSP social policy credit: indicator table", version="1",
                  description="Figures about Vietnam's Bank for Social Policies read from news, with their sources. "
                              "Every JSON answer is {ok, data} or {ok: false, error, status}.",
                  docs_url=None, redoc_url=None,  # the Swagger page loads from a CDN: /openapi.json only
                  lifespan=lifespan)
    app.state.db = Database(db)
    app.state.write_token = write_token or None
    app.state.extract = extract or default_extract
    app.state.registry = bundled()  # the rules, loaded and checked once when the app is made
    app.state.fetcher = fetcher
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    install_error_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_middleware(AnswerUnexpected)
    app.add_middleware(SecurityHeaders)  # added last, so outermost: error answers carry the headers too
    return app


# ---- one error shape ----------------------------------------------------------------------------

def wants_html(request: Request) -> bool:
    """Browsers on pages get an HTML error page; the API and every other client get JSON."""
    path = request.url.path
    return not path.startswith("/api/") and not path.endswith((".csv", ".json")) and \
        "text/html" in request.headers.get("accept", "")


def error_body(error: ExtractorError) -> ErrorBody:
    """The error shape of a coded error. A 500 is the server's problem: the client gets its code and a
    general message, the server's log the details (paths, SQL, what broke)."""
    status = status_of(error)
    if status == 500:
        return ErrorBody(error=INTERNAL.message, status=status, code=error.code, hint=INTERNAL.hint)
    return ErrorBody(error=error.message, status=status, code=error.code, hint=error.hint or None)


def error_response(request: Request, error: ExtractorError) -> Response:
    """The error shape as JSON, or the same on an HTML page (its text escaped) for browsers; JSON too
    when the page itself cannot be rendered, so a broken template never leaves a request unanswered."""
    body = error_body(error)
    if wants_html(request):
        try:
            return pages.render(request, "error.html", status_code=body.status, **body.model_dump(exclude={"ok"}))
        except Exception as exc:  # noqa: BLE001 - the last answer must not fail: fall back to JSON
            log_failure(request, exc)
    return Response(body.model_dump_json(), status_code=body.status, media_type="application/json")


def log_failure(request: Request, error: BaseException) -> None:
    """Log a failure the client is told only the code of, with its traceback."""
    log.error("%s %r failed: %s", request.method, request.url.path, error, exc_info=error)


def _validation_message(exc: RequestValidationError) -> str:
    """Every invalid parameter as "where: what" on one line."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Map every failure to the one error shape: Starlette's 404/405, invalid parameters, coded errors.

    Anything else is answered by ``AnswerUnexpected``, not by a handler for ``Exception``: Starlette
    runs that one in its outermost middleware, which re-raises after answering, and uvicorn then
    closes the connection under keep-alive clients (their next request on it is reset).
    """

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, web_error(exc.status_code, str(exc.detail)))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, InvalidRequest(_validation_message(exc)))

    @app.exception_handler(ExtractorError)
    async def coded(request: Request, exc: ExtractorError) -> Response:
        if status_of(exc) == 500:
            log_failure(request, exc)
        return error_response(request, exc)


class AnswerUnexpected:
    """Answers an exception no handler took with the 500 error shape, logged, and keeps the connection.

    Pure ASGI, inside the security headers. A response already begun cannot be mended: the exception
    goes on to the server, which ends that connection (the client sees a truncated answer, not a
    wrong one).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request through; answer what escapes it."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            if started:
                raise
            request = Request(scope, receive)
            log_failure(request, exc)
            await error_response(request, INTERNAL)(scope, receive, send)
