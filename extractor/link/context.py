"""One document read once for linking: an immutable index of its cues, markers, places, figures
and dates, looked up by offset, and the small mutable state linking carries as it reads on.

The index (``Context``) is built before the first figure is linked and never changes; the state
(``State``) holds the date that governs the text so far, the last level listed per kind and
memos of per-sentence answers.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING, Generic, NamedTuple, TypeVar

from extractor.link.indicators import CueHit, cues_of
from extractor.link.provinces import Code, Mention
from extractor.link.rules import CUES_AFTER, CUES_BEFORE, Linker, part_list, scope_list
from extractor.models import DateMention, Document, Extraction, Figure, LegalRef
from extractor.nlp.sentences import MAX_SENTENCE
from extractor.parse.head import NO_CHROME, Chrome, Line, head_lines
from extractor.registry.phrases import Hit, new_tone

if TYPE_CHECKING:
    from extractor.link.lists import Opening

# Written as alternatives that each start with a character, so ``re`` skips to those characters.
# The same breaks are found one kind at a time: a pattern that starts with a literal lets ``re``
# skip ahead much faster than one that starts with a choice of characters.
# An em dash parts clauses as a colon does ("… 16,000 households—an increase of …"); an en dash or
# a hyphen joins numbers ("2021–2025") and is no break.
_SEMICOLON, _COLON, _COMMA = re.compile(";"), re.compile("[:\u2014]"), re.compile(r",\s")
# An em dash that opens an aside closed by a second one in its sentence, the aside starting with a
# breakdown word ("loans\u2014including … \u2014reached …"), parts no clause: the aside is a part of the
# whole around it, read as when it stands between commas.
_ASIDE_CLOSE = re.compile(r"[\u2014\n]|\.\s")
# "Hanoi (VNA) - The bank …": the place a story was filed from, not what it is about.
_DATELINE = re.compile(r"\s*(?:\([^)\n]{1,15}\))?\s*[-–—](?!\w)")
_COMMA_GAP = re.compile(r",\s*")
# After a wire dateline's date: an outlet's code in brackets maybe, a dash, the story's first word.
_WIRE_DASH = re.compile(r"[ \t]*(?:\([^)\n]{1,15}\))?[ \t]*[-–—][ \t]+(?=[^\W\d])")
_LINE = re.compile(r"[^\n]+")
_NEWLINE = re.compile(r"\n")
BLANK = re.compile(r"\s*")  # a run of spaces, maybe empty (``match`` at an offset)
# A news agency's credit closing a wire story: "…-VNA", "… – VNS", "(TTXVN)".
_CREDIT = re.compile(r"(?:[-–—]\s*[A-Z]{2,6}|\(\s*[A-Z]{2,6}\s*\))$")
# A sentence's end as ``link.why`` counts them: a stop and the spaces after it, or a line break.
_STOP = re.compile(r"[.!?](?:\s+|$)|\n")
# Where a clause ends between two words: its punctuation, a decimal or thousands mark inside a
# number ending nothing ("(0.35%)", "0,2%"). Asked between a comparison word and what it compares.
CLAUSE_BREAK = re.compile(r"[;:!?\n]|[.,](?!\d)")
T = TypeVar("T")


class Offsets(Generic[T]):
    """Records in order of an offset (``start`` unless ``key`` says otherwise), looked up by
    offset with bisect: the records of a window cost a slice, not a pass over the document."""

    def __init__(self, items: Iterable[T], key: Callable[[T], int] = attrgetter("start")) -> None:
        self.items = sorted(items, key=key)
        self.keys = list(map(key, self.items))

    def __iter__(self) -> Iterator[T]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def within(self, start: int, end: int) -> list[T]:
        """The records whose offset lies in ``[start, end)``, in order."""
        keys = self.keys
        first = bisect.bisect_left(keys, start)
        if first == len(keys) or keys[first] >= end:
            return []  # most windows hold none: no second bisect, no slice
        return self.items[first : bisect.bisect_left(keys, end, first)]

    def first_within(self, start: int, end: int) -> T | None:
        """The first record whose offset lies in ``[start, end)``, or None: one bisect, no slice."""
        index = bisect.bisect_left(self.keys, start)
        return self.items[index] if index < len(self.keys) and self.keys[index] < end else None

    def last_before(self, pos: int) -> T | None:
        """The last record whose offset lies before ``pos``, or None: one bisect, no slice."""
        index = bisect.bisect_left(self.keys, pos)
        return self.items[index - 1] if index else None


class Stops:
    """Where a text's sentence ends are (``_STOP``), to count those between two offsets by bisect
    rather than by reading the text between them: a figure's date may stand pages before it."""

    def __init__(self, text: str, newlines: list[int]) -> None:
        self.text = text
        self.newlines = newlines
        self.starts: list[int] = []
        self.ends: list[int] = []
        previous = 0
        for found in _STOP.finditer(text):
            self._cut(previous, found.start())
            self.starts.append(found.start())
            self.ends.append(found.end())
            previous = found.end()
        self._cut(previous, len(text))
        # The stop marks followed by spaces, for ``last_end`` (no line break read alone, no cut).
        marks = [(start, end) for start, end in zip(self.starts, self.ends, strict=True)
                 if text[start] in ".!?" and end - start > 1]
        self.mark_starts = [start for start, _ in marks]
        self.mark_ends = [end for _, end in marks]

    def _cut(self, start: int, end: int) -> None:
        """The stops of a run too long for one sentence (``[start, end)``): where the rules cut
        it into sentences (``MAX_SENTENCE`` characters at most, at a space), so that no question
        asked of a figure's sentence reads a page-long run without a full stop. A cut is a stop
        of its spaces (of none when the run has no space to cut at)."""
        while end - start > MAX_SENTENCE:
            space = self.text.rfind(" ", start + 1, start + MAX_SENTENCE)
            cut = after = space if space > start else start + MAX_SENTENCE
            while after < end and self.text[after].isspace():
                after += 1
            self.starts.append(cut)
            self.ends.append(after)
            start = after

    def between(self, start: int, end: int) -> int:
        """How many stops ``_STOP.findall(text, start, end)`` finds (and cuts of a run too long
        for one sentence, ``_cut``): the text's stops that start in ``[start, end)``; plus each
        line break after ``start`` inside the spaces of a stop that began before it (read alone
        when reading starts after the stop's mark); plus a mark right before ``end`` that the
        text does not follow with a space (the slice's end counts as its end)."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        count = last - first
        if first and self.ends[first - 1] > start:
            cut = min(self.ends[first - 1], end)
            count += bisect.bisect_left(self.newlines, cut) - bisect.bisect_left(self.newlines, start)
        if start < end and self.text[end - 1] in ".!?" and not (last and self.starts[last - 1] == end - 1):
            count += 1
        return count

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The sentence (or line) holding ``[start, end)``: from the end of the last stop that
        starts before ``start`` to the start of the first stop at or after ``end``."""
        before = bisect.bisect_left(self.starts, start) - 1
        after = bisect.bisect_left(self.starts, end)
        return (self.ends[before] if before >= 0 else 0,
                self.starts[after] if after < len(self.starts) else len(self.text))

    def last_end(self, start: int, end: int) -> int:
        """Where the last stop mark followed by spaces (``[.!?]\\s+``) found reading
        ``text[start:end]`` ends (``start`` when there is none): the last such stop of the
        text that starts in ``[start, end - 1)``, cut at ``end``. Line breaks read alone are
        no such stop, nor is a mark the text does not follow with a space."""
        index = bisect.bisect_left(self.mark_starts, end - 1) - 1
        if index >= 0 and self.mark_starts[index] >= start:
            return min(self.mark_ends[index], end)
        return start


