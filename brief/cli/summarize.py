"""`brief summarize`: being written (see the issue)."""
