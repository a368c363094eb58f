"""Referrals to partners' services: their slip codes, the slip the visitor takes home, and
the slips of the desk's records."""
