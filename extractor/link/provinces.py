"""The province gazetteer: Vietnam's 63 provinces before 1 July 2025, the 34 after, and a matcher.

``rules/provinces.yaml`` holds both lists, the official codes, the old → new map of Resolution
202/2025/QH15 and the spellings real text uses. The matcher is one compiled regular expression
run over a diacritic-folded copy of the text (same length, so offsets hold): "Nghe An", "Nghệ An",
"tỉnh Nghệ An", "NGHỆ AN", "Ninh Binh (old)" and "TP.HCM" are all found in one pass. A mention
names an *old* unit (its pre-2025 code); :meth:`Gazetteer.resolve` turns it into the canonical
name and boundaries for a date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, model_validator

from extractor.folding import fold
from extractor.registry.files import (
    RuleFile,
    Strict,
    raise_problems,
    read_rule_file,
    validate_rule_file,
)
from extractor.registry.phrases import BEFORE_WORD, caseless, trie_regex
from extractor.resources import rules_dir

Code = str
Boundaries = Literal["pre-2025", "2025"]
_CODE = r"^\d{2}$"

# Sentence breaks: a stop not between digits ("12.000"), or a line break.
_SENTENCES = re.compile(r"(?<!\d)[.!?](?!\d)|\n")


@lru_cache(maxsize=4096)
def key_of(name: str) -> str:
    """The lookup key of a name: folded, lower case, spaces and dashes collapsed to one space."""
    return re.sub(r"[\s\-–—]+", " ", fold(name).lower()).strip()


# --- the rule file --------------------------------------------------------------------------


class Affixes(Strict):
    """Words that belong to a mention: "tỉnh …", "… province"."""

    prefixes: list[str]
    suffixes: list[str]


class OldMarkers(Strict):
    """Words that mark a mention as one of the 63 old units: "(cũ)", "(old)", "former …"."""

    before: list[str]
    after: list[str]


class OldProvince(Strict):
    """One of the 63 units before 1 July 2025."""

    code: Code = Field(pattern=_CODE)
    name: str
    type: Literal["province", "city"]
    new: Code = Field(pattern=_CODE)
    aliases: list[str] = Field(default_factory=list)


class NewProvince(Strict):
    """One of the 34 units from 1 July 2025."""

    code: Code = Field(pattern=_CODE)
    name: str
    type: Literal["province", "city"]
    merged_from: list[Code] = Field(min_length=1)


class NameSyllables(Strict):
    """How many syllables a personal name has, at least and at most."""

    least: int = Field(ge=1)
    most: int = Field(ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> NameSyllables:
        if self.most < self.least:
            raise ValueError(f"most ({self.most}) is fewer than least ({self.least})")
        return self


class PersonalNames(Strict):
    """What opens a personal name that may end with a province's name ("Nguyễn Quang Bình"):
    family names (matched without diacritics and case) and the titles said before a name;
    ``common_words``: family names that are also everyday words, a name's only with a middle name
    or a title."""

    surnames: list[str] = Field(default_factory=list)
    common_words: list[str] = Field(default_factory=list)
    titles: list[str] = Field(default_factory=list)
    syllables: NameSyllables
    reach: int = Field(gt=0)


class DistrictFile(Strict):
    """``rules/districts.yaml``: district names that tell their province, by old province code."""

    version: Literal[1]
    districts: dict[Code, list[str]]


class ProvinceFile(Strict):
    """``rules/provinces.yaml``."""

    version: Literal[1]
    merger_date: dt.date
    affixes: Affixes
    old_markers: OldMarkers
    guarded: list[str] = Field(default_factory=list)
    guard_allow: list[str] = Field(default_factory=list)
    personal_names: PersonalNames
    stopphrases: list[str] = Field(default_factory=list)
    post_merger_cues: list[str] = Field(default_factory=list)
    post_merger_not: list[str] = Field(default_factory=list)
    # Old provinces with a city, town or district bearing their name ("thành phố Lạng Sơn").
    seat_named: list[str] = Field(default_factory=list)
    pre_2025: list[OldProvince] = Field(min_length=1)
    post_2025: list[NewProvince] = Field(min_length=1)


def _duplicates(rf: RuleFile, section: str, codes: list[str]) -> list[str]:
    """Problems for codes that appear twice in a section."""
    seen: set[str] = set()
    problems = []
    for i, code in enumerate(codes):
        if code in seen:
            problems.append(rf.problem((section, i, "code"), f"duplicate code {code!r}"))
        seen.add(code)
    return problems


def _map_problems(rf: RuleFile, model: ProvinceFile) -> list[str]:
    """Old → new links must agree with each new unit's ``merged_from``."""
    new = {p.code: p for p in model.post_2025}
    problems = []
    for i, old in enumerate(model.pre_2025):
        if old.new not in new:
            problems.append(rf.problem(("pre_2025", i, "new"), f"{old.name}: no new unit {old.new!r}"))
        elif old.code not in new[old.new].merged_from:
            problems.append(
                rf.problem(("pre_2025", i, "new"), f"{old.name}: {old.new} does not list {old.code}")
            )
    olds = {p.code for p in model.pre_2025}
    for i, code in enumerate(model.seat_named):
        if code not in olds:
            problems.append(rf.problem(("seat_named", i), f"no old unit {code!r}"))
    for i, unit in enumerate(model.post_2025):
        for j, code in enumerate(unit.merged_from):
            if code not in olds:
                problems.append(rf.problem(("post_2025", i, "merged_from", j), f"unknown old code {code!r}"))
    return problems


