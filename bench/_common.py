"""What the benches share: texts in the shapes of the gold corpus, every one different, and
timings of interleaved rounds summed up by medians.

Texts are the gold corpus's plain texts (``corpus/gold``: hand-made texts and the seed articles
they annotate; never ``corpus/real``) with their figures and provinces varied: every larger
number gets new digits (years, days, months and the numbers of dates and legal references stay,
so dates and references still read), and the provinces a text names become others. A text
repeated to reach a size would let caches (spaCy's tokenizer, the linker's memos) and the
copy detector see the same words again and again, which an archive never shows them.

The machine is shared and noisy: a bench times its runs one after the other in every round (a
change of load hits them alike), in CPU time of this process, and reports the median of the
rounds (ratios as the median of each round's ratio).
"""

from __future__ import annotations

import random
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extractor.evaluation import GoldCase, load_gold
from extractor.folding import fold
from extractor.registry.bundle import Registry, bundled

GOLD = ROOT / "corpus" / "gold"
LANGUAGES = ("en", "vi")
# A number not glued to a slash or a hyphen: "13,625,214", "10.936", "0,17" (not "22/11/2014",
# "1560/QĐ-TTg", "40-CT/TW": dates and legal references keep their numbers).
NUMBER = re.compile(r"(?<![\w/-])\d+(?:[.,]\d+)*(?![\w/-])")
YEAR = re.compile(r"(?:19|20)\d\d")
# A story's least length from its own gold story: a few short lines ("Related news", a caption)
# would make a page a parser rightly refuses as no article.
STORY_CHARS = 1_200
# A dateline under a headline: a short line with a day/month/year or a clock time.
DATELINE = re.compile(r"\d{1,2}[/-]\d{1,2}[/-]\d{4}|\d{1,2}:\d{2}")


# --- texts ---------------------------------------------------------------------------------------


@cache
def _gold_cases() -> tuple[GoldCase, ...]:
    """Every plain-text gold case (its YAML read once: reading it is most of a quick run)."""
    return tuple(load_gold(GOLD))


@cache
def gold_texts(lang: str) -> tuple[str, ...]:
    """The gold corpus's plain texts of a language, in name order."""
    return tuple(case.text() for case in _gold_cases() if case.gold.language == lang)


def vary_numbers(text: str, rng: random.Random) -> str:
    """``text`` with every number of three digits or more given new digits (its separators, its
    length and whether it starts with 0 kept); years and short numbers stay."""

    def new_digits(match: re.Match[str]) -> str:
        number = match.group()
        digits = sum(ch.isdigit() for ch in number)
        if digits < 3 or YEAR.fullmatch(number):
            return number
        out = [ch if not ch.isdigit() else str(rng.randrange(10)) for ch in number]
        out[0] = number[0] if number[0] == "0" else str(rng.randrange(1, 10))
        return "".join(out)

    return NUMBER.sub(new_digits, text)


class Places:
    """Provinces of the gazetteer, to give a text other provinces than the ones it names."""

    def __init__(self, registry: Registry) -> None:
        self.gazetteer = registry.gazetteer
        self.codes = sorted(self.gazetteer.old)

    def forms(self, code: str) -> list[str]:
        """The ways a text writes a province: its name and aliases, with and without marks."""
        unit = self.gazetteer.old[code]
        return sorted({f for n in (unit.name, *unit.aliases) for f in (n, fold(n))}, key=len, reverse=True)

    def name(self, code: str, *, marks: bool) -> str:
        """A province's name as a text in one script writes it (marks or plain letters)."""
        name = self.gazetteer.old[code].name
        return name if marks else fold(name)

    def swap(self, text: str, rng: random.Random) -> str:
        """``text`` with each province it names replaced by another, the same one throughout."""
        named = sorted({m.code for m in self.gazetteer.find(text)})
        if not named:
            return text
        swap = dict(zip(named, rng.sample(self.codes, len(named)), strict=True))
        by_form = {form: code for code in named for form in self.forms(code)}
        pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, by_form)) + r")(?!\w)")
        return pattern.sub(
            lambda m: self.name(swap[by_form[m.group()]], marks=not m.group().isascii()), text)


