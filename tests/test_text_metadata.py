"""Plain-text metadata: the title and a publication date the text itself states."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest

from extractor.errors import InputError
from extractor.nlp.language import WORD, detect
from extractor.parse import text as text_module
from extractor.registry.bundle import bundled

RULES = bundled().text


def read_metadata(text: str) -> text_module.TextDocument:
    return text_module.read_metadata(text, RULES)


def read_text(raw: bytes, *, source: str) -> text_module.TextDocument:
    return text_module.read_text(raw, source=source, rules=RULES)

GOLD = Path(__file__).resolve().parent.parent / "corpus" / "gold"


@pytest.mark.parametrize(("text", "published"), [
    ("Title here\n\nJune 17, 2021 | 21:51\nBody text about loans.", dt.date(2021, 6, 17)),
    ("Outlet.vn - Banner\n\nTitle\n\nBáo Ninh BìnhBáo Ninh Bình26/10/2025\n\nBody.", dt.date(2025, 10, 26)),
    ("Tiêu đề\nThứ Bảy, 26/10/2025 - 07:30\nNội dung.", dt.date(2025, 10, 26)),
    ("Title\nBody cites Directive 40 issued on November 22, 2014, by the Secretariat of the Party Central "
     "Committee in Hanoi.", None),
    ("Title\nBody.\nSource: https://news.example.vn/2024/07/12/article.html", dt.date(2024, 7, 12)),
    ("Title\nJuly 20, 2024 - The Nghe An branch of the bank reported its half-year results.", dt.date(2024, 7, 20)),
    ("Tiêu đề\nHÀ NỘI, 26/10/2025 – Ngân hàng Chính sách xã hội tổ chức hội nghị tổng kết.", dt.date(2025, 10, 26)),
    ("Title\nThe plan was approved on July 20, 2024 - a key step for the bank and the province.", None),
    # a first line that is a body sentence opening with the day of an event: no stamp
    ("Ngày 14/03/2022 Ủy ban nhân dân tỉnh đã ban hành Kế hoạch số 55/KH-UBND về việc nâng cao chất lượng "
     "tín dụng chính sách xã hội trên địa bàn, giao Ngân hàng Chính sách xã hội tỉnh chủ trì thực hiện.\nNội dung.",
     None),
    # near misses: a stored excerpt's stamp, and a short line of a page's date
    ("date 2024-05-07 Huyện Yên Thành giải ngân vốn vay cho hộ nghèo, hộ cận nghèo và các đối tượng chính sách "
     "khác trên địa bàn trong năm.\nNội dung.", dt.date(2024, 5, 7)),
    ("Tiêu đề\nNgày 14/03/2022\nNội dung.", dt.date(2022, 3, 14)),
])
def test_publication_date(text: str, published: dt.date | None) -> None:
    assert read_metadata(text).published == published


@pytest.mark.parametrize(("text", "published"), [
    # a site's bar with today's date comes first; the article's stamp after the headline is its own
    ("Chủ Nhật, 14/09/2025 07:12 GMT+7\n\nVốn vay cho hộ nghèo\n\n02/03/2021 | 16:40\n\nNội dung.",
     dt.date(2021, 3, 2)),
    ("Monday, 5/5/2025\nLoans for students\nThursday, 11/12/2023 - 08:05\nBody.", dt.date(2023, 12, 11)),
    # … the first such stamp, not the earliest: a list of related news further down is no header
    ("Thứ Sáu, 06/03/2026 09:00 GMT+7\nTín dụng cho thanh niên\n21/01/2026 - 07:45\nTin khác:\n"
     "Hội nghị tổng kết 04/11/2022 11:20\nNội dung.", dt.date(2026, 1, 21)),
    # a first date that is no site's bar is the article's: later stamps do not replace it
    ("Loans for students\n11/12/2023 08:05\nUpdated: 12/12/2023 09:10\nBody.", dt.date(2023, 12, 11)),
    ("Vốn cho làng nghề\n07/04/2025 15:20\nĐọc thêm: 30/11/2023 10:05\nNội dung.", dt.date(2025, 4, 7)),
    ("Vốn cho làng nghề\n07/04/2025 15:20\nBài đã đăng lần đầu 19/08/2017 - 06:30 trên ấn phẩm giấy.\nNội dung.",
     dt.date(2025, 4, 7)),
    ("Tin vùng cao\nLast edited: 9/9/2024 17:00\nThe forum started at 7:30 on 2/9/2024 in Son La.\nBody.",
     dt.date(2024, 9, 9)),
    ("Upland news\nNovember 3, 2025\nDelegates met on June 12, 2023 10:40 in Dien Bien.\nBody.",
     dt.date(2025, 11, 3)),
    # a later date without a clock time (a document cited in a short line) is no stamp
    ("Tiêu đề\n20/11/2024 09:30\nQuyết định ngày 3/4/2019\nNội dung.", dt.date(2024, 11, 20)),
    # a ratio is no clock: after a site's bar only a date with its time right after it is a stamp
    ("Thứ Hai, 2/3/2026\nTin tín dụng\nVay theo tỷ lệ 1:12 từ năm 2018, ngày 6/5/2018\nNội dung.",
     dt.date(2026, 3, 2)),
    # an authors' byline with the date and time (dateparser alone reads a name before the month
    # as a year), a stamp run on between a headline and its lead
    ("Society\nNew loans reach upland farms\nThu Ha - Van Nam June 2, 2022 16:05\nBody.", dt.date(2022, 6, 2)),
    ("Ưu đãi vốn cho hộ trồng rừng ở vùng cao07/10/2021 - 08:15:40 Tháng này, huyện giải ngân "
     "thêm cho các tổ vay vốn.\nNội dung.", dt.date(2021, 10, 7)),
    # after a site's bar, a link to another story or a stamp closing a body line is no header's:
    # the bar's date stands
    ("Thứ Ba, 08/07/2025 10:05 GMT+7\nVốn cho hộ nuôi ong\nXem thêm: Lạng Sơn giải ngân vốn "
     "(12/03/2022 09:40)\nNội dung.", dt.date(2025, 7, 8)),
    ("Saturday, 8/11/2025\nBee farms get loans\nRelated: Loans for fishers 3/4/2021 07:15\nBody.",
     dt.date(2025, 11, 8)),
    ("Thứ Ba, 08/07/2025 10:05 GMT+7\nVốn cho hộ nuôi ong\nCuối tháng 6, dư nợ của phòng giao dịch đạt "
     "412 tỷ đồng, tăng 18 tỷ đồng so với đầu năm, với hơn 9.300 hộ còn dư nợ tại 14 xã và thị trấn "
     "trên địa bàn, theo báo cáo ngày 30/06/2025 15:00\nNội dung.", dt.date(2025, 7, 8)),
    ("Thứ Ba, 08/07/2025 10:05 GMT+7\nVốn cho hộ nuôi ong\nNăm nay, dư nợ của phòng giao dịch đạt 412 tỷ "
     "đồng với hơn 9.300 hộ còn dư nợ tại 14 xã và thị trấn trên địa bàn huyện miền núi này.\n"
     "Lên lịch: 02/01/2024 14:10\nNội dung.", dt.date(2025, 7, 8)),
    # with no date line, a clock stamp in the body (below its first long line) is an event's date
    ("Vốn cho hộ nuôi ong\nNăm nay, dư nợ của phòng giao dịch đạt 412 tỷ đồng với hơn 9.300 hộ còn dư nợ "
     "tại 14 xã và thị trấn trên địa bàn huyện miền núi này, tăng mạnh so với đầu năm.\n"
     "Hội nghị tổng kết của phòng giao dịch khai mạc 18/11/2024 - 8:30 tại hội trường của xã vùng cao "
     "này.\nNội dung.", None),
])
def test_publication_date_among_several_stamps(text: str, published: dt.date | None) -> None:
    assert read_metadata(text).published == published


def test_title_skips_the_outlet_banner() -> None:
    meta = read_metadata("Vietnam.vn - Nền tảng quảng bá Việt Nam\n\nNinh Binh: solutions\nBody.")
    assert meta.title == "Ninh Binh: solutions"


def test_windows_line_ends_and_nfd_are_normalised() -> None:
    doc = read_text("Tie\u0302u \u0111e\u0302\u0300\r\nNo\u0302\u0323i dung.".encode(), source="x.txt")
    assert doc.text == "Tiêu đề\nNội dung." and doc.title == "Tiêu đề"


def test_empty_file_is_an_input_error() -> None:
    with pytest.raises(InputError, match=r"empty\.txt"):
        read_text(b"   \n", source="empty.txt")


@pytest.mark.parametrize(("text", "lang"), [
    ("Tổng dư nợ của Ngân hàng Chính sách xã hội tỉnh đạt 13.374 tỷ đồng, tăng 7,52% so với cuối năm.", "vi"),
    ("The total outstanding loans of the VBSP branch reached VND 13,374 billion by June 30.", "en"),
    ("Ms. Nguyễn Thị Như of Hải Xuân commune received a loan from the bank and expanded her farm.", "en"),
])
def test_language_detection(text: str, lang: str) -> None:
    assert detect(text, bundled().language)[0] == lang


def test_function_words_are_counted_as_each_word_lower_cased_is_looked_up() -> None:
    # Counted by a set intersection over the distinct lower-cased words: the same counts as
    # looking every word up, on invented texts of function words in odd cases.
    cues = bundled().language
    pool = [*sorted(cues.vi)[:40], *sorted(cues.en)[:40], "İn", "THE", "Và", "ſo", "ẞ", "x1y", "hộ"]
    rng = random.Random(39)
    for _ in range(300):
        words = [rng.choice(pool) for _ in range(rng.randint(0, 30))]
        text = " ".join(w.upper() if rng.random() < 0.2 else w for w in words)
        found = WORD.findall(text)
        vi = sum(w.lower() in cues.vi for w in found)
        en = sum(w.lower() in cues.en for w in found)
        assert detect(text, cues)[1].startswith(f"function words vi={vi} en={en};"), text


def test_diacritic_share_counts_every_marked_letter() -> None:
    # Words are runs of letters (no digits, no "_"): đđđ ab é x a b, 9 letters. Marked: the
    # three "đ" (a Vietnamese letter without a decomposition) and "é" (a letter with one).
    # No function word either side: the share decides.
    lang, evidence = detect("đđđ ab é x 123 a_b", bundled().language)
    assert (lang, evidence) == ("vi", "function words vi=0 en=0; diacritic letters 44%")


def test_diacritic_share_counts_out_unmarked_letters_beyond_ascii() -> None:
    # "ß" and "ø" lie beyond ASCII without a decomposition: letters, not marked ones. Letters
    # here: ßøé ab đx, 7; marked: é and đ, 2 of 7 (29%); with "x" a Vietnamese letter, 3 (43%).
    cues = bundled().language
    assert detect("ßøé ab đx", cues)[1] == "function words vi=0 en=0; diacritic letters 29%"
    ascii_letter = cues.model_copy(update={"vi_letters": cues.vi_letters + "x"})
    assert detect("ßøé ab đx", ascii_letter)[1] == "function words vi=0 en=0; diacritic letters 43%"


# --- dateparser reads each candidate once, and only where the date is used ---


@pytest.fixture
def dateparser_calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The strings dateparser is asked to search, with the readings of earlier tests forgotten."""
    from extractor.parse import dates

    calls: list[str] = []
    search = dates.search_dates

    def counted(text: str, **options: object) -> object:
        calls.append(text)
        return search(text, **options)  # type: ignore[arg-type]

    dates.stated_date.cache_clear()
    monkeypatch.setattr(dates, "search_dates", counted)
    return calls


