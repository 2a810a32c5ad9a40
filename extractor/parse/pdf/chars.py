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
import logging
import math
import re
from collections.abc import Callable
from functools import cached_property, lru_cache
from operator import itemgetter
from typing import Any
from unicodedata import normalize as normalize_unicode

from pdfminer.layout import LTChar, LTPage
from pdfminer.pdffont import PDFUnicodeNotDefined
from pdfplumber.page import (
    FilteredPage,
    Page,
    PDFPageAggregatorWithMarkedContent,
    fix_fontname_bytes,
)
from pdfplumber.utils.exceptions import PdfminerException
from pdfplumber.utils.pdfinternals import resolve_all, resolve_and_decode
from pdfplumber.utils.text import LIGATURES, WordExtractor

from extractor.parse.pdf.content import QuickInterpreter

# Values resolve_all leaves as they are.
PLAIN = (float, int, str, bool, type(None))
# The attributes pdfminer's LTChar sets that pdfplumber keeps (its ALL_ATTRS), in its order.
CHAR_ATTRS = ("matrix", "fontname", "adv", "upright", "x0", "y0", "x1", "y1", "width", "height",
              "size", "mcid", "tag")
DEDUPE_KEY = ("upright", "text", "fontname", "size")  # pdfplumber's key with its extra_attrs
TEXT = itemgetter("text")
LIGATURE = re.compile("|".join(map(re.escape, LIGATURES)))
logger = logging.getLogger("pdfminer.pdfdevice")  # where pdfminer warns of a string it cannot draw


class QuickPage(Page):
    """A pdfplumber page whose chars are made and de-duplicated without the generic machinery."""

    @property
    def layout(self) -> LTPage:
        """pdfminer's layout of the page without its chars, which ``CharDevice`` writes
        straight into ``layout_chars`` (pdfplumber's own way when it analyses layout)."""
        if hasattr(self, "_layout"):
            return self._layout
        if self.pdf.laparams is not None:
            return super().layout
        device = CharDevice(self)
        try:
            QuickInterpreter(self.pdf.rsrcmgr, device).process_page(self.page_obj)
        except Exception as exc:  # pdfplumber wraps pdfminer's failures the same way
            raise PdfminerException(exc) from exc
        self._layout: LTPage = device.get_result()
        self.layout_chars = device.chars
        return self._layout

    def parse_objects(self) -> dict[str, list[dict[str, Any]]]:
        """pdfplumber's objects of the page, its chars those the device wrote."""
        objects = super().parse_objects()
        chars = getattr(self, "layout_chars", [])
        return {"char": chars, **objects} if chars else objects

    def process_object(self, obj: Any) -> dict[str, Any]:
        """A char as pdfplumber's ``process_object`` makes it; other objects as it does.

        Of a char's attributes only a marked-content id can be an indirect object to resolve:
        the rest pdfminer computes (the matrix from numbers of the content stream, which
        holds no indirect objects)."""
        if type(obj) is not LTChar:
            return super().process_object(obj)
        fields = obj.__dict__
        return self.char(
            {k: fields[k] for k in CHAR_ATTRS}, ncs=obj.ncs, text=obj._text, state=obj.graphicstate
        )

    def char(self, attr: dict[str, Any], *, ncs: Any, text: str, state: Any) -> dict[str, Any]:
        """pdfplumber's char dict from pdfminer's char attributes (``CHAR_ATTRS``) and the rest:
        colour space, text, graphic state; in pdfplumber's page coordinates."""
        if type(attr["mcid"]) not in PLAIN:
            attr["mcid"] = resolve_all(attr["mcid"])
        page_number, height, mb_x0, mb_top, doctop, norm = self.frame
        attr["object_type"] = "char"
        attr["page_number"] = page_number
        attr["ncs"] = colour_space(ncs.name)
        attr["text"] = normalize_unicode(norm, text) if norm is not None else text
        attr["stroking_color"] = state.scolor if isinstance(state.scolor, tuple) else (state.scolor,)
        attr["non_stroking_color"] = state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,)
        if isinstance(attr["fontname"], bytes):
            attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        attr["top"] = top = (height - attr["y1"]) + mb_top
        attr["bottom"] = (height - attr["y0"]) + mb_top
        attr["doctop"] = doctop + top
        if mb_x0 != 0:
            attr["x0"] = attr["x0"] + mb_x0
            attr["x1"] = attr["x1"] + mb_x0
        return attr

    @cached_property
    def frame(self) -> tuple[int, float, float, float, float, Any]:
        """What every char of the page shares: page number, height, the media box's left and
        top, the page's top in the document, the PDF's Unicode normal form."""
        mb_x0, mb_top = self.mediabox[:2]
        return (self.page_number, self.height, mb_x0, mb_top, self.initial_doctop,
                self.pdf.unicode_norm)

    def dedupe_chars(self, **kwargs: Any) -> FilteredPage:
        """The page without duplicate chars, as pdfplumber's ``dedupe_chars(tolerance=...)``."""
        page = FilteredPage(self, lambda x: True)
        page._objects = dict(self.objects)
        page._objects["char"] = unique_chars(self.chars, tolerance=kwargs.get("tolerance", 1))
        return page


