"""The Jinja2 environment: autoescape always on, formatting helpers as filters."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from extractor.store.facets import source_host
from extractor.store.labels import indicator_label
from extractor.web import formatting
from extractor.web.render import Mark, figure_mark, pieces, word_marks

TEMPLATES = Path(__file__).parent / "templates"


def link(path: str, **params: Any) -> str:
    """A path with its query string, leaving out empty parameters."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "", False)})
    return f"{path}?{query}" if query else path


def _number(value: Any) -> str:
    """An integer or decimal with thousands commas."""
    return formatting.group_digits(Decimal(str(value)))


def segment(value: Any) -> str:
    """One URL path segment, every reserved character quoted ("Hà Nội" → "H%C3%A0%20N%E1%BB%99i")."""
    return quote(str(value), safe="")


def dict_with(args: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """Query arguments with one filter set (back to the first page)."""
    return {**{k: v for k, v in args.items() if k != "offset"}, key: value}


def dict_without(args: dict[str, Any], key: str) -> dict[str, Any]:
    """Query arguments with one filter removed (back to the first page)."""
    return {k: v for k, v in args.items() if k not in (key, "offset")}


def environment() -> Environment:
    """Autoescaping for every template (scraped text is untrusted), strict about undefined names."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(value=formatting.format_value, amount=formatting.format_amount, date=formatting.format_date,
                       indicator=indicator_label, host=source_host, seg=segment,
                       boundaries=formatting.boundaries_label, number=_number,
                       dict_with=dict_with, dict_without=dict_without)
    env.globals.update(link=link, pieces=pieces, Mark=Mark, word_marks=word_marks, figure_mark=figure_mark,
                       is_link=formatting.is_link,
                       period=formatting.format_period, qualifier_words=formatting.QUALIFIER_WORDS)
    return env


templates = Jinja2Templates(env=environment())
