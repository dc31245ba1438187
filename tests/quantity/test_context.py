"""Context settles an ambiguous number, or says it cannot; it never picks silently."""

from __future__ import annotations

from decimal import Decimal

from chitieu.quantity import NumberContext, parse_number, resolve_number

D = Decimal
AMBIGUOUS = parse_number("328,096")


def test_the_target_magnitude_picks_the_thousands_reading_and_says_why() -> None:
    """1A row 4: target 250.000 tỷ đồng, result 328,096 -> 328096."""
    resolution = resolve_number(AMBIGUOUS, NumberContext(expected=D(250000)))
    assert resolution.value == D(328096)
    assert resolution.chosen is not None and resolution.chosen.convention == "en"
    assert [r.value for r in resolution.rejected] == [D("328.096")]
    assert "250.000" in resolution.reason and "328.096" in resolution.reason


def test_the_columns_other_cells_pick_the_reading_of_their_order() -> None:
    neighbours = [D(44923), D(40623), D(4300)]
    resolution = resolve_number(AMBIGUOUS, NumberContext(neighbours=neighbours))
    assert resolution.value == D(328096)
    assert "trung vị" in resolution.reason


def test_a_plausible_range_picks_the_reading_inside_it() -> None:
    resolution = resolve_number(AMBIGUOUS, NumberContext(plausible=(D(0), D(1000))))
    assert resolution.value == D("328.096")


def test_no_context_leaves_the_number_undecided_with_a_reason() -> None:
    resolution = resolve_number(AMBIGUOUS, NumberContext())
    assert resolution.value is None and not resolution.settled
    assert resolution.chosen is None and len(resolution.rejected) == 2
    assert "Chưa xác định" in resolution.reason


def test_context_that_fits_both_readings_decides_nothing() -> None:
    resolution = resolve_number(AMBIGUOUS, NumberContext(plausible=(D(0), D(10**6))))
    assert resolution.value is None


def test_conflicting_context_leaves_the_number_undecided_and_names_the_conflict() -> None:
    context = NumberContext(expected=D(250000), plausible=(D(0), D(1000)))
    resolution = resolve_number(AMBIGUOUS, context)
    assert resolution.value is None
    assert "mâu thuẫn" in resolution.reason


def test_an_unambiguous_number_resolves_to_itself() -> None:
    resolution = resolve_number(parse_number("44.923"), NumberContext(expected=D(1)))
    assert resolution.value == D(44923) and resolution.rejected == ()
