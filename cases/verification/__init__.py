"""Verification of sealed documents and the public license registry lookup."""
