"""`brief build`: being written (see the issue)."""
