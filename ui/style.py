"""The desk's look: large targets, a visible focus, the system's light or dark palette."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from core.resources import resource


def app_icon() -> QIcon:
    """The application's icon (the windows, the task bar)."""
    return QIcon(str(resource("icons", "aiguillage.png")))


class _RoomyTabs(QProxyStyle):
    """The system's style, its tabs a little taller: an unselected tab, drawn lower, cut
    the accent off « À venir »."""

    def sizeFromContents(
        self,
        kind: QStyle.ContentsType,
        option: QStyleOption,
        size: QSize,
        /,
        widget: QWidget | None = None,
    ) -> QSize:
        found = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]
        if kind == QStyle.ContentsType.CT_TabBarTab:
            found = QSize(found.width(), found.height() + 4)
        return found


def apply_style(app: QApplication) -> None:
    if not isinstance(app.style(), _RoomyTabs):
        app.setStyle(_RoomyTabs(app.style().name()))
    palette = app.palette()
    highlight = palette.color(QPalette.ColorRole.Highlight).name()
    text = palette.color(QPalette.ColorRole.HighlightedText).name()
    mid = palette.color(QPalette.ColorRole.Mid).name()
    # An error must read on a light and on a dark background alike.
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    error = "#ff8a80" if dark else "#b00020"
    app.setStyleSheet(
        f"""
        QWidget#choiceRow {{ border: 2px solid transparent; border-radius: 4px; }}
        QWidget#choiceRow:focus {{ border: 2px solid {highlight}; }}
        QWidget#choiceRow QPushButton {{ padding: 4px 8px; text-align: left; }}
        QWidget#choiceRow QPushButton:checked {{
            background: {highlight}; color: {text};
            border: 1px solid {highlight}; border-radius: 3px;
        }}
        QWidget#choiceRow QPushButton[current="true"] {{ border: 2px dashed {highlight}; }}
        QLineEdit:focus, QCheckBox:focus, QPushButton:focus, QDateEdit:focus,
        QTableView:focus {{ border: 2px solid {highlight}; }}
        QLabel#rowLabel {{ font-weight: bold; padding-top: 6px; }}
        QLabel#panelTitle {{ font-weight: bold; font-size: 120%; }}
        QLabel#statsTotal {{ font-weight: bold; padding-right: 12px; }}
        QLabel#formError {{ color: {error}; font-weight: bold; }}
        QLabel#editBanner {{ background: {highlight}; color: {text}; padding: 4px 8px;
            border-radius: 4px; font-weight: bold; }}
        QWidget#saveNotice {{ background: {highlight}; border-radius: 4px; }}
        QWidget#saveNotice QLabel {{ color: {text}; font-weight: bold; }}
        QPushButton#saveButton {{ padding: 6px 16px; font-weight: bold; }}
        QStatusBar QLabel {{ padding: 0 8px; border-right: 1px solid {mid}; }}
        """
    )