def _alias_problems(rf: RuleFile, model: ProvinceFile) -> list[str]:
    """A folded spelling must name one unit only, or the matcher could not tell them apart."""
    owner: dict[str, str] = {}
    problems = []
    for i, old in enumerate(model.pre_2025):
        for j, name in enumerate([old.name, *old.aliases]):
            key = key_of(name)
            if owner.get(key, old.code) != old.code:
                loc = ("pre_2025", i, "aliases", j - 1) if j else ("pre_2025", i, "name")
                problems.append(rf.problem(loc, f"{name!r} also names unit {owner[key]}"))
            owner.setdefault(key, old.code)
    return problems


# --- the gazetteer --------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """A province named in a text: offsets of the whole mention, the old unit, the old marker."""

    start: int
    end: int
    text: str
    code: Code
    marked_old: bool


@dataclass(frozen=True)
class Place:
    """A province resolved for a date: canonical name, boundaries and the rule that decided."""

    name: str
    code: Code
    boundaries: Boundaries | None
    rule: str


_GAP = r"(?:\s*[-–—]\s*|\s+)"
# What may stand before the first word of a sentence or a line: nothing, or its end, then a
# list's dash or bullet or an opening quote.
_SENTENCE_OPENS = re.compile(r"(?:\A|[.!?:]|\n)\s*[-–•\"“]?\s*\Z")
_WORDS_BEFORE = re.compile(r"(?:\S+ ){0,4}$")


def _alternation(words: list[str]) -> str:
    """Words folded, lower-cased and compiled to a trie-shaped alternation (sharing prefixes
    makes a 700-name alternation about as cheap as a short one); a space matches any run of
    spaces or a dash."""
    return trie_regex({key_of(w) for w in words}, gap=_GAP)


def _loose_cues(cues: list[str]) -> re.Pattern[str] | None:
    """Whole-word cues as keys (``key_of``), found in a folded text in lower case read after a
    space (``BEFORE_WORD``) as they are found in its ``key_of``: a space of a key matches any run
    of spaces and dashes, so the text needs no rewriting first (that took twice the search), and
    ``re`` skips to the characters a word may follow.

    >>> cue = _loose_cues(["Two-level local government"])
    >>> bool(cue.search(" under the two -- level\\nlocal government")), bool(cue.search(" two-levels"))
    (True, False)
    """
    keys = sorted({key_of(c) for c in cues}, key=len, reverse=True)
    if not keys:
        return None
    words = "|".join(re.escape(k).replace(r"\ ", r"[\s\-–—]+") for k in keys)
    return re.compile(rf"{BEFORE_WORD}(?:{words})(?!\w)")


