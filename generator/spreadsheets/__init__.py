"""Excel round trips: templates to fill in and the hardened import."""
