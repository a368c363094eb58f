"""Forum mode's batch entry (Ctrl+G): the visit in the form, for so many visitors at once
(so many young people asking about one trade at a stand). They are saved as that many
contacts marked as one batch, counted like tallies from paper; no note, no partner."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QSpinBox, QWidget

from app.desk import Desk
from app.intake.batches import LARGEST, save_batch
from app.intake.contact import ContactDraft
from core.errors import DeskError
from ui.directory_dialogs import FormDialog
from ui.operations import Change, DeskOps


class BatchDialog(FormDialog):
    """``sig_saved(count)`` once the batch is on disk."""

    sig_saved = Signal(int)

    def __init__(
        self, desk: Desk, ops: DeskOps, draft: ContactDraft, summary: str,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(self.tr("Saisie groupée"), self.tr("Enregistrer"), parent)
        self.desk, self.ops, self.draft, self.lang = desk, ops, draft, desk.language
        said = QLabel(
            self.tr("Les mêmes réponses pour plusieurs personnes\u00a0: %1").replace("%1", summary)
        )
        said.setWordWrap(True)
        self.body.addWidget(said)
        self.count = QSpinBox()
        self.count.setRange(2, LARGEST)
        self.count.setValue(2)
        self.count.setAccessibleName(self.tr("Nombre de personnes"))
        form = QFormLayout()
        form.addRow(self.tr("&Nombre de personnes"), self.count)
        self.body.addLayout(form)
        self.finish_layout()
        self.count.selectAll()

    def submit(self) -> None:
        desk, draft, count = self.desk, self.draft, self.count.value()
        self.ops.write(lambda: save_batch(desk.intake, draft, count), Change.VISITS).success(
            self._saved
        ).failure(self._refused).run(self)

    def _saved(self, count: int) -> None:
        self.sig_saved.emit(count)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, DeskError):  # a ValidationFailed says every problem
            self.show_error(error.text(self.lang))
        else:
            self.ops.show_failure(self, error)