class CharDevice(PDFPageAggregatorWithMarkedContent):
    """pdfplumber's layout device, but a char goes straight into pdfplumber's char dict.

    pdfminer makes an LTChar of each glyph, adds it to the layout tree, pdfplumber tags it with
    its marked content, walks the tree and converts it. Here the glyph's box is computed as
    LTChar computes it (the same operations in the same order, so the same floats) and its
    dict made at once, in drawing order, which is the order of pdfplumber's walk (a form's
    chars join the tree where the form is drawn). A vertical font's glyphs still go through
    LTChar."""

    def __init__(self, page: QuickPage) -> None:
        super().__init__(page.pdf.rsrcmgr, pageno=page.page_number, laparams=None)
        self.page = page
        self.chars: list[dict[str, Any]] = []
        self.glyphs: dict[Any, dict[int, tuple[str, float, str]]] = {}
        self.boxes: dict[tuple[Any, ...], GlyphBoxes] = {}

    def render_string_horizontal(self, seq: Any, matrix: Any, pos: Any, font: Any, fontsize: float,
                                 scaling: float, charspace: float, wordspace: float, rise: float,
                                 dxscale: float, ncs: Any, graphicstate: Any) -> Any:
        """pdfminer's ``render_string_horizontal`` with its ``render_char`` in line: the pen
        moved by the same sums in the same order, each glyph's char dict written at once.
        What a string's glyphs share (font, size, colours, the page's frame) is read once, and
        what a glyph's box owes to the glyph alone once per page (``GlyphBoxes``)."""
        (x, y) = pos
        (a, b, c, d, e, f) = matrix
        boxes = self.boxes.get((font, fontsize, scaling, rise, a, b, c, d))
        if boxes is None:
            boxes = self.boxes[(font, fontsize, scaling, rise, a, b, c, d)] = GlyphBoxes(
                self, font, fontsize, scaling, rise, matrix)
        upright = a * d * scaling > 0 and b * c <= 0
        fontname, mcid, colours, stroking, non_stroking = self.shared(font, ncs, graphicstate)
        page_number, height, mb_x0, mb_top, doctop, _ = self.page.frame
        # What the string's chars share, in pdfplumber's order of keys; the rest is each char's.
        # (A copy of it and a value set a key is a third cheaper than a display of 22 keys, which
        # Python builds one key at a time, the table growing as it goes.)
        template = {"matrix": None, "fontname": fontname, "adv": None, "upright": upright, "x0": None,
                    "y0": None, "x1": None, "y1": None, "width": None, "height": None, "size": None,
                    "mcid": mcid, "tag": self.cur_tag, "object_type": "char", "page_number": page_number,
                    "ncs": colours, "text": None, "stroking_color": stroking,
                    "non_stroking_color": non_stroking, "top": None, "bottom": None, "doctop": None}
        chars = self.chars
        needcharspace = False
        for obj in seq:
            if isinstance(obj, (int, float)):
                x -= obj * dxscale
                needcharspace = True
                continue
            if not isinstance(obj, bytes):
                logger.warning("Cannot render horizontal string because %r is not a valid int, "
                               "float or bytes.", obj)
                continue
            for cid in font.decode(obj):
                if needcharspace:
                    x += charspace
                text, adv, advance, left, right, bottom, top_, exact = boxes.get(cid) or boxes.add(cid)
                e1, f1 = x * a + y * c + e, x * b + y * d + f  # translate_matrix(matrix, (x, y))
                if exact and e1 and f1:
                    x0, x1, y0, y1 = left + e1, right + e1, bottom + f1, top_ + f1
                else:
                    x0, x1, y0, y1 = boxes.box(adv, e1, f1)
                top, width = (height - y1) + mb_top, x1 - x0
                if mb_x0 != 0:
                    x0, x1 = x0 + mb_x0, x1 + mb_x0
                char = template.copy()
                char["matrix"] = (a, b, c, d, e1, f1)
                char["adv"], char["text"] = adv, text
                char["x0"], char["y0"], char["x1"], char["y1"] = x0, y0, x1, y1
                char["width"], char["height"], char["size"] = width, y1 - y0, y1 - y0
                char["top"], char["bottom"], char["doctop"] = top, (height - y0) + mb_top, doctop + top
                chars.append(char)
                x += advance
                if cid == 32 and wordspace:
                    x += wordspace
                needcharspace = True
        return (x, y)

    def render_char(self, matrix: Any, font: Any, fontsize: float, scaling: float, rise: float,
                    cid: int, ncs: Any, graphicstate: Any) -> float:
        """A vertical font's glyph (horizontal ones are written by
        ``render_string_horizontal``): its LTChar made as pdfminer makes it, its char dict
        written at once; its advance, as pdfminer's ``render_char`` returns."""
        text, textwidth, _ = self.glyph(font, cid)
        item = LTChar(matrix, font, fontsize, scaling, rise, text, textwidth,
                      font.char_disp(cid), ncs, graphicstate)
        fields = item.__dict__
        fields["mcid"], fields["tag"] = self.cur_mcid, self.cur_tag
        attr = {k: fields[k] for k in CHAR_ATTRS}
        self.chars.append(self.page.char(attr, ncs=ncs, text=text, state=graphicstate))
        return float(item.adv)

    def glyph(self, font: Any, cid: int) -> tuple[str, float, str]:
        """A glyph's text and width as pdfminer's ``render_char`` looks them up, and its text
        in the PDF's Unicode normal form; remembered per font and glyph in ``glyphs`` (a page
        draws the same few glyphs over and over)."""
        glyphs = self.glyphs.get(font)
        if glyphs is None:
            glyphs = self.glyphs[font] = {}
        glyph = glyphs.get(cid)
        if glyph is None:
            try:
                text = font.to_unichr(cid)
                assert isinstance(text, str), str(type(text))
            except PDFUnicodeNotDefined:
                text = self.handle_undefined_char(font, cid)
            norm = self.page.frame[-1]
            glyph = glyphs[cid] = (text, font.char_width(cid),
                                   normalize_unicode(norm, text) if norm is not None else text)
        return glyph

    def shared(self, font: Any, ncs: Any, state: Any) -> tuple[Any, Any, Any, tuple[Any, ...], tuple[Any, ...]]:
        """What every glyph of a string shares in its char dict, as ``QuickPage.char`` makes
        it: font name, marked-content id, colour space, stroking and non-stroking colours."""
        fontname = font.fontname
        mcid = self.cur_mcid if type(self.cur_mcid) in PLAIN else resolve_all(self.cur_mcid)
        return (fix_fontname_bytes(fontname) if isinstance(fontname, bytes) else fontname, mcid,
                colour_space(ncs.name),
                state.scolor if isinstance(state.scolor, tuple) else (state.scolor,),
                state.ncolor if isinstance(state.ncolor, tuple) else (state.ncolor,))


