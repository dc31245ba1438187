"""Outlook: required paths, projections and on-track ratings (see docs/outlook-method.md)."""

from chitieu.outlook.goal import Goal, NoGoalError, Scale, resolve_goal
from chitieu.outlook.panel import PanelError, goal_table, outlooks, rate_panel
from chitieu.outlook.paths import Milestone, RequiredPath, required_path
from chitieu.outlook.rating import Outlook, category, rate
from chitieu.outlook.settings import DEFAULT_SETTINGS, Measure, OutlookSettings, Rating

__all__ = [
    "DEFAULT_SETTINGS",
    "Goal",
    "Measure",
    "Milestone",
    "NoGoalError",
    "Outlook",
    "OutlookSettings",
    "PanelError",
    "Rating",
    "RequiredPath",
    "Scale",
    "category",
    "goal_table",
    "outlooks",
    "rate",
    "rate_panel",
    "required_path",
    "resolve_goal",
]
