"""The web app for policy staff and journalists: search, provinces, indicators, documents, fact-check.

``create_app(db, write_token=None)`` builds the FastAPI app; ``extractor serve`` runs it with uvicorn.
Pages render records from ``views``/``factcheck`` (which call the store library, the only place
with SQL); each
page has a JSON twin under ``/api/`` and a CSV download where it shows a table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extractor.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    """``create_app``, imported when first asked for: importing a module of this package (the
    CLI's ``factcheck`` reads ``web.factcheck``) does not load FastAPI, Starlette and Jinja."""
    if name == "create_app":
        from extractor.web.app import create_app

        return create_app
    raise AttributeError(f"module 'extractor.web' has no attribute {name!r}")
