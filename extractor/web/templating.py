"""The Jinja2 environment: autoescape always on, gettext (Babel catalogues), filters in the page's language.

Every template is rendered with ``lang`` in its context (``pages.render``); the filters and
``_()`` read it from there, so one environment serves both languages.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, pass_context
from jinja2.runtime import Context

from extractor.store.facets import source_host
from extractor.store.labels import indicator_definition, indicator_label
from extractor.web import formatting, i18n, words
from extractor.web.render import Mark, figure_mark, number_marks, pieces, word_marks

TEMPLATES = Path(__file__).parent / "templates"


def link(path: str, **params: Any) -> str:
    """A path with its query string, leaving out empty parameters (lists repeat their key)."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "", False, [])}, doseq=True)
    return f"{path}?{query}" if query else path


def segment(value: Any) -> str:
    """One URL path segment, every reserved character quoted ("Hà Nội" → "H%C3%A0%20N%E1%BB%99i")."""
    return quote(str(value), safe="")


def dict_with(args: dict[str, Any], key: str, value: Any) -> dict[str, Any]:
    """Query arguments with one filter set (back to the first page)."""
    return {**{k: v for k, v in args.items() if k != "offset"}, key: value}


def dict_without(args: dict[str, Any], *keys: str) -> dict[str, Any]:
    """Query arguments with filters removed (back to the first page)."""
    return {k: v for k, v in args.items() if k not in (*keys, "offset")}


def _lang(context: Context) -> str:
    """The page's language (English for a template rendered without one)."""
    return str(context.get("lang") or "en")


@pass_context
def _gettext(context: Context, message: str) -> str:
    return i18n.gettext(_lang(context), message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, n: int) -> str:
    return i18n.ngettext(_lang(context), singular, plural, n)


def _in_lang(function: Any) -> Any:
    """A formatting function as a filter that passes the page's language as ``lang``."""

    @pass_context
    def bound(context: Context, value: Any, *args: Any) -> Any:
        return function(value, *args, lang=_lang(context))

    return bound


def _number(value: Any, lang: str = "en") -> str:
    """An integer or decimal with the language's marks."""
    return formatting.group_digits(Decimal(str(value)), lang)


def environment() -> Environment:
    """Autoescaping for every template (scraped text is untrusted), strict about undefined names."""
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.i18n"])
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]  # added by the i18n extension
    env.filters.update(value=_in_lang(formatting.format_value), amount=_in_lang(formatting.format_amount),
                       date=_in_lang(formatting.format_date), indicator=_in_lang(indicator_label),
                       definition=_in_lang(indicator_definition), unit=_in_lang(formatting.unit_words),
                       boundaries=_in_lang(formatting.boundaries_label), number=_in_lang(_number),
                       why=_in_lang(words.why_words), part=_in_lang(words.part_words),
                       province=_in_lang(words.province_name), verdict=_in_lang(words.verdict_words),
                       span=_in_lang(words.span_words),
                       host=source_host, seg=segment, dict_with=dict_with, dict_without=dict_without)
    env.globals.update(link=link, pieces=pieces, Mark=Mark, word_marks=word_marks, figure_mark=figure_mark,
                       number_marks=number_marks, is_link=formatting.is_link, langs=i18n.LANGS,
                       period=_in_lang(formatting.format_period),
                       difference=_in_lang(formatting.format_difference))
    return env


templates = Jinja2Templates(env=environment())
