"""The district gazetteer (rules/districts.yaml): fresh from its generator, read as data, and
the province a district office's report is filed under."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest

from extractor.errors import RuleError
from extractor.link.provinces import load_gazetteer
from extractor.registry.bundle import bundled
from helpers.markup import build, link, observe

ROOT = Path(__file__).resolve().parents[1]
DISTRICTS = ROOT / "rules" / "districts.yaml"


def test_the_committed_file_is_what_the_generator_writes() -> None:
    pytest.importorskip("vietnamadminunits")
    spec = importlib.util.spec_from_file_location("make_districts", ROOT / "scripts" / "make_districts.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.render() == DISTRICTS.read_text(encoding="utf-8"), "run scripts/make_districts.py"


@pytest.mark.parametrize(("name", "province"), [
    ("Krông Pa", "Gia Lai"),
    ("Krong Pa", "Gia Lai"),  # without diacritics
    ("VBSP Na Ri", "Bắc Kạn"),  # a capitalised word the area word took before the name
    # near misses: a name ten provinces' districts share, a province's own name, a street
    ("Châu Thành", None),
    ("Thái Bình", None),
    ("Nguyen Hue", None),
    # a name written with tones is the district only with the district's tones ("Bình Thành",
    # a commune of several provinces, is no "Bình Thạnh"); a syllable one writes without a tone
    # may be either ("Đắk Đoa" as texts spell the listed "Đak Đoa")
    ("Bình Thạnh", "Hồ Chí Minh"),
    ("Bình Thành", None),
    ("Đắk Đoa", "Gia Lai"),
    ("Mõ Cày Nam", "Bến Tre"),  # hỏi and ngã confused, as many writers do
    ("Thoại Sơn", "An Giang"),
])
def test_a_district_tells_its_province(name: str, province: str | None) -> None:
    gazetteer = bundled().gazetteer
    code = gazetteer.district_province(name)
    assert (gazetteer.old[code].name if code else None) == province


def test_a_bad_entry_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = tmp_path / "districts.yaml"
    bad.write_text('version: 1\ndistricts:\n  "64": [Krông Pa]\n  "99": [Phú Xuân Mới]\n  "06": [Krông Pa]\n',
                   encoding="utf-8")
    with pytest.raises(RuleError) as err:
        load_gazetteer(districts=bad)
    problems = " ".join(err.value.problems)
    assert "districts.yaml:4:" in problems and "districts.yaml:5:" in problems


@pytest.mark.parametrize(("markup", "province"), [
    # the bank's district office reports, and no province is named: the district tells it
    ("Tín dụng chính sách\nNHCSXH huyện Krông Pa tổ chức hội nghị tổng kết. Tổng dư nợ đạt [[452 tỷ đồng|VND]].",
     "Gia Lai"),
    # near miss: a district name several provinces share tells none (nor is a district office's
    # report the whole bank's: no province)
    ("Tín dụng chính sách\nNHCSXH huyện Châu Thành tổ chức hội nghị tổng kết. Tổng dư nợ đạt [[452 tỷ đồng|VND]].",
     None),
])
def test_a_district_offices_report_is_its_provinces(markup: str, province: str | None) -> None:
    ex, _ = build(markup, lang="vi")
    assert link(ex).document.province == province


@pytest.mark.parametrize(("markup", "province", "part_of"), [
    # English names the district office with the district before the bank
    ("Policy credit news\nBy staff\nThe Krong Pa Social Policy Bank has lent more this year. Outstanding loans "
     "reached [[VND 452 billion|VND|452000000000]].", "Gia Lai", "area"),
    # near miss: a name several provinces' districts share
    ("Policy credit news\nBy staff\nThe Chau Thanh Social Policy Bank has lent more this year. Outstanding loans "
     "reached [[VND 452 billion|VND|452000000000]].", "national", None),
    # the name opens its line: the line before (a byline, a headline ending with the name) is none of it
    ("Policy credit news\nBy staff\nMang Yang Social Policy Bank has lent more this year. Outstanding loans "
     "reached [[VND 318 billion|VND|318000000000]].", "Gia Lai", "area"),
    ("Loans lift households in Mang Yang\nMang Yang Social Policy Bank has lent more this year. Outstanding loans "
     "reached [[VND 318 billion|VND|318000000000]].", "Gia Lai", "area"),
    # a name with a syllable that is a Vietnamese function word ("cho": "for") in an English text
    # (undated, published after the merger: Tiền Giang's old district lies in Đồng Tháp today)
    ("Policy credit news\nBy staff\nThe Cho Gao Social Policy Bank Transaction Office has lent more this year. "
     "Outstanding loans reached [[VND 505 billion|VND|505000000000]].", "Đồng Tháp", "area"),
])
def test_a_district_named_before_the_bank_is_its_office(markup: str, province: str, part_of: str | None) -> None:
    """The district office's figures are the district's: parts of its province's, filed there."""
    ex, focus = build(markup)
    linked = link(ex)
    (obs,) = [o for o in linked.observations if o.start == focus]
    assert (linked.document.province, obs.province, obs.part_of) == (province, province, part_of)