class Labelled:
    """The marks of several marker lists, each labelled, in one list ordered by start, then
    label: the label of the mark that starts last (or first) in a window, the greater (or
    lesser) label at a tie, is one bisect away, where asking each list costs a bisect per list
    per window."""

    def __init__(self, marks: Iterable[tuple[int, str, int]]) -> None:
        """``marks``: (start, label, end) of each mark."""
        ordered = sorted(marks)
        self.starts = [start for start, _, _ in ordered]
        self.labels = [label for _, label, _ in ordered]
        self.ends = [end for _, _, end in ordered]

    def last(self, start: int, end: int) -> str | None:
        """The greatest (start, label) of the marks inside ``[start, end)``: its label."""
        first = bisect.bisect_left(self.starts, start)
        for index in range(bisect.bisect_left(self.starts, end, first) - 1, first - 1, -1):
            if self.ends[index] <= end:
                return self.labels[index]
        return None

    def first(self, start: int, end: int) -> str | None:
        """The least (start, label) of the marks inside ``[start, end)``: its label."""
        for index in range(bisect.bisect_left(self.starts, start), bisect.bisect_left(self.starts, end)):
            if self.ends[index] <= end:
                return self.labels[index]
        return None


class HitStarts(dict[str, list[int]]):
    """Where each marker list's hits start, for bisect: a list's starts are listed the first
    time it is looked up (a document asks about a few of its many lists)."""

    def __init__(self, hits: dict[str, list[Hit]]) -> None:
        super().__init__()
        self.hits = hits

    def __missing__(self, name: str) -> list[int]:
        starts = self[name] = [hit[0] for hit in self.hits[name]]
        return starts


Bounds = tuple[list[int], list[int]]  # where each break starts, where each ends (in order)


class Breaks(NamedTuple):
    """A text's breaks between clauses and between sentence parts."""

    clause: Bounds
    segment: Bounds


class Spans(NamedTuple):
    """Where a figure stands: its sentence, its sentence part (between semicolons) and its
    clause (between commas, semicolons, colons), as document offsets."""

    sentence: tuple[int, int]
    segment: tuple[int, int]
    clause: tuple[int, int]


@dataclass(frozen=True)
class Area:
    """A district, town or commune named in the text: its offsets and its name (``names``: each
    of several named with one plural, "Tan Ky and Con Cuong districts"; empty for one)."""

    start: int
    end: int
    name: str
    names: tuple[str, ...] = ()


class AreaIndex:
    """A text's areas looked up by where they start or end (``parts._office``) or whether one
    covers an offset, built once for the areas a context holds (``Context.area_index``): the
    areas of a window, in the list's order, by bisection instead of a pass over every area for
    each mention of the bank (which made a long text naming many offices quadratic)."""

    def __init__(self, areas: list[Area]) -> None:
        self.areas = areas
        placed = list(enumerate(areas))
        self.by_start = Offsets(placed, key=lambda placed: placed[1].start)
        self.by_end = Offsets(placed, key=lambda placed: placed[1].end)
        # By place in ``by_start``: the furthest end of the areas up to it (``covers``).
        self.reach = list(itertools.accumulate((area.end for _, area in self.by_start), max))

    def covers(self, pos: int) -> bool:
        """Whether an area starts before ``pos`` and ends at or after it (a branch's words that end
        inside an area's name): the furthest end of the areas starting before it, by bisection."""
        i = bisect.bisect_left(self.by_start.keys, pos)
        return bool(i) and self.reach[i - 1] >= pos

    def starting(self, lo: int, hi: int) -> list[int]:
        """The places in the list of the areas that start in ``[lo, hi)``, in the list's order."""
        return sorted(i for i, _ in self.by_start.within(lo, hi))

    def ending(self, lo: int, hi: int) -> list[int]:
        """The places in the list of the areas that end in ``[lo, hi)``, in the list's order."""
        return sorted(i for i, _ in self.by_end.within(lo, hi))


@dataclass
class Frame:
    """The date that governed the previous observations: a reporting date and a flow period."""

    as_of: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    anchor: DateMention | None = None  # the mention that stated it
    # Whether ``start`` only guesses the year so far from a day ("By the end of March, … lent …":
    # January 1), not a start the text states ("From March 1, 2016 to …").
    start_guessed: bool = False


