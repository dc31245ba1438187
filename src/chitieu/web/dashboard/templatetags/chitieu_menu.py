"""Template tags of the main menu (base.html): what it offers depends on what is stored."""

from __future__ import annotations

from django import template

register = template.Library()


@register.simple_tag
def past_term_years() -> str:
    """The stored past terms' years for the menu's audit link ("" hides the link).

    A place whose documents carry no results table of the term before has nothing to
    audit; the years are those of its own documents, not a fixed term.
    """
    from chitieu.web.dashboard.audit import past_term_years as years

    return years()
