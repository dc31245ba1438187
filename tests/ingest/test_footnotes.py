"""Footnotes of the text export reattached to the line breaks they left."""

from __future__ import annotations

import pytest

from chitieu.ingest import Document, read_text
from chitieu.ingest.footnotes import (
    LOW_CONFIDENCE,
    STRONG,
    WEAK,
    Break,
    Note,
    align,
    find_breaks,
)


def test_the_seed_has_73_footnotes_numbered_in_order(seed_document: Document) -> None:
    assert [f.number for f in seed_document.footnotes] == list(range(1, 74))


def test_every_seed_footnote_is_anchored_in_order(seed_document: Document) -> None:
    anchors = [f.anchor_line for f in seed_document.footnotes]
    assert None not in anchors
    assert anchors == sorted(anchors) and len(set(anchors)) == 73


def test_no_seed_match_is_low_confidence(seed_document: Document) -> None:
    assert [f.number for f in seed_document.footnotes if f.confidence < LOW_CONFIDENCE] == []


# Checked by hand: the break's sentence and the footnote speak of the same thing.
@pytest.mark.parametrize(
    ("number", "anchor_line", "footnote_start"),
    [
        (1, 15, "Tốc độ tăng năng suất lao động"),  # "... đô thị hóa" / " và nâng cao năng suất"
        (2, 17, "Năm 2020 lần lượt là"),  # structure 2025, break followed by "."
        (5, 31, "Ước đến cuối năm 2025 có 627 sản phẩm OCOP"),
        (19, 67, "Tỷ lệ đô thị hóa đến năm 2025"),  # "... tăng tốc đô thị hóa"
        (22, 70, "Tỉnh Hưng Yên (cũ) có 23 đô thị"),  # "Toàn tỉnh hiện có 35 đô thị"
        (27, 81, "Ban Thường vụ Tỉnh ủy Hưng Yên (cũ) ban hành Chỉ thị số 15"),
        (55, 182, "Trong 03 năm (2022 - 2024), Thái Bình có 362 chi bộ"),
        (59, 222, "Trong đó, tỉnh Hưng Yên (cũ) kết nạp 7.564"),  # before "), đồng thời"
        (69, 305, "Thái Bình còn 07/20 chỉ tiêu"),
        (70, 365, "Nghị quyết số 57-NQ/TW"),  # "bộ tứ nghị quyết trụ cột"
        (71, 493, "Gồm các khu công nghiệp"),  # inside focus task (2)
        (73, 551, "Tuyến đường Đông - Tây"),
    ],
)
def test_hand_checked_anchors(
    seed_document: Document, number: int, anchor_line: int, footnote_start: str
) -> None:
    footnote = seed_document.footnote(number)
    assert footnote.anchor_line == anchor_line
    assert footnote.text.startswith(footnote_start)


def test_a_break_after_a_full_stop_is_passed_over(seed_document: Document) -> None:
    """Line 175 ends "... làm thay." and 176 starts " Nghị quyết": not an anchor."""
    assert 175 not in {f.anchor_line for f in seed_document.footnotes}


def test_a_footnote_is_located_at_its_first_line(seed_document: Document) -> None:
    assert seed_document.footnote(1).line == 1587
    assert seed_document.footnote(73).line == 1809


def test_continuation_paragraphs_stay_with_their_footnote(seed_document: Document) -> None:
    footnote = seed_document.footnote(17)
    first, second = footnote.text.split("\n")
    assert first.startswith("Đến cuối năm 2025, tỉnh Hưng Yên có 26.55 km đường cao tốc")
    assert second.startswith("Trong giai đoạn 2021 - 2025, tỉnh Hưng Yên (cũ) hoàn thành")


def test_the_anchor_sentence_spans_lines_joined_at_earlier_anchors(
    seed_document: Document,
) -> None:
    assert seed_document.footnote(20).anchor_text == (
        "Hạ tầng đô thị phát triển nhanh cùng với quá trình tăng tốc đô thị hóa"
        " và triển khai các dự án khu đô thị lớn, hiện đại, sinh thái"
    )


def test_an_anchor_forced_by_order_says_so(seed_document: Document) -> None:
    footnote = seed_document.footnote(19)
    assert footnote.confidence >= 0.95
    assert footnote.reason.startswith("thứ tự khớp; trùng từ:")


def test_an_anchor_chosen_among_rivals_is_less_sure(seed_document: Document) -> None:
    footnote = seed_document.footnote(73)  # seven breaks after the last-but-one anchor
    assert LOW_CONFIDENCE <= footnote.confidence < 0.95
    assert footnote.reason.startswith("chọn trong 7 chỗ ngắt dòng")


def test_a_break_followed_by_a_full_stop_is_an_anchor() -> None:
    text = "\n".join(
        [
            "Thu ngân sách đạt 74.432 tỷ đồng",
            ". Chi ngân sách bảo đảm.",
            "\ufffd Trong đó thu nội địa 60.000 tỷ đồng.",
        ]
    )
    footnote = read_text(text).footnote(1)
    assert (footnote.anchor_line, footnote.anchor_text) == (1, "Thu ngân sách đạt 74.432 tỷ đồng")


def test_a_footnote_without_any_break_has_no_anchor() -> None:
    text = "Tăng trưởng nhanh.\n\nThu nhập tăng.\n\ufffd Năm 2025.\n"
    footnote = read_text(text).footnote(1)
    assert (footnote.anchor_line, footnote.confidence) == (None, 0.0)
    assert footnote.reason == "không tìm thấy chỗ neo"


def test_more_footnotes_than_breaks_leaves_the_least_similar_unanchored() -> None:
    notes = [Note(1, "Số bác sỹ trên vạn dân tăng", 10), Note(2, "Tuổi thọ tăng lên 76 tuổi", 11)]
    breaks = [Break(3, STRONG, "tuổi thọ trung bình tăng")]
    footnotes = align(notes, breaks, ["tuổi thọ", "bác sỹ", "tăng"])
    assert [f.anchor_line for f in footnotes] == [None, 3]


def test_similarity_decides_between_two_plain_breaks() -> None:
    notes = [Note(1, "Chỉ số HDI tăng từ 0,724 lên 0,764", 9)]
    breaks = [
        Break(2, STRONG, "Thu nhập của người dân được cải thiện"),
        Break(4, STRONG, "Chỉ số phát triển con người (HDI) được nâng cao"),
    ]
    corpus = [b.context for b in breaks] + ["người dân", "phát triển"]
    (footnote,) = align(notes, breaks, corpus)
    assert footnote.anchor_line == 4
    assert footnote.reason.startswith("chọn trong 2 chỗ ngắt dòng")
    assert footnote.confidence < 0.95


def test_breaks_are_not_looked_for_inside_tables_or_before_headings(
    seed_document: Document,
) -> None:
    texts = [line.text for line in seed_document.lines]
    skip = frozenset(n for t in seed_document.tables for n in range(t.line_start, t.line_end + 1))
    breaks = find_breaks(texts, end=seed_document.body_end, skip=skip)
    lines = {b.line for b in breaks}
    assert 520 not in lines  # next line " 1.2. Đẩy mạnh ..." is a heading
    assert not lines & skip
    unused = [b for b in breaks if b.line not in {f.anchor_line for f in seed_document.footnotes}]
    assert len(breaks) == 82
    assert {b.strength for b in unused} == {WEAK}