class YearFrames(NamedTuple):
    """The dates that may frame a report as a year so far (``when._year_so_far``), for one year,
    by place in the text's list of dates: those that lead such a report ("từ đầu năm 2025"),
    those a comparison word stands before (the year's start or the day before it: "so với đầu
    năm"), and the periods from the year's first day by the day they end."""

    leads: list[int]
    compared: list[int]
    spans: dict[dt.date, list[int]]


# A count of years up to the report's date (``when._past_years``): its offset, the number, the
# phrase, whether approximate.
CountedYears = tuple[int, int, str, bool]


@dataclass
class State:
    """What linking learns as it reads on: the governing date, the last level listed per kind
    (and the last that is a total, no part: what a breakdown breaks down; and the last part: what
    a breakdown's next item is), and memos of answers asked once per sentence or line."""

    frame: Frame = field(default_factory=Frame)
    last_level: dict[str, tuple[str, int]] = field(default_factory=dict)
    last_total: dict[str, tuple[str, int]] = field(default_factory=dict)  # the last level that is no part
    # By indicator: where its last total ends, and its date, period, status and province (an item of
    # it has the same: ``parts._item_of_total``).
    total_ends: dict[str, tuple[int, tuple[object, ...]]] = field(default_factory=dict)
    # The last part per kind of figure: its indicator, where its figure ends, what it is a part of
    # and the words naming the part.
    last_part: dict[str, tuple[str, int, str, str]] = field(default_factory=dict)
    # The same for the last part that is no programme's (a channel's, a group's, an area's): what
    # a breakdown of that part breaks down (``parts.part_broken_down``).
    last_whole_part: dict[str, tuple[str, int, str, str]] = field(default_factory=dict)
    # Every part stated so far, in order: where its figure ends, its kind and its words (a
    # paragraph goes on with its topic only while all its parts are that one, ``parts._previous_topic``).
    part_ends: list[tuple[int, str, str]] = field(default_factory=list)
    anecdotes: dict[tuple[int, int], bool] = field(default_factory=dict)  # by sentence
    link_lines: dict[tuple[int, int], bool] = field(default_factory=dict)  # by line
    in_comparison: dict[tuple[int, int, int], bool] = field(default_factory=dict)  # by date, sentence
    dated_refs: dict[str, Offsets[LegalRef]] = field(default_factory=dict)  # by kind (``link.when``)
    # Reviews of N years of a dated document, with its date and id (``link.when``), once known.
    reviews: Offsets[tuple[int, int, tuple[dt.date, str]]] | None = None
    institutions: Labelled | None = None  # the bank's and others' names (``link.scope``), once read
    # By line: its changes that name a comparison, each with where that comparison ends and its
    # clause ends (``link.change``), listed the first time a change of the line names none.
    compared: dict[tuple[int, int], Offsets[tuple[Figure, tuple[int, int]]]] = field(default_factory=dict)
    # Each figure's share of a whole (``parts.share_of``), by the figure object itself: asked for
    # its indicator, its pairing and its part.
    shares: dict[int, tuple[Hit, CueHit] | None] = field(default_factory=dict)
    # Where the list of borrowers each count counts ends (``borrowers_end``), by the figure object.
    borrower_ends: dict[int, int] = field(default_factory=dict)
    # The text's areas, no commune, named with each area word (``parts._level_areas``), by the word.
    level_areas: dict[str, list[Area]] = field(default_factory=dict)
    # The text's areas by the area word their names hold (``parts._areas_worded``: "huyện", "xã",
    # "district", None for none), and the communes among them (``parts._communes``), once asked.
    areas_worded: dict[str | None, Offsets[Area]] = field(default_factory=dict)
    communes: Offsets[Area] | None = None
    # The bank's mentions by where they end (``parts._bank_unit``), once asked.
    bank_ends: Offsets[Hit] | None = None
    venues: frozenset[int] | None = None  # starts of the mentions naming a meeting's venue (``link.scope``)
    # By paragraph opener (its place among the text's ``paragraph_openers``): the last opener up to
    # it that leads its sentence and names a province, and that province (``place._last_opening``).
    opener_last: list[int] = field(default_factory=list)
    # The ``reviewed`` phrases followed by a date they stand right before, by place in the text's
    # list, and those dates (``when._reviewed_year``), once read.
    reviewed_dates: tuple[list[int], dict[int, list[DateMention]]] | None = None
    # By marker list: the markers (by place in the text's list) a reading of one marker alone made
    # something of, and what (``when._last_read``), once read.
    read_markers: dict[str, tuple[list[int], dict[int, CountedYears]]] = field(default_factory=dict)
    # The places of the text's dates (in ``Context.dates``) by their day and their period's first
    # day (``when._year_dates``), once asked.
    dates_by_day: dict[dt.date, list[int]] | None = None
    # By a year's first day: the dates that may frame a report as that year so far
    # (``when._year_frames``), once asked.
    year_frames: dict[dt.date, YearFrames] = field(default_factory=dict)
    opener_places: dict[int, tuple[str, int, int, bool]] = field(default_factory=dict)
    # Where linking stopped when its deadline passed (the first figure left unlinked), if it did.
    linked_until: int | None = None
    # Where the headline and lead that decide the story's subject end (``parts._subject_span``),
    # and where the body's first sentence ends (``parts._lead_end``), once read.
    subject_span: tuple[int, int] | None = None
    lead_end: int | None = None
    # By line: the dates that may date the figures after them which state none
    # (``when._paragraph_date``), read once per line.
    reporting_dates: dict[int, Offsets[DateMention]] = field(default_factory=dict)
    # The dates a comparison word stands right before, by what they name (``when``: the start of a
    # year, "so với đầu năm"; the bank's first years, "so với năm 2002"), each read once.
    compared_dates: dict[str, Offsets[DateMention]] = field(default_factory=dict)
    # Where the text first names each of the districts that alone told its province
    # (``observe._by_district_only``), by name, each found once.
    first_named: dict[str, int] = field(default_factory=dict)
    # The list each figure is an item of, by the figure's span (``lists.list_item``: asked by the
    # indicator, the part and the moved-item check of a figure, each reading its sentence's openers).
    list_items: dict[tuple[int, int], tuple[Opening, str] | None] = field(default_factory=dict)
    # By a list item's start: the oversight word its list of counts opens with (``status``), or None.
    oversight_words: dict[int, Hit | None] = field(default_factory=dict)
    # Whether the date starting at an offset opens a period running on from it (``when.opens_since``,
    # asked of a date by each figure it may date).
    opens_since: dict[int, bool] = field(default_factory=dict)
    # The date the bank's age stated in a text with no date gives (``when.lifetime_date``), in a
    # one-tuple once read (None: not read yet).
    lifetime: tuple[dt.date | None] | None = None
    # The free dates an until word stands before that are no comparison's baseline ("By the end
    # of July 2025"; ``when._stated_later``, asked by each undated stock), once read.
    until_dates: Offsets[DateMention] | None = None
    # The areas indexed (``Context.area_index``), with the areas they were built from.
    area_index: tuple[Offsets[Area], AreaIndex] | None = None
    # By marker list: where its markers end (``Context.ends_at``), once asked.
    hit_ends: dict[str, frozenset[int]] = field(default_factory=dict)
    # By plain word list of rules/scope.yaml: where a word of it may start, as a whole word
    # (``parts._scope_word_in``), once asked.
    scope_word_starts: dict[str, list[int]] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """One document's text, mentions, markers and figures, looked up by offset (never changed
    once built), with the linking ``state``."""

    ex: Extraction
    text: str
    lang: str
    linker: Linker
    hits: dict[str, list[Hit]]
    hit_starts: HitStarts  # where each marker's hits start, for bisect
    cues: Offsets[CueHit]
    mentions: Offsets[Mention]
    figures: Offsets[Figure]
    figure_ends: Offsets[Figure]
    dates: Offsets[DateMention]
    free_dates: Offsets[DateMention]  # the dates that are no legal document's date
    refs: Offsets[LegalRef]
    issued: dict[str, dt.date]
    published: dt.date | None  # the document's publication date, if known
    latest: dt.date | None  # the latest date the text names
    title: tuple[int, int]  # where the title is (see ``title_span``)
    # The text's first line of content (``parse.head.first_line``), asked for most figures: read once.
    head: Line | None
    newlines: list[int]  # offsets of the line breaks, for bisect
    breaks: Breaks  # of the whole text (see ``piece``)
    stops: Stops  # the sentence ends ``link.why`` counts
    # Each figure's spans, by the figure object itself: hashing a record's fields would cost
    # more than finding its spans.
    spans: dict[int, Spans] = field(default_factory=dict)
    province: str | None = None
    province_rule: str = "none"
    province_code: str | None = None
    province_why: str = ""  # in words: why the document's province is what it is
    # Whether only districts told the province (``scope``): after the merger, their province today.
    province_by_district: bool = False
    # Whether the text speaks from after the 2025 merger of a unit merged into another (``scope``):
    # a figure with no place of its own is the new unit's from the merger on (an undated one too).
    province_merged: bool = False
    changes: frozenset[int] = frozenset()  # starts of the figures that are changes
    # Districts, towns and communes the text names (``parts``).
    areas: Offsets[Area] = field(default_factory=lambda: Offsets(()))
    district: str | None = None  # the district the whole document reports from, if it does
    # The one programme or channel the whole document is about (kind, words, every name the headline
    # and lead give it, where they name it), if it is about one.
    topic: tuple[str, str, tuple[str, ...], tuple[int, ...]] | None = None
    # The districts whose bank offices the text names ("Phòng giao dịch NHCSXH Quỳ Châu"), reporting or not.
    offices: tuple[str, ...] = ()
    state: State = field(default_factory=State)

    def amended(self, **changes: object) -> Context:
        """A copy with ``changes`` made (what ``dataclasses.replace`` gives, at a fraction of its
        cost: it passes every one of the thirty fields through ``__init__``, which sets each
        through ``object.__setattr__``, a tenth of linking a short article)."""
        unknown = changes.keys() - self.__dataclass_fields__.keys()
        if unknown:
            raise TypeError(f"Context has no field {sorted(unknown)}")
        copy = object.__new__(Context)
        copy.__dict__.update(self.__dict__, **changes)
        return copy

    @property
    def date_gap(self) -> re.Pattern[str]:
        """What may stand between a marker and the date it governs in the text's language
        (spaces, and a ``date_article`` of rules/linking.yaml: "the", "ngày")."""
        return self.linker.date_gaps[self.lang]

    def reach(self, name: str) -> int:
        """How far, in characters, ``name`` of ``reaches`` in rules/linking.yaml bounds in the
        text's language."""
        return self.linker.reaches[self.lang][name]

    def line(self, start: int, end: int) -> tuple[int, int]:
        """The line (or lines) around ``[start, end)``, without its line breaks: a bisect where
        ``rfind``/``find`` would read a long paragraph once per figure."""
        before = bisect.bisect_left(self.newlines, start)
        after = bisect.bisect_left(self.newlines, end, before)
        return (self.newlines[before - 1] + 1 if before else 0,
                self.newlines[after] if after < len(self.newlines) else len(self.text))

    def marks(self, name: str, start: int, end: int) -> list[Hit]:
        """Matches of marker list ``name`` inside ``[start, end)``."""
        starts = self.hit_starts[name]
        if not starts:
            return []  # most lists find nothing in a document: most questions end here
        i = bisect.bisect_left(starts, start)
        if i == len(starts) or starts[i] >= end:
            return []
        j = bisect.bisect_left(starts, end, i)
        return [hit for hit in self.hits[name][i:j] if hit[1] <= end]

    def first_mark(self, name: str, start: int, end: int) -> Hit | None:
        """The first of ``marks(name, start, end)``, without listing the others."""
        starts, hits = self.hit_starts[name], self.hits[name]
        for index in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
            if hits[index][1] <= end:
                return hits[index]
        return None

    def starts_in(self, name: str, start: int, end: int) -> bool:
        """Whether a marker of ``name`` starts in ``[start, end)``, wherever it ends: one bisect,
        where a pass over the list would read every marker of a long document."""
        starts = self.hit_starts[name]
        index = bisect.bisect_left(starts, start)
        return index < len(starts) and starts[index] < end

    def ends_at(self, name: str, pos: int) -> bool:
        """Whether a marker of ``name`` ends at ``pos``: the list's ends kept as a set once asked,
        where a pass would read every marker for each question."""
        ends = self.state.hit_ends.get(name)
        if ends is None:
            ends = self.state.hit_ends[name] = frozenset(hit[1] for hit in self.hits[name])
        return pos in ends

    def last_mark(self, name: str, start: int, end: int) -> Hit | None:
        """The last of ``marks(name, start, end)``, without listing the others (the sentences
        before a figure on its line may be a long paragraph)."""
        starts, hits = self.hit_starts[name], self.hits[name]
        first = bisect.bisect_left(starts, start)
        for index in range(bisect.bisect_left(starts, end, first) - 1, first - 1, -1):
            if hits[index][1] <= end:
                return hits[index]
        return None

    @property
    def area_index(self) -> AreaIndex:
        """The text's areas indexed (``AreaIndex``), built once for the areas this context holds."""
        kept = self.state.area_index
        if kept is None or kept[0] is not self.areas:
            kept = self.state.area_index = (self.areas, AreaIndex(self.areas.items))
        return kept[1]

    def headline_line(self, pos: int) -> bool:
        """Whether ``pos`` lies on a "related news" line: dash-led, without closing punctuation
        (another article's headline, not a sentence of this report), and one sentence. Only the
        line's ends and its figures' sentences are read: a paragraph is a line, and may be long
        (a wire story sent as one paragraph opens with its dateline's dash and ends with the
        agency's credit, with no stop: it is the report)."""
        start, end = self.line(pos, pos)
        first = BLANK.match(self.text, start, end)
        lead = first.end() if first is not None else start
        tail = end
        while tail > lead and self.text[tail - 1].isspace():
            tail -= 1
        return (self.text[lead : min(lead + 2, tail)] in ("- ", "– ", "• ")
                and self.text[tail - 1 : tail] not in (".", ";", ":", "!", "?")
                and not (self._sentences_in(lead, tail) and self._wire_story(lead, tail)))

    def _wire_story(self, lead: int, tail: int) -> bool:
        """Whether the dash-led line ``[lead, tail)`` reads as a wire story sent as one paragraph:
        long (``wire_line`` of rules/linking.yaml's reaches, or more) or closed by an agency's credit ("…-VNA",
        "(TTXVN)"); a related headline of two short parts ("X. Y", "Why? Because") is neither."""
        return tail - lead >= self.reach("wire_line") or _CREDIT.search(self.text, lead, tail) is not None

    def _sentences_in(self, lead: int, tail: int) -> bool:
        """Whether the line ``[lead, tail)`` holds more than one sentence: the sentence of one of
        its figures starts after the line's first character or ends before its last."""
        return any(fig.sentence_start > lead + 2 or fig.sentence_start + len(fig.sentence) < tail
                   for fig in self.figures.within(lead, tail) if fig.sentence)

    def marker_before(self, name: str, pos: int) -> Hit | None:
        """A marker of ``name`` that ends right before ``pos`` (only spaces or a ``date_gap`` between),
        or runs into it ("đến hết" before a date whose text is "hết tháng 6/2024")."""
        found = self.hits[name]
        i = bisect.bisect_left(self.hit_starts[name], pos)
        for hit in reversed(found[max(0, i - 4) : i]):
            if hit[1] > pos or self.date_gap.fullmatch(self.text, hit[1], pos):
                return hit
        return None


