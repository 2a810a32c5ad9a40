"""The web's own coded errors and the HTTP status of every coded error (one table, used by every route).

The library raises its coded errors (``extractor/errors.py``); the web answers each with a status that
says whose problem it is, and refuses requests itself with the errors below, coded ``E4xx``/``E5xx``
after their status so they cannot clash with the library's ``E0xx``:

>>> status_of(QueryTimeout("query stopped after 1000 ms")), status_of(TooLarge("too many words"))
(503, 413)
>>> status_of(NotFound("no observation 7")), NotFound.code
(404, 'E404')
"""

from __future__ import annotations

from extractor.errors import ExtractorError, FetchError, InputError, RuleError, StoreError, TooLarge
from extractor.store import QueryTimeout


class WebError(ExtractorError):
    """A request the web layer refuses itself; ``status`` is the HTTP status it is answered with."""

    code = "E400"
    status = 400
    hint = "See /api-docs for the routes and their parameters."


class Forbidden(WebError):
    """The request needs a permission the server was not started with (ingest without its token)."""

    code = "E403"
    status = 403
    hint = "Start the server with --write-token and send it as Authorization: Bearer <token>."


class NotFound(WebError):
    """The page's subject (an observation, document, province, indicator or route) does not exist."""

    code = "E404"
    status = 404
    hint = ("Ids come from /api/observations and /api/search, province names from /api/provinces, "
            "indicator codes from /api/overview.")


class InvalidRequest(WebError):
    """A parameter is malformed or out of its range (a number too large for an id, a date that is none)."""

    code = "E422"
    status = 422
    hint = "Fix the parameters named above; /api-docs lists every route's parameters and their ranges."


class InternalError(WebError):
    """Something failed that no one foresaw; the server logged it and answers without the details."""

    code = "E500"
    status = 500
    hint = "The server logged what went wrong; try again, and report the time of the request if it persists."


# The library's errors by kind, most specific first where one kind is a subclass of another.
LIBRARY_STATUS: dict[type[ExtractorError], int] = {
    QueryTimeout: 503,  # the reader gave up under its time limit: narrow the query or retry later
    TooLarge: 413,      # a search of too many terms, a text beyond a size limit
    InputError: 422,    # the request's text or URL cannot be read
    FetchError: 502,    # the site asked for did not answer (ingest)
    StoreError: 500,    # the database could not be read: the server's problem
    RuleError: 500,     # the server's rules are broken
}

WEB_ERRORS: tuple[type[WebError], ...] = (WebError, Forbidden, NotFound, InvalidRequest, InternalError)
STATUSES = sorted({*LIBRARY_STATUS.values(), *(cls.status for cls in WEB_ERRORS)})


def status_of(error: ExtractorError) -> int:
    """The HTTP status a coded error is answered with (500 for a kind the table does not name)."""
    if isinstance(error, WebError):
        return error.status
    return next((LIBRARY_STATUS[cls] for cls in type(error).__mro__ if cls in LIBRARY_STATUS), 500)


def web_error(status: int, message: str) -> WebError:
    """The web's error for an HTTP status raised outside our code (Starlette's 404 and 405)."""
    known = next((cls for cls in WEB_ERRORS if cls.status == status and cls is not WebError), None)
    if known is not None:
        return known(message)
    error = WebError(message)
    error.status = status
    return error