def test_a_date_line_is_read_once(dateparser_calls: list[str]) -> None:
    from extractor.parse import load_bytes

    loaded = load_bytes(registry=bundled(), raw=b"Title\n\n12 June 2021\n\nThe bank lent more.",
                        source="dated.txt")
    assert loaded.published == dt.date(2021, 6, 12) and dateparser_calls == ["12 June 2021"]


def test_an_undated_text_reads_each_line_once(dateparser_calls: list[str]) -> None:
    from extractor.parse import load_bytes

    raw = b"Outstanding loans grew by 9.6% in 2018\n\nThe bank lent more in 2018."
    loaded = load_bytes(registry=bundled(), raw=raw, source="undated.txt")
    assert loaded.published is None and sorted(dateparser_calls) == sorted(set(dateparser_calls))


def test_an_html_page_body_is_not_read_for_a_date(dateparser_calls: list[str]) -> None:
    from extractor.parse import load_bytes

    story = "".join(f"<p>In {2010 + i} the bank lent {i} billion VND to poor households of the "
                    "province, and its overdue debt fell again.</p>" for i in range(6))
    page = f"<html><body><h1>Policy credit</h1><article><p>12/7/2024</p>{story}</article></body></html>"
    loaded = load_bytes(registry=bundled(), raw=page.encode(), source="page.html")
    assert loaded.published is None and "12/7/2024" in loaded.text and dateparser_calls == []


