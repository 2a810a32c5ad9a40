"""What an outlet implies about a story's province: rules/outlets.yaml, read as data.

Each row was written by reading rules/outlets.yaml (and rules/provinces.yaml for a host that
spells its province), not by running the look-up: a provincial paper's host or dateline code
names its province (and, for a paper that stopped with the merger of 1 July 2025, the old
unit's boundaries); a national outlet's host or a news agency's code names none, whatever
letters it holds; a subdomain is its host's; a word of the host that spells one district
(rules/districts.yaml) names that district's province; an unknown host or code implies nothing.
"""

from __future__ import annotations

import pytest

from extractor.link.outlets import Outlet
from extractor.registry.bundle import bundled

# What an outlet implies: (old unit's province | None, national, the old unit's boundaries only).
Implied = tuple[str | None, bool, bool]

HOSTS: list[tuple[str, Implied | None, str]] = [
    ("https://la34.com.vn/tin-tuc/a.html", ("Long An", False, True), "a provincial host, era pre-2025"),
    ("https://hanoimoi.vn/kinh-te/a.html", ("Hà Nội", False, False), "a provincial host still publishing"),
    ("https://baonghean.vn/kinh-te/a.html", ("Nghệ An", False, False), "a host that spells its province"),
    ("https://baolangson.vn/a.html", ("Lạng Sơn", False, False), "a host that spells its province"),
    ("https://nhandan.vn/a.html", (None, True, False), "a national host"),
    ("https://vbsp.org.vn/tin-tuc/a.html", (None, True, False), "the bank's own site is national"),
    ("https://en.vietnamplus.vn/a.html", (None, True, False), "a national host's subdomain"),
    ("https://m.baoapbac.vn/a.html", ("Tiền Giang", False, True), "a provincial host's subdomain"),
    ("https://www.qtv.vn/a.html", ("Quảng Ninh", False, False), "www. is the host itself"),
    ("http://anhp.vn/du-no-dat-d123.html", ("Hải Phòng", False, False), "a city paper, host abbreviated"),
    ("https://hoian-news.example/a.html", ("Quảng Nam", False, False), "a city's own site: a word spells the city"),
    ("https://sapa-news.example/a.html", ("Lào Cai", False, False), "a district's word of the host"),
    ("https://halongbay-travel.example/a.html", None, "a word holding a district's name is no district"),
    ("https://vinh-long.example/a.html", ("Vĩnh Long", False, False), "a province spelt across a hyphen"),
    ("https://vinh-phuc-news.example/a.html", ("Vĩnh Phúc", False, False), "a province spelt across a hyphen"),
    ("https://dak-lak.example/a.html", ("Đắk Lắk", False, False), "a province, not its one-syllable district"),
    ("https://chu-news.example/a.html", None, "a one-syllable district's name names no district"),
    ("https://news.example.com/a.html", None, "an unknown host"),
    ("corpus/seeds/000_nghe_an.txt", None, "a file, not an address"),
]

# A host's first label spelling a district of the province its rest names (perhaps after a
# district's word: portal_prefixes of rules/outlets.yaml) is that district's portal.
PORTALS: list[tuple[str, str | None, str]] = [
    ("https://thoxuan.thanhhoa.gov.vn/tin-tuc/a", "Thọ Xuân", "a district's label under its province"),
    ("https://huyenthoxuan.thanhhoa.gov.vn/tin-tuc/a", "Thọ Xuân", "a district's word before its name"),
    ("https://sotaichinh.thanhhoa.gov.vn/tin-tuc/a", None, "a provincial department's label"),
    ("https://huyen.thanhhoa.gov.vn/tin-tuc/a", None, "a district's word alone names no district"),
    ("https://thoxuan.hatinh.gov.vn/tin-tuc/a", None, "a district of another province"),
    ("https://thanhhoa.gov.vn/tin-tuc/a", None, "the province's own portal"),
]

DATELINES: list[tuple[str, Implied | None, str]] = [
    ("(HBĐT) - Outstanding loans reached VND 5,000 billion.", ("Hòa Bình", False, False), "a code alone"),
    ("Lạng Sơn (LSO) – Tổng dư nợ đạt 5.000 tỷ đồng.", ("Lạng Sơn", False, False), "a place and a code"),
    ("Hanoi (VNA) - Outstanding loans reached VND 5,000 billion.", (None, True, False),
     "a news agency: Hanoi is where it was filed"),
    ("Policy credit news\n(NA) – Outstanding loans reached VND 5,000 billion.", ("Nghệ An", False, False),
     "a code heading the second line"),
    ("(XYZ) – Outstanding loans reached VND 5,000 billion.", None, "an unknown code"),
]


def _implied(outlet: Outlet | None) -> Implied | None:
    """The province (old unit's name), national flag and old-boundaries flag of an outlet."""
    if outlet is None:
        return None
    province = bundled().gazetteer.old[outlet.code].name if outlet.code else None
    return province, outlet.national, outlet.old


@pytest.mark.parametrize(("address", "implied", "why"), HOSTS, ids=[h[0] for h in HOSTS])
def test_a_host_implies(address: str, implied: Implied | None, why: str) -> None:
    assert _implied(bundled().linker.outlets.of_host(address)) == implied, why


@pytest.mark.parametrize(("text", "implied", "why"), DATELINES, ids=[d[2] for d in DATELINES])
def test_a_dateline_code_implies(text: str, implied: Implied | None, why: str) -> None:
    assert _implied(bundled().linker.outlets.of_dateline(text)) == implied, why


@pytest.mark.parametrize(("address", "district", "why"), PORTALS, ids=[p[0] for p in PORTALS])
def test_a_portal_host_names_its_district(address: str, district: str | None, why: str) -> None:
    assert bundled().linker.outlets.portal_district(address) == district, why
