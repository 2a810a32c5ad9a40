"""The pages in Vietnamese and English: which language a request gets, and its message catalogue.

The language comes from the URL (``?lang=vi``), then the ``lang`` cookie a switch sets, then the
browser's ``Accept-Language``; Vietnamese when none says. Messages are written in English in the
templates (``{% trans %}``, ``_()``) and in Python (``N_`` marks words translated later, such as
units); ``locale/vi/LC_MESSAGES/messages.po`` holds the Vietnamese, read with Babel when first
needed (no compiled ``.mo`` to keep in step). ``python -m extractor.web.catalogue`` refreshes it.
"""

from __future__ import annotations

import functools
import gettext as gettext_module
import io
from pathlib import Path
from typing import Literal

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = ("vi", "en")
DEFAULT: Lang = "vi"  # the app's readers are Vietnamese
COOKIE = "lang"
LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a message for the catalogue without translating it here (it is translated where shown)."""
    return message


def po_path(lang: str) -> Path:
    """The catalogue file of a language."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> gettext_module.NullTranslations:
    """The messages of ``lang`` (English, the source language, needs none)."""
    path = po_path(lang)
    if lang == "en" or not path.exists():
        return gettext_module.NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def gettext(lang: str, message: str) -> str:
    """``message`` in ``lang``."""
    return translations(lang).gettext(message)


def ngettext(lang: str, singular: str, plural: str, n: int) -> str:
    """The singular or plural of a message in ``lang``."""
    return translations(lang).ngettext(singular, plural, n)


def as_lang(value: str | None) -> Lang | None:
    """A supported language code, or None ("vi-VN" → "vi").

    >>> as_lang("vi-VN"), as_lang("EN"), as_lang("fr"), as_lang(None)
    ('vi', 'en', None, None)
    """
    code = (value or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGS else None


def from_accept_language(header: str | None) -> Lang | None:
    """The supported language the browser prefers most (``Accept-Language`` with q-values).

    >>> from_accept_language("fr-FR,fr;q=0.9,en-US;q=0.8,vi;q=0.7"), from_accept_language("de")
    ('en', None)
    """
    ranked: list[tuple[float, int, Lang]] = []
    for order, part in enumerate((header or "").split(",")):
        name, _, params = part.strip().partition(";")
        lang = as_lang(name)
        if lang is None:
            continue
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if quality > 0:
            ranked.append((-quality, order, lang))
    return min(ranked)[2] if ranked else None


def pick_lang(*, query: str | None, cookie: str | None, accept: str | None) -> Lang:
    """The request's language: the URL's, then the cookie's, then the browser's, else Vietnamese.

    >>> pick_lang(query=None, cookie="en", accept="vi"), pick_lang(query="vi", cookie="en", accept=None)
    ('en', 'vi')
    """
    return as_lang(query) or as_lang(cookie) or from_accept_language(accept) or DEFAULT
