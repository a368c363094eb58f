"""What the desk and the hub share: pure Python, no Qt, no database session, no web server.

The wire, the lists and their codes, places, opening hours, statistics tables with their
disclosure control, exports, the PDF report and the French of dates and numbers. ``db/`` and
``hub/`` import this package and their own code only.
"""
