"""The top-level folders are import packages of this application only."""

from __future__ import annotations

from importlib.metadata import distributions

OURS = {
    "api",
    "models",
    "archive",
    "ocr",
    "signing",
    "scanner_drivers",
    "cases",
    "sample_scans",
    "reporting_corpora",
}


def test_no_other_distribution_provides_our_top_level_packages() -> None:
    clashes = {}
    for dist in distributions():
        name = dist.metadata["Name"]
        if name == "onewindow":
            continue
        top = dist.read_text("top_level.txt") or ""
        provided = {line.strip() for line in top.splitlines()} & OURS
        for file in dist.files or ():
            first = file.parts[0] if file.parts else ""
            if first in OURS and len(file.parts) > 1:
                provided.add(first)
        if provided:
            clashes[name] = provided
    assert clashes == {}
