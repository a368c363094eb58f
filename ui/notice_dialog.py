"""« Information temporaire » on a service, set on this desk for its own agents (it stays
here; the region's come from the hub): closed, exceptional hours or a message, from a
first day to a last one, on the service or its whole structure. This desk's own notices
on the service are listed, each can be withdrawn."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from app.desk import Desk
from core import notices
from core.errors import DeskError
from ui.directory_dialogs import FormDialog
from ui.operations import Change, DeskOps


def _day(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class NoticeDialog(FormDialog):
    def __init__(
        self, desk: Desk, service_id: str, ops: DeskOps, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Information temporaire"), self.tr("Enregistrer"), parent)
        self.desk, self.service_id, self.ops = desk, service_id, ops
        self.lang = desk.language
        today = desk.intake.today()
        self.kind = QComboBox()
        for code, label in (
            ("closed", self.tr("Fermé")),
            ("hours", self.tr("Horaires exceptionnels")),
            ("message", self.tr("Message")),
        ):
            self.kind.addItem(label, code)
        self.first = QDateEdit(QDate(today.year, today.month, today.day))
        self.last = QDateEdit(QDate(today.year, today.month, today.day))
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
        self.hours = QLineEdit()
        self.hours.setPlaceholderText("Mo-Fr 09:00-12:00")
        self.message = QLineEdit()
        self.message.setMaxLength(notices.MESSAGE_LONGEST)
        self.whole = QCheckBox(self.tr("Pour toute la &structure"))
        form = QFormLayout()
        form.addRow(self.tr("&Nature"), self.kind)
        form.addRow(self.tr("&Premier jour"), self.first)
        form.addRow(self.tr("&Dernier jour (inclus)"), self.last)
        form.addRow(self.tr("&Horaires de ces jours"), self.hours)
        form.addRow(self.tr("&Message"), self.message)
        form.addRow("", self.whole)
        self.body.addLayout(form)
        self.own = QListWidget()
        self.own.setAccessibleName(self.tr("Informations de ce poste"))
        self.own.setMaximumHeight(90)
        self.withdraw_button = QPushButton(self.tr("&Retirer l’information choisie"))
        row = QHBoxLayout()
        row.addWidget(self.withdraw_button)
        row.addStretch(1)
        self.body.addWidget(self.own)
        self.body.addLayout(row)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.finish_layout()
        self._list()

    def _list(self) -> None:
        desk, service_id, today = self.desk, self.service_id, self.desk.intake.today()

        def shown(found: list[tuple[str, notices.Notice]]) -> None:
            self.own.clear()
            for notice_id, notice in found:
                item = QListWidgetItem(notices.words(notice, today, self.lang))
                item.setData(256, notice_id)
                self.own.addItem(item)
            self.own.setVisible(bool(found))
            self.withdraw_button.setVisible(bool(found))

        self.ops.read(lambda: desk.own_notices(service_id, today)).success(shown).run(self)

    def submit(self) -> None:
        notice = notices.Notice(
            kind=str(self.kind.currentData()),
            starts_on=_day(self.first),
            ends_on=_day(self.last),
            hours=self.hours.text().strip() or None,
            message=" ".join(self.message.text().split()) or None,
        )
        desk, service_id, whole = self.desk, self.service_id, self.whole.isChecked()
        self.ops.write(
            lambda: desk.set_notice(service_id, notice, whole), Change.DIRECTORY
        ).success(lambda _id: self.accept()).failure(self._refused).run(self)

    def withdraw(self) -> None:
        item = self.own.currentItem() or self.own.item(0)
        if item is None:
            return
        notice_id, desk = str(item.data(256)), self.desk
        self.ops.write(lambda: desk.withdraw_notice(notice_id), Change.DIRECTORY).success(
            lambda _none: self._list()
        ).failure(self._refused).run(self)

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, DeskError):
            self.ops.show_failure(self, error)
            return
        self.show_error(error.text(self.lang))
