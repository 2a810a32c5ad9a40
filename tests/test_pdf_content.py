"""Content streams read by extractor/parse/pdf/content.py give pdfminer's objects, or nothing.

pdfminer's ``PDFContentParser`` is the reference: on every fixture page and on seeded random
streams made of ordinary and awkward tokens (escapes, nested parentheses, hex strings, names
with ``#``, signs without digits, inline images, stray delimiters, streams split between two
tokens), ``stream_objects`` gives the same objects of the same types in the same order, or
None (pdfminer reads that stream itself). The fixtures' pages are read without falling back.
"""

from __future__ import annotations

import random
from typing import Any

import pdfplumber
import pytest
from pdfminer.pdfinterp import PDFContentParser
from pdfminer.pdftypes import PDFStream, list_value
from pdfminer.psexceptions import PSEOF

from extractor.parse.pdf.chars import quick_page
from extractor.parse.pdf.content import stream_objects
from helpers.pdfs import SPACED_TEXT, minimal_pdf
from helpers.sites import PDFS

FIXTURES = sorted(PDFS.glob("*.pdf"))
# Tokens a content stream may hold, the ordinary first, then those only pdfminer may read.
TOKENS = [
    b"12", b"-3.5", b".5", b"5.", b"+7", b"0", b"1.2.3", b"/F1", b"/", b"/\xc3\xa9", b"/\xff", b"(plain)",
    b"(a(b)c)", b"(esc\\n\\t\\b\\f\\r\\(\\)\\\\)", b"(oct\\101\\7\\1234\\0)", b"(line\\\ncont)",
    b"(unknown\\q)", b"()", b"<414243>", b"<41 4>", b"<>", b"[(a) -120 (b(c))] TJ", b"[[1 2] /x []]",
    b"<</MCID 3 /Alt (x) /Sub <</A [1 2.5]>>>>", b"/P <</MCID 0>> BDC", b"<<>>", b"'", b'"', b"Tj", b"TJ",
    b"T*", b"Td", b"d0", b"true", b"false", b"BT", b"ET", b"BDC", b"/MCID", b"%note\n", b"\x00", b"Tj\x00",
    b"-", b"+", b".", b"-.", b"/a#20b", b"(\\777)", b"(cr\\\r\n)", b"(open", b"<4142", b"<x>", b">",
    b")", b"#", b"{", b"}", b"BI", b"ID", b"EI", b"*", b"<<", b">>", b"[", b"]", b"<</A>>", b"<41>>",
]
GAPS = [b" ", b" ", b"\n", b"\r\n", b"\t", b""]


def stream(data: bytes, objid: int) -> PDFStream:
    """An unfiltered content stream holding ``data``."""
    found = PDFStream({}, data)
    found.objid = objid
    return found


def pdfminer_objects(streams: list[PDFStream]) -> list[Any] | None:
    """pdfminer's objects of ``streams``, or None when it fails on them."""
    objects: list[Any] = []
    try:
        parser = PDFContentParser(streams)
        while True:
            objects.append(parser.nextobject()[1])
    except PSEOF:
        return objects
    except Exception:  # noqa: BLE001 - a stream pdfminer fails on is one ours must not read
        return None


def typed(obj: Any) -> Any:
    """An object with the type of each of its parts (1, 1.0 and True are equal in Python)."""
    if isinstance(obj, list):
        return ["list", [typed(o) for o in obj]]
    if isinstance(obj, dict):
        return ["dict", {k: typed(v) for k, v in obj.items()}]
    return [type(obj).__name__, obj]


def random_streams(rng: random.Random, *, awkward: bool) -> list[bytes]:
    """One to three streams of random tokens (the awkward ones too, when asked)."""
    pool = TOKENS if awkward else TOKENS[: TOKENS.index(b"-")]
    tokens = [rng.choice(pool) for _ in range(rng.randrange(1, 40))]
    data = b"".join(token + rng.choice(GAPS) for token in tokens)
    cuts = sorted(rng.sample(range(len(data) + 1), k=min(len(data), rng.randrange(0, 3))))
    return [data[a:b] for a, b in zip([0, *cuts], [*cuts, len(data)], strict=True) if data[a:b]] or [b" "]


@pytest.mark.parametrize("seed", range(300))
def test_random_streams_give_pdfminers_objects_or_none(seed: int) -> None:
    rng = random.Random(seed)
    datas = random_streams(rng, awkward=seed % 2 == 1)
    streams = [stream(data, objid) for objid, data in enumerate(datas, start=1)]
    ours = stream_objects(streams)
    if ours is not None:
        assert typed(ours) == typed(pdfminer_objects(streams))


def test_most_ordinary_random_streams_are_read_without_pdfminer() -> None:
    """The test above is not vacuous: ordinary tokens are read here (strings cut between two
    streams, or unbalanced brackets, are not)."""
    read = sum(stream_objects([stream(data, 1) for data in random_streams(random.Random(seed), awkward=False)])
               is not None for seed in range(0, 300, 2))
    assert read >= 40


def test_the_hand_written_pdf_text_is_read_as_pdfminer_reads_it() -> None:
    streams = [stream(SPACED_TEXT, 1)]
    ours = stream_objects(streams)
    assert ours is not None
    assert typed(ours) == typed(pdfminer_objects(streams))


@pytest.mark.parametrize("path", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_fixture_pages_are_read_as_pdfminer_reads_them(path: Any) -> None:
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            streams = list_value(page.page_obj.contents)
            ours = stream_objects(streams)
            assert ours is not None
            assert typed(ours) == typed(pdfminer_objects(streams))


# Text around an inline image (a 2x1 grey image): a stream only pdfminer's parser reads.
INLINE_IMAGE = b"""
BT /F1 11 Tf 40 700 Td (Before the image) Tj ET
q 20 0 0 10 40 650 cm BI /W 2 /H 1 /BPC 8 /CS /G ID \x80\xff EI Q
BT /F1 11 Tf 40 600 Td [(After) -200 (it)] TJ ET
"""


def test_a_stream_only_pdfminer_reads_still_gives_pdfplumbers_chars(tmp_path: Any) -> None:
    path = tmp_path / "inline.pdf"
    path.write_bytes(minimal_pdf(INLINE_IMAGE))
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        assert stream_objects(list_value(page.page_obj.contents)) is None
        quick = quick_page(page)
        assert len(page.chars) > 10
        assert quick.chars == page.chars
        assert [image_fields(i) for i in quick.images] == [image_fields(i) for i in page.images]


def image_fields(image: dict[str, Any]) -> dict[str, Any]:
    """An inline image's fields that two readings of a page share (pdfplumber names one after
    its stream object's id, and each reading makes its own stream object)."""
    fields = {k: v for k, v in image.items() if k not in ("name", "stream")}
    return fields | {"stream": (image["stream"].attrs, image["stream"].get_data())}
