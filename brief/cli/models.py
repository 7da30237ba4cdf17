"""`brief models`: being written (see the issue)."""
