"""Kept for existing imports; the calendar lives in `cases.deadlines`."""

from cases.deadlines import add_working_days

__all__ = ["add_working_days"]
