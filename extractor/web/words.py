"""Stored words shown to people in the page's language: each observation's reasons (``why``), its
part of a total, "national", verdicts.

The linker writes ``why`` in English from a small set of forms ("date from 'Tính đến 31/3' two
sentences before"); each form is matched here and said again in Vietnamese, the quoted words kept
as the source wrote them. A form this table does not know is shown as written, and the few that
rows stored by older versions carry as a rule id ("date: since:40-CT/TW") are put in words first.
"""

from __future__ import annotations

import datetime as dt
import re

from extractor.web.formatting import format_period
from extractor.web.i18n import N_, gettext

PART_KINDS = {"programme": N_("programme"), "area": N_("area"), "channel": N_("channel"), "group": N_("group"),
              "source": N_("source of funds"), "average": N_("average"),
              "share": N_("share")}
VERDICTS = {"supported": N_("Supported"), "different": N_("Different"), "not_found": N_("Not found")}
COUNTS = {"one": N_("one"), "two": N_("two"), "three": N_("three"), "four": N_("four"), "five": N_("five")}
# Each form the linker writes, as a message of the catalogue: %(q)s is the quoted words (kept as
# the source wrote them), %(n)s a count, %(kind)s a part's kind, %(rest)s the rest; "(s)" is a
# plural the linker writes or not. The pattern each is read back by is derived (``form_pattern``),
# so a form and its reading cannot drift apart. Order matters: the first form that matches wins.
WHY_MESSAGES: tuple[str, ...] = (
    N_("indicator from the counted noun '%(q)s'"),
    N_("indicator from the words '%(q)s' after the figure"),
    N_("indicator from the words '%(q)s', read item by item with the figures"),
    N_("indicator from the words '%(q)s', read at the date its sentence gives"),
    N_("indicator from the words '%(q)s' in an earlier clause"),
    N_("indicator from the words '%(q)s'"),
    N_("indicator of the level just listed, by place"),
    N_("indicator of the level just listed, by part"),
    N_("indicator of the item before it in a list read item by item"),
    N_("indicator from the words '%(q)s' that open its list"),
    N_("indicator of the item before it in a breakdown (%(rest)s)"),
    N_("an item of a breakdown of the total just stated (%(rest)s)"),
    N_("an item of a breakdown naming a source of capital (%(rest)s)"),
    N_("indicator of the whole it is stated as a share of ('%(q)s')"),
    N_("its own noun before the share of a whole it is stated as ('%(q)s')"),
    N_("a change of outstanding loans, as a growth rate"),
    N_("the document's province"),
    N_("no province could be told"),
    N_("named right after the figure ('%(q)s')"),
    N_("named in its clause ('%(q)s')"),
    N_("named in its sentence ('%(q)s')"),
    N_("named in a list read item by item ('%(q)s')"),
    N_("a region of the country named before the figure ('%(q)s')"),
    N_("the text speaks of the whole bank or country ('%(q)s')"),
    N_("province from %(rest)s"),
    N_("date from the publication date (the text states none)"),
    N_("the publication date, for '%(q)s'"),
    N_("no date could be told"),
    N_("date from '%(q)s' in its sentence"),
    N_("date from '%(q)s' %(n)s sentence(s) before"),
    N_("the headline reports what the body dates ('%(q)s')"),
    N_("date counted from when %(rest)s was issued"),
    N_("a goal with no date of its own: left undated"),
    N_("a period of the years the text counts back ('%(q)s')"),
    N_("date from the date that governs the text so far"),
    N_("no date could be told: a unit named as before the merger, in a later period"),
    N_("a part of the total: %(kind)s ('%(q)s')"),
)
_SLOTS = {"q": ".*", "rest": ".*", "n": r"\w+", "kind": r"\w+"}


def form_pattern(message: str) -> str:
    """The regex reading a ``why`` text written in the form of ``message``.

    >>> pattern = form_pattern("date from '%(q)s' %(n)s sentence(s) before")
    >>> re.fullmatch(pattern, "date from 'Q1' two sentences before")["n"]
    'two'
    """
    pattern = re.escape(message).replace(r"\(s\)", "s?")
    return re.sub(r"%\\\((\w+)\\\)s", lambda m: f"(?P<{m.group(1)}>{_SLOTS[m.group(1)]})", pattern)