# --- reading the document once -------------------------------------------------------------------


def index_document(ex: Extraction, lk: Linker) -> Context:
    """Find every cue, marker, mention and figure span of the document once."""
    text = ex.document.text
    lang = language(ex.document)
    found = lk.index[lang].scan(new_tone(text))
    found["blockers"] = _outside(found["blockers"], found.get("blockers_not", []))
    for name, opening in lk.openers.get(lang, {}).items():
        found[name] = [hit for hit in found[name] if hit[2] not in opening or _opens_sentence(text, hit[0])]
    gap = lk.date_gaps[lang]
    found["comparison"] = sorted(found["comparison"] + _dated(ex, text, found["comparison_dated"], gap)
                                 + _dated(ex, text, _after_change(ex, text, found["change_from"]), gap))
    date_starts = {d.start for d in ex.dates}
    venues = Venues(found["scope:venue"])
    named = lk.gazetteer.find(text)
    mentions = [m for m in named if not _dateline(text, m, date_starts, gap) and not venues.beside(text, m)]
    wire = _wire_dates(text, ex.dates, named, gap)
    mentions = _without_constituents(text, mentions, found["merged_from"], lk.unit_gaps[lang])
    ends = [d.value or d.period_end for d in ex.dates if (d.value or d.period_end)]
    refs, ref_ends = Offsets(ex.legal_refs), Offsets(ex.legal_refs, key=attrgetter("end"))
    newlines = list(map(re.Match.start, _NEWLINE.finditer(text)))
    head = head_lines(text, lk.chrome)
    ctx = Context(
        ex=ex, text=text, lang=lang, linker=lk, hits=found,
        hit_starts=HitStarts(found),
        cues=Offsets(cues_of(found[CUES_BEFORE], found[CUES_AFTER])),
        mentions=Offsets(mentions),
        figures=Offsets(ex.figures),
        figure_ends=Offsets(ex.figures, key=attrgetter("end")),
        dates=Offsets(ex.dates),
        free_dates=Offsets(d for d in ex.dates if d.start not in wire
                           and not near_legal(refs, ref_ends, d) and not page_stamp(text, d, lk.stamp_head)),
        refs=refs,
        issued={r.id: r.issued for r in ex.legal_refs if r.issued},
        published=ex.document.published,
        latest=max((e for e in ends if e), default=None),
        title=_title(head),
        head=head[0] if head else None,  # the first of two lines is the first of one
        newlines=newlines,
        breaks=_breaks(text, found["breakdown"]),
        stops=Stops(text, newlines),
    )
    # Filled here, before the context is handed on: a copy of the whole context costs more.
    ctx.spans.update((id(fig), _spans(ctx, fig)) for fig in ctx.figures)
    ctx.hits["national"] = _unranked(ctx)
    ctx.hit_starts.pop("national", None)  # listed again from the kept hits when first asked
    return ctx