# A glyph drawn: its text, advance (as the char dict keeps it, and as a float for the pen), its
# box's sides less the pen's position, and whether they are finite (adding the position to them
# is then exact, see GlyphBoxes).
Box = tuple[str, float, float, float, float, float, float, bool]


class GlyphBoxes(dict[int, Box]):
    """The glyphs of one font at one size, scaling, rise and text matrix (less its translation):
    what their boxes owe to the glyph alone, computed once per page.

    LTChar's box of a glyph drawn at pen position ``(e1, f1)`` is the min and max of four sums
    ``k + e1`` (and ``k' + f1``), each ``k`` a product sum of the glyph's advance and the
    matrix (``a * adv + c * low``, evaluated left to right, so it is the same number whatever
    the position). Rounding is monotonic, so the min of the sums is the min ``k`` plus ``e1``:
    the same float, signed zeros apart. Where that could matter (``e1`` or ``f1`` zero) or a
    side is not finite, ``box`` computes it the long way."""

    def __init__(self, device: CharDevice, font: Any, fontsize: float, scaling: float, rise: float,
                 matrix: Any) -> None:
        super().__init__()
        self.device, self.font, self.fontsize, self.scaling = device, font, fontsize, scaling
        self.linear = matrix[:4]
        descent = font.get_descent() * fontsize
        self.low, self.high = descent + rise, descent + rise + fontsize

    def add(self, cid: int) -> Box:
        """The glyph ``cid``'s text, advance and box sides, remembered."""
        _, textwidth, text = self.device.glyph(self.font, cid)
        adv = textwidth * self.fontsize * self.scaling
        x0, x1, y0, y1 = self.box(adv, 0, 0)
        exact = all(map(math.isfinite, (x0, x1, y0, y1)))
        box = self[cid] = (text, adv, float(adv), x0, x1, y0, y1, exact)
        return box

    def box(self, adv: float, e1: float, f1: float) -> tuple[float, float, float, float]:
        """pdfminer's ``apply_matrix_rect(matrix, (0, low, adv, high))`` for the glyph drawn at
        ``(e1, f1)``, written out: its four corners, the same min and max in the same order."""
        (a, b, c, d), low, high = self.linear, self.low, self.high
        left1, bottom1 = a * 0 + c * low + e1, b * 0 + d * low + f1
        right1, bottom2 = a * adv + c * low + e1, b * adv + d * low + f1
        right2, top1 = a * adv + c * high + e1, b * adv + d * high + f1
        left2, top2 = a * 0 + c * high + e1, b * 0 + d * high + f1
        return (min(left1, left2, right1, right2), max(left1, left2, right1, right2),
                min(bottom1, bottom2, top1, top2), max(bottom1, bottom2, top1, top2))


