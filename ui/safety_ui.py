"""The window's safety nets once it is up: a quick check of the database, the day's
backup (looked at again every hour, for a desk left open past midnight), and room
running out on the database's disk said before a save can fail.

``damage`` holds what the quick check found; the window then closes so that the latest
sound backup can be offered (``ui.main``).
"""

from __future__ import annotations

from concurrent.futures import Future
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from app.desk import LOW_DISK_MB, Desk
from app.logs import logger
from ui.operations import DeskOps

log = logger("window")


class SafetyUi(QObject):
    def __init__(self, window: QMainWindow, desk: Desk, ops: DeskOps) -> None:
        super().__init__(window)
        self.window = window
        self.desk = desk
        # On the read pool: the check and the backup only read the database (through their
        # own connections), and must not hold up the first save of the day behind them.
        self.ops = ops
        self.tasks = ops.tasks
        self.damage: str | None = None
        self._disk_warned = False
        self.disk_state = QLabel()
        self.disk_state.setObjectName("formError")
        self.disk_state.hide()
        window.statusBar().addPermanentWidget(self.disk_state)
        self._backup_timer = QTimer(self)
        self._backup_timer.timeout.connect(self.daily_backup)

    def start(self, check: bool = True) -> None:
        """The quick check (unless it ran before the desk opened), then the day's backup."""
        from app.backup.health import problems

        database = self.desk.paths.database
        if check:
            op = self.ops.long_read(lambda: problems(database, quick=True))
            op.success(self.checked).failure(lambda error: self.checked([str(error)])).run()
        else:
            self.daily_backup()
        self._backup_timer.start(3600 * 1000)

    def checked(self, found: list[str]) -> None:
        if found:
            self.damage = "; ".join(found)[:200]
            log.error("quick check failed: %s", self.damage)
            self.window.close()
            return
        self.daily_backup()

    def daily_backup(self) -> Future[Path | None]:
        """The day's backup, and the notes past their retention erased from every copy
        (each hour, for a desk left open for days)."""

        def done(made: object) -> None:
            if made is not None:
                log.info("daily backup %s", made)

        def failed(error: BaseException) -> None:
            log.error("daily backup failed: %s", error)
            self.window.statusBar().showMessage(
                self.tr("La sauvegarde du jour n’a pas pu être faite (%1).").replace(
                    "%1", str(error)[:120]
                )
            )

        return self.ops.long_read(self.desk.keep_backups).success(done).failure(failed).run()

    def shutdown(self) -> None:
        self._backup_timer.stop()

    def show_disk(self, free_mb: int | None) -> None:
        low = free_mb is not None and free_mb < LOW_DISK_MB
        self.disk_state.setVisible(low)
        if not low:
            return
        self.disk_state.setText(
            self.tr("Disque presque plein\u00a0: %1 Mo libres").replace("%1", str(free_mb))
        )
        if not self._disk_warned:
            self._disk_warned = True
            log.warning("low disk space: %s MB free", free_mb)
            QMessageBox.warning(
                self.window,
                self.tr("Disque presque plein"),
                self.tr(
                    "Il ne reste que %1 Mo sur le disque de la base de données. Libérez de"
                    " la place (corbeille, téléchargements) avant que les enregistrements"
                    " échouent\u00a0; ce qui est déjà enregistré est conservé."
                ).replace("%1", str(free_mb)),
            )
