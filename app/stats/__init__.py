"""The desk's statistics: counts from its database, the tab's dashboard, labels, exports
and the activity report (the tables and writers shared with the hub are core.stats and
core.report)."""