WHY_FORMS: tuple[tuple[str, str], ...] = tuple((form_pattern(m), m) for m in WHY_MESSAGES)
REASONS = {"the title": N_("the title"), "the page's address": N_("the page's address"),
           "the bank's branch named with it": N_("the bank's branch named with it"),
           "how often it is named": N_("how often it is named")}


def _plain(text: str) -> str:
    """A reason stored before the linker said it in words, that still carries a rule id
    ("date: since:40-CT/TW")."""
    for old in ("date: since:", "date: anniversary:"):  # what the linker wrote before it said these
        if text.startswith(old):
            return f"date counted from when {text.removeprefix(old).split('+')[0]} was issued"
    if text.startswith("date: old-marker"):
        return "no date could be told"
    return text


def why_words(text: str, lang: str = "en") -> str:
    """One reason of ``why`` in ``lang`` (a form the table does not know is shown as written).

    >>> why_words("date: since:40-CT/TW")
    'date counted from when 40-CT/TW was issued'
    """
    text = _plain(text)
    if lang == "en":
        return text
    for pattern, message in WHY_FORMS:
        match = re.fullmatch(pattern, text)
        if match:
            found = match.groupdict()
            if "n" in found:
                found["n"] = gettext(lang, COUNTS[found["n"]]) if found["n"] in COUNTS else found["n"]
            if "kind" in found:
                found["kind"] = gettext(lang, PART_KINDS.get(found["kind"], found["kind"]))
            if "rest" in found and message.startswith("province"):
                found["rest"] = _reasons(found["rest"], lang)
            return gettext(lang, message) % found
    return text


def _reasons(reasons: str, lang: str) -> str:
    """The reasons of a document's province in ``lang`` ("the outlet baonghean.vn, the title")."""
    said = []
    for part in (p.strip() for p in reasons.split(", ")):
        if part.startswith("the outlet "):
            said.append(gettext(lang, N_("the outlet %(q)s")) % {"q": part.removeprefix("the outlet ")})
        else:
            said.append(gettext(lang, REASONS[part]) if part in REASONS else part)
    return ", ".join(said)


def part_words(observation: object, lang: str = "en") -> str:
    """A breakdown as such: "part of the total: programme 'job creation'" ("" for a total)."""
    kind, part = getattr(observation, "part_of", None), getattr(observation, "part", None)
    if not kind:
        return ""
    label = gettext(lang, PART_KINDS.get(kind, kind))
    return gettext(lang, N_("part of the total: %(kind)s")) % {"kind": label} + (f" '{part}'" if part else "")


def province_name(name: str | None, lang: str = "en") -> str:
    """A stored province as shown: "national" is the whole bank; None is an unknown place."""
    if name == "national":
        return gettext(lang, N_("National (whole bank)"))
    return name or gettext(lang, N_("province not known"))


def verdict_words(verdict: str, lang: str = "en") -> str:
    """A fact-check verdict in words."""
    return gettext(lang, VERDICTS.get(verdict, verdict))


SPANS = {"month": N_("over %(n)s month"), "months": N_("over %(n)s months"), "days": N_("over %(n)s days")}


def span_words(span: str, lang: str = "en") -> str:
    """What a flow covers in ``lang`` ("over 6 months" from ``store.series.span_label``).

    >>> span_words("over 6 months"), span_words(""), span_words("since 2002-10-04", "vi")
    ('over 6 months', '', 'từ 4/10/2002')
    """
    if since := re.fullmatch(r"since (\d{4}-\d\d-\d\d)", span):
        return format_period(None, dt.date.fromisoformat(since.group(1)), None, lang)
    match = re.fullmatch(r"over (\d+) (month|months|days)", span)
    return gettext(lang, SPANS[match.group(2)]) % {"n": match.group(1)} if match else span
