"""The site's settings: identity, defaults, language, slips, retention of notes.

Every value is checked before any is stored; a refusal is shown in the dialog and nothing
changes.
"""

from __future__ import annotations

from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.desk import Desk
from core.errors import DeskError
from ui.commune_field import CommuneField
from ui.file_dialogs import open_file
from ui.operations import DeskOps, ops_for
from ui.screen_fit import fit_to_screen, scrolled


def _printers() -> list[str]:
    try:
        from PySide6.QtPrintSupport import QPrinterInfo
    except ImportError:  # a Qt build without printing
        return []
    return list(QPrinterInfo.availablePrinterNames())


class SiteIdentity(QWidget):
    """Name, address, phone and commune of the site (also a page of the first start)."""

    def __init__(self, desk: Desk, ops: DeskOps, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = desk.settings
        self.name = QLineEdit(str(settings.get("site.name")))
        self.name.setAccessibleName(self.tr("Nom du site"))
        self.name.setPlaceholderText(self.tr("p. ex. Cité des métiers d’Istres"))
        self.address = QLineEdit(str(settings.get("site.address")))
        self.address.setAccessibleName(self.tr("Adresse du site"))
        self.phone = QLineEdit(str(settings.get("site.phone")))
        self.phone.setAccessibleName(self.tr("Téléphone du site"))
        self.commune = CommuneField(ops.places, desk.language)
        self.commune.setAccessibleName(self.tr("Commune du site"))
        if settings.get("site.commune"):
            self.commune.set_code(str(settings.get("site.commune")))
        form = QFormLayout(self)
        for text, field in (
            (self.tr("&Nom du site"), self.name),
            (self.tr("&Adresse"), self.address),
            (self.tr("&Téléphone"), self.phone),
            (self.tr("&Commune"), self.commune),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            # Room for the widest label in any language and at any scale.
            label.setMinimumWidth(label.sizeHint().width() + 6)
            form.addRow(label, field)

    def values(self) -> dict[str, str]:
        return {
            "site.name": self.name.text(),
            "site.address": self.address.text(),
            "site.phone": self.phone.text(),
            "site.commune": self.commune.resolve() or "",
        }


class SettingsDialog(QDialog):
    """Réglages du site."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Réglages du site"))
        self._desk = desk
        self.ops = ops_for(self, desk)  # the window's, or the desk's
        identity_box = self._identity_box()
        work_box = self._work_box()
        slip_box = self._slip_box()

        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.note = QLabel(self.tr("Le changement de langue prend effet au prochain démarrage."))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Enregistrer"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Annuler"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # At 150 % on the counter's screen the boxes are taller than it: they scroll, the
        # error line and the buttons stay in sight.
        content = QWidget()
        boxes = QVBoxLayout(content)
        boxes.setContentsMargins(0, 0, 0, 0)
        for widget in (identity_box, work_box, slip_box, self.note):
            boxes.addWidget(widget)
        boxes.addStretch(1)
        self.content = scrolled(content)
        layout = QVBoxLayout(self)
        for part in (self.content, self.error, buttons):
            layout.addWidget(part)
        layout.setStretch(0, 1)
        self.setMinimumWidth(560)
        fit_to_screen(self)

    def _identity_box(self) -> QGroupBox:
        """The site's name, address, phone and commune, and its logo."""
        desk = self._desk
        settings = desk.settings
        self.identity = SiteIdentity(desk, self.ops)
        self.logo = QLineEdit(str(settings.get("site.logo")))
        self.logo.setAccessibleName(self.tr("Logo du site (fichier image)"))
        browse = QPushButton(self.tr("Choisir…"))
        browse.setAccessibleName(self.tr("Choisir le fichier du logo"))
        browse.clicked.connect(self._browse_logo)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        identity_box = QGroupBox(self.tr("Le site"))
        identity_layout = QVBoxLayout(identity_box)
        identity_layout.addWidget(self.identity)
        logo_form = QFormLayout()
        logo_label = QLabel(self.tr("&Logo"))
        logo_label.setBuddy(self.logo)
        logo_form.addRow(logo_label, logo_row)
        identity_layout.addLayout(logo_form)
        return identity_box

    def _work_box(self) -> QGroupBox:
        """The visits: the channel proposed, the language, how long notes are kept."""
        desk = self._desk
        settings = desk.settings
        self.channel = QComboBox()
        self.channel.setAccessibleName(self.tr("Canal proposé par défaut"))
        for item in desk.lists.items("channel"):
            self.channel.addItem(item.label(desk.language), item.code)
        self.channel.setCurrentIndex(self.channel.findData(settings.get("defaults.channel")))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Langue de l’interface"))
        self.language.addItem("Français", "fr")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(self.language.findData(settings.get("ui.language")))
        self.retention = QSpinBox()
        self.retention.setRange(0, 365)
        self.retention.setSuffix(self.tr(" jours"))
        self.retention.setAccessibleName(self.tr("Durée de conservation des notes, en jours"))
        self.retention.setValue(int(settings.get("notes.retention_days")))
        work_box = QGroupBox(self.tr("Accueil"))
        work = QFormLayout(work_box)
        work.addRow(self.tr("Canal par &défaut"), self.channel)
        work.addRow(self.tr("Lan&gue"), self.language)
        work.addRow(self.tr("Conser&ver les notes"), self.retention)
        return work_box

    def _slip_box(self) -> QGroupBox:
        """The slips: their format, the printer, printing without a preview."""
        settings = self._desk.settings
        self.slip_format = QComboBox()
        self.slip_format.setAccessibleName(self.tr("Format des fiches d’orientation"))
        for code, label in (
            ("a4", self.tr("A4")),
            ("a5", self.tr("A5")),
            ("receipt", self.tr("Ticket 80 mm")),
        ):
            self.slip_format.addItem(label, code)
        self.slip_format.setCurrentIndex(self.slip_format.findData(settings.get("slip.format")))
        self.printer = QComboBox()
        self.printer.setEditable(True)
        self.printer.setAccessibleName(self.tr("Imprimante des fiches"))
        self.printer.addItem(self.tr("Imprimante par défaut du système"), "")
        for name in _printers():
            self.printer.addItem(name, name)
        current = str(settings.get("slip.printer"))
        index = self.printer.findData(current)
        if index < 0 and current:
            self.printer.addItem(current, current)
            index = self.printer.count() - 1
        self.printer.setCurrentIndex(max(index, 0))
        self.direct = QCheckBox(self.tr("Imprimer directement, &sans aperçu"))
        self.direct.setChecked(bool(settings.get("slip.direct")))
        slip_box = QGroupBox(self.tr("Fiches d’orientation"))
        slip = QFormLayout(slip_box)
        slip.addRow(self.tr("&Format"), self.slip_format)
        slip.addRow(self.tr("&Imprimante"), self.printer)
        slip.addRow("", self.direct)
        return slip_box

    def values(self) -> dict[str, str]:
        typed = self.printer.currentText().strip()
        printer = "" if typed == self.printer.itemText(0) else typed
        return {
            **self.identity.values(),
            "site.logo": self.logo.text().strip(),
            "defaults.channel": str(self.channel.currentData()),
            "ui.language": str(self.language.currentData()),
            "notes.retention_days": str(self.retention.value()),
            "slip.format": str(self.slip_format.currentData()),
            "slip.printer": printer,
            "slip.direct": "oui" if self.direct.isChecked() else "non",
        }

    def save(self) -> None:
        lang = self._desk.language
        try:
            values = self.values()
        except DeskError as error:
            self.show_error(error.text(lang))
            return
        logo = values["site.logo"]
        if logo and QImageReader(logo).size().isEmpty():
            self.show_error(
                self.tr("Logo : « %1 » n’est pas une image lisible.").replace("%1", logo)
            )
            return
        # Checked and stored on the desk's writer; a refusal leaves the dialog open.
        self.ops.save_settings(values).success(lambda _v: self.accept()).failure(
            lambda error: self.show_error(
                error.text(lang) if isinstance(error, DeskError) else str(error)
            )
        ).run(self)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _browse_logo(self) -> None:
        path = open_file(
            self, self._desk, self.tr("Logo du site"), self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if path is not None:
            self.logo.setText(str(path))
