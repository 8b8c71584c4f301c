"""One-off generators of bundled data files (run by hand; never at analysis time)."""
