"""Dialogs of the directory tab: report an error, add a local entry, import a directory."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from app.directory import records
from app.directory.batch import Batch, ImportSummary
from app.directory.formats import spreadsheet_template
from core.errors import DeskError
from ui.commune_field import CommuneField
from ui.file_dialogs import open_file, save_file
from ui.operations import Change, DeskOps
from ui.screen_fit import fit_to_screen


class FormDialog(QDialog):
    """A dialog with an error line and OK/Cancel buttons."""

    def __init__(self, title: str, ok: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.body = QVBoxLayout(self)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # may quote what was typed
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.body.addWidget(self.error)
        self.body.addWidget(self.buttons)
        fit_to_screen(self)  # its own size, on the screen

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def submit(self) -> None:  # pragma: no cover - overridden
        self.accept()


class FlagDialog(FormDialog):
    """Report that a record is wrong: closed, hours, contact, area, other. The comment goes
    up to the hub, so it is checked for personal data as a visit's note is; that check and
    the write run on the desk's thread, and a refusal leaves the dialog open with the text."""

    def __init__(
        self, desk: Desk, service_id: str, ops: DeskOps, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Signaler une erreur"), self.tr("Signaler"), parent)
        self.desk = desk
        self.service_id = service_id
        self.ops = ops
        self.busy = False
        self.reasons = QButtonGroup(self)
        labels = {
            "closed": self.tr("Le service a &fermé"),
            "hours": self.tr("Les &horaires ont changé"),
            "contact": self.tr("Le téléphone, le courriel ou l’&adresse ont changé"),
            "area": self.tr("Le &territoire servi n’est pas le bon"),
            "other": self.tr("A&utre chose"),
        }
        self.body.addWidget(QLabel(self.tr("Qu’est-ce qui ne va pas ?")))
        for index, code in enumerate(records.FLAG_REASONS):
            button = QRadioButton(labels[code])
            button.setProperty("code", code)
            self.reasons.addButton(button, index)
            self.body.addWidget(button)
        self.reasons.button(0).setChecked(True)
        self.comment = QPlainTextEdit()
        self.comment.setAccessibleName(self.tr("Commentaire"))
        self.comment.setPlaceholderText(
            self.tr(
                "Ce que vous savez : fermé, horaires, déménagé… (ni nom ni numéro d’une personne)"
            )
        )
        self.comment.setTabChangesFocus(True)
        self.body.addWidget(self.comment)
        self.finish_layout()

    def submit(self) -> None:
        checked = self.reasons.checkedButton()
        assert checked is not None  # one is checked from the start
        reason = str(checked.property("code"))
        comment = self.comment.toPlainText()
        if self.busy:  # a second press while the first is checked
            return
        self.busy = True
        self.ops.flag_service(self.service_id, reason, comment).success(self._sent).failure(
            self._refused
        ).run(self)

    def _sent(self, _flag_id: str) -> None:
        self.busy = False
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        if not isinstance(error, DeskError):
            self.ops.show_failure(self, error)
            return
        self.show_error(error.text(self.desk.language))


class LocalEntryDialog(FormDialog):
    """The site's own entry: a partner the regional directory does not list. It is checked
    and written on the desk's writer; a refusal leaves the dialog open with the text."""

    def __init__(self, desk: Desk, ops: DeskOps, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Ajouter une entrée locale"), self.tr("Ajouter"), parent)
        self.desk = desk
        self.ops = ops
        self.busy = False
        self.structure = QLineEdit()
        self.service = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.address = QLineEdit()
        self.commune = CommuneField(ops.places, desk.language)
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.hours = QLineEdit()
        self.hours.setPlaceholderText("Mo-Fr 09:00-12:00,14:00-17:00; PH off")
        self.documents = QLineEdit()
        self.documents.setPlaceholderText(self.tr("séparés par ; (p. ex. CV ; pièce d’identité)"))
        form = QFormLayout()
        for text, widget in (
            (self.tr("&Structure"), self.structure),
            (self.tr("S&ervice"), self.service),
            (self.tr("&Description"), self.description),
            (self.tr("&Adresse"), self.address),
            (self.tr("&Commune"), self.commune),
            (self.tr("&Téléphone"), self.phone),
            (self.tr("Co&urriel"), self.email),
            (self.tr("&Horaires (format OpenStreetMap)"), self.hours),
            (self.tr("Pièces à a&pporter"), self.documents),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(label.text().replace("&", ""))
            form.addRow(label, widget)
        self.body.addLayout(form)
        self.finish_layout()
        fit_to_screen(self, 560, 520)
        self.service_id: str | None = None

    def submit(self) -> None:
        if self.busy:  # a second press while the first is checked
            return
        try:
            commune = self.commune.resolve()
        except DeskError as error:
            self.show_error(error.text(self.desk.language))
            return
        typed = {
            "nom": self.structure.text().strip(),
            "adresse": self.address.text().strip() or None,
            "telephone": self.phone.text().strip() or None,
            "courriel": self.email.text().strip() or None,
            "service": self.service.text().strip(),
            "description": self.description.toPlainText().strip(),
            "horaires_accueil": self.hours.text().strip() or None,
            "documents": [d.strip() for d in self.documents.text().split(";") if d.strip()],
        }
        self.busy = True
        desk = self.desk  # the writer gets the desk and the values, not this dialog
        self.ops.write(lambda: add_entry(desk, commune, typed), Change.DIRECTORY).success(
            self._added
        ).failure(self._refused).run(self)

    def _added(self, service_id: str) -> None:
        self.busy = False
        self.service_id = service_id
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self.busy = False
        if not isinstance(error, DeskError):
            self.ops.show_failure(self, error)
            return
        self.show_error(error.text(self.desk.language))


def add_entry(desk: Desk, commune: str | None, typed: dict[str, Any]) -> str:
    """On the writer: the commune's names looked up, then the local entry added."""
    place = desk.geography.get(commune) if commune else None
    structure = {
        "nom": typed["nom"],
        "adresse": typed["adresse"],
        "code_insee": place.insee if place else None,
        "commune": place.name if place else None,
        "code_postal": place.main_postcode if place else None,
        "telephone": typed["telephone"],
        "courriel": typed["courriel"],
    }
    service = {
        **{k: v for k, v in structure.items() if k != "nom"},
        "nom": typed["service"],
        "description": typed["description"],
        "horaires_accueil": typed["horaires_accueil"],
        "zone_eligibilite": [place.insee] if place else None,
        "documents": typed["documents"],
    }
    return desk.add_local_entry(structure, service)


def plain_box(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> None:
    """A message box showing ``text`` as written: it names records of the file imported,
    and a name that looks like HTML must not render as such."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def import_directory(parent: QWidget, desk: Desk, ops: DeskOps) -> None:
    """Choose a file or folder, read and check it on the read pool, write it on the
    desk's writer (an agent's Enter never waits behind the reading), then show the summary.
    The directory tab shows the import through the change it announces."""
    picked = open_file(
        parent, desk, parent.tr("Importer un annuaire"), parent.tr("Annuaires (*.csv *.json)")
    )
    if picked is None:
        return
    chosen = picked
    # data.inclusion and HSDS come as folders: the file chosen stands for its folder.
    name = chosen.name.lower()
    folder_files = {"structures.json", "services.json", "structures.csv", "organizations.csv"}
    hsds = name == "services.csv" and (chosen.parent / "organizations.csv").exists()
    if name in folder_files or hsds:
        chosen = chosen.parent

    def shown(summary: ImportSummary) -> None:
        lines = "\n".join(summary.lines(desk.language)[:40])
        plain_box(parent, QMessageBox.Icon.Information, parent.tr("Import terminé"), lines)

    def failed(error: BaseException) -> None:
        text = error.text(desk.language) if isinstance(error, DeskError) else str(error)
        plain_box(parent, QMessageBox.Icon.Warning, parent.tr("Import impossible"), text)

    def read(batch: Batch) -> None:
        ops.import_directory(batch).success(shown).failure(failed).run(parent)

    ops.read_directory(chosen).success(read).failure(failed).run(parent)


def save_template(parent: QWidget, desk: Desk) -> Path | None:
    target = save_file(
        parent,
        desk,
        parent.tr("Modèle de tableur"),
        "annuaire.csv",
        parent.tr("Tableur CSV (*.csv)"),
    )
    if target is None:
        return None
    target.write_text(spreadsheet_template(), encoding="utf-8", newline="")
    return target
