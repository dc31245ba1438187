"""Figures, their history and their review (submit, approve, return, reopen)."""