class Gazetteer:
    """Provinces old and new, with a one-pass matcher over raw text."""

    def __init__(self, model: ProvinceFile) -> None:
        self.model = model
        self.merger_date = model.merger_date
        self.old = {p.code: p for p in model.pre_2025}
        self.new = {p.code: p for p in model.post_2025}
        self.seat_named = frozenset(model.seat_named)
        self.by_key = {key_of(n): p.code for p in model.pre_2025 for n in (p.name, *p.aliases)}
        self.compact = {k.replace(" ", ""): c for k, c in self.by_key.items() if len(k.replace(" ", "")) >= 5}
        # The words after a name that make it a province ("tỉnh", "province"), folded.
        self.suffix_keys = frozenset(key_of(w) for w in model.affixes.suffixes)
        self._pattern = self._compile()
        self._starts = self._compile_starts()
        # Run over the folded text in lower case: the keys are ASCII (see _compile_starts).
        self._stop = re.compile(_alternation(model.stopphrases)) if model.stopphrases else None
        self._post_merger = _loose_cues(model.post_merger_cues)
        nots = "|".join(re.escape(w) for w in sorted(model.post_merger_not, key=len, reverse=True))
        self._post_merger_not = re.compile(rf"(?<!\w)(?:{nots})(?!\w)", re.IGNORECASE) if nots else None
        after = "|".join(re.escape(m) for m in sorted(model.old_markers.after, key=len, reverse=True))
        before = "|".join(re.escape(m) for m in sorted(model.old_markers.before, key=len, reverse=True))
        self._old_after = re.compile(rf"\s*(?:{after})(?!\w)", re.IGNORECASE)
        self._old_before = re.compile(rf"(?<!\w)(?:{before})\s+$", re.IGNORECASE)
        self._surnames = frozenset(key_of(n) for n in model.personal_names.surnames) - set(model.guard_allow)
        # As written: in a text that writes its tones, "Do" is the word "because", not "Đỗ".
        self._surnames_written = frozenset(n.lower() for n in model.personal_names.surnames)
        self._common_surnames = frozenset(key_of(n) for n in model.personal_names.common_words)
        titles = "|".join(re.escape(t) for t in sorted(model.personal_names.titles, key=len, reverse=True))
        self._title_before = re.compile(rf"(?<!\w)(?:{titles})\s*$", re.IGNORECASE) if titles else None
        self.districts: dict[str, Code] = {}  # a district's folded name → its old province's code
        self.district_names: dict[str, str] = {}  # a district's folded name → its name as written
        self._district_flat: dict[str, list[str]] | None = None  # ``district_spelt``'s index, made once
        # Places are frozen and a document asks for the same few again and again.
        self._resolved: dict[tuple[Code, dt.date | None, bool], Place] = {}

    def _compile(self) -> re.Pattern[str]:
        """The matcher: optional prefix, a name, optional suffix, on folded text."""
        prefixes = _alternation(self.model.affixes.prefixes)
        suffixes = _alternation(self.model.affixes.suffixes)
        names = _alternation(list(self.by_key))
        return re.compile(
            rf"(?<!\w)(?:(?P<prefix>{prefixes})\s*)?(?P<name>{names})(?!(?-i:[a-z]))"
            rf"(?:\s+(?P<suffix>{suffixes})(?!\w))?",
            re.IGNORECASE,
        )

    def _compile_starts(self) -> re.Pattern[str]:
        """Where a match of the matcher may start: a prefix or a name at the start of a word,
        on the folded text in lower case. The keys are folded to ASCII, and
        :func:`~extractor.nlp.indicators.caseless` writes an ASCII letter wherever ignoring case
        would match one, so lower-case keys find there what they find in the folded text
        ignoring case."""
        prefixes = _alternation(self.model.affixes.prefixes)
        names = _alternation(list(self.by_key))
        return re.compile(rf"{BEFORE_WORD}(?={prefixes}|{names})")

    def _matches(self, folded: str, lowered: str) -> Iterator[re.Match[str]]:
        """``self._pattern.finditer(folded)``, tried only where a match may start (``lowered``:
        ``caseless(folded)``): the case-sensitive look-out for starts is much faster in ``re``
        than the matcher, which ignores case."""
        end = 0
        for start in self._starts.finditer(" " + lowered):
            pos = start.start()  # of the word in ``lowered`` (see BEFORE_WORD)
            if pos < end:
                continue
            m = self._pattern.match(folded, pos)
            if m:
                end = m.end()
                yield m

    def find(self, text: str) -> list[Mention]:
        """Every province mention in ``text``, in order, with its old-unit code and old marker."""
        if not text:
            return []  # an outlet without a site name: no need to fold and scan nothing
        folded = fold(text)
        lowered = caseless(folded)
        stops = [m.span() for m in self._stop.finditer(lowered)] if self._stop else []
        mentions = []
        for m in self._matches(folded, lowered):
            if any(s <= m.start("name") < e for s, e in stops) or not self._plausible(text, m):
                continue
            code = self.by_key[key_of(m.group("name"))]
            end, old = self._marker_after(text, m.end())
            old = old or bool(self._old_before.search(text, max(0, m.start() - 20), m.start()))
            mentions.append(Mention(m.start(), end, text[m.start() : end], code, old))
        return mentions

    def _plausible(self, text: str, m: re.Match[str]) -> bool:
        """Reject lower-case common words ("hòa bình": peace) and guarded personal names."""
        name = text[m.start("name") : m.end("name")]
        marked = bool(m.group("prefix") or m.group("suffix"))
        if name.islower() and not marked:
            return False
        if marked:
            return True
        if self._in_personal_name(text, m.start("name"), m.end("name"), len(key_of(name).split())):
            return False
        if key_of(name) not in self.model.guarded:
            return True
        before = re.search(r"(\S+)\s+$", text[max(0, m.start() - 30) : m.start()])
        word = before.group(1) if before else ""
        return not word[:1].isupper() or word.lower().strip(".,") in self.model.guard_allow

    def _in_personal_name(self, text: str, start: int, end: int, syllables: int) -> bool:
        """Whether the name at ``start`` ends a person's name ("Ông Nguyễn Quang Bình", "Lo Van
        Ha Nam, head of the commune"): the capitalised words right before it (spaces only between)
        make a name of three or four syllables with it that opens with a family name or follows
        a title ("Mr.", "bà", "đồng chí")."""
        names = self.model.personal_names
        head = text[max(0, start - names.reach) : start]
        words = _WORDS_BEFORE.search(head)
        run: list[str] = []
        for word in reversed(words.group().split(" ")[:-1] if words else []):
            if not (word.isalpha() and word[:1].isupper()) or len(run) + syllables >= names.syllables.most:
                break
            run.insert(0, word)
        # A text that writes the province with its tones writes a surname with them too.
        written = not text[start:end].isascii()
        for k in range(max(1, names.syllables.least - syllables), len(run) + 1):
            opener = run[-k]
            surname = (opener.lower() in self._surnames_written) if written else (key_of(opener) in self._surnames)
            before = head[: len(head) - len(" ".join(run[-k:])) - 1]
            # "Mai Nghệ An sẽ …" (tomorrow) opening a sentence: an everyday word, no name, in a
            # text with tones; anywhere else ("Director Mai Thanh Hoa") it is the family name.
            everyday = (k == 1 and written and key_of(opener) in self._common_surnames
                        and _SENTENCE_OPENS.search(before) is not None)
            if surname and not everyday:
                return True
            if self._title_before is not None and self._title_before.search(before):
                return True
        return False

    def _marker_after(self, text: str, end: int) -> tuple[int, bool]:
        """Extend a mention over a following "(old)"/"(cũ)" marker."""
        m = self._old_after.match(text, end)
        return (m.end(), True) if m else (end, False)

    def speaks_after_merger(self, text: str) -> bool:
        """Whether a text speaks from after the 2025 merger in its own words (the two-level local
        government, "after the merger": ``post_merger_cues``), matched folded and without case, in
        a sentence that does not look ahead to it."""
        if self._post_merger is None:
            return False
        # Most texts hold no cue at all: one pass over the whole folded text tells them apart
        # before any sentence is read (a cue in a sentence is a cue in the text).
        if self._post_merger.search(" " + fold(text).lower()) is None:
            return False
        # A sentence that looks ahead or prepares ("will", "ahead of": ``post_merger_not``) speaks
        # from before the merger, whatever words of it it holds.
        for sentence in _SENTENCES.split(text):
            if self._post_merger.search(" " + fold(sentence).lower()) is None:
                continue
            if self._post_merger_not is None or self._post_merger_not.search(sentence) is None:
                return True
        return False

    def district_province(self, name: str) -> Code | None:
        """The old province of the district a name ends with ("Mang Yang", "VBSP Krong Pa":
        the words an area word marks may take a capitalised word before the name), or None when
        no district of ``rules/districts.yaml`` ends it."""
        words = key_of(name).split()
        written = re.sub(r"[\s\-–—]+", " ", name).strip().split()
        for i in range(len(words)):
            key = " ".join(words[i:])
            if key in self.districts and _tones_agree(written[len(written) - len(words) + i :],
                                                      self.district_names.get(key, key).split()):
                return self.districts[key]
        return None

    def has_seat_city(self, code: Code) -> bool:
        """Whether old unit ``code`` is a province before and after the merger with a city, town or
        district of its name (``seat_named``: "thành phố Hòa Bình", "thị xã Quảng Trị"); a
        centrally-run city, or a province a city took in, names the city-province itself
        ("thành phố Cần Thơ"), and most provinces' capitals bear other names ("Nghệ An")."""
        old = self.old[code]
        return code in self.seat_named and old.type == "province" and self.new[old.new].type == "province"

    def district_spelt(self, label: str) -> str | None:
        """The district (its name as written) whose folded name without spaces is ``label`` (a
        host's word: "thoxuan"), or None."""
        if self._district_flat is None:
            spelt: dict[str, list[str]] = {}
            for key in self.districts:
                spelt.setdefault(key.replace(" ", ""), []).append(key)
            self._district_flat = spelt
        found = self._district_flat.get(fold(label).lower(), [])
        return self.district_names.get(found[0], found[0]) if len(found) == 1 else None

    def in_compact(self, text: str) -> list[Code]:
        """Units whose name, folded and without spaces, occurs in ``text`` (a host name)."""
        flat = fold(text).lower()
        if len(flat) < 5:
            return []  # shorter than any key
        return [code for key, code in self.compact.items() if key in flat]

    def resolve(self, code: Code, *, on: dt.date | None, marked_old: bool = False) -> Place:
        """Canonical name and boundaries of old unit ``code`` for a figure dated ``on``."""
        key = (code, on, marked_old)
        place = self._resolved.get(key)
        if place is None:
            if len(self._resolved) >= 4096:
                self._resolved.clear()  # dates are many over a long run: keep the memo small
            place = self._resolved[key] = self._resolve(code, on=on, marked_old=marked_old)
        return place

    def _resolve(self, code: Code, *, on: dt.date | None, marked_old: bool) -> Place:
        """What :meth:`resolve` answers, worked out."""
        old = self.old[code]
        if marked_old:
            return Place(old.name, code, "pre-2025", "old-marker")
        new = self.new[old.new]
        continues = new.name == old.name or new.merged_from == [code]
        if on is None:
            # Undated: a province the merger took into one of another name existed as a province
            # only before it, so its figures are of the old area; one that continues is either.
            if continues:
                return Place(old.name, code, None, "no-date")
            return Place(old.name, code, "pre-2025", "no-date:merged-away")
        if on < self.merger_date:
            return Place(old.name, code, "pre-2025", "date")
        if continues:
            return Place(new.name, new.code, "2025", "date")
        # The unit was merged into one with another name: a mention of it is the old area.
        return Place(old.name, code, "pre-2025", "merged-away")

    def name_at(self, code: Code, on: dt.date | None, *, by_district: bool = False) -> str:
        """The canonical name of old unit ``code`` at a date (the new name once it continues; with
        ``by_district``, the new province that took it in, ``of_district``)."""
        return (self.of_district(code, on) if by_district else self.resolve(code, on=on)).name

    def of_district(self, code: Code, on: dt.date | None) -> Place:
        """Where a district of old unit ``code`` lies at a date: from the merger on, in the new
        province that took the old one in (districts were abolished; their communes moved with
        the old province's land), else as :meth:`resolve` says."""
        if on is None or on < self.merger_date:
            return self.resolve(code, on=on)
        new = self.new[self.old[code].new]
        return Place(new.name, new.code, "2025", "district")


