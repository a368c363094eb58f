"""File dialogs that open where the agent keeps files: the folder used last, else the user's
documents — never the program's own folder, which is where Qt starts by default."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from app.desk import Desk
from ui.operations import ops_for

LAST_FOLDER = "ui.last_folder"


def start_folder(desk: Desk) -> str:
    """The folder a dialog opens in."""
    last = str(desk.settings.get(LAST_FOLDER))
    if last and Path(last).is_dir():
        return last
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return documents if documents and Path(documents).is_dir() else str(Path.home())


def remember(parent: QWidget, desk: Desk, chosen: Path) -> None:
    """The next dialog opens where this one went (stored on the desk's writer, when it
    is another folder than the last)."""
    folder = chosen if chosen.is_dir() else chosen.parent
    if str(folder) == str(desk.settings.get(LAST_FOLDER)):
        return
    ops_for(parent, desk).set_settings({LAST_FOLDER: str(folder)}).failure(
        lambda _error: None  # only a convenience: the file itself was chosen
    ).run(parent)


def open_file(parent: QWidget, desk: Desk, title: str, filters: str) -> Path | None:
    path, _filter = QFileDialog.getOpenFileName(parent, title, start_folder(desk), filters)
    return _chosen(parent, desk, path)


def save_file(parent: QWidget, desk: Desk, title: str, name: str, filters: str) -> Path | None:
    """Where to save a file suggested as ``name``, in the folder used last."""
    suggested = str(Path(start_folder(desk)) / name)
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return _chosen(parent, desk, path)


def choose_folder(parent: QWidget, desk: Desk, title: str) -> Path | None:
    path = QFileDialog.getExistingDirectory(parent, title, start_folder(desk))
    return _chosen(parent, desk, path)


def _chosen(parent: QWidget, desk: Desk, path: str) -> Path | None:
    if not path:
        return None
    chosen = Path(path)
    remember(parent, desk, chosen)
    return chosen
