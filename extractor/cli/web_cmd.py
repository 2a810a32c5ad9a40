"""``extractor serve``: the web app on the embedded database (read-only unless given a write token)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from extractor.cli import output as consoles
from extractor.cli.store_cmd import DbOpt, friendly


@friendly
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option(
        "--host", help="Address to listen on (0.0.0.0 for every interface).")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    write_token: Annotated[str | None, typer.Option(
        "--write-token", envvar="VBSP_WRITE_TOKEN", show_envvar=True,
        help="Allow POST /api/ingest for requests carrying 'Authorization: Bearer TOKEN' (read-only without).")] = None,
) -> None:
    """Serve the search, province, indicator, document, fact-check and conflicts pages (and their JSON)."""
    import uvicorn

    from extractor.web import create_app

    app = create_app(db, write_token=write_token)
    mode = "ingest allowed with the write token" if write_token else "read-only"
    consoles.err.print(f"serving {app.state.db.path} on http://{host}:{port}/ ({mode})", markup=False, highlight=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")


def register(app: typer.Typer) -> None:
    """Add this module's commands to ``app``."""
    app.command(name="serve")(serve)


_ = Path  # DbOpt's annotation refers to Path
