"""Hostile and broken input: every one is a finding or a one-line error, never a crash."""
