"""The province gazetteer: data cross-checked with vietnamadminunits, the matcher, the resolver."""

from __future__ import annotations

import datetime as dt
import random
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extractor.errors import RuleError
from extractor.folding import fold
from extractor.link.provinces import key_of, load_gazetteer
from extractor.registry.bundle import bundled
from extractor.registry.phrases import caseless

GZ = bundled().gazetteer
find_provinces = GZ.find
BEFORE = dt.date(2024, 6, 30)
AFTER = dt.date(2025, 9, 30)


# --- the data against a maintained source -------------------------------------------------------

vau = pytest.importorskip("vietnamadminunits")


def _units(table: str) -> dict[str, dict[str, str]]:
    """vietnamadminunits' provinces of a table, by province key."""
    from vietnamadminunits.database import get_data

    rows = get_data(fields=["province", "provinceShort", "provinceCode", "provinceKey"], table=table)
    return {r["provinceKey"]: r for r in rows}


def test_counts() -> None:
    assert len(GZ.old) == 63
    assert len(GZ.new) == 34


def test_old_codes_and_names_match_vietnamadminunits() -> None:
    theirs = {r["provinceCode"]: r["provinceShort"] for r in _units("admin_units_legacy").values()}
    assert set(theirs) == set(GZ.old)
    for code, name in theirs.items():
        # The package names the legacy Thừa Thiên Huế by its 2025 name; we keep both.
        assert name == GZ.old[code].name or name in GZ.old[code].aliases, code


def test_new_codes_and_names_match_vietnamadminunits() -> None:
    theirs = {r["provinceCode"]: r["provinceShort"] for r in _units("admin_units").values()}
    assert {c: p.name for c, p in GZ.new.items()} == theirs


def test_old_to_new_map_matches_vietnamadminunits() -> None:
    from vietnamadminunits.converter.converter_2025 import DICT_PROVINCE

    old, new = _units("admin_units_legacy"), _units("admin_units")
    theirs = {old[o]["provinceCode"]: new[n]["provinceCode"] for n, olds in DICT_PROVINCE.items() for o in olds}
    assert {c: p.new for c, p in GZ.old.items()} == theirs


def test_merged_from_is_the_inverse_of_new() -> None:
    for code, unit in GZ.new.items():
        assert sorted(unit.merged_from) == sorted(c for c, p in GZ.old.items() if p.new == code)


def test_no_two_units_share_a_folded_spelling() -> None:
    """Diacritic-insensitive matching is safe only if no folded name names two units."""
    owners: dict[str, str] = {}
    for code, unit in GZ.old.items():
        for name in (unit.name, *unit.aliases):
            assert owners.setdefault(key_of(name), code) == code, name


# --- the matcher -----------------------------------------------------------------------------------

