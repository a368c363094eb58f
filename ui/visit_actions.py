"""What the desk does with a visit: save it, correct it, cancel it, take it back, and
print its slips (the main window's actions on the visit, apart from its layout).

Ctrl+Z undoes what the notice under the form offers: a visit just saved comes back into
the form to be fixed and saved again (the stored one withdrawn), a visit cleared by Escape
comes back as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.desk import Desk
from app.intake.contact import ContactDraft, ContactRecord
from core.errors import DeskError
from ui.intake_form import FormState, IntakeForm
from ui.journal import JournalPanel
from ui.notice import SaveNotice
from ui.operations import DeskOps

# The mixin is a main window's part: typed as one, built as a plain class.
if TYPE_CHECKING:
    # The dialogs a visit opens are built when first asked for, not before the first screen.
    from ui.referral_dialog import ReferralDialog
    from ui.slip_dialog import Maker, Slip, SlipDialog

    _Window = QMainWindow
else:
    _Window = object


class VisitActions(_Window):
    """The main window's handling of a visit, mixed into ``MainWindow`` (whose form,
    journal, notice, desk and operations it uses)."""

    desk: Desk
    ops: DeskOps
    form: IntakeForm
    journal: JournalPanel
    notice: SaveNotice
    sig_saved: SignalInstance
    narrow: bool
    _saving: bool
    _journal_shown: bool
    _cleared: FormState | None
    _then: list[Callable[[], None]]
    referral_dialog: ReferralDialog
    slip_dialog: SlipDialog

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        raise NotImplementedError  # the window's

    def _arrange(self) -> None:
        raise NotImplementedError  # the window's

    def save(self, draft: ContactDraft) -> None:
        if self._saving:
            return  # a second Enter while the first save runs must not log the visit twice
        self._saving = True
        self.form.save_button.setEnabled(False)
        editing = self.form.editing
        if editing is None:
            op = self.ops.save_visit(draft).success(self._saved)
        else:
            op = self.ops.edit_visit(editing.id, draft).success(self._edited)
        op.failure(self._failed).run(self)

    def orient(self) -> None:
        """Open the partners suggested for the visitor being logged."""
        from ui.referral_dialog import ReferralDialog

        dialog = ReferralDialog(self.desk, self.form.draft(), self.form.referrals, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.form.set_referrals(dialog.chosen()))
        dialog.finished.connect(lambda _result: self.form.save_button.setFocus())
        self.referral_dialog = dialog
        dialog.open()

    def _edited(self, record: ContactRecord) -> None:
        self._done_saving()
        self.form.clear()
        self.show_notice(
            self.tr("Accueil de %1 modifié.").replace("%1", record.moment_local.strftime("%H:%M")),
            undo=False,
        )
        # The change announced shows it in the journal; then the window says it is saved.
        self._then.append(lambda: self.sig_saved.emit(record.id))

    def _done_saving(self) -> None:
        self._saving = False
        self.form.save_button.setEnabled(True)

    def edit(self, contact_id: str) -> None:
        """Load a visit of the journal into the form to correct it."""
        if self.narrow and self._journal_shown:  # the form comes back in place of the journal
            self._journal_shown = False
            self._arrange()
        # Read on the pool, and waited for: the keys the agent types next go to the visit.
        self.ops.tasks.settle(self.ops.contact(contact_id).success(self.form.load).run(self))

    def cancel_contact(self, contact_id: str) -> None:
        """Cancel a visit after the agent confirms it (it is kept, marked cancelled)."""
        self.ops.contact(contact_id).success(self._confirm_cancel).run(self)

    def _confirm_cancel(self, record: ContactRecord) -> None:
        contact_id = record.id
        answer = QMessageBox.question(
            self,
            self.tr("Annuler cet accueil ?"),
            self.tr(
                "Annuler l’accueil de %1 ? Il restera dans le journal, barré,"
                " et ne sera plus compté."
            ).replace("%1", record.moment_local.strftime("%H:%M")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.ops.cancel_visit(contact_id).success(lambda _record: self._after_cancel()).failure(
            self._failed
        ).run(self)

    def _after_cancel(self) -> None:
        self.show_notice(self.tr("Accueil annulé."), undo=False)

    def _saved(self, record: ContactRecord) -> None:
        self._done_saving()
        self._cleared = None
        self.form.clear()
        self.show_notice(
            self.tr("Accueil enregistré à %1.").replace(
                "%1", record.moment_local.strftime("%H:%M")
            ),
            undo=True,
        )
        self.journal.show_today(quiet=True)
        self._then.append(lambda: self.sig_saved.emit(record.id))
        if record.referrals:
            self._open_slips(record)

    def open_slips(self, contact_id: str) -> None:
        """The visit's slips: previewed, or printed at once when the site asked for it."""
        self.ops.contact(contact_id).success(self._open_slips).run(self)

    def _open_slips(self, record: ContactRecord) -> None:
        if not record.referrals:
            return
        desk, contact_id = self.desk, record.id
        titles = {r.slip_code: r.title(desk.language) for r in record.referrals}

        # Run on a worker: the desk and plain values, never the window.
        def make(fmt: str, large: bool) -> list[Slip]:
            # The slip's drawing (reportlab) is loaded here, off the GUI thread, when asked.
            from app.referrals.records import slips_for_contact

            return [
                (titles.get(code, code), referral_id, code, pdf)
                for referral_id, code, pdf in slips_for_contact(
                    desk, contact_id, fmt=fmt, large=large
                )
            ]

        self._open_slip_dialog(make)

    def open_service_slip(self, service_id: str) -> None:
        """A slip for a service looked up in the directory, with no visit behind it."""

        desk = self.desk

        def make(fmt: str, large: bool) -> list[Slip]:
            from app.referrals.records import slip_for_service

            pdf, code = slip_for_service(desk, service_id, fmt=fmt, large=large)
            return [(service_id, None, code, pdf)]

        self._open_slip_dialog(make)

    def open_event_slip(self, event_id: str) -> None:
        """A slip naming an event of the region, to hand the visitor."""
        desk = self.desk

        def make(fmt: str, large: bool) -> list[Slip]:
            from app.referrals.records import slip_for_event

            pdf, title = slip_for_event(desk, event_id, fmt=fmt, large=large)
            return [(title, None, "", pdf)]

        self._open_slip_dialog(make)

    def _open_slip_dialog(self, make: Maker) -> None:
        from ui.slip_dialog import SlipDialog

        dialog = SlipDialog(self.desk, self.ops, make, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.slip_dialog = dialog
        self.notice.hold()
        if self.desk.settings.get("slip.direct"):
            # Printed straight away once made; the dialog shows only if the printer fails.
            def direct(_slips: object = None) -> None:
                if dialog.print_slips(ask=False):
                    dialog.accept()
                else:
                    dialog.open()

            # Once the slips are made: a read queued after the one the dialog asked for.
            dialog.sig_made.connect(direct, Qt.ConnectionType.SingleShotConnection)
            return
        dialog.open()

    def _failed(self, error: BaseException) -> None:
        self._done_saving()
        if isinstance(error, DeskError) and error.key not in ("database_error", "file_error"):
            self.form.show_problems(error)
            return
        message = error.text(self.desk.language) if isinstance(error, DeskError) else str(error)
        QMessageBox.critical(
            self,
            self.tr("Enregistrement impossible"),
            self.tr("L’accueil n’a pas pu être enregistré : %1").replace("%1", message),
        )

    def undo(self) -> None:
        """Undo what the notice offers: a visit cleared by Escape, or the last one saved."""
        if not self.notice.undoable:
            return
        if self._cleared is not None:
            state, self._cleared = self._cleared, None
            self.form.restore(state)
            self.show_notice(self.tr("Saisie rétablie."), undo=False)
            return
        if not self.desk.intake.can_undo:
            return
        self.ops.take_back().success(self._undone).failure(self._failed).run(self)

    def _undone(self, record: ContactRecord) -> None:
        # Withdrawn from the day, and back in the form to be fixed and saved again.
        self.form.fill(record)
        self.show_notice(
            self.tr("Dernier accueil repris : corrigez-le puis enregistrez-le."), undo=False
        )

    def _draft_cleared(self, state: FormState) -> None:
        self._cleared = state
        self.show_notice(self.tr("Saisie effacée — Ctrl+Z pour la rétablir."), undo=True)

    def _forget_cleared(self) -> None:
        self._cleared = None

    def show_notice(self, text: str, *, undo: bool) -> None:
        self.notice.show_text(text, undo=undo)
