"""Keys the whole desk shares: an Alt+letter bound to nothing does nothing.

Without this, Alt+U in a line edit with no « U » mnemonic in the window typed « u » into
the field (a site saved as « …d’Istresu »). Only plain Alt is swallowed: on Windows AltGr
arrives as Ctrl+Alt and must keep typing « € », « @ »…; on macOS Option types letters.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

_ALT_ONLY = (
    Qt.KeyboardModifier.AltModifier,
    Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier,
)


def unbound_alt_letter(event: QKeyEvent) -> bool:
    """Whether ``event`` is a letter or digit pressed with Alt alone (not AltGr)."""
    if sys.platform == "darwin":
        return False
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    if modifiers not in _ALT_ONLY:
        return False
    key = event.key()
    return (
        Qt.Key.Key_0 <= key <= Qt.Key.Key_9
        or Qt.Key.Key_A <= key <= Qt.Key.Key_Z
        or (
            key >= 0xC0 and key <= 0xFF  # À, É, Ç… of a French keyboard
        )
    )


class AltLetterGuard(QObject):
    """Installed on the application: drops the Alt+letters no shortcut or mnemonic took.

    Shortcuts (menus' titles, labels' buddies, buttons) are matched before a key press is
    delivered, so what reaches this filter is an Alt+letter bound to nothing."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return unbound_alt_letter(event)
        return False