# (text, expected mentions as (code, marked_old)); first the forms the issue lists, then others.
MATCHES = [
    ("Hanoi's outstanding loans", [("01", False)]),
    ("Thành phố Hà Nội và Ha Noi", [("01", False), ("01", False)]),
    ("Ho Chi Minh City, HCMC, TP.HCM and TP HCM", [("79", False)] * 4),
    ("Thua Thien Hue province", [("46", False)]),
    ("Dak Lak and Đắk Lắk and Daklak", [("66", False)] * 3),
    ("Ba Ria - Vung Tau, Bà Rịa – Vũng Tàu, Ba Ria-Vung Tau", [("77", False)] * 3),
    ("Nghe An province, tỉnh Nghệ An, NGHỆ AN", [("40", False)] * 3),
    ("Ninh Binh (old) added; Nam Định (cũ) approved", [("37", True), ("36", True)]),
    ("Nam Dinh province (old) approved", [("36", True)]),
    ("tỉnh Hà Nam cũ, the former Ha Nam province", [("35", True), ("35", True)]),
    ("Hoà Bình và Hòa Bình", [("17", False), ("17", False)]),
    ("Báo Ninh BìnhBáo Ninh Bình26/10/2025", [("37", False), ("37", False)]),
    ("In Hue, the city", [("46", False)]),
    # negatives: common words, personal names, longer names, the Pacific
    ("vì hòa bình và phát triển", []),
    ("bà Nguyễn Thị Huế cho biết", []),
    ("Hanoians invite each other", []),
    ("Thái Bình Dương", []),
    # Hồ Chí Minh as a person's or an organisation's name, no city; the city beside them is one
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh và Hội Nông dân xã", []),
    ("Đoàn TNCS Hồ Chí Minh tỉnh phối hợp", []),
    ("the Ho Chi Minh Communist Youth Union in the district", []),
    ("học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", []),
    ("Chủ tịch Hồ Chí Minh; President Ho Chi Minh", []),
    ("Thành đoàn TP Hồ Chí Minh và Đoàn TNCS Hồ Chí Minh", [("79", False)]),
    ("the Ho Chi Minh City Communist Youth Union", [("79", False)]),
    ("Học viện Chính trị quốc gia Hồ Chí Minh; the Ho Chi Minh National Academy of Politics", []),
    ("Ho Chi Minh Thought and Ho Chi Minh's thought", []),
    # … while the national university in the city names the city
    ("Đại học Quốc gia Hồ Chí Minh", [("79", False)]),
    ("Nghe Anh is a name", []),
    # a province's name ending a personal name: a family name or a title opens it
    ("Lo Van Ha Nam, chairman of the commune, said", []),
    ("Bà Phạm Thị Hà Tĩnh cho biết", []),
    ("Mr. Kha Quang Binh chaired the meeting", []),
    ("đồng chí Vi Ninh Bình phát biểu", []),
    # near misses: capitalised words that open no name, a name followed by its place
    ("To Thai Binh, the bank sent staff", [("34", False)]),
    ("VBSP Thai Binh lent more", [("34", False)]),
    ("Tại Hà Nội và Ninh Bình", [("01", False), ("37", False)]),
    ("the family of Vo Thi Lan in Thai Binh", [("34", False)]),
    ("ông Lương Văn Tú ở Hà Tĩnh", [("42", False)]),
    # a word that folds to a family name is none in a text that writes its tones ("Do": because)
    ("Do Hà Tĩnh có nhiều hộ nghèo", [("42", False)]),
    # a family name that is also an everyday word ("Mai": tomorrow) needs a middle name or a title
    ("Mai Quảng Bình khai mạc hội chợ việc làm", [("44", False)]),
    ("Ngày mai Thái Bình tổng kết tín dụng", [("34", False)]),
    ("Kế hoạch tuần:\n- Mai Nghệ An sẽ tổng kết tín dụng", [("40", False)]),
    # Anywhere but a sentence's start it is the family name (after a job title the list lacks too).
    ("Giám đốc Mai Thanh Hóa cho biết", []),
    ("Deputy Director Mai Thanh Hoa said", []),
    ("Chị Mai Thị Hà Nam cho biết", []),
    ("ông Mai Ninh Bình phát biểu", []),
]


@pytest.mark.parametrize(("text", "expected"), MATCHES)
def test_matcher(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(m.code, m.marked_old) for m in find_provinces(text)] == expected


def test_mention_offsets_point_at_the_text() -> None:
    text = "Previously, Nam Dinh province (old) approved the Project"
    (m,) = find_provinces(text)
    assert text[m.start : m.end] == m.text == "Nam Dinh province (old)"


def test_matches_are_those_of_the_whole_matcher_tried_everywhere() -> None:
    """The look-out for starts only skips places where the matcher cannot match."""
    from extractor.evaluation import load_gold

    odd = ["TỈNH NGHỆ AN và tp.hcm, T.P. Hồ Chí Minh; thành phố Hà Nội", "ſon La, SƠN LA, İa Grai, Nghe Anh",
           "Province of Lao Cai — Lào Cai province (old), Ha  -  Nam, Thái Bình Dương, hoà bình"]
    texts = odd + [case.text() for case in load_gold(Path(__file__).resolve().parents[1] / "corpus" / "gold")]
    for text in texts:
        folded = fold(text)
        found = [m.span() for m in GZ._matches(folded, caseless(folded))]
        assert found == [m.span() for m in GZ._pattern.finditer(folded)]
        stops = re.compile(GZ._stop.pattern, re.IGNORECASE) if GZ._stop else None
        if stops:
            assert [m.span() for m in GZ._stop.finditer(caseless(folded))] == [m.span() for m in stops.finditer(folded)]


