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


def check_plan(
    catalogue: Catalogue, assumptions: Assumptions = DEFAULT_ASSUMPTIONS
) -> tuple[Outcome, ...]:
    """Every coherence check on the plan, in the order of docs/coherence.md."""
    outcomes: list[Outcome] = [check(catalogue, assumptions) for check in CHECKS]
    outcomes[2:2] = shares.sub_shares(catalogue)
    outcomes.extend(targets_against_baselines(catalogue))
    return tuple(outcomes)
