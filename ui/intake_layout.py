"""How the intake form is built: a row per question in the order an agent asks them, its
Alt letter, the error under it, then the agent's code and the two buttons; the tab order
follows the rows. ``IntakeForm`` adds what the form does with them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.nomenclature import Nomenclatures
from ui.choice_row import ChoiceRow, row_label
from ui.commune_field import CommuneField
from ui.places import Places

# The mixin is the form's part: typed as a widget, built as a plain class.
if TYPE_CHECKING:
    _Widget = QWidget
else:
    _Widget = object


class IntakeLayout(_Widget):
    """The widgets of ``IntakeForm`` and their layout."""

    _lang: str
    _geo: Places
    field_errors: dict[str, QLabel]
    fields: dict[str, QWidget]

    def _questions(self, lists: Nomenclatures) -> None:
        """A row of choices per list, and the commune, in the order they are asked."""
        lang = self._lang

        def choices(list_name: str) -> list[tuple[str, str]]:
            return [(i.code, i.label(lang)) for i in lists.items(list_name)]

        self.channel = ChoiceRow(self.tr("Canal"), choices("channel"), columns=5)
        self.public = ChoiceRow(self.tr("Public"), choices("public"), columns=4)
        self.age = ChoiceRow(self.tr("Âge"), choices("age"), columns=3)
        self.gender = ChoiceRow(self.tr("Genre"), choices("gender"), columns=3)
        self.commune = CommuneField(self._geo, lang)
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

    def _controls(self) -> None:
        """The agent's code, the note, the two buttons and what is shown around them."""
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
        self.orient_button = QPushButton(self.tr("Orienter…  (F4)"))
        self.orient_button.setAccessibleName(self.tr("Orienter vers un partenaire"))
        self.orient_button.setAutoDefault(True)  # Enter on it opens the partners
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

    def _lay_out(self) -> list[QWidget]:
        """A labelled line per question, its error under it; the tab order returned."""
        grid = QGridLayout()
        grid.setVerticalSpacing(3)
        grid.setColumnStretch(1, 1)
        # One Alt letter per target in the whole window: the menus hold A, F and I.
        rows: list[tuple[str, str, QWidget]] = [
            ("channel", self.tr("&Canal"), self.channel),
            ("public", self.tr("P&ublic"), self.public),
            ("age", self.tr("Â&ge"), self.age),
            ("gender", self.tr("Ge&nre"), self.gender),
            ("commune", self.tr("Co&mmune"), self.commune),
            ("theme", self.tr("&Thèmes"), self.themes),
            ("answer", self.tr("&Réponses"), self.answers),
            ("duration", self.tr("&Durée"), self.duration),
            ("first_visit", self.tr("&Première visite"), self.first_visit),
            ("note", self.tr("Not&e"), self.note),
        ]
        # Under each row, the error that concerns it (hidden until there is one).
        self.field_errors: dict[str, QLabel] = {}
        self.fields: dict[str, QWidget] = {}
        for index, (name, text, widget) in enumerate(rows):
            label = row_label(text, widget)
            top = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight
            grid.addWidget(label, 2 * index, 0, top)
            grid.addWidget(widget, 2 * index, 1)
            grid.addWidget(self._error_label(name, widget), 2 * index + 1, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.agent_code)
        bottom.addStretch(1)
        bottom.addWidget(self.orient_button)
        bottom.addWidget(self.save_button)
        last = 2 * len(rows)
        grid.addWidget(
            row_label(self.tr("C&ode agent"), self.agent_code),
            last,
            0,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
        )
        grid.addLayout(bottom, last, 1)
        grid.addWidget(self._error_label("agent_code", self.agent_code), last + 1, 1)
        self.field_errors["referral"] = self.field_errors["answer"]
        self.fields["referral"] = self.orient_button
        layout = QVBoxLayout(self)
        layout.addWidget(self.edit_banner)
        layout.addLayout(grid)
        layout.addWidget(self.referral_list)
        layout.addWidget(self.error)
        layout.addStretch(1)

        order: list[QWidget] = [w for _n, _t, w in rows]
        order += [self.agent_code, self.orient_button, self.save_button]
        return order

    def _error_label(self, name: str, widget: QWidget) -> QLabel:
        label = QLabel()
        label.setObjectName("fieldError")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setAccessibleName(self.tr("Erreur de saisie"))
        label.hide()
        self.field_errors[name] = label
        self.fields[name] = widget
        return label