def test_every_key_is_ascii() -> None:
    """The look-out for starts and the stop phrases run case-sensitively over the folded text in
    lower case: that finds what ignoring case finds only for ASCII keys."""
    keys = [*GZ.by_key, *map(key_of, GZ.model.affixes.prefixes), *map(key_of, GZ.model.stopphrases)]
    assert all(key.isascii() for key in keys)


def test_fold_is_the_letter_by_letter_fold() -> None:
    text = "Đắk Lắk – “Thừa Thiên Huế” ª ß Ø 𝔸 Hoà"
    assert fold(text) == "".join(fold(ch) for ch in text) == "Dak Lak – “Thua Thien Hue” ª ß Ø 𝔸 Hoa"


def test_outlet_host_names_a_province() -> None:
    assert GZ.in_compact("baoninhbinh.org.vn") == ["37"]
    assert GZ.in_compact("vietnam.vn") == []


@given(st.text(alphabet="aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ ĐÁ"))
def test_fold_keeps_length(text: str) -> None:
    folded = fold(text)
    assert len(folded) == len(text)
    assert folded.isascii()


# --- resolving a mention at a date ------------------------------------------------------------------

RESOLVE = [
    # (old code, date, marked old, name, boundaries, rule id)
    ("40", BEFORE, False, "Nghệ An", "pre-2025", "date"),
    ("40", AFTER, False, "Nghệ An", "2025", "date"),
    ("37", AFTER, False, "Ninh Bình", "2025", "date"),
    ("37", AFTER, True, "Ninh Bình", "pre-2025", "old-marker"),
    ("36", AFTER, False, "Nam Định", "pre-2025", "merged-away"),
    ("36", BEFORE, False, "Nam Định", "pre-2025", "date"),
    ("46", BEFORE, False, "Thừa Thiên Huế", "pre-2025", "date"),
    ("46", AFTER, False, "Huế", "2025", "date"),
    ("72", AFTER, False, "Tây Ninh", "2025", "date"),  # keeps its name, takes Long An's code
    ("80", AFTER, False, "Long An", "pre-2025", "merged-away"),
    ("40", None, False, "Nghệ An", None, "no-date"),
    # Undated: a province merged into one of another name is the old area; one that goes on is either.
    ("36", None, False, "Nam Định", "pre-2025", "no-date:merged-away"),
    ("46", None, False, "Thừa Thiên Huế", None, "no-date"),
]


@pytest.mark.parametrize(("code", "on", "old", "name", "boundaries", "rule"), RESOLVE)
def test_resolve(code: str, on: dt.date | None, old: bool, name: str, boundaries: str | None, rule: str) -> None:
    place = GZ.resolve(code, on=on, marked_old=old)
    assert (place.name, place.boundaries, place.rule) == (name, boundaries, rule)


@pytest.mark.parametrize("rule", ["date", "old-marker", "merged-away", "no-date"])
def test_resolve_rule_has_examples(rule: str) -> None:
    """Meta: each resolve rule decides one row and, for the same unit, fails to decide another."""
    positive = [r for r in RESOLVE if r[-1] == rule]
    negative = [r for r in RESOLVE if r[-1] != rule and r[0] in {p[0] for p in positive}]
    assert positive and negative


# --- the loader -----------------------------------------------------------------------------------

GOOD = Path(__file__).resolve().parents[1] / "rules" / "provinces.yaml"


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    text = GOOD.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "provinces.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_bad_entries_are_all_reported_with_lines(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'code: "04", name: Cao Bằng', 'code: "4", name: Cao Bằng, colour: red')
    with pytest.raises(RuleError) as err:
        load_gazetteer(path)
    line = _line_of(path, "colour: red")
    assert len(err.value.problems) == 2
    assert all(p.startswith(f"provinces.yaml:{line}:") or f"provinces.yaml:{line}:" in p for p in err.value.problems)