# What may stand right before a phrase that opens its sentence (past spaces and opening quotes or
# brackets): a sentence's closing mark or a line break; punctuation alike in both languages.
_SENTENCE_CLOSE = frozenset(".!?\n")
_OPENING_MARKS = " \t\"'“‘(["
_OPENING_REACH = 40  # how far back such spaces and marks are read: a bound, not a language's words


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether ``pos`` opens a sentence: only spaces, opening quotes or brackets stand between it
    and the text's start, a line break or a sentence's closing mark."""
    start = max(0, pos - _OPENING_REACH)
    before = text[start:pos].rstrip(_OPENING_MARKS)
    return before[-1] in _SENTENCE_CLOSE if before else start == 0


def _outside(hits: list[Hit], wider: list[Hit]) -> list[Hit]:
    """The hits (sorted by start) lying inside none of the ``wider`` ones (sorted by start too):
    one pass over both, however long the text."""
    if not wider or not hits:
        return hits
    kept: list[Hit] = []
    i, reach = 0, -1  # the furthest end of the wider hits starting at or before the hit's start
    for hit in hits:
        while i < len(wider) and wider[i][0] <= hit[0]:
            reach = max(reach, wider[i][1])
            i += 1
        if hit[1] > reach:
            kept.append(hit)
    return kept


def language(doc: Document) -> str:
    """The document's language code for cue lists."""
    return doc.language if doc.language in ("en", "vi") else "en"


