"""Status of a target from its figures on the official scale (Vượt, Đạt, Cơ bản đạt, ...).

Pure functions, no Django. See docs/assessment.md for the rules and their calibration.
"""

from chitieu.assess.assess import Result, assess_target, record_manual_assessment
from chitieu.assess.compare import Basis, Comparison, compare
from chitieu.assess.errors import AssessmentError
from chitieu.assess.rules import DEFAULT_RULES, Rules

__all__ = [
    "DEFAULT_RULES",
    "AssessmentError",
    "Basis",
    "Comparison",
    "Result",
    "Rules",
    "assess_target",
    "compare",
    "record_manual_assessment",
]
