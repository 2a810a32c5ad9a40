"""Fixture articles for the web tests and benches, and a database built from them plus the seeds.

Written for these tests (not real news): a Vietnamese and an English article about Nghệ An that
agree with the first seed on outstanding loans and disagree with each other, a Hà Nội article with
values at three dates (a chart with a line), an article whose title and body carry HTML and
script that every page must show as inert text, and the three old provinces that became Ninh Bình in
2025 at one date (a roll-up).
"""

from __future__ import annotations

from pathlib import Path

from extractor.pipeline.batch import ingest_paths
from extractor.registry.bundle import bundled
from extractor.store import connect

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "corpus" / "seeds"
ARTICLES: dict[str, str] = {
    '10_nghe_an_vi.txt': (
        'Nghệ An: tín dụng chính sách tiếp sức cho hộ nghèo\n'
        'Ngày 15/7/2024, Ngân hàng Chính sách xã hội tỉnh Nghệ An tổ chức hội nghị sơ kết 6 tháng đầu năm.\n'
        '\n'
        'Tính đến 30/6/2024, tổng dư nợ của Nghệ An đạt 13.357 tỷ đồng, với 234.414 hộ còn dư nợ. '
        'Doanh số cho vay 6 tháng đầu năm đạt 2.150 tỷ đồng.\n'
        '\n'
        'Tỷ lệ nợ quá hạn chỉ chiếm 0,18% tổng dư nợ.\n'
    ),
    '11_nghe_an_other.txt': (
        'Nghe An social policy credit: half-year review\n'
        'July 20, 2024 - The Nghe An branch of the Vietnam Bank for Social Policies reported its half-year '
        'results.\n'
        '\n'
        'As of June 30, 2024, total outstanding loans of Nghe An reached VND 13,400 billion, and the overdue '
        'debt ratio was 0.18%.\n'
        '\n'
        'By the end of 2023, outstanding loans in Nghe An had reached VND 12,900 billion.\n'
    ),
    '12_ha_noi.txt': (
        'Hanoi expands policy credit for poor households\n'
        'January 10, 2025 - The Hanoi branch of the Vietnam Bank for Social Policies reviewed 2024.\n'
        '\n'
        'By the end of 2022, outstanding loans in Hanoi reached VND 14,100 billion. '
        'By the end of 2023, outstanding loans in Hanoi reached VND 15,020 billion.\n'
        '\n'
        'As of December 31, 2024, total outstanding loans of Hanoi reached VND 16,250 billion, '
        'with 98,500 households still having outstanding loans. The overdue debt ratio was 0.05%.\n'
    ),
    '13_script.txt': (
        'Quảng Trị <script>alert("title")</script> policy credit\n'
        'June 5, 2024 - <img src=x onerror=alert(1)> Report from Quang Tri.\n'
        '\n'
        'As of May 31, 2024, total outstanding loans of Quang Tri reached VND 5,210 billion '
        '<script>alert("body")</script> and <b onmouseover=alert(2)>bold</b> text.\n'
    ),
    '14_red_river.txt': (
        'Red River Delta provinces review policy credit\n'
        'January 8, 2025 - Branches of the Vietnam Bank for Social Policies in three provinces reported their '
        '2024 results.\n'
        '\n'
        'As of December 31, 2024, total outstanding loans of Ninh Binh reached VND 5,100 billion.\n'
        '\n'
        'As of December 31, 2024, total outstanding loans of Nam Dinh reached VND 6,200 billion.\n'
        '\n'
        'As of December 31, 2024, total outstanding loans of Ha Nam reached VND 4,300 billion.\n'
    ),
}
HOSTILE = "13_script.txt"


def write_articles(folder: Path) -> Path:
    """The fixture articles as .txt files in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def build_database(path: Path) -> Path:
    """A database filled by ingesting the seeds and the fixture articles through the real pipeline."""
    conn = connect(path)
    try:
        report = ingest_paths(conn, [SEEDS, write_articles(path.parent / "articles")], registry=bundled())
    finally:
        conn.close()
    if report.failures:
        raise RuntimeError(f"fixture ingest failed: {report.failures}")
    return path
