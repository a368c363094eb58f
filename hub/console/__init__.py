"""The regional coordinators' web console, served by the hub under ``/console``."""
