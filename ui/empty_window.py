"""An empty Qt window, started and measured as ``aiguillage --smoke`` measures the desk's:
the raw cost beside ``startup_s`` and ``rss_mb`` in ``aiguillage bench``.

``python -m ui.empty_window`` prints ``{"startup_s": …, "rss_mb": …}`` once the event loop
runs with the window shown, and quits.
"""

from __future__ import annotations

import json
import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

from app.procinfo import rss_mb, seconds_since_start


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1366, 740)
    window.show()

    def report() -> None:
        figures = {"startup_s": round(seconds_since_start(), 3), "rss_mb": round(rss_mb(), 1)}
        print(json.dumps(figures))
        window.close()
        app.quit()

    QTimer.singleShot(0, report)
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