def quick_page(page: Any) -> Any:
    """The same page as a QuickPage (a page already read, or derived, is left as it is)."""
    if type(page) is not Page or hasattr(page, "_objects"):
        return page
    return QuickPage(page.pdf, page.page_obj, page_number=page.page_number,
                     initial_doctop=page.initial_doctop)


@lru_cache(maxsize=256)
def colour_space(name: Any) -> Any:
    """A colour space's name decoded, once per name rather than once per char."""
    return resolve_and_decode(name)


def unique_chars(chars: list[dict[str, Any]], *, tolerance: float) -> list[dict[str, Any]]:
    """pdfplumber's ``utils.dedupe_chars``: of the chars of the same text, font and size lying
    within ``tolerance`` of each other (clustered on doctop, then x0), the top-left one is kept,
    in the order of the page. pdfplumber orders them by ``chars.index`` (quadratic): the kept char
    is the first of its cluster at its place, so no char equal to it comes before it and its own
    position is the same. Most clusters on a line are one char: found as such by their x0s
    alone, they are kept without clustering them one by one."""
    if none_alike(chars, tolerance=tolerance):
        return list(chars)
    key = itemgetter(*DEDUPE_KEY)
    doctop, x0, pos_key = itemgetter("doctop"), itemgetter("x0"), itemgetter("doctop", "x0")
    kept: list[dict[str, Any]] = []
    for _, grouped in itertools.groupby(sorted(chars, key=key), key=key):
        group = list(grouped)
        for y_cluster in clusters(group, doctop, tolerance) if len(group) > 1 else [group]:
            if apart(sorted(map(x0, y_cluster)), tolerance):
                kept.extend(y_cluster)
                continue
            kept.extend(min(x_cluster, key=pos_key) for x_cluster in clusters(y_cluster, x0, tolerance))
    if len(kept) == len(chars):
        return list(chars)
    position = {id(c): i for i, c in enumerate(chars)}
    kept.sort(key=lambda c: position[id(c)])
    return kept


def none_alike(chars: list[dict[str, Any]], *, tolerance: float) -> bool:
    """True when ``unique_chars`` keeps every char, as most pages have no duplicate: decided by
    a sort and one pass, first over the chars' positions alone, then over each key's.

    Sorted on (key, doctop, x0), the chars of a key follow each other and their doctop clusters
    are runs; all are kept when each cluster's x0s lie more than ``tolerance`` apart, which in a
    cluster of one doctop (most are) is a look at each char's neighbour. A key's chars are some
    of all the chars and their clusters parts of those of all the chars, so what holds for the
    chars' positions alone holds for each key's too: the keys, which cost more to sort, are
    looked at only when the positions alone do not settle it. A NaN, which the sort cannot
    order, leaves it to the clustering (False)."""
    doctops, x0s = list(map(itemgetter("doctop"), chars)), list(map(itemgetter("x0"), chars))
    total = sum(doctops) + sum(x0s)
    if total != total:  # a NaN, or infinities of both signs
        return False
    if apart_in_clusters(sorted(zip(itertools.repeat(0), doctops, x0s)), tolerance):
        return True
    numbers: dict[Any, int] = {}  # each key numbered: numbers sort faster than tuples of strings
    keys = map(numbers.setdefault, map(itemgetter(*DEDUPE_KEY), chars), itertools.count())
    return apart_in_clusters(sorted(zip(keys, doctops, x0s, strict=True)), tolerance)


