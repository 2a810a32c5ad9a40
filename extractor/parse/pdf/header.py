"""The administrative header and signature of a Vietnamese official document.

Issuer (the header's left column above "Số:"), number, place and date, document type and title
(the centred lines under the header), and the signer (the right column of the last page's
signature block). The patterns are ``rules/pdf.yaml`` (``HeaderPatterns``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from extractor.parse.pdf.lines import Line
from extractor.parse.pdf.page import PageContent
from extractor.parse.rules import HeaderPatterns

HEADER_LINES = 12


def admin_header(first: PageContent, last: PageContent, header: HeaderPatterns) -> dict[str, str]:
    """Issuer, number, place, date, document type, title and signer of a Vietnamese official document."""
    lines = first.lines[:HEADER_LINES]
    texts = [line.text for line in lines]
    number = next((m for m in map(header.number.search, texts) if m), None)
    dated = next((m for m in map(header.place_date.search, texts) if m), None)
    if number is None and dated is None:
        return {}
    meta: dict[str, str] = {}
    end = max(
        i
        for i, t in enumerate(texts)
        if (number and number.group(0) in t) or (dated and dated.group(0) in t)
    )
    issuer = _issuer(lines[: end + 1], width=first.width, header=header)
    if issuer:
        meta["issuer"] = issuer
    if number:
        meta["doc_number"] = number["number"]
    if dated:
        meta["place"] = " ".join(dated["place"].split())
        meta["issued"] = f"{int(dated['year']):04d}-{int(dated['month']):02d}-{int(dated['day']):02d}"
    meta.update(_title(first.lines[end + 1 :], width=first.width))
    meta.update(_signer(last.lines, width=last.width, signer_title=header.signer_title))
    return meta


def closing_start(content: PageContent, recipients: re.Pattern[str]) -> int | None:
    """The index of the block that opens the page's closing (the "Nơi nhận:" line, whose
    neighbour is the signature block), or None when the page has none."""
    for i, block in enumerate(content.blocks):
        if isinstance(block, Line) and recipients.search(block.segment_texts()[0][0]):
            return i
    return None


def _issuer(lines: Sequence[Line], *, width: float, header: HeaderPatterns) -> str:
    """The issuing body: the header's left column above "Số:", national motto left out."""
    parts = []
    for line in lines:
        for text, x0, x1 in line.segment_texts():
            if (x0 + x1) / 2 < width / 2:
                bare = header.number.sub("", header.motto.sub("", text))
                cleaned = " ".join(bare.split()).strip(" -")
                if cleaned and not header.place_date.search(cleaned):
                    parts.append(cleaned)
    return " ".join(parts)


def _centred(line: Line, *, width: float) -> bool:
    """True for a line centred on the page and clearly narrower than the text block."""
    left, right = line.x0, width - line.x1
    return abs(left - right) < 0.05 * width and (line.x1 - line.x0) < 0.75 * width


def _title(lines: Sequence[Line], *, width: float) -> dict[str, str]:
    """Document type ("KẾ HOẠCH") and the centred subject lines under it."""
    if not lines or not _centred(lines[0], width=width) or lines[0].text.upper() != lines[0].text:
        return {}
    doc_type = lines[0].text.strip()
    subject = []
    for line in lines[1:6]:
        if not _centred(line, width=width):
            break
        subject.append(line.text.strip())
    title = " ".join([doc_type, *subject])
    return {"doc_type": doc_type, "title": title}


def _is_name(text: str) -> bool:
    """True for a personal name: 2–5 capitalised words, no digits or punctuation."""
    words = text.split()
    return 2 <= len(words) <= 5 and all(
        w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words
    )


def _signer(lines: Sequence[Line], *, width: float, signer_title: re.Pattern[str]) -> dict[str, str]:
    """The signer's name and position from the right column of the last page's signature block."""
    right = [t for line in lines for t, x0, _ in line.segment_texts() if x0 >= 0.4 * width]
    titles = [i for i, t in enumerate(right) if signer_title.search(t)]
    if not titles:
        return {}
    names = [i for i, t in enumerate(right) if i > titles[0] and _is_name(t)]
    if not names:
        return {}
    return {"signer": right[names[-1]], "signer_title": "; ".join(right[titles[0] : names[-1]])}
