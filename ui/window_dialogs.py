"""The dialogs the main window's menu opens: about, the site's settings, and « Accueillir une
personne orientée » (a partner's counter says who came); mixed into ``MainWindow``."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from app.desk import Desk

if TYPE_CHECKING:
    from ui.arrival_dialog import ArrivalDialog
    from ui.settings_dialog import SettingsDialog

    _Window = QMainWindow
else:
    _Window = object


class WindowDialogs(_Window):
    """Opens each dialog of the menu, kept on the window while it is open."""

    desk: Desk
    settings_dialog: SettingsDialog
    arrival_dialog: ArrivalDialog
    apply_settings: Callable[[], None]  # the window's (ui.window_opening)

    def open_about(self) -> None:
        from ui.about import AboutDialog

        AboutDialog(self).exec()

    def open_settings(self) -> None:
        from ui.settings_dialog import SettingsDialog as Settings

        dialog = Settings(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.apply_settings)
        self.settings_dialog = dialog
        dialog.open()

    def open_arrivals(self) -> None:
        """« Accueillir une personne orientée »: a partner's counter says who came."""
        from ui.arrival_dialog import ArrivalDialog as Arrivals

        dialog = Arrivals(self.desk, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.arrival_dialog = dialog
        dialog.open()
