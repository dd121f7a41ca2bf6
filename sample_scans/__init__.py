"""Generated scans of an applicant's paper materials, for the demo, tests and benchmarks.

Not part of the rules: an import-linter contract keeps every domain module from importing it."""
