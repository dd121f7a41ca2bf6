"""Intake: opening a case, taking its pages from uploads and scanners, cover and separator
sheets, and the background reading of pages."""
