"""Acceptance (受理): the checklist check, the window's decision and its notice, the one-time
correction rule (一次告知), 容缺 commitments and their follow-up, page evidence."""
