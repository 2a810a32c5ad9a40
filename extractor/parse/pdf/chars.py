"""A page's characters as pdfplumber reads them, at a fraction of its cost.

pdfplumber turns every object pdfminer lays out into a dict through a generic conversion (each
attribute filtered and resolved one call at a time), and its ``dedupe_chars`` puts the kept
characters back in order with ``list.index``, comparing dicts: quadratic in the characters of a
page. Together they were three quarters of the time spent reading a PDF. ``QuickPage`` is a
pdfplumber page that makes the same char dicts directly and de-duplicates them with the same
clusters in linear order-keeping, so everything read from it (words, tables, images, OCR
renders) is what pdfplumber gives; other objects (lines, rects, images) go the usual way.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import lru_cache
from operator import itemgetter
from typing import Any
from unicodedata import normalize as normalize_unicode

from pdfminer.layout import LTChar
from pdfplumber.page import ALL_ATTRS, FilteredPage, Page, fix_fontname_bytes
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode

# Values resolve_all leaves as they are: a char's attributes are almost always of these types.
PLAIN = (float, int, str, bool, type(None))
DEDUPE_KEY = ("upright", "text", "fontname", "size")  # pdfplumber's key with its extra_attrs


class QuickPage(Page):
    """A pdfplumber page whose chars are made and de-duplicated without the generic machinery."""

    def process_object(self, obj: Any) -> dict[str, Any]:
        """A char as pdfplumber's ``process_object`` makes it; other objects as it does."""
        if type(obj) is not LTChar:
            return super().process_object(obj)
        attr = {k: v for k, v in obj.__dict__.items() if k in ALL_ATTRS}
        for k, v in attr.items():
            if type(v) not in PLAIN:
                attr[k] = resolved(v)
        attr["object_type"] = "char"
        attr["page_number"] = self.page_number
        attr["ncs"] = colour_space(obj.ncs.name)
        text = obj.get_text()
        norm = self.pdf.unicode_norm
        attr["text"] = normalize_unicode(norm, text) if norm is not None else text
        state = obj.graphicstate
        attr["stroking_color"] = state.scolor if isinstance(state.scolor, tuple) else (state.scolor,)
        attr["non_stroking_color"] = state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        mb_x0, mb_top = self.mediabox[:2]
        height = self.height
        attr["top"] = (height - attr["y1"]) + mb_top
        attr["bottom"] = (height - attr["y0"]) + mb_top
        attr["doctop"] = self.initial_doctop + attr["top"]
        if mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr

    def dedupe_chars(self, **kwargs: Any) -> FilteredPage:
        """The page without duplicate chars, as pdfplumber's ``dedupe_chars(tolerance=...)``."""
        page = FilteredPage(self, lambda x: True)
        page._objects = dict(self.objects)
        page._objects["char"] = unique_chars(self.chars, tolerance=kwargs.get("tolerance", 1))
        return page


def quick_page(page: Any) -> Any:
    """The same page as a QuickPage (a page already read, or derived, is left as it is)."""
    if type(page) is not Page or hasattr(page, "_objects"):
        return page
    return QuickPage(page.pdf, page.page_obj, page_number=page.page_number,
                     initial_doctop=page.initial_doctop)


def resolved(value: Any) -> Any:
    """``resolve_all(value)``, without its calls for plain values and tuples of them (a matrix)."""
    if type(value) in PLAIN or (type(value) is tuple and all(type(v) in PLAIN for v in value)):
        return value
    return resolve_all(value)


@lru_cache(maxsize=256)
def colour_space(name: Any) -> Any:
    """A colour space's name decoded, once per name rather than once per char."""
    return resolve_and_decode(name)


def unique_chars(chars: list[dict[str, Any]], *, tolerance: float) -> list[dict[str, Any]]:
    """pdfplumber's ``utils.dedupe_chars``: of the chars of the same text, font and size lying
    within ``tolerance`` of each other (clustered on doctop, then x0), the top-left one is kept,
    in the order of the page. pdfplumber orders them by ``chars.index`` (quadratic): the kept char
    is the first of its cluster at its place, so no char equal to it comes before it and its own
    position is the same."""
    key = itemgetter(*DEDUPE_KEY)
    pos_key = itemgetter("doctop", "x0")
    position = {id(c): i for i, c in enumerate(chars)}
    kept: list[tuple[int, dict[str, Any]]] = []
    for _, group in itertools.groupby(sorted(chars, key=key), key=key):
        for y_cluster in clusters(list(group), itemgetter("doctop"), tolerance):
            for x_cluster in clusters(y_cluster, itemgetter("x0"), tolerance):
                char = min(x_cluster, key=pos_key)
                kept.append((position[id(char)], char))
    kept.sort(key=itemgetter(0))
    return [char for _, char in kept]


def clusters(items: list[Any], value: Callable[[Any], float], tolerance: float) -> list[list[Any]]:
    """pdfplumber's ``cluster_objects``: the distinct values sorted and cut where one is more
    than ``tolerance`` above the one before; the items of each run in their order, runs in
    the order of their values. A lone item is its own cluster."""
    if len(items) == 1:
        return [items]
    ids: dict[float, int] = {}
    values = sorted(set(map(value, items)))
    run, last = 0, values[0]
    for v in values:
        if v > last + tolerance:
            run += 1
        ids[v] = run
        last = v
    runs: list[list[Any]] = [[] for _ in range(run + 1)]
    for item in items:
        runs[ids[value(item)]].append(item)
    return runs
