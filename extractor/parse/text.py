"""Plain-text documents: decode the bytes, then read the title and publication date.

The title is the first line (unless it is the outlet's banner); the publication date comes
from a short date line near the top ("June 17, 2021 | 21:51", a date glued to the outlet
name as in "Báo Ninh Bình26/10/2025"), read by ``parse.dates``, or from a dated "Source:" URL.
A date cited in the body ("on November 22, 2014, the Secretariat issued …") is never taken
for the publication date. The patterns are ``rules/text_metadata.yaml`` (``TextRules``).
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
import unicodedata
from functools import cached_property
from typing import NamedTuple

from charset_normalizer import from_bytes
from pydantic import BaseModel, ConfigDict, Field

from extractor.errors import InputError
from extractor.parse.dates import stated_date
from extractor.parse.head import Chrome, ChromeLine, first_line
from extractor.registry.files import Regex, Strict


class TextRules(Strict):
    """``rules/text_metadata.yaml``: how plain-text documents show their metadata."""

    banner: list[Regex]
    source_line: list[Regex]
    url_date: list[Regex]
    header_lines: int
    date_line_max_words: int
    dateline_separator: str
    dateline_max_words: int
    leading_date_words: int = 3
    site_bar: str = r"(?!)"
    clock_stamp: list[Regex] = []
    stamp_reach: int = 120
    related_line: str = r"(?!)"
    body_words: int = 25
    body_date_opener: str = r"(?!)"
    closing_stamp: str = r"(?!)"
    closing_year_skip: str = r"(?!)"
    closing_source: str = r"(?!)"
    closing_month: str = r"(?!)"
    closing_early_month: int = Field(default=0, ge=0, le=12)
    chrome: list[ChromeLine] = []  # page chrome before the headline (``parse.head``)

    @cached_property
    def title_patterns(self) -> tuple[tuple[re.Pattern[str], ...], Chrome]:
        """The banner patterns and the page chrome, compiled once for the rules every document is
        read with (joining the chrome patterns into one regex cost a twentieth of reading a
        text's metadata when done per document)."""
        return tuple(re.compile(r.pattern) for r in self.banner), Chrome(self.chrome)


class TextDocument(BaseModel):
    """A decoded plain-text document and the metadata its text states."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    text: str
    title: str | None = None
    published: dt.date | None = None
    source_url: str | None = None
    warnings: tuple[str, ...] = ()


class Decoded(NamedTuple):
    """Decoded bytes: the text, the encoding read and how many bytes were not valid in it
    (each replaced by U+FFFD)."""

    text: str
    encoding: str
    replaced: int = 0


# Valid multi-byte characters needed per invalid byte for bytes to count as UTF-8 with a few bad
# bytes: a legacy single-byte encoding (windows-1258, windows-1252) almost never forms a valid
# UTF-8 sequence, while a UTF-8 article with a stray byte has hundreds of them.
UTF8_EVIDENCE = 4
ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
NON_ASCII = re.compile("[^\x00-\x7f]")


def utf8_replacing(raw: bytes) -> Decoded:
    """UTF-8 with every invalid byte replaced by U+FFFD and counted (one mark per byte)."""
    escaped = raw.decode("utf-8", errors="surrogateescape")
    text, replaced = ESCAPED_BYTE.subn("\ufffd", escaped)
    return Decoded(text, "utf-8", replaced)


def mostly_utf8(raw: bytes) -> Decoded | None:
    """The bytes read as UTF-8 when they are, but for a few invalid bytes (replaced and counted);
    None when they look like another encoding. One stray byte must not reject an article or
    send it to detection, which misreads UTF-8 with a bad byte (as Arabic or Cyrillic)."""
    found = utf8_replacing(raw)
    if found.replaced:
        valid = NON_ASCII.subn("", found.text)[1] - found.replaced
        if valid < UTF8_EVIDENCE * found.replaced:
            return None
    return found


def replaced_warning(source: str, decoded: Decoded) -> tuple[str, ...]:
    """The warning a document carries when bytes of it were replaced in decoding."""
    if not decoded.replaced:
        return ()
    count = decoded.replaced
    return (f"{source}: {count} byte{'s' if count > 1 else ''} not valid {decoded.encoding} "
            "replaced by U+FFFD",)


def decode(raw: bytes, *, source: str) -> Decoded:
    """UTF-8 (with or without BOM; a few invalid bytes replaced), else the encoding
    charset-normalizer finds."""
    if raw.startswith(codecs.BOM_UTF8):
        return utf8_replacing(raw[len(codecs.BOM_UTF8):])
    found = mostly_utf8(raw)
    if found is not None:
        return found
    best = from_bytes(raw).best()
    if best is None:
        raise InputError(f"{source}: cannot tell the text encoding",
                         hint="Save the file as UTF-8 and try again.")
    return Decoded(str(best), best.encoding)


CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean(text: str) -> str:
    """NFC, Unix line ends, no NUL or other control characters (tabs and newlines stay)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return CONTROL.sub("", text)


def _lines(text: str) -> list[str]:
    """The text's non-blank lines, stripped: what the metadata readers look at."""
    return [line for line in map(str.strip, text.split("\n")) if line]


def title_of(lines: list[str], rules: TextRules) -> str | None:
    """The first line that is not the outlet's banner nor page chrome (a section label, a date
    stamp, a caption: ``chrome`` of rules/text_metadata.yaml); the first line that is not the
    banner when every line near the top is chrome."""
    banners, chrome = rules.title_patterns
    kept = [line for line in lines[:12] if not any(b.search(line) for b in banners)]
    text = "\n".join(kept)
    first = first_line(text, chrome)
    if first is not None:
        return text[first.start:first.end]
    return kept[0] if kept else None


def source_url_of(lines: list[str], rules: TextRules) -> str | None:
    """The URL of the first line naming the source ("Source: https://…")."""
    patterns = [re.compile(r.pattern) for r in rules.source_line]
    for line in lines:
        for pattern in patterns:
            match = pattern.search(line)
            if match:
                return match.group("url")
    return None


def published_of(lines: list[str], source_url: str | None, rules: TextRules) -> dt.date | None:
    """The date of a short date line near the top, or one heading the text's first line, or a
    date-and-time stamp inside a header line (``clock_stamp``), else a date in the source URL.
    A site's bar stating today's date may open the text (its first line, with a weekday or a time
    zone: ``site_bar``): then the first date-and-time stamp after it, when earlier, is the
    article's own."""
    bar: dt.date | None = None
    body = False  # whether a line of the body has passed: a clock stamp below it is no header's
    for i, line in enumerate(lines[: rules.header_lines]):
        if re.search(rules.related_line, line):
            continue  # a link to another story ("Đọc thêm: …", "Related: …") and its stamp
        stamp = None if body else _stated(_clock_stamp(line, rules))
        body = body or len(line.split()) > rules.body_words
        if bar is not None:
            if stamp is not None:
                return min(stamp, bar)
            if body:
                break
            continue
        part = _date_part(line, rules) if any(map(str.isdigit, line)) else None
        lead = _leading_date(line, rules) if part is None and i == 0 else None
        if lead and (found := stated_date(lead)):
            return found  # the stored excerpt's own stamp ("date 2025-11-07 …")
        found = _stated(part) or stamp
        if found and i == 0 and re.search(rules.site_bar, line):
            bar = found
        elif found:
            return found
    if bar:
        return bar
    return (_url_date(source_url, rules) if source_url else None) or _closing_stamp(lines, rules)


_YEAR_WORD = re.compile(r"(?<![\d/.-])(?:19|20)\d{2}(?![\d/])")
_SPAN_AFTER = re.compile(r"\s*[-\u2013\u2014]\s*(?:19|20)\d{2}")
_SPAN_BEFORE = re.compile(r"(?:19|20)\d{2}\s*[-\u2013\u2014]\s*$")


def _month_number(name: str) -> int:
    """The month an English month's name or abbreviation names ("Jul", "Sept", "July"), read as
    the stamp's date is."""
    found = stated_date(f"{name} 1 2000")
    return found.month if found is not None else 0


def _closing_stamp(lines: list[str], rules: TextRules) -> dt.date | None:
    """The day and month a closing source stamp ends the text with ("(Source: news.example.vn,
    Jul 18)", a bracket on a line of its own or naming a source: ``closing_source``), in the one
    reporting year the text names: years after a bound, a start or a comparison
    (``closing_year_skip``: "by 2030", "since 2002", "against 2015") and the ends of a span
    ("2021 - 2025") do not count; with two years or none the year is unknown, and so it is when
    the text names a month later than the stamp's (a January stamp on a review of December is
    the next year's), or names no month at all under a January or February stamp (a review of
    the whole year before). None then."""
    last = lines[-1] if lines else ""
    match = re.search(rules.closing_stamp, last)
    if match is None or (last[: match.start()].strip() and not re.search(rules.closing_source, match.group())):
        return None
    text = "\n".join([*lines[:-1], last[: match.start()]])
    years = {int(y.group()) for y in _YEAR_WORD.finditer(text)
             if not re.search(rules.closing_year_skip, text[max(0, y.start() - 30) : y.start()])
             and not _SPAN_AFTER.match(text, y.end())
             and not _SPAN_BEFORE.search(text[max(0, y.start() - 12) : y.start()])}
    if len(years) != 1:
        return None
    month = _month_number(match["date"].split()[0])
    named = [_month_number(m["name"]) if m["name"] else int(m["num"])
             for m in re.finditer(rules.closing_month, text)]
    if any(n > month for n in named) or (month <= rules.closing_early_month and not named):
        return None
    return stated_date(f"{match['date']} {years.pop()}")


def _stated(part: str | None) -> dt.date | None:
    """The full date a furniture string states, None for no string."""
    return stated_date(part) if part else None


def _clock_stamp(line: str, rules: TextRules) -> str | None:
    """The date of a date-and-time stamp inside a header line (a byline "Author - Author
    January 5, 2024 11:57", a stamp glued to a headline) within its first ``stamp_reach``
    characters (a stamp further on closes a sentence of the body or a link), else None."""
    for rule in rules.clock_stamp:
        match = re.search(rule.pattern, line[: rules.stamp_reach])
        if match:
            return match.group("date")
    return None


def _leading_date(line: str, rules: TextRules) -> str | None:
    """The head of a first line that opens with a stamp ("date 2025-11-07 Để tín dụng …"): its
    first words when a digit is among them and no comma follows them (a body sentence that opens
    with a date, "Ngày 30/6/2024, …", is no stamp, nor a long one whose date follows a word of
    the day an event fell on, ``body_date_opener``: "Ngày 30/6/2024 UBND tỉnh ban hành …")."""
    if re.match(rules.body_date_opener, line) and not _at_most_words(line, rules.body_words):
        return None
    words = line.split(maxsplit=rules.leading_date_words)
    head = words[: rules.leading_date_words]
    if not any(ch.isdigit() for w in head for ch in w) or any(w.endswith(",") for w in head):
        return None
    return " ".join(head)


def _date_part(line: str, rules: TextRules) -> str | None:
    """What of a header line may state the publication date: a short line whole, or the head
    of a news dateline ("July 20, 2024 - The branch …"); None for a line of body text."""
    if _at_most_words(line, rules.date_line_max_words):
        return line
    head = re.split(rules.dateline_separator, line, maxsplit=1)[0]
    return head if head != line and _at_most_words(head, rules.dateline_max_words) else None


def _at_most_words(text: str, count: int) -> bool:
    """Whether ``text`` has at most ``count`` words (a long line is not split to the end)."""
    return len(text.split(maxsplit=count)) <= count


def _url_date(url: str, rules: TextRules) -> dt.date | None:
    """A date written in a URL's path ("/2024/07/12/")."""
    for rule in rules.url_date:
        match = re.search(rule.pattern, url)
        if match:
            try:
                return dt.date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                continue
    return None


def read_metadata(text: str, rules: TextRules, *, dated: bool = True) -> TextDocument:
    """Title, publication date and source URL as the text states them; the date only when
    ``dated`` (reading it is what costs: dateparser on each candidate line)."""
    lines = _lines(text)
    url = source_url_of(lines, rules)
    published = published_of(lines, url, rules) if dated else None
    return TextDocument(text=text, title=title_of(lines, rules), published=published,
                        source_url=url)


def read_text(raw: bytes, *, source: str, rules: TextRules) -> TextDocument:
    """Decode and clean a plain-text file, then read its metadata (with a warning when bytes
    were replaced in decoding)."""
    decoded = decode(raw, source=source)
    text = clean(decoded.text)
    if not text.strip():
        raise InputError(f"{source}: the file holds no text", hint="Check the file is not empty.")
    found = read_metadata(text, rules)
    return found.model_copy(update={"warnings": replaced_warning(source, decoded)})
