"""What the desk and the hub share: pure Python, no Qt, no database session, no web server."""