def title_span(doc: Document, chrome: Chrome = NO_CHROME) -> tuple[int, int]:
    """Where the title is: from the text's start to the end of its first two lines of content
    (``parse.head.head_lines``: the page chrome before them, a section label, a date stamp or a
    caption, is skipped; the headline and the line after it, or the lead and the next line)."""
    return _title(head_lines(doc.text, chrome))


def _title(lines: list[Line]) -> tuple[int, int]:
    """The title's span given the text's first two lines of content (``title_span``)."""
    return 0, lines[-1].end if lines else 0


# A page's stamp heading the text's first line ("date 2024-05-20 Some 12,000 households …", as
# stored excerpts and some feeds write it): a machine-written date (a month 01-12, not a span
# "2021-25") after nothing or a word saying it is the page's date (``stamp_words`` of
# rules/linking.yaml; not "As of 2024-06-30, …").
_ISO_STAMP = re.compile(r"\d{4}-(?:0[1-9]|1[0-2])(?:-\d{2})?")


def page_stamp(text: str, d: DateMention, head: re.Pattern[str]) -> bool:
    """Whether the date is the page's stamp ("date 2024-05-20 …"; ``head``: what may stand before
    it, ``rules.stamp_head``): the page's date, which the publication date already is, not a
    date the first sentence gives its figures (nor, a month alone, the date of the figures after
    it)."""
    return bool(_ISO_STAMP.fullmatch(d.text) and head.fullmatch(text, 0, d.start))


def near_legal(refs: Offsets[LegalRef], ref_ends: Offsets[LegalRef], d: DateMention) -> bool:
    """A legal document's date ("Directive 39-CT/TW dated October 30, 2024"), not the figure's:
    up to 12 characters after a reference, or its issue date within 200 of it (``refs`` by
    start, ``ref_ends`` the same by end: only the references near the date are looked at)."""
    if ref_ends.within(d.start - 12, d.start + 1):
        return True
    return any(ref.issued and ref.issued == d.value for ref in refs.within(d.start - 199, d.start + 200))


def _dated(ex: Extraction, text: str, found: list[Hit], gap: re.Pattern[str]) -> list[Hit]:
    """Comparison words that count only before a date ("up 9.4% over 2015", "against 2015"):
    only the dates within the longest gap that can follow the words are tried."""
    starts = sorted(d.start for d in ex.dates)
    kept = []
    for hit in found:
        reach = gap.match(text, hit[1])
        assert reach is not None, "the gap may be empty"
        near = starts[bisect.bisect_left(starts, hit[1]) : bisect.bisect_right(starts, reach.end())]
        if any(gap.fullmatch(text, hit[1], s) for s in near):
            kept.append(hit)
    return kept


def _after_change(ex: Extraction, text: str, found: list[Hit]) -> list[Hit]:
    """Words that compare only right after a change ("up 5.8% from the beginning of the year");
    elsewhere "from" opens a period ("from 2015 to 2020"). Only the last change ending before
    the words can have nothing but spaces between."""
    ends = sorted({f.end for f in ex.figures if f.change is not None})
    kept = []
    for hit in found:
        index = bisect.bisect_right(ends, hit[0])
        if index and _blank(text, ends[index - 1], hit[0]):
            kept.append(hit)
    return kept