def load_gazetteer(path: Path | None = None, *, districts: Path | None = None) -> Gazetteer:
    """Load, validate and compile ``rules/provinces.yaml`` (or ``path``), with the districts of
    ``districts`` (a ``rules/districts.yaml``; none when not given)."""
    rf = read_rule_file(path or rules_dir() / "provinces.yaml")
    model = validate_rule_file(rf, ProvinceFile)
    raise_problems(
        _duplicates(rf, "pre_2025", [p.code for p in model.pre_2025])
        + _duplicates(rf, "post_2025", [p.code for p in model.post_2025])
        + _map_problems(rf, model)
        + _alias_problems(rf, model)
    )
    gazetteer = Gazetteer(model)
    if districts is not None:
        gazetteer.districts, gazetteer.district_names = _load_districts(districts, gazetteer)
    return gazetteer


_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")  # huyền, sắc, ngã, hỏi, nặng


# Hỏi and ngã, which many writers (the South's above all) do not tell apart ("Mõ Cày" for "Mỏ Cày").
_SAME_TONE = {"\u0303": "\u0309"}


def _tone(syllable: str) -> str:
    """The tone mark a syllable is written with ("" for none or a text without tones; hỏi for
    ngã, ``_SAME_TONE``)."""
    tone = next((c for c in unicodedata.normalize("NFD", syllable) if c in _TONES), "")
    return _SAME_TONE.get(tone, tone)