@pytest.mark.parametrize("markup", [
    "Nghe An News\nBy Staff\nYen Thanh District Social Policy Bank said outstanding loans reached "
    "[[VND 810 billion|VND]].",
    "Policy credit in Nghe An\nYen Thanh District Social Policy Bank said outstanding loans reached "
    "[[VND 810 billion|VND]].",
])
def test_a_district_offices_name_starts_on_its_line(markup: str) -> None:
    """The capitalised words before a district office's words that name it are on their line: a
    headline or byline ending in a capital before the line break is no part of the name."""
    obs = observe(markup)
    assert obs is not None and (obs.part_of, obs.part) == ("area", "Yen Thanh")


@pytest.mark.parametrize("markup", [
    "Tin vốn vay\nHiện Phòng giao dịch NHCSXH (CSXH) Kỳ Sơn duy trì "
    "[[30 điểm giao dịch|transaction points]] mỗi tháng.",
    # a hard-wrapped text: the short form opens the next line, the name still follows it
    "Tin vốn vay\nHiện Phòng giao dịch Ngân hàng Chính sách xã hội\n(NHCSXH) Kỳ Sơn duy trì "
    "[[30 điểm giao dịch|transaction points]] mỗi tháng.",
])
def test_a_district_offices_name_follows_a_bracketed_short_form(markup: str) -> None:
    """The office's name stands after the bank's short form in brackets, even where the short form
    opens a new line of a wrapped text: the district tells the province and the figure is its part."""
    obs = observe(markup, lang="vi")
    assert obs is not None and (obs.province, obs.part_of, obs.part) == ("Nghệ An", "area", "Kỳ Sơn"), obs


@pytest.mark.parametrize(("markup", "lang", "facts"), [
    # the headline or lead names one district by its name alone, after a place's word, and the
    # body backs it up (the district again, or "the whole district"): the text reports on it, and
    # the district tells the province
    ("Tin tức\nMùa mận chín ở Bắc Yên\nNăm nay, tổng dư nợ toàn huyện đạt [[*274 tỷ đồng|VND]].", "vi",
     ("Sơn La", "area", "Bắc Yên")),
    ("News\nPlum growers gain from soft credit\nMany hill farmers in Bac Yen now grow plums on loans from the "
     "bank. By June, Bac Yen had outstanding loans of [[*VND 274 billion|VND]].", "en",
     ("Sơn La", "area", "Bac Yen")),
    # near misses: a longer name ending with a district's (a hamlet's, a person's), even right
    # after a place's word and named again in the body, and a district's name with no place's word
    # before it, tell nothing
    ("News\nNew roofs for families in Ta Xua Bac Yen\nEvery family of Ta Xua Bac Yen borrowed from the Social "
     "Policy Bank. Outstanding loans reached [[*VND 274 billion|VND]].", "en", ("national", None, None)),
    ("Tin tức\nAnh Bắc Yên kể chuyện vay vốn. Tổng dư nợ của NHCSXH đạt [[*274 tỷ đồng|VND]].", "vi",
     ("national", None, None)),
    # a national report that opens on one district's borrowers stays national, even when its body
    # names the district again
    ("Tin tức\nNhà mới mọc lên ở Mường Khương nhờ vốn ưu đãi\nTheo NHCSXH, đến cuối tháng 6, dư nợ "
     "trên cả nước đạt [[*352.000 tỷ đồng|VND]]. Tại Mường Khương, hàng trăm hộ đã vay làm nhà.", "vi",
     ("national", None, None)),
    ("News\nBank chief tours orchards in Luc Ngan\nOutstanding loans of the VBSP nationwide stood at "
     "[[*VND 352 trillion|VND]] in June.", "en", ("national", None, None)),
])
def test_a_lead_naming_a_district_alone_is_its_report(markup: str, lang: str,
                                                     facts: tuple[str, str | None, str | None]) -> None:
    obs = observe(markup, lang=lang)
    assert obs is not None and (obs.province, obs.part_of, obs.part) == facts, obs