@pytest.mark.parametrize(("text", "published"), [
    # a closing source stamp with a day and a month: the year is the one reporting year the text names
    ("Credit for the poor\nIn the first half of 2019 the bank lent more than in 2018.\n"
     "(Source: news.example.vn, Aug 9)",
     dt.date(2019, 8, 9)),
    ("Credit for the poor\nAt the end of June 2021 loans had grown 4% against the end of 2020. "
     "(http://news.example.vn/ Oct 4)", dt.date(2021, 10, 4)),
    ("Credit for the poor\nIn 2019 the bank set goals to reach by 2030.\n(VNA Mar 9)", dt.date(2019, 3, 9)),
    # no year, or a year that is a start, a plan's, a span's end: unknown
    ("Credit for the poor\nThe bank lent more this spring.\n(Source: news.example.vn, Mar 9)", None),
    ("Credit for the poor\nFounded in 2003, the Lang Son branch now lends to 40,000 families.\n(VNA Sep 14)", None),
    ("Credit for the poor\nIn 2021 the branch lent VND 800 billion; in 2022 it aims at VND 900 billion.\n(VNA Feb 3)",
     None),
    ("Credit for the poor\nThe plan for the 2021 - 2025 period is on track. By the end of May, loans grew.\n"
     "(Source: news.example.vn, Jun 20)", None),
    # a stamp month before a month the text names: a review of the year before, its year unknown
    ("Credit for the poor\nIn 2022 the branch lent more. By December 31, loans reached VND 7,000 billion.\n(VNA Jan 5)",
     None),
    # a stamp early in the year on a text naming its year but no month: the year's review, year unknown
    ("Credit for the poor\nIn 2023 the Yen Bai office lent VND 640 billion to 12,500 families; its debt is now "
     "VND 3,150 billion.\n(VNA Feb 2)", None),
    # a month named up to the stamp's keeps the year
    ("Credit for the poor\nIn January 2023 the Yen Bai office lent VND 64 billion to 1,250 families.\n(VNA Feb 2)",
     dt.date(2023, 2, 2)),
    # a bracket closing a body sentence is no source stamp; a bracket inside the text or with no month
    ("Credit for the poor\nIn 2020 loans rose, and the new rate applies (from Sep 1).", None),
    ("Credit for the poor\nIn 2018 loans rose (Mar 9) and more.\nThe bank said so.", None),
    ("Credit for the poor\nIn 2018 loans rose.\n(Source: VNA)", None),
])
def test_publication_date_from_a_closing_source_stamp(text: str, published: dt.date | None) -> None:
    assert read_metadata(text).published == published
