"""The sync as the agent sees it: the status bar, the enrolment dialog, and the sync panel
listing every record the hub refused, with its reason."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.desk import Desk
from core.errors import DeskError
from ui.operations import DeskOps, RefusedRecord
from ui.screen_fit import fit_to_screen
from ui.sync_worker import SyncScheduler, summary, transient


class EnrolDialog(QDialog):
    """The hub's address and the one-time code the regional coordination gave."""

    def __init__(self, desk: Desk, scheduler: SyncScheduler, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Inscription auprès du hub régional"))
        self.desk = desk
        self.scheduler = scheduler
        self.waiting = False
        self.url = QLineEdit(str(desk.settings.get("hub.url")))
        self.url.setAccessibleName(self.tr("Adresse du hub régional"))
        self.url.setPlaceholderText("https://hub.orientation.example.org")
        self.code = QLineEdit(str(desk.settings.get("hub.pending_code")))
        self.code.setAccessibleName(self.tr("Code d’inscription"))
        # The console's QR code, read by a scanner into the address field, fills both.
        self.url.textChanged.connect(self._split_enrolment)
        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # the hub's words, as written
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("&Adresse du hub"), self.url)
        form.addRow(self.tr("&Code d’inscription"), self.code)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("S’inscrire"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        fit_to_screen(self, 520, 180)

    def _split_enrolment(self, text: str) -> None:
        from core.wire import parse_enrolment

        parsed = parse_enrolment(text)
        if parsed is not None:
            self.url.setText(parsed[0])
            self.code.setText(parsed[1])
            self.ok.setFocus()

    def submit(self) -> None:
        """Enrol on the sync's thread, as at the first start: a code the hub could not be
        asked about is kept for the next try."""
        self.ok.setEnabled(False)
        self.waiting = True
        self.scheduler.sig_enrolled.connect(self._enrolled)
        self.scheduler.enrol(self.url.text(), self.code.text())

    def _enrolled(self, result: object) -> None:
        if not self.waiting:
            return
        self.waiting = False
        self.scheduler.sig_enrolled.disconnect(self._enrolled)
        if not isinstance(result, DeskError):
            self.accept()
            return
        self.ok.setEnabled(True)
        self.error.setText(result.text(self.desk.language))
        self.error.show()


class SyncPanel(QDialog):
    """State of the sync and every record the hub refused."""

    def __init__(self, ui: SyncUi, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Synchronisation"))
        self.ui = ui
        self.summary = QLabel()
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 5)
        self.table.setAccessibleName(self.tr("Enregistrements refusés par le hub"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Type"), self.tr("Identifiant"), self.tr("Version"), self.tr("Réponse"),
             self.tr("Raison")]
        )  # fmt: skip
        self.table.horizontalHeader().setStretchLastSection(True)
        now = QPushButton(self.tr("Synchroniser &maintenant"))
        now.clicked.connect(ui.scheduler.sync_now)
        close = QPushButton(self.tr("Fermer"))
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel(self.tr("Enregistrements refusés (gardés sur ce poste) :")))
        layout.addWidget(self.table, 1)
        layout.addWidget(now)
        layout.addWidget(close)
        fit_to_screen(self, 760, 420)
        ui.scheduler.sig_state.connect(lambda _r: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self.summary.setText(self.ui.describe(long=True))
        self.ui.ops.quarantined().success(self._show_rows).run(self)

    def _show_rows(self, rows: list[RefusedRecord]) -> None:
        if not isValid(self.table):
            return  # closed meanwhile
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            values = [row.kind, row.record_id, str(row.version), row.outcome, row.reason]
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))


class SyncUi(QObject):
    """The window's side of the sync: scheduler, status text, menu, dialogs."""

    def __init__(self, window: QMainWindow, desk: Desk, ops: DeskOps) -> None:
        super().__init__(window)
        self.window = window
        self.desk = desk
        self.ops = ops
        self.scheduler = SyncScheduler(desk, self)
        self.scheduler.sig_busy.connect(self.sig_changed)
        self.on_change: list[Any] = []
        self.pending = 0  # as last read by the window's refresh, off the GUI thread

    def sig_changed(self) -> None:
        for callback in self.on_change:
            callback()

    def install(self, menu: QMenu) -> None:
        now = menu.addAction(self.tr("&Synchroniser maintenant"))
        now.setShortcut(QKeySequence("F5"))
        now.triggered.connect(self.scheduler.sync_now)
        panel = menu.addAction(self.tr("État de la s&ynchronisation…"))
        panel.triggered.connect(self.open_panel)
        enrol_action = menu.addAction(self.tr("S’inscrire auprès du &hub…"))
        enrol_action.triggered.connect(self.open_enrol)
        self.scheduler.sig_state.connect(lambda _r: self.sig_changed())

    def start(self) -> None:
        self.scheduler.start()

    def open_enrol(self) -> None:
        dialog = EnrolDialog(self.desk, self.scheduler, self.window)
        self.enrol_dialog = dialog
        dialog.open()

    def open_panel(self) -> None:
        self.panel = SyncPanel(self, self.window)
        self.panel.open()

    def describe(self, *, long: bool = False) -> str:
        """The sync's state in a few words (the status bar), or a sentence (the panel)."""
        lang = self.desk.language
        last = self.scheduler.last
        if not self.scheduler.enrolled():
            if self.scheduler.enrolling:
                return self.tr("Inscription auprès du hub…")
            waiting = self.scheduler.pending_enrolment() is not None
            if waiting and transient(last):
                if not long and (at := self._retry_time(last)):
                    return self.tr("Hub occupé\u00a0: inscription retentée à %1").replace("%1", at)
                if not long:
                    return self.tr("Hub injoignable\u00a0: inscription en attente")
                return self.tr(
                    "%1 L’inscription sera retentée seule, sans rien ressaisir : le code est gardé."
                ).replace("%1", last.text(lang))
            if waiting and isinstance(last, DeskError):
                # Only what the agent must act on: the kept code refused, a hub too new, …
                return last.text(lang) if long else self.tr("Inscription au hub à refaire")
            if waiting:
                return self.tr("Inscription au hub en attente")
            return self.tr("Hors ligne (pas de hub)")
        if self.scheduler.running:
            return self.tr("Synchronisation…")
        if transient(last):
            if long:
                return last.text(lang)
            if at := self._retry_time(last):
                return self.tr("Hub occupé, nouvel essai à %1").replace("%1", at)
            return self.tr("Hub injoignable, nouvel essai bientôt")
        if isinstance(last, DeskError):
            if last.key == "hub_revoked":
                return last.text(lang) if long else self.tr("Poste révoqué par la coordination")
            return last.text(lang) if long else self.tr("Synchronisation refusée")
        if summary(last) or last is None:
            state = (
                self.tr("Hub : à jour") if not self.pending else self.tr("Hub : en attente d’envoi")
            )
            return state
        return self.tr("Hub : %1").replace("%1", str(self.desk.settings.get("hub.url")))

    def _retry_time(self, last: DeskError) -> str:
        """When a busy hub (503 with ``Retry-After``) is asked again, ``10:15:30``; empty
        for any other failure (the hub away, a timeout: tried again after a growing delay)."""
        retry_at = self.scheduler.retry_at
        if last.key != "hub_busy" or retry_at is None:
            return ""
        return retry_at.strftime("%H:%M:%S")

    def stop(self) -> None:
        self.scheduler.stop()