def test_broken_map_is_reported(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'name: Nghệ An, type: province, new: "40"', 'name: Nghệ An, type: province, new: "42"')
    with pytest.raises(RuleError) as err:
        load_gazetteer(path)
    line = _line_of(path, "name: Nghệ An, type: province, new")
    assert any(f":{line}:" in p and "does not list 40" in p for p in err.value.problems)


def test_a_personal_name_of_more_syllables_at_least_than_at_most_is_reported(tmp_path: Path) -> None:
    path = _broken(tmp_path, "syllables: {least: 3, most: 4}", "syllables: {least: 4, most: 3}")
    with pytest.raises(RuleError) as err:
        load_gazetteer(path)
    line = _line_of(path, "syllables: {least: 4")
    assert any(f"provinces.yaml:{line}:" in p and "fewer than least" in p for p in err.value.problems)


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _broken(tmp_path, 'code: "04", name: Cao Bằng', 'code: "04", name: [Cao Bằng')
    with pytest.raises(RuleError) as err:
        load_gazetteer(path)
    assert "provinces.yaml:" in err.value.problems[0]
    assert "YAML syntax" in err.value.problems[0]


@pytest.mark.parametrize(("text", "speaks"), [
    ("Sau khi thực hiện chính quyền địa phương hai cấp, phòng giao dịch vẫn giữ các điểm giao dịch.", True),
    ("Since the two-level local government took over, the office has kept its schedule.", True),
    ("Chinh quyen dia phuong 2 cap da van hanh tu dau thang.", True),
    # near misses: a commune merger of old, a bank's merger, levels of something else
    ("Năm 2020, hai xã sáp nhập thành một xã mới.", False),
    ("After the merger of two banks, the lender grew.", False),
    ("Chính quyền các cấp đã vào cuộc.", False),
    # a sentence that looks ahead to the merger or prepares for it speaks from before it
    ("Để chuẩn bị cho chính quyền địa phương hai cấp, phòng giao dịch rà soát lại sổ sách.", False),
    ("The branch will adapt its schedule once the two-level local government starts.", False),
    ("Ahead of the two-tier local government, the office reviewed its network.", False),
    ("Hội nghị sẽ bàn cách vận hành chính quyền 2 cấp. Từ tháng 8, chính quyền 2 cấp đi vào nề nếp.", True),
])
def test_speaks_after_merger(text: str, speaks: bool) -> None:
    assert GZ.speaks_after_merger(text) is speaks


def test_post_merger_cues_are_found_as_in_the_rewritten_text() -> None:
    """The cue search over the folded text finds a cue wherever the search it replaced did, over
    the text with each run of spaces and dashes rewritten to one space: seeded texts of cue
    words, near misses and joins of spaces, dashes and letters."""
    keys = sorted({key_of(c) for c in GZ.model.post_merger_cues}, key=len, reverse=True)
    rewritten = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)")
    words = ["Chính", "quyền", "Hai", "cấp", "x", "2025", "levels", "tỉnh", "of"]
    joins = [" ", "  ", "-", " – ", "—", "\n", "\u00a0", "", ".", ",", "s "]
    rng, found = random.Random(42), 0
    for _ in range(3000):
        cue = rng.choice(GZ.model.post_merger_cues).split()
        cue[rng.randrange(len(cue))] = rng.choice([*words, *cue])  # sometimes a near miss
        parts = [rng.choice(words), *cue, rng.choice(words)][rng.randint(0, 1) : rng.randint(len(cue), len(cue) + 2)]
        text = "".join(word + rng.choice(joins) for word in parts)
        expected = rewritten.search(re.sub(r"[\s\-–—]+", " ", fold(text).lower())) is not None
        assert (GZ._post_merger.search(" " + fold(text).lower()) is not None) is expected, text
        found += expected
    assert found > 20  # the texts hold cues, not only near misses