@pytest.mark.parametrize(("markup", "province"), [
    # districts named with a district's word, and no province: where the story lies tells it
    ("Tin vốn vay\nĐến {{31/12/2023|2023-12-31}}, dư nợ toàn tỉnh đạt [[5.100 tỷ đồng|VND]]. Huyện Cần Giuộc và "
     "huyện Cần Đước có dư nợ cao nhất.", "Long An"),
    # near miss: a commune bearing the name of another province's district tells no province
    ("Tin vốn vay\nXã Yên Phong có 180 tổ tiết kiệm và vay vốn. Các tổ ở xã Yên Phong quản lý dư nợ "
     "[[39 tỷ đồng|VND]] đến {{31/12/2023|2023-12-31}}.", None),
    # ... nor does it outweigh the district named beside it
    ("Policy credit news\nIn Yen Phong commune, Cu Jut district, 300 households borrow from the VBSP. The "
     "commune's outstanding loans were [[VND 12 billion|VND]] at {{the end of 2023|2023-12-31}}, Cu Jut "
     "district reported.", "Đắk Nông"),
])
def test_a_district_named_tells_its_province_a_commune_does_not(markup: str, province: str | None) -> None:
    obs = observe(markup, lang="vi" if "Tin" in markup else "en")
    assert obs is not None and obs.province == province


@pytest.mark.parametrize(("markup", "part"), [
    # a photo's line shows a district office; the provincial branch then states its own total:
    # the province's total, filed under the office's province
    ("Hộ cận nghèo thêm cơ hội làm ăn\nẢnh: Giao dịch viên PGD NHCSXH Anh Sơn kiểm tra hồ sơ vay.\n"
     "Tính đến cuối tháng 6/2024, tổng dư nợ tại NHCSXH chi nhánh tỉnh lên tới [[*18.750 tỷ đồng|VND]].", None),
    # the district office's own report, where the provincial branch only gave it capital: its
    # figures stay the district's
    ("Vốn ưu đãi giúp bà con Con Cuông vươn lên\nNăm 2024, Phòng giao dịch NHCSXH huyện Con Cuông được "
     "NHCSXH chi nhánh tỉnh bổ sung [[35 tỷ đồng|VND]] nguồn vốn.\nĐến {{30/6/2025|2025-06-30}}, tổng dư nợ "
     "của Phòng giao dịch đạt [[*640 tỷ đồng|VND]].", "Con Cuông"),
])
def test_a_provincial_branch_named_beside_a_district_office(markup: str, part: str | None) -> None:
    """Who reports when a text names a district office and the provincial branch."""
    obs = observe(markup, lang="vi")
    assert obs is not None and (obs.province, obs.part) == ("Nghệ An", part)


@pytest.mark.parametrize(("day", "province", "boundaries"), [
    # after the merger a district's figures are its new province's ("Tuy An" lay in Phú Yên,
    # now part of Đắk Lắk) ...
    ("{{30/9/2025|2025-09-30}}", "Đắk Lắk", "2025"),
    # ... before it, its old province's
    ("{{30/9/2024|2024-09-30}}", "Phú Yên", "pre-2025"),
])
def test_a_province_told_by_a_district_is_the_one_it_lies_in_at_the_date(day: str, province: str,
                                                                          boundaries: str) -> None:
    obs = observe(f"Tin vốn vay\nĐến {day}, dư nợ của Phòng giao dịch NHCSXH Tuy An đạt [[520 tỷ đồng|VND]].",
                  lang="vi")
    assert obs is not None and (obs.province, obs.boundaries) == (province, boundaries)


def test_a_lead_naming_the_district_office_after_a_headline_naming_the_bank_alone() -> None:
    """A headline naming the province and the bank alone, then a lead naming the bank's district
    office: the district's report, every figure an area part."""
    obs = observe("Hà Tĩnh: vốn Ngân hàng Chính sách xã hội tiếp sức hộ trồng rừng\n"
                  "Ba năm nay, bà con vùng cao ở huyện Hương Khê vay được vốn của Phòng giao dịch Ngân hàng Chính "
                  "sách xã hội huyện Hương Khê (Hà Tĩnh) để trồng keo. Hiện [[4.150 hộ|households]] ở đây còn dư nợ.\n"
                  "Nhiều gia đình có nhà mới. Riêng năm nay có [[*61 học sinh, sinh viên|students]] được vay vốn.",
                  lang="vi")
    assert obs is not None and (obs.province, obs.part_of, obs.part) == ("Hà Tĩnh", "area", "Hương Khê")


