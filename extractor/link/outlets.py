"""Outlets: what a story's source says about whose figures it reports (``rules/outlets.yaml``).

A provincial paper's or station's host ("baonghean.vn", "la34.com.vn") or the code it writes at
the head of a story ("(HBĐT) –") implies its province, and so does a city's or district's own site
("hoian-news.example"); a national outlet's host implies none. A district's portal under its
province's ("thoxuan.thanhhoa.gov.vn") reports that district (``portal_district``).
The dateline's place ("Hanoi (VNA) –") is where the story was filed, never the figures' place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from pydantic import Field, model_validator

from extractor.link.provinces import Code, Gazetteer
from extractor.models import Boundaries
from extractor.registry.files import (
    RuleFile,
    Strict,
    raise_problems,
    read_rule_file,
    validate_rule_file,
)

# "Lạng Sơn (LSO) – …", "(HBĐT) - …": a short code in parentheses, then a dash, heading a line.
DATELINE_CODE = re.compile(r"^[^\S\n]*(?:[^\W\d_][^()\n]{0,30}?)?\(([^()\n]{1,15})\)[^\S\n]*[-–—]", re.MULTILINE)
_HOST_WORD = re.compile(r"[.\-]")  # what separates the words of a host name
# A host's word names a district only when the name has two syllables or more: a one-syllable
# name ("Vinh", "Lắk") is as often a word of another name or of the outlet's own.
HOST_DISTRICT_WORDS = 2
DATELINE_HEAD = 2000  # characters of a text's head where a dateline code is looked for


class ProvincialOutlet(Strict):
    """A provincial outlet whose host does not spell its province."""

    host: str
    province: str
    era: Boundaries | None = None


class DatelineCode(Strict):
    """A code an outlet writes at the head of its stories."""

    code: str
    province: str | None = None
    national: bool = False

    @model_validator(mode="after")
    def _one_meaning(self) -> DatelineCode:
        if (self.province is None) == (not self.national):
            raise ValueError("a dateline code names a province or is national, not both or neither")
        return self


class OutletFile(Strict):
    """``rules/outlets.yaml``."""

    version: int = Field(ge=1, le=1)
    national: list[str] = Field(default_factory=list)
    provincial: list[ProvincialOutlet] = Field(default_factory=list)
    datelines: list[DatelineCode] = Field(default_factory=list)
    portal_prefixes: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class Outlet:
    """What an outlet says of a story's province: the old unit's code, or national, and why."""

    code: Code | None
    national: bool
    reason: str
    old: bool = False  # the outlet reported under the 63 provinces only (it closed with the merger)


@dataclass(frozen=True)
class Outlets:
    """The outlet tables, keyed for look-up, with the gazetteer that reads host names."""

    national_hosts: frozenset[str]
    provincial: dict[str, Outlet]
    datelines: dict[str, Outlet]
    gazetteer: Gazetteer
    portal_prefixes: tuple[str, ...] = ()

    def of_host(self, url: str) -> Outlet | None:
        """The outlet a URL's host names (a provincial paper's province), or None."""
        host = _host(url)
        if not host:
            return None
        if any(host == h or host.endswith("." + h) for h in self.national_hosts):
            return Outlet(None, True, f"the national outlet {host}")
        for known, outlet in self.provincial.items():
            if host == known or host.endswith("." + known):
                return outlet
        # "vinh-long.example": a province's name may be spelt across a hyphen; read it whole first.
        found = self.gazetteer.in_compact(host) or self.gazetteer.in_compact(host.replace("-", ""))
        if len(found) == 1:
            return Outlet(found[0], False, f"the outlet {host}")
        return None if found else self._of_district_host(host)

    def _of_district_host(self, host: str) -> Outlet | None:
        """The province of the one district a word of the host spells whole ("hoian-news.example":
        Hội An's site, in Quảng Nam), or None: a city's or district's own site reports from
        its province."""
        names = {name for word in _HOST_WORD.split(host)
                 if (name := self.gazetteer.district_spelt(word)) and len(name.split()) >= HOST_DISTRICT_WORDS}
        codes = {self.gazetteer.district_province(name) for name in names}
        if len(codes) != 1 or None in codes:
            return None
        return Outlet(codes.pop(), False, f"the outlet {host} (of {', '.join(sorted(names))})")

    def portal_district(self, url: str) -> str | None:
        """The district whose own portal a URL's host is: a first label that spells a district of
        rules/districts.yaml under a host naming that district's province
        ("thoxuan.thanhhoa.gov.vn"), or None. A district's portal reports the district."""
        label, _, rest = _host(url).partition(".")
        if rest.count(".") < 1:
            return None
        # "huyenthoxuan": a district's word before its name; the name alone first ("Thị xã" may
        # open a name no district bears).
        bare = [label[len(p):] for p in self.portal_prefixes if label.startswith(p) and len(label) > len(p)]
        name = next((found for found in map(self.gazetteer.district_spelt, [label, *bare]) if found), None)
        outlet = self.of_host("//" + rest)
        if name is None or outlet is None or outlet.code is None:
            return None
        return name if self.gazetteer.district_province(name) == outlet.code else None

    def of_dateline(self, text: str) -> Outlet | None:
        """The outlet a dateline code at the head of a line names ("(HBĐT) –"), or None."""
        for match in dateline_codes(text):
            found = self.datelines.get(match.group(1).strip().upper())
            if found is not None:
                return found
        return None


def dateline_codes(text: str, head: int = DATELINE_HEAD) -> Iterator[re.Match[str]]:
    """``DATELINE_CODE.finditer(text, 0, head)``, tried only at the start of a line that holds a
    parenthesis: ``re`` would try the pattern at every character of the head."""
    pos = 0
    while (paren := text.find("(", pos, head)) >= 0:
        match = DATELINE_CODE.match(text, text.rfind("\n", 0, paren) + 1, head)
        if match:
            yield match
        pos = text.find("\n", paren, head) + 1  # a match never spans a line
        if not pos:
            return


def _host(url: str) -> str:
    """The host of a URL, lower case, without "www." ("" when ``url`` is no URL)."""
    if "//" not in url:
        return ""
    host = (urlparse(url).hostname or "").lower()
    return host.removeprefix("www.")


def load_outlets(path: Path, gazetteer: Gazetteer) -> Outlets:
    """``rules/outlets.yaml`` validated; a province the gazetteer does not know is reported."""
    rf = read_rule_file(path)
    model = validate_rule_file(rf, OutletFile)
    problems: list[str] = []
    provincial = {o.host.lower(): Outlet(_code(rf, gazetteer, o.province, ("provincial", i), problems),
                                         False, f"the outlet {o.host}", old=o.era == "pre-2025")
                  for i, o in enumerate(model.provincial)}
    datelines = {d.code.upper(): _dateline(rf, gazetteer, d, i, problems) for i, d in enumerate(model.datelines)}
    raise_problems(problems)
    return Outlets(frozenset(h.lower() for h in model.national), provincial, datelines, gazetteer,
                   tuple(p.lower() for p in model.portal_prefixes))


def _dateline(rf: RuleFile, gazetteer: Gazetteer, entry: DatelineCode, i: int,
              problems: list[str]) -> Outlet:
    if entry.national:
        return Outlet(None, True, f"the news agency's dateline ({entry.code})")
    code = _code(rf, gazetteer, entry.province or "", ("datelines", i), problems)
    return Outlet(code, False, f"the outlet's dateline code ({entry.code})")


def _code(rf: RuleFile, gazetteer: Gazetteer, name: str, loc: tuple[object, ...],
          problems: list[str]) -> Code:
    """The old-unit code of a province name, or a problem naming the entry's line."""
    found = [m.code for m in gazetteer.find(name)]
    if len(found) != 1:
        problems.append(rf.problem(loc, f"{name!r} is not one province of rules/provinces.yaml"))
        return ""
    return found[0]
