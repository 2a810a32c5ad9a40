"""A page's content streams read into operands and operators with one regular expression, for
the streams that it reads exactly as pdfminer's parser does; any other stream is left to it.

pdfminer reads a content stream one token at a time through a state machine (a method call and
a regular expression search per token, logging calls per token and per object), then looks up
each operator's method by building its name. That was a third of the time spent drawing a page
of a typical report. ``stream_objects`` reads the same tokens (pdfminer's own terminators:
a number ends at a non-digit, a keyword or name at a delimiter or blank) and builds the same
objects (numbers, strings, names, arrays, dictionaries, operators) in the same order, and gives
up (None) on anything it is not sure of: inline images, comments inside strings, names with
``#`` escapes, an octal escape above 255, a string escape before a carriage return (pdfminer's
reading of it depends on where its read buffer ends), a stream that stops inside a token, a
stray delimiter or an unbalanced array or dictionary. ``QuickInterpreter`` runs what it reads
and falls back to pdfminer's parser for the rest.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from pdfminer import settings
from pdfminer.pdfinterp import PDFContentParser, PDFInterpreterError, PDFPageInterpreter
from pdfminer.pdftypes import PDFStream, stream_value
from pdfminer.psexceptions import PSEOF
from pdfminer.psparser import KWD, LIT, PSKeyword, keyword_name, literal_name
from pdfminer.utils import choplist

log = logging.getLogger("pdfminer.pdfinterp")  # where pdfminer warns about the streams it skips

# One token of a content stream, named by its kind; pdfminer's terminators (END_KEYWORD,
# END_LITERAL, END_NUMBER) written as the classes a token runs over. A name or hex string
# followed by what pdfminer would read on with ('#', '>') does not match (the name's run is
# possessive, so no shorter name matches instead): the stream falls back.
TOKEN = re.compile(rb"""
    (?P<blank>[\s\x00]+|%[^\r\n]*)
  | (?P<number>[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))
  | (?P<keyword>[A-Za-z][^#/%\[\]()<>{}\s]*)
  | (?P<name>/[^#/%\[\]()<>{}\s]*+)(?!\#)
  | (?P<string>\((?P<plain>[^()\\]*)\)?)
  | (?P<dict><<|>>)
  | (?P<hex><[0-9a-fA-F\s]*>)(?!>)
  | (?P<single>[\[\]'"])
""", re.VERBOSE)
STRING_STOP = re.compile(rb"[()\\]")
HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
BLANK = re.compile(rb"\s")
ESCAPES = {ord(k): v for k, v in ((b"b", 8), (b"t", 9), (b"n", 10), (b"f", 12), (b"r", 13),
                                    (b"(", 40), (b")", 41), (b"\\", 92))}
OCTAL = b"01234567"
KEYWORD_BI = KWD(b"BI")
KEYWORD_ID = KWD(b"ID")
ARRAY_BEGIN, ARRAY_END = KWD(b"["), KWD(b"]")
DICT_BEGIN, DICT_END = KWD(b"<<"), KWD(b">>")


class Unsure(Exception):
    """A stream this reader does not read as pdfminer surely would."""


def stream_objects(streams: Sequence[Any]) -> list[Any] | None:
    """The objects pdfminer's ``PDFContentParser`` gives for ``streams``, in order, or None when
    this reader is not sure to give the same (see the module's docstring)."""
    try:
        datas = [stream_value(s).get_data() for s in streams]
    except Exception:  # noqa: BLE001 - pdfminer's parser meets the same error at the same point
        return None
    if any(not data[-1:].isspace() for data in datas[:-1]):
        return None  # a token could run on into the next stream
    builder = ObjectBuilder()
    try:
        for data in datas:
            builder.read(data)
        return builder.done()
    except Unsure:
        return None


class ObjectBuilder:
    """pdfminer's ``PSStackParser.nextobject`` over tokens: arrays and dictionaries nest, and an
    object is given once no array or dictionary is open."""

    def __init__(self) -> None:
        self.objects: list[Any] = []
        self.stack: list[tuple[Any, list[Any]]] = []  # open (kind, items) around the current
        self.current = self.objects

    def read(self, data: bytes) -> None:
        """Add the objects of one stream."""
        pos, end = 0, len(data)
        match = TOKEN.match
        while pos < end:
            m = match(data, pos)
            if m is None:
                raise Unsure
            kind = m.lastgroup
            pos = m.end()
            if kind == "blank":
                continue
            if kind == "number":
                self.current.append(number(m.group()))
            elif kind == "keyword":
                self.keyword(m.group())
            elif kind == "name":
                self.current.append(name(m.group()[1:]))
            elif kind == "string":
                if m.group("plain") is not None and m.group().endswith(b")"):
                    self.current.append(m.group("plain"))
                else:
                    text, pos = literal_string(data, m.start() + 1)
                    self.current.append(text)
            elif kind == "hex":
                self.current.append(HEX_PAIR.sub(hex_byte, BLANK.sub(b"", m.group()[1:-1])))
            else:
                self.delimiter(m.group())

    def keyword(self, token: bytes) -> None:
        """An operator (or ``true``/``false``): inline images are pdfminer's to read."""
        if token == b"true" or token == b"false":
            self.current.append(token == b"true")
            return
        keyword = KWD(token)
        if keyword is KEYWORD_BI or keyword is KEYWORD_ID:
            raise Unsure
        self.current.append(keyword)

    def delimiter(self, token: bytes) -> None:
        """An array or dictionary opened or closed, or a quote operator."""
        if token == b"[" or token == b"<<":
            self.stack.append((token, self.current))
            self.current = []
        elif token == b"]" or token == b">>":
            if not self.stack or self.stack[-1][0] != (b"[" if token == b"]" else b"<<"):
                raise Unsure  # unbalanced: pdfminer's recovery is not copied
            items = self.current
            self.current = self.stack.pop()[1]
            self.current.append(items if token == b"]" else dictionary(items))
        else:
            self.current.append(KWD(token))

    def done(self) -> list[Any]:
        """Every object read, once no array or dictionary is left open."""
        if self.stack:
            raise Unsure
        return self.objects


def number(token: bytes) -> int | float:
    """A number as pdfminer reads it: an int, or a float when it has a point."""
    return float(token) if b"." in token else int(token)


def name(token: bytes) -> Any:
    """A name as pdfminer keeps it: its UTF-8 text, else its bytes."""
    try:
        return LIT(str(token, "utf-8"))
    except UnicodeDecodeError:
        return LIT(token)


def hex_byte(match: re.Match[bytes]) -> bytes:
    """One byte of a hex string (a lone last digit is its own value, as pdfminer reads it)."""
    return bytes((int(match.group(0), 16),))


def dictionary(items: list[Any]) -> dict[str, Any]:
    """A dictionary as pdfminer builds it: its keys' names, entries of None dropped."""
    if len(items) % 2:
        raise Unsure  # pdfminer raises its own error here
    return {literal_name(k): v for (k, v) in choplist(2, items) if v is not None}


def literal_string(data: bytes, start: int) -> tuple[bytes, int]:
    """The string whose text starts at ``start`` (after its parenthesis), read as pdfminer
    reads one: nested parentheses kept, escapes decoded, an unknown escaped char dropped; and
    where it ends."""
    out, depth, i = bytearray(), 1, start
    while True:
        m = STRING_STOP.search(data, i)
        if m is None:
            raise Unsure  # unterminated: pdfminer drops it
        j = m.start()
        out += data[i:j]
        c = data[j]
        if c == 0x5C:  # backslash
            i = escape(data, j + 1, out)
        elif c == 0x28:  # (
            depth += 1
            out.append(c)
            i = j + 1
        else:
            depth -= 1
            if not depth:
                return bytes(out), j + 1
            out.append(c)
            i = j + 1


def escape(data: bytes, i: int, out: bytearray) -> int:
    """Decode the escape whose char is at ``i`` into ``out``; where reading goes on."""
    if i >= len(data) or data[i] == 0x0D:
        raise Unsure
    if data[i] in OCTAL:
        digits = 1
        while digits < 3 and i + digits < len(data) and data[i + digits] in OCTAL:
            digits += 1
        code = int(data[i:i + digits], 8)
        if code > 255:
            raise Unsure  # pdfminer fails on it
        out.append(code)
        return i + digits
    if data[i] in ESCAPES:
        out.append(ESCAPES[data[i]])
    return i + 1


class QuickInterpreter(PDFPageInterpreter):
    """pdfminer's interpreter, its content streams read by ``stream_objects`` when it is sure,
    each operator's method looked up once."""

    operators: dict[PSKeyword, tuple[Callable[..., None] | None, int]]

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        cls.operators = {}

    def execute(self, streams: Sequence[object]) -> None:
        """pdfminer's ``execute``: the same streams skipped (not indirect, or circular), the same
        objects pushed and operators run."""
        valid = self.valid_streams(streams)
        objects: Iterable[Any] | None = stream_objects(valid)
        if objects is None:
            objects = parsed_objects(valid)
        run = self.run
        for obj in objects:
            if isinstance(obj, PSKeyword):
                run(obj)
            else:
                self.argstack.append(obj)  # not bound once: ``pop`` puts a new list in its place

    def valid_streams(self, streams: Sequence[object]) -> list[PDFStream]:
        """The streams pdfminer's ``execute`` runs, noted as being run (circular references)."""
        valid: list[PDFStream] = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None:
                log.warning("Execute called on non-indirect object (inline image?) %r", stream)
                continue
            if stream.objid in self.parent_stream_ids:
                log.warning("Refusing to execute circular reference to content stream %d", stream.objid)
            else:
                valid.append(stream)
                self.stream_ids.add(stream.objid)
        return valid

    def run(self, keyword: PSKeyword) -> None:
        """Run an operator as pdfminer does: its method given as many operands as it takes
        (not run when fewer are stacked), an unknown one skipped (an error when strict)."""
        found = self.operators.get(keyword)
        if found is None:
            found = self.operators[keyword] = self.operator(keyword)
        method, nargs = found
        if method is None:
            if settings.STRICT:
                raise PDFInterpreterError(f"Unknown operator: {keyword_name(keyword)!r}")
            return
        if nargs:
            args = self.pop(nargs)
            if len(args) == nargs:
                method(self, *args)
        else:
            method(self)

    @classmethod
    def operator(cls, keyword: PSKeyword) -> tuple[Callable[..., None] | None, int]:
        """The method of an operator, as pdfminer names it, and how many operands it takes."""
        name = keyword_name(keyword)
        method = getattr(cls, "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q")), None)
        if method is None:
            return None, 0
        return method, method.__code__.co_argcount - 1


QuickInterpreter.operators = {}


def parsed_objects(streams: list[PDFStream]) -> Iterator[Any]:
    """The objects of ``streams`` as pdfminer's parser reads them, one at a time."""
    try:
        parser = PDFContentParser(streams)
    except PSEOF:
        return  # no stream
    while True:
        try:
            (_, obj) = parser.nextobject()
        except PSEOF:
            return
        yield obj