def test_the_bank_of_a_city_inside_a_province_is_that_citys_office() -> None:
    """"Ngân hàng Chính sách xã hội thành phố Tam Điệp": a city of Ninh Bình, so its office's
    report, not a provincial branch's (as "thành phố Cần Thơ" would be)."""
    obs = observe("Cho vay nhà ở xã hội tăng mạnh\nNăm 2024, dư nợ của Ngân hàng Chính sách xã hội thành phố "
                  "Tam Điệp đạt [[286 tỷ đồng|VND]] với [[*74 hộ|households]] còn dư nợ.", lang="vi")
    assert obs is not None and (obs.province, obs.part_of, obs.part) == ("Ninh Bình", "area", "Tam Điệp")


@pytest.mark.parametrize(("markup", "facts"), [
    # a study visit to two districts of another province: where the visitors went, not whose
    # total the province's figure is
    ("Tin tổng hợp\nPV\nTheo NHCSXH tỉnh, đến {{30/9/2024|2024-09-30}} dư nợ toàn tỉnh đạt [[*6.400 tỷ đồng|VND]]. "
     "Trước đó, đoàn công tác của tỉnh đã đến học tập kinh nghiệm tại huyện Đức Thọ và huyện Nghi Xuân.",
     (None, None)),
    # one district named, and a figure with no part of its own: the district's
    ("Tin tổng hợp\nPV\nNhiều hộ ở huyện Hương Sơn đã thoát nghèo nhờ vốn vay. Đến nay, tổng dư nợ đạt "
     "[[*410 tỷ đồng|VND]].", ("Hà Tĩnh", "Hương Sơn")),
    ("Policy credit news\nBy staff\nSoft loans from the VBSP keep changing rural lives. Farmers of Yen Thanh "
     "district now raise cattle. Overdue debt there was [[*VND 2 billion|VND]], or [[0.12%|%]] of loans, far lower "
     "than the overdue debt ratio of [[0.3%|%]] of the whole province.", ("Nghệ An", "Yen Thanh")),
    # ... but a figure of the whole province in its clause is the province's
    ("Policy credit news\nBy staff\nSoft loans from the VBSP keep changing rural lives. Farmers of Yen Thanh "
     "district now raise cattle. Overdue debt there was [[VND 2 billion|VND]], or [[0.12%|%]] of loans, far lower "
     "than the overdue debt ratio of [[*0.3%|%]] of the whole province.", ("Nghệ An", None)),
])
def test_a_province_told_only_by_districts_files_no_province_total(markup: str,
                                                                  facts: tuple[str | None, str | None]) -> None:
    obs = observe(markup, lang="vi" if "Tin" in markup else "en")
    assert obs is not None and (obs.province, obs.part) == facts


@pytest.mark.parametrize(("day", "province", "boundaries"), [
    ("{{31/12/2023|2023-12-31}}", "Hà Giang", "pre-2025"),  # before the merger: the district's old province
    ("{{30/9/2025|2025-09-30}}", "Tuyên Quang", "2025"),  # from it on: the province that took it in
])
def test_a_district_report_on_the_merged_provinces_paper_is_its_old_provinces(
        day: str, province: str, boundaries: str) -> None:
    """A district office's report printed by the paper of the province its old province merged
    into (the paper's name and weather bar name the new province, the text only the district):
    a figure dated before 1 July 2025 is the old province's, with its old boundaries."""
    obs = observe("Tuyên Quang, 29°C - 33°C\nBáo Tuyên Quang\nNHCSXH huyện Yên Minh tổng kết hoạt động\n"
                  f"Đến {day}, tổng dư nợ của Phòng giao dịch NHCSXH huyện Yên Minh đạt [[*710 tỷ đồng|VND]].",
                  lang="vi")
    assert obs is not None and (obs.province, obs.boundaries) == (province, boundaries)


def test_a_district_report_on_another_provinces_paper_before_the_merger_keeps_the_papers_province() -> None:
    """Before 1 July 2025 the paper of another province is that province's own, not the merged
    one's: its district story (a visit to a district office) keeps the paper's province."""
    markup = ("Lào Cai, 21°C - 27°C\nBáo Lào Cai\nĐoàn công tác tỉnh Lào Cai làm việc tại huyện Lục Yên\n"
              "Phòng giao dịch NHCSXH huyện Lục Yên đón đoàn công tác. "
              "Đến {{30/6/2024|2024-06-30}}, tổng dư nợ đạt [[*640 tỷ đồng|VND]].")
    before = observe(markup, lang="vi", published=dt.date(2024, 8, 2))
    after = observe(markup, lang="vi", published=dt.date(2025, 10, 26))
    assert before is not None and before.province == "Lào Cai"
    assert after is not None and (after.province, after.boundaries) == ("Yên Bái", "pre-2025")
