"""`brief translate`: being written (see the issue)."""
