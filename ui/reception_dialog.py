"""« Où j’accueille aujourd’hui » : a desk that moves (the bus, a forum stand, a
permanence in a town hall) says where it receives today — a commune and, maybe, an event
of the region — in one step; « Revenir au site » undoes it. Tomorrow it is back at its
site by itself."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from app.desk import Desk
from app.intake.reception import EventChoice, Reception
from core.errors import DeskError
from core.formatting import long_date
from ui.commune_field import CommuneField
from ui.directory_dialogs import FormDialog
from ui.operations import Change, DeskOps


class ReceptionDialog(FormDialog):
    def __init__(
        self, desk: Desk, ops: DeskOps, now: Reception, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Où j’accueille aujourd’hui"), self.tr("Accueillir ici"), parent)
        self.desk, self.ops, self.lang = desk, ops, desk.language
        self.chosen: Reception | None = None
        intro = QLabel(
            self.tr(
                "Hors de votre site (le bus, un forum, une permanence)\u00a0: chaque accueil "
                "d’aujourd’hui comptera à cette commune et à cet événement, canal «\u00a0hors "
                "les murs\u00a0». Demain, le poste revient au site de lui-même."
            )
        )
        intro.setWordWrap(True)
        self.body.addWidget(intro)
        self.place = CommuneField(ops.places, self.lang)
        self.place.setAccessibleName(self.tr("Commune où vous accueillez"))
        if now.place:
            self.place.set_code(now.place)
        self.event_choice = QComboBox()
        self.event_choice.setAccessibleName(self.tr("Événement"))
        self.event_choice.addItem(self.tr("Aucun événement"), None)
        self.event_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.event_choice.setMinimumContentsLength(44)  # a forum's title and its day
        form = QFormLayout()
        form.addRow(self.tr("&Commune"), self.place)
        form.addRow(self.tr("É&vénement"), self.event_choice)
        self.body.addLayout(form)
        self.back = QPushButton(self.tr("&Revenir au site"))
        self.buttons.addButton(self.back, QDialogButtonBox.ButtonRole.ResetRole)
        self.back.clicked.connect(lambda: self._send(None, None))
        self.back.setEnabled(now.away)
        self.event_choice.currentIndexChanged.connect(self._event_chosen)
        self.finish_layout()
        self._events: list[EventChoice] = []
        current = now.event
        desk_ = desk

        def listed(found: list[EventChoice]) -> None:
            self._events = found
            for choice in found:
                when = long_date(choice.starts_at.date(), self.lang)
                self.event_choice.addItem(f"{choice.title} — {choice.commune}, {when}", choice.id)
            self.event_choice.setCurrentIndex(max(0, self.event_choice.findData(current)))

        ops.read(desk_.events_of_day).success(listed).run(self)

    def _event_chosen(self, _index: int) -> None:
        found = next((e for e in self._events if e.id == self.event_choice.currentData()), None)
        if found is not None and not self.place.code():
            self.place.set_code(found.code_insee)

    def submit(self) -> None:
        self._send(self.place.code() or None, self.event_choice.currentData())

    def _send(self, place: str | None, event: str | None) -> None:
        desk = self.desk
        self.ops.write(lambda: desk.receive_at(place, event), Change.SETTINGS).success(
            self._done
        ).failure(self._refused).run(self)

    def _done(self, chosen: Reception) -> None:
        self.chosen = chosen
        self.accept()

    def _refused(self, error: BaseException) -> None:
        if not isinstance(error, DeskError):
            self.ops.show_failure(self, error)
            return
        self.show_error(error.text(self.lang))
