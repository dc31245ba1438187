"""The results table reproduces the document's Phụ lục 1A/1B cell by cell."""

from __future__ import annotations

import pytest

from chitieu.assess.audit import audit_terms
from chitieu.catalog.model import Catalogue, PastTerm
from chitieu.ingest import Document
from chitieu.ingest.codes import group_code
from chitieu.quantity import format_number, parse_number
from chitieu.reports.model import ResultsTable, RowKind
from chitieu.reports.results import results_from_catalogue, results_table
from tests.reports.appendix import TABLES, ambiguous, printed_rows

LABELS = sorted(TABLES)


def _table(catalogue: Catalogue, label: str) -> ResultsTable:
    return results_from_catalogue(catalogue, TABLES[label])


def _term(catalogue: Catalogue, label: str) -> PastTerm:
    return next(t for t in catalogue.past_terms if t.code == TABLES[label])


@pytest.mark.parametrize("label", LABELS)
def test_one_report_row_per_printed_row_group_rows_in_place(
    catalogue: Catalogue, document: Document, label: str
) -> None:
    printed = printed_rows(document, label)
    rows = _table(catalogue, label).rows
    assert [p.group for p in printed] == [r.kind is RowKind.GROUP for r in rows]


@pytest.mark.parametrize("label", LABELS)
def test_data_rows_print_stt_name_unit_target_and_official_word_as_the_document(
    catalogue: Catalogue, document: Document, label: str
) -> None:
    pairs = zip(printed_rows(document, label), _table(catalogue, label).rows, strict=True)
    for printed, row in pairs:
        if printed.group:
            continue
        stt, name, unit, target, _, official = printed.cells
        assert (row.stt, row.name, row.unit, row.target_text, row.assessment) == (
            stt,
            name,
            unit,
            target,
            official,
        ), f"dòng {printed.line}"


@pytest.mark.parametrize("label", LABELS)
def test_results_print_as_the_document_except_an_ambiguous_cell(
    catalogue: Catalogue, document: Document, label: str
) -> None:
    pairs = zip(printed_rows(document, label), _table(catalogue, label).rows, strict=True)
    for printed, row in pairs:
        if not printed.group and not ambiguous(printed.cells[4]):
            assert row.result_text == printed.cells[4], f"dòng {printed.line}"


def test_an_ambiguous_result_prints_a_reading_and_a_note_with_the_source_text(
    catalogue: Catalogue, document: Document
) -> None:
    table = _table(catalogue, "1A")
    pairs = zip(printed_rows(document, "1A"), table.rows, strict=True)
    found = [(p, r) for p, r in pairs if not p.group and ambiguous(p.cells[4])]
    assert found, "Phụ lục 1A has the ambiguous cell 328,096"
    for printed, row in found:
        readings = {format_number(r.value) for r in parse_number(printed.cells[4]).readings}
        assert row.result_text in readings
        assert row.footnote is not None
        note = table.notes[row.footnote - 1]
        assert f"“{printed.cells[4]}”" in note and f"dòng {printed.line}" in note


@pytest.mark.parametrize("label", LABELS)
def test_a_disagreeing_row_keeps_the_official_word_and_notes_the_computed_one(
    catalogue: Catalogue, label: str
) -> None:
    table = _table(catalogue, label)
    audit = audit_terms([_term(catalogue, label)])
    by_name = {(r.stt, r.name): r for r in table.rows if r.kind is not RowKind.GROUP}
    for checked in audit.disagreements():
        row = by_name[(checked.stt, checked.indicator)]
        assert row.assessment == checked.official
        assert row.footnote is not None
        assert f"hệ thống: {checked.computed_label}" in table.notes[row.footnote - 1]


def test_rows_that_agree_have_no_note(catalogue: Catalogue) -> None:
    table = _table(catalogue, "1B")
    assert all(row.footnote is None for row in table.rows if row.result_text != "")
    assert table.notes == ()


def test_group_rows_of_1a_print_the_document_numerals_and_names(
    catalogue: Catalogue, document: Document
) -> None:
    printed = [p.cells[:2] for p in printed_rows(document, "1A") if p.group]
    rows = [(r.stt, r.name) for r in _table(catalogue, "1A").rows if r.kind is RowKind.GROUP]
    assert rows == printed


def test_group_rows_of_1b_name_the_same_groups(catalogue: Catalogue, document: Document) -> None:
    """The catalogue keeps only the code of a group it does not list (docs/reports.md)."""
    printed = [p.cells[:2] for p in printed_rows(document, "1B") if p.group]
    rows = [(r.stt, r.name) for r in _table(catalogue, "1B").rows if r.kind is RowKind.GROUP]
    assert [(s, group_code(n)) for s, n in rows] == [(s, group_code(n)) for s, n in printed]


def test_trong_do_rows_and_sub_rows_are_told_apart(catalogue: Catalogue) -> None:
    kinds = {(r.name, r.kind) for r in _table(catalogue, "1A").rows}
    assert ("Trong đó hoàn thành xuất sắc nhiệm vụ", RowKind.TRONG_DO) in kinds
    assert ("Thu nội địa", RowKind.SUB) in kinds
    assert ("Kết nạp đảng viên mới", RowKind.INDICATOR) in kinds


def test_result_numbers_are_kept_beside_their_text(catalogue: Catalogue) -> None:
    for row in _table(catalogue, "1A").rows:
        if row.result_value is not None:
            assert format_number(row.result_value) == row.result_text


def test_an_unknown_term_code_says_which_exist(catalogue: Catalogue) -> None:
    with pytest.raises(KeyError, match="hung_yen_cu_2020_2025"):
        results_from_catalogue(catalogue, "khong_co")


def test_a_term_without_groups_has_no_group_rows(catalogue: Catalogue) -> None:
    from dataclasses import replace

    term = _term(catalogue, "1B")
    plain = replace(term, rows=tuple(replace(r, group=None) for r in term.rows))
    assert all(r.kind is not RowKind.GROUP for r in results_table(plain).rows)
