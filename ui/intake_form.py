"""The intake form: one visit, logged in seconds with the keyboard.

Enter or Ctrl+Enter saves; the form then clears and the focus goes back to the first row.
A visit of the journal can be loaded back to be corrected (``editing``); Escape gives up.

Signals: ``sig_submit(object)`` with the :class:`ContactDraft` to save (a correction of
``editing`` when that is set); ``sig_orient()`` when the agent asks for partners (F4).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.contact import ContactDraft, ContactRecord
from app.errors import DeskError
from app.geography import Geography
from app.lang import moment_text
from app.nomenclature import Nomenclatures
from ui.choice_row import ChoiceRow, row_label
from ui.commune_field import CommuneField

_SAVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class IntakeForm(QWidget):
    """Every field of a contact, in the order an agent asks them."""

    sig_submit = Signal(object)
    sig_orient = Signal()

    def __init__(
        self,
        lists: Nomenclatures,
        geography: Geography,
        lang: str = "fr",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("intakeForm")
        self._lang = lang
        self._geo = geography
        self._default_channel = "sur-place"
        self.editing: ContactRecord | None = None
        # Services chosen for the visitor: id -> "structure — service".
        self.referrals: dict[str, str] = {}

        def choices(list_name: str) -> list[tuple[str, str]]:
            return [(i.code, i.label(lang)) for i in lists.items(list_name)]

        self.channel = ChoiceRow(self.tr("Canal"), choices("channel"), columns=5)
        self.public = ChoiceRow(self.tr("Public"), choices("public"), columns=4)
        self.age = ChoiceRow(self.tr("Âge"), choices("age"), columns=3)
        self.gender = ChoiceRow(self.tr("Genre"), choices("gender"), columns=3)
        self.commune = CommuneField(geography, lang)
        self.commune.setAccessibleName(self.tr("Commune de résidence"))
        self.commune.setPlaceholderText(self.tr("Nom ou code postal, p. ex. « Istres » ou 13800"))
        self.themes = ChoiceRow(
            self.tr("Thèmes de la demande"), choices("theme"), multiple=True, columns=3
        )
        self.answers = ChoiceRow(
            self.tr("Réponses apportées"), choices("answer"), multiple=True, columns=3
        )
        self.duration = ChoiceRow(self.tr("Durée"), choices("duration"), columns=4)
        self.first_visit = ChoiceRow(
            self.tr("Première visite"),
            [("oui", self.tr("Oui")), ("non", self.tr("Non"))],
            columns=2,
        )
        self.agent_code = QLineEdit()
        self.agent_code.setAccessibleName(self.tr("Code agent (facultatif)"))
        self.agent_code.setPlaceholderText(self.tr("Initiales"))
        self.agent_code.setMaxLength(8)
        self.agent_code.setMaximumWidth(110)
        self.note = QLineEdit()
        self.note.setAccessibleName(self.tr("Note (sans donnée personnelle)"))
        self.note.setPlaceholderText(
            self.tr("Facultatif ; ni nom, ni téléphone, ni adresse électronique")
        )
        self.note.setMaxLength(500)
        self.orient_button = QPushButton(self.tr("&Orienter…  (F4)"))
        self.orient_button.setAccessibleName(self.tr("Orienter vers un partenaire"))
        self.referral_list = QLabel()
        self.referral_list.setObjectName("referralList")
        self.referral_list.setWordWrap(True)
        self.referral_list.setTextFormat(Qt.TextFormat.PlainText)  # partners' names, as written
        self.referral_list.setAccessibleName(self.tr("Partenaires choisis"))
        self.save_button = QPushButton(self.tr("Enregi&strer l’accueil  (Entrée)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefault(True)
        self.edit_banner = QLabel()
        self.edit_banner.setObjectName("editBanner")
        self.edit_banner.setAccessibleName(self.tr("Modification en cours"))
        self.edit_banner.hide()
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Erreur de saisie"))
        self.error.hide()

        grid = QGridLayout()
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        rows: list[tuple[str, QWidget]] = [
            (self.tr("&Canal"), self.channel),
            (self.tr("P&ublic"), self.public),
            (self.tr("Â&ge"), self.age),
            (self.tr("Ge&nre"), self.gender),
            (self.tr("C&ommune"), self.commune),
            (self.tr("&Thèmes"), self.themes),
            (self.tr("&Réponses"), self.answers),
            (self.tr("&Durée"), self.duration),
            (self.tr("&Première visite"), self.first_visit),
            (self.tr("Not&e"), self.note),
        ]
        for index, (text, widget) in enumerate(rows):
            label = row_label(text, widget)
            grid.addWidget(label, index, 0, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            grid.addWidget(widget, index, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.agent_code)
        bottom.addStretch(1)
        bottom.addWidget(self.orient_button)
        bottom.addWidget(self.save_button)
        last = len(rows)
        grid.addWidget(
            row_label(self.tr("Code &agent"), self.agent_code),
            last,
            0,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
        )
        grid.addLayout(bottom, last, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit_banner)
        layout.addLayout(grid)
        layout.addWidget(self.referral_list)
        layout.addWidget(self.error)
        layout.addStretch(1)

        order: list[QWidget] = [w for _t, w in rows]
        order += [self.agent_code, self.orient_button, self.save_button]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)
        # A single-choice row answered by its key, or a commune picked, moves on at once.
        for row, following in itertools.pairwise(order):
            if isinstance(row, ChoiceRow) and not row.multiple:
                row.sig_picked.connect(following.setFocus)
        self.commune.sig_chosen.connect(lambda _code: self._after_commune())
        self.save_button.clicked.connect(self.submit)
        self.orient_button.clicked.connect(self.sig_orient.emit)
        QShortcut(QKeySequence("F4"), self, self.sig_orient.emit)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.submit)
        self.clear()

    def _after_commune(self) -> None:
        if self.commune.hasFocus():
            self.themes.setFocus(Qt.FocusReason.TabFocusReason)

    # --- values -------------------------------------------------------------------

    def set_defaults(self, channel: str, commune: str | None) -> None:
        self._default_channel = channel
        # Proposals nearest to the site's commune first.
        self.commune.model.near = commune or None
        self.commune.model.home = commune or None

    def draft(self) -> ContactDraft:
        return ContactDraft(
            channel=self.channel.value() or "",
            public=self.public.value() or "",
            age=self.age.value() or "",
            gender=self.gender.value() or "",
            commune=self.commune.code() or "",
            themes=self.themes.values(),
            answers=self.answers.values(),
            duration=self.duration.value(),
            first_visit={"oui": True, "non": False}.get(self.first_visit.value() or ""),
            agent_code=self.agent_code.text() or None,
            note=self.note.text() or None,
            referrals=list(self.referrals),
        )

    def set_referrals(self, chosen: dict[str, str]) -> None:
        """The partners chosen for the visitor; choosing one ticks the matching answer."""
        self.referrals = dict(chosen)
        if chosen:
            answers = self.answers.values()
            if "orientation-partenaire" not in answers:
                self.answers.set_values([*answers, "orientation-partenaire"])
            self.referral_list.setText(
                self.tr("Orientation vers : %1").replace("%1", " ; ".join(chosen.values()))
            )
        self.referral_list.setVisible(bool(chosen))

    def load(self, record: ContactRecord) -> None:
        """Show a stored visit to correct it; saving then stores a new version of it."""
        self.clear()
        self.editing = record
        self.channel.set_values(record.channel)
        self.public.set_values(record.public)
        self.age.set_values(record.age)
        self.gender.set_values(record.gender)
        self.commune.set_code(record.commune)
        self.themes.set_values(list(record.themes))
        self.answers.set_values(list(record.answers))
        self.duration.set_values(record.duration)
        if record.first_visit is not None:
            self.first_visit.set_values("oui" if record.first_visit else "non")
        self.agent_code.setText(record.agent_code or "")
        self.set_referrals(
            {r.service_id: f"{r.structure_name} — {r.service_name}" for r in record.referrals}
        )
        self.note.setText(record.note or "")
        moment = moment_text(record.moment_local, self._lang)
        self.edit_banner.setText(
            self.tr("Modification de l’accueil du %1 — Échap pour abandonner").replace("%1", moment)
        )
        self.edit_banner.show()
        self.save_button.setText(self.tr("Enregi&strer la modification  (Entrée)"))

    def clear(self) -> None:
        self.editing = None
        self.edit_banner.hide()
        self.save_button.setText(self.tr("Enregi&strer l’accueil  (Entrée)"))
        for row in (
            self.public,
            self.age,
            self.gender,
            self.themes,
            self.answers,
            self.duration,
            self.first_visit,
        ):
            row.clear()
        self.channel.clear()
        self.channel.set_values(self._default_channel)
        self.commune.set_code(None)
        self.note.clear()
        self.set_referrals({})
        self.show_error(None)
        self.channel.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))

    def submit(self) -> None:
        try:
            self.commune.resolve()
        except DeskError as error:
            # A postcode or a name shared by several communes: the agent must pick one.
            self.show_error(error.text(self._lang))
            self.commune.setFocus()
            return
        self.sig_submit.emit(self.draft())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _SAVE_KEYS:
            self.submit()
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self.editing is not None:
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)
