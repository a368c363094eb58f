"""Copies of the desk database: made, checked and restored."""