def _tones_agree(written: list[str], listed: list[str]) -> bool:
    """Whether a name as a text writes it may be the listed district: no syllable that both write
    with a tone has another tone in the text ("xã Bình Thành" is no "Bình Thạnh"; "Binh Thanh"
    without tones and the Central Highlands' "Đắk"/"Đăk"/"Đak" spelt with or without one may be)."""
    return all(not (a := _tone(w)) or not (b := _tone(d)) or a == b for w, d in zip(written, listed, strict=False))


def _load_districts(path: Path, gazetteer: Gazetteer) -> tuple[dict[str, Code], dict[str, str]]:
    """The districts of ``path`` by folded name, and their names as written; a code no old
    province has, a name another district or a province has, is reported with its line."""
    rf = read_rule_file(path)
    model = validate_rule_file(rf, DistrictFile)
    found: dict[str, Code] = {}
    written: dict[str, str] = {}
    problems = []
    for code, names in model.districts.items():
        if code not in gazetteer.old:
            problems.append(rf.problem(("districts", code), f"no old province has the code {code!r}"))
        for i, name in enumerate(names):
            key = key_of(name)
            if key in gazetteer.by_key or found.setdefault(key, code) != code:
                problems.append(rf.problem(("districts", code, i), f"{name!r} names another place too"))
            written[key] = name
    raise_problems(problems)
    return found, written
