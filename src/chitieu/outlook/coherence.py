"""Coherence of a plan: do its own numbers agree with each other? (docs/coherence.md)

`check_plan(catalogue, assumptions)` runs every check; each returns a
`CoherenceCheck` (inputs with their source lines, formula, result, verdict,
the assumptions it used, a Vietnamese explanation) or a `Missing` record
when the catalogue lacks what the check needs.
"""

from __future__ import annotations

from collections.abc import Callable

from chitieu.catalog.model import Catalogue
from chitieu.outlook import coherence_budget as budget
from chitieu.outlook import coherence_grdp as grdp
from chitieu.outlook import coherence_investment as investment
from chitieu.outlook import coherence_shares as shares
from chitieu.outlook.assumptions import DEFAULT_ASSUMPTIONS, Assumptions
from chitieu.outlook.coherence_base import CoherenceCheck, Input, Missing, Outcome, Verdict
from chitieu.outlook.coherence_targets import targets_against_baselines

__all__ = [
    "CHECKS",
    "CHECK_TITLES",
    "CoherenceCheck",
    "Input",
    "Missing",
    "Outcome",
    "Verdict",
    "check_plan",
]

Check = Callable[[Catalogue, Assumptions], Outcome]

CHECKS: tuple[Check, ...] = (
    lambda c, a: shares.structure_target(c),
    lambda c, a: shares.structure_baseline(c),
    grdp.deflator,
    grdp.population,
    investment.investment_ratio,
    investment.icor,
    grdp.productivity,
    budget.revenue_total,
    budget.revenue_part,
    investment.exports,
)

# What each check is about, in words, for a check that could not run (its title otherwise
# comes with its result).
CHECK_TITLES = {
    "co_cau.tong_muc_tieu": "Cơ cấu kinh tế năm cuối kỳ cộng đủ 100%",
    "co_cau.tong_nam_goc": "Cơ cấu kinh tế năm gốc cộng đủ 100%",
    "grdp.giam_phat_ngu_y": "Quy mô GRDP năm cuối kỳ so với năm gốc và tốc độ tăng trưởng thực",
    "dan_so.ngu_y": "Quy mô GRDP và GRDP bình quân đầu người so với tăng dân số",
    "dau_tu.ty_le_ngu_y": "Tổng vốn đầu tư cả giai đoạn so với lộ trình GRDP",
    "dau_tu.icor_ngu_y": "Hệ số ICOR ngụ ý từ tỷ lệ đầu tư và tốc độ tăng trưởng",
    "lao_dong.ngu_y": "Tăng trưởng GRDP so với tăng năng suất lao động",
    "ngan_sach.tong_thanh_phan": "Thu ngân sách: tổng bằng thu nội địa cộng thu xuất, nhập khẩu",
    "ngan_sach.trong_do": "Thu nội địa không gồm tiền sử dụng đất không vượt thu nội địa",
    "xuat_khau.lo_trinh": "Kim ngạch xuất khẩu theo tốc độ mục tiêu so với quy mô GRDP",
}


def check_plan(
    catalogue: Catalogue, assumptions: Assumptions = DEFAULT_ASSUMPTIONS
) -> tuple[Outcome, ...]:
    """Every coherence check on the plan, in the order of docs/coherence.md."""
    outcomes: list[Outcome] = [check(catalogue, assumptions) for check in CHECKS]
    outcomes[2:2] = shares.sub_shares(catalogue)
    outcomes.extend(targets_against_baselines(catalogue))
    return tuple(outcomes)
