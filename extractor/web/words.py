"""Stored words shown to people in the page's language: each observation's reasons (``why``), its
part of a total, "national", verdicts.

The linker writes ``why`` in English from a small set of forms ("date from 'Tính đến 31/3' two
sentences before"); each form is matched here and said again in Vietnamese, the quoted words kept
as the source wrote them. A form this table does not know is shown as written, and the few that
still carry a rule id ("date: since:40-CT/TW") are put in words first.
"""

from __future__ import annotations

import re

from extractor.web.i18n import N_, gettext

PART_KINDS = {"programme": N_("programme"), "area": N_("area"), "channel": N_("channel"), "group": N_("group"),
              "source": N_("source of funds"), "average": N_("average")}
VERDICTS = {"supported": N_("Supported"), "different": N_("Different"), "not_found": N_("Not found")}
COUNTS_VI = {"one": "một", "two": "hai", "three": "ba", "four": "bốn", "five": "năm"}
_Q = r"'(?P<q>.*)'"
# (English form, Vietnamese form): {q} is the quoted words, {n} a count, {rest} the rest.
WHY_VI: tuple[tuple[str, str], ...] = (
    (rf"indicator from the counted noun {_Q}", "chỉ tiêu theo danh từ đếm '{q}'"),
    (rf"indicator from the words {_Q} after the figure", "chỉ tiêu theo cụm từ '{q}' đứng sau con số"),
    (rf"indicator from the words {_Q} in an earlier clause", "chỉ tiêu theo cụm từ '{q}' ở vế câu trước"),
    (rf"indicator from the words {_Q}", "chỉ tiêu theo cụm từ '{q}'"),
    (r"indicator of the level just listed, by place", "chỉ tiêu của mức vừa liệt kê theo từng địa phương"),
    (r"a change of outstanding loans, as a growth rate", "mức thay đổi dư nợ, hiểu là tốc độ tăng trưởng"),
    (r"the document's province", "tỉnh của văn bản"),
    (r"no province could be told", "không xác định được tỉnh"),
    (rf"named right after the figure \({_Q}\)", "được nêu ngay sau con số ('{q}')"),
    (rf"named in its clause \({_Q}\)", "được nêu trong vế câu ('{q}')"),
    (rf"named in its sentence \({_Q}\)", "được nêu trong câu ('{q}')"),
    (rf"the text speaks of the whole bank or country \({_Q}\)", "văn bản nói về toàn hệ thống hoặc cả nước ('{q}')"),
    (r"province from (?P<rest>.*)", "tỉnh xác định theo {rest}"),
    (r"date from the publication date \(the text states none\)", "ngày theo ngày đăng (văn bản không nêu ngày)"),
    (rf"the publication date, for {_Q}", "ngày đăng, ứng với '{q}'"),
    (r"no date could be told", "không xác định được ngày"),
    (rf"date from {_Q} in its sentence", "ngày theo '{q}' trong câu"),
    (rf"date from {_Q} (?P<n>\w+) sentences? before", "ngày theo '{q}' ở {n} câu trước"),
    (rf"the headline reports what the body dates \({_Q}\)", "tiêu đề thuật lại điều thân bài ghi ngày ('{q}')"),
    (r"date counted from when (?P<rest>.*) was issued", "ngày tính từ khi ban hành {rest}"),
    (rf"a part of the total: (?P<rest>\w+) \({_Q}\)", "một phần của tổng: {rest} ('{q}')"),
)
REASONS_VI = {"the title": "tiêu đề", "the page's address": "địa chỉ trang",
              "the bank's branch named with it": "chi nhánh ngân hàng được nêu kèm",
              "how often it is named": "số lần được nhắc đến"}


def _plain(text: str) -> str:
    """A reason that still carries a rule id, in words ("date: since:40-CT/TW")."""
    if text.startswith("date: since:"):
        return f"date counted from when {text.removeprefix('date: since:').split('+')[0]} was issued"
    if text.startswith("date: old-marker"):
        return "no date could be told"
    return text


def why_words(text: str, lang: str = "en") -> str:
    """One reason of ``why`` in ``lang``.

    >>> why_words("date from 'Tính đến 31/3' two sentences before", "vi")
    "ngày theo 'Tính đến 31/3' ở hai câu trước"
    >>> why_words("date: since:40-CT/TW")
    'date counted from when 40-CT/TW was issued'
    """
    text = _plain(text)
    if lang != "vi":
        return text
    for pattern, template in WHY_VI:
        match = re.fullmatch(pattern, text)
        if match:
            found = match.groupdict()
            if "n" in found:
                found["n"] = COUNTS_VI.get(found["n"], found["n"])
            if "rest" in found and template.startswith("tỉnh"):
                found["rest"] = _reasons_vi(found["rest"])
            if "rest" in found and template.startswith("một phần"):
                found["rest"] = gettext("vi", PART_KINDS.get(found["rest"], found["rest"]))
            return template.format(**found)
    return text


def _reasons_vi(reasons: str) -> str:
    """The reasons of a document's province in Vietnamese ("the outlet baonghean.vn, the title")."""
    parts = [p.strip() for p in reasons.split(", ")]
    said = [REASONS_VI.get(p, p.replace("the outlet", "trang đăng")) for p in parts]
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
