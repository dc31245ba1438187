"""The SDMX forms of our codes and periods, and the way back."""

from __future__ import annotations

import pytest

from chitieu.catalog.period import Period
from chitieu.exchange import mapping as m


@pytest.mark.parametrize(
    ("ours", "sdmx"),
    [("2026", "2026"), ("2026-H2", "2026-S2"), ("2026-Q4", "2026-Q4"), ("2026-11", "2026-M11"),
     ("2024-6M", "2024-01-01/P6M")],
)  # fmt: skip
def test_every_period_kind_goes_to_sdmx_and_back(ours: str, sdmx: str) -> None:
    assert m.sdmx_period(Period.parse(ours)) == sdmx
    assert m.period_from_sdmx(sdmx) == Period.parse(ours)


@pytest.mark.parametrize(("sdmx", "ours"), [("2026-A1", "2026"), ("2026-03", "2026-03")])
def test_other_sdmx_spellings_of_a_period_are_read(sdmx: str, ours: str) -> None:
    assert m.period_from_sdmx(sdmx) == Period.parse(ours)


@pytest.mark.parametrize("text", ["2026-Q5", "2026-W01", "26", "2026-S3", ""])
def test_a_period_outside_the_syntax_is_refused_in_vietnamese(text: str) -> None:
    with pytest.raises(m.MappingError, match="không đúng cú pháp SDMX"):
        m.period_from_sdmx(text)


def test_an_indicator_code_has_no_dot_in_sdmx_and_comes_back() -> None:
    identifier = m.indicator_id("kt.grdp.tang_truong")
    assert "." not in identifier and m.is_sdmx_id(identifier)
    assert m.indicator_code(identifier) == "kt.grdp.tang_truong"


def test_a_code_that_would_not_come_back_is_refused() -> None:
    with pytest.raises(m.MappingError):
        m.indicator_id("kt.grdp-moi")
    with pytest.raises(m.MappingError):
        m.area_id("hưng yên")


def test_each_status_has_its_own_key_code_and_an_obs_status() -> None:
    assert len(set(m.STATUS_CODES.values())) == len(m.STATUS_CODES)
    assert set(m.OBS_STATUS_CODES.values()) == set(m.OBS_STATUS_NAMES)