def _unranked(ctx: Context) -> list[Hit]:
    """The national markers without those that close a ranking ("the largest outstanding loans
    throughout the country", "ranks third nationwide"): a rank word shortly before the marker in
    its sentence, with no figure between, ranks one province among the country's; it says
    nothing of whose the sentence's figures are."""
    return [hit for hit in ctx.hits["national"] if not _closes_ranking(ctx, hit[0]) and not _branch_network(ctx, hit)]


def _branch_network(ctx: Context, hit: Hit) -> bool:
    """Whether a national marker names a network (``national_network``: "toàn hệ thống") after the
    province's branch in its sentence, with no figure between: that branch's offices, not the
    whole bank's."""
    if not any(net[0] <= hit[0] and hit[1] <= net[1] for net in ctx.marks("national_network", hit[0], hit[1])):
        return False
    s0, _ = ctx.stops.around(hit[0], hit[1])
    branch = ctx.last_mark(scope_list("branch"), s0, hit[0])
    return branch is not None and not ctx.figures.within(branch[1], hit[0])


def _closes_ranking(ctx: Context, start: int) -> bool:
    """Whether a rank word starts at most ``reach("ranking")`` before ``start`` and ends before
    it in its clause: no sentence stop, semicolon, comma or figure between (``_unranked``; "the
    lowest in the region, while nationwide the ratio is …" ranks nothing nationwide)."""
    rank = ctx.last_mark("ranking", start - ctx.reach("ranking"), start)
    if rank is None or ctx.figures.within(rank[1], start):
        return False
    return not any(mark.search(ctx.text, rank[1], start) for mark in (_STOP, _SEMICOLON, _COMMA))


def _blank(text: str, start: int, end: int) -> bool:
    """Whether only white space stands in ``text[start:end]`` (read up to the first other
    character, not sliced: the two may stand far apart)."""
    found = BLANK.match(text, start, end)
    return found is not None and found.end() == end


def _without_constituents(text: str, mentions: list[Mention], merges: list[Hit],
                          gaps: tuple[re.Pattern[str], re.Pattern[str]]) -> list[Mention]:
    """The mentions without the units a merged province was formed from ("Dak Lak province
    (new), formed from the merger of Dak Lak and Phu Yen, now has …"): they name its history,
    not the place the sentence's figures are about. ``gaps``: what may stand before the first
    unit and between the units (``merged_gap`` in rules/linking.yaml). A list of merged units
    names each once: a unit named again ends it ("the merger of Lam Dong, Dak Nong and Binh
    Thuan provinces, the Lam Dong branch …": the branch is the new province's)."""
    if not merges:
        return mentions
    starts = [m.start for m in mentions]
    dropped: set[int] = set()
    first, between = gaps
    for _, end, _ in merges:
        i, pos, gap = bisect.bisect_left(starts, end), end, first
        units: set[Code] = set()
        while i < len(mentions) and mentions[i].code not in units and gap.fullmatch(text, pos, mentions[i].start):
            dropped.add(i)
            units.add(mentions[i].code)
            pos, i, gap = mentions[i].end, i + 1, between
    return [m for i, m in enumerate(mentions) if i not in dropped]


def _dateline(text: str, mention: Mention, date_starts: set[int], gap: re.Pattern[str]) -> bool:
    """Whether a mention opens a line as the place a story was filed from: "Hanoi (VNA) - …",
    "Hanoi, January 5, 2026", "Hà Nội, ngày 15/7/2025" (the place, a comma, a date; ``gap``: the
    language's ``date_gaps``, whose ``date_article`` the date's own text leaves out)."""
    if not _line_start(text, mention.start):
        return False
    return bool(_DATELINE.match(text, mention.end)) or _dated_place(text, mention, gap) in date_starts


def _dated_place(text: str, mention: Mention, gap: re.Pattern[str]) -> int:
    """Where the date of a dateline opened by ``mention`` would start: past a comma and ``gap``
    ("Hanoi, ", "Hà Nội, ngày "); -1 when no comma follows the place."""
    comma = _COMMA_GAP.match(text, mention.end)
    lead = gap.match(text, comma.end()) if comma is not None else None
    return lead.end() if lead is not None else -1


def _wire_dates(text: str, dates: Sequence[DateMention], mentions: list[Mention], gap: re.Pattern[str]) -> set[int]:
    """Where the dates of wire datelines start, a dash after them and the story on the same line
    ("Quang Tri, November 3, 2024 (VNA) - Outstanding loans …", "July 20, 2024 - The branch …"):
    the day the story was filed, which the publication date is, not a date its first sentence
    gives its figures ("… climbed to VND 4,850 billion as of September 30, 2024")."""
    placed = {_dated_place(text, m, gap) for m in mentions if _line_start(text, m.start)}
    return {d.start for d in dates if _WIRE_DASH.match(text, d.end)
            and (d.start in placed or not text[text.rfind("\n", 0, d.start) + 1 : d.start].strip())}


class Venues:
    """Where a document's venue words start and end, in order, to find the nearest on either
    side of a place name."""

    def __init__(self, hits: Iterable[Hit]) -> None:
        spans = [(start, end) for start, end, _ in hits]
        self.starts = sorted(start for start, _ in spans)
        self.ends = sorted(end for _, end in spans)

    def beside(self, text: str, mention: Mention) -> bool:
        """Whether a mention is a meeting's venue: a venue word right after it ("the Nghe An
        bridge") or right before it ("điểm cầu Hải Dương"). Only the nearest venue word on
        each side can have nothing but spaces between."""
        after = bisect.bisect_left(self.starts, mention.end)
        if after < len(self.starts) and _blank(text, mention.end, self.starts[after]):
            return True
        before = bisect.bisect_right(self.ends, mention.start)
        return bool(before) and _blank(text, self.ends[before - 1], mention.start)


def _line_start(text: str, pos: int) -> bool:
    """Whether only spaces stand between the start of the line and ``pos``: read back over the
    spaces alone (a text on one line asks it of every province it names)."""
    begin = spaces_start(text, pos)
    return begin == 0 or "\n" in text[begin:pos]