@cache
def places() -> Places:
    """The bundled gazetteer's provinces."""
    return Places(bundled())


def varied(text: str, rng: random.Random) -> str:
    """A gold text with new figures and other provinces."""
    return places().swap(vary_numbers(text, rng), rng)


def varied_texts(lang: str, words: int, *, seed: int = 18) -> list[str]:
    """Gold texts of ``lang``, each copy varied, until they hold about ``words`` words."""
    rng, out, total = random.Random(seed), [], 0
    texts = gold_texts(lang)
    while total < words:
        text = varied(texts[len(out) % len(texts)], rng)
        out.append(text)
        total += len(text.split())
    return out


@dataclass(frozen=True)
class Story:
    """A news story: its headline and its paragraphs (no dateline)."""

    lang: str
    title: str
    paragraphs: tuple[str, ...]


@cache
def gold_stories(lang: str) -> tuple[Story, ...]:
    """Each gold text of ``lang`` as a story: first line the headline, datelines left out."""
    stories = []
    for text in gold_texts(lang):
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        body = tuple(line for line in lines[1:] if not (len(line.split()) <= 8 and DATELINE.search(line)))
        stories.append(Story(lang, lines[0], body))
    return tuple(stories)


def new_story(lang: str, rng: random.Random) -> Story:
    """A story in the shape of a gold one: about half a gold story's paragraphs, in order, with a
    few of two other stories put in, the whole given new figures and provinces. Two stories made
    from one gold story share too little to be taken for copies (word-shingle similarity under
    the copy detector's threshold)."""
    stories = gold_stories(lang)
    base, kept = rng.choice(stories), []
    while sum(map(len, kept)) < min(STORY_CHARS, sum(map(len, base.paragraphs))):
        kept = [p for p in base.paragraphs if rng.random() < 0.5]  # drawn again when too short
    for other in rng.sample(stories, 2):
        for paragraph in rng.sample(other.paragraphs, k=min(len(other.paragraphs), rng.randint(1, 2))):
            kept.insert(rng.randint(0, len(kept)), paragraph)
    lines = varied("\n".join([base.title, *kept]), rng).split("\n")
    return Story(lang, lines[0], tuple(lines[1:]))


def sentences(story: Story) -> list[str]:
    """A story's sentences (split after a full stop and a space: enough for filler text)."""
    return [s for p in story.paragraphs for s in re.split(r"(?<=\.)\s+", p) if s]


# --- timing --------------------------------------------------------------------------------------


def each(function: Callable[[object], object], items: Iterable[object]) -> None:
    """Call ``function`` on every item and keep no result, as a batch does (it stores each
    document's records and drops them): results kept alive would make the garbage collector
    walk them again and again, a cost real runs do not pay."""
    for item in items:
        function(item)


Run = tuple[Callable[[], None], Callable[[], None]]  # (untimed fresh start, timed work)


def interleaved(rounds: int, runs: dict[str, Run]) -> dict[str, list[float]]:
    """CPU seconds of each run in each round; a round does every run in turn, each after its
    untimed fresh start (a new tokenizer or pipeline: spaCy caches across calls)."""
    seconds: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, (fresh, work) in runs.items():
            fresh()
            start = time.process_time()
            work()
            seconds[name].append(time.process_time() - start)
    return seconds


def median(values: Sequence[float]) -> float:
    """The median of a non-empty sequence."""
    return statistics.median(values)


def median_ratio(numerators: Sequence[float], denominators: Sequence[float]) -> float:
    """The median over rounds of one round's ratio (both timed in the same round)."""
    return statistics.median(n / d for n, d in zip(numerators, denominators, strict=True))

