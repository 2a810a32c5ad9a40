"""The FastAPI app: server-rendered pages, their JSON twins under /api/, CSV downloads, one error shape.

    app = create_app("vbsp.sqlite")                       # read-only
    app = create_app("vbsp.sqlite", write_token="s3cret")  # adds token-guarded POST /api/ingest
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from extractor.errors import ExtractorError
from extractor.registry.bundle import bundled
from extractor.store import QueryTimeout
from extractor.web import api, pages
from extractor.web.db import Database
from extractor.web.factcheck import default_extract
from extractor.web.views import NotFound

HERE = Path(__file__).parent
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
    app.add_middleware(SecurityHeaders)
    return app


# ---- one error shape ----------------------------------------------------------------------------

def wants_html(request: Request) -> bool:
    """Browsers on pages get an HTML error page; the API and every other client get JSON."""
    path = request.url.path
    return not path.startswith("/api/") and not path.endswith((".csv", ".json")) and \
        "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, message: str, hint: str | None = None) -> Response:
    """``{"ok": false, "error", "status"}`` as JSON, or the same on an HTML page for browsers."""
    if wants_html(request):
        return pages.render(request, "error.html", status_code=status, status=status, message=message, hint=hint)
    body: dict[str, Any] = {"ok": False, "error": message, "status": status}
    if hint:
        body["hint"] = hint
    return JSONResponse(body, status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    """Every invalid parameter as "where: what" on one line."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def install_error_handlers(app: FastAPI) -> None:
    """Map every failure to the one error shape (404, 422, 400 for timeouts, 500)."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return error_response(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error_response(request, 422, _validation_message(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> Response:
        return error_response(request, 404, str(exc))

    @app.exception_handler(QueryTimeout)
    async def too_slow(request: Request, exc: QueryTimeout) -> Response:
        return error_response(request, 400, exc.message, exc.hint)

    @app.exception_handler(ExtractorError)
    async def library_error(request: Request, exc: ExtractorError) -> Response:
        return error_response(request, 400, f"[{exc.code}] {exc.message}", exc.hint or None)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> Response:
        return error_response(request, 500, "internal error: the server could not answer this request")
