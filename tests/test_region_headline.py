"""A report whose headline names a region of the country and no province (``scope.headline_region``)
reports the bank in that region: naming the bank is then no evidence of the whole bank, and every
figure its sentence gives no place of its own is an area part of the national bank, named by the
region. Sentences are invented."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from extractor.models import Observation
from extractor.pipeline import extract_text

PUBLISHED = dt.date(2019, 3, 8)


def _extract(text: str) -> tuple[str | None, dict[Decimal, Observation]]:
    found = extract_text(text, lang="en", published=PUBLISHED, source="<text>")
    return found.document.province, {o.value: o for o in found.observations}


REGION_REPORT = (
    "Menu\n\n"
    "Soft loans change lives in the Red River Delta\n\n"
    "Loans from VBSP have helped 48,000 households in the Red "
    "River Delta escape poverty since 2015.\n\n"
    "The loans also created jobs for more than 12,400 labourers and built 3,150 houses.\n\n"
    "By the end of February, outstanding loans stood at VND 9.7 trillion.\n"
)


def test_a_headline_region_makes_the_bodys_unplaced_figures_its_area_parts() -> None:
    province, found = _extract(REGION_REPORT)
    assert province is None
    for value in (Decimal(12_400), Decimal(3_150), Decimal(9_700_000_000_000)):
        obs = found[value]
        assert (obs.province, obs.part_of, obs.part) == ("national", "area", "Red River Delta"), obs.rules


def test_a_province_named_in_the_sentence_keeps_its_figure() -> None:
    text = REGION_REPORT + "In Thai Binh, outstanding loans stood at VND 2.1 trillion.\n"
    _, found = _extract(text)
    obs = found[Decimal(2_100_000_000_000)]
    assert (obs.province, obs.part_of) == ("Thái Bình", None)


def test_a_headline_without_a_region_leaves_the_bank_national() -> None:
    text = REGION_REPORT.replace("Soft loans change lives in the Red River Delta", "Soft loans change lives")
    text = text.replace(" in the Red River Delta", "")
    province, found = _extract(text)
    assert province == "national"
    assert found[Decimal(12_400)].part_of is None


def test_a_headline_naming_a_province_of_the_region_is_that_provinces() -> None:
    text = REGION_REPORT.replace("Soft loans change lives in the Red River Delta",
                                 "Soft loans change lives in Thai Binh, in the Red River Delta")
    province, found = _extract(text)
    assert province == "Thái Bình"
    assert found[Decimal(12_400)].part_of is None