def apart_in_clusters(ordered: list[tuple[int, float, float]], tolerance: float) -> bool:
    """Whether, in (key, doctop, x0) triples sorted, the x0s of each key's doctop cluster (as
    ``clusters`` makes them) lie more than ``tolerance`` apart."""
    start, several = 0, False  # where the current cluster starts; whether it has several doctops
    for i, ((key_a, top_a, x_a), (key_b, top_b, x_b)) in enumerate(itertools.pairwise(ordered), 1):
        if key_b != key_a or top_b > top_a + tolerance:
            if several and not apart(sorted(x for _, _, x in ordered[start:i]), tolerance):
                return False
            start, several = i, False
        elif top_b != top_a:
            several = True
        elif x_b <= x_a + tolerance:
            return False  # at one doctop the x0s ascend: too near a neighbour
    return not several or apart(sorted(x for _, _, x in ordered[start:]), tolerance)


def apart(values: list[float], tolerance: float) -> bool:
    """True when each of the sorted ``values`` lies more than ``tolerance`` above the one before
    (so ``clusters`` would make each its own cluster)."""
    return all(b > a + tolerance for a, b in itertools.pairwise(values))


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


def page_word_boxes(chars: list[dict[str, Any]], *, x_tolerance: float, y_tolerance: float) -> list[dict[str, Any]]:
    """pdfplumber's ``extract_words(chars, x_tolerance=…, y_tolerance=…, extra_attrs=["size"])``
    as far as a word's text, box and size go, without its per-char calls for upright text.

    Runs of chars of one size are cut into lines (tops within ``y_tolerance``), each line read
    left to right into words: a blank ends a word, and so does a char that starts left of the
    one before, more than ``x_tolerance`` right of its end, or a line away. A run of rotated
    text is left to pdfplumber."""
    words: list[dict[str, Any]] = []
    x0 = itemgetter("x0")
    for (upright, _), grouped in itertools.groupby(chars, itemgetter("upright", "size")):
        group = list(grouped)
        if not upright:
            rotated = WordExtractor(x_tolerance=x_tolerance, y_tolerance=y_tolerance, extra_attrs=["size"])
            words.extend(rotated.extract_words(group))
            continue
        for line in clusters(group, itemgetter("top"), y_tolerance):
            words.extend(map(word_box, line_words(sorted(line, key=x0), x_tolerance, y_tolerance)))
    return words


def line_words(line: list[dict[str, Any]], x_tolerance: float, y_tolerance: float) -> list[list[dict[str, Any]]]:
    """A line's chars (left to right) cut into words as pdfplumber's ``iter_chars_to_words``
    cuts upright text (no punctuation split: only a char without text stands alone). A char
    starts a new word as its ``char_begins_new_word`` says for upright text read left to right:
    when it starts left of the word's last char, more than ``x_tolerance`` right of its end, or
    its top is more than ``y_tolerance`` away (the last char's edges kept at hand)."""
    words: list[list[dict[str, Any]]] = []
    word: list[dict[str, Any]] = []
    last_x0 = last_x1 = last_top = 0.0  # the word's last char's, while it has one
    for char in line:
        text = char["text"]
        if text.isspace():
            if word:
                words.append(word)
            word = []
        elif text == "":
            if word:
                words.append(word)
            words.append([char])
            word = []
        else:
            x0, top = char["x0"], char["top"]
            if word and (x0 < last_x0 or x0 > last_x1 + x_tolerance or abs(top - last_top) > y_tolerance):
                words.append(word)
                word = [char]
            else:
                word.append(char)
            last_x0, last_x1, last_top = x0, char["x1"], top
    if word:
        words.append(word)
    return words


def word_box(chars: list[dict[str, Any]]) -> dict[str, Any]:
    """A word's text (ligatures spelt out), box and size, as pdfplumber's ``merge_chars`` (its
    min and max taken in one pass, keeping the first of equal values as they do)."""
    first = chars[0]
    x0, top, x1, bottom = first["x0"], first["top"], first["x1"], first["bottom"]
    for char in chars[1:]:
        if char["x0"] < x0:
            x0 = char["x0"]
        if char["top"] < top:
            top = char["top"]
        if char["x1"] > x1:
            x1 = char["x1"]
        if char["bottom"] > bottom:
            bottom = char["bottom"]
    try:
        text = "".join(map(TEXT, chars))  # most words: no char without text, no ligature
    except TypeError:
        text = ""
    if not text or LIGATURE.search(text):
        text = "".join(LIGATURES.get(c["text"], c["text"] or "") for c in chars)
    return {"text": text, "x0": x0, "top": top, "x1": x1, "bottom": bottom, "size": first["size"]}