def spaces_start(text: str, pos: int) -> int:
    """Where the white space right before ``pos`` starts (``len(text[:pos].rstrip())``, without
    copying the text up to ``pos``)."""
    while pos and text[pos - 1].isspace():
        pos -= 1
    return pos


# --- sentences and clauses ----------------------------------------------------------------------


def _spans(ctx: Context, fig: Figure) -> Spans:
    """Find the figure's sentence, sentence part and clause (kept in ``ctx.spans``)."""
    sentence = (fig.sentence_start, fig.sentence_start + len(fig.sentence)) if fig.sentence \
        else ctx.line(fig.start, fig.end)
    return Spans(sentence, piece(fig.start, sentence, ctx.breaks.segment),
                 piece(fig.start, sentence, ctx.breaks.clause))


def sentence_span(ctx: Context, fig: Figure) -> tuple[int, int]:
    """The figure's sentence in document offsets (its line when the figure carries none)."""
    return ctx.spans[id(fig)].sentence


def clause_span(ctx: Context, fig: Figure) -> tuple[int, int]:
    """The clause around the figure: between commas, semicolons, colons."""
    return ctx.spans[id(fig)].clause


def segment_span(ctx: Context, fig: Figure) -> tuple[int, int]:
    """The sentence part around the figure: between semicolons."""
    return ctx.spans[id(fig)].segment


# How far after its clause's end a list of borrowers goes on: the comma and space that part the
# clauses (two characters) and one more for a doubled space; punctuation, alike in both
# languages, not the words of one (no language data).
LIST_GAP = 3


def borrowers_end(ctx: Context, fig: Figure) -> int:
    """Where the list of borrowers a count counts ends: its clause's end, or that of the clauses
    after it that go on with more borrowers ("gần 85 nghìn lượt hộ nghèo, hộ cận nghèo và các
    đối tượng chính sách khác được vay vốn", ``borrower_list``): their commas list, they do not
    part clauses. Asked for by the indicator, its cue and the part of a count: found once."""
    clause_end = clause_span(ctx, fig)[1]
    if fig.kind != "count":
        return clause_end
    ends = ctx.state.borrower_ends
    if id(fig) not in ends:
        segment, end = segment_span(ctx, fig), clause_end
        while (more := _more_borrowers(ctx, end, segment[1])) is not None:
            end = piece(more, segment, ctx.breaks.clause)[1]
        ends[id(fig)] = end
    return ends[id(fig)]


def _joined(ctx: Context, end: int, start: int) -> bool:
    """Whether only a comma and a joining word (``split_joins`` of rules/parts.yaml: "and", "và")
    stand between ``end`` and ``start``: the list's last item ("…, policy households, and newly
    escaped from poverty households")."""
    joins = ctx.marks(part_list("split_joins"), end, start)
    return len(joins) == 1 and not ctx.text[end : joins[0][0]].strip(" ,") and not ctx.text[joins[0][1] : start].strip()


def _more_borrowers(ctx: Context, end: int, stop: int) -> int | None:
    """Where the clause after ``end`` goes on with more borrowers, if it does: it opens with a
    kind of borrowers (``borrower_list``: "…, hộ cận nghèo và …"), or with a count of one, the
    list giving each kind its own count ("412 lượt hộ nghèo, 268 hộ cận nghèo và 90 hộ mới
    thoát nghèo được vay vốn"); None when it opens with anything else."""
    more = ctx.first_mark("borrower_list", end, stop)
    if more is not None and (more[0] - end <= LIST_GAP or _joined(ctx, end, more[0])):
        return more[0]
    count = next((f for f in ctx.figures.within(end, min(stop, end + LIST_GAP + 1)) if f.kind == "count"), None)
    if count is None or ctx.text[end : count.start].strip(" ,"):
        return None
    named = ctx.first_mark("borrower_list", count.start, stop)
    return count.start if named is not None and named[0] < count.end else None


def piece(pos: int, span: tuple[int, int], bounds: Bounds) -> tuple[int, int]:
    """The part of ``span`` between the breaks around ``pos`` (those of ``bounds`` that lie
    inside ``span``; a break that straddles ``pos`` bounds neither side)."""
    starts, ends = bounds
    # Breaks never overlap, so their starts and their ends are both in order.
    first = bisect.bisect_left(starts, span[0])
    last = bisect.bisect_right(ends, span[1], first)
    before = bisect.bisect_right(ends, pos, first, last)
    after = bisect.bisect_left(starts, pos, first, last)
    return (ends[before - 1] if before > first else span[0], starts[after] if after < last else span[1])


def _breaks(text: str, breakdowns: list[Hit]) -> Breaks:
    """Where the text's clause breaks (semicolons, colons, em dashes, a comma and a space) start
    and end, and which of them are semicolons, which also part a sentence. Each break is one
    character, or two for a comma and the space after it, and none can start inside another.
    The em dashes around a breakdown aside (``breakdowns``: hits of that marker list) are none."""
    semicolons = [m.start() for m in _SEMICOLON.finditer(text)]
    asides = _aside_dashes(text, breakdowns)
    singles = semicolons + [m.start() for m in _COLON.finditer(text) if m.start() not in asides]
    commas = [m.start() for m in _COMMA.finditer(text)]
    clause = (sorted(singles + commas), sorted([b + 1 for b in singles] + [b + 2 for b in commas]))
    return Breaks(clause, (semicolons, [b + 1 for b in semicolons]))


def _aside_dashes(text: str, breakdowns: list[Hit]) -> set[int]:
    """The em dashes that open and close an aside starting with a breakdown word."""
    dashes: set[int] = set()
    for start, *_ in breakdowns:
        opening = start - 1
        while opening >= 0 and text[opening] in " \u00a0":
            opening -= 1
        if opening < 0 or text[opening] != "\u2014":
            continue
        close = _ASIDE_CLOSE.search(text, start)
        if close is not None and text[close.start()] == "\u2014":
            dashes.update((opening, close.start()))
    return dashes
